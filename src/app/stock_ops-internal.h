/* Shared by the stock operations of src/app/stock_ops_*.c: taking goods
 * out of a location by lot (earliest expiry first) under the product's
 * negative-stock policy, and the small checks every operation makes. */
#ifndef COMPTOIR_APP_STOCK_OPS_INTERNAL_H
#define COMPTOIR_APP_STOCK_OPS_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include "app-internal.h"
#include "stock_ops.h"

#define STOCK_TAKE_LOTS_MAX 64

/* A part of a take: qty base units from a lot (0: no lot). */
struct stock_lot_take {
	int64_t lot_id;
	int64_t qty;
};

/* How stock_ops_take treats the negative-stock policy. */
enum stock_policy_use {
	STOCK_POLICY_APPLY = 0,   /* refuse or warn as the product says */
	STOCK_POLICY_IGNORE = 1,  /* counts: the stock becomes what was counted */
};

/* Takes qty (> 0) of a product out of a location, inside the caller's
 * transaction: from lot_id only when it is > 0, else from the lots with
 * stock there, earliest expiry first, then without a lot. Writes one
 * movement per part (reason, ref) and fills parts (up to max, *n set;
 * parts may be NULL). The policy looks at the location's stock and, when
 * a lot is named, at that lot's. APP_ERR when the policy refuses, APP_IO. */
int stock_ops_take(struct app *a, int64_t product_id, int64_t location_id, int64_t qty,
                   int64_t lot_id, const char *reason, const char *ref,
                   enum stock_policy_use use, struct stock_lot_take *parts, size_t max,
                   size_t *n, char **err);

/* Where goods coming back were taken out: a sale (origin: the ticket's id)
 * or the deliveries of an invoice's order (origin: the invoice's id). */
enum app_stock_origin {
	APP_STOCK_FROM_TICKET,
	APP_STOCK_FROM_INVOICE,
};

/* Puts qty (> 0) of a product back at a location, inside the caller's
 * transaction: into the lots the origin took it from, the latest expiry
 * first, never more into a lot than the origin took from it less what
 * earlier returns (reason "return") or credit notes (reason "credit") of
 * the same origin brought back; the rest without a lot. One movement per
 * lot (reason, ref). APP_IO. */
int app_stock_return_lots(struct app *a, int64_t product_id, int64_t location_id, int64_t qty,
                          enum app_stock_origin from, int64_t origin, const char *reason,
                          const char *ref, char **err);

/* The right to change stock by hand (RIGHT_STOCK_ADJUST, or an approval),
 * asked only in a shop with users. The caller ends with app_require_done. */
int stock_ops_require(struct app *a, char **err);

/* Who approved or did the action, for the records. */
const char *stock_ops_who(struct app *a);

/* A location by code: id and kind (kind may be NULL). APP_NOTFOUND with a
 * message when unknown. */
int stock_ops_location(struct app *a, const char *code, int64_t *id, char *kind, char **err);

/* APP_ERR with a message when kind is "transit": stock there is changed
 * by transfers only, never received, adjusted or counted. */
int stock_ops_not_transit(const char *code, const char *kind, char **err);

/* Resolves an item: the product and the quantity in base units (the units
 * of a pack barcode counted). allow_zero for counts. */
int stock_ops_item(struct app *a, const struct app_stock_item *it, int allow_zero,
                   struct app_scan *scan, int64_t *qty, char **err);

/* The quantity of lot `code` of a product at a location (the sum of its
 * movements); *found 0 when the lot has never been there. */
int stock_ops_lot_qty(struct app *a, int64_t product_id, int64_t location_id, const char *code,
                      int64_t *qty, int *found, char **err);

/* Passes a warning to the hook set by app_stock_set_warn (none: dropped). */
void stock_ops_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Formats a quantity in base units or kilograms. */
void stock_ops_qty(char *out, size_t size, int64_t q, int weighed);

#endif
