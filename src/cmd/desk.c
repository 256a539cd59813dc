/* comptoir quote, order, deliver, invoice and credit-note: the wholesale
 * desk's documents from the command line, through the application layer
 * the desk's screens will use. The first line printed is for programs. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmd.h"
#include "desk.h"
#include "../app/documents.h"
#include "../core/text.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

int desk_args_parse(const char *name, const char *allowed, int argc, char **argv,
                    struct desk_args *d)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "customer", required_argument, NULL, 'c' },
		{ "ship-to", required_argument, NULL, 's' },
		{ "invoice", required_argument, NULL, 'i' },
		{ "method", required_argument, NULL, 'm' },
		{ "restock", no_argument, NULL, 'r' },
		{ "terms", required_argument, NULL, 't' },
		{ "credit-limit", required_argument, NULL, 'l' },
		{ "hold", required_argument, NULL, 'H' },
		{ "note", required_argument, NULL, 'n' },
		{ "from", required_argument, NULL, 'F' },
		CMD_AUTH_OPTIONS,
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	memset(d, 0, sizeof *d);
	int c;
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (cmd_auth_opt(&d->au, c, optarg))
			continue;
		/* Each command takes --db, --help, the user options and its own. */
		if (c != 'd' && c != 'h' && c != '?' && c != ':' && !strchr(allowed, c))
			return cmd_bad_option(name, '?', argv);
		switch (c) {
		case 'd': d->db = optarg; break;
		case 'c': d->customer = optarg; break;
		case 's': d->ship_to = optarg; break;
		case 'i': d->invoice = optarg; break;
		case 'm': d->method = optarg; break;
		case 'r': d->restock = 1; break;
		case 't': d->terms = optarg; break;
		case 'l': d->limit = optarg; break;
		case 'H': d->hold = optarg; break;
		case 'n': d->note = optarg; break;
		case 'F': d->from = optarg; break;
		case 'h': cmd_usage(name, EXIT_OK); return -1;
		default: return cmd_bad_option(name, c, argv);
		}
	}
	d->args = argv + optind;
	d->nargs = argc - optind;
	return cmd_auth_check(&d->au);
}

int desk_open(struct desk_args *d, struct app **a)
{
	int rc = cmd_open(d->db, a);
	if (rc)
		return rc;
	const char *as = NULL;
	if ((rc = cmd_auth_apply(*a, &d->au, &as)) != 0) {
		app_close(*a);
		return rc;
	}
	return 0;
}

/* CODE or CODE*QTY, split in place. */
static struct app_doc_item *desk_items(char **args, int n)
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

static int desk_number(const char *text, int64_t *out)
{
	char *end;
	long long v = strtoll(text, &end, 10);
	if (*text < '0' || *text > '9' || *end || v <= 0)
		return cmd_fail(EXIT_REFUSED, _("'%s' is not a document number"), text);
	*out = v;
	return 0;
}

static void desk_print(const char *kind, const struct app_doc_result *res, int with_total)
{
	char total[32];
	money_format(total, sizeof total, res->total, &money_style_plain);
	if (with_total)
		printf("%s %s total %s\n", kind, res->number, total);
	else
		printf("%s %s\n", kind, res->number);
}

static int desk_fail(int rc, char *err)
{
	return cmd_fail_err(rc, err, _("refused"));
}

int cmd_quote(int argc, char **argv)
{
	struct desk_args d;
	int rc = desk_args_parse("quote", "c", argc, argv, &d);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	if (d.nargs < 2 || strcmp(d.args[0], "new") != 0 || !d.customer) {
		cmd_fail(EXIT_USAGE, _("quote new needs --customer and at least one ITEM"));
		return cmd_usage("quote", EXIT_USAGE);
	}
	struct app *a;
	if ((rc = desk_open(&d, &a)) != 0)
		return rc;
	struct app_doc_item *it = desk_items(d.args + 1, d.nargs - 1);
	struct app_doc_result res;
	char *err = NULL;
	rc = app_quote_new(a, d.customer, it, (size_t)d.nargs - 1, &res, &err);
	free(it);
	app_close(a);
	if (rc != APP_OK)
		return desk_fail(rc, err);
	desk_print("quote", &res, 1);
	return EXIT_OK;
}

