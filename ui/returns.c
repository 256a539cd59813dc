/* F6 on the counter: a return. The cashier scans the receipt's barcode or
 * types the ticket number (empty: a return without a ticket), picks lines
 * and quantities, the refund (original tender, cash, card, store credit)
 * and stock or write-off; when the right is missing, a supervisor types
 * their name and PIN here to approve this one return. The session has one
 * return screen, so its state lives in this file. */
#include "ui_int.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../src/app/auth.h"
#include "../src/app/returns.h"
#include "../src/util/xalloc.h"

enum returns_action {
	ACT_ADD,
	ACT_UP,
	ACT_DOWN,
	ACT_ALL,
	ACT_REFUND_TO,
	ACT_WRITEOFF,
	ACT_COMMIT,
	ACT_BACK,
	ACT_SCAN,
};

static const struct ui_action returns_actions[] = {
	{ ACT_ALL, "return-all", N_("All"), N_("return everything still returnable") },
	{ ACT_WRITEOFF, "writeoff", N_("Stock"), N_("goods back to stock, or written off") },
	{ ACT_REFUND_TO, "refund-to", N_("Refund"), N_("refund to: the original tender, cash, "
	                                              "card, store credit") },
	{ ACT_COMMIT, "commit", N_("Done"), N_("record the return and refund") },
	{ ACT_BACK, "back", N_("Back"), N_("leave without recording anything") },
	{ ACT_ADD, "add", NULL, N_("CODE or N*CODE returns N of it; N* sets the selected line") },
	{ ACT_SCAN, "scan", NULL, N_("a scanned code returns one of it (N* before it: N)") },
	{ ACT_UP, "line-up", NULL, N_("select the line above") },
	{ ACT_DOWN, "line-down", NULL, N_("select the line below") },
	{ 0, NULL, NULL, NULL },
};

static const struct ui_binding returns_bindings[] = {
	{ UI_FN(KEY_F(5)), ACT_ALL },
	{ UI_FN(KEY_F(8)), ACT_WRITEOFF },
	{ UI_FN(KEY_F(9)), ACT_REFUND_TO },
	{ UI_FN(KEY_F(10)), ACT_COMMIT },
	{ UI_KEY_ESC, ACT_BACK },
	{ UI_KEY_ENTER, ACT_ADD },
	{ UI_KEY_SCAN, ACT_SCAN },
	{ UI_FN(KEY_UP), ACT_UP },
	{ UI_FN(KEY_DOWN), ACT_DOWN },
	{ 0, 0 },
};

/* What the input line is asking for. */
enum returns_mode { MODE_PICK, MODE_CARD_REF };

static struct {
	struct app_return r;
	int open;
	struct app_refund how;
	struct ui_field field;
	enum returns_mode mode;
	size_t sel, top;
} rs;

extern const struct ui_screen ui_returns_screen;

static void returns_close(struct ui *u)
{
	if (rs.open)
		app_return_release(&rs.r);
	rs.open = 0;
	app_require_done(u->app);
}

static int returns_ticket_submit(struct ui *u, const char *text)
{
	char *err = NULL;
	returns_close(u);
	memset(&rs.how, 0, sizeof rs.how);
	if (!text[0]) {
		app_return_open_free(u->app, &rs.r);
	} else if (app_return_open(u->app, text, &rs.r, &err) != APP_OK) {
		ui_message(u, UI_MSG_ERROR, "%s", err ? err : _("No such ticket"));
		free(err);
		return UI_REDRAW;
	}
	rs.open = 1;
	rs.sel = rs.top = 0;
	rs.mode = MODE_PICK;
	ui_field_init(&rs.field, UI_FIELD_MAX);
	ui_message_clear(u);
	ui_pop(u);
	ui_push(u, &ui_returns_screen);
	return UI_REDRAW;
}

int ui_returns_open(struct ui *u)
{
	ui_message_clear(u);
	ui_prompt_open(u, _("Return"), _("Scan or type the ticket number (empty: no ticket):"), 20,
	               returns_ticket_submit);
	return UI_REDRAW;
}

static const char *returns_refund_label(enum app_refund_to to)
{
	switch (to) {
	case APP_REFUND_CASH: return _("cash");
	case APP_REFUND_CARD: return _("card");
	case APP_REFUND_CREDIT: return _("store credit");
	default: return _("original tender");
	}
}

static int returns_error(struct ui *u, char *err, const char *fallback)
{
	ui_message(u, UI_MSG_ERROR, "%s", err ? err : fallback);
	free(err);
	return UI_REDRAW;
}

