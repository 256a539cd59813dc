/* Adjustments with a reason: losses (damage, theft, expiry, sample) take
 * stock away, earliest expiry first unless a lot is named; "found" brings
 * it back, into a lot when one is named. RIGHT_STOCK_ADJUST or an approval. */
#include <stdio.h>
#include <string.h>
#include "stock_ops-internal.h"
#include "auth.h"
#include "../../db/db.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

/* Losses take stock away, "found" brings it back. */
static int adjust_reason_sign(const char *reason)
{
	static const char *const losses[] = { "damage", "theft", "expiry", "sample" };
	for (size_t i = 0; i < sizeof losses / sizeof losses[0]; i++)
		if (strcmp(reason, losses[i]) == 0)
			return -1;
	return strcmp(reason, "found") == 0 ? 1 : 0;
}

static int adjust_write(struct app *a, int64_t loc, const struct app_stock_item *item,
                        const struct app_scan *scan, int64_t qty, const char *reason,
                        char **err)
{
	int64_t lot = 0;
	if (item->lot && *item->lot) {
		int rc = app_lot_get(a, scan->item.product_id, item->lot, item->expiry, &lot, err);
		if (rc != APP_OK)
			return rc;
	}
	char ref[64] = "";
	if (app_approver(a)[0])
		snprintf(ref, sizeof ref, "approved by %s", app_approver(a));
	if (qty > 0)
		return app_stock_move_lot(a, scan->item.product_id, loc, lot, qty, -1, reason, err,
		                          "%s", ref) == DB_OK ? APP_OK : APP_IO;
	/* A loss is held to the product's policy like any goods leaving: a
	 * product that may not go below zero cannot be written off below it. */
	return stock_ops_take(a, scan->item.product_id, loc, -qty, lot, reason, ref,
	                      STOCK_POLICY_APPLY, NULL, 0, NULL, err);
}

int app_stock_adjust_lot(struct app *a, const char *location, const struct app_stock_item *item,
                         const char *reason, char **err)
{
	int sign = reason ? adjust_reason_sign(reason) : 0;
	if (!sign) {
		error_set(err, _("'%s' is not a reason for an adjustment (damage, theft, expiry, "
		                 "sample or found)"), reason ? reason : "");
		return APP_ERR;
	}
	int64_t loc;
	char kind[12];
	int rc = stock_ops_location(a, location, &loc, kind, err);
	if (rc != APP_OK)
		return rc == APP_NOTFOUND ? APP_ERR : rc;
	if ((rc = stock_ops_not_transit(location, kind, err)) != APP_OK)
		return rc;
	const char *text = item->qty ? item->qty : "";
	int neg = text[0] == '-';
	struct app_stock_item it = *item;
	it.qty = text + (text[0] == '-' || text[0] == '+');
	if (!*it.qty) {
		error_set(err, _("an adjustment needs a quantity (-3 for three less)"));
		return APP_ERR;
	}
	struct app_scan scan;
	int64_t qty;
	rc = stock_ops_item(a, &it, 0, &scan, &qty, err);
	if (rc != APP_OK)
		return rc;
	if ((sign < 0) != neg) {
		error_set(err, sign < 0 ? _("%s takes stock away: give the quantity with a minus "
		                            "(-%s)") : _("%s brings stock back: give a quantity "
		                                         "without a minus (%s)"), reason, it.qty);
		return APP_ERR;
	}
	if ((rc = stock_ops_require(a, err)) != APP_OK)
		return rc;
	if (db_begin(a->db, err) != DB_OK) {
		app_require_done(a);
		return APP_IO;
	}
	rc = adjust_write(a, loc, item, &scan, neg ? -qty : qty, reason, err);
	if (rc == APP_OK && db_commit(a->db, err) != DB_OK)
		rc = APP_IO;
	if (rc != APP_OK)
		db_rollback(a->db);
	app_require_done(a);
	return rc;
}

int app_stock_adjust(struct app *a, const char *location, const char *code, const char *qty,
                     const char *reason, char **err)
{
	struct app_stock_item it = { .code = code, .qty = qty };
	return app_stock_adjust_lot(a, location, &it, reason, err);
}
