/* What customers owe and pay: payments allocated to invoices (one or the
 * oldest open first), money in the customer's favour settled against
 * later invoices, balances with ageing, and the desk's customer settings.
 * A counter ticket paid on account is an open item like an invoice: it is
 * read from the posted ticket (its local day; due by the customer's terms)
 * and payments and credit notes reach it through ticket_allocations, so
 * the counter writes nothing more than its ticket and the desk's
 * allocations, ageing and credit check see both kinds alike. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "documents-internal.h"
#include "auth.h"
#include "fiscal.h"
#include "../core/terms.h"
#include "../core/text.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"

static const char *const pay_methods[] = { "cash", "card", "transfer", "cheque", "upi", NULL };

struct pay_ctx {
	struct app *a;
	int64_t payment_id;
	money_t left;
	struct jbuf *pl;
	char **err;
	int rc;
};

static int pay_allocate(const struct db_open_invoice *o, void *arg)
{
	struct pay_ctx *p = arg;
	money_t x = o->open < p->left ? o->open : p->left;
	if (x <= 0)
		return 1;
	int bad = o->ticket
	          ? db_ticket_allocation_insert(p->a->db, o->id, p->payment_id, 0, x, p->err) != DB_OK ||
	            journal_field(p->pl, "alloc_ticket", "ii", o->number, x)
	          : db_allocation_insert(p->a->db, o->id, p->payment_id, 0, x, p->err) != DB_OK ||
	            journal_field(p->pl, "alloc", "iii", (int64_t)o->year, o->number, x);
	if (bad) {
		p->rc = APP_IO;
		return 1;
	}
	p->left -= x;
	return p->left <= 0;
}

/* Settling: money in the customer's favour (payments and credit notes not
 * wholly allocated) is set against the open items (invoices and on-account
 * tickets), the oldest money against the oldest item first. Run inside the
 * transaction of every invoice, credit note and payment, so money paid in
 * advance or credited meets the invoices posted later. */
#define SETTLE_MAX 256

struct settle_items {
	struct db_open_invoice it[SETTLE_MAX];
	size_t n;
};

static int settle_item(const struct db_open_invoice *o, void *arg)
{
	struct settle_items *s = arg;
	if (s->n == SETTLE_MAX)
		return 1;
	s->it[s->n++] = *o;
	return 0;
}

struct settle_ctx {
	struct app *a;
	struct settle_items *items;
	size_t next;
	char **err;
	int rc;
};

static int settle_source(const struct db_credit_source *c, void *arg)
{
	struct settle_ctx *x = arg;
	money_t left = c->left;
	while (left > 0 && x->next < x->items->n) {
		struct db_open_invoice *o = &x->items->it[x->next];
		money_t take = o->open < left ? o->open : left;
		int rc = o->ticket ? db_ticket_allocation_insert(x->a->db, o->id, c->payment_id,
		                                                 c->credit_id, take, x->err)
		                   : db_allocation_insert(x->a->db, o->id, c->payment_id, c->credit_id,
		                                          take, x->err);
		if (rc != DB_OK) {
			x->rc = APP_IO;
			return 1;
		}
		o->open -= take;
		left -= take;
		if (o->open <= 0)
			x->next++;
	}
	return x->next >= x->items->n;
}

