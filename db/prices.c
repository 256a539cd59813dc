/* The price engine's statements of prices.h, kept in this file's own table
 * and prepared once per connection through db_stmt_sql(). */
#include <stdlib.h>
#include <string.h>
#include "prices.h"
#include "db-internal.h"
#include "../src/util/i18n.h"
#include "../src/util/xalloc.h"

static const char SQL_LISTS[] =
	"SELECT id, code, coalesce(parent_id, 0), adjust_pct, inclusive, min_qty, multiple "
	"FROM price_lists ORDER BY id";
static const char SQL_LIST_ID[] = "SELECT id FROM price_lists WHERE code = ?1";
static const char SQL_LIST_ADD[] =
	"INSERT INTO price_lists(code, name, parent_id, adjust_pct, inclusive, min_qty, multiple) "
	"VALUES (?1, ?2, nullif(?3, 0), ?4, ?5, ?6, ?7)";
static const char SQL_PRICE_ADD[] =
	"INSERT INTO prices(list_id, product_id, min_qty, price, valid_from, valid_to) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
static const char SQL_PROMO_ADD[] =
	"INSERT INTO promotions(code, product_id, list_id, price, inclusive, valid_from, valid_to) "
	"VALUES (?1, ?2, nullif(?3, 0), ?4, ?5, ?6, ?7)";
static const char SQL_CONTRACT_ADD[] =
	"INSERT INTO contract_prices(customer_id, product_id, min_qty, price, inclusive, "
	"valid_from, valid_to) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
static const char SQL_BREAKS[] =
	"SELECT list_id, min_qty, price, valid_from, valid_to FROM prices WHERE product_id = ?1 "
	"ORDER BY valid_from DESC, id";
static const char SQL_PRICE_ROWS[] =
	"SELECT 0, list_id, min_qty, price, valid_from, valid_to, 0, '', 0 FROM prices "
	"WHERE product_id = ?1 "
	"UNION ALL SELECT 1, coalesce(list_id, 0), 0, price, valid_from, valid_to, inclusive, code, id "
	"FROM promotions WHERE product_id = ?1 "
	"UNION ALL SELECT 2, 0, min_qty, price, valid_from, valid_to, inclusive, '', id "
	"FROM contract_prices WHERE customer_id = ?2 AND product_id = ?1";
static const char SQL_CUSTOMER_FULL[] =
	"SELECT id, code, name, kind, coalesce(price_list_id, 0), state, tax_exempt, monthly_limit "
	"FROM customers WHERE code = ?1";
static const char SQL_CUSTOMER_SPENT[] =
	"SELECT coalesce(sum(total), 0) FROM tickets WHERE customer_id = ?1 AND created_at >= ?2";
static const char SQL_CUSTOMER_SET_LIST[] =
	"UPDATE customers SET price_list_id = nullif(?2, 0), monthly_limit = ?3 WHERE code = ?1";

int db_price_lists(struct db *db, struct price_list **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_stmt_sql(db, SQL_LISTS, NULL);
	if (!st)
		return DB_ERROR;
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			*out = xrealloc(*out, cap * sizeof **out);
		}
		struct price_list *l = &(*out)[(*n)++];
		memset(l, 0, sizeof *l);
		l->id = sqlite3_column_int64(st, 0);
		db_column_text(st, 1, l->code, sizeof l->code);
		l->parent_id = sqlite3_column_int64(st, 2);
		l->adjust_pct = sqlite3_column_int(st, 3);
		l->inclusive = sqlite3_column_int(st, 4);
		l->min_qty = sqlite3_column_int64(st, 5);
		l->multiple = sqlite3_column_int64(st, 6);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? DB_OK : DB_ERROR;
}

int db_price_list_id(struct db *db, const char *code, int64_t *id)
{
	sqlite3_stmt *st = db_stmt_sql(db, SQL_LIST_ID, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_NOTFOUND : DB_ERROR;
}

int db_price_list_add(struct db *db, const struct price_list *l, const char *name,
                      int64_t *id, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, SQL_LIST_ADD, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, l->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, l->parent_id);
	sqlite3_bind_int(st, 4, l->adjust_pct);
	sqlite3_bind_int(st, 5, l->inclusive);
	sqlite3_bind_int64(st, 6, l->min_qty);
	sqlite3_bind_int64(st, 7, l->multiple);
	int rc = db_step_done(db, st, err);
	if (rc == DB_OK && id)
		*id = sqlite3_last_insert_rowid(db->conn);
	return rc;
}

int db_price_add(struct db *db, int64_t product_id, const struct price_break *b, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, SQL_PRICE_ADD, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, b->list_id);
	sqlite3_bind_int64(st, 2, product_id);
	sqlite3_bind_int64(st, 3, b->min_qty);
	sqlite3_bind_int64(st, 4, b->price);
	sqlite3_bind_int(st, 5, b->valid_from);
	sqlite3_bind_int(st, 6, b->valid_to);
	return db_step_done(db, st, err);
}

int db_promo_add(struct db *db, int64_t product_id, const struct price_promo *p, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, SQL_PROMO_ADD, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, p->code, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, product_id);
	sqlite3_bind_int64(st, 3, p->list_id);
	sqlite3_bind_int64(st, 4, p->price);
	sqlite3_bind_int(st, 5, p->inclusive);
	sqlite3_bind_int(st, 6, p->valid_from);
	sqlite3_bind_int(st, 7, p->valid_to);
	return db_step_done(db, st, err);
}

