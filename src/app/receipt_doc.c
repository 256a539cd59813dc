/* The receipt document (receipt-internal.h) and its plain text renderer:
 * columns counted in characters of UTF-8 text; barcodes, QR codes, cuts and
 * attributes are for printers and leave no trace in the text. */
#include <stdlib.h>
#include <string.h>
#include "receipt-internal.h"
#include "../core/text.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"

void receipt_doc_init(struct receipt_doc *d)
{
	d->items = NULL;
	d->n = d->cap = 0;
}

void receipt_doc_release(struct receipt_doc *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->items[i].left);
		free(d->items[i].right);
	}
	free(d->items);
	receipt_doc_init(d);
}

void receipt_doc_add(struct receipt_doc *d, enum receipt_kind kind, int attr, const char *left,
                     const char *right)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 32;
		d->items = xrealloc(d->items, d->cap * sizeof *d->items);
	}
	struct receipt_item *it = &d->items[d->n++];
	it->kind = kind;
	it->attr = attr;
	it->left = left ? xstrdup(left) : NULL;
	it->right = right ? xstrdup(right) : NULL;
}

static void receipt_text_center(struct strbuf *sb, size_t width, const char *s)
{
	size_t w = utf8_width(s);
	if (w < width)
		strbuf_pad(sb, ' ', (width - w) / 2);
	strbuf_add(sb, s, utf8_prefix_for_width(s, width));
	strbuf_addch(sb, '\n');
}

/* left text and right text on one line; the left is cut to make room. */
static void receipt_text_pair(struct strbuf *sb, size_t width, const char *left, const char *right)
{
	size_t rw = utf8_width(right);
	size_t room = width > rw + 1 ? width - rw - 1 : 0;
	size_t lb = utf8_prefix_for_width(left, room);
	strbuf_add(sb, left, lb);
	char cut[512];
	strlcpy_safe(cut, left, lb + 1 < sizeof cut ? lb + 1 : sizeof cut);
	size_t lw = utf8_width(cut);
	strbuf_pad(sb, ' ', lw + rw < width ? width - lw - rw : 1);
	strbuf_puts(sb, right);
	strbuf_addch(sb, '\n');
}

char *receipt_doc_text(const struct receipt_doc *d, size_t width)
{
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < d->n; i++) {
		const struct receipt_item *it = &d->items[i];
		const char *left = it->left ? it->left : "";
		switch (it->kind) {
		case RECEIPT_LINE:
			strbuf_add(&sb, left, utf8_prefix_for_width(left, width));
			strbuf_addch(&sb, '\n');
			break;
		case RECEIPT_CENTER:
			receipt_text_center(&sb, width, left);
			break;
		case RECEIPT_PAIR:
			receipt_text_pair(&sb, width, left, it->right ? it->right : "");
			break;
		case RECEIPT_RULE:
			strbuf_pad(&sb, '-', width);
			strbuf_addch(&sb, '\n');
			break;
		case RECEIPT_EAN13:
		case RECEIPT_CODE128:
		case RECEIPT_QR:
		case RECEIPT_CUT:
			break;
		}
	}
	return strbuf_detach(&sb);
}
