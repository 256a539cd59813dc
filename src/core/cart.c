/* A ticket being rung up: its lines, line and ticket discounts (an amount
 * off is spread over the lines so that each keeps its own tax), and totals
 * per rate summed from the lines.  The only core file that allocates. */
#include <stdlib.h>
#include <string.h>

#include "i18n-mark.h"
#include "cart.h"

const char *cart_strerror(int err)
{
	switch (err) {
	case CART_OK:
		return N_("no error");
	case CART_NOMEM:
		return N_("out of memory");
	case CART_FULL:
		return N_("the ticket has too many lines");
	case CART_BAD_QTY:
		return N_("quantity must be more than zero and at most 1000000");
	case CART_BAD_LINE:
		return N_("no such line on the ticket");
	case CART_BAD_DISCOUNT:
		return N_("discount out of range");
	case CART_OVERFLOW:
		return N_("amount too large");
	case CART_RATES:
		return N_("too many different tax rates on one ticket");
	case CART_BAD_ITEM:
		return N_("the item's price or tax rate is out of range");
	}
	return N_("unknown error");
}

void cart_init(struct cart *c, int inclusive)
{
	memset(c, 0, sizeof *c);
	c->inclusive = inclusive != 0;
}

void cart_release(struct cart *c)
{
	free(c->lines);
	cart_init(c, c->inclusive);
}

void cart_clear(struct cart *c)
{
	struct cart_line *lines = c->lines;
	size_t cap = c->cap;

	cart_init(c, c->inclusive);
	c->lines = lines;
	c->cap = cap;
}

int cart_copy(struct cart *dst, const struct cart *src)
{
	*dst = *src;
	dst->lines = NULL;
	dst->cap = 0;
	if (!src->n)
		return CART_OK;
	dst->lines = malloc(src->n * sizeof *dst->lines);
	if (!dst->lines) {
		dst->n = 0;
		return CART_NOMEM;
	}
	memcpy(dst->lines, src->lines, src->n * sizeof *dst->lines);
	dst->cap = src->n;
	return CART_OK;
}

static int64_t cart_qty_max(const struct cart_item *item)
{
	return item->weighed ? CART_QTY_MAX * 1000 : CART_QTY_MAX;
}

static int cart_item_ok(const struct cart_item *item)
{
	return item->unit_price >= 0 && item->unit_price <= MONEY_MAX &&
	       item->tax_rate >= 0 && item->tax_rate <= TAX_RATE_MAX;
}

static int cart_line_ok(const struct cart *c, size_t line)
{
	return line < c->n && !c->lines[line].voided;
}

/* A line's amount (price * qty, per kilogram when weighed: one half-up
 * rounding) and its own discount, before any ticket discount. */
static int cart_line_amounts(const struct cart_line *l, money_t *amount, money_t *disc)
{
	if (money_muldiv(l->item.unit_price, l->qty, l->item.weighed ? 1000 : 1, amount))
		return CART_OVERFLOW;
	if (money_muldiv(*amount, l->discount_pct, 10000, disc))
		return CART_OVERFLOW;
	return CART_OK;
}

/* What a ticket discount can apply to: the lines after their own discounts. */
static money_t cart_discountable(const struct cart *c)
{
	money_t sum = 0, amount, disc;
	size_t i;

	for (i = 0; i < c->n; i++)
		if (!c->lines[i].voided && !cart_line_amounts(&c->lines[i], &amount, &disc))
			sum += amount - disc;
	return sum;
}

/* Largest remainder: each line gets floor(A * value / base), then the cents
 * still missing go one each to the lines with the largest remainders (the
 * earlier line on a tie), so the shares add up to A exactly. */
static void cart_spread_amount(struct cart *c, money_t amount, money_t base)
{
	int64_t rem[CART_MAX_LINES];
	money_t given = 0, left, value;
	size_t i, best;
	__int128 p;

	for (i = 0; i < c->n; i++) {
		struct cart_line *l = &c->lines[i];

		rem[i] = -1;
		if (l->voided)
			continue;
		value = l->amount - l->discount;
		p = (__int128)amount * value;
		l->discount += (money_t)(p / base);
		given += (money_t)(p / base);
		rem[i] = (int64_t)(p % base);
	}
	for (left = amount - given; left > 0; left--) {
		best = c->n;
		for (i = 0; i < c->n; i++)
			if (rem[i] > 0 && (best == c->n || rem[i] > rem[best]))
				best = i;
		if (best == c->n)
			break;
		c->lines[best].discount++;
		rem[best] = -1;
	}
}

