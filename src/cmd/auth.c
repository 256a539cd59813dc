/* Who is acting on the command line: --user/--pin log in, --approver and
 * --approver-pin stand for a supervisor's approval; and the commands that
 * manage users (user add, user list) and check the journal (verify). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmd.h"
#include "../app/auth.h"
#include "../app/fiscal.h"
#include "../core/text.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

int cmd_auth_opt(struct cmd_auth *au, int c, const char *arg)
{
	switch (c) {
	case 'u': au->user = arg; return 1;
	case 'P': au->pin = arg; return 1;
	case 'A': au->approver = arg; return 1;
	case 'Q': au->approver_pin = arg; return 1;
	default: return 0;
	}
}

static int cmd_name_ok(const char *opt, const char *name)
{
	if (strlen(name) > 31 || text_check_code(name, 31) != TEXT_OK) {
		cmd_fail(EXIT_REFUSED, _("%s takes a name of 1 to 31 printable characters without "
		                         "blanks"), opt);
		return 0;
	}
	return 1;
}

int cmd_auth_check(const struct cmd_auth *au)
{
	if (au->user && !cmd_name_ok("--user", au->user))
		return EXIT_REFUSED;
	if (au->approver && !cmd_name_ok("--approver", au->approver))
		return EXIT_REFUSED;
	if (au->pin && !au->user)
		return cmd_fail(EXIT_USAGE, _("--pin goes with --user NAME"));
	if (!au->approver != !au->approver_pin)
		return cmd_fail(EXIT_USAGE, _("--approver and --approver-pin go together"));
	return 0;
}

int cmd_auth_apply(struct app *a, const struct cmd_auth *au, const char **record_as)
{
	char *err = NULL;
	if (record_as)
		*record_as = NULL;
	int users = app_has_users(a);
	if (au->user) {
		if (!users) {
			if (au->pin)
				return cmd_fail(EXIT_REFUSED, _("this shop has no user accounts yet, so --pin "
				                                "cannot be checked; use --user NAME alone"));
			/* Nothing to check against: the name is only recorded. */
			if (record_as)
				*record_as = au->user;
		} else if (!au->pin) {
			return cmd_fail(EXIT_REFUSED, _("--user %s needs --pin PIN"), au->user);
		} else if (app_login(a, au->user, au->pin, 0, &err) != APP_OK) {
			return cmd_fail_err(APP_ERR, err, _("cannot log in"));
		}
	}
	if (au->approver && app_approve(a, au->approver, au->approver_pin, 0, &err) != APP_OK)
		return cmd_fail_err(APP_ERR, err, _("the approval was refused"));
	return 0;
}

static int cmd_user_print(const struct app_user_info *u, void *ctx)
{
	(void)ctx;
	printf("%-16s %-11s %s%s\n", u->name, u->role, u->full_name,
	       u->locked ? _(" (locked)") : "");
	return 0;
}

int cmd_user(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "role", required_argument, NULL, 'r' },
		{ "new-pin", required_argument, NULL, 'n' },
		{ "name", required_argument, NULL, 'N' },
		CMD_AUTH_OPTIONS,
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *db = NULL, *role = NULL, *new_pin = NULL, *full = "";
	struct cmd_auth au = { 0 };
	int c;
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (cmd_auth_opt(&au, c, optarg))
			continue;
		switch (c) {
		case 'd': db = optarg; break;
		case 'r': role = optarg; break;
		case 'n': new_pin = optarg; break;
		case 'N': full = optarg; break;
		case 'h': return cmd_usage("user", EXIT_OK);
		default: return cmd_bad_option("user", c, argv);
		}
	}
	int nargs = argc - optind;
	const char *verb = nargs > 0 ? argv[optind] : "";
	int add = strcmp(verb, "add") == 0, list = strcmp(verb, "list") == 0;
	if ((!add && !list) || (add && nargs != 2) || (list && nargs != 1)) {
		cmd_fail(EXIT_USAGE, _("user needs 'add NAME' or 'list'"));
		return cmd_usage("user", EXIT_USAGE);
	}
	if (add && (!role || !new_pin)) {
		cmd_fail(EXIT_USAGE, _("user add needs --role ROLE and --new-pin PIN"));
		return cmd_usage("user", EXIT_USAGE);
	}
	int rc = cmd_auth_check(&au);
	if (rc)
		return rc;
	struct app *a;
	if ((rc = cmd_open(db, &a)) != 0)
		return rc;
	if ((rc = cmd_auth_apply(a, &au, NULL)) == 0) {
		char *err = NULL;
		if (list) {
			if (app_user_each(a, cmd_user_print, NULL, &err) != APP_OK)
				rc = cmd_fail_err(APP_IO, err, _("cannot read the users"));
		} else if (app_user_add(a, argv[optind + 1], role, new_pin, full, &err) != APP_OK) {
			rc = cmd_fail_err(APP_ERR, err, _("the user was not added"));
		} else {
			printf(_("user %s added (%s)\n"), argv[optind + 1], role);
		}
	}
	app_close(a);
	return rc;
}

static int cmd_verify_archive(const char *file, const char *pubkey)
{
	struct app_archive_result res;
	char *err = NULL;
	int rc = app_archive_verify(file, pubkey, &res, &err);
	if (rc == APP_IO || (rc != APP_OK && err))
		return cmd_fail_err(rc, err, _("cannot check the archive"));
	if (rc != APP_OK)
		return cmd_fail(EXIT_REFUSED, "%s", res.why);
	printf(_("archive intact: %04d-%02d, records %lld to %lld, signature good\n"),
	       (int)(res.period / 100), (int)(res.period % 100), (long long)res.first,
	       (long long)res.last);
	return EXIT_OK;
}

