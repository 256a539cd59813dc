/* What a cashier does by right on the counter: a manual unit price with a
 * reason (F5), a line discount (F9; a reason above the shop's threshold),
 * and the waiver of a customer's list minimum or multiple (F10 twice). The
 * application layer checks the right; when it is missing, a supervisor's
 * name and PIN approve this one action and it runs again. */
#include "ui_int.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *manual_item_name(const struct ui *u)
{
	return u->ticket.cart.lines[u->auth.line].item.name;
}

static int manual_line_ok(struct ui *u)
{
	return u->auth.line < u->ticket.cart.n && !u->ticket.cart.lines[u->auth.line].voided;
}

/* Runs the manual price with what was typed; again after an approval. */
static int manual_override_do(struct ui *u)
{
	if (!manual_line_ok(u))
		return UI_REDRAW;
	char *err = NULL;
	int rc = app_ticket_override(u->app, &u->ticket, u->auth.line, u->auth.value, u->auth.reason,
	                             &err);
	if (rc != APP_OK)
		return ui_denied_or_error(u, rc, err, _("The price was not changed"),
		                          manual_override_do);
	ui_message(u, UI_MSG_INFO, _("Manual price for %s: %s"), manual_item_name(u), u->auth.reason);
	return UI_REDRAW;
}

static int manual_override_reason(struct ui *u, const char *text)
{
	snprintf(u->auth.reason, sizeof u->auth.reason, "%s", text);
	ui_pop(u);
	return manual_override_do(u);
}

static int manual_override_price(struct ui *u, const char *text)
{
	if (!text[0]) {
		ui_message(u, UI_MSG_ERROR, "%s", _("Type the new unit price"));
		return UI_REDRAW;
	}
	snprintf(u->auth.value, sizeof u->auth.value, "%s", text);
	ui_pop(u);
	ui_prompt_open(u, _("Manual price"), _("Reason (it goes in the journal):"), APP_REASON_MAX,
	               manual_override_reason);
	return UI_REDRAW;
}

int ui_counter_override(struct ui *u, size_t line)
{
	u->auth.line = line;
	snprintf(u->auth.label, sizeof u->auth.label, _("New unit price of %s:"),
	         manual_item_name(u));
	ui_prompt_open(u, _("Manual price"), u->auth.label, 16, manual_override_price);
	return UI_REDRAW;
}

static int manual_discount_do(struct ui *u)
{
	if (!manual_line_ok(u))
		return UI_REDRAW;
	char *err = NULL;
	int rc = app_ticket_discount(u->app, &u->ticket, u->auth.line, u->auth.value,
	                             u->auth.reason[0] ? u->auth.reason : NULL, &err);
	if (rc != APP_OK)
		return ui_denied_or_error(u, rc, err, _("The discount was not given"),
		                          manual_discount_do);
	ui_message(u, UI_MSG_INFO, _("Discount %s %% on %s"), u->auth.value, manual_item_name(u));
	return UI_REDRAW;
}

static int manual_discount_reason(struct ui *u, const char *text)
{
	snprintf(u->auth.reason, sizeof u->auth.reason, "%s", text);
	ui_pop(u);
	return manual_discount_do(u);
}

static int manual_discount_pct(struct ui *u, const char *text)
{
	int64_t pct;
	if (decimal_parse(text, 2, 10000, &pct) != MONEY_OK || pct < 0) {
		ui_message(u, UI_MSG_ERROR, "%s", _("Type a percentage from 0 to 100"));
		return UI_REDRAW;
	}
	snprintf(u->auth.value, sizeof u->auth.value, "%s", text);
	u->auth.reason[0] = '\0';
	ui_pop(u);
	if (pct > u->shop->discount_limit) {
		ui_prompt_open(u, _("Discount"), _("Reason for a discount this large:"),
		               APP_REASON_MAX, manual_discount_reason);
		return UI_REDRAW;
	}
	return manual_discount_do(u);
}

int ui_counter_discount(struct ui *u, size_t line)
{
	u->auth.line = line;
	snprintf(u->auth.label, sizeof u->auth.label, _("Discount in %% on %s:"),
	         manual_item_name(u));
	ui_prompt_open(u, _("Discount"), u->auth.label, 6, manual_discount_pct);
	return UI_REDRAW;
}

static int manual_waive_do(struct ui *u)
{
	char *err = NULL;
	int rc = app_ticket_waive_rules(u->app, &u->ticket, u->auth.reason, &err);
	if (rc != APP_OK)
		return ui_denied_or_error(u, rc, err, _("The rule was not waived"), manual_waive_do);
	ui_message(u, UI_MSG_INFO, "%s", _("The list's rules are waived for this ticket: F10 to pay"));
	return UI_REDRAW;
}

static int manual_waive_reason(struct ui *u, const char *text)
{
	snprintf(u->auth.reason, sizeof u->auth.reason, "%s", text);
	ui_pop(u);
	return manual_waive_do(u);
}

int ui_counter_waive(struct ui *u)
{
	ui_prompt_open(u, _("Waive the list's rule"), _("Reason (it goes in the journal):"),
	               APP_REASON_MAX, manual_waive_reason);
	return UI_REDRAW;
}
