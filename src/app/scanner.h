/* The scanners of this till, for the screens: the rules that tell a
 * keyboard-wedge scan from typing, and a scanner read directly (usb:,
 * serial:, evdev: from drivers/), both as the config file sets them. */
#ifndef COMPTOIR_APP_SCANNER_H
#define COMPTOIR_APP_SCANNER_H

#include <stddef.h>
#include "../core/wedge.h"

struct app;
struct app_config;

struct app_scanner_conf {
	struct wedge_config wedge;  /* prefix, suffix, timing, layout */
	char device[256];           /* usb:VID:PID, serial:PATH, evdev:PATH; "" none */
	int keymap;                 /* a directly read keyboard scanner: 0 US, 1 French */
};

/* The settings a config file gave, defaults for the rest. */
void app_scanner_conf_from_config(const struct app_config *c, struct app_scanner_conf *out);
/* Sets this till's scanners (the command line applies the config). */
void app_set_scanner(struct app *a, const struct app_scanner_conf *conf);
/* This till's scanners: what app_set_scanner() gave, or the defaults. */
void app_scanner_conf(const struct app *a, struct app_scanner_conf *out);

/* A scanner read directly. */
struct app_scanner;
/* Opens conf->device; 0, or -1 with *err set (*out is then NULL). */
int app_scanner_open(const struct app_scanner_conf *conf, struct app_scanner **out, char **err);
/* The descriptor to wait on; call app_scanner_read() before waiting too. */
int app_scanner_fd(const struct app_scanner *s);
/* 1 with a whole code in code, 0 when none has come, -1 with *err when the
 * scanner has gone. */
int app_scanner_read(struct app_scanner *s, char *code, size_t size, char **err);
void app_scanner_close(struct app_scanner *s);
/* Whether a device URI is one this build reads; *err says why not. */
int app_scanner_check(const char *device, char **err);

#endif
