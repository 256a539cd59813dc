/* Shared by the files of db/ only: the connection struct and the table of
 * statements, each prepared on first use and kept for the connection. */
#ifndef COMPTOIR_DB_INTERNAL_H
#define COMPTOIR_DB_INTERNAL_H

#include <sqlite3.h>
#include "db.h"

enum db_sql {
	SQL_SETTING_GET,
	SQL_SETTING_SET,
	SQL_TAX_CLASS_ADD,
	SQL_LOCATION_ADD,
	SQL_LOCATION_DEFAULT,
	SQL_PRODUCT_ADD,
	SQL_BARCODE_ADD,
	SQL_CUSTOMER_ADD,
	SQL_CUSTOMER_GET,
	SQL_PRODUCT_BY_BARCODE,
	SQL_PRODUCT_BY_SKU,
	SQL_SEARCH_SHORT,
	SQL_SEARCH_RANKED,
	SQL_STOCK_ROWS,
	SQL_TICKET_BY_KEY,
	SQL_TICKET_NEXT,
	SQL_TICKET_INSERT,
	SQL_LINE_INSERT,
	SQL_PAYMENT_INSERT,
	SQL_TICKET_GET,
	SQL_TICKET_LINES,
	SQL_TICKET_PAYMENTS,
	SQL_JOB_ADD,
	SQL_JOB_DONE,
	SQL_JOB_FAILED,
	SQL_COUNT
};

struct db_cached {
	const char *sql;       /* a string literal: its address is the key */
	sqlite3_stmt *stmt;
};

struct db {
	sqlite3 *conn;
	sqlite3_stmt *stmt[SQL_COUNT];
	struct db_cached *cache;   /* statements of db_stmt_sql(), by address */
	size_t ncache, capcache;
};

/* The statement for `which`, prepared once, reset and unbound; NULL with
 * *err set when preparing failed. */
sqlite3_stmt *db_stmt(struct db *db, enum db_sql which, char **err);

/* The same for a statement kept in a module's own table: `sql` must be a
 * string with static storage (its address identifies it). */
sqlite3_stmt *db_stmt_sql(struct db *db, const char *sql, char **err);

/* Copies column col as text into out (size bytes), "" for NULL. */
void db_column_text(sqlite3_stmt *st, int col, char *out, size_t size);

/* Steps a statement that returns no row; DB_OK, DB_CONSTRAINT or DB_ERROR. */
int db_step_done(struct db *db, sqlite3_stmt *st, char **err);

#endif
