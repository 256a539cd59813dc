/* The wholesale desk screen: the chosen customer's card, balance, overdue
 * amount, limit and ageing at once, their documents newest first, and one
 * key per step on the selected document. Also runs the desk's session. */
#include "desk.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ui.h"
#include "../src/app/auth.h"
#include "../src/app/documents.h"

enum desk_action {
	ACT_CUSTOMER,
	ACT_QUOTE,
	ACT_ORDER,
	ACT_CONFIRM,
	ACT_DELIVER,
	ACT_INVOICE,
	ACT_PAY,
	ACT_CREDIT,
	ACT_OPEN,
	ACT_UP,
	ACT_DOWN,
	ACT_QUIT,
	ACT_MORE,
	ACT_PASTE,
	ACT_REPEAT,
	ACT_DRAFTS,
	ACT_COPY,
	ACT_PRINT,
	ACT_STATEMENT,
};

static const struct ui_action desk_actions[] = {
	{ ACT_CUSTOMER, "customer", N_("Cust"), N_("choose the customer by code or part of the name") },
	{ ACT_QUOTE, "new-quote", N_("Quote"), N_("a new quote for the customer") },
	{ ACT_ORDER, "new-order", N_("Order"), N_("a new order for the customer (credit-checked)") },
	{ ACT_CONFIRM, "confirm", N_("Confirm"), N_("turn the selected quote into an order") },
	{ ACT_DELIVER, "deliver", N_("Deliver"),
	  N_("deliver the selected order: all open, or the items typed") },
	{ ACT_INVOICE, "invoice", N_("Invoice"), N_("invoice what was delivered on the selected order") },
	{ ACT_PAY, "pay", N_("Pay"),
	  N_("take a payment: to the selected invoice, else the oldest") },
	{ ACT_CREDIT, "credit-note", N_("Credit"), N_("a credit note against the selected invoice") },
	{ ACT_OPEN, "open", NULL, N_("show the selected document, what came before and after") },
	{ ACT_UP, "doc-up", NULL, N_("select the document above") },
	{ ACT_DOWN, "doc-down", NULL, N_("select the document below") },
	{ ACT_MORE, "more", N_("More"),
	  N_("more keys: paste, repeat, drafts, copy, print, statement") },
	{ ACT_PASTE, "paste", NULL, N_("paste lines into a new draft order") },
	{ ACT_REPEAT, "repeat", NULL, N_("the customer's last order again, as a draft") },
	{ ACT_DRAFTS, "drafts", NULL, N_("reopen the customer's newest open draft") },
	{ ACT_COPY, "copy-quote", NULL, N_("copy the selected quote at today's prices") },
	{ ACT_PRINT, "print", NULL, N_("the selected document as a PDF in the shop's folder") },
	{ ACT_STATEMENT, "statement", NULL,
	  N_("the customer's statement as a PDF in the shop's folder") },
	{ ACT_QUIT, "quit", NULL, N_("twice: leave the desk") },
	{ 0, NULL, NULL, NULL },
};

static const struct ui_binding desk_bindings[] = {
	{ UI_FN(KEY_F(3)), ACT_CUSTOMER },
	{ UI_FN(KEY_F(4)), ACT_QUOTE },
	{ UI_FN(KEY_F(5)), ACT_ORDER },
	{ UI_FN(KEY_F(6)), ACT_CONFIRM },
	{ UI_FN(KEY_F(7)), ACT_DELIVER },
	{ UI_FN(KEY_F(8)), ACT_INVOICE },
	{ UI_FN(KEY_F(9)), ACT_PAY },
	{ UI_FN(KEY_F(2)), ACT_CREDIT },
	{ UI_FN(KEY_F(10)), ACT_MORE },
	{ 'p', ACT_PASTE },
	{ 'r', ACT_REPEAT },
	{ 'w', ACT_DRAFTS },
	{ 'c', ACT_COPY },
	{ 'd', ACT_PRINT },
	{ 's', ACT_STATEMENT },
	{ 'P', ACT_PASTE },
	{ 'R', ACT_REPEAT },
	{ 'W', ACT_DRAFTS },
	{ 'C', ACT_COPY },
	{ 'D', ACT_PRINT },
	{ 'S', ACT_STATEMENT },
	{ UI_KEY_ENTER, ACT_OPEN },
	{ UI_FN(KEY_UP), ACT_UP },
	{ UI_FN(KEY_DOWN), ACT_DOWN },
	{ UI_KEY_ESC, ACT_QUIT },
	{ 0, 0 },
};

