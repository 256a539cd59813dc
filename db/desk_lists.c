/* The desk screen's lists: customers by code or name, and one customer's
 * documents with what is open on each invoice. */
#include <string.h>
#include "db-internal.h"
#include "desk_lists.h"

static const char sql_customers[] =
	"SELECT c.code, c.name, c.kind, coalesce(l.code, ''), c.tax_id "
	"FROM customers c LEFT JOIN price_lists l ON l.id = c.price_list_id "
	"WHERE (?2 AND c.code = ?1) OR (NOT ?2 AND (instr(lower(c.code), lower(?1)) > 0 "
	"  OR instr(lower(c.name), lower(?1)) > 0)) "
	"ORDER BY c.code LIMIT 200";

static const char sql_docs[] =
	"SELECT d.id, d.kind, d.year, d.number, d.day, d.valid_until, d.status, d.total, "
	"  CASE WHEN d.kind = 'invoice' THEN d.total - coalesce((SELECT sum(a.amount) "
	"    FROM allocations a WHERE a.invoice_id = d.id), 0) ELSE 0 END "
	"FROM documents d WHERE d.customer_id = ?1 ORDER BY d.id DESC LIMIT ?2";

int db_desk_customers(struct db *db, const char *text, int exact,
                      int (*fn)(const struct db_desk_row *, void *), void *ctx)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_customers, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, text, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, exact != 0);
	int rc, stop = 0;
	struct db_desk_row r;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		db_column_text(st, 0, r.code, sizeof r.code);
		db_column_text(st, 1, r.name, sizeof r.name);
		db_column_text(st, 2, r.kind, sizeof r.kind);
		db_column_text(st, 3, r.list_code, sizeof r.list_code);
		db_column_text(st, 4, r.tax_id, sizeof r.tax_id);
		stop = fn(&r, ctx);
	}
	sqlite3_reset(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? DB_OK : DB_ERROR;
}

int db_desk_docs(struct db *db, int64_t customer_id, int limit,
                 int (*fn)(const struct db_desk_doc *, void *), void *ctx)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_docs, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, customer_id);
	sqlite3_bind_int(st, 2, limit);
	int rc, stop = 0;
	struct db_desk_doc d;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&d, 0, sizeof d);
		d.id = sqlite3_column_int64(st, 0);
		db_column_text(st, 1, d.kind, sizeof d.kind);
		d.year = sqlite3_column_int(st, 2);
		d.number = sqlite3_column_int64(st, 3);
		d.day = sqlite3_column_int(st, 4);
		d.valid_until = sqlite3_column_int(st, 5);
		db_column_text(st, 6, d.status, sizeof d.status);
		d.total = sqlite3_column_int64(st, 7);
		d.open = sqlite3_column_int64(st, 8);
		stop = fn(&d, ctx);
	}
	sqlite3_reset(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? DB_OK : DB_ERROR;
}
