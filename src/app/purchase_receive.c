/* Receiving: one item against a purchase order per call, in its own short
 * transaction (a handheld saves every scan), into the receiving location,
 * with its lot; over-deliveries only when accepted; the average cost of
 * the product updated from the order line's cost. RIGHT_RECEIVE to
 * receive; receiving without an order (a receipt of its own, or a product
 * the order does not name) needs RIGHT_RECEIVE_UNORDERED. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "purchase-internal.h"
#include "auth.h"
#include "../core/money.h"
#include "../core/reorder.h"
#include "../../db/catalog.h"
#include "../../db/db-internal.h"
#include "../../db/stock.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

#define RECEIVE_LINES_MAX 64

static const char sql_product_lines[] =
	"SELECT line_no, ordered, received, unit_cost FROM purchase_lines "
	"WHERE purchase_id = ?1 AND product_id = ?2 ORDER BY line_no";
static const char sql_line_receive[] =
	"UPDATE purchase_lines SET received = received + ?3 WHERE purchase_id = ?1 AND line_no = ?2";
static const char sql_cost_get[] =
	"SELECT p.cost, coalesce((SELECT sum(qty) FROM stock s WHERE s.product_id = p.id), 0) "
	"FROM products p WHERE p.id = ?1";
static const char sql_cost_set[] = "UPDATE products SET cost = ?2 WHERE id = ?1";
static const char sql_receipt_add[] =
	"INSERT INTO purchase_receipts(purchase_id, product_id, location_id, lot_id, qty, over,"
	" unit_cost, cost_before, cost_after, user_name, at) "
	"VALUES (?1, ?2, ?3, NULLIF(?4, 0), ?5, ?6, ?7, ?8, ?9, ?10, ?11)";

struct receive_line {
	int64_t line_no, ordered, received, unit_cost;
};

/* Where goods go in: the location named, else the setting
 * receiving_location (a warehouse), else the shop's default location. */
