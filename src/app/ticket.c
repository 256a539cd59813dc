/* The ticket being rung up: every change goes through here so that the
 * price engine sees the product's total quantity and the customer's list,
 * and a change the rules refuse leaves the ticket as it was. */
#include <stdlib.h>
#include <string.h>
#include "app-internal.h"
#include "ticket.h"
#include "ticket-internal.h"
#include "../../db/prices.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

static int app_ticket_inclusive(struct app *a, const struct app_ticket *t)
{
	if (!t->has_customer)
		return a->shop.prices_include_tax;
	if (t->customer.tax_exempt[0])
		return 0;
	if (t->customer.list_id)
		return t->customer.list_inclusive;
	return a->shop.prices_include_tax;
}

void app_ticket_init(struct app *a, struct app_ticket *t)
{
	memset(t, 0, sizeof *t);
	cart_init(&t->cart, a->shop.prices_include_tax);
	app_new_key(t->key);
}

void app_ticket_release(struct app_ticket *t)
{
	cart_release(&t->cart);
}

void app_ticket_clear(struct app *a, struct app_ticket *t)
{
	cart_clear(&t->cart);
	t->has_customer = 0;
	memset(&t->customer, 0, sizeof t->customer);
	t->cart.inclusive = a->shop.prices_include_tax;
	t->nmanual = 0;
	t->rules_waived = 0;
	app_new_key(t->key);
}

/* The list rules broken by a product's total, in words. */
static void app_ticket_rule_error(struct app *a, const struct app_ticket *t,
                                  const struct cart_item *it, int64_t total, int rc, char **err)
{
	const struct price_list *l = pricing_find_list(a->lists, a->nlists, t->customer.list_id);
	char q[32];
	quantity_format(q, sizeof q, total, it->weighed ? 3 : 0, ".");
	if (rc == PRICING_BELOW_MIN)
		error_set(err, _("list %s sells %s from %lld units: %s is too few"),
		          l ? l->code : "?", it->sku, l ? (long long)l->min_qty : 0LL, q);
	else
		error_set(err, _("list %s sells %s by %lld: %s is not a multiple"),
		          l ? l->code : "?", it->sku, l ? (long long)l->multiple : 0LL, q);
}

/* The product's total on the ticket, as the price engine counts it: live
 * lines whose price is not fixed by a barcode (those carry their own price,
 * and a weighed product's label line counts a unit, not grams). */
static int64_t app_ticket_total(const struct cart *c, int64_t product_id)
{
	int64_t total = 0;
	for (size_t j = 0; j < c->n; j++)
		if (!c->lines[j].voided && !c->lines[j].item.price_fixed &&
		    c->lines[j].item.product_id == product_id)
			total += c->lines[j].qty;
	return total;
}

/* Whether line i is the first live, repriced line of its product. */
static int app_ticket_first_of(const struct cart *c, size_t i)
{
	for (size_t j = 0; j < i; j++)
		if (!c->lines[j].voided && !c->lines[j].item.price_fixed &&
		    c->lines[j].item.product_id == c->lines[i].item.product_id)
			return 0;
	return 1;
}

static int app_ticket_resolve(struct app *a, const struct app_ticket *t,
                              const struct cart_item *it, int64_t total,
                              struct price_result *r, char **err)
{
	return app_resolve_price(a, it->product_id, it->catalogue_price, it->product_rate,
	                         t->has_customer ? t->customer.id : 0,
	                         t->has_customer ? t->customer.list_id : 0, total, it->weighed, 0,
	                         r, err);
}

/* Prices every live line from the total quantity of its product on the
 * ticket; only the lines of `only` when it is not 0 (a change to one
 * product cannot move another's price). A price fixed by a barcode is
 * converted from the label, never from an earlier conversion. The list's
 * quantity rules are not enforced here but by app_ticket_check(): a
 * reseller's six bottles are scanned one at a time. */