/* "CODE", "N*CODE" or "N*" (the selected line's quantity; 0* clears it). */
static int returns_submit(struct ui *u, const char *line)
{
	char qty[32];
	const char *star = strchr(line, '*');
	char *err = NULL;
	if (!line[0])
		return UI_REDRAW;
	if (star) {
		size_t ql = (size_t)(star - line);
		if (ql == 0 || ql >= sizeof qty) {
			ui_message(u, UI_MSG_ERROR, "%s", _("Type the quantity before the *, e.g. 3*CODE"));
			return UI_REDRAW;
		}
		memcpy(qty, line, ql);
		qty[ql] = '\0';
		line = star + 1;
	}
	if (!line[0]) {
		if (!star || rs.sel >= rs.r.n)
			return UI_REDRAW;
		if (app_return_set_qty(u->app, &rs.r, rs.sel, qty, &err) != APP_OK)
			return returns_error(u, err, _("Quantity refused"));
		return UI_REDRAW;
	}
	if (app_return_pick(u->app, &rs.r, line, star ? qty : NULL, &err) != APP_OK)
		return returns_error(u, err, _("Unknown code"));
	if (!rs.r.original && rs.r.n)
		rs.sel = rs.r.n - 1;
	return UI_REDRAW;
}

static enum right returns_right(void)
{
	return rs.r.original ? RIGHT_REFUND : RIGHT_RETURN_NO_TICKET;
}

static int returns_commit(struct ui *u)
{
	char *err = NULL;
	if (rs.r.total <= 0) {
		ui_message(u, UI_MSG_ERROR, "%s", _("Nothing to return: choose lines and quantities"));
		return UI_REDRAW;
	}
	int rq = app_require(u->app, returns_right(), &err);
	if (rq != APP_OK)
		return ui_denied_or_error(u, rq, err, _("This return needs a supervisor"),
		                          returns_commit);
	if (rs.how.to == APP_REFUND_CARD && rs.mode != MODE_CARD_REF && !rs.how.reference[0]) {
		rs.mode = MODE_CARD_REF;
		ui_field_init(&rs.field, 64);
		ui_message(u, UI_MSG_INFO, "%s", _("Card refund: type the slip reference"));
		return UI_REDRAW;
	}
	struct app_return_result res;
	if (app_return_commit(u->app, &rs.r, &rs.how, &res, &err) != APP_OK) {
		rs.mode = MODE_PICK;
		return returns_error(u, err, _("The return was not recorded"));
	}
	struct app_sale_result sr;
	memset(&sr, 0, sizeof sr);
	sr.number = res.number;
	sr.total = res.total;
	sr.replayed = res.replayed;
	sr.print_status = res.print_status;
	memcpy(sr.print_error, res.print_error, sizeof sr.print_error);
	char *text = NULL, *terr = NULL;
	app_receipt_text(u->app, res.number, 0, &text, &terr);
	returns_close(u);
	if (res.credit_code[0])
		ui_message(u, UI_MSG_INFO, _("Store credit %s for the customer"), res.credit_code);
	else
		ui_message_clear(u);
	char total[48];
	ui_money(u, -res.total, total, sizeof total);
	if (!res.credit_code[0])
		ui_message(u, UI_MSG_INFO, _("Return %lld recorded: refund %s"),
		           (long long)res.number, total);
	ui_receipt_open(u, &sr, text, terr);
	free(terr);
	return UI_REDRAW;
}

/* Enter in the modes that ask for something other than a code. */
static int returns_enter(struct ui *u, const char *text)
{
	switch (rs.mode) {
	case MODE_CARD_REF:
		if (!text[0])
			return UI_REDRAW;
		strlcpy_safe(rs.how.reference, text, sizeof rs.how.reference);
		return returns_commit(u);
	default:
		return returns_submit(u, text);
	}
}

static int returns_action(struct ui *u, int act)
{
	char text[UI_FIELD_MAX * 4 + 1];
	switch (act) {
	case ACT_ADD:
		ui_field_text(&rs.field, text, sizeof text);
		ui_field_clear(&rs.field);
		ui_message_clear(u);
		return returns_enter(u, text);
	case ACT_SCAN:
		/* A scan is a code line of its own: "N*" typed before it is its
		 * quantity; in the card-slip mode it is the slip's reference. */
		ui_field_text(&rs.field, text, sizeof text);
		if (rs.mode == MODE_PICK) {
			size_t n = strlen(text);
			char line[UI_FIELD_MAX * 4 + WEDGE_TEXT_MAX + 2];
			int prefix = n > 0 && text[n - 1] == '*' && strspn(text, "0123456789,.*") == n;
			snprintf(line, sizeof line, "%s%s", prefix ? text : "", u->scan.text);
			if (prefix)
				ui_field_clear(&rs.field);
			ui_message_clear(u);
			return returns_enter(u, line);
		}
		ui_message_clear(u);
		return returns_enter(u, u->scan.text);
	case ACT_UP:
		if (rs.sel > 0)
			rs.sel--;
		return UI_REDRAW;
	case ACT_DOWN:
		if (rs.sel + 1 < rs.r.n)
			rs.sel++;
		return UI_REDRAW;
	case ACT_ALL:
		if (rs.r.original)
			app_return_all(&rs.r);
		return UI_REDRAW;
	case ACT_REFUND_TO:
		rs.how.to = (enum app_refund_to)((rs.how.to + 1) % (APP_REFUND_CREDIT + 1));
		rs.how.reference[0] = '\0';
		return UI_REDRAW;
	case ACT_WRITEOFF:
		rs.how.writeoff = !rs.how.writeoff;
		return UI_REDRAW;
	case ACT_COMMIT:
		return returns_commit(u);
	case ACT_BACK:
		if (rs.mode != MODE_PICK) {
			rs.mode = MODE_PICK;
			ui_field_init(&rs.field, UI_FIELD_MAX);
			ui_message_clear(u);
			return UI_REDRAW;
		}
		returns_close(u);
		ui_message(u, UI_MSG_INFO, "%s", _("Return abandoned: nothing recorded"));
		return UI_POP;
	default:
		return UI_UNHANDLED;
	}
}

