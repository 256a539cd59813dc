/* The counter sale: the ticket lines with a line cursor, the running total,
 * the code line ("CODE", "3*CODE", "0,250*CODE", then Enter) and the keys
 * that open the search, the customer prompt and the tender. */
#include "ui_int.h"
#include <stdio.h>
#include "../src/app/auth.h"
#include "../src/app/documents.h"
#include <stdlib.h>
#include <string.h>

enum counter_action {
	ACT_ADD,
	ACT_UP,
	ACT_DOWN,
	ACT_SEARCH,
	ACT_CUSTOMER,
	ACT_VOID,
	ACT_WHY,
	ACT_TENDER,
	ACT_BACK,
	ACT_OVERRIDE,
	ACT_DISCOUNT,
	ACT_NO_SALE,
	ACT_RETURN,
	ACT_SUSPEND,
	ACT_SCAN,
	ACT_TILL,
};

static const struct ui_action counter_actions[] = {
	{ ACT_SEARCH, "search", N_("Search"), N_("find a product by name as you type") },
	{ ACT_CUSTOMER, "customer", N_("Customer"), N_("attach a customer to the ticket") },
	{ ACT_WHY, "why-price", N_("Price"), N_("why the selected line has its price") },
	{ ACT_OVERRIDE, "price-override", NULL,
	  N_("a manual unit price for the selected line, with a reason (by right)") },
	{ ACT_RETURN, "return", N_("Return"), N_("take goods back against a ticket, or without one") },
	{ ACT_SUSPEND, "suspend", N_("Hold"), N_("suspend the ticket; on an empty ticket: resume one") },
	{ ACT_VOID, "void-line", N_("Void"), N_("void the selected line (the last one by default)") },
	{ ACT_DISCOUNT, "discount", NULL,
	  N_("a discount on the selected line; above the threshold, by right with a reason") },
	{ ACT_TENDER, "tender", N_("Pay"), N_("take payment for the ticket") },
	{ ACT_BACK, "back", N_("Quit"), N_("clear the code line; twice on an empty line: quit") },
	{ ACT_TILL, "till", NULL, N_("open the shift with its float, or its X report (by right)") },
	{ ACT_NO_SALE, "no-sale", NULL, N_("open the drawer without a sale (by right, with a reason)") },
	{ ACT_ADD, "add", NULL, N_("add the code typed or scanned; N*CODE adds N of it") },
	{ ACT_UP, "line-up", NULL, N_("select the line above") },
	{ ACT_DOWN, "line-down", NULL, N_("select the line below") },
	{ ACT_SCAN, "scan", NULL, N_("add the product scanned; typed text stays, N* applies") },
	{ 0, NULL, NULL, NULL },
};

static const struct ui_binding counter_bindings[] = {
	{ UI_FN(KEY_F(2)), ACT_SEARCH },
	{ UI_FN(KEY_F(3)), ACT_CUSTOMER },
	{ UI_FN(KEY_F(4)), ACT_WHY },
	{ UI_FN(KEY_F(5)), ACT_OVERRIDE },
	{ UI_FN(KEY_F(6)), ACT_RETURN },
	{ UI_FN(KEY_F(7)), ACT_SUSPEND },
	{ UI_FN(KEY_F(8)), ACT_VOID },
	{ UI_FN(KEY_F(9)), ACT_DISCOUNT },
	{ UI_KEY_CTRL('o'), ACT_NO_SALE },
	{ UI_KEY_CTRL('t'), ACT_TILL },
	{ UI_FN(KEY_F(10)), ACT_TENDER },
	{ UI_KEY_ESC, ACT_BACK },
	{ UI_KEY_ENTER, ACT_ADD },
	{ UI_FN(KEY_UP), ACT_UP },
	{ UI_FN(KEY_DOWN), ACT_DOWN },
	{ UI_KEY_SCAN, ACT_SCAN },
	{ 0, 0 },
};

/* The selected line: the one the cashier moved to, else the last live one.
 * Returns -1 when the ticket has no live line. */
static long counter_selected(const struct ui *u)
{
	const struct cart *c = &u->ticket.cart;
	if (u->counter.has_sel && u->counter.sel < c->n && !c->lines[u->counter.sel].voided)
		return (long)u->counter.sel;
	for (size_t i = c->n; i > 0; i--)
		if (!c->lines[i - 1].voided)
			return (long)(i - 1);
	return -1;
}

