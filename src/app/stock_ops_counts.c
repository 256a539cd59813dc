/* Blind cycle counts, by location or a category at a location: the
 * counter's scans are saved one by one with the last stock movement of that
 * moment (never the quantity), the expected quantity is worked out at
 * submit and again at approval, and the variances become "count" movements
 * only with RIGHT_STOCK_ADJUST or an approval. */
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

static const char sql_count_open[] =
	"INSERT INTO counts(location_id, category, opened_at, opened_by) "
	"VALUES (?1, NULLIF(?2, ''), ?3, ?4)";
static const char sql_category_known[] =
	"SELECT EXISTS (SELECT 1 FROM products WHERE category = ?1 AND active = 1)";

int app_count_open_category(struct app *a, const char *location, const char *category,
                            int64_t *count_id, char **err)
{
	int64_t loc;
	char kind[12];
	int rc = stock_ops_location(a, location, &loc, kind, err);
	if (rc != APP_OK)
		return rc == APP_NOTFOUND ? APP_ERR : rc;
	if ((rc = stock_ops_not_transit(location, kind, err)) != APP_OK)
		return rc;
	char cat[161] = "";
	if (category && (text_clean(category, cat, sizeof cat, 160) != TEXT_OK || !cat[0])) {
		error_set(err, _("a category has 1 to 160 characters"));
		return APP_ERR;
	}
	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	rc = APP_OK;
	if (cat[0]) {
		sqlite3_stmt *st = db_stmt_sql(a->db, sql_category_known, err);
		if (!st)
			rc = APP_IO;
		else {
			sqlite3_bind_text(st, 1, cat, -1, SQLITE_STATIC);
			int known = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
			sqlite3_reset(st);
			if (!known) {
				error_set(err, _("no product is in category '%s'"), cat);
				rc = APP_ERR;
			}
		}
	}
	sqlite3_stmt *st = rc == APP_OK ? db_stmt_sql(a->db, sql_count_open, err) : NULL;
	if (rc == APP_OK && !st)
		rc = APP_IO;
	if (rc == APP_OK) {
		sqlite3_bind_int64(st, 1, loc);
		sqlite3_bind_text(st, 2, cat, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, (int64_t)time(NULL));
		sqlite3_bind_text(st, 4, app_user_name(a), -1, SQLITE_TRANSIENT);
		if (db_step_done(a->db, st, err) != DB_OK)
			rc = APP_IO;
		else
			*count_id = sqlite3_last_insert_rowid(a->db->conn);
	}
	if (rc == APP_OK && db_commit(a->db, err) != DB_OK)
		rc = APP_IO;
	if (rc != APP_OK)
		db_rollback(a->db);
	return rc;
}

int app_count_open(struct app *a, const char *location, int64_t *count_id, char **err)
{
	return app_count_open_category(a, location, NULL, count_id, err);
}

static const char sql_count_get[] =
	"SELECT location_id, COALESCE(category, ''), status FROM counts WHERE id = ?1";

struct count_head {
	int64_t location_id;
	char category[161];
	char status[12];
};

