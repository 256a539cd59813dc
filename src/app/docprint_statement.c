/* A customer's statement of account (opening balance, movements with a
 * running balance, open invoices and ageing as `comptoir balance` counts
 * them) and the ageing report of every customer with an account. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "docprint-internal.h"
#include "documents-internal.h"
#include "../core/terms.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"

static const struct dp_col dp_cols_moves[] = {
	{ N_("Date"), 10, 0 }, { N_("Document"), 19, 0 }, { N_("Due"), 10, 0 },
	{ N_("Debit"), 12, 1 }, { N_("Credit"), 12, 1 }, { N_("Balance"), 12, 1 },
};
static const struct dp_col dp_cols_open[] = {
	{ N_("Document"), 15, 0 }, { N_("Date"), 10, 0 }, { N_("Due"), 10, 0 },
	{ N_("Total"), 12, 1 }, { N_("Open"), 12, 1 }, { N_("Age"), 16, 1 },
};
static const struct dp_col dp_cols_ageing[] = {
	{ N_("Current"), 12, 1 }, { N_("1-30"), 12, 1 }, { N_("31-60"), 12, 1 },
	{ N_("61-90"), 12, 1 }, { N_("Over 90"), 12, 1 }, { N_("Overdue"), 14, 1 },
};
static const struct dp_table dp_table_moves = { dp_cols_moves, 6 };
static const struct dp_table dp_table_open = { dp_cols_open, 6 };
static const struct dp_table dp_table_ageing = { dp_cols_ageing, 6 };

/* The bucket names of terms.h, as a person reads them. */
static const char *const dp_bucket_names[TERMS_BUCKETS] = {
	N_("current"), N_("1-30 days"), N_("31-60 days"), N_("61-90 days"), N_("over 90 days"),
};

struct dp_moves {
	struct app *a;
	struct dp_doc *d;
	money_t balance;
};

static int dp_move(const struct db_doc_move *m, void *arg)
{
	struct dp_moves *x = arg;
	char day[16], due[16], doc[64], amount[48], bal[48];
	dp_day(day, sizeof day, m->day);
	dp_day(due, sizeof due, m->due);
	if (strcmp(m->kind, "invoice") == 0)
		snprintf(doc, sizeof doc, _("Invoice %d-%lld"), (int)m->year, (long long)m->number);
	else if (strcmp(m->kind, "credit") == 0)
		snprintf(doc, sizeof doc, _("Credit note %d-%lld"), (int)m->year,
		         (long long)m->number);
	else if (strcmp(m->kind, "payment") == 0)
		snprintf(doc, sizeof doc, _("Payment %lld %s"), (long long)m->number, m->method);
	else
		snprintf(doc, sizeof doc, _("Ticket %lld on account"), (long long)m->number);
	x->balance += m->amount;
	dp_money(x->a, amount, sizeof amount, m->amount < 0 ? -m->amount : m->amount);
	dp_money(x->a, bal, sizeof bal, x->balance);
	const char *t[6] = { day, doc, due, m->amount >= 0 ? amount : "",
	                     m->amount < 0 ? amount : "", bal };
	dp_add(x->d, DP_ROW, 0, &dp_table_moves, t, 6);
	return 0;
}

static void dp_open_invoices(struct app *a, struct dp_doc *d, const struct app_balance *b,
                             int32_t today)
{
	char day[16];
	dp_day(day, sizeof day, today);
	char *h = xasprintf(_("Open invoices on %s"), day);
	dp_add2(d, DP_HEADING, 0, h, NULL);
	free(h);
	if (!b->ninv) {
		dp_add2(d, DP_PARA, 0, _("No invoice is open."), NULL);
		return;
	}
	dp_add(d, DP_HEAD, 0, &dp_table_open, NULL, 0);
	for (size_t i = 0; i < b->ninv; i++) {
		const struct app_open_invoice *v = &b->inv[i];
		char dd[16], due[16], total[48], open[48], doc[64];
		/* An on-account counter ticket is open like an invoice, and named
		 * as what it is. */
		if (v->ticket)
			snprintf(doc, sizeof doc, _("Ticket %s"), v->number);
		else
			snprintf(doc, sizeof doc, _("Invoice %s"), v->number);
		dp_day(dd, sizeof dd, v->day);
		dp_day(due, sizeof due, v->due);
		dp_money(a, total, sizeof total, v->total);
		dp_money(a, open, sizeof open, v->open);
		const char *t[6] = { doc, dd, due, total, open,
		                     _(dp_bucket_names[v->bucket < TERMS_BUCKETS ? v->bucket : 0]) };
		dp_add(d, DP_ROW, 0, &dp_table_open, t, 6);
	}
	dp_add(d, DP_RULE, 0, NULL, NULL, 0);
	char m[TERMS_BUCKETS + 1][48];
	for (int i = 0; i < TERMS_BUCKETS; i++)
		dp_money(a, m[i], sizeof m[i], b->bucket[i]);
	dp_money(a, m[TERMS_BUCKETS], sizeof m[TERMS_BUCKETS], b->overdue);
	const char *t[6] = { m[0], m[1], m[2], m[3], m[4], m[5] };
	dp_add(d, DP_GAP, 0, NULL, NULL, 0);
	dp_add(d, DP_HEAD, 0, &dp_table_ageing, NULL, 0);
	dp_add(d, DP_ROW, 0, &dp_table_ageing, t, 6);
}

