/* The tender: what is due, the payments so far, cash rounding, what remains
 * and the change; cash by typing an amount (Enter alone: exact cash), card
 * with its slip reference, a payment QR code (UPI or bank transfer), split
 * between them; then the sale is committed with the ticket's idempotency
 * key, kept across retries. */
#include "ui_int.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum tender_action {
	ACT_CASH,
	ACT_CARD,
	ACT_QR,
	ACT_UNDO,
	ACT_BACK,
	ACT_SCAN,
};

static const struct ui_action tender_actions[] = {
	{ ACT_CASH, "cash", N_("Cash"), N_("cash: the amount typed, or exactly what remains") },
	{ ACT_CARD, "card", N_("Card"), N_("card: the amount typed, or what remains; asks for the slip reference") },
	{ ACT_QR, "qr-payment", N_("QR pay"),
	  N_("QR code to pay by phone, for the amount typed or the rest") },
	{ ACT_UNDO, "undo-payment", N_("Undo"), N_("remove the last payment") },
	{ ACT_BACK, "back", N_("Back"), N_("back to the ticket; the payments are dropped") },
	{ ACT_SCAN, "scan", NULL, N_("a scan is refused here: go back to the ticket to add it") },
	{ 0, NULL, NULL, NULL },
};

static const struct ui_binding tender_bindings[] = {
	{ UI_KEY_ENTER, ACT_CASH },
	{ UI_FN(KEY_F(10)), ACT_CASH },
	{ UI_FN(KEY_F(6)), ACT_CARD },
	{ UI_FN(KEY_F(7)), ACT_UNDO },
	{ UI_FN(KEY_F(8)), ACT_QR },
	{ UI_KEY_ESC, ACT_BACK },
	{ UI_KEY_SCAN, ACT_SCAN },
	{ 0, 0 },
};

/* A slip reference the core accepts, for trying an amount before the real
 * reference is asked for. */
#define TENDER_TRIAL_REF "-"

static int tender_decimals(const struct ui *u)
{
	return u->shop && u->shop->money ? u->shop->money->decimals : 2;
}

static void tender_enter(struct ui *u)
{
	struct ui_tender_state *ts = &u->tender;
	tender_init(&ts->t, u->ticket.cart.total_gross, u->shop ? u->shop->cash_step : 0);
	ui_field_init(&ts->amount, 20);
	ts->card_amount = 0;
}

/* The amount typed; 1 when there is one, 0 when the field is empty, -1 with a
 * message when it does not parse. */
static int tender_typed(struct ui *u, money_t *v)
{
	char text[UI_FIELD_MAX * 4 + 1];
	ui_field_text(&u->tender.amount, text, sizeof text);
	if (!text[0])
		return 0;
	int rc = money_parse(text, tender_decimals(u), v);
	if (rc < 0) {
		ui_message(u, UI_MSG_ERROR, _("Amount %s: %s"), text, _(money_strerror(rc)));
		return -1;
	}
	return 1;
}

static int tender_commit(struct ui *u)
{
	struct app_sale_result res;
	char *err = NULL, *text = NULL, *text_err = NULL;

	memset(&res, 0, sizeof res);
	/* What the commit says (a stock warning) stays for the receipt view. */
	ui_message_clear(u);
	if (app_ticket_commit(u->app, &u->ticket, &u->tender.t, NULL, &res, &err) < 0) {
		/* Nothing is lost: the cart, the payments and the key stay. */
		ui_message(u, UI_MSG_ERROR, _("The sale was not recorded: %s (Enter: try again)"),
		           err ? err : "?");
		free(err);
		return UI_REDRAW;
	}
	free(err);
	if (app_receipt_text(u->app, res.number, 0, &text, &text_err) < 0) {
		free(text);
		text = NULL;
	}
	ui_new_ticket(u);
	ui_receipt_open(u, &res, text, text_err);
	free(text_err);
	return UI_REDRAW;
}

