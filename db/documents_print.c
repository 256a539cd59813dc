/* What printed documents and statements read of the desk's books: the
 * parties (customer, ship-to), HSN codes, and a customer's account
 * movements for statements and ageing (declared in documents.h). */
#include <string.h>
#include "documents.h"
#include "db-internal.h"
#include "documents-internal.h"

static const char sql_party[] =
	"SELECT code, name, tax_id, address, state, email, phone FROM customers WHERE id = ?1";
static const char sql_ship_party[] =
	"SELECT seq, name, '', address, state, '', '' FROM ship_to WHERE id = ?1";
static const char sql_has_hsn[] =
	"SELECT count(*) FROM pragma_table_info('products') WHERE name = 'hsn'";
static const char sql_hsn[] = "SELECT hsn FROM products WHERE id = ?1";
/* Every movement of one customer's account, as the balance counts it. */
#define DB_MOVES \
	"SELECT kind, day, due, year, number, CASE kind WHEN 'invoice' THEN total " \
	"  ELSE -total END AS amount, '' AS method, CASE kind WHEN 'invoice' THEN 1 ELSE 3 END " \
	"  AS ord FROM documents " \
	"  WHERE customer_id = ?1 AND kind IN ('invoice', 'credit') " \
	"UNION ALL SELECT 'payment', day, 0, 0, number, -amount, method, 4 " \
	"  FROM customer_payments WHERE customer_id = ?1 " \
	"UNION ALL SELECT 'ticket', CAST(strftime('%Y%m%d', t.created_at, 'unixepoch', " \
	"  'localtime') AS INTEGER), 0, 0, t.number, sum(p.amount), 'account', 2 " \
	"  FROM tickets t JOIN payments p ON p.ticket_id = t.id " \
	"  WHERE t.customer_id = ?1 AND p.method = 'account' GROUP BY t.id"
static const char sql_moves[] =
	"SELECT kind, day, due, year, number, amount, method FROM (" DB_MOVES ") "
	"WHERE day BETWEEN ?2 AND ?3 ORDER BY day, ord, year, number";
static const char sql_moves_before[] =
	"SELECT coalesce(sum(amount), 0) FROM (" DB_MOVES ") WHERE day < ?2";
static const char sql_with_account[] =
	"SELECT code FROM customers c WHERE EXISTS (SELECT 1 FROM documents d "
	"  WHERE d.customer_id = c.id AND d.kind IN ('invoice', 'credit')) "
	"OR EXISTS (SELECT 1 FROM customer_payments p WHERE p.customer_id = c.id) "
	"OR EXISTS (SELECT 1 FROM tickets t JOIN payments p ON p.ticket_id = t.id "
	"  WHERE t.customer_id = c.id AND p.method = 'account') ORDER BY code";

static int db_party_one(struct db *db, const char *sql, int64_t id, struct db_doc_party *p)
{
	memset(p, 0, sizeof *p);
	sqlite3_stmt *st = db_stmt_sql(db, sql, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		db_column_text(st, 0, p->code, sizeof p->code);
		db_column_text(st, 1, p->name, sizeof p->name);
		db_column_text(st, 2, p->tax_id, sizeof p->tax_id);
		db_column_text(st, 3, p->address, sizeof p->address);
		db_column_text(st, 4, p->state, sizeof p->state);
		db_column_text(st, 5, p->email, sizeof p->email);
		db_column_text(st, 6, p->phone, sizeof p->phone);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_NOTFOUND : DB_ERROR;
}

int db_doc_party(struct db *db, int64_t customer_id, struct db_doc_party *out)
{
	return db_party_one(db, sql_party, customer_id, out);
}

int db_doc_ship_to(struct db *db, int64_t ship_to_id, struct db_doc_party *out)
{
	return db_party_one(db, sql_ship_party, ship_to_id, out);
}

int db_doc_hsn(struct db *db, int64_t product_id, char *out, size_t size)
{
	int64_t has = 0;
	out[0] = '\0';
	if (db_two(db, sql_has_hsn, 0, 0, &has, NULL) != DB_OK)
		return DB_ERROR;
	if (!has)
		return DB_NOTFOUND;
	sqlite3_stmt *st = db_stmt_sql(db, sql_hsn, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, product_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_column_text(st, 0, out, size);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return DB_ERROR;
	return out[0] ? DB_OK : DB_NOTFOUND;
}

int db_doc_moves(struct db *db, int64_t customer_id, int32_t from, int32_t to,
                 int (*fn)(const struct db_doc_move *, void *), void *ctx)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_moves, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, customer_id);
	sqlite3_bind_int(st, 2, from);
	sqlite3_bind_int(st, 3, to);
	int rc, stop = 0;
	struct db_doc_move m;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&m, 0, sizeof m);
		db_column_text(st, 0, m.kind, sizeof m.kind);
		m.day = sqlite3_column_int(st, 1);
		m.due = sqlite3_column_int(st, 2);
		m.year = sqlite3_column_int(st, 3);
		m.number = sqlite3_column_int64(st, 4);
		m.amount = sqlite3_column_int64(st, 5);
		db_column_text(st, 6, m.method, sizeof m.method);
		stop = fn(&m, ctx);
	}
	sqlite3_reset(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? DB_OK : DB_ERROR;
}

int db_doc_moves_before(struct db *db, int64_t customer_id, int32_t day, int64_t *sum)
{
	*sum = 0;
	return db_two(db, sql_moves_before, customer_id, day, sum, NULL);
}

int db_doc_customers_with_account(struct db *db, int (*fn)(const char *code, void *),
                                  void *ctx)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_with_account, NULL);
	if (!st)
		return DB_ERROR;
	int rc, stop = 0;
	char code[65];
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		db_column_text(st, 0, code, sizeof code);
		stop = fn(code, ctx);
	}
	sqlite3_reset(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? DB_OK : DB_ERROR;
}