int doc_settle(struct app *a, int64_t customer_id, char **err)
{
	struct settle_items *items = xcalloc(1, sizeof *items);
	struct settle_ctx x = { a, items, 0, err, APP_OK };
	int rc = db_open_invoices(a->db, customer_id, settle_item, items);
	if (rc >= 0 && items->n > 0)
		rc = db_customer_sources(a->db, customer_id, settle_source, &x);
	free(items);
	if (x.rc != APP_OK)
		return x.rc;
	if (rc < 0) {
		error_set(err, _("cannot read the customer's account: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	return APP_OK;
}

int app_pay(struct app *a, const char *customer, money_t amount, const char *invoice,
            const char *method, struct app_pay_result *res, char **err)
{
	memset(res, 0, sizeof *res);
	if (!method)
		method = "transfer";
	int known = 0;
	for (const char *const *m = pay_methods; *m; m++)
		known |= strcmp(*m, method) == 0;
	if (!known) {
		error_set(err, _("unknown payment method '%s' (cash, card, transfer, cheque, upi)"),
		          method);
		return APP_ERR;
	}
	if (amount <= 0) {
		error_set(err, _("a payment must be more than zero"));
		return APP_ERR;
	}
	struct db_desk_customer cu;
	int rc = doc_customer(a, customer, &cu, err);
	if (rc != APP_OK)
		return rc;
	struct db_doc inv;
	if (invoice && (rc = doc_find(a, "invoice", invoice, &inv, err)) != APP_OK)
		return rc;
	if (invoice && inv.customer_id != cu.id) {
		error_set(err, _("invoice %s is not %s's"), invoice, cu.code);
		return APP_ERR;
	}
	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	struct db_cpayment p;
	memset(&p, 0, sizeof p);
	p.customer_id = cu.id;
	p.day = app_desk_today();
	strlcpy_safe(p.method, method, sizeof p.method);
	p.amount = amount;
	strlcpy_safe(p.user, app_user_name(a), sizeof p.user);
	p.created_at = (int64_t)time(NULL);
	struct jbuf pl;
	jbuf_init(&pl);
	struct pay_ctx x = { a, 0, amount, &pl, err, APP_OK };
	/* Older money first: what was already in the customer's favour. A
	 * payment for a named invoice goes to it alone; its rest, like older
	 * money, meets the next invoice, credit note or payment. */
	x.rc = invoice ? APP_OK : doc_settle(a, cu.id, err);
	if (x.rc == APP_OK && (db_doc_next_number(a->db, "payment", 0, &p.number, err) != DB_OK ||
	    db_cpayment_insert(a->db, &p, err) != DB_OK ||
	    journal_field(&pl, "payment", "isiis", p.number, cu.code, (int64_t)p.day, amount, method)))
		x.rc = APP_IO;
	x.payment_id = p.id;
	if (x.rc == APP_OK && invoice) {
		struct db_open_invoice o = { .id = inv.id, .year = inv.year, .number = inv.number };
		if (db_invoice_open(a->db, inv.id, &o.open) != DB_OK)
			x.rc = APP_IO;
		else if (o.open <= 0) {
			error_set(err, _("invoice %s is paid already"), invoice);
			x.rc = APP_ERR;
		} else
			pay_allocate(&o, &x);
	} else if (x.rc == APP_OK && db_open_invoices(a->db, cu.id, pay_allocate, &x) < 0) {
		x.rc = APP_IO;
	}
	if (x.rc == APP_OK && x.left > 0 && journal_field(&pl, "unallocated", "i", x.left))
		x.rc = APP_IO;
	/* Amount 0: money received at the desk is not the till's takings. */
	if (x.rc == APP_OK)
		x.rc = app_journal_append(a, DOC_JOURNAL_PAYMENT, p.number, 0, 0, pl.p, 0, err);
	jbuf_release(&pl);
	if (x.rc == APP_OK && db_commit(a->db, err) != DB_OK)
		x.rc = APP_IO;
	if (x.rc != APP_OK) {
		db_rollback(a->db);
		return x.rc;
	}
	res->number = p.number;
	res->allocated = amount - x.left;
	res->unallocated = x.left;
	return APP_OK;
}

struct balance_ctx {
	struct app_balance *b;
	struct terms terms;
	int32_t today;
	money_t open;        /* open on all the items */
};

static int balance_invoice(const struct db_open_invoice *o, void *arg)
{
	struct balance_ctx *c = arg;
	struct app_balance *b = c->b;
	b->inv = xrealloc(b->inv, (b->ninv + 1) * sizeof *b->inv);
	struct app_open_invoice *v = &b->inv[b->ninv++];
	v->ticket = o->ticket;
	if (o->ticket)
		snprintf(v->number, sizeof v->number, "%lld", (long long)o->number);
	else
		snprintf(v->number, sizeof v->number, "%d-%lld", (int)o->year, (long long)o->number);
	v->day = o->day;
	/* An on-account ticket is due by the customer's terms from its day. */
	v->due = o->ticket ? terms_due(&c->terms, o->day) : o->due;
	v->total = o->total;
	v->open = o->open;
	v->bucket = terms_bucket(v->due, c->today);
	c->open += o->open;
	return 0;
}

int doc_account(struct app *a, const struct db_desk_customer *cu, struct app_balance *b,
                char **err)
{
	memset(b, 0, sizeof *b);
	strlcpy_safe(b->name, cu->name, sizeof b->name);
	b->limit = cu->credit_limit;
	b->on_hold = cu->on_hold;
	struct balance_ctx c = { .b = b, .today = app_desk_today() };
	if (terms_parse(cu->terms, &c.terms) != TERMS_OK)
		terms_parse("", &c.terms);
	strlcpy_safe(b->terms, terms_name(&c.terms), sizeof b->terms);
	if (db_customer_owed(a->db, cu->id, &b->owed, &b->unallocated) != DB_OK) {
		error_set(err, _("cannot read the customer's account: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	if (db_open_invoices(a->db, cu->id, balance_invoice, &c) != DB_OK) {
		app_balance_release(b);
		error_set(err, _("cannot read the customer's account: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	/* What is open less what is owed is the money in the customer's
	 * favour: the unallocated payments and credit notes, and also what a
	 * return gave back to the account of a ticket already paid (no
	 * allocation can carry that one, so it is only counted here). */
	if (c.open - b->owed > b->unallocated)
		b->unallocated = c.open - b->owed;
	/* That money counts against the oldest items first. */
	money_t credit = b->unallocated;
	for (size_t i = 0; i < b->ninv; i++) {
		struct app_open_invoice *v = &b->inv[i];
		money_t set = credit < v->open ? credit : v->open;
		credit -= set;
		b->bucket[v->bucket] += v->open - set;
		if (v->bucket > 0)
			b->overdue += v->open - set;
	}
	return APP_OK;
}

int app_balance(struct app *a, const char *customer, struct app_balance *b, char **err)
{
	memset(b, 0, sizeof *b);
	struct db_desk_customer cu;
	int rc = doc_customer(a, customer, &cu, err);
	if (rc != APP_OK)
		return rc;
	return doc_account(a, &cu, b, err);
}

void app_balance_release(struct app_balance *b)
{
	free(b->inv);
	b->inv = NULL;
	b->ninv = 0;
}

/* Free text typed for a customer: controls dropped, blanks trimmed, bounded. */
static int desk_text(const char *in, char *out, size_t size, size_t max, const char *what,
                     int required, char **err)
{
	int rc = text_clean(in, out, size, max);
	if (rc == TEXT_OK || rc == TEXT_CONTROL)
		rc = required && !*out ? TEXT_EMPTY : TEXT_OK;
	if (rc != TEXT_OK) {
		error_set(err, _("%s: %s"), what, _(text_strerror(rc)));
		return APP_ERR;
	}
	return APP_OK;
}

int app_desk_customer_set(struct app *a, const char *customer, const char *terms,
                          money_t limit, int hold, const char *notes, char **err)
{
	char clean[256];
	if (notes && desk_text(notes, clean, sizeof clean, 250, _("note"), 0, err) != APP_OK)
		return APP_ERR;
	if (notes)
		notes = clean;
	struct db_desk_customer cu;
	int rc = doc_customer(a, customer, &cu, err);
	if (rc != APP_OK)
		return rc;
	struct terms t;
	if (terms && terms_parse(terms, &t) != TERMS_OK) {
		error_set(err, "%s", _(terms_strerror(TERMS_BAD)));
		return APP_ERR;
	}
	if (app_has_users(a) && (rc = app_require(a, RIGHT_CREDIT_OVERRIDE, err)) != APP_OK)
		return rc;
	app_require_done(a);
	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	if (db_desk_customer_set(a->db, cu.id, terms, limit, hold, notes, err) != DB_OK ||
	    db_commit(a->db, err) != DB_OK) {
		db_rollback(a->db);
		return APP_IO;
	}
	return APP_OK;
}

int app_ship_to_add(struct app *a, const char *customer, const char *name,
                    const char *address, const char *state, int *seq, char **err)
{
	char n[161], ad[256], st[33];
	if (desk_text(name, n, sizeof n, 160, _("ship-to name"), 1, err) != APP_OK ||
	    desk_text(address, ad, sizeof ad, 250, _("ship-to address"), 0, err) != APP_OK ||
	    desk_text(state ? state : "", st, sizeof st, 32, _("ship-to state"), 0, err) != APP_OK)
		return APP_ERR;
	name = n;
	address = ad;
	state = st;
	struct db_desk_customer cu;
	int rc = doc_customer(a, customer, &cu, err);
	if (rc != APP_OK)
		return rc;
	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	if (db_ship_to_add(a->db, cu.id, name, address, state, seq, err) != DB_OK ||
	    db_commit(a->db, err) != DB_OK) {
		db_rollback(a->db);
		return APP_IO;
	}
	return APP_OK;
}
