/* The read-only commands: price, stock and receipt. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cmd.h"
#include "../app/stock_ops.h"
#include "../app/receipt.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

int cmd_price(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "customer", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *db = NULL, *customer = NULL;
	int c;
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'c': customer = optarg; break;
		case 'h': return cmd_usage("price", EXIT_OK);
		default: return cmd_bad_option("price", c, argv);
		}
	}
	int nargs = argc - optind;
	if (nargs < 1 || nargs > 2) {
		cmd_fail(EXIT_USAGE, _("price needs a CODE and at most a QTY"));
		return cmd_usage("price", EXIT_USAGE);
	}
	const char *code = argv[optind];
	int64_t qty = 0;
	if (nargs == 2) {
		/* Read with three decimals so that weighed goods take 0.250; whole
		 * units are then checked below. */
		int rc = decimal_parse(argv[optind + 1], 3, CART_QTY_MAX * 1000, &qty);
		if (rc != MONEY_OK)
			return cmd_fail(EXIT_REFUSED, _("bad quantity '%s': %s"), argv[optind + 1],
			                _(money_strerror(rc)));
		if (qty <= 0)
			return cmd_fail(EXIT_REFUSED, _("bad quantity '%s': it must be more than zero"),
			                argv[optind + 1]);
	}
	struct app *a;
	int rc = cmd_open(db, &a);
	if (rc)
		return rc;
	struct app_scan scan;
	char *err = NULL, *why = NULL;
	money_t unit;
	if (qty && (rc = app_lookup(a, code, &scan, &err)) == APP_OK && !scan.item.weighed) {
		if (qty % 1000) {
			app_close(a);
			return cmd_fail(EXIT_REFUSED, _("bad quantity '%s': %s is sold in whole units"),
			                argv[optind + 1], code);
		}
		qty /= 1000;
	}
	if (rc == APP_OK)
		rc = app_price(a, code, customer, qty, &unit, &why, &err);
	app_close(a);
	if (rc != APP_OK)
		return cmd_fail_err(rc, err, _("no price"));
	char u[32];
	money_format(u, sizeof u, unit, &money_style_plain);
	printf("%s\n%s", u, why);
	free(why);
	return EXIT_OK;
}

int cmd_stock(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *db = NULL;
	int c;
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "report") == 0)
			return cmd_stock_report(argc, argv);
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'h': return cmd_usage("stock", EXIT_OK);
		default: return cmd_bad_option("stock", c, argv);
		}
	}
	if (argc - optind != 1) {
		cmd_fail(EXIT_USAGE, _("stock needs exactly one CODE"));
		return cmd_usage("stock", EXIT_USAGE);
	}
	struct app *a;
	int rc = cmd_open(db, &a);
	if (rc)
		return rc;
	struct app_stock_row rows[16];
	size_t n = 0;
	int64_t total = 0;
	int weighed = 0;
	char *err = NULL;
	rc = app_stock(a, argv[optind], &total, &weighed, rows, 16, &n, &err);
	/* Lots with their expiry, under each location. */
	struct app_stock_lot lots[64];
	size_t nlots = 0;
	if (rc == APP_OK)
		rc = app_stock_lots(a, argv[optind], lots, 64, &nlots, &err);
	app_close(a);
	if (rc != APP_OK)
		return cmd_fail_err(rc, err, _("no stock"));
	char q[32];
	quantity_format(q, sizeof q, total, weighed ? 3 : 0, ".");
	printf("%s\n", q);
	for (size_t i = 0; i < n; i++) {
		quantity_format(q, sizeof q, rows[i].qty, weighed ? 3 : 0, ".");
		printf("%s %s\n", rows[i].location, q);
		for (size_t k = 0; k < nlots && k < 64; k++) {
			if (strcmp(lots[k].location, rows[i].location) != 0)
				continue;
			quantity_format(q, sizeof q, lots[k].qty, weighed ? 3 : 0, ".");
			printf(_("  lot %s expiry %s %s\n"), lots[k].lot,
			       lots[k].expiry[0] ? lots[k].expiry : "-", q);
		}
	}
	return EXIT_OK;
}

