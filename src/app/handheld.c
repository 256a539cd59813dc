/* Where each handheld user stopped: one row per user in handheld_sessions,
 * read at log-in and written after every scan, each write its own short
 * transaction so a dropped connection loses nothing that was confirmed. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "app-internal.h"
#include "handheld.h"
#include "../../db/db-internal.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

static const char sql_load[] =
	"SELECT flow, step, doc, from_loc, to_loc, item, qty, pos, lot, expiry "
	"FROM handheld_sessions "
	"WHERE user_name = ?1";
static const char sql_save[] =
	"INSERT INTO handheld_sessions(user_name, flow, step, doc, from_loc, to_loc, item, qty, "
	"pos, updated_at, lot, expiry) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
	"ON CONFLICT(user_name) DO UPDATE SET flow = excluded.flow, step = excluded.step, "
	"doc = excluded.doc, from_loc = excluded.from_loc, to_loc = excluded.to_loc, "
	"item = excluded.item, qty = excluded.qty, pos = excluded.pos, "
	"updated_at = excluded.updated_at, lot = excluded.lot, expiry = excluded.expiry";

int app_handheld_load(struct app *a, struct app_handheld *out, char **err)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_load, err);
	if (!st)
		return APP_IO;
	sqlite3_bind_text(st, 1, a->user, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		db_column_text(st, 0, out->flow, sizeof out->flow);
		out->step = sqlite3_column_int(st, 1);
		out->doc = sqlite3_column_int64(st, 2);
		db_column_text(st, 3, out->from, sizeof out->from);
		db_column_text(st, 4, out->to, sizeof out->to);
		db_column_text(st, 5, out->item, sizeof out->item);
		db_column_text(st, 6, out->qty, sizeof out->qty);
		out->pos = sqlite3_column_int(st, 7);
		db_column_text(st, 8, out->lot, sizeof out->lot);
		db_column_text(st, 9, out->expiry, sizeof out->expiry);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		error_set(err, _("cannot read where the handheld stopped: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	return APP_OK;
}

int app_handheld_save(struct app *a, const struct app_handheld *s, char **err)
{
	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_save, err);
	if (!st) {
		db_rollback(a->db);
		return APP_IO;
	}
	sqlite3_bind_text(st, 1, a->user, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, s->flow, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, s->step);
	sqlite3_bind_int64(st, 4, s->doc);
	sqlite3_bind_text(st, 5, s->from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, s->to, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, s->item, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, s->qty, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 9, s->pos);
	sqlite3_bind_int64(st, 10, (int64_t)time(NULL));
	sqlite3_bind_text(st, 11, s->lot, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 12, s->expiry, -1, SQLITE_STATIC);
	if (db_step_done(a->db, st, err) != DB_OK || db_commit(a->db, err) != DB_OK) {
		db_rollback(a->db);
		return APP_IO;
	}
	return APP_OK;
}
