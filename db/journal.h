/* Statements on the journal: the last record, appending one, reading them
 * back in order, and the tickets that no record covers. */
#ifndef COMPTOIR_DB_JOURNAL_H
#define COMPTOIR_DB_JOURNAL_H

#include <stddef.h>
#include <stdint.h>
#include "db.h"

struct db_journal {
	int64_t seq, at;
	int32_t day;
	char terminal[32];
	char user[32];
	char approver[32];
	char kind[24];
	int64_t ref, corrects, amount, gt_perpetual, gt_day;
	char *payload;     /* malloc'd by the readers; db_journal_release frees */
	char *canonical;
	char prev_hash[65];
	char hash[65];
};

void db_journal_release(struct db_journal *j);

/* Within a transaction: the newest record (DB_NOTFOUND when empty);
 * payload and canonical are not read (left NULL). */
int db_journal_last(struct db *db, struct db_journal *out);
int db_journal_insert(struct db *db, const struct db_journal *j, char **err);

/* Calls fn for each record with from <= seq <= to (to 0: to the end), in
 * order; stops when fn returns non-zero and returns that value. Records
 * passed to fn are released after it returns. */
int db_journal_each(struct db *db, int64_t from, int64_t to,
                    int (*fn)(const struct db_journal *, void *), void *ctx);
/* The same for the records whose day lies in [day_from, day_to]. */
int db_journal_each_day(struct db *db, int32_t day_from, int32_t day_to,
                        int (*fn)(const struct db_journal *, void *), void *ctx);

/* The lowest ticket number above `after` without a sale or return record
 * (0: none). */
int db_journal_uncovered_ticket(struct db *db, int64_t after, int64_t *number);
/* The highest ticket number, and how many tickets there are. */
int db_ticket_span(struct db *db, int64_t *max_number, int64_t *count);
/* The seq of the newest record of `kind` with ref (0: none). */
int db_journal_find(struct db *db, const char *kind, int64_t ref, int64_t *seq);

#endif
