/* Statements of the desk's draft orders (codes and quantities kept until
 * the order is placed), the shipping methods with their charge, and what a
 * document records of its shipping (method, charge line, tracking). The
 * caller holds the transaction. */
#ifndef COMPTOIR_DB_DRAFTS_H
#define COMPTOIR_DB_DRAFTS_H

#include <stddef.h>
#include <stdint.h>
#include "db.h"

struct db_draft {
	int64_t id, number, customer_id;
	int64_t ship_to_id;       /* 0: the customer's own address */
	char shipping[12];        /* "" or a shipping method */
	int64_t charge;           /* -1: the method's price when placed */
	char status[12];          /* open, placed */
	int64_t order_id;         /* once placed */
	char user[32];
	int64_t created_at;
};

/* Inserts d with the next draft number; sets d->id and d->number. */
int db_draft_insert(struct db *db, struct db_draft *d, char **err);
int db_draft_find(struct db *db, int64_t number, struct db_draft *out);
/* Appends a line (code and quantity as typed, "" for one). */
int db_draft_line_add(struct db *db, int64_t draft_id, const char *code, const char *qty,
                      char **err);
/* Sets line line_no's quantity (as typed, "" for one) or, with qty NULL,
 * removes the line: DB_NOTFOUND when the draft has no such line. */
int db_draft_line_set(struct db *db, int64_t draft_id, int line_no, const char *qty,
                      char **err);
/* The lines in order: fn(line_no, code, qty, ctx); its non-zero return
 * stops and is returned. */
int db_draft_lines(struct db *db, int64_t draft_id,
                   int (*fn)(int, const char *, const char *, void *), void *ctx);
/* Marks an open draft placed as order_id: DB_NOTFOUND when it was not open. */
int db_draft_placed(struct db *db, int64_t draft_id, int64_t order_id, char **err);
/* Open drafts, oldest first, of one customer (customer_id 0: all), with
 * their number of lines. */
int db_drafts_open(struct db *db, int64_t customer_id,
                   int (*fn)(const struct db_draft *, int nlines, void *), void *ctx);
/* The customer's newest order (DB_NOTFOUND when none). */
int db_last_order(struct db *db, int64_t customer_id, int64_t *order_id);

struct db_ship_method {
	char code[12];            /* pickup, own, courier, cod */
	int64_t price;            /* the default charge, in the shop's tax convention */
	int64_t product_id;       /* 0: none; the product naming and taxing the charge */
	char sku[65];
};
int db_ship_method_get(struct db *db, const char *code, struct db_ship_method *out);
/* price < 0 or product_id < 0: unchanged. */
int db_ship_method_set(struct db *db, const char *code, int64_t price, int64_t product_id,
                       char **err);
int db_ship_methods(struct db *db, int (*fn)(const struct db_ship_method *, void *), void *ctx);

struct db_doc_shipping {
	char method[12];
	int charge_line;          /* an order's line holding the charge; 0 none */
	char tracking[65];        /* a delivery's courier tracking number */
};
/* Records an order's method and charge line, or a delivery's tracking
 * number (replacing an earlier one). */
int db_doc_shipping_set(struct db *db, int64_t doc_id, const char *method, int charge_line,
                        const char *tracking, char **err);
int db_doc_shipping_get(struct db *db, int64_t doc_id, struct db_doc_shipping *out);

/* The customer's ship-to addresses by number: fn(seq, name, address,
 * state, ctx). */
int db_ship_to_list(struct db *db, int64_t customer_id,
                    int (*fn)(int, const char *, const char *, const char *, void *), void *ctx);
/* A ship-to address by its id. */
int db_ship_to_row(struct db *db, int64_t id, int *seq, char *name, size_t nsize,
                   char *address, size_t asize);

#endif
