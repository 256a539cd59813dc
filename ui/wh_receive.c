/* Receiving on a handheld: the purchase number, then item after item, each
 * with its quantity (the supplier's pack by default) received at once
 * through app_purchase_receive; the line's ordered and received figures
 * show; more than is open asks first. Steps: 0 purchase, 1 item,
 * 2 quantity, 3 over-delivery question. */
#include "wh.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { RCV_PO, RCV_ITEM, RCV_QTY, RCV_OVER };

static const struct app_purchase_line *rcv_line(struct ui *u, const char *sku)
{
	struct ui_wh *w = u->wh;
	for (size_t i = 0; w->have_po && i < w->po.n; i++)
		if (strcmp(w->po.lines[i].sku, sku) == 0)
			return &w->po.lines[i];
	return NULL;
}

static void rcv_close(struct ui *u)
{
	if (u->wh->have_po)
		app_purchase_release(&u->wh->po);
	u->wh->have_po = 0;
}

static int rcv_load(struct ui *u, char **err)
{
	rcv_close(u);
	int rc = app_purchase_get(u->app, u->wh->s.doc, &u->wh->po, err);
	u->wh->have_po = rc == APP_OK;
	return rc;
}

static int rcv_open(struct ui *u, char **err)
{
	struct ui_wh *w = u->wh;
	if (w->s.step == RCV_PO || !w->s.doc) {
		w->s.step = RCV_PO;
		return APP_OK;
	}
	int rc = rcv_load(u, err);
	if (rc == APP_OK && w->s.step >= RCV_QTY && !rcv_line(u, w->s.item))
		w->s.step = RCV_ITEM;
	return rc;
}

static void rcv_view(struct ui *u, struct wh_view *v)
{
	struct ui_wh *w = u->wh;
	const struct app_purchase_line *l = rcv_line(u, w->s.item);
	snprintf(v->title, sizeof v->title, "%s", _("Receive"));
	if (w->s.doc)
		snprintf(v->title, sizeof v->title, _("Receive PO %lld"), (long long)w->s.doc);
	switch (w->s.step) {
	case RCV_PO:
		snprintf(v->label, sizeof v->label, "%s", _("Purchase no.:"));
		snprintf(v->hint, sizeof v->hint, "%s", _("Esc:menu"));
		break;
	case RCV_ITEM: {
		size_t done = 0;
		for (size_t i = 0; i < w->po.n; i++)
			done += w->po.lines[i].received >= w->po.lines[i].ordered;
		/* The most useful first: a 16x6 screen shows one line. */
		snprintf(v->ctx[0], sizeof v->ctx[0], _("%zu/%zu lines done"), done, w->po.n);
		snprintf(v->ctx[1], sizeof v->ctx[1], "%s", w->last);
		snprintf(v->ctx[2], sizeof v->ctx[2], "%s", w->have_po ? w->po.supplier : "");
		snprintf(v->label, sizeof v->label, "%s", _("Scan item:"));
		snprintf(v->hint, sizeof v->hint, "%s", _("F10:end Esc:back"));
		break;
	}
	case RCV_QTY:
	case RCV_OVER:
		snprintf(v->ctx[0], sizeof v->ctx[0], "%s", w->s.item);
		if (l)
			snprintf(v->ctx[1], sizeof v->ctx[1], _("Ord %lld Rcv %lld"),
			         (long long)l->ordered, (long long)l->received);
		if (w->s.lot[0])
			snprintf(v->ctx[2], sizeof v->ctx[2], _("Lot %s %s"), w->s.lot, w->s.expiry);
		else
			snprintf(v->ctx[2], sizeof v->ctx[2], "%s", l ? l->name : "");
		if (w->s.step == RCV_QTY) {
			snprintf(v->label, sizeof v->label, _("Qty [%s]:"), w->s.qty);
			snprintf(v->hint, sizeof v->hint, "%s", _("Esc:back"));
		} else {
			snprintf(v->label, sizeof v->label, _("Over! Take %s?"), w->s.qty);
			snprintf(v->hint, sizeof v->hint, "%s", _("Enter:yes Esc:no"));
		}
		break;
	default:
		break;
	}
}

static int rcv_receive(struct ui *u, int over)
{
	struct ui_wh *w = u->wh;
	/* The screen counts a weighed item in grams (a weight barcode's value,
	 * the order's figures); the application reads kilograms, as typed. */
	const struct app_purchase_line *l = rcv_line(u, w->s.item);
	char qty[32];
	int64_t g;
	if (l && l->weighed && wh_parse_count(w->s.qty, &g) == 0)
		snprintf(qty, sizeof qty, "%lld.%03lld", (long long)(g / 1000), (long long)(g % 1000));
	else
		snprintf(qty, sizeof qty, "%s", w->s.qty);
	struct app_stock_item it = { .code = w->s.item, .qty = qty,
	                             .lot = w->s.lot[0] ? w->s.lot : NULL,
	                             .expiry = w->s.expiry[0] ? w->s.expiry : NULL };
	int64_t left = 0;
	char *err = NULL;
	int rc = app_purchase_receive(u->app, w->s.doc, NULL, &it, over, &left, &err);
	if (rc != APP_OK) {
		if (w->s.step == RCV_OVER)
			wh_step(u, RCV_QTY);
		return wh_error(u, err, _("Not received"));
	}
	snprintf(w->last, sizeof w->last, "%s +%s", w->s.item, w->s.qty);
	ui_message(u, UI_MSG_INFO, _("Received %s, open %lld"), w->s.qty, (long long)left);
	w->s.item[0] = w->s.qty[0] = w->s.lot[0] = w->s.expiry[0] = '\0';
	if (rcv_load(u, &err) != APP_OK)
		wh_error(u, err, _("Cannot read"));
	wh_step(u, RCV_ITEM);
	return UI_REDRAW;
}