static int tender_cash(struct ui *u)
{
	struct ui_tender_state *ts = &u->tender;
	struct tender_state st;
	money_t v = 0;

	tender_state(&ts->t, &st);
	if (st.complete)
		return tender_commit(u);
	int typed = tender_typed(u, &v);
	if (typed < 0)
		return UI_REDRAW;
	if (!typed)
		v = st.remaining;
	int rc = tender_add(&ts->t, PAY_CASH, v, NULL);
	if (rc < 0) {
		ui_message(u, UI_MSG_ERROR, "%s", _(tender_strerror(rc)));
		return UI_REDRAW;
	}
	ui_field_clear(&ts->amount);
	ui_message_clear(u);
	tender_state(&ts->t, &st);
	return st.complete ? tender_commit(u) : UI_REDRAW;
}

int ui_tender_pay(struct ui *u, enum pay_method m, money_t amount, const char *ref)
{
	struct ui_tender_state *ts = &u->tender;
	struct tender_state st;
	int rc = tender_add(&ts->t, m, amount, ref);
	if (rc < 0) {
		ui_message(u, UI_MSG_ERROR, "%s", _(tender_strerror(rc)));
		return UI_REDRAW;
	}
	ui_field_clear(&ts->amount);
	ui_message_clear(u);
	tender_state(&ts->t, &st);
	return st.complete ? tender_commit(u) : UI_REDRAW;
}

static int tender_card_submit(struct ui *u, const char *ref)
{
	if (!ref[0]) {
		ui_message(u, UI_MSG_ERROR, "%s", _(tender_strerror(TENDER_NEED_REF)));
		return UI_REDRAW;
	}
	ui_pop(u);
	return ui_tender_pay(u, PAY_CARD, u->tender.card_amount, ref);
}

/* The amount a payment other than cash takes: the one typed, else the
 * exact rest (cash rounding is for cash). 0, or -1 after a message. */
static int tender_noncash_amount(struct ui *u, money_t *v)
{
	struct tender_state st;
	tender_state(&u->tender.t, &st);
	if (st.complete) {
		ui_message(u, UI_MSG_ERROR, "%s", _(tender_strerror(TENDER_COMPLETE)));
		return -1;
	}
	int typed = tender_typed(u, v);
	if (typed < 0)
		return -1;
	if (!typed)
		*v = st.remaining_exact;
	return 0;
}

/* Whether the core would take this payment now: tried on a copy, so that
 * an amount it refuses is said before a reference is asked for. */
static int tender_trial(struct ui *u, enum pay_method m, money_t v)
{
	struct tender trial = u->tender.t;
	int rc = tender_add(&trial, m, v, TENDER_TRIAL_REF);
	if (rc < 0) {
		ui_message(u, UI_MSG_ERROR, "%s", _(tender_strerror(rc)));
		return 0;
	}
	return 1;
}

static int tender_qr(struct ui *u)
{
	char ref[16], *err = NULL;
	struct app_payqr *q = &u->payqr.q;
	money_t v = 0;
	if (tender_noncash_amount(u, &v) < 0)
		return UI_REDRAW;
	app_payqr_ref_for_key(u->ticket.key, ref, sizeof ref);
	/* A second QR payment on one ticket gets a reference of its own. */
	if (u->tender.t.n)
		snprintf(ref + strlen(ref), sizeof ref - strlen(ref), "-%zu", u->tender.t.n + 1);
	if (app_payqr(u->app, v, ref, NULL, q, &err) != APP_OK) {
		ui_message(u, UI_MSG_ERROR, _("No QR payment: %s"), err ? err : "?");
		free(err);
		return UI_REDRAW;
	}
	if (!tender_trial(u, q->method, v))
		return UI_REDRAW;
	ui_message_clear(u);
	ui_payqr_open(u, q);
	return UI_REDRAW;
}

static int tender_card(struct ui *u)
{
	money_t v = 0;
	if (tender_noncash_amount(u, &v) < 0 || !tender_trial(u, PAY_CARD, v))
		return UI_REDRAW;
	u->tender.card_amount = v;
	ui_message_clear(u);
	ui_prompt_open(u, _("Card"), _("Card slip reference:"), TENDER_REF_MAX, tender_card_submit);
	return UI_REDRAW;
}

