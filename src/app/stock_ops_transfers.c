/* Locations (shop, warehouse, bins, transit) and transfers between them:
 * at once, or sent through a transit location (made on demand) and
 * received on arrival. Goods leave by lot, earliest expiry first, and
 * arrive in the same lots. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "stock_ops-internal.h"
#include "auth.h"
#include "../core/text.h"
#include "../../db/db-internal.h"
#include "../../db/stock.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

#define TRANSFER_ITEMS_MAX 500

static int location_kind_valid(const char *kind)
{
	static const char *const kinds[] = { "shop", "warehouse", "bin" };
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kind, kinds[i]) == 0)
			return 1;
	return 0;
}

static const char sql_location_add[] =
	"INSERT INTO locations(code, name, kind) VALUES (?1, ?2, ?3)";

static int location_insert(struct app *a, const char *code, const char *name, const char *kind,
                           int64_t *id, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_location_add, err);
	if (!st)
		return APP_IO;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, kind, -1, SQLITE_STATIC);
	int rc = db_step_done(a->db, st, err);
	if (rc == DB_CONSTRAINT) {
		free(*err);
		*err = NULL;
		error_set(err, _("location %s already exists"), code);
		return APP_ERR;
	}
	if (rc != DB_OK)
		return APP_IO;
	if (id)
		*id = sqlite3_last_insert_rowid(a->db->conn);
	return APP_OK;
}

int app_location_add(struct app *a, const char *code, const char *name, const char *kind,
                     char **err)
{
	char clean[64];
	if (!kind)
		kind = "shop";
	if (!code || text_check_code(code, 31) != TEXT_OK) {
		error_set(err, _("a location code has 1 to 31 characters without blanks"));
		return APP_ERR;
	}
	if (!name || text_clean(name, clean, sizeof clean, 63) != TEXT_OK || !clean[0]) {
		error_set(err, _("a location name has 1 to 63 characters"));
		return APP_ERR;
	}
	if (strcmp(kind, "transit") == 0) {
		error_set(err, _("a transit location is made by the first transfer --transit, not "
		                 "by hand (its stock moves only with transfers)"));
		return APP_ERR;
	}
	if (!location_kind_valid(kind)) {
		error_set(err, _("'%s' is not a kind of location (shop, warehouse or bin)"), kind);
		return APP_ERR;
	}
	int rc = stock_ops_require(a, err);
	if (rc != APP_OK)
		return rc;
	if (db_begin(a->db, err) != DB_OK) {
		app_require_done(a);
		return APP_IO;
	}
	rc = location_insert(a, code, clean, kind, NULL, err);
	if (rc == APP_OK && db_commit(a->db, err) != DB_OK)
		rc = APP_IO;
	if (rc != APP_OK)
		db_rollback(a->db);
	app_require_done(a);
	return rc;
}

static const char sql_location_list[] = "SELECT code, name, kind FROM locations ORDER BY code";

int app_location_list(struct app *a, struct app_location *out, size_t max, size_t *n,
                      char **err)
{
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_location_list, err);
	if (!st)
		return APP_IO;
	*n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n < max) {
			db_column_text(st, 0, out[*n].code, sizeof out[*n].code);
			db_column_text(st, 1, out[*n].name, sizeof out[*n].name);
			db_column_text(st, 2, out[*n].kind, sizeof out[*n].kind);
		}
		(*n)++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		error_set(err, _("cannot read the locations: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	return APP_OK;
}

static const char sql_transit_get[] =
	"SELECT id FROM locations WHERE kind = 'transit' ORDER BY id LIMIT 1";

/* The transit location, made the first time goods travel. */
static int transit_location(struct app *a, int64_t *id, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_transit_get, err);
	if (!st)
		return APP_IO;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return APP_OK;
	if (rc != SQLITE_DONE) {
		error_set(err, _("cannot read the locations: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	return location_insert(a, "TRANSIT", _("Goods in transit"), "transit", id, err);
}

static const char sql_transfer_add[] =
	"INSERT INTO transfers(from_id, to_id, transit_id, status, sent_at, sent_by, arrived_at, "
	"arrived_by) VALUES (?1, ?2, NULLIF(?3, 0), ?4, ?5, ?6, "
	"CASE WHEN ?4 = 'arrived' THEN ?5 END, CASE WHEN ?4 = 'arrived' THEN ?6 ELSE '' END)";
static const char sql_transfer_line[] =
	"INSERT INTO transfer_lines(transfer_id, line, product_id, lot_id, qty) "
	"VALUES (?1, ?2, ?3, NULLIF(?4, 0), ?5)";

struct transfer_item {
	int64_t product_id, lot_id, qty;
};

/* Resolves every item before anything is written. */
static int transfer_items(struct app *a, const struct app_stock_item *items, size_t n,
                          struct transfer_item *out, char **err)
{
	if (n == 0 || n > TRANSFER_ITEMS_MAX) {
		error_set(err, _("a transfer has 1 to %d items"), TRANSFER_ITEMS_MAX);
		return APP_ERR;
	}
	for (size_t i = 0; i < n; i++) {
		struct app_scan scan;
		int rc = stock_ops_item(a, &items[i], 0, &scan, &out[i].qty, err);
		if (rc != APP_OK)
			return rc;
		out[i].product_id = scan.item.product_id;
		out[i].lot_id = 0;
	}
	return APP_OK;
}

static int transfer_line_add(struct app *a, int64_t transfer_id, int line, int64_t product_id,
                             int64_t lot_id, int64_t qty, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_transfer_line, err);
	if (!st)
		return APP_IO;
	sqlite3_bind_int64(st, 1, transfer_id);
	sqlite3_bind_int(st, 2, line);
	sqlite3_bind_int64(st, 3, product_id);
	sqlite3_bind_int64(st, 4, lot_id);
	sqlite3_bind_int64(st, 5, qty);
	return db_step_done(a->db, st, err) == DB_OK ? APP_OK : APP_IO;
}

static const char sql_lot_find[] = "SELECT id FROM lots WHERE product_id = ?1 AND code = ?2";

/* A lot named for a transfer must exist: goods cannot leave a lot never seen. */
static int transfer_lot(struct app *a, int64_t product_id, const char *code, int64_t *lot,
                        char **err)
{
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_lot_find, err);
	if (!st)
		return APP_IO;
	sqlite3_bind_int64(st, 1, product_id);
	sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*lot = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return APP_OK;
	if (rc != SQLITE_DONE) {
		error_set(err, _("cannot read the lots: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	error_set(err, _("there is no lot %s of this product"), code);
	return APP_ERR;
}

/* Inside the transaction: the transfer row, then each item out of `from`
 * by lot and into `dest` (the destination, or transit) in the same lots. */
static int transfer_write(struct app *a, int64_t from, int64_t to, int64_t transit,
                          const struct app_stock_item *items, const struct transfer_item *ti,
                          size_t n, int64_t *number, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_transfer_add, err);
	if (!st)
		return APP_IO;
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, to);
	sqlite3_bind_int64(st, 3, transit);
	sqlite3_bind_text(st, 4, transit ? "transit" : "arrived", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, (int64_t)time(NULL));
	sqlite3_bind_text(st, 6, app_user_name(a), -1, SQLITE_TRANSIENT);
	if (db_step_done(a->db, st, err) != DB_OK)
		return APP_IO;
	int64_t id = sqlite3_last_insert_rowid(a->db->conn);
	*number = id;
	char ref[32];
	snprintf(ref, sizeof ref, "transfer %lld", (long long)id);
	int64_t dest = transit ? transit : to;
	int line = 0;
	for (size_t i = 0; i < n; i++) {
		int64_t lot = 0;
		if (items[i].lot && *items[i].lot) {
			int rc = transfer_lot(a, ti[i].product_id, items[i].lot, &lot, err);
			if (rc != APP_OK)
				return rc;
		}
		struct stock_lot_take parts[STOCK_TAKE_LOTS_MAX + 1];
		size_t np = 0;
		int rc = stock_ops_take(a, ti[i].product_id, from, ti[i].qty, lot, "transfer", ref,
		                        STOCK_POLICY_APPLY, parts, STOCK_TAKE_LOTS_MAX + 1, &np, err);
		if (rc != APP_OK)
			return rc;
		for (size_t k = 0; k < np; k++) {
			if (app_stock_move_lot(a, ti[i].product_id, dest, parts[k].lot_id, parts[k].qty,
			                       -1, "transfer", err, "%s", ref) != DB_OK)
				return APP_IO;
			rc = transfer_line_add(a, id, ++line, ti[i].product_id, parts[k].lot_id,
			                       parts[k].qty, err);
			if (rc != APP_OK)
				return rc;
		}
	}
	return APP_OK;
}

static int transfer_run(struct app *a, const char *from, const char *to, int via_transit,
                        const struct app_stock_item *items, size_t n, int64_t *number,
                        char **err)
{
	int64_t from_id, to_id, transit = 0, num = 0;
	char kf[12], kt[12];
	int rc = stock_ops_location(a, from, &from_id, kf, err);
	if (rc == APP_OK)
		rc = stock_ops_location(a, to, &to_id, kt, err);
	if (rc != APP_OK)
		return rc == APP_NOTFOUND ? APP_ERR : rc;
	if (from_id == to_id) {
		error_set(err, _("a transfer goes from one location to another (%s twice)"), from);
		return APP_ERR;
	}
	if (strcmp(kf, "transit") == 0 || strcmp(kt, "transit") == 0) {
		error_set(err, _("goods reach and leave a transit location only through "
		                 "transfer --transit and transfer arrive"));
		return APP_ERR;
	}
	struct transfer_item *ti = xcalloc(n ? n : 1, sizeof *ti);
	rc = transfer_items(a, items, n, ti, err);
	if (rc == APP_NOTFOUND)
		rc = APP_ERR;
	if (rc == APP_OK && db_begin(a->db, err) != DB_OK)
		rc = APP_IO;
	else if (rc == APP_OK) {
		if (via_transit)
			rc = transit_location(a, &transit, err);
		if (rc == APP_OK)
			rc = transfer_write(a, from_id, to_id, transit, items, ti, n, &num, err);
		if (rc == APP_OK && db_commit(a->db, err) != DB_OK)
			rc = APP_IO;
		if (rc != APP_OK)
			db_rollback(a->db);
	}
	free(ti);
	if (rc == APP_OK && number)
		*number = num;
	return rc;
}

int app_transfer(struct app *a, const char *from, const char *to,
                 const struct app_stock_item *items, size_t n, char **err)
{
	return transfer_run(a, from, to, 0, items, n, NULL, err);
}

int app_transfer_send(struct app *a, const char *from, const char *to,
                      const struct app_stock_item *items, size_t n, int64_t *number,
                      char **err)
{
	return transfer_run(a, from, to, 1, items, n, number, err);
}

static const char sql_transfer_get[] =
	"SELECT to_id, transit_id, status FROM transfers WHERE id = ?1";
static const char sql_transfer_lines[] =
	"SELECT product_id, COALESCE(lot_id, 0), qty FROM transfer_lines WHERE transfer_id = ?1 "
	"ORDER BY line";
static const char sql_transfer_arrived[] =
	"UPDATE transfers SET status = 'arrived', arrived_at = ?2, arrived_by = ?3 "
	"WHERE id = ?1 AND status = 'transit'";

static int transfer_arrive_write(struct app *a, int64_t number, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_transfer_get, err);
	if (!st)
		return APP_IO;
	sqlite3_bind_int64(st, 1, number);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		error_set(err, _("there is no transfer %lld"), (long long)number);
		return APP_ERR;
	}
	int64_t to = sqlite3_column_int64(st, 0), transit = sqlite3_column_int64(st, 1);
	char status[12];
	db_column_text(st, 2, status, sizeof status);
	sqlite3_reset(st);
	if (strcmp(status, "transit") != 0) {
		error_set(err, _("transfer %lld has already arrived"), (long long)number);
		return APP_ERR;
	}
	st = db_stmt_sql(a->db, sql_transfer_lines, err);
	if (!st)
		return APP_IO;
	sqlite3_bind_int64(st, 1, number);
	struct transfer_item *lines = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			lines = xrealloc(lines, cap * sizeof *lines);
		}
		lines[n].product_id = sqlite3_column_int64(st, 0);
		lines[n].lot_id = sqlite3_column_int64(st, 1);
		lines[n].qty = sqlite3_column_int64(st, 2);
		n++;
	}
	sqlite3_reset(st);
	rc = rc == SQLITE_DONE ? APP_OK : APP_IO;
	if (rc != APP_OK)
		error_set(err, _("cannot read the transfer: %s"), db_errmsg(a->db));
	for (size_t i = 0; rc == APP_OK && i < n; i++)
		if (app_stock_move_lot(a, lines[i].product_id, transit, lines[i].lot_id,
		                       -lines[i].qty, -1, "transfer", err, "transfer %lld",
		                       (long long)number) != DB_OK ||
		    app_stock_move_lot(a, lines[i].product_id, to, lines[i].lot_id, lines[i].qty, -1,
		                       "transfer", err, "transfer %lld", (long long)number) != DB_OK)
			rc = APP_IO;
	free(lines);
	if (rc != APP_OK)
		return rc;
	st = db_stmt_sql(a->db, sql_transfer_arrived, err);
	if (!st)
		return APP_IO;
	sqlite3_bind_int64(st, 1, number);
	sqlite3_bind_int64(st, 2, (int64_t)time(NULL));
	sqlite3_bind_text(st, 3, app_user_name(a), -1, SQLITE_TRANSIENT);
	return db_step_done(a->db, st, err) == DB_OK ? APP_OK : APP_IO;
}

int app_transfer_arrive(struct app *a, int64_t number, char **err)
{
	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	int rc = transfer_arrive_write(a, number, err);
	if (rc == APP_OK && db_commit(a->db, err) != DB_OK)
		rc = APP_IO;
	if (rc != APP_OK)
		db_rollback(a->db);
	return rc;
}

static const char sql_transfers_transit[] =
	"SELECT t.id, f.code, o.code, t.sent_at FROM transfers t "
	"JOIN locations f ON f.id = t.from_id JOIN locations o ON o.id = t.to_id "
	"WHERE t.status = 'transit' ORDER BY t.id";

int app_transfer_list_transit(struct app *a, struct app_transfer_info *out, size_t max,
                              size_t *n, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_transfers_transit, err);
	if (!st)
		return APP_IO;
	*n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n < max) {
			struct app_transfer_info *t = &out[*n];
			t->number = sqlite3_column_int64(st, 0);
			db_column_text(st, 1, t->from, sizeof t->from);
			db_column_text(st, 2, t->to, sizeof t->to);
			t->sent_at = sqlite3_column_int64(st, 3);
		}
		(*n)++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		error_set(err, _("cannot read the transfers: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	return APP_OK;
}