int cmd_verify(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "archive", required_argument, NULL, 'a' },
		{ "pubkey", required_argument, NULL, 'k' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *db = NULL, *archive = NULL, *pubkey = NULL;
	int c;
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'a': archive = optarg; break;
		case 'k': pubkey = optarg; break;
		case 'h': return cmd_usage("verify", EXIT_OK);
		default: return cmd_bad_option("verify", c, argv);
		}
	}
	if (optind < argc) {
		cmd_fail(EXIT_USAGE, _("unexpected argument '%s'"), argv[optind]);
		return cmd_usage("verify", EXIT_USAGE);
	}
	if (!archive != !pubkey) {
		cmd_fail(EXIT_USAGE, _("--archive and --pubkey go together"));
		return cmd_usage("verify", EXIT_USAGE);
	}
	if (archive && !db)
		return cmd_verify_archive(archive, pubkey);
	struct app *a;
	int rc = cmd_open(db, &a);
	if (rc)
		return rc;
	struct app_verify_result res;
	char *err = NULL;
	rc = app_verify(a, &res, &err);
	if (rc == APP_IO) {
		app_close(a);
		return cmd_fail_err(rc, err, _("cannot read the journal"));
	}
	if (rc != APP_OK) {
		app_close(a);
		return cmd_fail(EXIT_REFUSED, "%s", res.why);
	}
	if (archive) {
		/* The database against a signed archive: what the chain alone
		 * cannot show (the newest records removed, a chain recomputed). */
		struct app_archive_result ar;
		rc = app_archive_verify_db(a, archive, pubkey, &ar, &err);
		if (rc != APP_OK) {
			app_close(a);
			if (rc == APP_IO || err)
				return cmd_fail_err(rc, err, _("cannot check the archive"));
			return cmd_fail(EXIT_REFUSED, "%s", ar.why);
		}
		printf(_("archive %04d-%02d matches the database: records %lld to %lld\n"),
		       (int)(ar.period / 100), (int)(ar.period % 100), (long long)ar.first,
		       (long long)ar.last);
	}
	app_close(a);
	char gt[32];
	money_format(gt, sizeof gt, res.gt_perpetual, &money_style_plain);
	printf(_("journal intact: %lld records, %lld tickets, perpetual grand total %s\n"),
	       (long long)res.records, (long long)res.tickets, gt);
	if (res.last_hash[0])
		printf(_("last hash %s\n"), res.last_hash);
	return EXIT_OK;
}

/* YYYY-MM into YYYYMM, or -1. */
static int cmd_period(const char *s)
{
	if (strlen(s) != 7 || s[4] != '-' || strspn(s, "0123456789-") != 7)
		return -1;
	int y = atoi(s), m = atoi(s + 5);
	if (y < 1900 || m < 1 || m > 12)
		return -1;
	return y * 100 + m;
}

int cmd_archive(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "period", required_argument, NULL, 'p' },
		{ "out", required_argument, NULL, 'o' },
		{ "key", required_argument, NULL, 'k' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *db = NULL, *period = NULL, *out = NULL, *key = NULL;
	int c;
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'p': period = optarg; break;
		case 'o': out = optarg; break;
		case 'k': key = optarg; break;
		case 'h': return cmd_usage("archive", EXIT_OK);
		default: return cmd_bad_option("archive", c, argv);
		}
	}
	if (optind < argc || !period || !out) {
		if (optind < argc)
			cmd_fail(EXIT_USAGE, _("unexpected argument '%s'"), argv[optind]);
		else
			cmd_fail(EXIT_USAGE, _("archive needs --period YYYY-MM and --out FILE"));
		return cmd_usage("archive", EXIT_USAGE);
	}
	int p = cmd_period(period);
	if (p < 0)
		return cmd_fail(EXIT_REFUSED, _("bad period '%s': use YYYY-MM"), period);
	struct app_config cfg;
	char *err = NULL;
	if (config_load(&cfg, &err) != 0)
		return cmd_fail_err(APP_ERR, err, _("cannot read the config file"));
	if (!key)
		key = cfg.signing_key[0] ? cfg.signing_key : NULL;
	if (!key)
		return cmd_fail(EXIT_REFUSED, _("no signing key: give --key FILE or set signing_key "
		                                "in the [journal] section of the config file (make "
		                                "one with comptoir keygen)"));
	struct app *a;
	int rc = cmd_open(db, &a);
	if (rc)
		return rc;
	int64_t n = 0;
	rc = app_archive(a, p, key, out, &n, &err);
	app_close(a);
	if (rc != APP_OK)
		return cmd_fail_err(rc, err, _("the archive was not written"));
	printf(_("archive %s: %lld records of %s, signed\n"), out, (long long)n, period);
	return EXIT_OK;
}

int cmd_keygen(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "secret", required_argument, NULL, 's' },
		{ "public", required_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *secret = NULL, *public = NULL;
	int c;
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 's': secret = optarg; break;
		case 'p': public = optarg; break;
		case 'h': return cmd_usage("keygen", EXIT_OK);
		default: return cmd_bad_option("keygen", c, argv);
		}
	}
	if (optind < argc || !secret || !public) {
		cmd_fail(EXIT_USAGE, _("keygen needs --secret FILE and --public FILE"));
		return cmd_usage("keygen", EXIT_USAGE);
	}
	char *err = NULL;
	int rc = app_keygen(secret, public, &err);
	if (rc != APP_OK)
		return cmd_fail_err(rc, err, _("no key was made"));
	printf(_("secret key %s (keep it away from the database and its backups), public key %s\n"), secret,
	       public);
	return EXIT_OK;
}