int db_contract_add(struct db *db, int64_t customer_id, int64_t product_id,
                    const struct price_contract *c, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, SQL_CONTRACT_ADD, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, customer_id);
	sqlite3_bind_int64(st, 2, product_id);
	sqlite3_bind_int64(st, 3, c->min_qty);
	sqlite3_bind_int64(st, 4, c->price);
	sqlite3_bind_int(st, 5, c->inclusive);
	sqlite3_bind_int(st, 6, c->valid_from);
	sqlite3_bind_int(st, 7, c->valid_to);
	return db_step_done(db, st, err);
}

int db_product_breaks(struct db *db, int64_t product_id, struct price_break *out, size_t max,
                      size_t *n)
{
	*n = 0;
	sqlite3_stmt *st = db_stmt_sql(db, SQL_BREAKS, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, product_id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == max)
			continue;
		struct price_break *b = &out[(*n)++];
		b->list_id = sqlite3_column_int64(st, 0);
		b->min_qty = sqlite3_column_int64(st, 1);
		b->price = sqlite3_column_int64(st, 2);
		b->valid_from = sqlite3_column_int(st, 3);
		b->valid_to = sqlite3_column_int(st, 4);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? DB_OK : DB_ERROR;
}

int db_product_price_rows(struct db *db, int64_t product_id, int64_t customer_id, size_t max,
                          struct price_break *breaks, size_t *nb,
                          struct price_promo *promos, size_t *np,
                          struct price_contract *contracts, size_t *nc)
{
	*nb = *np = *nc = 0;
	sqlite3_stmt *st = db_stmt_sql(db, SQL_PRICE_ROWS, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, product_id);
	sqlite3_bind_int64(st, 2, customer_id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int kind = sqlite3_column_int(st, 0);
		int64_t list = sqlite3_column_int64(st, 1), min_qty = sqlite3_column_int64(st, 2);
		int64_t price = sqlite3_column_int64(st, 3);
		int32_t from = sqlite3_column_int(st, 4), to = sqlite3_column_int(st, 5);
		int inclusive = sqlite3_column_int(st, 6);
		if (kind == 0 && *nb < max) {
			struct price_break *b = &breaks[(*nb)++];
			b->list_id = list;
			b->min_qty = min_qty;
			b->price = price;
			b->valid_from = from;
			b->valid_to = to;
		} else if (kind == 1 && *np < max) {
			struct price_promo *p = &promos[(*np)++];
			p->list_id = list;
			p->price = price;
			p->inclusive = inclusive;
			p->valid_from = from;
			p->valid_to = to;
			db_column_text(st, 7, p->code, sizeof p->code);
		} else if (kind == 2 && *nc < max) {
			struct price_contract *c = &contracts[(*nc)++];
			c->min_qty = min_qty;
			c->price = price;
			c->inclusive = inclusive;
			c->valid_from = from;
			c->valid_to = to;
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? DB_OK : DB_ERROR;
}

int db_customer_full(struct db *db, const char *code, struct db_customer *out)
{
	sqlite3_stmt *st = db_stmt_sql(db, SQL_CUSTOMER_FULL, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		memset(out, 0, sizeof *out);
		out->id = sqlite3_column_int64(st, 0);
		db_column_text(st, 1, out->code, sizeof out->code);
		db_column_text(st, 2, out->name, sizeof out->name);
		db_column_text(st, 3, out->kind, sizeof out->kind);
		out->price_list_id = sqlite3_column_int64(st, 4);
		db_column_text(st, 5, out->state, sizeof out->state);
		db_column_text(st, 6, out->tax_exempt, sizeof out->tax_exempt);
		out->monthly_limit = sqlite3_column_int64(st, 7);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_NOTFOUND : DB_ERROR;
}

int db_customer_spent_since(struct db *db, int64_t customer_id, int64_t since, int64_t *total)
{
	sqlite3_stmt *st = db_stmt_sql(db, SQL_CUSTOMER_SPENT, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, customer_id);
	sqlite3_bind_int64(st, 2, since);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*total = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : DB_ERROR;
}

int db_customer_set_list(struct db *db, const char *code, int64_t list_id, int64_t monthly_limit,
                         char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, SQL_CUSTOMER_SET_LIST, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, list_id);
	sqlite3_bind_int64(st, 3, monthly_limit);
	return db_step_done(db, st, err);
}

static int db_customer_set_text(struct db *db, const char *sql, const char *code,
                                const char *value, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	return db_step_done(db, st, err);
}

int db_customer_set_state(struct db *db, const char *code, const char *state, char **err)
{
	static const char sql[] = "UPDATE customers SET state = ?2 WHERE code = ?1";
	return db_customer_set_text(db, sql, code, state, err);
}

int db_customer_set_exempt(struct db *db, const char *code, const char *number, char **err)
{
	static const char sql[] = "UPDATE customers SET tax_exempt = ?2 WHERE code = ?1";
	return db_customer_set_text(db, sql, code, number, err);
}

int db_data_version(struct db *db, int64_t *v)
{
	static const char sql[] = "PRAGMA data_version";
	sqlite3_stmt *st = db_stmt_sql(db, sql, NULL);
	if (!st)
		return DB_ERROR;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*v = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : DB_ERROR;
}
