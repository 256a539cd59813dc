/* One key per step on the desk's selected document, each calling the
 * application layer as the command line does: show it, confirm a quote,
 * deliver an order (all that is open or the items typed), invoice it, take
 * a payment (amount, method) and credit an invoice. The message line says
 * the new document's number. */
#include "desk.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../src/app/documents.h"
#include "../src/app/shipping.h"
#include "../src/util/xalloc.h"

#define STEP_ITEMS_MAX 32

/* The selected document when it is of kind; else says what to select. */
static const struct app_desk_doc *step_doc(struct ui *u, const char *kind, const char *what)
{
	const struct app_desk_doc *doc = desk_selected(u);
	if (!doc || strcmp(doc->kind, kind) != 0) {
		ui_message(u, UI_MSG_ERROR, "%s", what);
		return NULL;
	}
	strlcpy_safe(desk_state()->doc, doc->number, sizeof desk_state()->doc);
	return doc;
}

static int64_t step_number(void)
{
	return strtoll(desk_state()->doc, NULL, 10);
}

/* A new document was made: the list again, with the document of kind and
 * number selected (the next step works on it). */
static void step_done(struct ui *u, const char *kind, const char *number)
{
	struct desk_state *d = desk_state();
	d->sel = 0;
	desk_refresh(u);
	for (size_t i = 0; i < d->ndocs; i++)
		if (strcmp(d->docs[i].kind, kind) == 0 && strcmp(d->docs[i].number, number) == 0) {
			d->sel = i;
			break;
		}
}

/* "CODE*QTY CODE ..." split in place into items; returns how many, or -1. */
static int step_items(struct ui *u, char *text, struct app_doc_item *it)
{
	int n = 0;
	for (char *tok = strtok(text, " "); tok; tok = strtok(NULL, " ")) {
		if (n >= STEP_ITEMS_MAX) {
			ui_message(u, UI_MSG_ERROR, _("At most %d items at once"), STEP_ITEMS_MAX);
			return -1;
		}
		char *star = strrchr(tok, '*');
		it[n].code = tok;
		it[n].qty = NULL;
		if (star) {
			*star = '\0';
			it[n].qty = star + 1;
		}
		n++;
	}
	return n;
}

static int step_fail(struct ui *u, int rc, char *err, int (*retry)(struct ui *u))
{
	return ui_denied_or_error(u, rc, err, _("Refused"), retry);
}

int desk_open_doc(struct ui *u)
{
	const struct app_desk_doc *doc = desk_selected(u);
	if (!doc) {
		ui_message(u, UI_MSG_ERROR, "%s", _("No document selected"));
		return UI_REDRAW;
	}
	char *text = NULL, *err = NULL, title[64];
	if (app_doc_show(u->app, doc->kind, doc->number, &text, &err) != APP_OK) {
		ui_message(u, UI_MSG_ERROR, "%s", err ? err : _("Cannot show the document"));
		free(err);
		return UI_REDRAW;
	}
	snprintf(title, sizeof title, "%s %s", doc->kind, doc->number);
	ui_message_clear(u);
	ui_textview_open(u, title, text);
	return UI_REDRAW;
}

static int step_confirm_run(struct ui *u)
{
	struct app_doc_result res;
	char *err = NULL, total[48];
	int rc = app_order_confirm(u->app, step_number(), &res, &err);
	if (rc != APP_OK)
		return step_fail(u, rc, err, step_confirm_run);
	ui_money(u, res.total, total, sizeof total);
	ui_message(u, UI_MSG_INFO, _("Order %s from quote %s, total %s"), res.number,
	           desk_state()->doc, total);
	step_done(u, "order", res.number);
	return UI_REDRAW;
}

int desk_step_confirm(struct ui *u)
{
	if (!step_doc(u, "quote", _("Select a quote to confirm as an order")))
		return UI_REDRAW;
	return step_confirm_run(u);
}

