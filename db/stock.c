/* Stock movements and the check that the stock table is their sum. Each
 * statement binds, steps and copies out; transactions are the caller's. */
#include <string.h>
#include "stock.h"
#include "db-internal.h"
#include "../src/util/xalloc.h"
#include "../src/util/i18n.h"

static const char sql_move[] =
	"INSERT INTO stock_moves(at, product_id, location_id, lot_id, qty, reason, ref, "
	"user_name, unit_cost) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

/* Both sides are summed per (product, location): a row without movements
 * and movements without a row both show. */
static const char sql_drifts[] =
	"WITH m AS (SELECT product_id, location_id, SUM(qty) AS q FROM stock_moves "
	"           GROUP BY product_id, location_id), "
	"k AS (SELECT product_id, location_id FROM m UNION "
	"      SELECT product_id, location_id FROM stock) "
	"SELECT p.sku, l.code, COALESCE(s.qty, 0), COALESCE(m.q, 0) FROM k "
	"JOIN products p ON p.id = k.product_id JOIN locations l ON l.id = k.location_id "
	"LEFT JOIN stock s ON s.product_id = k.product_id AND s.location_id = k.location_id "
	"LEFT JOIN m ON m.product_id = k.product_id AND m.location_id = k.location_id "
	"WHERE COALESCE(s.qty, 0) <> COALESCE(m.q, 0) ORDER BY p.sku, l.code";

static const char sql_location_get[] = "SELECT id, kind FROM locations WHERE code = ?1";

static const char sql_moves_list[] =
	"SELECT m.id, m.at, m.qty, COALESCE(m.unit_cost, -1), p.sku, l.code, "
	"COALESCE(t.code, ''), m.reason, m.ref, m.user_name FROM stock_moves m "
	"JOIN products p ON p.id = m.product_id JOIN locations l ON l.id = m.location_id "
	"LEFT JOIN lots t ON t.id = m.lot_id "
	"WHERE (?1 = 0 OR m.product_id = ?1) AND (?2 = 0 OR m.location_id = ?2) "
	"ORDER BY m.id DESC LIMIT ?3";

int db_stock_move(struct db *db, const struct db_move *m, char **err)
{
	if (m->qty == 0)
		return DB_OK;
	sqlite3_stmt *st = db_stmt_sql(db, sql_move, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, m->at);
	sqlite3_bind_int64(st, 2, m->product_id);
	sqlite3_bind_int64(st, 3, m->location_id);
	if (m->lot_id > 0)
		sqlite3_bind_int64(st, 4, m->lot_id);
	sqlite3_bind_int64(st, 5, m->qty);
	sqlite3_bind_text(st, 6, m->reason, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, m->ref ? m->ref : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, m->user ? m->user : "", -1, SQLITE_STATIC);
	if (m->unit_cost >= 0)
		sqlite3_bind_int64(st, 9, m->unit_cost);
	return db_step_done(db, st, err);
}

int db_stock_drifts(struct db *db, struct db_stock_drift *out, size_t max, size_t *n,
                    char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_drifts, err);
	if (!st)
		return DB_ERROR;
	*n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n < max) {
			struct db_stock_drift *d = &out[*n];
			db_column_text(st, 0, d->sku, sizeof d->sku);
			db_column_text(st, 1, d->location, sizeof d->location);
			d->stock = sqlite3_column_int64(st, 2);
			d->moves = sqlite3_column_int64(st, 3);
		}
		(*n)++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		error_set(err, _("cannot read the stock movements: %s"), db_errmsg(db));
		return DB_ERROR;
	}
	return DB_OK;
}

static const char sql_location_code[] = "SELECT code FROM locations WHERE id = ?1";

int db_location_code(struct db *db, int64_t id, char *code, size_t size)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_location_code, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_column_text(st, 0, code, size);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_NOTFOUND : DB_ERROR;
}

int db_location_get(struct db *db, const char *code, int64_t *id, char *kind, size_t size)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_location_get, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		if (kind)
			db_column_text(st, 1, kind, size);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_NOTFOUND : DB_ERROR;
}

int db_stock_moves_list(struct db *db, int64_t product_id, int64_t location_id,
                        struct db_move_row *out, size_t max, size_t *n, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_moves_list, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, product_id);
	sqlite3_bind_int64(st, 2, location_id);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)max);
	*n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < max) {
		struct db_move_row *r = &out[(*n)++];
		r->id = sqlite3_column_int64(st, 0);
		r->at = sqlite3_column_int64(st, 1);
		r->qty = sqlite3_column_int64(st, 2);
		r->unit_cost = sqlite3_column_int64(st, 3);
		db_column_text(st, 4, r->sku, sizeof r->sku);
		db_column_text(st, 5, r->location, sizeof r->location);
		db_column_text(st, 6, r->lot, sizeof r->lot);
		db_column_text(st, 7, r->reason, sizeof r->reason);
		db_column_text(st, 8, r->ref, sizeof r->ref);
		db_column_text(st, 9, r->user, sizeof r->user);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		error_set(err, _("cannot read the stock movements: %s"), db_errmsg(db));
		return DB_ERROR;
	}
	return DB_OK;
}
