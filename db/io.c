/* The import and export statements of io.h, in this file's own table and
 * prepared once per connection through db_stmt_sql(). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "io.h"
#include "db-internal.h"
#include "../src/util/i18n.h"
#include "../src/util/xalloc.h"

static const char SQL_IO_BEGIN[] = "BEGIN DEFERRED";
static const char SQL_IO_TAXES[] = "SELECT id, rate FROM tax_classes ORDER BY id";
static const char SQL_IO_LOCATION_ID[] = "SELECT id FROM locations WHERE code = ?1";
static const char SQL_IO_PRODUCT_ID[] = "SELECT id, weighed FROM products WHERE sku = ?1";

#define DB_IO_PRODUCT_COLS \
	"p.id, p.sku, p.name, p.brand, p.category, p.unit, p.supplier, p.tax_class_id, t.rate, " \
	"p.price, p.cost, p.weighed"
static const char SQL_IO_PRODUCT_GET[] =
	"SELECT " DB_IO_PRODUCT_COLS " FROM products p JOIN tax_classes t ON t.id = p.tax_class_id "
	"WHERE p.sku = ?1";
static const char SQL_IO_PRODUCT_UPDATE[] =
	"UPDATE products SET sku = ?1, name = ?2, brand = ?3, category = ?4, unit = ?5, "
	"supplier = ?6, tax_class_id = ?7, price = ?8, cost = ?9, weighed = ?10 WHERE id = ?11";
static const char SQL_IO_PRODUCT_DETAILS[] =
	"UPDATE products SET unit = ?5, supplier = ?6, tax_class_id = ?7, price = ?8, cost = ?9, "
	"weighed = ?10, category = ?4 WHERE id = ?11";
static const char SQL_IO_BATCH_TABLES[] =
	"CREATE TEMP TABLE IF NOT EXISTS io_products(n INTEGER PRIMARY KEY, sku TEXT, name TEXT, "
	"brand TEXT, category TEXT, unit TEXT, supplier TEXT, tax_class_id INTEGER, price INTEGER, "
	"cost INTEGER, weighed INTEGER);"
	"CREATE TEMP TABLE IF NOT EXISTS io_names(id INTEGER PRIMARY KEY, name TEXT, brand TEXT);"
	"CREATE TEMP TABLE IF NOT EXISTS io_codes(n INTEGER PRIMARY KEY, sku TEXT, code TEXT, "
	"pack_qty INTEGER)";
static const char SQL_IO_BATCH_PRODUCT[] =
	"INSERT INTO temp.io_products(sku, name, brand, category, unit, supplier, tax_class_id, "
	"price, cost, weighed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
static const char SQL_IO_BATCH_NAME[] =
	"INSERT INTO temp.io_names(id, name, brand) VALUES (?1, ?2, ?3)";
static const char SQL_IO_BATCH_CODE[] =
	"INSERT INTO temp.io_codes(sku, code, pack_qty) VALUES (?1, ?2, ?3)";
static const char SQL_IO_FLUSH_PRODUCTS[] =
	"INSERT INTO products(sku, name, brand, category, unit, supplier, tax_class_id, price, "
	"cost, weighed) SELECT sku, name, brand, category, unit, supplier, tax_class_id, price, "
	"cost, weighed FROM temp.io_products ORDER BY n";
static const char SQL_IO_FLUSH_IDS[] =
	"SELECT p.id FROM temp.io_products n JOIN products p ON p.sku = n.sku ORDER BY n.n";
static const char SQL_IO_FLUSH_NAMES[] =
	"UPDATE products SET name = n.name, brand = n.brand FROM temp.io_names n "
	"WHERE products.id = n.id";
static const char SQL_IO_FLUSH_CODES[] =
	"INSERT INTO barcodes(code, product_id, pack_qty) SELECT c.code, p.id, c.pack_qty "
	"FROM temp.io_codes c JOIN products p ON p.sku = c.sku ORDER BY p.id, c.n";
static const char SQL_IO_FLUSH_CLEAR1[] = "DELETE FROM temp.io_products";
static const char SQL_IO_FLUSH_CLEAR2[] = "DELETE FROM temp.io_names";
static const char SQL_IO_FLUSH_CLEAR3[] = "DELETE FROM temp.io_codes";
static const char SQL_IO_SAVEPOINT[] = "SAVEPOINT db_io_remove";
static const char SQL_IO_SAVEPOINT_BACK[] = "ROLLBACK TO db_io_remove";
static const char SQL_IO_SAVEPOINT_RELEASE[] = "RELEASE db_io_remove";
static const char SQL_IO_PRODUCT_DROP_BARCODES[] = "DELETE FROM barcodes WHERE product_id = ?1";
static const char SQL_IO_PRODUCT_DROP_STOCK[] = "DELETE FROM stock WHERE product_id = ?1";
static const char SQL_IO_PRODUCT_DROP_PRICES[] = "DELETE FROM prices WHERE product_id = ?1";
static const char SQL_IO_PRODUCT_DROP[] = "DELETE FROM products WHERE id = ?1";
static const char SQL_IO_PRODUCT_DEACTIVATE[] = "UPDATE products SET active = 0 WHERE id = ?1";

static const char SQL_IO_BARCODE_GET[] = "SELECT product_id, pack_qty FROM barcodes WHERE code = ?1";
static const char SQL_IO_BARCODE_SET_QTY[] = "UPDATE barcodes SET pack_qty = ?2 WHERE code = ?1";
static const char SQL_IO_BARCODE_REMOVE[] =
	"DELETE FROM barcodes WHERE code = ?1 AND product_id = ?2";
/* The insert trigger of migration 3 appends codes; nothing takes one out. */
static const char SQL_IO_SEARCH_CODES[] =
	"UPDATE product_search SET codes = coalesce((SELECT group_concat(code, ' ') "
	"FROM barcodes WHERE product_id = ?1), '') WHERE rowid = ?1";

