/* The statements of documents.h. Numbers come from counters rows updated
 * inside the caller's transaction ("invoice:2026"), so a rolled-back
 * document gives its number back and numbers stay gapless. */
#include <stdio.h>
#include <string.h>
#include "documents.h"
#include "db-internal.h"
#include "documents-internal.h"
#include "../src/util/i18n.h"
#include "../src/util/xalloc.h"

#define DB_DOC_COLS \
	"id, kind, year, number, customer_id, coalesce(ship_to_id, 0), coalesce(source_id, 0), " \
	"day, valid_until, due, terms, status, user_name, approver, prices_include_tax, net, " \
	"tax, total, created_at"
#define DB_LINE_COLS \
	"line_no, source_line, product_id, sku, name, qty, unit_price, discount_pct, amount, " \
	"discount, tax_rate, net, tax, gross, cgst, sgst, igst, price_source"

/* A sale ticket's amount on account: its own account payments plus the
 * (negative) account refunds of its returns. */
#define DB_TICKET_ACCOUNT \
	"(coalesce((SELECT sum(p.amount) FROM payments p WHERE p.ticket_id = t.id " \
	"  AND p.method = 'account'), 0) + coalesce((SELECT sum(p.amount) FROM payments p " \
	"  JOIN tickets r ON r.id = p.ticket_id WHERE r.original_id = t.id " \
	"  AND p.method = 'account'), 0))"

static const char sql_counter_add[] =
	"INSERT OR IGNORE INTO counters(name, value) VALUES (?1, 0)";
static const char sql_counter_next[] =
	"UPDATE counters SET value = value + 1 WHERE name = ?1 RETURNING value";
static const char sql_insert[] =
	"INSERT INTO documents(kind, year, number, customer_id, ship_to_id, source_id, day, "
	"valid_until, due, terms, status, user_name, approver, prices_include_tax, net, tax, "
	"total, created_at) VALUES (?1, ?2, ?3, ?4, nullif(?5, 0), nullif(?6, 0), ?7, ?8, ?9, "
	"?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)";
static const char sql_line_insert[] =
	"INSERT INTO doc_lines(doc_id, " DB_LINE_COLS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
	"?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)";
static const char sql_status[] = "UPDATE documents SET status = ?2 WHERE id = ?1";
static const char sql_link[] = "INSERT OR IGNORE INTO doc_links(from_id, to_id) VALUES (?1, ?2)";
static const char sql_find[] =
	"SELECT " DB_DOC_COLS " FROM documents WHERE kind = ?1 AND year = ?2 AND number = ?3";
static const char sql_get[] = "SELECT " DB_DOC_COLS " FROM documents WHERE id = ?1";
static const char sql_latest_year[] =
	"SELECT max(year) FROM documents WHERE kind = ?1 AND number = ?2";
static const char sql_lines[] =
	"SELECT " DB_LINE_COLS ", coalesce((SELECT p.weighed FROM products p "
	"  WHERE p.id = doc_lines.product_id), 0) FROM doc_lines WHERE doc_id = ?1 ORDER BY line_no";
static const char sql_before[] =
	"SELECT " DB_DOC_COLS " FROM documents WHERE id IN "
	"(SELECT from_id FROM doc_links WHERE to_id = ?1) ORDER BY id";
static const char sql_after[] =
	"SELECT " DB_DOC_COLS " FROM documents WHERE id IN "
	"(SELECT to_id FROM doc_links WHERE from_id = ?1) ORDER BY id";
static const char sql_children[] =
	"SELECT " DB_DOC_COLS " FROM documents WHERE source_id = ?1 AND kind = ?2 ORDER BY id";
static const char sql_line_done[] =
	"SELECT coalesce(sum(CASE WHEN d.kind = 'delivery' THEN l.qty END), 0), "
	"  coalesce(sum(CASE WHEN d.kind = 'invoice' THEN l.qty END), 0) "
	"FROM doc_lines l JOIN documents d ON d.id = l.doc_id "
	"WHERE d.source_id = ?1 AND l.source_line = ?2 AND d.kind IN ('delivery', 'invoice')";
