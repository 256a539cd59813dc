/* What the ui files share and nothing outside ui/ sees: the screen interface,
 * key codes and bindings, the session state (struct ui), text output that
 * copes with the terminal's charset, and the line-input widget. */
#ifndef COMPTOIR_UI_INT_H
#define COMPTOIR_UI_INT_H

/* Every ui file includes this header first, so that config.h's feature
 * macros come before any system header. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>
#include <signal.h>
#include <stddef.h>
#include <wchar.h>

#include "../src/app/app.h"
#include "../src/core/cart.h"
#include "../src/app/ticket.h"
#include "../src/app/scanner.h"
#include "../src/app/payqr.h"
#include "../src/core/money.h"
#include "../src/core/tender.h"
#include "../src/core/wedge.h"
#include "../src/util/i18n.h"

/* What a key handler asks of the event loop. */
enum ui_result {
	UI_CONTINUE = 0, /* handled; nothing on screen changed */
	UI_REDRAW,       /* handled; draw the screen again */
	UI_POP,          /* close this screen, show the one below */
	UI_QUIT,         /* leave the program */
	UI_UNHANDLED,    /* not this screen's key: try the global map */
};

/* Keys are ints: a character is its code point, a curses key is UI_FN(KEY_x)
 * (code points end at 0x10FFFF, so the two never meet). */
#define UI_FN(k) (0x1000000 | (k))
#define UI_KEY_NONE 0                   /* nothing came (timeout, signal) */
#define UI_KEY_ESC 27
#define UI_KEY_ENTER UI_FN(KEY_ENTER)   /* Enter, Return, ^J, ^M */
#define UI_KEY_BACKSPACE UI_FN(KEY_BACKSPACE)
#define UI_KEY_CTRL(c) ((c) & 0x1f)
/* A whole scan (keyboard wedge or a scanner read directly): its text is in
 * u->scan.text until the next key is read. */
#define UI_KEY_SCAN UI_FN(KEY_MAX + 1)

/* One named action of a screen: `name` is for people writing key maps and for
 * the help, `label` is the short word of the help bar (NULL: not on the bar),
 * `help` the line of the F1 list.  Labels and help are N_() strings. */
struct ui_action {
	int id;
	const char *name;
	const char *label;
	const char *help;
};

struct ui_binding {
	int key;
	int action;
};

struct ui;

/* A screen.  Handlers return an enum ui_result.  `key` receives the keys no
 * binding took (text typed into a field); it may be NULL. */
struct ui_screen {
	const char *name;
	const struct ui_action *actions;   /* ends with a NULL name */
	const struct ui_binding *bindings; /* ends with key 0 */
	int overlay;                       /* draw the screen below first */
	void (*enter)(struct ui *u);       /* called when pushed; may be NULL */
	void (*draw)(struct ui *u);
	int (*action)(struct ui *u, int action);
	int (*key)(struct ui *u, int key);
};

/* A one-line text input holding at most UI_FIELD_MAX characters; control
 * characters are dropped, and typing past the bound sets `overflow` so that
 * a truncated scan is refused rather than looked up. */
#define UI_FIELD_MAX 64

struct ui_field {
	wchar_t buf[UI_FIELD_MAX + 1];
	size_t len, max;
	int overflow;
};

void ui_field_init(struct ui_field *f, size_t max);
void ui_field_clear(struct ui_field *f);
/* Takes a printable character, Backspace or ^U; 1 when the key was used. */
int ui_field_key(struct ui_field *f, int key);
/* The text as UTF-8, always terminated. */
void ui_field_text(const struct ui_field *f, char *out, size_t size);
void ui_field_set(struct ui_field *f, const char *utf8);
/* Draws the field at (y, x) within w columns and leaves the cursor there. */
void ui_field_draw(struct ui *u, const struct ui_field *f, int y, int x, int w);

enum ui_msg_kind { UI_MSG_INFO = 0, UI_MSG_ERROR };