static void counter_select(struct ui *u, long line)
{
	u->counter.sel = line < 0 ? 0 : (size_t)line;
	u->counter.has_sel = line >= 0;
}

static const char *counter_mark(const struct ui *u)
{
	return u->shop && u->shop->money && u->shop->money->decimal ? u->shop->money->decimal : ".";
}

static void counter_qty_text(const struct ui *u, const struct cart_line *l, char *buf, size_t size)
{
	if (l->item.weighed)
		quantity_format(buf, size, l->qty, 3, counter_mark(u));
	else
		snprintf(buf, size, "%lld", (long long)l->qty);
}

/* Shows *err (or fallback) on the message line and frees it. */
static int counter_error(struct ui *u, char *err, const char *fallback)
{
	ui_message(u, UI_MSG_ERROR, "%s", err ? err : fallback);
	free(err);
	return -1;
}

/* "N*" with no code: the new quantity of the selected line. */
static int counter_set_qty(struct ui *u, const char *qtext)
{
	long line = counter_selected(u);
	if (line < 0) {
		ui_message(u, UI_MSG_ERROR, _("Nothing to apply the quantity to: type N*CODE"));
		return -1;
	}
	char *err = NULL;
	if (app_ticket_set_qty(u->app, &u->ticket, (size_t)line, qtext, &err) < 0)
		return counter_error(u, err, _("Quantity refused"));
	return 0;
}

/* "CODE", "N*CODE" or "N*": the price engine and the quantity rules are
 * the application layer's; a refusal leaves the ticket as it was. */
int ui_counter_submit(struct ui *u, const char *line)
{
	char qtext[32], code[UI_FIELD_MAX * 4 + 1];
	int have_n = 0;
	const char *star = strchr(line, '*');

	ui_message_clear(u);
	if (star) {
		size_t ql = (size_t)(star - line);
		if (ql == 0 || ql >= sizeof qtext) {
			ui_message(u, UI_MSG_ERROR, _("Type the quantity before the *, e.g. 3*CODE"));
			return -1;
		}
		memcpy(qtext, line, ql);
		qtext[ql] = '\0';
		have_n = 1;
		line = star + 1;
	}
	while (*line == ' ')
		line++;
	size_t n = strlen(line);
	while (n && line[n - 1] == ' ')
		n--;
	if (n >= sizeof code)
		n = sizeof code - 1;
	memcpy(code, line, n);
	code[n] = '\0';
	if (!code[0])
		return have_n ? counter_set_qty(u, qtext) : 0;

	char *err = NULL;
	int idx = app_ticket_add(u->app, &u->ticket, code, have_n ? qtext : NULL, &err);
	if (idx < 0)
		return counter_error(u, err, _("Unknown code"));
	counter_select(u, idx);
	return 0;
}

void ui_counter_qty_prefix(struct ui *u, char *out, size_t size)
{
	char text[UI_FIELD_MAX * 4 + 1];
	ui_field_text(&u->counter.code, text, sizeof text);
	char *star = strchr(text, '*');
	if (!star || star[1] || (size_t)(star - text) + 2 > size) {
		if (size)
			out[0] = '\0';
		return;
	}
	memcpy(out, text, (size_t)(star - text) + 1);
	out[star - text + 1] = '\0';
}

/* A business customer's account when attached: balance, overdue and limit
 * on the message line (bold when overdue or on hold); 0 for a retail one
 * with nothing owed. */
static int counter_customer_account(struct ui *u)
{
	const struct app_ticket_customer *c = &u->ticket.customer;
	struct app_balance b;
	char *err = NULL, owed[48], over[48], lim[48];
	if (app_balance(u->app, c->code, &b, &err) != APP_OK) {
		free(err);
		return 0;
	}
	int business = strcmp(c->kind, "retail") != 0 && strcmp(c->kind, "walk-in") != 0;
	int shown = business || b.owed || b.limit || b.on_hold;
	if (shown) {
		ui_money(u, b.owed, owed, sizeof owed);
		ui_money(u, b.overdue, over, sizeof over);
		ui_money(u, b.limit, lim, sizeof lim);
		char list[64] = "";
		if (c->list_id)
			snprintf(list, sizeof list, _(" (prices: %s)"), c->list_code);
		ui_message(u, b.overdue > 0 || b.on_hold ? UI_MSG_ERROR : UI_MSG_INFO,
		           _("%s%s%s: balance %s  overdue %s  limit %s"), c->code, list,
		           b.on_hold ? _(" ON HOLD") : "", owed, over, b.limit ? lim : _("none"));
	}
	app_balance_release(&b);
	return shown;
}

