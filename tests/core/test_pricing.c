/* pricing.c: quantity breaks, derived lists across tax conventions,
 * contracts, promotions, overrides, validity dates, quantity rules, loops,
 * tie-breaking, conversions, and the "why" steps, with exact cents. */
#include "../lib/tap.h"
#include "../../src/core/pricing.h"

#define N(a) (sizeof (a) / sizeof (a)[0])

#define YESTERDAY 20261126
#define TODAY 20261127
#define TOMORROW 20261128

enum {
	RETAIL = 1,        /* base, tax included, breaks 2.40 / 2.10 / 1.95 */
	RESELLER,          /* retail - 25 %, tax included */
	RESELLER_HT,       /* retail - 25 %, before tax */
	WHOLESALE,         /* explicit prices only, before tax */
	SHOP,              /* reseller - 10 %, before tax: two hops */
	CASES,             /* retail - 25 %, sells from 6, by 6 */
	SUBCASES,          /* cases + 0 %, no quantity rules of its own */
	OWNBREAK,          /* retail - 25 %, with explicit breaks of its own */
};

static const struct price_list shop_lists[] = {
	{ RETAIL, "retail", 0, 0, 1, 0, 0 },
	{ RESELLER, "reseller", RETAIL, -2500, 1, 0, 0 },
	{ RESELLER_HT, "reseller-ht", RETAIL, -2500, 0, 0, 0 },
	{ WHOLESALE, "wholesale", 0, 0, 0, 0, 0 },
	{ SHOP, "shop", RESELLER, -1000, 0, 0, 0 },
	{ CASES, "cases", RETAIL, -2500, 1, 6, 6 },
	{ SUBCASES, "subcases", CASES, 0, 1, 0, 0 },
	{ OWNBREAK, "ownbreak", RETAIL, -2500, 1, 0, 0 },
};

static const struct price_break shop_breaks[] = {
	{ RETAIL, 1, 240, 0, 0 },
	{ RETAIL, 12, 210, 0, 0 },
	{ RETAIL, 48, 195, 0, 0 },
	{ OWNBREAK, 1, 170, 0, 0 },
	{ OWNBREAK, 100, 120, 0, 0 },
};

static struct price_query query(int64_t customer_list, int64_t qty)
{
	struct price_query q;

	memset(&q, 0, sizeof q);
	q.lists = shop_lists;
	q.nlists = N(shop_lists);
	q.breaks = shop_breaks;
	q.nbreaks = N(shop_breaks);
	q.base_list_id = RETAIL;
	q.customer_list_id = customer_list;
	q.catalogue_price = 250;
	q.tax_rate = 2000;
	q.qty = qty;
	q.today = TODAY;
	return q;
}

/* Resolves q and checks the return code, the unit price, its convention and
 * where it came from. */
static void expect(const struct price_query *q, int rc, money_t unit, int inclusive,
                   enum price_source source, const char *why)
{
	struct price_result r;
	int got = pricing_resolve(q, &r);

	is_int(got, rc, "%s: return code", why);
	is_int(r.unit, unit, "%s: unit price", why);
	if (!ok(r.inclusive == inclusive && r.source == source, "%s: convention and source", why))
		printf("#   got inclusive %d source %d, expected %d %d\n", r.inclusive,
		       (int)r.source, inclusive, (int)source);
}

static void test_retail_breaks(void)
{
	static const struct { int64_t qty; money_t unit; } cases[] = {
		{ 1, 240 }, { 11, 240 }, { 12, 210 }, { 47, 210 }, { 48, 195 }, { 500, 195 },
	};
	struct price_query q;
	char why[64];
	size_t i;

	for (i = 0; i < N(cases); i++) {
		q = query(0, cases[i].qty);
		snprintf(why, sizeof why, "retail at qty %lld", (long long)cases[i].qty);
		expect(&q, PRICING_OK, cases[i].unit, 1, PRICE_FROM_LIST, why);
	}
	q = query(0, 12);
	q.nbreaks = 0;
	expect(&q, PRICING_OK, 250, 1, PRICE_FROM_CATALOGUE, "no break at all: catalogue price");
	q = query(RETAIL, 12);
	expect(&q, PRICING_OK, 210, 1, PRICE_FROM_LIST, "customer on the base list itself");
}

