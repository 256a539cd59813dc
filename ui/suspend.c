/* F7 on the counter: with lines on the ticket, suspend it (after a
 * confirmation); on an empty ticket, the list of suspended tickets of every
 * terminal, Enter resuming the selected one here. The session has one such
 * list, so its state lives in this file. */
#include "ui_int.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "../src/app/suspend.h"

#define SUSPEND_LIST_MAX 200

enum suspend_action { ACT_RESUME, ACT_UP, ACT_DOWN, ACT_BACK };

static const struct ui_action suspend_actions[] = {
	{ ACT_RESUME, "resume", N_("Resume"), N_("resume the selected ticket on this terminal") },
	{ ACT_BACK, "back", N_("Back"), N_("back to the counter") },
	{ ACT_UP, "line-up", NULL, N_("select the ticket above") },
	{ ACT_DOWN, "line-down", NULL, N_("select the ticket below") },
	{ 0, NULL, NULL, NULL },
};

static const struct ui_binding suspend_bindings[] = {
	{ UI_KEY_ENTER, ACT_RESUME },
	{ UI_KEY_ESC, ACT_BACK },
	{ UI_FN(KEY_UP), ACT_UP },
	{ UI_FN(KEY_DOWN), ACT_DOWN },
	{ 0, 0 },
};

static struct {
	struct app_suspended_info list[SUSPEND_LIST_MAX];
	size_t n, sel, top;
} ss;

extern const struct ui_screen ui_suspend_screen;

static int suspend_collect(const struct app_suspended_info *s, void *ctx)
{
	(void)ctx;
	if (ss.n == SUSPEND_LIST_MAX)
		return 1;
	ss.list[ss.n++] = *s;
	return 0;
}

static int suspend_confirm(struct ui *u, const char *text)
{
	(void)text;
	int64_t id = 0;
	char *err = NULL;
	ui_pop(u);
	if (app_ticket_suspend(u->app, &u->ticket, &id, &err) != APP_OK) {
		ui_message(u, UI_MSG_ERROR, "%s", err ? err : _("The ticket was not suspended"));
		free(err);
		return UI_REDRAW;
	}
	ui_new_ticket(u);
	ui_message(u, UI_MSG_INFO, _("Ticket suspended as %lld: F7 on an empty ticket resumes it"),
	           (long long)id);
	return UI_REDRAW;
}

int ui_suspend_open(struct ui *u)
{
	ui_message_clear(u);
	if (cart_count(&u->ticket.cart) > 0) {
		ui_prompt_open(u, _("Suspend"), _("Suspend this ticket? Enter: yes, Esc: no"), 3,
		               suspend_confirm);
		return UI_REDRAW;
	}
	char *err = NULL;
	ss.n = ss.sel = ss.top = 0;
	if (app_suspended_each(u->app, suspend_collect, NULL, &err) != APP_OK) {
		ui_message(u, UI_MSG_ERROR, "%s", err ? err : _("Cannot read suspended tickets"));
		free(err);
		return UI_REDRAW;
	}
	if (ss.n == 0) {
		ui_message(u, UI_MSG_INFO, "%s", _("No suspended tickets"));
		return UI_REDRAW;
	}
	ui_push(u, &ui_suspend_screen);
	return UI_REDRAW;
}

static int suspend_action(struct ui *u, int act)
{
	char *err = NULL;
	switch (act) {
	case ACT_RESUME: {
		int64_t id = ss.list[ss.sel].id;
		if (app_ticket_resume(u->app, id, &u->ticket, &err) != APP_OK) {
			ui_message(u, UI_MSG_ERROR, "%s", err ? err : _("The ticket was not resumed"));
			free(err);
			return UI_REDRAW;
		}
		ui_field_clear(&u->counter.code);
		u->counter.has_sel = 0;
		ui_message(u, UI_MSG_INFO, _("Ticket %lld resumed"), (long long)id);
		return UI_POP;
	}
	case ACT_UP:
		if (ss.sel > 0)
			ss.sel--;
		return UI_REDRAW;
	case ACT_DOWN:
		if (ss.sel + 1 < ss.n)
			ss.sel++;
		return UI_REDRAW;
	case ACT_BACK:
		ui_message_clear(u);
		return UI_POP;
	default:
		return UI_UNHANDLED;
	}
}

static void suspend_draw(struct ui *u)
{
	ui_draw_title(u, _("Suspended tickets"), NULL);
	int rows = LINES - 6;
	attron(A_BOLD);
	ui_print_right(1, 6, 6, _("No."));
	ui_print(1, 8, 16, _("Since"));
	ui_print(1, 26, 12, _("Till"));
	ui_print(1, 40, 12, _("Cashier"));
	ui_print(1, 54, COLS - 69, _("Customer"));
	ui_print_right(1, COLS - 1, 13, _("Total"));
	attroff(A_BOLD);
	if (ss.sel < ss.top)
		ss.top = ss.sel;
	if (rows > 0 && ss.sel >= ss.top + (size_t)rows)
		ss.top = ss.sel - (size_t)rows + 1;
	for (size_t i = ss.top; rows > 0 && i < ss.n && i < ss.top + (size_t)rows; i++) {
		const struct app_suspended_info *s = &ss.list[i];
		int y = 2 + (int)(i - ss.top);
		char id[24], when[32], total[48];
		time_t t = (time_t)s->created_at;
		struct tm tm;
		localtime_r(&t, &tm);
		strftime(when, sizeof when, "%d/%m %H:%M", &tm);
		snprintf(id, sizeof id, "%lld", (long long)s->id);
		ui_money(u, s->total, total, sizeof total);
		if (i == ss.sel)
			attron(A_REVERSE);
		ui_blank(y, 0, COLS);
		ui_print_right(y, 6, 6, id);
		ui_print(y, 8, 16, when);
		ui_print(y, 26, 12, s->terminal);
		ui_print(y, 40, 12, s->user);
		ui_print(y, 54, COLS - 69, s->customer_code[0] ? s->customer_code : "-");
		ui_print_right(y, COLS - 1, 13, total);
		attroff(A_REVERSE);
	}
	ui_draw_message(u, LINES - 3);
	u->cursor_y = -1;
	ui_draw_helpbar(u, &ui_suspend_screen);
}

const struct ui_screen ui_suspend_screen = {
	.name = "suspended",
	.actions = suspend_actions,
	.bindings = suspend_bindings,
	.draw = suspend_draw,
	.action = suspend_action,
};
