/* The price engine: one product's unit price for a customer, a quantity and
 * a day, resolved from the rows the caller hands in (contracts, list breaks,
 * derived lists, promotions, an override), with the steps that decided it. */
#include <string.h>

#include "i18n-mark.h"
#include "pricing.h"

/* The longest explanation: a chain of PRICING_MAX_DEPTH + 1 lists gives one
 * note per list without a price, the root's price and one DERIVED per hop,
 * then a promotion and an override.  Steps never have to be dropped while
 * this holds; pricing_step() still drops notes first if it ever fails. */
_Static_assert(2 * PRICING_MAX_DEPTH + 1 + 2 <= PRICING_MAX_STEPS,
               "PRICING_MAX_STEPS too small for PRICING_MAX_DEPTH");

/* The price found so far, the convention it is in, and the list whose price
 * it is (0 for a contract): promotions for one list look at that. */
struct pricing_state {
	money_t price;
	int inclusive;
	enum price_source source;
	int64_t giver;
};

const char *pricing_strerror(int err)
{
	switch (err) {
	case PRICING_OK:
		return N_("no error");
	case PRICING_BAD_QUERY:
		return N_("incomplete or invalid price data");
	case PRICING_LOOP:
		return N_("price lists derive from each other in a loop or too deeply");
	case PRICING_OVERFLOW:
		return N_("price too large");
	case PRICING_BELOW_MIN:
		return N_("quantity below the price list's minimum");
	case PRICING_NOT_MULTIPLE:
		return N_("quantity not a multiple of the price list's order multiple");
	default:
		return N_("unknown pricing error");
	}
}

const struct price_list *pricing_find_list(const struct price_list *lists, size_t n,
                                           int64_t id)
{
	size_t i;

	if (lists == NULL || id == 0)
		return NULL;
	for (i = 0; i < n; i++)
		if (lists[i].id == id)
			return &lists[i];
	return NULL;
}

/* The conversion with its errors, for the engine; pricing_to_convention() is
 * the caller's version that cannot fail. */
static int pricing_convert(money_t price, tax_rate_t rate, int from_inclusive,
                           int to_inclusive, money_t *out)
{
	struct tax_split ts;
	int rc;

	if (!from_inclusive == !to_inclusive) {
		*out = price;
		return PRICING_OK;
	}
	rc = tax_split(price, rate, from_inclusive, &ts);
	if (rc == MONEY_OVERFLOW)
		return PRICING_OVERFLOW;
	if (rc)
		return PRICING_BAD_QUERY;
	*out = to_inclusive ? ts.gross : ts.net;
	return PRICING_OK;
}

money_t pricing_to_convention(money_t price, tax_rate_t rate, int from_inclusive,
                              int to_inclusive)
{
	money_t v;
	int rc;

	rc = pricing_convert(price, rate, from_inclusive, to_inclusive, &v);
	if (rc == PRICING_OVERFLOW)
		return price < 0 ? -MONEY_MAX : MONEY_MAX;
	if (rc)
		return price;
	return v;
}

static int pricing_valid(pricing_day_t from, pricing_day_t to, pricing_day_t today)
{
	return (from == 0 || from <= today) && (to == 0 || today <= to);
}

/* Prices come from the database and imports; a negative one is bad data
 * rather than something to sell at. */
static int pricing_check_price(money_t p)
{
	if (p < 0)
		return PRICING_BAD_QUERY;
	if (p > MONEY_MAX)
		return PRICING_OVERFLOW;
	return PRICING_OK;
}

static int pricing_is_note(enum price_source s)
{
	return s == PRICE_NOTE_PROMO_HIGHER || s == PRICE_NOTE_NO_BREAK;
}

/* Appends a step; when the array is full a note is dropped, never a step
 * that decided the price (the last note makes room for it). */
static void pricing_step(struct price_result *out, enum price_source source, int64_t list_id,
                         int64_t min_qty, int32_t adjust_pct, money_t price, int inclusive)
{
	struct price_step *s;
	size_t i;

	if (out->nsteps == PRICING_MAX_STEPS) {
		if (pricing_is_note(source))
			return;
		for (i = PRICING_MAX_STEPS; i > 0 && !pricing_is_note(out->steps[i - 1].source); i--)
			;
		if (i == 0)
			i = PRICING_MAX_STEPS; /* no note to drop: the last step gives way */
		memmove(&out->steps[i - 1], &out->steps[i],
		        (PRICING_MAX_STEPS - i) * sizeof out->steps[0]);
		out->nsteps--;
	}
	s = &out->steps[out->nsteps++];
	s->source = source;
	s->list_id = list_id;
	s->min_qty = min_qty;
	s->adjust_pct = adjust_pct;
	s->price = price;
	s->inclusive = inclusive;
}

