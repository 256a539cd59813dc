/* Quotes, orders, invoices and credit notes (with prices, tax per rate,
 * India's HSN codes and amount in words, France's legal mentions) and
 * delivery notes and packing slips (no prices; a drop-ship slip in no
 * seller's name or the reseller's), laid out from the stored document. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "docprint-internal.h"
#include "documents-internal.h"
#include "../../db/catalog.h"
#include "../core/words.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"

#define DP_RATES 16

static const struct dp_col dp_cols_fr[] = {
	{ N_("SKU"), 10, 0 }, { N_("Description"), 22, 0 }, { N_("Qty"), 9, 1 },
	{ N_("Unit price"), 11, 1 }, { N_("Disc."), 5, 1 }, { N_("VAT"), 5, 1 },
	{ N_("Amount"), 12, 1 },
};
static const struct dp_col dp_cols_in[] = {
	{ N_("SKU"), 9, 0 }, { N_("Description"), 15, 0 }, { N_("HSN"), 8, 0 },
	{ N_("Qty"), 9, 1 }, { N_("Unit price"), 10, 1 }, { N_("Disc."), 5, 1 },
	{ N_("GST"), 4, 1 }, { N_("Amount"), 13, 1 },
};
static const struct dp_col dp_cols_in_plain[] = {
	{ N_("SKU"), 9, 0 }, { N_("Description"), 23, 0 }, { N_("Qty"), 9, 1 },
	{ N_("Unit price"), 10, 1 }, { N_("Disc."), 5, 1 }, { N_("GST"), 4, 1 },
	{ N_("Amount"), 13, 1 },
};
static const struct dp_col dp_cols_goods[] = {
	{ N_("SKU"), 16, 0 }, { N_("Description"), 50, 0 }, { N_("Qty"), 12, 1 },
};
static const struct dp_table dp_table_fr = { dp_cols_fr, 7 };
static const struct dp_table dp_table_in = { dp_cols_in, 8 };
static const struct dp_table dp_table_in_plain = { dp_cols_in_plain, 7 };
static const struct dp_table dp_table_goods = { dp_cols_goods, 3 };

struct dp_rate {
	int32_t rate;
	money_t net, tax, cgst, sgst, igst;
};

struct dp_lines {
	struct app *a;
	struct dp_doc *d;
	const struct db_doc *doc;
	int priced, india, hsn;   /* hsn: some line's product has an HSN code */
	struct dp_rate rates[DP_RATES];
	size_t nrates;
};

static void dp_field_day(struct dp_doc *d, const char *label, int32_t day)
{
	char s[16];
	if (!day)
		return;
	dp_day(s, sizeof s, day);
	dp_add2(d, DP_FIELD, 0, label, s);
}

/* A rate as people write it in the shop's country: "5,5 %" or "5.5%". */
static void dp_rate(const struct app *a, char *out, size_t size, int32_t rate)
{
	char r[16];
	tax_rate_format(r, sizeof r, rate);
	const struct money_style *ms = app_shop(a)->money;
	for (char *p = r; *p; p++)
		if (*p == '.')
			*p = ms->decimal[0];
	snprintf(out, size, app_shop(a)->country == APP_COUNTRY_FR ? "%s\xc2\xa0%%" : "%s%%", r);
}

static void dp_rate_add(struct dp_lines *x, const struct db_doc_line *l)
{
	size_t i = 0;
	while (i < x->nrates && x->rates[i].rate != l->tax_rate)
		i++;
	if (i == x->nrates) {
		if (x->nrates == DP_RATES)
			i--;       /* more rates than any country has: the last one takes them */
		else
			memset(&x->rates[x->nrates++], 0, sizeof x->rates[0]);
		x->rates[i].rate = l->tax_rate;
	}
	x->rates[i].net += l->net;
	x->rates[i].tax += l->tax;
	x->rates[i].cgst += l->cgst;
	x->rates[i].sgst += l->sgst;
	x->rates[i].igst += l->igst;
}

static int dp_line(const struct db_doc_line *l, void *arg)
{
	struct dp_lines *x = arg;
	const struct money_style *ms = app_shop(x->a)->money;
	char qty[32], unit[48], disc[16], rate[16], amount[48], hsn[32];
	quantity_format(qty, sizeof qty, l->qty, l->weighed ? 3 : 0, ms->decimal);
	if (l->weighed)
		strlcpy_safe(qty + strlen(qty), " kg", sizeof qty - strlen(qty));
	if (!x->priced) {
		const char *t[3] = { l->sku, l->name, qty };
		dp_add(x->d, DP_ROW, 0, &dp_table_goods, t, 3);
		return 0;
	}
	money_format(unit, sizeof unit, l->unit_price, ms);
	money_format(amount, sizeof amount, x->doc->prices_include_tax ? l->gross : l->net, ms);
	disc[0] = '\0';
	if (l->discount_pct)
		dp_rate(x->a, disc, sizeof disc, l->discount_pct);
	dp_rate(x->a, rate, sizeof rate, l->tax_rate);
	dp_rate_add(x, l);
	if (x->india && x->hsn) {
		db_doc_hsn(x->a->db, l->product_id, hsn, sizeof hsn);
		const char *t[8] = { l->sku, l->name, hsn, qty, unit, disc, rate, amount };
		dp_add(x->d, DP_ROW, 0, &dp_table_in, t, 8);
	} else if (x->india) {
		const char *t[7] = { l->sku, l->name, qty, unit, disc, rate, amount };
		dp_add(x->d, DP_ROW, 0, &dp_table_in_plain, t, 7);
	} else {
		const char *t[7] = { l->sku, l->name, qty, unit, disc, rate, amount };
		dp_add(x->d, DP_ROW, 0, &dp_table_fr, t, 7);
	}
	return 0;
}