int app_ticket_reprice(struct app *a, struct app_ticket *t, int64_t only, char **err)
{
	struct cart *c = &t->cart;
	int inclusive = app_ticket_inclusive(a, t);
	int exempt = t->has_customer && t->customer.tax_exempt[0];
	c->inclusive = inclusive;
	for (size_t i = 0; i < c->n; i++) {
		struct cart_line *l = &c->lines[i];
		if (l->voided)
			continue;
		l->item.tax_rate = exempt ? 0 : l->item.product_rate;
		if (l->item.price_fixed) {
			l->item.unit_price = pricing_to_convention(l->item.catalogue_price,
			                                           l->item.product_rate,
			                                           a->shop.prices_include_tax, inclusive);
			continue;
		}
		if ((only && l->item.product_id != only) || !app_ticket_first_of(c, i))
			continue;
		struct price_result r;
		int rc = app_ticket_resolve(a, t, &l->item, app_ticket_total(c, l->item.product_id),
		                            &r, err);
		if (rc != APP_OK && rc != PRICING_BELOW_MIN && rc != PRICING_NOT_MULTIPLE)
			return rc;
		money_t unit = pricing_to_convention(r.unit, l->item.product_rate, r.inclusive, inclusive);
		const struct app_ticket_manual *m0 = app_ticket_manual_find(t, APP_MANUAL_PRICE,
		                                                            l->item.product_id);
		if (m0) {
			unit = m0->price;
			r.source = PRICE_FROM_OVERRIDE;
		}
		for (size_t j = i; j < c->n; j++) {
			struct cart_line *m = &c->lines[j];
			if (m->voided || m->item.price_fixed || m->item.product_id != l->item.product_id)
				continue;
			m->item.unit_price = unit;
			m->item.price_source = (int)r.source;
		}
	}
	int rc = cart_update(c);
	if (rc) {
		error_set(err, "%s", app_core_strerror(rc));
		return APP_ERR;
	}
	return APP_OK;
}

int app_ticket_check(struct app *a, const struct app_ticket *t, char **err)
{
	const struct cart *c = &t->cart;
	if (!t->has_customer || !t->customer.list_id || t->rules_waived)
		return APP_OK;
	for (size_t i = 0; i < c->n; i++) {
		const struct cart_line *l = &c->lines[i];
		if (l->voided || l->item.price_fixed || !app_ticket_first_of(c, i))
			continue;
		int64_t total = app_ticket_total(c, l->item.product_id);
		struct price_result r;
		int rc = app_ticket_resolve(a, t, &l->item, total, &r, err);
		if (rc == PRICING_BELOW_MIN || rc == PRICING_NOT_MULTIPLE) {
			app_ticket_rule_error(a, t, &l->item, total, rc, err);
			return APP_ERR;
		}
		if (rc != APP_OK)
			return rc;
	}
	return APP_OK;
}

static int app_ticket_do_customer(struct app *a, struct app_ticket *t, void *arg, char **err);

/* Runs change() on a copy of the cart; keeps it only when the result prices
 * within the rules. */
static int app_ticket_try(struct app *a, struct app_ticket *t,
                          int (*change)(struct app *, struct app_ticket *, void *, char **),
                          void *arg, char **err)
{
	struct cart saved;
	if (cart_copy(&saved, &t->cart) != CART_OK) {
		error_set(err, _("out of memory"));
		return APP_ERR;
	}
	struct app_ticket_customer saved_customer = t->customer;
	int saved_has = t->has_customer;
	int rc = change(a, t, arg, err);
	if (rc >= 0) {
		/* A line's change reprices its product; a customer's, everything. */
		int64_t only = change == app_ticket_do_customer ? 0 : t->cart.lines[rc].item.product_id;
		int pr = app_ticket_reprice(a, t, only, err);
		if (pr != APP_OK)
			rc = pr;
	}
	if (rc < 0) {
		cart_release(&t->cart);
		t->cart = saved;
		t->customer = saved_customer;
		t->has_customer = saved_has;
		return rc;
	}
	cart_release(&saved);
	return rc;
}

struct app_ticket_add_arg {
	const char *code;
	const char *qty_text;
};

