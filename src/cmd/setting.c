/* comptoir setting: reads and changes the shop settings the application
 * lists (the payee of payment QR codes); a change needs the user_admin
 * right and is recorded in the journal. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include "cmd.h"
#include "../app/docprint.h"
#include "../app/payqr.h"
#include "../util/i18n.h"

static int setting_show(struct app *a, const char *key)
{
	char value[512], *err = NULL;
	if (app_setting_get(a, key, value, sizeof value, &err) != APP_OK)
		return cmd_fail_err(APP_ERR, err, _("unknown setting"));
	printf("%s\n", value);
	return EXIT_OK;
}

static int setting_list(struct app *a)
{
	char value[512];
	const char *const *lists[] = { app_setting_keys, app_docprint_setting_keys,
	                               app_shop_setting_keys };
	for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
		for (const char *const *k = lists[i]; *k; k++) {
			if (app_setting_get(a, *k, value, sizeof value, NULL) != APP_OK)
				value[0] = '\0';
			printf("%s=%s\n", *k, value);
		}
	return EXIT_OK;
}

int cmd_setting(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		CMD_AUTH_OPTIONS,
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *db = NULL;
	struct cmd_auth au = { 0 };
	int c;
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (cmd_auth_opt(&au, c, optarg))
			continue;
		switch (c) {
		case 'd': db = optarg; break;
		case 'h': return cmd_usage("setting", EXIT_OK);
		default: return cmd_bad_option("setting", c, argv);
		}
	}
	int nargs = argc - optind;
	const char *verb = nargs > 0 ? argv[optind] : "";
	int get = strcmp(verb, "get") == 0, set = strcmp(verb, "set") == 0;
	int list = strcmp(verb, "list") == 0;
	if ((get && nargs != 2) || (set && nargs != 3) || (list && nargs != 1) ||
	    (!get && !set && !list)) {
		cmd_fail(EXIT_USAGE, _("setting needs 'get KEY', 'set KEY VALUE' or 'list'"));
		return cmd_usage("setting", EXIT_USAGE);
	}
	int rc = cmd_auth_check(&au);
	if (rc)
		return rc;
	struct app *a;
	if ((rc = cmd_open(db, &a)) != 0)
		return rc;
	if (list) {
		rc = setting_list(a);
	} else if (get) {
		rc = setting_show(a, argv[optind + 1]);
	} else if ((rc = cmd_auth_apply(a, &au, NULL)) == 0) {
		char *err = NULL;
		const char *key = argv[optind + 1];
		int arc = app_setting_set(a, key, argv[optind + 2], &err);
		if (arc != APP_OK)
			rc = cmd_fail_err(arc, err, _("the setting was not changed"));
		else
			rc = setting_show(a, key);
	}
	app_close(a);
	return rc;
}
