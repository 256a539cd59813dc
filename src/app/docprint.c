/* The printed document as items, the wrapping both renderers use, and the
 * entry points that lay a document out and hand it to a renderer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "docprint-internal.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

void dp_doc_init(struct dp_doc *d)
{
	memset(d, 0, sizeof *d);
}

void dp_doc_release(struct dp_doc *d)
{
	for (size_t i = 0; i < d->n; i++)
		for (size_t k = 0; k < DP_CELLS; k++)
			free(d->items[i].text[k]);
	free(d->items);
	memset(d, 0, sizeof *d);
}

struct dp_item *dp_add(struct dp_doc *d, enum dp_kind kind, int attr,
                       const struct dp_table *table, const char *const *text, size_t n)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 32;
		d->items = xrealloc(d->items, d->cap * sizeof *d->items);
	}
	struct dp_item *it = &d->items[d->n++];
	memset(it, 0, sizeof *it);
	it->kind = kind;
	it->attr = attr;
	it->table = table;
	for (size_t k = 0; k < n && k < DP_CELLS; k++)
		it->text[k] = xstrdup(text[k] ? text[k] : "");
	return it;
}

void dp_add2(struct dp_doc *d, enum dp_kind kind, int attr, const char *a, const char *b)
{
	const char *t[2] = { a, b };
	dp_add(d, kind, attr, NULL, t, b ? 2 : a ? 1 : 0);
}

size_t dp_wrap(const char *s, double width, double (*fn)(void *ctx, const char *s, size_t len),
               void *ctx, struct dp_span *out, size_t max)
{
	size_t n = 0;
	while (*s && n < max) {
		while (*s == ' ')
			s++;
		if (!*s)
			break;
		size_t end = 0, cut = 0;
		/* The longest run of whole words that fits. */
		while (s[end] && s[end] != '\n') {
			size_t next = end;
			while (s[next] == ' ')
				next++;
			while (s[next] && s[next] != ' ' && s[next] != '\n')
				next++;
			if (fn(ctx, s, next) > width)
				break;
			end = cut = next;
		}
		if (!cut && s[0] != '\n') {
			/* One word too long: as many characters as fit, at least one. */
			size_t k = 1;
			while (s[k] && ((unsigned char)s[k] & 0xC0) == 0x80)
				k++;
			cut = k;
			for (size_t j = k; s[j] && s[j] != ' ' && s[j] != '\n';) {
				size_t step = 1;
				while (s[j + step] && ((unsigned char)s[j + step] & 0xC0) == 0x80)
					step++;
				if (fn(ctx, s, j + step) > width)
					break;
				j += step;
				cut = j;
			}
		}
		out[n].s = s;
		out[n].len = cut;
		n++;
		s += cut;
		if (*s == '\n')
			s++;
	}
	return n;
}

size_t dp_cell_lines(const char *s, double width,
                     double (*fn)(void *ctx, const char *s, size_t len), void *ctx,
                     struct dp_span *out, size_t max)
{
	size_t n = dp_wrap(s, width, fn, ctx, out, max);
	if (n == 0) {
		out[0].s = s;
		out[0].len = 0;
		return 1;
	}
	/* Text left over runs on in the last line, for the renderer to cut. */
	out[n - 1].len = strlen(out[n - 1].s);
	return n;
}

void dp_day(char *out, size_t size, int32_t day)
{
	if (day)
		snprintf(out, size, "%04d-%02d-%02d", (int)(day / 10000), (int)(day / 100 % 100),
		         (int)(day % 100));
	else if (size)
		out[0] = '\0';
}

void dp_money(struct app *a, char *out, size_t size, money_t v)
{
	money_format(out, size, v, app_shop(a)->money);
}

/* Hands the laid-out document to its renderer. */
static int dp_output(struct dp_doc *d, const struct docprint_opts *o, char **text, char **err)
{
	int rc = APP_OK;
	if (o->format == DOCPRINT_PDF) {
		if (!o->out || !*o->out) {
			error_set(err, _("a PDF needs a file to write (--out FILE)"));
			rc = APP_ERR;
		} else {
			rc = dp_render_pdf(d, o->out, err);
		}
	} else {
		*text = dp_render_text(d);
	}
	dp_doc_release(d);
	return rc;
}

int app_doc_print(struct app *a, const char *kind, const char *number,
                  const struct docprint_opts *o, char **text, char **err)
{
	*text = NULL;
	struct dp_doc d;
	dp_doc_init(&d);
	int rc = dp_layout_doc(a, kind, number, o, &d, err);
	if (rc != APP_OK) {
		dp_doc_release(&d);
		return rc;
	}
	return dp_output(&d, o, text, err);
}

int app_statement_print(struct app *a, const char *customer, int32_t from, int32_t to,
                        const struct docprint_opts *o, char **text, char **err)
{
	*text = NULL;
	struct dp_doc d;
	dp_doc_init(&d);
	int rc = dp_layout_statement(a, customer, from, to, &d, err);
	if (rc != APP_OK) {
		dp_doc_release(&d);
		return rc;
	}
	return dp_output(&d, o, text, err);
}
