/* Preparing a return: the original ticket's lines with what is left to
 * give back of each, or lines without a ticket at the catalogue price, and
 * the amounts each chosen quantity gives back (src/core/refund.c). */
#include <stdlib.h>
#include <string.h>
#include "app-internal.h"
#include "returns.h"
#include "../../db/returns.h"
#include "../../db/sales.h"
#include "../core/text.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

int app_ticket_number_parse(const char *text, int64_t *number)
{
	const char *p = text;
	if (*p == 'T' || *p == 't')
		p++;
	size_t n = strspn(p, "0123456789");
	if (n == 0 || n > 12 || p[n] != '\0')
		return -1;
	*number = strtoll(p, NULL, 10);
	return *number > 0 ? 0 : -1;
}

static struct app_return_line *app_return_grow(struct app_return *r)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 8;
		r->lines = xrealloc(r->lines, r->cap * sizeof *r->lines);
	}
	struct app_return_line *l = &r->lines[r->n++];
	memset(l, 0, sizeof *l);
	return l;
}

void app_return_open_free(struct app *a, struct app_return *r)
{
	memset(r, 0, sizeof *r);
	r->inclusive = a->shop.prices_include_tax;
	app_new_key(r->key);
}

void app_return_release(struct app_return *r)
{
	free(r->lines);
	memset(r, 0, sizeof *r);
}

int app_return_open(struct app *a, const char *ticket, struct app_return *r, char **err)
{
	memset(r, 0, sizeof *r);
	int64_t number;
	if (app_ticket_number_parse(ticket, &number) != 0) {
		error_set(err, _("'%s' is not a ticket number (123 or T123)"), ticket);
		return APP_ERR;
	}
	struct db_ticket t;
	int rc = db_ticket_get(a->db, number, &t);
	if (rc == DB_NOTFOUND) {
		error_set(err, _("no ticket %lld"), (long long)number);
		return APP_NOTFOUND;
	}
	struct db_ticket_line *dl = NULL;
	size_t nl = 0;
	if (rc != DB_OK || db_ticket_lines(a->db, t.id, &dl, &nl) != DB_OK) {
		free(dl);
		error_set(err, _("cannot read ticket %lld: %s"), (long long)number, db_errmsg(a->db));
		return APP_IO;
	}
	if (strcmp(t.kind, "return") == 0) {
		free(dl);
		error_set(err, _("ticket %lld is itself a return"), (long long)number);
		return APP_ERR;
	}
	int64_t *taken = xcalloc(nl ? nl : 1, sizeof *taken);
	if (db_return_taken(a->db, t.id, taken, nl) != DB_OK) {
		free(dl);
		free(taken);
		error_set(err, _("cannot read the returns of ticket %lld: %s"), (long long)number,
		          db_errmsg(a->db));
		return APP_IO;
	}
	r->original = t.number;
	r->original_id = t.id;
	strlcpy_safe(r->customer_code, t.customer_code, sizeof r->customer_code);
	strlcpy_safe(r->tax_exempt, t.tax_exempt, sizeof r->tax_exempt);
	r->inclusive = t.prices_include_tax;
	r->original_total = t.total;
	app_new_key(r->key);
	for (size_t i = 0; i < nl; i++) {
		const struct db_ticket_line *d = &dl[i];
		if (d->voided)
			continue;
		struct app_return_line *l = app_return_grow(r);
		l->orig_line = d->line_no;
		l->product_id = d->product_id;
		strlcpy_safe(l->sku, d->sku, sizeof l->sku);
		strlcpy_safe(l->name, d->name, sizeof l->name);
		strlcpy_safe(l->price_source, d->price_source, sizeof l->price_source);
		l->weighed = d->weighed;
		l->sold = (struct refund_sold){
			.qty = d->qty, .weighed = d->weighed, .unit_price = d->unit_price,
			.discount_pct = d->discount_pct, .tax_rate = d->tax_rate,
			.inclusive = t.prices_include_tax, .amount = d->amount,
			.discount = d->discount, .net = d->net, .tax = d->tax, .gross = d->gross,
		};
		l->cgst = d->cgst;
		l->igst = d->igst;
		l->taken = d->line_no >= 1 && (size_t)d->line_no <= nl ? taken[d->line_no - 1] : 0;
	}
	free(dl);
	free(taken);
	return APP_OK;
}

int app_return_update(struct app_return *r, char **err)
{
	r->total = 0;
	for (size_t i = 0; i < r->n; i++) {
		struct app_return_line *l = &r->lines[i];
		memset(&l->part, 0, sizeof l->part);
		if (!l->qty)
			continue;
		int rc = refund_line(&l->sold, l->taken, l->qty, &l->part);
		if (rc == REFUND_BAD_QTY) {
			char left[32];
			quantity_format(left, sizeof left, l->sold.qty - l->taken, l->weighed ? 3 : 0, ".");
			error_set(err, _("%s: only %s left to return"), l->sku, left);
			return APP_ERR;
		}
		if (rc) {
			error_set(err, "%s", _(refund_strerror(rc)));
			return APP_ERR;
		}
		r->total += l->part.gross;
	}
	return APP_OK;
}

void app_return_all(struct app_return *r)
{
	for (size_t i = 0; i < r->n; i++)
		r->lines[i].qty = r->lines[i].sold.qty - r->lines[i].taken;
	app_return_update(r, NULL);
}

