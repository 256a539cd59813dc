/* comptoir shift (open, cash, x, close) and comptoir close (day, month,
 * year): the drawer and the closings from the command line. The first line
 * printed is for programs; the report follows. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "cmd.h"
#include "../app/closing.h"
#include "../core/tax.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

#define SHIFT_COUNTS_MAX 16

static const char *shift_money(char *buf, size_t size, money_t v)
{
	money_format(buf, size, v, &money_style_plain);
	return buf;
}

static void shift_report_print(const struct app_shift_report *r, int closed)
{
	char *text = app_shift_report_text(r, closed);
	fputs(text, stdout);
	free(text);
}

static int shift_amount(const char *opt, const char *text, money_t *out)
{
	int rc = money_parse(text, 2, out);
	if (rc != MONEY_OK)
		return cmd_fail(EXIT_REFUSED, _("%s '%s': %s"), opt, text, _(money_strerror(rc)));
	if (*out < 0)
		return cmd_fail(EXIT_REFUSED, _("%s takes an amount of zero or more"), opt);
	return 0;
}

struct shift_opts {
	const char *db, *flt, *in, *out, *reason, *shift;
	const char *counts[SHIFT_COUNTS_MAX];
	int ncounts;
	struct cmd_auth au;
};

/* Which options each verb takes: a stray one is wrong usage. */
static int shift_check(const char *verb, const struct shift_opts *o)
{
	int open = strcmp(verb, "open") == 0, cash = strcmp(verb, "cash") == 0;
	int x = strcmp(verb, "x") == 0, close = strcmp(verb, "close") == 0;
	const char *why = NULL;
	if (!open && !cash && !x && !close)
		why = _("shift needs 'open', 'cash', 'x' or 'close'");
	else if (o->flt && !open)
		why = _("--float goes with 'shift open'");
	else if ((o->in || o->out || o->reason) && !cash)
		why = _("--in, --out and --reason go with 'shift cash'");
	else if (o->ncounts && !close)
		why = _("--count goes with 'shift close'");
	else if (o->shift && !x)
		why = _("--shift goes with 'shift x'");
	else if (open && !o->flt)
		why = _("shift open needs --float AMOUNT (the cash counted in the drawer)");
	else if (cash && !o->in == !o->out)
		why = _("shift cash needs --in AMOUNT or --out AMOUNT");
	else if (cash && !o->reason)
		why = _("shift cash needs --reason TEXT");
	else if (close && !o->ncounts)
		why = _("shift close needs --count VALUExCOUNT,... (or --count none)");
	if (!why)
		return 0;
	cmd_fail(EXIT_USAGE, "%s", why);
	return cmd_usage("shift", EXIT_USAGE);
}

static int shift_run(struct app *a, const char *verb, const struct shift_opts *o)
{
	struct app_shift_report r;
	char *err = NULL;
	char m1[32], m2[32], m3[32];
	money_t v = 0;
	int rc;
	if (strcmp(verb, "open") == 0) {
		if ((rc = shift_amount("--float", o->flt, &v)) != 0)
			return rc;
		if (app_shift_open(a, v, &r, &err) != APP_OK)
			return cmd_fail_err(APP_ERR, err, _("the shift was not opened"));
		printf("shift %lld open float %s\n", (long long)r.id, shift_money(m1, sizeof m1, v));
		shift_report_print(&r, 0);
	} else if (strcmp(verb, "cash") == 0) {
		if ((rc = shift_amount(o->in ? "--in" : "--out", o->in ? o->in : o->out, &v)) != 0)
			return rc;
		if (app_shift_cash(a, o->in ? v : -v, o->reason, &r, &err) != APP_OK)
			return cmd_fail_err(APP_ERR, err, _("the cash move was not recorded"));
		printf("shift %lld cash %s %s expected %s\n", (long long)r.id, o->in ? "in" : "out",
		       shift_money(m1, sizeof m1, v), shift_money(m2, sizeof m2, r.expected));
		shift_report_print(&r, 0);
	} else if (strcmp(verb, "x") == 0) {
		int64_t id = 0;
		char *end = NULL;
		if (o->shift && ((id = strtoll(o->shift, &end, 10)) <= 0 || *end))
			return cmd_fail(EXIT_REFUSED, _("--shift takes a shift number"));
		if (app_shift_x(a, id, &r, &err) != APP_OK)
			return cmd_fail_err(APP_ERR, err, _("cannot make the X report"));
		printf("shift %lld x total %s expected %s\n", (long long)r.id,
		       shift_money(m1, sizeof m1, r.sums.total), shift_money(m2, sizeof m2, r.expected));
		shift_report_print(&r, r.closed_at != 0);
	} else {
		struct cash_count count;
		cash_count_init(&count);
		for (int i = 0; i < o->ncounts; i++) {
			char bad[64] = "";
			rc = cash_count_parse(&count, o->counts[i], app_shop(a)->currency, bad, sizeof bad);
			if (rc != CASH_OK)
				return cmd_fail(EXIT_REFUSED, _("--count %s: '%s': %s"), o->counts[i], bad,
				                _(cash_strerror(rc)));
		}
		if (app_shift_close(a, &count, &r, &err) != APP_OK)
			return cmd_fail_err(APP_ERR, err, _("the shift was not closed"));
		printf("shift %lld closed expected %s counted %s difference %s\n", (long long)r.id,
		       shift_money(m1, sizeof m1, r.expected), shift_money(m2, sizeof m2, r.counted),
		       shift_money(m3, sizeof m3, r.difference));
		shift_report_print(&r, 1);
	}
	return EXIT_OK;
}