/* Whether a candidate (min_qty, valid_from, price) beats the best so far:
 * the largest break reached, then the most recent row (the newer agreement),
 * then the lowest price; equal on all three, the earlier row stays, so the
 * answer depends on the data only, not on luck. */
static int pricing_beats(int64_t min_a, pricing_day_t from_a, money_t price_a,
                         int64_t min_b, pricing_day_t from_b, money_t price_b)
{
	if (min_a != min_b)
		return min_a > min_b;
	if (from_a != from_b)
		return from_a > from_b;
	return price_a < price_b;
}

/* A quantity of the lists' rules in the query's unit: kilograms of a
 * weighed product are compared with thousandths. Saturates rather than
 * overflow: such a rule is never reached. */
static int64_t pricing_scaled(const struct price_query *q, int64_t min_qty)
{
	int64_t scale = q->qty_scale > 1 ? q->qty_scale : 1;
	if (min_qty <= 1)
		return min_qty; /* the plain price: from any quantity, a gram included */
	return min_qty > INT64_MAX / scale ? INT64_MAX : min_qty * scale;
}

/* The break of `list_id` valid today with the largest min_qty <= qty. */
static int pricing_best_break(const struct price_query *q, int64_t list_id,
                              const struct price_break **found)
{
	const struct price_break *best = NULL, *b;
	size_t i;
	int rc;

	for (i = 0; i < q->nbreaks; i++) {
		b = &q->breaks[i];
		if (b->list_id != list_id || pricing_scaled(q, b->min_qty) > q->qty ||
		    !pricing_valid(b->valid_from, b->valid_to, q->today))
			continue;
		rc = pricing_check_price(b->price);
		if (rc)
			return rc;
		if (best == NULL || pricing_beats(b->min_qty, b->valid_from, b->price,
		                                  best->min_qty, best->valid_from, best->price))
			best = b;
	}
	*found = best;
	return PRICING_OK;
}

/* Step 1: the customer's contract valid today with the largest min_qty
 * reached.  Contracts may differ in convention, so the price tie-break
 * compares them before tax. */
static int pricing_contract(const struct price_query *q, struct pricing_state *st,
                            struct price_result *out, int *found)
{
	const struct price_contract *best = NULL, *c;
	money_t net, best_net = 0;
	size_t i;
	int rc;

	*found = 0;
	for (i = 0; i < q->ncontracts; i++) {
		c = &q->contracts[i];
		if (pricing_scaled(q, c->min_qty) > q->qty ||
		    !pricing_valid(c->valid_from, c->valid_to, q->today))
			continue;
		rc = pricing_check_price(c->price);
		if (rc == PRICING_OK)
			rc = pricing_convert(c->price, q->tax_rate, c->inclusive, 0, &net);
		if (rc)
			return rc;
		if (best == NULL || pricing_beats(c->min_qty, c->valid_from, net,
		                                  best->min_qty, best->valid_from, best_net)) {
			best = c;
			best_net = net;
		}
	}
	if (best == NULL)
		return PRICING_OK;
	st->price = best->price;
	st->inclusive = !!best->inclusive;
	st->source = PRICE_FROM_CONTRACT;
	st->giver = 0;
	pricing_step(out, PRICE_FROM_CONTRACT, 0, best->min_qty, 0, st->price, st->inclusive);
	*found = 1;
	return PRICING_OK;
}

/* The customer's list and the lists it derives from, up to the first one
 * that does not derive (or the base list, which always ends a chain: its
 * fallback is the catalogue price).  Checked whole before any price is
 * looked at, so a broken list setup fails for every product alike rather
 * than only for those that happen to lack a break. */
