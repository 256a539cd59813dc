/* The receipt laid out from what the database holds for the ticket (the
 * same figures that were committed) as a document that receipt_doc.c draws
 * as plain text at 32, 42 or 48 columns and receipt_escpos.c for printers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "app-internal.h"
#include "fiscal.h"
#include "receipt.h"
#include "receipt-internal.h"
#include "../../db/sales.h"
#include "../core/text.h"
#include "../core/tender.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"

struct receipt {
	struct receipt_doc *doc;
	const struct money_style *ms;
};

static void receipt_rule(struct receipt *r)
{
	receipt_doc_add(r->doc, RECEIPT_RULE, 0, NULL, NULL);
}

static void receipt_center(struct receipt *r, const char *s)
{
	receipt_doc_add(r->doc, RECEIPT_CENTER, 0, s, NULL);
}

static void receipt_pair(struct receipt *r, const char *left, const char *right)
{
	receipt_doc_add(r->doc, RECEIPT_PAIR, 0, left, right);
}

static void receipt_money(struct receipt *r, const char *label, money_t v)
{
	char m[48];
	money_format(m, sizeof m, v, r->ms);
	receipt_pair(r, label, m);
}

static const char *receipt_method_label(const char *method)
{
	enum pay_method m;
	if (pay_method_parse(method, &m) != 0)
		return method;
	switch (m) {
	case PAY_CASH: return _("Cash");
	case PAY_CARD: return _("Card");
	case PAY_UPI: return _("UPI");
	case PAY_VOUCHER: return _("Voucher");
	case PAY_CREDIT: return _("Store credit");
	case PAY_ACCOUNT: return _("On account");
	case PAY_TRANSFER: return _("Bank transfer");
	default: return method;
	}
}

static void receipt_lines(struct receipt *r, const struct db_ticket_line *l, size_t n)
{
	const char *mark = strcmp(r->ms->decimal, ",") == 0 ? "," : ".";
	for (size_t i = 0; i < n; i++) {
		if (l[i].voided)
			continue;
		char qty[32], unit[48], amount[48], detail[160];
		quantity_format(qty, sizeof qty, l[i].qty, l[i].weighed ? 3 : 0, mark);
		money_format(unit, sizeof unit, l[i].unit_price, r->ms);
		money_format(amount, sizeof amount, l[i].amount, r->ms);
		if (l[i].qty == 1 && !l[i].weighed && !l[i].discount) {
			receipt_pair(r, l[i].name, amount);
			continue;
		}
		receipt_doc_add(r->doc, RECEIPT_LINE, 0, l[i].name, NULL);
		if (l[i].weighed)
			snprintf(detail, sizeof detail, _("  %s kg x %s/kg"), qty, unit);
		else
			snprintf(detail, sizeof detail, "  %s x %s", qty, unit);
		receipt_pair(r, detail, amount);
		if (l[i].discount) {
			char label[64];
			snprintf(label, sizeof label, _("  Discount"));
			receipt_money(r, label, -l[i].discount);
		}
	}
}

/* India: the parts of one rate's tax, CGST and SGST at half the rate each,
 * or IGST at the full rate. */
static void receipt_gst(struct receipt *r, int32_t rate, money_t cgst, money_t sgst, money_t igst)
{
	char half[16], full[16], label[48];
	tax_rate_format(half, sizeof half, rate / 2);
	tax_rate_format(full, sizeof full, rate);
	if (cgst || sgst) {
		snprintf(label, sizeof label, _("  CGST %s %%"), half);
		receipt_money(r, label, cgst);
		snprintf(label, sizeof label, _("  SGST %s %%"), half);
		receipt_money(r, label, sgst);
	}
	if (igst) {
		snprintf(label, sizeof label, _("  IGST %s %%"), full);
		receipt_money(r, label, igst);
	}
}

/* One line per tax rate: the rate, the net, the tax. Lines are summed as
 * stored, never recomputed. */
static void receipt_taxes(struct receipt *r, const struct db_ticket_line *l, size_t n,
                          enum app_country country)
{
	int32_t rates[32];
	size_t nr = 0;
	for (size_t i = 0; i < n; i++) {
		if (l[i].voided)
			continue;
		size_t k = 0;
		while (k < nr && rates[k] != l[i].tax_rate)
			k++;
		if (k == nr && nr < 32)
			rates[nr++] = l[i].tax_rate;
	}
	for (size_t k = 0; k < nr; k++) {
		money_t net = 0, tax = 0, cgst = 0, sgst = 0, igst = 0;
		for (size_t i = 0; i < n; i++)
			if (!l[i].voided && l[i].tax_rate == rates[k]) {
				net += l[i].net;
				tax += l[i].tax;
				cgst += l[i].cgst;
				sgst += l[i].sgst;
				igst += l[i].igst;
			}
		char rate[16], nets[48], taxs[48], left[96], right[160];
		tax_rate_format(rate, sizeof rate, rates[k]);
		char *dot = strchr(rate, '.');
		if (dot && r->ms->decimal[0] == ',')
			*dot = ',';
		money_format(nets, sizeof nets, net, r->ms);
		money_format(taxs, sizeof taxs, tax, r->ms);
		snprintf(left, sizeof left, "%s %s %%",
		         country == APP_COUNTRY_IN ? _("GST") : _("VAT"), rate);
		snprintf(right, sizeof right, _("net %s tax %s"), nets, taxs);
		receipt_pair(r, left, right);
		if (country == APP_COUNTRY_IN && (cgst || sgst || igst))
			receipt_gst(r, rates[k], cgst, sgst, igst);
	}
}

