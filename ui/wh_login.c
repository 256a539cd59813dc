/* Logging in on a handheld (name, then the PIN as stars; the checks and
 * the lock-out after wrong PINs are the application's), then taking up
 * where this user stopped: the saved flow, step and document. */
#include "wh.h"
#include <stdio.h>
#include <string.h>
#include "../src/app/auth.h"

/* After the log-in: where this user stopped, if anywhere. */
void wh_resume(struct ui *u)
{
	struct ui_wh *w = u->wh;
	char *err = NULL;
	if (app_handheld_load(u->app, &w->s, &err) != APP_OK) {
		wh_error(u, err, _("Cannot read"));
		memset(&w->s, 0, sizeof w->s);
		return;
	}
	const struct wh_flow *f = wh_flow_find(w->s.flow);
	if (!f) {
		memset(&w->s, 0, sizeof w->s);
		return;
	}
	wh_open(u, f);
	if (w->flow)
		ui_message(u, UI_MSG_INFO, "%s", _("Resumed"));
}

int wh_login_submit(struct ui *u, const char *text)
{
	struct ui_wh *w = u->wh;
	char *err = NULL;
	if (w->login_step == 0) {
		if (!text[0]) {
			ui_message(u, UI_MSG_ERROR, "%s", _("Type a user name"));
			return UI_REDRAW;
		}
		snprintf(w->user, sizeof w->user, "%s", text);
		w->login_step = 1;
		ui_field_init(&w->field, PIN_MAX);
		ui_message_clear(u);
		return UI_REDRAW;
	}
	ui_field_init(&w->field, UI_FIELD_MAX);
	if (app_login(u->app, w->user, text, 0, &err) != APP_OK) {
		w->login_step = 0;
		return wh_error(u, err, _("Wrong user or PIN"));
	}
	w->login_step = 2;
	ui_message_clear(u);
	wh_resume(u);
	return UI_REDRAW;
}

void wh_view_login(struct ui *u, struct wh_view *v)
{
	struct ui_wh *w = u->wh;
	snprintf(v->title, sizeof v->title, "%s", _("Log in"));
	snprintf(v->ctx[0], sizeof v->ctx[0], "%s", u->shop->name);
	if (w->login_step == 0) {
		snprintf(v->label, sizeof v->label, "%s", _("User:"));
		snprintf(v->hint, sizeof v->hint, "%s", _("Esc:quit"));
	} else {
		snprintf(v->ctx[1], sizeof v->ctx[1], "%s", w->user);
		snprintf(v->label, sizeof v->label, "%s", _("PIN:"));
		snprintf(v->hint, sizeof v->hint, "%s", _("Esc:back"));
		v->secret = 1;
	}
}
