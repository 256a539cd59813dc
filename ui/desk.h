/* What the wholesale desk's screens share (desk*.c only): the customer
 * chosen with their figures, their documents, the order or quote being
 * typed, and the screens themselves. The state lives in static storage
 * (desk.c) so that no way out of the screens can leak it. */
#ifndef COMPTOIR_UI_DESK_H
#define COMPTOIR_UI_DESK_H

#include "ui_int.h"
#include "../src/app/desk_lists.h"
#include "../src/app/drafts.h"
#include "../src/util/xalloc.h"

#define DESK_DOCS_MAX 200
#define DESK_FOUND_MAX 100
#define DESK_LINES_MAX 100
/* The paste box's text, in bytes, and the refused lines kept on screen. */
#define DESK_PASTE_MAX 16384
#define DESK_REJECTS_MAX 40

/* A line of the quote or order being typed, priced when it was entered. */
struct desk_line {
	char code[65];        /* as typed or scanned */
	char sku[65];
	char name[161];
	char qty[32];         /* as typed: the document reads it again */
	int64_t q;            /* base units, thousandths when weighed */
	int weighed;
	money_t unit, amount;
};

struct desk_state {
	int has_customer;
	struct app_desk_customer cust;
	/* From app_balance (what `comptoir balance` prints). */
	money_t owed, overdue, limit, unallocated, bucket[5];
	int on_hold;
	char terms[16];

	struct app_desk_doc docs[DESK_DOCS_MAX];
	size_t ndocs, sel, top;
	int quit_armed;

	struct app_desk_customer found[DESK_FOUND_MAX];
	size_t nfound, fsel, ftop;

	int entry_order;      /* 1: a new order, 0: a new quote */
	int ship_to;          /* the order's ship-to address number, 0: the customer's own */
	char shipping[32];    /* the order's method as typed ("courier", "cod:5"), "" none */
	money_t ship_charge;  /* its charge shown as a line, -1 unknown */
	struct desk_line lines[DESK_LINES_MAX];
	size_t nlines, lsel, ltop;
	struct ui_field input;
	char preview[256];    /* the price engine's answer for what is typed */
	int cancel_armed;
	money_t net, tax, gross;  /* the lines priced together as the document will be */
	int inclusive, totals_ok;

	char doc[24];         /* the document a step works on */
	char delivery[24];    /* the delivery a tracking number is asked for */
	char amount[48];      /* a payment's amount, while its method is asked */
	char items[UI_FIELD_MAX * 4 + 1];  /* a credit note's items, while restock is asked */

	/* The draft order on screen (desk_draft.c): its lines go to lines[]
	 * above, their line numbers here; the lines of the last paste that
	 * were not added, with their line numbers in the text pasted. */
	int64_t draft;
	int draft_line_no[DESK_LINES_MAX];
	char draft_shipping[12];
	money_t draft_charge;
	struct app_paste_reject rejects[DESK_REJECTS_MAX];
	size_t nrejects, nrejects_all;
	/* The paste box (desk_paste.c). */
	char paste[DESK_PASTE_MAX];
	size_t paste_len;
	int paste_full, paste_armed;
};

struct desk_state *desk_state(void);

/* desk.c: reads the customer's figures and documents again. */
void desk_refresh(struct ui *u);
/* Chooses the customer by exact code; 0, or -1 with the message set. */
int desk_set_customer(struct ui *u, const char *code);
/* The foot of a screen where lines are typed (order entry, drafts): the
 * price engine's answer for what is typed, the message (a credit refusal's
 * figures take three lines when nothing is typed), the item field and the
 * screen's help bar. */
void desk_draw_entry_foot(struct ui *u, const char *preview, struct ui_field *input,
                          const struct ui_screen *s);
/* Prints text wrapped over up to rows lines from y; returns the lines used. */
int desk_print_wrapped(int y, int x, int w, int rows, const char *text);
/* The selected document, or NULL. */
const struct app_desk_doc *desk_selected(struct ui *u);

/* desk_pick.c: F3, a customer by code or part of a name. */
int desk_pick_open(struct ui *u);
extern const struct ui_screen desk_pick_screen;

/* desk_price.c: whether s (n bytes) is a quantity as typed; a line as
 * typed split into code and quantity ("" when none); the line priced for the
 * customer (-1 with *err set); its quantity as text; the preview of what is
 * typed; and the lines priced together (units and totals). */
int desk_is_qty(const char *s, size_t n);
void desk_parse_line(const char *text, char *code, size_t csize, char *qty, size_t qsize);
int desk_price_line(struct ui *u, const char *code, const char *qty, struct desk_line *l,
                    char **err);
void desk_qty_text(struct ui *u, const struct desk_line *l, char *buf, size_t size);
void desk_preview(struct ui *u);
void desk_totals(struct ui *u);

/* desk_entry.c: a new quote (order 0) or order (order 1). */
int desk_entry_open(struct ui *u, int order);
extern const struct ui_screen desk_entry_screen;

/* desk_steps.c: one key per step on the selected document. */
int desk_step_confirm(struct ui *u);
int desk_step_deliver(struct ui *u);
int desk_step_invoice(struct ui *u);
int desk_step_pay(struct ui *u);
int desk_step_credit(struct ui *u);
int desk_open_doc(struct ui *u);

/* desk_paste.c: the paste box for lines "10 x ALM-BISC", "ALM-BISC;10"; F10
 * puts the known ones into a new draft (or the draft on screen) and opens
 * the draft with the unknown ones listed. */
int desk_paste_open(struct ui *u, int into_draft);
extern const struct ui_screen desk_paste_screen;

/* desk_draft.c: the draft order `number` on screen, to edit and place. */
int desk_draft_open(struct ui *u, int64_t number);
/* Reads the draft on screen again; 0 or -1 with the message set. */
int desk_draft_load(struct ui *u);
extern const struct ui_screen desk_draft_screen;

/* desk_more.c: the customer's last order repeated into a draft, the
 * selected quote copied, the selected document and the customer's
 * statement written as PDF files; F10 lists them. */
int desk_repeat(struct ui *u);
int desk_copy_quote(struct ui *u);
int desk_print_doc(struct ui *u);
int desk_print_statement(struct ui *u);
int desk_drafts(struct ui *u);
int desk_more_open(struct ui *u);
extern const struct ui_screen desk_more_screen;

#endif