static int receive_location(struct app *a, const char *code, int64_t *id, char **err)
{
	char setting[64] = "", kind[16] = "";
	if (!code || !code[0]) {
		if (db_setting_get(a->db, "receiving_location", setting, sizeof setting) != DB_OK ||
		    !setting[0]) {
			*id = a->location_id;
			return APP_OK;
		}
		code = setting;
	}
	int rc = db_location_get(a->db, code, id, kind, sizeof kind);
	if (rc == DB_NOTFOUND) {
		error_set(err, setting[0] ? _("the setting receiving_location names %s, which is not "
		                              "a location")
		                          : _("no location %s"), code);
		return APP_NOTFOUND;
	}
	if (rc != DB_OK) {
		error_set(err, _("cannot read the locations: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	if (setting[0] && strcmp(kind, "warehouse") != 0) {
		error_set(err, _("the setting receiving_location names %s, a %s, not a warehouse"),
		          code, kind);
		return APP_ERR;
	}
	if (strcmp(kind, "transit") == 0) {
		error_set(err, _("%s is a transit location: goods in transit change only by "
		                 "transfer"), code);
		return APP_ERR;
	}
	return APP_OK;
}

int app_receiving_location(struct app *a, char *code, size_t size, char **err)
{
	int64_t id = 0;
	int rc = receive_location(a, NULL, &id, err);
	if (rc != APP_OK)
		return rc;
	if (db_location_code(a->db, id, code, size) != DB_OK) {
		error_set(err, _("cannot read the locations: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	return APP_OK;
}

static int receive_lines(struct app *a, int64_t purchase_id, int64_t product_id,
                         struct receive_line *l, size_t *n, char **err)
{
	*n = 0;
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_product_lines, err);
	if (!st)
		return APP_IO;
	sqlite3_bind_int64(st, 1, purchase_id);
	sqlite3_bind_int64(st, 2, product_id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < RECEIVE_LINES_MAX) {
		l[*n].line_no = sqlite3_column_int64(st, 0);
		l[*n].ordered = sqlite3_column_int64(st, 1);
		l[*n].received = sqlite3_column_int64(st, 2);
		l[*n].unit_cost = sqlite3_column_int64(st, 3);
		(*n)++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		error_set(err, _("cannot read the purchase order: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	return APP_OK;
}

static int receive_line_add(struct app *a, int64_t purchase_id, int64_t line_no, int64_t qty,
                            char **err)
{
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_line_receive, err);
	if (!st)
		return APP_IO;
	sqlite3_bind_int64(st, 1, purchase_id);
	sqlite3_bind_int64(st, 2, line_no);
	sqlite3_bind_int64(st, 3, qty);
	return db_step_done(a->db, st, err) == DB_OK ? APP_OK : APP_IO;
}

/* The product's cost becomes the average of the stock on hand (before this
 * receipt, all locations) and qty at unit_cost (src/core/reorder.c). */
static int receive_cost(struct app *a, int64_t product_id, int64_t qty, int64_t unit_cost,
                        int64_t *before, int64_t *after, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_cost_get, err);
	if (!st)
		return APP_IO;
	sqlite3_bind_int64(st, 1, product_id);
	int64_t on_hand = 0;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*before = sqlite3_column_int64(st, 0);
		on_hand = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW) {
		error_set(err, _("cannot read the product's cost: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	if (reorder_average_cost(on_hand, *before, qty, unit_cost, after) != REORDER_OK) {
		error_set(err, _("the average cost is too large to compute"));
		return APP_ERR;
	}
	if (!(st = db_stmt_sql(a->db, sql_cost_set, err)))
		return APP_IO;
	sqlite3_bind_int64(st, 1, product_id);
	sqlite3_bind_int64(st, 2, *after);
	return db_step_done(a->db, st, err) == DB_OK ? APP_OK : APP_IO;
}

/* Puts qty on the product's lines: what is open first, line by line; the
 * rest (over) on its last line, or a new line when it was not ordered. */
static int receive_spread(struct app *a, const struct purchase_row *p,
                          const struct purchase_item *pi, struct receive_line *l, size_t n,
                          int64_t *unit_cost, char **err)
{
	int64_t left = pi->qty;
	for (size_t i = 0; i < n && left > 0; i++) {
		int64_t open = l[i].ordered - l[i].received;
		int64_t take = open < left ? open : left;
		if (take <= 0)
			continue;
		if (receive_line_add(a, p->id, l[i].line_no, take, err) != APP_OK)
			return APP_IO;
		left -= take;
	}
	int64_t last;
	if (n > 0) {
		last = l[n - 1].line_no;
		*unit_cost = l[0].unit_cost;
	} else {
		if (purchase_line_add(a, p->id, p->supplier_id, pi->product_id, 0, &last, err) !=
		    APP_OK)
			return APP_IO;
		size_t m;
		if (receive_lines(a, p->id, pi->product_id, l, &m, err) != APP_OK || m == 0)
			return APP_IO;
		*unit_cost = l[0].unit_cost;
	}
	if (left > 0 && receive_line_add(a, p->id, last, left, err) != APP_OK)
		return APP_IO;
	return APP_OK;
}

static int receive_check(const struct purchase_row *p, char **err)
{
	if (p->closed_at != 0 || strcmp(p->status, "closed") == 0) {
		error_set(err, _("purchase order %lld is closed: it receives nothing more"),
		          (long long)p->number);
		return APP_ERR;
	}
	if (strcmp(p->status, "draft") == 0) {
		error_set(err, _("purchase order %lld is a draft: send it before receiving"),
		          (long long)p->number);
		return APP_ERR;
	}
	return APP_OK;
}

static void receive_qty(char *buf, size_t size, int64_t q, int weighed)
{
	quantity_format(buf, size, q, weighed ? 3 : 0, ".");
}

/* Inside the caller's transaction, on the order p read in it: receives the
 * resolved item pi (its lot from item) into loc. A product the order does
 * not name is receiving without an order: RIGHT_RECEIVE_UNORDERED, unless
 * the order is itself an unordered receipt. */
static int receive_one(struct app *a, const struct purchase_row *p,
                       const struct purchase_item *pi, const struct app_stock_item *item,
                       int64_t loc, int over, int64_t *open_left, char **err)
{
	struct receive_line l[RECEIVE_LINES_MAX];
	size_t n;
	int rc = receive_lines(a, p->id, pi->product_id, l, &n, err);
	if (rc != APP_OK)
		return rc;
	int64_t ordered = 0, received = 0, open = 0;
	for (size_t i = 0; i < n; i++) {
		ordered += l[i].ordered;
		received += l[i].received;
		open += l[i].ordered > l[i].received ? l[i].ordered - l[i].received : 0;
	}
	int64_t excess = pi->qty > open ? pi->qty - open : 0;
	char q[32], o[32], w[32], r[32];
	receive_qty(q, sizeof q, pi->qty, pi->weighed);
	if (p->unordered) {
		excess = 0;
	} else if (excess > 0 && !over) {
		receive_qty(o, sizeof o, open, pi->weighed);
		receive_qty(w, sizeof w, ordered, pi->weighed);
		receive_qty(r, sizeof r, received, pi->weighed);
		if (n == 0)
			error_set(err, _("%s is not on purchase order %lld: %s received, none "
			                 "ordered"), pi->sku, (long long)p->number, q);
		else
			error_set(err, _("%s: %s received but only %s open on purchase order %lld "
			                 "(ordered %s, received before %s)"), pi->sku, q, o,
			          (long long)p->number, w, r);
		return APP_ERR;
	} else if (n == 0) {
		char *why = NULL;
		if ((rc = purchase_require(a, RIGHT_RECEIVE_UNORDERED, &why)) != APP_OK) {
			error_set(err, _("%s is not on purchase order %lld: taking it in is receiving "
			                 "without an order. %s"), pi->sku, (long long)p->number,
			          why ? why : "");
			free(why);
			return rc;
		}
	}
	int64_t lot = 0, unit_cost = 0, before = 0, after = 0;
	if (item->lot && item->lot[0] &&
	    (rc = app_lot_get(a, pi->product_id, item->lot, item->expiry, &lot, err)) != APP_OK)
		return rc;
	if ((rc = receive_spread(a, p, pi, l, n, &unit_cost, err)) != APP_OK ||
	    (rc = receive_cost(a, pi->product_id, pi->qty, unit_cost, &before, &after, err)) !=
	            APP_OK)
		return rc;
	if (app_stock_move_lot(a, pi->product_id, loc, lot, pi->qty, unit_cost, "receive", err,
	                       "purchase %lld", (long long)p->number) != DB_OK)
		return APP_IO;
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_receipt_add, err);
	if (!st)
		return APP_IO;
	sqlite3_bind_int64(st, 1, p->id);
	sqlite3_bind_int64(st, 2, pi->product_id);
	sqlite3_bind_int64(st, 3, loc);
	sqlite3_bind_int64(st, 4, lot);
	sqlite3_bind_int64(st, 5, pi->qty);
	sqlite3_bind_int64(st, 6, excess);
	sqlite3_bind_int64(st, 7, unit_cost);
	sqlite3_bind_int64(st, 8, before);
	sqlite3_bind_int64(st, 9, after);
	sqlite3_bind_text(st, 10, app_user_name(a), -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 11, (int64_t)time(NULL));
	if (db_step_done(a->db, st, err) != DB_OK || purchase_status_update(a, p->id, err) != APP_OK)
		return APP_IO;
	*open_left = open > pi->qty ? open - pi->qty : 0;
	return APP_OK;
}

int app_purchase_receive(struct app *a, int64_t number, const char *location,
                         const struct app_stock_item *item, int over, int64_t *open_left,
                         char **err)
{
	struct app_purchase_received out;
	int rc = app_purchase_receive_item(a, number, location, item, over, &out, err);
	*open_left = out.open_left;
	return rc;
}

int app_purchase_receive_item(struct app *a, int64_t number, const char *location,
                              const struct app_stock_item *item, int over,
                              struct app_purchase_received *out, char **err)
{
	memset(out, 0, sizeof *out);
	int rc = purchase_require(a, RIGHT_RECEIVE, err);
	if (rc != APP_OK)
		return rc;
	struct purchase_row p;
	if ((rc = purchase_row_get(a, number, &p, err)) != APP_OK)
		return rc;
	struct purchase_item pi;
	int64_t loc;
	if ((rc = purchase_item_resolve(a, p.supplier_id, item, &pi, err)) != APP_OK ||
	    (rc = receive_location(a, location, &loc, err)) != APP_OK)
		return rc;
	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	/* Read again inside the transaction: another handheld may have
	 * received or closed it since. */
	if ((rc = purchase_row_get(a, number, &p, err)) == APP_OK &&
	    (rc = receive_check(&p, err)) == APP_OK)
		rc = receive_one(a, &p, &pi, item, loc, over, &out->open_left, err);
	if ((rc = purchase_finish(a, rc, err)) != APP_OK) {
		out->open_left = 0;
		return rc;
	}
	strlcpy_safe(out->sku, pi.sku, sizeof out->sku);
	out->qty = pi.qty;
	out->weighed = pi.weighed;
	return APP_OK;
}

int app_receive_unordered(struct app *a, const char *supplier, const char *location,
                          const struct app_stock_item *items, size_t n, int64_t *number,
                          char **err)
{
	*number = 0;
	if (n == 0 || n > PURCHASE_ITEMS_MAX) {
		error_set(err, _("a receipt without an order has 1 to %d items"), PURCHASE_ITEMS_MAX);
		return APP_ERR;
	}
	int64_t sid, loc;
	int rc = purchase_supplier_id(a, supplier, &sid, err);
	if (rc != APP_OK || (rc = purchase_require(a, RIGHT_RECEIVE_UNORDERED, err)) != APP_OK)
		return rc;
	char approver[32];
	strlcpy_safe(approver, app_approver(a), sizeof approver);
	/* Every item is checked before anything is written: a refusal leaves
	 * no receipt behind and takes no number. */
	struct purchase_item *pi = xcalloc(n, sizeof *pi);
	for (size_t i = 0; rc == APP_OK && i < n; i++)
		rc = purchase_item_resolve(a, sid, &items[i], &pi[i], err);
	if (rc == APP_OK)
		rc = receive_location(a, location, &loc, err);
	if (rc == APP_OK && db_begin(a->db, err) != DB_OK)
		rc = APP_IO;
	if (rc != APP_OK) {
		free(pi);
		app_require_done(a);
		return rc;
	}
	/* One transaction: the receipt, its items and its closing, or nothing. */
	int64_t id, left;
	struct purchase_row p;
	rc = purchase_create(a, sid, 1, approver, &id, number, err);
	if (rc == APP_OK)
		rc = purchase_row_get(a, *number, &p, err);
	for (size_t i = 0; rc == APP_OK && i < n; i++)
		rc = receive_one(a, &p, &pi[i], &items[i], loc, 1, &left, err);
	if (rc == APP_OK)
		rc = purchase_close_row(a, id, err);
	free(pi);
	app_require_done(a);
	if ((rc = purchase_finish(a, rc, err)) != APP_OK)
		*number = 0;
	return rc;
}
