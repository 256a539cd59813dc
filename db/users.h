/* Statements on users and the rights of their roles. */
#ifndef COMPTOIR_DB_USERS_H
#define COMPTOIR_DB_USERS_H

#include <stdint.h>
#include "db.h"

struct db_user {
	int64_t id;
	char name[32];
	char full_name[81];
	char role[16];
	char pin_hash[160];
	int failures;
	int64_t locked_until;
	int active;
};

int db_user_get(struct db *db, const char *name, struct db_user *out);
int db_user_add(struct db *db, const struct db_user *u, char **err);
/* Sets the PIN hash, or the failure count and lock. */
int db_user_set_pin(struct db *db, int64_t id, const char *pin_hash, char **err);
/* A wrong PIN: counts it and, at the `max`th in a row, locks the user until
 * `lock_until` and starts counting again. Says the count and lock after. */
int db_user_fail(struct db *db, int64_t id, int max, int64_t lock_until, int *failures,
                 int64_t *locked_until, char **err);
/* A right PIN: the count starts again and a lock set by tries still
 * being checked is lifted. */
int db_user_reset_failures(struct db *db, int64_t id, char **err);
int db_user_count(struct db *db, int64_t *n);
/* Whether `role` holds the right named `action`: DB_OK yes, DB_NOTFOUND no. */
int db_role_has(struct db *db, const char *role, const char *action);
/* Each user in name order; fn's non-zero return stops. */
int db_user_each(struct db *db, int (*fn)(const struct db_user *, void *), void *ctx);

#endif