static int dp_line_hsn(const struct db_doc_line *l, void *arg)
{
	char hsn[32];
	return db_doc_hsn(arg, l->product_id, hsn, sizeof hsn) == DB_OK;
}

static void dp_total(struct app *a, struct dp_doc *d, int attr, const char *label, money_t v)
{
	char m[48];
	dp_money(a, m, sizeof m, v);
	dp_add2(d, DP_TOTAL, attr, label, m);
}

/* A tax line: "VAT 20% on 10.00 €" then the tax. */
static void dp_tax_line(struct dp_lines *x, const char *name, int32_t rate, money_t base,
                        money_t tax)
{
	char r[24], b[48];
	dp_rate(x->a, r, sizeof r, rate);
	dp_money(x->a, b, sizeof b, base);
	char *label = xasprintf(_("%s %s on %s"), name, r, b);
	dp_total(x->a, x->d, 0, label, tax);
	free(label);
}

static void dp_totals(struct dp_lines *x)
{
	struct dp_doc *d = x->d;
	dp_add(d, DP_RULE, 0, NULL, NULL, 0);
	dp_total(x->a, d, 0, x->india ? _("Taxable value") : _("Total excl. tax"), x->doc->net);
	for (size_t i = 0; i < x->nrates; i++) {
		const struct dp_rate *r = &x->rates[i];
		if (!x->india) {
			dp_tax_line(x, _("VAT"), r->rate, r->net, r->tax);
		} else if (r->igst) {
			dp_tax_line(x, _("IGST"), r->rate, r->net, r->igst);
		} else if (r->cgst || r->sgst) {
			dp_tax_line(x, _("CGST"), r->rate / 2, r->net, r->cgst);
			dp_tax_line(x, _("SGST"), r->rate - r->rate / 2, r->net, r->sgst);
		} else {
			dp_tax_line(x, _("GST"), r->rate, r->net, r->tax);
		}
	}
	dp_total(x->a, d, 0, _("Total tax"), x->doc->tax);
	dp_total(x->a, d, DP_BOLD, _("Total"), x->doc->total);
	if (x->india) {
		char w[512];
		if (words_rupees(x->doc->total, w, sizeof w) == WORDS_OK) {
			char *s = xasprintf(_("Amount in words: %s"), w);
			dp_add(d, DP_GAP, 0, NULL, NULL, 0);
			dp_add2(d, DP_PARA, 0, s, NULL);
			free(s);
		}
	}
}

/* France, on invoices (Code de commerce L441-9, L441-10, D441-5): the due
 * date (a field above), early-payment discount, the late-payment penalty
 * rate and the fixed indemnity for recovery costs owed by professionals. */
static void dp_legal_fr(struct app *a, struct dp_doc *d, const struct db_doc *doc)
{
	char v[256], due[16], m[48];
	money_t indemnity = 4000;
	dp_day(due, sizeof due, doc->due);
	dp_add(d, DP_GAP, 0, NULL, NULL, 0);
	char *s = xasprintf(_("Payment due on %s."), due);
	dp_add2(d, DP_PARA, 0, s, NULL);
	free(s);
	dp_setting(a, "early_discount", _("No discount for early payment."), v, sizeof v);
	dp_add2(d, DP_PARA, 0, v, NULL);
	dp_setting(a, "late_penalty",
	           _("the European Central Bank's refinancing rate plus 10 percentage points"), v,
	           sizeof v);
	s = xasprintf(_("Late payment: penalties at %s, from the day after the due date."), v);
	dp_add2(d, DP_PARA, 0, s, NULL);
	free(s);
	if (db_setting_get(a->db, "recovery_indemnity", v, sizeof v) == DB_OK && v[0])
		money_parse(v, 2, &indemnity);
	money_format(m, sizeof m, indemnity, app_shop(a)->money);
	s = xasprintf(_("A professional buyer paying late also owes a fixed indemnity of %s for "
	                "recovery costs."), m);
	dp_add2(d, DP_PARA, 0, s, NULL);
	free(s);
}

static const char *dp_title(const struct app *a, const char *kind, int slip)
{
	if (strcmp(kind, "quote") == 0)
		return _("Quote");
	if (strcmp(kind, "order") == 0)
		return slip ? _("Packing slip") : _("Order confirmation");
	if (strcmp(kind, "delivery") == 0)
		return slip ? _("Packing slip") : _("Delivery note");
	if (strcmp(kind, "credit") == 0)
		return _("Credit note");
	return app_shop(a)->country == APP_COUNTRY_IN ? _("Tax invoice") : _("Invoice");
}