int dp_layout_statement(struct app *a, const char *customer, int32_t from, int32_t to,
                        struct dp_doc *d, char **err)
{
	int32_t today = app_desk_today();
	if (!to)
		to = today;
	if (from && from > to) {
		error_set(err, _("the statement's period ends before it starts"));
		return APP_ERR;
	}
	struct db_desk_customer cu;
	struct db_doc_party p;
	struct app_balance b;
	int rc = doc_customer(a, customer, &cu, err);
	if (rc != APP_OK)
		return rc;
	if ((rc = app_balance(a, customer, &b, err)) != APP_OK)
		return rc;
	struct dp_moves x = { a, d, 0 };
	if (db_doc_party(a->db, cu.id, &p) != DB_OK ||
	    (from && db_doc_moves_before(a->db, cu.id, from, &x.balance) != DB_OK)) {
		app_balance_release(&b);
		error_set(err, _("cannot read the customer's account: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	snprintf(d->title, sizeof d->title, "%s %s", _("Statement of account"), cu.code);
	dp_add2(d, DP_TITLE, 0, _("Statement of account"), cu.code);
	struct strbuf s, c;
	strbuf_init(&s);
	strbuf_init(&c);
	dp_seller_lines(a, &s);
	dp_party_lines(a, &p, DP_PARTY_TAX | DP_PARTY_CODE, &c);
	const char *pt[4] = { _("From"), strbuf_str(&s), _("Customer"), strbuf_str(&c) };
	dp_add(d, DP_PARTIES, 0, NULL, pt, 4);
	strbuf_release(&s);
	strbuf_release(&c);
	char f[16], t[16], now[16];
	dp_day(f, sizeof f, from);
	dp_day(t, sizeof t, to);
	dp_day(now, sizeof now, today);
	char *period = from ? xasprintf(_("%s to %s"), f, t) : xasprintf(_("up to %s"), t);
	dp_add2(d, DP_FIELD, 0, _("Period"), period);
	free(period);
	dp_add2(d, DP_FIELD, 0, _("Date"), now);
	dp_add2(d, DP_FIELD, 0, _("Terms"), b.terms);
	dp_add2(d, DP_HEADING, 0, _("Account"), NULL);
	dp_add(d, DP_HEAD, 0, &dp_table_moves, NULL, 0);
	if (from) {
		char bal[48];
		dp_money(a, bal, sizeof bal, x.balance);
		const char *row[6] = { f, _("Opening balance"), "", "", "", bal };
		dp_add(d, DP_ROW, 0, &dp_table_moves, row, 6);
	}
	if (db_doc_moves(a->db, cu.id, from, to, dp_move, &x) != DB_OK) {
		app_balance_release(&b);
		error_set(err, _("cannot read the customer's account: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	dp_add(d, DP_RULE, 0, NULL, NULL, 0);
	char m[48], *label = xasprintf(_("Balance on %s"), t);
	dp_money(a, m, sizeof m, x.balance);
	dp_add2(d, DP_TOTAL, DP_BOLD, label, m);
	free(label);
	dp_open_invoices(a, d, &b, today);
	dp_add(d, DP_GAP, 0, NULL, NULL, 0);
	if (b.unallocated) {
		dp_money(a, m, sizeof m, b.unallocated);
		dp_add2(d, DP_TOTAL, 0, _("Payments and credit notes not allocated"), m);
	}
	dp_money(a, m, sizeof m, b.owed);
	label = xasprintf(_("Owed on %s"), now);
	dp_add2(d, DP_TOTAL, DP_BOLD, label, m);
	free(label);
	app_balance_release(&b);
	return APP_OK;
}

struct dp_ageing {
	struct app *a;
	struct strbuf *sb;
	money_t owed, bucket[TERMS_BUCKETS];
	size_t n;
	char **err;
	int rc;
};

static void dp_ageing_line(struct strbuf *sb, const char *code, money_t owed,
                           const money_t *bucket, const char *name)
{
	char m[TERMS_BUCKETS + 1][32];
	money_format(m[0], sizeof m[0], owed, &money_style_plain);
	for (int i = 0; i < TERMS_BUCKETS; i++)
		money_format(m[i + 1], sizeof m[i + 1], bucket[i], &money_style_plain);
	strbuf_addf(sb, "%-10s %10s %10s %10s %10s %10s %10s", code, m[0], m[1], m[2], m[3], m[4],
	            m[5]);
	if (name && *name)
		strbuf_addf(sb, "  %s", name);
	strbuf_addch(sb, '\n');
}

static int dp_ageing_customer(const char *code, void *arg)
{
	struct dp_ageing *x = arg;
	struct app_balance b;
	if ((x->rc = app_balance(x->a, code, &b, x->err)) != APP_OK)
		return 1;
	dp_ageing_line(x->sb, code, b.owed, b.bucket, b.name);
	x->owed += b.owed;
	for (int i = 0; i < TERMS_BUCKETS; i++)
		x->bucket[i] += b.bucket[i];
	x->n++;
	app_balance_release(&b);
	return 0;
}

int app_ageing_text(struct app *a, char **text, char **err)
{
	*text = NULL;
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_addf(&sb, "%-10s %10s %10s %10s %10s %10s %10s  %s\n", _("customer"), _("owed"),
	            _("current"), "1-30", "31-60", "61-90", "over-90", _("name"));
	struct dp_ageing x = { a, &sb, 0, { 0 }, 0, err, APP_OK };
	int rc = db_doc_customers_with_account(a->db, dp_ageing_customer, &x);
	if (rc != DB_OK) {
		strbuf_release(&sb);
		if (x.rc != APP_OK)
			return x.rc;
		error_set(err, _("cannot read the customers' accounts: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	char count[48];
	snprintf(count, sizeof count, ngettext("%zu customer", "%zu customers", x.n), x.n);
	dp_ageing_line(&sb, _("total"), x.owed, x.bucket, count);
	*text = xstrdup(strbuf_str(&sb));
	strbuf_release(&sb);
	return APP_OK;
}
