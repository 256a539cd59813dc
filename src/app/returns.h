/* Returns and refunds: goods given back against an earlier ticket (whole or
 * part, never more than was sold less earlier returns) or without one, the
 * money refunded to the original tender, in cash, by card or as store
 * credit, the goods back to stock or written off; and voiding a paid ticket. */
#ifndef COMPTOIR_APP_RETURNS_H
#define COMPTOIR_APP_RETURNS_H

#include "app.h"
#include "../core/refund.h"

/* A ticket number as typed or scanned from the receipt's barcode: "123" or
 * "T123" (the barcode's form). 0 or -1 when it is neither. */
int app_ticket_number_parse(const char *text, int64_t *number);

struct app_return_line {
	int orig_line;              /* the line of the original, 0 without a ticket */
	int64_t product_id;
	char sku[CART_SKU_MAX + 1];
	char name[CART_NAME_MAX + 1];
	int weighed;
	struct refund_sold sold;    /* as the original holds it (the whole line) */
	int64_t taken;              /* what earlier returns took back */
	int64_t qty;                /* to return now, 0 to leave it */
	struct refund_part part;    /* what qty gives back (app_return_update) */
	char price_source[16];
	int64_t cgst, igst;         /* India: the original line's split, to follow */
};

struct app_return {
	int64_t original;           /* ticket number, 0: without a ticket */
	int64_t original_id;
	char customer_code[65];
	char tax_exempt[65];
	int inclusive;
	money_t original_total;
	struct app_return_line *lines;
	size_t n, cap;
	money_t total;              /* what is given back now (positive) */
	char key[33];               /* idempotency key, kept across retries */
};

/* Reads ticket `ticket` (a number or T-number) with what is left to return
 * of each line; nothing chosen yet. APP_NOTFOUND when there is no such
 * ticket, APP_ERR for a return ticket. Release with app_return_release(). */
int app_return_open(struct app *a, const char *ticket, struct app_return *r, char **err);
/* An empty return without a ticket: lines come from codes (app_return_pick)
 * at the catalogue price. */
void app_return_open_free(struct app *a, struct app_return *r);
void app_return_release(struct app_return *r);

/* Adds qty_text (NULL: one, or the weight a code carries) of the product of
 * `code` to the return: against a ticket, onto its lines of that product
 * (first line first), refused past what is left; without a ticket, as a new
 * line. */
int app_return_pick(struct app *a, struct app_return *r, const char *code, const char *qty_text,
                    char **err);
/* Sets a line's quantity to return ("0" leaves it). */
int app_return_set_qty(struct app *a, struct app_return *r, size_t line, const char *qty_text,
                       char **err);
/* Chooses everything still returnable. */
void app_return_all(struct app_return *r);
/* Recomputes each line's part and the total; APP_ERR past what is left. */
int app_return_update(struct app_return *r, char **err);

enum app_refund_to {
	APP_REFUND_ORIGINAL = 0,    /* the original's tender (cash without a ticket) */
	APP_REFUND_CASH,
	APP_REFUND_CARD,
	APP_REFUND_CREDIT,          /* store credit: a code printed for the customer */
};

struct app_refund {
	enum app_refund_to to;
	char reference[65];         /* a card refund's slip reference */
	int writeoff;               /* the goods are written off, not back to stock */
	int void_ticket;            /* cancelling the whole ticket (app_return_all first) */
	const char *user;           /* NULL: the logged-in user or terminal */
	int64_t now;                /* 0: the clock */
};

struct app_return_result {
	int64_t number;             /* the return's own ticket number */
	money_t total;              /* negative */
	char credit_code[17];       /* store credit issued, "" when none */
	int replayed;
	int print_status;
	char print_error[256];
};

/* Needs the right to refund (against a ticket), to return without a
 * ticket, or to void after tender (how->void_ticket), held or approved (see
 * auth.h). Writes, in one transaction, the return ticket (kind 'return',
 * negative quantities and amounts, its own number), the stock moves, the
 * refund payments, any store credit and the journal record correcting the
 * sale, after checking again what earlier returns took. Then prints. */
int app_return_commit(struct app *a, struct app_return *r, const struct app_refund *how,
                      struct app_return_result *res, char **err);

/* Inside a sale's transaction: takes each store-credit payment of the
 * tender (PAY_CREDIT, its reference the credit's code) off what is left of
 * that credit. APP_ERR when a code is unknown or has less left. */
int app_store_credit_spend(struct app *a, const struct tender *t, char **err);

/* A store credit's amount and what is left of it. */
int app_store_credit(struct app *a, const char *code, money_t *amount, money_t *remaining,
                     char **err);

#endif
