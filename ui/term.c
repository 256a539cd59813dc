/* A curses session on the process's terminal, shared by the counter/desk
 * loop and the handheld loop: raw keys, the keypad, a short Esc delay; the
 * terminal is always restored (normal end, fatal error, exit), and the
 * signals that end a session (TERM, HUP, INT) are noted in ui_term_signal
 * rather than killing the process in the middle of a write. */
#include "ui_int.h"
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include "../src/util/xalloc.h"

/* Esc then a digit is an F-key; a lone Esc waits this long. */
#define TERM_ESCDELAY_MS 25

static const int term_sigs[UI_TERM_SIGNALS] = { SIGTERM, SIGHUP, SIGINT };
volatile sig_atomic_t ui_term_signal;
static int term_curses_on;

static void term_on_signal(int sig)
{
	ui_term_signal = sig;
}

/* Restores the terminal; safe to call twice (fatal hook, atexit, normal end). */
static void term_endwin(void)
{
	if (term_curses_on) {
		term_curses_on = 0;
		endwin();
	}
}

int ui_term_open(struct ui_term *t, char **err)
{
	static int atexit_done;
	t->scr = newterm(NULL, stdout, stdin);
	if (!t->scr) {
		const char *term = getenv("TERM");
		error_set(err, _("cannot drive this terminal (TERM=%s)"), term ? term : "");
		return -1;
	}
	term_curses_on = 1;
	t->old_hook = xalloc_fatal_hook;
	xalloc_fatal_hook = term_endwin;
	if (!atexit_done) {
		atexit(term_endwin);
		atexit_done = 1;
	}
	/* No SA_RESTART: a signal ends the wait for a key at once. */
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = term_on_signal;
	sigemptyset(&sa.sa_mask);
	ui_term_signal = 0;
	for (size_t i = 0; i < UI_TERM_SIGNALS; i++)
		sigaction(term_sigs[i], &sa, &t->old[i]);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(TERM_ESCDELAY_MS);
	return 0;
}

void ui_term_close(struct ui_term *t)
{
	term_endwin();
	delscreen(t->scr);
	for (size_t i = 0; i < UI_TERM_SIGNALS; i++)
		sigaction(term_sigs[i], &t->old[i], NULL);
	xalloc_fatal_hook = t->old_hook;
}
