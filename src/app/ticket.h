/* A ticket being rung up, for the counter screen and the command line
 * alike: codes and quantities in, the price engine applied to every line
 * (quantity breaks on the product's total, the customer's list, contract,
 * promotion), then the sale committed. */
#ifndef COMPTOIR_TICKET_H
#define COMPTOIR_TICKET_H

#include "app.h"

struct app_ticket_customer {
	int64_t id;
	char code[65];
	char name[161];
	char kind[33];
	int64_t list_id;         /* 0: the base list */
	char list_code[33];
	int list_inclusive;
	char state[33];
	char tax_exempt[65];
};

struct app_ticket {
	struct cart cart;
	char key[33];                 /* idempotency key, kept across commit retries */
	int has_customer;
	struct app_ticket_customer customer;
};

/* Starts an empty ticket (walk-in, the shop's tax convention, a new key). */
void app_ticket_init(struct app *a, struct app_ticket *t);
void app_ticket_release(struct app_ticket *t);
/* Empties it for the next sale, with a new key. */
void app_ticket_clear(struct app *a, struct app_ticket *t);

/* Attaches a customer by code (NULL or "" for walk-in) and reprices every
 * line. Refused, with the ticket unchanged, when the code is unknown. */
int app_ticket_set_customer(struct app *a, struct app_ticket *t, const char *code, char **err);

/* Adds a scanned or typed code. qty_text is the quantity typed with it, or
 * NULL: a whole count (times the units of a pack barcode), or kilograms for
 * a weighed product ("0,250"); a code carrying a weight takes no count.
 * Returns the line index (>= 0) or an app_error with *err set; on error the
 * ticket is unchanged. */
int app_ticket_add(struct app *a, struct app_ticket *t, const char *code, const char *qty_text,
                   char **err);
/* Sets the quantity of a line from text as app_ticket_add reads it. */
int app_ticket_set_qty(struct app *a, struct app_ticket *t, size_t line, const char *qty_text,
                       char **err);
int app_ticket_void(struct app *a, struct app_ticket *t, size_t line, char **err);

/* "Why this price" for a line, as lines of text (malloc'd; caller frees). */
int app_ticket_why(struct app *a, const struct app_ticket *t, size_t line, char **text,
                   char **err);

/* Whether the ticket meets the customer's list rules (minimum quantity,
 * order multiple) for every product: APP_ERR with the rule in *err when
 * not. Changes are not refused for them while the ticket is rung up;
 * tendering and committing are. */
int app_ticket_check(struct app *a, const struct app_ticket *t, char **err);

/* Commits the sale (after app_ticket_check) with the given complete tender (see app_sale_commit). */
int app_ticket_commit(struct app *a, struct app_ticket *t, struct tender *tender,
                      const char *user, struct app_sale_result *res, char **err);

#endif