static int counter_customer_submit(struct ui *u, const char *text)
{
	char *err = NULL;
	if (app_ticket_set_customer(u->app, &u->ticket, text, &err) < 0) {
		counter_error(u, err, _("Unknown customer"));
		return UI_REDRAW;
	}
	if (!u->ticket.has_customer)
		ui_message(u, UI_MSG_INFO, "%s", _("Walk-in customer"));
	else if (counter_customer_account(u))
		;
	else if (u->ticket.customer.list_id)
		ui_message(u, UI_MSG_INFO, _("Customer %s: %s (prices: %s)"), u->ticket.customer.code,
		           u->ticket.customer.name, u->ticket.customer.list_code);
	else
		ui_message(u, UI_MSG_INFO, _("Customer %s: %s"), u->ticket.customer.code,
		           u->ticket.customer.name);
	return UI_POP;
}

static void counter_move(struct ui *u, int dir)
{
	long cur = counter_selected(u);
	if (cur < 0)
		return;
	for (long i = cur + dir; i >= 0 && (size_t)i < u->ticket.cart.n; i += dir)
		if (!u->ticket.cart.lines[i].voided) {
			counter_select(u, i);
			return;
		}
}

/* A scan, whatever the code line holds: an "N*" typed before it is its
 * quantity; other typed text stays for the cashier to finish. */
static int counter_scan(struct ui *u)
{
	char qty[32], line[sizeof qty + WEDGE_TEXT_MAX];
	ui_counter_qty_prefix(u, qty, sizeof qty);
	if (qty[0])
		ui_field_clear(&u->counter.code);
	snprintf(line, sizeof line, "%s%s", qty, u->scan.text);
	ui_counter_submit(u, line);
	return UI_REDRAW;
}

