/* What the purchasing files share (purchase-internal.h): suppliers by code,
 * items resolved to products and base units (the supplier's own code too),
 * purchase orders' rows, numbers, lines and status. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "purchase-internal.h"
#include "auth.h"
#include "../core/text.h"
#include "../../db/db-internal.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

static const char sql_supplier_id[] = "SELECT id FROM suppliers WHERE code = ?1";
static const char sql_item_by_code[] =
	"SELECT p.sku FROM supplier_items i JOIN products p ON p.id = i.product_id "
	"WHERE i.supplier_id = ?1 AND i.code = ?2";
static const char sql_purchase_get[] =
	"SELECT p.id, p.number, p.supplier_id, p.closed_at, p.unordered, p.status, s.code "
	"FROM purchases p JOIN suppliers s ON s.id = p.supplier_id WHERE p.number = ?1";
static const char sql_purchase_next[] =
	"UPDATE counters SET value = value + 1 WHERE name = 'purchase' RETURNING value";
static const char sql_purchase_add[] =
	"INSERT INTO purchases(number, supplier_id, status, unordered, user_name, approver,"
	" created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
static const char sql_line_find[] =
	"SELECT line_no FROM purchase_lines WHERE purchase_id = ?1 AND product_id = ?2 "
	"ORDER BY line_no LIMIT 1";
static const char sql_line_more[] =
	"UPDATE purchase_lines SET ordered = ordered + ?3 WHERE purchase_id = ?1 AND line_no = ?2";
static const char sql_line_add[] =
	"INSERT INTO purchase_lines(purchase_id, line_no, product_id, ordered, unit_cost, pack_qty) "
	"SELECT ?1, (SELECT coalesce(max(line_no), 0) + 1 FROM purchase_lines"
	"  WHERE purchase_id = ?1), p.id, ?4,"
	" coalesce((SELECT price FROM supplier_items WHERE supplier_id = ?2 AND product_id = p.id),"
	"   max(p.cost, 0)),"
	" coalesce((SELECT pack_qty FROM supplier_items WHERE supplier_id = ?2 AND product_id = p.id),"
	"   1) "
	"FROM products p WHERE p.id = ?3 RETURNING line_no";
static const char sql_status_update[] =
	"UPDATE purchases SET status = CASE"
	"  WHEN NOT EXISTS (SELECT 1 FROM purchase_lines WHERE purchase_id = ?1"
	"    AND received < ordered) THEN 'received'"
	"  WHEN EXISTS (SELECT 1 FROM purchase_lines WHERE purchase_id = ?1 AND received > 0)"
	"    THEN 'partial'"
	"  ELSE status END "
	"WHERE id = ?1 AND status <> 'closed'";

int purchase_io(struct app *a, char **err)
{
	error_set(err, _("cannot read or write the purchase orders: %s"), db_errmsg(a->db));
	return APP_IO;
}

int purchase_require(struct app *a, enum right r, char **err)
{
	if (!app_has_users(a))
		return APP_OK;
	return app_require(a, r, err);
}

int purchase_finish(struct app *a, int rc, char **err)
{
	if (rc == APP_OK && db_commit(a->db, err) != DB_OK)
		rc = APP_IO;
	if (rc != APP_OK)
		db_rollback(a->db);
	return rc;
}

int purchase_supplier_id(struct app *a, const char *code, int64_t *id, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_supplier_id, err);
	if (!st)
		return APP_IO;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return APP_OK;
	if (rc != SQLITE_DONE)
		return purchase_io(a, err);
	char shown[80];
	if (text_clean(code, shown, sizeof shown, 64) != TEXT_OK)
		strcpy(shown, "?");
	error_set(err, _("no supplier %s"), shown);
	return APP_NOTFOUND;
}

/* The product a code names: app_lookup, else the supplier's own code. */
static int purchase_product(struct app *a, int64_t supplier_id, const char *code,
                            struct app_scan *scan, char **err)
{
	char *why = NULL;
	int rc = app_lookup(a, code, scan, &why);
	if (rc != APP_NOTFOUND || supplier_id == 0) {
		if (rc != APP_OK)
			error_set(err, "%s", why);
		free(why);
		return rc;
	}
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_item_by_code, err);
	if (!st) {
		free(why);
		return APP_IO;
	}
	sqlite3_bind_int64(st, 1, supplier_id);
	sqlite3_bind_text(st, 2, code, -1, SQLITE_TRANSIENT);
	char sku[65] = "";
	if (sqlite3_step(st) == SQLITE_ROW)
		db_column_text(st, 0, sku, sizeof sku);
	sqlite3_reset(st);
	if (!sku[0]) {
		error_set(err, "%s", why);
		free(why);
		return APP_NOTFOUND;
	}
	free(why);
	return app_lookup(a, sku, scan, err);
}

