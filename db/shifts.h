/* Statements on shifts, the cash moved in and out of a drawer during a
 * shift, and what a closing reads besides the period's records: the
 * suspended tickets and the perpetual total where a period ends. */
#ifndef COMPTOIR_DB_SHIFTS_H
#define COMPTOIR_DB_SHIFTS_H

#include <stdint.h>
#include "db.h"

struct db_shift {
	int64_t id;
	char terminal[32];
	char user[32];
	int64_t opened_at;
	int64_t float_amount;
	int64_t closed_at;       /* 0 while open */
	int64_t expected, counted;
	char counted_detail[512];
};

/* The open shift of a terminal: DB_OK, DB_NOTFOUND when none. */
int db_shift_open_get(struct db *db, const char *terminal, struct db_shift *out);
/* The id of the open shift of a terminal, 0 when none. */
int db_shift_open_id(struct db *db, const char *terminal, int64_t *id);
int db_shift_get(struct db *db, int64_t id, struct db_shift *out);
/* Inserts an open shift and sets s->id; DB_CONSTRAINT when the terminal
 * has one open already. */
int db_shift_insert(struct db *db, struct db_shift *s, char **err);
/* Closes shift s->id (still open) with closed_at, expected, counted and
 * counted_detail; DB_NOTFOUND when it was not open. */
int db_shift_close(struct db *db, const struct db_shift *s, char **err);
/* Cash put in (amount > 0) or taken out (< 0) of the drawer. */
int db_cash_move_insert(struct db *db, int64_t shift_id, int64_t at, const char *user,
                        int64_t amount, const char *reason, char **err);
/* Each shift still open on any terminal, in id order; fn's non-zero
 * return stops. */
int db_shift_open_each(struct db *db, int (*fn)(const struct db_shift *, void *), void *ctx);

/* The perpetual grand total of the newest record of a day <= `day`
 * (0 when there is none). */
int db_journal_perpetual_at(struct db *db, int32_t day, int64_t *gt);

#endif