static int counter_action(struct ui *u, int act)
{
	char text[UI_FIELD_MAX * 4 + 1];
	struct ui_counter_state *cs = &u->counter;
	int armed = cs->quit_armed;
	int waive = u->auth.waive_armed;
	cs->quit_armed = 0;
	u->auth.waive_armed = 0;

	switch (act) {
	case ACT_ADD:
		if (cs->code.overflow) {
			ui_message(u, UI_MSG_ERROR, _("Code too long: at most %d characters"), UI_FIELD_MAX);
			ui_field_clear(&cs->code);
			return UI_REDRAW;
		}
		ui_field_text(&cs->code, text, sizeof text);
		ui_field_clear(&cs->code);
		ui_counter_submit(u, text);
		return UI_REDRAW;
	case ACT_SCAN:
		return counter_scan(u);
	case ACT_UP:
	case ACT_DOWN:
		counter_move(u, act == ACT_UP ? -1 : 1);
		return UI_REDRAW;
	case ACT_SEARCH:
		ui_message_clear(u);
		ui_push(u, &ui_search_screen);
		return UI_REDRAW;
	case ACT_CUSTOMER:
		ui_message_clear(u);
		ui_prompt_open(u, _("Customer"), _("Customer code (empty: walk-in):"),
		               sizeof u->ticket.customer.code - 1, counter_customer_submit);
		return UI_REDRAW;
	case ACT_VOID: {
		long line = counter_selected(u);
		if (line < 0) {
			ui_message(u, UI_MSG_ERROR, "%s", _("No line to void"));
			return UI_REDRAW;
		}
		char name[CART_NAME_MAX + 1];
		snprintf(name, sizeof name, "%s", u->ticket.cart.lines[line].item.name);
		char *err = NULL;
		if (app_ticket_void(u->app, &u->ticket, (size_t)line, &err) < 0)
			counter_error(u, err, _("The line cannot be voided"));
		else
			ui_message(u, UI_MSG_INFO, _("Voided: %s"), name);
		counter_select(u, -1);
		return UI_REDRAW;
	}
	case ACT_NO_SALE:
		ui_message_clear(u);
		return ui_no_sale(u);
	case ACT_TILL:
		ui_message_clear(u);
		return ui_till(u);
	case ACT_OVERRIDE:
	case ACT_DISCOUNT: {
		long line = counter_selected(u);
		if (line < 0) {
			ui_message(u, UI_MSG_ERROR, "%s", _("No line selected"));
			return UI_REDRAW;
		}
		ui_message_clear(u);
		return act == ACT_OVERRIDE ? ui_counter_override(u, (size_t)line)
		                           : ui_counter_discount(u, (size_t)line);
	}
	case ACT_WHY: {
		long line = counter_selected(u);
		if (line < 0) {
			ui_message(u, UI_MSG_ERROR, "%s", _("No line selected"));
			return UI_REDRAW;
		}
		char *why = NULL, *err = NULL;
		if (app_ticket_why(u->app, &u->ticket, (size_t)line, &why, &err) < 0) {
			counter_error(u, err, _("No price"));
			return UI_REDRAW;
		}
		ui_message_clear(u);
		ui_textview_open(u, _("Why this price"), why);
		return UI_REDRAW;
	}
	case ACT_TENDER:
		if (cart_count(&u->ticket.cart) == 0) {
			ui_message(u, UI_MSG_ERROR, "%s", _("The ticket is empty: scan or type a code first"));
			return UI_REDRAW;
		}
		{
			char *err = NULL;
			if (app_ticket_check(u->app, &u->ticket, &err) < 0) {
				if (waive) {
					free(err);
					return ui_counter_waive(u);
				}
				ui_message(u, UI_MSG_ERROR, _("%s (F10 again: waive it, by right)"),
				           err ? err : _("The ticket breaks the customer's price list rules"));
				free(err);
				u->auth.waive_armed = 1;
				return UI_REDRAW;
			}
		}
		ui_message_clear(u);
		ui_push(u, &ui_tender_screen);
		return UI_REDRAW;
	case ACT_RETURN:
		return ui_returns_open(u);
	case ACT_SUSPEND:
		return ui_suspend_open(u);
	case ACT_BACK:
		if (cs->code.len) {
			ui_field_clear(&cs->code);
			ui_message_clear(u);
			return UI_REDRAW;
		}
		if (armed)
			return UI_QUIT;
		cs->quit_armed = 1;
		ui_message(u, UI_MSG_INFO, "%s",
		           cart_count(&u->ticket.cart) ? _("Esc again to quit: the ticket in progress will be lost")
		                                : _("Esc again to quit"));
		return UI_REDRAW;
	default:
		return UI_UNHANDLED;
	}
}

static int counter_key(struct ui *u, int key)
{
	if (!ui_field_key(&u->counter.code, key))
		return UI_UNHANDLED;
	if (u->counter.quit_armed)
		ui_message_clear(u);
	u->counter.quit_armed = 0;
	return UI_REDRAW;
}

/* Column layout of the ticket: quantity, name, unit price, amount. */
#define COL_QTY 9
#define COL_MONEY 13

static void counter_draw_line(struct ui *u, int y, const struct cart_line *l, int selected)
{
	char qty[32], price[48], amount[48];
	int name_w = COLS - COL_QTY - 2 * COL_MONEY - 3;
	counter_qty_text(u, l, qty, sizeof qty);
	ui_money(u, l->item.unit_price, price, sizeof price);
	ui_money(u, l->amount, amount, sizeof amount);
	if (selected)
		attron(A_REVERSE);
	ui_blank(y, 0, COLS);
	ui_print_right(y, COL_QTY, COL_QTY, qty);
	ui_print(y, COL_QTY + 2, name_w, l->item.name);
	ui_print_right(y, COLS - COL_MONEY - 1, COL_MONEY, price);
	ui_print_right(y, COLS - 1, COL_MONEY, amount);
	attroff(A_REVERSE);
}

static void counter_draw_lines(struct ui *u, int y0, int rows)
{
	struct ui_counter_state *cs = &u->counter;
	const struct cart *c = &u->ticket.cart;
	long sel = counter_selected(u);
	size_t rank = 0, sel_rank = 0;
	for (size_t i = 0; i < c->n; i++)
		if (!c->lines[i].voided) {
			if ((long)i == sel)
				sel_rank = rank;
			rank++;
		}
	if (rows <= 0)
		return;
	if (sel_rank < cs->top)
		cs->top = sel_rank;
	if (sel_rank >= cs->top + (size_t)rows)
		cs->top = sel_rank - (size_t)rows + 1;
	if (rank <= (size_t)rows)
		cs->top = 0;
	rank = 0;
	for (size_t i = 0; i < c->n; i++) {
		if (c->lines[i].voided)
			continue;
		if (rank >= cs->top && rank < cs->top + (size_t)rows)
			counter_draw_line(u, y0 + (int)(rank - cs->top), &c->lines[i], (long)i == sel);
		rank++;
	}
}

