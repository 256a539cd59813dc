/* comptoir pay, balance and customer: what a customer pays and owes, with
 * ageing, and the desk's settings of a customer (terms, credit limit,
 * hold, notes, ship-to addresses). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmd.h"
#include "desk.h"
#include "../app/documents.h"
#include "../util/i18n.h"

static void money_out(char *buf, size_t size, money_t v)
{
	money_format(buf, size, v, &money_style_plain);
}

int cmd_pay(int argc, char **argv)
{
	struct desk_args d;
	int rc = desk_args_parse("pay", "cim", argc, argv, &d);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	if (d.nargs != 1 || !d.customer) {
		cmd_fail(EXIT_USAGE, _("pay needs --customer and one AMOUNT"));
		return cmd_usage("pay", EXIT_USAGE);
	}
	money_t amount;
	int mrc = money_parse(d.args[0], 2, &amount);
	if (mrc != MONEY_OK)
		return cmd_fail(EXIT_REFUSED, _("bad amount '%s': %s"), d.args[0],
		                _(money_strerror(mrc)));
	struct app *a;
	if ((rc = desk_open(&d, &a)) != 0)
		return rc;
	struct app_pay_result res;
	char *err = NULL;
	rc = app_pay(a, d.customer, amount, d.invoice, d.method, &res, &err);
	app_close(a);
	if (rc != APP_OK)
		return cmd_fail_err(rc, err, _("the payment was not recorded"));
	char al[32], un[32];
	money_out(al, sizeof al, res.allocated);
	money_out(un, sizeof un, res.unallocated);
	printf("payment %lld allocated %s unallocated %s\n", (long long)res.number, al, un);
	return EXIT_OK;
}

int cmd_balance(int argc, char **argv)
{
	struct desk_args d;
	int rc = desk_args_parse("balance", "c", argc, argv, &d);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	if (d.nargs != 0 || !d.customer) {
		cmd_fail(EXIT_USAGE, _("balance needs --customer"));
		return cmd_usage("balance", EXIT_USAGE);
	}
	struct app *a;
	if ((rc = desk_open(&d, &a)) != 0)
		return rc;
	struct app_balance b;
	char *err = NULL;
	rc = app_balance(a, d.customer, &b, &err);
	app_close(a);
	if (rc != APP_OK)
		return cmd_fail_err(rc, err, _("cannot read the balance"));
	static const char *const names[5] = { "current", "1-30", "31-60", "61-90", "over-90" };
	char m[32];
	money_out(m, sizeof m, b.owed);
	/* The first line is for programs: never translated. */
	printf("%s\n", m);
	for (int i = 0; i < 5; i++) {
		money_out(m, sizeof m, b.bucket[i]);
		printf("%s %s\n", names[i], m);
	}
	money_out(m, sizeof m, b.overdue);
	printf("overdue %s\n", m);
	money_out(m, sizeof m, b.unallocated);
	printf("unallocated %s\n", m);
	money_out(m, sizeof m, b.limit);
	printf("limit %s\nterms %s\n", b.limit ? m : "none", b.terms);
	if (b.on_hold)
		printf("on-hold\n");
	for (size_t i = 0; i < b.ninv; i++) {
		char tot[32], open[32];
		money_out(tot, sizeof tot, b.inv[i].total);
		money_out(open, sizeof open, b.inv[i].open);
		printf("%s %s date %04d-%02d-%02d due %04d-%02d-%02d total %s open %s %s\n",
		       b.inv[i].ticket ? "ticket" : "invoice", b.inv[i].number, b.inv[i].day / 10000, b.inv[i].day / 100 % 100,
		       b.inv[i].day % 100, b.inv[i].due / 10000, b.inv[i].due / 100 % 100,
		       b.inv[i].due % 100, tot, open, names[b.inv[i].bucket]);
	}
	app_balance_release(&b);
	return EXIT_OK;
}

int cmd_customer(int argc, char **argv)
{
	struct desk_args d;
	int rc = desk_args_parse("customer", "tlHn", argc, argv, &d);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	int set = d.nargs == 2 && strcmp(d.args[0], "set") == 0;
	int ship = d.nargs >= 4 && d.nargs <= 5 && strcmp(d.args[0], "ship-to") == 0;
	if (!set && !ship) {
		cmd_fail(EXIT_USAGE, _("customer set CODE [options] or customer ship-to CODE NAME "
		                       "ADDRESS [STATE]"));
		return cmd_usage("customer", EXIT_USAGE);
	}
	money_t limit = -1;
	if (d.limit) {
		int mrc = money_parse(d.limit, 2, &limit);
		if (mrc != MONEY_OK || limit < 0)
			return cmd_fail(EXIT_REFUSED, _("bad --credit-limit '%s'"), d.limit);
	}
	int hold = -1;
	if (d.hold) {
		if (strcmp(d.hold, "on") && strcmp(d.hold, "off"))
			return cmd_fail(EXIT_REFUSED, _("--hold takes on or off"));
		hold = strcmp(d.hold, "on") == 0;
	}
	struct app *a;
	if ((rc = desk_open(&d, &a)) != 0)
		return rc;
	char *err = NULL;
	int seq = 0;
	if (set)
		rc = app_desk_customer_set(a, d.args[1], d.terms, limit, hold, d.note, &err);
	else
		rc = app_ship_to_add(a, d.args[1], d.args[2], d.args[3],
		                     d.nargs == 5 ? d.args[4] : "", &seq, &err);
	app_close(a);
	if (rc != APP_OK)
		return cmd_fail_err(rc, err, _("the customer was not changed"));
	if (ship)
		printf("ship-to %d\n", seq);
	return EXIT_OK;
}
