/* comptoir order draft|add|paste|place|repeat|draft-show|drafts, order new
 * --shipping and quote copy: fast entry on the desk through the
 * application layer the screens use, and the options these commands
 * share. What they do not handle goes to the desk's commands unchanged. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmd.h"
#include "desk_draft.h"
#include "../app/drafts.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

#define PASTE_BYTES_MAX (1024 * 1024)

int fast_parse(const char *name, int argc, char **argv, struct fast_args *f)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "customer", required_argument, NULL, 'c' },
		{ "ship-to", required_argument, NULL, 's' },
		{ "shipping", required_argument, NULL, 'S' },
		{ "tracking", required_argument, NULL, 'T' },
		{ "price", required_argument, NULL, 'p' },
		{ "product", required_argument, NULL, 'r' },
		{ "from", required_argument, NULL, 'F' },
		CMD_AUTH_OPTIONS,
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	memset(f, 0, sizeof *f);
	int c;
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (cmd_auth_opt(&f->au, c, optarg))
			continue;
		switch (c) {
		case 'd': f->db = optarg; break;
		case 'c': f->customer = optarg; break;
		case 's': f->ship_to = optarg; break;
		case 'S': f->shipping = optarg; break;
		case 'T': f->tracking = optarg; break;
		case 'p': f->price = optarg; break;
		case 'r': f->product = optarg; break;
		case 'F': f->from = optarg; break;
		case 'h': cmd_usage(name, EXIT_OK); return -1;
		default: return cmd_bad_option(name, c, argv);
		}
	}
	f->args = argv + optind;
	f->nargs = argc - optind;
	return 0;
}

int fast_only(const char *name, const struct fast_args *f, const char *allowed)
{
	const struct { char letter; const char *set, *opt; } o[] = {
		{ 'c', f->customer, "--customer" }, { 's', f->ship_to, "--ship-to" },
		{ 'S', f->shipping, "--shipping" }, { 'T', f->tracking, "--tracking" },
		{ 'p', f->price, "--price" }, { 'r', f->product, "--product" },
		{ 'F', f->from, "--from" },
	};
	for (size_t i = 0; i < sizeof o / sizeof o[0]; i++)
		if (o[i].set && !strchr(allowed, o[i].letter)) {
			cmd_fail(EXIT_USAGE, _("unknown option '%s'"), o[i].opt);
			return cmd_usage(name, EXIT_USAGE);
		}
	return cmd_auth_check(&f->au);
}

int fast_open(struct fast_args *f, struct app **a)
{
	int rc = cmd_open(f->db, a);
	if (rc)
		return rc;
	if ((rc = cmd_auth_apply(*a, &f->au, NULL)) != 0)
		app_close(*a);
	return rc;
}

int fast_number(const char *what, const char *text, int64_t *out)
{
	char *end;
	long long v = strtoll(text, &end, 10);
	if (*text < '0' || *text > '9' || *end || v <= 0)
		return cmd_fail(EXIT_REFUSED, _("'%s' is not a %s number"), text, what);
	*out = v;
	return 0;
}

struct app_doc_item *fast_items(char **args, int n)
{
	struct app_doc_item *it = xcalloc((size_t)n + 1, sizeof *it);
	for (int i = 0; i < n; i++) {
		char *star = strrchr(args[i], '*');
		it[i].code = args[i];
		if (star) {
			*star = '\0';
			it[i].qty = star + 1;
		}
	}
	return it;
}

void fast_money(char *out, size_t size, money_t v)
{
	money_format(out, size, v, &money_style_plain);
}

/* The draft's first line ("draft NUMBER", for programs), then its lines
 * and totals at today's prices. */
static int fast_draft_print(struct app *a, int64_t number)
{
	printf("draft %lld\n", (long long)number);
	struct app_draft d;
	char *err = NULL;
	if (app_draft_get(a, number, &d, &err) != APP_OK) {
		cmd_warn(_("the draft cannot be priced today: %s"), err ? err : "");
		free(err);
		return EXIT_OK;
	}
	char unit[32], gross[32], qty[32];
	for (size_t i = 0; i < d.n; i++) {
		const struct app_draft_line *l = &d.lines[i];
		fast_money(unit, sizeof unit, l->unit_price);
		fast_money(gross, sizeof gross, l->gross);
		if (l->weighed)
			snprintf(qty, sizeof qty, "%lld.%03lld", (long long)(l->qty_base / 1000),
			         (long long)(l->qty_base % 1000));
		else
			snprintf(qty, sizeof qty, "%lld", (long long)l->qty_base);
		printf("line %d %s %s x %s = %s  %s\n", l->line_no, l->sku, qty, unit, gross, l->name);
	}
	printf("customer %s\nstatus %s\n", d.customer, d.status);
	if (d.ship_to)
		printf("ship-to %d\n", d.ship_to);
	if (d.shipping[0]) {
		fast_money(gross, sizeof gross, d.charge);
		printf("shipping %s %s\n", d.shipping, gross);
	}
	fast_money(gross, sizeof gross, d.total);
	printf("total %s\n", gross);
	if (d.order)
		printf("order %lld\n", (long long)d.order);
	app_draft_release(&d);
	return EXIT_OK;
}

