/* Shared by the receipt files of src/app/ only: the receipt as a small
 * document of items (laid out once, in receipt.c) and its two renderers,
 * plain text (receipt_doc.c) and ESC/POS (receipt_escpos.c). */
#ifndef COMPTOIR_RECEIPT_INTERNAL_H
#define COMPTOIR_RECEIPT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include "../../drivers/escpos.h"
#include "../../drivers/profile.h"

enum receipt_kind {
	RECEIPT_LINE,      /* left, cut to the width */
	RECEIPT_CENTER,    /* left, centred */
	RECEIPT_PAIR,      /* left, then right flush with the margin; left is cut */
	RECEIPT_RULE,      /* a line of dashes */
	RECEIPT_EAN13,     /* left is the 12 or 13 digits; printers only */
	RECEIPT_CODE128,   /* left is the data; printers only */
	RECEIPT_QR,        /* left is the data; printers only */
	RECEIPT_CUT,       /* the end of the receipt; printers only */
};

/* Attributes, which plain text ignores. */
enum { RECEIPT_BOLD = 1, RECEIPT_BIG = 2 /* double width and height */ };

struct receipt_item {
	enum receipt_kind kind;
	int attr;
	char *left, *right;   /* UTF-8; NULL when the kind takes none */
};

struct receipt_doc {
	struct receipt_item *items;
	size_t n, cap;
};

struct app;

/* Lays out the receipt of ticket `number` into doc (initialised by the
 * caller), marked as a copy when `copy`. APP_OK, or APP_NOTFOUND/APP_IO
 * with *err set. */
int app_receipt_doc(struct app *a, int64_t number, int copy, struct receipt_doc *doc, char **err);

void receipt_doc_init(struct receipt_doc *d);
void receipt_doc_release(struct receipt_doc *d);
/* Appends an item; left and right are copied (NULL allowed). */
void receipt_doc_add(struct receipt_doc *d, enum receipt_kind kind, int attr, const char *left,
                     const char *right);

/* The document as plain UTF-8 text `width` columns wide; the caller frees. */
char *receipt_doc_text(const struct receipt_doc *d, size_t width);
/* The document as ESC/POS for profile p, appended to e (initialised in the
 * profile's code page): ESC @ and the code page first, the cut (or a feed
 * when the printer has no cutter) last. Returns 0, or -1 with *err. */
int receipt_doc_escpos(const struct receipt_doc *d, const struct printer_profile *p,
                       struct escpos *e, char **err);

/* The profile named, else the one configured in a (a may be NULL), else
 * the generic one for the receipt width; NULL with *err for an unknown name. */
const struct printer_profile *receipt_profile(const struct app *a, const char *name, char **err);
/* The document as ESC/POS bytes for p (*out malloc'd); APP_ERR with *err
 * for a profile that takes plain text or an item the encoder refuses. */
int receipt_escpos_bytes(const struct receipt_doc *doc, const struct printer_profile *p,
                         unsigned char **out, size_t *len, char **err);

#endif
