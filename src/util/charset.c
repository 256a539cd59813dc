/* iconv conversions for charset.h. Transliteration is done here, one code
 * point at a time, because glibc's //TRANSLIT gives '?' for é in the C
 * locale: we strip accents with utf8proc first and keep a short table of
 * letters and signs that have no decomposition. */
#include <errno.h>
#include <iconv.h>
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "charset.h"
#include "strbuf.h"
#include "xalloc.h"

int charset_locale_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

const char *charset_locale_name(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && *cs ? cs : "ANSI_X3.4-1968";
}

static const struct {
	utf8proc_int32_t cp;
	const char *ascii;
} charset_fallbacks[] = {
	{ 0x00C6, "AE" }, { 0x00E6, "ae" }, { 0x0152, "OE" }, { 0x0153, "oe" },
	{ 0x00DF, "ss" }, { 0x00D8, "O" }, { 0x00F8, "o" }, { 0x0141, "L" },
	{ 0x0142, "l" }, { 0x00D0, "D" }, { 0x00F0, "d" }, { 0x00DE, "Th" },
	{ 0x00FE, "th" }, { 0x20AC, "EUR" }, { 0x20B9, "Rs" }, { 0x00A3, "GBP" },
	{ 0x00A0, " " }, { 0x202F, " " }, { 0x2009, " " }, { 0x2018, "'" },
	{ 0x2019, "'" }, { 0x201C, "\"" }, { 0x201D, "\"" }, { 0x00AB, "\"" },
	{ 0x00BB, "\"" }, { 0x2013, "-" }, { 0x2014, "-" }, { 0x2026, "..." },
	{ 0x00B0, "o" }, { 0x00D7, "x" }, { 0x2022, "*" }, { 0x00B7, "." },
	{ 0x2500, "-" }, { 0x2502, "|" }, { 0x00BD, "1/2" }, { 0x00BC, "1/4" },
};

/* Converts one UTF-8 sequence with cd; 1 when it went through. */
static int charset_try(iconv_t cd, const char *in, size_t inlen, struct strbuf *out)
{
	char tmp[32];
	char *ip = (char *)in, *op = tmp;
	size_t il = inlen, ol = sizeof tmp;
	iconv(cd, NULL, NULL, NULL, NULL);
	if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 || il)
		return 0;
	strbuf_add(out, tmp, (size_t)(op - tmp));
	return 1;
}

static void charset_translit_one(iconv_t cd, utf8proc_int32_t cp, struct strbuf *out)
{
	for (size_t i = 0; i < sizeof charset_fallbacks / sizeof charset_fallbacks[0]; i++)
		if (charset_fallbacks[i].cp == cp) {
			strbuf_puts(out, charset_fallbacks[i].ascii);
			return;
		}
	/* A compatibility decomposition without its marks: é -> e, ﬁ -> fi. */
	utf8proc_int32_t dec[16];
	int last = 0;
	utf8proc_ssize_t n = utf8proc_decompose_char(cp, dec, 16,
	                                             UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK,
	                                             &last);
	if (n > 0 && n <= 16 && !(n == 1 && dec[0] == cp)) {
		size_t before = out->len;
		for (utf8proc_ssize_t i = 0; i < n; i++) {
			utf8proc_uint8_t u[4];
			utf8proc_ssize_t ul = utf8proc_encode_char(dec[i], u);
			if (!charset_try(cd, (const char *)u, (size_t)ul, out)) {
				out->len = before;
				out->buf[before] = '\0';
				goto unknown;
			}
		}
		return;
	}
	if (n == 0) /* a lone combining mark: nothing to show */
		return;
unknown:
	strbuf_addch(out, '?');
}

char *charset_from_utf8(const char *s, const char *tocode)
{
	iconv_t cd = iconv_open(tocode, "UTF-8");
	if (cd == (iconv_t)-1)
		return NULL;
	struct strbuf out = STRBUF_INIT;
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t len = strlen(s);
	while (len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(p, (utf8proc_ssize_t)len, &cp);
		if (n <= 0) {
			strbuf_addch(&out, '?');
			p++;
			len--;
			continue;
		}
		if (!charset_try(cd, (const char *)p, (size_t)n, &out))
			charset_translit_one(cd, cp, &out);
		p += n;
		len -= (size_t)n;
	}
	iconv_close(cd);
	return strbuf_detach(&out);
}

char *charset_to_utf8(const char *s, size_t len, const char *fromcode, size_t *bad_offset)
{
	iconv_t cd = iconv_open("UTF-8", fromcode);
	if (cd == (iconv_t)-1) {
		if (bad_offset)
			*bad_offset = (size_t)-1;
		return NULL;
	}
	size_t cap = len * 4 + 16;
	char *out = xmalloc(cap);
	char *ip = (char *)s, *op = out;
	size_t il = len, ol = cap - 1;
	if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1) {
		if (bad_offset)
			*bad_offset = (size_t)(ip - s);
		iconv_close(cd);
		free(out);
		return NULL;
	}
	*op = '\0';
	iconv_close(cd);
	return out;
}

char *charset_for_terminal(const char *utf8)
{
	if (charset_locale_is_utf8())
		return xstrdup(utf8);
	char *s = charset_from_utf8(utf8, charset_locale_name());
	return s ? s : charset_from_utf8(utf8, "ASCII");
}
