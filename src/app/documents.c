/* Quotes and orders: lines priced by the counter's ticket for the customer,
 * written with a gapless number in one BEGIN IMMEDIATE transaction; an
 * order is credit-checked and reserves its stock. Also the helpers the
 * desk's other files share (documents-internal.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "documents-internal.h"
#include "auth.h"
#include "fiscal.h"
#include "ticket.h"
#include "../core/terms.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

#define QUOTE_VALID_DAYS 30

int32_t app_desk_today(void)
{
	/* For tests only: a fixed "today" for due dates, ageing and validity. */
	const char *t = getenv("COMPTOIR_TODAY");
	int y, m, d;
	if (t && sscanf(t, "%4d-%2d-%2d", &y, &m, &d) == 3) {
		int32_t day = y * 10000 + m * 100 + d;
		if (terms_day_valid(day))
			return day;
	}
	return app_today(0);
}

int32_t doc_fiscal_year(struct app *a, int32_t day)
{
	return terms_fiscal_year(day, a->shop.country == APP_COUNTRY_IN ? 4 : 1);
}

void doc_number_text(const struct db_doc *d, char *out, size_t size)
{
	if (d->year)
		snprintf(out, size, "%d-%lld", (int)d->year, (long long)d->number);
	else
		snprintf(out, size, "%lld", (long long)d->number);
}

int doc_find(struct app *a, const char *kind, const char *number, struct db_doc *out,
             char **err)
{
	int per_year = strcmp(kind, "invoice") == 0 || strcmp(kind, "credit") == 0;
	long long y = 0, n = 0;
	char tail;
	int rc = DB_NOTFOUND;
	if (per_year && sscanf(number, "%lld-%lld%c", &y, &n, &tail) == 2 && y > 0 && n > 0) {
		rc = db_doc_find(a->db, kind, (int32_t)y, n, out);
	} else if (sscanf(number, "%lld%c", &n, &tail) == 1 && n > 0) {
		int32_t year = 0;
		if (!per_year || db_doc_latest_year(a->db, kind, n, &year) == DB_OK)
			rc = db_doc_find(a->db, kind, year, n, out);
	}
	if (rc == DB_OK)
		return APP_OK;
	if (rc == DB_NOTFOUND) {
		error_set(err, _("no %s %s"), kind, number);
		return APP_NOTFOUND;
	}
	error_set(err, _("cannot read the documents: %s"), db_errmsg(a->db));
	return APP_IO;
}

int doc_customer(struct app *a, const char *code, struct db_desk_customer *out, char **err)
{
	int rc = code ? db_desk_customer(a->db, code, out) : DB_NOTFOUND;
	if (rc == DB_OK)
		return APP_OK;
	if (rc == DB_NOTFOUND) {
		error_set(err, _("unknown customer %s"), code ? code : "");
		return APP_NOTFOUND;
	}
	error_set(err, _("cannot read the customer: %s"), db_errmsg(a->db));
	return APP_IO;
}

void doc_line_from_cart(struct db_doc_line *dl, const struct cart_line *l, int line_no,
                        int source_line)
{
	memset(dl, 0, sizeof *dl);
	dl->line_no = line_no;
	dl->source_line = source_line;
	dl->product_id = l->item.product_id;
	strlcpy_safe(dl->sku, l->item.sku, sizeof dl->sku);
	strlcpy_safe(dl->name, l->item.name, sizeof dl->name);
	dl->qty = l->qty;
	dl->unit_price = l->item.unit_price;
	dl->discount_pct = l->discount_pct;
	dl->amount = l->amount;
	dl->discount = l->discount;
	dl->tax_rate = l->item.tax_rate;
	dl->net = l->net;
	dl->tax = l->tax;
	dl->gross = l->gross;
	static const char *const src[] = { "", "contract", "list", "derived", "catalogue",
		                           "promotion", "override" };
	int s = l->item.price_source;
	strlcpy_safe(dl->price_source, s > 0 && s < 7 ? src[s] : "document",
	             sizeof dl->price_source);
}

int doc_line_gst(struct app *a, struct db_doc_line *dl, const char *buyer_state, char **err)
{
	return app_gst_parts(a, dl->tax, dl->sku, buyer_state, &dl->cgst, &dl->sgst, &dl->igst, err);
}

