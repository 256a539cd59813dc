/* Receipt printer profiles: one table row per kind of printer (columns,
 * ESC t numbers of its code pages, cutter, QR support), found by name
 * (config), by USB vendor:product, or from the IEEE 1284 device ID string
 * a USB printer answers to GET_DEVICE_ID. */
#ifndef COMPTOIR_PROFILE_H
#define COMPTOIR_PROFILE_H

#include <stddef.h>
#include <stdint.h>
#include "escpos.h"

struct printer_profile {
	const char *name;          /* config and --profile: "tm-t88" */
	const char *label;         /* for people: "Epson TM-T88V/VI, 80 mm" */
	int escpos;                /* 0: a plain text printer (no commands at all) */
	int columns;               /* characters per line in font A */
	int dots;                  /* printable width in dots (raster images) */
	int cut;                   /* has an autocutter */
	int qr;                    /* draws QR codes itself (GS ( k) */
	int cancel_kanji;          /* starts in a Chinese two-byte mode: send FS . */
	enum escpos_charset charset;         /* the code page to use */
	short table[ESCPOS_NCHARSETS];       /* ESC t n per code page; -1: absent */
	uint16_t vid, pid;         /* USB ids when they name the model; 0: none */
	const char *mfg, *mdl;     /* device ID: manufacturer, model prefix */
};

/* The table, ending with a row whose name is NULL. */
extern const struct printer_profile printer_profiles[];

/* By name, case-insensitive; NULL when unknown. */
const struct printer_profile *profile_find(const char *name);
/* By USB vendor and product id; NULL when no profile names them. */
const struct printer_profile *profile_by_usb(uint16_t vid, uint16_t pid);
/* The generic profile for a line width (32: 58 mm, 42: TM-T88, else
 * 80 mm / 48 columns). */
const struct printer_profile *profile_for_width(int columns);

/* The device ID string out of the answer to the printer class request
 * GET_DEVICE_ID: two bytes of length (big-endian, counting themselves;
 * little-endian from some printers, read too), then the text. Copies the
 * text, cut to what fits, into out. Returns 0, or -1 for an answer too
 * short to hold one. */
int profile_device_id_from_usb(const unsigned char *buf, size_t len, char *out, size_t size);

/* One field of an IEEE 1284 device ID ("MFG:EPSON;MDL:TM-T88V;CMD:ESC/POS;"):
 * key is the short name (MFG, MDL, CMD, CLS, DES); the long names
 * (MANUFACTURER, MODEL, COMMAND SET, CLASS, DESCRIPTION) are read too.
 * Copies the value without surrounding blanks into out. Returns 0, or -1
 * when the field is absent or does not fit. */
int profile_device_id_field(const char *id, const char *key, char *out, size_t size);

/* The profile for a device ID: the model the table names (longest model
 * prefix wins), else a generic 80 mm profile when the command set lists
 * ESC/POS; NULL when the printer does not speak ESC/POS. */
const struct printer_profile *profile_by_device_id(const char *id);

/* The ESC t number of the profile's code page (-1 when none). */
int profile_table(const struct printer_profile *p);

#endif