static const char SQL_IO_STOCK_DROP_EMPTY[] =
	"DELETE FROM stock WHERE product_id = ?1 AND location_id = ?2 AND qty = 0";
static const char SQL_IO_STOCK_GET[] =
	"SELECT qty FROM stock WHERE product_id = ?1 AND location_id = ?2";

#define DB_IO_CUSTOMER_COLS \
	"c.id, c.code, c.name, c.kind, coalesce(c.price_list_id, 0), coalesce(l.code, ''), " \
	"c.tax_id, c.terms, c.email, c.phone, c.address, c.state, c.credit_limit"
static const char SQL_IO_CUSTOMER_GET[] =
	"SELECT " DB_IO_CUSTOMER_COLS " FROM customers c "
	"LEFT JOIN price_lists l ON l.id = c.price_list_id WHERE c.code = ?1";
static const char SQL_IO_CUSTOMER_INSERT[] =
	"INSERT INTO customers(code, name, kind, price_list_id, tax_id, terms, email, phone, "
	"address, state, credit_limit) VALUES (?1, ?2, ?3, nullif(?4, 0), ?5, ?6, ?7, ?8, ?9, "
	"?10, ?11)";
static const char SQL_IO_CUSTOMER_UPDATE[] =
	"UPDATE customers SET code = ?1, name = ?2, kind = ?3, price_list_id = nullif(?4, 0), "
	"tax_id = ?5, terms = ?6, email = ?7, phone = ?8, address = ?9, state = ?10, "
	"credit_limit = ?11 WHERE id = ?12";
static const char SQL_IO_CUSTOMER_REMOVE[] = "DELETE FROM customers WHERE id = ?1";

static const char SQL_IO_PRICE_GET[] =
	"SELECT id, price, valid_to FROM prices WHERE list_id = ?1 AND product_id = ?2 "
	"AND min_qty = ?3 AND valid_from = ?4";
static const char SQL_IO_PRICE_INSERT[] =
	"INSERT INTO prices(list_id, product_id, min_qty, price, valid_from, valid_to) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
static const char SQL_IO_PRICE_UPDATE[] = "UPDATE prices SET price = ?2, valid_to = ?3 WHERE id = ?1";
static const char SQL_IO_PRICE_REMOVE[] = "DELETE FROM prices WHERE id = ?1";

