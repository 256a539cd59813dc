/* Text coming in from people and files: UTF-8 validation, control characters
 * stripped, length bounded; and the display width of UTF-8 text. */
#ifndef COMPTOIR_TEXT_H
#define COMPTOIR_TEXT_H

#include <stddef.h>

enum text_error {
	TEXT_OK = 0,
	TEXT_TOO_LONG = -40,   /* more than the allowed characters */
	TEXT_BAD_UTF8 = -41,
	TEXT_CONTROL = -42,    /* contained control characters (they were removed) */
	TEXT_EMPTY = -43,
	TEXT_BLANK = -44,      /* a code contained blanks */
};

const char *text_strerror(int err);

/* Copies in to out (size bytes) dropping C0/C1 control characters and DEL,
 * and trimming blanks (space, no-break spaces, ...) at both ends. Returns
 * TEXT_OK, TEXT_CONTROL when some were dropped (out still holds the cleaned
 * text), TEXT_BAD_UTF8, or TEXT_TOO_LONG when the cleaned text has more than
 * max_chars characters (0: no limit) or does not fit; out is "" after
 * TEXT_BAD_UTF8 and TEXT_TOO_LONG. */
int text_clean(const char *in, char *out, size_t size, size_t max_chars);

/* Validates a product or customer code typed, scanned or given on the
 * command line: 1..max_chars printable characters, no blanks, no controls
 * (invisible format characters such as U+200B, U+FEFF and bidi overrides
 * count as controls here).  Returns TEXT_OK or the first problem found of
 * TEXT_BAD_UTF8, TEXT_EMPTY, TEXT_TOO_LONG, TEXT_CONTROL, TEXT_BLANK. */
int text_check_code(const char *code, size_t max_chars);

/* Encodes code point cp (at most U+10FFFF) as UTF-8 into out (4 bytes
 * room); returns the length. */
size_t utf8_encode(unsigned long cp, char *out);

/* Whether s is valid UTF-8 (no overlongs, no surrogates). */
int utf8_valid(const char *s, size_t len);

/* Display columns of a UTF-8 string: one per code point, none for combining
 * marks (U+0300-036F, 1AB0-1AFF, 1DC0-1DFF, 20D0-20FF, FE20-FE2F); a byte
 * that is not valid UTF-8 counts as one column. */
size_t utf8_width(const char *s);

/* Byte length of the longest prefix of s that fits in `cols` columns,
 * never cutting a character. */
size_t utf8_prefix_for_width(const char *s, size_t cols);

#endif
