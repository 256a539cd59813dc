/* comptoir location, transfer, count, adjust, product set --negative and
 * stock report: the stock operations of the application layer on the
 * command line, and the hook that prints their warnings. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmd.h"
#include "../app/auth.h"
#include "../app/stock_ops.h"
#include "../core/money.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

#define STOCK_CMD_ITEMS_MAX 500

void cmd_stock_warn(void *ctx, const char *msg)
{
	(void)ctx;
	cmd_warn("%s", msg);
}

/* ITEM is CODE, CODE*QTY, CODE@LOT or CODE*QTY@LOT; the text is cut in
 * place (argv is ours). */
static void stock_item_split(char *arg, struct app_stock_item *it)
{
	memset(it, 0, sizeof *it);
	char *at = strrchr(arg, '@');
	if (at) {
		*at = '\0';
		it->lot = at + 1;
	}
	char *star = strrchr(arg, '*');
	if (star) {
		*star = '\0';
		it->qty = star + 1;
	}
	it->code = arg;
}

static int stock_cmd_number(const char *text, int64_t *out)
{
	char *end;
	long long v = strtoll(text, &end, 10);
	if (!*text || *end || v <= 0)
		return cmd_fail(EXIT_REFUSED, _("'%s' is not a number"), text);
	*out = v;
	return 0;
}

/* An option's value that is itself an option ("--db", "-x"): the value
 * was left out. A negative number is a value. */
static int stock_opt_missing(const char *v)
{
	return v && v[0] == '-' && v[1] && !(v[1] >= '0' && v[1] <= '9') && v[1] != '.';
}

/* Parses the options shared by the stock commands: --db and who acts. */
struct stock_cmd_opts {
	const char *db, *from, *to, *location, *kind, *category, *reason, *lot, *expiry;
	const char *negative;
	int transit, days;
	int64_t below;
	struct cmd_auth au;
};

static int stock_getopt(const char *name, int argc, char **argv, struct stock_cmd_opts *o)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "transit", no_argument, NULL, 'T' },
		{ "location", required_argument, NULL, 'l' },
		{ "kind", required_argument, NULL, 'k' },
		{ "category", required_argument, NULL, 'c' },
		{ "reason", required_argument, NULL, 'r' },
		{ "lot", required_argument, NULL, 'L' },
		{ "expiry", required_argument, NULL, 'E' },
		{ "negative", required_argument, NULL, 'n' },
		{ "days", required_argument, NULL, 'D' },
		{ "below", required_argument, NULL, 'B' },
		{ "help", no_argument, NULL, 'h' },
		CMD_AUTH_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	memset(o, 0, sizeof *o);
	o->below = -1;
	int c, li = -1;
	int64_t v;
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, &li)) != -1) {
		/* "--days --db x": the value is missing, not "--db". */
		if (li >= 0 && opts[li].has_arg == required_argument && stock_opt_missing(optarg)) {
			char opt[40];
			snprintf(opt, sizeof opt, "--%s", opts[li].name);
			cmd_fail(EXIT_USAGE, _("option '%s' needs a value"), opt);
			return cmd_usage(name, EXIT_USAGE);
		}
		li = -1;
		if (cmd_auth_opt(&o->au, c, optarg))
			continue;
		switch (c) {
		case 'd': o->db = optarg; break;
		case 'f': o->from = optarg; break;
		case 't': o->to = optarg; break;
		case 'T': o->transit = 1; break;
		case 'l': o->location = optarg; break;
		case 'k': o->kind = optarg; break;
		case 'c': o->category = optarg; break;
		case 'r': o->reason = optarg; break;
		case 'L': o->lot = optarg; break;
		case 'E': o->expiry = optarg; break;
		case 'n': o->negative = optarg; break;
		case 'D':
		case 'B':
			if (strcmp(optarg, "0") == 0)
				v = 0;
			else if (stock_cmd_number(optarg, &v) != 0)
				return EXIT_REFUSED;
			if (c == 'D' && v > 36600)
				return cmd_fail(EXIT_REFUSED, _("the number of days is 0 to 36600"));
			if (c == 'D')
				o->days = (int)v;
			else
				o->below = v;
			break;
		case 'h': return cmd_usage(name, EXIT_OK) - 1;
		default: return cmd_bad_option(name, c, argv);
		}
	}
	return cmd_auth_check(&o->au);
}

