/* Purchasing arithmetic, pure: the weighted average cost after a receipt
 * and the reorder quantity from minimum and maximum levels, lead time,
 * recent sales and the supplier's pack. Integers only, no I/O. */
#ifndef COMPTOIR_REORDER_H
#define COMPTOIR_REORDER_H

#include <stdint.h>

enum {
	REORDER_OK = 0,
	REORDER_OVERFLOW = -1,   /* figures too large for 64 bits */
};

/* The average cost of the stock after `qty` base units arrive at
 * `unit_cost` (minor units per base unit) onto `on_hand` units costing
 * `cost` each: (on_hand * cost + qty * unit_cost) / (on_hand + qty),
 * rounded half-up to a whole minor unit. Stock on hand <= 0 (none, or
 * sold ahead of receipt) has no cost worth keeping: the new cost is
 * unit_cost. qty <= 0 leaves the cost alone.
 * A cost of 0 (or less) means unknown, never free: when the product's
 * `cost` is unknown the new cost is `unit_cost`; when the receipt's
 * `unit_cost` is unknown (a supplier item priced 0) the receipt brings no
 * cost and `cost` stays, whatever is on hand. Both unknown stays 0. */
int reorder_average_cost(int64_t on_hand, int64_t cost, int64_t qty, int64_t unit_cost,
                         int64_t *out);

/* The sales window the daily use is read over. */
#define REORDER_WINDOW_DAYS 28

struct reorder_in {
	int64_t on_hand;     /* all locations, base units */
	int64_t on_order;    /* still open on purchase orders */
	int64_t min, max;    /* the product's levels; max 0: not reordered */
	int64_t sold;        /* out in the last REORDER_WINDOW_DAYS (sales, deliveries) */
	int64_t lead_days;   /* the supplier's */
	int64_t pack;        /* the supplier's pack size, 1 when none */
};

/* The quantity to order, 0 when none: when on hand + on order falls to
 * min + daily use * lead time (daily use = sold / 28, compared exactly, not
 * rounded), order up to max, rounded up to whole packs. Nothing when the
 * levels are not set (max <= 0) or when the position already reaches max. */
int64_t reorder_quantity(const struct reorder_in *in);

#endif
