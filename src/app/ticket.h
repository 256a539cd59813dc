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

/* What a person decided by right on this ticket: a manual unit price for a
 * product (kept whatever its quantity becomes), a line discount above the
 * shop's threshold, or the list's minimum/multiple waived. Each becomes a
 * journal record when the sale commits. */
enum app_manual_kind {
	APP_MANUAL_PRICE = 1,
	APP_MANUAL_DISCOUNT,
	APP_MANUAL_RULES,
};
#define APP_TICKET_MANUAL_MAX 32
#define APP_REASON_MAX 64

struct app_ticket_manual {
	enum app_manual_kind kind;
	int64_t product_id;          /* price and discount: the product */
	char sku[65];
	money_t price;               /* price: the unit price, in the ticket's convention */
	money_t was;                 /* price: what the engine gave */
	int32_t pct;                 /* discount: hundredths of a percent */
	char reason[APP_REASON_MAX * 4 + 1];   /* up to 64 characters of UTF-8 */
	char user[32];               /* who did it */
	char approver[32];           /* who approved it, "" for the user's own right */
};

struct app_ticket {
	struct cart cart;
	char key[33];                 /* idempotency key, kept across commit retries */
	int has_customer;
	struct app_ticket_customer customer;
	struct app_ticket_manual manual[APP_TICKET_MANUAL_MAX];
	size_t nmanual;
	int rules_waived;             /* the list's minimum and multiple do not apply */
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

/* Sets a manual unit price (text as typed, in the ticket's tax convention)
 * for the product of `line`, with a reason; needs RIGHT_PRICE_OVERRIDE (or
 * an approval, see auth.h). The price stays when quantities change. */
int app_ticket_override(struct app *a, struct app_ticket *t, size_t line, const char *price_text,
                        const char *reason, char **err);
/* A line discount in percent ("15" or "12,5"); above the shop's threshold
 * it needs RIGHT_DISCOUNT_LARGE and a reason. "0" removes it. */
int app_ticket_discount(struct app *a, struct app_ticket *t, size_t line, const char *pct_text,
                        const char *reason, char **err);
/* Lifts the customer's list minimum and multiple for this ticket; needs
 * RIGHT_PRICE_OVERRIDE and a reason. */
int app_ticket_waive_rules(struct app *a, struct app_ticket *t, const char *reason, char **err);

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
