/* Shared by the buyers' catalog's files only: the document being written,
 * the writer interface that catalog_pdf.c and catalog_text.c fill in, and
 * the wrapping of text into a column that catalog.c lends them both. */
#ifndef COMPTOIR_APP_CATALOG_INTERNAL_H
#define COMPTOIR_APP_CATALOG_INTERNAL_H

#include <cairo.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "app-internal.h"
#include "../../db/catalog.h"
#include "../util/strbuf.h"

#define CATALOG_CHAIN_MAX (PRICING_MAX_DEPTH + 2)

enum catalog_col { COL_SKU, COL_NAME, COL_UNIT, COL_PACK, COL_QTY, COL_PRICE, COL_MARK, COL_COUNT };

/* The column headings, untranslated (N_); COL_MARK has none. */
extern const char *const catalog_headings[COL_COUNT];

/* Where things go, in the writer's units (points, or columns and lines). */
struct catalog_geometry {
	double x[COL_COUNT], w[COL_COUNT];
	int right[COL_COUNT];
	double line;       /* one line of a row */
	double gap;        /* after each product */
	double category;   /* a category heading */
	double bottom;     /* rows end above this */
};

struct catalog_doc;

/* A writer: the geometry, and how to measure, place text and turn pages.
 * Rows are placed line by line, left to right. */
struct catalog_writer {
	const struct catalog_geometry *g;
	int (*open)(struct catalog_doc *d, char **err);
	double (*measure)(struct catalog_doc *d, const char *s, size_t len);
	void (*cell)(struct catalog_doc *d, int col, double y, const char *s, size_t len,
	             int ellipsis);
	void (*page_begin)(struct catalog_doc *d);   /* the heads; sets d->y */
	void (*page_end)(struct catalog_doc *d);     /* the footer */
	void (*category)(struct catalog_doc *d, const char *name, int continued);
	void (*row_end)(struct catalog_doc *d, double bottom);  /* sets d->y */
	int (*close)(struct catalog_doc *d, char **err);
	void (*release)(struct catalog_doc *d);
};

struct catalog_doc {
	struct app *a;
	const struct catalog_writer *w;
	const char *path;
	FILE *f;
	int write_errno;
	int64_t now;
	struct price_list list;                /* a copy: a->lists may be reloaded */
	int64_t chain[CATALOG_CHAIN_MAX];      /* the list, its parents, the base list */
	size_t nchain;
	char title[200], terms[320], date[64];
	char category[DB_NAME_MAX + 1];
	int category_new;
	int page, page_rows, page_promo;
	double y;
	size_t products;
	int rc;
	char **err;
	/* the PDF writer's */
	cairo_surface_t *surface;
	cairo_t *cr;
	/* the text writer's: the line being filled, and lines out on the page */
	struct strbuf line;
	double line_y;
	size_t line_col;
	int line_open, lines_out;
};

struct catalog_span {
	const char *s;
	size_t len;
	int ellipsis;
};

/* Cuts s into at most max lines no wider than width: at spaces, or inside a
 * word too long for a line; when text is left over, the last line ends in
 * an ellipsis.  Returns the number of lines (0 for blank text). */
size_t catalog_wrap(struct catalog_doc *d, const char *s, double width,
                    struct catalog_span *out, size_t max);

/* Copies a span into buf as a C string, with its ellipsis. */
const char *catalog_span_text(char *buf, size_t size, const char *s, size_t len,
                              int ellipsis);

extern const struct catalog_writer catalog_pdf_writer;    /* catalog_pdf.c */
extern const struct catalog_writer catalog_text_writer;   /* catalog_text.c */

#endif
