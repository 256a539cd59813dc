/* What a return gives back of a sold line: its amounts in proportion to the
 * quantity returned, counted cumulatively over the line's returns so that
 * returning everything gives back exactly what was sold. No I/O. */
#ifndef COMPTOIR_REFUND_H
#define COMPTOIR_REFUND_H

#include <stdint.h>
#include "money.h"
#include "tax.h"

/* A sold line as the ticket stored it. */
struct refund_sold {
	int64_t qty;             /* base units, or thousandths when weighed */
	int weighed;
	money_t unit_price;
	int32_t discount_pct;    /* the line's own discount */
	tax_rate_t tax_rate;
	int inclusive;           /* the ticket's prices include tax */
	money_t amount, discount, net, tax, gross;
};

/* What one return of the line gives back (positive amounts). */
struct refund_part {
	money_t amount, discount, net, tax, gross;
};

enum refund_error {
	REFUND_OK = 0,
	REFUND_BAD_QTY = -60,    /* zero, negative, or past what is left */
	REFUND_OVERFLOW = -61,
};

const char *refund_strerror(int err);

/* The share of `qty` units of s when `before` units were already returned:
 * the line's amounts for before + qty units minus those for before units.
 * For a part of the line, the amount is unit_price * units (as the cart
 * computes it), its own discount discount_pct of that, the ticket
 * discount's share in proportion, and the tax split of what is left; for
 * the whole line, the stored figures. */
int refund_line(const struct refund_sold *s, int64_t before, int64_t qty,
                struct refund_part *out);

#endif
