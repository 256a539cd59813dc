/* The one screen of the handheld terminals and the table of its flows: the
 * log-in, the menu and the flows all draw through it, laid out for the
 * terminal's size (16x6 and up): a title line, up to three lines of
 * context cut to width, the prompt and its field, the message, and a
 * one-line key hint. */
#include "wh.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../src/app/auth.h"

enum wh_action { WH_OK, WH_SCAN, WH_BACK, WH_DONE, WH_SKIP, WH_REDRAW };

static const struct ui_action wh_actions[] = {
	{ WH_OK, "ok", N_("OK"), N_("accept what was typed") },
	{ WH_SCAN, "scan", NULL, N_("a scan is the answer") },
	{ WH_BACK, "back", N_("Back"), N_("one step back; on the menu, quit") },
	{ WH_DONE, "done", N_("Done"), N_("finish: the purchase, the count, the pick") },
	{ WH_SKIP, "skip", N_("Skip"), N_("picking: the next line") },
	{ WH_REDRAW, "redraw", NULL, N_("draw the screen again") },
	{ 0, NULL, NULL, NULL },
};

static const struct ui_binding wh_bindings[] = {
	{ UI_KEY_ENTER, WH_OK },
	{ UI_KEY_SCAN, WH_SCAN },
	{ UI_KEY_ESC, WH_BACK },
	{ UI_FN(KEY_F(10)), WH_DONE },
	{ UI_FN(KEY_F(2)), WH_SKIP },
	{ UI_KEY_CTRL('l'), WH_REDRAW },
	{ 0, 0 },
};

static const struct wh_flow *const wh_flows[] = {
	&wh_receive_flow, &wh_putaway_flow, &wh_pick_flow,
	&wh_count_flow, &wh_transfer_flow, &wh_lookup_flow,
};
#define WH_NFLOWS (sizeof wh_flows / sizeof wh_flows[0])

const struct wh_flow *wh_flow_find(const char *name)
{
	for (size_t i = 0; i < WH_NFLOWS; i++)
		if (strcmp(wh_flows[i]->name, name) == 0)
			return wh_flows[i];
	return NULL;
}

int wh_open(struct ui *u, const struct wh_flow *f)
{
	struct ui_wh *w = u->wh;
	char *err = NULL;
	snprintf(w->s.flow, sizeof w->s.flow, "%s", f->name);
	w->flow = f;
	ui_field_clear(&w->field);
	w->last[0] = '\0';
	if (f->open(u, &err) != APP_OK) {
		wh_menu(u);
		return wh_error(u, err, _("Cannot open"));
	}
	wh_save(u);
	return UI_REDRAW;
}

/* Cuts the message into lines of at most COLS characters, at spaces where
 * it can; returns how many (up to max). */
static int wh_wrap(const char *p, char lines[][WH_LINE], int max)
{
	int k = 0;
	while (*p && k < max) {
		size_t n = 0, cut = 0;
		int cols = 0;
		while (p[n] && n < WH_LINE - 5 && cols < COLS) {
			unsigned long cp;
			size_t len = ui_utf8_decode(p + n, &cp);
			if (p[n] == ' ')
				cut = n;
			n += len ? len : 1;
			cols++;
		}
		if (p[n] && p[n] != ' ' && cut)
			n = cut;
		memcpy(lines[k], p, n);
		lines[k][n] = '\0';
		k++;
		p += n;
		while (*p == ' ')
			p++;
	}
	return k;
}

/* The message below the field; when it needs more rows than are left
 * there, it starts over the context instead (a 16x8 screen has one row). */
static void wh_draw_message(struct ui *u, int ctx_rows, int below, int last)
{
	char lines[8][WH_LINE];
	int rows[8], nrows = 0;
	int k = wh_wrap(u->msg, lines, 8);
	int room = last - below + 1;
	if (k > room)
		for (int y = 1; y <= ctx_rows && nrows < 8; y++)
			rows[nrows++] = y;
	for (int y = below; y <= last && nrows < 8; y++)
		rows[nrows++] = y;
	if (u->msg_kind == UI_MSG_ERROR)
		attron(A_BOLD);
	for (int i = 0; i < k && i < nrows; i++) {
		ui_blank(rows[i], 0, COLS);
		ui_print(rows[i], 0, COLS, lines[i]);
	}
	attroff(A_BOLD);
}

static void wh_draw_menu(struct ui *u)
{
	int rows = LINES - 2;
	int cols = rows >= (int)WH_NFLOWS ? 1 : 2;
	int per = ((int)WH_NFLOWS + cols - 1) / cols;
	int cw = COLS / cols;
	for (size_t i = 0; i < WH_NFLOWS; i++) {
		int y = 1 + (int)i % per, x = (int)i / per * cw;
		if (y > rows)
			continue;
		ui_printf(y, x, cw, "%c %s", wh_flows[i]->menu_key, _(wh_flows[i]->title));
	}
	if (u->msg[0] && 1 + per <= LINES - 2)
		wh_draw_message(u, 0, 1 + per, LINES - 2);
}