/* Opens the shop and applies who acts; 0 or the exit status. */
static int stock_cmd_open(struct stock_cmd_opts *o, struct app **a)
{
	int rc = cmd_open(o->db, a);
	if (rc)
		return rc;
	if ((rc = cmd_auth_apply(*a, &o->au, NULL)) != 0)
		app_close(*a);
	return rc;
}

/* Parses the options (anywhere on the line) and returns the other
 * arguments in *args (malloc'd; the caller frees). A negative number
 * ("-3", an adjustment) is an argument, not an option: it is set aside
 * before getopt and put after the others. */
static int stock_args(const char *name, int argc, char **argv, struct stock_cmd_opts *o,
                      char ***args, int *nargs)
{
	char **copy = xcalloc((size_t)argc + 1, sizeof *copy);
	char **neg = xcalloc((size_t)argc + 1, sizeof *neg);
	int n = 0, nneg = 0;
	for (int i = 0; i < argc; i++) {
		if (i > 0 && argv[i][0] == '-' && argv[i][1] >= '0' && argv[i][1] <= '9')
			neg[nneg++] = argv[i];
		else
			copy[n++] = argv[i];
	}
	int rc = stock_getopt(name, n, copy, o);
	if (rc) {
		free(copy);
		free(neg);
		return rc;
	}
	char **pos = xcalloc((size_t)argc + 1, sizeof *pos);
	int npos = 0;
	for (int i = optind; i < n; i++)
		pos[npos++] = copy[i];
	for (int i = 0; i < nneg; i++)
		pos[npos++] = neg[i];
	free(copy);
	free(neg);
	*args = pos;
	*nargs = npos;
	return 0;
}

#define STOCK_ARGS(name)                                                        \
	struct stock_cmd_opts o;                                                \
	char **args = NULL;                                                     \
	int nargs = 0;                                                          \
	int rc = stock_args(name, argc, argv, &o, &args, &nargs);               \
	if (rc)                                                                 \
		return rc < 0 ? EXIT_OK : rc

int cmd_location(int argc, char **argv)
{
	STOCK_ARGS("location");
	int add = nargs == 3 && strcmp(args[0], "add") == 0;
	if (!add && !(nargs == 1 && strcmp(args[0], "list") == 0)) {
		free(args);
		cmd_fail(EXIT_USAGE, _("location add CODE NAME or location list"));
		return cmd_usage("location", EXIT_USAGE);
	}
	struct app *a;
	if ((rc = stock_cmd_open(&o, &a)) != 0) {
		free(args);
		return rc;
	}
	char *err = NULL;
	if (add) {
		rc = app_location_add(a, args[1], args[2], o.kind, &err);
		if (rc == APP_OK)
			printf(_("location %s added\n"), args[1]);
	} else {
		struct app_location locs[256];
		size_t n = 0;
		rc = app_location_list(a, locs, 256, &n, &err);
		for (size_t i = 0; rc == APP_OK && i < n && i < 256; i++)
			printf("%s  %s  %s\n", locs[i].code, locs[i].kind, locs[i].name);
	}
	app_close(a);
	free(args);
	return rc == APP_OK ? EXIT_OK : cmd_fail_err(rc, err, _("the location was not changed"));
}

static int stock_items(char **args, int nargs, struct app_stock_item **items)
{
	if (nargs > STOCK_CMD_ITEMS_MAX)
		return cmd_fail(EXIT_REFUSED, _("at most %d items at once"), STOCK_CMD_ITEMS_MAX);
	*items = xcalloc((size_t)nargs + 1, sizeof **items);
	for (int i = 0; i < nargs; i++)
		stock_item_split(args[i], &(*items)[i]);
	return 0;
}

