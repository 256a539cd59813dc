/* After a committed sale: "Ticket N — change X", a warning when the printer
 * failed (the sale stands), and the receipt text, scrollable. Any other key
 * goes on to the next ticket; a character typed goes into its code line. */
#include "ui_int.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../src/util/xalloc.h"

enum receipt_action {
	ACT_NEXT,
	ACT_UP,
	ACT_DOWN,
	ACT_PGUP,
	ACT_PGDN,
	ACT_HOME,
	ACT_END,
	ACT_RETRY,
	ACT_ELSEWHERE,
};

static const struct ui_action receipt_actions[] = {
	{ ACT_NEXT, "next-ticket", N_("Next ticket"), N_("start the next ticket (so does any other key)") },
	{ ACT_RETRY, "print-retry", N_("Print again"),
	  N_("print a receipt that failed, on its printer") },
	{ ACT_ELSEWHERE, "print-elsewhere", N_("Elsewhere"),
	  N_("print a receipt that failed on another printer") },
	{ ACT_UP, "up", NULL, N_("scroll the receipt up") },
	{ ACT_DOWN, "down", NULL, N_("scroll the receipt down") },
	{ ACT_PGUP, "page-up", NULL, N_("one page up") },
	{ ACT_PGDN, "page-down", NULL, N_("one page down") },
	{ ACT_HOME, "top", NULL, N_("the top of the receipt") },
	{ ACT_END, "bottom", NULL, N_("the end of the receipt") },
	{ 0, NULL, NULL, NULL },
};

static const struct ui_binding receipt_bindings[] = {
	{ UI_KEY_ENTER, ACT_NEXT },
	{ UI_FN(KEY_UP), ACT_UP },
	{ UI_FN(KEY_DOWN), ACT_DOWN },
	{ UI_FN(KEY_PPAGE), ACT_PGUP },
	{ UI_FN(KEY_NPAGE), ACT_PGDN },
	{ UI_FN(KEY_HOME), ACT_HOME },
	{ UI_FN(KEY_END), ACT_END },
	{ UI_FN(KEY_F(5)), ACT_RETRY },
	{ UI_FN(KEY_F(6)), ACT_ELSEWHERE },
	{ 0, 0 },
};

static int receipt_first_row(const struct ui *u)
{
	return u->receipt.warning[0] ? 3 : 2;
}

static int receipt_rows(const struct ui *u)
{
	int rows = LINES - 3 - receipt_first_row(u);
	return rows > 1 ? rows : 1;
}

static size_t receipt_nlines(const struct ui *u)
{
	size_t n = 0;
	const char *p = u->receipt.text;
	if (!p)
		return 0;
	for (; *p; p++)
		if (*p == '\n')
			n++;
	return p > u->receipt.text && p[-1] != '\n' ? n + 1 : n;
}

void ui_receipt_open(struct ui *u, const struct app_sale_result *res, char *text,
                     const char *text_error)
{
	struct ui_receipt_state *rs = &u->receipt;
	char change[48];
	free(rs->text);
	rs->text = text;
	rs->top = 0;
	rs->ticket = res->number;
	ui_money(u, res->change, change, sizeof change);
	snprintf(rs->title, sizeof rs->title, _("Ticket %lld — change %s"), (long long)res->number,
	         change);
	rs->warning[0] = '\0';
	if (res->print_status < 0)
		snprintf(rs->warning, sizeof rs->warning,
		         _("The sale is recorded; the receipt was not printed (F5 again, F6 "
		           "elsewhere): %s"),
		         res->print_error[0] ? res->print_error : "?");
	if (res->drawer_status < 0)
		ui_message(u, UI_MSG_ERROR, _("The cash drawer did not open: %s"), res->drawer_error);
	if (res->replayed)
		ui_message(u, UI_MSG_INFO, "%s", _("This sale had already been recorded: nothing new was written."));
	if (!text)
		ui_message(u, UI_MSG_ERROR, _("The receipt cannot be shown: %s"), text_error ? text_error : "?");
	ui_replace(u, &ui_receipt_screen);
}

static void receipt_scroll(struct ui *u, long delta)
{
	long max = (long)receipt_nlines(u) - receipt_rows(u);
	long top = (long)u->receipt.top + delta;
	if (top > max)
		top = max;
	if (top < 0)
		top = 0;
	u->receipt.top = (size_t)top;
}

static int receipt_action(struct ui *u, int act)
{
	int page = receipt_rows(u);
	switch (act) {
	case ACT_NEXT:
		ui_message_clear(u);
		return UI_POP;
	case ACT_UP: receipt_scroll(u, -1); break;
	case ACT_DOWN: receipt_scroll(u, 1); break;
	case ACT_PGUP: receipt_scroll(u, -page); break;
	case ACT_PGDN: receipt_scroll(u, page); break;
	case ACT_HOME: receipt_scroll(u, -(long)receipt_nlines(u)); break;
	case ACT_END: receipt_scroll(u, (long)receipt_nlines(u)); break;
	case ACT_RETRY: return ui_print_retry(u, NULL);
	case ACT_ELSEWHERE: return ui_print_elsewhere(u);
	default: return UI_UNHANDLED;
	}
	return UI_REDRAW;
}

static int receipt_key(struct ui *u, int key)
{
	/* The next scan may already be coming: keep what it types. */
	if (key == UI_FN(KEY_F(1)))
		return UI_UNHANDLED;
	ui_message_clear(u);
	if (key != UI_KEY_ESC)
		ui_field_key(&u->counter.code, key);
	return UI_POP;
}

static void receipt_draw(struct ui *u)
{
	struct ui_receipt_state *rs = &u->receipt;
	ui_draw_title(u, rs->title, NULL);
	if (rs->warning[0]) {
		attron(A_BOLD);
		ui_print(1, 1, COLS - 2, rs->warning);
		attroff(A_BOLD);
	}
	int width = u->shop && u->shop->receipt_width > 0 ? u->shop->receipt_width : 42;
	int x = COLS > width + 2 ? (COLS - width) / 2 : 1;
	int y = receipt_first_row(u), rows = receipt_rows(u);
	size_t n = 0;
	const char *p = rs->text;
	while (p && *p && y < receipt_first_row(u) + rows) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (n >= rs->top) {
			char *line = xmalloc(len + 1);
			memcpy(line, p, len);
			line[len] = '\0';
			ui_print(y, x, COLS - x - 1, line);
			free(line);
			y++;
		}
		n++;
		p = nl ? nl + 1 : p + len;
	}
	ui_draw_message(u, LINES - 3);
	ui_draw_helpbar(u, &ui_receipt_screen);
}

const struct ui_screen ui_receipt_screen = {
	.name = "receipt",
	.actions = receipt_actions,
	.bindings = receipt_bindings,
	.draw = receipt_draw,
	.action = receipt_action,
	.key = receipt_key,
};
