/* The write of each kind's rows into the shop (or, for a dry run, their
 * comparison with it), and the in-memory undo of what each write changed. */
#include <stdlib.h>
#include <string.h>
#include "import-internal.h"
#include "stock_ops-internal.h"
#include "../../db/catalog.h"
#include "../core/csv.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

static void imp_undo_push(struct imp *im, enum imp_undo_kind kind, int64_t id, int64_t id2,
                          int64_t n, const char *code)
{
	if (im->nundo == im->capundo) {
		im->capundo = im->capundo ? 2 * im->capundo : 1024;
		im->undo = xrealloc(im->undo, im->capundo * sizeof *im->undo);
	}
	struct imp_undo *u = &im->undo[im->nundo++];
	memset(u, 0, sizeof *u);
	u->kind = kind;
	u->id = id;
	u->id2 = id2;
	u->n = n;
	u->code = code ? xstrdup(code) : NULL;
}

void imp_undo_free(struct imp_undo *u)
{
	free(u->code);
	if (u->kind == UNDO_PRODUCT_CHANGED)
		db_io_product_release(&u->old.product);
	else if (u->kind == UNDO_CUSTOMER_CHANGED)
		db_io_customer_release(&u->old.customer);
}

/* Forgets the entries from mark on (their transaction was rolled back). */
void imp_undo_drop(struct imp *im, size_t mark)
{
	while (im->nundo > mark)
		imp_undo_free(&im->undo[--im->nundo]);
}

int imp_undo_one(struct imp *im, struct imp_undo *u, char **err)
{
	struct db *db = im->a->db;
	switch (u->kind) {
	case UNDO_PRODUCT_ADDED:
		return db_io_product_remove(db, u->id, err);
	case UNDO_PRODUCT_CHANGED:
		return db_io_product_update(db, &u->old.product, err);
	case UNDO_BARCODE_ADDED:
		return db_io_barcode_remove(db, u->code, u->id, err);
	case UNDO_BARCODE_QTY:
		return db_io_barcode_set_qty(db, u->code, u->n, err);
	case UNDO_STOCK:
		return app_stock_move(im->a, u->id, u->id2, -u->n, "import", err, "import undone");
	case UNDO_STOCK_LOT: {
		int64_t lot;
		if (app_lot_get(im->a, u->id, u->code, NULL, &lot, err) != APP_OK)
			return DB_ERROR;
		return app_stock_move_lot(im->a, u->id, u->id2, lot, -u->n, -1, "import", err,
		                          "import undone");
	}
	case UNDO_STOCK_ADDED:
		if (app_stock_move(im->a, u->id, u->id2, -u->n, "import", err, "import undone") != DB_OK)
			return DB_ERROR;
		return db_io_stock_drop_empty(db, u->id, u->id2, err);
	case UNDO_CUSTOMER_ADDED: {
		char *why = NULL;
		int rc = db_io_customer_remove(db, u->id, &why);
		free(why);
		/* Already on a ticket: the customer stays. */
		return rc == DB_CONSTRAINT ? DB_OK : rc;
	}
	case UNDO_CUSTOMER_CHANGED:
		return db_io_customer_update(db, &u->old.customer, err);
	case UNDO_PRICE_ADDED:
		return db_io_price_remove(db, u->id, err);
	case UNDO_PRICE_CHANGED: {
		struct db_io_price p = { .id = u->id, .price = u->n, .valid_to = (int32_t)u->id2 };
		return db_io_price_update(db, &p, err);
	}
	}
	return DB_ERROR;
}

/* Brings the barcodes of list to product (id, sku) at pack_qty: a new
 * one is staged for the batch, one with another pack size is changed.
 * *changed when any was either. A new product (id 0) needs no undo for its
 * barcodes: they go with it. */
static int imp_put_codes(struct imp *im, int64_t id, const char *sku, const char *list,
                         int64_t pack_qty, int write, int *changed)
{
	struct db *db = im->a->db;
	char code[CSV_FIELD_MAX + 1];
	for (const char *p = list; *p;) {
		size_t n = strcspn(p, "|");
		memcpy(code, p, n);
		code[n] = '\0';
		p += n + (p[n] == '|');
		int64_t owner = 0, qty = 0;
		int rc = id ? db_io_barcode_get(db, code, &owner, &qty) : DB_NOTFOUND;
		if (rc == DB_OK && owner != id) {
			error_set(&im->werr, _("barcode %s belongs to another product by now"), code);
			return -1;
		}
		if (rc == DB_OK && qty == pack_qty)
			continue;
		*changed = 1;
		if (!write)
			continue;
		if (rc == DB_OK) {
			if (db_io_barcode_set_qty(db, code, pack_qty, &im->werr) != DB_OK)
				return -1;
			imp_undo_push(im, UNDO_BARCODE_QTY, id, 0, qty, code);
		} else {
			if (db_io_batch_code(db, sku, code, pack_qty, &im->werr) != DB_OK)
				return -1;
			if (id)
				imp_undo_push(im, UNDO_BARCODE_ADDED, id, 0, 0, code);
		}
	}
	return 0;
}

