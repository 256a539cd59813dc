/* Moving stock on a handheld: put-away (item, quantity, destination bin,
 * from the receiving location) and transfer (from, item, quantity, to),
 * both through app_transfer once the last scan is in; each flow is its
 * list of steps. After a move the flow asks for the next item. */
#include "wh.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../src/app/purchase.h"
#include "../src/app/stock_ops.h"
#include "../src/util/xalloc.h"

enum mv_ask { MV_FROM, MV_ITEM, MV_QTY, MV_TO };

static const enum mv_ask mv_putaway_steps[] = { MV_ITEM, MV_QTY, MV_TO };
static const enum mv_ask mv_transfer_steps[] = { MV_FROM, MV_ITEM, MV_QTY, MV_TO };

static const enum mv_ask *mv_steps(struct ui *u, int *n)
{
	if (u->wh->flow == &wh_putaway_flow) {
		*n = 3;
		return mv_putaway_steps;
	}
	*n = 4;
	return mv_transfer_steps;
}

static enum mv_ask mv_ask_now(struct ui *u)
{
	int n;
	const enum mv_ask *st = mv_steps(u, &n);
	int i = u->wh->s.step;
	return st[i >= 0 && i < n ? i : 0];
}

static int mv_step_of(struct ui *u, enum mv_ask ask)
{
	int n;
	const enum mv_ask *st = mv_steps(u, &n);
	for (int i = 0; i < n; i++)
		if (st[i] == ask)
			return i;
	return 0;
}

/* The stock of the item in hand at a location, or -1 when unknown. */
static int64_t mv_stock_at(struct ui *u, const char *sku, const char *loc)
{
	struct app_stock_row rows[32];
	size_t n = 0;
	int64_t total;
	int weighed;
	if (app_stock(u->app, sku, &total, &weighed, rows, 32, &n, NULL) != APP_OK)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (strcmp(rows[i].location, loc) == 0)
			return rows[i].qty;
	return 0;
}

static int mv_location_known(struct ui *u, const char *code, char **err)
{
	struct app_location locs[64];
	size_t n = 0;
	int rc = app_location_list(u->app, locs, 64, &n, err);
	if (rc != APP_OK)
		return rc;
	for (size_t i = 0; i < n; i++)
		if (strcmp(locs[i].code, code) == 0)
			return APP_OK;
	error_set(err, _("No location %s"), code);
	return APP_NOTFOUND;
}

/* Put-away starts where goods are received (purchase.h). */
static int mv_open(struct ui *u, char **err)
{
	struct ui_wh *w = u->wh;
	if (w->flow != &wh_putaway_flow || w->s.from[0])
		return APP_OK;
	return app_receiving_location(u->app, w->s.from, sizeof w->s.from, err);
}

static void mv_view(struct ui *u, struct wh_view *v)
{
	struct ui_wh *w = u->wh;
	snprintf(v->title, sizeof v->title, "%s", _(w->flow->title));
	if (w->s.from[0])
		snprintf(v->ctx[0], sizeof v->ctx[0], _("From %s"), w->s.from);
	if (w->s.item[0] && mv_ask_now(u) != MV_ITEM) {
		int64_t at = mv_stock_at(u, w->s.item, w->s.from);
		snprintf(v->ctx[1], sizeof v->ctx[1], _("%s (%lld here)"), w->s.item, (long long)at);
	}
	snprintf(v->ctx[2], sizeof v->ctx[2], "%s", w->last);
	snprintf(v->hint, sizeof v->hint, "%s", _("Esc:back"));
	switch (mv_ask_now(u)) {
	case MV_FROM:
		snprintf(v->label, sizeof v->label, "%s", _("From:"));
		break;
	case MV_ITEM:
		snprintf(v->label, sizeof v->label, "%s", _("Scan item:"));
		break;
	case MV_QTY:
		snprintf(v->label, sizeof v->label, _("Qty [%s]:"), w->s.qty);
		break;
	case MV_TO:
		snprintf(v->label, sizeof v->label, "%s",
		         w->flow == &wh_putaway_flow ? _("To bin:") : _("To:"));
		break;
	}
}