static const char sql_credited[] =
	"SELECT coalesce(sum(l.qty), 0) FROM doc_lines l JOIN documents d ON d.id = l.doc_id "
	"WHERE d.kind = 'credit' AND d.source_id = ?1 AND l.source_line = ?2";
static const char sql_reserved_add[] =
	"INSERT INTO stock_reserved(product_id, qty) VALUES (?1, ?2) "
	"ON CONFLICT(product_id) DO UPDATE SET qty = qty + excluded.qty";
static const char sql_reserved_get[] = "SELECT qty FROM stock_reserved WHERE product_id = ?1";
#define DB_CUST_COLS "id, code, name, state, terms, credit_limit, on_hold, notes"
static const char sql_cust[] = "SELECT " DB_CUST_COLS " FROM customers WHERE code = ?1";
static const char sql_cust_id[] = "SELECT " DB_CUST_COLS " FROM customers WHERE id = ?1";
static const char sql_cust_set[] =
	"UPDATE customers SET terms = coalesce(?2, terms), "
	"credit_limit = CASE WHEN ?3 < 0 THEN credit_limit ELSE ?3 END, "
	"on_hold = CASE WHEN ?4 < 0 THEN on_hold ELSE ?4 END, notes = coalesce(?5, notes) "
	"WHERE id = ?1";
static const char sql_ship_add[] =
	"INSERT INTO ship_to(customer_id, seq, name, address, state) VALUES (?1, "
	"(SELECT coalesce(max(seq), 0) + 1 FROM ship_to WHERE customer_id = ?1), ?2, ?3, ?4) "
	"RETURNING seq";
static const char sql_ship_get[] =
	"SELECT id, name FROM ship_to WHERE customer_id = ?1 AND seq = ?2";
/* Open items oldest first: invoices (total less allocations) and counter
 * tickets paid on account (the account part, less what returns gave back
 * to the account, less ticket_allocations); a ticket's day is its local
 * date, as the till's day is. Posted invoices only (not drafts). */
static const char sql_open[] =
	"SELECT id, year, number, day, due, total, open, ticket FROM ("
	" SELECT d.id, d.year, d.number, d.day, d.due, d.total, d.total - "
	"  coalesce((SELECT sum(amount) FROM allocations a WHERE a.invoice_id = d.id), 0) AS open, "
	"  0 AS ticket FROM documents d WHERE d.kind = 'invoice' AND d.customer_id = ?1 "
	"  AND d.status <> 'draft' "
	" UNION ALL "
	" SELECT t.id, 0, t.number, "
	"  CAST(strftime('%Y%m%d', t.created_at, 'unixepoch', 'localtime') AS INTEGER), 0, "
	"  " DB_TICKET_ACCOUNT ", " DB_TICKET_ACCOUNT " - "
	"  coalesce((SELECT sum(amount) FROM ticket_allocations x WHERE x.ticket_id = t.id), 0), 1 "
	"  FROM tickets t WHERE t.customer_id = ?1 AND t.kind = 'sale' "
	"  AND EXISTS (SELECT 1 FROM payments p WHERE p.ticket_id = t.id AND p.method = 'account')) "
	"WHERE open > 0 ORDER BY day, ticket, id";
/* owed = invoices - credit notes + on-account tickets - payments;
 * unallocated = credit notes + payments - their allocations. */
static const char sql_owed[] =
	"SELECT coalesce((SELECT sum(CASE kind WHEN 'invoice' THEN total ELSE -total END) "
	"  FROM documents WHERE customer_id = ?1 AND kind IN ('invoice', 'credit') "
	"  AND status <> 'draft'), 0) "
	"+ coalesce((SELECT sum(" DB_TICKET_ACCOUNT ") FROM tickets t "
	"  WHERE t.customer_id = ?1 AND t.kind = 'sale'), 0) "
	"- coalesce((SELECT sum(amount) FROM customer_payments WHERE customer_id = ?1), 0), "
	"coalesce((SELECT sum(total) FROM documents WHERE customer_id = ?1 AND kind = 'credit' "
	"  AND status <> 'draft'), 0)"
	"+ coalesce((SELECT sum(amount) FROM customer_payments WHERE customer_id = ?1), 0)"
	"- coalesce((SELECT sum(a.amount) FROM allocations a JOIN documents d "
	"  ON d.id = a.invoice_id WHERE d.customer_id = ?1), 0)"
	"- coalesce((SELECT sum(x.amount) FROM ticket_allocations x JOIN tickets t "
	"  ON t.id = x.ticket_id WHERE t.customer_id = ?1), 0)";
