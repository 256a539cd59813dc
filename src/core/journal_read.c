/* Parsing sale and return payloads written by app_ticket_payload (lines
 * "ticket", "totals", "line", "pay"; fields as journal_field writes them)
 * and adding them up for the shift and closing reports. Lines may carry
 * more fields than read here: later versions append, never reorder. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "i18n-mark.h"
#include "journal_read.h"

#define JREAD_FIELDS_MAX 40

const char *jread_strerror(int err)
{
	switch (err) {
	case JREAD_OK: return N_("no error");
	case JREAD_SYNTAX: return N_("a journal record's payload is not in the canonical form");
	case JREAD_MISSING: return N_("a journal record's payload lacks its ticket or totals");
	case JREAD_FULL: return N_("too many tax rates or payment methods for one report");
	case JREAD_NOMEM: return N_("out of memory");
	default: return N_("unknown error");
	}
}

int jread_split(char *line, char **fields, int max)
{
	int n = 0;
	char *p = line;
	for (;;) {
		if (n == max || *p == ' ' || *p == '\0')
			return -1;
		fields[n++] = p;
		char *sp = strchr(p, ' ');
		if (!sp)
			return n;
		*sp = '\0';
		p = sp + 1;
	}
}

static int jread_hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

int jread_unescape(char *s)
{
	if (strcmp(s, "%") == 0) {
		*s = '\0';
		return 0;
	}
	char *out = s;
	for (const char *p = s; *p; p++) {
		if (*p != '%') {
			*out++ = *p;
			continue;
		}
		int hi = jread_hex(p[1]), lo = hi < 0 ? -1 : jread_hex(p[2]);
		if (hi < 0 || lo < 0)
			return -1;
		*out++ = (char)(hi * 16 + lo);
		p += 2;
	}
	*out = '\0';
	return 0;
}

int jread_find(const char *payload, const char *name, char *buf, size_t size, char **f,
               int max)
{
	size_t nlen = strlen(name);
	for (const char *p = payload; p && *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (len > nlen && strncmp(p, name, nlen) == 0 && p[nlen] == ' ') {
			if (len >= size)
				return -1;
			memcpy(buf, p, len);
			buf[len] = '\0';
			return jread_split(buf, f, max);
		}
		p = nl ? nl + 1 : NULL;
	}
	return -1;
}

/* A decimal int64 filling the whole field. */
static int jread_int(const char *s, int64_t *out)
{
	if (!*s || (*s != '-' && (*s < '0' || *s > '9')))
		return -1;
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || *end)
		return -1;
	*out = v;
	return 0;
}

static int jread_str(char *s, char *out, size_t size)
{
	if (jread_unescape(s) != 0 || strlen(s) >= size)
		return -1;
	memcpy(out, s, strlen(s) + 1);
	return 0;
}

static int jread_ticket_line(char **f, int n, struct jread_ticket *t)
{
	if (n < 8)
		return JREAD_SYNTAX;
	char kind[64];
	if (jread_int(f[1], &t->number) || jread_str(f[2], kind, sizeof kind) ||
	    jread_int(f[3], &t->original) || jread_int(f[4], &t->created_at) ||
	    jread_str(f[5], t->terminal, sizeof t->terminal) ||
	    jread_str(f[6], t->user, sizeof t->user) || jread_int(f[7], &t->shift_id))
		return JREAD_SYNTAX;
	if (strcmp(kind, "sale") != 0 && strcmp(kind, "return") != 0)
		return JREAD_SYNTAX;
	memcpy(t->kind, kind, strlen(kind) + 1);
	return JREAD_OK;
}

static int jread_totals_line(char **f, int n, struct jread_ticket *t)
{
	int64_t incl;
	if (n < 9 || jread_int(f[1], &incl) || jread_int(f[2], &t->total) ||
	    jread_int(f[3], &t->net) || jread_int(f[4], &t->tax) ||
	    jread_int(f[5], &t->discount) || jread_int(f[6], &t->paid) ||
	    jread_int(f[7], &t->change) || jread_int(f[8], &t->rounding))
		return JREAD_SYNTAX;
	t->inclusive = incl != 0;
	return JREAD_OK;
}

