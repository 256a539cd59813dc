/* Picking a wholesale order on a handheld: the order's open lines with the
 * locations holding each, each scan recorded at once in handheld_picks
 * (nothing leaves the stock yet), and at the end what was taken from a
 * bin is moved to the dispatch location (a transfer: the picker carried
 * it there) and one delivery of what was picked ships from it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "documents-internal.h"
#include "auth.h"
#include "handheld.h"
#include "../../db/catalog.h"
#include "../../db/db-internal.h"
#include "../../db/stock.h"
#include "stock_ops.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

static const char sql_picked[] =
	"SELECT picked FROM handheld_picks WHERE order_number = ?1 AND line_no = ?2";
static const char sql_pick_add[] =
	"INSERT INTO handheld_picks(order_number, line_no, sku, picked, user_name) "
	"VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(order_number, line_no) "
	"DO UPDATE SET picked = picked + excluded.picked, user_name = excluded.user_name";
static const char sql_pick_clear[] = "DELETE FROM handheld_picks WHERE order_number = ?1";

struct pick_ctx {
	struct app *a;
	struct app_pick *p;
	int64_t order_id;
	size_t cap;
};

/* Whether goods at `code` can be picked: not those in transit. */
static int pick_location_ok(struct app *a, const char *code)
{
	int64_t id;
	char kind[16] = "";
	return db_location_get(a->db, code, &id, kind, sizeof kind) == DB_OK &&
	       strcmp(kind, "transit") != 0;
}

static void pick_qty_text(char *out, size_t size, int64_t q, int weighed)
{
	if (weighed)
		snprintf(out, size, "%lld.%03lld", (long long)(q / 1000), (long long)(q % 1000));
	else
		snprintf(out, size, "%lld", (long long)q);
}

/* The locations holding the product, the dispatch location first. */
static int pick_where(struct pick_ctx *c, struct app_pick_line *pl, int64_t product_id)
{
	struct db_stock_row rows[8];
	size_t n = 0;
	int64_t total = 0;
	if (db_stock_rows(c->a->db, product_id, rows, 8, &n, &total) != DB_OK)
		return 1;
	pl->where[0] = '\0';
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < n; i++) {
			int here = strcmp(rows[i].location, c->p->from) == 0;
			if (rows[i].qty <= 0 || here != (pass == 0) ||
			    (!here && !pick_location_ok(c->a, rows[i].location)))
				continue;
			pl->at_dispatch |= here;
			char q[32];
			pick_qty_text(q, sizeof q, rows[i].qty, pl->weighed);
			size_t len = strlen(pl->where);
			snprintf(pl->where + len, sizeof pl->where - len, "%s%s %s", len ? " " : "",
			         rows[i].location, q);
		}
	return 0;
}

static int pick_line(const struct db_doc_line *l, void *vctx)
{
	struct pick_ctx *c = vctx;
	int64_t delivered = 0, invoiced = 0;
	if (db_order_line_done(c->a->db, c->order_id, l->line_no, &delivered, &invoiced) != DB_OK)
		return 1;
	if (l->qty - delivered <= 0)
		return 0;
	if (c->p->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 8;
		c->p->lines = xrealloc(c->p->lines, c->cap * sizeof *c->p->lines);
	}
	struct app_pick_line *pl = &c->p->lines[c->p->n++];
	memset(pl, 0, sizeof *pl);
	pl->line_no = l->line_no;
	strlcpy_safe(pl->sku, l->sku, sizeof pl->sku);
	strlcpy_safe(pl->name, l->name, sizeof pl->name);
	pl->open = l->qty - delivered;
	pl->weighed = l->weighed;
	return pick_where(c, pl, l->product_id);
}

int app_pick_get(struct app *a, int64_t number, struct app_pick *out, char **err)
{
	memset(out, 0, sizeof *out);
	char text[24];
	snprintf(text, sizeof text, "%lld", (long long)number);
	struct db_doc d;
	int rc = doc_find(a, "order", text, &d, err);
	if (rc != APP_OK)
		return rc;
	out->order = number;
	if ((rc = app_dispatch_location(a, out->from, sizeof out->from, err)) != APP_OK)
		return rc;
	struct db_desk_customer cust;
	if (db_desk_customer_by_id(a->db, d.customer_id, &cust) == DB_OK)
		strlcpy_safe(out->customer, cust.name, sizeof out->customer);
	struct pick_ctx c = { .a = a, .p = out, .order_id = d.id };
	if (db_doc_lines(a->db, d.id, pick_line, &c) != DB_OK) {
		app_pick_release(out);
		error_set(err, _("cannot read order %lld: %s"), (long long)number, db_errmsg(a->db));
		return APP_IO;
	}
	for (size_t i = 0; i < out->n; i++) {
		sqlite3_stmt *st = db_stmt_sql(a->db, sql_picked, err);
		if (!st) {
			app_pick_release(out);
			return APP_IO;
		}
		sqlite3_bind_int64(st, 1, number);
		sqlite3_bind_int(st, 2, out->lines[i].line_no);
		if (sqlite3_step(st) == SQLITE_ROW)
			out->lines[i].picked = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		/* A delivery made elsewhere since: never more picked than open. */
		if (out->lines[i].picked > out->lines[i].open)
			out->lines[i].picked = out->lines[i].open;
	}
	return APP_OK;
}

void app_pick_release(struct app_pick *p)
{
	free(p->lines);
	p->lines = NULL;
	p->n = 0;
}

