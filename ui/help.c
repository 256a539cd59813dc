/* F1: the keys of the screen below and the global ones, read from their
 * binding tables, so the list cannot drift from what the keys do. */
#include "ui_int.h"
#include <stdio.h>
#include <string.h>

/* "F10, Esc 0" for an F-key that Esc+digit also reaches. */
static void help_keys(const struct ui_binding *bindings, int action, char *out, size_t size)
{
	size_t o = 0;
	out[0] = '\0';
	for (const struct ui_binding *b = bindings; b->key; b++) {
		if (b->action != action)
			continue;
		int n = snprintf(out + o, size - o, "%s%s", o ? ", " : "", ui_key_name(b->key));
		if (n < 0 || (size_t)n >= size - o)
			break;
		o += (size_t)n;
		if (b->key >= UI_FN(KEY_F(1)) && b->key <= UI_FN(KEY_F(10))) {
			int f = b->key - UI_FN(KEY_F(0));
			n = snprintf(out + o, size - o, ", Esc %d", f % 10);
			if (n < 0 || (size_t)n >= size - o)
				break;
			o += (size_t)n;
		}
	}
}

static int help_map(int y, const struct ui_action *actions, const struct ui_binding *bindings)
{
	char keys[64];
	for (const struct ui_action *a = actions; a->name && y < LINES - 2; a++) {
		help_keys(bindings, a->id, keys, sizeof keys);
		if (!keys[0])
			continue;
		ui_print(y, 2, 18, keys);
		ui_print(y, 22, COLS - 23, _(a->help));
		y++;
	}
	return y;
}

static void help_draw(struct ui *u)
{
	const struct ui_screen *s = ui_below(u);
	/* The Esc+digit rule sits in the title: it stays when the list is long. */
	ui_draw_title(u, _("Keys"), _("without F-keys: Esc then 1 ... 0"));
	int y = 2;
	if (s) {
		y = help_map(y, s->actions, s->bindings);
		if (s->key && y < LINES - 2)
			ui_print(y++, 22, COLS - 23, _("other keys type into the input line"));
	}
	y++;
	help_map(y, ui_global_actions, ui_global_bindings);
	attron(A_REVERSE);
	ui_blank(LINES - 1, 0, COLS);
	ui_print(LINES - 1, 1, COLS - 2, _("Any key: back"));
	attroff(A_REVERSE);
}

static int help_action(struct ui *u, int act)
{
	(void)u;
	(void)act;
	return UI_POP;
}

static int help_key(struct ui *u, int key)
{
	(void)u;
	(void)key;
	return UI_POP;
}

const struct ui_screen ui_help_screen = {
	.name = "help",
	.actions = NULL,
	.bindings = NULL,
	.draw = help_draw,
	.action = help_action,
	.key = help_key,
};
