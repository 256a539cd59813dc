/* cart.c: per-line tax summed into the totals (and how that differs from tax
 * on the document total), line and ticket discounts, the largest-remainder
 * spread of an amount off, voids, merging, quantity bounds, weighed lines. */
#include "../lib/tap.h"
#include "../../src/core/cart.h"

static struct cart_item item(int64_t id, money_t price, tax_rate_t rate)
{
	struct cart_item it;

	memset(&it, 0, sizeof it);
	it.product_id = id;
	snprintf(it.sku, sizeof it.sku, "SKU%lld", (long long)id);
	snprintf(it.name, sizeof it.name, "Item %lld", (long long)id);
	it.unit_price = price;
	it.tax_rate = rate;
	return it;
}

/* The invariants every computed cart keeps. */
static void check_sums(const struct cart *c, const char *what)
{
	money_t g = 0, n = 0, t = 0, d = 0, rg = 0, rn = 0, rt = 0;
	int lines_ok = 1;
	size_t i;

	for (i = 0; i < c->n; i++) {
		const struct cart_line *l = &c->lines[i];

		if (l->voided)
			continue;
		g += l->gross;
		n += l->net;
		t += l->tax;
		d += l->discount;
		if (l->net + l->tax != l->gross)
			lines_ok = 0;
		if ((c->inclusive ? l->gross : l->net) != l->amount - l->discount)
			lines_ok = 0;
	}
	for (i = 0; i < c->nrates; i++) {
		rg += c->rates[i].gross;
		rn += c->rates[i].net;
		rt += c->rates[i].tax;
		if (i > 0 && c->rates[i - 1].rate >= c->rates[i].rate)
			lines_ok = 0;
	}
	ok(lines_ok, "%s: each line adds up, rates in order", what);
	ok(g == c->total_gross && n == c->total_net && t == c->total_tax &&
	   d == c->total_discount, "%s: totals are the sums of the lines", what);
	ok(rg == c->total_gross && rn == c->total_net && rt == c->total_tax,
	   "%s: rate totals are the sums of the lines", what);
}

static void test_line_tax_vs_document(void)
{
	struct cart c;
	struct cart_item a = item(1, 299, 550), b = item(2, 149, 550), d = item(3, 110, 550);
	struct tax_split doc;

	cart_init(&c, 1);
	is_int(cart_add(&c, &a, 1, 0), 0, "2.99 at 5.5 %% is line 0");
	is_int(cart_add(&c, &b, 1, 0), 1, "1.49 at 5.5 %% is line 1");
	is_int(cart_add(&c, &d, 1, 0), 2, "1.10 at 5.5 %% is line 2");
	/* 15.59 -> 16, 7.77 -> 8, 5.73 -> 6 per line; 29.09 -> 29 on 5.58 */
	is_int(c.lines[0].tax, 16, "line 0 tax 0.16");
	is_int(c.lines[1].tax, 8, "line 1 tax 0.08");
	is_int(c.lines[2].tax, 6, "line 2 tax 0.06");
	is_int(c.total_gross, 558, "total 5.58");
	tax_split(c.total_gross, 550, 1, &doc);
	is_int(doc.tax, 29, "tax on the document total would be 0.29 (29.09)");
	is_int(c.total_tax, 30, "the ticket's tax is the lines' 0.30");
	is_int(c.total_net, 528, "net 5.28 = 5.58 - 0.30");
	is_int((int64_t)c.nrates, 1, "one rate");
	is_int(c.rates[0].rate, 550, "rate 5.5 %%");
	is_int(c.rates[0].tax, 30, "the rate's tax is the lines' sum, not 0.29");
	is_int(c.rates[0].gross, 558, "the rate's gross");
	check_sums(&c, "5.5 %% ticket");

	/* a second rate sorts before the first and keeps its own sums */
	struct cart_item e = item(4, 1000, 2000), f = item(5, 999, 2000);

	cart_add(&c, &e, 1, 0);
	cart_add(&c, &f, 1, 0);
	is_int((int64_t)c.nrates, 2, "two rates");
	is_int(c.rates[0].rate, 550, "5.5 %% first");
	is_int(c.rates[1].rate, 2000, "20 %% second");
	is_int(c.rates[1].tax, 167 + 167, "20 %%: 1.67 + 1.67 (166.67 and 166.5 up)");
	is_int(c.rates[0].tax, 30, "5.5 %% unchanged");
	is_int(c.total_tax, 364, "total tax");
	check_sums(&c, "mixed rates");
	cart_release(&c);
}

