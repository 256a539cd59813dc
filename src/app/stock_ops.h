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

/* Locations: kind "shop", "warehouse" or "bin"; the transit location
 * ("transit") is made by the first transfer through it, never by hand. */
int app_location_add(struct app *a, const char *code, const char *name, const char *kind,
                     char **err);
/* Whether a location is a transit one: goods there change only by
 * transfers, so receiving, adjusting and counting there are refused. */
int app_location_is_transit(struct app *a, int64_t location_id);
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
 * the counter never sees the expected quantity. A line is measured against
 * the stock when it was last recorded: goods moved after the scan (a sale)
 * are not counted, and a variance another count applied since is not
 * applied twice. Submitting computes the variances; approving
 * (RIGHT_STOCK_ADJUST, or an approval) works them out again and writes
 * them as "count" movements. */
int app_count_open(struct app *a, const char *location, int64_t *count_id, char **err);
int app_count_record(struct app *a, int64_t count_id, const char *code, const char *qty,
                     int add, char **err);
struct app_count_variance {
	char sku[65];
	char name[161];
	int64_t expected, counted;
	int weighed;           /* quantities are thousandths */
};
int app_count_submit(struct app *a, int64_t count_id, struct app_count_variance *out,
                     size_t max, size_t *n, char **err);
int app_count_approve(struct app *a, int64_t count_id, char **err);

/* An adjustment with a reason (damage, theft, expiry, sample, found):
 * RIGHT_STOCK_ADJUST or a supervisor's approval. qty is signed text. */
int app_stock_adjust(struct app *a, const char *location, const char *code, const char *qty,
                     const char *reason, char **err);

/* The same naming a lot (and its expiry when the lot is new): goods found
 * go into that lot, goods lost leave it. */
int app_stock_adjust_lot(struct app *a, const char *location, const struct app_stock_item *item,
                         const char *reason, char **err);

/* A count of a category's products at a location: products of the
 * category with stock there that were not scanned count as 0. category
 * NULL: only what is scanned is counted (app_count_open). */
int app_count_open_category(struct app *a, const char *location, const char *category,
                            int64_t *count_id, char **err);
/* The variances of a submitted or approved count (as app_count_submit). */
int app_count_variances(struct app *a, int64_t count_id, struct app_count_variance *out,
                        size_t max, size_t *n, char **err);

/* For a handheld picking up where it stopped: the counts still open (at a
 * location, or all when location is NULL), newest first, and what a count
 * holds so far (never the expected quantity). */
struct app_count_info {
	int64_t id;
	char location[32];
	char category[161];     /* "" for a count of what is scanned */
	char opened_by[32];
};
int app_count_list_open(struct app *a, const char *location, struct app_count_info *out,
                        size_t max, size_t *n, char **err);
struct app_count_line {
	char sku[65];
	char name[161];
	int64_t counted;
	int weighed;
};
int app_count_lines(struct app *a, int64_t count_id, struct app_count_line *out, size_t max,
                    size_t *n, char **err);

/* Transfers still in transit, oldest first. */
struct app_transfer_info {
	int64_t number;
	char from[32], to[32];
	int64_t sent_at;
};
int app_transfer_list_transit(struct app *a, struct app_transfer_info *out, size_t max,
                              size_t *n, char **err);

/* Goods on hand per lot: location, lot, expiry ("" when none), quantity;
 * earliest expiry first within a location. */
struct app_stock_lot {
	char location[32];
	char lot[65];
	char expiry[11];
	int64_t qty;
};
int app_stock_lots(struct app *a, const char *code, struct app_stock_lot *out, size_t max,
                   size_t *n, char **err);

/* What happens when goods leaving would take a product's stock at a
 * location below zero: "allow" (default), "warn" (a warning through the
 * hook below) or "refuse" (APP_ERR). Setting it needs RIGHT_STOCK_ADJUST. */
int app_product_negative_set(struct app *a, const char *code, const char *policy, char **err);
/* Where warnings of stock operations go (the command line prints them as
 * "comptoir: warning: ..."); NULL drops them. Process-wide. */
void app_stock_set_warn(void (*fn)(void *ctx, const char *msg), void *ctx);

/* Stock reports as text, one line per row, fields separated by two spaces:
 * valuation at average cost (products.cost), low stock (below the
 * product's minimum, or below `below` when >= 0), movements of the last
 * `days` days, dead stock (on hand, nothing out for `days` days).
 * location NULL: all locations. *out is malloc'd; the caller frees. */
enum app_stock_report_kind {
	APP_STOCK_REPORT_VALUATION,
	APP_STOCK_REPORT_LOW,
	APP_STOCK_REPORT_MOVES,
	APP_STOCK_REPORT_DEAD,
};
struct app_stock_report_opts {
	enum app_stock_report_kind kind;
	const char *location;
	int days;              /* moves: 7 when 0; dead: 90 when 0 */
	int64_t below;         /* low: -1 for the product's minimum */
};
int app_stock_report(struct app *a, const struct app_stock_report_opts *o, char **out,
                     char **err);
/* "valuation", "low", "moves", "dead"; -1 when unknown. */
int app_stock_report_kind_parse(const char *name);

#endif