/* Payments and credit notes with something not allocated, oldest first. */
static const char sql_sources[] =
	"SELECT pid, cid, day, amount - used FROM ("
	" SELECT p.id AS pid, 0 AS cid, p.day, p.amount, "
	"  coalesce((SELECT sum(amount) FROM allocations a WHERE a.payment_id = p.id), 0) + "
	"  coalesce((SELECT sum(amount) FROM ticket_allocations x WHERE x.payment_id = p.id), 0) "
	"  AS used FROM customer_payments p WHERE p.customer_id = ?1 "
	" UNION ALL "
	" SELECT 0, d.id, d.day, d.total, "
	"  coalesce((SELECT sum(amount) FROM allocations a WHERE a.credit_id = d.id), 0) + "
	"  coalesce((SELECT sum(amount) FROM ticket_allocations x WHERE x.credit_id = d.id), 0) "
	"  FROM documents d WHERE d.kind = 'credit' AND d.customer_id = ?1 AND d.status <> 'draft') "
	"WHERE amount > used ORDER BY day, cid, pid";
static const char sql_ticket_alloc[] =
	"INSERT INTO ticket_allocations(ticket_id, payment_id, credit_id, amount) "
	"VALUES (?1, nullif(?2, 0), nullif(?3, 0), ?4)";
static const char sql_on_hand[] =
	"SELECT coalesce(sum(qty), 0) FROM stock WHERE product_id = ?1 "
	"AND (?2 = 0 OR location_id = ?2)";
static const char sql_kind_each[] =
	"SELECT " DB_DOC_COLS " FROM documents WHERE kind = ?1 ORDER BY id";
#define DB_PAY_COLS "id, number, customer_id, day, method, amount, reference, user_name, created_at"
static const char sql_pay_each[] = "SELECT " DB_PAY_COLS " FROM customer_payments ORDER BY id";
static const char sql_pay_find[] =
	"SELECT " DB_PAY_COLS " FROM customer_payments WHERE number = ?1";
/* What open orders hold not yet invoiced, each line in proportion to its
 * quantity still to invoice. */
static const char sql_on_order[] =
	"SELECT coalesce(sum(l.gross * (l.qty - coalesce((SELECT sum(il.qty) FROM doc_lines il "
	"  JOIN documents i ON i.id = il.doc_id WHERE i.kind = 'invoice' AND i.source_id = d.id "
	"  AND il.source_line = l.line_no), 0)) / l.qty), 0) "
	"FROM documents d JOIN doc_lines l ON l.doc_id = d.id "
	"WHERE d.kind = 'order' AND d.customer_id = ?1 AND d.status <> 'invoiced'";
static const char sql_pay_insert[] =
	"INSERT INTO customer_payments(number, customer_id, day, method, amount, reference, "
	"user_name, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
static const char sql_alloc[] =
	"INSERT INTO allocations(invoice_id, payment_id, credit_id, amount) "
	"VALUES (?1, nullif(?2, 0), nullif(?3, 0), ?4)";
static const char sql_inv_open[] =
	"SELECT d.total - coalesce((SELECT sum(amount) FROM allocations WHERE invoice_id = d.id), 0) "
	"FROM documents d WHERE d.id = ?1";