/* line no product sku name qty weighed unit disc% amount discount rate net
 * tax gross voided cgst sgst igst ... */
static int jread_item_line(char **f, int n, struct jread_line *l)
{
	int64_t rate, voided;
	memset(l, 0, sizeof *l);
	if (n < 19 || jread_str(f[3], l->sku, sizeof l->sku) || jread_int(f[5], &l->qty) ||
	    jread_int(f[11], &rate) || jread_int(f[12], &l->net) || jread_int(f[13], &l->tax) ||
	    jread_int(f[14], &l->gross) || jread_int(f[15], &voided) ||
	    jread_int(f[16], &l->cgst) || jread_int(f[17], &l->sgst) || jread_int(f[18], &l->igst))
		return JREAD_SYNTAX;
	if (rate < 0 || rate > 100000)
		return JREAD_SYNTAX;
	l->tax_rate = (int32_t)rate;
	l->voided = voided != 0;
	return JREAD_OK;
}

static int jread_pay_line(char **f, int n, struct jread_pay *p)
{
	memset(p, 0, sizeof *p);
	if (n < 3 || jread_str(f[1], p->method, sizeof p->method) || jread_int(f[2], &p->amount))
		return JREAD_SYNTAX;
	return JREAD_OK;
}

/* Grows an array by one element; NULL when memory ran out. */
static void *jread_grow(void *arr, size_t n, size_t size)
{
	return realloc(arr, (n + 1) * size);
}

void jread_ticket_release(struct jread_ticket *t)
{
	free(t->lines);
	free(t->pays);
	t->lines = NULL;
	t->pays = NULL;
	t->nlines = t->npays = 0;
}

static int jread_one(char *line, struct jread_ticket *t, int *seen)
{
	char *f[JREAD_FIELDS_MAX];
	int n = jread_split(line, f, JREAD_FIELDS_MAX);
	if (n < 0)
		return JREAD_SYNTAX;
	if (strcmp(f[0], "ticket") == 0) {
		*seen |= 1;
		return jread_ticket_line(f, n, t);
	}
	if (strcmp(f[0], "totals") == 0) {
		*seen |= 2;
		return jread_totals_line(f, n, t);
	}
	if (strcmp(f[0], "line") == 0) {
		struct jread_line *l = jread_grow(t->lines, t->nlines, sizeof *l);
		if (!l)
			return JREAD_NOMEM;
		t->lines = l;
		int rc = jread_item_line(f, n, &l[t->nlines]);
		if (rc == JREAD_OK)
			t->nlines++;
		return rc;
	}
	if (strcmp(f[0], "pay") == 0) {
		struct jread_pay *p = jread_grow(t->pays, t->npays, sizeof *p);
		if (!p)
			return JREAD_NOMEM;
		t->pays = p;
		int rc = jread_pay_line(f, n, &p[t->npays]);
		if (rc == JREAD_OK)
			t->npays++;
		return rc;
	}
	return JREAD_OK;
}

int jread_ticket_parse(const char *payload, struct jread_ticket *t)
{
	memset(t, 0, sizeof *t);
	char *copy = strdup(payload ? payload : "");
	if (!copy)
		return JREAD_NOMEM;
	int rc = JREAD_OK, seen = 0;
	char *p = copy;
	while (rc == JREAD_OK && *p) {
		char *nl = strchr(p, '\n');
		if (!nl) {
			rc = JREAD_SYNTAX;
			break;
		}
		*nl = '\0';
		rc = jread_one(p, t, &seen);
		p = nl + 1;
	}
	free(copy);
	if (rc == JREAD_OK && seen != 3)
		rc = JREAD_MISSING;
	if (rc != JREAD_OK)
		jread_ticket_release(t);
	return rc;
}