/* The column heading; the prices of a ticket before tax say so, the label
 * reaching left over the name column as far as the "Item" heading allows,
 * or a shorter one when the screen is narrow. */
static void counter_draw_heading(struct ui *u, int y)
{
	attron(A_BOLD);
	ui_print_right(y, COL_QTY, COL_QTY, _("Qty"));
	int used = ui_print(y, COL_QTY + 2, COLS - COL_QTY - 2 * COL_MONEY - 3, _("Item"));
	const char *price = _("Price");
	int w = COL_MONEY;
	if (!u->ticket.cart.inclusive) {
		int room = COLS - COL_MONEY - 1 - (COL_QTY + 2 + used + 1);
		price = _("Price excl. tax");
		if (ui_text_width(price) <= room)
			w = room;
		else
			price = _("excl. tax");
	}
	ui_print_right(y, COLS - COL_MONEY - 1, w, price);
	ui_print_right(y, COLS - 1, COL_MONEY, _("Amount"));
	attroff(A_BOLD);
}

/* The line under the ticket: the count of lines, then the TOTAL (with tax)
 * at the right end; when the lines are before tax, "before tax X  tax Y"
 * comes first, or "tax Y" alone when both do not fit. */
static void counter_draw_totals(struct ui *u, int y)
{
	const struct cart *c = &u->ticket.cart;
	char net[48], tax[48], total[48], line[160], parts[2][160];
	size_t n = cart_count(c);

	mvhline(y, 0, ACS_HLINE, COLS);
	int left = 1 + ui_printf(y, 1, COLS / 2, n == 1 ? _(" %zu line ") : _(" %zu lines "), n);
	ui_money(u, c->total_gross, total, sizeof total);
	snprintf(line, sizeof line, _(" TOTAL %s "), total);
	int tw = ui_text_width(line);
	int room = COLS - 1 - left - tw;
	if (!c->inclusive) {
		ui_money(u, c->total_net, net, sizeof net);
		ui_money(u, c->total_tax, tax, sizeof tax);
		snprintf(parts[0], sizeof parts[0], _(" before tax %s  tax %s "), net, tax);
		snprintf(parts[1], sizeof parts[1], _(" tax %s "), tax);
		for (int i = 0; i < 2; i++) {
			int pw = ui_text_width(parts[i]);
			if (pw <= room) {
				ui_print(y, COLS - 1 - tw - pw, pw, parts[i]);
				break;
			}
		}
	}
	attron(A_BOLD);
	ui_print_right(y, COLS - 1, COLS - 1 - left, line);
	attroff(A_BOLD);
}

static void counter_draw(struct ui *u)
{
	char right[256];
	const struct ui_screen *self = &ui_counter_screen;

	const char *who = app_user_role(u->app)[0] ? app_user_name(u->app) : "";
	if (u->ticket.has_customer)
		snprintf(right, sizeof right, _("Customer: %s %s"), u->ticket.customer.code,
		         u->ticket.customer.name);
	else
		snprintf(right, sizeof right, "%s", _("Walk-in"));
	if (who[0]) {
		size_t n = strlen(right);
		snprintf(right + n, sizeof right - n, "  [%s]", who);
	}
	ui_draw_title(u, u->shop->name[0] ? u->shop->name : "comptoir", right);

	counter_draw_heading(u, 1);
	counter_draw_lines(u, 2, LINES - 6);
	counter_draw_totals(u, LINES - 4);

	ui_draw_message(u, LINES - 3);
	int x = 1 + ui_print(LINES - 2, 1, COLS / 2, _("Code:"));
	ui_field_draw(u, &u->counter.code, LINES - 2, x + 1, COLS - x - 2);
	ui_draw_helpbar(u, self);
}

const struct ui_screen ui_counter_screen = {
	.name = "counter",
	.actions = counter_actions,
	.bindings = counter_bindings,
	.draw = counter_draw,
	.action = counter_action,
	.key = counter_key,
};