static int returns_key(struct ui *u, int key)
{
	(void)u;
	return ui_field_key(&rs.field, key) ? UI_REDRAW : UI_UNHANDLED;
}

static void returns_qty(const struct ui *u, const struct app_return_line *l, int64_t q, char *buf,
                        size_t size)
{
	const char *mark = u->shop && u->shop->money && u->shop->money->decimal
	                   ? u->shop->money->decimal : ".";
	quantity_format(buf, size, q, l->weighed ? 3 : 0, mark);
}

static void returns_draw_lines(struct ui *u, int y0, int rows)
{
	if (rows <= 0)
		return;
	if (rs.sel < rs.top)
		rs.top = rs.sel;
	if (rs.sel >= rs.top + (size_t)rows)
		rs.top = rs.sel - (size_t)rows + 1;
	attron(A_BOLD);
	ui_print_right(y0 - 1, 9, 9, _("Sold"));
	ui_print_right(y0 - 1, 19, 9, _("Returned"));
	ui_print_right(y0 - 1, 29, 9, _("Now"));
	ui_print(y0 - 1, 31, COLS - 46, _("Item"));
	ui_print_right(y0 - 1, COLS - 1, 13, _("Refund"));
	attroff(A_BOLD);
	for (size_t i = rs.top; i < rs.r.n && i < rs.top + (size_t)rows; i++) {
		const struct app_return_line *l = &rs.r.lines[i];
		char sold[32], taken[32], now[32], amount[48];
		int y = y0 + (int)(i - rs.top);
		returns_qty(u, l, rs.r.original ? l->sold.qty : 0, sold, sizeof sold);
		returns_qty(u, l, l->taken, taken, sizeof taken);
		returns_qty(u, l, l->qty, now, sizeof now);
		ui_money(u, l->part.gross, amount, sizeof amount);
		if (i == rs.sel)
			attron(A_REVERSE);
		ui_blank(y, 0, COLS);
		ui_print_right(y, 9, 9, rs.r.original ? sold : "-");
		ui_print_right(y, 19, 9, rs.r.original ? taken : "-");
		ui_print_right(y, 29, 9, now);
		ui_print(y, 31, COLS - 46, l->name);
		ui_print_right(y, COLS - 1, 13, amount);
		attroff(A_REVERSE);
	}
}

static void returns_draw(struct ui *u)
{
	char title[96], right[160], total[48], line[200];
	if (rs.r.original)
		snprintf(title, sizeof title, _("Return of ticket %lld"), (long long)rs.r.original);
	else
		snprintf(title, sizeof title, "%s", _("Return without a ticket"));
	snprintf(right, sizeof right, _("Refund to: %s — %s"), returns_refund_label(rs.how.to),
	         rs.how.writeoff ? _("write off") : _("back to stock"));
	ui_draw_title(u, title, right);
	returns_draw_lines(u, 2, LINES - 7);
	mvhline(LINES - 4, 0, ACS_HLINE, COLS);
	ui_money(u, rs.r.total, total, sizeof total);
	snprintf(line, sizeof line, _(" REFUND %s "), total);
	attron(A_BOLD);
	ui_print_right(LINES - 4, COLS - 1, COLS - 2, line);
	attroff(A_BOLD);
	ui_draw_message(u, LINES - 3);
	const char *label = rs.mode == MODE_CARD_REF ? _("Card slip:") : _("Code:");
	int x = 1 + ui_print(LINES - 2, 1, COLS / 2, label);
	ui_field_draw(u, &rs.field, LINES - 2, x + 1, COLS - x - 2);
	ui_draw_helpbar(u, &ui_returns_screen);
}

const struct ui_screen ui_returns_screen = {
	.name = "return",
	.actions = returns_actions,
	.bindings = returns_bindings,
	.draw = returns_draw,
	.action = returns_action,
	.key = returns_key,
};
