/* A new quote or order typed fast: a code (SKU or barcode) and a quantity
 * per line, the customer's unit price and the line total shown as it is
 * typed, lines changed or removed, F10 to save; a credit refusal shows the
 * figures and offers a supervisor's approval. */
#include "desk.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../src/app/documents.h"
#include "../src/app/ticket.h"

enum entry_action {
	ACT_ADD,
	ACT_UP,
	ACT_DOWN,
	ACT_QTY,
	ACT_REMOVE,
	ACT_SAVE,
	ACT_BACK,
	ACT_SCAN,
};

static const struct ui_action entry_actions[] = {
	{ ACT_QTY, "quantity", N_("Qty"), N_("change the quantity of the selected line") },
	{ ACT_REMOVE, "remove-line", N_("Remove"), N_("remove the selected line") },
	{ ACT_SAVE, "save", N_("Save"), N_("save the quote or order") },
	{ ACT_BACK, "back", N_("Cancel"), N_("clear the item typed; twice: leave without saving") },
	{ ACT_ADD, "add", NULL, N_("add the item typed: CODE QTY, QTY*CODE or CODE*QTY") },
	{ ACT_UP, "line-up", NULL, N_("select the line above") },
	{ ACT_DOWN, "line-down", NULL, N_("select the line below") },
	{ ACT_SCAN, "scan", NULL, N_("add the product scanned; a number typed first is its quantity") },
	{ 0, NULL, NULL, NULL },
};

static const struct ui_binding entry_bindings[] = {
	{ UI_FN(KEY_F(5)), ACT_QTY },
	{ UI_FN(KEY_F(8)), ACT_REMOVE },
	{ UI_FN(KEY_F(10)), ACT_SAVE },
	{ UI_KEY_ESC, ACT_BACK },
	{ UI_KEY_ENTER, ACT_ADD },
	{ UI_FN(KEY_UP), ACT_UP },
	{ UI_FN(KEY_DOWN), ACT_DOWN },
	{ UI_KEY_SCAN, ACT_SCAN },
	{ 0, 0 },
};

/* A quantity as typed: digits with at most one decimal mark. */
static int entry_is_qty(const char *s, size_t n)
{
	int marks = 0;
	if (n == 0 || n > 12)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == ',' || s[i] == '.')
			marks++;
		else if (!isdigit((unsigned char)s[i]))
			return 0;
	}
	return marks <= 1;
}

static void entry_copy(char *out, size_t size, const char *s, size_t n)
{
	while (n && *s == ' ')
		s++, n--;
	while (n && s[n - 1] == ' ')
		n--;
	if (n >= size)
		n = size - 1;
	memcpy(out, s, n);
	out[n] = '\0';
}

/* "CODE", "CODE QTY", "QTY CODE", "QTY*CODE" or "CODE*QTY" into code and qty
 * ("" when none was typed). */
static void entry_parse(const char *text, char *code, size_t csize, char *qty, size_t qsize)
{
	const char *sep = strchr(text, '*');
	if (!sep)
		sep = strrchr(text, ' ');
	qty[0] = '\0';
	entry_copy(code, csize, text, strlen(text));
	if (!sep)
		return;
	char left[128], right[128];
	entry_copy(left, sizeof left, text, (size_t)(sep - text));
	entry_copy(right, sizeof right, sep + 1, strlen(sep + 1));
	if (*sep == '*' && entry_is_qty(left, strlen(left))) {
		entry_copy(qty, qsize, left, strlen(left));
		entry_copy(code, csize, right, strlen(right));
	} else if (entry_is_qty(right, strlen(right))) {
		entry_copy(qty, qsize, right, strlen(right));
		entry_copy(code, csize, left, strlen(left));
	} else if (entry_is_qty(left, strlen(left))) {
		entry_copy(qty, qsize, left, strlen(left));
		entry_copy(code, csize, right, strlen(right));
	}
}

