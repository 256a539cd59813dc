/* Statements of the buyers' catalog: a price list's name, and the active
 * products walked one at a time in catalogue order (category, then name),
 * each with its case sizes, so that no caller holds the whole catalogue. */
#ifndef COMPTOIR_DB_CATALOG_LIST_H
#define COMPTOIR_DB_CATALOG_LIST_H

#include <stddef.h>
#include <stdint.h>
#include "db.h"
#include "catalog.h"

struct db_catalog_item {
	int64_t id;
	char sku[DB_SKU_MAX + 1];
	char name[DB_NAME_MAX + 1];
	char category[DB_NAME_MAX + 1];  /* "" when none */
	char unit[17];
	int64_t price;        /* products.price: the base list's convention */
	int32_t tax_rate;     /* hundredths of a percent */
	int weighed;
	char packs[64];       /* the case barcodes' pack_qty, distinct, ascending,
	                         ", " between them ("6, 24"); "" when none */
	int npacks;
};

/* The display name of a price list; DB_NOTFOUND when there is no such id. */
int db_catalog_list_name(struct db *db, int64_t list_id, char *out, size_t size);

/* Calls fn for each active product, of `category` only unless it is NULL
 * (compared without case or accents: "epices" finds "Épices"), ordered by
 * category then name, accents and case folded ("Éclairage" before
 * "Entretien"), then by SKU.  The rows are read as fn asks for them, in one
 * read transaction.  fn returns 0 to go on; any other value stops the walk
 * and is returned.  DB_OK at the end, DB_ERROR with *err set. */
int db_catalog_each_product(struct db *db, const char *category,
                            int (*fn)(const struct db_catalog_item *item, void *ctx),
                            void *ctx, char **err);

#endif
