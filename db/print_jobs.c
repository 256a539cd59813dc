/* The statements of print_jobs.h. A claim is an optimistic increment of
 * the attempts counter: of two processes that read the same count, only
 * one sees its UPDATE change a row. */
#include <string.h>
#include "print_jobs.h"
#include "db-internal.h"

#define DB_JOB_COLS \
	"j.id, t.number, j.printer, j.copy, j.state = 'done', j.attempts, " \
	"EXISTS (SELECT 1 FROM payments p WHERE p.ticket_id = t.id AND p.method = 'cash'), " \
	"j.last_error, j.created_at"

static const char sql_get[] =
	"SELECT " DB_JOB_COLS " FROM print_jobs j JOIN tickets t ON t.id = j.ticket_id WHERE j.id = ?1";
static const char sql_of_ticket[] =
	"SELECT " DB_JOB_COLS " FROM print_jobs j JOIN tickets t ON t.id = j.ticket_id "
	"WHERE t.number = ?1 ORDER BY j.id LIMIT 1";
/* A claim older than two minutes is a process that died while printing. */
static const char sql_claim[] =
	"UPDATE print_jobs SET attempts = attempts + 1, claimed_at = ?3 "
	"WHERE id = ?1 AND state = 'pending' AND attempts = ?2 "
	"AND (claimed_at = 0 OR claimed_at < ?3 - 120)";
static const char sql_pending[] =
	"SELECT " DB_JOB_COLS " FROM print_jobs j JOIN tickets t ON t.id = j.ticket_id "
	"WHERE j.state = 'pending' AND (?1 = '' OR t.terminal = ?1) "
	"AND (j.claimed_at = 0 OR j.claimed_at < ?2 - 120) ORDER BY j.id";

static void db_job_row(sqlite3_stmt *st, struct db_print_job *j)
{
	memset(j, 0, sizeof *j);
	j->id = sqlite3_column_int64(st, 0);
	j->ticket_number = sqlite3_column_int64(st, 1);
	db_column_text(st, 2, j->printer, sizeof j->printer);
	j->copy = sqlite3_column_int(st, 3);
	j->done = sqlite3_column_int(st, 4);
	j->attempts = sqlite3_column_int64(st, 5);
	j->cash = sqlite3_column_int(st, 6);
	db_column_text(st, 7, j->last_error, sizeof j->last_error);
	j->created_at = sqlite3_column_int64(st, 8);
}

static int db_job_one(struct db *db, const char *sql, int64_t key, struct db_print_job *out)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, key);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_job_row(st, out);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_NOTFOUND : DB_ERROR;
}

int db_print_job_get(struct db *db, int64_t id, struct db_print_job *out)
{
	return db_job_one(db, sql_get, id, out);
}

int db_print_job_of_ticket(struct db *db, int64_t number, struct db_print_job *out)
{
	return db_job_one(db, sql_of_ticket, number, out);
}

int db_print_job_claim(struct db *db, int64_t id, int64_t attempts, int64_t now, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_claim, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, attempts);
	sqlite3_bind_int64(st, 3, now);
	int rc = db_step_done(db, st, err);
	if (rc != DB_OK)
		return rc;
	return sqlite3_changes(db->conn) == 1 ? DB_OK : DB_NOTFOUND;
}

int db_print_jobs_pending(struct db *db, const char *terminal, int64_t now,
                          int (*fn)(const struct db_print_job *, void *), void *ctx)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db->conn, sql_pending, -1, &st, NULL) != SQLITE_OK)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, terminal, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, now);
	int rc, stop = 0;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_print_job j;
		db_job_row(st, &j);
		stop = fn(&j, ctx);
	}
	sqlite3_finalize(st);
	return stop ? stop : rc == SQLITE_DONE ? DB_OK : DB_ERROR;
}