static void db_doc_row(sqlite3_stmt *st, struct db_doc *d)
{
	memset(d, 0, sizeof *d);
	d->id = sqlite3_column_int64(st, 0);
	db_column_text(st, 1, d->kind, sizeof d->kind);
	d->year = sqlite3_column_int(st, 2);
	d->number = sqlite3_column_int64(st, 3);
	d->customer_id = sqlite3_column_int64(st, 4);
	d->ship_to_id = sqlite3_column_int64(st, 5);
	d->source_id = sqlite3_column_int64(st, 6);
	d->day = sqlite3_column_int(st, 7);
	d->valid_until = sqlite3_column_int(st, 8);
	d->due = sqlite3_column_int(st, 9);
	db_column_text(st, 10, d->terms, sizeof d->terms);
	db_column_text(st, 11, d->status, sizeof d->status);
	db_column_text(st, 12, d->user, sizeof d->user);
	db_column_text(st, 13, d->approver, sizeof d->approver);
	d->prices_include_tax = sqlite3_column_int(st, 14);
	d->net = sqlite3_column_int64(st, 15);
	d->tax = sqlite3_column_int64(st, 16);
	d->total = sqlite3_column_int64(st, 17);
	d->created_at = sqlite3_column_int64(st, 18);
}

static void db_line_row(sqlite3_stmt *st, struct db_doc_line *l)
{
	memset(l, 0, sizeof *l);
	l->line_no = sqlite3_column_int(st, 0);
	l->source_line = sqlite3_column_int(st, 1);
	l->product_id = sqlite3_column_int64(st, 2);
	db_column_text(st, 3, l->sku, sizeof l->sku);
	db_column_text(st, 4, l->name, sizeof l->name);
	l->qty = sqlite3_column_int64(st, 5);
	l->unit_price = sqlite3_column_int64(st, 6);
	l->discount_pct = sqlite3_column_int(st, 7);
	l->amount = sqlite3_column_int64(st, 8);
	l->discount = sqlite3_column_int64(st, 9);
	l->tax_rate = sqlite3_column_int(st, 10);
	l->net = sqlite3_column_int64(st, 11);
	l->tax = sqlite3_column_int64(st, 12);
	l->gross = sqlite3_column_int64(st, 13);
	l->cgst = sqlite3_column_int64(st, 14);
	l->sgst = sqlite3_column_int64(st, 15);
	l->igst = sqlite3_column_int64(st, 16);
	db_column_text(st, 17, l->price_source, sizeof l->price_source);
	/* Quantities of weighed goods are grams: the cart must know. */
	if (sqlite3_column_count(st) > 18)
		l->weighed = sqlite3_column_int(st, 18);
}

int db_doc_next_number(struct db *db, const char *kind, int32_t year, int64_t *number,
                       char **err)
{
	char name[48];
	if (year)
		snprintf(name, sizeof name, "%s:%d", kind, (int)year);
	else
		snprintf(name, sizeof name, "%s", kind);
	sqlite3_stmt *st = db_stmt_sql(db, sql_counter_add, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	if (db_step_done(db, st, err) != DB_OK)
		return DB_ERROR;
	if (!(st = db_stmt_sql(db, sql_counter_next, err)))
		return DB_ERROR;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*number = sqlite3_column_int64(st, 0);
	while (rc == SQLITE_ROW)
		rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		error_set(err, _("database error: %s"), db_errmsg(db));
		return DB_ERROR;
	}
	return DB_OK;
}

int db_doc_insert(struct db *db, struct db_doc *d, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_insert, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, d->kind, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, d->year);
	sqlite3_bind_int64(st, 3, d->number);
	sqlite3_bind_int64(st, 4, d->customer_id);
	sqlite3_bind_int64(st, 5, d->ship_to_id);
	sqlite3_bind_int64(st, 6, d->source_id);
	sqlite3_bind_int(st, 7, d->day);
	sqlite3_bind_int(st, 8, d->valid_until);
	sqlite3_bind_int(st, 9, d->due);
	sqlite3_bind_text(st, 10, d->terms, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, d->status, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 12, d->user, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 13, d->approver, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 14, d->prices_include_tax);
	sqlite3_bind_int64(st, 15, d->net);
	sqlite3_bind_int64(st, 16, d->tax);
	sqlite3_bind_int64(st, 17, d->total);
	sqlite3_bind_int64(st, 18, d->created_at);
	if (db_step_done(db, st, err) != DB_OK)
		return DB_ERROR;
	d->id = sqlite3_last_insert_rowid(db->conn);
	return DB_OK;
}

