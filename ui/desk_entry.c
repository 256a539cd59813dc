/* A new quote or order typed fast: a code (SKU or barcode) and a quantity
 * per line, the customer's unit price and the line total shown as it is
 * typed, lines changed or removed, F10 to save; a credit refusal shows the
 * figures and offers a supervisor's approval. */
#include "desk.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../src/app/documents.h"
#include "../src/app/shipping.h"

enum entry_action {
	ACT_ADD,
	ACT_UP,
	ACT_DOWN,
	ACT_QTY,
	ACT_REMOVE,
	ACT_SAVE,
	ACT_BACK,
	ACT_SCAN,
	ACT_SHIP,
	ACT_METHOD,
};

static const struct ui_action entry_actions[] = {
	{ ACT_SHIP, "ship-to", N_("Ship-to"),
	  N_("deliver the order to one of the customer's ship-to addresses") },
	{ ACT_METHOD, "shipping", N_("Ship"),
	  N_("how the order ships: pickup, own, courier or cod (METHOD:AMOUNT: another charge)") },
	{ ACT_QTY, "quantity", N_("Qty"), N_("change the quantity of the selected line") },
	{ ACT_REMOVE, "remove-line", N_("Remove"), N_("remove the selected line") },
	{ ACT_SAVE, "save", N_("Save"), N_("save the quote or order") },
	{ ACT_BACK, "back", N_("Cancel"), N_("clear the item typed; twice: leave without saving") },
	{ ACT_ADD, "add", NULL, N_("add the item typed: CODE QTY, QTY*CODE or CODE*QTY") },
	{ ACT_UP, "line-up", NULL, N_("select the line above") },
	{ ACT_DOWN, "line-down", NULL, N_("select the line below") },
	{ ACT_SCAN, "scan", NULL, N_("add the product scanned; a number typed is its quantity") },
	{ 0, NULL, NULL, NULL },
};