static void test_derived(void)
{
	struct price_query q;

	q = query(RESELLER, 1);
	expect(&q, PRICING_OK, 180, 1, PRICE_FROM_DERIVED, "reseller qty 1: 2.40 - 25 %");
	q = query(RESELLER, 12);
	expect(&q, PRICING_OK, 158, 1, PRICE_FROM_DERIVED, "reseller qty 12: 1.575 half up");
	q = query(RESELLER, 48);
	expect(&q, PRICING_OK, 146, 1, PRICE_FROM_DERIVED, "reseller qty 48: 1.4625 down");
	q = query(RESELLER, 1);
	q.nbreaks = 0;
	expect(&q, PRICING_OK, 188, 1, PRICE_FROM_DERIVED,
	       "reseller on the catalogue price: 2.50 - 25 % = 1.875 half up");

	/* Adjust then convert (see pricing_derive): 2.40 incl - 25 % = 1.80 incl
	 * = 1.50 before tax.  Chosen because the percentage is on the price the
	 * parent list publishes, and the tax is rounded once, on the final
	 * price.  The 1.03 case tells the orders apart: 1.03 * 0.75 = 0.7725 ->
	 * 0.77 incl -> 0.64 before tax, where converting first would give
	 * 1.03 -> 0.86 -> 0.645 -> 0.65. */
	q = query(RESELLER_HT, 1);
	expect(&q, PRICING_OK, 150, 0, PRICE_FROM_DERIVED, "reseller before tax from 2.40 incl");
	q = query(RESELLER_HT, 1);
	q.nbreaks = 0;
	q.catalogue_price = 103;
	expect(&q, PRICING_OK, 64, 0, PRICE_FROM_DERIVED,
	       "adjust then convert: 1.03 incl -> 0.64 before tax, not 0.65");
	q = query(RESELLER_HT, 12);
	q.tax_rate = 550;
	expect(&q, PRICING_OK, 150, 0, PRICE_FROM_DERIVED,
	       "5.5 %%: 2.10 -> 1.58 incl -> 1.50 before tax (8.24 tax)");

	q = query(OWNBREAK, 1);
	expect(&q, PRICING_OK, 170, 1, PRICE_FROM_LIST, "derived list's own break beats its percentage");
	q = query(OWNBREAK, 12);
	expect(&q, PRICING_OK, 170, 1, PRICE_FROM_LIST,
	       "own 1+ break still beats the parent's 12+ break derived");
	q = query(OWNBREAK, 100);
	expect(&q, PRICING_OK, 120, 1, PRICE_FROM_LIST, "own 100+ break");

	q = query(SHOP, 12);
	expect(&q, PRICING_OK, 118, 0, PRICE_FROM_DERIVED,
	       "two hops: 2.10 -> 1.58 -> 1.42 incl -> 1.18 before tax");
}

static void test_fall_through(void)
{
	static const struct price_break wb[] = {
		{ RETAIL, 1, 240, 0, 0 },
		{ WHOLESALE, 1, 160, 0, 0 },
		{ WHOLESALE, 12, 150, 0, 0 },
	};
	struct price_query q;

	q = query(WHOLESALE, 12);
	expect(&q, PRICING_OK, 210, 1, PRICE_FROM_LIST,
	       "explicit list without a price: the base list's break, inclusive");
	q = query(WHOLESALE, 1);
	q.nbreaks = 0;
	expect(&q, PRICING_OK, 250, 1, PRICE_FROM_CATALOGUE,
	       "explicit list without a price, base without a break: catalogue");
	q = query(WHOLESALE, 12);
	q.breaks = wb;
	q.nbreaks = N(wb);
	expect(&q, PRICING_OK, 150, 0, PRICE_FROM_LIST, "wholesale's own 12+ break, before tax");
}

static void test_contract(void)
{
	struct price_contract c[] = {
		{ 1, 140, 0, 0, 0 },
	};
	struct price_contract c24[] = {
		{ 24, 130, 1, 0, 0 },
	};
	struct price_promo higher[] = {
		{ 0, 200, 1, 0, 0, "SPRING" },
	};
	struct price_promo lower[] = {
		{ 0, 100, 1, 0, 0, "FLASH" },
	};
	struct price_query q;

	q = query(RESELLER, 12);
	q.contracts = c;
	q.ncontracts = N(c);
	expect(&q, PRICING_OK, 140, 0, PRICE_FROM_CONTRACT,
	       "contract beats the derived list, in its own convention");
	q.promos = higher;
	q.npromos = N(higher);
	expect(&q, PRICING_OK, 140, 0, PRICE_FROM_CONTRACT, "contract beats a higher promotion");
	q.promos = lower;
	q.npromos = N(lower);
	expect(&q, PRICING_OK, 83, 0, PRICE_FROM_PROMO,
	       "a lower promotion replaces a contract too (header step 4): 1.00 incl = 0.83");
	q.has_override = 1;
	q.override_price = 300;
	q.override_inclusive = 1;
	expect(&q, PRICING_OK, 300, 1, PRICE_FROM_OVERRIDE, "override beats the contract");

	q = query(RESELLER, 12);
	q.contracts = c24;
	q.ncontracts = N(c24);
	expect(&q, PRICING_OK, 158, 1, PRICE_FROM_DERIVED, "contract from 24 at qty 12: falls through");
	q.qty = 24;
	expect(&q, PRICING_OK, 130, 1, PRICE_FROM_CONTRACT, "contract from 24 at qty 24");
	q = query(0, 1);
	q.contracts = c;
	q.ncontracts = N(c);
	expect(&q, PRICING_OK, 140, 0, PRICE_FROM_CONTRACT, "contract for a walk-in customer");
}

