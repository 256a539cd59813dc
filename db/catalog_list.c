/* The buyers' catalog statements of catalog_list.h, kept in this file's own
 * table through db_stmt_sql(), and the SQL function comptoir_fold() that
 * gives them an accent- and case-blind order. */
#include <stdlib.h>
#include <string.h>
#include "catalog_list.h"
#include "db-internal.h"
#include "../src/util/charset.h"
#include "../src/util/i18n.h"
#include "../src/util/xalloc.h"

static const char SQL_LIST_NAME[] = "SELECT name FROM price_lists WHERE id = ?1";

/* The fold is computed once per row, then sorted on; the original text
 * breaks ties so that "Épices" and "Epices" do not interleave. */
static const char SQL_PRODUCTS[] =
	"SELECT p.id, p.sku, p.name, p.category, p.unit, p.price, t.rate, p.weighed, "
	"coalesce((SELECT group_concat(q, ', ') FROM (SELECT DISTINCT b.pack_qty AS q "
	"FROM barcodes b WHERE b.product_id = p.id AND b.pack_qty > 1 ORDER BY q)), '') "
	"FROM products p JOIN tax_classes t ON t.id = p.tax_class_id "
	"WHERE p.active AND (?1 IS NULL OR comptoir_fold(p.category) = comptoir_fold(?1)) "
	"ORDER BY comptoir_fold(p.category), p.category, comptoir_fold(p.name), p.name, p.sku";

int db_catalog_list_name(struct db *db, int64_t list_id, char *out, size_t size)
{
	sqlite3_stmt *st = db_stmt_sql(db, SQL_LIST_NAME, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, list_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_column_text(st, 0, out, size);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_NOTFOUND : DB_ERROR;
}

/* comptoir_fold(text): lower-case ASCII with the accents taken off
 * ("Éclairage" -> "eclairage", "Œufs" -> "oeufs"); characters with no
 * ASCII form become '?'.  Plain ASCII, most rows, skips iconv. */
static void db_catalog_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	if (!s) {
		sqlite3_result_null(ctx);
		return;
	}
	size_t i;
	for (i = 0; s[i] && !(s[i] & 0x80); i++)
		;
	char *t = s[i] ? charset_from_utf8(s, "ASCII") : NULL;
	if (!t)
		t = xstrdup(s);
	for (char *p = t; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	sqlite3_result_text(ctx, t, -1, free);
}

int db_catalog_each_product(struct db *db, const char *category,
                            int (*fn)(const struct db_catalog_item *item, void *ctx),
                            void *ctx, char **err)
{
	/* Registered on every walk: the connection may be new, and doing it
	 * again only re-prepares the cached statement. */
	if (sqlite3_create_function_v2(db->conn, "comptoir_fold", 1,
	                               SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, db_catalog_fold,
	                               NULL, NULL, NULL) != SQLITE_OK) {
		error_set(err, _("cannot read the products: %s"), db_errmsg(db));
		return DB_ERROR;
	}
	sqlite3_stmt *st = db_stmt_sql(db, SQL_PRODUCTS, err);
	if (!st)
		return DB_ERROR;
	if (category)
		sqlite3_bind_text(st, 1, category, -1, SQLITE_STATIC);
	struct db_catalog_item it;
	int rc = SQLITE_DONE, stop = 0;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&it, 0, sizeof it);
		it.id = sqlite3_column_int64(st, 0);
		db_column_text(st, 1, it.sku, sizeof it.sku);
		db_column_text(st, 2, it.name, sizeof it.name);
		db_column_text(st, 3, it.category, sizeof it.category);
		db_column_text(st, 4, it.unit, sizeof it.unit);
		it.price = sqlite3_column_int64(st, 5);
		it.tax_rate = sqlite3_column_int(st, 6);
		it.weighed = sqlite3_column_int(st, 7);
		db_column_text(st, 8, it.packs, sizeof it.packs);
		if (it.packs[0]) {
			it.npacks = 1;
			for (const char *p = it.packs; (p = strchr(p, ',')); p++)
				it.npacks++;
		}
		stop = fn(&it, ctx);
	}
	if (stop) {
		sqlite3_reset(st);
		return stop;
	}
	if (rc != SQLITE_DONE) {
		error_set(err, _("cannot read the products: %s"), db_errmsg(db));
		sqlite3_reset(st);
		return DB_ERROR;
	}
	sqlite3_reset(st);
	return DB_OK;
}
