/* comptoir print-test: sends the printer test page (accents, euro, rupee,
 * sizes, EAN-13, Code 128, QR) to a printer URI, or lists the profiles. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmd.h"
#include "../app/receipt.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

int cmd_print_test(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "printer", required_argument, NULL, 'p' },
		{ "profile", required_argument, NULL, 'P' },
		{ "profiles", no_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *printer = NULL, *profile = NULL;
	int list = 0, c;
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'p': printer = optarg; break;
		case 'P': profile = optarg; break;
		case 'l': list = 1; break;
		case 'h': return cmd_usage("print-test", EXIT_OK);
		default: return cmd_bad_option("print-test", c, argv);
		}
	}
	if (argc != optind) {
		cmd_fail(EXIT_USAGE, _("unexpected argument '%s'"), argv[optind]);
		return cmd_usage("print-test", EXIT_USAGE);
	}
	if (list) {
		char *names = app_printer_profiles_list();
		fputs(names, stdout);
		free(names);
		return EXIT_OK;
	}
	struct app_config cfg;
	char *err = NULL;
	if (config_load(&cfg, &err) != 0)
		return cmd_fail_err(APP_ERR, err, _("cannot read the config file"));
	if (!printer && cfg.printer[0])
		printer = cfg.printer;
	if (!profile && cfg.printer_profile[0])
		profile = cfg.printer_profile;
	if (!printer) {
		cmd_fail(EXIT_USAGE, _("print-test needs --printer URI (or a printer in the config)"));
		return cmd_usage("print-test", EXIT_USAGE);
	}
	if (app_printer_check(printer, &err) != APP_OK)
		return cmd_fail_err(APP_ERR, err, _("bad printer URI"));
	if (profile && app_printer_profile_check(profile, &err) != APP_OK)
		return cmd_fail_err(APP_ERR, err, _("unknown printer profile"));
	unsigned char *bytes = NULL;
	size_t len = 0;
	int rc = app_printer_test_page(profile, &bytes, &len, &err);
	if (rc == APP_OK)
		rc = app_print_bytes(printer, bytes, len, &err);
	free(bytes);
	if (rc != APP_OK)
		return cmd_fail_err(rc, err, _("the test page was not printed"));
	printf(_("test page sent to %s (profile %s)\n"), printer, profile ? profile : "generic-80");
	return EXIT_OK;
}
