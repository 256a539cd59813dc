/* Text for the printer: UTF-8 converted one character at a time into the
 * job's code page with iconv (without //TRANSLIT, whose output depends on
 * the locale: in the C locale it gives '?' for é in CP866), then our own
 * table of printer-friendly replacements, then the accent-stripping
 * fallback of src/util/charset, and '?' only when all of them fail. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "escpos.h"
#include "../src/util/charset.h"
#include "../src/util/i18n.h"
#include "../src/util/xalloc.h"

static const char *const escpos_charsets[ESCPOS_NCHARSETS] = {
	[ESCPOS_CP437] = "CP437",
	[ESCPOS_CP850] = "CP850",
	[ESCPOS_CP852] = "CP852",
	[ESCPOS_CP858] = "CP858",
	[ESCPOS_CP866] = "CP866",
	[ESCPOS_CP1252] = "CP1252",
};

const char *escpos_charset_name(enum escpos_charset cs)
{
	return (unsigned)cs < ESCPOS_NCHARSETS ? escpos_charsets[cs] : NULL;
}

int escpos_charset_parse(const char *s, enum escpos_charset *out)
{
	if (strncasecmp(s, "cp", 2) == 0)
		s += 2;
	for (int i = 0; i < ESCPOS_NCHARSETS; i++)
		if (strcmp(s, escpos_charsets[i] + 2) == 0) {
			*out = (enum escpos_charset)i;
			return 0;
		}
	return -1;
}

/* Spaces that printers show as a glyph or not at all: always a space. */
static const unsigned escpos_spaces[] = { 0x00A0, 0x2007, 0x2009, 0x202F, 0x2002, 0x2003 };

/* What to print when the code page lacks a character; tried before the
 * accent stripping, which would turn « into '"'. */
static const struct {
	unsigned cp;
	const char *ascii;
} escpos_fallbacks[] = {
	{ 0x0152, "OE" }, { 0x0153, "oe" }, { 0x00C6, "AE" }, { 0x00E6, "ae" },
	{ 0x00DF, "ss" }, { 0x20AC, "EUR" }, { 0x20B9, "Rs." }, { 0x00A3, "GBP" },
	{ 0x00AB, "<<" }, { 0x00BB, ">>" }, { 0x2039, "<" }, { 0x203A, ">" },
	{ 0x2018, "'" }, { 0x2019, "'" }, { 0x201A, "'" }, { 0x201C, "\"" },
	{ 0x201D, "\"" }, { 0x201E, "\"" }, { 0x2013, "-" }, { 0x2014, "-" },
	{ 0x2212, "-" }, { 0x2026, "..." }, { 0x2022, "*" }, { 0x00B7, "." },
	{ 0x00D7, "x" }, { 0x00F7, "/" }, { 0x00B0, "o" }, { 0x2122, "TM" },
	{ 0x00A9, "(c)" }, { 0x00AE, "(R)" }, { 0x00BD, "1/2" }, { 0x00BC, "1/4" },
	{ 0x00BE, "3/4" }, { 0x00D8, "O" }, { 0x00F8, "o" }, { 0x0141, "L" },
	{ 0x0142, "l" }, { 0x2116, "No." },
};

/* Decodes one UTF-8 character; returns its length (1 for a bad byte, with
 * *cp = 0xFFFD). */
static size_t escpos_utf8_next(const unsigned char *s, unsigned *cp)
{
	unsigned c = s[0];
	size_t n = c < 0x80 ? 1 : c >= 0xC2 && c < 0xE0 ? 2 : c >= 0xE0 && c < 0xF0 ? 3
	         : c >= 0xF0 && c < 0xF5 ? 4 : 0;
	if (n == 0) {
		*cp = 0xFFFD;
		return 1;
	}
	unsigned v = n == 1 ? c : c & (0x7F >> n);
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = 0xFFFD;
			return 1;
		}
		v = (v << 6) | (s[i] & 0x3F);
	}
	if ((n == 3 && v < 0x800) || (n == 4 && (v < 0x10000 || v > 0x10FFFF)) ||
	    (v >= 0xD800 && v <= 0xDFFF)) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = v;
	return n;
}

/* The character through iconv as is; 0 when the code page lacks it or
 * would give a control byte. */
static int escpos_convert_one(iconv_t cd, const char *in, size_t inlen, struct strbuf *out)
{
	char tmp[8];
	char *ip = (char *)in, *op = tmp;
	size_t il = inlen, ol = sizeof tmp;
	iconv(cd, NULL, NULL, NULL, NULL);
	if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 || il || op == tmp)
		return 0;
	for (char *p = tmp; p < op; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7F)
			return 0;
	strbuf_add(out, tmp, (size_t)(op - tmp));
	return 1;
}

static void escpos_transliterate(const struct escpos *e, unsigned cp, const char *in, size_t inlen,
                                 struct strbuf *out)
{
	for (size_t i = 0; i < sizeof escpos_fallbacks / sizeof escpos_fallbacks[0]; i++)
		if (escpos_fallbacks[i].cp == cp) {
			strbuf_puts(out, escpos_fallbacks[i].ascii);
			return;
		}
	/* é -> e, ﬁ -> fi, and '?' for what is left */
	char one[8];
	memcpy(one, in, inlen);
	one[inlen] = '\0';
	char *s = charset_from_utf8(one, escpos_charsets[e->charset]);
	if (!s) {
		strbuf_addch(out, '?');
		return;
	}
	size_t before = out->len;
	for (char *p = s; *p; p++)
		if ((unsigned char)*p >= 0x20 && *p != 0x7F)
			strbuf_addch(out, *p);
	if (out->len == before && !(cp >= 0x300 && cp < 0x370))
		strbuf_addch(out, '?');
	free(s);
}

void escpos_encode(const struct escpos *e, const char *utf8, struct strbuf *out)
{
	const unsigned char *p = (const unsigned char *)utf8;
	while (*p) {
		unsigned cp;
		size_t n = escpos_utf8_next(p, &cp);
		const char *in = (const char *)p;
		p += n;
		if (cp == '\n') {
			strbuf_addch(out, '\n');
			continue;
		}
		if (cp == '\t') {
			strbuf_addch(out, ' ');
			continue;
		}
		if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
			continue;
		if (cp < 0x80) {
			strbuf_addch(out, (char)cp);
			continue;
		}
		if (cp == 0xFFFD && n == 1) {
			strbuf_addch(out, '?');
			continue;
		}
		int space = 0;
		for (size_t i = 0; i < sizeof escpos_spaces / sizeof escpos_spaces[0]; i++)
			space |= escpos_spaces[i] == cp;
		if (space)
			strbuf_addch(out, ' ');
		else if (!escpos_convert_one(e->cd, in, n, out))
			escpos_transliterate(e, cp, in, n, out);
	}
}

void escpos_text(struct escpos *e, const char *utf8)
{
	escpos_encode(e, utf8, &e->out);
}
