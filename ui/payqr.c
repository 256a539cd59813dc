/* The QR payment over the tender: the payment QR code for the amount, drawn
 * with half blocks beside the amount and the payee; once the customer's app
 * shows it paid, the cashier types its reference and the payment is
 * recorded (UPI or bank transfer). It can go to the receipt printer instead,
 * when the terminal is too small or cannot draw it. Esc records nothing. */
#include "ui_int.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../src/core/text.h"
#include "../src/util/charset.h"
#include "../src/util/xalloc.h"

enum payqr_action {
	ACT_PAID,
	ACT_PRINT,
	ACT_INVERT,
	ACT_CANCEL,
};

static const struct ui_action payqr_actions[] = {
	{ ACT_PAID, "paid", N_("Paid"),
	  N_("the customer's app shows it paid: type its reference") },
	{ ACT_PRINT, "print-qr", N_("Print"), N_("print the QR code on the receipt printer") },
	{ ACT_INVERT, "invert-qr", N_("Invert"),
	  N_("swap dark and light in the QR code (for a light screen)") },
	{ ACT_CANCEL, "cancel", N_("Cancel"), N_("back to the payment; nothing is recorded") },
	{ 0, NULL, NULL, NULL },
};

static const struct ui_binding payqr_bindings[] = {
	{ UI_KEY_ENTER, ACT_PAID },
	{ UI_FN(KEY_F(9)), ACT_PRINT },
	{ UI_FN(KEY_F(5)), ACT_INVERT },
	{ UI_KEY_ESC, ACT_CANCEL },
	{ 0, 0 },
};

/* Columns kept right of the QR code for the amount and the payee. */
#define PAYQR_PANEL_MIN 26

void ui_payqr_open(struct ui *u, const struct app_payqr *q)
{
	struct ui_payqr_state *ps = &u->payqr;
	if (q != &ps->q)
		ps->q = *q;
	ps->dirty = 1;
	ui_push(u, &ui_payqr_screen);
}

/* Makes the half-block text again when the terminal changed size or the
 * colours were swapped; leaves it "" when the code does not fit. */
static void payqr_make(struct ui *u)
{
	struct ui_payqr_state *ps = &u->payqr;
	if (!ps->dirty && ps->made_cols == COLS && ps->made_lines == LINES)
		return;
	ps->dirty = 0;
	ps->made_cols = COLS;
	ps->made_lines = LINES;
	ps->text[0] = '\0';
	char *text = NULL, *err = NULL;
	if (app_payqr_text(&ps->q, !ps->dark, COLS - PAYQR_PANEL_MIN, LINES - 1, &text, &ps->cols,
	                   &ps->lines, &err) == APP_OK && strlen(text) < sizeof ps->text)
		memcpy(ps->text, text, strlen(text) + 1);
	free(text);
	free(err);
}

/* Words of text within w columns from row y up to y_end; returns the next
 * row. A word wider than w is cut. */
static int payqr_wrap(int y, int x, int w, int y_end, const char *text)
{
	char line[512];
	const char *p = text;
	while (*p == ' ')
		p++;
	while (*p && y < y_end && w > 0) {
		size_t fit = 0, next = 0;
		for (;;) {
			while (p[next] == ' ')
				next++;
			if (!p[next])
				break;
			while (p[next] && p[next] != ' ')
				next++;
			if (next >= sizeof line)
				break;
			memcpy(line, p, next);
			line[next] = '\0';
			if (ui_text_width(line) > w)
				break;
			fit = next;
		}
		if (!fit)
			fit = utf8_prefix_for_width(p, (size_t)w);
		if (!fit || fit >= sizeof line)
			break;
		memcpy(line, p, fit);
		line[fit] = '\0';
		ui_print(y++, x, w, line);
		p += fit;
		while (*p == ' ')
			p++;
	}
	return y;
}

static void payqr_draw_code(const char *text)
{
	int y = 0;
	for (const char *p = text; *p && y < LINES - 1; y++) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char *line = xmalloc(n + 1);
		memcpy(line, p, n);
		line[n] = '\0';
		ui_print(y, 0, COLS, line);
		free(line);
		p = nl ? nl + 1 : p + n;
	}
}

