/* Shared by the purchasing files of src/app/ only: a purchase order's row,
 * suppliers by code, items resolved to products and base units, and the
 * writes that purchase orders, receipts and reorders all make. */
#ifndef COMPTOIR_APP_PURCHASE_INTERNAL_H
#define COMPTOIR_APP_PURCHASE_INTERNAL_H

#include "app-internal.h"
#include "purchase.h"
#include "auth.h"

struct purchase_row {
	int64_t id, number, supplier_id, closed_at;
	int unordered;
	char status[16];
	char supplier[65];
};

/* The order numbered `number`: APP_NOTFOUND with a message when none. */
int purchase_row_get(struct app *a, int64_t number, struct purchase_row *p, char **err);

/* A supplier by code: APP_NOTFOUND with a message when unknown. */
int purchase_supplier_id(struct app *a, const char *code, int64_t *id, char **err);

struct purchase_item {
	int64_t product_id;
	int64_t qty;          /* base units: a pack's code counts its pack */
	int weighed;
	char sku[65];
};
/* Resolves a typed or scanned item: a barcode, an SKU, or the supplier's
 * own code for it (supplier_id 0: none). A missing quantity is one (one
 * pack for a pack's barcode). */
int purchase_item_resolve(struct app *a, int64_t supplier_id, const struct app_stock_item *it,
                          struct purchase_item *out, char **err);

/* Inside the caller's transaction: a new order (the next number) of a
 * supplier, by the user now; `approver` names who allowed it ("" none). */
int purchase_create(struct app *a, int64_t supplier_id, int unordered, const char *approver,
                    int64_t *id, int64_t *number, char **err);
/* Adds qty to the order's line of the product (a new line when none), at
 * the supplier's price (else the product's cost) and pack. `ordered` 0
 * adds an unordered line. *line_no tells which line. */
int purchase_line_add(struct app *a, int64_t purchase_id, int64_t supplier_id,
                      int64_t product_id, int64_t ordered, int64_t *line_no, char **err);
/* Sets the status from the lines: received when nothing is open, partial
 * when something came, else left as it is. */
int purchase_status_update(struct app *a, int64_t purchase_id, char **err);

/* The most items one command or order takes. */
#define PURCHASE_ITEMS_MAX 1000

/* Before a purchasing action that needs r: APP_OK in a shop without users
 * (nothing to check, as elsewhere), else app_require(). The caller ends
 * the approval with app_require_done(). */
int purchase_require(struct app *a, enum right r, char **err);

/* Inside the caller's transaction: closes the order (closed short, or
 * received when nothing is open). */
int purchase_close_row(struct app *a, int64_t purchase_id, char **err);

/* "cannot read or write the purchase orders" with SQLite's reason: APP_IO. */
int purchase_io(struct app *a, char **err);

/* Commits (or rolls back when rc is not APP_OK); returns the outcome. */
int purchase_finish(struct app *a, int rc, char **err);

#endif