int cmd_shift(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "float", required_argument, NULL, 'f' },
		{ "in", required_argument, NULL, 'i' },
		{ "out", required_argument, NULL, 'o' },
		{ "reason", required_argument, NULL, 'r' },
		{ "count", required_argument, NULL, 'c' },
		{ "shift", required_argument, NULL, 's' },
		CMD_AUTH_OPTIONS,
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct shift_opts o;
	memset(&o, 0, sizeof o);
	int c;
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (cmd_auth_opt(&o.au, c, optarg))
			continue;
		switch (c) {
		case 'd': o.db = optarg; break;
		case 'f': o.flt = optarg; break;
		case 'i': o.in = optarg; break;
		case 'o': o.out = optarg; break;
		case 'r': o.reason = optarg; break;
		case 's': o.shift = optarg; break;
		case 'c':
			if (o.ncounts == SHIFT_COUNTS_MAX)
				return cmd_fail(EXIT_REFUSED, _("at most %d --count options"),
				                SHIFT_COUNTS_MAX);
			o.counts[o.ncounts++] = optarg;
			break;
		case 'h': return cmd_usage("shift", EXIT_OK);
		default: return cmd_bad_option("shift", c, argv);
		}
	}
	if (argc - optind != 1) {
		cmd_fail(EXIT_USAGE, _("shift needs one of 'open', 'cash', 'x' or 'close'"));
		return cmd_usage("shift", EXIT_USAGE);
	}
	const char *verb = argv[optind];
	int rc = shift_check(verb, &o);
	if (!rc)
		rc = cmd_auth_check(&o.au);
	if (rc)
		return rc;
	struct app *a;
	if ((rc = cmd_open(o.db, &a)) != 0)
		return rc;
	if ((rc = cmd_auth_apply(a, &o.au, NULL)) == 0)
		rc = shift_run(a, verb, &o);
	app_close(a);
	return rc;
}

static void close_print(const struct app_closing *z, const char *when)
{
	char *text = app_closing_text(z, when);
	fputs(text, stdout);
	free(text);
}

int cmd_close(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "date", required_argument, NULL, 'D' },
		{ "month", required_argument, NULL, 'M' },
		{ "year", required_argument, NULL, 'Y' },
		CMD_AUTH_OPTIONS,
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *db = NULL, *when[3] = { NULL, NULL, NULL };
	struct cmd_auth au = { 0 };
	int c;
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (cmd_auth_opt(&au, c, optarg))
			continue;
		switch (c) {
		case 'd': db = optarg; break;
		case 'D': when[APP_PERIOD_DAY] = optarg; break;
		case 'M': when[APP_PERIOD_MONTH] = optarg; break;
		case 'Y': when[APP_PERIOD_YEAR] = optarg; break;
		case 'h': return cmd_usage("close", EXIT_OK);
		default: return cmd_bad_option("close", c, argv);
		}
	}
	static const char *const verbs[] = { "day", "month", "year" };
	static const char *const flags[] = { "--date", "--month", "--year" };
	int p = -1;
	for (int i = 0; argc - optind == 1 && i < 3; i++)
		if (strcmp(argv[optind], verbs[i]) == 0)
			p = i;
	if (p < 0) {
		cmd_fail(EXIT_USAGE, _("close needs 'day', 'month' or 'year'"));
		return cmd_usage("close", EXIT_USAGE);
	}
	for (int i = 0; i < 3; i++)
		if (i != p && when[i]) {
			cmd_fail(EXIT_USAGE, _("%s goes with 'close %s'"), flags[i], verbs[i]);
			return cmd_usage("close", EXIT_USAGE);
		}
	int rc = cmd_auth_check(&au);
	if (rc)
		return rc;
	char *err = NULL;
	int64_t ref = app_period_current((enum app_period)p, 0);
	if (when[p] && app_period_parse((enum app_period)p, when[p], &ref, &err) != APP_OK)
		return cmd_fail_err(APP_ERR, err, _("bad period"));
	struct app *a;
	if ((rc = cmd_open(db, &a)) != 0)
		return rc;
	if ((rc = cmd_auth_apply(a, &au, NULL)) == 0) {
		struct app_closing z;
		if (app_close_period(a, (enum app_period)p, ref, &z, &err) != APP_OK) {
			rc = cmd_fail_err(APP_ERR, err, _("the period was not closed"));
		} else {
			char w[16], m1[32], m2[32];
			app_period_format((enum app_period)p, ref, w, sizeof w);
			printf("Z %s total %s perpetual %s record %lld\n", w,
			       shift_money(m1, sizeof m1, z.sums.total),
			       shift_money(m2, sizeof m2, z.gt_perpetual), (long long)z.seq);
			close_print(&z, w);
			app_closing_release(&z);
		}
	}
	app_close(a);
	return rc;
}