static int count_get(struct app *a, int64_t id, struct count_head *h, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_count_get, err);
	if (!st)
		return APP_IO;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		h->location_id = sqlite3_column_int64(st, 0);
		db_column_text(st, 1, h->category, sizeof h->category);
		db_column_text(st, 2, h->status, sizeof h->status);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return APP_OK;
	if (rc != SQLITE_DONE) {
		error_set(err, _("cannot read the count: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	error_set(err, _("there is no count %lld"), (long long)id);
	return APP_ERR;
}

/* The line keeps the last movement there was when it was last recorded:
 * what moved after that moved after the goods were counted. */
static const char sql_count_record[] =
	"INSERT INTO count_lines(count_id, product_id, counted, seen_move) VALUES (?1, ?2, ?3, "
	"(SELECT COALESCE(MAX(id), 0) FROM stock_moves)) "
	"ON CONFLICT(count_id, product_id) DO UPDATE SET counted = "
	"CASE WHEN ?4 THEN counted + excluded.counted ELSE excluded.counted END, "
	"seen_move = excluded.seen_move";
static const char sql_product_category[] = "SELECT category FROM products WHERE id = ?1";

static int count_record_write(struct app *a, int64_t count_id, const struct app_scan *scan,
                              int64_t qty, int add, char **err)
{
	struct count_head h;
	int rc = count_get(a, count_id, &h, err);
	if (rc != APP_OK)
		return rc;
	if (strcmp(h.status, "open") != 0) {
		error_set(err, _("count %lld is already submitted"), (long long)count_id);
		return APP_ERR;
	}
	if (h.category[0]) {
		sqlite3_stmt *st = db_stmt_sql(a->db, sql_product_category, err);
		if (!st)
			return APP_IO;
		sqlite3_bind_int64(st, 1, scan->item.product_id);
		char cat[161] = "";
		if (sqlite3_step(st) == SQLITE_ROW)
			db_column_text(st, 0, cat, sizeof cat);
		sqlite3_reset(st);
		if (strcmp(cat, h.category) != 0) {
			error_set(err, _("%s is not in category '%s' that this count covers"),
			          scan->item.sku, h.category);
			return APP_ERR;
		}
	}
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_count_record, err);
	if (!st)
		return APP_IO;
	sqlite3_bind_int64(st, 1, count_id);
	sqlite3_bind_int64(st, 2, scan->item.product_id);
	sqlite3_bind_int64(st, 3, qty);
	sqlite3_bind_int(st, 4, add ? 1 : 0);
	return db_step_done(a->db, st, err) == DB_OK ? APP_OK : APP_IO;
}

int app_count_record(struct app *a, int64_t count_id, const char *code, const char *qty,
                     int add, char **err)
{
	struct app_stock_item it = { .code = code, .qty = qty };
	struct app_scan scan;
	int64_t q;
	int rc = stock_ops_item(a, &it, 1, &scan, &q, err);
	if (rc != APP_OK)
		return rc;
	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	rc = count_record_write(a, count_id, &scan, q, add, err);
	if (rc == APP_OK && db_commit(a->db, err) != DB_OK)
		rc = APP_IO;
	if (rc != APP_OK)
		db_rollback(a->db);
	return rc;
}

/* Products of the category with stock at the location, not scanned:
 * counted as 0. */
static const char sql_count_fill[] =
	"INSERT OR IGNORE INTO count_lines(count_id, product_id, counted, seen_move) "
	"SELECT ?1, p.id, 0, (SELECT COALESCE(MAX(id), 0) FROM stock_moves) FROM products p "
	"JOIN stock s ON s.product_id = p.id "
	"AND s.location_id = ?2 WHERE p.category = ?3 AND s.qty <> 0";
/* Lines recorded before the schema kept seen_move: measured from now. */
static const char sql_count_seen[] =
	"UPDATE count_lines SET seen_move = (SELECT COALESCE(MAX(id), 0) FROM stock_moves) "
	"WHERE count_id = ?1 AND seen_move IS NULL";
/* The expected quantity of a line: the stock when it was last recorded,
 * plus the variances other counts applied since (they correct that same
 * stock); goods that moved after the scan (sold, received, transferred)
 * are not part of what was counted. That is the stock now less the
 * movements since the scan that are not counts. */
static const char sql_count_expect[] =
	"UPDATE count_lines SET expected = COALESCE((SELECT qty FROM stock s WHERE "
	"s.product_id = count_lines.product_id AND s.location_id = ?2), 0) - "
	"COALESCE((SELECT SUM(m.qty) FROM stock_moves m WHERE "
	"m.product_id = count_lines.product_id AND m.location_id = ?2 AND "
	"m.id > count_lines.seen_move AND m.reason <> 'count'), 0) "
	"WHERE count_id = ?1 AND seen_move IS NOT NULL";
static const char sql_count_submitted[] =
	"UPDATE counts SET status = 'submitted', submitted_at = ?2 WHERE id = ?1";
static const char sql_count_variances[] =
	"SELECT p.sku, p.name, c.expected, c.counted, p.weighed FROM count_lines c "
	"JOIN products p ON p.id = c.product_id "
	"WHERE c.count_id = ?1 AND c.counted <> c.expected ORDER BY p.sku";

static int count_exec2(struct app *a, const char *sql, int64_t id, int64_t v, const char *text,
                       char **err)
{
	sqlite3_stmt *st = db_stmt_sql(a->db, sql, err);
	if (!st)
		return APP_IO;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, v);
	if (text)
		sqlite3_bind_text(st, 3, text, -1, SQLITE_STATIC);
	return db_step_done(a->db, st, err) == DB_OK ? APP_OK : APP_IO;
}