/* Without a ticket: the line as a one-line cart would sell it. */
static int app_return_pick_free(struct app *a, struct app_return *r, const struct app_scan *s,
                                int64_t qty, char **err)
{
	struct cart c;
	cart_init(&c, r->inclusive);
	int rc = cart_add(&c, &s->item, qty, 0);
	if (rc < 0) {
		cart_release(&c);
		error_set(err, "%s", app_core_strerror(rc));
		return APP_ERR;
	}
	const struct cart_line *cl = &c.lines[0];
	struct app_return_line *l = app_return_grow(r);
	l->product_id = s->item.product_id;
	strlcpy_safe(l->sku, s->item.sku, sizeof l->sku);
	strlcpy_safe(l->name, s->item.name, sizeof l->name);
	strlcpy_safe(l->price_source, s->price_embedded ? "barcode" : "catalogue",
	             sizeof l->price_source);
	l->weighed = s->item.weighed;
	l->sold = (struct refund_sold){
		.qty = qty, .weighed = l->weighed, .unit_price = s->item.unit_price,
		.tax_rate = s->item.tax_rate, .inclusive = r->inclusive, .amount = cl->amount,
		.discount = cl->discount, .net = cl->net, .tax = cl->tax, .gross = cl->gross,
	};
	l->qty = qty;
	cart_release(&c);
	(void)a;
	return app_return_update(r, err);
}

int app_return_pick(struct app *a, struct app_return *r, const char *code, const char *qty_text,
                    char **err)
{
	struct app_scan s;
	int rc = app_lookup(a, code, &s, err);
	if (rc != APP_OK)
		return rc;
	int64_t qty = s.qty ? s.qty : 1;
	if (qty_text) {
		if (s.qty && s.item.weighed) {
			error_set(err, _("barcode %s already carries a weight"), code);
			return APP_ERR;
		}
		if (app_parse_qty(qty_text, s.item.weighed, &qty, err) != APP_OK)
			return APP_ERR;
		if (s.qty && !s.item.weighed)
			qty *= s.qty;
	} else if (s.item.weighed && !s.qty && !r->original) {
		error_set(err, _("%s is sold by weight: give the weight in kg with it"), code);
		return APP_ERR;
	}
	if (!r->original)
		return app_return_pick_free(a, r, &s, qty, err);
	int64_t left = 0;
	int found = 0;
	for (size_t i = 0; i < r->n; i++)
		if (r->lines[i].product_id == s.item.product_id) {
			found = 1;
			left += r->lines[i].sold.qty - r->lines[i].taken - r->lines[i].qty;
		}
	if (!found) {
		error_set(err, _("%s is not on ticket %lld"), code, (long long)r->original);
		return APP_ERR;
	}
	/* A weighed product scanned without a weight returns what is left. */
	if (s.item.weighed && !s.qty && !qty_text)
		qty = left;
	if (qty > left || left <= 0) {
		char l[32];
		quantity_format(l, sizeof l, left, s.item.weighed ? 3 : 0, ".");
		error_set(err, _("%s: only %s left to return on ticket %lld"), code, l,
		          (long long)r->original);
		return APP_ERR;
	}
	for (size_t i = 0; i < r->n && qty > 0; i++) {
		struct app_return_line *l = &r->lines[i];
		if (l->product_id != s.item.product_id)
			continue;
		int64_t room = l->sold.qty - l->taken - l->qty;
		int64_t q = qty < room ? qty : room;
		l->qty += q;
		qty -= q;
	}
	return app_return_update(r, err);
}

int app_return_set_qty(struct app *a, struct app_return *r, size_t line, const char *qty_text,
                       char **err)
{
	(void)a;
	if (line >= r->n) {
		error_set(err, "%s", app_core_strerror(CART_BAD_LINE));
		return APP_ERR;
	}
	struct app_return_line *l = &r->lines[line];
	int64_t qty = 0;
	if (strcmp(qty_text, "0") != 0 && app_parse_qty(qty_text, l->weighed, &qty, err) != APP_OK)
		return APP_ERR;
	int64_t old = l->qty;
	l->qty = qty;
	if (r->original && qty > l->sold.qty - l->taken) {
		l->qty = old;
		char left[32];
		quantity_format(left, sizeof left, l->sold.qty - l->taken, l->weighed ? 3 : 0, ".");
		error_set(err, _("%s: only %s left to return"), l->sku, left);
		return APP_ERR;
	}
	if (!r->original && qty == 0) {
		memmove(l, l + 1, (r->n - line - 1) * sizeof *l);
		r->n--;
	} else if (!r->original) {
		/* Without a ticket the line is what is returned: price it anew. */
		struct refund_sold s = l->sold;
		money_t unit = s.unit_price;
		struct cart c;
		cart_init(&c, r->inclusive);
		struct cart_item it;
		memset(&it, 0, sizeof it);
		it.product_id = l->product_id;
		it.unit_price = unit;
		it.tax_rate = s.tax_rate;
		it.weighed = l->weighed;
		int rc = cart_add(&c, &it, qty, 0);
		if (rc < 0) {
			cart_release(&c);
			l->qty = old;
			error_set(err, "%s", app_core_strerror(rc));
			return APP_ERR;
		}
		l->sold.qty = qty;
		l->sold.amount = c.lines[0].amount;
		l->sold.discount = c.lines[0].discount;
		l->sold.net = c.lines[0].net;
		l->sold.tax = c.lines[0].tax;
		l->sold.gross = c.lines[0].gross;
		cart_release(&c);
	}
	return app_return_update(r, err);
}