static int pricing_chain(const struct price_query *q, const struct price_list **chain,
                         size_t *n)
{
	const struct price_list *l, *parent;
	int64_t start = q->customer_list_id ? q->customer_list_id : q->base_list_id;
	size_t i;

	l = pricing_find_list(q->lists, q->nlists, start);
	if (l == NULL)
		return PRICING_BAD_QUERY;
	chain[0] = l;
	*n = 1;
	while (l->id != q->base_list_id && l->parent_id != 0) {
		if (l->adjust_pct < -10000)
			return PRICING_BAD_QUERY;
		parent = pricing_find_list(q->lists, q->nlists, l->parent_id);
		if (parent == NULL)
			return PRICING_BAD_QUERY;
		for (i = 0; i < *n; i++)
			if (chain[i] == parent)
				return PRICING_LOOP;
		if (*n > PRICING_MAX_DEPTH)
			return PRICING_LOOP;
		chain[(*n)++] = parent;
		l = parent;
	}
	return PRICING_OK;
}

/* The base list's price: its break for the quantity, else the catalogue. */
static int pricing_base(const struct price_query *q, const struct price_list *base,
                        struct pricing_state *st, struct price_result *out, int64_t *min_qty)
{
	const struct price_break *b;
	int rc;

	rc = pricing_best_break(q, base->id, &b);
	if (rc)
		return rc;
	st->inclusive = !!base->inclusive;
	st->giver = base->id;
	if (b != NULL) {
		st->price = b->price;
		st->source = PRICE_FROM_LIST;
		*min_qty = b->min_qty;
		pricing_step(out, PRICE_FROM_LIST, base->id, b->min_qty, 0, b->price, st->inclusive);
		return PRICING_OK;
	}
	rc = pricing_check_price(q->catalogue_price);
	if (rc)
		return rc;
	st->price = q->catalogue_price;
	st->source = PRICE_FROM_CATALOGUE;
	*min_qty = 1;
	pricing_step(out, PRICE_FROM_CATALOGUE, 0, 1, 0, st->price, st->inclusive);
	return PRICING_OK;
}

/* One derivation: the percentage is taken on the parent's price as the
 * parent publishes it (inclusive retail 2.40 - 25 % = 1.80 inclusive), and
 * only then is the result put into the derived list's convention (1.80
 * inclusive at 20 % = 1.50 before tax).  Adjusting first keeps the
 * percentage true to the price list a buyer is shown, and converting last
 * rounds the tax once on the final price, as tax_split() does for a line;
 * converting first would round tax on a price nobody is charged. */
static int pricing_derive(const struct price_query *q, const struct price_list *l,
                          struct pricing_state *st)
{
	money_t p;
	int rc;

	if (money_muldiv(st->price, 10000 + (int64_t)l->adjust_pct, 10000, &p) != MONEY_OK)
		return PRICING_OVERFLOW;
	rc = pricing_convert(p, q->tax_rate, st->inclusive, l->inclusive, &p);
	if (rc)
		return rc;
	st->price = p;
	st->inclusive = !!l->inclusive;
	st->source = PRICE_FROM_DERIVED;
	st->giver = l->id;
	return PRICING_OK;
}

/* Steps 2 and 3: the first list of the chain with its own break gives the
 * price, which each list below it then derives; a chain that ends at the
 * base list derives from the catalogue price; a chain that ends at a list
 * with no price for the product falls through to the base list, underived. */
static int pricing_lists(const struct price_query *q, const struct price_list **chain,
                         size_t n, struct pricing_state *st, struct price_result *out)
{
	const struct price_list *base = pricing_find_list(q->lists, q->nlists, q->base_list_id);
	const struct price_break *b = NULL;
	int64_t min_qty = 1;
	size_t i, root;
	int rc;

	for (root = 0; root < n; root++) {
		rc = pricing_best_break(q, chain[root]->id, &b);
		if (rc)
			return rc;
		if (b != NULL || chain[root] == base)
			break;
		pricing_step(out, PRICE_NOTE_NO_BREAK, chain[root]->id, 0, 0, 0,
		             !!chain[root]->inclusive);
	}
	if (root == n)
		return pricing_base(q, base, st, out, &min_qty);
	if (b != NULL) {
		st->price = b->price;
		st->inclusive = !!chain[root]->inclusive;
		st->source = PRICE_FROM_LIST;
		st->giver = chain[root]->id;
		min_qty = b->min_qty;
		pricing_step(out, PRICE_FROM_LIST, chain[root]->id, b->min_qty, 0, b->price,
		             st->inclusive);
	} else {
		rc = pricing_base(q, base, st, out, &min_qty);
		if (rc)
			return rc;
	}
	for (i = root; i > 0; i--) {
		rc = pricing_derive(q, chain[i - 1], st);
		if (rc)
			return rc;
		pricing_step(out, PRICE_FROM_DERIVED, chain[i - 1]->id, min_qty,
		             chain[i - 1]->adjust_pct, st->price, st->inclusive);
	}
	return PRICING_OK;
}

