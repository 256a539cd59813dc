/* Buyers' questions answered without a person ("price 50 GRO-0021", "stock
 * GRO-0021", "order 12", "help"), in plain text, from the price engine and
 * the stock, for one customer's own prices and orders only. */
#ifndef COMPTOIR_APP_ASK_H
#define COMPTOIR_APP_ASK_H

#include "app.h"

/* Longest question read, in bytes; a longer one is answered "too long". */
#define APP_ASK_MAX 512

/* Where order questions are answered: the wholesale desk plugs its orders
 * in here (until then order questions are answered "cannot answer yet"). */
struct app_ask_orders {
	/* Writes what a buyer may know of order `number` (as typed: letters,
	 * digits, '-' and '/', at most 32) into *answer: lines of text, each
	 * ending with '\n', no blank line (malloc'd; the caller frees).  It must
	 * answer only when the order is customer's own: APP_NOTFOUND both for no
	 * such order and for another customer's order, so that the two cannot
	 * be told apart; APP_IO with *err when the database fails. */
	int (*answer)(struct app *a, const char *customer, const char *number, char **answer,
	              char **err);
};

struct app_ask {
	const char *customer;                 /* the buyer's code; NULL: anyone
	                                         (retail prices, no orders) */
	const struct app_ask_orders *orders;  /* NULL: not plugged in yet */
};

/* Checks that q->customer exists: APP_OK, APP_NOTFOUND or APP_ERR (a bad
 * code), or APP_IO, with *err. */
int app_ask_check(struct app *a, const struct app_ask *q, char **err);

/* Answers one question (any bytes: cleaned and bounded here) into *answer:
 * lines of text each ending with '\n', never a blank line, malloc'd (the
 * caller frees).  A question not understood, an unknown product or an
 * order not found is an answer (APP_OK), never an error; only a database
 * failure returns APP_IO, with *err. */
int app_ask(struct app *a, const struct app_ask *q, const char *question, size_t len,
            char **answer, char **err);

#endif
