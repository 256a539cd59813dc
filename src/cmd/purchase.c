/* comptoir supplier, purchase, receive, reorder and product levels: the
 * purchasing side from the command line, through the application layer
 * the handheld screens use. Each received item is saved on its own. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "cmd.h"
#include "../app/auth.h"
#include "../app/purchase.h"
#include "../core/money.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

#define PURCHASE_LIST_MAX 200

struct purchase_args {
	const char *db, *kind, *code, *price, *supplier, *location;
	int64_t pack, lead_days, min, max;
	int preferred, over, no_order, create, has_min, has_max;
	struct cmd_auth au;
	char **args;
	int nargs;
};

static int purchase_int(const char *opt, const char *text, int64_t *out)
{
	char *end;
	long long v = strtoll(text, &end, 10);
	if (*text < '0' || *text > '9' || *end || v < 0)
		return cmd_fail(EXIT_REFUSED, _("%s takes a whole number, not '%s'"), opt, text);
	*out = v;
	return 0;
}

/* Returns 0, -1 after --help, or the exit status of a usage error. */
static int purchase_parse(const char *name, int argc, char **argv, struct purchase_args *p)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "kind", required_argument, NULL, 'k' },
		{ "code", required_argument, NULL, 'c' },
		{ "price", required_argument, NULL, 'p' },
		{ "pack", required_argument, NULL, 'n' },
		{ "lead-days", required_argument, NULL, 'l' },
		{ "preferred", no_argument, NULL, 'f' },
		{ "supplier", required_argument, NULL, 's' },
		{ "location", required_argument, NULL, 'L' },
		{ "over", no_argument, NULL, 'o' },
		{ "no-order", no_argument, NULL, 'N' },
		{ "create", no_argument, NULL, 'C' },
		{ "min", required_argument, NULL, 'm' },
		{ "max", required_argument, NULL, 'M' },
		CMD_AUTH_OPTIONS,
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	memset(p, 0, sizeof *p);
	p->lead_days = -1;
	int c, rc = 0;
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (cmd_auth_opt(&p->au, c, optarg))
			continue;
		switch (c) {
		case 'd': p->db = optarg; break;
		case 'k': p->kind = optarg; break;
		case 'c': p->code = optarg; break;
		case 'p': p->price = optarg; break;
		case 'n':
			rc = purchase_int("--pack", optarg, &p->pack);
			if (rc == 0 && p->pack == 0)
				rc = cmd_fail(EXIT_REFUSED, _("--pack takes 1 or more"));
			break;
		case 'l': rc = purchase_int("--lead-days", optarg, &p->lead_days); break;
		case 'f': p->preferred = 1; break;
		case 's': p->supplier = optarg; break;
		case 'L': p->location = optarg; break;
		case 'o': p->over = 1; break;
		case 'N': p->no_order = 1; break;
		case 'C': p->create = 1; break;
		case 'm': rc = purchase_int("--min", optarg, &p->min); p->has_min = 1; break;
		case 'M': rc = purchase_int("--max", optarg, &p->max); p->has_max = 1; break;
		case 'h': cmd_usage(name, EXIT_OK); return -1;
		default: return cmd_bad_option(name, c, argv);
		}
		if (rc)
			return rc;
	}
	p->args = argv + optind;
	p->nargs = argc - optind;
	return cmd_auth_check(&p->au);
}

static int purchase_open(struct purchase_args *p, struct app **a)
{
	int rc = cmd_open(p->db, a);
	if (rc)
		return rc;
	if ((rc = cmd_auth_apply(*a, &p->au, NULL)) != 0) {
		app_close(*a);
		return rc;
	}
	return 0;
}

static int purchase_done(struct app *a, int rc, char *err)
{
	app_close(a);
	return rc == APP_OK ? EXIT_OK : cmd_fail_err(rc, err, _("refused"));
}

static int purchase_number(const char *text, int64_t *out)
{
	char *end;
	long long v = strtoll(text, &end, 10);
	if (*text < '0' || *text > '9' || *end || v <= 0)
		return cmd_fail(EXIT_REFUSED, _("'%s' is not a purchase order number"), text);
	*out = v;
	return 0;
}

