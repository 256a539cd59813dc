/* Fast entry on the wholesale desk: draft orders (lines typed, added or
 * pasted from a message or CSV, priced as they stand, reserving no stock
 * and using no credit until placed), an order with a shipping method,
 * a customer's last order repeated and a quote copied at today's prices. */
#ifndef COMPTOIR_APP_DRAFTS_H
#define COMPTOIR_APP_DRAFTS_H

#include <stddef.h>
#include <stdint.h>
#include "app.h"
#include "documents.h"
#include "../core/orderparse.h"

/* An order like app_order_new with a shipping method: shipping is
 * "METHOD" or "METHOD:AMOUNT" (see app_ship_parse); the charge, when not
 * 0, is a taxed line of its product, not reserved, delivered and invoiced
 * with the first delivery. */
int app_order_new_shipped(struct app *a, const char *customer, int ship_to,
                          const char *shipping, const struct app_doc_item *items, size_t n,
                          struct app_doc_result *res, char **err);

/* A new draft for the customer (ship_to 0: own address; shipping NULL or
 * as for app_order_new_shipped) with the items given (n may be 0); each
 * item is checked as the counter would ring it up. *number is the draft's. */
int app_draft_new(struct app *a, const char *customer, int ship_to, const char *shipping,
                  const struct app_doc_item *items, size_t n, int64_t *number, char **err);
/* Adds items to an open draft (all or none). */
int app_draft_add(struct app *a, int64_t number, const struct app_doc_item *items, size_t n,
                  char **err);

/* Changes the quantity of line line_no of an open draft (as typed,
 * checked as the counter would ring it up) or, with qty NULL, removes
 * the line. */
int app_draft_line_set(struct app *a, int64_t number, int line_no, const char *qty,
                       char **err);

/* A pasted line that was not added: its line number in the text, the text
 * and why. */
struct app_paste_reject {
	size_t line;
	char text[ORDERPARSE_LINE_MAX + 1];
	char why[256];
};
struct app_paste_result {
	size_t added;                     /* lines added to the draft */
	struct app_paste_reject *rejects; /* malloc'd; app_paste_result_release */
	size_t nrejects;
};
/* Reads pasted text ("10 x ALM-BISC", "ALM-BISC;10", one per line) into an
 * open draft: the lines understood and known are added; every other line
 * but blank ones is listed in res->rejects, never dropped silently. */
int app_draft_paste(struct app *a, int64_t number, const char *text, size_t len,
                    struct app_paste_result *res, char **err);
void app_paste_result_release(struct app_paste_result *res);

struct app_draft_line {
	int line_no;              /* the draft's (kept when a line is removed) */
	char code[65], qty[32];   /* as typed */
	char sku[65], name[161];
	int64_t qty_base;         /* base units, or thousandths when weighed */
	int weighed;
	money_t unit_price, gross;
};
struct app_draft {
	int64_t number;
	char customer[65];
	char status[12];          /* open, placed */
	int64_t order;            /* once placed */
	int ship_to;              /* the ship-to address's number, 0 none */
	char shipping[12];
	money_t charge;           /* the shipping charge that would apply */
	money_t net, tax, total;  /* at today's prices, the charge included */
	struct app_draft_line *lines;  /* malloc'd; app_draft_release */
	size_t n;
};
/* The draft priced as it stands, for the customer, today. */
int app_draft_get(struct app *a, int64_t number, struct app_draft *out, char **err);
void app_draft_release(struct app_draft *d);

struct app_draft_head {
	int64_t number;
	char customer[65];
	int nlines;
	char user[32];
	int64_t created_at;
};
/* The open drafts, oldest first, of one customer (NULL: all); *out
 * malloc'd (free it), *n entries. */
int app_drafts_open(struct app *a, const char *customer, struct app_draft_head **out,
                    size_t *n, char **err);

/* Places an open draft: priced today, credit-checked, stock reserved, as
 * app_order_new; the draft is then "placed" and names the order. */
int app_draft_place(struct app *a, int64_t number, struct app_doc_result *res, char **err);

/* A new draft holding the lines (and shipping method) of the customer's
 * newest order, to be priced today. APP_NOTFOUND when it has none. */
int app_order_repeat(struct app *a, const char *customer, int64_t *draft, char **err);
/* A new quote with the lines of quote `quote` at today's prices, for its
 * customer or another (customer NULL: the same), valid from today. */
int app_quote_copy(struct app *a, int64_t quote, const char *customer,
                   struct app_doc_result *res, char **err);

#endif
