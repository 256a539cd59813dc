/* A shop that sold before it had a journal (schema 4) is migrated: its old
 * tickets are named by one first journal record, so verify passes and
 * asks records only of the tickets sold since; a ticket slipped in later
 * is still caught, and a shop whose journal is simply emptied gets no
 * such pardon. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../lib/tap.h"
#include "../../db/db-internal.h"
#include "../../src/app/app-internal.h"
#include "../../src/app/fiscal.h"

static char dir[] = "/tmp/comptoir-upgrade-XXXXXX";

static int sql(sqlite3 *c, const char *s)
{
	char *e = NULL;
	int rc = sqlite3_exec(c, s, NULL, NULL, &e);
	if (rc != SQLITE_OK)
		printf("# sql: %s\n", e ? e : "?");
	sqlite3_free(e);
	return rc;
}

int main(void)
{
	if (!mkdtemp(dir))
		return 1;
	char path[300], *err = NULL;
	snprintf(path, sizeof path, "%s/old.db", dir);
	struct db *db;
	ok(db_open(path, 1, &db, &err) == DB_OK && db_migrate_to(db, 4, &err) == DB_OK,
	   "a shop at schema 4");
	ok(sql(db->conn,
	       "INSERT INTO settings(key, value) VALUES ('country', 'FR');"
	       "INSERT INTO tax_classes(code, name, rate) VALUES ('R', 'reduced', 550);"
	       "INSERT INTO locations(code, name) VALUES ('MAIN', 'Shop');"
	       "INSERT INTO products(sku, name, tax_class_id, price) VALUES ('A', 'Jam', 1, 100);"
	       "INSERT INTO stock(product_id, location_id, qty) VALUES (1, 1, 37);"
	       "UPDATE counters SET value = 2 WHERE name = 'ticket';"
	       "INSERT INTO tickets(number, idem_key, created_at, terminal, user_name,"
	       "  prices_include_tax, total, net, tax, discount, paid, change, rounding)"
	       "  VALUES (1, 'k1', 1700000000, 'till-1', 'till-1', 1, 100, 95, 5, 0, 100, 0, 0),"
	       "         (2, 'k2', 1700000100, 'till-1', 'till-1', 1, 200, 190, 10, 0, 200, 0, 0);"
	       "INSERT INTO ticket_lines(ticket_id, line_no, product_id, sku, name, qty, weighed,"
	       "  unit_price, discount_pct, amount, discount, tax_rate, net, tax, gross, voided)"
	       "  VALUES (1, 1, 1, 'A', 'Jam', 1, 0, 100, 0, 100, 0, 550, 95, 5, 100, 0),"
	       "         (2, 1, 1, 'A', 'Jam', 2, 0, 100, 0, 200, 0, 550, 190, 10, 200, 0);"
	       "INSERT INTO payments(ticket_id, seq, method, amount) VALUES (1, 1, 'cash', 100),"
	       "  (2, 1, 'cash', 200);") == SQLITE_OK, "with two tickets sold");
	db_close(db);

	struct app *a;
	ok(app_open(path, APP_OPEN_EXISTING, &a, &err) == APP_OK, "the new program opens it");
	struct app_verify_result vr;
	int rc = app_verify(a, &vr, &err);
	is_int(rc, APP_OK, "verify passes: %s", rc == APP_OK ? "intact" : vr.why);
	is_int(vr.records, 1, "  one record: the start naming the earlier tickets");
	/* Stock held before movements were kept becomes one opening movement. */
	sqlite3_stmt *st;
	int64_t moved = -1;
	char reason[16] = "";
	if (sqlite3_prepare_v2(a->db->conn, "SELECT SUM(qty), MIN(reason) FROM stock_moves", -1, &st,
	                       NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW) {
			moved = sqlite3_column_int64(st, 0);
			snprintf(reason, sizeof reason, "%s", (const char *)sqlite3_column_text(st, 1));
		}
		sqlite3_finalize(st);
	}
	is_int(moved, 37, "  the stock held before became movements adding up to it");
	is_str(reason, "opening", "  as an opening movement");
	app_close(a);

	ok(app_open(path, APP_OPEN_EXISTING, &a, &err) == APP_OK, "opened again");
	is_int(app_verify(a, &vr, &err), APP_OK, "  no second start record");
	is_int(vr.records, 1, "  still one record");
	app_close(a);

	/* A ticket written later outside comptoir is still caught. */
	sqlite3 *c;
	sqlite3_open(path, &c);
	sql(c, "INSERT INTO tickets(number, idem_key, created_at, terminal, user_name,"
	       "  prices_include_tax, total, net, tax, discount, paid, change, rounding)"
	       "  VALUES (3, 'k3', 1700000200, 'x', 'x', 1, 100, 95, 5, 0, 100, 0, 0)");
	sqlite3_close(c);
	ok(app_open(path, APP_OPEN_EXISTING, &a, &err) == APP_OK, "opened after an insert");
	is_int(app_verify(a, &vr, &err), APP_ERR, "  verify fails");
	ok(strstr(vr.why, "ticket 3 has no journal record") != NULL, "  naming ticket 3: %s", vr.why);
	app_close(a);

	/* Emptying a new shop's journal is not an upgrade: no pardon. */
	snprintf(path, sizeof path, "%s/new.db", dir);
	ok(app_init_shop(path, APP_COUNTRY_FR, 0, &err) == APP_OK, "a new shop");
	sqlite3_open(path, &c);
	sql(c, "INSERT INTO tax_classes(code, name, rate) VALUES ('Z', 'zero', 0);"
	       "INSERT INTO tickets(number, idem_key, created_at, terminal, user_name,"
	       "  prices_include_tax, total, net, tax, discount, paid, change, rounding)"
	       "  VALUES (1, 'k1', 1700000000, 'x', 'x', 1, 100, 100, 0, 0, 100, 0, 0)");
	sqlite3_close(c);
	ok(app_open(path, APP_OPEN_EXISTING, &a, &err) == APP_OK, "opened with a ticket and no journal");
	is_int(app_verify(a, &vr, &err), APP_ERR, "  verify fails: the ticket has no record");
	app_close(a);

	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", dir);
	return done_testing();
}