static struct desk_state desk_the_state;

struct desk_state *desk_state(void)
{
	return &desk_the_state;
}

int ui_desk_run(struct app *a, char **err)
{
	memset(&desk_the_state, 0, sizeof desk_the_state);
	return ui_run_first(a, &ui_desk_screen, err);
}

void desk_refresh(struct ui *u)
{
	struct desk_state *d = desk_state();
	char *err = NULL;
	if (!d->has_customer)
		return;
	struct app_balance b;
	if (app_balance(u->app, d->cust.code, &b, &err) == APP_OK) {
		d->owed = b.owed;
		d->overdue = b.overdue;
		d->limit = b.limit;
		d->unallocated = b.unallocated;
		memcpy(d->bucket, b.bucket, sizeof d->bucket);
		d->on_hold = b.on_hold;
		strlcpy_safe(d->terms, b.terms, sizeof d->terms);
		app_balance_release(&b);
	} else {
		ui_message(u, UI_MSG_ERROR, "%s", err ? err : _("cannot read the balance"));
		free(err);
		err = NULL;
	}
	size_t n = 0;
	if (app_desk_docs(u->app, d->cust.code, d->docs, DESK_DOCS_MAX, &n, &err) != APP_OK) {
		ui_message(u, UI_MSG_ERROR, "%s", err ? err : _("cannot read the documents"));
		free(err);
		n = 0;
	}
	d->ndocs = n;
	if (d->sel >= n)
		d->sel = n ? n - 1 : 0;
}

int desk_set_customer(struct ui *u, const char *code)
{
	struct desk_state *d = desk_state();
	struct app_desk_customer c;
	char *err = NULL;
	if (app_desk_customer_get(u->app, code, &c, &err) != APP_OK) {
		ui_message(u, UI_MSG_ERROR, "%s", err ? err : _("Unknown customer"));
		free(err);
		return -1;
	}
	d->cust = c;
	d->has_customer = 1;
	d->sel = d->top = 0;
	desk_refresh(u);
	return 0;
}

const struct app_desk_doc *desk_selected(struct ui *u)
{
	(void)u;
	struct desk_state *d = desk_state();
	return d->has_customer && d->sel < d->ndocs ? &d->docs[d->sel] : NULL;
}

void desk_draw_entry_foot(struct ui *u, const char *preview, struct ui_field *input,
                          const struct ui_screen *s)
{
	ui_blank(LINES - 5, 0, COLS);
	if (preview[0]) {
		int x = 1 + ui_print(LINES - 5, 1, COLS - 2, _("Price:"));
		ui_print(LINES - 5, x + 1, COLS - x - 2, preview);
	}
	ui_blank(LINES - 4, 0, COLS);
	ui_blank(LINES - 3, 0, COLS);
	if (u->msg[0]) {
		int top = preview[0] ? LINES - 4 : LINES - 5;
		if (u->msg_kind == UI_MSG_ERROR)
			attron(A_BOLD);
		desk_print_wrapped(top, 1, COLS - 2, LINES - 3 - top, u->msg);
		attroff(A_BOLD);
	}
	int x = 1 + ui_print(LINES - 2, 1, COLS / 2, _("Item (CODE QTY):"));
	ui_field_draw(u, input, LINES - 2, x + 1, COLS - x - 2);
	ui_draw_helpbar(u, s);
}

int desk_print_wrapped(int y, int x, int w, int rows, const char *text)
{
	int used = 0;
	char line[512];
	while (*text && used < rows) {
		/* As many whole words as fit in w columns (a word longer than w is cut). */
		size_t best = 0, i = 0;
		while (text[i]) {
			size_t j = i;
			while (text[j] == ' ')
				j++;
			while (text[j] && text[j] != ' ')
				j++;
			if (j >= sizeof line)
				break;
			memcpy(line, text, j);
			line[j] = '\0';
			if (ui_text_width(line) > w)
				break;
			best = i = j;
		}
		if (!best)
			best = strlen(text) < sizeof line - 1 ? strlen(text) : sizeof line - 1;
		memcpy(line, text, best);
		line[best] = '\0';
		ui_print(y + used, x, w, line);
		used++;
		text += best;
		while (*text == ' ')
			text++;
	}
	return used;
}