static int step_track_submit(struct ui *u, const char *text)
{
	struct desk_state *d = desk_state();
	char *err = NULL;
	if (!text[0]) {
		ui_message(u, UI_MSG_INFO, _("Delivery %s: no tracking number yet"), d->delivery);
		return UI_POP;
	}
	if (app_delivery_track(u->app, strtoll(d->delivery, NULL, 10), text, &err) != APP_OK) {
		ui_message(u, UI_MSG_ERROR, "%s", err ? err : _("Refused"));
		free(err);
		return UI_REDRAW;
	}
	ui_message(u, UI_MSG_INFO, _("Delivery %s goes by courier, tracking %s"), d->delivery, text);
	return UI_POP;
}

/* After a delivery of an order shipping by courier: its tracking number. */
static void step_ask_tracking(struct ui *u)
{
	struct app_doc_shipping sh;
	char *err = NULL;
	if (app_doc_shipping(u->app, "order", step_number(), &sh, &err) != APP_OK) {
		free(err);
		return;
	}
	if (strcmp(sh.method, "courier") != 0)
		return;
	ui_prompt_open(u, _("Courier"), _("Tracking number of the delivery (empty: later):"), 64,
	               step_track_submit);
}

static int step_deliver_submit(struct ui *u, const char *text)
{
	struct desk_state *d = desk_state();
	struct app_doc_item it[STEP_ITEMS_MAX];
	struct app_doc_result res;
	char *err = NULL;
	strlcpy_safe(d->items, text, sizeof d->items);
	int n = step_items(u, d->items, it);
	if (n < 0)
		return UI_REDRAW;
	int rc = app_deliver(u->app, step_number(), it, (size_t)n, &res, &err);
	if (rc != APP_OK) {
		ui_message(u, UI_MSG_ERROR, "%s", err ? err : _("Refused"));
		free(err);
		return UI_REDRAW;
	}
	ui_message(u, UI_MSG_INFO,
	           res.backorder ? _("Delivery %s of order %s; the rest stays on backorder")
	                         : _("Delivery %s of order %s; all delivered"),
	           res.number, d->doc);
	/* The order stays selected: F8 invoices what just went out. */
	step_done(u, "order", d->doc);
	strlcpy_safe(d->delivery, res.number, sizeof d->delivery);
	ui_pop(u);
	step_ask_tracking(u);
	return UI_REDRAW;
}

int desk_step_deliver(struct ui *u)
{
	if (!step_doc(u, "order", _("Select an order to deliver")))
		return UI_REDRAW;
	ui_message_clear(u);
	ui_prompt_open(u, _("Deliver"), _("Empty: all that is open; or items as CODE*QTY CODE*QTY"),
	               UI_FIELD_MAX, step_deliver_submit);
	return UI_REDRAW;
}

int desk_step_invoice(struct ui *u)
{
	if (!step_doc(u, "order", _("Select an order to invoice")))
		return UI_REDRAW;
	struct app_doc_result res;
	char *err = NULL, total[48];
	int rc = app_invoice(u->app, step_number(), &res, &err);
	if (rc != APP_OK)
		return step_fail(u, rc, err, NULL);
	ui_money(u, res.total, total, sizeof total);
	ui_message(u, UI_MSG_INFO, _("Invoice %s of order %s, total %s"), res.number,
	           desk_state()->doc, total);
	step_done(u, "invoice", res.number);
	return UI_REDRAW;
}

static int step_method_submit(struct ui *u, const char *text)
{
	struct desk_state *d = desk_state();
	struct app_pay_result res;
	money_t amount;
	char *err = NULL, al[48], un[48];
	if (money_parse(d->amount, 2, &amount) != MONEY_OK)
		return UI_POP;
	int rc = app_pay(u->app, d->cust.code, amount, d->doc[0] ? d->doc : NULL,
	                 text[0] ? text : NULL, &res, &err);
	if (rc != APP_OK) {
		ui_message(u, UI_MSG_ERROR, "%s", err ? err : _("The payment was not recorded"));
		free(err);
		return UI_REDRAW;
	}
	ui_money(u, res.allocated, al, sizeof al);
	ui_money(u, res.unallocated, un, sizeof un);
	ui_message(u, UI_MSG_INFO, _("Payment %lld: %s to invoices, %s in the customer's favour"),
	           (long long)res.number, al, un);
	desk_refresh(u);
	return UI_POP;
}