void doc_start(struct app *a, struct db_doc *d, const char *kind, const struct db_desk_customer *c)
{
	memset(d, 0, sizeof *d);
	strlcpy_safe(d->kind, kind, sizeof d->kind);
	d->customer_id = c->id;
	d->day = app_desk_today();
	strlcpy_safe(d->terms, c->terms, sizeof d->terms);
	strlcpy_safe(d->status, "open", sizeof d->status);
	strlcpy_safe(d->user, app_user_name(a), sizeof d->user);
	d->created_at = (int64_t)time(NULL);
}

int doc_write(struct app *a, struct db_doc *d, const struct cart *c, const int *source_lines,
              const char *buyer_state, char **err)
{
	int per_year = strcmp(d->kind, "invoice") == 0 || strcmp(d->kind, "credit") == 0;
	d->year = per_year ? doc_fiscal_year(a, d->day) : 0;
	d->prices_include_tax = c->inclusive;
	d->net = c->total_net;
	d->tax = c->total_tax;
	d->total = c->total_gross;
	/* Invoices and credit notes are written as drafts and posted once
	 * their lines are in (the schema refuses lines on a posted one). */
	char status[16];
	strlcpy_safe(status, d->status, sizeof status);
	if (per_year)
		strlcpy_safe(d->status, "draft", sizeof d->status);
	if (db_doc_next_number(a->db, d->kind, d->year, &d->number, err) != DB_OK ||
	    db_doc_insert(a->db, d, err) != DB_OK)
		return APP_IO;
	int no = 0;
	for (size_t i = 0; i < c->n; i++) {
		if (c->lines[i].voided)
			continue;
		struct db_doc_line dl;
		doc_line_from_cart(&dl, &c->lines[i], ++no, source_lines ? source_lines[i] : 0);
		if (doc_line_gst(a, &dl, buyer_state, err) != APP_OK)
			return APP_ERR;
		if (db_doc_line_insert(a->db, d->id, &dl, err) != DB_OK)
			return APP_IO;
	}
	if (per_year) {
		strlcpy_safe(d->status, status, sizeof d->status);
		if (db_doc_set_status(a->db, d->id, d->status, err) != DB_OK)
			return APP_IO;
	}
	return APP_OK;
}

int doc_cart_add(struct cart *c, const struct db_doc_line *l, int64_t qty, char **err)
{
	struct cart_item it;
	memset(&it, 0, sizeof it);
	it.product_id = l->product_id;
	strlcpy_safe(it.sku, l->sku, sizeof it.sku);
	strlcpy_safe(it.name, l->name, sizeof it.name);
	it.unit_price = l->unit_price;
	it.tax_rate = l->tax_rate;
	it.product_rate = l->tax_rate;
	it.catalogue_price = l->unit_price;
	it.weighed = l->weighed;
	it.price_fixed = 1;
	int rc = cart_add(c, &it, qty, 0);
	if (rc >= 0 && l->discount_pct)
		rc = cart_set_line_discount(c, (size_t)rc, l->discount_pct) == 0 ? rc : CART_BAD_DISCOUNT;
	if (rc < 0) {
		error_set(err, "%s: %s", l->sku, app_core_strerror(rc));
		return APP_ERR;
	}
	return APP_OK;
}

struct doc_journal_ctx {
	struct jbuf *pl;
	int bad;
};

static int doc_journal_line(const struct db_doc_line *l, void *arg)
{
	struct doc_journal_ctx *j = arg;
	j->bad |= journal_field(j->pl, "line", "siiiii", l->sku, l->qty, l->unit_price,
	                        l->net, l->tax, l->gross);
	return 0;
}

int doc_journal_payload(struct app *a, const struct db_doc *d, const char *code,
                        struct jbuf *pl)
{
	struct doc_journal_ctx j = { pl, 0 };
	j.bad = journal_field(pl, d->kind, "iisiiiii", (int64_t)d->year, d->number, code,
	                      (int64_t)d->day, (int64_t)d->due, d->net, d->tax, d->total);
	if (db_doc_lines(a->db, d->id, doc_journal_line, &j) != DB_OK)
		j.bad = 1;
	return j.bad ? -1 : 0;
}

