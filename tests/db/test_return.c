/* Returns and suspended tickets through the application layer, with two
 * connections to one database file standing for two tills: returns chosen
 * on both before either commits cannot both give back the last units; a
 * ticket with a ticket discount returned in pieces gives back exactly what
 * it charged; a suspended ticket is resumed by one till only. */
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
#include "../../src/app/returns.h"
#include "../../src/app/suspend.h"
#include "../../src/app/ticket.h"

static char dir[] = "/tmp/comptoir-return-XXXXXX";
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

/* Sells 5 BAK-0001 and 3 BAK-0002 with 0.37 off the ticket; its number. */
static int64_t sell(struct app *a)
{
	struct app_ticket t;
	app_ticket_init(a, &t);
	char *err = NULL;
	app_ticket_add(a, &t, "BAK-0001", "5", &err);
	app_ticket_add(a, &t, "BAK-0002", "3", &err);
	cart_set_ticket_discount_amount(&t.cart, 37);
	struct tender td;
	tender_init(&td, t.cart.total_gross, 0);
	tender_add(&td, PAY_CASH, t.cart.total_gross, NULL);
	struct app_sale_result res;
	int rc = app_ticket_commit(a, &t, &td, NULL, &res, &err);
	if (rc != APP_OK)
		printf("# sell: %s\n", err ? err : "?");
	free(err);
	app_ticket_release(&t);
	return rc == APP_OK ? res.number : 0;
}

static int return_some(struct app *a, int64_t number, const char *code, const char *qty,
                       struct app_return_result *res, char **err)
{
	struct app_return r;
	char num[32];
	snprintf(num, sizeof num, "%lld", (long long)number);
	int rc = app_return_open(a, num, &r, err);
	if (rc != APP_OK)
		return rc;
	if (code)
		rc = app_return_pick(a, &r, code, qty, err);
	else
		app_return_all(&r);
	struct app_refund how;
	memset(&how, 0, sizeof how);
	if (rc == APP_OK)
		rc = app_return_commit(a, &r, &how, res, err);
	app_return_release(&r);
	return rc;
}

int main(void)
{
	char *err = NULL;
	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof path, "%s/shop.db", dir);
	struct app *a = NULL, *b = NULL;
	if (app_init_shop(path, APP_COUNTRY_FR, 1, &err) != APP_OK ||
	    app_open(path, APP_OPEN_EXISTING, &a, &err) != APP_OK ||
	    app_open(path, APP_OPEN_EXISTING, &b, &err) != APP_OK) {
		printf("Bail out! %s\n", err ? err : "cannot open the shop");
		return 1;
	}
	/* The demo shop's admin adds this test's own. */
	is_int(app_login(a, "admin", "9999", 0, &err), APP_OK, "the demo admin logs in");
	is_int(app_user_add(a, "boss", "admin", "1234", "", &err), APP_OK, "an admin");
	is_int(app_login(a, "boss", "1234", 0, &err), APP_OK, "logs in on till A");
	is_int(app_login(b, "boss", "1234", 0, &err), APP_OK, "and on till B");

	int64_t n1 = sell(a);
	ok(n1 > 0, "a sale with a ticket discount");
	struct app_return ra, rb;
	char num[32];
	snprintf(num, sizeof num, "%lld", (long long)n1);
	is_int(app_return_open(a, num, &ra, &err), APP_OK, "till A opens its return");
	is_int(app_return_open(b, num, &rb, &err), APP_OK, "till B opens the same");
	app_return_all(&ra);
	app_return_all(&rb);
	ok(ra.total > 0 && ra.total == rb.total, "both chose everything");
	struct app_refund how;
	memset(&how, 0, sizeof how);
	struct app_return_result res;
	is_int(app_return_commit(a, &ra, &how, &res, &err), APP_OK, "A commits");
	is_int(res.total, -query_int(a, "SELECT total FROM tickets WHERE number = 1"),
	       "a full return gives back exactly the total");
	free(err);
	err = NULL;
	is_int(app_return_commit(b, &rb, &how, &res, &err), APP_ERR,
	       "B, chosen before A committed, is refused");
	ok(err && strstr(err, "only 0 left"), "saying nothing is left (%s)", err ? err : "");
	free(err);
	err = NULL;
	app_return_release(&ra);
	app_return_release(&rb);
	is_int(query_int(a, "SELECT count(*) FROM tickets WHERE kind = 'return'"), 1, "one return");

	int64_t n2 = sell(a);
	int pieces_ok = 1;
	for (int i = 0; i < 4; i++)
		pieces_ok &= return_some(i % 2 ? b : a, n2, "BAK-0001", "1", &res, &err) == APP_OK;
	pieces_ok &= return_some(a, n2, NULL, NULL, &res, &err) == APP_OK;
	ok(pieces_ok, "four single units from both tills, then the rest");
	char sql[400];
	snprintf(sql, sizeof sql,
	         "SELECT count(*) FROM (SELECT sum(l.gross) g, sum(l.net) n, sum(l.tax) t, "
	         "sum(l.discount) d, sum(l.qty) q FROM ticket_lines l JOIN tickets t "
	         "ON t.id = l.ticket_id WHERE t.number = %lld OR t.original_id = "
	         "(SELECT id FROM tickets WHERE number = %lld) GROUP BY l.product_id) "
	         "WHERE g <> 0 OR n <> 0 OR t <> 0 OR d <> 0 OR q <> 0",
	         (long long)n2, (long long)n2);
	is_int(query_int(a, sql), 0, "each product's returns add up to its sale, discount included");
	snprintf(sql, sizeof sql,
	         "SELECT sum(total) FROM tickets WHERE number = %lld OR original_id = "
	         "(SELECT id FROM tickets WHERE number = %lld)", (long long)n2, (long long)n2);
	is_int(query_int(a, sql), 0, "and the totals to zero");
	is_int(return_some(b, n2, "BAK-0002", "1", &res, &err), APP_ERR, "then nothing is left");
	free(err);
	err = NULL;

	struct app_ticket t, tb;
	app_ticket_init(a, &t);
	app_ticket_init(b, &tb);
	app_ticket_add(a, &t, "BAK-0001", "2", &err);
	app_ticket_add(a, &t, "BAK-0003", NULL, &err);
	money_t total = t.cart.total_gross;
	char key[33];
	memcpy(key, t.key, sizeof key);
	int64_t id = 0;
	is_int(app_ticket_suspend(a, &t, &id, &err), APP_OK, "A suspends a ticket");
	is_int((int64_t)t.cart.n, 0, "A's ticket is empty again");
	int64_t count = 0;
	app_suspended_count(b, &count, &err);
	is_int(count, 1, "B sees it suspended");
	is_int(app_ticket_resume(b, id, &tb, &err), APP_OK, "B resumes it");
	ok(tb.cart.n == 2 && tb.cart.lines[0].qty == 2 && tb.cart.total_gross == total,
	   "with its lines and total");
	is_str(tb.key, key, "and its idempotency key");
	is_int(app_ticket_resume(a, id, &t, &err), APP_NOTFOUND, "A cannot resume it too");
	free(err);
	err = NULL;
	app_ticket_release(&t);
	app_ticket_release(&tb);

	struct app_verify_result vr;
	is_int(app_verify(a, &vr, &err), APP_OK, "the journal verifies");
	app_close(a);
	app_close(b);
	unlink(path);
	char more[320];
	snprintf(more, sizeof more, "%s-wal", path);
	unlink(more);
	snprintf(more, sizeof more, "%s-shm", path);
	unlink(more);
	rmdir(dir);
	return done_testing();
}