/* The barcodes of the smallest pack, found once per product. */
static const char SQL_IO_PRODUCTS_EACH[] =
	"SELECT " DB_IO_PRODUCT_COLS ", "
	"coalesce((SELECT group_concat(code, '|') FROM (SELECT code FROM barcodes "
	"WHERE product_id = p.id AND pack_qty = 1 ORDER BY code)), ''), "
	"coalesce(k.qty, 0), "
	"coalesce((SELECT group_concat(code, '|') FROM (SELECT code FROM barcodes "
	"WHERE product_id = p.id AND pack_qty = k.qty ORDER BY code)), '') "
	"FROM products p JOIN tax_classes t ON t.id = p.tax_class_id "
	"LEFT JOIN (SELECT product_id, min(pack_qty) AS qty FROM barcodes WHERE pack_qty > 1 "
	"GROUP BY product_id) k ON k.product_id = p.id ORDER BY p.id";
static const char SQL_IO_CUSTOMERS_EACH[] =
	"SELECT " DB_IO_CUSTOMER_COLS " FROM customers c "
	"LEFT JOIN price_lists l ON l.id = c.price_list_id ORDER BY c.id";
static const char SQL_IO_PRICES_EACH[] =
	"SELECT r.id, r.list_id, r.product_id, r.min_qty, r.price, r.valid_from, r.valid_to, "
	"l.code, p.sku FROM prices r JOIN price_lists l ON l.id = r.list_id "
	"JOIN products p ON p.id = r.product_id ORDER BY r.id";
static const char SQL_IO_SALES_EACH[] =
	"SELECT t.number, t.created_at, l.sku, l.name, l.qty, l.weighed, l.unit_price, l.amount, "
	"l.discount, l.net, l.tax_rate, l.tax, l.gross FROM tickets t "
	"JOIN ticket_lines l ON l.ticket_id = t.id WHERE NOT l.voided "
	"ORDER BY t.number, l.line_no";

static const char *db_io_text(sqlite3_stmt *st, int col)
{
	const unsigned char *s = sqlite3_column_text(st, col);
	return s ? (const char *)s : "";
}

/* Steps a statement made of one lookup by key: DB_OK with the row ready,
 * DB_NOTFOUND (statement reset) or DB_ERROR. */
static int db_io_row(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return DB_OK;
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? DB_NOTFOUND : DB_ERROR;
}

static int db_io_id_by_code(struct db *db, const char *sql, const char *code, int64_t *id)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	int rc = db_io_row(st);
	if (rc == DB_OK) {
		*id = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
	}
	return rc;
}

int db_io_snapshot_begin(struct db *db, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, SQL_IO_BEGIN, err);
	return st ? db_step_done(db, st, err) : DB_ERROR;
}

void db_io_snapshot_end(struct db *db)
{
	db_rollback(db);
}

