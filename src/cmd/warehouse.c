/* comptoir warehouse: the handheld screens (receive, put away, pick, count,
 * transfer, look up) on this terminal, made for RF terminals reached over
 * SSH; the log-in comes first and resumes where the user stopped. */
#include <getopt.h>
#include <stdlib.h>
#include "cmd.h"
#include "../util/i18n.h"
#include "../../ui/ui.h"

int cmd_warehouse(int argc, char **argv);

int cmd_warehouse(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *db = NULL;
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'd')
			db = optarg;
		else if (c == 'h')
			return cmd_usage("warehouse", EXIT_OK);
		else
			return cmd_bad_option("warehouse", c, argv);
	}
	if (optind < argc)
		return cmd_fail(EXIT_USAGE, _("unexpected argument '%s' (see comptoir warehouse --help)"),
		                argv[optind]);
	struct app *a;
	int rc = cmd_open(db, &a);
	if (rc)
		return rc;
	char *err = NULL;
	rc = ui_wh_run(a, &err);
	app_close(a);
	if (rc != 0)
		return cmd_fail_err(rc, err, _("the warehouse screens stopped on an error"));
	return EXIT_OK;
}