int cmd_order(int argc, char **argv)
{
	struct desk_args d;
	int rc = desk_args_parse("order", "cs", argc, argv, &d);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	int confirm = d.nargs == 2 && strcmp(d.args[0], "confirm") == 0;
	int new = d.nargs >= 2 && strcmp(d.args[0], "new") == 0 && d.customer;
	if (!confirm && !new) {
		cmd_fail(EXIT_USAGE,
		         _("order new needs --customer and ITEMs; order confirm needs a QUOTE"));
		return cmd_usage("order", EXIT_USAGE);
	}
	int ship = 0;
	if (d.ship_to) {
		int64_t v;
		if ((rc = desk_number(d.ship_to, &v)) != 0)
			return rc;
		ship = (int)v;
	}
	int64_t quote = 0;
	if (confirm && (rc = desk_number(d.args[1], &quote)) != 0)
		return rc;
	struct app *a;
	if ((rc = desk_open(&d, &a)) != 0)
		return rc;
	struct app_doc_result res;
	char *err = NULL;
	if (confirm) {
		rc = app_order_confirm(a, quote, &res, &err);
	} else {
		struct app_doc_item *it = desk_items(d.args + 1, d.nargs - 1);
		rc = app_order_new(a, d.customer, ship, it, (size_t)d.nargs - 1, &res, &err);
		free(it);
	}
	app_close(a);
	if (rc != APP_OK)
		return desk_fail(rc, err);
	desk_print("order", &res, 1);
	/* Lines the stock cannot cover yet: taken, delivered when it comes. */
	fputs(res.shortage, stdout);
	return EXIT_OK;
}

int cmd_deliver(int argc, char **argv)
{
	struct desk_args d;
	int rc = desk_args_parse("deliver", "F", argc, argv, &d);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	if (d.nargs < 1) {
		cmd_fail(EXIT_USAGE, _("deliver needs an ORDER"));
		return cmd_usage("deliver", EXIT_USAGE);
	}
	int64_t order;
	if ((rc = desk_number(d.args[0], &order)) != 0)
		return rc;
	struct app *a;
	if ((rc = desk_open(&d, &a)) != 0)
		return rc;
	struct app_doc_item *it = desk_items(d.args + 1, d.nargs - 1);
	struct app_doc_result res;
	char *err = NULL;
	rc = app_deliver_from(a, order, d.from, it, (size_t)d.nargs - 1, &res, &err);
	free(it);
	app_close(a);
	if (rc != APP_OK)
		return desk_fail(rc, err);
	desk_print("delivery", &res, 0);
	/* What the shelf could not cover is named; it stays on backorder. */
	fputs(res.shortage, stdout);
	if (res.backorder)
		printf(_("order %lld: the rest stays on backorder\n"), (long long)order);
	return EXIT_OK;
}

int cmd_invoice(int argc, char **argv)
{
	struct desk_args d;
	int rc = desk_args_parse("invoice", "", argc, argv, &d);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	if (d.nargs != 1) {
		cmd_fail(EXIT_USAGE, _("invoice needs one ORDER"));
		return cmd_usage("invoice", EXIT_USAGE);
	}
	int64_t order;
	if ((rc = desk_number(d.args[0], &order)) != 0)
		return rc;
	struct app *a;
	if ((rc = desk_open(&d, &a)) != 0)
		return rc;
	struct app_doc_result res;
	char *err = NULL;
	rc = app_invoice(a, order, &res, &err);
	app_close(a);
	if (rc != APP_OK)
		return desk_fail(rc, err);
	desk_print("invoice", &res, 1);
	return EXIT_OK;
}

int cmd_credit_note(int argc, char **argv)
{
	struct desk_args d;
	int rc = desk_args_parse("credit-note", "r", argc, argv, &d);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	if (d.nargs < 1) {
		cmd_fail(EXIT_USAGE, _("credit-note needs an INVOICE"));
		return cmd_usage("credit-note", EXIT_USAGE);
	}
	struct app *a;
	if ((rc = desk_open(&d, &a)) != 0)
		return rc;
	struct app_doc_item *it = desk_items(d.args + 1, d.nargs - 1);
	struct app_doc_result res;
	char *err = NULL;
	rc = app_credit_note(a, d.args[0], it, (size_t)d.nargs - 1, d.restock, &res, &err);
	free(it);
	app_close(a);
	if (rc != APP_OK)
		return desk_fail(rc, err);
	desk_print("credit-note", &res, 1);
	return EXIT_OK;
}

int cmd_doc(int argc, char **argv)
{
	struct desk_args d;
	int rc = desk_args_parse("doc", "", argc, argv, &d);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	if (d.nargs != 3 || strcmp(d.args[0], "show") != 0) {
		cmd_fail(EXIT_USAGE, _("doc show needs a KIND and a NUMBER"));
		return cmd_usage("doc", EXIT_USAGE);
	}
	struct app *a;
	if ((rc = desk_open(&d, &a)) != 0)
		return rc;
	char *text = NULL, *err = NULL;
	rc = app_doc_show(a, d.args[1], d.args[2], &text, &err);
	app_close(a);
	if (rc != APP_OK)
		return desk_fail(rc, err);
	fputs(text, stdout);
	free(text);
	return EXIT_OK;
}
