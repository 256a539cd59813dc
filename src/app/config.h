/* Machine-local settings from the INI file: which database, this till's name,
 * its receipt printer. Looked for at $COMPTOIR_CONFIG, then
 * $XDG_CONFIG_HOME/comptoir/comptoir.conf, then /etc/comptoir.conf; the
 * command line overrides what it gives. */
#ifndef COMPTOIR_CONFIG_H
#define COMPTOIR_CONFIG_H

#include <limits.h>

struct app_config {
	char path[PATH_MAX];      /* the file read, "" when none was found */
	char db[PATH_MAX];        /* [comptoir] db */
	char signing_key[PATH_MAX]; /* [journal] signing_key: the archive's secret key file */
	char terminal[32];        /* [comptoir] terminal */
	char printer[256];        /* [printer] uri */
	int receipt_width;        /* [printer] width: 32, 42 or 48; 0 when unset */
	int drawer_pin;           /* [printer] drawer: 2 or 5, 0 for none (the default) */
	char printer_profile[32]; /* [printer] profile: tm-t88, clone-58...; "" when unset */
	char scanner[256];        /* [scanner] device: usb:VID:PID, serial:PATH, evdev:PATH */
	int scanner_prefix;       /* [scanner] prefix: the character, 0 for none */
	int scanner_suffix;       /* [scanner] suffix: the character, 0 when unset (Enter) */
	int scanner_timing;       /* [scanner] timing: 1 on, -1 off, 0 unset (on) */
	int scanner_layout;       /* [scanner] layout: enum wedge_layout + 1, 0 unset (auto) */
	int scanner_keymap;       /* [scanner] keymap: 0 us, 1 fr */
};

/* Fills c from the first config file found. A file that exists but cannot be
 * read or holds a bad line is an error naming the file and line. */
int config_load(struct app_config *c, char **err);

/* Reads one given file (tests, --config). */
int config_load_file(struct app_config *c, const char *path, char **err);

/* The database path when neither --db nor the config names one:
 * $COMPTOIR_DB, else $XDG_DATA_HOME/comptoir/comptoir.db (or
 * ~/.local/share/...). Writes into out; returns 0 or -1 when no home is known. */
int config_default_db(char *out, size_t size);

#endif