/* Prices code at qty for the customer into l; -1 with *err set. */
static int entry_price(struct ui *u, const char *code, const char *qty, struct desk_line *l,
                       char **err)
{
	struct desk_state *d = desk_state();
	struct app_scan scan;
	memset(l, 0, sizeof *l);
	if (!code[0]) {
		error_set(err, "%s", _("type a code (SKU or barcode), then a quantity"));
		return -1;
	}
	if (app_lookup(u->app, code, &scan, err) != APP_OK)
		return -1;
	int64_t q = 1;
	if (qty[0]) {
		int rc = decimal_parse(qty, 3, CART_QTY_MAX * 1000, &q);
		if (rc != MONEY_OK || q <= 0) {
			error_set(err, _("bad quantity '%s'"), qty);
			return -1;
		}
		if (!scan.item.weighed) {
			if (q % 1000) {
				error_set(err, _("bad quantity '%s': %s is sold in whole units"), qty, code);
				return -1;
			}
			q = q / 1000 * (scan.qty > 0 ? scan.qty : 1);
		}
	} else {
		q = scan.qty > 0 ? scan.qty : scan.item.weighed ? 1000 : 1;
	}
	char *why = NULL;
	if (app_price(u->app, code, d->cust.code, q, &l->unit, &why, err) != APP_OK)
		return -1;
	free(why);
	if (money_muldiv(l->unit, q, scan.item.weighed ? 1000 : 1, &l->amount) != MONEY_OK) {
		error_set(err, "%s", _("the line's amount is too large"));
		return -1;
	}
	strlcpy_safe(l->code, code, sizeof l->code);
	strlcpy_safe(l->sku, scan.item.sku, sizeof l->sku);
	strlcpy_safe(l->name, scan.item.name, sizeof l->name);
	strlcpy_safe(l->qty, qty, sizeof l->qty);
	l->q = q;
	l->weighed = scan.item.weighed;
	return 0;
}

static void entry_qty_text(struct ui *u, const struct desk_line *l, char *buf, size_t size)
{
	const char *mark = u->shop && u->shop->money && u->shop->money->decimal
	                           ? u->shop->money->decimal : ".";
	quantity_format(buf, size, l->q, l->weighed ? 3 : 0, mark);
}

/* The price engine's answer for what is typed, before Enter. */
static void entry_preview(struct ui *u)
{
	struct desk_state *d = desk_state();
	char text[UI_FIELD_MAX * 4 + 1], code[UI_FIELD_MAX * 4 + 1], qty[32];
	struct desk_line l;
	char *err = NULL;
	d->preview[0] = '\0';
	ui_field_text(&d->input, text, sizeof text);
	entry_parse(text, code, sizeof code, qty, sizeof qty);
	if (!code[0])
		return;
	if (entry_price(u, code, qty, &l, &err) < 0) {
		snprintf(d->preview, sizeof d->preview, "%s", err ? err : _("no price"));
		free(err);
		return;
	}
	char q[32], unit[48], amount[48];
	entry_qty_text(u, &l, q, sizeof q);
	ui_money(u, l.unit, unit, sizeof unit);
	ui_money(u, l.amount, amount, sizeof amount);
	snprintf(d->preview, sizeof d->preview, _("%s %s: %s x %s = %s"), l.sku, l.name, q, unit,
	         amount);
}

/* Prices the lines together, as the document will (quantity breaks count
 * a product's lines together), for the unit prices and the totals. */
static void entry_totals(struct ui *u)
{
	struct desk_state *d = desk_state();
	struct app_ticket t;
	char *err = NULL;
	size_t i = 0;
	d->totals_ok = 0;
	app_ticket_init(u->app, &t);
	if (app_ticket_set_customer(u->app, &t, d->cust.code, &err) == APP_OK) {
		for (i = 0; i < d->nlines; i++) {
			struct desk_line *l = &d->lines[i];
			int idx = app_ticket_add(u->app, &t, l->code, l->qty[0] ? l->qty : NULL, &err);
			if (idx < 0)
				break;
			l->unit = t.cart.lines[idx].item.unit_price;
			if (money_muldiv(l->unit, l->q, l->weighed ? 1000 : 1, &l->amount) != MONEY_OK)
				break;
		}
	}
	if (i == d->nlines) {
		d->net = t.cart.total_net;
		d->tax = t.cart.total_tax;
		d->gross = t.cart.total_gross;
		d->inclusive = t.cart.inclusive;
		d->totals_ok = 1;
	}
	free(err);
	app_ticket_release(&t);
}

int desk_entry_open(struct ui *u, int order)
{
	struct desk_state *d = desk_state();
	d->entry_order = order;
	d->nlines = d->lsel = d->ltop = 0;
	d->preview[0] = '\0';
	d->cancel_armed = 0;
	ui_field_init(&d->input, UI_FIELD_MAX);
	ui_push(u, &desk_entry_screen);
	return UI_REDRAW;
}

static int entry_add(struct ui *u, const char *text)
{
	struct desk_state *d = desk_state();
	char code[UI_FIELD_MAX * 4 + 1], qty[32];
	char *err = NULL;
	entry_parse(text, code, sizeof code, qty, sizeof qty);
	if (!code[0])
		return UI_REDRAW;
	if (d->nlines >= DESK_LINES_MAX) {
		ui_message(u, UI_MSG_ERROR, _("At most %d lines"), DESK_LINES_MAX);
		return UI_REDRAW;
	}
	if (entry_price(u, code, qty, &d->lines[d->nlines], &err) < 0) {
		ui_message(u, UI_MSG_ERROR, "%s", err ? err : _("Unknown code"));
		free(err);
		return UI_REDRAW;
	}
	d->lsel = d->nlines++;
	entry_totals(u);
	ui_field_clear(&d->input);
	d->preview[0] = '\0';
	ui_message_clear(u);
	return UI_REDRAW;
}

