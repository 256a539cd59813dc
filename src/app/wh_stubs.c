/* TEMPORARY STAND-INS, NOT THE REAL THING: minimal versions of the
 * functions of stock_ops.h and purchase.h so that the handheld screens
 * build and can be tried before the real ones are merged. The lead deletes
 * this file at merge. Purchases here are made up: purchase N (1..99) holds
 * the first three products with a barcode, 12 ordered of each, packs of 6;
 * what was received is read back from the "receive" movements. Counts live
 * in this process only. Transfers are two movements. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app-internal.h"
#include "purchase.h"
#include "stock_ops.h"
#include "../../db/db-internal.h"
#include "../../db/stock.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

static int stub_missing(char **err, const char *what)
{
	error_set(err, "%s is not built yet (temporary stand-in)", what);
	return APP_ERR;
}

int app_location_add(struct app *a, const char *code, const char *name, const char *kind,
                     char **err)
{
	static const char sql[] = "INSERT INTO locations(code, name, kind) VALUES (?1, ?2, ?3)";
	sqlite3_stmt *st = db_stmt_sql(a->db, sql, err);
	if (!st)
		return APP_IO;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, kind, -1, SQLITE_STATIC);
	return db_step_done(a->db, st, err) == DB_OK ? APP_OK : APP_ERR;
}

int app_location_list(struct app *a, struct app_location *out, size_t max, size_t *n,
                      char **err)
{
	static const char sql[] = "SELECT code, name, kind FROM locations ORDER BY id";
	sqlite3_stmt *st = db_stmt_sql(a->db, sql, err);
	if (!st)
		return APP_IO;
	*n = 0;
	while (sqlite3_step(st) == SQLITE_ROW && *n < max) {
		db_column_text(st, 0, out[*n].code, sizeof out[*n].code);
		db_column_text(st, 1, out[*n].name, sizeof out[*n].name);
		db_column_text(st, 2, out[*n].kind, sizeof out[*n].kind);
		(*n)++;
	}
	sqlite3_reset(st);
	return APP_OK;
}

static int stub_location(struct app *a, const char *code, int64_t *id, char **err)
{
	char kind[16];
	if (db_location_get(a->db, code, id, kind, sizeof kind) == DB_OK)
		return APP_OK;
	error_set(err, _("no location %s"), code);
	return APP_NOTFOUND;
}

int app_transfer(struct app *a, const char *from, const char *to,
                 const struct app_stock_item *items, size_t n, char **err)
{
	int64_t fid, tid;
	int rc = stub_location(a, from, &fid, err);
	if (rc == APP_OK)
		rc = stub_location(a, to, &tid, err);
	if (rc != APP_OK)
		return rc;
	if (fid == tid) {
		error_set(err, "%s", _("the two locations are the same"));
		return APP_ERR;
	}
	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	for (size_t i = 0; i < n; i++) {
		struct app_scan sc;
		int64_t q;
		rc = app_lookup(a, items[i].code, &sc, err);
		if (rc == APP_OK)
			rc = app_parse_qty(items[i].qty ? items[i].qty : "1", sc.item.weighed, &q, err);
		if (rc == APP_OK &&
		    (app_stock_move(a, sc.item.product_id, fid, -q, "transfer", err, "to %s", to) ||
		     app_stock_move(a, sc.item.product_id, tid, q, "transfer", err, "from %s", from)))
			rc = APP_IO;
		if (rc != APP_OK) {
			db_rollback(a->db);
			return rc;
		}
	}
	return db_commit(a->db, err) == DB_OK ? APP_OK : APP_IO;
}

int app_transfer_send(struct app *a, const char *from, const char *to,
                      const struct app_stock_item *items, size_t n, int64_t *number,
                      char **err)
{
	(void)a, (void)from, (void)to, (void)items, (void)n, (void)number;
	return stub_missing(err, "app_transfer_send");
}

int app_transfer_arrive(struct app *a, int64_t number, char **err)
{
	(void)a, (void)number;
	return stub_missing(err, "app_transfer_arrive");
}

#define STUB_COUNT_MAX 64
static struct {
	char sku[65];
	int64_t qty;
} stub_counted[STUB_COUNT_MAX];
static size_t stub_ncounted;
static int64_t stub_count_id;

int app_count_open(struct app *a, const char *location, int64_t *count_id, char **err)
{
	int64_t id;
	int rc = stub_location(a, location, &id, err);
	if (rc != APP_OK)
		return rc;
	stub_ncounted = 0;
	*count_id = ++stub_count_id;
	return APP_OK;
}

int app_count_record(struct app *a, int64_t count_id, const char *code, const char *qty,
                     int add, char **err)
{
	(void)count_id;
	struct app_scan sc;
	int64_t q;
	int rc = app_lookup(a, code, &sc, err);
	if (rc == APP_OK)
		rc = app_parse_qty(qty ? qty : "1", sc.item.weighed, &q, err);
	if (rc != APP_OK)
		return rc;
	size_t i = 0;
	while (i < stub_ncounted && strcmp(stub_counted[i].sku, sc.item.sku) != 0)
		i++;
	if (i == STUB_COUNT_MAX)
		return stub_missing(err, "counting more than 64 products");
	if (i == stub_ncounted) {
		strlcpy_safe(stub_counted[i].sku, sc.item.sku, sizeof stub_counted[i].sku);
		stub_counted[i].qty = 0;
		stub_ncounted++;
	}
	stub_counted[i].qty = add ? stub_counted[i].qty + q : q;
	return APP_OK;
}

int app_count_submit(struct app *a, int64_t count_id, struct app_count_variance *out,
                     size_t max, size_t *n, char **err)
{
	(void)a, (void)count_id, (void)err;
	*n = 0;
	for (size_t i = 0; i < stub_ncounted && *n < max; i++) {
		strlcpy_safe(out[*n].sku, stub_counted[i].sku, sizeof out[*n].sku);
		out[*n].name[0] = '\0';
		out[*n].expected = 0;
		out[*n].counted = stub_counted[i].qty;
		(*n)++;
	}
	return APP_OK;
}

int app_count_approve(struct app *a, int64_t count_id, char **err)
{
	(void)a, (void)count_id;
	return stub_missing(err, "app_count_approve");
}

int app_stock_adjust(struct app *a, const char *location, const char *code, const char *qty,
                     const char *reason, char **err)
{
	(void)a, (void)location, (void)code, (void)qty, (void)reason;
	return stub_missing(err, "app_stock_adjust");
}

int app_supplier_add(struct app *a, const char *code, const char *name, char **err)
{
	(void)a, (void)code, (void)name;
	return stub_missing(err, "app_supplier_add");
}

int app_purchase_new(struct app *a, const char *supplier, const struct app_stock_item *items,
                     size_t n, int64_t *number, char **err)
{
	(void)a, (void)supplier, (void)items, (void)n, (void)number;
	return stub_missing(err, "app_purchase_new");
}

int app_purchase_send(struct app *a, int64_t number, char **err)
{
	(void)a, (void)number;
	return stub_missing(err, "app_purchase_send");
}

int app_purchase_get(struct app *a, int64_t number, struct app_purchase *out, char **err)
{
	static const char sql[] =
		"SELECT p.sku, p.name, (SELECT b.code FROM barcodes b WHERE b.product_id = p.id "
		"  ORDER BY b.rowid LIMIT 1),"
		" (SELECT coalesce(sum(m.qty), 0) FROM stock_moves m WHERE m.product_id = p.id"
		"  AND m.reason = 'receive' AND m.ref = 'purchase ' || ?1) "
		"FROM products p WHERE p.weighed = 0 AND EXISTS (SELECT 1 FROM barcodes b "
		"WHERE b.product_id = p.id) ORDER BY p.id LIMIT 3";
	memset(out, 0, sizeof *out);
	if (number < 1 || number > 99) {
		error_set(err, _("no purchase %lld"), (long long)number);
		return APP_NOTFOUND;
	}
	sqlite3_stmt *st = db_stmt_sql(a->db, sql, err);
	if (!st)
		return APP_IO;
	sqlite3_bind_int64(st, 1, number);
	out->lines = xcalloc(3, sizeof *out->lines);
	while (out->n < 3 && sqlite3_step(st) == SQLITE_ROW) {
		struct app_purchase_line *l = &out->lines[out->n++];
		db_column_text(st, 0, l->sku, sizeof l->sku);
		db_column_text(st, 1, l->name, sizeof l->name);
		db_column_text(st, 2, l->barcode, sizeof l->barcode);
		l->received = sqlite3_column_int64(st, 3);
		l->ordered = 12;
		l->pack_qty = 6;
	}
	sqlite3_reset(st);
	out->number = number;
	strlcpy_safe(out->supplier, "STUB", sizeof out->supplier);
	int all = 1, some = 0;
	for (size_t i = 0; i < out->n; i++) {
		all &= out->lines[i].received >= out->lines[i].ordered;
		some |= out->lines[i].received > 0;
	}
	strlcpy_safe(out->status, all ? "received" : some ? "partial" : "sent", sizeof out->status);
	return APP_OK;
}

void app_purchase_release(struct app_purchase *p)
{
	free(p->lines);
	p->lines = NULL;
	p->n = 0;
}

static int stub_receive_move(struct app *a, const struct app_scan *sc,
                             const struct app_stock_item *item, int64_t loc, int64_t q,
                             int64_t number, char **err)
{
	int64_t lot = 0;
	if (item->lot && app_lot_get(a, sc->item.product_id, item->lot, item->expiry, &lot, err))
		return APP_ERR;
	return app_stock_move_lot(a, sc->item.product_id, loc, lot, q, -1, "receive", err,
	                          "purchase %lld", (long long)number) ? APP_IO : APP_OK;
}

int app_purchase_receive(struct app *a, int64_t number, const char *location,
                         const struct app_stock_item *item, int over, int64_t *open_left,
                         char **err)
{
	struct app_purchase p;
	struct app_scan sc;
	int64_t q, loc = a->location_id;
	int rc = app_lookup(a, item->code, &sc, err);
	if (rc == APP_OK)
		rc = app_parse_qty(item->qty ? item->qty : "1", sc.item.weighed, &q, err);
	if (rc == APP_OK && location)
		rc = stub_location(a, location, &loc, err);
	if (rc != APP_OK)
		return rc;
	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	rc = app_purchase_get(a, number, &p, err);
	if (rc != APP_OK) {
		db_rollback(a->db);
		return rc;
	}
	size_t i = 0;
	while (i < p.n && strcmp(p.lines[i].sku, sc.item.sku) != 0)
		i++;
	if (i == p.n) {
		error_set(err, _("%s is not on purchase %lld"), sc.item.sku, (long long)number);
		rc = APP_ERR;
	} else if (!over && q > p.lines[i].ordered - p.lines[i].received) {
		error_set(err, _("more than is open on purchase %lld"), (long long)number);
		rc = APP_ERR;
	} else if (stub_receive_move(a, &sc, item, loc, q, number, err) != APP_OK) {
		rc = APP_IO;
	} else {
		*open_left = p.lines[i].ordered - p.lines[i].received - q;
		if (*open_left < 0)
			*open_left = 0;
	}
	app_purchase_release(&p);
	if (rc != APP_OK) {
		db_rollback(a->db);
		return rc;
	}
	return db_commit(a->db, err) == DB_OK ? APP_OK : APP_IO;
}
