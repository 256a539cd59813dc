/* The desk's fast-entry API as the screens call it: a shipping option
 * read, an empty draft, pasted lines with the unknown ones kept with their
 * line numbers (CRLF or LF), a paste too long refused whole, the lines'
 * shares adding up to the draft's total, a line changed and one removed,
 * and a draft placed only once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../lib/tap.h"
#include "../../src/app/auth.h"
#include "../../src/app/drafts.h"
#include "../../src/app/shipping.h"

static char dir[] = "/tmp/comptoir-drafts-XXXXXX";
static char path[256];

static void ship_parse(void)
{
	char m[12];
	money_t charge;
	char *err = NULL;
	is_int(app_ship_parse("courier", m, &charge, &err), APP_OK, "courier is a method");
	is_str(m, "courier", "  named");
	is_int(charge, -1, "  at the method's own charge");
	is_int(app_ship_parse("cod:6.50", m, &charge, &err), APP_OK, "cod:6.50");
	is_int(charge, 650, "  its own charge, in cents");
	is_int(app_ship_parse("own:0", m, &charge, &err), APP_OK, "own:0");
	is_int(charge, 0, "  free");
	static const char *const bad[] = { "plane", "courier:", "courier:-1", "courier:abc", "",
		                           ":5", NULL };
	for (const char *const *b = bad; *b; b++) {
		free(err);
		err = NULL;
		is_int(app_ship_parse(*b, m, &charge, &err), APP_ERR, "'%s' is refused", *b);
		ok(err != NULL, "  with a message");
	}
	free(err);
}

static int64_t lines_sum(const struct app_draft *d)
{
	int64_t sum = 0;
	for (size_t i = 0; i < d->n; i++)
		sum += d->lines[i].gross;
	return sum;
}

int main(void)
{
	char *err = NULL;
	struct app *a = NULL;
	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof path, "%s/shop.db", dir);
	if (app_init_shop(path, APP_COUNTRY_FR, 1, &err) != APP_OK ||
	    app_open(path, APP_OPEN_EXISTING, &a, &err) != APP_OK ||
	    app_login(a, "anna", "1111", 0, &err) != APP_OK) {
		printf("Bail out! %s\n", err ? err : "cannot open the shop");
		return 1;
	}
	ship_parse();

	int64_t number = 0;
	is_int(app_draft_new(a, "C0013", 0, NULL, NULL, 0, &number, &err), APP_OK,
	       "an empty draft");
	is_int(number, 1, "  numbered 1");
	struct app_draft d;
	is_int(app_draft_get(a, 1, &d, &err), APP_OK, "it is read");
	is_int((int64_t)d.n, 0, "  without lines");
	is_int(d.total, 0, "  total 0");
	is_str(d.status, "open", "  open");
	app_draft_release(&d);

	const char text[] = "Hello\r\n10 x BAK-0002\r\n\r\nBAK-0001;4\nZZZ-1;2";
	struct app_paste_result pr;
	is_int(app_draft_paste(a, 1, text, sizeof text - 1, &pr, &err), APP_OK, "lines pasted");
	is_int((int64_t)pr.added, 2, "  two added");
	is_int((int64_t)pr.nrejects, 2, "  two listed");
	if (pr.nrejects == 2) {
		is_int((int64_t)pr.rejects[0].line, 1, "  the greeting, line 1");
		is_str(pr.rejects[0].text, "Hello", "  with its text");
		is_int((int64_t)pr.rejects[1].line, 5, "  the unknown code, line 5");
		ok(strstr(pr.rejects[1].why, "ZZZ-1") != NULL, "  saying which code: %s",
		   pr.rejects[1].why);
	}
	app_paste_result_release(&pr);

	size_t big = 2001 * 12;
	char *many = malloc(big + 1);
	for (size_t i = 0; i < 2001; i++)
		memcpy(many + i * 12, "1 x BAK-001\n", 12);
	free(err);
	err = NULL;
	is_int(app_draft_paste(a, 1, many, big, &pr, &err), APP_ERR, "2001 lines are refused");
	ok(err && strstr(err, "2000"), "  the limit is said: %s", err ? err : "");
	free(many);

	struct app_doc_item more[] = { { "BAK-0001", "3" }, { "GRO-0001", "0,75" } };
	is_int(app_draft_add(a, 1, more, 2, &err), APP_OK, "two more lines typed");
	is_int(app_draft_get(a, 1, &d, &err), APP_OK, "read again");
	is_int((int64_t)d.n, 4, "  four lines, none from the refused paste");
	if (d.n == 4) {
		is_str(d.lines[2].sku, "BAK-0001", "  line 3 is BAK-0001");
		is_int(d.lines[2].qty_base, 3, "  three of them");
		is_int(d.lines[3].qty_base, 750, "  and 750 g of GRO-0001");
		ok(d.lines[3].weighed, "  weighed");
		is_int(d.lines[1].unit_price, d.lines[2].unit_price,
		       "  BAK-0001's lines have one unit price");
	}
	is_int(lines_sum(&d), d.total, "the lines add up to the total to the cent");
	ok(d.total > 0, "  which is more than 0");
	int64_t total = d.total;
	app_draft_release(&d);

	is_int(app_draft_line_set(a, 1, 2, NULL, &err), APP_OK, "line 2 removed");
	is_int(app_draft_line_set(a, 1, 3, "5", &err), APP_OK, "line 3 set to 5");
	free(err);
	err = NULL;
	is_int(app_draft_line_set(a, 1, 2, "5", &err), APP_NOTFOUND, "a removed line is gone");
	free(err);
	err = NULL;
	is_int(app_draft_get(a, 1, &d, &err), APP_OK, "read once more");
	is_int((int64_t)d.n, 3, "  three lines");
	if (d.n == 3) {
		is_int(d.lines[1].line_no, 3, "  the lines keep their numbers");
		is_int(d.lines[1].qty_base, 5, "  line 3 holds 5");
	}
	is_int(lines_sum(&d), d.total, "  the lines add up to the total");
	total = d.total;
	app_draft_release(&d);

	struct app_doc_result res;
	is_int(app_draft_place(a, 1, &res, &err), APP_OK, "the draft is placed");
	is_str(res.number, "1", "  as order 1");
	is_int(res.total, total, "  at the total it showed");
	free(err);
	err = NULL;
	is_int(app_draft_place(a, 1, &res, &err), APP_ERR, "not twice");
	free(err);
	err = NULL;
	is_int(app_draft_add(a, 1, more, 1, &err), APP_ERR, "a placed draft takes no line");
	free(err);
	err = NULL;
	is_int(app_draft_get(a, 1, &d, &err), APP_OK, "a placed draft is still read");
	is_int(d.order, 1, "  naming its order");
	app_draft_release(&d);
	is_int(app_draft_get(a, 9, &d, &err), APP_NOTFOUND, "an unknown draft");
	free(err);

	app_close(a);
	unlink(path);
	char side[300];
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
	rmdir(dir);
	return done_testing();
}
