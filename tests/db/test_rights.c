/* Rights where the action happens, on the demo shop's users: manual prices
 * (kept when quantities change), discounts above the threshold, the list's
 * rules waived; refused without the right, accepted with it, and with a
 * supervisor's one-time approval; each recorded in the journal on commit. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../lib/tap.h"
#include "../../db/db-internal.h"
#include "../../src/app/app-internal.h"
#include "../../src/app/auth.h"
#include "../../src/app/fiscal.h"
#include "../../src/app/ticket.h"

static char dir[] = "/tmp/comptoir-rights-XXXXXX";

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

static int refused(int rc, char **err, const char *want)
{
	int good = (rc == APP_ERR || rc == APP_DENIED) && *err && strstr(*err, want);
	if (!good)
		printf("# rc %d, message: %s\n", rc, *err ? *err : "(none)");
	free(*err);
	*err = NULL;
	return good;
}

static void cash_commit(struct app *a, struct app_ticket *t, struct app_sale_result *res,
                        char **err)
{
	struct tender td;
	tender_init(&td, t->cart.total_gross, a->shop.cash_step);
	tender_add(&td, PAY_CASH, t->cart.total_gross, NULL);
	ok(app_ticket_commit(a, t, &td, NULL, res, err) == APP_OK, "the ticket commits");
}

int main(void)
{
	if (!mkdtemp(dir))
		return 1;
	char path[300], *err = NULL;
	snprintf(path, sizeof path, "%s/shop.db", dir);
	if (app_init_shop(path, APP_COUNTRY_FR, 1, &err) != APP_OK) {
		printf("Bail out! %s\n", err);
		return 1;
	}
	struct app *a;
	if (app_open(path, APP_OPEN_EXISTING, &a, &err) != APP_OK) {
		printf("Bail out! %s\n", err);
		return 1;
	}
	struct app_ticket t;
	app_ticket_init(a, &t);
	int line = app_ticket_add(a, &t, "BAK-0001", "3", &err);
	ok(line == 0, "three baguettes on the ticket");
	money_t engine = t.cart.lines[0].item.unit_price;

	ok(refused(app_ticket_override(a, &t, 0, "1,00", "damaged", &err), &err,
	           "needs the right to override"), "a manual price without a user is refused");
	ok(app_login(a, "anna", "1111", 0, &err) == APP_OK, "anna logs in");
	is_str(app_user_role(a), "cashier", "  as a cashier");
	ok(refused(app_ticket_override(a, &t, 0, "1,00", "damaged", &err), &err,
	           "anna (cashier) may not override"), "a cashier's manual price is refused");
	is_int(t.cart.lines[0].item.unit_price, engine, "  the price is unchanged");
	ok(refused(app_approve(a, "bruno", "0000", 0, &err), &err, "wrong PIN for bruno"),
	   "a wrong supervisor PIN is refused");
	ok(app_approve(a, "bruno", "2222", 0, &err) == APP_OK, "bruno approves with his PIN");
	ok(refused(app_ticket_override(a, &t, 0, "1,00", "", &err), &err, "reason"),
	   "a manual price needs a reason");
	ok(app_ticket_override(a, &t, 0, "1,00", "damaged", &err) == APP_OK,
	   "with bruno's approval the manual price is set");
	is_int(t.cart.lines[0].item.unit_price, 100, "  the line is at 1.00");
	is_int(t.cart.lines[0].item.price_source, PRICE_FROM_OVERRIDE, "  priced by override");
	ok(refused(app_ticket_override(a, &t, 0, "0,90", "again", &err), &err, "may not override"),
	   "the approval was used up by one action");

	ok(app_ticket_set_qty(a, &t, 0, "12", &err) == APP_OK, "the quantity becomes 12");
	is_int(t.cart.lines[0].item.unit_price, 100, "  the manual price survives (no break)");
	ok(app_ticket_add(a, &t, "BAK-0001", NULL, &err) >= 0, "one more baguette scanned");
	is_int(t.cart.lines[0].item.unit_price, 100, "  still the manual price");
	char *why = NULL;
	ok(app_ticket_why(a, &t, 0, &why, &err) == APP_OK && why &&
	   strstr(why, "set by anna, approved by bruno: damaged"), "why names who set it");
	free(why);

	/* Discounts: up to the threshold anyone, above it by right. */
	int jam = app_ticket_add(a, &t, "BAK-0002", NULL, &err);
	ok(jam >= 0, "another product");
	ok(app_ticket_discount(a, &t, (size_t)jam, "10", NULL, &err) == APP_OK,
	   "a 10 %% discount needs no right");
	ok(refused(app_ticket_discount(a, &t, (size_t)jam, "30", "friend", &err), &err,
	           "may not give a discount"), "30 %% by a cashier is refused");
	is_int(t.cart.lines[jam].discount_pct, 1000, "  the 10 %% stays");
	ok(refused(app_ticket_discount(a, &t, (size_t)jam, "101", "x", &err), &err, "bad discount"),
	   "more than 100 %% is refused");
	ok(app_approve(a, "chloe", "3333", 0, &err) == APP_OK, "chloe the manager approves");
	ok(app_ticket_discount(a, &t, (size_t)jam, "30", "friend", &err) == APP_OK,
	   "then 30 %% is given");
	is_int(t.cart.lines[jam].discount_pct, 3000, "  on the line");

	struct app_sale_result res;
	cash_commit(a, &t, &res, &err);
	is_int(query_int(a, "SELECT count(*) FROM journal WHERE kind = 'price_override' "
	                    "AND user_name = 'anna' AND approver = 'bruno'"), 1,
	       "the manual price is a journal record naming anna and bruno");
	is_int(query_int(a, "SELECT count(*) FROM journal WHERE kind = 'discount' "
	                    "AND approver = 'chloe'"), 1, "the large discount is one naming chloe");
	is_int(query_int(a, "SELECT count(*) FROM ticket_lines WHERE override_reason = 'damaged'"),
	       1, "the line keeps the reason");
	struct app_verify_result vr;
	ok(app_verify(a, &vr, &err) == APP_OK, "the journal verifies");

	/* A reseller's list minimum, waived by right. */
	app_ticket_clear(a, &t);
	ok(app_ticket_set_customer(a, &t, "C0005", &err) == APP_OK, "a reseller");
	ok(app_ticket_add(a, &t, "BAK-0001", "2", &err) >= 0, "buys two");
	ok(refused(app_ticket_check(a, &t, &err), &err, "too few"), "two is below the list minimum");
	ok(refused(app_ticket_waive_rules(a, &t, "trial order", &err), &err, "may not override"),
	   "a cashier cannot waive it");
	app_logout(a);
	ok(app_login(a, "chloe", "3333", 0, &err) == APP_OK, "chloe logs in");
	ok(app_ticket_waive_rules(a, &t, "trial order", &err) == APP_OK, "a manager waives it");
	ok(app_ticket_check(a, &t, &err) == APP_OK, "the ticket passes");
	cash_commit(a, &t, &res, &err);
	is_int(query_int(a, "SELECT count(*) FROM journal WHERE kind = 'price_override' "
	                    "AND user_name = 'chloe' AND payload LIKE 'rules_waived reseller%'"), 1,
	       "the waiver is a journal record");
	ok(app_verify(a, &vr, &err) == APP_OK, "the journal still verifies");

	app_ticket_release(&t);
	app_close(a);
	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", dir);
	return done_testing();
}
