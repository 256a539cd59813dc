/* Opening the shop database, its pragmas, transactions retried while
 * another till writes, and the statement cache. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "db-internal.h"
#include "../src/util/i18n.h"
#include "../src/util/xalloc.h"

/* "COMP" in the database header, so comptoir knows its own files. */
#define DB_APPLICATION_ID 0x434f4d50

/* How long a write waits for another till before giving up. */
#define DB_BUSY_MS 60000

static const char *const db_sql_text[SQL_COUNT] = {
	[SQL_SETTING_GET] = "SELECT value FROM settings WHERE key = ?1",
	[SQL_SETTING_SET] = "INSERT INTO settings(key, value) VALUES (?1, ?2) "
	                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
	[SQL_TAX_CLASS_ADD] = "INSERT INTO tax_classes(code, name, rate) VALUES (?1, ?2, ?3)",
	[SQL_LOCATION_ADD] = "INSERT INTO locations(code, name) VALUES (?1, ?2)",
	[SQL_LOCATION_DEFAULT] = "SELECT id FROM locations ORDER BY id LIMIT 1",
	[SQL_PRODUCT_ADD] = "INSERT INTO products(sku, name, brand, category, unit, tax_class_id, "
	                    "price, weighed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[SQL_BARCODE_ADD] = "INSERT INTO barcodes(code, product_id, pack_qty) VALUES (?1, ?2, ?3)",
	[SQL_CUSTOMER_ADD] = "INSERT INTO customers(code, name, kind) VALUES (?1, ?2, ?3)",
	[SQL_CUSTOMER_GET] = "SELECT id, name FROM customers WHERE code = ?1",
	[SQL_PRODUCT_BY_BARCODE] =
		"SELECT p.id, p.sku, p.name, p.brand, p.unit, p.price, t.rate, p.weighed, b.pack_qty, "
		"b.code, 0 "
		"FROM barcodes b JOIN products p ON p.id = b.product_id "
		"JOIN tax_classes t ON t.id = p.tax_class_id WHERE b.code = ?1 AND p.active",
	[SQL_PRODUCT_BY_SKU] =
		"SELECT p.id, p.sku, p.name, p.brand, p.unit, p.price, t.rate, p.weighed, 1, "
		"coalesce((SELECT code FROM barcodes b WHERE b.product_id = p.id AND b.pack_qty = 1 "
		"ORDER BY code LIMIT 1), ''), 0 "
		"FROM products p JOIN tax_classes t ON t.id = p.tax_class_id "
		"WHERE p.sku = ?1 AND p.active",
	/* Short prefixes match many rows: take them in index order. Longer
	 * ones take the first hundred matches and put the names that start
	 * with what was typed first, then by name; bm25 would read every match
	 * to weigh the terms, hundreds of milliseconds at a million products. */
	[SQL_SEARCH_SHORT] =
		"SELECT p.id, p.sku, p.name, p.brand, p.unit, p.price, t.rate, p.weighed, 1, "
		"coalesce((SELECT code FROM barcodes b WHERE b.product_id = p.id AND b.pack_qty = 1 "
		"ORDER BY code LIMIT 1), ''), "
		"(SELECT coalesce(sum(qty), 0) FROM stock s WHERE s.product_id = p.id) "
		"FROM (SELECT rowid AS id FROM product_search WHERE product_search MATCH ?1 LIMIT ?2) m "
		"JOIN products p ON p.id = m.id JOIN tax_classes t ON t.id = p.tax_class_id "
		"WHERE p.active",
	[SQL_SEARCH_RANKED] =
		"SELECT p.id, p.sku, p.name, p.brand, p.unit, p.price, t.rate, p.weighed, 1, "
		"coalesce((SELECT code FROM barcodes b WHERE b.product_id = p.id AND b.pack_qty = 1 "
		"ORDER BY code LIMIT 1), ''), "
		"(SELECT coalesce(sum(qty), 0) FROM stock s WHERE s.product_id = p.id) "
		"FROM (SELECT q.id AS id, q.name LIKE ?3 || '%' AS starts, q.name AS name "
		"FROM (SELECT rowid AS id FROM product_search WHERE product_search MATCH ?1 LIMIT 100) m "
		"JOIN products q ON q.id = m.id WHERE q.active ORDER BY starts DESC, name LIMIT ?2) k "
		"JOIN products p ON p.id = k.id JOIN tax_classes t ON t.id = p.tax_class_id "
		"ORDER BY k.starts DESC, k.name",
	[SQL_STOCK_ROWS] = "SELECT l.code, s.qty FROM stock s JOIN locations l ON l.id = s.location_id "
	                   "WHERE s.product_id = ?1 ORDER BY l.id",
	[SQL_TICKET_BY_KEY] = "SELECT number FROM tickets WHERE idem_key = ?1",
	[SQL_TICKET_NEXT] = "UPDATE counters SET value = value + 1 WHERE name = 'ticket' "
	                    "RETURNING value",
	[SQL_TICKET_INSERT] =
		"INSERT INTO tickets(number, idem_key, created_at, terminal, user_name, customer_id, "
		"prices_include_tax, total, net, tax, discount, paid, change, rounding, content_hash, "
		"tax_exempt, kind, original_id, approver, shift_id, customer_name) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
		"?18, ?19, ?20, ?21)",
	[SQL_LINE_INSERT] =
		"INSERT INTO ticket_lines(ticket_id, line_no, product_id, sku, name, qty, weighed, "
		"unit_price, discount_pct, amount, discount, tax_rate, net, tax, gross, voided, "
		"cgst, sgst, igst, price_source, orig_line, disposition, override_reason) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
		"?19, ?20, ?21, ?22, ?23)",
	[SQL_PAYMENT_INSERT] = "INSERT INTO payments(ticket_id, seq, method, amount, reference) "
	                       "VALUES (?1, ?2, ?3, ?4, ?5)",
	[SQL_TICKET_GET] =
		"SELECT t.id, t.number, t.idem_key, t.created_at, t.terminal, t.user_name, "
		"coalesce(c.code, ''), coalesce(nullif(t.customer_name, ''), c.name, ''), "
		"t.prices_include_tax, t.total, t.net, "
		"t.tax, t.discount, t.paid, t.change, t.rounding, t.content_hash, t.tax_exempt, t.kind, "
		"coalesce(o.number, 0), t.approver, coalesce(t.shift_id, 0), "
		"coalesce((SELECT j.hash FROM journal j WHERE j.kind IN ('sale', 'return') "
		"  AND j.ref = t.number), '') "
		"FROM tickets t LEFT JOIN customers c ON c.id = t.customer_id "
		"LEFT JOIN tickets o ON o.id = t.original_id WHERE t.number = ?1",
	[SQL_TICKET_LINES] =
		"SELECT product_id, sku, name, qty, weighed, unit_price, discount_pct, amount, "
		"discount, tax_rate, net, tax, gross, voided, cgst, sgst, igst, price_source, "
		"line_no, orig_line, disposition, override_reason "
		"FROM ticket_lines "
		"WHERE ticket_id = ?1 ORDER BY line_no",
	[SQL_TICKET_PAYMENTS] = "SELECT method, amount, reference FROM payments "
	                        "WHERE ticket_id = ?1 ORDER BY seq",
	[SQL_JOB_ADD] = "INSERT INTO print_jobs(ticket_id, printer, copy, created_at) "
	                "VALUES (?1, ?2, ?3, ?4)",
	[SQL_JOB_DONE] = "UPDATE print_jobs SET state = 'done', last_error = '', claimed_at = 0 "
	                 "WHERE id = ?1",
	[SQL_JOB_FAILED] = "UPDATE print_jobs SET last_error = ?2, claimed_at = 0 "
	                   "WHERE id = ?1",
};

