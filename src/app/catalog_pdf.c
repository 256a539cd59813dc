/* The buyers' catalog's PDF writer: A4 portrait pages in points, drawn with
 * cairo in a DejaVu font and streamed into the document's file, which a
 * write error marks for the caller. */
#include <cairo.h>
#include <cairo-pdf.h>
#include <errno.h>
#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "catalog-internal.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

#define PDF_W 595.0
#define PDF_H 842.0
#define PDF_LEFT 36.0
#define PDF_RIGHT (PDF_W - 36.0)
#define PDF_FONT "DejaVu Sans"
#define PDF_SIZE 8.5

static const struct catalog_geometry catalog_pdf_geometry = {
	.x = { [COL_SKU] = 36, [COL_NAME] = 104, [COL_UNIT] = 319, [COL_PACK] = 351,
	       [COL_QTY] = 433, [COL_PRICE] = 473, [COL_MARK] = 554 },
	.w = { [COL_SKU] = 64, [COL_NAME] = 211, [COL_UNIT] = 28, [COL_PACK] = 78,
	       [COL_QTY] = 36, [COL_PRICE] = 80, [COL_MARK] = 5 },
	.right = { [COL_QTY] = 1, [COL_PRICE] = 1 },
	.line = 11, .gap = 4, .category = 20, .bottom = PDF_H - 56,
};

static void catalog_pdf_font(struct catalog_doc *d, int bold, double size)
{
	cairo_select_font_face(d->cr, PDF_FONT, CAIRO_FONT_SLANT_NORMAL,
	                       bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(d->cr, size);
}

static void catalog_pdf_body(struct catalog_doc *d)
{
	catalog_pdf_font(d, 0, PDF_SIZE);
	cairo_set_source_rgb(d->cr, 0, 0, 0);
}

static double catalog_pdf_width(struct catalog_doc *d, const char *s)
{
	cairo_text_extents_t ext;
	cairo_text_extents(d->cr, s, &ext);
	return ext.x_advance;
}

static double catalog_pdf_measure(struct catalog_doc *d, const char *s, size_t len)
{
	char buf[1024];
	return catalog_pdf_width(d, catalog_span_text(buf, sizeof buf, s, len, 0));
}

/* Text with its baseline at y; right-aligned on x when right. */
static void catalog_pdf_show(struct catalog_doc *d, double x, double y, int right, const char *s)
{
	if (right)
		x -= catalog_pdf_width(d, s);
	cairo_move_to(d->cr, x, y);
	cairo_show_text(d->cr, s);
}

/* A line of text cut to width with an ellipsis. */
static void catalog_pdf_fit(struct catalog_doc *d, double x, double y, double width,
                            const char *s)
{
	struct catalog_span sp;
	char buf[1024];
	if (catalog_wrap(d, s, width, &sp, 1))
		catalog_pdf_show(d, x, y, 0, catalog_span_text(buf, sizeof buf, sp.s, sp.len,
		                                               sp.ellipsis));
}

static void catalog_pdf_cell(struct catalog_doc *d, int col, double y, const char *s,
                             size_t len, int ellipsis)
{
	const struct catalog_geometry *g = &catalog_pdf_geometry;
	char buf[1024];
	catalog_span_text(buf, sizeof buf, s, len, ellipsis);
	double x = g->right[col] ? g->x[col] + g->w[col] : g->x[col];
	catalog_pdf_show(d, x, y + PDF_SIZE, g->right[col], buf);
}

static void catalog_pdf_rule(struct catalog_doc *d, double y, double width, double gray)
{
	cairo_set_source_rgb(d->cr, gray, gray, gray);
	cairo_set_line_width(d->cr, width);
	cairo_move_to(d->cr, PDF_LEFT, y);
	cairo_line_to(d->cr, PDF_RIGHT, y);
	cairo_stroke(d->cr);
}

static cairo_status_t catalog_pdf_write(void *closure, const unsigned char *data,
                                        unsigned int len)
{
	struct catalog_doc *d = closure;
	if (fwrite(data, 1, len, d->f) == len)
		return CAIRO_STATUS_SUCCESS;
	d->write_errno = errno;
	return CAIRO_STATUS_WRITE_ERROR;
}

static int catalog_pdf_open(struct catalog_doc *d, char **err)
{
	d->surface = cairo_pdf_surface_create_for_stream(catalog_pdf_write, d, PDF_W, PDF_H);
	if (cairo_surface_status(d->surface) == CAIRO_STATUS_SUCCESS) {
		cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_TITLE, d->title);
		cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME);
		d->cr = cairo_create(d->surface);
	}
	cairo_status_t st = d->cr ? cairo_status(d->cr) : cairo_surface_status(d->surface);
	if (st != CAIRO_STATUS_SUCCESS) {
		error_set(err, _("cannot make the PDF: %s"), cairo_status_to_string(st));
		return APP_ERR;
	}
	return APP_OK;
}

static void catalog_pdf_headings(struct catalog_doc *d)
{
	const struct catalog_geometry *g = &catalog_pdf_geometry;
	catalog_pdf_font(d, 1, 8);
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	for (int c = 0; c < COL_COUNT; c++)
		if (*catalog_headings[c])
			catalog_pdf_show(d, g->right[c] ? g->x[c] + g->w[c] : g->x[c], d->y + 8,
			                 g->right[c], _(catalog_headings[c]));
	d->y += 12;
	catalog_pdf_rule(d, d->y, 0.8, 0);
	d->y += 5;
	catalog_pdf_body(d);
}

