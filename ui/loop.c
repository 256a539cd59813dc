/* The event loop: sets up and always restores the terminal, keeps the stack
 * of screens, reads keys and hands them to the top screen, then to the global
 * map, and is the one place that draws (after a key, a resize or Ctrl-L);
 * the session ends when the terminal's input hangs up or reaches its end. */
#include "ui_int.h"
#include "../src/app/auth.h"
#include "../src/app/stock_ops.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ui.h"
#include "../src/util/xalloc.h"

/* How often the loop wakes without a key, to notice a signal. */
#define LOOP_IDLE_MS 1000

void ui_push(struct ui *u, const struct ui_screen *s)
{
	if (u->depth >= UI_STACK_MAX)
		return;
	u->stack[u->depth++] = s;
	if (s->enter)
		s->enter(u);
}

void ui_replace(struct ui *u, const struct ui_screen *s)
{
	if (u->depth)
		u->depth--;
	ui_push(u, s);
}

void ui_pop(struct ui *u)
{
	if (u->depth)
		u->depth--;
}

const struct ui_screen *ui_below(const struct ui *u)
{
	return u->depth >= 2 ? u->stack[u->depth - 2] : NULL;
}

void ui_message(struct ui *u, int kind, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(u->msg, sizeof u->msg, fmt, ap);
	va_end(ap);
	u->msg_kind = kind;
}

void ui_message_clear(struct ui *u)
{
	u->msg[0] = '\0';
	u->msg_kind = UI_MSG_INFO;
}

void ui_new_ticket(struct ui *u)
{
	app_ticket_clear(u->app, &u->ticket);
	ui_field_clear(&u->counter.code);
	u->counter.has_sel = 0;
	u->counter.top = 0;
	u->counter.quit_armed = 0;
}

static void loop_draw(struct ui *u)
{
	erase();
	u->cursor_y = -1;
	if (!ui_too_small(u)) {
		size_t first = u->depth - 1;
		while (first > 0 && u->stack[first]->overlay)
			first--;
		for (size_t i = first; i < u->depth; i++) {
			u->cursor_y = -1;
			u->stack[i]->draw(u);
		}
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

/* A scan on a screen that has no use for it (a view that any key closes):
 * the view closes and the scan goes to the screen below; never dropped
 * unsaid. */
static int loop_dispatch(struct ui *u, int key);

static int loop_scan_below(struct ui *u, const struct ui_screen *s)
{
	int r = s->key ? s->key(u, UI_KEY_SCAN) : UI_POP;
	if (r == UI_POP && u->depth > 1) {
		ui_pop(u);
		r = loop_dispatch(u, UI_KEY_SCAN);
		return r == UI_QUIT || r == UI_POP ? r : UI_REDRAW;
	}
	ui_message(u, UI_MSG_ERROR, _("Scan %s not used on this screen"), u->scan.text);
	return UI_REDRAW;
}

static int loop_dispatch(struct ui *u, int key)
{
	const struct ui_screen *s = u->stack[u->depth - 1];
	int r = UI_UNHANDLED;
	if (key == UI_KEY_SCAN && ui_binding_find(s->bindings, key) < 0)
		return loop_scan_below(u, s);
	int act = ui_binding_find(s->bindings, key);
	if (act >= 0)
		r = s->action(u, act);
	if (r == UI_UNHANDLED && s->key)
		r = s->key(u, key);
	if (r == UI_UNHANDLED)
		r = ui_global_key(u, key);
	return r == UI_UNHANDLED ? UI_CONTINUE : r;
}

static void loop_run(struct ui *u)
{
	int redraw = 1;
	while (u->depth && !ui_term_signal && !u->input.closed) {
		if (redraw) {
			loop_draw(u);
			redraw = 0;
		}
		int key = ui_getkey(u, LOOP_IDLE_MS);
		if (ui_term_signal || u->input.closed)
			break;
		if (u->input.dirty) {
			u->input.dirty = 0;
			redraw = 1;
		}
		if (key == UI_KEY_NONE)
			continue;
		if (key == UI_FN(KEY_RESIZE)) {
			/* curses has resized stdscr; the ticket lives in u. */
			redraw = 1;
			continue;
		}
		switch (loop_dispatch(u, key)) {
		case UI_QUIT:
			return;
		case UI_POP:
			ui_pop(u);
			redraw = 1;
			break;
		case UI_REDRAW:
			redraw = 1;
			break;
		default:
			break;
		}
	}
}

static void loop_ui_init(struct ui *u, struct app *a)
{
	u->app = a;
	u->shop = app_shop(a);
	app_ticket_init(a, &u->ticket);
	ui_field_init(&u->counter.code, UI_FIELD_MAX);
	ui_new_ticket(u);
	ui_scan_init(u);
}

static void loop_ui_release(struct ui *u)
{
	ui_scan_release(u);
	app_ticket_release(&u->ticket);
	free(u->receipt.text);
	free(u->textview.text);
	free(u);
}

int ui_run(struct app *a, char **err)
{
	return ui_run_first(a, &ui_counter_screen, err);
}

/* A stock warning (a product whose policy is "warn" going below zero)
 * shows on the screen's message line, never on stderr under curses. */
void ui_stock_warn(void *ctx, const char *msg)
{
	ui_message(ctx, UI_MSG_ERROR, "%s", msg);
}

int ui_run_first(struct app *a, const struct ui_screen *first, char **err)
{
	struct ui *u = xcalloc(1, sizeof *u);
	loop_ui_init(u, a);
	struct ui_term term;
	if (ui_term_open(&term, err) != 0) {
		loop_ui_release(u);
		return -1;
	}

	ui_push(u, first);
	if (app_has_users(a))
		ui_login_open(u);
	else
		ui_print_offer(u);
	app_stock_set_warn(ui_stock_warn, u);
	loop_run(u);
	app_stock_set_warn(NULL, NULL);

	ui_term_close(&term);
	size_t open_lines = cart_count(&u->ticket.cart);
	int closed = u->input.closed;
	loop_ui_release(u);

	if (ui_term_signal) {
		if (open_lines)
			error_set(err, _("stopped by signal %d; the ticket in progress was not recorded"),
			          (int)ui_term_signal);
		else
			error_set(err, _("stopped by signal %d"), (int)ui_term_signal);
		return -1;
	}
	if (closed) {
		if (open_lines)
			error_set(err, "%s", _("the terminal closed; the ticket in progress was not recorded"));
		else
			error_set(err, "%s", _("the terminal closed"));
		return -1;
	}
	return 0;
}