#define UI_STACK_MAX 8
#define UI_SEARCH_MAX 100
/* Bytes and curses keys read ahead while decoding a character. */
#define UI_INPUT_AHEAD 16

struct ui_counter_state {
	struct ui_field code;
	size_t sel;        /* selected cart line (a line that is not voided) */
	int has_sel;
	size_t top;        /* first line shown */
	int quit_armed;    /* Esc was pressed once on an empty line */
};

struct ui_tender_state {
	struct tender t;
	struct ui_field amount;
	money_t card_amount; /* set while the card reference is asked */
};

/* The QR payment (payqr.c): the code for the amount, drawn for the size of
 * the terminal it was made for. */
#define UI_PAYQR_TEXT_MAX 32768
struct ui_payqr_state {
	struct app_payqr q;
	char text[UI_PAYQR_TEXT_MAX]; /* the QR as half blocks, "" when it does not fit */
	int cols, lines;              /* its size, or the size it would need */
	int made_cols, made_lines;    /* the terminal size it was made for */
	int dark;                     /* dark modules drawn (for a light screen) */
	int dirty;                    /* make it again before drawing */
};

struct ui_search_state {
	struct ui_field text;
	struct app_product res[UI_SEARCH_MAX];
	size_t n, sel, top;
	char qty_prefix[32];  /* the "N*" typed on the counter before F2 */
};

struct ui_receipt_state {
	int64_t ticket;   /* the ticket shown */
	char *text;       /* owned */
	char title[160];
	char warning[320];
	size_t top;
};

struct ui_prompt_state {
	const char *title;  /* already translated */
	const char *label;
	struct ui_field field;
	int (*submit)(struct ui *u, const char *text);
	int (*cancel)(struct ui *u);  /* Esc; NULL: close the prompt */
	int secret;                   /* show stars (a PIN) */
	int no_scan;                  /* a scan is refused, not taken as the answer */
};

/* Logging in, a supervisor's approval, and the manual price, discount or
 * waiver being asked for (auth.c, counter_manual.c). */
struct ui_auth_state {
	char user[32];          /* the name typed, before its PIN */
	char label[160];        /* the prompt's label, built with the name */
	int approving;          /* the name and PIN are a supervisor's approval */
	int (*retry)(struct ui *u);  /* the action to run again once approved */
	size_t line;            /* the ticket line of a manual price or discount */
	char value[48];         /* the price or percentage typed */
	char reason[APP_REASON_MAX * 4 + 1];
	int waive_armed;        /* F10 refused for a list rule: F10 again waives */
};

struct ui {
	struct app *app;
	const struct app_shop *shop;
	struct app_ticket ticket;   /* the cart, its key and its customer */

	char msg[400];
	int msg_kind;

	const struct ui_screen *stack[UI_STACK_MAX];
	size_t depth;
	int cursor_y, cursor_x;   /* where a field wants the cursor; -1 hides it */
	int pending_key;          /* read ahead by the Esc translation */
	int full_redraw;
	struct {
		int ahead[UI_INPUT_AHEAD]; /* bytes and curses keys to read again, in order */
		size_t n;
		int empty_reads;  /* nothing read in a row although stdin was readable */
		int closed;       /* the terminal went away: the session ends */
		int dirty;        /* a message came without a key: draw again */
		char dropped[24]; /* the first bytes dropped since the last key: "0xc3 0xa9" */
		int ndropped;
	} input;

	struct {
		struct wedge wedge;              /* tells scans from typing */
		char text[WEDGE_TEXT_MAX];       /* the scan UI_KEY_SCAN delivers */
		struct app_scanner *local;       /* a scanner read directly, or NULL */
		char error[320];                 /* why it could not be opened, or "" */
	} scan;

