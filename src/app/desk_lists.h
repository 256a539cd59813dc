/* What the wholesale desk screen lists and reads at once: business
 * customers by code or name, one customer's card (company, kind, price
 * list, tax id), and their documents newest first with a status each. */
#ifndef COMPTOIR_APP_DESK_LISTS_H
#define COMPTOIR_APP_DESK_LISTS_H

#include <stddef.h>
#include <stdint.h>
#include "app.h"

struct app_desk_customer {
	char code[65];
	char name[161];
	char kind[33];
	char list_code[33];   /* "" when none: retail prices */
	char tax_id[33];
};
/* Customers whose code or name contains text (at least one character),
 * by code: up to max into out, *n set. */
int app_desk_customer_find(struct app *a, const char *text, struct app_desk_customer *out,
                           size_t max, size_t *n, char **err);
/* The customer whose code is exactly code; APP_NOTFOUND with a message. */
int app_desk_customer_get(struct app *a, const char *code, struct app_desk_customer *out,
                          char **err);

struct app_desk_doc {
	char kind[12];        /* quote, order, delivery, invoice, credit */
	char number[24];      /* "12"; invoices and credit notes "2026-3" */
	int32_t day;          /* YYYYMMDD */
	char status[24];      /* as `doc show` says it (an invoice: open, partly paid, paid) */
	money_t total;
	money_t open;         /* invoices: what is left to pay */
};
/* The customer's documents, newest first: up to max into out, *n set. */
int app_desk_docs(struct app *a, const char *customer, struct app_desk_doc *out, size_t max,
                  size_t *n, char **err);

#endif
