/* The statements of drafts.h. A draft's number comes from the counters row
 * "draft" like the other documents'; its lines are the codes and
 * quantities as typed, priced only when shown or placed. */
#include <stdio.h>
#include <string.h>
#include "drafts.h"
#include "documents.h"
#include "db-internal.h"

#define DB_DRAFT_COLS \
	"id, number, customer_id, coalesce(ship_to_id, 0), shipping, charge, status, " \
	"coalesce(order_id, 0), user_name, created_at"

static const char sql_draft_insert[] =
	"INSERT INTO drafts(number, customer_id, ship_to_id, shipping, charge, user_name, "
	"created_at) VALUES (?1, ?2, nullif(?3, 0), ?4, ?5, ?6, ?7)";
static const char sql_draft_find[] = "SELECT " DB_DRAFT_COLS " FROM drafts WHERE number = ?1";
static const char sql_draft_line_add[] =
	"INSERT INTO draft_lines(draft_id, line_no, code, qty) VALUES (?1, "
	"(SELECT coalesce(max(line_no), 0) + 1 FROM draft_lines WHERE draft_id = ?1), ?2, ?3)";
static const char sql_draft_line_qty[] =
	"UPDATE draft_lines SET qty = ?3 WHERE draft_id = ?1 AND line_no = ?2";
static const char sql_draft_line_del[] =
	"DELETE FROM draft_lines WHERE draft_id = ?1 AND line_no = ?2";
static const char sql_draft_lines[] =
	"SELECT line_no, code, qty FROM draft_lines WHERE draft_id = ?1 ORDER BY line_no";
static const char sql_draft_placed[] =
	"UPDATE drafts SET status = 'placed', order_id = ?2 WHERE id = ?1 AND status = 'open'";
static const char sql_drafts_open[] =
	"SELECT " DB_DRAFT_COLS ", (SELECT count(*) FROM draft_lines l WHERE l.draft_id = drafts.id) "
	"FROM drafts WHERE status = 'open' AND (?1 = 0 OR customer_id = ?1) ORDER BY number";
static const char sql_ship_to_list[] =
	"SELECT seq, name, address, state FROM ship_to WHERE customer_id = ?1 ORDER BY seq";
static const char sql_last_order[] =
	"SELECT id FROM documents WHERE kind = 'order' AND customer_id = ?1 "
	"ORDER BY day DESC, id DESC LIMIT 1";
#define DB_METHOD_COLS \
	"m.code, m.price, coalesce(m.product_id, 0), coalesce(p.sku, '') " \
	"FROM shipping_methods m LEFT JOIN products p ON p.id = m.product_id"
static const char sql_method_get[] = "SELECT " DB_METHOD_COLS " WHERE m.code = ?1";
static const char sql_methods[] =
	"SELECT " DB_METHOD_COLS " ORDER BY CASE m.code WHEN 'pickup' THEN 1 WHEN 'own' THEN 2 "
	"WHEN 'courier' THEN 3 ELSE 4 END";
static const char sql_method_set[] =
	"UPDATE shipping_methods SET price = CASE WHEN ?2 < 0 THEN price ELSE ?2 END, "
	"product_id = CASE WHEN ?3 < 0 THEN product_id ELSE nullif(?3, 0) END WHERE code = ?1";
static const char sql_ship_set[] =
	"INSERT INTO doc_shipping(doc_id, method, charge_line, tracking) VALUES (?1, ?2, ?3, ?4) "
	"ON CONFLICT(doc_id) DO UPDATE SET tracking = excluded.tracking";
static const char sql_ship_get[] =
	"SELECT method, charge_line, tracking FROM doc_shipping WHERE doc_id = ?1";
static const char sql_ship_to_row[] = "SELECT seq, name, address FROM ship_to WHERE id = ?1";

int db_draft_insert(struct db *db, struct db_draft *d, char **err)
{
	if (db_doc_next_number(db, "draft", 0, &d->number, err) != DB_OK)
		return DB_ERROR;
	sqlite3_stmt *st = db_stmt_sql(db, sql_draft_insert, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, d->number);
	sqlite3_bind_int64(st, 2, d->customer_id);
	sqlite3_bind_int64(st, 3, d->ship_to_id);
	sqlite3_bind_text(st, 4, d->shipping, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, d->charge);
	sqlite3_bind_text(st, 6, d->user, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, d->created_at);
	if (db_step_done(db, st, err) != DB_OK)
		return DB_ERROR;
	d->id = sqlite3_last_insert_rowid(db->conn);
	return DB_OK;
}

static void db_draft_row(sqlite3_stmt *st, struct db_draft *out)
{
	memset(out, 0, sizeof *out);
	out->id = sqlite3_column_int64(st, 0);
	out->number = sqlite3_column_int64(st, 1);
	out->customer_id = sqlite3_column_int64(st, 2);
	out->ship_to_id = sqlite3_column_int64(st, 3);
	db_column_text(st, 4, out->shipping, sizeof out->shipping);
	out->charge = sqlite3_column_int64(st, 5);
	db_column_text(st, 6, out->status, sizeof out->status);
	out->order_id = sqlite3_column_int64(st, 7);
	db_column_text(st, 8, out->user, sizeof out->user);
	out->created_at = sqlite3_column_int64(st, 9);
}

int db_draft_find(struct db *db, int64_t number, struct db_draft *out)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_draft_find, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, number);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_draft_row(st, out);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_NOTFOUND : DB_ERROR;
}

