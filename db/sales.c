/* The sales statements of sales.h. The caller holds the transaction; the
 * ticket number comes from a counter row updated inside it, so a rolled-back
 * sale gives its number back and numbers stay gapless. */
#include <stdlib.h>
#include <string.h>
#include "sales.h"
#include "db-internal.h"
#include "../src/util/i18n.h"
#include "../src/util/xalloc.h"

int db_ticket_by_key(struct db *db, const char *key, struct db_ticket *out)
{
	sqlite3_stmt *st = db_stmt(db, SQL_TICKET_BY_KEY, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	int64_t number = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return DB_NOTFOUND;
	if (rc != SQLITE_ROW)
		return DB_ERROR;
	return db_ticket_get(db, number, out);
}

int db_ticket_next_number(struct db *db, int64_t *number, char **err)
{
	sqlite3_stmt *st = db_stmt(db, SQL_TICKET_NEXT, err);
	if (!st)
		return DB_ERROR;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*number = sqlite3_column_int64(st, 0);
	/* Step to the end so the UPDATE ... RETURNING completes. */
	while (rc == SQLITE_ROW)
		rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		error_set(err, _("database error: %s"), db_errmsg(db));
		return DB_ERROR;
	}
	return DB_OK;
}

int db_ticket_insert(struct db *db, struct db_ticket *t, int64_t customer_id, char **err)
{
	sqlite3_stmt *st = db_stmt(db, SQL_TICKET_INSERT, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, t->number);
	sqlite3_bind_text(st, 2, t->idem_key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, t->created_at);
	sqlite3_bind_text(st, 4, t->terminal, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, t->user, -1, SQLITE_STATIC);
	if (customer_id > 0)
		sqlite3_bind_int64(st, 6, customer_id);
	else
		sqlite3_bind_null(st, 6);
	sqlite3_bind_int(st, 7, t->prices_include_tax);
	sqlite3_bind_int64(st, 8, t->total);
	sqlite3_bind_int64(st, 9, t->net);
	sqlite3_bind_int64(st, 10, t->tax);
	sqlite3_bind_int64(st, 11, t->discount);
	sqlite3_bind_int64(st, 12, t->paid);
	sqlite3_bind_int64(st, 13, t->change);
	sqlite3_bind_int64(st, 14, t->rounding);
	sqlite3_bind_text(st, 15, t->content_hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 16, t->tax_exempt, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 17, t->kind[0] ? t->kind : "sale", -1, SQLITE_STATIC);
	if (t->original_id > 0)
		sqlite3_bind_int64(st, 18, t->original_id);
	else
		sqlite3_bind_null(st, 18);
	sqlite3_bind_text(st, 19, t->approver, -1, SQLITE_STATIC);
	if (t->shift_id > 0)
		sqlite3_bind_int64(st, 20, t->shift_id);
	else
		sqlite3_bind_null(st, 20);
	sqlite3_bind_text(st, 21, t->customer_name, -1, SQLITE_STATIC);
	int rc = db_step_done(db, st, err);
	if (rc == DB_OK)
		t->id = sqlite3_last_insert_rowid(db->conn);
	return rc;
}

int db_ticket_line_insert(struct db *db, int64_t ticket_id, int line_no,
                          const struct db_ticket_line *l, char **err)
{
	sqlite3_stmt *st = db_stmt(db, SQL_LINE_INSERT, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, ticket_id);
	sqlite3_bind_int(st, 2, line_no);
	sqlite3_bind_int64(st, 3, l->product_id);
	sqlite3_bind_text(st, 4, l->sku, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, l->name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, l->qty);
	sqlite3_bind_int(st, 7, l->weighed);
	sqlite3_bind_int64(st, 8, l->unit_price);
	sqlite3_bind_int(st, 9, l->discount_pct);
	sqlite3_bind_int64(st, 10, l->amount);
	sqlite3_bind_int64(st, 11, l->discount);
	sqlite3_bind_int(st, 12, l->tax_rate);
	sqlite3_bind_int64(st, 13, l->net);
	sqlite3_bind_int64(st, 14, l->tax);
	sqlite3_bind_int64(st, 15, l->gross);
	sqlite3_bind_int(st, 16, l->voided);
	sqlite3_bind_int64(st, 17, l->cgst);
	sqlite3_bind_int64(st, 18, l->sgst);
	sqlite3_bind_int64(st, 19, l->igst);
	sqlite3_bind_text(st, 20, l->price_source, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 21, l->orig_line);
	sqlite3_bind_text(st, 22, l->disposition, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 23, l->override_reason, -1, SQLITE_STATIC);
	return db_step_done(db, st, err);
}

int db_payment_insert(struct db *db, int64_t ticket_id, int seq, const struct db_payment *p,
                      char **err)
{
	sqlite3_stmt *st = db_stmt(db, SQL_PAYMENT_INSERT, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, ticket_id);
	sqlite3_bind_int(st, 2, seq);
	sqlite3_bind_text(st, 3, p->method, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, p->amount);
	sqlite3_bind_text(st, 5, p->reference, -1, SQLITE_STATIC);
	return db_step_done(db, st, err);
}