static int entry_qty_submit(struct ui *u, const char *text)
{
	struct desk_state *d = desk_state();
	struct desk_line l;
	char *err = NULL;
	if (d->lsel >= d->nlines)
		return UI_POP;
	if (entry_price(u, d->lines[d->lsel].code, text, &l, &err) < 0) {
		ui_message(u, UI_MSG_ERROR, "%s", err ? err : _("Quantity refused"));
		free(err);
		return UI_REDRAW;
	}
	d->lines[d->lsel] = l;
	entry_totals(u);
	ui_message_clear(u);
	return UI_POP;
}

static int entry_save(struct ui *u)
{
	struct desk_state *d = desk_state();
	struct app_doc_item items[DESK_LINES_MAX];
	struct app_doc_result res;
	char *err = NULL;
	for (size_t i = 0; i < d->nlines; i++) {
		items[i].code = d->lines[i].code;
		items[i].qty = d->lines[i].qty[0] ? d->lines[i].qty : NULL;
	}
	int rc = d->entry_order
	                 ? app_order_new(u->app, d->cust.code, 0, items, d->nlines, &res, &err)
	                 : app_quote_new(u->app, d->cust.code, items, d->nlines, &res, &err);
	if (rc != APP_OK)
		return ui_denied_or_error(u, rc, err, _("Not saved"), entry_save);
	char total[48];
	ui_money(u, res.total, total, sizeof total);
	ui_message(u, UI_MSG_INFO, d->entry_order ? _("Order %s saved, total %s")
	                                          : _("Quote %s saved, total %s"),
	           res.number, total);
	d->sel = 0;
	desk_refresh(u);
	return UI_POP;
}

static int entry_action(struct ui *u, int act)
{
	struct desk_state *d = desk_state();
	char text[UI_FIELD_MAX * 4 + 1];
	int armed = d->cancel_armed;
	d->cancel_armed = 0;
	switch (act) {
	case ACT_ADD:
		if (d->input.overflow) {
			ui_message(u, UI_MSG_ERROR, _("Too long: at most %d characters"), UI_FIELD_MAX);
			return UI_REDRAW;
		}
		ui_field_text(&d->input, text, sizeof text);
		return entry_add(u, text);
	case ACT_SCAN: {
		char line[sizeof text + WEDGE_TEXT_MAX + 2];
		ui_field_text(&d->input, text, sizeof text);
		if (entry_is_qty(text, strlen(text)))
			snprintf(line, sizeof line, "%s*%s", text, u->scan.text);
		else
			snprintf(line, sizeof line, "%s", u->scan.text);
		return entry_add(u, line);
	}
	case ACT_UP:
		if (d->lsel > 0)
			d->lsel--;
		return UI_REDRAW;
	case ACT_DOWN:
		if (d->lsel + 1 < d->nlines)
			d->lsel++;
		return UI_REDRAW;
	case ACT_QTY:
		if (d->lsel >= d->nlines) {
			ui_message(u, UI_MSG_ERROR, "%s", _("No line selected"));
			return UI_REDRAW;
		}
		ui_prompt_open(u, _("Quantity"), _("New quantity of the selected line:"), 16,
		               entry_qty_submit);
		return UI_REDRAW;
	case ACT_REMOVE:
		if (d->lsel >= d->nlines) {
			ui_message(u, UI_MSG_ERROR, "%s", _("No line selected"));
			return UI_REDRAW;
		}
		ui_message(u, UI_MSG_INFO, _("Removed: %s"), d->lines[d->lsel].name);
		memmove(&d->lines[d->lsel], &d->lines[d->lsel + 1],
		        (d->nlines - d->lsel - 1) * sizeof d->lines[0]);
		d->nlines--;
		entry_totals(u);
		if (d->lsel >= d->nlines && d->lsel > 0)
			d->lsel--;
		return UI_REDRAW;
	case ACT_SAVE:
		if (!d->nlines) {
			ui_message(u, UI_MSG_ERROR, "%s", _("No lines yet: type a code and a quantity"));
			return UI_REDRAW;
		}
		return entry_save(u);
	case ACT_BACK:
		if (d->input.len) {
			ui_field_clear(&d->input);
			d->preview[0] = '\0';
			return UI_REDRAW;
		}
		if (!d->nlines || armed) {
			ui_message(u, UI_MSG_INFO, "%s", _("Nothing was saved"));
			return UI_POP;
		}
		d->cancel_armed = 1;
		ui_message(u, UI_MSG_INFO, "%s", _("Esc again to leave: the lines will be lost"));
		return UI_REDRAW;
	default:
		return UI_UNHANDLED;
	}
}

