/* The stock operations' application layer on the demo shop: a blind count
 * keeps no expected quantity until it is submitted (a sale in between is
 * counted with), approval needs the right, lots leave earliest expiry
 * first (undated last), the negative-stock policy warns through the hook
 * or refuses, and open counts and transfers in transit can be picked up. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include "../lib/tap.h"
#include "../../db/db-internal.h"
#include "../../src/app/app-internal.h"
#include "../../src/app/auth.h"
#include "../../db/stock.h"
#include "../../src/app/stock_ops.h"

static char dir[] = "/tmp/comptoir-stockops-XXXXXX";

static int64_t sql_int(struct app *a, const char *sql)
{
	sqlite3_stmt *st;
	int64_t v = -999;
	if (sqlite3_prepare_v2(a->db->conn, sql, -1, &st, NULL) != SQLITE_OK)
		return v;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_type(st, 0) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static int64_t stock_main(struct app *a)
{
	return sql_int(a, "SELECT qty FROM stock s JOIN products p ON p.id = s.product_id "
	                  "WHERE p.sku = 'BAK-0001' AND s.location_id = 1");
}

static int64_t stock_of(struct app *a, const char *sku)
{
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT COALESCE((SELECT qty FROM stock s JOIN products p ON "
	         "p.id = s.product_id WHERE p.sku = '%s' AND s.location_id = 1), 0)", sku);
	return sql_int(a, sql);
}

/* qty of sku leave location 1 as a sale (negative: they come in). */
static int take_sku(struct app *a, const char *sku, int64_t qty, char **err)
{
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT id FROM products WHERE sku = '%s'", sku);
	int64_t pid = sql_int(a, sql);
	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	int rc = app_stock_take(a, pid, 1, qty, "sale", err, "test %d", 1);
	if (rc == APP_OK && db_commit(a->db, err) != DB_OK)
		rc = APP_IO;
	if (rc != APP_OK)
		db_rollback(a->db);
	return rc;
}

static int take(struct app *a, int64_t qty, char **err)
{
	return take_sku(a, "BAK-0001", qty, err);
}

static char warned[256];
static void on_warn(void *ctx, const char *msg)
{
	(void)ctx;
	snprintf(warned, sizeof warned, "%s", msg);
}

static void test_count(struct app *a)
{
	char *err = NULL;
	int64_t id = 0;
	ok(app_count_open(a, "MAIN", &id, &err) == APP_OK && id == 1, "a count is opened");
	ok(app_count_record(a, id, "BAK-0001", "5", 1, &err) == APP_OK &&
	   app_count_record(a, id, "BAK-0001", "2", 1, &err) == APP_OK, "two scans add up");
	ok(app_count_record(a, id, "BAK-0001", "3", 0, &err) == APP_OK, "a third sets the count");
	ok(app_count_record(a, id, "BAK-0002", "0", 0, &err) == APP_OK, "zero is a count");
	struct app_count_line l[4];
	size_t n = 0;
	ok(app_count_lines(a, id, l, 4, &n, &err) == APP_OK && n == 2 && l[0].counted == 3 &&
	   l[1].counted == 0, "the lines so far: 3 and 0");
	is_int(sql_int(a, "SELECT count(*) FROM count_lines WHERE expected IS NOT NULL"), 0,
	       "no expected quantity is kept before submit");
	struct app_count_info ci[2];
	ok(app_count_list_open(a, "MAIN", ci, 2, &n, &err) == APP_OK && n == 1 && ci[0].id == id,
	   "the open count is found again");
	int64_t before = stock_main(a);
	ok(take(a, 2, &err) == APP_OK, "a sale during the count");
	struct app_count_variance v[4];
	ok(app_count_submit(a, id, v, 4, &n, &err) == APP_OK && n == 2, "submitted: two variances");
	/* The two sold after the scan were not on the shelf when it was
	 * counted: the count is measured against the stock of that moment. */
	is_int(v[0].expected, before, "the expected quantity is the stock when it was scanned");
	is_int(v[0].counted, 3, "  beside what was counted");
	ok(app_count_record(a, id, "BAK-0001", "1", 1, &err) == APP_ERR, "no scan after submit");
	free(err);
	err = NULL;
	ok(app_count_list_open(a, NULL, ci, 2, &n, &err) == APP_OK && n == 0, "no count open now");

	app_logout(a);
	ok(app_login(a, "anna", "1111", 0, &err) == APP_OK, "anna logs in");
	ok(app_count_approve(a, id, &err) == APP_DENIED, "a cashier may not approve");
	free(err);
	err = NULL;
	is_int(stock_main(a), before - 2, "  the stock is untouched");
	ok(app_approve(a, "chloe", "3333", 0, &err) == APP_OK &&
	   app_count_approve(a, id, &err) == APP_OK, "a manager's approval applies it");
	is_int(stock_main(a), 1, "  the stock is what was counted less the two sold since");
	ok(app_count_approve(a, id, &err) != APP_OK, "once only");
	free(err);
	app_logout(a);
}

