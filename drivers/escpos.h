/* The ESC/POS encoder: builds the bytes of a receipt printer job in memory
 * (initialise, code page, text in that code page, styles, barcodes, QR
 * codes, cut, drawer pulse) and does no I/O; a transport sends them. */
#ifndef COMPTOIR_ESCPOS_H
#define COMPTOIR_ESCPOS_H

#include <iconv.h>
#include <stddef.h>
#include "qr.h"
#include "../src/util/strbuf.h"

/* The single-byte character sets a printer may hold, by iconv name. */
enum escpos_charset {
	ESCPOS_CP437 = 0,   /* USA, the power-on table of most printers */
	ESCPOS_CP850,       /* Latin-1 without the euro sign */
	ESCPOS_CP852,       /* Central Europe */
	ESCPOS_CP858,       /* CP850 with the euro sign */
	ESCPOS_CP866,       /* Cyrillic */
	ESCPOS_CP1252,      /* Windows Western: euro, œ, typographic quotes */
	ESCPOS_NCHARSETS
};

/* "CP858" for iconv; NULL for an unknown value. */
const char *escpos_charset_name(enum escpos_charset cs);
/* Reads "cp858", "CP858", "858"; returns 0 or -1. */
int escpos_charset_parse(const char *s, enum escpos_charset *out);

enum escpos_align { ESCPOS_LEFT = 0, ESCPOS_CENTER = 1, ESCPOS_RIGHT = 2 };
enum escpos_cut { ESCPOS_CUT_FULL, ESCPOS_CUT_PARTIAL };

struct escpos {
	struct strbuf out;          /* the job so far; may hold NUL bytes */
	enum escpos_charset charset;
	iconv_t cd;                 /* UTF-8 to charset */
};

/* Prepares an empty job whose text goes out in charset cs. Returns 0, or -1
 * with *err set when iconv does not know the charset. Release with
 * escpos_release(). */
int escpos_init(struct escpos *e, enum escpos_charset cs, char **err);
void escpos_release(struct escpos *e);

/* The bytes so far (owned by e). */
const unsigned char *escpos_data(const struct escpos *e, size_t *len);
/* Hands the bytes over: the caller frees them; e is left empty. */
unsigned char *escpos_detach(struct escpos *e, size_t *len);

/* ESC @ (initialise), then FS . when cancel_kanji (clones that start in a
 * two-byte Chinese mode and would print Café as a Chinese glyph), then
 * ESC t table: the printer's number for e's charset. */
void escpos_begin(struct escpos *e, int table, int cancel_kanji);

/* UTF-8 text in e's charset: '\n' becomes LF, a tab a space, other control
 * characters are dropped (a name holding ESC cannot send a command); a
 * character the charset lacks is transliterated (œ -> oe, ₹ -> Rs.,
 * « -> <<), and only what has no transliteration becomes '?'. */
void escpos_text(struct escpos *e, const char *utf8);
/* The same conversion into out, without touching the job: one byte per
 * printed column, for laying out lines. */
void escpos_encode(const struct escpos *e, const char *utf8, struct strbuf *out);
/* Bytes already in e's charset (from escpos_encode). */
void escpos_raw(struct escpos *e, const void *bytes, size_t len);
void escpos_newline(struct escpos *e);

void escpos_bold(struct escpos *e, int on);                    /* ESC E n */
/* Character size, each 1..8 times (GS !); out-of-range values become 1. */
void escpos_size(struct escpos *e, int width, int height);
void escpos_align(struct escpos *e, enum escpos_align a);      /* ESC a n */
void escpos_feed(struct escpos *e, int lines);                 /* ESC d n */

/* EAN-13 from 12 digits (the check digit is added) or 13 (the check digit
 * is verified), with its digits printed below. Returns 0, or -1 with *err. */
int escpos_ean13(struct escpos *e, const char *digits, char **err);
/* Code 128 (code set B) of printable ASCII, at most 250 characters, with
 * the text printed below. Returns 0, or -1 with *err. */
int escpos_code128(struct escpos *e, const char *data, char **err);

/* A QR code (model 2) drawn by the printer (GS ( k): module size 1..16
 * dots, error level. Returns 0, or -1 with *err when data is empty or too
 * long for a QR code. */
int escpos_qr(struct escpos *e, const char *data, int module, enum qr_level level,
              char **err);
/* The same QR code computed here and sent as a raster image (GS v 0), for
 * printers without QR support. max_dots bounds the image width. */
int escpos_qr_raster(struct escpos *e, const char *data, int module, enum qr_level level,
                     int max_dots, char **err);
/* A raster image (GS v 0): width_bytes * 8 dots wide, height rows, most
 * significant bit leftmost, 1 = black. */
void escpos_raster(struct escpos *e, const unsigned char *bits, int width_bytes, int height);

/* Feeds to the cutter and cuts (GS V 65/66 0). */
void escpos_cut(struct escpos *e, enum escpos_cut how);
/* Pulses the cash drawer on connector pin 2 or 5 (ESC p), 50 ms on,
 * 500 ms off. Returns 0, or -1 for another pin. */
int escpos_drawer(struct escpos *e, int pin);

#endif