/* The whole of a file or standard input, at most PASTE_BYTES_MAX bytes. */
static char *fast_slurp(const char *path, size_t *len)
{
	FILE *fp = path ? fopen(path, "rb") : stdin;
	if (!fp) {
		cmd_fail(EXIT_REFUSED, _("cannot read %s: %s"), path, strerror(errno));
		return NULL;
	}
	char *buf = xmalloc(PASTE_BYTES_MAX + 1);
	*len = fread(buf, 1, PASTE_BYTES_MAX + 1, fp);
	int bad = ferror(fp);
	if (path)
		fclose(fp);
	if (bad || *len > PASTE_BYTES_MAX) {
		cmd_fail(EXIT_REFUSED, bad ? _("cannot read the pasted lines")
		                           : _("more than 1 MiB of pasted lines"));
		free(buf);
		return NULL;
	}
	buf[*len] = '\0';
	return buf;
}

static int fast_ship_to(const struct fast_args *f, int *seq)
{
	*seq = 0;
	if (!f->ship_to)
		return 0;
	int64_t v;
	int rc = fast_number(_("ship-to"), f->ship_to, &v);
	if (rc == 0)
		*seq = (int)v;
	return rc;
}

static int fast_paste(struct app *a, int64_t number, const char *path)
{
	size_t len = 0;
	char *text = fast_slurp(path, &len);
	if (!text)
		return EXIT_REFUSED;
	struct app_paste_result res;
	char *err = NULL;
	int rc = app_draft_paste(a, number, text, len, &res, &err);
	free(text);
	if (rc != APP_OK)
		return cmd_fail_err(rc, err, _("nothing was added"));
	fast_draft_print(a, number);
	printf("added %zu\n", res.added);
	for (size_t i = 0; i < res.nrejects; i++)
		printf("not added line %zu: %s: %s\n", res.rejects[i].line, res.rejects[i].text,
		       res.rejects[i].why);
	if (res.nrejects)
		cmd_warn(_("%zu pasted lines were not added (listed)"), res.nrejects);
	app_paste_result_release(&res);
	return EXIT_OK;
}

static int fast_drafts(struct fast_args *f)
{
	int rc = fast_only("order", f, "c");
	struct app *a;
	if (rc || (rc = fast_open(f, &a)) != 0)
		return rc;
	struct app_draft_head *h;
	size_t n;
	char *err = NULL;
	rc = app_drafts_open(a, f->customer, &h, &n, &err);
	app_close(a);
	if (rc != APP_OK)
		return cmd_fail_err(rc, err, _("cannot read the drafts"));
	for (size_t i = 0; i < n; i++)
		printf("draft %lld %s lines %d by %s\n", (long long)h[i].number, h[i].customer,
		       h[i].nlines, h[i].user[0] ? h[i].user : "-");
	free(h);
	return EXIT_OK;
}