/* The same bounds for a break, a contract and a promotion. */
static void test_validity(void)
{
	static const struct { pricing_day_t from, to; int valid; const char *why; } bounds[] = {
		{ 0, YESTERDAY, 0, "expired yesterday" },
		{ 0, TODAY, 1, "ends today" },
		{ TOMORROW, 0, 0, "starts tomorrow" },
		{ TODAY, 0, 1, "starts today" },
		{ 0, 0, 1, "open at both ends" },
		{ YESTERDAY, TOMORROW, 1, "yesterday to tomorrow" },
		{ TOMORROW, YESTERDAY, 0, "ends before it starts" },
	};
	struct price_break b[2] = {
		{ RETAIL, 1, 240, 0, 0 },
		{ RETAIL, 12, 210, 0, 0 },
	};
	struct price_contract c[1] = { { 1, 100, 1, 0, 0 } };
	struct price_promo p[1] = { { 0, 150, 1, 0, 0, "P" } };
	struct price_query q;
	char why[96];
	size_t i;

	for (i = 0; i < N(bounds); i++) {
		b[1].valid_from = c[0].valid_from = p[0].valid_from = bounds[i].from;
		b[1].valid_to = c[0].valid_to = p[0].valid_to = bounds[i].to;

		q = query(0, 12);
		q.breaks = b;
		q.nbreaks = N(b);
		snprintf(why, sizeof why, "break %s", bounds[i].why);
		expect(&q, PRICING_OK, bounds[i].valid ? 210 : 240, 1, PRICE_FROM_LIST, why);

		q.contracts = c;
		q.ncontracts = N(c);
		snprintf(why, sizeof why, "contract %s", bounds[i].why);
		expect(&q, PRICING_OK, bounds[i].valid ? 100 : 240, 1,
		       bounds[i].valid ? PRICE_FROM_CONTRACT : PRICE_FROM_LIST, why);

		q.ncontracts = 0;
		q.promos = p;
		q.npromos = N(p);
		snprintf(why, sizeof why, "promotion %s", bounds[i].why);
		expect(&q, PRICING_OK, bounds[i].valid ? 150 : 240, 1,
		       bounds[i].valid ? PRICE_FROM_PROMO : PRICE_FROM_LIST, why);
	}
}

static void test_promo(void)
{
	struct price_promo p[1] = { { 0, 200, 1, 0, 0, "P" } };
	struct price_result r;
	struct price_query q;

	q = query(0, 1);
	q.promos = p;
	q.npromos = N(p);
	expect(&q, PRICING_OK, 200, 1, PRICE_FROM_PROMO, "lower promotion taken");

	p[0].price = 250;
	expect(&q, PRICING_OK, 240, 1, PRICE_FROM_LIST, "higher promotion not taken");
	pricing_resolve(&q, &r);
	ok(r.nsteps == 2 && r.steps[1].source == PRICE_NOTE_PROMO_HIGHER && r.steps[1].price == 250,
	   "higher promotion noted with its price");
	p[0].price = 240;
	expect(&q, PRICING_OK, 240, 1, PRICE_FROM_LIST, "equal promotion not taken (strictly lower)");
	pricing_resolve(&q, &r);
	ok(r.nsteps == 2 && r.steps[1].source == PRICE_NOTE_PROMO_HIGHER, "equal promotion noted");

	/* 1.90 before tax is 2.28 incl: compared and returned in the list's convention */
	p[0].price = 190;
	p[0].inclusive = 0;
	expect(&q, PRICING_OK, 228, 1, PRICE_FROM_PROMO, "promotion before tax converted to incl");
	p[0].price = 201;
	expect(&q, PRICING_OK, 240, 1, PRICE_FROM_LIST, "2.01 before tax = 2.41 incl: not lower");
	q = query(RESELLER_HT, 1);
	q.promos = p;
	q.npromos = N(p);
	p[0].price = 170;
	p[0].inclusive = 1;
	expect(&q, PRICING_OK, 142, 0, PRICE_FROM_PROMO,
	       "1.70 incl = 1.42 before tax, under 1.50 before tax");
	p[0].price = 180;
	expect(&q, PRICING_OK, 150, 0, PRICE_FROM_DERIVED, "1.80 incl = 1.50 before tax: not lower");
}