void db_io_checkpoint(struct db *db)
{
	sqlite3_wal_checkpoint_v2(db->conn, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
}

void db_io_autocheckpoint(struct db *db, int own)
{
	sqlite3_wal_autocheckpoint(db->conn, own ? 1000 : 0);
}

void db_io_cache_size(struct db *db, int mb)
{
	char sql[48];
	snprintf(sql, sizeof sql, "PRAGMA cache_size = -%d", mb * 1024);
	db_exec(db, sql, NULL);
}

int db_io_tax_classes(struct db *db, struct db_io_tax *out, size_t max, size_t *n)
{
	*n = 0;
	sqlite3_stmt *st = db_stmt_sql(db, SQL_IO_TAXES, NULL);
	if (!st)
		return DB_ERROR;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < max) {
		out[*n].id = sqlite3_column_int64(st, 0);
		out[*n].rate = sqlite3_column_int(st, 1);
		(*n)++;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? DB_OK : DB_ERROR;
}

int db_io_location_id(struct db *db, const char *code, int64_t *id)
{
	return db_io_id_by_code(db, SQL_IO_LOCATION_ID, code, id);
}

int db_io_product_id(struct db *db, const char *sku, int64_t *id, int *weighed)
{
	sqlite3_stmt *st = db_stmt_sql(db, SQL_IO_PRODUCT_ID, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, sku, -1, SQLITE_STATIC);
	int rc = db_io_row(st);
	if (rc == DB_OK) {
		*id = sqlite3_column_int64(st, 0);
		if (weighed)
			*weighed = sqlite3_column_int(st, 1);
		sqlite3_reset(st);
	}
	return rc;
}

/* The columns of DB_IO_PRODUCT_COLS from col 0; text borrowed from st. */
static void db_io_product_cols(sqlite3_stmt *st, struct db_io_product *p)
{
	p->id = sqlite3_column_int64(st, 0);
	p->sku = db_io_text(st, 1);
	p->name = db_io_text(st, 2);
	p->brand = db_io_text(st, 3);
	p->category = db_io_text(st, 4);
	p->unit = db_io_text(st, 5);
	p->supplier = db_io_text(st, 6);
	p->tax_class_id = sqlite3_column_int64(st, 7);
	p->tax_rate = sqlite3_column_int(st, 8);
	p->price = sqlite3_column_int64(st, 9);
	p->cost = sqlite3_column_int64(st, 10);
	p->weighed = sqlite3_column_int(st, 11);
}

int db_io_product_get(struct db *db, const char *sku, struct db_io_product *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt_sql(db, SQL_IO_PRODUCT_GET, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, sku, -1, SQLITE_STATIC);
	int rc = db_io_row(st);
	if (rc != DB_OK)
		return rc;
	db_io_product_cols(st, out);
	out->sku = xstrdup(out->sku);
	out->name = xstrdup(out->name);
	out->brand = xstrdup(out->brand);
	out->category = xstrdup(out->category);
	out->unit = xstrdup(out->unit);
	out->supplier = xstrdup(out->supplier);
	sqlite3_reset(st);
	return DB_OK;
}

void db_io_product_release(struct db_io_product *p)
{
	free((void *)p->sku);
	free((void *)p->name);
	free((void *)p->brand);
	free((void *)p->category);
	free((void *)p->unit);
	free((void *)p->supplier);
	memset(p, 0, sizeof *p);
}

static void db_io_product_bind(sqlite3_stmt *st, const struct db_io_product *p)
{
	sqlite3_bind_text(st, 1, p->sku, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, p->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, p->brand ? p->brand : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, p->category ? p->category : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, p->unit ? p->unit : "pc", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, p->supplier ? p->supplier : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, p->tax_class_id);
	sqlite3_bind_int64(st, 8, p->price);
	sqlite3_bind_int64(st, 9, p->cost);
	sqlite3_bind_int(st, 10, p->weighed ? 1 : 0);
}

int db_io_product_update(struct db *db, const struct db_io_product *p, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, SQL_IO_PRODUCT_UPDATE, err);
	if (!st)
		return DB_ERROR;
	db_io_product_bind(st, p);
	sqlite3_bind_int64(st, 11, p->id);
	return db_step_done(db, st, err);
}

int db_io_product_set_details(struct db *db, const struct db_io_product *p, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, SQL_IO_PRODUCT_DETAILS, err);
	if (!st)
		return DB_ERROR;
	db_io_product_bind(st, p);
	sqlite3_bind_int64(st, 11, p->id);
	return db_step_done(db, st, err);
}

int db_io_batch_open(struct db *db, char **err)
{
	return db_exec(db, SQL_IO_BATCH_TABLES, err);
}

int db_io_batch_product(struct db *db, const struct db_io_product *p, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, SQL_IO_BATCH_PRODUCT, err);
	if (!st)
		return DB_ERROR;
	db_io_product_bind(st, p);
	return db_step_done(db, st, err);
}

int db_io_batch_name(struct db *db, int64_t id, const char *name, const char *brand, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, SQL_IO_BATCH_NAME, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, brand ? brand : "", -1, SQLITE_STATIC);
	return db_step_done(db, st, err);
}

int db_io_batch_code(struct db *db, const char *sku, const char *code, int64_t pack_qty,
                     char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, SQL_IO_BATCH_CODE, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, sku, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, pack_qty);
	return db_step_done(db, st, err);
}

static int db_io_run(struct db *db, const char *sql, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql, err);
	return st ? db_step_done(db, st, err) : DB_ERROR;
}