const char *db_errmsg(struct db *db)
{
	return db && db->conn ? sqlite3_errmsg(db->conn) : "no database";
}

sqlite3_stmt *db_stmt(struct db *db, enum db_sql which, char **err)
{
	sqlite3_stmt *st = db->stmt[which];
	if (st) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		return st;
	}
	if (sqlite3_prepare_v3(db->conn, db_sql_text[which], -1, SQLITE_PREPARE_PERSISTENT, &st,
	                       NULL) != SQLITE_OK) {
		error_set(err, _("database error: %s"), sqlite3_errmsg(db->conn));
		return NULL;
	}
	db->stmt[which] = st;
	return st;
}

sqlite3_stmt *db_stmt_sql(struct db *db, const char *sql, char **err)
{
	for (size_t i = 0; i < db->ncache; i++)
		if (db->cache[i].sql == sql) {
			sqlite3_reset(db->cache[i].stmt);
			sqlite3_clear_bindings(db->cache[i].stmt);
			return db->cache[i].stmt;
		}
	sqlite3_stmt *st;
	if (sqlite3_prepare_v3(db->conn, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		error_set(err, _("database error: %s"), sqlite3_errmsg(db->conn));
		return NULL;
	}
	if (db->ncache == db->capcache) {
		db->capcache = db->capcache ? db->capcache * 2 : 32;
		db->cache = xrealloc(db->cache, db->capcache * sizeof *db->cache);
	}
	db->cache[db->ncache].sql = sql;
	db->cache[db->ncache++].stmt = st;
	return st;
}

void db_column_text(sqlite3_stmt *st, int col, char *out, size_t size)
{
	const unsigned char *s = sqlite3_column_text(st, col);
	strlcpy_safe(out, s ? (const char *)s : "", size);
}

int db_step_done(struct db *db, sqlite3_stmt *st, char **err)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		return DB_OK;
	if ((rc & 0xff) == SQLITE_CONSTRAINT) {
		error_set(err, _("database refused the change: %s"), sqlite3_errmsg(db->conn));
		return DB_CONSTRAINT;
	}
	error_set(err, _("database error: %s"), sqlite3_errmsg(db->conn));
	return DB_ERROR;
}

