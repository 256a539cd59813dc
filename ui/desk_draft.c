/* A draft order on the desk (pasted, repeated or reopened): its lines
 * priced today, the pasted lines that were not added listed with their
 * line numbers; lines added, changed or removed in the database as typed,
 * more lines pasted, and F10 to place it, credit-checked with a
 * supervisor's approval as an order typed on the desk. */
#include "desk.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../src/app/documents.h"

enum draft_action {
	ACT_ADD,
	ACT_UP,
	ACT_DOWN,
	ACT_QTY,
	ACT_REMOVE,
	ACT_PASTE,
	ACT_PLACE,
	ACT_BACK,
	ACT_SCAN,
};

static const struct ui_action draft_actions[] = {
	{ ACT_QTY, "quantity", N_("Qty"), N_("change the quantity of the selected line") },
	{ ACT_PASTE, "paste", N_("Paste"), N_("paste more lines into the draft") },
	{ ACT_REMOVE, "remove-line", N_("Remove"), N_("remove the selected line") },
	{ ACT_PLACE, "place", N_("Place"), N_("place the draft as an order (credit-checked)") },
	{ ACT_BACK, "back", N_("Back"), N_("clear the item typed; else back, the draft kept open") },
	{ ACT_ADD, "add", NULL, N_("add the item typed: CODE QTY, QTY*CODE or CODE*QTY") },
	{ ACT_UP, "line-up", NULL, N_("select the line above") },
	{ ACT_DOWN, "line-down", NULL, N_("select the line below") },
	{ ACT_SCAN, "scan", NULL, N_("add the product scanned; a number typed is its quantity") },
	{ 0, NULL, NULL, NULL },
};

static const struct ui_binding draft_bindings[] = {
	{ UI_FN(KEY_F(5)), ACT_QTY },
	{ UI_FN(KEY_F(6)), ACT_PASTE },
	{ UI_FN(KEY_F(8)), ACT_REMOVE },
	{ UI_FN(KEY_F(10)), ACT_PLACE },
	{ UI_KEY_ESC, ACT_BACK },
	{ UI_KEY_ENTER, ACT_ADD },
	{ UI_FN(KEY_UP), ACT_UP },
	{ UI_FN(KEY_DOWN), ACT_DOWN },
	{ UI_KEY_SCAN, ACT_SCAN },
	{ 0, 0 },
};

int desk_draft_load(struct ui *u)
{
	struct desk_state *d = desk_state();
	struct app_draft dr;
	char *err = NULL;
	if (app_draft_get(u->app, d->draft, &dr, &err) != APP_OK) {
		ui_message(u, UI_MSG_ERROR, "%s", err ? err : _("Cannot read the draft"));
		free(err);
		return -1;
	}
	d->nlines = 0;
	for (size_t i = 0; i < dr.n && d->nlines < DESK_LINES_MAX; i++) {
		const struct app_draft_line *s = &dr.lines[i];
		struct desk_line *l = &d->lines[d->nlines];
		memset(l, 0, sizeof *l);
		strlcpy_safe(l->code, s->code, sizeof l->code);
		strlcpy_safe(l->sku, s->sku, sizeof l->sku);
		strlcpy_safe(l->name, s->name, sizeof l->name);
		strlcpy_safe(l->qty, s->qty, sizeof l->qty);
		l->q = s->qty_base;
		l->weighed = s->weighed;
		l->unit = s->unit_price;
		l->amount = s->gross;
		d->draft_line_no[d->nlines++] = s->line_no;
	}
	strlcpy_safe(d->draft_shipping, dr.shipping, sizeof d->draft_shipping);
	d->draft_charge = dr.charge;
	d->net = dr.net;
	d->tax = dr.tax;
	d->gross = dr.total;
	d->inclusive = app_shop(u->app)->prices_include_tax;
	d->totals_ok = 1;
	app_draft_release(&dr);
	if (d->lsel >= d->nlines)
		d->lsel = d->nlines ? d->nlines - 1 : 0;
	return 0;
}

int desk_draft_open(struct ui *u, int64_t number)
{
	struct desk_state *d = desk_state();
	d->draft = number;
	d->nlines = d->lsel = d->ltop = 0;
	d->preview[0] = '\0';
	ui_field_init(&d->input, UI_FIELD_MAX);
	ui_push(u, &desk_draft_screen);
	desk_draft_load(u);
	return UI_REDRAW;
}