int doc_journal(struct app *a, const struct db_doc *d, const char *code, char **err)
{
	struct jbuf pl;
	jbuf_init(&pl);
	int bad = doc_journal_payload(a, d, code, &pl);
	/* Amount 0: an invoice is not a sale of the till, so the till's grand
	 * totals stay the counter's; the record is still chained and verified. */
	int rc = bad ? APP_IO
	             : app_journal_append(a, strcmp(d->kind, "invoice") == 0 ? DOC_JOURNAL_INVOICE
	                                                                     : DOC_JOURNAL_CREDIT,
	                                  d->number, 0, 0, pl.p, 0, err);
	jbuf_release(&pl);
	return rc;
}

/* Prices the items for the customer as the counter would. */
static int doc_price(struct app *a, struct app_ticket *t, const char *customer,
                     const struct app_doc_item *items, size_t n, char **err)
{
	app_ticket_init(a, t);
	if (n == 0) {
		error_set(err, _("a document needs at least one item"));
		return APP_ERR;
	}
	int rc = app_ticket_set_customer(a, t, customer, err);
	for (size_t i = 0; i < n && rc >= 0; i++)
		rc = app_ticket_add(a, t, items[i].code, items[i].qty, err);
	if (rc >= 0)
		rc = app_ticket_check(a, t, err);
	return rc < 0 ? rc : APP_OK;
}

int doc_shortage(struct app *a, const struct cart *c, int skip, char *shortage, size_t size,
                 char **err)
{
	for (size_t i = 0; i < c->n; i++) {
		const struct cart_line *l = &c->lines[i];
		if (l->voided || (int)i == skip)
			continue;
		int64_t on = 0, reserved = 0;
		if (db_stock_on_hand(a->db, l->item.product_id, 0, &on) != DB_OK ||
		    db_reserved_get(a->db, l->item.product_id, &reserved) != DB_OK) {
			error_set(err, _("cannot read the stock: %s"), db_errmsg(a->db));
			return APP_IO;
		}
		int64_t free_qty = on - reserved, want = l->qty;
		for (size_t j = 0; j < i; j++)
			if (!c->lines[j].voided && (int)j != skip &&
			    c->lines[j].item.product_id == l->item.product_id)
				free_qty -= c->lines[j].qty;
		if (free_qty < 0)
			free_qty = 0;
		if (want > free_qty)
			doc_shortage_add(shortage, size, l->item.sku, want - free_qty, free_qty,
			                 l->item.weighed);
	}
	return APP_OK;
}

int doc_reserve(struct app *a, const struct cart *c, int skip, int sign, char **err)
{
	for (size_t i = 0; i < c->n; i++)
		if (!c->lines[i].voided && (int)i != skip &&
		    db_reserved_add(a->db, c->lines[i].item.product_id, sign * c->lines[i].qty,
		                    err) != DB_OK)
			return APP_IO;
	return APP_OK;
}

/* Writes a quote or an order from a priced cart in one transaction. */
static int doc_commit(struct app *a, const char *kind, const struct db_desk_customer *cu,
                      int64_t ship_to_id, const struct db_doc *quote, const struct cart *c,
                      struct app_doc_result *res, char **err)
{
	struct db_doc d;
	doc_start(a, &d, kind, cu);
	d.ship_to_id = ship_to_id;
	if (strcmp(kind, "quote") == 0)
		d.valid_until = terms_day_add(d.day, QUOTE_VALID_DAYS);
	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	int rc = APP_OK, approved = 0;
	if (quote) {
		/* Read again inside the transaction: two desks cannot both confirm it. */
		struct db_doc now;
		if (db_doc_get(a->db, quote->id, &now) != DB_OK) {
			error_set(err, _("cannot read the quote: %s"), db_errmsg(a->db));
			rc = APP_IO;
		} else if (strcmp(now.status, "open") != 0) {
			error_set(err, _("quote %lld is already %s"), (long long)now.number, now.status);
			rc = APP_ERR;
		}
	}
	if (rc == APP_OK && strcmp(kind, "order") == 0) {
		rc = app_credit_allow(a, cu->id, c->total_gross, &approved, err);
		if (approved)
			strlcpy_safe(d.approver, app_approver(a), sizeof d.approver);
	}
	if (rc == APP_OK)
		rc = doc_write(a, &d, c, NULL, cu->state, err);
	if (rc == APP_OK && strcmp(kind, "order") == 0)
		rc = doc_shortage(a, c, -1, res->shortage, sizeof res->shortage, err);
	if (rc == APP_OK && strcmp(kind, "order") == 0)
		rc = doc_reserve(a, c, -1, 1, err);
	if (rc == APP_OK && quote) {
		if (db_doc_link(a->db, quote->id, d.id, err) != DB_OK ||
		    db_doc_set_status(a->db, quote->id, "ordered", err) != DB_OK)
			rc = APP_IO;
	}
	if (rc == APP_OK && db_commit(a->db, err) != DB_OK)
		rc = APP_IO;
	if (rc != APP_OK) {
		db_rollback(a->db);
		app_require_done(a);
		return rc;
	}
	app_require_done(a);
	doc_number_text(&d, res->number, sizeof res->number);
	res->total = d.total;
	return APP_OK;
}