static const struct ui_binding entry_bindings[] = {
	{ UI_FN(KEY_F(3)), ACT_SHIP },
	{ UI_FN(KEY_F(4)), ACT_METHOD },
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

int desk_entry_open(struct ui *u, int order)
{
	struct desk_state *d = desk_state();
	d->entry_order = order;
	d->ship_to = 0;
	d->shipping[0] = '\0';
	d->ship_charge = 0;
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
	desk_parse_line(text, code, sizeof code, qty, sizeof qty);
	if (!code[0])
		return UI_REDRAW;
	if (d->nlines >= DESK_LINES_MAX) {
		ui_message(u, UI_MSG_ERROR, _("At most %d lines"), DESK_LINES_MAX);
		return UI_REDRAW;
	}
	if (desk_price_line(u, code, qty, &d->lines[d->nlines], &err) < 0) {
		ui_message(u, UI_MSG_ERROR, "%s", err ? err : _("Unknown code"));
		free(err);
		return UI_REDRAW;
	}
	d->lsel = d->nlines++;
	desk_totals(u);
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
	if (desk_price_line(u, d->lines[d->lsel].code, text, &l, &err) < 0) {
		ui_message(u, UI_MSG_ERROR, "%s", err ? err : _("Quantity refused"));
		free(err);
		return UI_REDRAW;
	}
	d->lines[d->lsel] = l;
	desk_totals(u);
	ui_message_clear(u);
	return UI_POP;
}

static int entry_ship_submit(struct ui *u, const char *text)
{
	struct desk_state *d = desk_state();
	char *end;
	long n = text[0] ? strtol(text, &end, 10) : 0;
	if (text[0] && (*end || n < 0 || n > 9999)) {
		ui_message(u, UI_MSG_ERROR, _("'%s' is not a ship-to number"), text);
		return UI_REDRAW;
	}
	d->ship_to = (int)n;
	if (n)
		ui_message(u, UI_MSG_INFO, _("Delivered to ship-to address %ld"), n);
	else
		ui_message(u, UI_MSG_INFO, "%s", _("Delivered to the customer's own address"));
	return UI_POP;
}

static int entry_method_submit(struct ui *u, const char *text)
{
	struct desk_state *d = desk_state();
	struct app_ship_method m[APP_SHIP_METHODS];
	char method[12], *err = NULL;
	money_t charge;
	if (!text[0]) {
		d->shipping[0] = '\0';
		d->ship_charge = 0;
		desk_totals(u);
		ui_message(u, UI_MSG_INFO, "%s", _("No shipping method"));
		return UI_POP;
	}
	if (strlen(text) >= sizeof d->shipping || app_ship_parse(text, method, &charge, &err) != APP_OK) {
		ui_message(u, UI_MSG_ERROR, "%s", err ? err : _("Unknown shipping method"));
		free(err);
		return UI_REDRAW;
	}
	if (charge < 0) {
		if (app_ship_methods(u->app, m, &err) != APP_OK) {
			ui_message(u, UI_MSG_ERROR, "%s", err ? err : _("Cannot read the shipping methods"));
			free(err);
			return UI_REDRAW;
		}
		for (size_t i = 0; i < APP_SHIP_METHODS; i++)
			if (strcmp(m[i].code, method) == 0)
				charge = m[i].price;
	}
	strlcpy_safe(d->shipping, text, sizeof d->shipping);
	d->ship_charge = charge < 0 ? 0 : charge;
	desk_totals(u);
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
	int rc;
	if (d->entry_order && d->shipping[0])
		rc = app_order_new_shipped(u->app, d->cust.code, d->ship_to, d->shipping, items,
		                           d->nlines, &res, &err);
	else if (d->entry_order)
		rc = app_order_new(u->app, d->cust.code, d->ship_to, items, d->nlines, &res, &err);
	else
		rc = app_quote_new(u->app, d->cust.code, items, d->nlines, &res, &err);
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
		if (desk_is_qty(text, strlen(text)))
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
	case ACT_SHIP:
		if (!d->entry_order) {
			ui_message(u, UI_MSG_ERROR, "%s", _("A quote has no delivery address"));
			return UI_REDRAW;
		}
		ui_prompt_open(u, _("Ship-to"),
		               _("Ship-to address number (empty or 0: the customer's own):"), 4,
		               entry_ship_submit);
		return UI_REDRAW;
	case ACT_METHOD:
		if (!d->entry_order) {
			ui_message(u, UI_MSG_ERROR, "%s", _("A quote ships nothing"));
			return UI_REDRAW;
		}
		ui_prompt_open(u, _("Shipping"),
		               _("pickup, own, courier or cod; :AMOUNT for another charge (empty: none)"),
		               sizeof d->shipping - 1, entry_method_submit);
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
		desk_totals(u);
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
	desk_preview(u);
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
	char ship[48] = "";
	if (d->entry_order && d->ship_to)
		snprintf(ship, sizeof ship, _("ship-to %d"), d->ship_to);
	if (d->entry_order && d->shipping[0])
		snprintf(ship + strlen(ship), sizeof ship - strlen(ship), "%s%s", ship[0] ? " " : "",
		         d->shipping);
	ui_draw_title(u, title, ship);
	int name_w = COLS - 16 - EC_QTY - 2 * EC_MONEY - 4;
	attron(A_BOLD);
	ui_print(1, 1, 15, _("SKU"));
	ui_print(1, 17, name_w, _("Item"));
	ui_print_right(1, 17 + name_w + 1 + EC_QTY, EC_QTY, _("Qty"));
	ui_print_right(1, COLS - EC_MONEY - 1, EC_MONEY, _("Unit"));
	ui_print_right(1, COLS - 1, EC_MONEY, _("Amount"));
	attroff(A_BOLD);
	int rows = LINES - 8 - (d->shipping[0] ? 1 : 0);
	if (d->lsel < d->ltop)
		d->ltop = d->lsel;
	if (rows > 0 && d->lsel >= d->ltop + (size_t)rows)
		d->ltop = d->lsel - (size_t)rows + 1;
	for (size_t i = d->ltop; i < d->nlines && (int)(i - d->ltop) < rows; i++) {
		const struct desk_line *l = &d->lines[i];
		int y = 2 + (int)(i - d->ltop);
		desk_qty_text(u, l, q, sizeof q);
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
	if (d->shipping[0]) {
		/* The charge as the line the order will have (a taxed line of its
		 * service product, as the shop writes its prices). */
		int sy = 2 + (int)(d->nlines - d->ltop < (size_t)rows ? d->nlines - d->ltop : (size_t)rows);
		ui_blank(sy, 0, COLS);
		ui_printf(sy, 1, COLS - EC_MONEY - 3,
		          app_shop(u->app)->prices_include_tax ? _("Shipping: %s")
		                                               : _("Shipping: %s (before tax)"),
		          d->shipping);
		ui_money(u, d->ship_charge, amount, sizeof amount);
		ui_print_right(sy, COLS - 1, EC_MONEY, amount);
	}
	int y = LINES - 6;
	mvhline(y, 0, ACS_HLINE, COLS);
	ui_printf(y, 1, COLS / 2, d->nlines == 1 ? _(" %zu line ") : _(" %zu lines "), d->nlines);
	if (d->totals_ok && d->nlines) {
		char net[48], tax[48], part[160];
		/* The charge is written as the shop writes its prices: tax included,
		 * it adds to the total as it is, and the split before tax is the
		 * order's to make. */
		money_t gross = d->gross;
		int split = !d->inclusive && !d->shipping[0];
		if (d->shipping[0] && app_shop(u->app)->prices_include_tax)
			gross += d->ship_charge;
		ui_money(u, gross, amount, sizeof amount);
		snprintf(title, sizeof title, _(" TOTAL %s "), amount);
		int tw = ui_text_width(title);
		if (split) {
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
	desk_draw_entry_foot(u, d->preview, &d->input, &desk_entry_screen);
}

const struct ui_screen desk_entry_screen = {
	.name = "desk-entry",
	.actions = entry_actions,
	.bindings = entry_bindings,
	.draw = entry_draw,
	.action = entry_action,
	.key = entry_key,
};