static void payqr_draw(struct ui *u)
{
	struct ui_payqr_state *ps = &u->payqr;
	char amount[64], line[200];
	int utf8 = charset_locale_is_utf8();
	if (utf8)
		payqr_make(u);
	int shown = utf8 && ps->text[0];
	int x = shown ? ps->cols + 2 : 1;
	int w = COLS - x - 1, y = 0, end = LINES - 3;
	if (shown)
		payqr_draw_code(ps->text);
	attron(A_BOLD);
	ui_print(y++, x, w, ps->q.method == PAY_UPI ? _("QR payment: UPI")
	                                              : _("QR payment: bank transfer"));
	y++;
	ui_money(u, ps->q.amount, amount, sizeof amount);
	ui_print(y++, x, w, amount);
	attroff(A_BOLD);
	y++;
	y = payqr_wrap(y, x, w, end, ps->q.payee);
	y = payqr_wrap(y, x, w, end, ps->q.account);
	if (ps->q.reference[0]) {
		snprintf(line, sizeof line, _("Ref. %s"), ps->q.reference);
		ui_print(y++, x, w, line);
	}
	y++;
	if (shown)
		snprintf(line, sizeof line, "%s",
		         _("The customer scans the code. When their app shows it paid: Enter, "
		           "then its reference."));
	else if (!utf8)
		snprintf(line, sizeof line, "%s",
		         _("This terminal cannot draw the QR code (it does not use UTF-8): "
		           "F9 prints it on the receipt printer."));
	else
		snprintf(line, sizeof line,
		         _("The terminal is too small for the QR code (it needs %dx%d): "
		           "F9 prints it on the receipt printer."),
		         ps->cols + PAYQR_PANEL_MIN, ps->lines + 1);
	payqr_wrap(y, x, w, end, line);
	if (u->msg[0]) {
		if (u->msg_kind == UI_MSG_ERROR)
			attron(A_BOLD);
		payqr_wrap(end, x, w, LINES - 1, u->msg);
		attroff(A_BOLD);
	}
	ui_draw_helpbar(u, &ui_payqr_screen);
}

static int payqr_submit(struct ui *u, const char *ref)
{
	if (!ref[0]) {
		ui_message(u, UI_MSG_ERROR, "%s", _(tender_strerror(TENDER_NEED_REF)));
		return UI_REDRAW;
	}
	ui_pop(u);   /* the prompt */
	ui_pop(u);   /* the QR code */
	return ui_tender_pay(u, u->payqr.q.method, u->payqr.q.amount, ref);
}

static int payqr_action(struct ui *u, int act)
{
	struct ui_payqr_state *ps = &u->payqr;
	char *err = NULL;
	switch (act) {
	case ACT_PAID:
		ui_message_clear(u);
		ui_prompt_open(u, _("QR payment"),
		               ps->q.method == PAY_UPI ? _("UPI reference (UTR) on the customer's phone:")
		                                       : _("Transfer reference or note:"),
		               TENDER_REF_MAX, payqr_submit);
		return UI_REDRAW;
	case ACT_PRINT:
		if (app_payqr_print(u->app, &ps->q, &err) == APP_OK)
			ui_message(u, UI_MSG_INFO, "%s", _("QR code sent to the receipt printer"));
		else
			ui_message(u, UI_MSG_ERROR, _("The QR code was not printed: %s"), err ? err : "?");
		free(err);
		return UI_REDRAW;
	case ACT_INVERT:
		ps->dark = !ps->dark;
		ps->dirty = 1;
		return UI_REDRAW;
	case ACT_CANCEL:
		ui_message(u, UI_MSG_INFO, "%s", _("QR payment cancelled: nothing was recorded"));
		return UI_POP;
	default:
		return UI_UNHANDLED;
	}
}

const struct ui_screen ui_payqr_screen = {
	.name = "payqr",
	.actions = payqr_actions,
	.bindings = payqr_bindings,
	.draw = payqr_draw,
	.action = payqr_action,
};