int app_pick_scan(struct app *a, int64_t number, const char *code, int64_t qty, char **err)
{
	struct app_scan sc;
	int rc = app_lookup(a, code, &sc, err);
	if (rc != APP_OK)
		return rc;
	if (qty <= 0) {
		error_set(err, "%s", _("the quantity must be more than 0"));
		return APP_ERR;
	}
	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	struct app_pick p;
	rc = app_pick_get(a, number, &p, err);
	if (rc != APP_OK) {
		db_rollback(a->db);
		return rc;
	}
	struct app_pick_line *hit = NULL;
	int on_order = 0;
	for (size_t i = 0; i < p.n && !hit; i++) {
		if (strcmp(p.lines[i].sku, sc.item.sku) != 0)
			continue;
		on_order = 1;
		if (p.lines[i].open - p.lines[i].picked >= qty)
			hit = &p.lines[i];
	}
	if (!hit) {
		if (on_order)
			error_set(err, _("%s: more than order %lld still needs"), sc.item.sku,
			          (long long)number);
		else
			error_set(err, _("%s is not open on order %lld"), sc.item.sku, (long long)number);
		app_pick_release(&p);
		db_rollback(a->db);
		return APP_ERR;
	}
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_pick_add, err);
	if (!st) {
		app_pick_release(&p);
		db_rollback(a->db);
		return APP_IO;
	}
	sqlite3_bind_int64(st, 1, number);
	sqlite3_bind_int(st, 2, hit->line_no);
	sqlite3_bind_text(st, 3, hit->sku, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, qty);
	sqlite3_bind_text(st, 5, app_user_name(a), -1, SQLITE_STATIC);
	app_pick_release(&p);
	if (db_step_done(a->db, st, err) != DB_OK || db_commit(a->db, err) != DB_OK) {
		db_rollback(a->db);
		return APP_IO;
	}
	return APP_OK;
}

/* What the dispatch location lacks of a picked line was taken from the
 * other locations holding it (as the pick line showed them): moved to the
 * dispatch location, so the delivery ships all that was picked. Earlier
 * lines of the same product (already gathered) count in what it needs. */
static int pick_gather(struct app *a, const struct app_pick *p, size_t k, char **err)
{
	const struct app_pick_line *l = &p->lines[k];
	int64_t earlier = 0;
	for (size_t j = 0; j < k; j++)
		if (strcmp(p->lines[j].sku, l->sku) == 0 && p->lines[j].picked > 0)
			earlier += p->lines[j].picked;
	struct app_scan sc;
	int rc = app_lookup(a, l->sku, &sc, err);
	if (rc != APP_OK)
		return rc;
	int64_t from_id, on = 0;
	char kind[16];
	if (db_location_get(a->db, p->from, &from_id, kind, sizeof kind) != DB_OK ||
	    db_stock_on_hand(a->db, sc.item.product_id, from_id, &on) != DB_OK) {
		error_set(err, _("cannot read the stock: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	int64_t need = earlier + l->picked - (on > 0 ? on : 0);
	struct db_stock_row rows[8];
	size_t n = 0;
	int64_t total = 0;
	if (need > 0 && db_stock_rows(a->db, sc.item.product_id, rows, 8, &n, &total) != DB_OK) {
		error_set(err, _("cannot read the stock: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	for (size_t i = 0; i < n && need > 0; i++) {
		if (rows[i].qty <= 0 || strcmp(rows[i].location, p->from) == 0 ||
		    !pick_location_ok(a, rows[i].location))
			continue;
		int64_t q = rows[i].qty < need ? rows[i].qty : need;
		char text[32];
		pick_qty_text(text, sizeof text, q, l->weighed);
		struct app_stock_item it = { .code = l->sku, .qty = text };
		if ((rc = app_transfer(a, rows[i].location, p->from, &it, 1, err)) != APP_OK)
			return rc;
		need -= q;
	}
	return APP_OK;
}

int app_pick_finish(struct app *a, int64_t number, struct app_doc_result *res, char **err)
{
	struct app_pick p;
	int rc = app_pick_get(a, number, &p, err);
	if (rc != APP_OK)
		return rc;
	struct app_doc_item *items = xcalloc(p.n ? p.n : 1, sizeof *items);
	char (*qty)[24] = xcalloc(p.n ? p.n : 1, sizeof *qty);
	size_t n = 0;
	for (size_t i = 0; i < p.n; i++) {
		if (p.lines[i].picked <= 0)
			continue;
		if ((rc = pick_gather(a, &p, i, err)) != APP_OK)
			break;
		/* As typed on the desk: kilograms for weighed goods. */
		pick_qty_text(qty[n], sizeof qty[n], p.lines[i].picked, p.lines[i].weighed);
		items[n].code = p.lines[i].sku;
		items[n].qty = qty[n];
		n++;
	}
	if (rc != APP_OK) {
		/* the transfer's error says why */
	} else if (!n) {
		error_set(err, _("nothing was picked on order %lld"), (long long)number);
		rc = APP_ERR;
	} else {
		rc = app_deliver(a, number, items, n, res, err);
	}
	if (rc == APP_OK) {
		/* The delivery is committed; picks left behind by a failure here
		 * are capped by what is open (app_pick_get). */
		sqlite3_stmt *st = db_stmt_sql(a->db, sql_pick_clear, NULL);
		if (st) {
			sqlite3_bind_int64(st, 1, number);
			db_step_done(a->db, st, NULL);
		}
	}
	free(items);
	free(qty);
	app_pick_release(&p);
	return rc;
}