int db_io_batch_flush(struct db *db, void (*added)(int64_t id, void *ctx), void *ctx,
                      char **err)
{
	if (db_io_run(db, SQL_IO_FLUSH_PRODUCTS, err) != DB_OK)
		return DB_ERROR;
	sqlite3_stmt *st = db_stmt_sql(db, SQL_IO_FLUSH_IDS, err);
	if (!st)
		return DB_ERROR;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		added(sqlite3_column_int64(st, 0), ctx);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		error_set(err, _("database error: %s"), db_errmsg(db));
		return DB_ERROR;
	}
	if (db_io_run(db, SQL_IO_FLUSH_NAMES, err) != DB_OK ||
	    db_io_run(db, SQL_IO_FLUSH_CODES, err) != DB_OK ||
	    db_io_run(db, SQL_IO_FLUSH_CLEAR1, err) != DB_OK ||
	    db_io_run(db, SQL_IO_FLUSH_CLEAR2, err) != DB_OK ||
	    db_io_run(db, SQL_IO_FLUSH_CLEAR3, err) != DB_OK)
		return DB_ERROR;
	return DB_OK;
}

/* Runs a statement of this file with one id bound. */
static int db_io_by_id(struct db *db, const char *sql, int64_t id, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql, err);
	if (!st)
		return DB_ERROR;
	if (id)
		sqlite3_bind_int64(st, 1, id);
	return db_step_done(db, st, err);
}

int db_io_product_remove(struct db *db, int64_t id, char **err)
{
	if (db_io_by_id(db, SQL_IO_SAVEPOINT, 0, err) != DB_OK)
		return DB_ERROR;
	char *why = NULL;
	int rc = db_io_by_id(db, SQL_IO_PRODUCT_DROP_BARCODES, id, &why);
	if (rc == DB_OK)
		rc = db_io_by_id(db, SQL_IO_PRODUCT_DROP_STOCK, id, &why);
	if (rc == DB_OK)
		rc = db_io_by_id(db, SQL_IO_PRODUCT_DROP_PRICES, id, &why);
	if (rc == DB_OK)
		rc = db_io_by_id(db, SQL_IO_PRODUCT_DROP, id, &why);
	if (rc == DB_CONSTRAINT) {
		db_io_by_id(db, SQL_IO_SAVEPOINT_BACK, 0, NULL);
		rc = db_io_by_id(db, SQL_IO_PRODUCT_DEACTIVATE, id, err);
	} else if (rc != DB_OK) {
		error_set(err, "%s", why ? why : db_errmsg(db));
	}
	free(why);
	if (db_io_by_id(db, SQL_IO_SAVEPOINT_RELEASE, 0, err) != DB_OK)
		return DB_ERROR;
	return rc;
}

int db_io_barcode_get(struct db *db, const char *code, int64_t *product_id, int64_t *pack_qty)
{
	sqlite3_stmt *st = db_stmt_sql(db, SQL_IO_BARCODE_GET, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	int rc = db_io_row(st);
	if (rc == DB_OK) {
		*product_id = sqlite3_column_int64(st, 0);
		*pack_qty = sqlite3_column_int64(st, 1);
		sqlite3_reset(st);
	}
	return rc;
}

int db_io_barcode_set_qty(struct db *db, const char *code, int64_t pack_qty, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, SQL_IO_BARCODE_SET_QTY, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, pack_qty);
	return db_step_done(db, st, err);
}

int db_io_barcode_remove(struct db *db, const char *code, int64_t product_id, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, SQL_IO_BARCODE_REMOVE, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, product_id);
	int rc = db_step_done(db, st, err);
	return rc == DB_OK ? db_io_by_id(db, SQL_IO_SEARCH_CODES, product_id, err) : rc;
}

int db_io_stock_get(struct db *db, int64_t product_id, int64_t location_id, int64_t *qty)
{
	sqlite3_stmt *st = db_stmt_sql(db, SQL_IO_STOCK_GET, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, product_id);
	sqlite3_bind_int64(st, 2, location_id);
	int rc = db_io_row(st);
	if (rc == DB_OK) {
		*qty = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
	}
	return rc;
}

int db_io_stock_drop_empty(struct db *db, int64_t product_id, int64_t location_id, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, SQL_IO_STOCK_DROP_EMPTY, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, product_id);
	sqlite3_bind_int64(st, 2, location_id);
	return db_step_done(db, st, err);
}

