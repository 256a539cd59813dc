/* Shared by the desk's files of src/app/ only: reading document numbers,
 * the customer, lines priced through a cart, and journal records. */
#ifndef COMPTOIR_APP_DOCUMENTS_INTERNAL_H
#define COMPTOIR_APP_DOCUMENTS_INTERNAL_H

#include "app-internal.h"
#include "documents.h"
#include "../../db/documents.h"
#include "../core/journal.h"

#define DOC_JOURNAL_INVOICE "invoice"
#define DOC_JOURNAL_CREDIT "credit_note"
#define DOC_JOURNAL_PAYMENT "customer_payment"

/* The financial year of a day for the shop's country. */
int32_t doc_fiscal_year(struct app *a, int32_t day);
/* "12", or "2026-3" for a kind numbered per year. */
void doc_number_text(const struct db_doc *d, char *out, size_t size);
/* Finds a document by kind and number text; APP_NOTFOUND with a message. */
int doc_find(struct app *a, const char *kind, const char *number, struct db_doc *out,
             char **err);
/* Reads the desk's view of a customer; APP_NOTFOUND with a message. */
int doc_customer(struct app *a, const char *code, struct db_desk_customer *out, char **err);
/* A document line from a cart line. */
void doc_line_from_cart(struct db_doc_line *dl, const struct cart_line *l, int line_no,
                        int source_line);
/* India: each line's tax as CGST + SGST or IGST for the buyer's state. */
int doc_line_gst(struct app *a, struct db_doc_line *dl, const char *buyer_state, char **err);
/* Writes d (number already set) and the cart's lines (source_lines[i] for
 * line i, or NULL) with totals from the cart. */
int doc_write(struct app *a, struct db_doc *d, const struct cart *c, const int *source_lines,
              const char *buyer_state, char **err);
/* Starts a document of kind for customer c today, by the current user. */
void doc_start(struct app *a, struct db_doc *d, const char *kind, const struct db_desk_customer *c);
/* The journal record of an invoice or credit note (its lines and totals). */
int doc_journal(struct app *a, const struct db_doc *d, const char *code, char **err);
/* Adds a fixed-price line (price as given, in the cart's convention). */
int doc_cart_add(struct cart *c, const struct db_doc_line *l, int64_t qty, char **err);

/* Appends "backorder SKU QTY (available N)\n" to out. */
/* An order takes what is asked even when the shelf is short: the lines of
 * c (but cart line `skip`, -1 none) that on hand (all locations) less what
 * other orders reserved cannot cover are named in *shortage, to be
 * delivered when the stock comes. */
int doc_shortage(struct app *a, const struct cart *c, int skip, char *shortage, size_t size,
                 char **err);
/* Reserves (sign 1) or releases (-1) the stock of c's lines but `skip`. */
int doc_reserve(struct app *a, const struct cart *c, int skip, int sign, char **err);
void doc_shortage_add(char *out, size_t size, const char *sku, int64_t short_qty,
                      int64_t available, int weighed);
/* Sets the customer's unallocated payments and credit notes against the
 * open invoices and on-account tickets, oldest first (inside the caller's
 * transaction). */
int doc_settle(struct app *a, int64_t customer_id, char **err);
/* The customer's account as app_balance reports it (b released by the
 * caller with app_balance_release). */
int doc_account(struct app *a, const struct db_desk_customer *cu, struct app_balance *b,
                char **err);
/* The journal payload of an invoice or credit note as doc_journal writes
 * it, for verify to compare; customer code given. pl initialised by the
 * caller. */
int doc_journal_payload(struct app *a, const struct db_doc *d, const char *code,
                        struct jbuf *pl);

#endif
