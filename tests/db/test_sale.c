/* Sales through the application layer on a real database file: totals as
 * stored equal the cart's and the receipt's, gapless numbers, idempotency,
 * stock decrements, and a printer that fails without losing the sale. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../lib/tap.h"
#include "../../db/db-internal.h"
#include "../../db/catalog.h"
#include "../../src/app/app-internal.h"
#include "../../src/core/barcode.h"

static char dir[] = "/tmp/comptoir-sale-XXXXXX";
static char path[300];

static int64_t query_int(struct app *a, const char *sql)
{
	sqlite3_stmt *st;
	int64_t v = -999;
	if (sqlite3_prepare_v2(a->db->conn, sql, -1, &st, NULL) != SQLITE_OK)
		return -998;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* A plain shop with three products at 5.5 % priced 1.00 tax included, one
 * weighed cheese and one customer. */
static struct app *make_shop(void)
{
	char *err = NULL;
	snprintf(path, sizeof path, "%s/shop.db", dir);
	if (app_init_shop(path, APP_COUNTRY_FR, 0, &err) != APP_OK) {
		printf("# init: %s\n", err);
		return NULL;
	}
	struct app *a;
	if (app_open(path, APP_OPEN_EXISTING, &a, &err) != APP_OK) {
		printf("# open: %s\n", err);
		return NULL;
	}
	struct db *db = a->db;
	db_begin(db, &err);
	int64_t tax = 0, id;
	sqlite3_stmt *st;
	sqlite3_prepare_v2(db->conn, "SELECT id FROM tax_classes WHERE rate = 550", -1, &st, NULL);
	if (sqlite3_step(st) == SQLITE_ROW)
		tax = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	const char *skus[] = { "JAM", "TEA", "SOAP" };
	const char *codes[] = { "3000000000014", "3000000000021", "3000000000038" };
	for (int i = 0; i < 3; i++) {
		struct db_product_new p = { .sku = skus[i], .name = skus[i], .tax_class_id = tax,
		                            .price = 100 };
		db_product_add(db, &p, &id, &err);
		db_barcode_add(db, codes[i], id, 1, &err);
		app_stock_move(a, id, a->location_id, 50, "opening", &err, NULL);
	}
	struct db_product_new cheese = { .sku = "COMTE", .name = "Comté affiné", .tax_class_id = tax,
	                                 .price = 2490, .weighed = 1, .unit = "kg" };
	db_product_add(db, &cheese, &id, &err);
	char key[14];
	barcode_instore_make("2512345", 0, &barcode_instore_default[1], key);
	db_barcode_add(db, key, id, 1, &err);
	app_stock_move(a, id, a->location_id, 5000, "opening", &err, NULL);
	db_customer_add(db, "R1", "Restaurant Le Zinc", "restaurant", &err);
	/* A supplier's code that happens to start with 2: registered as it is. */
	struct db_product_new odd = { .sku = "ODD2", .name = "Code en 2", .tax_class_id = tax,
	                              .price = 500 };
	db_product_add(db, &odd, &id, &err);
	char two[14] = "200000000001";
	two[12] = (char)('0' + barcode_check_digit(two, 12));
	two[13] = '\0';
	db_barcode_add(db, two, id, 1, &err);
	if (db_commit(db, &err) != DB_OK)
		printf("# setup: %s\n", err ? err : "?");
	free(err);
	return a;
}

static int add_code(struct app *a, struct cart *c, const char *code, int64_t qty)
{
	struct app_scan s;
	char *err = NULL;
	int rc = app_lookup(a, code, &s, &err);
	free(err);
	if (rc != APP_OK)
		return rc;
	return cart_add(c, &s.item, s.qty ? s.qty : qty, 1);
}

