/* The desk's application layer on the demo shop: an order read back for
 * its own customer only (what `ask "order N"` uses), the credit check made
 * inside a transaction, invoices journalled with amount 0, and posted
 * invoices refusing UPDATE while orders take status changes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../lib/tap.h"
#include "../../db/db.h"
#include "../../src/app/app-internal.h"
#include "../../src/app/auth.h"
#include "../../src/app/documents.h"

static char dir[] = "/tmp/comptoir-desk-XXXXXX";

int main(void)
{
	if (!mkdtemp(dir))
		return 1;
	char path[300], *err = NULL;
	snprintf(path, sizeof path, "%s/shop.db", dir);
	setenv("COMPTOIR_TODAY", "2026-05-04", 1);
	struct app *a;
	if (app_init_shop(path, APP_COUNTRY_FR, 1, &err) != APP_OK ||
	    app_open(path, APP_OPEN_EXISTING, &a, &err) != APP_OK) {
		printf("Bail out! %s\n", err);
		return 1;
	}
	is_int(app_desk_today(), 20260504, "today comes from COMPTOIR_TODAY in tests");
	ok(app_login(a, "anna", "1111", 0, &err) == APP_OK, "anna logs in");
	struct app_doc_item items[] = { { "BAK-0001", "6" }, { "BAK-0002", "12" } };
	struct app_doc_result res;
	ok(app_order_new(a, "C0005", 0, items, 2, &res, &err) == APP_OK, "an order for C0005");
	is_str(res.number, "1", "  numbered 1");

	char *text = NULL;
	ok(app_doc_order_summary(a, "C0005", 1, &text, &err) == APP_OK, "C0005 reads its order");
	ok(text && strstr(text, "status open") && strstr(text, "BAK-0002 12 x"),
	   "  with its status and lines");
	free(text);
	text = NULL;
	int rc = app_doc_order_summary(a, "C0006", 1, &text, &err);
	ok(rc == APP_NOTFOUND && !text && err && strstr(err, "no order 1 for C0006"),
	   "another customer is told there is no such order");
	free(err);
	err = NULL;

	ok(app_deliver(a, 1, NULL, 0, &res, &err) == APP_OK, "delivered in full");
	ok(app_invoice(a, 1, &res, &err) == APP_OK, "invoiced");
	is_str(res.number, "2026-1", "  invoice 2026-1");
	struct db *db = a->db;
	ok(db_exec(db, "UPDATE documents SET due = 20260101 WHERE kind = 'invoice'", &err) != DB_OK &&
	   err && strstr(err, "cannot be changed"), "a posted invoice refuses UPDATE");
	free(err);
	err = NULL;
	ok(db_exec(db, "UPDATE documents SET status = 'closed' WHERE kind = 'order'", &err) == DB_OK,
	   "an order takes a status change");

	setenv("COMPTOIR_TODAY", "2026-07-01", 1);
	int approved = -1;
	ok(db_begin(db, &err) == DB_OK, "a transaction");
	rc = app_credit_allow(a, 6, 100, &approved, &err);
	db_rollback(db);
	ok(rc == APP_DENIED && approved == 0 && err && strstr(err, "has invoices overdue"),
	   "an overdue invoice blocks a cashier");
	free(err);
	err = NULL;
	ok(app_approve(a, "bruno", "2222", 0, &err) == APP_OK, "bruno approves");
	ok(db_begin(db, &err) == DB_OK, "a transaction");
	rc = app_credit_allow(a, 6, 100, &approved, &err);
	db_rollback(db);
	ok(rc == APP_OK && approved == 1 && strcmp(app_approver(a), "bruno") == 0,
	   "  and his approval passes it");
	app_require_done(a);

	struct app_balance b;
	ok(app_balance(a, "C0005", &b, &err) == APP_OK && b.ninv == 1 && b.bucket[1] == b.owed &&
	   b.overdue == b.owed, "on 1 July the invoice due 3 June is 28 days late");
	app_balance_release(&b);
	app_close(a);
	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		return 1;
	return done_testing();
}
