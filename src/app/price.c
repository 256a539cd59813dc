/* The price engine fed from the database: price lists cached per
 * connection, the product's breaks, promotions and contracts read per
 * question, and "why this price" put into words. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "app-internal.h"
#include "../core/gst.h"
#include "../../db/prices.h"
#include "../core/text.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

#define APP_PRICE_ROWS 64

int32_t app_today(int64_t now)
{
	time_t t = now ? (time_t)now : time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	return (int32_t)((tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday);
}

/* How often the lists are checked for another process's changes: a list
 * edited elsewhere reaches a till within this time. */
#define APP_LISTS_CHECK_MS 1000

static int64_t app_clock_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int app_lists_refresh(struct app *a, char **err)
{
	int64_t v = 0, now = app_clock_ms();
	if (a->lists_loaded && now - a->lists_checked < APP_LISTS_CHECK_MS)
		return APP_OK;
	a->lists_checked = now;
	if (db_data_version(a->db, &v) != DB_OK) {
		error_set(err, _("cannot read the price lists: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	if (a->lists_loaded && v == a->data_version)
		return APP_OK;
	free(a->lists);
	a->lists = NULL;
	if (db_price_lists(a->db, &a->lists, &a->nlists) != DB_OK) {
		error_set(err, _("cannot read the price lists: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	a->base_list_id = 0;
	for (size_t i = 0; i < a->nlists; i++)
		if (strcmp(a->lists[i].code, "retail") == 0)
			a->base_list_id = a->lists[i].id;
	if (!a->base_list_id && a->nlists)
		a->base_list_id = a->lists[0].id;
	a->data_version = v;
	a->lists_loaded = 1;
	return APP_OK;
}

const char *app_list_code(struct app *a, int64_t id)
{
	const struct price_list *l = pricing_find_list(a->lists, a->nlists, id);
	return l ? l->code : "?";
}

int app_resolve_price(struct app *a, int64_t product_id, money_t catalogue_price,
                      tax_rate_t rate, int64_t customer_id, int64_t customer_list_id,
                      int64_t qty, int weighed, int64_t now, struct price_result *r,
                      char **err)
{
	if (app_lists_refresh(a, err) != APP_OK)
		return APP_IO;
	struct price_break breaks[APP_PRICE_ROWS];
	struct price_promo promos[APP_PRICE_ROWS];
	struct price_contract contracts[APP_PRICE_ROWS];
	size_t nb = 0, np = 0, nc = 0;
	if (db_product_price_rows(a->db, product_id, customer_id, APP_PRICE_ROWS, breaks, &nb, promos,
	                          &np, contracts, &nc) != DB_OK) {
		error_set(err, _("cannot read prices: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	struct price_query q = {
		.lists = a->lists, .nlists = a->nlists,
		.breaks = breaks, .nbreaks = nb,
		.contracts = contracts, .ncontracts = nc,
		.promos = promos, .npromos = np,
		.base_list_id = a->base_list_id,
		.customer_list_id = customer_list_id,
		.catalogue_price = catalogue_price,
		.tax_rate = rate,
		.qty = qty,
		.qty_scale = weighed ? 1000 : 1,
		.today = app_today(now),
	};
	int rc = pricing_resolve(&q, r);
	if (rc == PRICING_OK || rc == PRICING_BELOW_MIN || rc == PRICING_NOT_MULTIPLE)
		return rc;
	error_set(err, _("no price: %s"), _(pricing_strerror(rc)));
	return APP_ERR;
}

void app_price_explain(struct app *a, const struct price_result *r, struct strbuf *sb)
{
	for (size_t i = 0; i < r->nsteps; i++) {
		const struct price_step *s = &r->steps[i];
		char price[48], pct[16];
		money_format(price, sizeof price, s->price, app_msg_money(a));
		const char *conv = s->inclusive ? _("tax included") : _("before tax");
		const char *list = app_list_code(a, s->list_id);
		switch (s->source) {
		case PRICE_FROM_CONTRACT:
			strbuf_addf(sb, _("contract price for this customer from %lld: %s (%s)\n"),
			            (long long)s->min_qty, price, conv);
			break;
		case PRICE_FROM_LIST:
			strbuf_addf(sb, _("list %s, from %lld: %s (%s)\n"), list, (long long)s->min_qty,
			            price, conv);
			break;
		case PRICE_FROM_DERIVED:
			tax_rate_format(pct, sizeof pct, s->adjust_pct < 0 ? -s->adjust_pct : s->adjust_pct);
			strbuf_addf(sb, _("list %s is %s%s %% on its parent: %s (%s)\n"), list,
			            s->adjust_pct < 0 ? "-" : "+", pct, price, conv);
			break;
		case PRICE_FROM_CATALOGUE:
			strbuf_addf(sb, _("catalogue price: %s (%s)\n"), price, conv);
			break;
		case PRICE_FROM_PROMO:
			strbuf_addf(sb, _("promotion, lower: %s (%s)\n"), price, conv);
			break;
		case PRICE_FROM_OVERRIDE:
			strbuf_addf(sb, _("price set by hand: %s (%s)\n"), price, conv);
			break;
		case PRICE_NOTE_PROMO_HIGHER:
			strbuf_addf(sb, _("a promotion at %s is not lower: not applied\n"), price);
			break;
		case PRICE_NOTE_NO_BREAK:
			strbuf_addf(sb, _("list %s has no price of its own for it\n"), list);
			break;
		}
	}
}

int app_parse_qty(const char *text, int weighed, int64_t *out, char **err)
{
	char clean[64];
	if (text_clean(text, clean, sizeof clean, 20) != TEXT_OK || !clean[0]) {
		error_set(err, _("bad quantity '%s'"), clean[0] ? clean : "");
		return APP_ERR;
	}
	int64_t limit = weighed ? CART_QTY_MAX * 1000 : CART_QTY_MAX;
	int rc = decimal_parse(clean, weighed ? 3 : 0, limit, out);
	if (rc != MONEY_OK) {
		const char *why = rc == MONEY_PRECISION ? (weighed ? _("at most three decimals (grams)")
		                                                   : _("whole units only"))
		                  : rc == MONEY_OVERFLOW ? _("too large")
		                                         : _("not a number");
		error_set(err, _("bad quantity '%s': %s"), clean, why);
		return APP_ERR;
	}
	if (*out <= 0) {
		error_set(err, _("bad quantity '%s': it must be more than zero"), clean);
		return APP_ERR;
	}
	return APP_OK;
}

int app_gst_parts(struct app *a, money_t tax, const char *sku, const char *buyer_state,
                  int64_t *cgst, int64_t *sgst, int64_t *igst, char **err)
{
	*cgst = *sgst = *igst = 0;
	if (a->shop.country != APP_COUNTRY_IN)
		return APP_OK;
	struct gst_split g;
	int rc = gst_split_tax(tax, a->shop.seller_state, buyer_state, &g);
	if (rc != 0) {
		error_set(err, _("GST for %s: %s"), sku, _(gst_strerror(rc)));
		return APP_ERR;
	}
	*cgst = g.cgst;
	*sgst = g.sgst;
	*igst = g.igst;
	return APP_OK;
}