/* A read of the shop failed: why, in im->werr; returns -1. */
static int imp_db_error(struct imp *im)
{
	error_set(&im->werr, _("database error: %s"), db_errmsg(im->a->db));
	return -1;
}

static int imp_same_text(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static void imp_product_added(int64_t id, void *ctx)
{
	imp_undo_push(ctx, UNDO_PRODUCT_ADDED, id, 0, 0, NULL);
}

/* Writes the transaction's staged products, names and barcodes. */
int imp_finish_products(struct imp *im)
{
	return db_io_batch_flush(im->a->db, imp_product_added, im, &im->werr) == DB_OK ? 0 : -1;
}

int imp_apply_product(struct imp *im, void *row, int write)
{
	struct imp_product *r = row;
	struct db *db = im->a->db;
	struct db_io_product old;
	int rc = db_io_product_get(db, r->p.sku, &old);
	if (rc == DB_ERROR)
		return imp_db_error(im);
	int changed = 0;
	if (rc == DB_NOTFOUND) {
		if (write && (db_io_batch_product(db, &r->p, &im->werr) != DB_OK ||
		              imp_put_codes(im, 0, r->p.sku, r->codes, 1, 1, &changed) ||
		              imp_put_codes(im, 0, r->p.sku, r->pack_codes, r->pack_of, 1, &changed)))
			return -1;
		return IMP_ADDED;
	}
	struct db_io_product m = old;
	const struct db_io_product *n = &r->p;
	m.name = n->name;
	m.price = n->price;
	/* Two classes may share a rate: a product keeps its own when it has it. */
	if (old.tax_rate != n->tax_rate)
		m.tax_class_id = n->tax_class_id;
	if (r->has & (1u << PC_UNIT))
		m.unit = n->unit;
	if (r->has & (1u << PC_COST))
		m.cost = n->cost;
	if (r->has & (1u << PC_BRAND))
		m.brand = n->brand;
	if (r->has & (1u << PC_CATEGORY))
		m.category = n->category;
	if (r->has & (1u << PC_SUPPLIER))
		m.supplier = n->supplier;
	if (r->has & (1u << PC_WEIGHED))
		m.weighed = n->weighed;
	int names = !imp_same_text(m.name, old.name) || !imp_same_text(m.brand, old.brand);
	int details = m.price != old.price || m.tax_class_id != old.tax_class_id ||
	              !imp_same_text(m.unit, old.unit) || m.cost != old.cost ||
	              !imp_same_text(m.category, old.category) ||
	              !imp_same_text(m.supplier, old.supplier) || m.weighed != old.weighed;
	if (imp_put_codes(im, old.id, old.sku, r->codes, 1, write, &changed) ||
	    imp_put_codes(im, old.id, old.sku, r->pack_codes, r->pack_of, write, &changed) ||
	    (write && details && db_io_product_set_details(db, &m, &im->werr) != DB_OK) ||
	    (write && names && db_io_batch_name(db, old.id, m.name, m.brand, &im->werr) != DB_OK)) {
		db_io_product_release(&old);
		return -1;
	}
	if (write && (names || details)) {
		imp_undo_push(im, UNDO_PRODUCT_CHANGED, old.id, 0, 0, NULL);
		im->undo[im->nundo - 1].old.product = old;
	} else {
		db_io_product_release(&old);
	}
	return names || details || changed ? IMP_CHANGED : IMP_UNCHANGED;
}

int imp_apply_customer(struct imp *im, void *row, int write)
{
	struct imp_customer *r = row;
	struct db *db = im->a->db;
	struct db_io_customer old;
	int rc = db_io_customer_get(db, r->c.code, &old);
	if (rc == DB_ERROR)
		return imp_db_error(im);
	if (rc == DB_NOTFOUND) {
		if (!write)
			return IMP_ADDED;
		struct db_io_customer c = r->c;
		if (db_io_customer_insert(db, &c, &im->werr) != DB_OK)
			return -1;
		imp_undo_push(im, UNDO_CUSTOMER_ADDED, c.id, 0, 0, NULL);
		return IMP_ADDED;
	}
	struct db_io_customer m = old;
	const struct db_io_customer *n = &r->c;
	m.name = n->name;
	m.kind = n->kind;
	if (r->has & (1u << CC_LIST))
		m.price_list_id = n->price_list_id;
	if (r->has & (1u << CC_CREDIT))
		m.credit_limit = n->credit_limit;
	const char **to[] = { &m.tax_id, &m.terms, &m.email, &m.phone, &m.address, &m.state };
	const char *from[] = { n->tax_id, n->terms, n->email, n->phone, n->address, n->state };
	const char *was[] = { old.tax_id, old.terms, old.email, old.phone, old.address, old.state };
	const int bit[] = { CC_TAX_ID, CC_TERMS, CC_EMAIL, CC_PHONE, CC_ADDRESS, CC_STATE };
	int changed = !imp_same_text(m.name, old.name) || !imp_same_text(m.kind, old.kind) ||
	              m.price_list_id != old.price_list_id || m.credit_limit != old.credit_limit;
	for (size_t i = 0; i < sizeof bit / sizeof bit[0]; i++)
		if (r->has & (1u << bit[i])) {
			*to[i] = from[i];
			changed |= !imp_same_text(from[i], was[i]);
		}
	if (changed && write) {
		if (db_io_customer_update(db, &m, &im->werr) != DB_OK) {
			db_io_customer_release(&old);
			return -1;
		}
		imp_undo_push(im, UNDO_CUSTOMER_CHANGED, old.id, 0, 0, NULL);
		im->undo[im->nundo - 1].old.customer = old;
	} else {
		db_io_customer_release(&old);
	}
	return changed ? IMP_CHANGED : IMP_UNCHANGED;
}

int imp_apply_price(struct imp *im, void *row, int write)
{
	struct imp_price *r = row;
	struct db *db = im->a->db;
	struct db_io_price now = r->p;
	int rc = db_io_price_get(db, &now);
	if (rc == DB_ERROR)
		return imp_db_error(im);
	if (rc == DB_NOTFOUND) {
		if (!write)
			return IMP_ADDED;
		struct db_io_price p = r->p;
		if (db_io_price_insert(db, &p, &im->werr) != DB_OK)
			return -1;
		imp_undo_push(im, UNDO_PRICE_ADDED, p.id, 0, 0, NULL);
		return IMP_ADDED;
	}
	if (now.price == r->p.price && now.valid_to == r->p.valid_to)
		return IMP_UNCHANGED;
	if (write) {
		struct db_io_price p = r->p;
		p.id = now.id;
		if (db_io_price_update(db, &p, &im->werr) != DB_OK)
			return -1;
		imp_undo_push(im, UNDO_PRICE_CHANGED, now.id, now.valid_to, now.price, NULL);
	}
	return IMP_CHANGED;
}

/* Sets the quantity on hand by adding the difference (qty = qty + delta):
 * a sale committed between two imports is never written over. */
/* A lot's quantity at a location is the sum of its movements: the file's
 * quantity is reached by the difference, into the lot (made when new). */
static int imp_apply_stock_lot(struct imp *im, struct imp_stock *r, int write)
{
	int64_t have = 0;
	int found = 0;
	if (stock_ops_lot_qty(im->a, r->product_id, r->location_id, r->lot, &have, &found,
	                      &im->werr) != APP_OK)
		return -1;
	int64_t delta = r->qty - have;
	if (found && delta == 0)
		return IMP_UNCHANGED;
	if (write) {
		int64_t lot;
		if (app_lot_get(im->a, r->product_id, r->lot, r->expiry, &lot, &im->werr) != APP_OK ||
		    app_stock_move_lot(im->a, r->product_id, r->location_id, lot, delta, -1, "import",
		                       &im->werr, "stock file") != DB_OK)
			return -1;
		imp_undo_push(im, UNDO_STOCK_LOT, r->product_id, r->location_id, delta, r->lot);
	}
	return found ? IMP_CHANGED : IMP_ADDED;
}

int imp_apply_stock(struct imp *im, void *row, int write)
{
	struct imp_stock *r = row;
	if (r->lot[0])
		return imp_apply_stock_lot(im, r, write);
	struct db *db = im->a->db;
	int64_t have = 0;
	int rc = db_io_stock_get(db, r->product_id, r->location_id, &have);
	if (rc == DB_ERROR)
		return imp_db_error(im);
	int64_t delta = r->qty - have;
	if (rc == DB_OK && delta == 0)
		return IMP_UNCHANGED;
	if (write) {
		if (app_stock_move(im->a, r->product_id, r->location_id, delta, "import", &im->werr,
		                   "stock file") != DB_OK)
			return -1;
		imp_undo_push(im, rc == DB_NOTFOUND ? UNDO_STOCK_ADDED : UNDO_STOCK, r->product_id,
		              r->location_id, delta, NULL);
	}
	return rc == DB_NOTFOUND ? IMP_ADDED : IMP_CHANGED;
}
