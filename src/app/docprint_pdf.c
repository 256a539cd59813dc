/* The printed document as an A4 PDF drawn with cairo in DejaVu Sans: table
 * columns scaled from the text widths, pages turned when full with the
 * table's headings repeated, a running head and a page number. */
#include <cairo.h>
#include <cairo-pdf.h>
#include <errno.h>
#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "docprint-internal.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

#define PDF_W 595.0
#define PDF_H 842.0
#define PDF_LEFT 42.0
#define PDF_RIGHT (PDF_W - 42.0)
#define PDF_TOP 42.0
#define PDF_BOTTOM (PDF_H - 60.0)
#define PDF_FONT "DejaVu Sans"
#define PDF_SIZE 8.5
#define PDF_LINE 11.5
#define PDF_COL ((PDF_RIGHT - PDF_LEFT) / DP_WIDTH)   /* one text column */

struct dp_pdf {
	const struct dp_doc *doc;
	FILE *f;
	int write_errno;
	cairo_surface_t *surface;
	cairo_t *cr;
	double y;
	int page;
	const struct dp_item *head;    /* the table being drawn, repeated on a new page */
};

static void pdf_font(struct dp_pdf *p, int bold, double size, double gray)
{
	cairo_select_font_face(p->cr, PDF_FONT, CAIRO_FONT_SLANT_NORMAL,
	                       bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(p->cr, size);
	cairo_set_source_rgb(p->cr, gray, gray, gray);
}

static double pdf_measure(void *ctx, const char *s, size_t len)
{
	struct dp_pdf *p = ctx;
	char *t = xasprintf("%.*s", (int)len, s);
	cairo_text_extents_t ext;
	cairo_text_extents(p->cr, t, &ext);
	free(t);
	return ext.x_advance;
}

/* s at baseline y, from x or (right) ending at x, cut to width with an ellipsis. */
static void pdf_text(struct dp_pdf *p, double x, double y, double width, int right,
                     const char *s, size_t len)
{
	char *t = xasprintf("%.*s", (int)len, s);
	if (pdf_measure(p, t, strlen(t)) > width) {
		size_t n = strlen(t);
		char *cut = xmalloc(n + 4);
		while (n > 0) {
			n--;
			while (n > 0 && ((unsigned char)t[n] & 0xC0) == 0x80)
				n--;
			memcpy(cut, t, n);
			memcpy(cut + n, "\xe2\x80\xa6", 4);
			if (pdf_measure(p, cut, strlen(cut)) <= width)
				break;
		}
		free(t);
		t = cut;
	}
	if (right)
		x -= pdf_measure(p, t, strlen(t));
	cairo_move_to(p->cr, x, y);
	cairo_show_text(p->cr, t);
	free(t);
}

static void pdf_rule(struct dp_pdf *p, double y, double width, double gray)
{
	cairo_set_source_rgb(p->cr, gray, gray, gray);
	cairo_set_line_width(p->cr, width);
	cairo_move_to(p->cr, PDF_LEFT, y);
	cairo_line_to(p->cr, PDF_RIGHT, y);
	cairo_stroke(p->cr);
}

static void pdf_page_end(struct dp_pdf *p)
{
	char page[64];
	snprintf(page, sizeof page, _("Page %d"), p->page);
	double y = PDF_H - 36;
	pdf_rule(p, y - 12, 0.5, 0.6);
	pdf_font(p, 0, 7.5, 0.35);
	pdf_text(p, PDF_RIGHT, y, 100, 1, page, strlen(page));
	pdf_text(p, PDF_LEFT, y, PDF_RIGHT - PDF_LEFT - 110, 0, p->doc->title,
	         strlen(p->doc->title));
	cairo_show_page(p->cr);
}

static void pdf_row(struct dp_pdf *p, const struct dp_item *it, int head);

static void pdf_page_begin(struct dp_pdf *p)
{
	p->page++;
	p->y = PDF_TOP;
	if (p->page > 1) {
		pdf_font(p, 0, 7.5, 0.35);
		pdf_text(p, PDF_LEFT, p->y + 8, PDF_RIGHT - PDF_LEFT, 0, p->doc->title,
		         strlen(p->doc->title));
		p->y += 20;
		if (p->head)
			pdf_row(p, p->head, 1);
	}
}

/* Turns the page when h more points do not fit. */
static void pdf_room(struct dp_pdf *p, double h)
{
	if (p->y + h <= PDF_BOTTOM)
		return;
	pdf_page_end(p);
	pdf_page_begin(p);
}

static void pdf_row(struct dp_pdf *p, const struct dp_item *it, int head)
{
	const struct dp_table *t = it->table;
	struct dp_span sp[DP_CELLS][DP_CELL_LINES];
	size_t n[DP_CELLS], lines = 1;
	pdf_font(p, head, head ? 8 : PDF_SIZE, 0);
	for (size_t c = 0; c < t->n && c < DP_CELLS; c++) {
		const char *s = head ? _(t->cols[c].head) : it->text[c] ? it->text[c] : "";
		if (head || t->cols[c].right) {
			sp[c][0].s = s;
			sp[c][0].len = strlen(s);
			n[c] = 1;
		} else {
			n[c] = dp_cell_lines(s, t->cols[c].width * PDF_COL, pdf_measure, p, sp[c],
			                     DP_CELL_LINES);
		}
		if (n[c] > lines)
			lines = n[c];
	}
	if (!head)
		pdf_room(p, PDF_LINE * (double)lines);
	pdf_font(p, head, head ? 8 : PDF_SIZE, 0);
	double x = PDF_LEFT;
	for (size_t c = 0; c < t->n && c < DP_CELLS; c++) {
		double w = t->cols[c].width * PDF_COL;
		for (size_t k = 0; k < n[c]; k++)
			pdf_text(p, t->cols[c].right ? x + w : x, p->y + PDF_SIZE + PDF_LINE * (double)k,
			         w, t->cols[c].right, sp[c][k].s, sp[c][k].len);
		x += w + PDF_COL;
	}
	p->y += head ? 12 : PDF_LINE * (double)lines;
	if (head) {
		pdf_rule(p, p->y, 0.8, 0);
		p->y += 4;
	}
}

static void pdf_parties(struct dp_pdf *p, const struct dp_item *it)
{
	double half = (PDF_RIGHT - PDF_LEFT) / 2, w = half - 12;
	struct dp_span l[24], r[24];
	pdf_font(p, 0, 9, 0);
	size_t nl = it->text[1] ? dp_wrap(it->text[1], w, pdf_measure, p, l, 24) : 0;
	size_t nr = it->text[3] ? dp_wrap(it->text[3], w, pdf_measure, p, r, 24) : 0;
	size_t n = nl > nr ? nl : nr;
	pdf_room(p, 14 + 12 * (double)n);
	pdf_font(p, 1, 8, 0.35);
	if (it->text[0])
		pdf_text(p, PDF_LEFT, p->y + 8, w, 0, it->text[0], strlen(it->text[0]));
	if (it->text[2])
		pdf_text(p, PDF_LEFT + half, p->y + 8, w, 0, it->text[2], strlen(it->text[2]));
	p->y += 13;
	for (size_t i = 0; i < n; i++) {
		pdf_font(p, i == 0, 9, 0);
		if (i < nl)
			pdf_text(p, PDF_LEFT, p->y + 9, w, 0, l[i].s, l[i].len);
		if (i < nr)
			pdf_text(p, PDF_LEFT + half, p->y + 9, w, 0, r[i].s, r[i].len);
		p->y += 12;
	}
	p->y += 6;
}

static void pdf_para(struct dp_pdf *p, const char *s, int bold, double size)
{
	struct dp_span sp[64];
	pdf_font(p, bold, size, bold ? 0.1 : 0.15);
	size_t n = dp_wrap(s, PDF_RIGHT - PDF_LEFT, pdf_measure, p, sp, 64);
	for (size_t i = 0; i < n; i++) {
		pdf_room(p, size + 3);
		pdf_font(p, bold, size, bold ? 0.1 : 0.15);
		pdf_text(p, PDF_LEFT, p->y + size, PDF_RIGHT - PDF_LEFT, 0, sp[i].s, sp[i].len);
		p->y += size + 3;
	}
}

static void pdf_item(struct dp_pdf *p, const struct dp_item *it)
{
	const char *a = it->text[0] ? it->text[0] : "", *b = it->text[1] ? it->text[1] : "";
	double width = PDF_RIGHT - PDF_LEFT;
	if (it->kind != DP_ROW)
		p->head = it->kind == DP_HEAD ? it : NULL;
	switch (it->kind) {
	case DP_TITLE: {
		pdf_room(p, 30);
		pdf_font(p, 1, 13, 0);
		double wb = pdf_measure(p, b, strlen(b));
		pdf_text(p, PDF_RIGHT, p->y + 16, width, 1, b, strlen(b));
		pdf_font(p, 1, 18, 0);
		pdf_text(p, PDF_LEFT, p->y + 16, width - wb - 12, 0, a, strlen(a));
		p->y += 24;
		pdf_rule(p, p->y, 1.2, 0);
		p->y += 10;
		break;
	}
	case DP_PARTIES:
		pdf_parties(p, it);
		break;
	case DP_FIELD:
		pdf_room(p, PDF_LINE);
		pdf_font(p, 0, PDF_SIZE, 0.35);
		pdf_text(p, PDF_LEFT, p->y + PDF_SIZE, 110, 0, a, strlen(a));
		pdf_font(p, 0, PDF_SIZE, 0);
		pdf_text(p, PDF_LEFT + 115, p->y + PDF_SIZE, width - 115, 0, b, strlen(b));
		p->y += PDF_LINE;
		break;
	case DP_HEAD:
		pdf_room(p, 16 + 2 * PDF_LINE);
		pdf_row(p, it, 1);
		break;
	case DP_ROW:
		pdf_row(p, it, 0);
		break;
	case DP_TOTAL:
		pdf_room(p, PDF_LINE + 1);
		pdf_font(p, it->attr & DP_BOLD, it->attr & DP_BOLD ? 9.5 : PDF_SIZE, 0);
		pdf_text(p, PDF_RIGHT - 110, p->y + PDF_SIZE, width - 120, 1, a, strlen(a));
		pdf_text(p, PDF_RIGHT, p->y + PDF_SIZE, 105, 1, b, strlen(b));
		p->y += PDF_LINE + ((it->attr & DP_BOLD) ? 2 : 0);
		break;
	case DP_PARA:
		pdf_para(p, a, 0, 8);
		break;
	case DP_HEADING:
		p->y += 8;
		pdf_room(p, 30);
		pdf_para(p, a, 1, 10.5);
		p->y += 3;
		break;
	case DP_GAP:
		p->y += 8;
		break;
	case DP_RULE:
		pdf_room(p, 6);
		pdf_rule(p, p->y + 2, 0.4, 0.6);
		p->y += 6;
		break;
	}
}

static cairo_status_t pdf_write(void *closure, const unsigned char *data, unsigned int len)
{
	struct dp_pdf *p = closure;
	if (fwrite(data, 1, len, p->f) == len)
		return CAIRO_STATUS_SUCCESS;
	p->write_errno = errno;
	return CAIRO_STATUS_WRITE_ERROR;
}

int dp_render_pdf(const struct dp_doc *d, const char *path, char **err)
{
	struct dp_pdf p;
	memset(&p, 0, sizeof p);
	p.doc = d;
	if (!(p.f = fopen(path, "wb"))) {
		error_set(err, _("cannot write %s: %s"), path, strerror(errno));
		return APP_ERR;
	}
	p.surface = cairo_pdf_surface_create_for_stream(pdf_write, &p, PDF_W, PDF_H);
	cairo_pdf_surface_set_metadata(p.surface, CAIRO_PDF_METADATA_TITLE, d->title);
	cairo_pdf_surface_set_metadata(p.surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME);
	p.cr = cairo_create(p.surface);
	cairo_status_t st = cairo_status(p.cr);
	if (st == CAIRO_STATUS_SUCCESS) {
		pdf_page_begin(&p);
		for (size_t i = 0; i < d->n; i++)
			pdf_item(&p, &d->items[i]);
		pdf_page_end(&p);
		cairo_destroy(p.cr);
		cairo_surface_finish(p.surface);
		st = cairo_surface_status(p.surface);
	} else {
		cairo_destroy(p.cr);
	}
	cairo_surface_destroy(p.surface);
	/* Nothing else in this process draws: let cairo's and fontconfig's
	 * caches go, so that a leak checker sees none. */
	cairo_debug_reset_static_data();
	FcFini();
	int closed = fclose(p.f);
	if (st == CAIRO_STATUS_SUCCESS && closed == 0)
		return APP_OK;
	if (st == CAIRO_STATUS_WRITE_ERROR || closed != 0)
		error_set(err, _("cannot write %s: %s"), path,
		          strerror(p.write_errno ? p.write_errno : errno));
	else
		error_set(err, _("cannot make the PDF: %s"), cairo_status_to_string(st));
	remove(path);
	return APP_ERR;
}