static int mv_move(struct ui *u, const char *to)
{
	struct ui_wh *w = u->wh;
	struct app_stock_item it = { .code = w->s.item, .qty = w->s.qty,
	                             .lot = w->s.lot[0] ? w->s.lot : NULL,
	                             .expiry = w->s.expiry[0] ? w->s.expiry : NULL };
	char *err = NULL;
	if (app_transfer(u->app, w->s.from, to, &it, 1, &err) != APP_OK)
		return wh_error(u, err, _("Not moved"));
	snprintf(w->last, sizeof w->last, _("%s %s -> %s"), w->s.item, w->s.qty, to);
	ui_message(u, UI_MSG_INFO, _("Moved %s to %s"), w->s.qty, to);
	w->s.item[0] = w->s.qty[0] = w->s.lot[0] = w->s.expiry[0] = '\0';
	wh_step(u, mv_step_of(u, MV_ITEM));
	return UI_REDRAW;
}

static int mv_submit(struct ui *u, const char *text, int scanned)
{
	struct ui_wh *w = u->wh;
	char *err = NULL;
	int64_t q;
	(void)scanned;
	if (!text[0] && mv_ask_now(u) != MV_QTY)
		return UI_CONTINUE;
	switch (mv_ask_now(u)) {
	case MV_FROM:
		if (mv_location_known(u, text, &err) != APP_OK)
			return wh_error(u, err, _("Unknown location"));
		snprintf(w->s.from, sizeof w->s.from, "%s", text);
		break;
	case MV_ITEM: {
		struct app_scan sc;
		char qty[24];
		text = wh_split_qty(text, qty, sizeof qty);
		if (app_lookup(u->app, text, &sc, &err) != APP_OK)
			return wh_error(u, err, _("Unknown code"));
		int64_t def = sc.qty > 0 ? sc.qty : 1;
		if (qty[0] && wh_parse_count(qty, &def) < 0) {
			ui_message(u, UI_MSG_ERROR, "%s", _("Type a quantity"));
			return UI_REDRAW;
		}
		snprintf(w->s.item, sizeof w->s.item, "%s", sc.item.sku);
		wh_scan_lot(u, text);
		if (w->flow == &wh_putaway_flow && !qty[0]) {
			/* Put away all that waits at the receiving location. */
			int64_t at = mv_stock_at(u, sc.item.sku, w->s.from);
			if (at > 0)
				def = at;
		}
		snprintf(w->s.qty, sizeof w->s.qty, "%lld", (long long)def);
		break;
	}
	case MV_QTY:
		if (text[0]) {
			if (wh_parse_count(text, &q) < 0) {
				ui_message(u, UI_MSG_ERROR, "%s", _("Type a quantity"));
				return UI_REDRAW;
			}
			snprintf(w->s.qty, sizeof w->s.qty, "%lld", (long long)q);
		}
		break;
	case MV_TO:
		if (!text[0]) {
			ui_message(u, UI_MSG_ERROR, "%s", _("Scan the location"));
			return UI_REDRAW;
		}
		return mv_move(u, text);
	}
	wh_step(u, w->s.step + 1);
	return UI_REDRAW;
}

static int mv_back(struct ui *u)
{
	struct ui_wh *w = u->wh;
	if (w->s.step == 0)
		return wh_menu(u);
	if (mv_ask_now(u) == MV_ITEM && w->flow == &wh_transfer_flow)
		w->s.from[0] = '\0';
	if (mv_ask_now(u) == MV_QTY)
		w->s.item[0] = '\0';
	wh_step(u, w->s.step - 1);
	return UI_REDRAW;
}

const struct wh_flow wh_putaway_flow = {
	.name = "putaway",
	.title = N_("Put away"),
	.menu_key = '2',
	.open = mv_open,
	.view = mv_view,
	.submit = mv_submit,
	.back = mv_back,
};

const struct wh_flow wh_transfer_flow = {
	.name = "transfer",
	.title = N_("Transfer"),
	.menu_key = '5',
	.open = mv_open,
	.view = mv_view,
	.submit = mv_submit,
	.back = mv_back,
};
