/* The journal statements of journal.h. Appending happens inside the caller's
 * transaction, after it read the last record, so the sequence is gapless. */
#include <stdlib.h>
#include <string.h>
#include "journal.h"
#include "db-internal.h"
#include "../src/util/i18n.h"
#include "../src/util/xalloc.h"

#define DB_JOURNAL_COLS \
	"seq, at, day, terminal, user_name, approver, kind, ref, corrects, amount, " \
	"gt_perpetual, gt_day, prev_hash, hash, payload, canonical"

static const char sql_last[] = "SELECT " DB_JOURNAL_COLS " FROM journal ORDER BY seq DESC LIMIT 1";
static const char sql_insert[] =
	"INSERT INTO journal(" DB_JOURNAL_COLS ") "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)";
static const char sql_each[] =
	"SELECT " DB_JOURNAL_COLS " FROM journal WHERE seq >= ?1 AND seq <= ?2 ORDER BY seq";
static const char sql_each_day[] =
	"SELECT " DB_JOURNAL_COLS " FROM journal WHERE day >= ?1 AND day <= ?2 ORDER BY seq";
static const char sql_uncovered[] =
	"SELECT min(t.number) FROM tickets t WHERE t.number > ?1 AND NOT EXISTS (SELECT 1 "
	"FROM journal j WHERE j.kind IN ('sale', 'return') AND j.ref = t.number)";
static const char sql_span[] = "SELECT coalesce(max(number), 0), count(*) FROM tickets";
static const char sql_find[] =
	"SELECT coalesce(max(seq), 0) FROM journal WHERE kind = ?1 AND ref = ?2";

void db_journal_release(struct db_journal *j)
{
	free(j->payload);
	free(j->canonical);
	j->payload = j->canonical = NULL;
}

static void db_journal_row(sqlite3_stmt *st, struct db_journal *j, int texts)
{
	memset(j, 0, sizeof *j);
	j->seq = sqlite3_column_int64(st, 0);
	j->at = sqlite3_column_int64(st, 1);
	j->day = sqlite3_column_int(st, 2);
	db_column_text(st, 3, j->terminal, sizeof j->terminal);
	db_column_text(st, 4, j->user, sizeof j->user);
	db_column_text(st, 5, j->approver, sizeof j->approver);
	db_column_text(st, 6, j->kind, sizeof j->kind);
	j->ref = sqlite3_column_int64(st, 7);
	j->corrects = sqlite3_column_int64(st, 8);
	j->amount = sqlite3_column_int64(st, 9);
	j->gt_perpetual = sqlite3_column_int64(st, 10);
	j->gt_day = sqlite3_column_int64(st, 11);
	db_column_text(st, 12, j->prev_hash, sizeof j->prev_hash);
	db_column_text(st, 13, j->hash, sizeof j->hash);
	if (texts) {
		const char *p = (const char *)sqlite3_column_text(st, 14);
		const char *c = (const char *)sqlite3_column_text(st, 15);
		j->payload = xstrdup(p ? p : "");
		j->canonical = xstrdup(c ? c : "");
	}
}

int db_journal_last(struct db *db, struct db_journal *out)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_last, NULL);
	if (!st)
		return DB_ERROR;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_journal_row(st, out, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_NOTFOUND : DB_ERROR;
}

int db_journal_insert(struct db *db, const struct db_journal *j, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_insert, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, j->seq);
	sqlite3_bind_int64(st, 2, j->at);
	sqlite3_bind_int(st, 3, j->day);
	sqlite3_bind_text(st, 4, j->terminal, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, j->user, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, j->approver, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, j->kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 8, j->ref);
	sqlite3_bind_int64(st, 9, j->corrects);
	sqlite3_bind_int64(st, 10, j->amount);
	sqlite3_bind_int64(st, 11, j->gt_perpetual);
	sqlite3_bind_int64(st, 12, j->gt_day);
	sqlite3_bind_text(st, 13, j->prev_hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 14, j->hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 15, j->payload ? j->payload : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 16, j->canonical, -1, SQLITE_STATIC);
	return db_step_done(db, st, err);
}

static int db_journal_run(struct db *db, sqlite3_stmt *st,
                          int (*fn)(const struct db_journal *, void *), void *ctx)
{
	int rc, stop = 0;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_journal j;
		db_journal_row(st, &j, 1);
		stop = fn(&j, ctx);
		db_journal_release(&j);
	}
	if (stop) {
		sqlite3_reset(st);
		return stop;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? DB_OK : DB_ERROR;
}

int db_journal_each(struct db *db, int64_t from, int64_t to,
                    int (*fn)(const struct db_journal *, void *), void *ctx)
{
	/* Its own statement, not the cached one: fn may append or read. */
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db->conn, sql_each, -1, &st, NULL) != SQLITE_OK)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, to > 0 ? to : INT64_MAX);
	int rc = db_journal_run(db, st, fn, ctx);
	sqlite3_finalize(st);
	return rc;
}

int db_journal_each_day(struct db *db, int32_t day_from, int32_t day_to,
                        int (*fn)(const struct db_journal *, void *), void *ctx)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db->conn, sql_each_day, -1, &st, NULL) != SQLITE_OK)
		return DB_ERROR;
	sqlite3_bind_int(st, 1, day_from);
	sqlite3_bind_int(st, 2, day_to);
	int rc = db_journal_run(db, st, fn, ctx);
	sqlite3_finalize(st);
	return rc;
}

static int db_two_ints(struct db *db, const char *sql, int64_t *a, int64_t *b)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql, NULL);
	if (!st)
		return DB_ERROR;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*a = sqlite3_column_int64(st, 0);
		if (b)
			*b = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : DB_ERROR;
}

int db_journal_uncovered_ticket(struct db *db, int64_t after, int64_t *number)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_uncovered, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, after);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*number = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : DB_ERROR;
}

int db_ticket_span(struct db *db, int64_t *max_number, int64_t *count)
{
	return db_two_ints(db, sql_span, max_number, count);
}

int db_journal_find(struct db *db, const char *kind, int64_t ref, int64_t *seq)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_find, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, ref);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*seq = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : DB_ERROR;
}
