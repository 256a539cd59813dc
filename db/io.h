/* Statements of CSV import and export: rows read whole by their key, written,
 * and removed again when an import is undone; batches of product writes; the
 * tables walked row by row for export. Transactions are the caller's. */
#ifndef COMPTOIR_DB_IO_H
#define COMPTOIR_DB_IO_H

#include <stddef.h>
#include <stdint.h>
#include "db.h"

/* A read transaction, so that the many lookups of a long check see one
 * state of the shop and do not take the file lock each time; it holds
 * no write lock. db_io_snapshot_end ends it. */
int db_io_snapshot_begin(struct db *db, char **err);
void db_io_snapshot_end(struct db *db);
/* Copies what the log holds into the database file without taking the
 * write lock (a passive checkpoint), so that the log stays short and the
 * tills do not pay for the import's pages when they commit; with `own`
 * set to 0, this connection stops checkpointing at its own commits. */
void db_io_checkpoint(struct db *db);
void db_io_autocheckpoint(struct db *db, int own);
/* Lets this connection keep up to mb megabytes of pages in memory (a long
 * import reads the same index pages again and again). */
void db_io_cache_size(struct db *db, int mb);

struct db_io_tax {
	int64_t id;
	int32_t rate;   /* hundredths of a percent */
};

/* The shop's tax classes in id order, up to max; *n is set. */
int db_io_tax_classes(struct db *db, struct db_io_tax *out, size_t max, size_t *n);
/* Ids by code; DB_NOTFOUND when there is none. */
int db_io_location_id(struct db *db, const char *code, int64_t *id);
/* weighed (may be NULL) tells whether the product is sold by weight. */
int db_io_product_id(struct db *db, const char *sku, int64_t *id, int *weighed);

/* A product as import and export see it. The text of a row from
 * db_io_product_get is malloc'd and freed by db_io_product_release; for
 * writes it is the caller's; in db_io_products_each it lives
 * during the callback only. */
struct db_io_product {
	int64_t id;
	const char *sku, *name, *brand, *category, *unit, *supplier;
	int64_t tax_class_id;
	int32_t tax_rate;       /* the rate of tax_class_id; writes ignore it */
	int64_t price, cost;    /* minor units */
	int weighed;
};

int db_io_product_get(struct db *db, const char *sku, struct db_io_product *out);
void db_io_product_release(struct db_io_product *p);
/* Writes every field of p over the product p->id. */
int db_io_product_update(struct db *db, const struct db_io_product *p, char **err);
/* Writes every field of p but the name and brand (which the search index
 * holds, see the batch below) over the product p->id. */
int db_io_product_set_details(struct db *db, const struct db_io_product *p, char **err);
/* Takes back an insert: the product goes with its barcodes, stock rows and
 * prices; one that a ticket or another row refers to by now (sold while
 * the import ran) stays, made inactive. */
int db_io_product_remove(struct db *db, int64_t id, char **err);

/* A batch of product writes within one transaction: new products, new
 * names and new barcodes are staged in temporary tables, then written by
 * one statement each. The search index flushes its pending entries at
 * every statement that writes it, so one statement per row would leave it
 * thousands of tiny segments to merge. db_io_batch_open makes the tables
 * (once per connection, outside a transaction). */
int db_io_batch_open(struct db *db, char **err);
int db_io_batch_product(struct db *db, const struct db_io_product *p, char **err);
int db_io_batch_name(struct db *db, int64_t id, const char *name, const char *brand, char **err);
/* A barcode for the product with this SKU (staged or already there). */
int db_io_batch_code(struct db *db, const char *sku, const char *code, int64_t pack_qty,
                     char **err);
/* Writes what was staged and empties the tables; added() is called with
 * the id of each new product. */
int db_io_batch_flush(struct db *db, void (*added)(int64_t id, void *ctx), void *ctx,
                      char **err);