int cmd_transfer(int argc, char **argv)
{
	STOCK_ARGS("transfer");
	struct app *a;
	char *err = NULL;
	if (nargs >= 1 && strcmp(args[0], "arrive") == 0) {
		int64_t number;
		if (nargs != 2) {
			free(args);
			cmd_fail(EXIT_USAGE, _("transfer arrive needs the transfer NUMBER"));
			return cmd_usage("transfer", EXIT_USAGE);
		}
		rc = stock_cmd_number(args[1], &number);
		if (rc == 0)
			rc = stock_cmd_open(&o, &a);
		free(args);
		if (rc)
			return rc;
		rc = app_transfer_arrive(a, number, &err);
		app_close(a);
		if (rc != APP_OK)
			return cmd_fail_err(rc, err, _("the transfer did not arrive"));
		printf(_("transfer %lld arrived\n"), (long long)number);
		return EXIT_OK;
	}
	if (!o.from || !o.to || nargs == 0) {
		free(args);
		cmd_fail(EXIT_USAGE, _("transfer needs --from, --to and at least one ITEM"));
		return cmd_usage("transfer", EXIT_USAGE);
	}
	struct app_stock_item *items = NULL;
	if ((rc = stock_items(args, nargs, &items)) == 0 && (rc = stock_cmd_open(&o, &a)) == 0) {
		int64_t number = 0;
		if (o.transit)
			rc = app_transfer_send(a, o.from, o.to, items, (size_t)nargs, &number, &err);
		else
			rc = app_transfer(a, o.from, o.to, items, (size_t)nargs, &err);
		app_close(a);
		if (rc != APP_OK)
			rc = cmd_fail_err(rc, err, _("nothing was moved"));
		else if (o.transit)
			printf(_("transfer %lld\n"), (long long)number);
		else
			printf(_("moved from %s to %s\n"), o.from, o.to);
	}
	free(items);
	free(args);
	return rc;
}

static void count_print(const struct app_count_variance *v, size_t n, size_t shown)
{
	for (size_t i = 0; i < n && i < shown; i++) {
		char e[32], c[32], d[32];
		int dec = v[i].weighed ? 3 : 0;
		quantity_format(e, sizeof e, v[i].expected, dec, ".");
		quantity_format(c, sizeof c, v[i].counted, dec, ".");
		int64_t diff = v[i].counted - v[i].expected;
		quantity_format(d + 1, sizeof d - 1, diff < 0 ? -diff : diff, dec, ".");
		d[0] = diff < 0 ? '-' : '+';
		printf(_("%s  counted %s  expected %s  %s  %s\n"), v[i].sku, c, e, d, v[i].name);
	}
	if (n == 0)
		puts(_("no variance"));
}

static int count_approve_cmd(struct stock_cmd_opts *o, const char *num)
{
	int64_t number;
	struct app *a;
	int rc = stock_cmd_number(num, &number);
	if (rc == 0)
		rc = stock_cmd_open(o, &a);
	if (rc)
		return rc;
	char *err = NULL;
	struct app_count_variance v[64];
	size_t n = 0;
	rc = app_count_approve(a, number, &err);
	if (rc == APP_OK)
		rc = app_count_variances(a, number, v, 64, &n, &err);
	app_close(a);
	if (rc != APP_OK)
		return cmd_fail_err(rc, err, _("the count was not approved"));
	printf(_("count %lld approved\n"), (long long)number);
	count_print(v, n, 64);
	return EXIT_OK;
}

/* Opens, records, submits; applies at once when the user or an approver
 * may, else the variances wait for count approve. */
static int count_run(struct app *a, struct stock_cmd_opts *o, struct app_stock_item *items,
                     int nitems)
{
	char *err = NULL;
	for (int i = 0; i < nitems; i++) {
		struct app_scan scan;
		if (app_lookup(a, items[i].code, &scan, &err) != APP_OK)
			return cmd_fail_err(APP_ERR, err, _("unknown code"));
	}
	int64_t id;
	int rc = app_count_open_category(a, o->location, o->category, &id, &err);
	for (int i = 0; rc == APP_OK && i < nitems; i++)
		rc = app_count_record(a, id, items[i].code, items[i].qty, 1, &err);
	struct app_count_variance v[64];
	size_t n = 0;
	if (rc == APP_OK)
		rc = app_count_submit(a, id, v, 64, &n, &err);
	if (rc != APP_OK)
		return cmd_fail_err(rc, err, _("the count was not recorded"));
	printf(_("count %lld\n"), (long long)id);
	count_print(v, n, 64);
	if (n == 0 || !(!app_has_users(a) || app_can(a, RIGHT_STOCK_ADJUST) || o->au.approver)) {
		if (n > 0)
			printf(_("waiting for approval: comptoir count approve %lld\n"), (long long)id);
		return EXIT_OK;
	}
	if (app_count_approve(a, id, &err) != APP_OK)
		return cmd_fail_err(APP_ERR, err, _("the count was not approved"));
	puts(_("approved: the stock follows the count"));
	return EXIT_OK;
}

