/* Shipping methods and their charge, the charge line of an order and its
 * place in the first delivery, tracking numbers, and what a document says
 * of where its goods go (the ship-to address, drop-ship, cash to collect). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "shipping-internal.h"
#include "auth.h"
#include "../../db/drafts.h"
#include "../core/pricing.h"
#include "../core/text.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

const char *const app_ship_method_codes[] = { "pickup", "own", "courier", "cod", NULL };

static int ship_known(const char *method)
{
	for (const char *const *m = app_ship_method_codes; *m; m++)
		if (strcmp(*m, method) == 0)
			return 1;
	return 0;
}

static int ship_unknown(const char *method, char **err)
{
	error_set(err, _("unknown shipping method '%s' (pickup, own, courier, cod)"), method);
	return APP_ERR;
}

int app_ship_parse(const char *text, char *method, money_t *charge, char **err)
{
	char buf[64];
	*charge = -1;
	method[0] = '\0';
	if (text_clean(text, buf, sizeof buf, 40) != TEXT_OK || !buf[0]) {
		error_set(err, _("bad shipping '%s': write METHOD or METHOD:AMOUNT"), text);
		return APP_ERR;
	}
	char *colon = strchr(buf, ':');
	if (colon) {
		*colon = '\0';
		int mrc = money_parse(colon + 1, 2, charge);
		if (mrc != MONEY_OK || *charge < 0) {
			error_set(err, _("bad shipping charge '%s': %s"), colon + 1,
			          mrc != MONEY_OK ? _(money_strerror(mrc)) : _("below zero"));
			return APP_ERR;
		}
	}
	if (!ship_known(buf))
		return ship_unknown(buf, err);
	strlcpy_safe(method, buf, 12);
	return APP_OK;
}

struct ship_list {
	struct app_ship_method *out;
	size_t n;
};

static int ship_list_one(const struct db_ship_method *m, void *arg)
{
	struct ship_list *l = arg;
	if (l->n == APP_SHIP_METHODS)
		return 1;
	struct app_ship_method *o = &l->out[l->n++];
	strlcpy_safe(o->code, m->code, sizeof o->code);
	o->price = m->price;
	strlcpy_safe(o->sku, m->sku, sizeof o->sku);
	return 0;
}

int app_ship_methods(struct app *a, struct app_ship_method out[APP_SHIP_METHODS], char **err)
{
	memset(out, 0, APP_SHIP_METHODS * sizeof *out);
	struct ship_list l = { out, 0 };
	if (db_ship_methods(a->db, ship_list_one, &l) < 0) {
		error_set(err, _("cannot read the shipping methods: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	return APP_OK;
}

int app_ship_method_set(struct app *a, const char *method, const char *price_text,
                        const char *sku, char **err)
{
	if (!ship_known(method))
		return ship_unknown(method, err);
	money_t price = -1;
	if (price_text) {
		int mrc = money_parse(price_text, 2, &price);
		if (mrc != MONEY_OK || price < 0) {
			error_set(err, _("bad shipping charge '%s'"), price_text);
			return APP_ERR;
		}
	}
	int64_t product = -1;
	if (sku && sku[0]) {
		struct app_scan scan;
		int rc = app_lookup(a, sku, &scan, err);
		if (rc != APP_OK)
			return rc;
		if (scan.item.weighed) {
			error_set(err, _("%s is weighed: a shipping charge needs a product sold by "
			                 "the unit"), sku);
			return APP_ERR;
		}
		product = scan.item.product_id;
	} else if (sku) {
		product = 0;
	}
	int rc;
	if (app_has_users(a) && (rc = app_require(a, RIGHT_PRICE_LIST_EDIT, err)) != APP_OK)
		return rc;
	app_require_done(a);
	struct db_ship_method m;
	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	rc = APP_OK;
	if (db_ship_method_set(a->db, method, price, product, err) != DB_OK ||
	    db_ship_method_get(a->db, method, &m) != DB_OK) {
		if (err && !*err)
			error_set(err, _("cannot change the shipping method: %s"), db_errmsg(a->db));
		rc = APP_IO;
	} else if (m.price > 0 && !m.product_id) {
		error_set(err, _("a %s charge needs a product to carry it: --product SKU"), method);
		rc = APP_ERR;
	}
	if (rc == APP_OK && db_commit(a->db, err) != DB_OK)
		rc = APP_IO;
	if (rc != APP_OK)
		db_rollback(a->db);
	return rc;
}

/* The charge is billed as typed: converted to the document's convention
 * and back, 7.77 with tax would come out 7.76 (no net in cents gives
 * 7.77 at 20 %). The line keeps the split of the charge as the shop wrote
 * it (net, tax and gross, as a tax-inclusive ticket line does), the
 * cart's totals with it. Only when the line is taxed at the charge's rate
 * and carries no discount: a tax-exempt buyer pays the net. Called right
 * after the line is added, before anything updates the cart again. */