static int step_amount_submit(struct ui *u, const char *text)
{
	struct desk_state *d = desk_state();
	const struct app_desk_doc *doc = desk_selected(u);
	money_t amount;
	if (!text[0] && d->doc[0] && doc && doc->open > 0) {
		money_format(d->amount, sizeof d->amount, doc->open, &money_style_plain);
	} else {
		int rc = money_parse(text, 2, &amount);
		if (rc != MONEY_OK || amount <= 0) {
			ui_message(u, UI_MSG_ERROR, _("Bad amount '%s'"), text);
			return UI_REDRAW;
		}
		strlcpy_safe(d->amount, text, sizeof d->amount);
	}
	ui_pop(u);
	ui_prompt_open(u, _("Payment"), _("Method: cash, card, transfer, cheque, upi (empty: transfer)"),
	               16, step_method_submit);
	return UI_REDRAW;
}

int desk_step_pay(struct ui *u)
{
	struct desk_state *d = desk_state();
	const struct app_desk_doc *doc = desk_selected(u);
	static char label[160];
	d->doc[0] = '\0';
	if (doc && strcmp(doc->kind, "invoice") == 0 && doc->open > 0) {
		char open[48];
		strlcpy_safe(d->doc, doc->number, sizeof d->doc);
		ui_money(u, doc->open, open, sizeof open);
		snprintf(label, sizeof label, _("Amount to invoice %s (empty: %s open)"), doc->number,
		         open);
	} else {
		snprintf(label, sizeof label, "%s", _("Amount, to the oldest open invoices:"));
	}
	ui_message_clear(u);
	ui_prompt_open(u, _("Payment"), label, 20, step_amount_submit);
	return UI_REDRAW;
}

static int step_restock_submit(struct ui *u, const char *text)
{
	struct desk_state *d = desk_state();
	struct app_doc_item it[STEP_ITEMS_MAX];
	struct app_doc_result res;
	char *err = NULL, total[48];
	int restock;
	if (text[0] == 'y' || text[0] == 'Y' || text[0] == 'o' || text[0] == 'O')
		restock = 1;
	else if (text[0] == 'n' || text[0] == 'N')
		restock = 0;
	else {
		ui_message(u, UI_MSG_ERROR, "%s", _("Answer y or n"));
		return UI_REDRAW;
	}
	int n = step_items(u, d->items, it);
	if (n < 0)
		return UI_POP;
	int rc = app_credit_note(u->app, d->doc, it, (size_t)n, restock, &res, &err);
	if (rc != APP_OK) {
		ui_message(u, UI_MSG_ERROR, "%s", err ? err : _("Refused"));
		free(err);
		return UI_POP;
	}
	ui_money(u, res.total, total, sizeof total);
	ui_message(u, UI_MSG_INFO, _("Credit note %s against invoice %s, total %s"), res.number,
	           d->doc, total);
	step_done(u, "credit", res.number);
	return UI_POP;
}

static int step_credit_items_submit(struct ui *u, const char *text)
{
	strlcpy_safe(desk_state()->items, text, sizeof desk_state()->items);
	ui_pop(u);
	ui_prompt_open(u, _("Credit note"), _("Put the goods back in stock? (y/n)"), 3,
	               step_restock_submit);
	ui_prompt_no_scan(u);
	return UI_REDRAW;
}

int desk_step_credit(struct ui *u)
{
	if (!step_doc(u, "invoice", _("Select an invoice to credit")))
		return UI_REDRAW;
	ui_message_clear(u);
	ui_prompt_open(u, _("Credit note"),
	               _("Empty: all not credited yet; or items as CODE*QTY CODE*QTY"), UI_FIELD_MAX,
	               step_credit_items_submit);
	return UI_REDRAW;
}
