/* What the handheld warehouse screens (ui/wh*.c) share: one screen drawn
 * for any size from 16x6 up (a title, up to three lines of context, one
 * prompt, the message, a one-line key hint), the flows it runs (receive,
 * put away, pick, count, transfer, look up) as a table, and their state,
 * saved per user after every scan so a dropped session resumes. */
#ifndef COMPTOIR_UI_WH_H
#define COMPTOIR_UI_WH_H

#include "ui_int.h"
#include "../src/app/handheld.h"
#include "../src/app/purchase.h"

#define WH_CTX 3
#define WH_LINE 200

/* What a flow shows at its step: the screen draws it at the terminal's size. */
struct wh_view {
	char title[WH_LINE];
	char ctx[WH_CTX][WH_LINE];
	char label[WH_LINE];
	char hint[WH_LINE];
	int secret;    /* the field shows stars */
};

/* A flow of the menu. Handlers return an enum ui_result. */
struct wh_flow {
	const char *name;      /* saved in the session: "receive" */
	const char *title;     /* N_() */
	int menu_key;          /* '1'..'6' */
	/* Loads what the saved state names (a resumed session, or step 0 from
	 * the menu); an APP_ code, *err set on failure. */
	int (*open)(struct ui *u, char **err);
	void (*close)(struct ui *u);      /* frees what open loaded; may be NULL */
	void (*view)(struct ui *u, struct wh_view *v);
	/* The field's text (Enter) or a scan (scanned 1). */
	int (*submit)(struct ui *u, const char *text, int scanned);
	int (*back)(struct ui *u);        /* Esc */
	int (*done)(struct ui *u);        /* F10 / Esc 0; NULL: none */
	int (*skip)(struct ui *u);        /* F2 / Esc 2; NULL: none */
};

struct ui_wh {
	const struct wh_flow *flow;  /* NULL: the menu (or the log-in) */
	int login_step;              /* 0 name, 1 PIN, 2 logged in */
	char user[32];
	struct app_handheld s;       /* what is saved */
	struct ui_field field;
	struct app_purchase po;      /* receive: the purchase in hand */
	int have_po;
	struct app_pick pick;        /* pick: the order in hand */
	int have_pick;
	char last[WH_LINE];          /* what the last scan did, for the context */
	char look[WH_CTX][WH_LINE];  /* look-up: the last answer */
};

extern const struct wh_flow wh_receive_flow, wh_putaway_flow, wh_pick_flow, wh_count_flow,
	wh_transfer_flow, wh_lookup_flow;
extern const struct ui_screen ui_wh_screen;

/* wh.c: the flow of that name, NULL when none; opens a flow at the saved
 * state (resuming) or at its start. */
const struct wh_flow *wh_flow_find(const char *name);
int wh_open(struct ui *u, const struct wh_flow *f);

/* wh_login.c: the log-in's text (name, then PIN) and its view; after it,
 * back where the user stopped. */
int wh_login_submit(struct ui *u, const char *text);
void wh_view_login(struct ui *u, struct wh_view *v);
void wh_resume(struct ui *u);

/* wh_state.c */
/* Saves the state; a failure shows on the message line. */
void wh_save(struct ui *u);
/* Goes to step (clearing the field) and saves. */
void wh_step(struct ui *u, int step);
/* Back to the menu: the flow closed, the state cleared and saved. */
int wh_menu(struct ui *u);
/* Shows err (or fallback) as an error and frees it. */
int wh_error(struct ui *u, char *err, const char *fallback);
/* Parses a count of units ("12"); 0 or -1. */
int wh_parse_count(const char *text, int64_t *out);
/* The lot and expiry a GS1 scan carries into the state ("" when none). */
void wh_scan_lot(struct ui *u, const char *code);
/* "3*CODE": the quantity before '*' in *qty (copied) and the code after. */
const char *wh_split_qty(const char *text, char *qty, size_t size);

#endif