static int ship_charge_exact(struct cart *c, int line, money_t charge, tax_rate_t rate,
                             int shop_inclusive)
{
	struct cart_line *l = &c->lines[line];
	struct tax_split ts;
	if (l->item.tax_rate != rate || l->discount != 0 ||
	    tax_split(charge, rate, shop_inclusive, &ts) != 0)
		return APP_OK;
	money_t dn = ts.net - l->net, dt = ts.tax - l->tax, dg = ts.gross - l->gross;
	if (!dn && !dt && !dg)
		return APP_OK;
	l->net = ts.net;
	l->tax = ts.tax;
	l->gross = ts.gross;
	c->total_net += dn;
	c->total_tax += dt;
	c->total_gross += dg;
	for (size_t i = 0; i < c->nrates; i++)
		if (c->rates[i].rate == rate) {
			c->rates[i].net += dn;
			c->rates[i].tax += dt;
			c->rates[i].gross += dg;
		}
	return APP_OK;
}

int doc_shipping_charge(struct app *a, const char *method, money_t charge, struct cart *c,
                        int *idx, char **err)
{
	*idx = -1;
	struct db_ship_method m;
	int drc = db_ship_method_get(a->db, method, &m);
	if (drc == DB_NOTFOUND)
		return ship_unknown(method, err);
	if (drc != DB_OK) {
		error_set(err, _("cannot read the shipping methods: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	if (charge < 0)
		charge = m.price;
	if (charge == 0)
		return APP_OK;
	if (!m.product_id) {
		error_set(err, _("no product carries the %s charge: comptoir shipping set %s "
		                 "--product SKU"), method, method);
		return APP_ERR;
	}
	struct app_scan scan;
	int rc = app_lookup(a, m.sku, &scan, err);
	if (rc != APP_OK)
		return rc;
	struct cart_item it = scan.item;
	/* Written as the shop writes its prices; the document may be priced
	 * before tax (a business customer's list). */
	tax_rate_t rate = it.product_rate ? it.product_rate : it.tax_rate;
	it.unit_price = pricing_to_convention(charge, rate, a->shop.prices_include_tax, c->inclusive);
	/* The unit price is the charge's own net (or gross): the line's
	 * amount then matches what ship_charge_exact keeps. */
	struct tax_split ts;
	if (it.tax_rate == rate && tax_split(charge, rate, a->shop.prices_include_tax, &ts) == 0)
		it.unit_price = c->inclusive ? ts.gross : ts.net;
	it.catalogue_price = charge;
	it.price_fixed = 1;
	it.price_source = 0;
	int line = cart_add(c, &it, 1, 0);
	if (line < 0) {
		error_set(err, "%s: %s", m.sku, app_core_strerror(line));
		return APP_ERR;
	}
	*idx = line;
	return ship_charge_exact(c, line, charge, rate, a->shop.prices_include_tax);
}

int doc_shipping_take(struct app *a, const struct db_doc *order,
                      const struct db_doc_line *lines, const int64_t *open, int64_t *take,
                      size_t n, int *charge_line, char **err)
{
	*charge_line = 0;
	struct db_doc_shipping s;
	int rc = db_doc_shipping_get(a->db, order->id, &s);
	if (rc == DB_NOTFOUND)
		return APP_OK;
	if (rc != DB_OK) {
		error_set(err, _("cannot read the order's shipping: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	*charge_line = s.charge_line;
	for (size_t i = 0; i < n; i++)
		if (lines[i].line_no == s.charge_line && open[i] > 0)
			take[i] = open[i];
	return APP_OK;
}

int doc_shipping_charge_line(struct app *a, int64_t order_id)
{
	struct db_doc_shipping s;
	return order_id && db_doc_shipping_get(a->db, order_id, &s) == DB_OK ? s.charge_line : 0;
}

int app_delivery_track(struct app *a, int64_t delivery, const char *tracking, char **err)
{
	char clean[128], num[24];
	if (text_clean(tracking, clean, sizeof clean, 64) != TEXT_OK || !clean[0] ||
	    strchr(clean, ' ')) {
		error_set(err, _("bad tracking number '%s': 1 to 64 characters without blanks"),
		          tracking);
		return APP_ERR;
	}
	snprintf(num, sizeof num, "%lld", (long long)delivery);
	struct db_doc d;
	int rc = doc_find(a, "delivery", num, &d, err);
	if (rc != APP_OK)
		return rc;
	struct db_doc_shipping os;
	if (db_doc_shipping_get(a->db, d.source_id, &os) != DB_OK)
		strlcpy_safe(os.method, "courier", sizeof os.method);
	if (strcmp(os.method, "courier") != 0 && strcmp(os.method, "cod") != 0) {
		error_set(err, _("delivery %s ships by %s: no tracking number"), num, os.method);
		return APP_ERR;
	}
	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	if (db_doc_shipping_set(a->db, d.id, os.method, 0, clean, err) != DB_OK ||
	    db_commit(a->db, err) != DB_OK) {
		db_rollback(a->db);
		return APP_IO;
	}
	return APP_OK;
}

struct ship_gross {
	int line;
	money_t gross;
};

static int ship_line_gross(const struct db_doc_line *l, void *arg)
{
	struct ship_gross *g = arg;
	if (l->line_no == g->line)
		g->gross = l->gross;
	return 0;
}

/* What d says of its shipping: its own record, else its order's. */
static void ship_info(struct app *a, const struct db_doc *d, struct app_doc_shipping *out)
{
	memset(out, 0, sizeof *out);
	int64_t order_id = strcmp(d->kind, "order") == 0 ? d->id : d->source_id;
	struct db_doc_shipping os, own;
	if (order_id && db_doc_shipping_get(a->db, order_id, &os) == DB_OK) {
		strlcpy_safe(out->method, os.method, sizeof out->method);
		if (os.charge_line && strcmp(d->kind, "order") == 0) {
			struct ship_gross g = { os.charge_line, 0 };
			db_doc_lines(a->db, d->id, ship_line_gross, &g);
			out->charge = g.gross;
		}
	}
	if (strcmp(d->kind, "delivery") == 0 && db_doc_shipping_get(a->db, d->id, &own) == DB_OK) {
		strlcpy_safe(out->method, own.method, sizeof out->method);
		strlcpy_safe(out->tracking, own.tracking, sizeof out->tracking);
	}
	if (strcmp(d->kind, "delivery") == 0 && strcmp(out->method, "cod") == 0)
		out->collect = d->total;
	if (d->ship_to_id &&
	    db_ship_to_row(a->db, d->ship_to_id, &out->ship_seq, out->ship_name,
	                   sizeof out->ship_name, out->ship_address,
	                   sizeof out->ship_address) == DB_OK)
		out->drop_ship = 1;
}

int app_doc_shipping(struct app *a, const char *kind, int64_t number,
                     struct app_doc_shipping *out, char **err)
{
	memset(out, 0, sizeof *out);
	char num[24];
	snprintf(num, sizeof num, "%lld", (long long)number);
	struct db_doc d;
	int rc = doc_find(a, kind, num, &d, err);
	if (rc == APP_OK)
		ship_info(a, &d, out);
	return rc;
}

void doc_shipping_show(struct app *a, const struct db_doc *d, struct strbuf *sb)
{
	struct app_doc_shipping s;
	ship_info(a, d, &s);
	if (s.drop_ship) {
		struct db_desk_customer cu;
		memset(&cu, 0, sizeof cu);
		db_desk_customer_by_id(a->db, d->customer_id, &cu);
		strbuf_addf(sb, "ship-to %d %s%s%s\n", s.ship_seq, s.ship_name,
		            s.ship_address[0] ? ", " : "", s.ship_address);
		strbuf_addf(sb, "drop-ship billed to %s %s\n", cu.code, cu.name);
	}
	if (s.method[0])
		strbuf_addf(sb, "shipping %s\n", s.method);
	char m[32];
	if (s.charge) {
		money_format(m, sizeof m, s.charge, &money_style_plain);
		strbuf_addf(sb, "shipping-charge %s\n", m);
	}
	if (s.tracking[0])
		strbuf_addf(sb, "tracking %s\n", s.tracking);
	if (strcmp(s.method, "cod") == 0 && strcmp(d->kind, "delivery") == 0) {
		money_format(m, sizeof m, s.collect, &money_style_plain);
		strbuf_addf(sb, "cash-on-delivery collect %s\n", m);
	}
}

struct ship_to_acc {
	struct app_ship_to *v;
	size_t n;
};

static int ship_to_one(int seq, const char *name, const char *address, const char *state,
                       void *arg)
{
	struct ship_to_acc *acc = arg;
	acc->v = xrealloc(acc->v, (acc->n + 1) * sizeof *acc->v);
	struct app_ship_to *s = &acc->v[acc->n++];
	s->seq = seq;
	strlcpy_safe(s->name, name, sizeof s->name);
	strlcpy_safe(s->address, address, sizeof s->address);
	strlcpy_safe(s->state, state, sizeof s->state);
	return 0;
}

int app_ship_to_list(struct app *a, const char *customer, struct app_ship_to **out, size_t *n,
                     char **err)
{
	*out = NULL;
	*n = 0;
	struct db_desk_customer cu;
	int rc = doc_customer(a, customer, &cu, err);
	if (rc != APP_OK)
		return rc;
	struct ship_to_acc acc = { NULL, 0 };
	if (db_ship_to_list(a->db, cu.id, ship_to_one, &acc) != DB_OK) {
		free(acc.v);
		error_set(err, _("cannot read the ship-to addresses: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	*out = acc.v;
	*n = acc.n;
	return APP_OK;
}