int cmd_order_fast(int argc, char **argv)
{
	struct fast_args f;
	int rc = fast_parse("order", argc, argv, &f);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	const char *verb = f.nargs > 0 ? f.args[0] : "";
	/* order new without --shipping and order confirm: the desk's own. */
	if ((strcmp(verb, "new") == 0 && !f.shipping) || strcmp(verb, "confirm") == 0 || !verb[0])
		return cmd_order(argc, argv);
	int draft = strcmp(verb, "draft") == 0, add = strcmp(verb, "add") == 0;
	int paste = strcmp(verb, "paste") == 0, place = strcmp(verb, "place") == 0;
	int repeat = strcmp(verb, "repeat") == 0, show = strcmp(verb, "draft-show") == 0;
	int new = strcmp(verb, "new") == 0, set = strcmp(verb, "set") == 0;
	int remove = strcmp(verb, "remove") == 0;
	if (strcmp(verb, "drafts") == 0 && f.nargs == 1)
		return fast_drafts(&f);
	if (!((draft && f.customer) || (new && f.customer && f.nargs >= 2) ||
	      (add && f.nargs >= 3) || (paste && (f.nargs == 2 || f.nargs == 3)) ||
	      ((place || show) && f.nargs == 2) || (repeat && f.customer && f.nargs == 1) ||
	      (set && f.nargs == 4) || (remove && f.nargs == 3))) {
		cmd_fail(EXIT_USAGE, _("order draft|repeat need --customer; add, paste, place, set, "
		                       "remove and draft-show need a DRAFT"));
		return cmd_usage("order", EXIT_USAGE);
	}
	const char *allowed = draft || new ? "csS" : repeat ? "c" : "";
	if ((rc = fast_only("order", &f, allowed)) != 0)
		return rc;
	int seq = 0;
	int64_t number = 0;
	if ((rc = fast_ship_to(&f, &seq)) != 0)
		return rc;
	int64_t line = 0;
	if ((add || paste || place || show || set || remove) &&
	    (rc = fast_number(_("draft"), f.args[1], &number)))
		return rc;
	if ((set || remove) && (rc = fast_number(_("line"), f.args[2], &line)) != 0)
		return rc;
	if (line > 100000)
		return cmd_fail(EXIT_REFUSED, _("'%s' is not a line number"), f.args[2]);
	struct app *a;
	if ((rc = fast_open(&f, &a)) != 0)
		return rc;
	char *err = NULL;
	struct app_doc_result res;
	struct app_doc_item *it = NULL;
	if (draft || new || add)
		it = fast_items(f.args + (add ? 2 : 1), f.nargs - (add ? 2 : 1));
	if (draft) {
		rc = app_draft_new(a, f.customer, seq, f.shipping, it, (size_t)f.nargs - 1, &number,
		                   &err);
	} else if (add) {
		rc = app_draft_add(a, number, it, (size_t)f.nargs - 2, &err);
	} else if (repeat) {
		rc = app_order_repeat(a, f.customer, &number, &err);
	} else if (new) {
		rc = app_order_new_shipped(a, f.customer, seq, f.shipping, it, (size_t)f.nargs - 1,
		                           &res, &err);
	} else if (place) {
		rc = app_draft_place(a, number, &res, &err);
	} else if (set || remove) {
		rc = app_draft_line_set(a, number, (int)line, set ? f.args[3] : NULL, &err);
	} else if (paste) {
		rc = fast_paste(a, number, f.nargs == 3 ? f.args[2] : NULL);
		app_close(a);
		return rc;
	} else {
		struct app_draft d;
		if ((rc = app_draft_get(a, number, &d, &err)) == APP_OK)
			app_draft_release(&d);
	}
	free(it);
	if (rc != APP_OK) {
		app_close(a);
		return cmd_fail_err(rc, err, _("refused"));
	}
	if (new || place) {
		char total[32];
		fast_money(total, sizeof total, res.total);
		printf("order %s total %s\n", res.number, total);
		/* Lines the stock cannot cover yet, as `order new` names them. */
		fputs(res.shortage, stdout);
	} else {
		rc = fast_draft_print(a, number);
	}
	app_close(a);
	return rc;
}

int cmd_quote_fast(int argc, char **argv)
{
	struct fast_args f;
	int rc = fast_parse("quote", argc, argv, &f);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	if (f.nargs < 1 || strcmp(f.args[0], "copy") != 0)
		return cmd_quote(argc, argv);
	if (f.nargs != 2) {
		cmd_fail(EXIT_USAGE, _("quote copy needs one QUOTE"));
		return cmd_usage("quote", EXIT_USAGE);
	}
	if ((rc = fast_only("quote", &f, "c")) != 0)
		return rc;
	int64_t quote;
	if ((rc = fast_number(_("quote"), f.args[1], &quote)) != 0)
		return rc;
	struct app *a;
	if ((rc = fast_open(&f, &a)) != 0)
		return rc;
	struct app_doc_result res;
	char *err = NULL;
	rc = app_quote_copy(a, quote, f.customer, &res, &err);
	app_close(a);
	if (rc != APP_OK)
		return cmd_fail_err(rc, err, _("refused"));
	char total[32];
	fast_money(total, sizeof total, res.total);
	printf("quote %s total %s\n", res.number, total);
	return EXIT_OK;
}