int app_receipt_doc(struct app *a, int64_t number, int copy, struct receipt_doc *doc, char **err)
{
	struct db_ticket t;
	int rc = db_ticket_get(a->db, number, &t);
	if (rc == DB_NOTFOUND) {
		error_set(err, _("no ticket %lld"), (long long)number);
		return APP_NOTFOUND;
	}
	struct db_ticket_line *lines = NULL;
	struct db_payment *pays = NULL;
	size_t nl = 0, np = 0;
	if (rc != DB_OK || db_ticket_lines(a->db, t.id, &lines, &nl) != DB_OK ||
	    db_ticket_payments(a->db, t.id, &pays, &np) != DB_OK) {
		error_set(err, _("cannot read ticket %lld: %s"), (long long)number, db_errmsg(a->db));
		free(lines);
		free(pays);
		return APP_IO;
	}
	struct receipt r = { doc, a->shop.money };
	receipt_doc_add(doc, RECEIPT_CENTER, RECEIPT_BOLD | RECEIPT_BIG, a->shop.name, NULL);
	if (a->shop.address[0])
		receipt_center(&r, a->shop.address);
	if (copy)
		receipt_doc_add(doc, RECEIPT_CENTER, RECEIPT_BOLD, _("*** COPY ***"), NULL);
	receipt_rule(&r);
	char left[96], right[96];
	time_t when = (time_t)t.created_at;
	struct tm tm;
	localtime_r(&when, &tm);
	snprintf(left, sizeof left, _("Ticket %lld"), (long long)t.number);
	strftime(right, sizeof right, "%d/%m/%Y %H:%M", &tm);
	receipt_pair(&r, left, right);
	snprintf(left, sizeof left, _("Till %s"), t.terminal);
	snprintf(right, sizeof right, _("Cashier %s"), t.user);
	receipt_pair(&r, left, right);
	if (strcmp(t.kind, "return") == 0) {
		if (t.original_number)
			snprintf(left, sizeof left, _("RETURN of ticket %lld"), (long long)t.original_number);
		receipt_center(&r, t.original_number ? left : _("RETURN without a ticket"));
	}
	if (t.customer_code[0]) {
		snprintf(left, sizeof left, _("Customer %s %s"), t.customer_code, t.customer_name);
		receipt_doc_add(doc, RECEIPT_LINE, 0, left, NULL);
	}
	if (!t.prices_include_tax)
		receipt_center(&r, _("Amounts before tax"));
	if (t.tax_exempt[0]) {
		snprintf(left, sizeof left, _("Exempt from tax: %s"), t.tax_exempt);
		receipt_center(&r, left);
	}
	receipt_rule(&r);
	receipt_lines(&r, lines, nl);
	receipt_rule(&r);
	if (!t.prices_include_tax) {
		receipt_money(&r, _("Total before tax"), t.net);
		receipt_money(&r, _("Tax"), t.tax);
	}
	char total[48];
	money_format(total, sizeof total, t.total, r.ms);
	receipt_doc_add(doc, RECEIPT_PAIR, RECEIPT_BOLD, _("TOTAL"), total);
	receipt_taxes(&r, lines, nl, a->shop.country);
	receipt_rule(&r);
	for (size_t i = 0; i < np; i++) {
		if (pays[i].reference[0])
			snprintf(left, sizeof left, "%s %s", receipt_method_label(pays[i].method),
			         pays[i].reference);
		else
			snprintf(left, sizeof left, "%s", receipt_method_label(pays[i].method));
		receipt_money(&r, left, pays[i].amount);
	}
	if (t.rounding)
		receipt_money(&r, _("Cash rounding"), t.rounding);
	if (t.change)
		receipt_money(&r, _("Change"), t.change);
	receipt_rule(&r);
	/* The start of the ticket's journal hash: whoever holds the receipt can
	 * check it against comptoir verify's records. */
	if (t.journal_hash[0]) {
		char excerpt[9], line[64];
		app_hash_excerpt(t.journal_hash, excerpt);
		snprintf(line, sizeof line, _("Journal %s"), excerpt);
		receipt_center(&r, line);
	}
	receipt_center(&r, _("Thank you for your visit"));
	char code[32];
	app_receipt_code(t.number, code, sizeof code);
	receipt_doc_add(doc, RECEIPT_CODE128, 0, code, NULL);
	receipt_doc_add(doc, RECEIPT_CUT, 0, NULL, NULL);
	free(lines);
	free(pays);
	return APP_OK;
}

/* The width of plain text receipts: the shop's, 42 when unset. */
static size_t receipt_text_width(const struct app *a)
{
	return a->shop.receipt_width >= 24 ? (size_t)a->shop.receipt_width : 42;
}

int app_receipt_text(struct app *a, int64_t number, int copy, char **out, char **err)
{
	*out = NULL;
	struct receipt_doc doc;
	receipt_doc_init(&doc);
	int rc = app_receipt_doc(a, number, copy, &doc, err);
	if (rc == APP_OK)
		*out = receipt_doc_text(&doc, receipt_text_width(a));
	receipt_doc_release(&doc);
	return rc;
}

void app_receipt_code(int64_t number, char *out, size_t size)
{
	snprintf(out, size, "T%08lld", (long long)number);
}

int app_receipt_code_parse(const char *code, int64_t *number)
{
	if (code[0] != 'T' && code[0] != 't')
		return -1;
	size_t n = strlen(code + 1);
	if (n < 8 || n > 12 || strspn(code + 1, "0123456789") != n)
		return -1;
	int64_t v = 0;
	for (const char *p = code + 1; *p; p++)
		v = v * 10 + (*p - '0');
	if (v <= 0)
		return -1;
	*number = v;
	return 0;
}