static int app_ticket_do_add(struct app *a, struct app_ticket *t, void *arg, char **err)
{
	const struct app_ticket_add_arg *x = arg;
	struct app_scan scan;
	int rc = app_lookup(a, x->code, &scan, err);
	if (rc != APP_OK)
		return rc;
	int64_t qty = 1;
	if (scan.qty && scan.item.weighed) {
		if (x->qty_text) {
			error_set(err, _("barcode %s already carries a weight"), x->code);
			return APP_ERR;
		}
		qty = scan.qty;
	} else if (scan.item.weighed) {
		if (!x->qty_text) {
			error_set(err, _("%s is sold by weight: give the weight in kg with it"), x->code);
			return APP_ERR;
		}
		if (app_parse_qty(x->qty_text, 1, &qty, err) != APP_OK)
			return APP_ERR;
	} else {
		if (x->qty_text && app_parse_qty(x->qty_text, 0, &qty, err) != APP_OK)
			return APP_ERR;
		if (scan.qty) {
			if (qty > CART_QTY_MAX / scan.qty) {
				error_set(err, _("bad quantity '%s': too large"), x->qty_text);
				return APP_ERR;
			}
			qty *= scan.qty;
		}
	}
	struct cart *c = &t->cart;
	scan.item.catalogue_price = scan.item.unit_price;
	scan.item.product_rate = scan.item.tax_rate;
	scan.item.price_fixed = scan.price_embedded;
	/* Another scan of a product already on the ticket adds to its line. */
	for (size_t i = 0; !scan.item.weighed && !scan.item.price_fixed && i < c->n; i++) {
		struct cart_line *l = &c->lines[i];
		if (l->voided || l->item.price_fixed || l->discount_pct ||
		    l->item.product_id != scan.item.product_id)
			continue;
		if (qty > CART_QTY_MAX - l->qty) {
			error_set(err, "%s", app_core_strerror(CART_BAD_QTY));
			return APP_ERR;
		}
		rc = cart_set_qty(c, i, l->qty + qty);
		if (rc < 0) {
			error_set(err, "%s", app_core_strerror(rc));
			return APP_ERR;
		}
		return (int)i;
	}
	rc = cart_add(c, &scan.item, qty, 0);
	if (rc < 0) {
		error_set(err, "%s", app_core_strerror(rc));
		return APP_ERR;
	}
	return rc;
}

int app_ticket_add(struct app *a, struct app_ticket *t, const char *code, const char *qty_text,
                   char **err)
{
	struct app_ticket_add_arg x = { code, qty_text };
	return app_ticket_try(a, t, app_ticket_do_add, &x, err);
}

struct app_ticket_qty_arg {
	size_t line;
	const char *qty_text;
};

static int app_ticket_do_qty(struct app *a, struct app_ticket *t, void *arg, char **err)
{
	const struct app_ticket_qty_arg *x = arg;
	struct cart *c = &t->cart;
	if (x->line >= c->n || c->lines[x->line].voided) {
		error_set(err, "%s", app_core_strerror(CART_BAD_LINE));
		return APP_ERR;
	}
	int64_t qty;
	if (app_parse_qty(x->qty_text, c->lines[x->line].item.weighed, &qty, err) != APP_OK)
		return APP_ERR;
	int rc = cart_set_qty(c, x->line, qty);
	if (rc < 0) {
		error_set(err, "%s", app_core_strerror(rc));
		return APP_ERR;
	}
	return (int)x->line;
}

int app_ticket_set_qty(struct app *a, struct app_ticket *t, size_t line, const char *qty_text,
                       char **err)
{
	struct app_ticket_qty_arg x = { line, qty_text };
	return app_ticket_try(a, t, app_ticket_do_qty, &x, err);
}

static int app_ticket_do_void(struct app *a, struct app_ticket *t, void *arg, char **err)
{
	size_t line = *(const size_t *)arg;
	int rc = cart_void_line(&t->cart, line);
	if (rc < 0) {
		error_set(err, "%s", app_core_strerror(rc));
		return APP_ERR;
	}
	return (int)line;
}

int app_ticket_void(struct app *a, struct app_ticket *t, size_t line, char **err)
{
	return app_ticket_try(a, t, app_ticket_do_void, &line, err);
}

