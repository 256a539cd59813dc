/* What the wholesale desk screen lists: business customers found by code or
 * name, and a customer's documents newest first. Reads only; the caller
 * holds no transaction. */
#ifndef COMPTOIR_DB_DESK_LISTS_H
#define COMPTOIR_DB_DESK_LISTS_H

#include <stdint.h>
#include "db.h"

struct db_desk_row {
	char code[65];
	char name[161];
	char kind[33];
	char list_code[33];   /* "" when the customer has no price list */
	char tax_id[33];
};
/* Customers whose code is text exactly (exact) or whose code or name
 * contains it (case-insensitive for ASCII), by code; fn's non-zero return
 * stops and is returned. */
int db_desk_customers(struct db *db, const char *text, int exact,
                      int (*fn)(const struct db_desk_row *, void *), void *ctx);

struct db_desk_doc {
	int64_t id;
	char kind[12];
	int32_t year;
	int64_t number;
	int32_t day, valid_until;
	char status[16];
	int64_t total;
	int64_t open;         /* invoices: total less allocations; else 0 */
};
/* The customer's documents, newest first, at most limit. */
int db_desk_docs(struct db *db, int64_t customer_id, int limit,
                 int (*fn)(const struct db_desk_doc *, void *), void *ctx);

#endif
