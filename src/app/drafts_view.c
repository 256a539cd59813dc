/* A draft as the desk sees it: priced as it stands for its customer
 * today, each line with its share of the ticket line it went to; and the
 * list of open drafts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "drafts-internal.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

int app_draft_get(struct app *a, int64_t number, struct app_draft *out, char **err)
{
	memset(out, 0, sizeof *out);
	struct db_draft d;
	struct db_desk_customer cu;
	int rc = db_draft_find(a->db, number, &d);
	if (rc == DB_NOTFOUND) {
		error_set(err, _("no draft %lld"), (long long)number);
		return APP_NOTFOUND;
	}
	if (rc != DB_OK || db_desk_customer_by_id(a->db, d.customer_id, &cu) != DB_OK) {
		error_set(err, _("cannot read the draft: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	out->number = d.number;
	strlcpy_safe(out->customer, cu.code, sizeof out->customer);
	strlcpy_safe(out->status, d.status, sizeof out->status);
	strlcpy_safe(out->shipping, d.shipping, sizeof out->shipping);
	if (d.order_id) {
		struct db_doc o;
		if (db_doc_get(a->db, d.order_id, &o) == DB_OK)
			out->order = o.number;
	}
	if (d.ship_to_id) {
		char name[161], addr[256];
		db_ship_to_row(a->db, d.ship_to_id, &out->ship_to, name, sizeof name, addr, sizeof addr);
	}
	struct draft_items x;
	draft_items_init(&x);
	if ((rc = draft_items_read(a, d.id, &x, err)) != APP_OK) {
		draft_items_release(&x);
		return rc;
	}
	/* The ticket may merge a product's lines: each draft line keeps the
	 * ticket line it went to and the quantity it added there. */
	struct app_ticket t;
	app_ticket_init(a, &t);
	rc = app_ticket_set_customer(a, &t, cu.code, err);
	int *at = xcalloc(x.n + 1, sizeof *at);
	int64_t *part = xcalloc(x.n + 1, sizeof *part);
	int64_t *had = xcalloc(1, sizeof *had);
	for (size_t i = 0; rc == APP_OK && i < x.n; i++) {
		size_t before = t.cart.n;
		had = xrealloc(had, (before + 1) * sizeof *had);
		for (size_t k = 0; k < before; k++)
			had[k] = t.cart.lines[k].qty;
		int line = app_ticket_add(a, &t, x.it[i].code, x.it[i].qty, err);
		if (line < 0) {
			rc = line;
			break;
		}
		at[i] = line;
		part[i] = t.cart.lines[line].qty - ((size_t)line < before ? had[line] : 0);
	}
	int idx = -1;
	if (rc == APP_OK && d.shipping[0])
		rc = doc_shipping_charge(a, d.shipping, d.charge, &t.cart, &idx, err);
	if (rc == APP_OK) {
		had = xrealloc(had, (t.cart.n + 1) * sizeof *had);
		memset(had, 0, (t.cart.n + 1) * sizeof *had);
		out->lines = xcalloc(x.n + 1, sizeof *out->lines);
		for (size_t i = 0; i < x.n; i++) {
			struct app_draft_line *o = &out->lines[i];
			const struct cart_line *l = &t.cart.lines[at[i]];
			o->line_no = x.no[i];
			strlcpy_safe(o->code, x.code[i], sizeof o->code);
			strlcpy_safe(o->qty, x.qty[i], sizeof o->qty);
			strlcpy_safe(o->sku, l->item.sku, sizeof o->sku);
			strlcpy_safe(o->name, l->item.name, sizeof o->name);
			o->qty_base = part[i];
			o->weighed = l->item.weighed;
			o->unit_price = l->item.unit_price;
			/* Its share of the ticket line, cumulated so that the shares
			 * of a line add up to it to the cent. */
			int64_t q0 = had[at[i]], q1 = q0 + part[i];
			money_t g0 = l->qty ? (money_t)((__int128)l->gross * q0 / l->qty) : 0;
			money_t g1 = l->qty ? (money_t)((__int128)l->gross * q1 / l->qty) : 0;
			had[at[i]] = q1;
			o->gross = g1 - g0;
			out->n++;
		}
		out->charge = idx >= 0 ? t.cart.lines[idx].gross : 0;
		out->net = t.cart.total_net;
		out->tax = t.cart.total_tax;
		out->total = t.cart.total_gross;
	}
	free(at);
	free(part);
	free(had);
	app_ticket_release(&t);
	draft_items_release(&x);
	if (rc != APP_OK)
		app_draft_release(out);
	return rc;
}

void app_draft_release(struct app_draft *d)
{
	free(d->lines);
	d->lines = NULL;
	d->n = 0;
}

struct drafts_acc {
	struct app *a;
	struct app_draft_head *v;
	size_t n;
};

static int drafts_one(const struct db_draft *d, int nlines, void *arg)
{
	struct drafts_acc *acc = arg;
	acc->v = xrealloc(acc->v, (acc->n + 1) * sizeof *acc->v);
	struct app_draft_head *h = &acc->v[acc->n++];
	memset(h, 0, sizeof *h);
	h->number = d->number;
	h->nlines = nlines;
	strlcpy_safe(h->user, d->user, sizeof h->user);
	h->created_at = d->created_at;
	struct db_desk_customer c;
	if (db_desk_customer_by_id(acc->a->db, d->customer_id, &c) == DB_OK)
		strlcpy_safe(h->customer, c.code, sizeof h->customer);
	return 0;
}

int app_drafts_open(struct app *a, const char *customer, struct app_draft_head **out,
                    size_t *n, char **err)
{
	*out = NULL;
	*n = 0;
	struct db_desk_customer cu;
	memset(&cu, 0, sizeof cu);
	int rc = customer ? doc_customer(a, customer, &cu, err) : APP_OK;
	if (rc != APP_OK)
		return rc;
	struct drafts_acc acc = { a, NULL, 0 };
	if (db_drafts_open(a->db, cu.id, drafts_one, &acc) != DB_OK) {
		free(acc.v);
		error_set(err, _("cannot read the drafts: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	*out = acc.v;
	*n = acc.n;
	return APP_OK;
}