static void wh_draw(struct ui *u)
{
	struct ui_wh *w = u->wh;
	struct wh_view v;
	memset(&v, 0, sizeof v);
	if (w->login_step < 2)
		wh_view_login(u, &v);
	else if (w->flow)
		w->flow->view(u, &v);
	else {
		snprintf(v.title, sizeof v.title, "%s", _("Warehouse"));
		snprintf(v.hint, sizeof v.hint, "%s", _("1-6 Esc:quit"));
	}
	attron(A_REVERSE);
	ui_blank(0, 0, COLS);
	ui_print(0, 0, COLS, v.title);
	attroff(A_REVERSE);
	if (w->login_step >= 2 && !w->flow) {
		wh_draw_menu(u);
		/* The hint row gives way to a message the menu had no room for. */
		if (u->msg[0] && 1 + (int)WH_NFLOWS > LINES - 2)
			ui_print(LINES - 1, 0, COLS, u->msg);
		else
			ui_print(LINES - 1, 0, COLS, v.hint);
		return;
	}
	/* Title, context, label, field, at least one message row, the hint. */
	int nctx = LINES - 5;
	if (nctx > WH_CTX)
		nctx = WH_CTX;
	if (nctx < 0)
		nctx = 0;
	int y = 1;
	for (int i = 0; i < nctx; i++, y++)
		ui_print(y, 0, COLS, v.ctx[i]);
	ui_print(y++, 0, COLS, v.label);
	if (v.secret) {
		struct ui_field stars = w->field;
		for (size_t i = 0; i < stars.len; i++)
			stars.buf[i] = L'*';
		ui_field_draw(u, &stars, y, 0, COLS);
	} else {
		ui_field_draw(u, &w->field, y, 0, COLS);
	}
	int cy = u->cursor_y, cx = u->cursor_x;
	if (u->msg[0])
		wh_draw_message(u, nctx, y + 1, LINES - 2);
	ui_print(LINES - 1, 0, COLS, v.hint);
	u->cursor_y = cy;
	u->cursor_x = cx;
}

static int wh_submit(struct ui *u, const char *text, int scanned)
{
	struct ui_wh *w = u->wh;
	if (w->login_step < 2)
		return wh_login_submit(u, text);
	if (!w->flow) {
		ui_message(u, UI_MSG_ERROR, "%s", _("Choose 1-6"));
		return UI_REDRAW;
	}
	ui_message_clear(u);
	int r = w->flow->submit(u, text, scanned);
	return r == UI_CONTINUE ? UI_REDRAW : r;
}

static int wh_action(struct ui *u, int act)
{
	struct ui_wh *w = u->wh;
	char text[UI_FIELD_MAX * 4 + 1];
	switch (act) {
	case WH_OK:
		if (w->field.overflow) {
			ui_message(u, UI_MSG_ERROR, _("Too long: at most %zu characters"), w->field.max);
			return UI_REDRAW;
		}
		ui_field_text(&w->field, text, sizeof text);
		ui_field_clear(&w->field);
		return wh_submit(u, text, 0);
	case WH_SCAN: {
		/* "3*" typed, then the scan: the scan with its quantity. */
		char full[UI_FIELD_MAX * 4 + WEDGE_TEXT_MAX + 1];
		ui_field_text(&w->field, text, sizeof text);
		size_t len = strlen(text);
		if (len && text[len - 1] == '*')
			snprintf(full, sizeof full, "%s%s", text, u->scan.text);
		else
			snprintf(full, sizeof full, "%s", u->scan.text);
		ui_field_clear(&w->field);
		return wh_submit(u, full, 1);
	}
	case WH_BACK:
		ui_message_clear(u);
		ui_field_clear(&w->field);
		if (w->login_step == 1) {
			w->login_step = 0;
			ui_field_init(&w->field, UI_FIELD_MAX);
			return UI_REDRAW;
		}
		if (w->login_step == 0 || !w->flow)
			return UI_QUIT;
		return w->flow->back(u);
	case WH_DONE:
		if (w->flow && w->flow->done) {
			ui_message_clear(u);
			return w->flow->done(u);
		}
		return UI_CONTINUE;
	case WH_SKIP:
		if (w->flow && w->flow->skip)
			return w->flow->skip(u);
		return UI_CONTINUE;
	case WH_REDRAW:
		u->full_redraw = 1;
		return UI_REDRAW;
	default:
		return UI_UNHANDLED;
	}
}

static int wh_key(struct ui *u, int key)
{
	struct ui_wh *w = u->wh;
	if (w->login_step >= 2 && !w->flow) {
		for (size_t i = 0; i < WH_NFLOWS; i++)
			if (key == wh_flows[i]->menu_key) {
				ui_message_clear(u);
				return wh_open(u, wh_flows[i]);
			}
		return UI_CONTINUE;
	}
	return ui_field_key(&w->field, key) ? UI_REDRAW : UI_UNHANDLED;
}

/* Pushed by ui_wh_run: the log-in first when the shop has users. */
static void wh_enter(struct ui *u)
{
	struct ui_wh *w = u->wh;
	ui_field_init(&w->field, UI_FIELD_MAX);
	w->login_step = app_has_users(u->app) ? 0 : 2;
	if (w->login_step == 2)
		wh_resume(u);
}

const struct ui_screen ui_wh_screen = {
	.name = "warehouse",
	.actions = wh_actions,
	.bindings = wh_bindings,
	.enter = wh_enter,
	.draw = wh_draw,
	.action = wh_action,
	.key = wh_key,
};