/* Adds a line's split to its rate's totals, keeping the rates in order. */
static int cart_rate_add(struct cart *c, tax_rate_t rate, const struct tax_split *ts)
{
	size_t i;

	for (i = 0; i < c->nrates && c->rates[i].rate < rate; i++)
		;
	if (i == c->nrates || c->rates[i].rate != rate) {
		if (c->nrates == CART_MAX_RATES)
			return CART_RATES;
		memmove(&c->rates[i + 1], &c->rates[i], (c->nrates - i) * sizeof c->rates[0]);
		memset(&c->rates[i], 0, sizeof c->rates[0]);
		c->rates[i].rate = rate;
		c->nrates++;
	}
	c->rates[i].net += ts->net;
	c->rates[i].tax += ts->tax;
	c->rates[i].gross += ts->gross;
	return CART_OK;
}

int cart_update(struct cart *c)
{
	struct tax_split ts;
	money_t base = 0;
	size_t i;
	int rc;

	for (i = 0; i < c->n; i++) {
		struct cart_line *l = &c->lines[i];

		if (l->voided) {
			/* amount keeps what was voided, for the record */
			l->discount = l->net = l->tax = l->gross = 0;
			continue;
		}
		rc = cart_line_amounts(l, &l->amount, &l->discount);
		if (rc)
			return rc;
		base += l->amount - l->discount;
	}

	if (c->ticket_discount_pct > 0) {
		for (i = 0; i < c->n; i++) {
			struct cart_line *l = &c->lines[i];
			money_t d;

			if (l->voided)
				continue;
			if (money_muldiv(l->amount - l->discount, c->ticket_discount_pct, 10000, &d))
				return CART_OVERFLOW;
			l->discount += d;
		}
	} else if (c->ticket_discount_amount > 0 && base > 0) {
		/* lines voided after the discount was set may leave less to
		 * discount than the amount: never take a line below zero */
		cart_spread_amount(c, c->ticket_discount_amount < base ?
		                   c->ticket_discount_amount : base, base);
	}

	c->total_gross = c->total_net = c->total_tax = c->total_discount = 0;
	c->nrates = 0;
	memset(c->rates, 0, sizeof c->rates);
	for (i = 0; i < c->n; i++) {
		struct cart_line *l = &c->lines[i];

		if (l->voided)
			continue;
		rc = tax_split(l->amount - l->discount, l->item.tax_rate, c->inclusive, &ts);
		if (rc == TAX_BAD_RATE)
			return CART_BAD_ITEM;
		if (rc)
			return CART_OVERFLOW;
		l->net = ts.net;
		l->tax = ts.tax;
		l->gross = ts.gross;
		rc = cart_rate_add(c, l->item.tax_rate, &ts);
		if (rc)
			return rc;
		c->total_net += ts.net;
		c->total_tax += ts.tax;
		c->total_gross += ts.gross;
		c->total_discount += l->discount;
	}
	if (c->total_gross > MONEY_MAX)
		return CART_OVERFLOW;
	return CART_OK;
}

static int cart_grow(struct cart *c)
{
	struct cart_line *lines;
	size_t cap;

	if (c->n < c->cap)
		return CART_OK;
	cap = c->cap ? c->cap * 2 : 16;
	if (cap > CART_MAX_LINES)
		cap = CART_MAX_LINES;
	lines = realloc(c->lines, cap * sizeof *lines);
	if (lines == NULL)
		return CART_NOMEM;
	c->lines = lines;
	c->cap = cap;
	return CART_OK;
}

/* Whether a new scan of item can go onto line l instead of a new line.
 * Weighed lines are never merged: each weighing is rounded on its own, as
 * its label was. */
static int cart_same(const struct cart_line *l, const struct cart_item *item)
{
	return !l->voided && l->discount_pct == 0 && !l->item.weighed && !item->weighed &&
	       l->item.product_id == item->product_id &&
	       l->item.unit_price == item->unit_price &&
	       l->item.tax_rate == item->tax_rate &&
	       strcmp(l->item.sku, item->sku) == 0 &&
	       strcmp(l->item.name, item->name) == 0;
}