/* Two counts of one item waiting together: the second, approved after the
 * first, does not take the same loss again. */
static void test_count_twice(struct app *a)
{
	char *err = NULL;
	ok(app_login(a, "chloe", "3333", 0, &err) == APP_OK, "chloe (manager) logs in");
	int64_t have = stock_of(a, "BAK-0003"), c1 = 0, c2 = 0;
	char q[32];
	snprintf(q, sizeof q, "%lld", (long long)(have - 3));
	struct app_count_variance v[2];
	size_t n = 0;
	ok(app_count_open(a, "MAIN", &c1, &err) == APP_OK &&
	   app_count_record(a, c1, "BAK-0003", q, 0, &err) == APP_OK &&
	   app_count_open(a, "MAIN", &c2, &err) == APP_OK &&
	   app_count_record(a, c2, "BAK-0003", q, 0, &err) == APP_OK &&
	   app_count_submit(a, c1, v, 2, &n, &err) == APP_OK &&
	   app_count_submit(a, c2, v, 2, &n, &err) == APP_OK, "two counts find three missing");
	ok(app_count_approve(a, c1, &err) == APP_OK, "the first is approved");
	is_int(stock_of(a, "BAK-0003"), have - 3, "  three less");
	ok(app_count_approve(a, c2, &err) == APP_OK, "the second is approved");
	is_int(stock_of(a, "BAK-0003"), have - 3, "  the loss is not taken twice");
	ok(app_count_variances(a, c2, v, 2, &n, &err) == APP_OK && n == 0,
	   "  the second count shows no variance left");

	/* A sale after the scan, before submit, does not come back. */
	ok(take_sku(a, "BAK-0003", stock_of(a, "BAK-0003") - 50, &err) == APP_OK &&
	   stock_of(a, "BAK-0003") == 50, "fifty on hand");
	ok(app_count_open(a, "MAIN", &c1, &err) == APP_OK &&
	   app_count_record(a, c1, "BAK-0003", "45", 0, &err) == APP_OK, "forty-five counted");
	ok(take_sku(a, "BAK-0003", 5, &err) == APP_OK, "five sold after the scan");
	ok(app_count_submit(a, c1, v, 2, &n, &err) == APP_OK && n == 1 && v[0].expected == 50 &&
	   v[0].counted == 45, "submitted: forty-five counted where fifty were");
	ok(app_count_approve(a, c1, &err) == APP_OK, "approved");
	is_int(stock_of(a, "BAK-0003"), 40, "  forty on hand: the sold five stay sold");
	app_logout(a);
}

