/* The handheld terminals' session: sets up and always restores the
 * terminal, reads keys (Esc+digit as F-keys, scans whole) and hands them to
 * the warehouse screen, draws after each; the session ends on Esc at the
 * menu, a signal, or the terminal going away (a dropped radio link), and
 * whatever was confirmed is already saved. */
#include "wh.h"
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include "ui.h"
#include "../src/app/stock_ops.h"
#include "../src/util/xalloc.h"

#define WH_IDLE_MS 1000
#define WH_ESCDELAY_MS 25
#define WH_MIN_COLS 16
#define WH_MIN_LINES 6

static volatile sig_atomic_t wh_signal;
static int wh_curses_on;

static void wh_on_signal(int sig)
{
	wh_signal = sig;
}

static void wh_endwin(void)
{
	if (wh_curses_on) {
		wh_curses_on = 0;
		endwin();
	}
}

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
	while (!wh_signal && !u->input.closed) {
		if (redraw) {
			wh_draw_all(u);
			redraw = 0;
		}
		int key = ui_getkey(u, WH_IDLE_MS);
		if (wh_signal || u->input.closed)
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
	static const int sigs[] = { SIGTERM, SIGHUP, SIGINT };
	struct sigaction sa, old[3];
	static int atexit_done;

	struct ui *u = xcalloc(1, sizeof *u);
	u->app = a;
	u->shop = app_shop(a);
	u->wh = xcalloc(1, sizeof *u->wh);
	app_ticket_init(a, &u->ticket);
	ui_scan_init(u);

	SCREEN *scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		const char *term = getenv("TERM");
		error_set(err, _("cannot drive this terminal (TERM=%s)"), term ? term : "");
		wh_release(u);
		return -1;
	}
	wh_curses_on = 1;
	void (*old_hook)(void) = xalloc_fatal_hook;
	xalloc_fatal_hook = wh_endwin;
	if (!atexit_done) {
		atexit(wh_endwin);
		atexit_done = 1;
	}
	/* No SA_RESTART: a signal ends the wait for a key at once. */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = wh_on_signal;
	sigemptyset(&sa.sa_mask);
	wh_signal = 0;
	for (size_t i = 0; i < 3; i++)
		sigaction(sigs[i], &sa, &old[i]);

	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(WH_ESCDELAY_MS);

	ui_push(u, &ui_wh_screen);
	app_stock_set_warn(ui_stock_warn, u);
	wh_loop(u);
	app_stock_set_warn(NULL, NULL);

	wh_endwin();
	delscreen(scr);
	for (size_t i = 0; i < 3; i++)
		sigaction(sigs[i], &old[i], NULL);
	xalloc_fatal_hook = old_hook;
	int closed = u->input.closed;
	wh_release(u);

	if (wh_signal) {
		error_set(err, _("stopped by signal %d; the last step is saved"), (int)wh_signal);
		return -1;
	}
	if (closed) {
		error_set(err, "%s", _("the terminal closed; the last step is saved"));
		return -1;
	}
	return 0;
}
