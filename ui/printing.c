/* The receipt printer and the drawer on the screens: at the start, the
 * receipts of this till that never printed (a crash or a printer failure)
 * are offered, not printed unasked, to the till's printer as configured
 * now; after a sale whose receipt failed, F5
 * retries and F6 sends it to another printer; Ctrl-O opens the drawer
 * without a sale, by right and with a reason. */
#include "ui_int.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../src/app/printing.h"

#define PRINT_OFFER_MAX 64

struct print_offer {
	int64_t ids[PRINT_OFFER_MAX];
	int n;
	char tickets[120];
};

static int print_offer_collect(const struct app_print_job_info *j, void *ctx)
{
	struct print_offer *o = ctx;
	size_t len = strlen(o->tickets);
	if (o->n < 6)
		snprintf(o->tickets + len, sizeof o->tickets - len, "%s%lld", o->n ? ", " : "",
		         (long long)j->ticket);
	else if (o->n == 6)
		snprintf(o->tickets + len, sizeof o->tickets - len, "%s", ", ...");
	if (o->n < PRINT_OFFER_MAX)
		o->ids[o->n] = j->id;
	o->n++;
	return o->n >= PRINT_OFFER_MAX;
}

static int print_offer_accept(struct ui *u, const char *text)
{
	(void)text;
	struct print_offer o = { .n = 0 };
	char *err = NULL;
	ui_pop(u);
	if (app_print_jobs_pending(u->app, 0, print_offer_collect, &o, &err) != APP_OK) {
		ui_message(u, UI_MSG_ERROR, "%s", err ? err : "?");
		free(err);
		return UI_REDRAW;
	}
	int printed = 0;
	for (int i = 0; i < o.n && i < PRINT_OFFER_MAX; i++) {
		if (app_print_job(u->app, o.ids[i], u->shop->printer[0] ? u->shop->printer : NULL,
		                  &err) == APP_OK) {
			printed++;
		} else {
			ui_message(u, UI_MSG_ERROR, _("Not printed: %s"), err ? err : "?");
			free(err);
			return UI_REDRAW;
		}
		free(err);
		err = NULL;
	}
	ui_message(u, UI_MSG_INFO, ngettext("%d receipt printed", "%d receipts printed",
	                                    (unsigned long)printed), printed);
	return UI_REDRAW;
}

static int print_offer_later(struct ui *u)
{
	ui_message(u, UI_MSG_INFO, "%s",
	           _("The receipts wait: comptoir print-jobs lists and prints them"));
	return UI_POP;
}

void ui_print_offer(struct ui *u)
{
	char problem[200];
	if (app_printer_problem(u->app, problem, sizeof problem))
		ui_message(u, UI_MSG_ERROR, "%s", problem);
	struct print_offer o = { .n = 0 };
	if (app_print_jobs_pending(u->app, 0, print_offer_collect, &o, NULL) != APP_OK || !o.n)
		return;
	snprintf(u->auth.label, sizeof u->auth.label,
	         _("Receipts of tickets never printed: %s. Enter prints them, Esc leaves them."),
	         o.tickets);
	ui_prompt_open(u, _("Receipts to print"), u->auth.label, 1, print_offer_accept);
	ui_prompt_on_cancel(u, print_offer_later);
	ui_prompt_no_scan(u);
}

int ui_print_retry(struct ui *u, const char *uri)
{
	int64_t job = app_print_job_pending_of(u->app, u->receipt.ticket);
	if (!job) {
		ui_message(u, UI_MSG_INFO, "%s", _("This receipt has no print waiting"));
		return UI_REDRAW;
	}
	char *err = NULL;
	if (!uri && u->shop->printer[0])
		uri = u->shop->printer;
	if (app_print_job(u->app, job, uri, &err) != APP_OK) {
		ui_message(u, UI_MSG_ERROR, _("Still not printed: %s"), err ? err : "?");
		free(err);
		return UI_REDRAW;
	}
	u->receipt.warning[0] = '\0';
	ui_message(u, UI_MSG_INFO, "%s", _("The receipt is printed"));
	return UI_REDRAW;
}

static int print_elsewhere_submit(struct ui *u, const char *uri)
{
	char *err = NULL;
	if (app_printer_check(uri, &err) != APP_OK) {
		ui_message(u, UI_MSG_ERROR, "%s", err ? err : "?");
		free(err);
		return UI_REDRAW;
	}
	ui_pop(u);
	return ui_print_retry(u, uri);
}

int ui_print_elsewhere(struct ui *u)
{
	ui_prompt_open(u, _("Print elsewhere"), _("Printer URI (usb:..., tcp:HOST, dev:..., file:...):"),
	               UI_FIELD_MAX, print_elsewhere_submit);
	return UI_REDRAW;
}

static int no_sale_do(struct ui *u)
{
	char *err = NULL;
	int rc = app_no_sale(u->app, u->auth.reason, &err);
	if (rc != APP_OK)
		return ui_denied_or_error(u, rc, err, _("The drawer was not opened"), no_sale_do);
	ui_message(u, UI_MSG_INFO, "%s", _("Drawer opened (no sale, recorded)"));
	return UI_REDRAW;
}

static int no_sale_reason(struct ui *u, const char *text)
{
	snprintf(u->auth.reason, sizeof u->auth.reason, "%s", text);
	ui_pop(u);
	return no_sale_do(u);
}

int ui_no_sale(struct ui *u)
{
	ui_prompt_open(u, _("Open the drawer (no sale)"), _("Reason (it goes in the journal):"),
	               APP_NO_SALE_REASON, no_sale_reason);
	return UI_REDRAW;
}