static int tender_action(struct ui *u, int act)
{
	switch (act) {
	case ACT_CASH:
		return tender_cash(u);
	case ACT_CARD:
		return tender_card(u);
	case ACT_QR:
		return tender_qr(u);
	case ACT_UNDO:
		if (u->tender.t.n) {
			tender_undo(&u->tender.t);
			ui_message(u, UI_MSG_INFO, "%s", _("Last payment removed"));
		}
		return UI_REDRAW;
	case ACT_SCAN:
		ui_message(u, UI_MSG_ERROR, _("Scan %s not added: the payment is open (Esc: back to the ticket)"),
		           u->scan.text);
		return UI_REDRAW;
	case ACT_BACK:
		ui_message(u, UI_MSG_INFO, "%s",
		           u->tender.t.n ? _("Payment cancelled; the ticket is still open")
		                         : _("Back to the ticket"));
		return UI_POP;
	default:
		return UI_UNHANDLED;
	}
}

static int tender_key(struct ui *u, int key)
{
	return ui_field_key(&u->tender.amount, key) ? UI_REDRAW : UI_UNHANDLED;
}

static const char *tender_method_label(enum pay_method m)
{
	switch (m) {
	case PAY_CASH: return _("Cash");
	case PAY_CARD: return _("Card");
	case PAY_UPI: return _("UPI");
	case PAY_TRANSFER: return _("Bank transfer");
	default: return pay_method_name(m);
	}
}

/* One "label ........ amount" row; returns the next row. */
static int tender_row(struct ui *u, int y, const char *label, money_t v, int bold)
{
	char amount[48];
	int right = COLS < 60 ? COLS - 2 : 56;
	if (y >= LINES - 4)
		return y;
	ui_money(u, v, amount, sizeof amount);
	if (bold)
		attron(A_BOLD);
	ui_print(y, 4, right - 4 - 16, label);
	ui_print_right(y, right, 16, amount);
	attroff(A_BOLD);
	return y + 1;
}

static void tender_draw(struct ui *u)
{
	struct ui_tender_state *ts = &u->tender;
	struct tender_state st;
	char label[160];

	tender_state(&ts->t, &st);
	ui_draw_title(u, _("Payment"), u->ticket.has_customer ? u->ticket.customer.name : _("Walk-in"));
	int y = tender_row(u, 2, _("Total due"), ts->t.due, 1);
	y++;
	for (size_t i = 0; i < ts->t.n; i++) {
		const struct payment *p = &ts->t.pay[i];
		if (p->reference[0])
			snprintf(label, sizeof label, "%s (%s)", tender_method_label(p->method), p->reference);
		else
			snprintf(label, sizeof label, "%s", tender_method_label(p->method));
		y = tender_row(u, y, label, p->amount, 0);
	}
	if (ts->t.n)
		y++;
	if (st.rounding)
		y = tender_row(u, y, _("Cash rounding"), st.rounding, 0);
	y = tender_row(u, y, _("Remaining"), st.remaining, 1);
	if (st.change > 0)
		y = tender_row(u, y, _("Change"), st.change, 1);
	if (st.complete && y < LINES - 4)
		ui_print(y + 1, 4, COLS - 8, _("Paid in full: Enter records the sale"));

	mvhline(LINES - 4, 0, ACS_HLINE, COLS);
	ui_draw_message(u, LINES - 3);
	int x = 1 + ui_print(LINES - 2, 1, COLS / 2, _("Amount:"));
	ui_field_draw(u, &ts->amount, LINES - 2, x + 1, 24);
	ui_draw_helpbar(u, &ui_tender_screen);
}

const struct ui_screen ui_tender_screen = {
	.name = "tender",
	.actions = tender_actions,
	.bindings = tender_bindings,
	.enter = tender_enter,
	.draw = tender_draw,
	.action = tender_action,
	.key = tender_key,
};
