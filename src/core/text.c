/* Text from people and files: UTF-8 decoding and validation, cleaning of
 * control characters and blanks, code validation, and display width for
 * laying out screens and receipts. */
#include <stdint.h>
#include <string.h>

#include "i18n-mark.h"
#include "text.h"

const char *text_strerror(int err)
{
	switch (err) {
	case TEXT_OK:
		return N_("no error");
	case TEXT_TOO_LONG:
		return N_("too long");
	case TEXT_BAD_UTF8:
		return N_("not valid UTF-8 text");
	case TEXT_CONTROL:
		return N_("contained control characters");
	case TEXT_EMPTY:
		return N_("empty");
	case TEXT_BLANK:
		return N_("a code cannot contain spaces");
	}
	return N_("unknown error");
}

/* One code point at s, n bytes available: its byte length, or 0 when the
 * bytes are not UTF-8 (overlong, surrogate, past U+10FFFF, cut short). */
static size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t c, min;
	size_t len, i;

	if (n == 0)
		return 0;
	c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		c &= 0x1F;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		c &= 0x0F;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		c &= 0x07;
		min = 0x10000;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

int utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp;
	size_t i = 0, k;

	while (i < len) {
		k = utf8_decode(p + i, len - i, &cp);
		if (k == 0)
			return 0;
		i += k;
	}
	return 1;
}

static int text_is_control(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
}

/* Invisible characters that make two codes look alike or reorder what is
 * shown: no place in a code, harmless (and sometimes needed) in a name. */
static int text_is_format(uint32_t cp)
{
	return (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0xFEFF || cp == 0xAD;
}

static int text_is_blank(uint32_t cp)
{
	return cp == 0x20 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
	       cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

int text_clean(const char *in, char *out, size_t size, size_t max_chars)
{
	const unsigned char *p = (const unsigned char *)in;
	size_t len = strlen(in), i = 0, k, o = 0, chars = 0, keep_o = 0, keep_chars = 0;
	int dropped = 0, started = 0;
	uint32_t cp;

	if (size > 0)
		out[0] = '\0';
	if (!utf8_valid(in, len))
		return TEXT_BAD_UTF8;
	for (; i < len; i += k) {
		k = utf8_decode(p + i, len - i, &cp);
		if (text_is_control(cp)) {
			dropped = 1;
			continue;
		}
		if (!started && text_is_blank(cp))
			continue;
		started = 1;
		/* copy while it fits; trailing blanks are cut below by
		 * remembering where the last non-blank ended */
		if (o + k < size)
			memcpy(out + o, p + i, k);
		o += k;
		chars++;
		if (!text_is_blank(cp)) {
			keep_o = o;
			keep_chars = chars;
		}
	}
	if ((max_chars > 0 && keep_chars > max_chars) || keep_o >= size) {
		if (size > 0)
			out[0] = '\0';
		return TEXT_TOO_LONG;
	}
	out[keep_o] = '\0';
	return dropped ? TEXT_CONTROL : TEXT_OK;
}

int text_check_code(const char *code, size_t max_chars)
{
	const unsigned char *p = (const unsigned char *)code;
	size_t len = strlen(code), i, k, chars = 0;
	int control = 0, blank = 0;
	uint32_t cp;

	if (!utf8_valid(code, len))
		return TEXT_BAD_UTF8;
	if (len == 0)
		return TEXT_EMPTY;
	for (i = 0; i < len; i += k) {
		k = utf8_decode(p + i, len - i, &cp);
		chars++;
		if (text_is_control(cp) || text_is_format(cp))
			control = 1;
		else if (text_is_blank(cp))
			blank = 1;
	}
	if (max_chars > 0 && chars > max_chars)
		return TEXT_TOO_LONG;
	if (control)
		return TEXT_CONTROL;
	if (blank)
		return TEXT_BLANK;
	return TEXT_OK;
}

static int utf8_is_combining(uint32_t cp)
{
	return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
	       (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
	       (cp >= 0xFE20 && cp <= 0xFE2F);
}

/* The character at s (n bytes left): its byte length and columns. A stray
 * byte is one column, as a terminal shows it (one replacement glyph). */
static size_t utf8_next(const unsigned char *s, size_t n, size_t *cols)
{
	uint32_t cp;
	size_t k = utf8_decode(s, n, &cp);

	if (k == 0) {
		*cols = 1;
		return 1;
	}
	*cols = utf8_is_combining(cp) ? 0 : 1;
	return k;
}

size_t utf8_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s), i = 0, w = 0, cols;

	while (i < len) {
		i += utf8_next(p + i, len - i, &cols);
		w += cols;
	}
	return w;
}

/* Combining marks ride along with their base character, even at the last
 * column, so an accent is never cut from its letter. */
size_t utf8_prefix_for_width(const char *s, size_t cols)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s), i = 0, used = 0, w, k;

	while (i < len) {
		k = utf8_next(p + i, len - i, &w);
		if (used + w > cols)
			break;
		used += w;
		i += k;
	}
	return i;
}

size_t utf8_encode(unsigned long cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}
