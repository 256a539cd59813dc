/* Text on the terminal: UTF-8 inside, drawn with the wide-character calls and
 * column widths in a UTF-8 locale, transliterated by charset_for_terminal()
 * and drawn byte by byte in any other locale, never raw bytes or garbage. */
#include "ui_int.h"
#include "../src/core/text.h"
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "../src/util/charset.h"
#include "../src/util/xalloc.h"

/* Decodes UTF-8 into at most max wide characters; what is not valid UTF-8
 * becomes '?', control characters become spaces. */
static size_t text_decode(const char *s, wchar_t *out, size_t max)
{
	size_t n = 0;
	while (*s && n < max) {
		unsigned long cp;
		size_t len = ui_utf8_decode(s, &cp);
		if (!len) {
			out[n++] = L'?';
			s++;
			continue;
		}
		if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
			cp = ' ';
		out[n++] = (wchar_t)cp;
		s += len;
	}
	out[n] = L'\0';
	return n;
}

static int text_wcwidth(wchar_t c)
{
	int w = wcwidth(c);
	return w < 0 ? 1 : w;
}

/* Text for a non-UTF-8 terminal with control bytes blanked; caller frees. */
static char *text_narrow(const char *utf8)
{
	char *s = charset_for_terminal(utf8);
	for (unsigned char *p = (unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7F)
			*p = ' ';
	return s;
}

int ui_text_width(const char *utf8)
{
	if (!charset_locale_is_utf8()) {
		char *s = text_narrow(utf8);
		int w = (int)strlen(s);
		free(s);
		return w;
	}
	size_t len = strlen(utf8);
	wchar_t *ws = xmalloc((len + 1) * sizeof *ws);
	size_t n = text_decode(utf8, ws, len);
	int w = 0;
	for (size_t i = 0; i < n; i++)
		w += text_wcwidth(ws[i]);
	free(ws);
	return w;
}

int ui_print(int y, int x, int w, const char *utf8)
{
	if (y < 0 || y >= LINES || x < 0 || x >= COLS)
		return 0;
	if (w > COLS - x)
		w = COLS - x;
	if (w <= 0)
		return 0;
	if (!charset_locale_is_utf8()) {
		char *s = text_narrow(utf8);
		int n = (int)strlen(s);
		if (n > w)
			n = w;
		mvaddnstr(y, x, s, n);
		free(s);
		return n;
	}
	size_t len = strlen(utf8);
	wchar_t *ws = xmalloc((len + 1) * sizeof *ws);
	size_t n = text_decode(utf8, ws, len), i;
	int used = 0;
	for (i = 0; i < n; i++) {
		int cw = wcwidth(ws[i]);
		if (cw < 0) {
			ws[i] = L'?';
			cw = 1;
		}
		if (used + cw > w)
			break;
		used += cw;
	}
	if (i > 0)
		mvaddnwstr(y, x, ws, (int)i);
	free(ws);
	return used;
}

void ui_print_right(int y, int x_end, int w, const char *utf8)
{
	int tw = ui_text_width(utf8);
	if (tw > w)
		tw = w;
	ui_print(y, x_end - tw, tw, utf8);
}

int ui_printf(int y, int x, int w, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = xvasprintf(fmt, ap);
	va_end(ap);
	int used = ui_print(y, x, w, s);
	free(s);
	return used;
}

void ui_blank(int y, int x, int w)
{
	if (y < 0 || y >= LINES || x < 0)
		return;
	if (w > COLS - x)
		w = COLS - x;
	if (w > 0)
		mvhline(y, x, ' ', w);
}

size_t ui_utf8_encode(unsigned long cp, char *out)
{
	return utf8_encode(cp, out);
}

size_t ui_utf8_decode(const char *s, unsigned long *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned long c;
	size_t len, i;
	if (!*p)
		return 0;
	if (*p < 0x80) {
		*cp = *p;
		return 1;
	}
	if ((*p & 0xE0) == 0xC0) {
		c = *p & 0x1F;
		len = 2;
	} else if ((*p & 0xF0) == 0xE0) {
		c = *p & 0x0F;
		len = 3;
	} else if ((*p & 0xF8) == 0xF0) {
		c = *p & 0x07;
		len = 4;
	} else {
		return 0;
	}
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (p[i] & 0x3F);
	}
	/* Overlong forms, surrogates and what lies past Unicode are not text. */
	if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF) || (len == 2 && c < 0x80) ||
	    (len == 3 && c < 0x800) || (len == 4 && c < 0x10000))
		return 0;
	*cp = c;
	return len;
}

void ui_money(const struct ui *u, money_t v, char *buf, size_t size)
{
	const struct money_style *st = u->shop && u->shop->money ? u->shop->money
	                                                         : &money_style_plain;
	money_format(buf, size, v, st);
}