int db_draft_line_add(struct db *db, int64_t draft_id, const char *code, const char *qty,
                      char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_draft_line_add, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, draft_id);
	sqlite3_bind_text(st, 2, code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, qty ? qty : "", -1, SQLITE_TRANSIENT);
	return db_step_done(db, st, err);
}

int db_draft_line_set(struct db *db, int64_t draft_id, int line_no, const char *qty,
                      char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, qty ? sql_draft_line_qty : sql_draft_line_del, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, draft_id);
	sqlite3_bind_int(st, 2, line_no);
	if (qty)
		sqlite3_bind_text(st, 3, qty, -1, SQLITE_TRANSIENT);
	if (db_step_done(db, st, err) != DB_OK)
		return DB_ERROR;
	return sqlite3_changes(db->conn) == 1 ? DB_OK : DB_NOTFOUND;
}

int db_draft_lines(struct db *db, int64_t draft_id,
                   int (*fn)(int, const char *, const char *, void *), void *ctx)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_draft_lines, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, draft_id);
	int rc, stop = 0;
	char code[65], qty[32];
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		db_column_text(st, 1, code, sizeof code);
		db_column_text(st, 2, qty, sizeof qty);
		stop = fn(sqlite3_column_int(st, 0), code, qty, ctx);
	}
	sqlite3_reset(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? DB_OK : DB_ERROR;
}

int db_draft_placed(struct db *db, int64_t draft_id, int64_t order_id, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_draft_placed, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, draft_id);
	sqlite3_bind_int64(st, 2, order_id);
	if (db_step_done(db, st, err) != DB_OK)
		return DB_ERROR;
	return sqlite3_changes(db->conn) == 1 ? DB_OK : DB_NOTFOUND;
}

int db_drafts_open(struct db *db, int64_t customer_id,
                   int (*fn)(const struct db_draft *, int nlines, void *), void *ctx)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_drafts_open, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, customer_id);
	int rc, stop = 0;
	struct db_draft d;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		db_draft_row(st, &d);
		stop = fn(&d, sqlite3_column_int(st, 10), ctx);
	}
	sqlite3_reset(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? DB_OK : DB_ERROR;
}

int db_ship_to_list(struct db *db, int64_t customer_id,
                    int (*fn)(int, const char *, const char *, const char *, void *), void *ctx)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_ship_to_list, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, customer_id);
	int rc, stop = 0;
	char name[161], address[256], state[33];
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		db_column_text(st, 1, name, sizeof name);
		db_column_text(st, 2, address, sizeof address);
		db_column_text(st, 3, state, sizeof state);
		stop = fn(sqlite3_column_int(st, 0), name, address, state, ctx);
	}
	sqlite3_reset(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? DB_OK : DB_ERROR;
}

int db_last_order(struct db *db, int64_t customer_id, int64_t *order_id)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_last_order, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, customer_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*order_id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_NOTFOUND : DB_ERROR;
}

static void db_method_row(sqlite3_stmt *st, struct db_ship_method *m)
{
	memset(m, 0, sizeof *m);
	db_column_text(st, 0, m->code, sizeof m->code);
	m->price = sqlite3_column_int64(st, 1);
	m->product_id = sqlite3_column_int64(st, 2);
	db_column_text(st, 3, m->sku, sizeof m->sku);
}

int db_ship_method_get(struct db *db, const char *code, struct db_ship_method *out)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_method_get, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_method_row(st, out);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_NOTFOUND : DB_ERROR;
}

int db_ship_method_set(struct db *db, const char *code, int64_t price, int64_t product_id,
                       char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_method_set, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, price);
	sqlite3_bind_int64(st, 3, product_id);
	if (db_step_done(db, st, err) != DB_OK)
		return DB_ERROR;
	return sqlite3_changes(db->conn) == 1 ? DB_OK : DB_NOTFOUND;
}

int db_ship_methods(struct db *db, int (*fn)(const struct db_ship_method *, void *), void *ctx)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_methods, NULL);
	if (!st)
		return DB_ERROR;
	int rc, stop = 0;
	struct db_ship_method m;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		db_method_row(st, &m);
		stop = fn(&m, ctx);
	}
	sqlite3_reset(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? DB_OK : DB_ERROR;
}

int db_doc_shipping_set(struct db *db, int64_t doc_id, const char *method, int charge_line,
                        const char *tracking, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_ship_set, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, doc_id);
	sqlite3_bind_text(st, 2, method, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 3, charge_line);
	sqlite3_bind_text(st, 4, tracking ? tracking : "", -1, SQLITE_TRANSIENT);
	return db_step_done(db, st, err);
}

int db_doc_shipping_get(struct db *db, int64_t doc_id, struct db_doc_shipping *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt_sql(db, sql_ship_get, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, doc_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		db_column_text(st, 0, out->method, sizeof out->method);
		out->charge_line = sqlite3_column_int(st, 1);
		db_column_text(st, 2, out->tracking, sizeof out->tracking);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_NOTFOUND : DB_ERROR;
}

int db_ship_to_row(struct db *db, int64_t id, int *seq, char *name, size_t nsize,
                   char *address, size_t asize)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_ship_to_row, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*seq = sqlite3_column_int(st, 0);
		db_column_text(st, 1, name, nsize);
		db_column_text(st, 2, address, asize);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_NOTFOUND : DB_ERROR;
}
