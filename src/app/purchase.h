/* Purchasing: suppliers (manufacturers, wholesalers) with their codes,
 * prices, pack sizes and lead times; purchase orders (draft -> sent ->
 * partly received -> received); receiving against an order item by item
 * (each call one short transaction, so a handheld saves every scan), with
 * over- and under-deliveries; receiving without an order by right; the
 * average cost updated on receipt; reorder suggestions turned into draft
 * orders per supplier.
 * Rights, checked here (in a shop without users nothing is asked): every
 * change to suppliers, their items, product levels and purchase orders
 * (new, send, close, reorder's drafts) needs RIGHT_PURCHASE; receiving
 * against an order RIGHT_RECEIVE; receiving without one
 * RIGHT_RECEIVE_UNORDERED. A missing right is APP_DENIED with a message,
 * unless an approval (app_approve) holds it. */
#ifndef COMPTOIR_APP_PURCHASE_H
#define COMPTOIR_APP_PURCHASE_H

#include <stddef.h>
#include <stdint.h>
#include "app.h"
#include "stock_ops.h"

int app_supplier_add(struct app *a, const char *code, const char *name, char **err);
/* The same with the kind: "manufacturer" or "wholesaler" (app_supplier_add's). */
int app_supplier_add_kind(struct app *a, const char *code, const char *name, const char *kind,
                          char **err);

/* What a supplier sells us, set field by field: NULL, 0 or -1 leaves a
 * field as it was (a new item starts with no code, the product's cost as
 * price, pack 1, lead time 0). The price is per base unit, decimal text. */
struct app_supplier_item {
	const char *code;      /* the supplier's own code for it */
	const char *price;
	int64_t pack_qty;      /* 0: keep */
	int64_t lead_days;     /* -1: keep */
	int preferred;         /* 1: the product's preferred supplier from now on */
};
int app_supplier_item_set(struct app *a, const char *supplier, const char *sku,
                          const struct app_supplier_item *it, char **err);

struct app_supplier_info {
	char code[65];
	char name[161];
	char kind[16];
};
struct app_supplier_item_info {
	char sku[65];
	char code[65];
	int64_t price, pack_qty, lead_days;
	int preferred;
};
/* Suppliers by code (up to max; *n how many in all), and one's items. */
int app_supplier_list(struct app *a, struct app_supplier_info *out, size_t max, size_t *n,
                      char **err);
int app_supplier_items(struct app *a, const char *supplier, struct app_supplier_item_info *out,
                       size_t max, size_t *n, char **err);

/* A product's stock levels for reordering (base units; max 0: none). */
int app_product_levels(struct app *a, const char *code, int64_t min, int64_t max, char **err);

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
	int64_t open;                /* still expected: 0 once received or closed */
	int64_t unit_cost;           /* minor units per base unit */
	int weighed;                 /* quantities in thousandths */
};
struct app_purchase {
	int64_t number;
	char supplier[65];
	char status[16];             /* draft, sent, partial, received, closed */
	int unordered;               /* goods received without an order */
	size_t n;
	struct app_purchase_line *lines;   /* free with app_purchase_release */
};
int app_purchase_get(struct app *a, int64_t number, struct app_purchase *out, char **err);
void app_purchase_release(struct app_purchase *p);
/* Closes an order: what is still open will not come (closed short, or
 * received when nothing was open). A closed order receives nothing more. */
int app_purchase_close(struct app *a, int64_t number, char **err);

struct app_purchase_head {
	int64_t number;
	char supplier[65];
	char status[16];
	int64_t created_at;          /* unix time */
	int64_t ordered, received;   /* over all lines, base units */
	int unordered;
};
/* The newest orders first (up to max; *n how many in all). */
int app_purchase_list(struct app *a, struct app_purchase_head *out, size_t max, size_t *n,
                      char **err);

/* Receives one item against order `number` into `location` (NULL: the
 * default receiving location). More than is still open is refused unless
 * `over` is set; *open_left tells what stays open on that line. A product
 * the order does not name, taken with `over`, is receiving without an
 * order: RIGHT_RECEIVE_UNORDERED as well. An approval that let it through
 * serves the next items of the same delivery: the caller ends it with
 * app_require_done() when the delivery is done. */
int app_purchase_receive(struct app *a, int64_t number, const char *location,
                         const struct app_stock_item *item, int over, int64_t *open_left,
                         char **err);
/* The same, telling what was received: the product, the quantity in base
 * units (thousandths when weighed) and what stays open on its line. */
struct app_purchase_received {
	char sku[65];
	int64_t qty, open_left;
	int weighed;
};
int app_purchase_receive_item(struct app *a, int64_t number, const char *location,
                              const struct app_stock_item *item, int over,
                              struct app_purchase_received *out, char **err);

/* Receives goods a supplier brought without an order (needs
 * RIGHT_RECEIVE_UNORDERED or an approval, recorded) into `location` (NULL:
 * the default receiving location): a receipt of its own, numbered *number,
 * with the n items at the supplier's price (else the product's cost),
 * closed at once. All in one transaction: a refused item leaves nothing,
 * not even a number used up. */
int app_receive_unordered(struct app *a, const char *supplier, const char *location,
                          const struct app_stock_item *items, size_t n, int64_t *number,
                          char **err);

/* A reorder suggestion: a product at or under its reorder point, with the
 * figures it was computed from (see src/core/reorder.h). */
struct app_reorder_line {
	char supplier[65];           /* "" when the product has none */
	char sku[65];
	char name[161];
	int64_t on_hand, on_order, min, max, sold, lead_days, pack_qty;
	int64_t qty;                 /* to order, base units, whole packs */
};
/* The suggestions by supplier then SKU; *out is the caller's to free(). */
int app_reorder_suggest(struct app *a, struct app_reorder_line **out, size_t *n, char **err);
/* Turns the suggestions into draft orders, one per supplier (products
 * without a supplier are left out); *numbers is the caller's to free(). */
int app_reorder_create(struct app *a, int64_t **numbers, size_t *n, char **err);

/* The code of the location goods are received into when none is named:
 * the setting receiving_location (a warehouse), else the shop's default
 * location. Put-away starts there. */
int app_receiving_location(struct app *a, char *code, size_t size, char **err);

#endif