/* CODE[*QTY][@LOT[:YYYY-MM-DD]], split in place. */
static struct app_stock_item *purchase_items(char **args, int n)
{
	struct app_stock_item *it = xcalloc((size_t)n + 1, sizeof *it);
	for (int i = 0; i < n; i++) {
		char *at = strchr(args[i], '@');
		if (at) {
			*at = '\0';
			it[i].lot = at + 1;
			char *colon = strrchr(at + 1, ':');
			if (colon) {
				*colon = '\0';
				it[i].expiry = colon + 1;
			}
		}
		char *star = strrchr(args[i], '*');
		if (star) {
			*star = '\0';
			it[i].qty = star + 1;
		}
		it[i].code = args[i];
	}
	return it;
}

/* Base units, or kilograms with three decimals when weighed, as `stock`. */
static void purchase_qty(char *buf, size_t size, int64_t q, int weighed)
{
	quantity_format(buf, size, q, weighed ? 3 : 0, ".");
}

int cmd_supplier(int argc, char **argv)
{
	struct purchase_args p;
	int rc = purchase_parse("supplier", argc, argv, &p);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	const char *verb = p.nargs > 0 ? p.args[0] : "";
	int add = strcmp(verb, "add") == 0 && p.nargs == 3;
	int item = strcmp(verb, "item") == 0 && p.nargs == 3;
	int list = strcmp(verb, "list") == 0 && p.nargs == 1;
	if (!add && !item && !list) {
		cmd_fail(EXIT_USAGE, _("supplier needs 'add CODE NAME', 'item SUPPLIER SKU' or 'list'"));
		return cmd_usage("supplier", EXIT_USAGE);
	}
	struct app *a;
	if ((rc = purchase_open(&p, &a)) != 0)
		return rc;
	char *err = NULL;
	if (add) {
		rc = app_supplier_add_kind(a, p.args[1], p.args[2], p.kind ? p.kind : "wholesaler",
		                           &err);
		if (rc == APP_OK)
			printf("supplier %s\n", p.args[1]);
		return purchase_done(a, rc, err);
	}
	if (item) {
		struct app_supplier_item it = { .code = p.code, .price = p.price,
		                                .pack_qty = p.pack, .lead_days = p.lead_days,
		                                .preferred = p.preferred };
		rc = app_supplier_item_set(a, p.args[1], p.args[2], &it, &err);
		return purchase_done(a, rc, err);
	}
	struct app_supplier_info *s = xcalloc(PURCHASE_LIST_MAX, sizeof *s);
	struct app_supplier_item_info *it = xcalloc(PURCHASE_LIST_MAX, sizeof *it);
	size_t n = 0, m = 0;
	rc = app_supplier_list(a, s, PURCHASE_LIST_MAX, &n, &err);
	for (size_t i = 0; rc == APP_OK && i < n && i < PURCHASE_LIST_MAX; i++) {
		printf("%s %s %s\n", s[i].code, s[i].kind, s[i].name);
		rc = app_supplier_items(a, s[i].code, it, PURCHASE_LIST_MAX, &m, &err);
		for (size_t k = 0; rc == APP_OK && k < m && k < PURCHASE_LIST_MAX; k++) {
			char price[32];
			money_format(price, sizeof price, it[k].price, &money_style_plain);
			printf("  %s code %s price %s pack %lld lead %lld%s\n", it[k].sku,
			       it[k].code[0] ? it[k].code : "-", price, (long long)it[k].pack_qty,
			       (long long)it[k].lead_days, it[k].preferred ? " preferred" : "");
		}
	}
	free(s);
	free(it);
	return purchase_done(a, rc, err);
}

static int purchase_show(struct app *a, int64_t number, char **err)
{
	struct app_purchase po;
	int rc = app_purchase_get(a, number, &po, err);
	if (rc != APP_OK)
		return rc;
	printf("purchase %lld %s %s%s\n", (long long)po.number, po.supplier, po.status,
	       po.unordered ? " unordered" : "");
	for (size_t i = 0; i < po.n; i++) {
		const struct app_purchase_line *l = &po.lines[i];
		char o[32], r[32], left[32];
		purchase_qty(o, sizeof o, l->ordered, l->weighed);
		purchase_qty(r, sizeof r, l->received, l->weighed);
		purchase_qty(left, sizeof left, l->open, l->weighed);
		printf("%s ordered %s received %s open %s %s\n", l->sku, o, r, left, l->name);
	}
	app_purchase_release(&po);
	return APP_OK;
}

