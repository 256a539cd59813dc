/* The import and export commands: their options, a progress bar when
 * stderr is a terminal, the problems of a refused file one per line, and
 * the summary line. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cmd.h"
#include "../app/import.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

/* The usage line, then the columns each kind understands. */
static int io_help(const char *name, int import)
{
	cmd_usage(name, EXIT_OK);
	printf(_("Columns (names are case-insensitive, their order is free):\n"));
	for (int k = APP_IO_PRODUCTS; k <= APP_IO_SALES; k++) {
		if ((k == APP_IO_SALES && import) || (k == APP_IO_STOCK && !import))
			continue;
		printf("  %-10s %s\n", app_io_kind_name(k), app_io_columns(k));
	}
	if (import)
		printf(_("A file is imported whole or not at all; ',' or ';' between fields, '12.50' "
		         "or '12,50';\nUTF-8, else --encoding (a file that is not UTF-8 is read as "
		         "CP1252).\n"));
	return EXIT_OK;
}

struct io_bar {
	int shown;      /* something is on the line */
	int last;       /* percent last drawn */
	const char *phase;
};

static void io_progress(void *ctx, const char *phase, size_t done, size_t total)
{
	struct io_bar *b = ctx;
	int pct = total ? (int)((double)done * 100 / (double)total) : 100;
	if (b->shown && pct == b->last && b->phase == phase)
		return;
	char bar[31];
	memset(bar, ' ', 30);
	memset(bar, '#', (size_t)(pct * 30 / 100));
	bar[30] = '\0';
	const char *what = strcmp(phase, "writing") == 0 ? _("writing") : _("checking");
	fprintf(stderr, "\r%-10s [%s] %3d%%", what, bar, pct);
	fflush(stderr);
	b->shown = 1;
	b->last = pct;
	b->phase = phase;
}

static void io_bar_clear(struct io_bar *b)
{
	if (b->shown)
		fprintf(stderr, "\r%*s\r", 50, "");
}

/* Each line of msg on stderr after "comptoir: ". */
static int io_fail_lines(char *msg, const char *fallback)
{
	const char *text = msg ? msg : fallback;
	while (*text) {
		size_t n = strcspn(text, "\n");
		cmd_fail(EXIT_REFUSED, "%.*s", (int)n, text);
		text += n + (text[n] == '\n');
	}
	free(msg);
	return EXIT_REFUSED;
}

int cmd_import(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		CMD_AUTH_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	const char *db = NULL;
	struct app_import_opts o = { 0 };
	struct cmd_auth au = { 0 };
	int c;
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (cmd_auth_opt(&au, c, optarg))
			continue;
		switch (c) {
		case 'd': db = optarg; break;
		case 'e': o.encoding = optarg; break;
		case 'n': o.dry_run = 1; break;
		case 'h': return io_help("import", 1);
		default: return cmd_bad_option("import", c, argv);
		}
	}
	if (argc - optind != 2) {
		cmd_fail(EXIT_USAGE, _("import needs what to import and a FILE"));
		return cmd_usage("import", EXIT_USAGE);
	}
	int kind = app_io_kind_parse(argv[optind]);
	const char *path = argv[optind + 1];
	if (kind < 0 || kind == APP_IO_SALES) {
		cmd_fail(EXIT_USAGE, _("cannot import '%s' (products, customers, prices or stock)"),
		         argv[optind]);
		return cmd_usage("import", EXIT_USAGE);
	}
	if (o.encoding && !app_io_encoding_known(o.encoding))
		return cmd_fail(EXIT_REFUSED, _("unknown encoding '%s'"), o.encoding);
	struct app *a;
	int rc = cmd_auth_check(&au);
	if (rc || (rc = cmd_open(db, &a)) != 0)
		return rc;
	if ((rc = cmd_auth_apply(a, &au, NULL)) != 0) {
		app_close(a);
		return rc;
	}
	struct io_bar bar = { 0 };
	if (isatty(STDERR_FILENO)) {
		o.progress = io_progress;
		o.ctx = &bar;
	}
	struct app_import_result res;
	char *err = NULL;
	rc = app_import(a, (enum app_io_kind)kind, path, &o, &res, &err);
	app_close(a);
	io_bar_clear(&bar);
	if (res.read_as_cp1252) {
		fputs("comptoir: ", stderr);
		fprintf(stderr, _("note: %s is not UTF-8; read as CP1252"), path);
		fputc('\n', stderr);
	}
	if (rc != APP_OK)
		return io_fail_lines(err, _("nothing imported"));
	printf("added %zu, changed %zu, unchanged %zu\n", res.added, res.changed, res.unchanged);
	if (o.dry_run)
		printf("%s\n", _("dry run: nothing was written"));
	return EXIT_OK;
}

int cmd_export(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "out", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *db = NULL, *encoding = NULL, *out = NULL;
	int c;
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'e': encoding = optarg; break;
		case 'o': out = optarg; break;
		case 'h': return io_help("export", 0);
		default: return cmd_bad_option("export", c, argv);
		}
	}
	if (argc - optind != 1) {
		cmd_fail(EXIT_USAGE, _("export needs what to export"));
		return cmd_usage("export", EXIT_USAGE);
	}
	int kind = app_io_kind_parse(argv[optind]);
	if (kind < 0 || kind == APP_IO_STOCK) {
		cmd_fail(EXIT_USAGE, _("cannot export '%s' (products, customers, prices or sales)"),
		         argv[optind]);
		return cmd_usage("export", EXIT_USAGE);
	}
	if (encoding && !app_io_encoding_known(encoding))
		return cmd_fail(EXIT_REFUSED, _("unknown encoding '%s'"), encoding);
	struct app *a;
	int rc = cmd_open(db, &a);
	if (rc)
		return rc;
	FILE *f = out ? fopen(out, "w") : stdout;
	if (!f) {
		int e = errno;
		app_close(a);
		return cmd_fail(EXIT_REFUSED, _("cannot write %s: %s"), out, strerror(e));
	}
	char *err = NULL;
	rc = app_export(a, (enum app_io_kind)kind, f, encoding, &err);
	app_close(a);
	if (out) {
		int e = errno;
		if (fclose(f) != 0 && rc == APP_OK) {
			rc = APP_IO;
			err = xasprintf(_("cannot write %s: %s"), out, strerror(errno ? errno : e));
		}
		if (rc != APP_OK)
			unlink(out);
	}
	if (rc != APP_OK)
		return cmd_fail_err(rc, err, _("export failed"));
	return EXIT_OK;
}