static int entry_key(struct ui *u, int key)
{
	struct desk_state *d = desk_state();
	if (!ui_field_key(&d->input, key))
		return UI_UNHANDLED;
	d->cancel_armed = 0;
	entry_preview(u);
	return UI_REDRAW;
}

#define EC_QTY 10
#define EC_MONEY 13

static void entry_draw(struct ui *u)
{
	struct desk_state *d = desk_state();
	char title[256], q[32], unit[48], amount[48];
	snprintf(title, sizeof title, d->entry_order ? _("New order: %s %s") : _("New quote: %s %s"),
	         d->cust.code, d->cust.name);
	ui_draw_title(u, title, NULL);
	int name_w = COLS - 16 - EC_QTY - 2 * EC_MONEY - 4;
	attron(A_BOLD);
	ui_print(1, 1, 15, _("SKU"));
	ui_print(1, 17, name_w, _("Item"));
	ui_print_right(1, 17 + name_w + 1 + EC_QTY, EC_QTY, _("Qty"));
	ui_print_right(1, COLS - EC_MONEY - 1, EC_MONEY, _("Unit"));
	ui_print_right(1, COLS - 1, EC_MONEY, _("Amount"));
	attroff(A_BOLD);
	int rows = LINES - 8;
	if (d->lsel < d->ltop)
		d->ltop = d->lsel;
	if (rows > 0 && d->lsel >= d->ltop + (size_t)rows)
		d->ltop = d->lsel - (size_t)rows + 1;
	for (size_t i = d->ltop; i < d->nlines && (int)(i - d->ltop) < rows; i++) {
		const struct desk_line *l = &d->lines[i];
		int y = 2 + (int)(i - d->ltop);
		entry_qty_text(u, l, q, sizeof q);
		ui_money(u, l->unit, unit, sizeof unit);
		ui_money(u, l->amount, amount, sizeof amount);
		if (i == d->lsel)
			attron(A_REVERSE);
		ui_blank(y, 0, COLS);
		ui_print(y, 1, 15, l->sku);
		ui_print(y, 17, name_w, l->name);
		ui_print_right(y, 17 + name_w + 1 + EC_QTY, EC_QTY, q);
		ui_print_right(y, COLS - EC_MONEY - 1, EC_MONEY, unit);
		ui_print_right(y, COLS - 1, EC_MONEY, amount);
		attroff(A_REVERSE);
	}
	int y = LINES - 6;
	mvhline(y, 0, ACS_HLINE, COLS);
	ui_printf(y, 1, COLS / 2, d->nlines == 1 ? _(" %zu line ") : _(" %zu lines "), d->nlines);
	if (d->totals_ok && d->nlines) {
		char net[48], tax[48], part[160];
		ui_money(u, d->gross, amount, sizeof amount);
		snprintf(title, sizeof title, _(" TOTAL %s "), amount);
		int tw = ui_text_width(title);
		if (!d->inclusive) {
			ui_money(u, d->net, net, sizeof net);
			ui_money(u, d->tax, tax, sizeof tax);
			snprintf(part, sizeof part, _(" before tax %s  tax %s "), net, tax);
			int pw = ui_text_width(part);
			if (pw < COLS - 14 - tw)
				ui_print(y, COLS - 1 - tw - pw, pw, part);
		}
		attron(A_BOLD);
		ui_print_right(y, COLS - 1, COLS / 2, title);
		attroff(A_BOLD);
	}
	ui_blank(LINES - 5, 0, COLS);
	if (d->preview[0]) {
		int x = 1 + ui_print(LINES - 5, 1, COLS - 2, _("Price:"));
		ui_print(LINES - 5, x + 1, COLS - x - 2, d->preview);
	}
	ui_blank(LINES - 4, 0, COLS);
	ui_blank(LINES - 3, 0, COLS);
	if (u->msg[0]) {
		/* A credit refusal's figures take three lines when nothing is typed. */
		int top = d->preview[0] ? LINES - 4 : LINES - 5;
		if (u->msg_kind == UI_MSG_ERROR)
			attron(A_BOLD);
		desk_print_wrapped(top, 1, COLS - 2, LINES - 3 - top, u->msg);
		attroff(A_BOLD);
	}
	int x = 1 + ui_print(LINES - 2, 1, COLS / 2, _("Item (CODE QTY):"));
	ui_field_draw(u, &d->input, LINES - 2, x + 1, COLS - x - 2);
	ui_draw_helpbar(u, &desk_entry_screen);
}

const struct ui_screen desk_entry_screen = {
	.name = "desk-entry",
	.actions = entry_actions,
	.bindings = entry_bindings,
	.draw = entry_draw,
	.action = entry_action,
	.key = entry_key,
};
