/* CSV as RFC 4180 and spreadsheets write it: ',' or ';' (guessed from the
 * header line), a UTF-8 BOM skipped, quotes doubled, line breaks in quotes,
 * every size bounded. Pure: buffers in, fields out, and fields formatted. */
#ifndef COMPTOIR_CSV_H
#define COMPTOIR_CSV_H

#include <stddef.h>

enum csv_error {
	CSV_OK = 0,
	CSV_NUL = -60,            /* a NUL byte */
	CSV_UNTERMINATED = -61,   /* a quoted field still open at the end of the text */
	CSV_BAD_QUOTE = -62,      /* a quote inside an unquoted field, or text after a closing one */
	CSV_FIELD_TOO_LONG = -63, /* a field past field_max bytes */
	CSV_LINE_TOO_LONG = -64,  /* a record past record_max bytes */
	CSV_QUOTED_TOO_LONG = -65,/* a quoted field past the limits: a closing quote is missing? */
	CSV_TOO_MANY_FIELDS = -66,
	CSV_NOMEM = -67,
};

/* English text for a csv_error, marked for translation. */
const char *csv_strerror(int err);

#define CSV_FIELD_MAX 4096
#define CSV_RECORD_MAX 65536
#define CSV_FIELDS_MAX 64

struct csv_limits {
	size_t field_max;    /* bytes in one field, quotes and doubling removed */
	size_t record_max;   /* bytes of one record as written, line breaks inside quotes included */
	size_t fields_max;   /* fields in one record */
};

struct csv_reader {
	const char *buf;        /* the text: not copied, must outlive the reader */
	size_t len, pos;
	char delim;             /* ',' or ';': set by csv_reader_init, may be overridden */
	size_t line;            /* line (from 1) of the next byte to read */
	size_t record_line;     /* line where the record last read starts */
	size_t error_line;      /* line of the last error (for CSV_UNTERMINATED and
	                           CSV_QUOTED_TOO_LONG: where the quote opened) */
	struct csv_limits lim;
	char *text;             /* the record's fields, each NUL-terminated */
	size_t textlen;
	size_t *start;          /* offset of each field in text */
	size_t nfields;
};

/* Sets r up over len bytes of buf with the limits lim (NULL: the CSV_*_MAX
 * defaults). Skips a UTF-8 BOM and picks the delimiter: ';' when the first
 * line holds more ';' than ',' outside quotes, else ','. Returns CSV_OK or
 * CSV_NOMEM; release r with csv_reader_release() either way. */
int csv_reader_init(struct csv_reader *r, const char *buf, size_t len,
                    const struct csv_limits *lim);
void csv_reader_release(struct csv_reader *r);

/* Reads the next record: 1 when one was read, 0 at the end of the text, or
 * a csv_error with r->error_line set (reading cannot go on after one).
 * Lines with nothing on them are skipped; "\r\n", "\n" and a lone "\r" end
 * a line. */
int csv_read(struct csv_reader *r);

static inline size_t csv_nfields(const struct csv_reader *r)
{
	return r->nfields;
}

/* Field i of the record last read (i < csv_nfields); valid until the next
 * csv_read. */
static inline const char *csv_field(const struct csv_reader *r, size_t i)
{
	return r->text + r->start[i];
}

/* Whether a spreadsheet would take s for a formula: it starts with '=',
 * '+', '-' or '@', or with a "'" in front of such a text (so that the guard
 * below can always be told from data and taken off again). */
int csv_formula_like(const char *s);

/* s without the "'" that csv_format_field(CSV_GUARD) put in front of a
 * formula-like text; s itself otherwise. */
const char *csv_unguard(const char *s);

enum csv_format_flags {
	CSV_GUARD = 1,   /* prefix formula-like text with "'" */
};

/* Formats s as one field into buf (size bytes, NUL-terminated when
 * size > 0): quoted, with quotes doubled, when it holds the delimiter, a
 * quote or a line break. Returns the length the whole field needs, like
 * snprintf. */
size_t csv_format_field(char *buf, size_t size, const char *s, char delim, unsigned flags);

#endif
