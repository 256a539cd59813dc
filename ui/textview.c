/* A page of text over the current screen, such as "why this price" for a
 * ticket line; any key goes back. */
#include "ui_int.h"
#include <stdlib.h>
#include <string.h>
#include "../src/util/xalloc.h"

void ui_textview_open(struct ui *u, const char *title, char *text)
{
	free(u->textview.text);
	u->textview.text = text;
	strlcpy_safe(u->textview.title, title, sizeof u->textview.title);
	ui_push(u, &ui_textview_screen);
}

static void textview_draw(struct ui *u)
{
	ui_draw_title(u, u->textview.title, NULL);
	int y = 2;
	const char *p = u->textview.text ? u->textview.text : "";
	while (*p && y < LINES - 2) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char line[512];
		if (n >= sizeof line)
			n = sizeof line - 1;
		memcpy(line, p, n);
		line[n] = '\0';
		ui_print(y++, 2, COLS - 3, line);
		p = nl ? nl + 1 : p + strlen(p);
	}
	attron(A_REVERSE);
	ui_blank(LINES - 1, 0, COLS);
	ui_print(LINES - 1, 1, COLS - 2, _("Any key: back"));
	attroff(A_REVERSE);
}

static int textview_action(struct ui *u, int act)
{
	(void)u;
	(void)act;
	return UI_POP;
}

static int textview_key(struct ui *u, int key)
{
	(void)key;
	free(u->textview.text);
	u->textview.text = NULL;
	return UI_POP;
}

const struct ui_screen ui_textview_screen = {
	.name = "textview",
	.draw = textview_draw,
	.action = textview_action,
	.key = textview_key,
};