static void test_exclusive(void)
{
	struct cart c;
	struct cart_item a = item(1, 1000, 2000), b = item(2, 100, 550);

	cart_init(&c, 0);
	cart_add(&c, &a, 2, 0);
	cart_add(&c, &b, 3, 0);
	is_int(c.lines[0].net, 2000, "exclusive: net is the amount");
	is_int(c.lines[0].gross, 2400, "exclusive: gross 24.00");
	is_int(c.lines[1].tax, 17, "exclusive 5.5 %% of 3.00: 16.5 -> 17");
	is_int(c.total_gross, 2400 + 317, "exclusive total");
	check_sums(&c, "exclusive");
	cart_release(&c);
}

static void test_discounts(void)
{
	struct cart c;
	struct cart_item a = item(1, 1000, 2000), b = item(2, 2000, 2000), d = item(3, 3000, 550);
	money_t amt, sum;
	size_t i;
	int all = 1;

	cart_init(&c, 1);
	cart_add(&c, &a, 3, 0);
	is_int(cart_set_line_discount(&c, 0, 1000), 0, "10 %% line discount");
	is_int(c.lines[0].amount, 3000, "amount before discount");
	is_int(c.lines[0].discount, 300, "discount 3.00");
	is_int(c.lines[0].gross, 2700, "gross after discount");
	is_int(c.lines[0].tax, 450, "tax on 27.00 at 20 %%");
	is_int(cart_set_line_discount(&c, 0, 10001), CART_BAD_DISCOUNT, "line discount past 100 %%");
	is_int(cart_set_line_discount(&c, 0, -1), CART_BAD_DISCOUNT, "negative line discount");
	is_int(cart_set_line_discount(&c, 5, 100), CART_BAD_LINE, "no such line");
	is_int(c.lines[0].discount_pct, 1000, "refused discount changed nothing");
	cart_set_line_discount(&c, 0, 0);

	/* line discount rounding: 10 % of 1.25 is 12.5 cents */
	struct cart_item h = item(9, 125, 0);

	cart_add(&c, &h, 1, 0);
	cart_set_line_discount(&c, 1, 1000);
	is_int(c.lines[1].discount, 13, "10 %% of 1.25 rounds half up to 0.13");
	cart_void_line(&c, 1);

	cart_add(&c, &b, 1, 0);
	cart_add(&c, &d, 1, 0);
	/* lines: 30.00, 20.00, 30.00 (the 1.25 is voided) */
	is_int(cart_set_ticket_discount_pct(&c, 1000), 0, "10 %% ticket discount");
	is_int(c.lines[0].discount, 300, "ticket pct on line 0");
	is_int(c.lines[2].discount, 200, "ticket pct on line 2");
	is_int(c.lines[3].discount, 300, "ticket pct on line 3");
	is_int(c.lines[1].discount, 0, "voided line gets no discount");
	is_int(c.total_discount, 800, "total discount 8.00");
	is_int(c.total_gross, 7200, "total 72.00");
	check_sums(&c, "ticket pct");
	is_int(cart_set_ticket_discount_pct(&c, 10001), CART_BAD_DISCOUNT, "ticket pct past 100 %%");

	/* line discount first, then the ticket's on what is left */
	cart_set_line_discount(&c, 0, 5000);
	is_int(c.lines[0].discount, 1500 + 150, "50 %% then 10 %% of the rest");
	cart_set_line_discount(&c, 0, 0);

	/* 10.00 off 30 + 20 + 30: 3.75, 2.50, 3.75 exactly */
	is_int(cart_set_ticket_discount_amount(&c, 1000), 0, "10.00 off the ticket");
	is_int(c.ticket_discount_pct, 0, "an amount clears the percentage");
	is_int(c.lines[0].discount, 375, "share of line 0");
	is_int(c.lines[2].discount, 250, "share of line 2");
	is_int(c.lines[3].discount, 375, "share of line 3");
	is_int(c.total_discount, 1000, "shares add up to 10.00");
	check_sums(&c, "ticket amount");

	/* 0.01 off three equal lines: the first of the tied gets it */
	struct cart c3;
	struct cart_item one = item(7, 100, 2000);

	cart_init(&c3, 1);
	cart_add(&c3, &one, 1, 0);
	cart_add(&c3, &one, 1, 0);
	cart_add(&c3, &one, 1, 0);
	cart_set_ticket_discount_amount(&c3, 100);
	is_int(c3.lines[0].discount, 34, "1.00 over three: 0.34");
	is_int(c3.lines[1].discount, 33, "then 0.33");
	is_int(c3.lines[2].discount, 33, "then 0.33");
	cart_release(&c3);

	/* 10.00 over 10, 20, 30: 1.6667, 3.3333, 5 -> the largest remainder
	 * (0.6667 on the first) gets the missing cent */
	cart_init(&c3, 1);
	struct cart_item x = item(11, 1000, 2000), y = item(12, 2000, 2000), z = item(13, 3000, 2000);

	cart_add(&c3, &x, 1, 0);
	cart_add(&c3, &y, 1, 0);
	cart_add(&c3, &z, 1, 0);
	cart_set_ticket_discount_amount(&c3, 1000);
	is_int(c3.lines[0].discount, 167, "largest remainder gets the cent");
	is_int(c3.lines[1].discount, 333, "3.33");
	is_int(c3.lines[2].discount, 500, "5.00");
	cart_release(&c3);

	/* every amount from 0 to the whole ticket spreads exactly */
	cart_set_line_discount(&c, 2, 3333);
	sum = 0;
	for (i = 0; i < c.n; i++)
		if (!c.lines[i].voided)
			sum += c.lines[i].amount - (c.lines[i].amount * c.lines[i].discount_pct + 5000) / 10000;
	for (amt = 0; amt <= sum; amt += 7) {
		if (cart_set_ticket_discount_amount(&c, amt) != 0) {
			all = 0;
			break;
		}
		money_t got = c.lines[0].discount + c.lines[2].discount + c.lines[3].discount -
		              (c.lines[2].amount * 3333 + 5000) / 10000;
		if (got != amt || c.lines[1].discount != 0)
			all = 0;
	}
	ok(all, "amounts 0..%lld step 7 spread exactly", (long long)sum);
	is_int(cart_set_ticket_discount_amount(&c, sum), 0, "the whole ticket off");
	is_int(c.total_gross, 0, "nothing left to pay");
	is_int(cart_set_ticket_discount_amount(&c, sum + 1), CART_BAD_DISCOUNT,
	       "more than the ticket refused");
	is_int(c.ticket_discount_amount, sum, "refused amount changed nothing");
	is_int(cart_set_ticket_discount_amount(&c, -1), CART_BAD_DISCOUNT, "negative refused");

	/* voiding lines under a big amount off takes at most what is left */
	cart_void_line(&c, 0);
	cart_void_line(&c, 2);
	is_int(c.total_discount, 3000, "discount limited to the remaining line");
	is_int(c.total_gross, 0, "and the ticket is free, not negative");
	check_sums(&c, "clamped amount");
	cart_release(&c);
}

