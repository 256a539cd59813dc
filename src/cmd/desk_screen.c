/* comptoir desk [--db PATH]: the wholesale desk's screen (customers, their
 * documents and the steps from quote to payment) on the terminal. */
#include <getopt.h>
#include <stdio.h>
#include "cmd.h"
#include "../../ui/ui.h"
#include "../util/i18n.h"

int cmd_desk_screen(int argc, char **argv);

int cmd_desk_screen(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *db = NULL;
	int c;
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db = optarg;
			break;
		case 'h':
			return cmd_usage("desk", EXIT_OK);
		default:
			return cmd_bad_option("desk", c, argv);
		}
	}
	if (optind < argc)
		return cmd_fail(EXIT_USAGE, _("desk takes no operand ('%s')"), argv[optind]);
	struct app *a;
	int rc = cmd_open(db, &a);
	if (rc)
		return rc;
	char *err = NULL;
	rc = ui_desk_run(a, &err);
	app_close(a);
	if (rc != 0)
		return cmd_fail_err(rc, err, _("the screens stopped on an error"));
	return EXIT_OK;
}
