/* Taking goods out of stock: by lot, earliest expiry first (FEFO), under
 * the product's negative-stock policy (allow, warn, refuse); the lots on
 * hand per location; and the helpers the other stock operations share. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "stock_ops-internal.h"
#include "auth.h"
#include "../core/money.h"
#include "../core/rights.h"
#include "../core/text.h"
#include "../../db/db-internal.h"
#include "../../db/stock.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

static void (*stock_warn_fn)(void *ctx, const char *msg);
static void *stock_warn_ctx;

void app_stock_set_warn(void (*fn)(void *ctx, const char *msg), void *ctx)
{
	stock_warn_fn = fn;
	stock_warn_ctx = ctx;
}

void stock_ops_warn(const char *fmt, ...)
{
	if (!stock_warn_fn)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	stock_warn_fn(stock_warn_ctx, msg);
	free(msg);
}

void stock_ops_qty(char *out, size_t size, int64_t q, int weighed)
{
	quantity_format(out, size, q, weighed ? 3 : 0, ".");
}

int stock_ops_require(struct app *a, char **err)
{
	if (!app_has_users(a))
		return APP_OK;
	return app_require(a, RIGHT_STOCK_ADJUST, err);
}

const char *stock_ops_who(struct app *a)
{
	const char *who = app_approver(a);
	return who[0] ? who : app_user_name(a);
}

int stock_ops_location(struct app *a, const char *code, int64_t *id, char *kind, char **err)
{
	char k[16];
	if (!code || text_check_code(code, 31) != TEXT_OK) {
		error_set(err, _("'%s' is not a location code"), code ? code : "");
		return APP_ERR;
	}
	int rc = db_location_get(a->db, code, id, k, sizeof k);
	if (rc == DB_NOTFOUND) {
		error_set(err, _("unknown location '%s' (see comptoir location list)"), code);
		return APP_NOTFOUND;
	}
	if (rc != DB_OK) {
		error_set(err, _("cannot read the locations: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	if (kind)
		strlcpy_safe(kind, k, 12);
	return APP_OK;
}

static const char sql_location_kind[] = "SELECT kind FROM locations WHERE id = ?1";

int app_location_is_transit(struct app *a, int64_t location_id)
{
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_location_kind, NULL);
	if (!st)
		return 0;
	sqlite3_bind_int64(st, 1, location_id);
	char kind[16] = "";
	if (sqlite3_step(st) == SQLITE_ROW)
		db_column_text(st, 0, kind, sizeof kind);
	sqlite3_reset(st);
	return strcmp(kind, "transit") == 0;
}

int stock_ops_not_transit(const char *code, const char *kind, char **err)
{
	if (strcmp(kind, "transit") != 0)
		return APP_OK;
	error_set(err, _("%s is a transit location: goods in transit change only by transfer "
	                 "--transit and transfer arrive"), code);
	return APP_ERR;
}

int stock_ops_item(struct app *a, const struct app_stock_item *it, int allow_zero,
                   struct app_scan *scan, int64_t *qty, char **err)
{
	int rc = app_lookup(a, it->code, scan, err);
	if (rc != APP_OK)
		return rc;
	int weighed = scan->item.weighed;
	if (!it->qty || !*it->qty) {
		/* A pack barcode carries its units, a weight code its grams. */
		*qty = scan->qty > 0 ? scan->qty : (weighed ? 1000 : 1);
		return APP_OK;
	}
	if (allow_zero && strspn(it->qty, "0.,") == strlen(it->qty) && it->qty[0] == '0') {
		*qty = 0;
		return APP_OK;
	}
	if (app_parse_qty(it->qty, weighed, qty, err) != APP_OK)
		return APP_ERR;
	if (!weighed && scan->qty > 1)
		*qty *= scan->qty;
	return APP_OK;
}

static const char sql_policy[] =
	"SELECT p.negative_stock, p.sku, p.weighed, (SELECT code FROM locations WHERE id = ?2), "
	"COALESCE((SELECT qty FROM stock WHERE product_id = ?1 AND location_id = ?2), 0), "
	"EXISTS (SELECT 1 FROM lots WHERE product_id = ?1), "
	"COALESCE((SELECT SUM(qty) FROM stock_moves WHERE lot_id = ?3 AND product_id = ?1 "
	"AND location_id = ?2), 0), COALESCE((SELECT code FROM lots WHERE id = ?3), '') "
	"FROM products p WHERE p.id = ?1";

/* Lots with stock at a location, earliest expiry first; lots without a
 * date after the dated ones. */