static void catalog_pdf_page_begin(struct catalog_doc *d)
{
	const struct app_shop *shop = app_shop(d->a);
	double width = PDF_RIGHT - PDF_LEFT;
	d->y = 40;
	if (d->page == 1) {
		catalog_pdf_font(d, 1, 16);
		cairo_set_source_rgb(d->cr, 0, 0, 0);
		catalog_pdf_fit(d, PDF_LEFT, d->y + 16, width, shop->name);
		d->y += 22;
		if (shop->address[0]) {
			catalog_pdf_font(d, 0, 9.5);
			cairo_set_source_rgb(d->cr, 0.3, 0.3, 0.3);
			catalog_pdf_fit(d, PDF_LEFT, d->y + 10, width, shop->address);
			d->y += 14;
		}
		d->y += 10;
		catalog_pdf_font(d, 0, 9);
		cairo_set_source_rgb(d->cr, 0.3, 0.3, 0.3);
		double dw = catalog_pdf_width(d, d->date);
		catalog_pdf_show(d, PDF_RIGHT, d->y + 13, 1, d->date);
		catalog_pdf_font(d, 1, 13);
		cairo_set_source_rgb(d->cr, 0, 0, 0);
		catalog_pdf_fit(d, PDF_LEFT, d->y + 13, width - dw - 12, d->title);
		d->y += 19;
		catalog_pdf_font(d, 0, 9.5);
		catalog_pdf_fit(d, PDF_LEFT, d->y + 10, width, d->terms);
		d->y += 22;
	} else {
		char *head = xasprintf("%s \xe2\x80\x94 %s", shop->name, d->title);
		catalog_pdf_font(d, 0, 7.5);
		cairo_set_source_rgb(d->cr, 0.35, 0.35, 0.35);
		double dw = catalog_pdf_width(d, d->date);
		catalog_pdf_show(d, PDF_RIGHT, d->y + 8, 1, d->date);
		catalog_pdf_fit(d, PDF_LEFT, d->y + 8, width - dw - 12, head);
		free(head);
		d->y += 18;
	}
	catalog_pdf_headings(d);
}

static void catalog_pdf_page_end(struct catalog_doc *d)
{
	char page[64];
	snprintf(page, sizeof page, _("Page %d"), d->page);
	double y = PDF_H - 30;
	catalog_pdf_rule(d, y - 12, 0.5, 0.6);
	catalog_pdf_font(d, 0, 7.5);
	cairo_set_source_rgb(d->cr, 0.35, 0.35, 0.35);
	double pw = catalog_pdf_width(d, page);
	catalog_pdf_show(d, PDF_RIGHT, y, 1, page);
	catalog_pdf_fit(d, PDF_LEFT, y, PDF_RIGHT - PDF_LEFT - pw - 12, d->terms);
	if (d->page_promo)
		catalog_pdf_fit(d, PDF_LEFT, y + 10, PDF_RIGHT - PDF_LEFT,
		                _("* promotional price, valid on the date of this list"));
	cairo_show_page(d->cr);
	catalog_pdf_body(d);
}

static void catalog_pdf_category(struct catalog_doc *d, const char *name, int continued)
{
	char *s = continued ? xasprintf(_("%s (continued)"), name) : xstrdup(name);
	d->y += 5;
	catalog_pdf_font(d, 1, 10.5);
	cairo_set_source_rgb(d->cr, 0.1, 0.2, 0.45);
	catalog_pdf_fit(d, PDF_LEFT, d->y + 10.5, PDF_RIGHT - PDF_LEFT, s);
	free(s);
	d->y += 15;
	catalog_pdf_body(d);
}

static void catalog_pdf_row_end(struct catalog_doc *d, double bottom)
{
	catalog_pdf_rule(d, bottom + 1.5, 0.3, 0.8);
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	d->y = bottom + catalog_pdf_geometry.gap;
}

static int catalog_pdf_close(struct catalog_doc *d, char **err)
{
	cairo_destroy(d->cr);
	d->cr = NULL;
	cairo_surface_finish(d->surface);
	cairo_status_t st = cairo_surface_status(d->surface);
	cairo_surface_destroy(d->surface);
	d->surface = NULL;
	if (st == CAIRO_STATUS_SUCCESS)
		return APP_OK;
	if (st == CAIRO_STATUS_WRITE_ERROR && d->write_errno)
		error_set(err, _("cannot write %s: %s"), d->path, strerror(d->write_errno));
	else
		error_set(err, _("cannot make the PDF: %s"), cairo_status_to_string(st));
	return APP_ERR;
}

/* Nothing else in comptoir draws with cairo: its font caches and
 * fontconfig's are let go too, so that a leak checker sees none. */
static void catalog_pdf_release(struct catalog_doc *d)
{
	if (d->cr)
		cairo_destroy(d->cr);
	if (d->surface)
		cairo_surface_destroy(d->surface);
	d->cr = NULL;
	d->surface = NULL;
	cairo_debug_reset_static_data();
	FcFini();
}

const struct catalog_writer catalog_pdf_writer = {
	.g = &catalog_pdf_geometry,
	.open = catalog_pdf_open,
	.measure = catalog_pdf_measure,
	.cell = catalog_pdf_cell,
	.page_begin = catalog_pdf_page_begin,
	.page_end = catalog_pdf_page_end,
	.category = catalog_pdf_category,
	.row_end = catalog_pdf_row_end,
	.close = catalog_pdf_close,
	.release = catalog_pdf_release,
};