/* The columns of DB_IO_CUSTOMER_COLS; text borrowed from st. */
static void db_io_customer_cols(sqlite3_stmt *st, struct db_io_customer *c)
{
	c->id = sqlite3_column_int64(st, 0);
	c->code = db_io_text(st, 1);
	c->name = db_io_text(st, 2);
	c->kind = db_io_text(st, 3);
	c->price_list_id = sqlite3_column_int64(st, 4);
	c->price_list = db_io_text(st, 5);
	c->tax_id = db_io_text(st, 6);
	c->terms = db_io_text(st, 7);
	c->email = db_io_text(st, 8);
	c->phone = db_io_text(st, 9);
	c->address = db_io_text(st, 10);
	c->state = db_io_text(st, 11);
	c->credit_limit = sqlite3_column_int64(st, 12);
}

int db_io_customer_get(struct db *db, const char *code, struct db_io_customer *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt_sql(db, SQL_IO_CUSTOMER_GET, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	int rc = db_io_row(st);
	if (rc != DB_OK)
		return rc;
	db_io_customer_cols(st, out);
	const char **text[] = { &out->code, &out->name, &out->kind, &out->price_list, &out->tax_id,
	                        &out->terms, &out->email, &out->phone, &out->address, &out->state };
	for (size_t i = 0; i < sizeof text / sizeof text[0]; i++)
		*text[i] = xstrdup(*text[i]);
	sqlite3_reset(st);
	return DB_OK;
}

void db_io_customer_release(struct db_io_customer *c)
{
	const char *text[] = { c->code, c->name, c->kind, c->price_list, c->tax_id,
	                       c->terms, c->email, c->phone, c->address, c->state };
	for (size_t i = 0; i < sizeof text / sizeof text[0]; i++)
		free((void *)text[i]);
	memset(c, 0, sizeof *c);
}

static void db_io_customer_bind(sqlite3_stmt *st, const struct db_io_customer *c)
{
	const char *text[] = { c->code, c->name, c->kind };
	for (int i = 0; i < 3; i++)
		sqlite3_bind_text(st, i + 1, text[i] ? text[i] : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, c->price_list_id);
	const char *more[] = { c->tax_id, c->terms, c->email, c->phone, c->address, c->state };
	for (int i = 0; i < 6; i++)
		sqlite3_bind_text(st, i + 5, more[i] ? more[i] : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 11, c->credit_limit);
}

int db_io_customer_insert(struct db *db, struct db_io_customer *c, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, SQL_IO_CUSTOMER_INSERT, err);
	if (!st)
		return DB_ERROR;
	db_io_customer_bind(st, c);
	int rc = db_step_done(db, st, err);
	if (rc == DB_OK)
		c->id = sqlite3_last_insert_rowid(db->conn);
	return rc;
}

int db_io_customer_update(struct db *db, const struct db_io_customer *c, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, SQL_IO_CUSTOMER_UPDATE, err);
	if (!st)
		return DB_ERROR;
	db_io_customer_bind(st, c);
	sqlite3_bind_int64(st, 12, c->id);
	return db_step_done(db, st, err);
}

int db_io_customer_remove(struct db *db, int64_t id, char **err)
{
	return db_io_by_id(db, SQL_IO_CUSTOMER_REMOVE, id, err);
}

int db_io_price_get(struct db *db, struct db_io_price *p)
{
	sqlite3_stmt *st = db_stmt_sql(db, SQL_IO_PRICE_GET, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, p->list_id);
	sqlite3_bind_int64(st, 2, p->product_id);
	sqlite3_bind_int64(st, 3, p->min_qty);
	sqlite3_bind_int(st, 4, p->valid_from);
	int rc = db_io_row(st);
	if (rc == DB_OK) {
		p->id = sqlite3_column_int64(st, 0);
		p->price = sqlite3_column_int64(st, 1);
		p->valid_to = sqlite3_column_int(st, 2);
		sqlite3_reset(st);
	}
	return rc;
}

int db_io_price_insert(struct db *db, struct db_io_price *p, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, SQL_IO_PRICE_INSERT, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, p->list_id);
	sqlite3_bind_int64(st, 2, p->product_id);
	sqlite3_bind_int64(st, 3, p->min_qty);
	sqlite3_bind_int64(st, 4, p->price);
	sqlite3_bind_int(st, 5, p->valid_from);
	sqlite3_bind_int(st, 6, p->valid_to);
	int rc = db_step_done(db, st, err);
	if (rc == DB_OK)
		p->id = sqlite3_last_insert_rowid(db->conn);
	return rc;
}

