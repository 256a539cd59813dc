/* app_ask with an order source plugged in, as the desk will plug its own:
 * the asking customer is passed on, another customer's order gets the same
 * answer as no order, the answer keeps no blank line, a database failure
 * of the source is an error; and any bytes in a question are an answer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../lib/tap.h"
#include "../../src/app/ask.h"

static char dir[] = "/tmp/comptoir-ask-XXXXXX";
static char path[256];
static char seen_customer[32];

/* Order 7 is C0001's; order 99 fails like a locked database. */
static int fake_answer(struct app *a, const char *customer, const char *number, char **answer,
                       char **err)
{
	(void)a;
	snprintf(seen_customer, sizeof seen_customer, "%s", customer);
	if (strcmp(number, "99") == 0) {
		*err = strdup("database is locked");
		return APP_IO;
	}
	if (strcmp(number, "7") != 0 || strcmp(customer, "C0001") != 0)
		return APP_NOTFOUND;
	*answer = strdup("order 7: confirmed\n\n\ndelivered 2 of 3\n");
	return APP_OK;
}

static const struct app_ask_orders fake_orders = { .answer = fake_answer };

static char *ask(struct app *a, const char *customer, const char *question, size_t len, int *rc)
{
	struct app_ask q = { .customer = customer, .orders = &fake_orders };
	char *answer = NULL, *err = NULL;
	*rc = app_ask(a, &q, question, len, &answer, &err);
	free(err);
	return answer;
}

int main(void)
{
	char *err = NULL;
	struct app *a = NULL;
	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof path, "%s/shop.db", dir);
	if (app_init_shop(path, APP_COUNTRY_FR, 1, &err) != APP_OK ||
	    app_open(path, APP_OPEN_EXISTING, &a, &err) != APP_OK) {
		printf("Bail out! %s\n", err ? err : "cannot open the shop");
		return 1;
	}
	int rc;
	char *s = ask(a, "C0001", "order 7", 7, &rc);
	is_int(rc, APP_OK, "C0001 asks about its order 7");
	is_str(seen_customer, "C0001", "  the source is told who asks");
	is_str(s, "order 7: confirmed\ndelivered 2 of 3\n", "  its answer, blank lines dropped");
	free(s);

	s = ask(a, "C0002", "order 7", 7, &rc);
	char *none = ask(a, "C0002", "order 8", 7, &rc);
	is_int(rc, APP_OK, "C0002 asks about C0001's order 7");
	is_str(seen_customer, "C0002", "  the source is told C0002 asks");
	ok(s && !strstr(s, "confirmed") && !strstr(s, "delivered"), "  nothing of order 7 told");
	is_str(s, "I find no order 7 of yours.\n", "  the answer for no order at all");
	is_str(none, "I find no order 8 of yours.\n", "  (as for an order that does not exist)");
	free(s);
	free(none);

	s = ask(a, "C0001", "#7", 2, &rc);
	ok(s && strstr(s, "did not understand"), "'#7' alone is not an order question");
	free(s);
	s = ask(a, "C0001", "commande #7", 11, &rc);
	ok(s && strstr(s, "confirmed"), "'commande #7' is");
	free(s);
	s = ask(a, NULL, "order 7", 7, &rc);
	ok(s && !strstr(s, "confirmed"), "nobody named: no order told");
	free(s);

	struct app_ask q = { .customer = "C0001", .orders = &fake_orders };
	char *answer = NULL;
	is_int(app_ask(a, &q, "order 99", 8, &answer, &err), APP_IO,
	       "the source's database failure is an error");
	ok(answer == NULL && err && strstr(err, "locked"), "  with its message, no answer");
	free(err);
	err = NULL;
	q.orders = NULL;
	is_int(app_ask(a, &q, "order 7", 7, &answer, &err), APP_OK, "no source plugged in");
	ok(answer && strstr(answer, "cannot be answered here yet"), "  says so");
	free(answer);

	/* Any bytes: NUL, controls, invalid UTF-8, nothing. */
	static const char nasty[] = "pri\0ce\x1b[2J 5\xff GRO";
	s = ask(a, "C0001", nasty, sizeof nasty - 1, &rc);
	is_int(rc, APP_OK, "NUL, escape and a bad byte: an answer");
	ok(s && !strchr(s, '\x1b'), "  without the escape");
	free(s);
	s = ask(a, "C0001", "", 0, &rc);
	ok(rc == APP_OK && s && strstr(s, "did not understand"), "an empty question");
	free(s);
	q.customer = "C9999";
	is_int(app_ask_check(a, &q, &err), APP_NOTFOUND, "an unknown customer is refused");
	free(err);

	app_close(a);
	unlink(path);
	char more[320];
	snprintf(more, sizeof more, "%s-wal", path);
	unlink(more);
	snprintf(more, sizeof more, "%s-shm", path);
	unlink(more);
	rmdir(dir);
	return done_testing();
}
