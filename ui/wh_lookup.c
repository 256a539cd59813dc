/* Looking an item up on a handheld: scan it, see its name and the stock
 * in all and per location, then scan the next. */
#include "wh.h"
#include <stdio.h>
#include <string.h>

static int look_open(struct ui *u, char **err)
{
	(void)err;
	memset(u->wh->look, 0, sizeof u->wh->look);
	u->wh->s.step = 0;
	return APP_OK;
}

static void look_view(struct ui *u, struct wh_view *v)
{
	snprintf(v->title, sizeof v->title, "%s", _("Look up"));
	for (int i = 0; i < WH_CTX; i++)
		snprintf(v->ctx[i], sizeof v->ctx[i], "%s", u->wh->look[i]);
	snprintf(v->label, sizeof v->label, "%s", _("Scan item:"));
	snprintf(v->hint, sizeof v->hint, "%s", _("Esc:menu"));
}

static int look_submit(struct ui *u, const char *text, int scanned)
{
	struct ui_wh *w = u->wh;
	struct app_scan sc;
	struct app_stock_row rows[16];
	size_t n = 0;
	int64_t total;
	int weighed;
	char *err = NULL;
	(void)scanned;
	if (!text[0])
		return UI_CONTINUE;
	if (app_lookup(u->app, text, &sc, &err) != APP_OK ||
	    app_stock(u->app, sc.item.sku, &total, &weighed, rows, 16, &n, &err) != APP_OK) {
		memset(w->look, 0, sizeof w->look);
		return wh_error(u, err, _("Unknown code"));
	}
	snprintf(w->look[0], sizeof w->look[0], "%.64s %.120s", sc.item.sku, sc.item.name);
	snprintf(w->look[1], sizeof w->look[1], _("Stock %lld"), (long long)total);
	w->look[2][0] = '\0';
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(w->look[2]);
		snprintf(w->look[2] + len, sizeof w->look[2] - len, "%s%s:%lld", i ? " " : "",
		         rows[i].location, (long long)rows[i].qty);
	}
	return UI_REDRAW;
}

static int look_back(struct ui *u)
{
	return wh_menu(u);
}

const struct wh_flow wh_lookup_flow = {
	.name = "lookup",
	.title = N_("Look up"),
	.menu_key = '6',
	.open = look_open,
	.view = look_view,
	.submit = look_submit,
	.back = look_back,
};
