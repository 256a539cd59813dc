/* A ticket being rung up: lines with quantities and discounts, voided lines
 * kept for the record, and totals per tax rate computed from the lines. */
#ifndef COMPTOIR_CART_H
#define COMPTOIR_CART_H

#include <stddef.h>
#include "money.h"
#include "tax.h"

#define CART_SKU_MAX 64
#define CART_NAME_MAX 160
#define CART_MAX_LINES 1000
#define CART_MAX_RATES 16
/* Largest quantity on one line, in base units (thousandths count as 1/1000). */
#define CART_QTY_MAX INT64_C(1000000)

/* What the catalogue says about the item being added. */
struct cart_item {
	int64_t product_id;
	char sku[CART_SKU_MAX + 1];
	char name[CART_NAME_MAX + 1];
	money_t unit_price;     /* per base unit, or per kilogram when weighed */
	tax_rate_t tax_rate;
	int weighed;            /* quantities are thousandths (grams of a kg) */
	/* What the price engine started from and decided; the cart itself only
	 * carries them. */
	money_t catalogue_price;   /* products.price, in the shop's convention */
	tax_rate_t product_rate;   /* the product's own rate (tax_rate is 0 when exempt) */
	int price_fixed;           /* set by a barcode or an override: never repriced */
	int price_source;          /* enum price_source of pricing.h, 0 when unknown */
};

struct cart_line {
	struct cart_item item;
	int64_t qty;            /* base units, or thousandths when weighed */
	int32_t discount_pct;   /* line discount in hundredths of a percent */
	int voided;
	/* computed by cart_update() (a voided line keeps its amount, for the
	 * record, and has discount, net, tax and gross 0): */
	money_t amount;         /* unit_price * qty, rounded half up */
	money_t discount;       /* line discount plus its share of the ticket's */
	money_t net, tax, gross;
};

struct cart_rate_total {
	tax_rate_t rate;
	money_t net, tax, gross;
};

struct cart {
	struct cart_line *lines;
	size_t n, cap;
	int inclusive;            /* unit prices include tax (retail) */
	int32_t ticket_discount_pct;  /* hundredths of a percent */
	money_t ticket_discount_amount;
	/* computed: */
	money_t total_gross, total_net, total_tax, total_discount;
	struct cart_rate_total rates[CART_MAX_RATES];
	size_t nrates;
};

enum cart_error {
	CART_OK = 0,
	CART_NOMEM = -10,
	CART_FULL = -11,       /* CART_MAX_LINES reached */
	CART_BAD_QTY = -12,    /* zero, negative or past CART_QTY_MAX */
	CART_BAD_LINE = -13,   /* no such line, or it is voided */
	CART_BAD_DISCOUNT = -14,
	CART_OVERFLOW = -15,
	CART_RATES = -16,      /* more than CART_MAX_RATES tax rates */
	CART_BAD_ITEM = -17,   /* unit price negative or past MONEY_MAX, or tax
	                          rate out of range */
};

/* English text for a cart_error, marked for translation. */
const char *cart_strerror(int err);

void cart_init(struct cart *c, int inclusive);
void cart_release(struct cart *c);
/* Empties the cart for the next ticket, keeping its storage. */
void cart_clear(struct cart *c);

/* Adds qty of item. With `merge`, a line of the same product at the same
 * price with no discount, not voided, gets the quantity instead (weighed
 * lines are never merged: each weighing keeps its own rounding).
 * A mutator that fails leaves the cart as it was.
 * Returns the line index (>= 0) or a cart_error. */
int cart_add(struct cart *c, const struct cart_item *item, int64_t qty, int merge);
int cart_set_qty(struct cart *c, size_t line, int64_t qty);
int cart_void_line(struct cart *c, size_t line);
int cart_set_line_discount(struct cart *c, size_t line, int32_t pct);
/* A percentage, or an amount off spread over the lines in proportion to
 * their value (largest remainder), so that each line keeps its own tax.
 * Setting one clears the other.  An amount past what the lines come to is
 * CART_BAD_DISCOUNT; if voids later shrink the ticket below it, only what
 * the lines come to is taken off (total_discount says how much). */
int cart_set_ticket_discount_pct(struct cart *c, int32_t pct);
int cart_set_ticket_discount_amount(struct cart *c, money_t amount);

/* Makes dst an independent copy of src (dst uninitialised or released).
 * Returns 0 or CART_NOMEM. */
int cart_copy(struct cart *dst, const struct cart *src);

/* Number of lines that are not voided. */
size_t cart_count(const struct cart *c);

/* Recomputes every line's amounts and the totals per rate.  Called by each
 * mutator above; exposed for tests. Returns 0 or CART_OVERFLOW/CART_RATES. */
int cart_update(struct cart *c);

#endif
