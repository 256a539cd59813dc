/* The one-line input of the code line, the search, the amount and the
 * prompts: bounded, printable characters only, edited at its end (a
 * scanner and a cashier both type forwards). */
#include "ui_int.h"
#include <string.h>
#include <wctype.h>

void ui_field_init(struct ui_field *f, size_t max)
{
	f->max = max && max <= UI_FIELD_MAX ? max : UI_FIELD_MAX;
	ui_field_clear(f);
}

void ui_field_clear(struct ui_field *f)
{
	f->len = 0;
	f->buf[0] = L'\0';
	f->overflow = 0;
}

int ui_field_key(struct ui_field *f, int key)
{
	if (key == UI_KEY_BACKSPACE) {
		if (f->len)
			f->buf[--f->len] = L'\0';
		f->overflow = 0;
		return 1;
	}
	if (key == UI_KEY_CTRL('u')) {
		ui_field_clear(f);
		return 1;
	}
	if (key <= 0 || key >= UI_FN(0))
		return 0;
	/* Control characters (C0, DEL, C1) never enter a field. */
	if (key < 0x20 || (key >= 0x7F && key < 0xA0))
		return key != UI_KEY_ESC && key != '\t' ? 1 : 0;
	if (key > 0x10FFFF || (key >= 0xD800 && key <= 0xDFFF) || !iswprint((wint_t)key))
		return 1;
	if (f->len >= f->max) {
		f->overflow = 1;
		return 1;
	}
	f->buf[f->len++] = (wchar_t)key;
	f->buf[f->len] = L'\0';
	return 1;
}

void ui_field_text(const struct ui_field *f, char *out, size_t size)
{
	size_t o = 0;
	if (!size)
		return;
	for (size_t i = 0; i < f->len; i++) {
		char tmp[5];
		size_t n = ui_utf8_encode((unsigned long)f->buf[i], tmp);
		if (o + n >= size)
			break;
		memcpy(out + o, tmp, n);
		o += n;
	}
	out[o] = '\0';
}

void ui_field_set(struct ui_field *f, const char *utf8)
{
	ui_field_clear(f);
	/* The text comes from our own UTF-8 strings: decoded by hand so that the
	 * locale's charset does not matter; invalid bytes are skipped. */
	while (*utf8 && f->len < f->max) {
		unsigned long cp;
		size_t n = ui_utf8_decode(utf8, &cp);
		if (!n) {
			utf8++;
			continue;
		}
		ui_field_key(f, (int)cp);
		utf8 += n;
	}
}

void ui_field_draw(struct ui *u, const struct ui_field *f, int y, int x, int w)
{
	char text[UI_FIELD_MAX * 4 + 1];
	size_t start = 0;
	if (w <= 1)
		return;
	ui_blank(y, x, w);
	/* When the text is wider than the field, show its end. */
	for (;;) {
		struct ui_field tail;
		tail.len = f->len - start;
		memcpy(tail.buf, f->buf + start, tail.len * sizeof *tail.buf);
		tail.buf[tail.len] = L'\0';
		ui_field_text(&tail, text, sizeof text);
		if (start >= f->len || ui_text_width(text) < w)
			break;
		start++;
	}
	int used = ui_print(y, x, w - 1, text);
	u->cursor_y = y;
	u->cursor_x = x + used;
}