static void test_promo_lists(void)
{
	struct price_promo p[1] = { { RESELLER, 150, 1, 0, 0, "RESELL" } };
	struct price_query q;

	q = query(RESELLER, 1);
	q.promos = p;
	q.npromos = N(p);
	expect(&q, PRICING_OK, 150, 1, PRICE_FROM_PROMO, "reseller promotion for a reseller");
	q.customer_list_id = 0;
	expect(&q, PRICING_OK, 240, 1, PRICE_FROM_LIST, "reseller promotion not for a walk-in");
	q.customer_list_id = SHOP;
	expect(&q, PRICING_OK, 135, 0, PRICE_FROM_DERIVED,
	       "reseller promotion not for shop, derived from reseller");

	p[0].list_id = RETAIL;
	q.customer_list_id = RESELLER;
	expect(&q, PRICING_OK, 180, 1, PRICE_FROM_DERIVED,
	       "retail promotion not for a reseller's derived price");
	q.customer_list_id = 0;
	expect(&q, PRICING_OK, 150, 1, PRICE_FROM_PROMO, "retail promotion for a walk-in");
	q.customer_list_id = WHOLESALE;
	expect(&q, PRICING_OK, 150, 1, PRICE_FROM_PROMO,
	       "retail promotion when retail gave a wholesale customer the price");

	p[0].list_id = WHOLESALE;
	p[0].price = 100;
	expect(&q, PRICING_OK, 100, 1, PRICE_FROM_PROMO,
	       "wholesale promotion: the customer's list, though retail gave the price");
}

static void test_override(void)
{
	struct price_result r;
	struct price_query q;
	int64_t qty;

	q = query(RESELLER, 1);
	q.has_override = 1;
	q.override_price = 99;
	q.override_inclusive = 0;
	expect(&q, PRICING_OK, 99, 0, PRICE_FROM_OVERRIDE, "override at qty 1, before tax kept");
	for (qty = 12; qty <= 48; qty += 36) {
		q.qty = qty;
		pricing_resolve(&q, &r);
		ok(r.unit == 99 && r.source == PRICE_FROM_OVERRIDE && !r.inclusive,
		   "override survives qty %lld", (long long)qty);
	}
	q.override_price = 300;
	q.override_inclusive = 1;
	expect(&q, PRICING_OK, 300, 1, PRICE_FROM_OVERRIDE, "override above the list price");
	q.override_price = 0;
	expect(&q, PRICING_OK, 0, 1, PRICE_FROM_OVERRIDE, "override to zero (given away)");
	q.override_price = -1;
	expect(&q, PRICING_BAD_QUERY, 0, 0, 0, "negative override refused, result zeroed");
}

static void test_qty_rules(void)
{
	struct price_query q;

	q = query(CASES, 5);
	expect(&q, PRICING_BELOW_MIN, 180, 1, PRICE_FROM_DERIVED, "5 below the minimum 6, price filled");
	q.qty = 8;
	expect(&q, PRICING_NOT_MULTIPLE, 180, 1, PRICE_FROM_DERIVED, "8 not a multiple of 6");
	q.qty = 3;
	expect(&q, PRICING_BELOW_MIN, 180, 1, PRICE_FROM_DERIVED, "3: both broken, minimum reported");
	q.qty = 12;
	expect(&q, PRICING_OK, 158, 1, PRICE_FROM_DERIVED, "12 by 6: fine");
	q.qty = 5;
	q.has_override = 1;
	q.override_price = 100;
	q.override_inclusive = 1;
	expect(&q, PRICING_BELOW_MIN, 100, 1, PRICE_FROM_OVERRIDE,
	       "an override does not lift the quantity rules");
	q = query(SUBCASES, 5);
	expect(&q, PRICING_OK, 180, 1, PRICE_FROM_DERIVED, "derived list does not inherit min/multiple");
	q = query(0, 5);
	q.base_list_id = CASES;
	expect(&q, PRICING_OK, 250, 1, PRICE_FROM_CATALOGUE,
	       "walk-in: the base list's rules are not the customer's");
}

