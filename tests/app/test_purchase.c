/* The purchasing interface as the handheld screens use it: two handhelds
 * receive on one order through their own connections, each scan its own
 * transaction that reads the order again (so the second cannot take what
 * the first took); a refused scan (a lot's other expiry) leaves nothing
 * behind; the line fields the screens show; receiving without an order
 * needs the right. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../lib/tap.h"
#include "../../src/app/purchase.h"

static char dir[] = "/tmp/comptoir-purchase-XXXXXX";
static char path[256];
static int64_t po_number;   /* the order the handhelds receive */

static int receive(struct app *a, const char *code, const char *qty, const char *lot,
                   const char *expiry, int64_t *left)
{
	struct app_stock_item it = { .code = code, .qty = qty, .lot = lot, .expiry = expiry };
	char *err = NULL;
	int rc = app_purchase_receive(a, po_number, NULL, &it, 0, left, &err);
	if (rc != APP_OK)
		printf("# %s\n", err ? err : "?");
	free(err);
	return rc;
}

int main(void)
{
	char *err = NULL;
	struct app *a = NULL, *b = NULL;
	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof path, "%s/shop.db", dir);
	if (app_init_shop(path, APP_COUNTRY_FR, 1, &err) != APP_OK ||
	    app_open(path, APP_OPEN_EXISTING, &a, &err) != APP_OK ||
	    app_open(path, APP_OPEN_EXISTING, &b, &err) != APP_OK) {
		printf("Bail out! %s\n", err ? err : "cannot open the shop");
		return 1;
	}
	is_int(app_supplier_add(a, "S1", "Supplier one", &err), APP_OK, "a supplier");
	struct app_supplier_item si = { .price = "1.15", .pack_qty = 12, .lead_days = -1 };
	is_int(app_supplier_item_set(a, "S1", "GRO-0021", &si, &err), APP_OK, "sells GRO-0021 by 12");
	struct app_stock_item want = { .code = "GRO-0021", .qty = "10" };
	int64_t number = 0, left = -1;
	is_int(app_purchase_new(a, "S1", &want, 1, &number, &err), APP_OK, "an order of ten");
	is_int(number, 2, "  numbered 2, after the demo shop's own order 1");
	po_number = number;
	struct app_purchase po;
	is_int(app_purchase_get(b, number, &po, &err), APP_OK, "the other handheld reads it");
	ok(po.n == 1 && strcmp(po.status, "draft") == 0 && strcmp(po.supplier, "S1") == 0,
	   "  a draft of S1 with one line");
	ok(po.n == 1 && po.lines[0].ordered == 10 && po.lines[0].open == 10 &&
	   po.lines[0].pack_qty == 12 && po.lines[0].unit_cost == 115 &&
	   strcmp(po.lines[0].sku, "GRO-0021") == 0 && po.lines[0].barcode[0],
	   "  ordered, open, pack, cost, SKU and barcode for the screen");
	app_purchase_release(&po);
	is_int(receive(a, "GRO-0021", "1", NULL, NULL, &left), APP_ERR, "a draft receives nothing");
	is_int(app_purchase_send(a, number, &err), APP_OK, "sent");

	is_int(receive(b, "GRO-0021", "6", "L1", "2027-01-31", &left), APP_OK,
	       "handheld B receives six of lot L1");
	is_int(left, 4, "  four stay open");
	is_int(receive(a, "GRO-0021", "1", "L1", "2028-01-31", &left), APP_ERR,
	       "lot L1 with another expiry is refused");
	is_int(app_purchase_get(a, number, &po, &err), APP_OK, "read again");
	is_int(po.n ? po.lines[0].received : -1, 6, "  and the refused scan left nothing");
	is_str(po.status, "partial", "  partly received");
	app_purchase_release(&po);
	is_int(receive(a, "GRO-0021", "4", NULL, NULL, &left), APP_OK,
	       "handheld A receives the last four");
	is_int(left, 0, "  nothing open");
	is_int(receive(b, "GRO-0021", "1", NULL, NULL, &left), APP_ERR,
	       "B's next scan sees A's receipt: over, refused");
	is_int(app_purchase_get(b, number, &po, &err), APP_OK, "read on B");
	is_str(po.status, "received", "  received");
	app_purchase_release(&po);

	int64_t un = 0;
	free(err);
	err = NULL;
	is_int(app_receive_unordered(a, "S1", &un, &err), APP_DENIED,
	       "nobody logged in: no receiving without an order");
	ok(err && strstr(err, "without a purchase order"), "  the right is named");
	free(err);
	app_close(a);
	app_close(b);
	unlink(path);
	char side[300];
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
	rmdir(dir);
	return done_testing();
}
