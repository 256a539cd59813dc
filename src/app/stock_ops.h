/* Stock operations beyond selling: locations, lots and expiry (earliest
 * expiry leaves first), transfers (direct, or through a transit location
 * while goods travel), blind cycle counts whose variances become
 * adjustments only once a user with the right approves, adjustments with a
 * reason, the negative-stock policy per product and the stock reports.
 * Every change is a stock movement (app_stock_move, db/stock.h); each
 * function is one short transaction and checks the user's right itself. */
#ifndef COMPTOIR_APP_STOCK_OPS_H
#define COMPTOIR_APP_STOCK_OPS_H

#include <stddef.h>
#include <stdint.h>
#include "app.h"

/* An item as typed: a code (barcode or SKU), a quantity text or NULL (1),
 * and an optional lot code and expiry (YYYY-MM-DD), NULL when none. */
struct app_stock_item {
	const char *code;
	const char *qty;
	const char *lot;
	const char *expiry;
};

/* Locations: kind "shop", "warehouse", "bin" or "transit". */
int app_location_add(struct app *a, const char *code, const char *name, const char *kind,
                     char **err);
struct app_location {
	char code[32];
	char name[64];
	char kind[12];
};
int app_location_list(struct app *a, struct app_location *out, size_t max, size_t *n,
                      char **err);

/* Moves items from one location to another at once (put-away, or within a
 * site). APP_ERR when a location is unknown or the same. */
int app_transfer(struct app *a, const char *from, const char *to,
                 const struct app_stock_item *items, size_t n, char **err);
/* A transfer between sites: the goods leave `from` for the transit
 * location now (number in *number) and reach `to` on app_transfer_arrive. */
int app_transfer_send(struct app *a, const char *from, const char *to,
                      const struct app_stock_item *items, size_t n, int64_t *number,
                      char **err);
int app_transfer_arrive(struct app *a, int64_t number, char **err);

/* Blind cycle counts: a count of one location; each scan records what was
 * counted (saved at once; `add` 1 adds to the count so far, 0 sets it);
 * the counter never sees the expected quantity. Submitting computes the
 * variances; approving (RIGHT_STOCK_ADJUST, or a supervisor's approval)
 * writes them as "count" movements. */
int app_count_open(struct app *a, const char *location, int64_t *count_id, char **err);
int app_count_record(struct app *a, int64_t count_id, const char *code, const char *qty,
                     int add, char **err);
struct app_count_variance {
	char sku[65];
	char name[161];
	int64_t expected, counted;
};
int app_count_submit(struct app *a, int64_t count_id, struct app_count_variance *out,
                     size_t max, size_t *n, char **err);
int app_count_approve(struct app *a, int64_t count_id, char **err);

/* An adjustment with a reason (damage, theft, expiry, sample, found):
 * RIGHT_STOCK_ADJUST or a supervisor's approval. qty is signed text. */
int app_stock_adjust(struct app *a, const char *location, const char *code, const char *qty,
                     const char *reason, char **err);

#endif
