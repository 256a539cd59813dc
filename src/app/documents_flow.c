/* Deliveries, invoices and credit notes: each reads what is still open on
 * the document before it inside its own transaction, writes its lines
 * against that document's lines, and links the two. Deliveries take the
 * stock out and release the order's reservation; invoices and credit notes
 * are journal records. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "documents-internal.h"
#include "shipping-internal.h"
#include "stock_ops-internal.h"
#include "../core/terms.h"
#include "purchase.h"
#include "../../db/catalog.h"
#include "../../db/stock.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

#define DOC_LINES_MAX 1000

struct doc_src {
	struct db_doc_line *l;
	int64_t open[DOC_LINES_MAX];   /* what the next step may still take */
	int64_t before[DOC_LINES_MAX]; /* what earlier documents of this step took */
	size_t n;
};

static int doc_src_line(const struct db_doc_line *l, void *arg)
{
	struct doc_src *s = arg;
	if (s->n == DOC_LINES_MAX)
		return 1;
	s->l[s->n++] = *l;
	return 0;
}

static int doc_src_read(struct app *a, int64_t id, struct doc_src *s, char **err)
{
	memset(s->open, 0, sizeof s->open);
	memset(s->before, 0, sizeof s->before);
	s->n = 0;
	s->l = xcalloc(DOC_LINES_MAX, sizeof *s->l);
	if (db_doc_lines(a->db, id, doc_src_line, s) != DB_OK) {
		error_set(err, _("cannot read the document's lines: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	return APP_OK;
}

/* Takes the quantities asked for (or everything open when n is 0) out of
 * s->open into take[]; an item past what is open is refused. */
static int doc_take(struct app *a, struct doc_src *s, const struct app_doc_item *items, size_t n,
                    int64_t *take, const char *what, char **err)
{
	for (size_t i = 0; i < s->n; i++)
		take[i] = n == 0 ? s->open[i] : 0;
	for (size_t k = 0; k < n; k++) {
		struct app_scan scan;
		int rc = app_lookup(a, items[k].code, &scan, err);
		if (rc != APP_OK)
			return rc;
		int64_t pack = scan.qty > 0 ? scan.qty : 1, qty = pack;
		if (items[k].qty) {
			if (app_parse_qty(items[k].qty, scan.item.weighed, &qty, err) != APP_OK)
				return APP_ERR;
			/* "2" of a case barcode is two cases, as at the counter. */
			if (!scan.item.weighed)
				qty *= pack;
		}
		int64_t want = qty;
		for (size_t i = 0; i < s->n && want > 0; i++) {
			if (s->l[i].product_id != scan.item.product_id)
				continue;
			int64_t t = s->open[i] - take[i] < want ? s->open[i] - take[i] : want;
			take[i] += t;
			want -= t;
		}
		if (want > 0) {
			error_set(err, _("%s: %lld asked, only %lld left %s"), items[k].code,
			          (long long)qty, (long long)(qty - want), what);
			return APP_ERR;
		}
	}
	for (size_t i = 0; i < s->n; i++)
		if (take[i] > 0)
			return APP_OK;
	error_set(err, _("nothing left %s"), what);
	return APP_ERR;
}

/* The part of a source line's money that quantities up to q carry. */
static money_t doc_share(money_t x, int64_t q, int64_t qty)
{
	money_t out = 0;
	if (q >= qty || money_muldiv(x, q, qty, &out) != 0)
		return x;
	return out;
}

/* A cart of the taken quantities at the source's prices; src_lines[i] is
 * the source line of cart line i. Each line's money is the source line's
 * share of what was taken up to now less its share of what earlier
 * documents took (amounts, discount, net and tax), not a new rounding of
 * the part: the invoices of one order then add up to the order exactly,
 * the last one taking the remainder, and the same for deliveries and the
 * credit notes of an invoice. */
static int doc_take_cart(struct doc_src *s, const int64_t *take, int inclusive, struct cart *c,
                         int *src_lines, char **err)
{
	cart_init(c, inclusive);
	size_t idx[DOC_LINES_MAX];
	for (size_t i = 0; i < s->n; i++) {
		if (take[i] <= 0)
			continue;
		idx[c->n] = i;
		src_lines[c->n] = s->l[i].line_no;
		if (doc_cart_add(c, &s->l[i], take[i], err) != APP_OK)
			return APP_ERR;
	}
	c->total_net = c->total_tax = c->total_gross = c->total_discount = 0;
	for (size_t k = 0; k < c->n; k++) {
		const struct db_doc_line *l = &s->l[idx[k]];
		struct cart_line *cl = &c->lines[k];
		int64_t from = s->before[idx[k]], to = from + take[idx[k]];
		cl->amount = doc_share(l->amount, to, l->qty) - doc_share(l->amount, from, l->qty);
		cl->discount = doc_share(l->discount, to, l->qty) - doc_share(l->discount, from, l->qty);
		cl->net = doc_share(l->net, to, l->qty) - doc_share(l->net, from, l->qty);
		cl->tax = doc_share(l->tax, to, l->qty) - doc_share(l->tax, from, l->qty);
		cl->gross = cl->net + cl->tax;
		c->total_net += cl->net;
		c->total_tax += cl->tax;
		c->total_gross += cl->gross;
		c->total_discount += cl->discount;
	}
	return APP_OK;
}

static int doc_order(struct app *a, int64_t number, struct db_doc *o, struct db_desk_customer *cu,
                     char **err)
{
	char num[24];
	snprintf(num, sizeof num, "%lld", (long long)number);
	int rc = doc_find(a, "order", num, o, err);
	if (rc == APP_OK && db_desk_customer_by_id(a->db, o->customer_id, cu) != DB_OK) {
		error_set(err, _("cannot read the customer: %s"), db_errmsg(a->db));
		rc = APP_IO;
	}
	return rc;
}

/* The order's lines with what is open to deliver (invoice = 0) or to
 * invoice (invoice = 1). */
static int doc_order_open(struct app *a, const struct db_doc *o, struct doc_src *s, int invoice,
                          int *all_done, char **err)
{
	if (doc_src_read(a, o->id, s, err) != APP_OK)
		return APP_IO;
	*all_done = 1;
	for (size_t i = 0; i < s->n; i++) {
		int64_t del = 0, inv = 0;
		if (db_order_line_done(a->db, o->id, s->l[i].line_no, &del, &inv) != DB_OK) {
			error_set(err, _("cannot read the order: %s"), db_errmsg(a->db));
			return APP_IO;
		}
		s->open[i] = invoice ? del - inv : s->l[i].qty - del;
		s->before[i] = invoice ? inv : del;
		if (del < s->l[i].qty || inv < del)
			*all_done = 0;
	}
	return APP_OK;
}

static int doc_finish(struct app *a, int rc, struct db_doc *d, struct app_doc_result *res,
                      char **err)
{
	if (rc == APP_OK && db_commit(a->db, err) != DB_OK)
		rc = APP_IO;
	if (rc != APP_OK) {
		db_rollback(a->db);
		return rc;
	}
	doc_number_text(d, res->number, sizeof res->number);
	res->total = d->total;
	return APP_OK;
}

/* A quantity as typed: thousandths for weighed goods. */
static void doc_qty_text(char *out, size_t size, int64_t qty, int weighed)
{
	if (weighed)
		snprintf(out, size, "%s%lld.%03lld", qty < 0 ? "-" : "", (long long)(llabs(qty) / 1000),
		         (long long)(llabs(qty) % 1000));
	else
		snprintf(out, size, "%lld", (long long)qty);
}

void doc_shortage_add(char *out, size_t size, const char *sku, int64_t short_qty,
                      int64_t available, int weighed)
{
	char q[32], h[32];
	doc_qty_text(q, sizeof q, short_qty, weighed);
	doc_qty_text(h, sizeof h, available, weighed);
	size_t len = strlen(out);
	if (len + 1 < size)
		snprintf(out + len, size - len, "backorder %s %s (available %s)\n", sku, q, h);
}

/* Where a delivery ships from: the location named, else the setting
 * dispatch_location, else the shop's default location (where the counter
 * sells from; a warehouse business names its dispatch location). */
static int doc_dispatch_location(struct app *a, const char *code, int64_t *id, char **err)
{
	char setting[64] = "", kind[16];
	if (!code || !code[0]) {
		if (db_setting_get(a->db, "dispatch_location", setting, sizeof setting) == DB_OK &&
		    setting[0]) {
			code = setting;
		} else {
			*id = a->location_id;
			return APP_OK;
		}
	}
	int rc = db_location_get(a->db, code, id, kind, sizeof kind);
	if (rc == DB_NOTFOUND) {
		error_set(err, _("no location %s"), code);
		return APP_NOTFOUND;
	}
	if (rc != DB_OK) {
		error_set(err, _("cannot read the locations: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	return APP_OK;
}

int app_dispatch_location(struct app *a, char *code, size_t size, char **err)
{
	char setting[64] = "";
	if (db_setting_get(a->db, "dispatch_location", setting, sizeof setting) == DB_OK &&
	    setting[0]) {
		int64_t id;
		int rc = doc_dispatch_location(a, setting, &id, err);
		if (rc == APP_OK)
			strlcpy_safe(code, setting, size);
		return rc;
	}
	/* Without the setting, the shop's own stock location, where the
	 * counter sells from (a warehouse business names its dispatch). */
	if (db_location_code(a->db, a->location_id, code, size) != DB_OK) {
		error_set(err, _("cannot read the locations: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	return APP_OK;
}

/* Ships no more than the dispatch location holds: each line's take is cut
 * to what is on hand there (less what earlier lines of this delivery took
 * of the same product); the cut is named in res->shortage and stays on
 * backorder. */
static int doc_take_on_hand(struct app *a, struct doc_src *s, int64_t *take, int charge_line,
                            int64_t location, struct app_doc_result *res, char **err)
{
	int any = 0;
	for (size_t i = 0; i < s->n; i++) {
		/* The shipping charge is a service: it goes with the goods. */
		if (take[i] <= 0 || (charge_line && s->l[i].line_no == charge_line))
			continue;
		int64_t on = 0;
		if (db_stock_on_hand(a->db, s->l[i].product_id, location, &on) != DB_OK) {
			error_set(err, _("cannot read the stock: %s"), db_errmsg(a->db));
			return APP_IO;
		}
		for (size_t j = 0; j < i; j++)
			if (s->l[j].product_id == s->l[i].product_id)
				on -= take[j];
		if (on < 0)
			on = 0;
		if (take[i] > on) {
			doc_shortage_add(res->shortage, sizeof res->shortage, s->l[i].sku, take[i] - on,
			                 on, s->l[i].weighed);
			take[i] = on;
		}
		any |= take[i] > 0;
	}
	if (!any) {
		size_t n = strlen(res->shortage);
		if (n)
			res->shortage[n - 1] = '\0';
		error_set(err, _("nothing to deliver: none of it is on hand\n%s"), res->shortage);
		res->shortage[0] = '\0';
		return APP_ERR;
	}
	return APP_OK;
}

int app_deliver(struct app *a, int64_t order, const struct app_doc_item *items, size_t n,
                struct app_doc_result *res, char **err)
{
	return app_deliver_from(a, order, NULL, items, n, res, err);
}

int app_deliver_from(struct app *a, int64_t order, const char *location,
                     const struct app_doc_item *items, size_t n, struct app_doc_result *res,
                     char **err)
{
	memset(res, 0, sizeof *res);
	struct db_doc o, d;
	memset(&d, 0, sizeof d);
	struct db_desk_customer cu;
	int64_t from = 0;
	int rc = doc_dispatch_location(a, location, &from, err);
	if (rc != APP_OK)
		return rc;
	rc = doc_order(a, order, &o, &cu, err);
	if (rc != APP_OK)
		return rc;
	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	struct doc_src s;
	int64_t *take = xcalloc(DOC_LINES_MAX, sizeof *take);
	int *src = xcalloc(DOC_LINES_MAX, sizeof *src);
	int done = 0;
	struct cart c;
	cart_init(&c, o.prices_include_tax);
	rc = doc_order_open(a, &o, &s, 0, &done, err);
	if (rc == APP_OK)
		rc = doc_take(a, &s, items, n, take, _("to deliver on this order"), err);
	int charge_line = 0;
	if (rc == APP_OK)
		rc = doc_shipping_take(a, &o, s.l, s.open, take, s.n, &charge_line, err);
	if (rc == APP_OK)
		rc = doc_take_on_hand(a, &s, take, charge_line, from, res, err);
	if (rc == APP_OK) {
		cart_release(&c);
		rc = doc_take_cart(&s, take, o.prices_include_tax, &c, src, err);
	}
	if (rc == APP_OK) {
		doc_start(a, &d, "delivery", &cu);
		d.source_id = o.id;
		d.ship_to_id = o.ship_to_id;
		rc = doc_write(a, &d, &c, src, cu.state, err);
	}
	for (size_t i = 0; rc == APP_OK && i < s.n; i++) {
		if (take[i] <= 0 || s.l[i].line_no == charge_line)
			continue;
		/* Stock changes by delta, never by a value read earlier. */
		rc = app_stock_take(a, s.l[i].product_id, from, take[i], "delivery", err,
		                    "delivery %lld", (long long)d.number);
		if (rc == APP_OK && db_reserved_add(a->db, s.l[i].product_id, -take[i], err) != DB_OK)
			rc = APP_IO;
		if (s.open[i] > take[i])
			res->backorder = 1;
	}
	for (size_t i = 0; i < s.n; i++)
		if (s.open[i] > take[i])
			res->backorder = 1;
	if (rc == APP_OK &&
	    (db_doc_link(a->db, o.id, d.id, err) != DB_OK ||
	     db_doc_set_status(a->db, o.id, res->backorder ? "partial" : "delivered", err) != DB_OK))
		rc = APP_IO;
	cart_release(&c);
	free(s.l);
	free(take);
	free(src);
	return doc_finish(a, rc, &d, res, err);
}

struct doc_ids {
	int64_t id[256];
	size_t n;
};

static int doc_collect(const struct db_doc *d, void *arg)
{
	struct doc_ids *ids = arg;
	if (ids->n < 256)
		ids->id[ids->n++] = d->id;
	return 0;
}

static int doc_is_invoice(const struct db_doc *d, void *arg)
{
	(void)arg;
	return strcmp(d->kind, "invoice") == 0;
}

int app_invoice(struct app *a, int64_t order, struct app_doc_result *res, char **err)
{
	memset(res, 0, sizeof *res);
	struct db_doc o, d;
	memset(&d, 0, sizeof d);
	struct db_desk_customer cu;
	int rc = doc_order(a, order, &o, &cu, err);
	if (rc != APP_OK)
		return rc;
	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	struct doc_src s;
	int64_t *take = xcalloc(DOC_LINES_MAX, sizeof *take);
	int *src = xcalloc(DOC_LINES_MAX, sizeof *src);
	int done = 0;
	struct cart c;
	cart_init(&c, o.prices_include_tax);
	rc = doc_order_open(a, &o, &s, 1, &done, err);
	if (rc == APP_OK)
		rc = doc_take(a, &s, NULL, 0, take, _("to invoice on this order"), err);
	if (rc == APP_OK) {
		cart_release(&c);
		rc = doc_take_cart(&s, take, o.prices_include_tax, &c, src, err);
	}
	if (rc == APP_OK) {
		doc_start(a, &d, "invoice", &cu);
		struct terms t;
		if (terms_parse(cu.terms, &t) != TERMS_OK)
			terms_parse("", &t);
		strlcpy_safe(d.terms, terms_name(&t), sizeof d.terms);
		d.due = terms_due(&t, d.day);
		d.source_id = o.id;
		d.ship_to_id = o.ship_to_id;
		rc = doc_write(a, &d, &c, src, cu.state, err);
	}
	struct doc_ids dels = { .n = 0 };
	if (rc == APP_OK && (db_doc_link(a->db, o.id, d.id, err) != DB_OK ||
	                     db_doc_children(a->db, o.id, "delivery", doc_collect, &dels) != DB_OK))
		rc = APP_IO;
	for (size_t i = 0; rc == APP_OK && i < dels.n; i++) {
		int has = db_doc_linked(a->db, dels.id[i], 1, doc_is_invoice, NULL);
		if (has < 0 || (has == 0 && db_doc_link(a->db, dels.id[i], d.id, err) != DB_OK))
			rc = APP_IO;
	}
	if (rc == APP_OK) {
		int all = 1;
		for (size_t i = 0; i < s.n; i++) {
			int64_t del = 0, inv = 0;
			db_order_line_done(a->db, o.id, s.l[i].line_no, &del, &inv);
			if (del < s.l[i].qty || inv < del)
				all = 0;
		}
		if (all && db_doc_set_status(a->db, o.id, "invoiced", err) != DB_OK)
			rc = APP_IO;
	}
	if (rc == APP_OK)
		rc = doc_journal(a, &d, cu.code, err);
	/* Money paid in advance or credited meets the invoice once posted. */
	if (rc == APP_OK)
		rc = doc_settle(a, cu.id, err);
	cart_release(&c);
	free(s.l);
	free(take);
	free(src);
	return doc_finish(a, rc, &d, res, err);
}

/* India: a credit note's GST is split as its invoice's was (CGST + SGST or
 * IGST, by the buyer's state when the invoice was made, not today's): a
 * line credited in full takes back the invoice line's parts exactly; a
 * part of a line is split by gst_split_tax's rule (CGST takes the odd
 * paisa, as on tickets and invoices). */
static int doc_credit_gst(struct db_doc_line *dl, const struct doc_src *s)
{
	for (size_t i = 0; i < s->n; i++) {
		const struct db_doc_line *il = &s->l[i];
		if (il->line_no != dl->source_line)
			continue;
		if (il->cgst == 0 && il->sgst == 0 && il->igst == 0) {
			dl->cgst = dl->sgst = dl->igst = 0;
		} else if (dl->tax == il->tax) {
			dl->cgst = il->cgst;
			dl->sgst = il->sgst;
			dl->igst = il->igst;
		} else if (il->igst != 0) {
			dl->cgst = dl->sgst = 0;
			dl->igst = dl->tax;
		} else {
			dl->cgst = (dl->tax + (dl->tax < 0 ? -1 : 1)) / 2;
			dl->sgst = dl->tax - dl->cgst;
			dl->igst = 0;
		}
		return 0;
	}
	return -1;
}

/* doc_write for a credit note: its lines' GST from the invoice's lines. */
static int doc_write_credit(struct app *a, struct db_doc *d, const struct cart *c,
                            const int *source_lines, const struct doc_src *s, char **err)
{
	d->year = doc_fiscal_year(a, d->day);
	d->prices_include_tax = c->inclusive;
	d->net = c->total_net;
	d->tax = c->total_tax;
	d->total = c->total_gross;
	char status[16];
	strlcpy_safe(status, d->status, sizeof status);
	strlcpy_safe(d->status, "draft", sizeof d->status);
	if (db_doc_next_number(a->db, d->kind, d->year, &d->number, err) != DB_OK ||
	    db_doc_insert(a->db, d, err) != DB_OK)
		return APP_IO;
	int no = 0;
	for (size_t i = 0; i < c->n; i++) {
		if (c->lines[i].voided)
			continue;
		struct db_doc_line dl;
		doc_line_from_cart(&dl, &c->lines[i], ++no, source_lines[i]);
		if (doc_credit_gst(&dl, s) != 0) {
			error_set(err, _("%s: not on the invoice"), dl.sku);
			return APP_ERR;
		}
		if (db_doc_line_insert(a->db, d->id, &dl, err) != DB_OK)
			return APP_IO;
	}
	strlcpy_safe(d->status, status, sizeof d->status);
	return db_doc_set_status(a->db, d->id, d->status, err) == DB_OK ? APP_OK : APP_IO;
}

int app_credit_note(struct app *a, const char *invoice, const struct app_doc_item *items,
                    size_t n, int restock, struct app_doc_result *res, char **err)
{
	memset(res, 0, sizeof *res);
	struct db_doc inv, d;
	memset(&d, 0, sizeof d);
	struct db_desk_customer cu;
	int rc = doc_find(a, "invoice", invoice, &inv, err);
	if (rc != APP_OK)
		return rc;
	if (db_desk_customer_by_id(a->db, inv.customer_id, &cu) != DB_OK) {
		error_set(err, _("cannot read the customer: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	struct doc_src s;
	int64_t *take = xcalloc(DOC_LINES_MAX, sizeof *take);
	int *src = xcalloc(DOC_LINES_MAX, sizeof *src);
	struct cart c;
	cart_init(&c, inv.prices_include_tax);
	rc = doc_src_read(a, inv.id, &s, err);
	for (size_t i = 0; rc == APP_OK && i < s.n; i++) {
		int64_t cred = 0;
		if (db_invoice_line_credited(a->db, inv.id, s.l[i].line_no, &cred) != DB_OK)
			rc = APP_IO;
		s.open[i] = s.l[i].qty - cred;
		s.before[i] = cred;
	}
	if (rc == APP_OK)
		rc = doc_take(a, &s, items, n, take, _("to credit on this invoice"), err);
	if (rc == APP_OK) {
		cart_release(&c);
		rc = doc_take_cart(&s, take, inv.prices_include_tax, &c, src, err);
	}
	if (rc == APP_OK) {
		doc_start(a, &d, "credit", &cu);
		d.source_id = inv.id;
		rc = doc_write_credit(a, &d, &c, src, &s, err);
	}
	int64_t open = 0;
	if (rc == APP_OK && (db_doc_link(a->db, inv.id, d.id, err) != DB_OK ||
	                     db_invoice_open(a->db, inv.id, &open) != DB_OK))
		rc = APP_IO;
	/* What is open on the invoice is settled by the credit note; the rest
	 * stays in the customer's favour. */
	int64_t alloc = open < d.total ? open : d.total;
	if (rc == APP_OK && alloc > 0 &&
	    db_allocation_insert(a->db, inv.id, 0, d.id, alloc, err) != DB_OK)
		rc = APP_IO;
	int charge_line = doc_shipping_charge_line(a, inv.source_id);
	char ref[48];
	snprintf(ref, sizeof ref, "credit %d-%lld", (int)d.year, (long long)d.number);
	/* Goods delivered from lots go back into those lots. */
	for (size_t i = 0; rc == APP_OK && restock && i < s.n; i++)
		if (take[i] > 0 && s.l[i].source_line != charge_line)
			rc = app_stock_return_lots(a, s.l[i].product_id, a->location_id, take[i],
			                           APP_STOCK_FROM_INVOICE, inv.id, "credit", ref, err);
	if (rc == APP_OK)
		rc = doc_journal(a, &d, cu.code, err);
	/* The rest of the credit note meets the customer's other open items. */
	if (rc == APP_OK)
		rc = doc_settle(a, cu.id, err);
	cart_release(&c);
	free(s.l);
	free(take);
	free(src);
	return doc_finish(a, rc, &d, res, err);
}
