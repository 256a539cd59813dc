/* Suppliers and what they sell us: their code for it, the price per base
 * unit, the pack and lead time, the preferred supplier of each product; and
 * products' minimum and maximum levels for reordering. Changing any of
 * them needs RIGHT_PURCHASE; reading them does not. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "purchase-internal.h"
#include "../core/text.h"
#include "../../db/db-internal.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

static const char sql_supplier_add[] =
	"INSERT INTO suppliers(code, name, kind) VALUES (?1, ?2, ?3)";
static const char sql_supplier_list[] =
	"SELECT code, name, kind, count(*) OVER () FROM suppliers ORDER BY code";
static const char sql_item_get[] =
	"SELECT 1 FROM supplier_items WHERE supplier_id = ?1 AND product_id = ?2";
static const char sql_item_add[] =
	"INSERT INTO supplier_items(supplier_id, product_id, price) "
	"SELECT ?1, id, max(cost, 0) FROM products WHERE id = ?2";
static const char sql_item_set[] =
	"UPDATE supplier_items SET code = coalesce(?3, code), price = coalesce(?4, price),"
	" pack_qty = coalesce(?5, pack_qty), lead_days = coalesce(?6, lead_days) "
	"WHERE supplier_id = ?1 AND product_id = ?2";
static const char sql_item_unprefer[] =
	"UPDATE supplier_items SET preferred = 0 WHERE product_id = ?1 AND preferred = 1";
static const char sql_item_prefer[] =
	"UPDATE supplier_items SET preferred = 1 WHERE supplier_id = ?1 AND product_id = ?2";
static const char sql_items_list[] =
	"SELECT p.sku, i.code, i.price, i.pack_qty, i.lead_days, i.preferred, count(*) OVER () "
	"FROM supplier_items i JOIN products p ON p.id = i.product_id "
	"WHERE i.supplier_id = ?1 ORDER BY p.sku";
static const char sql_levels_set[] =
	"UPDATE products SET min_level = ?2, max_level = ?3 WHERE id = ?1";

static int purchase_check_code(const char *what, const char *code, char **err)
{
	if (text_check_code(code, 64) != TEXT_OK || strlen(code) > 64) {
		error_set(err, _("%s: 1 to 64 printable characters without blanks"), what);
		return APP_ERR;
	}
	return APP_OK;
}

int app_supplier_add_kind(struct app *a, const char *code, const char *name, const char *kind,
                          char **err)
{
	char clean[161];
	if (purchase_check_code(_("a supplier's code"), code, err) != APP_OK)
		return APP_ERR;
	if (text_clean(name, clean, sizeof clean, 160) != TEXT_OK || !clean[0]) {
		error_set(err, _("a supplier's name has 1 to 160 printable characters"));
		return APP_ERR;
	}
	if (strcmp(kind, "manufacturer") != 0 && strcmp(kind, "wholesaler") != 0) {
		error_set(err, _("'%s' is not a kind of supplier (manufacturer, wholesaler)"), kind);
		return APP_ERR;
	}
	int rc = purchase_require(a, RIGHT_PURCHASE, err);
	app_require_done(a);
	if (rc != APP_OK)
		return rc;
	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_supplier_add, err);
	if (!st)
		return purchase_finish(a, APP_IO, err);
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, clean, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, kind, -1, SQLITE_STATIC);
	rc = db_step_done(a->db, st, err);
	if (rc == DB_CONSTRAINT) {
		free(*err);
		*err = NULL;
		error_set(err, _("supplier %s already exists"), code);
		return purchase_finish(a, APP_ERR, err);
	}
	return purchase_finish(a, rc == DB_OK ? APP_OK : APP_IO, err);
}

int app_supplier_add(struct app *a, const char *code, const char *name, char **err)
{
	return app_supplier_add_kind(a, code, name, "wholesaler", err);
}

/* Binds an optional text (NULL) or integer (< 0: NULL) parameter. */
static void purchase_bind_opt(sqlite3_stmt *st, int col, int64_t v)
{
	if (v < 0)
		sqlite3_bind_null(st, col);
	else
		sqlite3_bind_int64(st, col, v);
}

