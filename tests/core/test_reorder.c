/* The average cost on receipt (half-up, on-hand <= 0, a cost of 0 as
 * unknown on either side) and the reorder
 * quantity (threshold with daily use and lead time, up to max, packs). */
#include "../lib/tap.h"
#include "../../src/core/reorder.h"

static int64_t avg(int64_t on_hand, int64_t cost, int64_t qty, int64_t unit_cost)
{
	int64_t out = -1;
	if (reorder_average_cost(on_hand, cost, qty, unit_cost, &out) != REORDER_OK)
		return -1;
	return out;
}

static int64_t order(int64_t on_hand, int64_t on_order, int64_t min, int64_t max, int64_t sold,
                     int64_t lead, int64_t pack)
{
	struct reorder_in in = { .on_hand = on_hand, .on_order = on_order, .min = min, .max = max,
	                         .sold = sold, .lead_days = lead, .pack = pack };
	return reorder_quantity(&in);
}

int main(void)
{
	is_int(avg(10, 100, 10, 200), 150, "10 at 1.00 and 10 at 2.00 average 1.50");
	is_int(avg(2, 100, 1, 101), 100, "301 / 3 = 100.33 rounds down to 100");
	is_int(avg(1, 100, 1, 101), 101, "201 / 2 = 100.5 rounds half-up to 101");
	is_int(avg(3, 100, 1, 102), 101, "402 / 4 = 100.5 rounds half-up to 101");
	is_int(avg(2, 100, 1, 102), 101, "302 / 3 = 100.67 rounds up to 101");
	is_int(avg(0, 500, 4, 250), 250, "nothing on hand: the new cost");
	is_int(avg(-6, 500, 4, 250), 250, "negative stock: the new cost");
	is_int(avg(7, 333, 0, 999), 333, "nothing received: the cost stays");
	is_int(avg(INT64_MAX / 2, 10, 1, 1), -1, "overflow is reported, not wrapped");
	is_int(avg(10, 0, 5, 300), 300, "the cost unknown (0): the receipt's cost, not 1.00");
	is_int(avg(10, 400, 5, 0), 400, "a receipt at 0 (unknown price): the cost stays, not 2.67");
	is_int(avg(0, 400, 5, 0), 400, "  even with nothing on hand");
	is_int(avg(-3, 400, 5, 0), 400, "  or less than nothing");
	is_int(avg(10, 0, 5, 0), 0, "both unknown: still unknown");

	is_int(order(5, 0, 10, 40, 0, 0, 1), 35, "below min: order up to max");
	is_int(order(5, 0, 10, 40, 0, 0, 12), 36, "rounded up to whole packs of 12");
	is_int(order(5, 0, 10, 0, 0, 0, 1), 0, "no max: never reordered");
	is_int(order(11, 0, 10, 40, 0, 0, 1), 0, "above min without sales: nothing");
	is_int(order(10, 0, 10, 40, 0, 0, 1), 30, "exactly at min: reorder");
	is_int(order(12, 0, 10, 40, 56, 1, 1), 28, "2 a day over one day's lead: threshold 12");
	is_int(order(13, 0, 10, 40, 56, 1, 1), 0, "one above the threshold: nothing");
	is_int(order(11, 0, 10, 40, 14, 3, 1), 29, "half a day's use over 3 days: threshold 11.5, 11 orders");
	is_int(order(12, 0, 10, 40, 14, 3, 1), 0, "and 12 does not (no rounding of the use)");
	is_int(order(5, 30, 10, 40, 0, 0, 1), 0, "what is on order counts");
	is_int(order(5, 3, 10, 40, 0, 0, 1), 32, "and is taken off the quantity");
	is_int(order(-4, 0, 0, 20, 0, 0, 1), 24, "negative stock is made up too");
	is_int(order(30, 0, 40, 20, 0, 0, 1), 0, "min above max: nothing past max");
	return done_testing();
}
