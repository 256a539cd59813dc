/* The journal's canonical text and grand totals (see journal.h). The text
 * is ASCII apart from escaped user strings, one field per line, so the same
 * record gives the same bytes on any machine. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "journal.h"

void jbuf_init(struct jbuf *b)
{
	b->p = NULL;
	b->len = b->cap = 0;
}

void jbuf_release(struct jbuf *b)
{
	free(b->p);
	jbuf_init(b);
}

int jbuf_add(struct jbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *p = realloc(b->p, cap);
		if (!p) {
			jbuf_release(b);
			return -1;
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
	return 0;
}

static int jbuf_puts(struct jbuf *b, const char *s)
{
	return jbuf_add(b, s, strlen(s));
}

static int jbuf_int(struct jbuf *b, int64_t v)
{
	char num[24];
	int n = snprintf(num, sizeof num, "%lld", (long long)v);
	return jbuf_add(b, num, (size_t)n);
}

int journal_escape(struct jbuf *b, const char *s)
{
	if (!s || !*s)
		return jbuf_add(b, "%", 1);
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p <= 0x20 || *p == '%' || *p == 0x7f) {
			char e[3] = { '%', hex[*p >> 4], hex[*p & 15] };
			if (jbuf_add(b, e, 3) != 0)
				return -1;
		} else if (jbuf_add(b, (const char *)p, 1) != 0) {
			return -1;
		}
	}
	return 0;
}

int journal_field_int(struct jbuf *b, const char *name, int64_t v)
{
	if (jbuf_puts(b, name) || jbuf_add(b, " ", 1) || jbuf_int(b, v) || jbuf_add(b, "\n", 1))
		return -1;
	return 0;
}

int journal_field_str(struct jbuf *b, const char *name, const char *v)
{
	if (jbuf_puts(b, name) || jbuf_add(b, " ", 1) || journal_escape(b, v) ||
	    jbuf_add(b, "\n", 1))
		return -1;
	return 0;
}

int journal_field(struct jbuf *b, const char *name, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = jbuf_puts(b, name);
	for (const char *f = fmt; rc == 0 && *f; f++) {
		rc = jbuf_add(b, " ", 1);
		if (rc)
			break;
		if (*f == 'i')
			rc = jbuf_int(b, va_arg(ap, int64_t));
		else
			rc = journal_escape(b, va_arg(ap, const char *));
	}
	va_end(ap);
	if (rc == 0)
		rc = jbuf_add(b, "\n", 1);
	return rc;
}

void journal_totals(const struct journal_head *prev, struct journal_head *h)
{
	if (!prev) {
		h->gt_perpetual = h->amount;
		h->gt_day = h->amount;
		return;
	}
	h->gt_perpetual = prev->gt_perpetual + h->amount;
	h->gt_day = prev->day == h->day ? prev->gt_day + h->amount : h->amount;
}

int journal_canonical(const struct journal_head *h, const char *payload, size_t payload_len,
                      struct jbuf *out)
{
	out->len = 0;
	if (jbuf_puts(out, JOURNAL_FORMAT "\n") ||
	    journal_field_int(out, "seq", h->seq) ||
	    journal_field_int(out, "at", h->at) ||
	    journal_field_int(out, "day", h->day) ||
	    journal_field_str(out, "terminal", h->terminal) ||
	    journal_field_str(out, "user", h->user) ||
	    journal_field_str(out, "approver", h->approver) ||
	    journal_field_str(out, "kind", h->kind) ||
	    journal_field_int(out, "ref", h->ref) ||
	    journal_field_int(out, "corrects", h->corrects) ||
	    journal_field_int(out, "amount", h->amount) ||
	    journal_field_int(out, "gt_perpetual", h->gt_perpetual) ||
	    journal_field_int(out, "gt_day", h->gt_day) ||
	    (payload_len && jbuf_add(out, payload, payload_len)) ||
	    jbuf_puts(out, "end\n"))
		return -1;
	return 0;
}

/* The value of a "name value" line that starts at p (within end), or -1. */
static int journal_line_int(const char *p, const char *end, const char *name, int64_t *v)
{
	size_t n = strlen(name);
	if ((size_t)(end - p) < n + 2 || memcmp(p, name, n) != 0 || p[n] != ' ')
		return -1;
	p += n + 1;
	int neg = 0;
	if (p < end && *p == '-') {
		neg = 1;
		p++;
	}
	if (p >= end || *p < '0' || *p > '9')
		return -1;
	uint64_t x = 0;
	while (p < end && *p >= '0' && *p <= '9') {
		if (x > (UINT64_C(1) << 62))
			return -1;
		x = x * 10 + (uint64_t)(*p++ - '0');
	}
	if (p >= end || *p != '\n')
		return -1;
	*v = neg ? -(int64_t)x : (int64_t)x;
	return 0;
}

int journal_parse_head(const char *canon, size_t len, struct journal_head *h)
{
	static const char *const order[] = { "seq", "at", "day", "terminal", "user", "approver",
		                             "kind", "ref", "corrects", "amount", "gt_perpetual",
		                             "gt_day" };
	const char *p = canon, *end = canon + len;
	size_t fl = strlen(JOURNAL_FORMAT);
	memset(h, 0, sizeof *h);
	if (len < fl + 1 || memcmp(p, JOURNAL_FORMAT, fl) != 0 || p[fl] != '\n')
		return -1;
	p += fl + 1;
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			return -1;
		int64_t v = 0;
		size_t n = strlen(order[i]);
		int is_text = i >= 3 && i <= 6;
		if (is_text) {
			if ((size_t)(nl - p) < n + 2 || memcmp(p, order[i], n) != 0 || p[n] != ' ')
				return -1;
		} else if (journal_line_int(p, end, order[i], &v) != 0) {
			return -1;
		}
		switch (i) {
		case 0: h->seq = v; break;
		case 1: h->at = v; break;
		case 2: h->day = (int32_t)v; break;
		case 7: h->ref = v; break;
		case 8: h->corrects = v; break;
		case 9: h->amount = v; break;
		case 10: h->gt_perpetual = v; break;
		case 11: h->gt_day = v; break;
		default: break;
		}
		p = nl + 1;
	}
	return 0;
}