static int purchase_list(struct app *a, char **err)
{
	struct app_purchase_head *h = xcalloc(PURCHASE_LIST_MAX, sizeof *h);
	size_t n = 0;
	int rc = app_purchase_list(a, h, PURCHASE_LIST_MAX, &n, err);
	for (size_t i = 0; rc == APP_OK && i < n && i < PURCHASE_LIST_MAX; i++) {
		char day[16] = "";
		time_t t = (time_t)h[i].created_at;
		struct tm tm;
		if (localtime_r(&t, &tm))
			strftime(day, sizeof day, "%Y-%m-%d", &tm);
		printf("%lld %s %s %s ordered %lld received %lld%s\n", (long long)h[i].number,
		       h[i].supplier, h[i].status, day, (long long)h[i].ordered,
		       (long long)h[i].received, h[i].unordered ? " unordered" : "");
	}
	free(h);
	return rc;
}

int cmd_purchase(int argc, char **argv)
{
	struct purchase_args p;
	int rc = purchase_parse("purchase", argc, argv, &p);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	const char *verb = p.nargs > 0 ? p.args[0] : "";
	int new = strcmp(verb, "new") == 0 && p.nargs >= 2 && p.supplier;
	int one = (strcmp(verb, "send") == 0 || strcmp(verb, "show") == 0 ||
	           strcmp(verb, "close") == 0) && p.nargs == 2;
	int list = strcmp(verb, "list") == 0 && p.nargs == 1;
	if (!new && !one && !list) {
		cmd_fail(EXIT_USAGE, _("purchase needs 'new --supplier CODE ITEM...', 'send N', "
		                       "'show N', 'close N' or 'list'"));
		return cmd_usage("purchase", EXIT_USAGE);
	}
	int64_t number = 0;
	if (one && (rc = purchase_number(p.args[1], &number)) != 0)
		return rc;
	struct app *a;
	if ((rc = purchase_open(&p, &a)) != 0)
		return rc;
	char *err = NULL;
	if (new) {
		struct app_stock_item *it = purchase_items(p.args + 1, p.nargs - 1);
		rc = app_purchase_new(a, p.supplier, it, (size_t)p.nargs - 1, &number, &err);
		free(it);
		if (rc == APP_OK)
			printf("purchase %lld\n", (long long)number);
	} else if (list) {
		rc = purchase_list(a, &err);
	} else if (strcmp(verb, "show") == 0) {
		rc = purchase_show(a, number, &err);
	} else {
		int send = strcmp(verb, "send") == 0;
		rc = send ? app_purchase_send(a, number, &err) : app_purchase_close(a, number, &err);
		if (rc == APP_OK)
			rc = purchase_show(a, number, &err);
	}
	return purchase_done(a, rc, err);
}

/* Everything still open on the order, one item per line, by SKU. */
static int receive_open_items(struct app *a, int64_t number, struct app_stock_item **items,
                              char ***texts, size_t *n, char **err)
{
	struct app_purchase po;
	int rc = app_purchase_get(a, number, &po, err);
	if (rc != APP_OK)
		return rc;
	*items = xcalloc(po.n + 1, sizeof **items);
	*texts = xcalloc(2 * po.n + 1, sizeof **texts);
	*n = 0;
	for (size_t i = 0; i < po.n; i++) {
		if (po.lines[i].open <= 0)
			continue;
		char q[32];
		purchase_qty(q, sizeof q, po.lines[i].open, po.lines[i].weighed);
		(*texts)[2 * *n] = xstrdup(po.lines[i].sku);
		(*texts)[2 * *n + 1] = xstrdup(q);
		(*items)[*n].code = (*texts)[2 * *n];
		(*items)[*n].qty = (*texts)[2 * *n + 1];
		(*n)++;
	}
	app_purchase_release(&po);
	if (*n == 0) {
		error_set(err, _("nothing is open on purchase order %lld"), (long long)number);
		return APP_ERR;
	}
	return APP_OK;
}

