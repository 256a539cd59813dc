/* The average cost on receipt and the reorder quantity (reorder.h). */
#include "reorder.h"

int reorder_average_cost(int64_t on_hand, int64_t cost, int64_t qty, int64_t unit_cost,
                         int64_t *out)
{
	if (qty <= 0 || unit_cost <= 0) {
		*out = cost;
		return REORDER_OK;
	}
	if (on_hand <= 0 || cost <= 0) {
		*out = unit_cost;
		return REORDER_OK;
	}
	int64_t a, b, num, den, twice;
	if (__builtin_mul_overflow(on_hand, cost, &a) || __builtin_mul_overflow(qty, unit_cost, &b) ||
	    __builtin_add_overflow(a, b, &num) || __builtin_add_overflow(on_hand, qty, &den) ||
	    __builtin_mul_overflow(num, 2, &twice) || __builtin_add_overflow(twice, den, &twice) ||
	    num < 0)
		return REORDER_OVERFLOW;
	/* Half-up: floor((2 * num + den) / (2 * den)), all terms positive. */
	int64_t den2;
	if (__builtin_mul_overflow(den, 2, &den2))
		return REORDER_OVERFLOW;
	*out = twice / den2;
	return REORDER_OK;
}

int64_t reorder_quantity(const struct reorder_in *in)
{
	if (in->max <= 0)
		return 0;
	int64_t position = in->on_hand + in->on_order;
	/* position <= min + sold / 28 * lead, multiplied through by 28. */
	int64_t lhs, rhs, use;
	if (__builtin_mul_overflow(position, REORDER_WINDOW_DAYS, &lhs) ||
	    __builtin_mul_overflow(in->min, REORDER_WINDOW_DAYS, &rhs) ||
	    __builtin_mul_overflow(in->sold > 0 ? in->sold : 0,
	                           in->lead_days > 0 ? in->lead_days : 0, &use) ||
	    __builtin_add_overflow(rhs, use, &rhs))
		return 0;
	if (lhs > rhs)
		return 0;
	int64_t want = in->max - position;
	if (want <= 0)
		return 0;
	int64_t pack = in->pack > 0 ? in->pack : 1;
	int64_t packs = want / pack + (want % pack != 0);
	int64_t qty;
	if (__builtin_mul_overflow(packs, pack, &qty))
		return 0;
	return qty;
}
