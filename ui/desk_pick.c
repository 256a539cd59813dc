/* F3 on the desk: a customer by exact code, or the list of customers whose
 * code or name holds the text typed, to choose from with the arrows. */
#include "desk.h"
#include <stdlib.h>
#include <string.h>

enum pick_action {
	ACT_CHOOSE,
	ACT_UP,
	ACT_DOWN,
	ACT_BACK,
};

static const struct ui_action pick_actions[] = {
	{ ACT_CHOOSE, "choose", N_("Choose"), N_("choose the selected customer") },
	{ ACT_UP, "up", NULL, N_("select the customer above") },
	{ ACT_DOWN, "down", NULL, N_("select the customer below") },
	{ ACT_BACK, "back", N_("Back"), N_("back to the desk, nothing chosen") },
	{ 0, NULL, NULL, NULL },
};

static const struct ui_binding pick_bindings[] = {
	{ UI_KEY_ENTER, ACT_CHOOSE },
	{ UI_FN(KEY_UP), ACT_UP },
	{ UI_FN(KEY_DOWN), ACT_DOWN },
	{ UI_KEY_ESC, ACT_BACK },
	{ 0, 0 },
};

static int pick_chosen(struct ui *u, const char *code)
{
	if (desk_set_customer(u, code) < 0)
		return UI_REDRAW;
	struct desk_state *d = desk_state();
	ui_message(u, UI_MSG_INFO, _("Customer %s: %s"), d->cust.code, d->cust.name);
	return UI_POP;
}

static int pick_submit(struct ui *u, const char *text)
{
	struct desk_state *d = desk_state();
	struct app_desk_customer one;
	char *err = NULL;
	if (!text[0]) {
		ui_message(u, UI_MSG_ERROR, "%s", _("Type a customer's code or part of the name"));
		return UI_REDRAW;
	}
	if (app_desk_customer_get(u->app, text, &one, &err) == APP_OK)
		return pick_chosen(u, one.code);
	free(err);
	err = NULL;
	size_t n = 0;
	if (app_desk_customer_find(u->app, text, d->found, DESK_FOUND_MAX, &n, &err) != APP_OK) {
		ui_message(u, UI_MSG_ERROR, "%s", err ? err : _("Unknown customer"));
		free(err);
		return UI_REDRAW;
	}
	if (n == 0) {
		ui_message(u, UI_MSG_ERROR, _("No customer's code or name holds '%s'"), text);
		return UI_REDRAW;
	}
	if (n == 1)
		return pick_chosen(u, d->found[0].code);
	d->nfound = n;
	d->fsel = d->ftop = 0;
	ui_message(u, UI_MSG_INFO, _("%zu customers: Up/Down, then Enter"), n);
	ui_replace(u, &desk_pick_screen);
	return UI_REDRAW;
}

int desk_pick_open(struct ui *u)
{
	ui_prompt_open(u, _("Customer"), _("Customer code, or part of the code or name:"),
	               UI_FIELD_MAX, pick_submit);
	return UI_REDRAW;
}

static int pick_action(struct ui *u, int act)
{
	struct desk_state *d = desk_state();
	switch (act) {
	case ACT_CHOOSE:
		if (d->fsel < d->nfound)
			return pick_chosen(u, d->found[d->fsel].code);
		return UI_POP;
	case ACT_UP:
		if (d->fsel > 0)
			d->fsel--;
		return UI_REDRAW;
	case ACT_DOWN:
		if (d->fsel + 1 < d->nfound)
			d->fsel++;
		return UI_REDRAW;
	case ACT_BACK:
		ui_message_clear(u);
		return UI_POP;
	default:
		return UI_UNHANDLED;
	}
}

static void pick_draw(struct ui *u)
{
	struct desk_state *d = desk_state();
	ui_draw_title(u, _("Choose a customer"), NULL);
	attron(A_BOLD);
	ui_print(1, 1, 12, _("Code"));
	ui_print(1, 14, COLS - 40, _("Name"));
	ui_print(1, COLS - 25, 12, _("Kind"));
	ui_print(1, COLS - 12, 11, _("Prices"));
	attroff(A_BOLD);
	int rows = LINES - 5;
	if (d->fsel < d->ftop)
		d->ftop = d->fsel;
	if (rows > 0 && d->fsel >= d->ftop + (size_t)rows)
		d->ftop = d->fsel - (size_t)rows + 1;
	for (size_t i = d->ftop; i < d->nfound && (int)(i - d->ftop) < rows; i++) {
		int y = 2 + (int)(i - d->ftop);
		const struct app_desk_customer *c = &d->found[i];
		if (i == d->fsel)
			attron(A_REVERSE);
		ui_blank(y, 0, COLS);
		ui_print(y, 1, 12, c->code);
		ui_print(y, 14, COLS - 40, c->name);
		ui_print(y, COLS - 25, 12, c->kind);
		ui_print(y, COLS - 12, 11, c->list_code);
		attroff(A_REVERSE);
	}
	ui_draw_message(u, LINES - 2);
	ui_draw_helpbar(u, &desk_pick_screen);
}

const struct ui_screen desk_pick_screen = {
	.name = "desk-customer",
	.actions = pick_actions,
	.bindings = pick_bindings,
	.draw = pick_draw,
	.action = pick_action,
};