static int count_variances_read(struct app *a, int64_t count_id, struct app_count_variance *out,
                                size_t max, size_t *n, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_count_variances, err);
	if (!st)
		return APP_IO;
	sqlite3_bind_int64(st, 1, count_id);
	*n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n < max) {
			struct app_count_variance *v = &out[*n];
			db_column_text(st, 0, v->sku, sizeof v->sku);
			db_column_text(st, 1, v->name, sizeof v->name);
			v->expected = sqlite3_column_int64(st, 2);
			v->counted = sqlite3_column_int64(st, 3);
			v->weighed = sqlite3_column_int(st, 4);
		}
		(*n)++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		error_set(err, _("cannot read the count: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	return APP_OK;
}

static int count_submit_write(struct app *a, int64_t count_id, char **err)
{
	struct count_head h;
	int rc = count_get(a, count_id, &h, err);
	if (rc != APP_OK || strcmp(h.status, "open") != 0)
		return rc;
	if (h.category[0])
		rc = count_exec2(a, sql_count_fill, count_id, h.location_id, h.category, err);
	if (rc == APP_OK)
		rc = count_exec2(a, sql_count_seen, count_id, 0, NULL, err);
	if (rc == APP_OK)
		rc = count_exec2(a, sql_count_expect, count_id, h.location_id, NULL, err);
	if (rc == APP_OK)
		rc = count_exec2(a, sql_count_submitted, count_id, (int64_t)time(NULL), NULL, err);
	return rc;
}

int app_count_submit(struct app *a, int64_t count_id, struct app_count_variance *out,
                     size_t max, size_t *n, char **err)
{
	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	int rc = count_submit_write(a, count_id, err);
	if (rc == APP_OK)
		rc = count_variances_read(a, count_id, out, max, n, err);
	if (rc == APP_OK && db_commit(a->db, err) != DB_OK)
		rc = APP_IO;
	if (rc != APP_OK)
		db_rollback(a->db);
	return rc;
}

int app_count_variances(struct app *a, int64_t count_id, struct app_count_variance *out,
                        size_t max, size_t *n, char **err)
{
	struct count_head h;
	int rc = count_get(a, count_id, &h, err);
	if (rc != APP_OK)
		return rc;
	if (strcmp(h.status, "open") == 0) {
		error_set(err, _("count %lld is not submitted yet"), (long long)count_id);
		return APP_ERR;
	}
	return count_variances_read(a, count_id, out, max, n, err);
}

static const char sql_count_moves[] =
	"SELECT product_id, counted - expected FROM count_lines "
	"WHERE count_id = ?1 AND counted <> expected";
static const char sql_count_approved[] =
	"UPDATE counts SET status = 'approved', approved_at = ?2, approved_by = ?3 WHERE id = ?1";

static int count_approve_write(struct app *a, int64_t count_id, char **err)
{
	struct count_head h;
	int rc = count_get(a, count_id, &h, err);
	if (rc != APP_OK)
		return rc;
	if (strcmp(h.status, "submitted") != 0) {
		error_set(err, strcmp(h.status, "open") == 0 ? _("count %lld is not submitted yet")
		                                           : _("count %lld is already approved"),
		          (long long)count_id);
		return APP_ERR;
	}
	/* Worked out again: other counts approved and goods moved since submit. */
	rc = count_exec2(a, sql_count_expect, count_id, h.location_id, NULL, err);
	if (rc != APP_OK)
		return rc;
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_count_moves, err);
	if (!st)
		return APP_IO;
	sqlite3_bind_int64(st, 1, count_id);
	struct { int64_t product_id, delta; } *d = NULL;
	size_t n = 0, cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			d = xrealloc(d, cap * sizeof *d);
		}
		d[n].product_id = sqlite3_column_int64(st, 0);
		d[n].delta = sqlite3_column_int64(st, 1);
		n++;
	}
	sqlite3_reset(st);
	rc = rc == SQLITE_DONE ? APP_OK : APP_IO;
	char ref[32];
	snprintf(ref, sizeof ref, "count %lld", (long long)count_id);
	for (size_t i = 0; rc == APP_OK && i < n; i++) {
		if (d[i].delta > 0)
			rc = app_stock_move(a, d[i].product_id, h.location_id, d[i].delta, "count", err,
			                    "%s", ref) == DB_OK ? APP_OK : APP_IO;
		else
			rc = stock_ops_take(a, d[i].product_id, h.location_id, -d[i].delta, 0, "count",
			                    ref, STOCK_POLICY_IGNORE, NULL, 0, NULL, err);
	}
	free(d);
	if (rc != APP_OK)
		return rc;
	st = db_stmt_sql(a->db, sql_count_approved, err);
	if (!st)
		return APP_IO;
	sqlite3_bind_int64(st, 1, count_id);
	sqlite3_bind_int64(st, 2, (int64_t)time(NULL));
	sqlite3_bind_text(st, 3, stock_ops_who(a), -1, SQLITE_TRANSIENT);
	return db_step_done(a->db, st, err) == DB_OK ? APP_OK : APP_IO;
}