static void test_void_merge(void)
{
	struct cart c;
	struct cart_item a = item(1, 250, 2000), b = item(2, 400, 2000), w = item(3, 1290, 550);

	w.weighed = 1;
	cart_init(&c, 1);
	is_int(cart_add(&c, &a, 1, 1), 0, "first scan");
	is_int(cart_add(&c, &a, 2, 1), 0, "second scan merges");
	is_int(c.lines[0].qty, 3, "merged quantity 3");
	is_int(c.total_gross, 750, "3 x 2.50");
	is_int(cart_add(&c, &a, 1, 0), 1, "without merge: a new line");
	is_int(cart_add(&c, &b, 1, 1), 2, "another product: a new line");
	cart_set_line_discount(&c, 0, 500);
	cart_void_line(&c, 1);
	is_int(cart_add(&c, &a, 1, 1), 3, "no merge into a discounted or voided line");
	is_int(cart_count(&c), 3, "three lines count");
	is_int((int64_t)c.n, 4, "four lines kept");

	a.unit_price = 200;
	is_int(cart_add(&c, &a, 1, 1), 4, "another price: a new line");

	is_int(cart_add(&c, &w, 250, 1), 5, "0.250 kg");
	is_int(c.lines[5].amount, 323, "0.250 kg at 12.90/kg = 3.225 -> 3.23");
	is_int(cart_add(&c, &w, 250, 1), 6, "weighed lines never merge");

	is_int(cart_void_line(&c, 3), 0, "void line 3");
	is_int(c.lines[3].gross, 0, "voided line counts for nothing");
	is_int(c.lines[3].amount, 250, "but keeps what was voided");
	is_int(cart_void_line(&c, 3), CART_BAD_LINE, "void twice refused");
	is_int(cart_set_qty(&c, 3, 2), CART_BAD_LINE, "qty of a voided line refused");
	is_int(cart_set_line_discount(&c, 3, 100), CART_BAD_LINE, "discount on a voided line");
	is_int(cart_void_line(&c, 99), CART_BAD_LINE, "no line 99");
	is_int(cart_count(&c), 5, "five lines count");
	/* 7.50 less 5 % (0.375 -> 0.38), 4.00, 2.00, 3.23, 3.23 */
	is_int(c.total_gross, 712 + 400 + 200 + 323 + 323, "total without voided lines");
	check_sums(&c, "voids and merges");

	cart_clear(&c);
	is_int((int64_t)c.n, 0, "clear empties");
	ok(c.lines != NULL && c.cap > 0, "clear keeps the storage");
	is_int(c.total_gross, 0, "clear zeroes the totals");
	is_int(c.inclusive, 1, "clear keeps inclusive");
	cart_release(&c);
	ok(c.lines == NULL && c.n == 0, "release frees");
}

