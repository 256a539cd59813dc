/* The parts every screen draws: the title bar, the message line and the help
 * bar built from the screen's own key bindings. No colour: reverse and bold. */
#include "ui_int.h"
#include <string.h>

#define UI_MIN_COLS 40
#define UI_MIN_LINES 12

void ui_draw_title(struct ui *u, const char *title, const char *right)
{
	(void)u;
	attron(A_REVERSE);
	ui_blank(0, 0, COLS);
	int used = ui_print(0, 1, COLS - 2, title);
	if (right && *right) {
		int room = COLS - 3 - used;
		if (room > 0)
			ui_print_right(0, COLS - 1, room, right);
	}
	attroff(A_REVERSE);
}

void ui_draw_message(struct ui *u, int y)
{
	ui_blank(y, 0, COLS);
	if (!u->msg[0])
		return;
	if (u->msg_kind == UI_MSG_ERROR)
		attron(A_BOLD);
	ui_print(y, 1, COLS - 2, u->msg);
	attroff(A_BOLD);
}

/* One "KEY Label" entry; returns the new column, or -1 when it did not fit. */
static int helpbar_item(int x, int key, const char *label)
{
	const char *name = ui_key_name(key);
	int need = ui_text_width(name) + 1 + ui_text_width(label) + 1;
	if (x + need > COLS)
		return -1;
	attroff(A_REVERSE);
	x += ui_print(LINES - 1, x, COLS - x, name);
	attron(A_REVERSE);
	x += ui_print(LINES - 1, x, COLS - x, " ");
	x += ui_print(LINES - 1, x, COLS - x, label);
	x += ui_print(LINES - 1, x, COLS - x, " ");
	return x;
}

/* Adds the labelled actions of one map, the first key of each. */
static int helpbar_map(int x, const struct ui_action *actions, const struct ui_binding *bindings)
{
	for (const struct ui_binding *b = bindings; b->key && x >= 0; b++) {
		const struct ui_action *a = ui_action_find(actions, b->action);
		if (!a || !a->label)
			continue;
		const struct ui_binding *first = bindings;
		while (first->action != b->action)
			first++;
		if (first != b)
			continue;
		x = helpbar_item(x, b->key, _(a->label));
	}
	return x;
}

void ui_draw_helpbar(struct ui *u, const struct ui_screen *s)
{
	(void)u;
	attron(A_REVERSE);
	ui_blank(LINES - 1, 0, COLS);
	int x = 0;
	if (s != &ui_help_screen)
		x = helpbar_map(x, ui_global_actions, ui_global_bindings);
	if (x >= 0)
		helpbar_map(x, s->actions, s->bindings);
	attroff(A_REVERSE);
}

int ui_too_small(struct ui *u)
{
	(void)u;
	if (COLS >= UI_MIN_COLS && LINES >= UI_MIN_LINES)
		return 0;
	erase();
	ui_print(0, 0, COLS, _("Terminal too small"));
	ui_printf(1, 0, COLS, "%dx%d", UI_MIN_COLS, UI_MIN_LINES);
	return 1;
}
