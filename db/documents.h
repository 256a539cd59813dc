/* Statements of the wholesale desk: documents (quote, order, delivery,
 * invoice, credit note) and their lines and links, numbers per kind and
 * financial year, customer payments and their allocation to invoices,
 * reserved stock, and what the desk reads of a customer. The caller holds
 * the transaction. */
#ifndef COMPTOIR_DB_DOCUMENTS_H
#define COMPTOIR_DB_DOCUMENTS_H

#include <stdint.h>
#include "db.h"

struct db_doc {
	int64_t id;
	char kind[12];            /* quote, order, delivery, invoice, credit */
	int32_t year;             /* invoices and credit notes: the financial year; else 0 */
	int64_t number;
	int64_t customer_id;
	int64_t ship_to_id;       /* 0: the customer's own address */
	int64_t source_id;        /* 0: none */
	int32_t day, valid_until, due;
	char terms[16];
	char status[16];
	char user[32], approver[32];
	int prices_include_tax;
	int64_t net, tax, total;
	int64_t created_at;
};

struct db_doc_line {
	int line_no;
	int source_line;          /* the order line (delivery, invoice) or invoice line (credit) */
	int64_t product_id;
	char sku[65];
	char name[161];
	int64_t qty;
	int64_t unit_price;
	int32_t discount_pct;
	int64_t amount, discount;
	int32_t tax_rate;
	int64_t net, tax, gross, cgst, sgst, igst;
	char price_source[16];
	int weighed;              /* read only: the product's quantities are thousandths */
};

/* The next number of kind (in year for invoices and credit notes, else
 * year 0), from its counters row, inside the caller's transaction. */
int db_doc_next_number(struct db *db, const char *kind, int32_t year, int64_t *number,
                       char **err);
/* Inserts d (kind to created_at) and sets d->id. */
int db_doc_insert(struct db *db, struct db_doc *d, char **err);
int db_doc_line_insert(struct db *db, int64_t doc_id, const struct db_doc_line *l, char **err);
int db_doc_set_status(struct db *db, int64_t id, const char *status, char **err);
int db_doc_link(struct db *db, int64_t from_id, int64_t to_id, char **err);
/* By kind, year (0 when the kind has none) and number: DB_OK or DB_NOTFOUND. */
int db_doc_find(struct db *db, const char *kind, int32_t year, int64_t number,
                struct db_doc *out);
int db_doc_get(struct db *db, int64_t id, struct db_doc *out);
/* The newest year with an invoice or credit note `number` (DB_NOTFOUND when none). */
int db_doc_latest_year(struct db *db, const char *kind, int64_t number, int32_t *year);
/* Lines in order; fn's non-zero return stops and is returned. */
int db_doc_lines(struct db *db, int64_t doc_id,
                 int (*fn)(const struct db_doc_line *, void *), void *ctx);
/* Documents linked to id: before it (dir 0) or after it (dir 1), in id order. */
int db_doc_linked(struct db *db, int64_t id, int dir,
                  int (*fn)(const struct db_doc *, void *), void *ctx);
/* Documents of kind whose source is source_id, in id order. */
int db_doc_children(struct db *db, int64_t source_id, const char *kind,
                    int (*fn)(const struct db_doc *, void *), void *ctx);
/* How much of line `line_no` of order_id went out on deliveries and onto
 * invoices; and how much of an invoice line was credited. */
int db_order_line_done(struct db *db, int64_t order_id, int line_no, int64_t *delivered,
                       int64_t *invoiced);
int db_invoice_line_credited(struct db *db, int64_t invoice_id, int line_no, int64_t *qty);

/* Reserved stock: delta added (negative to release). */
int db_reserved_add(struct db *db, int64_t product_id, int64_t delta, char **err);
int db_reserved_get(struct db *db, int64_t product_id, int64_t *qty);

struct db_desk_customer {
	int64_t id;
	char code[65];
	char name[161];
	char state[33];
	char terms[16];
	int64_t credit_limit;     /* 0: no limit set */
	int on_hold;
	char notes[256];
};
int db_desk_customer(struct db *db, const char *code, struct db_desk_customer *out);
int db_desk_customer_by_id(struct db *db, int64_t id, struct db_desk_customer *out);
/* Sets terms (NULL: unchanged), credit limit (<0: unchanged), on_hold (<0:
 * unchanged) and notes (NULL: unchanged). */
int db_desk_customer_set(struct db *db, int64_t id, const char *terms, int64_t limit,
                         int on_hold, const char *notes, char **err);
/* Adds a ship-to address with the next seq for the customer; sets *seq. */
int db_ship_to_add(struct db *db, int64_t customer_id, const char *name, const char *address,
                   const char *state, int *seq, char **err);