static int doc_new(struct app *a, const char *kind, const char *customer, int ship_to,
                   const struct app_doc_item *items, size_t n, struct app_doc_result *res,
                   char **err)
{
	memset(res, 0, sizeof *res);
	struct db_desk_customer cu;
	int rc = doc_customer(a, customer, &cu, err);
	if (rc != APP_OK)
		return rc;
	int64_t ship_id = 0;
	if (ship_to > 0 && db_ship_to_get(a->db, cu.id, ship_to, &ship_id, NULL, 0) != DB_OK) {
		error_set(err, _("%s has no ship-to address %d"), cu.code, ship_to);
		return APP_NOTFOUND;
	}
	struct app_ticket t;
	rc = doc_price(a, &t, customer, items, n, err);
	if (rc == APP_OK)
		rc = doc_commit(a, kind, &cu, ship_id, NULL, &t.cart, res, err);
	app_ticket_release(&t);
	return rc;
}

int app_quote_new(struct app *a, const char *customer, const struct app_doc_item *items,
                  size_t n, struct app_doc_result *res, char **err)
{
	return doc_new(a, "quote", customer, 0, items, n, res, err);
}

int app_order_new(struct app *a, const char *customer, int ship_to,
                  const struct app_doc_item *items, size_t n, struct app_doc_result *res,
                  char **err)
{
	return doc_new(a, "order", customer, ship_to, items, n, res, err);
}

struct doc_cart_ctx {
	struct cart *c;
	char **err;
	int rc;
};

static int doc_quote_line(const struct db_doc_line *l, void *arg)
{
	struct doc_cart_ctx *x = arg;
	x->rc = doc_cart_add(x->c, l, l->qty, x->err);
	return x->rc != APP_OK;
}

int app_order_confirm(struct app *a, int64_t quote, struct app_doc_result *res, char **err)
{
	memset(res, 0, sizeof *res);
	char num[24];
	snprintf(num, sizeof num, "%lld", (long long)quote);
	struct db_doc q;
	int rc = doc_find(a, "quote", num, &q, err);
	if (rc != APP_OK)
		return rc;
	if (strcmp(q.status, "open") != 0) {
		error_set(err, _("quote %s is already %s"), num, q.status);
		return APP_ERR;
	}
	int32_t today = app_desk_today();
	if (q.valid_until && today > q.valid_until) {
		error_set(err, _("quote %s expired on %04d-%02d-%02d"), num, q.valid_until / 10000,
		          q.valid_until / 100 % 100, q.valid_until % 100);
		return APP_ERR;
	}
	struct db_desk_customer cu;
	if (db_desk_customer_by_id(a->db, q.customer_id, &cu) != DB_OK) {
		error_set(err, _("cannot read the customer: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	struct cart c;
	cart_init(&c, q.prices_include_tax);
	struct doc_cart_ctx x = { &c, err, APP_OK };
	if (db_doc_lines(a->db, q.id, doc_quote_line, &x) < 0 && x.rc == APP_OK) {
		error_set(err, _("cannot read the quote: %s"), db_errmsg(a->db));
		x.rc = APP_IO;
	}
	rc = x.rc == APP_OK ? doc_commit(a, "order", &cu, q.ship_to_id, &q, &c, res, err) : x.rc;
	cart_release(&c);
	return rc;
}
