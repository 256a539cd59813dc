/* The user statements of users.h. PIN hashes are made and checked in the
 * application layer; this file only stores them. */
#include <string.h>
#include "users.h"
#include "db-internal.h"

#define DB_USER_COLS "id, name, full_name, role, pin_hash, failures, locked_until, active"

static const char sql_get[] = "SELECT " DB_USER_COLS " FROM users WHERE name = ?1";
static const char sql_all[] = "SELECT " DB_USER_COLS " FROM users ORDER BY name";
static const char sql_add[] =
	"INSERT INTO users(name, full_name, role, pin_hash) VALUES (?1, ?2, ?3, ?4)";
static const char sql_set_pin[] =
	"UPDATE users SET pin_hash = ?2, failures = 0, locked_until = 0 WHERE id = ?1";
/* SET expressions see the row as it was: both CASEs test the old count. */
static const char sql_fail[] =
	"UPDATE users SET "
	"failures = CASE WHEN failures + 1 >= ?2 THEN 0 ELSE failures + 1 END, "
	"locked_until = CASE WHEN failures + 1 >= ?2 THEN ?3 ELSE locked_until END "
	"WHERE id = ?1 RETURNING failures, locked_until";
static const char sql_reset[] =
	"UPDATE users SET failures = 0, locked_until = 0 WHERE id = ?1";
static const char sql_count[] = "SELECT count(*) FROM users WHERE active = 1";
static const char sql_role_has[] = "SELECT 1 FROM role_rights WHERE role = ?1 AND action = ?2";

static void db_user_row(sqlite3_stmt *st, struct db_user *u)
{
	memset(u, 0, sizeof *u);
	u->id = sqlite3_column_int64(st, 0);
	db_column_text(st, 1, u->name, sizeof u->name);
	db_column_text(st, 2, u->full_name, sizeof u->full_name);
	db_column_text(st, 3, u->role, sizeof u->role);
	db_column_text(st, 4, u->pin_hash, sizeof u->pin_hash);
	u->failures = sqlite3_column_int(st, 5);
	u->locked_until = sqlite3_column_int64(st, 6);
	u->active = sqlite3_column_int(st, 7);
}

int db_user_get(struct db *db, const char *name, struct db_user *out)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_get, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_user_row(st, out);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_NOTFOUND : DB_ERROR;
}

int db_user_add(struct db *db, const struct db_user *u, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_add, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, u->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, u->full_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, u->role, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, u->pin_hash, -1, SQLITE_STATIC);
	return db_step_done(db, st, err);
}

int db_user_set_pin(struct db *db, int64_t id, const char *pin_hash, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_set_pin, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, pin_hash, -1, SQLITE_STATIC);
	return db_step_done(db, st, err);
}

int db_user_fail(struct db *db, int64_t id, int max, int64_t lock_until, int *failures,
                 int64_t *locked_until, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_fail, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, max);
	sqlite3_bind_int64(st, 3, lock_until);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*failures = sqlite3_column_int(st, 0);
		*locked_until = sqlite3_column_int64(st, 1);
		rc = sqlite3_step(st);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		db_errmsg(db);
		return DB_ERROR;
	}
	return DB_OK;
}

int db_user_reset_failures(struct db *db, int64_t id, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_reset, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	return db_step_done(db, st, err);
}

int db_user_count(struct db *db, int64_t *n)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_count, NULL);
	if (!st)
		return DB_ERROR;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : DB_ERROR;
}

int db_role_has(struct db *db, const char *role, const char *action)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_role_has, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, role, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, action, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_NOTFOUND : DB_ERROR;
}

int db_user_each(struct db *db, int (*fn)(const struct db_user *, void *), void *ctx)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db->conn, sql_all, -1, &st, NULL) != SQLITE_OK)
		return DB_ERROR;
	int rc, stop = 0;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_user u;
		db_user_row(st, &u);
		stop = fn(&u, ctx);
	}
	sqlite3_finalize(st);
	return stop ? stop : rc == SQLITE_DONE ? DB_OK : DB_ERROR;
}