int cmd_count(int argc, char **argv)
{
	STOCK_ARGS("count");
	if (nargs >= 1 && strcmp(args[0], "approve") == 0) {
		rc = nargs == 2 ? count_approve_cmd(&o, args[1])
		                : (cmd_fail(EXIT_USAGE, _("count approve needs the count NUMBER")),
		                   cmd_usage("count", EXIT_USAGE));
		free(args);
		return rc;
	}
	if (!o.location || (nargs == 0 && !o.category)) {
		free(args);
		cmd_fail(EXIT_USAGE, _("count needs --location and ITEMs (CODE*COUNTED)"));
		return cmd_usage("count", EXIT_USAGE);
	}
	struct app_stock_item *items = NULL;
	struct app *a;
	if ((rc = stock_items(args, nargs, &items)) == 0 && (rc = stock_cmd_open(&o, &a)) == 0) {
		rc = count_run(a, &o, items, nargs);
		app_close(a);
	}
	free(items);
	free(args);
	return rc;
}

int cmd_adjust(int argc, char **argv)
{
	STOCK_ARGS("adjust");
	if (!o.location || !o.reason || nargs != 2) {
		free(args);
		cmd_fail(EXIT_USAGE, _("adjust needs --location, --reason, a CODE and a QTY"));
		return cmd_usage("adjust", EXIT_USAGE);
	}
	struct app *a;
	if ((rc = stock_cmd_open(&o, &a)) != 0) {
		free(args);
		return rc;
	}
	struct app_stock_item it = { .code = args[0], .qty = args[1], .lot = o.lot,
	                             .expiry = o.expiry };
	char *err = NULL;
	rc = app_stock_adjust_lot(a, o.location, &it, o.reason, &err);
	app_close(a);
	if (rc == APP_OK)
		printf(_("adjusted %s by %s at %s (%s)\n"), args[0], args[1], o.location, o.reason);
	free(args);
	return rc == APP_OK ? EXIT_OK : cmd_fail_err(rc, err, _("the stock was not adjusted"));
}

int cmd_product(int argc, char **argv)
{
	/* product levels (purchasing) or product set (the negative policy). */
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "levels") == 0)
			return cmd_product_levels(argc, argv);
		if (strcmp(argv[i], "set") == 0)
			break;
	}
	STOCK_ARGS("product");
	if (nargs != 2 || strcmp(args[0], "set") != 0 || !o.negative) {
		free(args);
		cmd_fail(EXIT_USAGE, _("product set SKU --negative allow|warn|refuse"));
		return cmd_usage("product", EXIT_USAGE);
	}
	struct app *a;
	if ((rc = stock_cmd_open(&o, &a)) != 0) {
		free(args);
		return rc;
	}
	char *err = NULL;
	rc = app_product_negative_set(a, args[1], o.negative, &err);
	app_close(a);
	if (rc == APP_OK)
		printf(_("%s: negative stock %s\n"), args[1], o.negative);
	free(args);
	return rc == APP_OK ? EXIT_OK : cmd_fail_err(rc, err, _("the product was not changed"));
}

int cmd_stock_report(int argc, char **argv)
{
	STOCK_ARGS("stock");
	int kind = nargs == 2 ? app_stock_report_kind_parse(args[1]) : -1;
	if (kind < 0) {
		free(args);
		cmd_fail(EXIT_USAGE, _("stock report valuation|low|moves|dead"));
		return cmd_usage("stock", EXIT_USAGE);
	}
	free(args);
	struct app *a;
	if ((rc = stock_cmd_open(&o, &a)) != 0)
		return rc;
	struct app_stock_report_opts ro = { .kind = (enum app_stock_report_kind)kind,
	                                    .location = o.location, .days = o.days,
	                                    .below = o.below };
	char *out = NULL, *err = NULL;
	rc = app_stock_report(a, &ro, &out, &err);
	app_close(a);
	if (rc != APP_OK)
		return cmd_fail_err(rc, err, _("no report"));
	fputs(out, stdout);
	free(out);
	return EXIT_OK;
}
