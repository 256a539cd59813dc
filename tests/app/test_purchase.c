/* The purchasing interface as the handheld screens use it: two handhelds
 * receive on one order through their own connections, each scan its own
 * transaction that reads the order again (so the second cannot take what
 * the first took); a refused scan (a lot's other expiry) leaves nothing
 * behind; the line fields the screens show; the rights: purchasing by a
 * manager, receiving by the warehouse (a cashier with a supervisor's
 * approval, which lasts the delivery), receiving without an order (a
 * refused one leaves nothing and takes no number); a weighed receipt told
 * in thousandths. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../lib/tap.h"
#include "../../src/app/auth.h"
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
	is_int(app_supplier_add(a, "S1", "Supplier one", &err), APP_DENIED,
	       "nobody logged in: no supplier added");
	ok(err && strstr(err, "manage suppliers"), "  the right is named");
	free(err);
	err = NULL;
	if (app_login(a, "chloe", "3333", 0, &err) != APP_OK ||
	    app_login(b, "dario", "4444", 0, &err) != APP_OK) {
		printf("Bail out! %s\n", err ? err : "cannot log in");
		return 1;
	}
	is_int(app_supplier_add(a, "S1", "Supplier one", &err), APP_OK, "a manager adds a supplier");
	struct app_supplier_item si = { .price = "1.15", .pack_qty = 12, .lead_days = -1 };
	is_int(app_supplier_item_set(a, "S1", "GRO-0021", &si, &err), APP_OK, "sells GRO-0021 by 12");
	struct app_stock_item want = { .code = "GRO-0021", .qty = "10" };
	int64_t number = 0, left = -1;
	is_int(app_supplier_item_set(b, "S1", "GRO-0021", &si, &err), APP_DENIED,
	       "the warehouse does not set a supplier's price");
	free(err);
	err = NULL;
	is_int(app_purchase_new(b, "S1", &want, 1, &number, &err), APP_DENIED,
	       "nor order");
	free(err);
	err = NULL;
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
	is_int(app_purchase_send(b, number, &err), APP_DENIED, "the warehouse does not send it");
	free(err);
	err = NULL;
	is_int(app_purchase_send(a, number, &err), APP_OK, "the manager sends it");

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

	/* A cashier receives only with an approval, which serves the delivery. */
	struct app_stock_item more = { .code = "GRO-0021", .qty = "20" };
	is_int(app_purchase_new(a, "S1", &more, 1, &number, &err), APP_OK, "a second order");
	is_int(app_purchase_send(a, number, &err), APP_OK, "  sent");
	app_logout(a);
	struct app_stock_item one = { .code = "GRO-0021", .qty = "1" };
	is_int(app_purchase_receive(a, number, NULL, &one, 0, &left, &err), APP_DENIED,
	       "nobody logged in: nothing received");
	ok(err && strstr(err, "receive goods against a purchase order"), "  the right is named");
	free(err);
	err = NULL;
	if (app_login(a, "anna", "1111", 0, &err) != APP_OK) {
		printf("Bail out! %s\n", err ? err : "cannot log in");
		return 1;
	}
	is_int(app_purchase_receive(a, number, NULL, &one, 0, &left, &err), APP_DENIED,
	       "a cashier receives nothing");
	free(err);
	err = NULL;
	is_int(app_approve(a, "bruno", "2222", 0, &err), APP_OK, "a supervisor approves");
	is_int(app_purchase_receive(a, number, NULL, &one, 0, &left, &err), APP_OK,
	       "  the cashier receives one");
	is_int(app_purchase_receive(a, number, NULL, &one, 0, &left, &err), APP_OK,
	       "  and the next of the same delivery");
	is_int(left, 18, "  18 stay open");
	app_require_done(a);
	is_int(app_purchase_receive(a, number, NULL, &one, 0, &left, &err), APP_DENIED,
	       "  the delivery done, the approval is spent");
	free(err);
	err = NULL;
	is_int(app_purchase_receive(b, number, NULL, &one, 0, &left, &err), APP_OK,
	       "the warehouse receives on its own right");

	/* A product the order does not name, taken as an over-delivery, is
	 * receiving without an order. */
	struct app_stock_item other = { .code = "GRO-0022", .qty = "2" };
	is_int(app_purchase_receive(b, number, NULL, &other, 1, &left, &err), APP_DENIED,
	       "the warehouse may not take in what was not ordered, even with over");
	ok(err && strstr(err, "GRO-0022 is not on purchase order 3") &&
	   strstr(err, "receive goods without a purchase order"), "  said with the right");
	free(err);
	err = NULL;
	is_int(app_purchase_get(a, number, &po, &err), APP_OK, "read the order");
	is_int((int64_t)po.n, 1, "  and no line was added");
	app_purchase_release(&po);
	app_logout(b);
	if (app_login(b, "chloe", "3333", 0, &err) != APP_OK) {
		printf("Bail out! %s\n", err ? err : "cannot log in");
		return 1;
	}
	is_int(app_purchase_receive(b, number, NULL, &other, 1, &left, &err), APP_OK,
	       "a manager may");

	/* Receiving without an order: the right, and all the items or none. */
	int64_t un = 0;
	app_logout(a);
	struct app_stock_item loose[2] = { { .code = "GRO-0021", .qty = "3" },
	                                   { .code = "NO-SUCH-CODE", .qty = "1" } };
	is_int(app_receive_unordered(a, "S1", NULL, loose, 1, &un, &err), APP_DENIED,
	       "nobody logged in: no receiving without an order");
	ok(err && strstr(err, "without a purchase order"), "  the right is named");
	free(err);
	err = NULL;
	is_int(app_receive_unordered(b, "S1", NULL, loose, 2, &un, &err), APP_NOTFOUND,
	       "an unknown item refuses the whole receipt");
	free(err);
	err = NULL;
	struct app_purchase_head heads[8];
	size_t nh = 0;
	is_int(app_purchase_list(b, heads, 8, &nh, &err), APP_OK, "the orders listed");
	is_int((int64_t)nh, 3, "  no empty receipt was left behind (the demo's order and two here)");
	is_int(app_receive_unordered(b, "S1", NULL, loose, 1, &un, &err), APP_OK,
	       "the good item alone is received");
	is_int(un, 4, "  numbered 4: the refusal used no number");
	is_int(app_purchase_get(b, un, &po, &err), APP_OK, "read it");
	ok(po.unordered && strcmp(po.status, "received") == 0 && po.n == 1 &&
	   po.lines[0].received == 3, "  unordered, received, three");
	app_purchase_release(&po);

	/* A weighed product's receipt comes back in thousandths. */
	struct app_stock_item kilos = { .code = "GRO-0001", .qty = "5.5" };
	is_int(app_purchase_new(b, "S1", &kilos, 1, &number, &err), APP_OK, "5.5 kg ordered");
	is_int(app_purchase_send(b, number, &err), APP_OK, "  sent");
	struct app_purchase_received got;
	struct app_stock_item two = { .code = "GRO-0001", .qty = "2" };
	is_int(app_purchase_receive_item(b, number, NULL, &two, 0, &got, &err), APP_OK,
	       "2 kg received");
	ok(got.weighed && got.qty == 2000 && got.open_left == 3500 &&
	   strcmp(got.sku, "GRO-0001") == 0, "  weighed, 2000 g, 3500 g open");
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