/* The documents this one came from, as fields ("Order 3", "Invoice 2026-1"). */
static int dp_source(const struct db_doc *src, void *arg)
{
	struct dp_doc *d = arg;
	char num[24];
	doc_number_text(src, num, sizeof num);
	const char *label = strcmp(src->kind, "invoice") == 0    ? _("Invoice")
	                    : strcmp(src->kind, "quote") == 0    ? _("Quote")
	                    : strcmp(src->kind, "delivery") == 0 ? _("Delivery note")
	                                                         : _("Order");
	dp_add2(d, DP_FIELD, 0, label, num);
	return 0;
}

static int dp_check(const char *kind, const struct docprint_opts *o, char **err)
{
	static const char *const kinds[] = { "quote", "order", "delivery", "invoice", "credit", NULL };
	int known = 0;
	for (const char *const *k = kinds; *k; k++)
		known |= strcmp(*k, kind) == 0;
	if (!known) {
		error_set(err, _("unknown document kind '%s' (quote, order, delivery, invoice, credit)"),
		          kind);
		return APP_ERR;
	}
	if (o->slip && strcmp(kind, "delivery") != 0 && strcmp(kind, "order") != 0) {
		error_set(err, _("a packing slip is printed from a delivery or an order, not a %s"),
		          kind);
		return APP_ERR;
	}
	if (o->as_reseller && !o->slip) {
		error_set(err, _("--as-reseller goes with --slip"));
		return APP_ERR;
	}
	return APP_OK;
}

int dp_layout_doc(struct app *a, const char *kind, const char *number,
                  const struct docprint_opts *o, struct dp_doc *d, char **err)
{
	int rc = dp_check(kind, o, err);
	struct db_doc doc;
	struct db_doc_party cu;
	if (rc == APP_OK)
		rc = doc_find(a, kind, number, &doc, err);
	if (rc != APP_OK)
		return rc;
	if (db_doc_party(a->db, doc.customer_id, &cu) != DB_OK) {
		error_set(err, _("cannot read the customer of %s %s: %s"), kind, number,
		          db_errmsg(a->db));
		return APP_IO;
	}
	char num[24];
	doc_number_text(&doc, num, sizeof num);
	const char *title = dp_title(a, kind, o->slip);
	snprintf(d->title, sizeof d->title, "%s %s", title, num);
	dp_add2(d, DP_TITLE, 0, title, num);
	int priced = strcmp(kind, "delivery") != 0 && !o->slip;
	if (priced)
		dp_priced_parties(a, d, &doc, &cu);
	else if ((rc = dp_goods_parties(a, d, &doc, &cu, o, err)) != APP_OK)
		return rc;
	dp_field_day(d, _("Date"), doc.day);
	dp_field_day(d, _("Valid until"), doc.valid_until);
	if (strcmp(kind, "invoice") == 0) {
		dp_field_day(d, _("Due date"), doc.due);
		if (doc.terms[0])
			dp_add2(d, DP_FIELD, 0, _("Terms"), doc.terms);
	}
	db_doc_linked(a->db, doc.id, 0, dp_source, d);
	if (priced)
		dp_add2(d, DP_FIELD, 0, _("Prices"),
		        doc.prices_include_tax ? _("including tax") : _("excluding tax"));
	dp_add(d, DP_GAP, 0, NULL, NULL, 0);
	struct dp_lines x;
	memset(&x, 0, sizeof x);
	x.a = a;
	x.d = d;
	x.doc = &doc;
	x.priced = priced;
	x.india = app_shop(a)->country == APP_COUNTRY_IN;
	/* India: the HSN column when the catalogue holds HSN codes for these goods. */
	x.hsn = x.india && priced && db_doc_lines(a->db, doc.id, dp_line_hsn, a->db) == 1;
	const struct dp_table *t = !priced  ? &dp_table_goods
	                           : x.hsn  ? &dp_table_in
	                           : x.india ? &dp_table_in_plain
	                                     : &dp_table_fr;
	dp_add(d, DP_HEAD, 0, t, NULL, 0);
	if (db_doc_lines(a->db, doc.id, dp_line, &x) != DB_OK) {
		error_set(err, _("cannot read the lines of %s %s: %s"), kind, number, db_errmsg(a->db));
		return APP_IO;
	}
	if (priced)
		dp_totals(&x);
	else
		dp_add(d, DP_RULE, 0, NULL, NULL, 0);
	if (strcmp(kind, "invoice") == 0 && !x.india)
		dp_legal_fr(a, d, &doc);
	if (strcmp(kind, "delivery") == 0 && !o->slip) {
		dp_add(d, DP_GAP, 0, NULL, NULL, 0);
		dp_add2(d, DP_PARA, 0, _("Received in good order (name, date, signature):"), NULL);
	}
	return APP_OK;
}