int purchase_item_resolve(struct app *a, int64_t supplier_id, const struct app_stock_item *it,
                          struct purchase_item *out, char **err)
{
	memset(out, 0, sizeof *out);
	struct app_scan scan;
	int rc = purchase_product(a, supplier_id, it->code, &scan, err);
	if (rc != APP_OK)
		return rc;
	int64_t pack = scan.qty > 0 && !scan.item.weighed ? scan.qty : 1, qty = pack;
	if (scan.item.weighed && scan.qty > 0)
		qty = scan.qty;
	if (it->qty) {
		if (app_parse_qty(it->qty, scan.item.weighed, &qty, err) != APP_OK)
			return APP_ERR;
		/* "2" of a case barcode is two cases, as at the counter. */
		if (!scan.item.weighed && __builtin_mul_overflow(qty, pack, &qty)) {
			error_set(err, _("bad quantity '%s': too large"), it->qty);
			return APP_ERR;
		}
	}
	out->product_id = scan.item.product_id;
	out->qty = qty;
	out->weighed = scan.item.weighed;
	strlcpy_safe(out->sku, scan.item.sku, sizeof out->sku);
	return APP_OK;
}

int purchase_row_get(struct app *a, int64_t number, struct purchase_row *p, char **err)
{
	memset(p, 0, sizeof *p);
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_purchase_get, err);
	if (!st)
		return APP_IO;
	sqlite3_bind_int64(st, 1, number);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		p->id = sqlite3_column_int64(st, 0);
		p->number = sqlite3_column_int64(st, 1);
		p->supplier_id = sqlite3_column_int64(st, 2);
		p->closed_at = sqlite3_column_int64(st, 3);
		p->unordered = sqlite3_column_int(st, 4);
		db_column_text(st, 5, p->status, sizeof p->status);
		db_column_text(st, 6, p->supplier, sizeof p->supplier);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return APP_OK;
	if (rc != SQLITE_DONE)
		return purchase_io(a, err);
	error_set(err, _("no purchase order %lld"), (long long)number);
	return APP_NOTFOUND;
}

int purchase_create(struct app *a, int64_t supplier_id, int unordered, const char *approver,
                    int64_t *id, int64_t *number, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_purchase_next, err);
	if (!st)
		return APP_IO;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*number = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return purchase_io(a, err);
	if (!(st = db_stmt_sql(a->db, sql_purchase_add, err)))
		return APP_IO;
	sqlite3_bind_int64(st, 1, *number);
	sqlite3_bind_int64(st, 2, supplier_id);
	sqlite3_bind_text(st, 3, unordered ? "sent" : "draft", -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, unordered);
	sqlite3_bind_text(st, 5, app_user_name(a), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, approver, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 7, (int64_t)time(NULL));
	if (db_step_done(a->db, st, err) != DB_OK)
		return APP_IO;
	*id = sqlite3_last_insert_rowid(a->db->conn);
	return APP_OK;
}

int purchase_line_add(struct app *a, int64_t purchase_id, int64_t supplier_id,
                      int64_t product_id, int64_t ordered, int64_t *line_no, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_line_find, err);
	if (!st)
		return APP_IO;
	sqlite3_bind_int64(st, 1, purchase_id);
	sqlite3_bind_int64(st, 2, product_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*line_no = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW) {
		if (ordered == 0)
			return APP_OK;
		if (!(st = db_stmt_sql(a->db, sql_line_more, err)))
			return APP_IO;
		sqlite3_bind_int64(st, 1, purchase_id);
		sqlite3_bind_int64(st, 2, *line_no);
		sqlite3_bind_int64(st, 3, ordered);
		return db_step_done(a->db, st, err) == DB_OK ? APP_OK : APP_IO;
	}
	if (rc != SQLITE_DONE || !(st = db_stmt_sql(a->db, sql_line_add, err)))
		return purchase_io(a, err);
	sqlite3_bind_int64(st, 1, purchase_id);
	sqlite3_bind_int64(st, 2, supplier_id);
	sqlite3_bind_int64(st, 3, product_id);
	sqlite3_bind_int64(st, 4, ordered);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*line_no = sqlite3_column_int64(st, 0);
	int done = rc == SQLITE_ROW ? sqlite3_step(st) : rc;
	sqlite3_reset(st);
	return rc == SQLITE_ROW && done == SQLITE_DONE ? APP_OK : purchase_io(a, err);
}

int purchase_status_update(struct app *a, int64_t purchase_id, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_status_update, err);
	if (!st)
		return APP_IO;
	sqlite3_bind_int64(st, 1, purchase_id);
	return db_step_done(a->db, st, err) == DB_OK ? APP_OK : APP_IO;
}