int cmd_receive(int argc, char **argv)
{
	struct purchase_args p;
	int rc = purchase_parse("receive", argc, argv, &p);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	if (p.no_order ? !p.supplier || p.nargs < 1 : p.nargs < 1) {
		cmd_fail(EXIT_USAGE, _("receive needs a PURCHASE order, or --supplier CODE "
		                       "--no-order and ITEMs"));
		return cmd_usage("receive", EXIT_USAGE);
	}
	int64_t number = 0;
	char **args = p.args;
	int nargs = p.nargs;
	if (!p.no_order) {
		if ((rc = purchase_number(args[0], &number)) != 0)
			return rc;
		args++;
		nargs--;
	}
	struct app *a;
	if ((rc = purchase_open(&p, &a)) != 0)
		return rc;
	char *err = NULL;
	struct app_stock_item *it = NULL;
	char **texts = NULL;
	size_t n = (size_t)nargs;
	if (!p.no_order && nargs == 0)
		rc = receive_open_items(a, number, &it, &texts, &n, &err);
	if (rc == APP_OK && !it)
		it = purchase_items(args, nargs);
	/* Without an order, all the items or none; against an order each item
	 * is saved on its own: what came before a refusal stays. */
	if (p.no_order) {
		rc = app_receive_unordered(a, p.supplier, p.location, it, n, &number, &err);
		for (size_t i = 0; rc == APP_OK && i < n; i++)
			printf(_("received %s%s%s, %s still open\n"), it[i].code, it[i].qty ? "*" : "",
			       it[i].qty ? it[i].qty : "", "0");
	}
	for (size_t i = 0; !p.no_order && rc == APP_OK && i < n; i++) {
		struct app_purchase_received got;
		rc = app_purchase_receive_item(a, number, p.location, &it[i], p.over, &got, &err);
		char left[32];
		purchase_qty(left, sizeof left, got.open_left, got.weighed);
		if (rc == APP_OK)
			printf(_("received %s%s%s, %s still open\n"), it[i].code,
			       it[i].qty ? "*" : "", it[i].qty ? it[i].qty : "", left);
	}
	app_require_done(a);
	if (number > 0 && (rc == APP_OK || rc == APP_ERR || rc == APP_DENIED)) {
		char *err3 = NULL;
		purchase_show(a, number, &err3);
		free(err3);
	}
	for (size_t i = 0; texts && texts[i]; i++)
		free(texts[i]);
	free(texts);
	free(it);
	return purchase_done(a, rc, err);
}

int cmd_reorder(int argc, char **argv)
{
	struct purchase_args p;
	int rc = purchase_parse("reorder", argc, argv, &p);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	if (p.nargs != 0) {
		cmd_fail(EXIT_USAGE, _("reorder takes no arguments"));
		return cmd_usage("reorder", EXIT_USAGE);
	}
	struct app *a;
	if ((rc = purchase_open(&p, &a)) != 0)
		return rc;
	char *err = NULL;
	size_t n = 0;
	if (p.create) {
		int64_t *numbers = NULL;
		rc = app_reorder_create(a, &numbers, &n, &err);
		for (size_t i = 0; i < n; i++)
			printf("purchase %lld\n", (long long)numbers[i]);
		free(numbers);
		return purchase_done(a, rc, err);
	}
	struct app_reorder_line *l = NULL;
	rc = app_reorder_suggest(a, &l, &n, &err);
	for (size_t i = 0; rc == APP_OK && i < n; i++) {
		if (i == 0 || strcmp(l[i].supplier, l[i - 1].supplier) != 0) {
			if (l[i].supplier[0])
				printf(_("supplier %s\n"), l[i].supplier);
			else
				printf(_("no supplier\n"));
		}
		printf(_("  %s order %lld (on hand %lld, on order %lld, min %lld, max %lld, sold "
		         "%lld in %d days, lead %lld days, pack %lld) %s\n"),
		       l[i].sku, (long long)l[i].qty, (long long)l[i].on_hand,
		       (long long)l[i].on_order, (long long)l[i].min, (long long)l[i].max,
		       (long long)l[i].sold, 28, (long long)l[i].lead_days,
		       (long long)l[i].pack_qty, l[i].name);
	}
	free(l);
	return purchase_done(a, rc, err);
}

int cmd_product_levels(int argc, char **argv)
{
	struct purchase_args p;
	int rc = purchase_parse("product", argc, argv, &p);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	if (p.nargs != 2 || strcmp(p.args[0], "levels") != 0 || !p.has_min || !p.has_max) {
		cmd_fail(EXIT_USAGE, _("product needs 'levels SKU --min N --max N'"));
		return cmd_usage("product", EXIT_USAGE);
	}
	struct app *a;
	if ((rc = purchase_open(&p, &a)) != 0)
		return rc;
	char *err = NULL;
	rc = app_product_levels(a, p.args[1], p.min, p.max, &err);
	if (rc == APP_OK)
		printf("%s min %lld max %lld\n", p.args[1], (long long)p.min, (long long)p.max);
	return purchase_done(a, rc, err);
}
