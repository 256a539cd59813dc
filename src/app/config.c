/* The INI file of config.h, read with libinih. Unknown keys are refused so
 * that a mistyped setting is seen rather than silently ignored. */
#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "config.h"
#include "receipt.h"
#include "scanner.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

struct config_ctx {
	struct app_config *c;
	char *bad;   /* first bad setting, described */
};

/* [scanner] device, prefix, suffix, timing, layout, keymap; also taken as
 * scanner, scanner_prefix... in [comptoir]. 1 when taken, 0 with ctx->bad
 * set when the value is wrong, -1 when key is not a scanner setting. */
static int config_scanner(struct config_ctx *ctx, const char *key, const char *value)
{
	struct app_config *c = ctx->c;
	if (strcmp(key, "device") == 0) {
		char *why = NULL;
		if (strlen(value) >= sizeof c->scanner) {
			error_set(&ctx->bad, _("scanner device longer than %zu bytes"), sizeof c->scanner - 1);
			return 0;
		}
		if (value[0] && app_scanner_check(value, &why) < 0) {
			error_set(&ctx->bad, "%s", why);
			free(why);
			return 0;
		}
		strlcpy_safe(c->scanner, value, sizeof c->scanner);
	} else if (strcmp(key, "prefix") == 0 || strcmp(key, "suffix") == 0) {
		int k;
		if (wedge_parse_key(value, &k) < 0) {
			error_set(&ctx->bad, _("scanner %s must be none, enter, tab, ctrl-X, 0xNN or one "
			                       "character, not '%s'"), key, value);
			return 0;
		}
		*(key[0] == 'p' ? &c->scanner_prefix : &c->scanner_suffix) = k;
	} else if (strcmp(key, "timing") == 0) {
		if (strcmp(value, "on") && strcmp(value, "off")) {
			error_set(&ctx->bad, _("scanner timing must be on or off, not '%s'"), value);
			return 0;
		}
		c->scanner_timing = strcmp(value, "on") == 0 ? 1 : -1;
	} else if (strcmp(key, "layout") == 0) {
		enum wedge_layout l;
		if (wedge_parse_layout(value, &l) < 0) {
			error_set(&ctx->bad, _("scanner layout must be us, azerty or auto, not '%s'"), value);
			return 0;
		}
		c->scanner_layout = (int)l + 1;
	} else if (strcmp(key, "keymap") == 0) {
		if (strcmp(value, "us") && strcmp(value, "fr")) {
			error_set(&ctx->bad, _("scanner keymap must be us or fr, not '%s'"), value);
			return 0;
		}
		c->scanner_keymap = strcmp(value, "fr") == 0;
	} else {
		return -1;
	}
	return 1;
}

static int config_line(void *user, const char *section, const char *name, const char *value)
{
	struct config_ctx *ctx = user;
	struct app_config *c = ctx->c;
	const char *skey = NULL;
	if (strcmp(section, "scanner") == 0)
		skey = name;
	else if (strcmp(section, "comptoir") == 0 && strcmp(name, "scanner") == 0)
		skey = "device";
	else if (strcmp(section, "comptoir") == 0 && strncmp(name, "scanner_", 8) == 0)
		skey = name + 8;
	if (skey) {
		int r = config_scanner(ctx, skey, value);
		if (r >= 0)
			return r;
	}
	if (strcmp(section, "comptoir") == 0 && strcmp(name, "db") == 0) {
		if (strlen(value) >= sizeof c->db) {
			error_set(&ctx->bad, _("database path too long"));
			return 0;
		}
		strlcpy_safe(c->db, value, sizeof c->db);
	} else if (strcmp(section, "journal") == 0 && strcmp(name, "signing_key") == 0) {
		if (strlen(value) >= sizeof c->signing_key) {
			error_set(&ctx->bad, _("signing key path too long"));
			return 0;
		}
		strlcpy_safe(c->signing_key, value, sizeof c->signing_key);
	} else if (strcmp(section, "comptoir") == 0 && strcmp(name, "terminal") == 0) {
		if (strlen(value) >= sizeof c->terminal) {
			error_set(&ctx->bad, _("terminal name longer than %zu characters"),
			          sizeof c->terminal - 1);
			return 0;
		}
		strlcpy_safe(c->terminal, value, sizeof c->terminal);
	} else if (strcmp(section, "printer") == 0 && strcmp(name, "uri") == 0) {
		if (strlen(value) >= sizeof c->printer) {
			error_set(&ctx->bad, _("printer URI longer than %zu bytes"), sizeof c->printer - 1);
			return 0;
		}
		strlcpy_safe(c->printer, value, sizeof c->printer);
	} else if (strcmp(section, "printer") == 0 && strcmp(name, "width") == 0) {
		if (strcmp(value, "32") && strcmp(value, "42") && strcmp(value, "48")) {
			error_set(&ctx->bad, _("printer width must be 32, 42 or 48, not '%s'"), value);
			return 0;
		}
		c->receipt_width = atoi(value);
	} else if (strcmp(section, "printer") == 0 && strcmp(name, "profile") == 0) {
		if (app_printer_profile_check(value, &ctx->bad) != APP_OK)
			return 0;
		strlcpy_safe(c->printer_profile, value, sizeof c->printer_profile);
	} else if (strcmp(section, "printer") == 0 && strcmp(name, "drawer") == 0) {
		if (strcmp(value, "2") && strcmp(value, "5") && strcmp(value, "none")) {
			error_set(&ctx->bad, _("drawer must be 2, 5 or none, not '%s'"), value);
			return 0;
		}
		c->drawer_pin = atoi(value);
	} else {
		error_set(&ctx->bad, _("unknown setting '%s' in section [%s]"), name, section);
		return 0;
	}
	return 1;
}

int config_load_file(struct app_config *c, const char *path, char **err)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		error_set(err, _("cannot read %s: %s"), path, strerror(errno));
		return -1;
	}
	struct config_ctx ctx = { .c = c };
	int line = ini_parse_file(f, config_line, &ctx);
	fclose(f);
	if (line != 0) {
		if (ctx.bad)
			error_set(err, _("%s, line %d: %s"), path, line, ctx.bad);
		else
			error_set(err, _("%s, line %d: not a valid setting"), path, line);
		free(ctx.bad);
		return -1;
	}
	strlcpy_safe(c->path, path, sizeof c->path);
	return 0;
}

int config_load(struct app_config *c, char **err)
{
	memset(c, 0, sizeof *c);
	const char *env = getenv("COMPTOIR_CONFIG");
	if (env && *env)
		return config_load_file(c, env, err);
	char path[PATH_MAX];
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	path[0] = '\0';
	if (xdg && *xdg)
		snprintf(path, sizeof path, "%s/comptoir/comptoir.conf", xdg);
	else if (home && *home)
		snprintf(path, sizeof path, "%s/.config/comptoir/comptoir.conf", home);
	if (path[0] && access(path, F_OK) == 0)
		return config_load_file(c, path, err);
	if (access("/etc/comptoir.conf", F_OK) == 0)
		return config_load_file(c, "/etc/comptoir.conf", err);
	return 0;
}

int config_default_db(char *out, size_t size)
{
	const char *env = getenv("COMPTOIR_DB");
	if (env && *env) {
		strlcpy_safe(out, env, size);
		return 0;
	}
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	if (xdg && *xdg)
		snprintf(out, size, "%s/comptoir/comptoir.db", xdg);
	else if (home && *home)
		snprintf(out, size, "%s/.local/share/comptoir/comptoir.db", home);
	else
		return -1;
	return 0;
}
