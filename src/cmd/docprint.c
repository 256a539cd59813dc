/* comptoir doc print, statement and ageing: the desk's printed documents
 * as text on standard output (or a file) or as an A4 PDF file, and the
 * ageing report of all customers. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmd.h"
#include "docprint.h"
#include "../app/docprint.h"
#include "../core/terms.h"
#include "../util/i18n.h"

struct dp_args {
	const char *db, *format, *out, *customer, *from, *to;
	int slip, as_reseller;
	char **args;
	int nargs;
};

/* 0, -1 after --help, or the exit status of bad usage. allowed: the
 * letters of the options besides --db and --help. */
static int dp_parse(const char *name, const char *allowed, int argc, char **argv,
                    struct dp_args *d)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "format", required_argument, NULL, 'f' },
		{ "out", required_argument, NULL, 'o' },
		{ "slip", no_argument, NULL, 's' },
		{ "as-reseller", no_argument, NULL, 'r' },
		{ "customer", required_argument, NULL, 'c' },
		{ "from", required_argument, NULL, 'F' },
		{ "to", required_argument, NULL, 'T' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	memset(d, 0, sizeof *d);
	int c;
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c != 'd' && c != 'h' && c != '?' && c != ':' && !strchr(allowed, c))
			return cmd_bad_option(name, '?', argv);
		switch (c) {
		case 'd': d->db = optarg; break;
		case 'f': d->format = optarg; break;
		case 'o': d->out = optarg; break;
		case 's': d->slip = 1; break;
		case 'r': d->as_reseller = 1; break;
		case 'c': d->customer = optarg; break;
		case 'F': d->from = optarg; break;
		case 'T': d->to = optarg; break;
		case 'h': cmd_usage(name, EXIT_OK); return -1;
		default: return cmd_bad_option(name, c, argv);
		}
	}
	d->args = argv + optind;
	d->nargs = argc - optind;
	return 0;
}

/* --format and --out into o: 0 or the exit status of bad usage. */
static int dp_format(const char *name, const struct dp_args *d, struct docprint_opts *o)
{
	memset(o, 0, sizeof *o);
	if (!d->format || strcmp(d->format, "text") == 0) {
		o->format = DOCPRINT_TEXT;
	} else if (strcmp(d->format, "pdf") == 0) {
		o->format = DOCPRINT_PDF;
		o->out = d->out;
		if (!d->out || !*d->out) {
			cmd_fail(EXIT_USAGE, _("--format pdf needs --out FILE"));
			return cmd_usage(name, EXIT_USAGE);
		}
	} else {
		cmd_fail(EXIT_USAGE, _("unknown format '%s' (text, pdf)"), d->format);
		return cmd_usage(name, EXIT_USAGE);
	}
	o->slip = d->slip;
	o->as_reseller = d->as_reseller;
	return 0;
}

/* Text to standard output, or to --out. */
static int dp_emit(const struct dp_args *d, const struct docprint_opts *o, char *text)
{
	int rc = EXIT_OK;
	if (o->format == DOCPRINT_PDF || !text)
		return EXIT_OK;
	if (d->out && *d->out) {
		FILE *f = fopen(d->out, "w");
		if (!f || fputs(text, f) == EOF || fclose(f) != 0) {
			rc = cmd_fail(EXIT_REFUSED, _("cannot write %s: %s"), d->out, strerror(errno));
			if (f)
				remove(d->out);
		}
	} else if (fputs(text, stdout) == EOF || fflush(stdout) != 0) {
		rc = cmd_fail(EXIT_REFUSED, _("cannot write the document: %s"), strerror(errno));
	}
	free(text);
	return rc;
}

