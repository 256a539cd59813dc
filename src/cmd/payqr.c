/* comptoir payqr: the shop's payment QR code for an amount (UPI in rupees,
 * EPC credit transfer in euros), its payload on the first line, then the QR
 * drawn with half blocks, or sent to a printer as ESC/POS. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmd.h"
#include "../app/payqr.h"
#include "../app/receipt.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

/* The payload on one line: an EPC code's line feeds written \n, and a
 * backslash \\, so that the line reads back to the same bytes. */
static void payqr_print_payload(const char *p)
{
	for (; *p; p++) {
		if (*p == '\n')
			fputs("\\n", stdout);
		else if (*p == '\\')
			fputs("\\\\", stdout);
		else
			putchar(*p);
	}
	putchar('\n');
}

static int payqr_write_file(const char *path, const void *bytes, size_t len)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return cmd_fail(EXIT_REFUSED, _("cannot write %s: %s"), path, strerror(errno));
	size_t put = fwrite(bytes, 1, len, f);
	if (fclose(f) != 0 || put != len)
		return cmd_fail(EXIT_REFUSED, _("cannot write %s: %s"), path, strerror(errno));
	return EXIT_OK;
}

struct payqr_opts {
	const char *db, *ref, *note, *printer, *out, *profile;
	int dark;   /* dark modules drawn (dark text on a light screen) */
};

static int payqr_output(struct app *a, const struct app_payqr *q, const struct payqr_opts *o)
{
	char *err = NULL;
	payqr_print_payload(q->payload);
	if (!o->printer && !o->out) {
		char *text = app_qr_text(q->payload, !o->dark, &err);
		if (!text)
			return cmd_fail_err(APP_ERR, err, _("no QR code"));
		fputs(text, stdout);
		free(text);
		return EXIT_OK;
	}
	unsigned char *bytes = NULL;
	size_t len = 0;
	int rc = app_payqr_escpos(a, q, o->profile, &bytes, &len, &err);
	if (rc == APP_OK && o->printer)
		rc = app_print_bytes(o->printer, bytes, len, &err);
	if (rc != APP_OK) {
		free(bytes);
		return cmd_fail_err(rc, err, _("the QR code was not printed"));
	}
	rc = o->out ? payqr_write_file(o->out, bytes, len) : EXIT_OK;
	free(bytes);
	if (rc == EXIT_OK && o->printer)
		printf(_("QR code sent to %s\n"), o->printer);
	return rc;
}

int cmd_payqr(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "ref", required_argument, NULL, 'r' },
		{ "note", required_argument, NULL, 'n' },
		{ "printer", required_argument, NULL, 'p' },
		{ "out", required_argument, NULL, 'o' },
		{ "profile", required_argument, NULL, 'P' },
		{ "dark", no_argument, NULL, 'k' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct payqr_opts o = { 0 };
	int c;
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd': o.db = optarg; break;
		case 'r': o.ref = optarg; break;
		case 'n': o.note = optarg; break;
		case 'p': o.printer = optarg; break;
		case 'o': o.out = optarg; break;
		case 'P': o.profile = optarg; break;
		case 'k': o.dark = 1; break;
		case 'h': return cmd_usage("payqr", EXIT_OK);
		default: return cmd_bad_option("payqr", c, argv);
		}
	}
	if (argc - optind != 1) {
		cmd_fail(EXIT_USAGE, _("payqr needs exactly one AMOUNT"));
		return cmd_usage("payqr", EXIT_USAGE);
	}
	if (o.printer && o.out) {
		cmd_fail(EXIT_USAGE, _("give --printer or --out, not both"));
		return cmd_usage("payqr", EXIT_USAGE);
	}
	if (o.profile && !o.printer && !o.out)
		return cmd_fail(EXIT_USAGE, _("--profile goes with --printer or --out"));
	char *err = NULL;
	if (o.printer && app_printer_check(o.printer, &err) != APP_OK)
		return cmd_fail_err(APP_ERR, err, _("bad printer URI"));
	if (o.profile && app_printer_profile_check(o.profile, &err) != APP_OK)
		return cmd_fail_err(APP_ERR, err, _("unknown printer profile"));
	struct app *a;
	int rc = cmd_open(o.db, &a);
	if (rc)
		return rc;
	const struct app_shop *shop = app_shop(a);
	money_t amount;
	int mrc = money_parse(argv[optind], shop->money ? shop->money->decimals : 2, &amount);
	if (mrc != MONEY_OK) {
		app_close(a);
		return cmd_fail(EXIT_REFUSED, _("amount '%s': %s"), argv[optind], _(money_strerror(mrc)));
	}
	struct app_payqr *q = xmalloc(sizeof *q);
	if (app_payqr(a, amount, o.ref, o.note, q, &err) != APP_OK)
		rc = cmd_fail_err(APP_ERR, err, _("no payment QR code"));
	else
		rc = payqr_output(a, q, &o);
	free(q);
	app_close(a);
	return rc;
}