static void test_three_line_rounding(struct app *a)
{
	struct cart c;
	cart_init(&c, 1);
	add_code(a, &c, "3000000000014", 1);
	add_code(a, &c, "3000000000021", 1);
	add_code(a, &c, "SOAP", 1);
	is_int(c.total_gross, 300, "three lines at 1.00 total 3.00");
	is_int(c.total_tax, 15, "per-line tax: 3 x 0.05 = 0.15");
	struct tax_split doc;
	tax_split(300, 550, 1, &doc);
	is_int(doc.tax, 16, "tax on the document total would be 0.16: one cent apart");
	struct tender t;
	tender_init(&t, c.total_gross, 0);
	tender_add(&t, PAY_CASH, 500, NULL);
	char key[33];
	app_new_key(key);
	struct app_sale sale = { .cart = &c, .tender = &t, .idem_key = key };
	struct app_sale_result res;
	char *err = NULL;
	is_int(app_sale_commit(a, &sale, &res, &err), APP_OK, "sale committed");
	is_int(res.number, 1, "first ticket is number 1");
	is_int(res.change, 200, "change 2.00 from 5.00");
	is_int(query_int(a, "SELECT total FROM tickets WHERE number = 1"), 300, "stored total 3.00");
	is_int(query_int(a, "SELECT tax FROM tickets WHERE number = 1"), 15,
	       "stored tax is the sum of the lines");
	is_int(query_int(a, "SELECT sum(tax) FROM ticket_lines"), 15, "lines hold 0.05 each");
	is_int(query_int(a, "SELECT paid - change FROM tickets WHERE number = 1"), 300,
	       "payments - change = total");
	is_int(query_int(a, "SELECT sum(amount) FROM payments"), 500, "payment stored as tendered");
	char *text = NULL;
	is_int(app_receipt_text(a, 1, 0, &text, &err), APP_OK, "receipt rendered");
	ok(text && strstr(text, "TOTAL") && strstr(text, "3,00 €"), "receipt total 3,00 €");
	ok(text && strstr(text, "0,15 €"), "receipt tax 0,15 € per line sum");
	ok(text && !strstr(text, "COPY"), "the first receipt is not a copy");
	free(text);
	app_receipt_text(a, 1, 1, &text, &err);
	ok(text && strstr(text, "COPY"), "a reprint is marked as a copy");
	free(text);
	is_int(query_int(a, "SELECT qty FROM stock s JOIN products p ON p.id = s.product_id "
	                    "WHERE p.sku = 'JAM'"), 49, "stock decremented");
	free(err);
	cart_release(&c);
}

static int sell_one(struct app *a, const char *code, const char *customer, const char *key,
                    struct app_sale_result *res, char **err)
{
	struct cart c;
	cart_init(&c, 1);
	add_code(a, &c, code, 1);
	struct tender t;
	tender_init(&t, c.total_gross, 0);
	tender_add(&t, PAY_CASH, c.total_gross, NULL);
	struct app_sale sale = { .cart = &c, .tender = &t, .idem_key = key,
	                         .customer_code = customer };
	int rc = app_sale_commit(a, &sale, res, err);
	cart_release(&c);
	return rc;
}

static void test_numbers_and_keys(struct app *a)
{
	char key[33], *err = NULL;
	struct app_sale_result res;
	app_new_key(key);
	is_int(sell_one(a, "TEA", "NOBODY", key, &res, &err), APP_NOTFOUND,
	       "unknown customer refused");
	ok(err && strstr(err, "NOBODY"), "message names the customer: %s", err ? err : "");
	free(err);
	err = NULL;
	is_int(query_int(a, "SELECT count(*) FROM tickets"), 1, "nothing written");
	is_int(sell_one(a, "TEA", "R1", key, &res, &err), APP_OK, "sale to customer R1");
	is_int(res.number, 2, "number 2: the refused sale took no number");
	int64_t tea = query_int(a, "SELECT qty FROM stock s JOIN products p ON p.id = s.product_id "
	                           "WHERE p.sku = 'TEA'");
	is_int(sell_one(a, "TEA", "R1", key, &res, &err), APP_OK, "same key committed again");
	ok(res.replayed && res.number == 2, "the first ticket comes back (replayed)");
	is_int(query_int(a, "SELECT count(*) FROM tickets"), 2, "still two tickets");
	is_int(query_int(a, "SELECT qty FROM stock s JOIN products p ON p.id = s.product_id "
	                    "WHERE p.sku = 'TEA'"), tea, "stock not decremented twice");
	is_int(sell_one(a, "TEA", NULL, "not-a-key", &res, &err), APP_ERR, "a bad key is refused");
	free(err);
	err = NULL;
	app_new_key(key);
	sell_one(a, "TEA", NULL, key, &res, &err);
	is_int(res.number, 3, "numbers stay gapless");
	is_int(query_int(a, "SELECT max(number) - min(number) + 1 - count(*) FROM tickets"), 0,
	       "no gap in ticket numbers");
	free(err);
}