static const char sql_lots_fefo[] =
	"SELECT m.lot_id, SUM(m.qty) FROM stock_moves m JOIN lots t ON t.id = m.lot_id "
	"WHERE m.product_id = ?1 AND m.location_id = ?2 AND m.lot_id IS NOT NULL "
	"GROUP BY m.lot_id HAVING SUM(m.qty) > 0 "
	"ORDER BY t.expiry IS NULL, t.expiry, t.id";

/* The product's policy on what is at the location, and on the lot named
 * (lot_id > 0): a lot emptied below zero is as wrong as the location. */
static int stock_policy(struct app *a, int64_t product_id, int64_t location_id, int64_t lot_id,
                        int64_t qty, enum stock_policy_use use, int *has_lots, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_policy, err);
	if (!st)
		return APP_IO;
	sqlite3_bind_int64(st, 1, product_id);
	sqlite3_bind_int64(st, 2, location_id);
	sqlite3_bind_int64(st, 3, lot_id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		error_set(err, _("cannot read the stock: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	char policy[8], sku[65], loc[32];
	db_column_text(st, 0, policy, sizeof policy);
	db_column_text(st, 1, sku, sizeof sku);
	int weighed = sqlite3_column_int(st, 2);
	db_column_text(st, 3, loc, sizeof loc);
	int64_t have = sqlite3_column_int64(st, 4);
	*has_lots = sqlite3_column_int(st, 5);
	int64_t in_lot = sqlite3_column_int64(st, 6);
	char lot[65];
	db_column_text(st, 7, lot, sizeof lot);
	sqlite3_reset(st);
	if (use == STOCK_POLICY_IGNORE || strcmp(policy, "allow") == 0)
		return APP_OK;
	char h[32], q[32];
	stock_ops_qty(q, sizeof q, qty, weighed);
	if (have - qty >= 0 && lot_id > 0 && in_lot - qty < 0) {
		stock_ops_qty(h, sizeof h, in_lot, weighed);
		if (strcmp(policy, "refuse") == 0) {
			error_set(err, _("not enough of lot %s of %s at %s: %s in the lot, %s wanted "
			                 "(this product may not go below zero)"), lot, sku, loc, h, q);
			return APP_ERR;
		}
		stock_ops_warn(_("lot %s of %s at %s goes below zero: %s in the lot, %s taken"), lot,
		               sku, loc, h, q);
		return APP_OK;
	}
	if (have - qty >= 0)
		return APP_OK;
	stock_ops_qty(h, sizeof h, have, weighed);
	if (strcmp(policy, "refuse") == 0) {
		error_set(err, _("not enough stock of %s at %s: %s on hand, %s wanted (this product "
		                 "may not go below zero)"), sku, loc, h, q);
		return APP_ERR;
	}
	stock_ops_warn(_("stock of %s at %s goes below zero: %s on hand, %s taken"), sku, loc, h,
	               q);
	return APP_OK;
}

static int stock_lots_fefo(struct app *a, int64_t product_id, int64_t location_id,
                           struct stock_lot_take *lots, size_t max, size_t *n, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_lots_fefo, err);
	if (!st)
		return APP_IO;
	sqlite3_bind_int64(st, 1, product_id);
	sqlite3_bind_int64(st, 2, location_id);
	*n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < max) {
		lots[*n].lot_id = sqlite3_column_int64(st, 0);
		lots[*n].qty = sqlite3_column_int64(st, 1);
		(*n)++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		error_set(err, _("cannot read the lots: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	return APP_OK;
}

int stock_ops_take(struct app *a, int64_t product_id, int64_t location_id, int64_t qty,
                   int64_t lot_id, const char *reason, const char *ref,
                   enum stock_policy_use use, struct stock_lot_take *parts, size_t max,
                   size_t *n, char **err)
{
	size_t dummy;
	if (!n)
		n = &dummy;
	*n = 0;
	if (qty <= 0)
		return APP_OK;
	int has_lots = 0;
	int rc = stock_policy(a, product_id, location_id, lot_id, qty, use, &has_lots, err);
	if (rc != APP_OK)
		return rc;
	struct stock_lot_take lots[STOCK_TAKE_LOTS_MAX + 1];
	size_t nlots = 0;
	if (lot_id > 0) {
		lots[0].lot_id = lot_id;
		lots[0].qty = qty;
		nlots = 1;
	} else if (has_lots) {
		rc = stock_lots_fefo(a, product_id, location_id, lots, STOCK_TAKE_LOTS_MAX, &nlots,
		                     err);
		if (rc != APP_OK)
			return rc;
	}
	int64_t left = qty;
	for (size_t i = 0; i <= nlots && left > 0; i++) {
		struct stock_lot_take t = { 0, left };
		if (i < nlots) {
			t.lot_id = lots[i].lot_id;
			t.qty = lots[i].qty < left ? lots[i].qty : left;
		}
		if (app_stock_move_lot(a, product_id, location_id, t.lot_id, -t.qty, -1, reason, err,
		                       "%s", ref) != DB_OK)
			return APP_IO;
		left -= t.qty;
		if (parts && *n < max)
			parts[(*n)++] = t;
	}
	return APP_OK;
}

int app_stock_take(struct app *a, int64_t product_id, int64_t location_id, int64_t qty,
                   const char *reason, char **err, const char *ref_fmt, ...)
{
	char ref[64] = "";
	if (ref_fmt) {
		va_list ap;
		va_start(ap, ref_fmt);
		vsnprintf(ref, sizeof ref, ref_fmt, ap);
		va_end(ap);
	}
	/* A negative take (goods coming back) is a plain movement in. */
	if (qty < 0)
		return app_stock_move(a, product_id, location_id, -qty, reason, err, "%s", ref) == DB_OK
		       ? APP_OK : APP_IO;
	return stock_ops_take(a, product_id, location_id, qty, 0, reason, ref, STOCK_POLICY_APPLY,
	                      NULL, 0, NULL, err);
}

static const char sql_lots_on_hand[] =
	"SELECT l.code, t.code, COALESCE(t.expiry, ''), SUM(m.qty) FROM stock_moves m "
	"JOIN lots t ON t.id = m.lot_id JOIN locations l ON l.id = m.location_id "
	"WHERE m.product_id = ?1 AND m.lot_id IS NOT NULL "
	"GROUP BY m.location_id, m.lot_id HAVING SUM(m.qty) <> 0 "
	"ORDER BY l.code, t.expiry IS NULL, t.expiry, t.code";

int app_stock_lots(struct app *a, const char *code, struct app_stock_lot *out, size_t max,
                   size_t *n, char **err)
{
	struct app_scan scan;
	int rc = app_lookup(a, code, &scan, err);
	if (rc != APP_OK)
		return rc;
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_lots_on_hand, err);
	if (!st)
		return APP_IO;
	sqlite3_bind_int64(st, 1, scan.item.product_id);
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n < max) {
			struct app_stock_lot *l = &out[*n];
			db_column_text(st, 0, l->location, sizeof l->location);
			db_column_text(st, 1, l->lot, sizeof l->lot);
			db_column_text(st, 2, l->expiry, sizeof l->expiry);
			l->qty = sqlite3_column_int64(st, 3);
		}
		(*n)++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		error_set(err, _("cannot read the lots: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	return APP_OK;
}

static const char sql_policy_set[] = "UPDATE products SET negative_stock = ?2 WHERE id = ?1";

int app_product_negative_set(struct app *a, const char *code, const char *policy, char **err)
{
	if (!policy || (strcmp(policy, "allow") && strcmp(policy, "warn") &&
	                strcmp(policy, "refuse"))) {
		error_set(err, _("'%s' is not a negative-stock policy (allow, warn or refuse)"),
		          policy ? policy : "");
		return APP_ERR;
	}
	struct app_scan scan;
	int rc = app_lookup(a, code, &scan, err);
	if (rc != APP_OK)
		return rc;
	if ((rc = stock_ops_require(a, err)) != APP_OK)
		return rc;
	if (db_begin(a->db, err) != DB_OK) {
		app_require_done(a);
		return APP_IO;
	}
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_policy_set, err);
	rc = APP_IO;
	if (st) {
		sqlite3_bind_int64(st, 1, scan.item.product_id);
		sqlite3_bind_text(st, 2, policy, -1, SQLITE_STATIC);
		if (db_step_done(a->db, st, err) == DB_OK && db_commit(a->db, err) == DB_OK)
			rc = APP_OK;
	}
	if (rc != APP_OK)
		db_rollback(a->db);
	app_require_done(a);
	return rc;
}

static const char sql_lot_qty[] =
	"SELECT COUNT(m.id), COALESCE(SUM(m.qty), 0) FROM lots t JOIN stock_moves m "
	"ON m.lot_id = t.id AND m.location_id = ?2 WHERE t.product_id = ?1 AND t.code = ?3";

int stock_ops_lot_qty(struct app *a, int64_t product_id, int64_t location_id, const char *code,
                      int64_t *qty, int *found, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_lot_qty, err);
	if (!st)
		return APP_IO;
	sqlite3_bind_int64(st, 1, product_id);
	sqlite3_bind_int64(st, 2, location_id);
	sqlite3_bind_text(st, 3, code, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*found = sqlite3_column_int64(st, 0) > 0;
		*qty = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW) {
		error_set(err, _("cannot read the lots: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	return APP_OK;
}