int db_doc_line_insert(struct db *db, int64_t doc_id, const struct db_doc_line *l, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_line_insert, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, doc_id);
	sqlite3_bind_int(st, 2, l->line_no);
	sqlite3_bind_int(st, 3, l->source_line);
	sqlite3_bind_int64(st, 4, l->product_id);
	sqlite3_bind_text(st, 5, l->sku, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, l->name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, l->qty);
	sqlite3_bind_int64(st, 8, l->unit_price);
	sqlite3_bind_int(st, 9, l->discount_pct);
	sqlite3_bind_int64(st, 10, l->amount);
	sqlite3_bind_int64(st, 11, l->discount);
	sqlite3_bind_int(st, 12, l->tax_rate);
	sqlite3_bind_int64(st, 13, l->net);
	sqlite3_bind_int64(st, 14, l->tax);
	sqlite3_bind_int64(st, 15, l->gross);
	sqlite3_bind_int64(st, 16, l->cgst);
	sqlite3_bind_int64(st, 17, l->sgst);
	sqlite3_bind_int64(st, 18, l->igst);
	sqlite3_bind_text(st, 19, l->price_source, -1, SQLITE_STATIC);
	return db_step_done(db, st, err);
}

static int db_exec_id_text(struct db *db, const char *sql, int64_t id, const char *text,
                           int64_t id2, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	if (text)
		sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int64(st, 2, id2);
	return db_step_done(db, st, err);
}

int db_doc_set_status(struct db *db, int64_t id, const char *status, char **err)
{
	return db_exec_id_text(db, sql_status, id, status, 0, err);
}

int db_doc_link(struct db *db, int64_t from_id, int64_t to_id, char **err)
{
	return db_exec_id_text(db, sql_link, from_id, NULL, to_id, err);
}

static int db_doc_one(sqlite3_stmt *st, struct db_doc *out)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_doc_row(st, out);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_NOTFOUND : DB_ERROR;
}

int db_doc_find(struct db *db, const char *kind, int32_t year, int64_t number,
                struct db_doc *out)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_find, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, year);
	sqlite3_bind_int64(st, 3, number);
	return db_doc_one(st, out);
}

int db_doc_get(struct db *db, int64_t id, struct db_doc *out)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_get, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	return db_doc_one(st, out);
}

int db_doc_latest_year(struct db *db, const char *kind, int64_t number, int32_t *year)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_latest_year, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, number);
	int rc = sqlite3_step(st);
	int found = rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL;
	if (found)
		*year = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return DB_ERROR;
	return found ? DB_OK : DB_NOTFOUND;
}

int db_doc_lines(struct db *db, int64_t doc_id,
                 int (*fn)(const struct db_doc_line *, void *), void *ctx)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_lines, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, doc_id);
	int rc, stop = 0;
	struct db_doc_line l;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		db_line_row(st, &l);
		stop = fn(&l, ctx);
	}
	sqlite3_reset(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? DB_OK : DB_ERROR;
}

static int db_doc_each(sqlite3_stmt *st, int (*fn)(const struct db_doc *, void *), void *ctx)
{
	int rc, stop = 0;
	struct db_doc d;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		db_doc_row(st, &d);
		stop = fn(&d, ctx);
	}
	sqlite3_reset(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? DB_OK : DB_ERROR;
}

int db_doc_linked(struct db *db, int64_t id, int dir,
                  int (*fn)(const struct db_doc *, void *), void *ctx)
{
	sqlite3_stmt *st = db_stmt_sql(db, dir ? sql_after : sql_before, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	return db_doc_each(st, fn, ctx);
}

int db_doc_children(struct db *db, int64_t source_id, const char *kind,
                    int (*fn)(const struct db_doc *, void *), void *ctx)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_children, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, source_id);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_TRANSIENT);
	return db_doc_each(st, fn, ctx);
}

int db_two(struct db *db, const char *sql, int64_t a, int64_t b, int64_t *x, int64_t *y)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, a);
	sqlite3_bind_int64(st, 2, b);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (x)
			*x = sqlite3_column_int64(st, 0);
		if (y)
			*y = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_NOTFOUND : DB_ERROR;
}

