/* Statements on the catalogue: settings, tax classes, products and their
 * barcodes, customers, locations, stock levels and the search index. */
#ifndef COMPTOIR_DB_CATALOG_H
#define COMPTOIR_DB_CATALOG_H

#include <stddef.h>
#include <stdint.h>
#include "db.h"

#define DB_SKU_MAX 64
#define DB_NAME_MAX 160

struct db_product {
	int64_t id;
	char sku[DB_SKU_MAX + 1];
	char name[DB_NAME_MAX + 1];
	char brand[65];
	char unit[17];
	int64_t price;        /* minor units, per base unit (per kg when weighed) */
	int32_t tax_rate;     /* hundredths of a percent */
	int weighed;
	int64_t pack_qty;     /* units the looked-up barcode stands for (1 for SKUs) */
	char barcode[14];     /* first barcode of the product, "" when none */
	int64_t stock;        /* on hand over all locations (search results only;
	                         0 from the by-code lookups, which the counter
	                         calls on every scan) */
};

int db_setting_get(struct db *db, const char *key, char *out, size_t size);
int db_setting_set(struct db *db, const char *key, const char *value, char **err);

int db_tax_class_add(struct db *db, const char *code, const char *name, int32_t rate,
                     int64_t *id, char **err);
int db_location_add(struct db *db, const char *code, const char *name, int64_t *id, char **err);
/* The id of the default location (the first one made). */
int db_location_default(struct db *db, int64_t *id);

struct db_product_new {
	const char *sku, *name, *brand, *category, *unit;
	int64_t tax_class_id;
	int64_t price;
	int weighed;
};
int db_product_add(struct db *db, const struct db_product_new *p, int64_t *id, char **err);
int db_barcode_add(struct db *db, const char *code, int64_t product_id, int64_t pack_qty,
                   char **err);
int db_customer_add(struct db *db, const char *code, const char *name, const char *kind,
                    char **err);
/* Name and id of a customer by code; DB_NOTFOUND when unknown. */
int db_customer_get(struct db *db, const char *code, int64_t *id, char *name, size_t size);

/* Looks a code up as a barcode, then as an SKU. DB_NOTFOUND when neither. */
int db_product_by_barcode(struct db *db, const char *code, struct db_product *out);
int db_product_by_sku(struct db *db, const char *sku, struct db_product *out);

/* Full-text search: every word of `words` (already cleaned) is a prefix;
 * short queries are not ranked. */
int db_product_search(struct db *db, const char *words, struct db_product *out, size_t max,
                      size_t *n, char **err);

struct db_stock_row {
	char location[32];
	int64_t qty;
};
int db_stock_rows(struct db *db, int64_t product_id, struct db_stock_row *rows, size_t max,
                  size_t *n, int64_t *total);

#endif
