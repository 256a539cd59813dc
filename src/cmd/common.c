/* What the subcommands share: finding the database, opening the shop with
 * the machine's config applied, and the screens entry. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cmd.h"
#include "../app/printing.h"
#include "../app/receipt.h"
#include "../../ui/ui.h"
#include "../app/scanner.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

int cmd_db_path(const char *opt, const struct app_config *cfg, char *out, size_t size)
{
	const char *env = getenv("COMPTOIR_DB");
	if (opt && *opt)
		strlcpy_safe(out, opt, size);
	else if (env && *env)
		strlcpy_safe(out, env, size);
	else if (cfg && cfg->db[0])
		strlcpy_safe(out, cfg->db, size);
	else if (config_default_db(out, size) != 0)
		return -1;
	return 0;
}

static void cmd_apply_config(struct app *a, const struct app_config *cfg)
{
	if (cfg->terminal[0])
		app_set_terminal(a, cfg->terminal);
	if (cfg->printer[0])
		app_set_printer(a, cfg->printer);
	if (cfg->receipt_width)
		app_set_receipt_width(a, cfg->receipt_width);
	if (cfg->printer_profile[0])
		app_set_printer_profile(a, cfg->printer_profile);
	app_set_drawer(a, cfg->drawer_pin);
	struct app_scanner_conf sc;
	app_scanner_conf_from_config(cfg, &sc);
	app_set_scanner(a, &sc);
}

int cmd_open(const char *db_opt, struct app **a)
{
	struct app_config cfg;
	char *err = NULL;
	*a = NULL;
	if (config_load(&cfg, &err) != 0)
		return cmd_fail_err(APP_ERR, err, _("cannot read the config file"));
	char path[PATH_MAX];
	if (cmd_db_path(db_opt, &cfg, path, sizeof path) != 0)
		return cmd_fail(EXIT_REFUSED, _("no database given: use --db PATH or set COMPTOIR_DB"));
	int rc = app_open(path, APP_OPEN_EXISTING, a, &err);
	if (rc != APP_OK)
		return cmd_fail_err(rc, err, _("cannot open the shop"));
	if (cfg.printer[0] && app_printer_check(cfg.printer, &err) != APP_OK) {
		app_close(*a);
		*a = NULL;
		cmd_fail(EXIT_REFUSED, "%s: %s", cfg.path, err);
		free(err);
		return EXIT_REFUSED;
	}
	cmd_apply_config(*a, &cfg);
	app_set_message_money(*a, &money_style_plain);
	return 0;
}

/* mkdir -p for the folder of a default database path. */
static int cmd_make_parent(const char *path)
{
	char dir[PATH_MAX];
	strlcpy_safe(dir, path, sizeof dir);
	char *slash = strrchr(dir, '/');
	if (!slash || slash == dir)
		return 0;
	*slash = '\0';
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	return mkdir(dir, 0700) != 0 && errno != EEXIST ? -1 : 0;
}

int cmd_run_screens(const char *db_opt)
{
	struct app *a;
	int rc = cmd_open(db_opt, &a);
	if (rc)
		return rc;
	char *err = NULL;
	rc = ui_run(a, &err);
	app_close(a);
	if (rc != 0)
		return cmd_fail_err(rc, err, _("the screens stopped on an error"));
	return EXIT_OK;
}

int cmd_screens(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 },
	};
	const char *db = NULL;
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'd')
			db = optarg;
		else if (c == ':')
			return cmd_fail(EXIT_USAGE, _("option '%s' needs a value (see comptoir --help)"),
			                argv[optind - 1]);
		else
			return cmd_fail(EXIT_USAGE, _("unknown option '%s' (see comptoir --help)"),
			                argv[optind - 1]);
	}
	if (optind < argc)
		return cmd_fail(EXIT_USAGE, _("unknown command '%s' (see comptoir --help)"),
		                argv[optind]);
	return cmd_run_screens(db);
}

static int cmd_country(const char *s, enum app_country *out)
{
	if (strcasecmp(s, "FR") == 0)
		*out = APP_COUNTRY_FR;
	else if (strcasecmp(s, "IN") == 0)
		*out = APP_COUNTRY_IN;
	else
		return -1;
	return 0;
}

/* init and demo share their options; demo opens the screens afterwards. */
static int cmd_shop(int argc, char **argv, int is_demo)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "demo", no_argument, NULL, 'D' },
		{ "country", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *db = NULL;
	int demo = is_demo;
	enum app_country country = APP_COUNTRY_FR;
	int c;
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'D': demo = 1; break;
		case 'c':
			if (cmd_country(optarg, &country) != 0)
				return cmd_fail(EXIT_USAGE, _("unknown country '%s' (FR or IN)"), optarg);
			break;
		case 'h': return cmd_usage(argv[0], EXIT_OK);
		default:
			return cmd_bad_option(argv[0], c, argv);
		}
	}
	if (optind < argc) {
		cmd_fail(EXIT_USAGE, _("unexpected argument '%s'"), argv[optind]);
		return cmd_usage(argv[0], EXIT_USAGE);
	}
	if (!is_demo && !db) {
		cmd_fail(EXIT_USAGE, _("init needs --db PATH"));
		return cmd_usage(argv[0], EXIT_USAGE);
	}
	struct app_config cfg;
	char *err = NULL;
	if (config_load(&cfg, &err) != 0)
		return cmd_fail_err(APP_ERR, err, _("cannot read the config file"));
	char path[PATH_MAX];
	if (cmd_db_path(db, &cfg, path, sizeof path) != 0)
		return cmd_fail(EXIT_REFUSED, _("no database given: use --db PATH or set COMPTOIR_DB"));
	struct stat sb;
	if (is_demo && stat(path, &sb) == 0)
		return cmd_run_screens(path);
	if (is_demo && !db && cmd_make_parent(path) != 0)
		return cmd_fail(EXIT_REFUSED, _("cannot create the folder of %s: %s"), path,
		                strerror(errno));
	int rc = app_init_shop(path, country, demo, &err);
	if (rc != APP_OK)
		return cmd_fail_err(rc, err, _("cannot create the shop"));
	if (!is_demo) {
		printf(_("shop created at %s%s\n"), path, demo ? _(" (demo shop)") : "");
		return EXIT_OK;
	}
	return cmd_run_screens(path);
}

int cmd_init(int argc, char **argv)
{
	return cmd_shop(argc, argv, 0);
}

int cmd_demo(int argc, char **argv)
{
	return cmd_shop(argc, argv, 1);
}
