/* A blind count on a handheld: scan the location, then the items; each scan
 * adds one, a typed "N*CODE" (or N alone, for the item just scanned) sets
 * the count; every scan is saved at once by app_count_record. The expected
 * quantity never shows. F10 submits for approval. Steps: 0 location,
 * 1 items. */
#include "wh.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../src/app/stock_ops.h"

enum { CNT_LOCATION, CNT_ITEM };

static int cnt_open(struct ui *u, char **err)
{
	(void)err;
	if (!u->wh->s.doc)
		u->wh->s.step = CNT_LOCATION;
	return APP_OK;
}

static void cnt_view(struct ui *u, struct wh_view *v)
{
	struct ui_wh *w = u->wh;
	snprintf(v->title, sizeof v->title, "%s", _("Count"));
	if (w->s.step == CNT_LOCATION) {
		snprintf(v->label, sizeof v->label, "%s", _("Location:"));
		snprintf(v->hint, sizeof v->hint, "%s", _("Esc:menu"));
		return;
	}
	snprintf(v->title, sizeof v->title, _("Count %s"), w->s.from);
	snprintf(v->ctx[0], sizeof v->ctx[0], "%s", _("Scan = +1"));
	snprintf(v->ctx[1], sizeof v->ctx[1], "%s", _("N*code = set N"));
	snprintf(v->ctx[2], sizeof v->ctx[2], "%s", w->last);
	snprintf(v->label, sizeof v->label, "%s", _("Scan item:"));
	snprintf(v->hint, sizeof v->hint, "%s", _("F10:end Esc:back"));
}

static int cnt_record(struct ui *u, const char *code, const char *qty, int add)
{
	struct ui_wh *w = u->wh;
	struct app_scan sc;
	char *err = NULL;
	if (app_lookup(u->app, code, &sc, &err) != APP_OK)
		return wh_error(u, err, _("Unknown code"));
	if (app_count_record(u->app, w->s.doc, code, qty, add, &err) != APP_OK)
		return wh_error(u, err, _("Not counted"));
	snprintf(w->s.item, sizeof w->s.item, "%s", sc.item.sku);
	if (add)
		snprintf(w->last, sizeof w->last, "%s +%s", sc.item.sku, qty);
	else
		snprintf(w->last, sizeof w->last, "%s = %s", sc.item.sku, qty);
	wh_save(u);
	return UI_REDRAW;
}

static int cnt_submit(struct ui *u, const char *text, int scanned)
{
	struct ui_wh *w = u->wh;
	char *err = NULL;
	if (w->s.step == CNT_LOCATION) {
		int64_t id;
		if (!text[0]) {
			ui_message(u, UI_MSG_ERROR, "%s", _("Scan the location"));
			return UI_REDRAW;
		}
		if (app_count_open(u->app, text, &id, &err) != APP_OK)
			return wh_error(u, err, _("Cannot count here"));
		w->s.doc = id;
		snprintf(w->s.from, sizeof w->s.from, "%s", text);
		w->last[0] = '\0';
		wh_step(u, CNT_ITEM);
		return UI_REDRAW;
	}
	if (!text[0])
		return UI_CONTINUE;
	char qty[24];
	int64_t n;
	/* "N*CODE" sets, typed or come fast enough to pass for a scan. */
	const char *code = wh_split_qty(text, qty, sizeof qty);
	if (!qty[0] && scanned)
		return cnt_record(u, text, "1", 1);
	if (qty[0]) {
		if (wh_parse_count(qty, &n) < 0 && strcmp(qty, "0") != 0) {
			ui_message(u, UI_MSG_ERROR, "%s", _("Type a quantity"));
			return UI_REDRAW;
		}
		return cnt_record(u, code, qty, 0);
	}
	/* A short number alone sets the count of the item just scanned. */
	if (w->s.item[0] && strlen(text) <= 5 &&
	    (wh_parse_count(text, &n) == 0 || strcmp(text, "0") == 0))
		return cnt_record(u, w->s.item, text, 0);
	return cnt_record(u, text, "1", 1);
}

static int cnt_back(struct ui *u)
{
	struct ui_wh *w = u->wh;
	if (w->s.step == CNT_LOCATION)
		return wh_menu(u);
	/* The count stays open (not submitted): the menu says so. */
	ui_message(u, UI_MSG_INFO, _("Count of %s not submitted"), w->s.from);
	w->s.doc = 0;
	w->s.from[0] = '\0';
	w->s.item[0] = '\0';
	wh_step(u, CNT_LOCATION);
	return UI_REDRAW;
}

static int cnt_done(struct ui *u)
{
	struct ui_wh *w = u->wh;
	if (w->s.step != CNT_ITEM)
		return UI_CONTINUE;
	struct app_count_variance var[64];
	size_t n = 0;
	char *err = NULL;
	if (app_count_submit(u->app, w->s.doc, var, 64, &n, &err) != APP_OK)
		return wh_error(u, err, _("Not submitted"));
	/* Blind: the variances go to whoever approves, never to the counter. */
	char loc[32];
	snprintf(loc, sizeof loc, "%s", w->s.from);
	wh_menu(u);
	ui_message(u, UI_MSG_INFO, _("Count %s sent"), loc);
	return UI_REDRAW;
}

const struct wh_flow wh_count_flow = {
	.name = "count",
	.title = N_("Count"),
	.menu_key = '4',
	.open = cnt_open,
	.view = cnt_view,
	.submit = cnt_submit,
	.back = cnt_back,
	.done = cnt_done,
};
