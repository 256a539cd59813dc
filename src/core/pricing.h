/* The price engine: which unit price applies to a product for a customer,
 * a quantity and a day, and why. Price lists are data: a list holds explicit
 * prices with quantity breaks and validity dates, or derives from another
 * list by a percentage. No I/O: the caller hands in the rows that concern
 * one product and one customer.
 *
 * Resolution order (documented, deterministic; each step is recorded):
 *   1. a contract price for this customer and product, valid today, with the
 *      largest min_qty not above the quantity;
 *   2. else the customer's list: its explicit break for the quantity (largest
 *      min_qty <= qty, valid today); a derived list without its own break
 *      takes its parent's price (resolved the same way, recursively, at most
 *      PRICING_MAX_DEPTH deep) adjusted by its percentage, rounded half up;
 *   3. else the base list (retail): its break for the quantity, else the
 *      catalogue price;
 *   4. a promotion valid today replaces the price found when it is lower
 *      (a contract's too); one for a single list counts only when that
 *      list gave the price or is the customer's;
 *   5. a manual override replaces everything.
 * Prices are compared and returned in the convention of the list that gave
 * them (tax-inclusive or not); pricing_to_convention() converts. */
#ifndef COMPTOIR_PRICING_H
#define COMPTOIR_PRICING_H

#include <stddef.h>
#include <stdint.h>
#include "money.h"
#include "tax.h"

#define PRICING_MAX_DEPTH 4
#define PRICING_MAX_STEPS 12
#define PRICING_CODE_MAX 32

/* A day as YYYYMMDD (20261127); 0 in a validity bound means open-ended. */
typedef int32_t pricing_day_t;

struct price_list {
	int64_t id;
	char code[PRICING_CODE_MAX + 1];   /* "retail", "reseller", ... */
	int64_t parent_id;     /* 0: explicit prices only; else derived from it */
	int32_t adjust_pct;    /* hundredths of a percent on the parent: -2500 = -25 % */
	int inclusive;         /* its prices include tax (retail) or not (B2B) */
	int64_t min_qty;       /* smallest quantity per product on a ticket; 0 = none */
	int64_t multiple;      /* quantities must be a multiple of this; 0 or 1 = none */
};

/* One explicit price on a list for the product: from min_qty up. */
struct price_break {
	int64_t list_id;
	int64_t min_qty;       /* base units; 1 for the plain price */
	money_t price;         /* per base unit, in the list's convention */
	pricing_day_t valid_from, valid_to;
};

/* A price agreed with one customer for the product. */
struct price_contract {
	int64_t min_qty;
	money_t price;
	int inclusive;
	pricing_day_t valid_from, valid_to;
};

/* A promotion on the product, for everyone or for one list (list_id 0). */
struct price_promo {
	int64_t list_id;
	money_t price;
	int inclusive;
	pricing_day_t valid_from, valid_to;
	char code[PRICING_CODE_MAX + 1];
};

struct price_query {
	const struct price_list *lists;      /* every list of the shop */
	size_t nlists;
	const struct price_break *breaks;    /* the product's breaks, on any list */
	size_t nbreaks;
	const struct price_contract *contracts; /* this customer's, for the product */
	size_t ncontracts;
	const struct price_promo *promos;    /* the product's promotions */
	size_t npromos;
	int64_t base_list_id;      /* the retail list */
	int64_t customer_list_id;  /* 0: no list of their own (walk-in) */
	money_t catalogue_price;   /* products.price, in the base list's convention */
	tax_rate_t tax_rate;
	int64_t qty;               /* the product's total on the ticket, base units (>= 1) */
	int64_t qty_scale;         /* 1000 when qty is in thousandths (weighed goods):
	                              min_qty of breaks, contracts and lists then count
	                              in kilograms (a min_qty of 1, the plain price,
	                              applies from any weight); 0 or 1 otherwise.
	                              Order multiples apply to counted goods only. */
	pricing_day_t today;
	int has_override;
	money_t override_price;    /* in the convention of `override_inclusive` */
	int override_inclusive;
};

enum price_source {
	PRICE_FROM_CONTRACT = 1,
	PRICE_FROM_LIST,        /* an explicit price (break) on a list */
	PRICE_FROM_DERIVED,     /* a list's percentage on its parent */
	PRICE_FROM_CATALOGUE,   /* products.price */
	PRICE_FROM_PROMO,
	PRICE_FROM_OVERRIDE,
	PRICE_NOTE_PROMO_HIGHER,  /* a promotion was valid but not lower: kept the price */
	PRICE_NOTE_NO_BREAK,      /* the customer's list has no price for it: fell through */
};

/* One step of "why this price", for the caller to put into words. */
struct price_step {
	enum price_source source;
	int64_t list_id;         /* for LIST / DERIVED / NOTE_NO_BREAK; 0 otherwise */
	int64_t min_qty;         /* the break reached */
	int32_t adjust_pct;      /* for DERIVED */
	money_t price;           /* the price after this step; for NOTE_PROMO_HIGHER
	                          * the promotion's price (in `inclusive`), for
	                          * NOTE_NO_BREAK 0 */
	int inclusive;
};

struct price_result {
	money_t unit;            /* the price that applies, per base unit */
	int inclusive;           /* in which convention `unit` is */
	enum price_source source;
	struct price_step steps[PRICING_MAX_STEPS];
	size_t nsteps;
};

enum pricing_error {
	PRICING_OK = 0,
	PRICING_BAD_QUERY = -60,   /* qty < 1, a missing base list, ... */
	PRICING_LOOP = -61,        /* derived lists that go round or too deep */
	PRICING_OVERFLOW = -62,
	PRICING_BELOW_MIN = -63,   /* the list's minimum quantity is not reached */
	PRICING_NOT_MULTIPLE = -64,/* not a multiple of the list's order multiple */
};

const char *pricing_strerror(int err);

/* Resolves the unit price; fills out even when the quantity rules of the
 * customer's list are broken (then returns PRICING_BELOW_MIN or
 * PRICING_NOT_MULTIPLE, the price still computed, so a user with the right
 * can accept it).  The quantity rules are checked whatever gave the price
 * (contract and override included), minimum first.  A customer_list_id or a
 * parent_id not found in lists is PRICING_BAD_QUERY; the base list always
 * ends a chain of derived lists (its own parent_id is not followed).  On any
 * other error out is zeroed. */
int pricing_resolve(const struct price_query *q, struct price_result *out);

/* Converts a unit price between conventions at a tax rate: from inclusive
 * to exclusive takes the tax out (net = gross - round(gross*r/(1+r))), the
 * other way adds it; rounded half up, once.  Exclusive -> inclusive ->
 * exclusive gives back the same price; inclusive -> exclusive -> inclusive
 * may be a cent off (0.03 at 20 % -> 0.02 -> 0.02).  It cannot fail: a
 * result past MONEY_MAX is clamped to +-MONEY_MAX, and a rate outside
 * 0..TAX_RATE_MAX returns the price unconverted. */
money_t pricing_to_convention(money_t price, tax_rate_t rate, int from_inclusive,
                              int to_inclusive);

/* The list with this id among q->lists, or NULL. */
const struct price_list *pricing_find_list(const struct price_list *lists, size_t n,
                                           int64_t id);

#endif
