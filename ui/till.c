/* The till's shift on the counter screen (Ctrl-T): with no shift open on
 * this terminal it asks the float counted and opens one; with one open it
 * shows the X report. Cash moves and the counted close stay on the command
 * line (comptoir shift cash, shift close). */
#include "ui_int.h"
#include <stdio.h>
#include <stdlib.h>
#include "../src/app/closing.h"

static int till_open_float(struct ui *u, const char *text)
{
	money_t v;
	int rc = money_parse(text, 2, &v);
	if (rc != MONEY_OK || v < 0) {
		ui_message(u, UI_MSG_ERROR, "%s", _("Type the cash counted in the drawer, e.g. 150"));
		return UI_REDRAW;
	}
	ui_pop(u);
	struct app_shift_report r;
	char *err = NULL;
	if (app_shift_open(u->app, v, &r, &err) != APP_OK) {
		ui_message(u, UI_MSG_ERROR, "%s", err ? err : _("The shift was not opened"));
		free(err);
		return UI_REDRAW;
	}
	char m[48];
	ui_money(u, v, m, sizeof m);
	ui_message(u, UI_MSG_INFO, _("Shift %lld open with a float of %s"), (long long)r.id, m);
	return UI_REDRAW;
}

int ui_till(struct ui *u)
{
	struct app_shift_report r;
	char *err = NULL;
	if (!app_shift_current(u->app)) {
		ui_prompt_open(u, _("Open the shift"), _("Cash counted in the drawer (the float):"), 16,
		               till_open_float);
		return UI_REDRAW;
	}
	int rc = app_shift_x(u->app, 0, &r, &err);
	if (rc != APP_OK)
		return ui_denied_or_error(u, rc, err, _("No X report"), ui_till);
	char title[64];
	snprintf(title, sizeof title, _("X report, shift %lld"), (long long)r.id);
	ui_message_clear(u);
	ui_textview_open(u, title, app_shift_report_text(&r, 0));
	return UI_REDRAW;
}
