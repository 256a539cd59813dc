/* The shift statements of shifts.h. A terminal has at most one open shift
 * (the partial unique index shifts_open); closing only fills the closing
 * columns of a shift still open. */
#include <string.h>
#include "shifts.h"
#include "db-internal.h"

#define DB_SHIFT_COLS \
	"id, terminal, user_name, opened_at, float_amount, closed_at, expected, counted, " \
	"counted_detail"

static const char sql_open_get[] =
	"SELECT " DB_SHIFT_COLS " FROM shifts WHERE terminal = ?1 AND closed_at = 0";
static const char sql_get[] = "SELECT " DB_SHIFT_COLS " FROM shifts WHERE id = ?1";
static const char sql_open_all[] =
	"SELECT " DB_SHIFT_COLS " FROM shifts WHERE closed_at = 0 ORDER BY id";
static const char sql_insert[] =
	"INSERT INTO shifts(terminal, user_name, opened_at, float_amount) VALUES (?1, ?2, ?3, ?4)";
static const char sql_close[] =
	"UPDATE shifts SET closed_at = ?2, expected = ?3, counted = ?4, counted_detail = ?5 "
	"WHERE id = ?1 AND closed_at = 0";
static const char sql_move[] =
	"INSERT INTO cash_moves(shift_id, at, user_name, amount, reason) VALUES (?1, ?2, ?3, ?4, ?5)";

static const char sql_perpetual_at[] =
	"SELECT gt_perpetual FROM journal WHERE day <= ?1 ORDER BY seq DESC LIMIT 1";

static void db_shift_row(sqlite3_stmt *st, struct db_shift *s)
{
	memset(s, 0, sizeof *s);
	s->id = sqlite3_column_int64(st, 0);
	db_column_text(st, 1, s->terminal, sizeof s->terminal);
	db_column_text(st, 2, s->user, sizeof s->user);
	s->opened_at = sqlite3_column_int64(st, 3);
	s->float_amount = sqlite3_column_int64(st, 4);
	s->closed_at = sqlite3_column_int64(st, 5);
	s->expected = sqlite3_column_int64(st, 6);
	s->counted = sqlite3_column_int64(st, 7);
	db_column_text(st, 8, s->counted_detail, sizeof s->counted_detail);
}

static int db_shift_one(struct db *db, const char *sql, const char *terminal, int64_t id,
                        struct db_shift *out)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql, NULL);
	if (!st)
		return DB_ERROR;
	if (terminal)
		sqlite3_bind_text(st, 1, terminal, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_shift_row(st, out);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_NOTFOUND : DB_ERROR;
}

int db_shift_open_get(struct db *db, const char *terminal, struct db_shift *out)
{
	return db_shift_one(db, sql_open_get, terminal, 0, out);
}

int db_shift_open_id(struct db *db, const char *terminal, int64_t *id)
{
	struct db_shift s;
	int rc = db_shift_open_get(db, terminal, &s);
	*id = rc == DB_OK ? s.id : 0;
	return rc == DB_NOTFOUND ? DB_OK : rc;
}

int db_shift_get(struct db *db, int64_t id, struct db_shift *out)
{
	return db_shift_one(db, sql_get, NULL, id, out);
}

int db_shift_insert(struct db *db, struct db_shift *s, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_insert, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, s->terminal, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, s->user, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, s->opened_at);
	sqlite3_bind_int64(st, 4, s->float_amount);
	int rc = db_step_done(db, st, err);
	if (rc == DB_OK)
		s->id = sqlite3_last_insert_rowid(db->conn);
	return rc;
}

int db_shift_close(struct db *db, const struct db_shift *s, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_close, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, s->id);
	sqlite3_bind_int64(st, 2, s->closed_at);
	sqlite3_bind_int64(st, 3, s->expected);
	sqlite3_bind_int64(st, 4, s->counted);
	sqlite3_bind_text(st, 5, s->counted_detail, -1, SQLITE_STATIC);
	int rc = db_step_done(db, st, err);
	if (rc == DB_OK && sqlite3_changes(db->conn) != 1)
		return DB_NOTFOUND;
	return rc;
}

int db_cash_move_insert(struct db *db, int64_t shift_id, int64_t at, const char *user,
                        int64_t amount, const char *reason, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_move, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, shift_id);
	sqlite3_bind_int64(st, 2, at);
	sqlite3_bind_text(st, 3, user, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, amount);
	sqlite3_bind_text(st, 5, reason, -1, SQLITE_STATIC);
	return db_step_done(db, st, err);
}

int db_shift_open_each(struct db *db, int (*fn)(const struct db_shift *, void *), void *ctx)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db->conn, sql_open_all, -1, &st, NULL) != SQLITE_OK)
		return DB_ERROR;
	int rc, stop = 0;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_shift s;
		db_shift_row(st, &s);
		stop = fn(&s, ctx);
	}
	sqlite3_finalize(st);
	return stop ? stop : rc == SQLITE_DONE ? DB_OK : DB_ERROR;
}

int db_journal_perpetual_at(struct db *db, int32_t day, int64_t *gt)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_perpetual_at, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int(st, 1, day);
	int rc = sqlite3_step(st);
	*gt = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? DB_OK : DB_ERROR;
}