int cart_add(struct cart *c, const struct cart_item *item, int64_t qty, int merge)
{
	struct cart_line *l;
	int64_t old;
	size_t i;
	int rc;

	if (!cart_item_ok(item))
		return CART_BAD_ITEM;
	if (qty <= 0 || qty > cart_qty_max(item))
		return CART_BAD_QTY;
	for (i = 0; merge && i < c->n; i++) {
		l = &c->lines[i];
		if (!cart_same(l, item))
			continue;
		old = l->qty;
		if (qty > cart_qty_max(item) - old)
			return CART_BAD_QTY;
		l->qty = old + qty;
		rc = cart_update(c);
		if (rc) {
			l->qty = old;
			cart_update(c);
			return rc;
		}
		return (int)i;
	}
	if (c->n >= CART_MAX_LINES)
		return CART_FULL;
	rc = cart_grow(c);
	if (rc)
		return rc;
	l = &c->lines[c->n];
	memset(l, 0, sizeof *l);
	l->item = *item;
	l->item.sku[CART_SKU_MAX] = '\0';
	l->item.name[CART_NAME_MAX] = '\0';
	l->qty = qty;
	c->n++;
	rc = cart_update(c);
	if (rc) {
		c->n--;
		cart_update(c);
		return rc;
	}
	return (int)(c->n - 1);
}

int cart_set_qty(struct cart *c, size_t line, int64_t qty)
{
	struct cart_line *l;
	int64_t old;
	int rc;

	if (!cart_line_ok(c, line))
		return CART_BAD_LINE;
	l = &c->lines[line];
	if (qty <= 0 || qty > cart_qty_max(&l->item))
		return CART_BAD_QTY;
	old = l->qty;
	l->qty = qty;
	rc = cart_update(c);
	if (rc) {
		l->qty = old;
		cart_update(c);
	}
	return rc;
}

int cart_void_line(struct cart *c, size_t line)
{
	if (!cart_line_ok(c, line))
		return CART_BAD_LINE;
	c->lines[line].voided = 1;
	/* less on the ticket can only make the sums smaller */
	return cart_update(c);
}

int cart_set_line_discount(struct cart *c, size_t line, int32_t pct)
{
	struct cart_line *l;
	int32_t old;
	int rc;

	if (!cart_line_ok(c, line))
		return CART_BAD_LINE;
	if (pct < 0 || pct > 10000)
		return CART_BAD_DISCOUNT;
	l = &c->lines[line];
	old = l->discount_pct;
	l->discount_pct = pct;
	rc = cart_update(c);
	if (rc) {
		l->discount_pct = old;
		cart_update(c);
	}
	return rc;
}

int cart_set_ticket_discount_pct(struct cart *c, int32_t pct)
{
	int32_t old_pct = c->ticket_discount_pct;
	money_t old_amount = c->ticket_discount_amount;
	int rc;

	if (pct < 0 || pct > 10000)
		return CART_BAD_DISCOUNT;
	c->ticket_discount_pct = pct;
	c->ticket_discount_amount = 0;
	rc = cart_update(c);
	if (rc) {
		c->ticket_discount_pct = old_pct;
		c->ticket_discount_amount = old_amount;
		cart_update(c);
	}
	return rc;
}

int cart_set_ticket_discount_amount(struct cart *c, money_t amount)
{
	int32_t old_pct = c->ticket_discount_pct;
	money_t old_amount = c->ticket_discount_amount;
	int rc;

	if (amount < 0 || amount > cart_discountable(c))
		return CART_BAD_DISCOUNT;
	c->ticket_discount_pct = 0;
	c->ticket_discount_amount = amount;
	rc = cart_update(c);
	if (rc) {
		c->ticket_discount_pct = old_pct;
		c->ticket_discount_amount = old_amount;
		cart_update(c);
	}
	return rc;
}

size_t cart_count(const struct cart *c)
{
	size_t i, k = 0;

	for (i = 0; i < c->n; i++)
		if (!c->lines[i].voided)
			k++;
	return k;
}
