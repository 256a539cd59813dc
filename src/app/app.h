/* The application layer: the operations the screens and the command line
 * share (open a shop, look up a code, search, commit a sale, print and show
 * receipts, stock).  Every database transaction lives below this header. */
#ifndef COMPTOIR_APP_H
#define COMPTOIR_APP_H

#include <stddef.h>
#include <stdint.h>
#include "../core/money.h"
#include "../core/cart.h"
#include "../core/tender.h"

struct app;

/* Errors: functions return 0 or one of these, and, when err is not NULL,
 * set *err to a message for a person (malloc'd, translated; the caller
 * frees it). */
enum app_error {
	APP_OK = 0,
	APP_ERR = -1,        /* refused operation or bad input (exit status 1) */
	APP_NOTFOUND = -2,   /* unknown code, ticket, customer */
	APP_IO = -3,         /* the database could not be read or written */
	APP_DENIED = -4,     /* the user lacks the right: a supervisor may approve */
};

enum app_open_flags {
	APP_OPEN_EXISTING = 0, /* the database must exist and be comptoir's */
	APP_OPEN_CREATE = 1,   /* create it (init) */
};

enum app_country {
	APP_COUNTRY_FR = 0,
	APP_COUNTRY_IN,
};

struct app_shop {
	char name[96];
	char address[160];
	enum app_country country;
	char currency[4];                 /* "EUR", "INR" */
	const struct money_style *money;  /* how the screens and receipts show money */
	int prices_include_tax;           /* retail prices are tax-inclusive */
	money_t cash_step;                /* cash rounding step, 0 for none */
	char terminal[32];                /* this till's name, from the config */
	char printer[256];                /* receipt printer URI, "" for none */
	int receipt_width;                /* 32, 42 or 48 columns */
	char printer_profile[32];         /* printer profile name, "" for plain text */
	int drawer_pin;                   /* the cash drawer's pin on the printer, 0: none */
	char seller_state[3];             /* India: the GST state code of the shop */
	int32_t discount_limit;           /* line discounts above it (hundredths of a
	                                     percent) need a right */
};

/* Opens (or, with APP_OPEN_CREATE, creates and migrates) the shop database
 * at path. *out is owned by the caller and released with app_close(). */
int app_open(const char *path, int flags, struct app **out, char **err);
void app_close(struct app *a);

/* The shop's settings as loaded at open time (config file merged in). */
const struct app_shop *app_shop(const struct app *a);
/* The path the shop's database was opened at (its folder is the shop's data
 * directory, where the desk writes printed documents). */
const char *app_db_path(const struct app *a);
/* Settings from the config file or the command line that override the
 * database: printer URI, terminal name. NULL leaves a value alone. */
void app_set_printer(struct app *a, const char *uri);
void app_set_terminal(struct app *a, const char *name);
/* How money is written in messages and "why" lines: the shop's style by
 * default (screens); the command line sets money_style_plain. */
void app_set_message_money(struct app *a, const struct money_style *st);
/* 32, 42 or 48 columns; other values are ignored. */
void app_set_receipt_width(struct app *a, int width);

/* Creates the shop database at path (which must not hold a shop yet) for a
 * country, filled with the demo shop when `demo`. */
int app_init_shop(const char *path, enum app_country country, int demo, char **err);

/* What a scanned or typed code resolved to. */
struct app_scan {
	struct cart_item item;
	int64_t qty;          /* quantity the code carries: a pack's units, a
	                         weight from an in-store code; 0 when it carries none */
	int price_embedded;   /* an in-store code set item.unit_price for this item */
};

/* Resolves a barcode (EAN/UPC, in-store price or weight code) or an SKU.
 * Bad input (control characters, too long, wrong check digit) is APP_ERR,
 * an unknown code APP_NOTFOUND, both with a message in *err. */
int app_lookup(struct app *a, const char *code, struct app_scan *out, char **err);

struct app_product {
	int64_t id;
	char sku[CART_SKU_MAX + 1];
	char name[CART_NAME_MAX + 1];
	char barcode[14];     /* first barcode, "" when none */
	money_t price;
	int weighed;
	int64_t stock;        /* on hand, base units (thousandths when weighed) */
};

/* Products whose name, SKU, brand or barcode start with the words of text
 * (accent- and case-insensitive; at least two characters). Fills up to max
 * results into out and sets *n. */
int app_search(struct app *a, const char *text, struct app_product *out, size_t max,
               size_t *n, char **err);

/* A fresh idempotency key (32 hex characters): one per ticket, made when the
 * ticket starts and kept across retries of its commit. */
void app_new_key(char out[33]);

struct app_ticket_manual;

struct app_sale {
	struct cart *cart;          /* lines as rung up (totals up to date) */
	struct tender *tender;      /* complete */
	const char *customer_code;  /* NULL: walk-in */
	const char *idem_key;       /* from app_new_key() */
	const char *user;           /* NULL: the terminal's default user */
	int64_t now;                /* Unix time of the sale, 0 for the clock */
	const struct app_ticket_manual *manual;  /* decisions by right (ticket.h) */
	size_t nmanual;
};

struct app_sale_result {
	int64_t number;        /* the ticket number, gapless */
	money_t total;
	money_t change;
	money_t rounding;
	int replayed;          /* the key had already committed: nothing new written */
	int print_status;      /* 0 printed or no printer, <0 the job waits */
	char print_error[256]; /* why it waits, for a warning */
	int drawer_status;     /* 0 opened or no drawer or no cash, <0 it did not open */
	char drawer_error[256];
};

/* Commits the sale in one short transaction: ticket, lines, payments, stock
 * decrements and, when a printer is set, the receipt job. Then tries to
 * print; a printing failure leaves the sale committed (print_status < 0).
 * The same idem_key committed twice gives back the first ticket. */
int app_sale_commit(struct app *a, const struct app_sale *sale,
                    struct app_sale_result *res, char **err);

/* The receipt of ticket `number` as plain UTF-8 text, app_shop()->receipt_width
 * columns wide, marked as a copy when `copy`. *out is malloc'd; caller frees. */
int app_receipt_text(struct app *a, int64_t number, int copy, char **out, char **err);

/* Whether uri names a printer this build can reach, within 255 bytes;
 * *err says why not. */
int app_printer_check(const char *uri, char **err);

/* Sends text to a printer URI (file:PATH, dev:PATH). */
int app_print_text(struct app *a, const char *uri, const char *text, char **err);

struct app_stock_row {
	char location[32];
	int64_t qty;
};

/* Stock of a product by code: total on hand and per location.  rows gets up
 * to max entries; *nrows is set. *weighed tells whether quantities are
 * thousandths. */
int app_stock(struct app *a, const char *code, int64_t *total, int *weighed,
              struct app_stock_row *rows, size_t max, size_t *nrows, char **err);

/* Unit price that applies to code for a quantity (retail for now), with
 * the reasons as lines of text (malloc'd into *why; caller frees). */
int app_price(struct app *a, const char *code, const char *customer, int64_t qty,
              money_t *unit, char **why, char **err);

/* Whether a customer code exists; fills name (may be NULL). */
int app_customer(struct app *a, const char *code, char *name, size_t size, char **err);

#endif
