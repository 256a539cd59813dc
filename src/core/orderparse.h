/* Order lines pasted from a text message or a CSV file: "10 x ALM-BISC",
 * "ALM-BISC;10", "1,5 kg GRO-0001"... read into a code and a quantity, and
 * every other line (blank, a greeting, a header) kept and said not understood. */
#ifndef COMPTOIR_ORDERPARSE_H
#define COMPTOIR_ORDERPARSE_H

#include <stddef.h>

enum orderparse_status {
	ORDERPARSE_OK = 0,
	ORDERPARSE_BLANK = -160,      /* nothing but blanks */
	ORDERPARSE_UNKNOWN = -161,    /* not a code and a quantity (chatter, a header...) */
	ORDERPARSE_TOO_LONG = -162,   /* more than ORDERPARSE_LINE_MAX bytes */
	ORDERPARSE_AMBIGUOUS = -163,  /* two short numbers: which is the code? */
	ORDERPARSE_BAD_UTF8 = -164,
};

#define ORDERPARSE_LINE_MAX 256  /* bytes of one line */
#define ORDERPARSE_CODE_MAX 48   /* characters of a code (SKU or barcode) */
#define ORDERPARSE_QTY_DIGITS 7  /* digits before the decimal mark */

struct orderparse_line {
	size_t line;                         /* 1-based line number in the text */
	int status;                          /* an orderparse_status */
	char code[ORDERPARSE_CODE_MAX * 4 + 1];
	char qty[ORDERPARSE_QTY_DIGITS + 6]; /* digits, and a '.' with 1-3 decimals
	                                        when one was written ("1,5" -> "1.5") */
	char text[ORDERPARSE_LINE_MAX + 1];  /* the line with control characters
	                                        dropped, blanks trimmed (cut short
	                                        when TOO_LONG), to show it */
};

/* English text for a status, marked for translation. */
const char *orderparse_strerror(int status);

/* Reads one line (no newline; len bytes, which may hold a NUL: it is
 * dropped like other control characters).  Understood: a quantity and a
 * code in either order, separated by blanks, by 'x', 'X', '*' or U+00D7
 * (glued or not: "10x", "x10", "CODE*10"), or as two CSV fields (';', ',' or
 * a tab; quoted or not; empty fields after them ignored).  A quantity is up
 * to ORDERPARSE_QTY_DIGITS digits with an optional ',' or '.' and 1-3
 * decimals, optionally followed by a unit (kg, pc, pcs, u); a code is 1 to
 * ORDERPARSE_CODE_MAX printable characters without blanks that is not such
 * a number, unless it has 8 digits or more (a barcode).  out->line is 0;
 * the code is kept as written (case too). */
void orderparse_line(const char *s, size_t len, struct orderparse_line *out);

/* Reads every line of text (len bytes; "\n", "\r\n" or "\r" ends a line; a
 * final line without one counts) into out[0..max), numbering them from 1.
 * Returns the number of lines in the text, which is more than max when
 * out was too small (the first max are filled): no line is ever dropped
 * without the caller knowing. */
size_t orderparse_text(const char *text, size_t len, struct orderparse_line *out, size_t max);

#endif
