/* Statements on sales: tickets with a gapless number and an idempotency
 * key, their lines and payments, and the receipt jobs waiting to print. */
#ifndef COMPTOIR_DB_SALES_H
#define COMPTOIR_DB_SALES_H

#include <stddef.h>
#include <stdint.h>
#include "db.h"

struct db_ticket {
	int64_t id, number;
	char idem_key[33];
	char content_hash[65];
	char tax_exempt[65];
	int64_t created_at;
	char terminal[32];
	char user[32];
	char customer_code[65];
	char customer_name[161];
	int prices_include_tax;
	int64_t total, net, tax, discount, paid, change, rounding;
	char kind[8];               /* "sale" or "return" */
	int64_t original_number;    /* a return: the ticket it returns (0: none) */
	int64_t original_id;        /* on insert only: the original's row id */
	char approver[32];          /* who approved what needed a right, or "" */
	int64_t shift_id;           /* 0: sold outside a shift */
	char journal_hash[65];      /* read only: the hash of its journal record */
};

struct db_ticket_line {
	int64_t product_id;
	char sku[65];
	char name[161];
	int64_t qty;
	int weighed;
	int64_t unit_price;
	int32_t discount_pct;
	int64_t amount, discount;
	int32_t tax_rate;
	int64_t net, tax, gross;
	int voided;
	int64_t cgst, sgst, igst;   /* India: the tax's parts (cgst + sgst or igst) */
	char price_source[16];      /* what set the price: list, contract, promo... */
	int line_no;                /* read only */
	int orig_line;              /* a return line: the line it returns */
	char disposition[12];       /* a return line: "stock" or "writeoff" */
	char override_reason[257];  /* a manual price: why (64 characters) */
};

struct db_payment {
	char method[16];
	int64_t amount;
	char reference[65];
};

/* Within a transaction: the ticket that already holds this key. */
int db_ticket_by_key(struct db *db, const char *key, struct db_ticket *out);
/* Within a transaction: the next ticket number (gapless: a rollback gives
 * the number back). */
int db_ticket_next_number(struct db *db, int64_t *number, char **err);
/* Inserts t (number, key and amounts set); sets t->id. */
int db_ticket_insert(struct db *db, struct db_ticket *t, int64_t customer_id, char **err);
int db_ticket_line_insert(struct db *db, int64_t ticket_id, int line_no,
                          const struct db_ticket_line *l, char **err);
int db_payment_insert(struct db *db, int64_t ticket_id, int seq, const struct db_payment *p,
                      char **err);

int db_ticket_get(struct db *db, int64_t number, struct db_ticket *out);
/* Lines and payments of a ticket; the arrays are malloc'd (caller frees). */
int db_ticket_lines(struct db *db, int64_t ticket_id, struct db_ticket_line **lines, size_t *n);
int db_ticket_payments(struct db *db, int64_t ticket_id, struct db_payment **pays, size_t *n);

int db_print_job_add(struct db *db, int64_t ticket_id, const char *printer, int copy,
                     int64_t now, int64_t *job_id, char **err);
int db_print_job_done(struct db *db, int64_t job_id, char **err);
int db_print_job_failed(struct db *db, int64_t job_id, const char *why, char **err);

#endif