static int app_ticket_do_customer(struct app *a, struct app_ticket *t, void *arg, char **err)
{
	const char *code = arg;
	if (!code || !*code) {
		t->has_customer = 0;
		memset(&t->customer, 0, sizeof t->customer);
		return 0;
	}
	if (app_customer(a, code, NULL, 0, err) != APP_OK)
		return APP_NOTFOUND;
	struct db_customer dc;
	if (db_customer_full(a->db, code, &dc) != DB_OK) {
		error_set(err, _("cannot read customers: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	struct app_ticket_customer *cu = &t->customer;
	memset(cu, 0, sizeof *cu);
	cu->id = dc.id;
	strlcpy_safe(cu->code, dc.code, sizeof cu->code);
	strlcpy_safe(cu->name, dc.name, sizeof cu->name);
	strlcpy_safe(cu->kind, dc.kind, sizeof cu->kind);
	strlcpy_safe(cu->state, dc.state, sizeof cu->state);
	strlcpy_safe(cu->tax_exempt, dc.tax_exempt, sizeof cu->tax_exempt);
	cu->list_id = dc.price_list_id;
	if (app_lists_refresh(a, err) != APP_OK)
		return APP_IO;
	const struct price_list *l = pricing_find_list(a->lists, a->nlists, cu->list_id);
	if (l) {
		strlcpy_safe(cu->list_code, l->code, sizeof cu->list_code);
		cu->list_inclusive = l->inclusive;
	} else {
		cu->list_id = 0;
	}
	t->has_customer = 1;
	return 0;
}

int app_ticket_set_customer(struct app *a, struct app_ticket *t, const char *code, char **err)
{
	return app_ticket_try(a, t, app_ticket_do_customer, (void *)code, err);
}

int app_ticket_why(struct app *a, const struct app_ticket *t, size_t line, char **text,
                   char **err)
{
	*text = NULL;
	const struct cart *c = &t->cart;
	if (line >= c->n) {
		error_set(err, "%s", app_core_strerror(CART_BAD_LINE));
		return APP_ERR;
	}
	const struct cart_line *l = &c->lines[line];
	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb, "%s %s\n", l->item.sku, l->item.name);
	if (l->item.price_fixed) {
		char p[48];
		money_format(p, sizeof p, l->item.unit_price, app_msg_money(a));
		strbuf_addf(&sb, _("price %s read from the in-store barcode\n"), p);
	} else {
		int64_t total = app_ticket_total(c, l->item.product_id);
		struct price_result r;
		int rc = app_ticket_resolve(a, t, &l->item, total, &r, err);
		if (rc == APP_IO || rc == APP_ERR) {
			strbuf_release(&sb);
			return rc;
		}
		char q[32];
		quantity_format(q, sizeof q, total, l->item.weighed ? 3 : 0, ".");
		strbuf_addf(&sb, _("quantity of this product on the ticket: %s\n"), q);
		app_price_explain(a, &r, &sb);
		if (rc == PRICING_BELOW_MIN || rc == PRICING_NOT_MULTIPLE)
			strbuf_addf(&sb, _("the list's rule is not met yet: %s\n"),
			            _(pricing_strerror(rc)));
	}
	const struct app_ticket_manual *m = app_ticket_manual_find(t, APP_MANUAL_PRICE,
	                                                           l->item.product_id);
	if (m && !l->item.price_fixed) {
		char p[48];
		money_format(p, sizeof p, m->price, app_msg_money(a));
		if (m->approver[0])
			strbuf_addf(&sb, _("manual price %s set by %s, approved by %s: %s\n"), p, m->user,
			            m->approver, m->reason);
		else
			strbuf_addf(&sb, _("manual price %s set by %s: %s\n"), p, m->user, m->reason);
	}
	if (t->rules_waived)
		strbuf_addf(&sb, _("the list's minimum and multiple are waived for this ticket\n"));
	if (t->has_customer && t->customer.tax_exempt[0])
		strbuf_addf(&sb, _("customer exempt from tax (%s)\n"), t->customer.tax_exempt);
	*text = strbuf_detach(&sb);
	return APP_OK;
}

int app_ticket_commit(struct app *a, struct app_ticket *t, struct tender *tender,
                      const char *user, struct app_sale_result *res, char **err)
{
	int rc = app_ticket_check(a, t, err);
	if (rc != APP_OK)
		return rc;
	struct app_sale sale = {
		.cart = &t->cart, .tender = tender, .idem_key = t->key, .user = user,
		.customer_code = t->has_customer ? t->customer.code : NULL,
		.manual = t->manual, .nmanual = t->nmanual,
	};
	return app_sale_commit(a, &sale, res, err);
}
