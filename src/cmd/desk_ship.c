/* comptoir deliver --tracking, shipping (methods, charges, tracking
 * numbers) and customer ship-to CODE (the list): shipping on the desk.
 * What these do not handle goes to the desk's commands unchanged. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmd.h"
#include "desk_draft.h"
#include "../app/documents.h"
#include "../app/shipping.h"
#include "../util/i18n.h"

int cmd_deliver_fast(int argc, char **argv)
{
	struct fast_args f;
	int rc = fast_parse("deliver", argc, argv, &f);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	if (!f.tracking)
		return cmd_deliver(argc, argv);
	if (f.nargs < 1) {
		cmd_fail(EXIT_USAGE, _("deliver needs an ORDER"));
		return cmd_usage("deliver", EXIT_USAGE);
	}
	if ((rc = fast_only("deliver", &f, "TF")) != 0)
		return rc;
	int64_t order;
	if ((rc = fast_number(_("order"), f.args[0], &order)) != 0)
		return rc;
	struct app *a;
	if ((rc = fast_open(&f, &a)) != 0)
		return rc;
	struct app_doc_item *it = fast_items(f.args + 1, f.nargs - 1);
	struct app_doc_result res;
	char *err = NULL;
	rc = app_deliver_from(a, order, f.from, it, (size_t)f.nargs - 1, &res, &err);
	free(it);
	if (rc != APP_OK) {
		app_close(a);
		return cmd_fail_err(rc, err, _("refused"));
	}
	printf("delivery %s\n", res.number);
	if (res.backorder)
		printf(_("order %lld: the rest stays on backorder\n"), (long long)order);
	/* The delivery is made: a tracking number refused says so and can be
	 * given again with `shipping track`. */
	rc = app_delivery_track(a, strtoll(res.number, NULL, 10), f.tracking, &err);
	app_close(a);
	if (rc != APP_OK)
		return cmd_fail_err(rc, err, _("the tracking number was not recorded"));
	printf("tracking %s\n", f.tracking);
	return EXIT_OK;
}

static int fast_methods(struct app *a)
{
	struct app_ship_method m[APP_SHIP_METHODS];
	char *err = NULL;
	if (app_ship_methods(a, m, &err) != APP_OK)
		return cmd_fail_err(APP_IO, err, _("cannot read the shipping methods"));
	for (int i = 0; i < APP_SHIP_METHODS; i++) {
		char price[32];
		fast_money(price, sizeof price, m[i].price);
		printf("%s %s %s\n", m[i].code, price, m[i].sku[0] ? m[i].sku : "-");
	}
	return EXIT_OK;
}

int cmd_shipping(int argc, char **argv)
{
	struct fast_args f;
	int rc = fast_parse("shipping", argc, argv, &f);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	const char *verb = f.nargs > 0 ? f.args[0] : "";
	int list = strcmp(verb, "list") == 0 && f.nargs == 1;
	int set = strcmp(verb, "set") == 0 && f.nargs == 2 && (f.price || f.product);
	int track = strcmp(verb, "track") == 0 && f.nargs == 3;
	if (!list && !set && !track) {
		cmd_fail(EXIT_USAGE, _("shipping list, shipping set METHOD --price AMOUNT|--product "
		                       "SKU, or shipping track DELIVERY NUMBER"));
		return cmd_usage("shipping", EXIT_USAGE);
	}
	if ((rc = fast_only("shipping", &f, set ? "pr" : "")) != 0)
		return rc;
	int64_t delivery = 0;
	if (track && (rc = fast_number(_("delivery"), f.args[1], &delivery)) != 0)
		return rc;
	struct app *a;
	if ((rc = fast_open(&f, &a)) != 0)
		return rc;
	char *err = NULL;
	if (set)
		rc = app_ship_method_set(a, f.args[1], f.price, f.product, &err);
	else if (track)
		rc = app_delivery_track(a, delivery, f.args[2], &err);
	else
		rc = APP_OK;
	if (rc != APP_OK) {
		app_close(a);
		return cmd_fail_err(rc, err, _("refused"));
	}
	rc = list || set ? fast_methods(a) : EXIT_OK;
	if (track)
		printf("tracking %s\n", f.args[2]);
	app_close(a);
	return rc;
}

/* The operands of a command line, skipping options and their values
 * (every long option of the desk takes one but --help and --restock). */
static int fast_operands(int argc, char **argv, char **ops, int max)
{
	int n = 0;
	for (int i = 1; i < argc; i++) {
		const char *s = argv[i];
		if (strcmp(s, "--") == 0)
			continue;
		if (s[0] == '-' && s[1] == '-') {
			if (!strchr(s, '=') && strcmp(s, "--help") && strcmp(s, "--restock"))
				i++;
			continue;
		}
		if (n < max)
			ops[n] = argv[i];
		n++;
	}
	return n;
}

int cmd_customer_fast(int argc, char **argv)
{
	char *ops[3];
	if (fast_operands(argc, argv, ops, 3) != 2 || strcmp(ops[0], "ship-to") != 0)
		return cmd_customer(argc, argv);
	struct fast_args f;
	int rc = fast_parse("customer", argc, argv, &f);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	struct app *a;
	if ((rc = fast_only("customer", &f, "")) != 0 || (rc = fast_open(&f, &a)) != 0)
		return rc;
	struct app_ship_to *v;
	size_t n;
	char *err = NULL;
	rc = app_ship_to_list(a, f.args[1], &v, &n, &err);
	app_close(a);
	if (rc != APP_OK)
		return cmd_fail_err(rc, err, _("cannot read the ship-to addresses"));
	for (size_t i = 0; i < n; i++)
		printf("ship-to %d %s%s%s%s%s\n", v[i].seq, v[i].name, v[i].address[0] ? ", " : "",
		       v[i].address, v[i].state[0] ? " " : "", v[i].state);
	free(v);
	return EXIT_OK;
}
