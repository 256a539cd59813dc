/* The shift report, the closing report and the sums of a period as text (money with a dot, as
 * the command line prints it), for the command line and the screens. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "app-internal.h"
#include "closing.h"
#include "../core/tax.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"

static const char *shift_money(char *buf, size_t size, money_t v)
{
	money_format(buf, size, v, &money_style_plain);
	return buf;
}

static const char *shift_time(char *buf, size_t size, int64_t at)
{
	time_t t = (time_t)at;
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(buf, size, "%Y-%m-%d %H:%M", &tm);
	return buf;
}

static void shift_row(struct strbuf *sb, const char *label, money_t v)
{
	char m[32];
	strbuf_addf(sb, "  %-34s %14s\n", label, shift_money(m, sizeof m, v));
}

static void shift_row_n(struct strbuf *sb, const char *label, int64_t n, money_t v)
{
	char l[96];
	snprintf(l, sizeof l, "%s (%lld)", label, (long long)n);
	shift_row(sb, l, v);
}

/* Sales, returns, then the totals per tax rate and per payment method. */
static void shift_sums(struct strbuf *sb, const struct jsum *s)
{
	char a[32], b[32], c[32], r[16];
	shift_row_n(sb, _("Sales"), s->sales, s->sales_total);
	shift_row_n(sb, _("Returns"), s->returns, s->returns_total);
	shift_row(sb, _("Total"), s->total);
	if (s->discount)
		shift_row(sb, _("of which discounts"), s->discount);
	if (s->rounding)
		shift_row(sb, _("Cash rounding"), s->rounding);
	strbuf_addf(sb, _("By tax rate:\n"));
	strbuf_addf(sb, "  %-8s %14s %14s %14s\n", _("rate"), _("net"), _("tax"), _("gross"));
	for (size_t i = 0; i < s->nrates; i++) {
		const struct jsum_rate *t = &s->rates[i];
		tax_rate_format(r, sizeof r, t->rate);
		strbuf_addf(sb, "  %6s %% %14s %14s %14s\n", r, shift_money(a, sizeof a, t->net),
		       shift_money(b, sizeof b, t->tax), shift_money(c, sizeof c, t->gross));
		if (t->cgst || t->sgst || t->igst)
			strbuf_addf(sb, "  %8s CGST %s  SGST %s  IGST %s\n", "", shift_money(a, sizeof a, t->cgst),
			       shift_money(b, sizeof b, t->sgst), shift_money(c, sizeof c, t->igst));
	}
	strbuf_addf(sb, _("By payment method:\n"));
	for (size_t i = 0; i < s->nmethods; i++)
		shift_row(sb, s->methods[i].name, s->methods[i].amount);
}

static void shift_report(struct strbuf *sb, const struct app_shift_report *r, int closed)
{
	char t[32];
	strbuf_addf(sb, _("Shift %lld on %s, opened by %s at %s\n"), (long long)r->id, r->terminal,
	       r->user, shift_time(t, sizeof t, r->opened_at));
	if (r->closed_at)
		strbuf_addf(sb, _("Closed at %s\n"), shift_time(t, sizeof t, r->closed_at));
	shift_sums(sb, &r->sums);
	strbuf_addf(sb, _("Drawer:\n"));
	shift_row(sb, _("Float"), r->float_amount);
	shift_row(sb, _("Cash taken on sales"), r->sums.cash_sales);
	shift_row(sb, _("Change given"), -r->sums.change);
	shift_row(sb, _("Cash refunds"), -r->sums.cash_refunds);
	shift_row(sb, _("Cash in"), r->cash_in);
	shift_row(sb, _("Cash out"), -r->cash_out);
	shift_row(sb, _("Expected in the drawer"), r->expected);
	if (!closed)
		return;
	strbuf_addf(sb, _("Counted:\n"));
	for (size_t i = 0; i < r->count.n; i++) {
		char v[32], l[64];
		snprintf(l, sizeof l, "%s x %lld", shift_money(v, sizeof v, r->count.value[i]),
		         (long long)r->count.count[i]);
		shift_row(sb, l, r->count.value[i] * r->count.count[i]);
	}
	shift_row(sb, _("Counted in the drawer"), r->counted);
	shift_row(sb, _("Difference (counted - expected)"), r->difference);
}

static void closing_report(struct strbuf *sb, const struct app_closing *z, const char *when)
{
	char m[32], t[32];
	strbuf_addf(sb, _("Closing of %s, journal record %lld\n"), when, (long long)z->seq);
	if (z->records)
		strbuf_addf(sb, _("Journal records %lld to %lld read (%lld records)\n"),
		       (long long)z->first_seq, (long long)z->last_seq, (long long)z->records);
	else
		strbuf_addf(sb, _("No journal records in this period\n"));
	shift_sums(sb, &z->sums);
	if (z->nshifts) {
		strbuf_addf(sb, _("Shifts closed:\n"));
		for (size_t i = 0; i < z->nshifts; i++) {
			const struct app_closed_shift_info *s = &z->shifts[i];
			char e[32], n[32], d[32];
			strbuf_addf(sb, _("  shift %lld on %s (%s): expected %s, counted %s, difference %s\n"),
			       (long long)s->id, s->terminal, s->user, shift_money(e, sizeof e, s->expected),
			       shift_money(n, sizeof n, s->counted), shift_money(d, sizeof d, s->difference));
		}
		shift_row(sb, _("Drawer differences"), z->shifts_difference);
	}
	strbuf_addf(sb, _("Grand totals:\n"));
	shift_row(sb, _("Period"), z->gt_period);
	shift_row(sb, _("Perpetual"), z->gt_perpetual);
	if (z->nsuspended)
		strbuf_addf(sb, ngettext("WARNING: %zu suspended ticket is not finished:\n",
		                "WARNING: %zu suspended tickets are not finished:\n", z->nsuspended),
		       z->nsuspended);
	for (size_t i = 0; i < z->nsuspended; i++) {
		const struct app_suspended_info *s = &z->suspended[i];
		strbuf_addf(sb, _("  suspended %lld on %s by %s at %s: %s%s%s\n"), (long long)s->id,
		       s->terminal, s->user, shift_time(t, sizeof t, s->created_at),
		       shift_money(m, sizeof m, s->total), s->customer[0] ? " " : "", s->customer);
	}
	for (size_t i = 0; i < z->nunclosed_days; i++) {
		char d[16];
		app_period_format(APP_PERIOD_DAY, z->unclosed_days[i], d, sizeof d);
		strbuf_addf(sb, _("WARNING: %s has sales that no daily closing covers\n"), d);
	}
	for (size_t i = 0; i < z->nopen_shifts; i++) {
		const struct app_open_shift_info *s = &z->open_shifts[i];
		strbuf_addf(sb, _("WARNING: shift %lld is still open on %s (opened by %s at %s)\n"),
		       (long long)s->id, s->terminal, s->user, shift_time(t, sizeof t, s->opened_at));
	}
}

char *app_shift_report_text(const struct app_shift_report *r, int closed)
{
	struct strbuf sb = STRBUF_INIT;
	shift_report(&sb, r, closed);
	return strbuf_detach(&sb);
}

char *app_closing_text(const struct app_closing *z, const char *when)
{
	struct strbuf sb = STRBUF_INIT;
	closing_report(&sb, z, when);
	return strbuf_detach(&sb);
}