int db_ticket_get(struct db *db, int64_t number, struct db_ticket *t)
{
	sqlite3_stmt *st = db_stmt(db, SQL_TICKET_GET, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, number);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		memset(t, 0, sizeof *t);
		t->id = sqlite3_column_int64(st, 0);
		t->number = sqlite3_column_int64(st, 1);
		db_column_text(st, 2, t->idem_key, sizeof t->idem_key);
		t->created_at = sqlite3_column_int64(st, 3);
		db_column_text(st, 4, t->terminal, sizeof t->terminal);
		db_column_text(st, 5, t->user, sizeof t->user);
		db_column_text(st, 6, t->customer_code, sizeof t->customer_code);
		db_column_text(st, 7, t->customer_name, sizeof t->customer_name);
		t->prices_include_tax = sqlite3_column_int(st, 8);
		t->total = sqlite3_column_int64(st, 9);
		t->net = sqlite3_column_int64(st, 10);
		t->tax = sqlite3_column_int64(st, 11);
		t->discount = sqlite3_column_int64(st, 12);
		t->paid = sqlite3_column_int64(st, 13);
		t->change = sqlite3_column_int64(st, 14);
		t->rounding = sqlite3_column_int64(st, 15);
		db_column_text(st, 16, t->content_hash, sizeof t->content_hash);
		db_column_text(st, 17, t->tax_exempt, sizeof t->tax_exempt);
		db_column_text(st, 18, t->kind, sizeof t->kind);
		t->original_number = sqlite3_column_int64(st, 19);
		db_column_text(st, 20, t->approver, sizeof t->approver);
		t->shift_id = sqlite3_column_int64(st, 21);
		db_column_text(st, 22, t->journal_hash, sizeof t->journal_hash);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_NOTFOUND : DB_ERROR;
}

static void db_line_row(sqlite3_stmt *st, void *out)
{
	struct db_ticket_line *l = out;
	l->product_id = sqlite3_column_int64(st, 0);
	db_column_text(st, 1, l->sku, sizeof l->sku);
	db_column_text(st, 2, l->name, sizeof l->name);
	l->qty = sqlite3_column_int64(st, 3);
	l->weighed = sqlite3_column_int(st, 4);
	l->unit_price = sqlite3_column_int64(st, 5);
	l->discount_pct = sqlite3_column_int(st, 6);
	l->amount = sqlite3_column_int64(st, 7);
	l->discount = sqlite3_column_int64(st, 8);
	l->tax_rate = sqlite3_column_int(st, 9);
	l->net = sqlite3_column_int64(st, 10);
	l->tax = sqlite3_column_int64(st, 11);
	l->gross = sqlite3_column_int64(st, 12);
	l->voided = sqlite3_column_int(st, 13);
	l->cgst = sqlite3_column_int64(st, 14);
	l->sgst = sqlite3_column_int64(st, 15);
	l->igst = sqlite3_column_int64(st, 16);
	db_column_text(st, 17, l->price_source, sizeof l->price_source);
	l->line_no = sqlite3_column_int(st, 18);
	l->orig_line = sqlite3_column_int(st, 19);
	db_column_text(st, 20, l->disposition, sizeof l->disposition);
	db_column_text(st, 21, l->override_reason, sizeof l->override_reason);
}

static void db_payment_row(sqlite3_stmt *st, void *out)
{
	struct db_payment *p = out;
	db_column_text(st, 0, p->method, sizeof p->method);
	p->amount = sqlite3_column_int64(st, 1);
	db_column_text(st, 2, p->reference, sizeof p->reference);
}

/* Every row of a per-ticket statement into a growing array of `size`-byte
 * records, each zeroed then filled by row(). */
static int db_ticket_rows(struct db *db, enum db_sql which, int64_t ticket_id, size_t size,
                          void (*row)(sqlite3_stmt *, void *), void **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_stmt(db, which, NULL);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, ticket_id);
	size_t cap = 0;
	char *arr = NULL;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			arr = xrealloc(arr, cap * size);
		}
		void *rec = arr + (*n)++ * size;
		memset(rec, 0, size);
		row(st, rec);
	}
	sqlite3_reset(st);
	*out = arr;
	return rc == SQLITE_DONE ? DB_OK : DB_ERROR;
}

int db_ticket_lines(struct db *db, int64_t ticket_id, struct db_ticket_line **lines, size_t *n)
{
	void *arr;
	int rc = db_ticket_rows(db, SQL_TICKET_LINES, ticket_id, sizeof **lines, db_line_row,
	                        &arr, n);
	*lines = arr;
	return rc;
}

int db_ticket_payments(struct db *db, int64_t ticket_id, struct db_payment **pays, size_t *n)
{
	void *arr;
	int rc = db_ticket_rows(db, SQL_TICKET_PAYMENTS, ticket_id, sizeof **pays, db_payment_row,
	                        &arr, n);
	*pays = arr;
	return rc;
}

int db_print_job_add(struct db *db, int64_t ticket_id, const char *printer, int copy,
                     int64_t now, int64_t *job_id, char **err)
{
	sqlite3_stmt *st = db_stmt(db, SQL_JOB_ADD, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, ticket_id);
	sqlite3_bind_text(st, 2, printer, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, copy);
	sqlite3_bind_int64(st, 4, now);
	int rc = db_step_done(db, st, err);
	if (rc == DB_OK && job_id)
		*job_id = sqlite3_last_insert_rowid(db->conn);
	return rc;
}

int db_print_job_done(struct db *db, int64_t job_id, char **err)
{
	sqlite3_stmt *st = db_stmt(db, SQL_JOB_DONE, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, job_id);
	return db_step_done(db, st, err);
}

int db_print_job_failed(struct db *db, int64_t job_id, const char *why, char **err)
{
	sqlite3_stmt *st = db_stmt(db, SQL_JOB_FAILED, err);
	if (!st)
		return DB_ERROR;
	sqlite3_bind_int64(st, 1, job_id);
	sqlite3_bind_text(st, 2, why, -1, SQLITE_STATIC);
	return db_step_done(db, st, err);
}
