/* Pricing what the desk's entry screen holds: a line as typed ("CODE QTY",
 * "QTY*CODE", "CODE*QTY") priced for the customer by the price engine, and
 * the lines priced together as the document will be. */
#include "desk.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../src/app/ticket.h"

/* A quantity as typed: digits with at most one decimal mark. */
int desk_is_qty(const char *s, size_t n)
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
void desk_parse_line(const char *text, char *code, size_t csize, char *qty, size_t qsize)
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
	if (*sep == '*' && desk_is_qty(left, strlen(left))) {
		entry_copy(qty, qsize, left, strlen(left));
		entry_copy(code, csize, right, strlen(right));
	} else if (desk_is_qty(right, strlen(right))) {
		entry_copy(qty, qsize, right, strlen(right));
		entry_copy(code, csize, left, strlen(left));
	} else if (desk_is_qty(left, strlen(left))) {
		entry_copy(qty, qsize, left, strlen(left));
		entry_copy(code, csize, right, strlen(right));
	}
}

/* Prices code at qty for the customer into l; -1 with *err set. */
int desk_price_line(struct ui *u, const char *code, const char *qty, struct desk_line *l,
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

void desk_qty_text(struct ui *u, const struct desk_line *l, char *buf, size_t size)
{
	const char *mark = u->shop && u->shop->money && u->shop->money->decimal
	                           ? u->shop->money->decimal : ".";
	quantity_format(buf, size, l->q, l->weighed ? 3 : 0, mark);
}

/* The price engine's answer for what is typed, before Enter. */
void desk_preview(struct ui *u)
{
	struct desk_state *d = desk_state();
	char text[UI_FIELD_MAX * 4 + 1], code[UI_FIELD_MAX * 4 + 1], qty[32];
	struct desk_line l;
	char *err = NULL;
	d->preview[0] = '\0';
	ui_field_text(&d->input, text, sizeof text);
	desk_parse_line(text, code, sizeof code, qty, sizeof qty);
	if (!code[0])
		return;
	if (desk_price_line(u, code, qty, &l, &err) < 0) {
		snprintf(d->preview, sizeof d->preview, "%s", err ? err : _("no price"));
		free(err);
		return;
	}
	char q[32], unit[48], amount[48];
	desk_qty_text(u, &l, q, sizeof q);
	ui_money(u, l.unit, unit, sizeof unit);
	ui_money(u, l.amount, amount, sizeof amount);
	snprintf(d->preview, sizeof d->preview, _("%s %s: %s x %s = %s"), l.sku, l.name, q, unit,
	         amount);
}

/* Prices the lines together, as the document will (quantity breaks count
 * a product's lines together), for the unit prices and the totals. */
void desk_totals(struct ui *u)
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
