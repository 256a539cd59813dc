/* Purchase orders: made as drafts, sent, read back line by line with what
 * was ordered, received and is still open, closed short, and listed.
 * Making, sending and closing one needs RIGHT_PURCHASE. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "purchase-internal.h"
#include "../../db/db-internal.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

static const char sql_send[] =
	"UPDATE purchases SET status = 'sent', sent_at = ?2 WHERE id = ?1 AND status = 'draft'";
static const char sql_close[] =
	"UPDATE purchases SET closed_at = ?2, status = CASE WHEN EXISTS (SELECT 1"
	"  FROM purchase_lines WHERE purchase_id = ?1 AND received < ordered)"
	"  THEN 'closed' ELSE 'received' END WHERE id = ?1";
static const char sql_lines[] =
	"SELECT p.sku, p.name, coalesce((SELECT code FROM barcodes b WHERE b.product_id = p.id"
	"  AND b.pack_qty = 1 ORDER BY b.rowid LIMIT 1), ''), l.ordered, l.received, l.pack_qty,"
	" l.unit_cost, p.weighed "
	"FROM purchase_lines l JOIN products p ON p.id = l.product_id "
	"WHERE l.purchase_id = ?1 ORDER BY l.line_no";
static const char sql_list[] =
	"SELECT p.number, s.code, p.status, p.created_at,"
	" coalesce((SELECT sum(ordered) FROM purchase_lines WHERE purchase_id = p.id), 0),"
	" coalesce((SELECT sum(received) FROM purchase_lines WHERE purchase_id = p.id), 0),"
	" p.unordered, count(*) OVER () "
	"FROM purchases p JOIN suppliers s ON s.id = p.supplier_id ORDER BY p.number DESC";

int app_purchase_new(struct app *a, const char *supplier, const struct app_stock_item *items,
                     size_t n, int64_t *number, char **err)
{
	*number = 0;
	if (n == 0 || n > PURCHASE_ITEMS_MAX) {
		error_set(err, _("a purchase order has 1 to %d items"), PURCHASE_ITEMS_MAX);
		return APP_ERR;
	}
	int64_t sid;
	int rc = purchase_require(a, RIGHT_PURCHASE, err);
	if (rc != APP_OK)
		return rc;
	char approver[32];
	strlcpy_safe(approver, app_approver(a), sizeof approver);
	app_require_done(a);
	if ((rc = purchase_supplier_id(a, supplier, &sid, err)) != APP_OK)
		return rc;
	struct purchase_item *pi = xcalloc(n, sizeof *pi);
	for (size_t i = 0; rc == APP_OK && i < n; i++)
		rc = purchase_item_resolve(a, sid, &items[i], &pi[i], err);
	if (rc != APP_OK) {
		free(pi);
		return rc;
	}
	if (db_begin(a->db, err) != DB_OK) {
		free(pi);
		return APP_IO;
	}
	int64_t id, line;
	rc = purchase_create(a, sid, 0, approver, &id, number, err);
	for (size_t i = 0; rc == APP_OK && i < n; i++)
		rc = purchase_line_add(a, id, sid, pi[i].product_id, pi[i].qty, &line, err);
	free(pi);
	rc = purchase_finish(a, rc, err);
	if (rc != APP_OK)
		*number = 0;
	return rc;
}

int app_purchase_send(struct app *a, int64_t number, char **err)
{
	int rc = purchase_require(a, RIGHT_PURCHASE, err);
	app_require_done(a);
	if (rc != APP_OK)
		return rc;
	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	struct purchase_row p;
	rc = purchase_row_get(a, number, &p, err);
	if (rc == APP_OK && strcmp(p.status, "draft") != 0) {
		error_set(err, _("purchase order %lld is %s, not a draft"), (long long)number,
		          p.status);
		rc = APP_ERR;
	}
	sqlite3_stmt *st = rc == APP_OK ? db_stmt_sql(a->db, sql_send, err) : NULL;
	if (rc == APP_OK && !st)
		rc = APP_IO;
	if (rc == APP_OK) {
		sqlite3_bind_int64(st, 1, p.id);
		sqlite3_bind_int64(st, 2, (int64_t)time(NULL));
		if (db_step_done(a->db, st, err) != DB_OK)
			rc = APP_IO;
	}
	return purchase_finish(a, rc, err);
}

int purchase_close_row(struct app *a, int64_t purchase_id, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_close, err);
	if (!st)
		return APP_IO;
	sqlite3_bind_int64(st, 1, purchase_id);
	sqlite3_bind_int64(st, 2, (int64_t)time(NULL));
	return db_step_done(a->db, st, err) == DB_OK ? APP_OK : APP_IO;
}

int app_purchase_close(struct app *a, int64_t number, char **err)
{
	int rc = purchase_require(a, RIGHT_PURCHASE, err);
	app_require_done(a);
	if (rc != APP_OK)
		return rc;
	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	struct purchase_row p;
	rc = purchase_row_get(a, number, &p, err);
	if (rc == APP_OK && p.closed_at != 0) {
		error_set(err, _("purchase order %lld is already closed"), (long long)number);
		rc = APP_ERR;
	}
	if (rc == APP_OK)
		rc = purchase_close_row(a, p.id, err);
	return purchase_finish(a, rc, err);
}

int app_purchase_get(struct app *a, int64_t number, struct app_purchase *out, char **err)
{
	memset(out, 0, sizeof *out);
	struct purchase_row p;
	int rc = purchase_row_get(a, number, &p, err);
	if (rc != APP_OK)
		return rc;
	out->number = p.number;
	strlcpy_safe(out->supplier, p.supplier, sizeof out->supplier);
	strlcpy_safe(out->status, p.status, sizeof out->status);
	out->unordered = p.unordered;
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_lines, err);
	if (!st)
		return APP_IO;
	sqlite3_bind_int64(st, 1, p.id);
	size_t cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == cap) {
			cap = cap ? cap * 2 : 16;
			out->lines = xrealloc(out->lines, cap * sizeof *out->lines);
		}
		struct app_purchase_line *l = &out->lines[out->n++];
		memset(l, 0, sizeof *l);
		db_column_text(st, 0, l->sku, sizeof l->sku);
		db_column_text(st, 1, l->name, sizeof l->name);
		db_column_text(st, 2, l->barcode, sizeof l->barcode);
		l->ordered = sqlite3_column_int64(st, 3);
		l->received = sqlite3_column_int64(st, 4);
		l->pack_qty = sqlite3_column_int64(st, 5);
		l->unit_cost = sqlite3_column_int64(st, 6);
		l->weighed = sqlite3_column_int(st, 7);
		l->open = p.closed_at == 0 && l->received < l->ordered ? l->ordered - l->received : 0;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		app_purchase_release(out);
		error_set(err, _("cannot read the purchase order: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	return APP_OK;
}

void app_purchase_release(struct app_purchase *p)
{
	free(p->lines);
	p->lines = NULL;
	p->n = 0;
}

int app_purchase_list(struct app *a, struct app_purchase_head *out, size_t max, size_t *n,
                      char **err)
{
	*n = 0;
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_list, err);
	if (!st)
		return APP_IO;
	size_t k = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*n = (size_t)sqlite3_column_int64(st, 7);
		if (k == max)
			continue;
		struct app_purchase_head *h = &out[k++];
		h->number = sqlite3_column_int64(st, 0);
		db_column_text(st, 1, h->supplier, sizeof h->supplier);
		db_column_text(st, 2, h->status, sizeof h->status);
		h->created_at = sqlite3_column_int64(st, 3);
		h->ordered = sqlite3_column_int64(st, 4);
		h->received = sqlite3_column_int64(st, 5);
		h->unordered = sqlite3_column_int(st, 6);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		error_set(err, _("cannot read the purchase orders: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	return APP_OK;
}
