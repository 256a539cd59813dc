/* Shared by the docprint files of src/app/ only: a printed document as a
 * list of items laid out once (docprint_layout.c, docprint_statement.c)
 * and its two renderers, plain text (docprint_text.c) and PDF
 * (docprint_pdf.c). */
#ifndef COMPTOIR_APP_DOCPRINT_INTERNAL_H
#define COMPTOIR_APP_DOCPRINT_INTERNAL_H

#include <stddef.h>
#include "app-internal.h"
#include "docprint.h"

/* The text renderer's width; table columns are given in these columns and
 * the PDF scales them to the page. */
#define DP_WIDTH 80
#define DP_CELLS 10

enum dp_kind {
	DP_TITLE,     /* text[0] the document's name, text[1] its number (right) */
	DP_PARTIES,   /* two blocks side by side: text[0] heading, text[1] lines ("\n"
	                 between) on the left; text[2], text[3] on the right */
	DP_FIELD,     /* text[0] a label, text[1] its value */
	DP_HEAD,      /* the headings of item.table */
	DP_ROW,       /* text[0 .. table->n - 1] */
	DP_TOTAL,     /* text[0] a label, text[1] an amount, flush right */
	DP_PARA,      /* text[0] wrapped to the width */
	DP_HEADING,   /* text[0] a section heading */
	DP_GAP,       /* an empty line */
	DP_RULE,
};

enum { DP_BOLD = 1 };

struct dp_col {
	const char *head;    /* untranslated (N_) */
	int width;           /* text columns */
	int right;           /* flush right */
};

struct dp_table {
	const struct dp_col *cols;
	size_t n;
};

struct dp_item {
	enum dp_kind kind;
	int attr;
	const struct dp_table *table;
	char *text[DP_CELLS];
};

struct dp_doc {
	char title[160];     /* PDF metadata and each page's running head */
	struct dp_item *items;
	size_t n, cap;
};

void dp_doc_init(struct dp_doc *d);
void dp_doc_release(struct dp_doc *d);
/* Appends an item of kind with up to DP_CELLS texts (copied; NULL ends the
 * list early). Returns the item, valid until the next add. */
struct dp_item *dp_add(struct dp_doc *d, enum dp_kind kind, int attr,
                       const struct dp_table *table, const char *const *text, size_t n);
void dp_add2(struct dp_doc *d, enum dp_kind kind, int attr, const char *a, const char *b);

/* A piece of text cut for a line. */
struct dp_span {
	const char *s;
	size_t len;
};
/* Cuts s into at most max lines no wider than width as measured by fn: at
 * spaces or newlines, or inside a word too long for a line. Returns the
 * number of lines. */
size_t dp_wrap(const char *s, double width, double (*fn)(void *ctx, const char *s, size_t len),
               void *ctx, struct dp_span *out, size_t max);

/* A table cell in at most max lines of width: as dp_wrap, but the last
 * line runs to the end of s (the renderer cuts it with an ellipsis).
 * Returns 1 or more. */
#define DP_CELL_LINES 3
size_t dp_cell_lines(const char *s, double width,
                     double (*fn)(void *ctx, const char *s, size_t len), void *ctx,
                     struct dp_span *out, size_t max);

/* The renderers: text into *out (malloc'd); PDF into path. */
char *dp_render_text(const struct dp_doc *d);
int dp_render_pdf(const struct dp_doc *d, const char *path, char **err);

/* Layouts: APP_OK, or an app_error with *err. */
int dp_layout_doc(struct app *a, const char *kind, const char *number,
                  const struct docprint_opts *o, struct dp_doc *d, char **err);
int dp_layout_statement(struct app *a, const char *customer, int32_t from, int32_t to,
                        struct dp_doc *d, char **err);

struct strbuf;
struct db_doc_party;
/* The shop as a seller (name, address, tax ids), and a customer or ship-to
 * (name, address, then with DP_PARTY_TAX its tax id and state, with
 * DP_PARTY_CODE its code), lines split by "\n". */
enum { DP_PARTY_TAX = 1, DP_PARTY_CODE = 2 };
void dp_seller_lines(struct app *a, struct strbuf *sb);
void dp_party_lines(struct app *a, const struct db_doc_party *p, int flags,
                    struct strbuf *sb);

struct db_doc;
/* A shop setting, or def when unset. */
void dp_setting(struct app *a, const char *key, const char *def, char *out, size_t size);
/* The parties of a priced document (seller, bill-to, ship-to) and of a
 * delivery note or packing slip (from, deliver to, bill-to). */
void dp_priced_parties(struct app *a, struct dp_doc *d, const struct db_doc *doc,
                       const struct db_doc_party *cu);
int dp_goods_parties(struct app *a, struct dp_doc *d, const struct db_doc *doc,
                     const struct db_doc_party *cu, const struct docprint_opts *o,
                     char **err);

/* "2026-01-10" */
void dp_day(char *out, size_t size, int32_t day);
/* Money in the shop's style. */
void dp_money(struct app *a, char *out, size_t size, money_t v);

#endif