static void test_bounds(void)
{
	struct cart c;
	struct cart_item a = item(1, 1, 0), w = item(2, 1290, 550), big = item(3, MONEY_MAX, 0);
	size_t i;
	int rc = 0;

	w.weighed = 1;
	cart_init(&c, 1);
	is_int(cart_add(&c, &a, 0, 0), CART_BAD_QTY, "quantity 0 refused");
	is_int(cart_add(&c, &a, -1, 0), CART_BAD_QTY, "negative quantity refused");
	is_int(cart_add(&c, &a, INT64_C(1000000000000), 0), CART_BAD_QTY, "10^12 refused");
	is_int(cart_add(&c, &w, INT64_C(1000000000000), 0), CART_BAD_QTY, "10^12 g refused");
	is_int(cart_add(&c, &a, CART_QTY_MAX + 1, 0), CART_BAD_QTY, "CART_QTY_MAX + 1 refused");
	is_int((int64_t)c.n, 0, "nothing added");
	is_int(cart_add(&c, &a, CART_QTY_MAX, 1), 0, "CART_QTY_MAX accepted");
	is_int(cart_add(&c, &a, 1, 1), CART_BAD_QTY, "merging past the bound refused");
	is_int(c.lines[0].qty, CART_QTY_MAX, "refused merge changed nothing");
	is_int(cart_set_qty(&c, 0, 0), CART_BAD_QTY, "set qty 0 refused");
	is_int(cart_set_qty(&c, 0, 5), 0, "set qty 5");
	is_int(c.total_gross, 5, "5 x 0.01");
	is_int(cart_add(&c, &w, CART_QTY_MAX * 1000, 0), 1, "1000000 kg accepted");
	is_int(cart_add(&c, &w, CART_QTY_MAX * 1000 + 1, 0), CART_BAD_QTY, "1000000.001 kg refused");

	is_int(cart_add(&c, &big, 1, 0), CART_OVERFLOW, "a ticket past MONEY_MAX refused");
	is_int((int64_t)c.n, 2, "overflowing line not kept");
	is_int(c.total_gross, 5 + 1290000000, "totals restored");
	cart_clear(&c);
	is_int(cart_add(&c, &big, 1, 0), 0, "MONEY_MAX item");
	is_int(cart_add(&c, &big, 2, 0), CART_OVERFLOW, "2 x MONEY_MAX refused");
	is_int((int64_t)c.n, 1, "overflowing line not kept");
	is_int(cart_set_qty(&c, 0, 2), CART_OVERFLOW, "set qty to overflow refused");
	is_int(c.lines[0].qty, 1, "refused qty restored");
	is_int(c.total_gross, MONEY_MAX, "totals restored");

	a.unit_price = -1;
	is_int(cart_add(&c, &a, 1, 0), CART_BAD_ITEM, "negative price refused");
	a.unit_price = 1;
	a.tax_rate = 10001;
	is_int(cart_add(&c, &a, 1, 0), CART_BAD_ITEM, "rate past 100 %% refused");
	cart_release(&c);

	cart_init(&c, 1);
	for (i = 0; i < CART_MAX_RATES && rc >= 0; i++) {
		struct cart_item r = item((int64_t)i, 100, (tax_rate_t)(i * 100));

		rc = cart_add(&c, &r, 1, 0);
	}
	is_int(rc, CART_MAX_RATES - 1, "16 rates fit");
	struct cart_item r17 = item(99, 100, 9999);

	is_int(cart_add(&c, &r17, 1, 0), CART_RATES, "a 17th rate refused");
	is_int((int64_t)c.n, CART_MAX_RATES, "and not kept");
	cart_clear(&c);

	a.tax_rate = 0;
	for (i = 0, rc = 0; i < CART_MAX_LINES && rc >= 0; i++)
		rc = cart_add(&c, &a, 1, 0);
	is_int(rc, CART_MAX_LINES - 1, "1000 lines fit");
	is_int(cart_add(&c, &a, 1, 0), CART_FULL, "line 1001 refused");
	is_int(cart_add(&c, &a, 1, 1), 0, "but a merge still works");
	cart_release(&c);

	ok(*cart_strerror(CART_RATES) != '\0', "strerror has text");
}

int main(void)
{
	test_line_tax_vs_document();
	test_exclusive();
	test_discounts();
	test_void_merge();
	test_bounds();
	return done_testing();
}