/* Weighed goods come in thousandths: the lists' numbers are kilograms. */
static void test_weighed(void)
{
	struct price_query q;

	q = query(0, 11999);
	q.qty_scale = 1000;
	expect(&q, PRICING_OK, 240, 1, PRICE_FROM_LIST, "11.999 kg: below the 12 kg break");
	q.qty = 12000;
	expect(&q, PRICING_OK, 210, 1, PRICE_FROM_LIST, "12 kg reaches the 12+ break");
	q = query(CASES, 250);
	q.qty_scale = 1000;
	expect(&q, PRICING_BELOW_MIN, 180, 1, PRICE_FROM_DERIVED, "0.250 kg is below 6 kg");
	q.qty = 6250;
	expect(&q, PRICING_OK, 180, 1, PRICE_FROM_DERIVED,
	       "6.250 kg meets 6 kg; no multiple for weighed goods");
	q.qty_scale = 0;
	q.qty = 6250;
	expect(&q, PRICING_NOT_MULTIPLE, 146, 1, PRICE_FROM_DERIVED,
	       "the same number counted in units reaches 48+ and is not a multiple");
}

static void test_loops(void)
{
	struct price_list l[8];
	struct price_query q;
	size_t i;

	memset(l, 0, sizeof l);
	l[0] = (struct price_list){ RETAIL, "retail", 0, 0, 1, 0, 0 };
	l[1] = (struct price_list){ 20, "a", 21, -1000, 1, 0, 0 };
	l[2] = (struct price_list){ 21, "b", 20, -1000, 1, 0, 0 };
	l[3] = (struct price_list){ 22, "self", 22, 0, 1, 0, 0 };
	l[4] = (struct price_list){ 23, "orphan", 99, 0, 1, 0, 0 };
	q = query(20, 1);
	q.lists = l;
	q.nlists = 5;
	expect(&q, PRICING_LOOP, 0, 0, 0, "A -> B -> A");
	q.customer_list_id = 22;
	expect(&q, PRICING_LOOP, 0, 0, 0, "a list deriving from itself");
	q.customer_list_id = 23;
	expect(&q, PRICING_BAD_QUERY, 0, 0, 0, "a parent missing from the lists");
	q.customer_list_id = 77;
	expect(&q, PRICING_BAD_QUERY, 0, 0, 0, "a customer list missing from the lists");
	q.customer_list_id = 20;
	q.breaks = (const struct price_break[]){ { 20, 1, 100, 0, 0 } };
	q.nbreaks = 1;
	expect(&q, PRICING_LOOP, 0, 0, 0, "a loop fails even where the list has its own break");

	/* 30 -> 31 -> 32 -> 33 -> retail: 4 hops, each -10 % */
	for (i = 0; i < 5; i++) {
		l[i + 1] = (struct price_list){ (int64_t)(30 + i), "d", (int64_t)(31 + i), -1000,
		                               1, 0, 0 };
		snprintf(l[i + 1].code, sizeof l[i + 1].code, "depth%zu", i);
	}
	l[4].parent_id = RETAIL;
	q = query(30, 1);
	q.lists = l;
	q.nlists = 6;
	expect(&q, PRICING_OK, 158, 1, PRICE_FROM_DERIVED,
	       "4 hops: 2.40 -> 2.16 -> 1.94 -> 1.75 -> 1.58 (1.575 half up)");
	l[4].parent_id = 34;
	l[5].parent_id = RETAIL;
	expect(&q, PRICING_LOOP, 0, 0, 0, "5 hops: past PRICING_MAX_DEPTH");
	q.customer_list_id = 31;
	expect(&q, PRICING_OK, 158, 1, PRICE_FROM_DERIVED, "the same chain from one level down: 4 hops");
}

