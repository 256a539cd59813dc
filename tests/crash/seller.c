/* One till of the crash test: opens the shop as terminal "crash-N" and sells
 * until that terminal has `target` committed tickets, one short transaction
 * each, through the application layer. It is killed with SIGKILL at random
 * and started again by tests/crash/crash.sh; it counts from the database,
 * so a restart goes on where the last commit left it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sqlite3.h>
#include "../../db/db-internal.h"
#include "../../src/app/app-internal.h"
#include "../../src/app/ticket.h"

/* The tickets this terminal has committed so far. */
static int64_t seller_done(struct app *a, const char *terminal)
{
	sqlite3_stmt *st;
	int64_t n = -1;
	if (sqlite3_prepare_v2(a->db->conn, "SELECT count(*) FROM tickets WHERE terminal = ?1", -1,
	                       &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, terminal, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static const char *const codes[] = { "BAK-0001", "BAK-0002", "BAK-0003", "3120344182105",
	                             "3489356355670", "3450742613186" };

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: seller DB N TARGET\n");
		return 2;
	}
	const char *path = argv[1];
	int worker = atoi(argv[2]);
	long target = atol(argv[3]);
	char terminal[32], *err = NULL;
	snprintf(terminal, sizeof terminal, "crash-%d", worker);
	struct app *a;
	if (app_open(path, APP_OPEN_EXISTING, &a, &err) != APP_OK) {
		fprintf(stderr, "seller %d: %s\n", worker, err);
		return 1;
	}
	app_set_terminal(a, terminal);
	srand((unsigned)(time(NULL) ^ (getpid() << 8)));
	for (;;) {
		int64_t done = seller_done(a, terminal);
		if (done < 0) {
			fprintf(stderr, "seller %d: cannot count its tickets\n", worker);
			return 1;
		}
		if (done >= target)
			break;
		struct app_ticket t;
		app_ticket_init(a, &t);
		int lines = 1 + rand() % 3;
		for (int i = 0; i < lines; i++) {
			char qty[8];
			snprintf(qty, sizeof qty, "%d", 1 + rand() % 3);
			if (app_ticket_add(a, &t, codes[rand() % 6], qty, &err) < 0) {
				fprintf(stderr, "seller %d: %s\n", worker, err);
				return 1;
			}
		}
		struct tender td;
		tender_init(&td, t.cart.total_gross, app_shop(a)->cash_step);
		tender_add(&td, PAY_CASH, t.cart.total_gross, NULL);
		struct app_sale_result res;
		if (app_ticket_commit(a, &t, &td, NULL, &res, &err) != APP_OK) {
			fprintf(stderr, "seller %d: %s\n", worker, err);
			return 1;
		}
		app_ticket_release(&t);
	}
	app_close(a);
	return 0;
}
