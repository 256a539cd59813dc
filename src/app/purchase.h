/* Purchasing: suppliers (manufacturers, wholesalers) with their codes,
 * prices, pack sizes and lead times; purchase orders (draft -> sent ->
 * partly received -> received); receiving against an order item by item
 * (each call one short transaction, so a handheld saves every scan), with
 * over- and under-deliveries; receiving without an order by right; the
 * average cost updated on receipt; reorder suggestions turned into draft
 * orders per supplier. */
#ifndef COMPTOIR_APP_PURCHASE_H
#define COMPTOIR_APP_PURCHASE_H

#include <stddef.h>
#include <stdint.h>
#include "app.h"
#include "stock_ops.h"

int app_supplier_add(struct app *a, const char *code, const char *name, char **err);

/* A purchase order, printed as "purchase NUMBER". */
int app_purchase_new(struct app *a, const char *supplier, const struct app_stock_item *items,
                     size_t n, int64_t *number, char **err);
int app_purchase_send(struct app *a, int64_t number, char **err);

struct app_purchase_line {
	char sku[65];
	char name[161];
	char barcode[14];
	int64_t ordered, received;   /* base units */
	int64_t pack_qty;            /* the supplier's pack size, 1 when none */
};
struct app_purchase {
	int64_t number;
	char supplier[65];
	char status[16];             /* draft, sent, partial, received, closed */
	size_t n;
	struct app_purchase_line *lines;   /* free with app_purchase_release */
};
int app_purchase_get(struct app *a, int64_t number, struct app_purchase *out, char **err);
void app_purchase_release(struct app_purchase *p);

/* Receives one item against order `number` into `location` (NULL: the
 * default receiving location). More than is still open is refused unless
 * `over` is set; *open_left tells what stays open on that line. */
int app_purchase_receive(struct app *a, int64_t number, const char *location,
                         const struct app_stock_item *item, int over, int64_t *open_left,
                         char **err);

#endif