int db_ship_to_get(struct db *db, int64_t customer_id, int seq, int64_t *id, char *name,
                   size_t size);

/* An open item: an invoice with what is still open on it (total less
 * allocations), or (ticket 1) a counter ticket paid on account, whose id
 * and number are the ticket's, year and due 0 (the caller computes the
 * due day from the customer's terms) and total the amount on account. */
struct db_open_invoice {
	int64_t id;
	int32_t year;
	int64_t number;
	int32_t day, due;
	int64_t total, open;
	int ticket;
};
/* The customer's open items (posted invoices and on-account tickets),
 * oldest first. */
int db_open_invoices(struct db *db, int64_t customer_id,
                     int (*fn)(const struct db_open_invoice *, void *), void *ctx);
/* invoices - credit notes - payments: what the customer owes (negative:
 * in credit); and what payments and credit notes hold not yet allocated. */
int db_customer_owed(struct db *db, int64_t customer_id, int64_t *owed, int64_t *unallocated);

/* Money in the customer's favour not set against anything yet: a payment
 * (payment_id) or a credit note (credit_id) and what is left of it. */
struct db_credit_source {
	int64_t payment_id, credit_id;
	int32_t day;
	int64_t left;
};
/* The customer's sources with something left, oldest first. */
int db_customer_sources(struct db *db, int64_t customer_id,
                        int (*fn)(const struct db_credit_source *, void *), void *ctx);
/* An allocation of a payment or a credit note to an on-account ticket. */
int db_ticket_allocation_insert(struct db *db, int64_t ticket_id, int64_t payment_id,
                                int64_t credit_id, int64_t amount, char **err);
/* Stock on hand of a product at location_id (0: all locations). */
int db_stock_on_hand(struct db *db, int64_t product_id, int64_t location_id, int64_t *qty);
/* Every document of kind, in id order (drafts too). */
int db_docs_of_kind(struct db *db, const char *kind,
                    int (*fn)(const struct db_doc *, void *), void *ctx);

/* The value of the customer's orders not invoiced yet. */
int db_customer_on_order(struct db *db, int64_t customer_id, int64_t *amount);

struct db_cpayment {
	int64_t id, number, customer_id;
	int32_t day;
	char method[16];
	int64_t amount;
	char reference[65];
	char user[32];
	int64_t created_at;
};
int db_cpayment_insert(struct db *db, struct db_cpayment *p, char **err);
/* An allocation of a payment (payment_id) or a credit note (credit_id) to an invoice. */
int db_allocation_insert(struct db *db, int64_t invoice_id, int64_t payment_id,
                         int64_t credit_id, int64_t amount, char **err);
/* A payment by number; every payment in id order. */
int db_cpayment_find(struct db *db, int64_t number, struct db_cpayment *out);
int db_cpayments_each(struct db *db, int (*fn)(const struct db_cpayment *, void *), void *ctx);
/* What is still open on one invoice. */
int db_invoice_open(struct db *db, int64_t invoice_id, int64_t *open);

/* What printed documents and statements read (appended for docprint). */
struct db_doc_party {
	char code[65];
	char name[161];
	char tax_id[65];
	char address[256];
	char state[33];
	char email[255];
	char phone[65];
};
/* A customer's name, tax id and address by id; DB_NOTFOUND when none. */
int db_doc_party(struct db *db, int64_t customer_id, struct db_doc_party *out);
/* A ship-to address by its id (name, address, state; code is its number). */
int db_doc_ship_to(struct db *db, int64_t ship_to_id, struct db_doc_party *out);
/* The product's HSN code when the products table has an hsn column and the
 * product one; DB_NOTFOUND otherwise (out is ""). */
int db_doc_hsn(struct db *db, int64_t product_id, char *out, size_t size);

/* One movement of a customer's account: an invoice or an on-account ticket
 * (amount > 0), a credit note or a payment (amount < 0). */
struct db_doc_move {
	char kind[12];            /* invoice, credit, payment, ticket */
	int32_t day, due;         /* due: invoices only */
	int32_t year;             /* invoices and credit notes */
	int64_t number;
	int64_t amount;
	char method[16];          /* payments */
};
/* The movements dated from..to (YYYYMMDD, both included), by day; in a day
 * invoices and tickets, then credit notes, then payments. */
int db_doc_moves(struct db *db, int64_t customer_id, int32_t from, int32_t to,
                 int (*fn)(const struct db_doc_move *, void *), void *ctx);
/* The sum of the movements dated before `day`: the opening balance. */
int db_doc_moves_before(struct db *db, int64_t customer_id, int32_t day, int64_t *sum);
/* The codes of customers with any invoice, credit note, payment or
 * on-account ticket, in code order. */
int db_doc_customers_with_account(struct db *db, int (*fn)(const char *code, void *),
                                  void *ctx);

#endif
