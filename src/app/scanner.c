/* This till's scanner settings, from the config to the screens, and the
 * scanners read directly, wrapped so that the screens never see drivers/. */
#include <stdlib.h>
#include <string.h>
#include "app-internal.h"
#include "config.h"
#include "scanner.h"
#include "../../drivers/scanner.h"
#include "../util/xalloc.h"

struct app_scanner {
	struct scanner *s;
};

void app_scanner_conf_from_config(const struct app_config *c, struct app_scanner_conf *out)
{
	memset(out, 0, sizeof *out);
	wedge_config_default(&out->wedge);
	out->wedge.prefix = c->scanner_prefix;
	if (c->scanner_suffix)
		out->wedge.suffix = c->scanner_suffix;
	if (c->scanner_timing)
		out->wedge.timing = c->scanner_timing > 0;
	if (c->scanner_layout)
		out->wedge.layout = (enum wedge_layout)(c->scanner_layout - 1);
	strlcpy_safe(out->device, c->scanner, sizeof out->device);
	out->keymap = c->scanner_keymap;
}

void app_set_scanner(struct app *a, const struct app_scanner_conf *conf)
{
	a->scanner = *conf;
	a->scanner_set = 1;
}

void app_scanner_conf(const struct app *a, struct app_scanner_conf *out)
{
	if (a && a->scanner_set) {
		*out = a->scanner;
		return;
	}
	memset(out, 0, sizeof *out);
	wedge_config_default(&out->wedge);
}

int app_scanner_open(const struct app_scanner_conf *conf, struct app_scanner **out, char **err)
{
	struct scanner *s;
	*out = NULL;
	if (scanner_open(conf->device, conf->keymap ? SCANNER_KEYMAP_FR : SCANNER_KEYMAP_US, &s, err) < 0)
		return -1;
	*out = xcalloc(1, sizeof **out);
	(*out)->s = s;
	return 0;
}

int app_scanner_fd(const struct app_scanner *s)
{
	return scanner_fd(s->s);
}

int app_scanner_read(struct app_scanner *s, char *code, size_t size, char **err)
{
	return scanner_read(s->s, code, size, err);
}

void app_scanner_close(struct app_scanner *s)
{
	if (!s)
		return;
	scanner_close(s->s);
	free(s);
}

int app_scanner_check(const char *device, char **err)
{
	return scanner_uri_check(device, err);
}