static int rcv_item(struct ui *u, const char *text)
{
	struct ui_wh *w = u->wh;
	struct app_scan sc;
	char *err = NULL, qty[24];
	if (!text[0])
		return UI_CONTINUE;
	text = wh_split_qty(text, qty, sizeof qty);
	int rc = app_lookup(u->app, text, &sc, &err);
	if (rc != APP_OK)
		return wh_error(u, err, _("Unknown code"));
	const struct app_purchase_line *l = rcv_line(u, sc.item.sku);
	if (!l) {
		ui_message(u, UI_MSG_ERROR, _("%s is not on this purchase"), sc.item.sku);
		return UI_REDRAW;
	}
	snprintf(w->s.item, sizeof w->s.item, "%s", l->sku);
	wh_scan_lot(u, text);
	/* A case's barcode carries its units; else the supplier's pack. */
	int64_t def = sc.qty > 0 ? sc.qty : l->pack_qty > 0 ? l->pack_qty : 1;
	if (qty[0] && wh_parse_count(qty, &def) < 0) {
		ui_message(u, UI_MSG_ERROR, "%s", _("Type a quantity"));
		return UI_REDRAW;
	}
	snprintf(w->s.qty, sizeof w->s.qty, "%lld", (long long)def);
	wh_step(u, RCV_QTY);
	return UI_REDRAW;
}

static int rcv_qty(struct ui *u, const char *text, int scanned)
{
	struct ui_wh *w = u->wh;
	const struct app_purchase_line *l = rcv_line(u, w->s.item);
	int64_t q;
	if (scanned) {
		/* The same item scanned again: one more of the default. */
		struct app_scan sc;
		if (app_lookup(u->app, text, &sc, NULL) != APP_OK ||
		    strcmp(sc.item.sku, w->s.item) != 0) {
			ui_message(u, UI_MSG_ERROR, "%s", _("Type the quantity first"));
			return UI_REDRAW;
		}
		text = "";
	}
	if (text[0]) {
		if (wh_parse_count(text, &q) < 0) {
			ui_message(u, UI_MSG_ERROR, "%s", _("Type a quantity"));
			return UI_REDRAW;
		}
		snprintf(w->s.qty, sizeof w->s.qty, "%lld", (long long)q);
	} else if (wh_parse_count(w->s.qty, &q) < 0) {
		ui_message(u, UI_MSG_ERROR, "%s", _("Type a quantity"));
		return UI_REDRAW;
	}
	if (l && q > l->ordered - l->received) {
		wh_step(u, RCV_OVER);
		ui_message(u, UI_MSG_ERROR, _("Only %lld open"),
		           (long long)(l->ordered > l->received ? l->ordered - l->received : 0));
		return UI_REDRAW;
	}
	return rcv_receive(u, 0);
}

static int rcv_submit(struct ui *u, const char *text, int scanned)
{
	struct ui_wh *w = u->wh;
	char *err = NULL;
	int64_t n;
	switch (w->s.step) {
	case RCV_PO:
		if (wh_parse_count(text, &n) < 0) {
			ui_message(u, UI_MSG_ERROR, "%s", _("Type a purchase number"));
			return UI_REDRAW;
		}
		w->s.doc = n;
		if (rcv_load(u, &err) != APP_OK) {
			w->s.doc = 0;
			return wh_error(u, err, _("No such purchase"));
		}
		w->last[0] = '\0';
		wh_step(u, RCV_ITEM);
		return UI_REDRAW;
	case RCV_ITEM:
		return rcv_item(u, text);
	case RCV_QTY:
		return rcv_qty(u, text, scanned);
	case RCV_OVER:
		if (text[0] == 'n' || text[0] == 'N') {
			wh_step(u, RCV_QTY);
			return UI_REDRAW;
		}
		return rcv_receive(u, 1);
	default:
		return UI_REDRAW;
	}
}

static int rcv_back(struct ui *u)
{
	struct ui_wh *w = u->wh;
	switch (w->s.step) {
	case RCV_OVER:
		wh_step(u, RCV_QTY);
		break;
	case RCV_QTY:
		w->s.item[0] = '\0';
		w->s.qty[0] = '\0';
		wh_step(u, RCV_ITEM);
		break;
	case RCV_ITEM:
		rcv_close(u);
		w->s.doc = 0;
		wh_step(u, RCV_PO);
		break;
	default:
		return wh_menu(u);
	}
	return UI_REDRAW;
}

/* F10: this purchase is done for now; what stays open is said. */
static int rcv_done(struct ui *u)
{
	struct ui_wh *w = u->wh;
	if (!w->have_po)
		return UI_CONTINUE;
	int64_t open = 0;
	for (size_t i = 0; i < w->po.n; i++)
		if (w->po.lines[i].ordered > w->po.lines[i].received)
			open += w->po.lines[i].ordered - w->po.lines[i].received;
	long long po = (long long)w->s.doc;
	wh_menu(u);
	if (open)
		ui_message(u, UI_MSG_INFO, _("PO %lld: %lld short"), po, (long long)open);
	else
		ui_message(u, UI_MSG_INFO, _("PO %lld: all in"), po);
	return UI_REDRAW;
}

const struct wh_flow wh_receive_flow = {
	.name = "receive",
	.title = N_("Receive"),
	.menu_key = '1',
	.open = rcv_open,
	.close = rcv_close,
	.view = rcv_view,
	.submit = rcv_submit,
	.back = rcv_back,
	.done = rcv_done,
};
