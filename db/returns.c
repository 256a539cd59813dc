/* The statements of returns.h. The caller holds the transaction: a return
 * reads what earlier returns took inside the one that writes it, so two
 * tills cannot both give back the last unit. */
#include <stdlib.h>
#include <string.h>
#include "returns.h"
#include "db-internal.h"
#include "../src/util/i18n.h"
#include "../src/util/xalloc.h"

static const char sql_taken[] =
	"SELECT l.orig_line, -SUM(l.qty) FROM ticket_lines l JOIN tickets t ON t.id = l.ticket_id "
	"WHERE t.original_id = ?1 AND t.kind = 'return' AND l.voided = 0 GROUP BY l.orig_line";
static const char sql_refunded[] =
	"SELECT p.method, p.reference, -SUM(p.amount) FROM payments p "
	"JOIN tickets t ON t.id = p.ticket_id WHERE t.original_id = ?1 AND t.kind = 'return' "
	"GROUP BY p.method, p.reference ORDER BY min(p.rowid)";
static const char sql_credit_add[] =
	"INSERT INTO store_credits(code, ticket_id, amount, remaining, created_at) "
	"VALUES (?1, ?2, ?3, ?3, ?4)";
static const char sql_credit_get[] = "SELECT amount, remaining FROM store_credits WHERE code = ?1";
static const char sql_credit_use[] =
	"UPDATE store_credits SET remaining = remaining - ?2 WHERE code = ?1 AND remaining >= ?2 "
	"RETURNING remaining";
static const char sql_susp_add[] =
	"INSERT INTO suspended(created_at, terminal, user_name, customer_code, idem_key, total, "
	"entries) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
#define DB_SUSP_COLS "id, created_at, terminal, user_name, customer_code, idem_key, total"
static const char sql_susp_take[] =
	"DELETE FROM suspended WHERE id = ?1 RETURNING " DB_SUSP_COLS ", entries";
static const char sql_susp_all[] = "SELECT " DB_SUSP_COLS " FROM suspended ORDER BY id";

int db_return_taken(struct db *db, int64_t original_id, int64_t *taken, size_t nlines)
{
	memset(taken, 0, nlines * sizeof *taken);
	sqlite3_stmt *st = db_stmt_sql(db, sql_taken, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, original_id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t line = sqlite3_column_int64(st, 0);
		if (line >= 1 && (size_t)line <= nlines)
			taken[line - 1] = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? DB_OK : DB_ERROR;
}

int db_return_refunded(struct db *db, int64_t original_id, struct db_payment **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_stmt_sql(db, sql_refunded, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, original_id);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 4;
			*out = xrealloc(*out, cap * sizeof **out);
		}
		struct db_payment *p = &(*out)[(*n)++];
		memset(p, 0, sizeof *p);
		db_column_text(st, 0, p->method, sizeof p->method);
		db_column_text(st, 1, p->reference, sizeof p->reference);
		p->amount = sqlite3_column_int64(st, 2);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? DB_OK : DB_ERROR;
}

int db_store_credit_add(struct db *db, const char *code, int64_t ticket_id, int64_t amount,
                        int64_t now, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_credit_add, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, ticket_id);
	sqlite3_bind_int64(st, 3, amount);
	sqlite3_bind_int64(st, 4, now);
	return db_step_done(db, st, err);
}

int db_store_credit_use(struct db *db, const char *code, int64_t amount, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_credit_use, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, amount);
	int rc = sqlite3_step(st);
	int found = rc == SQLITE_ROW;
	while (rc == SQLITE_ROW)
		rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		error_set(err, _("database error: %s"), db_errmsg(db));
		return DB_ERROR;
	}
	return found ? DB_OK : DB_NOTFOUND;
}

int db_store_credit_get(struct db *db, const char *code, int64_t *amount, int64_t *remaining)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_credit_get, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*amount = sqlite3_column_int64(st, 0);
		*remaining = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_NOTFOUND : DB_ERROR;
}

void db_suspended_release(struct db_suspended *s)
{
	free(s->entries);
	s->entries = NULL;
}

int db_suspended_add(struct db *db, struct db_suspended *s, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_susp_add, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, s->created_at);
	sqlite3_bind_text(st, 2, s->terminal, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, s->user, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, s->customer_code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, s->idem_key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, s->total);
	sqlite3_bind_text(st, 7, s->entries ? s->entries : "", -1, SQLITE_STATIC);
	int rc = db_step_done(db, st, err);
	if (rc == DB_OK)
		s->id = sqlite3_last_insert_rowid(db->conn);
	return rc;
}

static void db_suspended_row(sqlite3_stmt *st, struct db_suspended *s)
{
	memset(s, 0, sizeof *s);
	s->id = sqlite3_column_int64(st, 0);
	s->created_at = sqlite3_column_int64(st, 1);
	db_column_text(st, 2, s->terminal, sizeof s->terminal);
	db_column_text(st, 3, s->user, sizeof s->user);
	db_column_text(st, 4, s->customer_code, sizeof s->customer_code);
	db_column_text(st, 5, s->idem_key, sizeof s->idem_key);
	s->total = sqlite3_column_int64(st, 6);
}

int db_suspended_take(struct db *db, int64_t id, struct db_suspended *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt_sql(db, sql_susp_take, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		db_suspended_row(st, out);
		const unsigned char *e = sqlite3_column_text(st, 7);
		out->entries = xstrdup(e ? (const char *)e : "");
		/* Step to the end so the DELETE ... RETURNING completes. */
		while (sqlite3_step(st) == SQLITE_ROW)
			;
	}
	int found = rc == SQLITE_ROW;
	rc = sqlite3_reset(st);
	if (rc != SQLITE_OK) {
		db_suspended_release(out);
		return DB_ERROR;
	}
	return found ? DB_OK : DB_NOTFOUND;
}

int db_suspended_each(struct db *db, int (*fn)(const struct db_suspended *, void *), void *ctx)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_susp_all, NULL);
	if (!st)
		return DB_ERROR;
	int rc, stop = 0;
	struct db_suspended s;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		db_suspended_row(st, &s);
		stop = fn(&s, ctx);
	}
	sqlite3_reset(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? DB_OK : DB_ERROR;
}