int app_count_approve(struct app *a, int64_t count_id, char **err)
{
	int rc = stock_ops_require(a, err);
	if (rc != APP_OK)
		return rc;
	if (db_begin(a->db, err) != DB_OK) {
		app_require_done(a);
		return APP_IO;
	}
	rc = count_approve_write(a, count_id, err);
	if (rc == APP_OK && db_commit(a->db, err) != DB_OK)
		rc = APP_IO;
	if (rc != APP_OK)
		db_rollback(a->db);
	app_require_done(a);
	return rc;
}

static const char sql_count_open_list[] =
	"SELECT c.id, l.code, COALESCE(c.category, ''), c.opened_by FROM counts c "
	"JOIN locations l ON l.id = c.location_id "
	"WHERE c.status = 'open' AND (?1 = 0 OR c.location_id = ?1) ORDER BY c.id DESC";
static const char sql_count_lines[] =
	"SELECT p.sku, p.name, c.counted, p.weighed FROM count_lines c "
	"JOIN products p ON p.id = c.product_id WHERE c.count_id = ?1 ORDER BY p.sku";

int app_count_list_open(struct app *a, const char *location, struct app_count_info *out,
                        size_t max, size_t *n, char **err)
{
	int64_t loc = 0;
	if (location) {
		int rc = stock_ops_location(a, location, &loc, NULL, err);
		if (rc != APP_OK)
			return rc;
	}
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_count_open_list, err);
	if (!st)
		return APP_IO;
	sqlite3_bind_int64(st, 1, loc);
	*n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n < max) {
			struct app_count_info *c = &out[*n];
			c->id = sqlite3_column_int64(st, 0);
			db_column_text(st, 1, c->location, sizeof c->location);
			db_column_text(st, 2, c->category, sizeof c->category);
			db_column_text(st, 3, c->opened_by, sizeof c->opened_by);
		}
		(*n)++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		error_set(err, _("cannot read the counts: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	return APP_OK;
}

int app_count_lines(struct app *a, int64_t count_id, struct app_count_line *out, size_t max,
                    size_t *n, char **err)
{
	struct count_head h;
	int rc = count_get(a, count_id, &h, err);
	if (rc != APP_OK)
		return rc;
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_count_lines, err);
	if (!st)
		return APP_IO;
	sqlite3_bind_int64(st, 1, count_id);
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n < max) {
			struct app_count_line *l = &out[*n];
			db_column_text(st, 0, l->sku, sizeof l->sku);
			db_column_text(st, 1, l->name, sizeof l->name);
			l->counted = sqlite3_column_int64(st, 2);
			l->weighed = sqlite3_column_int(st, 3);
		}
		(*n)++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		error_set(err, _("cannot read the count: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	return APP_OK;
}