int db_io_price_update(struct db *db, const struct db_io_price *p, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, SQL_IO_PRICE_UPDATE, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, p->id);
	sqlite3_bind_int64(st, 2, p->price);
	sqlite3_bind_int(st, 3, p->valid_to);
	return db_step_done(db, st, err);
}

int db_io_price_remove(struct db *db, int64_t id, char **err)
{
	return db_io_by_id(db, SQL_IO_PRICE_REMOVE, id, err);
}

/* Ends a walk: DB_OK at the end, the callback's stop value, or DB_ERROR. */
static int db_io_walk_end(struct db *db, sqlite3_stmt *st, int rc, int stop, char **err)
{
	sqlite3_reset(st);
	if (stop)
		return stop;
	if (rc != SQLITE_DONE) {
		error_set(err, _("database error: %s"), db_errmsg(db));
		return DB_ERROR;
	}
	return DB_OK;
}

int db_io_products_each(struct db *db, int (*cb)(const struct db_io_product_row *r, void *ctx),
                        void *ctx, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, SQL_IO_PRODUCTS_EACH, err);
	if (!st)
		return DB_ERROR;
	int rc = SQLITE_DONE, stop = 0;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_io_product_row r;
		db_io_product_cols(st, &r.p);
		r.barcodes = db_io_text(st, 12);
		r.pack_of = sqlite3_column_int64(st, 13);
		r.pack_barcodes = db_io_text(st, 14);
		stop = cb(&r, ctx);
	}
	return db_io_walk_end(db, st, rc, stop, err);
}

int db_io_customers_each(struct db *db, int (*cb)(const struct db_io_customer *c, void *ctx),
                         void *ctx, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, SQL_IO_CUSTOMERS_EACH, err);
	if (!st)
		return DB_ERROR;
	int rc = SQLITE_DONE, stop = 0;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_io_customer c;
		db_io_customer_cols(st, &c);
		stop = cb(&c, ctx);
	}
	return db_io_walk_end(db, st, rc, stop, err);
}

int db_io_prices_each(struct db *db, int (*cb)(const struct db_io_price *p, void *ctx),
                      void *ctx, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, SQL_IO_PRICES_EACH, err);
	if (!st)
		return DB_ERROR;
	int rc = SQLITE_DONE, stop = 0;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_io_price p = {
			.id = sqlite3_column_int64(st, 0),
			.list_id = sqlite3_column_int64(st, 1),
			.product_id = sqlite3_column_int64(st, 2),
			.min_qty = sqlite3_column_int64(st, 3),
			.price = sqlite3_column_int64(st, 4),
			.valid_from = sqlite3_column_int(st, 5),
			.valid_to = sqlite3_column_int(st, 6),
			.list = db_io_text(st, 7),
			.sku = db_io_text(st, 8),
		};
		stop = cb(&p, ctx);
	}
	return db_io_walk_end(db, st, rc, stop, err);
}

int db_io_sales_each(struct db *db, int (*cb)(const struct db_io_sale_line *l, void *ctx),
                     void *ctx, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, SQL_IO_SALES_EACH, err);
	if (!st)
		return DB_ERROR;
	int rc = SQLITE_DONE, stop = 0;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_io_sale_line l = {
			.number = sqlite3_column_int64(st, 0),
			.created_at = sqlite3_column_int64(st, 1),
			.sku = db_io_text(st, 2),
			.name = db_io_text(st, 3),
			.qty = sqlite3_column_int64(st, 4),
			.weighed = sqlite3_column_int(st, 5),
			.unit_price = sqlite3_column_int64(st, 6),
			.amount = sqlite3_column_int64(st, 7),
			.discount = sqlite3_column_int64(st, 8),
			.net = sqlite3_column_int64(st, 9),
			.tax_rate = sqlite3_column_int(st, 10),
			.tax = sqlite3_column_int64(st, 11),
			.gross = sqlite3_column_int64(st, 12),
		};
		stop = cb(&l, ctx);
	}
	return db_io_walk_end(db, st, rc, stop, err);
}