int db_exec(struct db *db, const char *sql, char **err)
{
	char *msg = NULL;
	if (sqlite3_exec(db->conn, sql, NULL, NULL, &msg) != SQLITE_OK) {
		error_set(err, _("database error: %s"), msg ? msg : sqlite3_errmsg(db->conn));
		sqlite3_free(msg);
		return DB_ERROR;
	}
	return DB_OK;
}

static int db_pragma_int(struct db *db, const char *sql, int *out)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db->conn, sql, -1, &st, NULL) != SQLITE_OK)
		return DB_ERROR;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? DB_OK : DB_ERROR;
}

int db_schema_version(struct db *db)
{
	int v = -1;
	db_pragma_int(db, "PRAGMA user_version", &v);
	return v;
}

/* A comptoir file carries our application_id; an empty file (no tables yet)
 * is accepted and stamped. Anything else is someone else's database. */
static int db_check_ours(struct db *db, const char *path, int create, char **err)
{
	int app_id = 0, tables = 0;
	if (db_pragma_int(db, "PRAGMA application_id", &app_id) != DB_OK) {
		int code = sqlite3_errcode(db->conn);
		if (code == SQLITE_NOTADB)
			error_set(err, _("%s is not a comptoir database"), path);
		else
			error_set(err, _("cannot read %s: %s"), path, sqlite3_errmsg(db->conn));
		return code == SQLITE_NOTADB ? DB_NOTSHOP : DB_ERROR;
	}
	if (db_pragma_int(db, "SELECT count(*) FROM sqlite_schema", &tables) != DB_OK) {
		error_set(err, _("cannot read %s: %s"), path, sqlite3_errmsg(db->conn));
		return DB_ERROR;
	}
	if (app_id == DB_APPLICATION_ID)
		return DB_OK;
	if (app_id == 0 && tables == 0 && !create) {
		error_set(err, _("%s is empty, not a shop (create one with: comptoir init --db %s)"),
		          path, path);
		return DB_NOTSHOP;
	}
	if (app_id == 0 && tables == 0) {
		char sql[64];
		snprintf(sql, sizeof sql, "PRAGMA application_id = %d", DB_APPLICATION_ID);
		if (db_exec(db, sql, NULL) != DB_OK) {
			error_set(err, _("cannot write %s: %s"), path, sqlite3_errmsg(db->conn));
			return DB_ERROR;
		}
		return DB_OK;
	}
	error_set(err, _("%s is not a comptoir database"), path);
	return DB_NOTSHOP;
}