static void test_weighed_and_lookup(struct app *a)
{
	char code[14], *err = NULL;
	barcode_instore_make("2512345", 250, &barcode_instore_default[1], code);
	struct app_scan s;
	is_int(app_lookup(a, code, &s, &err), APP_OK, "in-store weight code %s found", code);
	is_int(s.qty, 250, "carries 250 g");
	is_str(s.item.sku, "COMTE", "of the cheese");
	char bad[14];
	strcpy(bad, code);
	bad[12] = bad[12] == '9' ? '0' : bad[12] + 1;
	is_int(app_lookup(a, bad, &s, &err), APP_ERR, "wrong check digit refused");
	ok(err && strstr(err, "check digit"), "message: %s", err ? err : "");
	free(err);
	err = NULL;
	char two[14] = "200000000001";
	two[12] = (char)('0' + barcode_check_digit(two, 12));
	two[13] = '\0';
	is_int(app_lookup(a, two, &s, &err), APP_OK, "a registered code in the 20-29 range is found");
	is_str(s.item.sku, "ODD2", "as itself, not as an in-store price code");
	is_int(app_lookup(a, "9999999999994", &s, &err), APP_NOTFOUND, "unknown EAN");
	free(err);
	err = NULL;
	char longcode[201];
	memset(longcode, '7', 200);
	longcode[200] = '\0';
	is_int(app_lookup(a, longcode, &s, &err), APP_ERR, "a 200-character code is refused");
	ok(err && strstr(err, "too long"), "message: %s", err ? err : "");
	free(err);
	err = NULL;
	is_int(app_lookup(a, "TEA\x1b[2J", &s, &err), APP_ERR, "control characters refused");
	ok(err && !strchr(err, '\x1b'), "the message carries no escape byte");
	free(err);
}

static void test_printer(struct app *a)
{
	char key[33], *err = NULL, uri[400];
	struct app_sale_result res;
	snprintf(uri, sizeof uri, "file:%s/no-such-dir/receipts.txt", dir);
	app_set_printer(a, uri);
	app_new_key(key);
	int64_t before = query_int(a, "SELECT count(*) FROM tickets");
	is_int(sell_one(a, "JAM", NULL, key, &res, &err), APP_OK,
	       "sale with a printer that fails still commits");
	ok(res.print_status < 0 && res.print_error[0], "print failure reported: %s", res.print_error);
	is_int(query_int(a, "SELECT count(*) FROM tickets"), before + 1, "the ticket is there");
	is_int(query_int(a, "SELECT count(*) FROM print_jobs WHERE state = 'pending' "
	                    "AND attempts = 1 AND last_error <> ''"), 1,
	       "the job waits with its error");
	snprintf(uri, sizeof uri, "file:%s/receipts.txt", dir);
	app_set_printer(a, uri);
	app_new_key(key);
	is_int(sell_one(a, "JAM", NULL, key, &res, &err), APP_OK, "sale with a working printer");
	is_int(res.print_status, 0, "printed");
	is_int(query_int(a, "SELECT count(*) FROM print_jobs WHERE state = 'done'"), 1, "job done");
	char file[400], buf[4096] = "";
	snprintf(file, sizeof file, "%s/receipts.txt", dir);
	FILE *f = fopen(file, "r");
	size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
	buf[n] = '\0';
	if (f)
		fclose(f);
	char want[64];
	snprintf(want, sizeof want, "Ticket %lld", (long long)res.number);
	ok(strstr(buf, want) != NULL, "the receipt file holds %s", want);
	app_set_printer(a, "");
	free(err);
}

int main(void)
{
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	struct app *a = make_shop();
	ok(a != NULL, "shop made");
	if (a) {
		test_three_line_rounding(a);
		test_numbers_and_keys(a);
		test_weighed_and_lookup(a);
		test_printer(a);
		app_close(a);
	}
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		diag("could not remove the temporary folder");
	return done_testing();
}