static int dp_print(int argc, char **argv)
{
	struct dp_args d;
	struct docprint_opts o;
	int rc = dp_parse("doc", "fosr", argc, argv, &d);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	if (d.nargs != 3) {
		cmd_fail(EXIT_USAGE, _("doc print needs a KIND and a NUMBER"));
		return cmd_usage("doc", EXIT_USAGE);
	}
	if (d.as_reseller && !d.slip) {
		cmd_fail(EXIT_USAGE, _("--as-reseller goes with --slip"));
		return cmd_usage("doc", EXIT_USAGE);
	}
	if ((rc = dp_format("doc", &d, &o)) != 0)
		return rc;
	struct app *a;
	if ((rc = cmd_open(d.db, &a)) != 0)
		return rc;
	char *text = NULL, *err = NULL;
	int arc = app_doc_print(a, d.args[1], d.args[2], &o, &text, &err);
	app_close(a);
	if (arc != APP_OK)
		return cmd_fail_err(arc, err, _("cannot print the document"));
	return dp_emit(&d, &o, text);
}

int cmd_doc_print_or_show(int argc, char **argv)
{
	/* The first operand names the verb; options taking a value are skipped. */
	static const char *const with_value[] = { "--db", "--format", "--out", NULL };
	for (int i = 1; i < argc; i++) {
		int skip = 0;
		for (const char *const *w = with_value; *w; w++)
			skip |= strcmp(argv[i], *w) == 0;
		if (skip) {
			i++;
			continue;
		}
		if (argv[i][0] == '-' && argv[i][1])
			continue;
		if (strcmp(argv[i], "print") == 0)
			return dp_print(argc, argv);
		break;
	}
	return cmd_doc(argc, argv);
}

/* A day given as YYYY-MM-DD. */
static int dp_date(const char *opt, const char *text, int32_t *out)
{
	int y, m, dd;
	char tail;
	if (sscanf(text, "%4d-%2d-%2d%c", &y, &m, &dd, &tail) != 3 || strlen(text) != 10 ||
	    !terms_day_valid((int32_t)(y * 10000 + m * 100 + dd)))
		return cmd_fail(EXIT_REFUSED, _("%s: '%s' is not a date (YYYY-MM-DD)"), opt, text);
	*out = (int32_t)(y * 10000 + m * 100 + dd);
	return 0;
}

int cmd_statement(int argc, char **argv)
{
	struct dp_args d;
	struct docprint_opts o;
	int rc = dp_parse("statement", "cFTfo", argc, argv, &d);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	if (d.nargs != 0 || !d.customer) {
		cmd_fail(EXIT_USAGE, _("statement needs --customer CODE"));
		return cmd_usage("statement", EXIT_USAGE);
	}
	if ((rc = dp_format("statement", &d, &o)) != 0)
		return rc;
	int32_t from = 0, to = 0;
	if ((d.from && (rc = dp_date("--from", d.from, &from)) != 0) ||
	    (d.to && (rc = dp_date("--to", d.to, &to)) != 0))
		return rc;
	struct app *a;
	if ((rc = cmd_open(d.db, &a)) != 0)
		return rc;
	char *text = NULL, *err = NULL;
	int arc = app_statement_print(a, d.customer, from, to, &o, &text, &err);
	app_close(a);
	if (arc != APP_OK)
		return cmd_fail_err(arc, err, _("cannot print the statement"));
	return dp_emit(&d, &o, text);
}

int cmd_ageing(int argc, char **argv)
{
	struct dp_args d;
	int rc = dp_parse("ageing", "", argc, argv, &d);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	if (d.nargs != 0) {
		cmd_fail(EXIT_USAGE, _("ageing takes no operand"));
		return cmd_usage("ageing", EXIT_USAGE);
	}
	struct app *a;
	if ((rc = cmd_open(d.db, &a)) != 0)
		return rc;
	char *text = NULL, *err = NULL;
	int arc = app_ageing_text(a, &text, &err);
	app_close(a);
	if (arc != APP_OK)
		return cmd_fail_err(arc, err, _("cannot read the ageing"));
	fputs(text, stdout);
	free(text);
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_REFUSED;
}