/* Step 4: the lowest promotion valid today that concerns this price (for
 * everyone, for the list that gave the price, or for the customer's list),
 * compared in the convention of the price found; taken only when strictly
 * lower, else noted so the "why" can say it was seen. */
static int pricing_promo(const struct price_query *q, struct pricing_state *st,
                         struct price_result *out)
{
	const struct price_promo *best = NULL, *p;
	money_t v, best_v = 0;
	size_t i;
	int rc;

	for (i = 0; i < q->npromos; i++) {
		p = &q->promos[i];
		if (p->list_id != 0 && p->list_id != st->giver &&
		    (q->customer_list_id == 0 || p->list_id != q->customer_list_id))
			continue;
		if (!pricing_valid(p->valid_from, p->valid_to, q->today))
			continue;
		rc = pricing_check_price(p->price);
		if (rc == PRICING_OK)
			rc = pricing_convert(p->price, q->tax_rate, p->inclusive, st->inclusive, &v);
		if (rc)
			return rc;
		if (best == NULL || v < best_v || (v == best_v && p->valid_from > best->valid_from)) {
			best = p;
			best_v = v;
		}
	}
	if (best == NULL)
		return PRICING_OK;
	if (best_v >= st->price) {
		pricing_step(out, PRICE_NOTE_PROMO_HIGHER, 0, 0, 0, best_v, st->inclusive);
		return PRICING_OK;
	}
	st->price = best_v;
	st->source = PRICE_FROM_PROMO;
	pricing_step(out, PRICE_FROM_PROMO, 0, 0, 0, best_v, st->inclusive);
	return PRICING_OK;
}

/* The customer's own list only: a derived list states its own quantity
 * rules, it does not inherit its parent's. */
static int pricing_qty_rules(const struct price_query *q)
{
	const struct price_list *l = pricing_find_list(q->lists, q->nlists, q->customer_list_id);

	if (l == NULL)
		return PRICING_OK;
	if (l->min_qty > 0 && q->qty < pricing_scaled(q, l->min_qty))
		return PRICING_BELOW_MIN;
	if (l->multiple > 1 && q->qty_scale <= 1 && q->qty % l->multiple != 0)
		return PRICING_NOT_MULTIPLE;
	return PRICING_OK;
}

static int pricing_query_ok(const struct price_query *q)
{
	if (q->qty < 1 || q->today < 1)
		return 0;
	if (q->tax_rate < 0 || q->tax_rate > TAX_RATE_MAX)
		return 0;
	if ((q->nlists && !q->lists) || (q->nbreaks && !q->breaks) ||
	    (q->ncontracts && !q->contracts) || (q->npromos && !q->promos))
		return 0;
	return pricing_find_list(q->lists, q->nlists, q->base_list_id) != NULL;
}

int pricing_resolve(const struct price_query *q, struct price_result *out)
{
	const struct price_list *chain[PRICING_MAX_DEPTH + 1];
	struct pricing_state st = { 0, 0, PRICE_FROM_CATALOGUE, 0 };
	size_t n = 0;
	int rc, found;

	if (out == NULL)
		return PRICING_BAD_QUERY;
	memset(out, 0, sizeof *out);
	if (q == NULL || !pricing_query_ok(q))
		return PRICING_BAD_QUERY;
	rc = pricing_chain(q, chain, &n);
	if (rc == PRICING_OK)
		rc = pricing_contract(q, &st, out, &found);
	if (rc == PRICING_OK && !found)
		rc = pricing_lists(q, chain, n, &st, out);
	if (rc == PRICING_OK)
		rc = pricing_promo(q, &st, out);
	if (rc == PRICING_OK && q->has_override) {
		rc = pricing_check_price(q->override_price);
		st.price = q->override_price;
		st.inclusive = !!q->override_inclusive;
		st.source = PRICE_FROM_OVERRIDE;
		pricing_step(out, PRICE_FROM_OVERRIDE, 0, 0, 0, st.price, st.inclusive);
	}
	if (rc) {
		memset(out, 0, sizeof *out);
		return rc;
	}
	out->unit = st.price;
	out->inclusive = st.inclusive;
	out->source = st.source;
	return pricing_qty_rules(q);
}
