/* The handheld terminals' session: sets up and always restores the
 * terminal, reads keys (Esc+digit as F-keys, scans whole) and hands them to
 * the warehouse screen, draws after each; the session ends on Esc at the
 * menu, a signal, or the terminal going away (a dropped radio link), and
 * whatever was confirmed is already saved. */
#include "wh.h"
#include <stdlib.h>
#include <string.h>
#include "ui.h"
#include "../src/app/stock_ops.h"
#include "../src/util/xalloc.h"

#define WH_IDLE_MS 1000
#define WH_MIN_COLS 16
#define WH_MIN_LINES 6


static void wh_draw_all(struct ui *u)
{
	erase();
	u->cursor_y = -1;
	if (COLS < WH_MIN_COLS || LINES < WH_MIN_LINES) {
		ui_print(0, 0, COLS, _("Too small"));
		ui_printf(1, 0, COLS, "%dx%d", WH_MIN_COLS, WH_MIN_LINES);
	} else {
		u->stack[u->depth - 1]->draw(u);
	}
	if (u->full_redraw) {
		clearok(curscr, TRUE);
		u->full_redraw = 0;
	}
	if (u->cursor_y >= 0) {
		curs_set(1);
		move(u->cursor_y, u->cursor_x);
	} else {
		curs_set(0);
		move(LINES - 1, 0);
	}
	refresh();
}

static int wh_dispatch(struct ui *u, int key)
{
	const struct ui_screen *s = u->stack[u->depth - 1];
	int r = UI_UNHANDLED;
	int act = ui_binding_find(s->bindings, key);
	if (act >= 0)
		r = s->action(u, act);
	if (r == UI_UNHANDLED && s->key)
		r = s->key(u, key);
	return r == UI_UNHANDLED ? UI_CONTINUE : r;
}

static void wh_loop(struct ui *u)
{
	int redraw = 1;
	while (!ui_term_signal && !u->input.closed) {
		if (redraw) {
			wh_draw_all(u);
			redraw = 0;
		}
		int key = ui_getkey(u, WH_IDLE_MS);
		if (ui_term_signal || u->input.closed)
			break;
		if (u->input.dirty) {
			u->input.dirty = 0;
			redraw = 1;
		}
		if (key == UI_KEY_NONE)
			continue;
		if (key == UI_FN(KEY_RESIZE)) {
			redraw = 1;
			continue;
		}
		int r = wh_dispatch(u, key);
		if (r == UI_QUIT || r == UI_POP)
			return;
		if (r == UI_REDRAW)
			redraw = 1;
	}
}

static void wh_release(struct ui *u)
{
	if (u->wh->flow && u->wh->flow->close)
		u->wh->flow->close(u);
	ui_scan_release(u);
	app_ticket_release(&u->ticket);
	free(u->wh);
	free(u);
}

int ui_wh_run(struct app *a, char **err)
{
	struct ui *u = xcalloc(1, sizeof *u);
	u->app = a;
	u->shop = app_shop(a);
	u->wh = xcalloc(1, sizeof *u->wh);
	app_ticket_init(a, &u->ticket);
	ui_scan_init(u);

	struct ui_term term;
	if (ui_term_open(&term, err) != 0) {
		wh_release(u);
		return -1;
	}

	ui_push(u, &ui_wh_screen);
	app_stock_set_warn(ui_stock_warn, u);
	wh_loop(u);
	app_stock_set_warn(NULL, NULL);

	ui_term_close(&term);
	int closed = u->input.closed;
	wh_release(u);

	if (ui_term_signal) {
		error_set(err, _("stopped by signal %d; the last step is saved"), (int)ui_term_signal);
		return -1;
	}
	if (closed) {
		error_set(err, "%s", _("the terminal closed; the last step is saved"));
		return -1;
	}
	return 0;
}