static void test_bad_queries(void)
{
	struct price_list l[2] = {
		{ RETAIL, "retail", 0, 0, 1, 0, 0 },
		{ 40, "minus", RETAIL, -10001, 1, 0, 0 },
	};
	struct price_break neg[1] = { { RETAIL, 1, -5, 0, 0 } };
	struct price_result r;
	struct price_query q;

	q = query(0, 0);
	expect(&q, PRICING_BAD_QUERY, 0, 0, 0, "qty 0");
	q.qty = -3;
	expect(&q, PRICING_BAD_QUERY, 0, 0, 0, "negative qty");
	q = query(0, 1);
	q.base_list_id = 99;
	expect(&q, PRICING_BAD_QUERY, 0, 0, 0, "base list missing");
	q.base_list_id = 0;
	expect(&q, PRICING_BAD_QUERY, 0, 0, 0, "no base list given");
	q = query(0, 1);
	q.today = 0;
	expect(&q, PRICING_BAD_QUERY, 0, 0, 0, "no day given");
	q = query(0, 1);
	q.tax_rate = 10001;
	expect(&q, PRICING_BAD_QUERY, 0, 0, 0, "tax rate past 100 %%");
	q = query(0, 1);
	q.breaks = NULL;
	expect(&q, PRICING_BAD_QUERY, 0, 0, 0, "breaks counted but not given");
	q = query(0, 1);
	q.breaks = neg;
	q.nbreaks = 1;
	expect(&q, PRICING_BAD_QUERY, 0, 0, 0, "a negative price is bad data");
	q = query(40, 1);
	q.lists = l;
	q.nlists = N(l);
	expect(&q, PRICING_BAD_QUERY, 0, 0, 0, "a list at less than -100 %%");
	l[1].adjust_pct = -10000;
	expect(&q, PRICING_OK, 0, 1, PRICE_FROM_DERIVED, "a list at -100 %%: free");
	l[1].adjust_pct = 5000;
	q.nbreaks = 0;
	q.catalogue_price = MONEY_MAX;
	expect(&q, PRICING_OVERFLOW, 0, 0, 0, "+50 %% on MONEY_MAX overflows");
	is_int(pricing_resolve(NULL, &r), PRICING_BAD_QUERY, "no query");
	is_int(pricing_resolve(&q, NULL), PRICING_BAD_QUERY, "no result");
}

static void test_ties(void)
{
	/* the same rows in both orders must give the same answer */
	static const struct price_break newer[2][2] = {
		{ { RETAIL, 1, 240, 20260101, 0 }, { RETAIL, 1, 260, 20261101, 0 } },
		{ { RETAIL, 1, 260, 20261101, 0 }, { RETAIL, 1, 240, 20260101, 0 } },
	};
	static const struct price_break cheaper[2][2] = {
		{ { RETAIL, 1, 240, 20261101, 0 }, { RETAIL, 1, 230, 20261101, 0 } },
		{ { RETAIL, 1, 230, 20261101, 0 }, { RETAIL, 1, 240, 20261101, 0 } },
	};
	static const struct price_break open[2][2] = {
		{ { RETAIL, 1, 200, 0, 0 }, { RETAIL, 1, 220, 20200101, 0 } },
		{ { RETAIL, 1, 220, 20200101, 0 }, { RETAIL, 1, 200, 0, 0 } },
	};
	/* 1.20 incl = 1.00 before tax: a tie on price across conventions */
	static const struct price_contract contracts[2][3] = {
		{ { 1, 120, 1, 0, 0 }, { 1, 101, 0, 0, 0 }, { 12, 500, 0, 0, 0 } },
		{ { 12, 500, 0, 0, 0 }, { 1, 101, 0, 0, 0 }, { 1, 120, 1, 0, 0 } },
	};
	static const struct price_promo promos[2][2] = {
		{ { 0, 200, 1, 0, 0, "A" }, { 0, 180, 1, 0, 0, "B" } },
		{ { 0, 180, 1, 0, 0, "B" }, { 0, 200, 1, 0, 0, "A" } },
	};
	struct price_query q;
	char why[64];
	int k;

	for (k = 0; k < 2; k++) {
		q = query(0, 1);
		q.nbreaks = 2;
		q.breaks = newer[k];
		snprintf(why, sizeof why, "same min_qty: the latest valid_from (order %d)", k);
		expect(&q, PRICING_OK, 260, 1, PRICE_FROM_LIST, why);
		q.breaks = cheaper[k];
		snprintf(why, sizeof why, "same min_qty and day: the lowest price (order %d)", k);
		expect(&q, PRICING_OK, 230, 1, PRICE_FROM_LIST, why);
		q.breaks = open[k];
		snprintf(why, sizeof why, "an open start counts as the earliest (order %d)", k);
		expect(&q, PRICING_OK, 220, 1, PRICE_FROM_LIST, why);
		q = query(0, 1);
		q.contracts = contracts[k];
		q.ncontracts = 3;
		snprintf(why, sizeof why, "contracts: lowest before tax (order %d)", k);
		expect(&q, PRICING_OK, 120, 1, PRICE_FROM_CONTRACT, why);
		q.qty = 12;
		snprintf(why, sizeof why, "contracts: largest min_qty first (order %d)", k);
		expect(&q, PRICING_OK, 500, 0, PRICE_FROM_CONTRACT, why);
		q = query(0, 1);
		q.promos = promos[k];
		q.npromos = 2;
		snprintf(why, sizeof why, "promotions: the lowest (order %d)", k);
		expect(&q, PRICING_OK, 180, 1, PRICE_FROM_PROMO, why);
	}
}

