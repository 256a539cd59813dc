/* The screens: the counter sale and what it opens (search, customer, tender,
 * receipt, help), run on the terminal with curses. */
#ifndef COMPTOIR_UI_H
#define COMPTOIR_UI_H

struct app;

/* Runs the screens on the terminal until the cashier quits. The caller has
 * called setlocale(LC_ALL, "") and opened the shop.  The terminal is restored
 * on every way out: a normal quit, SIGTERM/SIGHUP/SIGINT, and a fatal
 * allocation failure.  Returns 0 when the cashier quit, or -1 with a message
 * in *err (malloc'd; the caller frees) when the terminal could not be set up,
 * a signal ended the session or the terminal went away (its input hung up or
 * reached its end). */
int ui_run(struct app *a, char **err);
/* The same session on the wholesale desk's screen (desk.c). */
int ui_desk_run(struct app *a, char **err);

/* The handheld warehouse screens (receive, put away, pick, count, transfer,
 * look up), from 16x6 characters up; the same contract as ui_run. */
int ui_wh_run(struct app *a, char **err);

#endif
