/* Statements for returns and suspended tickets: how much of each line of a
 * ticket earlier returns took back and what they refunded, store credits,
 * and the tickets set aside at a counter. */
#ifndef COMPTOIR_DB_RETURNS_H
#define COMPTOIR_DB_RETURNS_H

#include <stddef.h>
#include <stdint.h>
#include "db.h"
#include "sales.h"

/* Within a transaction: for each line 1..nlines of ticket original_id, the
 * quantity its returns took back (positive) into taken[line_no - 1]. */
int db_return_taken(struct db *db, int64_t original_id, int64_t *taken, size_t nlines);
/* What the returns of original_id refunded, summed per method and
 * reference (positive amounts); *out is malloc'd (caller frees). */
int db_return_refunded(struct db *db, int64_t original_id, struct db_payment **out,
                       size_t *n);

int db_store_credit_add(struct db *db, const char *code, int64_t ticket_id, int64_t amount,
                        int64_t now, char **err);
/* Takes amount off what is left of credit code; DB_NOTFOUND when the code
 * is unknown or has less left. */
int db_store_credit_use(struct db *db, const char *code, int64_t amount, char **err);
/* The credit's amount and what is left of it. */
int db_store_credit_get(struct db *db, const char *code, int64_t *amount, int64_t *remaining);

struct db_suspended {
	int64_t id, created_at;
	char terminal[32];
	char user[32];
	char customer_code[65];
	char idem_key[33];
	int64_t total;
	char *entries;          /* malloc'd by the readers; db_suspended_release frees */
};

void db_suspended_release(struct db_suspended *s);
/* Inserts s (entries set); sets s->id. */
int db_suspended_add(struct db *db, struct db_suspended *s, char **err);
/* Deletes ticket id and hands back what it held, in one statement: of two
 * connections taking the same id, one gets DB_NOTFOUND. */
int db_suspended_take(struct db *db, int64_t id, struct db_suspended *out);
/* Each suspended ticket, oldest first (entries not read: NULL); stops when
 * fn returns non-zero and returns that value. */
int db_suspended_each(struct db *db, int (*fn)(const struct db_suspended *, void *), void *ctx);

#endif
