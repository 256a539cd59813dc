/* Picking a wholesale order on a handheld: the order number, then the next
 * line to pick (SKU, quantity, where it is: the dispatch location first,
 * then the bins holding it); the item scanned confirms it (a case counts
 * its units, "N*CODE" N, grams for weighed goods), each scan saved at once;
 * F2 skips a line; F10 delivers what was picked (what was taken from a bin
 * moved to the dispatch location first; the rest stays on backorder).
 * Steps: 0 order, 1 lines. */
#include "wh.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { PICK_ORDER, PICK_LINE };

static void pick_close(struct ui *u)
{
	if (u->wh->have_pick)
		app_pick_release(&u->wh->pick);
	u->wh->have_pick = 0;
}

/* The line shown: the saved one if it still needs picking, else the next
 * that does (wrapping); -1 when all are picked. */
static int pick_current(struct ui *u)
{
	struct ui_wh *w = u->wh;
	size_t n = w->have_pick ? w->pick.n : 0;
	for (size_t k = 0; k < n; k++) {
		size_t i = ((size_t)(w->s.pos < 0 ? 0 : w->s.pos) + k) % n;
		if (w->pick.lines[i].picked < w->pick.lines[i].open)
			return (int)i;
	}
	return -1;
}

static int pick_load(struct ui *u, char **err)
{
	pick_close(u);
	int rc = app_pick_get(u->app, u->wh->s.doc, &u->wh->pick, err);
	u->wh->have_pick = rc == APP_OK;
	return rc;
}

static int pick_open(struct ui *u, char **err)
{
	if (!u->wh->s.doc) {
		u->wh->s.step = PICK_ORDER;
		return APP_OK;
	}
	return pick_load(u, err);
}

static void pick_view(struct ui *u, struct wh_view *v)
{
	struct ui_wh *w = u->wh;
	snprintf(v->title, sizeof v->title, "%s", _("Pick"));
	if (w->s.step == PICK_ORDER) {
		snprintf(v->label, sizeof v->label, "%s", _("Order no.:"));
		snprintf(v->hint, sizeof v->hint, "%s", _("Esc:menu"));
		return;
	}
	snprintf(v->title, sizeof v->title, _("Pick order %lld"), (long long)w->s.doc);
	int i = pick_current(u);
	if (i < 0) {
		snprintf(v->ctx[0], sizeof v->ctx[0], "%s", _("All picked"));
		snprintf(v->ctx[1], sizeof v->ctx[1], "%s", w->last);
		snprintf(v->label, sizeof v->label, "%s", _("F10: deliver"));
		snprintf(v->hint, sizeof v->hint, "%s", _("F10:deliver"));
		return;
	}
	const struct app_pick_line *l = &w->pick.lines[i];
	snprintf(v->ctx[0], sizeof v->ctx[0], "%s x%lld", l->sku, (long long)(l->open - l->picked));
	/* Where to take it: the dispatch location first, else the bins; what
	 * is taken from a bin is moved to the dispatch location at F10. */
	if (!l->where[0])
		snprintf(v->ctx[1], sizeof v->ctx[1], "%s", _("In stock nowhere"));
	else if (l->at_dispatch)
		snprintf(v->ctx[1], sizeof v->ctx[1], "@%s", l->where);
	else
		snprintf(v->ctx[1], sizeof v->ctx[1], _("Not at %s: @%s"), w->pick.from, l->where);
	snprintf(v->ctx[2], sizeof v->ctx[2], "%s", w->last[0] ? w->last : l->name);
	snprintf(v->label, sizeof v->label, "%s", _("Scan item:"));
	snprintf(v->hint, sizeof v->hint, "%s", _("F2:skip F10:end"));
}

static int pick_scan(struct ui *u, const char *text)
{
	struct ui_wh *w = u->wh;
	char qtext[24], *err = NULL;
	const char *code = wh_split_qty(text, qtext, sizeof qtext);
	struct app_scan sc;
	if (app_lookup(u->app, code, &sc, &err) != APP_OK)
		return wh_error(u, err, _("Unknown code"));
	int i = pick_current(u);
	if (i < 0 || strcmp(w->pick.lines[i].sku, sc.item.sku) != 0) {
		ui_message(u, UI_MSG_ERROR, _("Wrong item: %s"), sc.item.sku);
		return UI_REDRAW;
	}
	int64_t q = sc.qty > 0 ? sc.qty : 1;
	if (qtext[0] && wh_parse_count(qtext, &q) < 0) {
		ui_message(u, UI_MSG_ERROR, "%s", _("Type a quantity"));
		return UI_REDRAW;
	}
	if (app_pick_scan(u->app, w->s.doc, code, q, &err) != APP_OK)
		return wh_error(u, err, _("Not picked"));
	snprintf(w->last, sizeof w->last, "%s +%lld", sc.item.sku, (long long)q);
	if (pick_load(u, &err) != APP_OK)
		return wh_error(u, err, _("Cannot read"));
	w->s.pos = i;
	int next = pick_current(u);
	if (next >= 0)
		w->s.pos = next;
	wh_save(u);
	return UI_REDRAW;
}

static int pick_submit(struct ui *u, const char *text, int scanned)
{
	struct ui_wh *w = u->wh;
	char *err = NULL;
	int64_t n;
	(void)scanned;
	if (w->s.step == PICK_ORDER) {
		if (wh_parse_count(text, &n) < 0) {
			ui_message(u, UI_MSG_ERROR, "%s", _("Type an order number"));
			return UI_REDRAW;
		}
		w->s.doc = n;
		w->s.pos = 0;
		if (pick_load(u, &err) != APP_OK) {
			w->s.doc = 0;
			return wh_error(u, err, _("No such order"));
		}
		w->last[0] = '\0';
		wh_step(u, PICK_LINE);
		return UI_REDRAW;
	}
	if (!text[0])
		return UI_CONTINUE;
	return pick_scan(u, text);
}

static int pick_skip(struct ui *u)
{
	struct ui_wh *w = u->wh;
	int i = pick_current(u);
	if (w->s.step != PICK_LINE || i < 0)
		return UI_CONTINUE;
	w->s.pos = i + 1;
	int next = pick_current(u);
	w->s.pos = next >= 0 ? next : i;
	wh_save(u);
	return UI_REDRAW;
}

static int pick_back(struct ui *u)
{
	struct ui_wh *w = u->wh;
	if (w->s.step == PICK_ORDER)
		return wh_menu(u);
	/* The picks stay saved: the same order can be taken up again. */
	pick_close(u);
	w->s.doc = 0;
	wh_step(u, PICK_ORDER);
	return UI_REDRAW;
}

static int pick_done(struct ui *u)
{
	struct ui_wh *w = u->wh;
	struct app_doc_result res;
	char *err = NULL;
	if (w->s.step != PICK_LINE)
		return UI_CONTINUE;
	if (app_pick_finish(u->app, w->s.doc, &res, &err) != APP_OK)
		return wh_error(u, err, _("Not delivered"));
	wh_menu(u);
	ui_message(u, UI_MSG_INFO, res.backorder ? _("Delivery %s, rest on backorder")
	                                         : _("Delivery %s"), res.number);
	return UI_REDRAW;
}

const struct wh_flow wh_pick_flow = {
	.name = "pick",
	.title = N_("Pick"),
	.menu_key = '3',
	.open = pick_open,
	.close = pick_close,
	.view = pick_view,
	.submit = pick_submit,
	.back = pick_back,
	.done = pick_done,
	.skip = pick_skip,
};
