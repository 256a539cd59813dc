/* F2: products found by name, SKU, brand or barcode as the cashier types;
 * Enter adds the chosen one to the ticket through the same path as a typed
 * code, with the "N*" typed on the counter before F2. */
#include "ui_int.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum search_action {
	ACT_PICK,
	ACT_UP,
	ACT_DOWN,
	ACT_PGUP,
	ACT_PGDN,
	ACT_BACK,
	ACT_SCAN,
};

static const struct ui_action search_actions[] = {
	{ ACT_PICK, "add", N_("Add"), N_("add the selected product to the ticket") },
	{ ACT_BACK, "back", N_("Back"), N_("back to the ticket") },
	{ ACT_UP, "up", NULL, N_("select the product above") },
	{ ACT_DOWN, "down", NULL, N_("select the product below") },
	{ ACT_PGUP, "page-up", NULL, N_("one page up") },
	{ ACT_PGDN, "page-down", NULL, N_("one page down") },
	{ ACT_SCAN, "scan", NULL, N_("a scan adds its product and goes back to the ticket") },
	{ 0, NULL, NULL, NULL },
};

static const struct ui_binding search_bindings[] = {
	{ UI_KEY_ENTER, ACT_PICK },
	{ UI_KEY_ESC, ACT_BACK },
	{ UI_FN(KEY_F(2)), ACT_BACK },
	{ UI_FN(KEY_UP), ACT_UP },
	{ UI_FN(KEY_DOWN), ACT_DOWN },
	{ UI_FN(KEY_PPAGE), ACT_PGUP },
	{ UI_FN(KEY_NPAGE), ACT_PGDN },
	{ UI_KEY_SCAN, ACT_SCAN },
	{ 0, 0 },
};

/* Rows the result list has on screen. */
static int search_rows(void)
{
	return LINES - 7 > 1 ? LINES - 7 : 1;
}

static void search_enter(struct ui *u)
{
	struct ui_search_state *ss = &u->search;
	ui_field_init(&ss->text, 40);
	ss->n = ss->sel = ss->top = 0;
	ui_counter_qty_prefix(u, ss->qty_prefix, sizeof ss->qty_prefix);
}

static void search_run(struct ui *u)
{
	struct ui_search_state *ss = &u->search;
	char text[UI_FIELD_MAX * 4 + 1];
	char *err = NULL;
	ss->n = ss->sel = ss->top = 0;
	ui_message_clear(u);
	if (ss->text.len < 2)
		return;
	ui_field_text(&ss->text, text, sizeof text);
	if (app_search(u->app, text, ss->res, UI_SEARCH_MAX, &ss->n, &err) < 0) {
		ss->n = 0;
		ui_message(u, UI_MSG_ERROR, "%s", err ? err : _("Search failed"));
	} else if (!ss->n) {
		ui_message(u, UI_MSG_INFO, "%s", _("Nothing found"));
	}
	free(err);
}

static int search_pick(struct ui *u)
{
	struct ui_search_state *ss = &u->search;
	char line[sizeof ss->qty_prefix + CART_SKU_MAX + 1];
	if (!ss->n) {
		ui_message(u, UI_MSG_ERROR, "%s", _("Type at least two letters of a name"));
		return UI_REDRAW;
	}
	snprintf(line, sizeof line, "%s%s", ss->qty_prefix, ss->res[ss->sel].sku);
	ui_field_clear(&u->counter.code);
	ui_counter_submit(u, line);
	return UI_POP;
}

static void search_move(struct ui *u, long delta)
{
	struct ui_search_state *ss = &u->search;
	if (!ss->n)
		return;
	long sel = (long)ss->sel + delta;
	if (sel < 0)
		sel = 0;
	if (sel >= (long)ss->n)
		sel = (long)ss->n - 1;
	ss->sel = (size_t)sel;
}

