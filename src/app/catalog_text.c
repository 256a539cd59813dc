/* The buyers' catalog's text writer: 80 columns of UTF-8, pages of 64
 * lines separated by form feeds; each line is filled left to right and
 * written out, after blank lines down to its place, when the next begins. */
#include <stdio.h>
#include <stdlib.h>
#include "catalog-internal.h"
#include "../core/text.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"

#define TEXT_WIDTH 80
#define TEXT_PAGE 64

static const struct catalog_geometry catalog_text_geometry = {
	.x = { [COL_SKU] = 0, [COL_NAME] = 11, [COL_UNIT] = 42, [COL_PACK] = 47, [COL_QTY] = 60,
	       [COL_PRICE] = 67, [COL_MARK] = 79 },
	.w = { [COL_SKU] = 10, [COL_NAME] = 30, [COL_UNIT] = 4, [COL_PACK] = 12, [COL_QTY] = 6,
	       [COL_PRICE] = 12, [COL_MARK] = 1 },
	.right = { [COL_QTY] = 1, [COL_PRICE] = 1 },
	.line = 1, .gap = 0, .category = 2, .bottom = TEXT_PAGE - 3,
};

static double catalog_text_measure(struct catalog_doc *d, const char *s, size_t len)
{
	(void)d;
	char buf[1024];
	return (double)utf8_width(catalog_span_text(buf, sizeof buf, s, len, 0));
}

/* Writes the line being filled, after blank lines down to its place. */
static void catalog_text_flush(struct catalog_doc *d)
{
	if (!d->line_open)
		return;
	while (d->line.len && d->line.buf[d->line.len - 1] == ' ')
		d->line.buf[--d->line.len] = '\0';
	for (; d->lines_out < (int)d->line_y; d->lines_out++)
		fputc('\n', d->f);
	fputs(strbuf_str(&d->line), d->f);
	fputc('\n', d->f);
	d->lines_out = (int)d->line_y + 1;
	d->line.len = 0;
	if (d->line.buf)
		d->line.buf[0] = '\0';
	d->line_col = 0;
	d->line_open = 0;
}

/* Puts text at column x of line y, right-aligned in w columns when right. */
static void catalog_text_put(struct catalog_doc *d, double y, size_t x, size_t w, int right,
                             const char *s)
{
	if (d->line_open && y != d->line_y)
		catalog_text_flush(d);
	d->line_y = y;
	d->line_open = 1;
	size_t tw = utf8_width(s);
	if (right && tw < w)
		x += w - tw;
	if (d->line_col > x)
		x = d->line_col + 1;
	strbuf_pad(&d->line, ' ', x - d->line_col);
	strbuf_puts(&d->line, s);
	d->line_col = x + tw;
}

static void catalog_text_cell(struct catalog_doc *d, int col, double y, const char *s,
                              size_t len, int ellipsis)
{
	const struct catalog_geometry *g = &catalog_text_geometry;
	char buf[1024];
	catalog_text_put(d, y, (size_t)g->x[col], (size_t)g->w[col], g->right[col],
	                 catalog_span_text(buf, sizeof buf, s, len, ellipsis));
}

/* left, cut to leave room, and right flush with the last column. */
static void catalog_text_pair(struct catalog_doc *d, double y, const char *left,
                              const char *right)
{
	size_t rw = utf8_width(right);
	size_t room = TEXT_WIDTH > rw + 1 ? TEXT_WIDTH - rw - 1 : 0;
	struct catalog_span sp;
	if (catalog_wrap(d, left, (double)room, &sp, 1)) {
		char buf[1024];
		catalog_text_put(d, y, 0, 0, 0, catalog_span_text(buf, sizeof buf, sp.s, sp.len,
		                                                  sp.ellipsis));
	}
	if (*right)
		catalog_text_put(d, y, TEXT_WIDTH - rw, rw, 0, right);
}

