/* The CSV reader and field formatter of csv.h: one pass over the caller's
 * buffer, one record at a time into a buffer sized by the limits, so that
 * no input (a 10 MB line, a quote never closed) can make it grow. */
#include <stdlib.h>
#include <string.h>
#include "csv.h"
#include "i18n-mark.h"

const char *csv_strerror(int err)
{
	switch (err) {
	case CSV_OK:
		return N_("no error");
	case CSV_NUL:
		return N_("a NUL byte (is this a text file?)");
	case CSV_UNTERMINATED:
		return N_("a quote opened here is never closed");
	case CSV_BAD_QUOTE:
		return N_("a stray quote: a field holding quotes must be quoted whole, "
		          "with each quote doubled");
	case CSV_FIELD_TOO_LONG:
		return N_("a field is too long");
	case CSV_LINE_TOO_LONG:
		return N_("the line is too long");
	case CSV_QUOTED_TOO_LONG:
		return N_("a quoted field opened here runs too long: is a closing quote missing?");
	case CSV_TOO_MANY_FIELDS:
		return N_("too many fields");
	case CSV_NOMEM:
		return N_("out of memory");
	}
	return N_("unknown error");
}

/* Picks ';' or ',' by counting both on the first line, outside quotes. */
static char csv_guess_delim(const char *s, size_t len, size_t limit)
{
	size_t commas = 0, semis = 0;
	int quoted = 0;
	for (size_t i = 0; i < len && i < limit; i++) {
		char c = s[i];
		if (c == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (c == '\n' || c == '\r')
			break;
		else if (c == ',')
			commas++;
		else if (c == ';')
			semis++;
	}
	return semis > commas ? ';' : ',';
}

int csv_reader_init(struct csv_reader *r, const char *buf, size_t len,
                    const struct csv_limits *lim)
{
	memset(r, 0, sizeof *r);
	r->buf = buf;
	r->len = len;
	r->line = 1;
	if (lim)
		r->lim = *lim;
	else
		r->lim = (struct csv_limits){ CSV_FIELD_MAX, CSV_RECORD_MAX, CSV_FIELDS_MAX };
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		r->pos = 3;
	r->delim = csv_guess_delim(buf + r->pos, len - r->pos, r->lim.record_max);
	/* Each field's bytes plus its terminator always fit: the record bound
	 * caps the bytes, the field count caps the terminators. */
	r->text = malloc(r->lim.record_max + r->lim.fields_max + 1);
	r->start = malloc((r->lim.fields_max + 1) * sizeof *r->start);
	return r->text && r->start ? CSV_OK : CSV_NOMEM;
}

void csv_reader_release(struct csv_reader *r)
{
	free(r->text);
	free(r->start);
	r->text = NULL;
	r->start = NULL;
}

static int csv_fail(struct csv_reader *r, int err, size_t line)
{
	r->error_line = line;
	return err;
}

/* Consumes a line break at pos if there is one: 1 when it did. */
static int csv_eat_newline(struct csv_reader *r)
{
	if (r->pos >= r->len)
		return 0;
	if (r->buf[r->pos] == '\n') {
		r->pos++;
	} else if (r->buf[r->pos] == '\r') {
		r->pos++;
		if (r->pos < r->len && r->buf[r->pos] == '\n')
			r->pos++;
	} else {
		return 0;
	}
	r->line++;
	return 1;
}

/* A quoted field, pos on the opening quote; leaves pos after the closing one. */
static int csv_read_quoted(struct csv_reader *r, size_t rec_start, size_t field_start)
{
	size_t open_line = r->line;
	r->pos++;
	for (;;) {
		if (r->pos >= r->len)
			return csv_fail(r, CSV_UNTERMINATED, open_line);
		char c = r->buf[r->pos];
		if (c == '\0')
			return csv_fail(r, CSV_NUL, r->line);
		if (c == '"') {
			if (r->pos + 1 < r->len && r->buf[r->pos + 1] == '"') {
				r->pos++;
			} else {
				r->pos++;
				return CSV_OK;
			}
		} else if (c == '\n' || (c == '\r' && (r->pos + 1 >= r->len ||
		                                       r->buf[r->pos + 1] != '\n'))) {
			r->line++;
		}
		if (r->textlen - field_start >= r->lim.field_max ||
		    r->pos - rec_start >= r->lim.record_max)
			return csv_fail(r, CSV_QUOTED_TOO_LONG, open_line);
		r->text[r->textlen++] = c;
		r->pos++;
	}
}

static int csv_read_plain(struct csv_reader *r, size_t rec_start, size_t field_start)
{
	while (r->pos < r->len) {
		char c = r->buf[r->pos];
		if (c == r->delim || c == '\n' || c == '\r')
			return CSV_OK;
		if (c == '\0')
			return csv_fail(r, CSV_NUL, r->line);
		if (c == '"')
			return csv_fail(r, CSV_BAD_QUOTE, r->line);
		if (r->pos - rec_start >= r->lim.record_max)
			return csv_fail(r, CSV_LINE_TOO_LONG, r->line);
		if (r->textlen - field_start >= r->lim.field_max)
			return csv_fail(r, CSV_FIELD_TOO_LONG, r->line);
		r->text[r->textlen++] = c;
		r->pos++;
	}
	return CSV_OK;
}

int csv_read(struct csv_reader *r)
{
	r->nfields = 0;
	r->textlen = 0;
	while (csv_eat_newline(r))
		;
	if (r->pos >= r->len)
		return 0;
	r->record_line = r->line;
	size_t rec_start = r->pos;
	for (;;) {
		if (r->nfields == r->lim.fields_max)
			return csv_fail(r, CSV_TOO_MANY_FIELDS, r->line);
		size_t field_start = r->textlen;
		r->start[r->nfields++] = field_start;
		int rc;
		if (r->pos < r->len && r->buf[r->pos] == '"') {
			rc = csv_read_quoted(r, rec_start, field_start);
			if (rc == CSV_OK && r->pos < r->len && r->buf[r->pos] != r->delim &&
			    r->buf[r->pos] != '\n' && r->buf[r->pos] != '\r')
				rc = csv_fail(r, r->buf[r->pos] ? CSV_BAD_QUOTE : CSV_NUL, r->line);
		} else {
			rc = csv_read_plain(r, rec_start, field_start);
		}
		if (rc != CSV_OK)
			return rc;
		r->text[r->textlen++] = '\0';
		if (r->pos >= r->len || csv_eat_newline(r))
			return 1;
		r->pos++; /* the delimiter */
	}
}

int csv_formula_like(const char *s)
{
	while (*s == '\'')
		s++;
	return *s == '=' || *s == '+' || *s == '-' || *s == '@';
}

const char *csv_unguard(const char *s)
{
	return s[0] == '\'' && csv_formula_like(s + 1) ? s + 1 : s;
}

size_t csv_format_field(char *buf, size_t size, const char *s, char delim, unsigned flags)
{
	size_t o = 0;
	int quote = strchr(s, '"') || strchr(s, '\n') || strchr(s, '\r') || strchr(s, delim);
#define CSV_PUT(ch) do { if (o + 1 < size) buf[o] = (ch); o++; } while (0)
	if (quote)
		CSV_PUT('"');
	if ((flags & CSV_GUARD) && csv_formula_like(s))
		CSV_PUT('\'');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			CSV_PUT('"');
		CSV_PUT(*p);
	}
	if (quote)
		CSV_PUT('"');
#undef CSV_PUT
	if (size)
		buf[o < size ? o : size - 1] = '\0';
	return o;
}
