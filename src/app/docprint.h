/* Printed documents of the wholesale desk: invoice, credit note, quote,
 * order, delivery note and packing slip; a customer's statement; the
 * ageing report of all customers. Each is laid out once and drawn as
 * plain text or as an A4 PDF. */
#ifndef COMPTOIR_APP_DOCPRINT_H
#define COMPTOIR_APP_DOCPRINT_H

#include <stddef.h>
#include <stdint.h>
#include "app.h"

enum docprint_format {
	DOCPRINT_TEXT = 0,   /* UTF-8, 80 columns */
	DOCPRINT_PDF,        /* A4 portrait */
};

struct docprint_opts {
	enum docprint_format format;
	const char *out;     /* PDF: the file written (required); text: NULL */
	int slip;            /* a delivery or an order as a packing slip (no prices) */
	int as_reseller;     /* a drop-ship slip in the bill-to customer's name */
};

/* Document `number` of kind (quote, order, delivery, invoice, credit).
 * Text: *text is malloc'd (the caller frees it); PDF: written to o->out and
 * *text is NULL. APP_NOTFOUND for an unknown document, APP_ERR for options
 * that do not fit the document, with *err. */
int app_doc_print(struct app *a, const char *kind, const char *number,
                  const struct docprint_opts *o, char **text, char **err);

/* A customer's statement from `from` to `to` (YYYYMMDD; from 0: the first
 * movement, to 0: today): the opening balance, invoices, credit notes and
 * payments with a running balance, then the open invoices and the ageing
 * of `comptoir balance` as of today. Output as for app_doc_print. */
int app_statement_print(struct app *a, const char *customer, int32_t from, int32_t to,
                        const struct docprint_opts *o, char **text, char **err);

/* Every customer with an account: one line each (owed, current, 1-30,
 * 31-60, 61-90, over 90, overdue), then the totals. *text malloc'd. */
int app_ageing_text(struct app *a, char **text, char **err);

/* The shop settings printed documents read, NULL-terminated: seller_tax_id
 * (GSTIN or EU VAT number), seller_siren, seller_legal (legal form, capital,
 * registry), late_penalty, early_discount and recovery_indemnity (an
 * amount). For `comptoir setting` to list and change. */
extern const char *const app_docprint_setting_keys[];
/* Checks value for one of those keys and writes the form to keep (a tax id
 * normalised, an amount as 40.00) into out; "" is always accepted (unset).
 * APP_OK, or APP_ERR with *err; APP_NOTFOUND for another key. */
int app_docprint_setting_check(struct app *a, const char *key, const char *value, char *out,
                               size_t size, char **err);

#endif