static int draft_add(struct ui *u, const char *text)
{
	struct desk_state *d = desk_state();
	char code[UI_FIELD_MAX * 4 + 1], qty[32];
	char *err = NULL;
	desk_parse_line(text, code, sizeof code, qty, sizeof qty);
	if (!code[0])
		return UI_REDRAW;
	struct app_doc_item it = { .code = code, .qty = qty[0] ? qty : NULL };
	if (app_draft_add(u->app, d->draft, &it, 1, &err) != APP_OK) {
		ui_message(u, UI_MSG_ERROR, "%s", err ? err : _("Unknown code"));
		free(err);
		return UI_REDRAW;
	}
	ui_field_clear(&d->input);
	d->preview[0] = '\0';
	ui_message_clear(u);
	desk_draft_load(u);
	d->lsel = d->nlines ? d->nlines - 1 : 0;
	return UI_REDRAW;
}

static int draft_qty_submit(struct ui *u, const char *text)
{
	struct desk_state *d = desk_state();
	char *err = NULL;
	if (d->lsel >= d->nlines)
		return UI_POP;
	if (app_draft_line_set(u->app, d->draft, d->draft_line_no[d->lsel], text, &err) != APP_OK) {
		ui_message(u, UI_MSG_ERROR, "%s", err ? err : _("Quantity refused"));
		free(err);
		return UI_REDRAW;
	}
	ui_message_clear(u);
	desk_draft_load(u);
	return UI_POP;
}

static int draft_place_run(struct ui *u)
{
	struct desk_state *d = desk_state();
	struct app_doc_result res;
	char *err = NULL, total[48];
	int rc = app_draft_place(u->app, d->draft, &res, &err);
	if (rc != APP_OK)
		return ui_denied_or_error(u, rc, err, _("Not placed"), draft_place_run);
	ui_money(u, res.total, total, sizeof total);
	if (res.shortage[0])
		ui_message(u, UI_MSG_INFO, _("Order %s placed from draft %lld, total %s; %s"),
		           res.number, (long long)d->draft, total, res.shortage);
	else
		ui_message(u, UI_MSG_INFO, _("Order %s placed from draft %lld, total %s"), res.number,
		           (long long)d->draft, total);
	d->nrejects = d->nrejects_all = 0;
	d->sel = 0;
	desk_refresh(u);
	for (size_t i = 0; i < d->ndocs; i++)
		if (strcmp(d->docs[i].kind, "order") == 0 && strcmp(d->docs[i].number, res.number) == 0)
			d->sel = i;
	return UI_POP;
}

static int draft_action(struct ui *u, int act)
{
	struct desk_state *d = desk_state();
	char text[UI_FIELD_MAX * 4 + 1];
	char *err = NULL;
	switch (act) {
	case ACT_ADD:
		if (d->input.overflow) {
			ui_message(u, UI_MSG_ERROR, _("Too long: at most %d characters"), UI_FIELD_MAX);
			return UI_REDRAW;
		}
		ui_field_text(&d->input, text, sizeof text);
		return draft_add(u, text);
	case ACT_SCAN: {
		char line[sizeof text + WEDGE_TEXT_MAX + 2];
		ui_field_text(&d->input, text, sizeof text);
		if (desk_is_qty(text, strlen(text)))
			snprintf(line, sizeof line, "%s*%s", text, u->scan.text);
		else
			snprintf(line, sizeof line, "%s", u->scan.text);
		return draft_add(u, line);
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
		               draft_qty_submit);
		return UI_REDRAW;
	case ACT_REMOVE:
		if (d->lsel >= d->nlines) {
			ui_message(u, UI_MSG_ERROR, "%s", _("No line selected"));
			return UI_REDRAW;
		}
		if (app_draft_line_set(u->app, d->draft, d->draft_line_no[d->lsel], NULL, &err) !=
		    APP_OK) {
			ui_message(u, UI_MSG_ERROR, "%s", err ? err : _("Not removed"));
			free(err);
			return UI_REDRAW;
		}
		ui_message(u, UI_MSG_INFO, _("Removed: %s"), d->lines[d->lsel].name);
		desk_draft_load(u);
		return UI_REDRAW;
	case ACT_PASTE:
		return desk_paste_open(u, 1);
	case ACT_PLACE:
		if (!d->nlines) {
			ui_message(u, UI_MSG_ERROR, "%s", _("No lines yet: type a code and a quantity"));
			return UI_REDRAW;
		}
		ui_message_clear(u);
		return draft_place_run(u);
	case ACT_BACK:
		if (d->input.len) {
			ui_field_clear(&d->input);
			d->preview[0] = '\0';
			return UI_REDRAW;
		}
		d->nrejects = d->nrejects_all = 0;
		ui_message(u, UI_MSG_INFO, _("Draft %lld kept open: W on the desk reopens it"),
		           (long long)d->draft);
		return UI_POP;
	default:
		return UI_UNHANDLED;
	}
}

