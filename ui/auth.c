/* Logging in on the screens (name, then PIN shown as stars; Esc quits) and a
 * supervisor's approval typed on the cashier's screen for one action that
 * the application layer refused for want of a right. */
#include "ui_int.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../src/app/auth.h"

static int auth_user_submit(struct ui *u, const char *name);

static int auth_quit(struct ui *u)
{
	(void)u;
	return UI_QUIT;
}

/* Esc during an approval: back to the ticket, nothing done. */
static int auth_approval_cancel(struct ui *u)
{
	u->auth.retry = NULL;
	ui_message(u, UI_MSG_INFO, "%s", _("Not approved: nothing was changed"));
	return UI_POP;
}

static void auth_open_user(struct ui *u)
{
	if (u->auth.approving) {
		ui_prompt_open(u, _("Supervisor approval"), _("Supervisor's user name (Esc: cancel):"),
		               sizeof u->auth.user - 1, auth_user_submit);
		ui_prompt_on_cancel(u, auth_approval_cancel);
	} else {
		ui_prompt_open(u, _("Log in"), _("User name:"), sizeof u->auth.user - 1,
		               auth_user_submit);
		ui_prompt_on_cancel(u, auth_quit);
	}
}

static int auth_pin_submit(struct ui *u, const char *pin)
{
	char *err = NULL;
	ui_pop(u);
	if (u->auth.approving) {
		int rc = app_approve(u->app, u->auth.user, pin, 0, &err);
		if (rc != APP_OK) {
			ui_message(u, UI_MSG_ERROR, "%s", err ? err : _("Not approved"));
			free(err);
			auth_open_user(u);
			return UI_REDRAW;
		}
		u->auth.approving = 0;
		int (*retry)(struct ui *) = u->auth.retry;
		u->auth.retry = NULL;
		ui_message_clear(u);
		return retry ? retry(u) : UI_REDRAW;
	}
	if (app_login(u->app, u->auth.user, pin, 0, &err) != APP_OK) {
		ui_message(u, UI_MSG_ERROR, "%s", err ? err : _("Wrong user or PIN"));
		free(err);
		auth_open_user(u);
		return UI_REDRAW;
	}
	if (u->scan.error[0])
		/* Said before the log-in; still true, and worth more than a greeting. */
		ui_message(u, UI_MSG_ERROR, "%s", u->scan.error);
	else
		ui_message(u, UI_MSG_INFO, _("Logged in: %s (%s)"), u->auth.user,
		           app_user_role(u->app));
	ui_print_offer(u);
	return UI_REDRAW;
}

/* Esc on the PIN: back to the name. */
static int auth_pin_cancel(struct ui *u)
{
	ui_pop(u);
	auth_open_user(u);
	return UI_REDRAW;
}

static int auth_user_submit(struct ui *u, const char *name)
{
	if (!name[0]) {
		ui_message(u, UI_MSG_ERROR, "%s", _("Type a user name"));
		return UI_REDRAW;
	}
	snprintf(u->auth.user, sizeof u->auth.user, "%s", name);
	snprintf(u->auth.label, sizeof u->auth.label, _("PIN of %s:"), u->auth.user);
	ui_pop(u);
	ui_prompt_open(u, u->auth.approving ? _("Supervisor approval") : _("Log in"), u->auth.label,
	               PIN_MAX, auth_pin_submit);
	ui_prompt_secret(u);
	ui_prompt_on_cancel(u, auth_pin_cancel);
	return UI_REDRAW;
}

void ui_login_open(struct ui *u)
{
	u->auth.approving = 0;
	auth_open_user(u);
}

void ui_approve_open(struct ui *u, const char *why, int (*retry)(struct ui *u))
{
	u->auth.approving = 1;
	u->auth.retry = retry;
	ui_message(u, UI_MSG_ERROR, "%s", why);
	auth_open_user(u);
}

int ui_denied_or_error(struct ui *u, int rc, char *err, const char *fallback,
                       int (*retry)(struct ui *u))
{
	const char *why = err ? err : fallback;
	if (rc == APP_DENIED)
		ui_approve_open(u, why, retry);
	else
		ui_message(u, UI_MSG_ERROR, "%s", why);
	free(err);
	return UI_REDRAW;
}