	struct ui_counter_state counter;
	struct ui_tender_state tender;
	struct ui_payqr_state payqr;
	struct ui_search_state search;
	struct ui_receipt_state receipt;
	struct ui_prompt_state prompt;
	struct ui_auth_state auth;
	struct {
		char title[64];
		char *text;
	} textview;
	struct ui_wh *wh;   /* the handheld warehouse screens (wh.h); NULL elsewhere */
};

/* loop.c */
void ui_push(struct ui *u, const struct ui_screen *s);
/* Closes the top screen now, for a handler that goes on working on the one
 * below (a prompt's submit); such a handler must not also return UI_POP. */
void ui_pop(struct ui *u);
/* Replaces the top screen (tender -> receipt). */
void ui_replace(struct ui *u, const struct ui_screen *s);
const struct ui_screen *ui_below(const struct ui *u);
void ui_message(struct ui *u, int kind, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void ui_message_clear(struct ui *u);
/* Starts a fresh ticket: empty cart, no customer, a new idempotency key. */
void ui_new_ticket(struct ui *u);

/* keys.c: the next key, or UI_KEY_NONE after idle_ms without one.  A byte
 * that is not text in the locale's charset is dropped on its own with a
 * message (u->input.dirty is set), the keys after it are kept; when the
 * terminal has gone away, u->input.closed is set.  Scans come whole as
 * UI_KEY_SCAN, never as keys. */
int ui_getkey(struct ui *u, int idle_ms);
/* Sets up the scanners of the config (the wedge's rules, a scanner read
 * directly); a scanner that cannot be opened is said on the message line. */
void ui_scan_init(struct ui *u);
void ui_scan_release(struct ui *u);
/* "F10", "Esc", "Enter", "Up"; static storage. */
const char *ui_key_name(int key);
int ui_binding_find(const struct ui_binding *b, int key);
const struct ui_action *ui_action_find(const struct ui_action *a, int id);
/* The global map: keys every screen gets when it does not use them. */
int ui_global_key(struct ui *u, int key);
extern const struct ui_action ui_global_actions[];
extern const struct ui_binding ui_global_bindings[];

/* text.c: every string shown goes through these (UTF-8 in, the terminal's
 * charset and column widths out). */
int ui_text_width(const char *utf8);
/* Prints at (y, x), at most w columns; returns the columns used. */
int ui_print(int y, int x, int w, const char *utf8);
/* Prints right-aligned so that the text ends at column x_end (exclusive). */
void ui_print_right(int y, int x_end, int w, const char *utf8);
int ui_printf(int y, int x, int w, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void ui_blank(int y, int x, int w);
/* Encodes a code point as UTF-8 into out (5 bytes); returns the length. */
size_t ui_utf8_encode(unsigned long cp, char *out);
/* Decodes the character s starts with into *cp; returns its length in bytes,
 * or 0 when s is empty or does not start with valid UTF-8. */
size_t ui_utf8_decode(const char *s, unsigned long *cp);
/* Money in the shop's style. */
void ui_money(const struct ui *u, money_t v, char *buf, size_t size);

/* widgets.c: the parts every screen has. */
void ui_draw_title(struct ui *u, const char *title, const char *right);
void ui_draw_message(struct ui *u, int y);
void ui_draw_helpbar(struct ui *u, const struct ui_screen *s);
/* Whether the terminal is big enough to draw anything useful. */
int ui_too_small(struct ui *u);

/* The screens. */
extern const struct ui_screen ui_counter_screen;
extern const struct ui_screen ui_tender_screen;
extern const struct ui_screen ui_search_screen;
extern const struct ui_screen ui_receipt_screen;
extern const struct ui_screen ui_prompt_screen;
extern const struct ui_screen ui_help_screen;
extern const struct ui_screen ui_textview_screen;
extern const struct ui_screen ui_desk_screen;

/* loop.c: the session of ui_run, opening on `first` (the desk's screen). */
int ui_run_first(struct app *a, const struct ui_screen *first, char **err);

/* textview.c: shows text (taken over: freed by the view) under a title. */
void ui_textview_open(struct ui *u, const char *title, char *text);

/* counter.c: adds what a code line says ("CODE", "3*CODE", "0,250*CODE")
 * to the ticket; messages go to the message line. */
int ui_counter_submit(struct ui *u, const char *line);
/* The "N*" the cashier typed before opening the search, or "". */
void ui_counter_qty_prefix(struct ui *u, char *out, size_t size);

/* returns.c: F6, a return against a ticket or without one. suspend.c: F7,
 * suspend the ticket, or on an empty one the list to resume from. */
int ui_returns_open(struct ui *u);
int ui_suspend_open(struct ui *u);

/* prompt.c: asks for one line of text; submit's result is the prompt's. */
void ui_prompt_open(struct ui *u, const char *title, const char *label, size_t max,
                    int (*submit)(struct ui *u, const char *text));

/* The text typed in the open prompt shows as stars. */
void ui_prompt_secret(struct ui *u);
/* A scan in the open prompt is refused with a message (a yes/no question). */
void ui_prompt_no_scan(struct ui *u);
/* Esc in the open prompt calls cancel (which returns the prompt's result)
 * instead of closing it. */
void ui_prompt_on_cancel(struct ui *u, int (*cancel)(struct ui *u));

/* auth.c: the log-in prompts (Esc quits), shown at start when the shop
 * has users; and, after an action came back APP_DENIED with message `why`,
 * a supervisor's name and PIN, then retry() once on approval. */
void ui_login_open(struct ui *u);
void ui_approve_open(struct ui *u, const char *why, int (*retry)(struct ui *u));
/* Shows err and, when rc is APP_DENIED, offers the approval that runs retry. */
int ui_denied_or_error(struct ui *u, int rc, char *err, const char *fallback,
                       int (*retry)(struct ui *u));

/* counter_manual.c: F5 manual price, F9 discount, and the waiver of a
 * list's rule (F10 twice). */
int ui_counter_override(struct ui *u, size_t line);
int ui_counter_discount(struct ui *u, size_t line);
int ui_counter_waive(struct ui *u);

/* printing.c: receipts of this till never printed, offered at the start;
 * the shown receipt printed again (uri NULL: the till's printer); the drawer
 * opened without a sale. */
void ui_print_offer(struct ui *u);
int ui_print_retry(struct ui *u, const char *uri);
int ui_print_elsewhere(struct ui *u);
int ui_no_sale(struct ui *u);
/* tender.c: adds a payment to the tender, says why when refused, and
 * commits the sale once it is paid in full; returns the screen's result. */
int ui_tender_pay(struct ui *u, enum pay_method m, money_t amount, const char *ref);

/* payqr.c: shows the payment QR code q (checked against the tender) over
 * the tender; Enter asks for the reference and records the payment. */
extern const struct ui_screen ui_payqr_screen;
void ui_payqr_open(struct ui *u, const struct app_payqr *q);

/* till.c: Ctrl-T opens this terminal's shift (asking the float) or shows
 * its X report (by right). */
int ui_till(struct ui *u);

/* receipt_view.c: shows a committed sale; takes ownership of text. */
void ui_receipt_open(struct ui *u, const struct app_sale_result *res, char *text,
                     const char *text_error);

/* The hook of app_stock_set_warn while a screen runs (ctx: the ui). */
void ui_stock_warn(void *ctx, const char *msg);

/* The curses session of a loop (term.c): opened in raw mode and always
 * restored; ui_term_signal is the signal (TERM, HUP, INT) that asked the
 * session to end, 0 while none did. */
#define UI_TERM_SIGNALS 3
struct ui_term {
	SCREEN *scr;
	struct sigaction old[UI_TERM_SIGNALS];
	void (*old_hook)(void);
};
extern volatile sig_atomic_t ui_term_signal;
int ui_term_open(struct ui_term *t, char **err);
void ui_term_close(struct ui_term *t);

#endif
