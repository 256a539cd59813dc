/* Reading keys: curses keys and characters folded into one int, Esc followed
 * by a digit read as F1..F10 (for terminals without function keys), unknown
 * escape sequences swallowed; the names of keys; the global key map. */
#include "ui_int.h"
#include <stdio.h>

/* How long Esc waits for a digit: long enough for a person. */
#define KEYS_ESC_WAIT_MS 400
#define KEYS_SEQ_WAIT_MS 50

static int keys_read(int ms)
{
	wint_t wc;
	timeout(ms);
	int r = get_wch(&wc);
	if (r == ERR)
		return UI_KEY_NONE;
	if (r == KEY_CODE_YES) {
		if (wc == KEY_ENTER)
			return UI_KEY_ENTER;
		if (wc == KEY_BACKSPACE)
			return UI_KEY_BACKSPACE;
		return UI_FN((int)wc);
	}
	if (wc == L'\r' || wc == L'\n')
		return UI_KEY_ENTER;
	if (wc == 0x7F || wc == 0x08)
		return UI_KEY_BACKSPACE;
	if (wc == 0 || wc > 0x10FFFF)
		return UI_KEY_NONE;
	return (int)wc;
}

int ui_getkey(struct ui *u, int idle_ms)
{
	int k;
	if (u->pending_key) {
		k = u->pending_key;
		u->pending_key = 0;
		return k;
	}
	k = keys_read(idle_ms);
	if (k != UI_KEY_ESC)
		return k;
	int next = keys_read(KEYS_ESC_WAIT_MS);
	if (next == UI_KEY_NONE)
		return UI_KEY_ESC;
	if (next >= '0' && next <= '9')
		return UI_FN(KEY_F(next == '0' ? 10 : next - '0'));
	if (next == '[' || next == 'O') {
		/* A sequence the terminal description does not know (an F-key of
		 * another terminal): drop it up to its final byte. */
		for (int i = 0; i < 16; i++) {
			int c = keys_read(KEYS_SEQ_WAIT_MS);
			if (c == UI_KEY_NONE || (c >= 0x40 && c <= 0x7E && !(i == 0 && c == '[')))
				break;
		}
		return UI_KEY_NONE;
	}
	u->pending_key = next;
	return UI_KEY_ESC;
}

const char *ui_key_name(int key)
{
	static char buf[16];
	if (key >= UI_FN(KEY_F(1)) && key <= UI_FN(KEY_F(12))) {
		snprintf(buf, sizeof buf, "F%d", key - UI_FN(KEY_F(0)));
		return buf;
	}
	switch (key) {
	case UI_KEY_ESC: return "Esc";
	case UI_KEY_ENTER: return "Enter";
	case UI_KEY_BACKSPACE: return "Backspace";
	case UI_FN(KEY_UP): return "Up";
	case UI_FN(KEY_DOWN): return "Down";
	case UI_FN(KEY_PPAGE): return "PgUp";
	case UI_FN(KEY_NPAGE): return "PgDn";
	case UI_FN(KEY_HOME): return "Home";
	case UI_FN(KEY_END): return "End";
	case '\t': return "Tab";
	default: break;
	}
	if (key > 0 && key < 0x20) {
		snprintf(buf, sizeof buf, "Ctrl-%c", key + '@');
		return buf;
	}
	if (key >= 0x20 && key < 0x7F) {
		snprintf(buf, sizeof buf, "%c", key);
		return buf;
	}
	snprintf(buf, sizeof buf, "#%x", (unsigned)key);
	return buf;
}

int ui_binding_find(const struct ui_binding *b, int key)
{
	for (; b && b->key; b++)
		if (b->key == key)
			return b->action;
	return -1;
}

const struct ui_action *ui_action_find(const struct ui_action *a, int id)
{
	for (; a && a->name; a++)
		if (a->id == id)
			return a;
	return NULL;
}

enum { GLOBAL_HELP, GLOBAL_REDRAW };

const struct ui_action ui_global_actions[] = {
	{ GLOBAL_HELP, "help", N_("Help"), N_("list the keys of this screen") },
	{ GLOBAL_REDRAW, "redraw", NULL, N_("draw the screen again") },
	{ 0, NULL, NULL, NULL },
};

const struct ui_binding ui_global_bindings[] = {
	{ UI_FN(KEY_F(1)), GLOBAL_HELP },
	{ UI_KEY_CTRL('l'), GLOBAL_REDRAW },
	{ 0, 0 },
};

int ui_global_key(struct ui *u, int key)
{
	switch (ui_binding_find(ui_global_bindings, key)) {
	case GLOBAL_HELP:
		if (u->stack[u->depth - 1] != &ui_help_screen)
			ui_push(u, &ui_help_screen);
		return UI_REDRAW;
	case GLOBAL_REDRAW:
		u->full_redraw = 1;
		return UI_REDRAW;
	default:
		return UI_UNHANDLED;
	}
}
