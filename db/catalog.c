/* The catalogue statements of catalog.h: each binds, steps and copies out;
 * transactions are the caller's. */
#include <string.h>
#include "catalog.h"
#include "db-internal.h"
#include "../src/util/i18n.h"
#include "../src/util/xalloc.h"

int db_setting_get(struct db *db, const char *key, char *out, size_t size)
{
	sqlite3_stmt *st = db_stmt(db, SQL_SETTING_GET, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_column_text(st, 0, out, size);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_NOTFOUND : DB_ERROR;
}

int db_setting_set(struct db *db, const char *key, const char *value, char **err)
{
	sqlite3_stmt *st = db_stmt(db, SQL_SETTING_SET, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	return db_step_done(db, st, err);
}

static int db_insert_id(struct db *db, sqlite3_stmt *st, int64_t *id, char **err)
{
	int rc = db_step_done(db, st, err);
	if (rc == DB_OK && id)
		*id = sqlite3_last_insert_rowid(db->conn);
	return rc;
}

int db_tax_class_add(struct db *db, const char *code, const char *name, int32_t rate,
                     int64_t *id, char **err)
{
	sqlite3_stmt *st = db_stmt(db, SQL_TAX_CLASS_ADD, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, rate);
	return db_insert_id(db, st, id, err);
}

int db_location_add(struct db *db, const char *code, const char *name, int64_t *id, char **err)
{
	sqlite3_stmt *st = db_stmt(db, SQL_LOCATION_ADD, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	return db_insert_id(db, st, id, err);
}

int db_location_default(struct db *db, int64_t *id)
{
	sqlite3_stmt *st = db_stmt(db, SQL_LOCATION_DEFAULT, NULL);
	if (!st)
		return DB_ERROR;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_NOTFOUND : DB_ERROR;
}

int db_product_add(struct db *db, const struct db_product_new *p, int64_t *id, char **err)
{
	sqlite3_stmt *st = db_stmt(db, SQL_PRODUCT_ADD, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, p->sku, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, p->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, p->brand ? p->brand : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, p->category ? p->category : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, p->unit ? p->unit : "pc", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, p->tax_class_id);
	sqlite3_bind_int64(st, 7, p->price);
	sqlite3_bind_int(st, 8, p->weighed ? 1 : 0);
	return db_insert_id(db, st, id, err);
}

int db_barcode_add(struct db *db, const char *code, int64_t product_id, int64_t pack_qty,
                   char **err)
{
	sqlite3_stmt *st = db_stmt(db, SQL_BARCODE_ADD, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, product_id);
	sqlite3_bind_int64(st, 3, pack_qty);
	return db_step_done(db, st, err);
}

int db_customer_add(struct db *db, const char *code, const char *name, const char *kind,
                    char **err)
{
	sqlite3_stmt *st = db_stmt(db, SQL_CUSTOMER_ADD, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, kind, -1, SQLITE_STATIC);
	return db_step_done(db, st, err);
}

int db_customer_get(struct db *db, const char *code, int64_t *id, char *name, size_t size)
{
	sqlite3_stmt *st = db_stmt(db, SQL_CUSTOMER_GET, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (id)
			*id = sqlite3_column_int64(st, 0);
		if (name)
			db_column_text(st, 1, name, size);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_NOTFOUND : DB_ERROR;
}

/* The column order shared by the product queries of db.c's table. */
static void db_product_row(sqlite3_stmt *st, struct db_product *p)
{
	p->id = sqlite3_column_int64(st, 0);
	db_column_text(st, 1, p->sku, sizeof p->sku);
	db_column_text(st, 2, p->name, sizeof p->name);
	db_column_text(st, 3, p->brand, sizeof p->brand);
	db_column_text(st, 4, p->unit, sizeof p->unit);
	p->price = sqlite3_column_int64(st, 5);
	p->tax_rate = sqlite3_column_int(st, 6);
	p->weighed = sqlite3_column_int(st, 7);
	p->pack_qty = sqlite3_column_int64(st, 8);
	db_column_text(st, 9, p->barcode, sizeof p->barcode);
	p->stock = sqlite3_column_int64(st, 10);
}

static int db_product_one(struct db *db, enum db_sql which, const char *code,
                          struct db_product *out)
{
	sqlite3_stmt *st = db_stmt(db, which, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_product_row(st, out);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_NOTFOUND : DB_ERROR;
}

int db_product_by_barcode(struct db *db, const char *code, struct db_product *out)
{
	return db_product_one(db, SQL_PRODUCT_BY_BARCODE, code, out);
}

int db_product_by_sku(struct db *db, const char *sku, struct db_product *out)
{
	return db_product_one(db, SQL_PRODUCT_BY_SKU, sku, out);
}

/* Whether the word at p (up to a blank) is a single UTF-8 character. */
static int db_search_one_char(const char *p)
{
	size_t n = 1;
	while ((p[n] & 0xC0) == 0x80)
		n++;
	return !p[n] || p[n] == ' ' || p[n] == '\t';
}

/* Turns typed words into an FTS5 query where each word is a quoted prefix:
 * `cre bru` -> `"cre"* "bru"*`. Quotes inside a word are doubled, so no
 * input can form FTS5 syntax. A word of one character next to longer ones
 * is left out: it is the start of the next word being typed, and as a
 * prefix it would match most of a large catalogue. Returns the number of
 * words. */
static size_t db_search_query(const char *words, char *out, size_t size)
{
	size_t o = 0, nwords = 0, longer = 0;
	for (const char *q = words; *q; q++)
		if (*q != ' ' && *q != '\t' && (q == words || q[-1] == ' ' || q[-1] == '\t') &&
		    !db_search_one_char(q))
			longer++;
	const char *p = words;
	while (*p) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		if (longer && db_search_one_char(p)) {
			while (*p && *p != ' ' && *p != '\t')
				p++;
			continue;
		}
		if (o + 4 >= size)
			break;
		out[o++] = '"';
		while (*p && *p != ' ' && *p != '\t' && o + 4 < size) {
			if (*p == '"')
				out[o++] = '"';
			out[o++] = *p++;
		}
		while (*p && *p != ' ' && *p != '\t')
			p++;
		out[o++] = '"';
		out[o++] = '*';
		out[o++] = ' ';
		nwords++;
	}
	out[o ? o - 1 : 0] = '\0';
	return nwords;
}

int db_product_search(struct db *db, const char *words, struct db_product *out, size_t max,
                      size_t *n, char **err)
{
	char query[512];
	*n = 0;
	if (!db_search_query(words, query, sizeof query))
		return DB_OK;
	/* Up to three characters match most of a big catalogue; ranking them
	 * all would read every match before returning the first. */
	enum db_sql which = strlen(words) <= 3 ? SQL_SEARCH_SHORT : SQL_SEARCH_RANKED;
	sqlite3_stmt *st = db_stmt(db, which, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, query, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)max);
	if (which == SQL_SEARCH_RANKED)
		sqlite3_bind_text(st, 3, words, -1, SQLITE_TRANSIENT);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < max)
		db_product_row(st, &out[(*n)++]);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		error_set(err, _("search failed: %s"), db_errmsg(db));
		return DB_ERROR;
	}
	return DB_OK;
}

int db_stock_rows(struct db *db, int64_t product_id, struct db_stock_row *rows, size_t max,
                  size_t *n, int64_t *total)
{
	sqlite3_stmt *st = db_stmt(db, SQL_STOCK_ROWS, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, product_id);
	*n = 0;
	*total = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t q = sqlite3_column_int64(st, 1);
		*total += q;
		if (*n < max) {
			db_column_text(st, 0, rows[*n].location, sizeof rows[*n].location);
			rows[*n].qty = q;
			(*n)++;
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? DB_OK : DB_ERROR;
}