static void desk_money_text(struct ui *u, money_t v, char *buf, size_t size)
{
	ui_money(u, v, buf, size);
}

static void desk_draw_card(struct ui *u, int y)
{
	struct desk_state *d = desk_state();
	char a[48], b[48], c[48], e[48], f[48];
	if (!d->has_customer) {
		ui_print(y + 1, 1, COLS - 2, _("No customer chosen: F3 to choose one by code or name."));
		return;
	}
	attron(A_BOLD);
	int x = 1 + ui_print(y, 1, COLS - 2, d->cust.code);
	x += 1 + ui_print(y, x + 1, COLS - x - 2, d->cust.name);
	attroff(A_BOLD);
	if (x < COLS - 4)
		ui_printf(y, x + 1, COLS - x - 2, "(%s)", d->cust.kind);
	ui_printf(y + 1, 1, COLS - 2, _("Terms %s   Prices %s   Tax id %s"),
	          d->terms[0] ? d->terms : "-", d->cust.list_code[0] ? d->cust.list_code : _("retail"),
	          d->cust.tax_id[0] ? d->cust.tax_id : "-");
	desk_money_text(u, d->owed, a, sizeof a);
	desk_money_text(u, d->overdue, b, sizeof b);
	desk_money_text(u, d->limit, c, sizeof c);
	attron(A_BOLD);
	x = 1 + ui_printf(y + 2, 1, COLS - 2, _("Balance %s   Overdue %s   Limit %s"), a, b,
	                  d->limit ? c : _("none"));
	if (d->on_hold)
		ui_print(y + 2, x + 2, COLS - x - 3, _("ON HOLD"));
	attroff(A_BOLD);
	desk_money_text(u, d->bucket[0], a, sizeof a);
	desk_money_text(u, d->bucket[1], b, sizeof b);
	desk_money_text(u, d->bucket[2], c, sizeof c);
	desk_money_text(u, d->bucket[3], e, sizeof e);
	desk_money_text(u, d->bucket[4], f, sizeof f);
	ui_printf(y + 3, 1, COLS - 2, _("Current %s  1-30 %s  31-60 %s  61-90 %s  >90 %s"), a, b, c,
	          e, f);
}

/* Document columns: kind, number, date, status, then the total at the right. */
#define DC_NUM 10
#define DC_DATE 22
#define DC_STATUS 34

static void desk_draw_docs(struct ui *u, int y, int rows)
{
	struct desk_state *d = desk_state();
	attron(A_BOLD);
	ui_blank(y, 0, COLS);
	ui_print(y, 1, DC_NUM - 2, _("Document"));
	ui_print(y, DC_NUM, DC_DATE - DC_NUM - 1, _("Number"));
	ui_print(y, DC_DATE, DC_STATUS - DC_DATE - 1, _("Date"));
	ui_print(y, DC_STATUS, 16, _("Status"));
	ui_print_right(y, COLS - 1, 14, _("Total"));
	attroff(A_BOLD);
	y++;
	rows--;
	if (!d->has_customer || rows <= 0)
		return;
	if (!d->ndocs) {
		ui_print(y, 1, COLS - 2, _("No documents yet: F4 a quote, F5 an order."));
		return;
	}
	if (d->sel < d->top)
		d->top = d->sel;
	if (d->sel >= d->top + (size_t)rows)
		d->top = d->sel - (size_t)rows + 1;
	for (size_t i = d->top; i < d->ndocs && i < d->top + (size_t)rows; i++) {
		const struct app_desk_doc *doc = &d->docs[i];
		int row = y + (int)(i - d->top);
		char total[48];
		if (i == d->sel)
			attron(A_REVERSE);
		ui_blank(row, 0, COLS);
		ui_print(row, 1, DC_NUM - 2, doc->kind);
		ui_print(row, DC_NUM, DC_DATE - DC_NUM - 1, doc->number);
		ui_printf(row, DC_DATE, DC_STATUS - DC_DATE - 1, "%04d-%02d-%02d", doc->day / 10000,
		          doc->day / 100 % 100, doc->day % 100);
		ui_print(row, DC_STATUS, 16, doc->status);
		if (strcmp(doc->kind, "delivery") != 0) {
			ui_money(u, doc->total, total, sizeof total);
			ui_print_right(row, COLS - 1, 14, total);
		}
		attroff(A_REVERSE);
	}
}

