/* Statements that feed the price engine: the shop's price lists, and for
 * one product its breaks, promotions and one customer's contract prices. */
#ifndef COMPTOIR_DB_PRICES_H
#define COMPTOIR_DB_PRICES_H

#include <stddef.h>
#include <stdint.h>
#include "db.h"
#include "../src/core/pricing.h"

/* Every price list; *out is malloc'd (caller frees). */
int db_price_lists(struct db *db, struct price_list **out, size_t *n);
/* The id of the list with this code, DB_NOTFOUND when none. */
int db_price_list_id(struct db *db, const char *code, int64_t *id);
int db_price_list_add(struct db *db, const struct price_list *l, const char *name,
                      int64_t *id, char **err);
int db_price_add(struct db *db, int64_t product_id, const struct price_break *b, char **err);
int db_promo_add(struct db *db, int64_t product_id, const struct price_promo *p, char **err);
int db_contract_add(struct db *db, int64_t customer_id, int64_t product_id,
                    const struct price_contract *c, char **err);

/* The product's breaks on every list, into an array of max entries; *n is
 * set to the number kept (extra rows are dropped, newest validity first). */
int db_product_breaks(struct db *db, int64_t product_id, struct price_break *out, size_t max,
                      size_t *n);

/* All three at once, in one statement (the counter asks on every scan):
 * the product's breaks and promotions, and customer_id's contracts (none
 * when customer_id is 0). Arrays of max entries each. */
int db_product_price_rows(struct db *db, int64_t product_id, int64_t customer_id, size_t max,
                          struct price_break *breaks, size_t *nb,
                          struct price_promo *promos, size_t *np,
                          struct price_contract *contracts, size_t *nc);

/* What pricing and tax need to know of a customer. */
struct db_customer {
	int64_t id;
	char code[65];
	char name[161];
	char kind[33];
	int64_t price_list_id;   /* 0 when none */
	char state[33];
	char tax_exempt[65];     /* exemption number, "" when taxed */
	int64_t monthly_limit;   /* B2E spending limit per calendar month, 0 = none */
};
int db_customer_full(struct db *db, const char *code, struct db_customer *out);
/* The customer's total spent on tickets from `since` (Unix time) on. */
int db_customer_spent_since(struct db *db, int64_t customer_id, int64_t since, int64_t *total);
int db_customer_set_list(struct db *db, const char *code, int64_t list_id, int64_t monthly_limit,
                         char **err);

int db_customer_set_state(struct db *db, const char *code, const char *state, char **err);
int db_customer_set_exempt(struct db *db, const char *code, const char *number, char **err);

/* Increments whenever another connection commits (PRAGMA data_version). */
int db_data_version(struct db *db, int64_t *v);

#endif