static void catalog_text_headings(struct catalog_doc *d)
{
	const struct catalog_geometry *g = &catalog_text_geometry;
	for (int c = 0; c < COL_COUNT; c++)
		if (*catalog_headings[c])
			catalog_text_put(d, d->y, (size_t)g->x[c], (size_t)g->w[c], g->right[c],
			                 _(catalog_headings[c]));
	d->y++;
	for (int c = 0; c < COL_MARK; c++) {
		struct strbuf rule = STRBUF_INIT;
		strbuf_pad(&rule, '-', (size_t)g->w[c]);
		catalog_text_put(d, d->y, (size_t)g->x[c], 0, 0, strbuf_str(&rule));
		strbuf_release(&rule);
	}
	d->y++;
}

static int catalog_text_open(struct catalog_doc *d, char **err)
{
	(void)err;
	strbuf_init(&d->line);
	return APP_OK;
}

static void catalog_text_page_begin(struct catalog_doc *d)
{
	const struct app_shop *shop = app_shop(d->a);
	struct catalog_span sp[2];
	char buf[1024];
	if (d->page > 1)
		fputc('\f', d->f);
	d->lines_out = 0;
	d->y = 0;
	if (d->page == 1) {
		size_t n = catalog_wrap(d, shop->name, TEXT_WIDTH, sp, 2);
		for (size_t i = 0; i < n; i++)
			catalog_text_put(d, d->y++, 0, 0, 0, catalog_span_text(buf, sizeof buf, sp[i].s,
			                                                      sp[i].len, sp[i].ellipsis));
		n = catalog_wrap(d, shop->address, TEXT_WIDTH, sp, 2);
		for (size_t i = 0; i < n; i++)
			catalog_text_put(d, d->y++, 0, 0, 0, catalog_span_text(buf, sizeof buf, sp[i].s,
			                                                      sp[i].len, sp[i].ellipsis));
		d->y++;
		catalog_text_pair(d, d->y++, d->title, d->date);
		n = catalog_wrap(d, d->terms, TEXT_WIDTH, sp, 2);
		for (size_t i = 0; i < n; i++)
			catalog_text_put(d, d->y++, 0, 0, 0, catalog_span_text(buf, sizeof buf, sp[i].s,
			                                                      sp[i].len, sp[i].ellipsis));
	} else {
		char *head = xasprintf("%s \xe2\x80\x94 %s", shop->name, d->title);
		catalog_text_pair(d, d->y++, head, d->date);
		free(head);
	}
	d->y++;
	catalog_text_headings(d);
}

static void catalog_text_page_end(struct catalog_doc *d)
{
	char page[64];
	snprintf(page, sizeof page, _("Page %d"), d->page);
	if (d->page_promo)
		catalog_text_put(d, TEXT_PAGE - 2, 0, 0, 0,
		                 _("* promotional price, valid on the date of this list"));
	catalog_text_pair(d, TEXT_PAGE - 1, d->terms, page);
	catalog_text_flush(d);
}

static void catalog_text_category(struct catalog_doc *d, const char *name, int continued)
{
	d->y++;
	if (continued) {
		char *s = xasprintf(_("%s (continued)"), name);
		catalog_text_put(d, d->y, 0, 0, 0, s);
		free(s);
	} else {
		catalog_text_put(d, d->y, 0, 0, 0, name);
	}
	d->y++;
}

static void catalog_text_row_end(struct catalog_doc *d, double bottom)
{
	d->y = bottom;
}

static int catalog_text_close(struct catalog_doc *d, char **err)
{
	(void)d;
	(void)err;
	return APP_OK;
}

static void catalog_text_release(struct catalog_doc *d)
{
	strbuf_release(&d->line);
}

const struct catalog_writer catalog_text_writer = {
	.g = &catalog_text_geometry,
	.open = catalog_text_open,
	.measure = catalog_text_measure,
	.cell = catalog_text_cell,
	.page_begin = catalog_text_page_begin,
	.page_end = catalog_text_page_end,
	.category = catalog_text_category,
	.row_end = catalog_text_row_end,
	.close = catalog_text_close,
	.release = catalog_text_release,
};