static void test_lots(struct app *a)
{
	char *err = NULL;
	ok(app_login(a, "dario", "4444", 0, &err) == APP_OK, "dario (warehouse) logs in");
	struct app_stock_item late = { "BAK-0001", "5", "LATE", "2027-12-31" };
	struct app_stock_item early = { "BAK-0001", "5", "EARLY", "2027-01-31" };
	struct app_stock_item undated = { "BAK-0001", "5", "NODATE", NULL };
	ok(app_stock_adjust_lot(a, "MAIN", &late, "found", &err) == APP_OK &&
	   app_stock_adjust_lot(a, "MAIN", &early, "found", &err) == APP_OK &&
	   app_stock_adjust_lot(a, "MAIN", &undated, "found", &err) == APP_OK,
	   "three lots found");
	struct app_stock_item wrong = { "BAK-0001", "1", "EARLY", "2028-01-01" };
	ok(app_stock_adjust_lot(a, "MAIN", &wrong, "found", &err) == APP_ERR,
	   "a lot keeps its expiry");
	free(err);
	err = NULL;
	ok(take(a, 12, &err) == APP_OK, "twelve leave");
	struct app_stock_lot lots[8];
	size_t n = 0;
	ok(app_stock_lots(a, "BAK-0001", lots, 8, &n, &err) == APP_OK && n == 1, "one lot left");
	is_str(lots[0].lot, "NODATE", "  the undated one");
	is_int(lots[0].qty, 3, "  with three");
	char order[128] = "";
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(a->db->conn, "SELECT group_concat(c, ' ') FROM (SELECT t.code || ':' "
	                       "|| -m.qty AS c FROM stock_moves m JOIN lots t ON t.id = m.lot_id "
	                       "WHERE m.ref = 'test 1' AND m.qty < 0 ORDER BY m.id)", -1, &st,
	                       NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		snprintf(order, sizeof order, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	is_str(order, "EARLY:5 LATE:5 NODATE:2", "earliest expiry first, undated last");

	app_stock_set_warn(on_warn, NULL);
	ok(app_product_negative_set(a, "BAK-0001", "warn", &err) == APP_OK, "policy warn");
	int64_t have = stock_main(a);
	ok(take(a, have + 1, &err) == APP_OK && strstr(warned, "goes below zero"),
	   "taking too much warns");
	ok(app_product_negative_set(a, "BAK-0001", "refuse", &err) == APP_OK, "policy refuse");
	ok(take(a, 1, &err) == APP_ERR && err && strstr(err, "not enough stock of BAK-0001"),
	   "taking more than on hand is refused");
	free(err);
	err = NULL;
	is_int(stock_main(a), -1, "  and nothing was taken");
	app_stock_set_warn(NULL, NULL);
}

/* Lot codes and expiry dates are checked before a lot is made. */
static void test_lot_checks(struct app *a)
{
	char *err = NULL;
	ok(app_login(a, "chloe", "3333", 0, &err) == APP_OK, "chloe logs in");
	static const struct { const char *lot, *expiry, *why; } bad[] = {
		{ "L\x01X", NULL, "control characters" },
		{ "L\x7fX", NULL, "control characters" },
		{ "L\x1b[2J", NULL, "control characters" },
		{ " L9", NULL, "begin or end with a space" },
		{ "L9 ", NULL, "begin or end with a space" },
		{ "L9", "2027-19-39", "not an expiry date" },
		{ "L9", "2026-02-30", "not an expiry date" },
		{ "L9", "2026-2-3", "not an expiry date" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct app_stock_item it = { "BAK-0002", "1", bad[i].lot, bad[i].expiry };
		int rc = app_stock_adjust_lot(a, "MAIN", &it, "found", &err);
		ok(rc == APP_ERR && err && strstr(err, bad[i].why), "lot %zu refused: %s", i,
		   err ? err : "accepted");
		free(err);
		err = NULL;
	}
	is_int(sql_int(a, "SELECT count(*) FROM lots WHERE code LIKE '%L9%' OR code LIKE 'L_X'"
	               " OR code LIKE 'L_[2J'"), 0, "no such lot was made");
	struct app_stock_item fine = { "BAK-0002", "1", "L 9", "2028-02-29" };
	ok(app_stock_adjust_lot(a, "MAIN", &fine, "found", &err) == APP_OK,
	   "a blank inside a code and 29 February of a leap year are fine");
	app_logout(a);
	ok(app_login(a, "dario", "4444", 0, &err) == APP_OK, "dario logs in again");
}

static void test_transit(struct app *a)
{
	char *err = NULL;
	ok(app_location_add(a, "SHOP2", "Second shop", "shop", &err) == APP_OK, "a second shop");
	ok(app_location_add(a, "SHOP2", "Again", "shop", &err) == APP_ERR, "codes are unique");
	free(err);
	err = NULL;
	struct app_stock_item it = { "BAK-0002", "4", NULL, NULL };
	int64_t num = 0;
	ok(app_transfer_send(a, "MAIN", "SHOP2", &it, 1, &num, &err) == APP_OK, "sent in transit");
	struct app_transfer_info t[2];
	size_t n = 0;
	ok(app_transfer_list_transit(a, t, 2, &n, &err) == APP_OK && n == 1 && t[0].number == num &&
	   strcmp(t[0].to, "SHOP2") == 0, "it is listed in transit");
	ok(app_transfer_arrive(a, num, &err) == APP_OK, "it arrives");
	ok(app_transfer_list_transit(a, t, 2, &n, &err) == APP_OK && n == 0, "nothing in transit");
	struct db_stock_drift d[1];
	ok(db_stock_drifts(a->db, d, 1, &n, &err) == DB_OK && n == 0,
	   "stock is still the sum of movements");
}

int main(void)
{
	if (!mkdtemp(dir))
		return 1;
	char path[300], *err = NULL;
	snprintf(path, sizeof path, "%s/shop.db", dir);
	struct app *a;
	if (app_init_shop(path, APP_COUNTRY_FR, 1, &err) != APP_OK ||
	    app_open(path, APP_OPEN_EXISTING, &a, &err) != APP_OK) {
		printf("Bail out! %s\n", err);
		return 1;
	}
	test_count(a);
	test_count_twice(a);
	test_lots(a);
	test_lot_checks(a);
	test_transit(a);
	app_close(a);
	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		return 1;
	return done_testing();
}