static int receipt_write_file(const char *path, const void *bytes, size_t len)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return cmd_fail(EXIT_REFUSED, _("cannot write %s: %s"), path, strerror(errno));
	size_t put = fwrite(bytes, 1, len, f);
	if (fclose(f) != 0 || put != len)
		return cmd_fail(EXIT_REFUSED, _("cannot write %s: %s"), path, strerror(errno));
	return EXIT_OK;
}

/* The receipt's bytes: ESC/POS when asked, else text; a printer without
 * --format gets the format of the configured printer profile. */
static int receipt_make(struct app *a, int64_t number, int escpos, const char *profile,
                        const char *format, const char *printer, unsigned char **bytes,
                        size_t *len, char **err)
{
	*bytes = NULL;
	*len = 0;
	if (escpos) {
		int rc = app_receipt_escpos(a, number, 1, profile, bytes, len, err);
		if (rc == APP_OK && printer)
			rc = app_print_bytes(printer, *bytes, *len, err);
		return rc;
	}
	if (printer && !format)
		return app_print_receipt(a, printer, number, 1, err);
	char *text = NULL;
	int rc = app_receipt_text(a, number, 1, &text, err);
	if (rc == APP_OK && printer)
		rc = app_print_text(a, printer, text, err);
	if (text)
		*len = strlen(text);
	*bytes = (unsigned char *)text;
	return rc;
}

int cmd_receipt(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "format", required_argument, NULL, 'f' },
		{ "profile", required_argument, NULL, 'P' },
		{ "printer", required_argument, NULL, 'p' },
		{ "out", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *db = NULL, *format = NULL, *printer = NULL, *out = NULL, *profile = NULL;
	int c;
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'f': format = optarg; break;
		case 'P': profile = optarg; break;
		case 'p': printer = optarg; break;
		case 'o': out = optarg; break;
		case 'h': return cmd_usage("receipt", EXIT_OK);
		default: return cmd_bad_option("receipt", c, argv);
		}
	}
	if (argc - optind != 1) {
		cmd_fail(EXIT_USAGE, _("receipt needs exactly one TICKET number"));
		return cmd_usage("receipt", EXIT_USAGE);
	}
	if (printer && out) {
		cmd_fail(EXIT_USAGE, _("give --printer or --out, not both"));
		return cmd_usage("receipt", EXIT_USAGE);
	}
	if (format && strcmp(format, "text") != 0 && strcmp(format, "escpos") != 0)
		return cmd_fail(EXIT_USAGE, _("unknown format '%s' (text, escpos)"), format);
	int escpos = format ? strcmp(format, "escpos") == 0 : profile != NULL;
	if (profile && !escpos)
		return cmd_fail(EXIT_USAGE, _("--profile is for --format escpos"));
	if (escpos && !printer && !out && isatty(STDOUT_FILENO))
		return cmd_fail(EXIT_USAGE, _("ESC/POS is for a printer, not a terminal: "
		                              "use --out FILE or --printer URI"));
	int64_t number;
	int prc = decimal_parse(argv[optind], 0, INT64_C(1000000000000), &number);
	if (prc != MONEY_OK || number <= 0)
		return cmd_fail(EXIT_REFUSED, _("'%s' is not a ticket number"), argv[optind]);
	char *perr = NULL;
	if (printer && app_printer_check(printer, &perr) != APP_OK)
		return cmd_fail_err(APP_ERR, perr, _("bad printer URI"));
	if (profile && app_printer_profile_check(profile, &perr) != APP_OK)
		return cmd_fail_err(APP_ERR, perr, _("unknown printer profile"));
	struct app *a;
	int rc = cmd_open(db, &a);
	if (rc)
		return rc;
	unsigned char *bytes = NULL;
	size_t len = 0;
	char *err = NULL;
	rc = receipt_make(a, number, escpos, profile, format, printer, &bytes, &len, &err);
	app_close(a);
	if (rc != APP_OK) {
		free(bytes);
		return cmd_fail_err(rc, err, _("no receipt"));
	}
	rc = EXIT_OK;
	if (out)
		rc = receipt_write_file(out, bytes, len);
	else if (!printer && fwrite(bytes, 1, len, stdout) != len)
		rc = cmd_fail(EXIT_REFUSED, _("cannot write the receipt: %s"), strerror(errno));
	free(bytes);
	return rc;
}
