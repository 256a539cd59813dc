/* The wholesale desk's documents: quote -> order (reserves stock) ->
 * deliveries (partial, backorders) -> invoices (gapless per financial
 * year) -> customer payments and credit notes; balances and ageing; the
 * credit check an order and an on-account sale make. Lines are priced by
 * the counter's ticket (ticket.h), so the desk and the till agree. */
#ifndef COMPTOIR_APP_DOCUMENTS_H
#define COMPTOIR_APP_DOCUMENTS_H

#include <stddef.h>
#include <stdint.h>
#include "app.h"

/* "Today" of the desk as YYYYMMDD: the clock, or, for tests only, the
 * environment variable COMPTOIR_TODAY=YYYY-MM-DD (the one place it is read). */
int32_t app_desk_today(void);

/* An item as typed: a code (barcode or SKU) and a quantity text or NULL (1). */
struct app_doc_item {
	const char *code;
	const char *qty;
};

struct app_doc_result {
	char number[24];     /* "12"; invoices and credit notes "2026-3" */
	money_t total;
	int backorder;       /* deliveries: something is left to deliver */
	/* Lines short of stock, one "backorder SKU QTY (available N)" a line
	 * (orders: against on hand less reserved; deliveries: what could not
	 * ship); "" when none. */
	char shortage[1024];
};

/* A quote, valid for 30 days from today. */
int app_quote_new(struct app *a, const char *customer, const struct app_doc_item *items,
                  size_t n, struct app_doc_result *res, char **err);
/* An order (ship_to 0: the customer's own address), credit-checked and
 * reserving its stock. APP_DENIED with the figures when the credit rules
 * refuse it and nobody with RIGHT_CREDIT_OVERRIDE approves. */
int app_order_new(struct app *a, const char *customer, int ship_to,
                  const struct app_doc_item *items, size_t n, struct app_doc_result *res,
                  char **err);
/* Turns quote `number` into an order at the quote's prices; an expired or
 * already ordered quote is refused. */
int app_order_confirm(struct app *a, int64_t quote, struct app_doc_result *res, char **err);
/* A delivery of order `number`: the items given (at most what is open), or
 * everything still open when n is 0. Takes the stock out and releases its
 * reservation. */
int app_deliver(struct app *a, int64_t order, const struct app_doc_item *items, size_t n,
                struct app_doc_result *res, char **err);
/* The same from a location: the code given, or NULL for the dispatch
 * location (app_dispatch_location). Only what is on hand there ships. */
int app_deliver_from(struct app *a, int64_t order, const char *location,
                     const struct app_doc_item *items, size_t n, struct app_doc_result *res,
                     char **err);
/* The code of the location deliveries ship from when none is named: the
 * setting dispatch_location, else the shop's default location. */
int app_dispatch_location(struct app *a, char *code, size_t size, char **err);
/* An invoice of what was delivered on order `number` and not yet invoiced. */
int app_invoice(struct app *a, int64_t order, struct app_doc_result *res, char **err);
/* A credit note against invoice `number` ("2026-3", or "3" for the newest
 * year holding it): the items given or all that is not credited yet; with
 * restock the goods go back on the shelf. Allocated to what is open on the
 * invoice; the rest stays in the customer's favour. */
int app_credit_note(struct app *a, const char *invoice, const struct app_doc_item *items,
                    size_t n, int restock, struct app_doc_result *res, char **err);

struct app_pay_result {
	int64_t number;
	money_t allocated;   /* to invoices */
	money_t unallocated; /* left in the customer's favour */
};
/* A customer payment: to one invoice (its open amount at most) or, with
 * invoice NULL, to the oldest open invoices; method cash, card, transfer,
 * cheque, upi. */
int app_pay(struct app *a, const char *customer, money_t amount, const char *invoice,
            const char *method, struct app_pay_result *res, char **err);

/* An open invoice, or (ticket 1) a counter ticket sold on account, due
 * by the customer's terms from its day. */
struct app_open_invoice {
	char number[24];     /* "2026-3", or a ticket's number */
	int ticket;
	int32_t day, due;
	money_t total, open;
	int bucket;          /* terms_bucket */
};
struct app_balance {
	char name[161];
	money_t owed;        /* invoices - credit notes + on-account tickets - payments */
	money_t unallocated; /* in the customer's favour, not allocated: payments,
	                        credit notes, and what a return gave back to a
	                        ticket already paid */
	money_t overdue;     /* open past its due day, less unallocated money */
	money_t limit;       /* 0: none */
	int on_hold;
	char terms[16];
	money_t bucket[5];   /* current, 1-30, 31-60, 61-90, over 90: what is
	                        open, unallocated money set against the oldest */
	struct app_open_invoice *inv;   /* malloc'd; app_balance_release */
	size_t ninv;
};
int app_balance(struct app *a, const char *customer, struct app_balance *out, char **err);
void app_balance_release(struct app_balance *b);

/* Inside the caller's transaction: whether customer_id may take `amount`
 * more on credit. Refused (APP_DENIED, the figures in *err) when on hold,
 * with invoices overdue, or past the limit, unless the user holds
 * RIGHT_CREDIT_OVERRIDE or an approval for it waits (then *approved is 1
 * and app_approver() names who). */
int app_credit_allow(struct app *a, int64_t customer_id, money_t amount, int *approved,
                     char **err);

/* A document as text: kind, number, customer, status, dates, lines, totals,
 * what came before it and after it. kind: quote, order, delivery,
 * invoice, credit. *text malloc'd. */
int app_doc_show(struct app *a, const char *kind, const char *number, char **text,
                 char **err);
/* An order's status and lines for the customer who placed it, as text
 * (for `ask "order 123"`); APP_NOTFOUND when the order is not this
 * customer's, so nobody reads another's orders. */
int app_doc_order_summary(struct app *a, const char *customer, int64_t number, char **text,
                          char **err);

/* The desk's customer settings: terms (NULL unchanged), credit limit (<0
 * unchanged), hold (<0 unchanged, 0 released, 1 on hold), notes (NULL
 * unchanged). Needs RIGHT_CREDIT_OVERRIDE in a shop with users. */
int app_desk_customer_set(struct app *a, const char *customer, const char *terms,
                          money_t limit, int hold, const char *notes, char **err);
/* Adds a ship-to address; *seq is its number for --ship-to. */
int app_ship_to_add(struct app *a, const char *customer, const char *name,
                    const char *address, const char *state, int *seq, char **err);

#endif