int db_order_line_done(struct db *db, int64_t order_id, int line_no, int64_t *delivered,
                       int64_t *invoiced)
{
	return db_two(db, sql_line_done, order_id, line_no, delivered, invoiced);
}

int db_invoice_line_credited(struct db *db, int64_t invoice_id, int line_no, int64_t *qty)
{
	return db_two(db, sql_credited, invoice_id, line_no, qty, NULL);
}

int db_reserved_add(struct db *db, int64_t product_id, int64_t delta, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_reserved_add, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, product_id);
	sqlite3_bind_int64(st, 2, delta);
	return db_step_done(db, st, err);
}

int db_reserved_get(struct db *db, int64_t product_id, int64_t *qty)
{
	*qty = 0;
	int rc = db_two(db, sql_reserved_get, product_id, 0, qty, NULL);
	return rc == DB_NOTFOUND ? DB_OK : rc;
}

static int db_cust_one(struct db *db, const char *sql, const char *code, int64_t id,
                       struct db_desk_customer *c)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql, NULL);
	if (!st)
		return DB_ERROR;
	if (code)
		sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		memset(c, 0, sizeof *c);
		c->id = sqlite3_column_int64(st, 0);
		db_column_text(st, 1, c->code, sizeof c->code);
		db_column_text(st, 2, c->name, sizeof c->name);
		db_column_text(st, 3, c->state, sizeof c->state);
		db_column_text(st, 4, c->terms, sizeof c->terms);
		c->credit_limit = sqlite3_column_int64(st, 5);
		c->on_hold = sqlite3_column_int(st, 6);
		db_column_text(st, 7, c->notes, sizeof c->notes);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_NOTFOUND : DB_ERROR;
}

int db_desk_customer(struct db *db, const char *code, struct db_desk_customer *out)
{
	return db_cust_one(db, sql_cust, code, 0, out);
}

int db_desk_customer_by_id(struct db *db, int64_t id, struct db_desk_customer *out)
{
	return db_cust_one(db, sql_cust_id, NULL, id, out);
}

int db_desk_customer_set(struct db *db, int64_t id, const char *terms, int64_t limit,
                         int on_hold, const char *notes, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_cust_set, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	if (terms)
		sqlite3_bind_text(st, 2, terms, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, limit);
	sqlite3_bind_int(st, 4, on_hold);
	if (notes)
		sqlite3_bind_text(st, 5, notes, -1, SQLITE_TRANSIENT);
	return db_step_done(db, st, err);
}

int db_ship_to_add(struct db *db, int64_t customer_id, const char *name, const char *address,
                   const char *state, int *seq, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_ship_add, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, customer_id);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, address, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, state, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*seq = sqlite3_column_int(st, 0);
	while (rc == SQLITE_ROW)
		rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		error_set(err, _("database error: %s"), db_errmsg(db));
		return DB_ERROR;
	}
	return DB_OK;
}

int db_ship_to_get(struct db *db, int64_t customer_id, int seq, int64_t *id, char *name,
                   size_t size)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_ship_get, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, customer_id);
	sqlite3_bind_int(st, 2, seq);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		if (name)
			db_column_text(st, 1, name, size);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_NOTFOUND : DB_ERROR;
}

int db_open_invoices(struct db *db, int64_t customer_id,
                     int (*fn)(const struct db_open_invoice *, void *), void *ctx)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_open, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, customer_id);
	int rc, stop = 0;
	struct db_open_invoice o;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		o.id = sqlite3_column_int64(st, 0);
		o.year = sqlite3_column_int(st, 1);
		o.number = sqlite3_column_int64(st, 2);
		o.day = sqlite3_column_int(st, 3);
		o.due = sqlite3_column_int(st, 4);
		o.total = sqlite3_column_int64(st, 5);
		o.open = sqlite3_column_int64(st, 6);
		o.ticket = sqlite3_column_int(st, 7);
		stop = fn(&o, ctx);
	}
	sqlite3_reset(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? DB_OK : DB_ERROR;
}

int db_customer_owed(struct db *db, int64_t customer_id, int64_t *owed, int64_t *unallocated)
{
	return db_two(db, sql_owed, customer_id, 0, owed, unallocated);
}