static void test_conventions(void)
{
	static const tax_rate_t rates[] = { 550, 2000, 0 };
	money_t p, back, worst;
	size_t i;
	int exact;

	is_int(pricing_to_convention(240, 2000, 1, 0), 200, "2.40 incl at 20 %% = 2.00");
	is_int(pricing_to_convention(200, 2000, 0, 1), 240, "2.00 at 20 %% = 2.40 incl");
	is_int(pricing_to_convention(1055, 550, 1, 0), 1000, "10.55 incl at 5.5 %% = 10.00");
	is_int(pricing_to_convention(300, 550, 0, 1), 317, "3.00 at 5.5 %%: 16.5 half up = 3.17");
	is_int(pricing_to_convention(999, 0, 1, 0), 999, "0 %%: unchanged");
	is_int(pricing_to_convention(240, 2000, 1, 1), 240, "same convention: unchanged");
	is_int(pricing_to_convention(200, 2000, 0, 7), 240, "any non-zero flag is inclusive");
	is_int(pricing_to_convention(3, 2000, 1, 0), 2, "0.03 incl at 20 %%: 0.02");
	is_int(pricing_to_convention(2, 2000, 0, 1), 2, "0.02 at 20 %%: 0.02 incl");
	is_int(pricing_to_convention(MONEY_MAX, 2000, 0, 1), MONEY_MAX, "past MONEY_MAX clamped");
	is_int(pricing_to_convention(240, -1, 1, 0), 240, "a bad rate leaves the price");

	for (i = 0; i < N(rates); i++) {
		exact = 1;
		for (p = 0; p <= 100000 && exact; p++)
			exact = pricing_to_convention(pricing_to_convention(p, rates[i], 0, 1),
			                              rates[i], 1, 0) == p;
		ok(exact, "rate %d: before tax -> incl -> before tax is exact to 1000.00",
		   (int)rates[i]);
		worst = 0;
		for (p = 0; p <= 100000; p++) {
			back = pricing_to_convention(pricing_to_convention(p, rates[i], 1, 0),
			                             rates[i], 0, 1);
			back = back > p ? back - p : p - back;
			if (back > worst)
				worst = back;
		}
		is_int(worst, rates[i] ? 1 : 0, "rate %d: incl -> before tax -> incl within %d cent",
		       (int)rates[i], rates[i] ? 1 : 0);
	}
}

static void is_step(const struct price_result *r, size_t i, enum price_source source,
                    int64_t list_id, int64_t min_qty, int32_t adjust_pct, money_t price,
                    int inclusive)
{
	const struct price_step *s = &r->steps[i];

	if (!ok(i < r->nsteps && s->source == source && s->list_id == list_id &&
	        s->min_qty == min_qty && s->adjust_pct == adjust_pct && s->price == price &&
	        s->inclusive == inclusive, "step %zu: source %d list %lld price %lld", i,
	        (int)source, (long long)list_id, (long long)price))
		printf("#   got source %d list %lld min %lld adjust %d price %lld incl %d\n",
		       (int)s->source, (long long)s->list_id, (long long)s->min_qty,
		       (int)s->adjust_pct, (long long)s->price, s->inclusive);
}