int db_open(const char *path, int create, struct db **out, char **err)
{
	*out = NULL;
	struct stat sb;
	if (!create && stat(path, &sb) != 0) {
		error_set(err, _("no shop database at %s (create one with: comptoir init --db %s)"),
		          path, path);
		return DB_NOTFOUND;
	}
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		error_set(err, _("%s is a directory, not a database file"), path);
		return DB_NOTSHOP;
	}
	struct db *db = xcalloc(1, sizeof *db);
	int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) |
	            SQLITE_OPEN_NOMUTEX;
	if (sqlite3_open_v2(path, &db->conn, flags, NULL) != SQLITE_OK) {
		error_set(err, _("cannot open %s: %s"), path,
		          db->conn ? sqlite3_errmsg(db->conn) : strerror(errno));
		db_close(db);
		return DB_ERROR;
	}
	sqlite3_extended_result_codes(db->conn, 1);
	sqlite3_busy_timeout(db->conn, DB_BUSY_MS);
	int rc = db_check_ours(db, path, create, err);
	if (rc != DB_OK) {
		db_close(db);
		return rc;
	}
	/* WAL lets the tills read while one writes; FULL makes a committed sale
	 * survive a power cut. */
	if (db_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; "
	                "PRAGMA foreign_keys = ON",
	            NULL) != DB_OK) {
		error_set(err, _("cannot use %s: %s"), path, sqlite3_errmsg(db->conn));
		db_close(db);
		return DB_ERROR;
	}
	if (access(path, W_OK) != 0) {
		error_set(err, _("cannot write to %s: %s"), path, strerror(errno));
		db_close(db);
		return DB_ERROR;
	}
	*out = db;
	return DB_OK;
}

void db_close(struct db *db)
{
	if (!db)
		return;
	for (int i = 0; i < SQL_COUNT; i++)
		sqlite3_finalize(db->stmt[i]);
	for (size_t i = 0; i < db->ncache; i++)
		sqlite3_finalize(db->cache[i].stmt);
	free(db->cache);
	sqlite3_close(db->conn);
	free(db);
}

static int64_t db_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void db_pause(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };
	nanosleep(&ts, NULL);
}

static int db_is_busy(int rc)
{
	rc &= 0xff;
	return rc == SQLITE_BUSY || rc == SQLITE_LOCKED;
}

int db_begin(struct db *db, char **err)
{
	/* The busy handler already waits; this loop covers the cases where
	 * SQLite returns SQLITE_BUSY at once (a WAL snapshot being reset). The
	 * limit is on the time since the first try, whatever waited. */
	int64_t start = db_now_ms();
	for (;;) {
		int rc = sqlite3_exec(db->conn, "BEGIN IMMEDIATE", NULL, NULL, NULL);
		if (rc == SQLITE_OK)
			return DB_OK;
		if (!db_is_busy(rc) || db_now_ms() - start >= DB_BUSY_MS) {
			error_set(err, _("database error: %s"), sqlite3_errmsg(db->conn));
			return DB_ERROR;
		}
		db_pause(20);
	}
}

int db_commit(struct db *db, char **err)
{
	int64_t start = db_now_ms();
	for (;;) {
		int rc = sqlite3_exec(db->conn, "COMMIT", NULL, NULL, NULL);
		if (rc == SQLITE_OK)
			return DB_OK;
		if (!db_is_busy(rc) || db_now_ms() - start >= DB_BUSY_MS) {
			error_set(err, _("database error at commit: %s"), sqlite3_errmsg(db->conn));
			return DB_ERROR;
		}
		db_pause(20);
	}
}

void db_rollback(struct db *db)
{
	if (!sqlite3_get_autocommit(db->conn))
		sqlite3_exec(db->conn, "ROLLBACK", NULL, NULL, NULL);
}