int db_customer_on_order(struct db *db, int64_t customer_id, int64_t *amount)
{
	return db_two(db, sql_on_order, customer_id, 0, amount, NULL);
}

int db_cpayment_insert(struct db *db, struct db_cpayment *p, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_pay_insert, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, p->number);
	sqlite3_bind_int64(st, 2, p->customer_id);
	sqlite3_bind_int(st, 3, p->day);
	sqlite3_bind_text(st, 4, p->method, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, p->amount);
	sqlite3_bind_text(st, 6, p->reference, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, p->user, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 8, p->created_at);
	if (db_step_done(db, st, err) != DB_OK)
		return DB_ERROR;
	p->id = sqlite3_last_insert_rowid(db->conn);
	return DB_OK;
}

int db_allocation_insert(struct db *db, int64_t invoice_id, int64_t payment_id,
                         int64_t credit_id, int64_t amount, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_alloc, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, invoice_id);
	sqlite3_bind_int64(st, 2, payment_id);
	sqlite3_bind_int64(st, 3, credit_id);
	sqlite3_bind_int64(st, 4, amount);
	return db_step_done(db, st, err);
}

int db_invoice_open(struct db *db, int64_t invoice_id, int64_t *open)
{
	return db_two(db, sql_inv_open, invoice_id, 0, open, NULL);
}

int db_customer_sources(struct db *db, int64_t customer_id,
                        int (*fn)(const struct db_credit_source *, void *), void *ctx)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_sources, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, customer_id);
	int rc, stop = 0;
	struct db_credit_source c;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		c.payment_id = sqlite3_column_int64(st, 0);
		c.credit_id = sqlite3_column_int64(st, 1);
		c.day = sqlite3_column_int(st, 2);
		c.left = sqlite3_column_int64(st, 3);
		stop = fn(&c, ctx);
	}
	sqlite3_reset(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? DB_OK : DB_ERROR;
}

int db_ticket_allocation_insert(struct db *db, int64_t ticket_id, int64_t payment_id,
                                int64_t credit_id, int64_t amount, char **err)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_ticket_alloc, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, ticket_id);
	sqlite3_bind_int64(st, 2, payment_id);
	sqlite3_bind_int64(st, 3, credit_id);
	sqlite3_bind_int64(st, 4, amount);
	return db_step_done(db, st, err);
}

int db_stock_on_hand(struct db *db, int64_t product_id, int64_t location_id, int64_t *qty)
{
	*qty = 0;
	return db_two(db, sql_on_hand, product_id, location_id, qty, NULL);
}

int db_docs_of_kind(struct db *db, const char *kind,
                    int (*fn)(const struct db_doc *, void *), void *ctx)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_kind_each, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_TRANSIENT);
	return db_doc_each(st, fn, ctx);
}

static void db_cpayment_row(sqlite3_stmt *st, struct db_cpayment *p)
{
	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(st, 0);
	p->number = sqlite3_column_int64(st, 1);
	p->customer_id = sqlite3_column_int64(st, 2);
	p->day = sqlite3_column_int(st, 3);
	db_column_text(st, 4, p->method, sizeof p->method);
	p->amount = sqlite3_column_int64(st, 5);
	db_column_text(st, 6, p->reference, sizeof p->reference);
	db_column_text(st, 7, p->user, sizeof p->user);
	p->created_at = sqlite3_column_int64(st, 8);
}

int db_cpayment_find(struct db *db, int64_t number, struct db_cpayment *out)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_pay_find, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, number);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_cpayment_row(st, out);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_NOTFOUND : DB_ERROR;
}

int db_cpayments_each(struct db *db, int (*fn)(const struct db_cpayment *, void *), void *ctx)
{
	sqlite3_stmt *st = db_stmt_sql(db, sql_pay_each, NULL);
	if (!st)
		return DB_ERROR;
	int rc, stop = 0;
	struct db_cpayment p;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		db_cpayment_row(st, &p);
		stop = fn(&p, ctx);
	}
	sqlite3_reset(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? DB_OK : DB_ERROR;
}
