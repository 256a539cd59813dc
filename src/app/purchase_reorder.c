/* Reorder suggestions: every product with levels, its stock on hand, what
 * is still open on purchase orders and what went out in the last 28 days,
 * its preferred supplier's lead time and pack; the quantity comes from
 * src/core/reorder.c. Turned into draft orders, one per supplier (by
 * RIGHT_PURCHASE; the suggestions alone need no right). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "purchase-internal.h"
#include "../core/reorder.h"
#include "../../db/db-internal.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

/* The supplier is the preferred one, else the first that sells it, else
 * the one the products file named in its supplier column. */
static const char sql_candidates[] =
	"SELECT p.id, p.sku, p.name, p.min_level, p.max_level,"
	" coalesce((SELECT sum(qty) FROM stock k WHERE k.product_id = p.id), 0),"
	" coalesce((SELECT sum(l.ordered - l.received) FROM purchase_lines l"
	"   JOIN purchases o ON o.id = l.purchase_id WHERE l.product_id = p.id"
	"   AND o.closed_at = 0 AND o.status IN ('draft', 'sent', 'partial')"
	"   AND l.ordered > l.received), 0),"
	" coalesce((SELECT -sum(qty) FROM stock_moves m WHERE m.product_id = p.id"
	"   AND m.reason IN ('sale', 'delivery') AND m.at >= ?1), 0),"
	" coalesce(s.id, 0), coalesce(s.code, ''), coalesce(i.lead_days, 0),"
	" coalesce(i.pack_qty, 1) "
	"FROM products p "
	"LEFT JOIN supplier_items i ON i.product_id = p.id AND i.supplier_id = (SELECT supplier_id"
	"  FROM supplier_items j WHERE j.product_id = p.id ORDER BY j.preferred DESC,"
	"  j.supplier_id LIMIT 1) "
	"LEFT JOIN suppliers s ON s.id = coalesce(i.supplier_id,"
	"  (SELECT id FROM suppliers WHERE code = p.supplier)) "
	"WHERE p.max_level > 0 AND p.active = 1 "
	"ORDER BY s.code IS NULL, s.code, p.sku";

struct reorder_work {
	struct app_reorder_line *l;
	int64_t *product_id, *supplier_id;
	size_t n, cap;
};

static void reorder_work_free(struct reorder_work *w)
{
	free(w->l);
	free(w->product_id);
	free(w->supplier_id);
}

static int reorder_read(struct app *a, struct reorder_work *w, char **err)
{
	memset(w, 0, sizeof *w);
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_candidates, err);
	if (!st)
		return APP_IO;
	sqlite3_bind_int64(st, 1, (int64_t)time(NULL) - REORDER_WINDOW_DAYS * 86400);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct reorder_in in = {
			.min = sqlite3_column_int64(st, 3),
			.max = sqlite3_column_int64(st, 4),
			.on_hand = sqlite3_column_int64(st, 5),
			.on_order = sqlite3_column_int64(st, 6),
			.sold = sqlite3_column_int64(st, 7),
			.lead_days = sqlite3_column_int64(st, 10),
			.pack = sqlite3_column_int64(st, 11),
		};
		int64_t qty = reorder_quantity(&in);
		if (qty <= 0)
			continue;
		if (w->n == w->cap) {
			w->cap = w->cap ? w->cap * 2 : 32;
			w->l = xrealloc(w->l, w->cap * sizeof *w->l);
			w->product_id = xrealloc(w->product_id, w->cap * sizeof *w->product_id);
			w->supplier_id = xrealloc(w->supplier_id, w->cap * sizeof *w->supplier_id);
		}
		struct app_reorder_line *l = &w->l[w->n];
		memset(l, 0, sizeof *l);
		w->product_id[w->n] = sqlite3_column_int64(st, 0);
		w->supplier_id[w->n] = sqlite3_column_int64(st, 8);
		db_column_text(st, 1, l->sku, sizeof l->sku);
		db_column_text(st, 2, l->name, sizeof l->name);
		db_column_text(st, 9, l->supplier, sizeof l->supplier);
		l->on_hand = in.on_hand;
		l->on_order = in.on_order;
		l->min = in.min;
		l->max = in.max;
		l->sold = in.sold;
		l->lead_days = in.lead_days;
		l->pack_qty = in.pack;
		l->qty = qty;
		w->n++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		reorder_work_free(w);
		error_set(err, _("cannot read the stock levels: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	return APP_OK;
}

int app_reorder_suggest(struct app *a, struct app_reorder_line **out, size_t *n, char **err)
{
	*out = NULL;
	*n = 0;
	struct reorder_work w;
	int rc = reorder_read(a, &w, err);
	if (rc != APP_OK)
		return rc;
	*out = w.l;
	*n = w.n;
	w.l = NULL;
	reorder_work_free(&w);
	return APP_OK;
}

int app_reorder_create(struct app *a, int64_t **numbers, size_t *n, char **err)
{
	*numbers = NULL;
	*n = 0;
	int rc = purchase_require(a, RIGHT_PURCHASE, err);
	char approver[32];
	strlcpy_safe(approver, app_approver(a), sizeof approver);
	app_require_done(a);
	if (rc != APP_OK)
		return rc;
	struct reorder_work w;
	if ((rc = reorder_read(a, &w, err)) != APP_OK)
		return rc;
	*numbers = xcalloc(w.n + 1, sizeof **numbers);
	/* The lines come grouped by supplier: one order, one transaction each. */
	for (size_t i = 0; rc == APP_OK && i < w.n;) {
		int64_t sid = w.supplier_id[i];
		size_t end = i;
		while (end < w.n && w.supplier_id[end] == sid)
			end++;
		if (sid == 0) {
			i = end;
			continue;
		}
		if (db_begin(a->db, err) != DB_OK) {
			rc = APP_IO;
			break;
		}
		int64_t id, number = 0, line;
		rc = purchase_create(a, sid, 0, approver, &id, &number, err);
		for (size_t k = i; rc == APP_OK && k < end; k++)
			rc = purchase_line_add(a, id, sid, w.product_id[k], w.l[k].qty, &line, err);
		if ((rc = purchase_finish(a, rc, err)) == APP_OK)
			(*numbers)[(*n)++] = number;
		i = end;
	}
	reorder_work_free(&w);
	return rc;
}