static void test_steps(void)
{
	struct price_promo p[1] = { { 0, 130, 0, 0, 0, "P" } };
	struct price_result r;
	struct price_query q;

	/* shop <- reseller <- retail at 12, a promotion at 1.30 before tax */
	q = query(SHOP, 12);
	q.promos = p;
	q.npromos = N(p);
	is_int(pricing_resolve(&q, &r), PRICING_OK, "steps: resolves");
	is_int((int64_t)r.nsteps, 6, "steps: six of them");
	is_step(&r, 0, PRICE_NOTE_NO_BREAK, SHOP, 0, 0, 0, 0);
	is_step(&r, 1, PRICE_NOTE_NO_BREAK, RESELLER, 0, 0, 0, 1);
	is_step(&r, 2, PRICE_FROM_LIST, RETAIL, 12, 0, 210, 1);
	is_step(&r, 3, PRICE_FROM_DERIVED, RESELLER, 12, -2500, 158, 1);
	is_step(&r, 4, PRICE_FROM_DERIVED, SHOP, 12, -1000, 118, 0);
	/* 1.30 before tax is not under 1.18: a note carrying the promotion's price */
	is_step(&r, 5, PRICE_NOTE_PROMO_HIGHER, 0, 0, 0, 130, 0);
	is_int(r.unit, 118, "steps: the price stays 1.18");

	q.has_override = 1;
	q.override_price = 100;
	q.override_inclusive = 1;
	p[0].price = 110;
	is_int(pricing_resolve(&q, &r), PRICING_OK, "steps with promo and override: resolves");
	is_int((int64_t)r.nsteps, 7, "steps: seven");
	is_step(&r, 5, PRICE_FROM_PROMO, 0, 0, 0, 110, 0);
	is_step(&r, 6, PRICE_FROM_OVERRIDE, 0, 0, 0, 100, 1);
	is_int(r.source, PRICE_FROM_OVERRIDE, "steps: the last decisive step is the source");

	q = query(0, 1);
	q.nbreaks = 0;
	is_int(pricing_resolve(&q, &r), PRICING_OK, "walk-in, catalogue: resolves");
	is_int((int64_t)r.nsteps, 1, "walk-in, catalogue: one step");
	is_step(&r, 0, PRICE_FROM_CATALOGUE, 0, 1, 0, 250, 1);

	q = query(WHOLESALE, 48);
	is_int(pricing_resolve(&q, &r), PRICING_OK, "wholesale fall-through: resolves");
	is_int((int64_t)r.nsteps, 2, "wholesale fall-through: two steps");
	is_step(&r, 0, PRICE_NOTE_NO_BREAK, WHOLESALE, 0, 0, 0, 0);
	is_step(&r, 1, PRICE_FROM_LIST, RETAIL, 48, 0, 195, 1);

	q = query(RESELLER, 5);
	q.contracts = (const struct price_contract[]){ { 2, 111, 0, 0, 0 } };
	q.ncontracts = 1;
	is_int(pricing_resolve(&q, &r), PRICING_OK, "contract: resolves");
	is_int((int64_t)r.nsteps, 1, "contract: one step, no list looked at");
	is_step(&r, 0, PRICE_FROM_CONTRACT, 0, 2, 0, 111, 0);
}

/* The deepest chain with a promotion and an override fits in the array. */
static void test_steps_bound(void)
{
	struct price_list l[6];
	struct price_promo p[1] = { { 0, 1, 1, 0, 0, "P" } };
	struct price_result r;
	struct price_query q;
	size_t i;

	memset(l, 0, sizeof l);
	l[0] = (struct price_list){ RETAIL, "retail", 0, 0, 1, 0, 0 };
	for (i = 0; i < 4; i++)
		l[i + 1] = (struct price_list){ (int64_t)(50 + i), "deep",
		                               i == 3 ? RETAIL : (int64_t)(51 + i), 0, 1, 0, 0 };
	q = query(50, 1);
	q.lists = l;
	q.nlists = 5;
	q.promos = p;
	q.npromos = 1;
	q.has_override = 1;
	q.override_price = 5;
	q.override_inclusive = 1;
	is_int(pricing_resolve(&q, &r), PRICING_OK, "deepest chain: resolves");
	is_int((int64_t)r.nsteps, 11, "deepest chain: 4 notes, list, 4 derived, promo, override");
	ok(r.nsteps <= PRICING_MAX_STEPS, "deepest chain: within PRICING_MAX_STEPS");
	is_int(r.steps[10].source, PRICE_FROM_OVERRIDE, "deepest chain: override last");
}

static void test_strerror(void)
{
	static const int codes[] = {
		PRICING_OK, PRICING_BAD_QUERY, PRICING_LOOP, PRICING_OVERFLOW,
		PRICING_BELOW_MIN, PRICING_NOT_MULTIPLE,
	};
	size_t i, j;
	int distinct = 1;

	for (i = 0; i < N(codes); i++)
		for (j = i + 1; j < N(codes); j++)
			if (strcmp(pricing_strerror(codes[i]), pricing_strerror(codes[j])) == 0)
				distinct = 0;
	ok(distinct, "each error has its own text");
	ok(*pricing_strerror(-999) != '\0', "an unknown code still has a text");
	is_str(pricing_strerror(PRICING_LOOP),
	       "price lists derive from each other in a loop or too deeply", "loop text");
}

int main(void)
{
	test_retail_breaks();
	test_derived();
	test_fall_through();
	test_contract();
	test_validity();
	test_promo();
	test_promo_lists();
	test_override();
	test_qty_rules();
	test_weighed();
	test_loops();
	test_bad_queries();
	test_ties();
	test_conventions();
	test_steps();
	test_steps_bound();
	test_strerror();
	return done_testing();
}