/* The product and pack size of a barcode; DB_NOTFOUND when it is unknown. */
int db_io_barcode_get(struct db *db, const char *code, int64_t *product_id, int64_t *pack_qty);
int db_io_barcode_set_qty(struct db *db, const char *code, int64_t pack_qty, char **err);
/* Removes a barcode of product_id and brings the search index in step. */
int db_io_barcode_remove(struct db *db, const char *code, int64_t product_id, char **err);

/* On-hand quantity of a product at a location; DB_NOTFOUND when the stock
 * row does not exist. */
int db_io_stock_get(struct db *db, int64_t product_id, int64_t location_id, int64_t *qty);
/* Removes the stock row when it holds 0 (taking back a row an import made). */
int db_io_stock_drop_empty(struct db *db, int64_t product_id, int64_t location_id, char **err);

/* A customer, with the same ownership of its text as db_io_product. */
struct db_io_customer {
	int64_t id;
	const char *code, *name, *kind;
	int64_t price_list_id;      /* 0: none */
	const char *price_list;     /* its code, "" for none (read only) */
	const char *tax_id, *terms, *email, *phone, *address, *state;
	int64_t credit_limit;       /* minor units */
};

int db_io_customer_get(struct db *db, const char *code, struct db_io_customer *out);
void db_io_customer_release(struct db_io_customer *c);
int db_io_customer_insert(struct db *db, struct db_io_customer *c, char **err);
int db_io_customer_update(struct db *db, const struct db_io_customer *c, char **err);
/* Takes back an insert; DB_CONSTRAINT when a ticket or a price refers to
 * the customer by now (the customer then stays). */
int db_io_customer_remove(struct db *db, int64_t id, char **err);

/* A row of a price list: one quantity break of one product from a day. */
struct db_io_price {
	int64_t id, list_id, product_id, min_qty;
	int64_t price;                 /* minor units, as the list shows prices */
	int32_t valid_from, valid_to;  /* YYYYMMDD, 0 = open */
	const char *list, *sku;        /* codes, in db_io_prices_each only */
};

/* Finds the row of (list_id, product_id, min_qty, valid_from) and fills
 * id, price and valid_to; DB_NOTFOUND when there is none. */
int db_io_price_get(struct db *db, struct db_io_price *p);
/* Sets p->id. */
int db_io_price_insert(struct db *db, struct db_io_price *p, char **err);
/* Writes price and valid_to over the row p->id. */
int db_io_price_update(struct db *db, const struct db_io_price *p, char **err);
int db_io_price_remove(struct db *db, int64_t id, char **err);

/* A product for export, with its barcodes as "code|code": unit barcodes,
 * and those of its smallest pack (pack_of units; 0 when it has none). */
struct db_io_product_row {
	struct db_io_product p;
	const char *barcodes;
	int64_t pack_of;
	const char *pack_barcodes;
};

/* One line of a ticket for export (voided lines are left out). */
struct db_io_sale_line {
	int64_t number, created_at;
	const char *sku, *name;
	int64_t qty;
	int weighed;
	int64_t unit_price, amount, discount, net;
	int32_t tax_rate;
	int64_t tax, gross;
};

/* Walks a table in id order (sales by ticket number and line): calls cb
 * for each row; a non-zero return from cb stops the walk and is returned.
 * DB_ERROR with *err set when reading fails. */
int db_io_products_each(struct db *db, int (*cb)(const struct db_io_product_row *r, void *ctx),
                        void *ctx, char **err);
int db_io_customers_each(struct db *db, int (*cb)(const struct db_io_customer *c, void *ctx),
                         void *ctx, char **err);
int db_io_prices_each(struct db *db, int (*cb)(const struct db_io_price *p, void *ctx),
                      void *ctx, char **err);
int db_io_sales_each(struct db *db, int (*cb)(const struct db_io_sale_line *l, void *ctx),
                     void *ctx, char **err);

#endif