int app_supplier_item_set(struct app *a, const char *supplier, const char *sku,
                          const struct app_supplier_item *it, char **err)
{
	int64_t price = -1;
	if (it->code && it->code[0] && purchase_check_code(_("a supplier's code for an item"),
	                                                  it->code, err) != APP_OK)
		return APP_ERR;
	if (it->price && money_parse(it->price, 2, &price) != MONEY_OK) {
		error_set(err, _("'%s' is not a price"), it->price);
		return APP_ERR;
	}
	if (it->price && price < 0) {
		error_set(err, _("a price cannot be negative"));
		return APP_ERR;
	}
	if (it->pack_qty < 0 || it->lead_days < -1 || it->lead_days > 365) {
		error_set(err, _("a pack holds at least 1, and a lead time is 0 to 365 days"));
		return APP_ERR;
	}
	int64_t sid;
	int rc = purchase_require(a, RIGHT_PURCHASE, err);
	app_require_done(a);
	if (rc != APP_OK || (rc = purchase_supplier_id(a, supplier, &sid, err)) != APP_OK)
		return rc;
	struct purchase_item pi;
	struct app_stock_item one = { .code = sku };
	if ((rc = purchase_item_resolve(a, 0, &one, &pi, err)) != APP_OK)
		return rc;
	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_item_get, err);
	if (!st)
		return purchase_finish(a, APP_IO, err);
	sqlite3_bind_int64(st, 1, sid);
	sqlite3_bind_int64(st, 2, pi.product_id);
	int have = sqlite3_step(st);
	sqlite3_reset(st);
	rc = APP_OK;
	if (have == SQLITE_DONE) {
		if (!(st = db_stmt_sql(a->db, sql_item_add, err)))
			return purchase_finish(a, APP_IO, err);
		sqlite3_bind_int64(st, 1, sid);
		sqlite3_bind_int64(st, 2, pi.product_id);
		if (db_step_done(a->db, st, err) != DB_OK)
			rc = APP_IO;
	} else if (have != SQLITE_ROW) {
		rc = purchase_io(a, err);
	}
	if (rc == APP_OK && (st = db_stmt_sql(a->db, sql_item_set, err)) != NULL) {
		sqlite3_bind_int64(st, 1, sid);
		sqlite3_bind_int64(st, 2, pi.product_id);
		if (it->code)
			sqlite3_bind_text(st, 3, it->code, -1, SQLITE_TRANSIENT);
		purchase_bind_opt(st, 4, price);
		purchase_bind_opt(st, 5, it->pack_qty > 0 ? it->pack_qty : -1);
		purchase_bind_opt(st, 6, it->lead_days);
		if (db_step_done(a->db, st, err) != DB_OK)
			rc = APP_IO;
	} else if (rc == APP_OK) {
		rc = APP_IO;
	}
	if (rc == APP_OK && it->preferred) {
		sqlite3_stmt *un = db_stmt_sql(a->db, sql_item_unprefer, err);
		if (!un)
			return purchase_finish(a, APP_IO, err);
		sqlite3_bind_int64(un, 1, pi.product_id);
		if (db_step_done(a->db, un, err) != DB_OK ||
		    !(st = db_stmt_sql(a->db, sql_item_prefer, err)))
			return purchase_finish(a, APP_IO, err);
		sqlite3_bind_int64(st, 1, sid);
		sqlite3_bind_int64(st, 2, pi.product_id);
		if (db_step_done(a->db, st, err) != DB_OK)
			rc = APP_IO;
	}
	return purchase_finish(a, rc, err);
}

int app_supplier_list(struct app *a, struct app_supplier_info *out, size_t max, size_t *n,
                      char **err)
{
	*n = 0;
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_supplier_list, err);
	if (!st)
		return APP_IO;
	size_t k = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*n = (size_t)sqlite3_column_int64(st, 3);
		if (k == max)
			continue;
		db_column_text(st, 0, out[k].code, sizeof out[k].code);
		db_column_text(st, 1, out[k].name, sizeof out[k].name);
		db_column_text(st, 2, out[k].kind, sizeof out[k].kind);
		k++;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? APP_OK : purchase_io(a, err);
}

int app_supplier_items(struct app *a, const char *supplier, struct app_supplier_item_info *out,
                       size_t max, size_t *n, char **err)
{
	*n = 0;
	int64_t sid;
	int rc = purchase_supplier_id(a, supplier, &sid, err);
	if (rc != APP_OK)
		return rc;
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_items_list, err);
	if (!st)
		return APP_IO;
	sqlite3_bind_int64(st, 1, sid);
	size_t k = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*n = (size_t)sqlite3_column_int64(st, 6);
		if (k == max)
			continue;
		db_column_text(st, 0, out[k].sku, sizeof out[k].sku);
		db_column_text(st, 1, out[k].code, sizeof out[k].code);
		out[k].price = sqlite3_column_int64(st, 2);
		out[k].pack_qty = sqlite3_column_int64(st, 3);
		out[k].lead_days = sqlite3_column_int64(st, 4);
		out[k].preferred = sqlite3_column_int(st, 5);
		k++;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? APP_OK : purchase_io(a, err);
}

int app_product_levels(struct app *a, const char *code, int64_t min, int64_t max, char **err)
{
	if (min < 0 || max < 0 || (max > 0 && min > max)) {
		error_set(err, _("levels: the minimum is 0 or more and at most the maximum"));
		return APP_ERR;
	}
	struct purchase_item pi;
	struct app_stock_item one = { .code = code };
	int rc = purchase_require(a, RIGHT_PURCHASE, err);
	app_require_done(a);
	if (rc != APP_OK || (rc = purchase_item_resolve(a, 0, &one, &pi, err)) != APP_OK)
		return rc;
	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_levels_set, err);
	if (!st)
		return purchase_finish(a, APP_IO, err);
	sqlite3_bind_int64(st, 1, pi.product_id);
	sqlite3_bind_int64(st, 2, min);
	sqlite3_bind_int64(st, 3, max);
	rc = db_step_done(a->db, st, err) == DB_OK ? APP_OK : APP_IO;
	return purchase_finish(a, rc, err);
}