static int search_action(struct ui *u, int act)
{
	switch (act) {
	case ACT_PICK:
		return search_pick(u);
	case ACT_BACK:
		ui_message_clear(u);
		return UI_POP;
	case ACT_SCAN: {
		char line[sizeof u->search.qty_prefix + WEDGE_TEXT_MAX];
		if (u->search.qty_prefix[0])
			ui_field_clear(&u->counter.code);
		snprintf(line, sizeof line, "%s%s", u->search.qty_prefix, u->scan.text);
		ui_counter_submit(u, line);
		return UI_POP;
	}
	case ACT_UP:
		search_move(u, -1);
		return UI_REDRAW;
	case ACT_DOWN:
		search_move(u, 1);
		return UI_REDRAW;
	case ACT_PGUP:
		search_move(u, -search_rows());
		return UI_REDRAW;
	case ACT_PGDN:
		search_move(u, search_rows());
		return UI_REDRAW;
	default:
		return UI_UNHANDLED;
	}
}

static int search_key(struct ui *u, int key)
{
	size_t before = u->search.text.len;
	if (!ui_field_key(&u->search.text, key))
		return UI_UNHANDLED;
	if (u->search.text.len != before || key == UI_KEY_CTRL('u'))
		search_run(u);
	return UI_REDRAW;
}

#define COL_SKU 14
#define COL_PRICE 13
#define COL_STOCK 9

static void search_draw_row(struct ui *u, int y, const struct app_product *p, int selected)
{
	char price[48], stock[32];
	const char *mark = u->shop->money && u->shop->money->decimal ? u->shop->money->decimal : ".";
	int name_w = COLS - COL_SKU - COL_PRICE - COL_STOCK - 5;
	ui_money(u, p->price, price, sizeof price);
	if (p->weighed)
		quantity_format(stock, sizeof stock, p->stock, 3, mark);
	else
		snprintf(stock, sizeof stock, "%lld", (long long)p->stock);
	if (selected)
		attron(A_REVERSE);
	ui_blank(y, 0, COLS);
	ui_print(y, 1, name_w, p->name);
	ui_print(y, name_w + 2, COL_SKU, p->sku);
	ui_print_right(y, COLS - COL_STOCK - 2, COL_PRICE, price);
	ui_print_right(y, COLS - 1, COL_STOCK, stock);
	attroff(A_REVERSE);
}

static void search_draw(struct ui *u)
{
	struct ui_search_state *ss = &u->search;
	int rows = search_rows();
	int name_w = COLS - COL_SKU - COL_PRICE - COL_STOCK - 5;

	ui_draw_title(u, _("Search"), ss->qty_prefix[0] ? ss->qty_prefix : NULL);
	attron(A_BOLD);
	ui_print(3, 1, name_w, _("Item"));
	ui_print(3, name_w + 2, COL_SKU, _("SKU"));
	ui_print_right(3, COLS - COL_STOCK - 2, COL_PRICE, _("Price"));
	ui_print_right(3, COLS - 1, COL_STOCK, _("Stock"));
	attroff(A_BOLD);

	if (ss->sel < ss->top)
		ss->top = ss->sel;
	if (ss->sel >= ss->top + (size_t)rows)
		ss->top = ss->sel - (size_t)rows + 1;
	for (int i = 0; i < rows && ss->top + (size_t)i < ss->n; i++)
		search_draw_row(u, 4 + i, &ss->res[ss->top + (size_t)i], ss->top + (size_t)i == ss->sel);

	ui_draw_message(u, LINES - 3);
	int x = 1 + ui_print(1, 1, COLS / 2, _("Name:"));
	ui_field_draw(u, &ss->text, 1, x + 1, COLS - x - 2);
	ui_draw_helpbar(u, &ui_search_screen);
}

const struct ui_screen ui_search_screen = {
	.name = "search",
	.actions = search_actions,
	.bindings = search_bindings,
	.enter = search_enter,
	.draw = search_draw,
	.action = search_action,
	.key = search_key,
};
