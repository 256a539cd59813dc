/* A box over the current screen that asks for one line of text (a customer
 * code, a card slip reference) and hands it to the caller's submit. */
#include "ui_int.h"

enum prompt_action {
	ACT_OK,
	ACT_CANCEL,
	ACT_SCAN,
};

static const struct ui_action prompt_actions[] = {
	{ ACT_OK, "ok", N_("OK"), N_("accept") },
	{ ACT_CANCEL, "cancel", N_("Cancel"), N_("close without changing anything") },
	{ ACT_SCAN, "scan", NULL, N_("a scan is the answer (a customer card, a slip)") },
	{ 0, NULL, NULL, NULL },
};

static const struct ui_binding prompt_bindings[] = {
	{ UI_KEY_ENTER, ACT_OK },
	{ UI_KEY_ESC, ACT_CANCEL },
	{ UI_KEY_SCAN, ACT_SCAN },
	{ 0, 0 },
};

void ui_prompt_open(struct ui *u, const char *title, const char *label, size_t max,
                    int (*submit)(struct ui *u, const char *text))
{
	u->prompt.title = title;
	u->prompt.label = label;
	u->prompt.submit = submit;
	u->prompt.cancel = NULL;
	u->prompt.secret = 0;
	u->prompt.no_scan = 0;
	ui_field_init(&u->prompt.field, max);
	ui_push(u, &ui_prompt_screen);
}

void ui_prompt_secret(struct ui *u)
{
	u->prompt.secret = 1;
}

void ui_prompt_no_scan(struct ui *u)
{
	u->prompt.no_scan = 1;
}

void ui_prompt_on_cancel(struct ui *u, int (*cancel)(struct ui *u))
{
	u->prompt.cancel = cancel;
}

static int prompt_action(struct ui *u, int act)
{
	char text[UI_FIELD_MAX * 4 + 1];
	switch (act) {
	case ACT_SCAN:
		if (u->prompt.no_scan) {
			/* A yes/no question: a scan here is refused aloud rather than
			 * taken for a yes. (A name or PIN typed fast looks like a scan
			 * by timing, and a badge may be scanned: those prompts take it.) */
			ui_message(u, UI_MSG_ERROR, _("Scan %s not used: answer this first"), u->scan.text);
			return UI_REDRAW;
		}
		ui_field_set(&u->prompt.field, u->scan.text);
		if (ui_text_width(u->scan.text) > (int)u->prompt.field.max)
			u->prompt.field.overflow = 1;
		/* fall through - the scan answers */
	case ACT_OK:
		if (u->prompt.field.overflow) {
			ui_message(u, UI_MSG_ERROR, _("Too long: at most %zu characters"), u->prompt.field.max);
			return UI_REDRAW;
		}
		ui_field_text(&u->prompt.field, text, sizeof text);
		return u->prompt.submit(u, text);
	case ACT_CANCEL:
		ui_message_clear(u);
		return u->prompt.cancel ? u->prompt.cancel(u) : UI_POP;
	default:
		return UI_UNHANDLED;
	}
}

static int prompt_key(struct ui *u, int key)
{
	return ui_field_key(&u->prompt.field, key) ? UI_REDRAW : UI_UNHANDLED;
}

static void prompt_box(int y, int x, int h, int w)
{
	for (int i = 0; i < h; i++)
		ui_blank(y + i, x, w);
	mvhline(y, x + 1, ACS_HLINE, w - 2);
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	mvvline(y + 1, x, ACS_VLINE, h - 2);
	mvvline(y + 1, x + w - 1, ACS_VLINE, h - 2);
	mvaddch(y, x, ACS_ULCORNER);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
}

static void prompt_draw(struct ui *u)
{
	int w = COLS - 4 < 60 ? COLS - 4 : 60;
	int h = 5;
	int x = (COLS - w) / 2, y = (LINES - h) / 2 - 1;
	prompt_box(y, x, h, w);
	attron(A_BOLD);
	ui_print(y, x + 2, 1, " ");
	int tw = ui_print(y, x + 3, w - 6, u->prompt.title);
	ui_print(y, x + 3 + tw, 1, " ");
	attroff(A_BOLD);
	ui_print(y + 1, x + 2, w - 4, u->prompt.label);
	if (u->prompt.secret) {
		struct ui_field stars = u->prompt.field;
		for (size_t i = 0; i < stars.len; i++)
			stars.buf[i] = L'*';
		ui_field_draw(u, &stars, y + 3, x + 2, w - 4);
	} else {
		ui_field_draw(u, &u->prompt.field, y + 3, x + 2, w - 4);
	}
	ui_draw_helpbar(u, &ui_prompt_screen);
}

const struct ui_screen ui_prompt_screen = {
	.name = "prompt",
	.actions = prompt_actions,
	.bindings = prompt_bindings,
	.overlay = 1,
	.draw = prompt_draw,
	.action = prompt_action,
	.key = prompt_key,
};
