/* The printed document as plain UTF-8 text, DP_WIDTH columns wide: blocks
 * side by side, table cells cut with an ellipsis, totals flush right,
 * paragraphs wrapped. */
#include <stdlib.h>
#include <string.h>
#include "docprint-internal.h"
#include "../core/text.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"

#define DP_HALF (DP_WIDTH / 2)
#define DP_LABEL 16       /* a field's label column */
#define DP_AMOUNT 16      /* a total's amount column */

static double dp_text_measure(void *ctx, const char *s, size_t len)
{
	(void)ctx;
	char *t = xasprintf("%.*s", (int)len, s);
	double w = (double)utf8_width(t);
	free(t);
	return w;
}

static void dp_text_pad(struct strbuf *sb, size_t n)
{
	while (n--)
		strbuf_addch(sb, ' ');
}

/* s cut to width columns (an ellipsis marks the cut), padded on the left
 * (right) or the right to exactly width. */
static void dp_text_cell(struct strbuf *sb, const char *s, size_t len, size_t width, int right,
                         int pad_right)
{
	char *t = xasprintf("%.*s", (int)len, s);
	size_t w = utf8_width(t);
	if (w > width) {
		size_t keep = width ? utf8_prefix_for_width(t, width - 1) : 0;
		t[keep] = '\0';
		strbuf_puts(sb, t);
		if (width)
			strbuf_puts(sb, "\xe2\x80\xa6");
		free(t);
		return;
	}
	if (right)
		dp_text_pad(sb, width - w);
	strbuf_puts(sb, t);
	if (!right && pad_right)
		dp_text_pad(sb, width - w);
	free(t);
}

static void dp_text_end(struct strbuf *sb)
{
	/* No blanks at the end of a line. */
	while (sb->len && sb->buf[sb->len - 1] == ' ')
		sb->buf[--sb->len] = '\0';
	strbuf_addch(sb, '\n');
}

static void dp_text_parties(struct strbuf *sb, const struct dp_item *it)
{
	struct dp_span l[24], r[24];
	size_t nl = 0, nr = 0;
	size_t w = DP_HALF - 2;
	if (it->text[1])
		nl = dp_wrap(it->text[1], (double)w, dp_text_measure, NULL, l, 24);
	if (it->text[3])
		nr = dp_wrap(it->text[3], (double)w, dp_text_measure, NULL, r, 24);
	const char *hl = it->text[0] ? it->text[0] : "", *hr = it->text[2] ? it->text[2] : "";
	if (*hl || *hr) {
		dp_text_cell(sb, hl, strlen(hl), DP_HALF, 0, 1);
		dp_text_cell(sb, hr, strlen(hr), DP_HALF, 0, 0);
		dp_text_end(sb);
	}
	for (size_t i = 0; i < nl || i < nr; i++) {
		if (i < nl)
			dp_text_cell(sb, l[i].s, l[i].len, DP_HALF, 0, 1);
		else
			dp_text_pad(sb, DP_HALF);
		if (i < nr)
			dp_text_cell(sb, r[i].s, r[i].len, DP_HALF, 0, 0);
		dp_text_end(sb);
	}
	strbuf_addch(sb, '\n');
}

/* A table row; left-aligned cells wrap onto up to DP_CELL_LINES lines. */
static void dp_text_row(struct strbuf *sb, const struct dp_item *it, int head)
{
	const struct dp_table *t = it->table;
	struct dp_span sp[DP_CELLS][DP_CELL_LINES];
	size_t n[DP_CELLS], lines = 1;
	for (size_t c = 0; c < t->n && c < DP_CELLS; c++) {
		const char *s = head ? _(t->cols[c].head) : it->text[c] ? it->text[c] : "";
		if (head || t->cols[c].right) {
			sp[c][0].s = s;
			sp[c][0].len = strlen(s);
			n[c] = 1;
		} else {
			n[c] = dp_cell_lines(s, (double)t->cols[c].width, dp_text_measure, NULL, sp[c],
			                     DP_CELL_LINES);
		}
		if (n[c] > lines)
			lines = n[c];
	}
	for (size_t k = 0; k < lines; k++) {
		for (size_t c = 0; c < t->n && c < DP_CELLS; c++) {
			if (c)
				strbuf_addch(sb, ' ');
			if (k < n[c])
				dp_text_cell(sb, sp[c][k].s, sp[c][k].len, (size_t)t->cols[c].width,
				             t->cols[c].right, 1);
			else
				dp_text_pad(sb, (size_t)t->cols[c].width);
		}
		dp_text_end(sb);
	}
}

static void dp_text_rule(struct strbuf *sb, const char *ch)
{
	for (int i = 0; i < DP_WIDTH; i++)
		strbuf_puts(sb, ch);
	strbuf_addch(sb, '\n');
}

static void dp_text_para(struct strbuf *sb, const char *s)
{
	struct dp_span sp[64];
	size_t n = dp_wrap(s, DP_WIDTH, dp_text_measure, NULL, sp, 64);
	for (size_t i = 0; i < n; i++) {
		strbuf_add(sb, sp[i].s, sp[i].len);
		dp_text_end(sb);
	}
}

char *dp_render_text(const struct dp_doc *d)
{
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t i = 0; i < d->n; i++) {
		const struct dp_item *it = &d->items[i];
		const char *a = it->text[0] ? it->text[0] : "", *b = it->text[1] ? it->text[1] : "";
		switch (it->kind) {
		case DP_TITLE: {
			size_t wb = utf8_width(b);
			dp_text_cell(&sb, a, strlen(a), DP_WIDTH - wb - 1, 0, 1);
			strbuf_addch(&sb, ' ');
			strbuf_puts(&sb, b);
			dp_text_end(&sb);
			dp_text_rule(&sb, "=");
			break;
		}
		case DP_PARTIES:
			dp_text_parties(&sb, it);
			break;
		case DP_FIELD:
			dp_text_cell(&sb, a, strlen(a), DP_LABEL - 1, 0, 1);
			strbuf_addch(&sb, ' ');
			dp_text_cell(&sb, b, strlen(b), DP_WIDTH - DP_LABEL, 0, 0);
			dp_text_end(&sb);
			break;
		case DP_HEAD:
			dp_text_row(&sb, it, 1);
			dp_text_rule(&sb, "-");
			break;
		case DP_ROW:
			dp_text_row(&sb, it, 0);
			break;
		case DP_TOTAL:
			dp_text_cell(&sb, a, strlen(a), DP_WIDTH - DP_AMOUNT - 1, 1, 0);
			strbuf_addch(&sb, ' ');
			dp_text_cell(&sb, b, strlen(b), DP_AMOUNT, 1, 0);
			dp_text_end(&sb);
			break;
		case DP_PARA:
			dp_text_para(&sb, a);
			break;
		case DP_HEADING:
			strbuf_addch(&sb, '\n');
			dp_text_para(&sb, a);
			break;
		case DP_GAP:
			strbuf_addch(&sb, '\n');
			break;
		case DP_RULE:
			dp_text_rule(&sb, "-");
			break;
		}
	}
	char *out = xstrdup(strbuf_str(&sb));
	strbuf_release(&sb);
	return out;
}