static int draft_key(struct ui *u, int key)
{
	struct desk_state *d = desk_state();
	if (!ui_field_key(&d->input, key))
		return UI_UNHANDLED;
	desk_preview(u);
	return UI_REDRAW;
}

#define DC_QTY 10
#define DC_MONEY 13

/* The lines that were not added: a heading and one row each, in the rows
 * from y (at most rows); returns the rows used. */
static int draft_draw_rejects(int y, int rows)
{
	struct desk_state *d = desk_state();
	if (!d->nrejects || rows < 2)
		return 0;
	attron(A_BOLD);
	ui_blank(y, 0, COLS);
	ui_printf(y, 1, COLS - 2, _("Not added (%zu): line, text, why"), d->nrejects_all);
	attroff(A_BOLD);
	int used = 1;
	for (size_t i = 0; i < d->nrejects && used < rows; i++, used++) {
		const struct app_paste_reject *r = &d->rejects[i];
		char row[ORDERPARSE_LINE_MAX + 300];
		snprintf(row, sizeof row, _("line %zu: %s: %s"), r->line, r->text, r->why);
		ui_blank(y + used, 0, COLS);
		ui_print(y + used, 2, COLS - 3, row);
	}
	return used;
}

static void draft_draw(struct ui *u)
{
	struct desk_state *d = desk_state();
	char title[256], q[32], unit[48], amount[48];
	snprintf(title, sizeof title, _("Draft order %lld: %s %s"), (long long)d->draft,
	         d->cust.code, d->cust.name);
	ui_draw_title(u, title, d->draft_shipping);
	int name_w = COLS - 16 - DC_QTY - 2 * DC_MONEY - 4;
	attron(A_BOLD);
	ui_print(1, 1, 15, _("SKU"));
	ui_print(1, 17, name_w, _("Item"));
	ui_print_right(1, 17 + name_w + 1 + DC_QTY, DC_QTY, _("Qty"));
	ui_print_right(1, COLS - DC_MONEY - 1, DC_MONEY, _("Unit"));
	ui_print_right(1, COLS - 1, DC_MONEY, _("Amount"));
	attroff(A_BOLD);
	int area = LINES - 8;
	int nrej = d->nrejects ? (int)d->nrejects + 1 : 0;
	if (nrej > area / 2)
		nrej = area / 2;
	int rows = area - nrej - (d->draft_charge ? 1 : 0);
	if (d->lsel < d->ltop)
		d->ltop = d->lsel;
	if (rows > 0 && d->lsel >= d->ltop + (size_t)rows)
		d->ltop = d->lsel - (size_t)rows + 1;
	int y = 2;
	for (size_t i = d->ltop; i < d->nlines && y - 2 < rows; i++, y++) {
		const struct desk_line *l = &d->lines[i];
		desk_qty_text(u, l, q, sizeof q);
		ui_money(u, l->unit, unit, sizeof unit);
		ui_money(u, l->amount, amount, sizeof amount);
		if (i == d->lsel)
			attron(A_REVERSE);
		ui_blank(y, 0, COLS);
		ui_print(y, 1, 15, l->sku);
		ui_print(y, 17, name_w, l->name);
		ui_print_right(y, 17 + name_w + 1 + DC_QTY, DC_QTY, q);
		ui_print_right(y, COLS - DC_MONEY - 1, DC_MONEY, unit);
		ui_print_right(y, COLS - 1, DC_MONEY, amount);
		attroff(A_REVERSE);
	}
	if (d->draft_charge) {
		ui_money(u, d->draft_charge, amount, sizeof amount);
		ui_printf(y, 1, COLS - DC_MONEY - 3, _("Shipping (%s)"), d->draft_shipping);
		ui_print_right(y, COLS - 1, DC_MONEY, amount);
	}
	draft_draw_rejects(2 + area - nrej, nrej);
	y = LINES - 6;
	mvhline(y, 0, ACS_HLINE, COLS);
	ui_printf(y, 1, COLS / 2, d->nlines == 1 ? _(" %zu line ") : _(" %zu lines "), d->nlines);
	if (d->totals_ok && d->nlines) {
		ui_money(u, d->gross, amount, sizeof amount);
		snprintf(title, sizeof title, _(" TOTAL %s "), amount);
		attron(A_BOLD);
		ui_print_right(y, COLS - 1, COLS / 2, title);
		attroff(A_BOLD);
	}
	desk_draw_entry_foot(u, d->preview, &d->input, &desk_draft_screen);
}

const struct ui_screen desk_draft_screen = {
	.name = "desk-draft",
	.actions = draft_actions,
	.bindings = draft_bindings,
	.draw = draft_draw,
	.action = draft_action,
	.key = draft_key,
};