static void desk_draw(struct ui *u)
{
	const char *who = app_user_role(u->app)[0] ? app_user_name(u->app) : "";
	char right[64] = "";
	if (who[0])
		snprintf(right, sizeof right, "[%s]", who);
	ui_draw_title(u, _("Wholesale desk"), right);
	desk_draw_card(u, 1);
	mvhline(5, 0, ACS_HLINE, COLS);
	desk_draw_docs(u, 6, LINES - 9);
	ui_blank(LINES - 3, 0, COLS);
	ui_blank(LINES - 2, 0, COLS);
	int used = 0;
	if (u->msg[0]) {
		if (u->msg_kind == UI_MSG_ERROR)
			attron(A_BOLD);
		used = desk_print_wrapped(LINES - 3, 1, COLS - 2, 2, u->msg);
		attroff(A_BOLD);
	}
	if (used < 2 && desk_state()->has_customer)
		/* The help bar has no room left for them at 80 columns. */
		ui_print(LINES - 2, 1, COLS - 2,
		         _("F10 more: P paste  R repeat  W drafts  C copy quote  D print  S statement"));
	ui_draw_helpbar(u, &ui_desk_screen);
}

static int desk_need_customer(struct ui *u)
{
	if (desk_state()->has_customer)
		return 1;
	ui_message(u, UI_MSG_ERROR, "%s", _("Choose a customer first: F3"));
	return 0;
}

static int desk_action(struct ui *u, int act)
{
	struct desk_state *d = desk_state();
	int armed = d->quit_armed;
	d->quit_armed = 0;
	switch (act) {
	case ACT_CUSTOMER:
		ui_message_clear(u);
		return desk_pick_open(u);
	case ACT_QUOTE:
	case ACT_ORDER:
		if (!desk_need_customer(u))
			return UI_REDRAW;
		ui_message_clear(u);
		return desk_entry_open(u, act == ACT_ORDER);
	case ACT_UP:
		if (d->sel > 0)
			d->sel--;
		return UI_REDRAW;
	case ACT_DOWN:
		if (d->sel + 1 < d->ndocs)
			d->sel++;
		return UI_REDRAW;
	case ACT_OPEN:
		return desk_open_doc(u);
	case ACT_CONFIRM:
		return desk_step_confirm(u);
	case ACT_DELIVER:
		return desk_step_deliver(u);
	case ACT_INVOICE:
		return desk_step_invoice(u);
	case ACT_PAY:
		if (!desk_need_customer(u))
			return UI_REDRAW;
		return desk_step_pay(u);
	case ACT_CREDIT:
		return desk_step_credit(u);
	case ACT_MORE:
		return desk_more_open(u);
	case ACT_PASTE:
		if (!desk_need_customer(u))
			return UI_REDRAW;
		return desk_paste_open(u, 0);
	case ACT_REPEAT:
		return desk_repeat(u);
	case ACT_DRAFTS:
		return desk_drafts(u);
	case ACT_COPY:
		return desk_copy_quote(u);
	case ACT_PRINT:
		return desk_print_doc(u);
	case ACT_STATEMENT:
		return desk_print_statement(u);
	case ACT_QUIT:
		if (armed)
			return UI_QUIT;
		d->quit_armed = 1;
		ui_message(u, UI_MSG_INFO, "%s", _("Esc again to leave the desk"));
		return UI_REDRAW;
	default:
		return UI_UNHANDLED;
	}
}

const struct ui_screen ui_desk_screen = {
	.name = "desk",
	.actions = desk_actions,
	.bindings = desk_bindings,
	.draw = desk_draw,
	.action = desk_action,
};
