/* The receipt jobs waiting to print (comptoir print-jobs: list, retry, to
 * another printer) and the cash drawer opened without a sale (comptoir
 * drawer, by right). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "cmd.h"
#include "../app/printing.h"
#include "../util/i18n.h"

static int jobs_print_line(const struct app_print_job_info *j, void *ctx)
{
	int *n = ctx;
	char when[32];
	time_t t = (time_t)j->created_at;
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
	printf(_("job %lld  ticket %lld  %s  %s  tries %lld%s%s\n"), (long long)j->id,
	       (long long)j->ticket, when, j->printer, (long long)j->attempts,
	       j->last_error[0] ? ": " : "", j->last_error);
	(*n)++;
	return 0;
}

struct jobs_ids {
	int64_t ids[1024];
	size_t n;
};

static int jobs_collect(const struct app_print_job_info *j, void *ctx)
{
	struct jobs_ids *ids = ctx;
	if (ids->n < sizeof ids->ids / sizeof ids->ids[0])
		ids->ids[ids->n++] = j->id;
	return 0;
}

static int jobs_retry(struct app *a, const char *which, const char *printer, int all)
{
	static struct jobs_ids ids;
	ids.n = 0;
	char *err = NULL;
	if (strcmp(which, "all") == 0) {
		if (app_print_jobs_pending(a, all, jobs_collect, &ids, &err) != APP_OK)
			return cmd_fail_err(APP_IO, err, _("cannot read the print jobs"));
	} else {
		char *end;
		long long id = strtoll(which, &end, 10);
		if (*end || id <= 0)
			return cmd_fail(EXIT_USAGE, _("retry takes a job number or 'all', not '%s'"), which);
		ids.ids[ids.n++] = id;
	}
	int failed = 0;
	for (size_t i = 0; i < ids.n; i++) {
		if (app_print_job(a, ids.ids[i], printer, &err) == APP_OK) {
			printf(_("job %lld printed\n"), (long long)ids.ids[i]);
		} else {
			cmd_warn(_("job %lld: %s"), (long long)ids.ids[i], err ? err : "?");
			failed = 1;
		}
		free(err);
		err = NULL;
	}
	if (ids.n == 0)
		printf("%s\n", _("no receipt is waiting to print"));
	return failed ? EXIT_REFUSED : EXIT_OK;
}

int cmd_print_jobs(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "printer", required_argument, NULL, 'p' },
		{ "all", no_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *db = NULL, *printer = NULL;
	int all = 0, c;
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'p': printer = optarg; break;
		case 'a': all = 1; break;
		case 'h': return cmd_usage("print-jobs", EXIT_OK);
		default: return cmd_bad_option("print-jobs", c, argv);
		}
	}
	int nargs = argc - optind;
	const char *verb = nargs ? argv[optind] : "list";
	int list = strcmp(verb, "list") == 0, retry = strcmp(verb, "retry") == 0;
	if ((!list && !retry) || (list && nargs > 1) || (retry && nargs != 2)) {
		cmd_fail(EXIT_USAGE, _("print-jobs takes 'list' or 'retry JOB|all'"));
		return cmd_usage("print-jobs", EXIT_USAGE);
	}
	char *err = NULL;
	if (printer && app_printer_check(printer, &err) != APP_OK)
		return cmd_fail_err(APP_ERR, err, _("bad printer URI"));
	struct app *a;
	int rc = cmd_open(db, &a);
	if (rc)
		return rc;
	if (retry) {
		rc = jobs_retry(a, argv[optind + 1], printer, all);
	} else {
		int n = 0;
		if (app_print_jobs_pending(a, all, jobs_print_line, &n, &err) != APP_OK)
			rc = cmd_fail_err(APP_IO, err, _("cannot read the print jobs"));
		else if (n == 0)
			printf("%s\n", _("no receipt is waiting to print"));
	}
	app_close(a);
	return rc;
}

int cmd_drawer(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "reason", required_argument, NULL, 'r' },
		CMD_AUTH_OPTIONS,
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *db = NULL, *reason = NULL;
	struct cmd_auth au = { 0 };
	int c;
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (cmd_auth_opt(&au, c, optarg))
			continue;
		switch (c) {
		case 'd': db = optarg; break;
		case 'r': reason = optarg; break;
		case 'h': return cmd_usage("drawer", EXIT_OK);
		default: return cmd_bad_option("drawer", c, argv);
		}
	}
	if (optind < argc || !reason) {
		cmd_fail(EXIT_USAGE, "%s", optind < argc ? _("drawer takes no argument")
		                                         : _("drawer needs --reason TEXT"));
		return cmd_usage("drawer", EXIT_USAGE);
	}
	int rc = cmd_auth_check(&au);
	if (rc)
		return rc;
	struct app *a;
	if ((rc = cmd_open(db, &a)) != 0)
		return rc;
	char *err = NULL;
	if ((rc = cmd_auth_apply(a, &au, NULL)) == 0) {
		if (app_no_sale(a, reason, &err) != APP_OK)
			rc = cmd_fail_err(APP_ERR, err, _("the drawer was not opened"));
		else
			printf("%s\n", _("drawer opened (no sale, recorded in the journal)"));
	}
	app_close(a);
	return rc;
}
