/* comptoir sell: items and payments from the command line into one sale,
 * through the same application layer as the counter screen. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmd.h"
#include "../core/cart.h"
#include "../core/tender.h"
#include "../../drivers/transport.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

#define SELL_MAX_PAYS TENDER_MAX

/* ITEM is CODE or CODE*QTY; the quantity is read once the product is known
 * (weighed goods take thousandths: 0.250). */
static int sell_item(struct app *a, struct cart *cart, const char *arg)
{
	char code[256];
	const char *star = strrchr(arg, '*');
	const char *qtext = NULL;
	if (star) {
		size_t n = (size_t)(star - arg);
		if (n >= sizeof code)
			n = sizeof code - 1;
		memcpy(code, arg, n);
		code[n] = '\0';
		qtext = star + 1;
	} else {
		strlcpy_safe(code, arg, sizeof code);
	}
	struct app_scan scan;
	char *err = NULL;
	int rc = app_lookup(a, code, &scan, &err);
	if (rc != APP_OK)
		return cmd_fail_err(rc, err, _("unknown code"));
	int64_t qty = 1;
	if (qtext) {
		int decimals = scan.item.weighed && !scan.qty ? 3 : 0;
		int64_t limit = decimals ? CART_QTY_MAX * 1000 : CART_QTY_MAX;
		rc = decimal_parse(qtext, decimals, limit, &qty);
		if (rc != MONEY_OK)
			return cmd_fail(EXIT_REFUSED, _("bad quantity '%s' for %s: %s"), qtext, code,
			                _(money_strerror(rc)));
		if (qty <= 0)
			return cmd_fail(EXIT_REFUSED, _("bad quantity '%s' for %s: it must be more "
			                                "than zero"), qtext, code);
	} else if (scan.item.weighed && !scan.qty) {
		return cmd_fail(EXIT_REFUSED, _("%s is sold by weight: give it as %s*KG (e.g. "
		                                "%s*0.250)"), code, code, code);
	}
	if (scan.qty) {
		if (scan.item.weighed && qty != 1)
			return cmd_fail(EXIT_REFUSED, _("barcode %s already carries a weight"), code);
		if (qty > CART_QTY_MAX / scan.qty)
			return cmd_fail(EXIT_REFUSED, _("bad quantity '%s' for %s: too large"), qtext,
			                code);
		qty *= scan.qty;
	}
	rc = cart_add(cart, &scan.item, qty, 1);
	if (rc < 0)
		return cmd_fail(EXIT_REFUSED, _("cannot add %s: %s"), code, _(cart_strerror(rc)));
	return 0;
}

/* METHOD[:AMOUNT[:REF]]; no amount pays what remains. */
static int sell_pay(struct tender *t, const char *arg)
{
	char buf[256];
	strlcpy_safe(buf, arg, sizeof buf);
	char *amount = strchr(buf, ':');
	char *ref = NULL;
	if (amount) {
		*amount++ = '\0';
		ref = strchr(amount, ':');
		if (ref)
			*ref++ = '\0';
	}
	enum pay_method m;
	if (pay_method_parse(buf, &m) != 0)
		return cmd_fail(EXIT_REFUSED, _("unknown payment method '%s' (cash, card, upi, "
		                                "voucher, credit, account)"), buf);
	struct tender_state ts;
	tender_state(t, &ts);
	money_t v = ts.remaining;
	if (amount && *amount) {
		int rc = money_parse(amount, 2, &v);
		if (rc != MONEY_OK)
			return cmd_fail(EXIT_REFUSED, _("bad amount '%s': %s"), amount,
			                _(money_strerror(rc)));
	} else if (m == PAY_CASH && t->cash_step) {
		v = tender_round_cash(ts.remaining, t->cash_step);
	}
	int rc = tender_add(t, m, v, ref);
	if (rc != TENDER_OK)
		return cmd_fail(EXIT_REFUSED, _("payment '%s' refused: %s"), arg,
		                _(tender_strerror(rc)));
	return 0;
}

static int sell_run(struct app *a, const char *customer, const char *user, const char *key,
                    char **items, int nitems, char **pays, int npays)
{
	struct cart cart;
	cart_init(&cart, app_shop(a)->prices_include_tax);
	int rc = 0;
	for (int i = 0; i < nitems && !rc; i++)
		rc = sell_item(a, &cart, items[i]);
	if (rc) {
		cart_release(&cart);
		return rc;
	}
	struct tender t;
	tender_init(&t, cart.total_gross, app_shop(a)->cash_step);
	for (int i = 0; i < npays && !rc; i++)
		rc = sell_pay(&t, pays[i]);
	if (!rc && npays == 0)
		rc = sell_pay(&t, "cash");
	struct tender_state ts;
	tender_state(&t, &ts);
	if (!rc && !ts.complete) {
		char due[32], left[32];
		money_format(due, sizeof due, cart.total_gross, &money_style_plain);
		money_format(left, sizeof left, ts.remaining, &money_style_plain);
		rc = cmd_fail(EXIT_REFUSED, _("the payments leave %s of %s unpaid"), left, due);
	}
	if (rc) {
		cart_release(&cart);
		return rc;
	}
	char fresh[33];
	if (!key) {
		app_new_key(fresh);
		key = fresh;
	}
	struct app_sale sale = { .cart = &cart, .tender = &t, .customer_code = customer,
	                         .idem_key = key, .user = user };
	struct app_sale_result res;
	char *err = NULL;
	rc = app_sale_commit(a, &sale, &res, &err);
	cart_release(&cart);
	if (rc != APP_OK)
		return cmd_fail_err(rc, err, _("the sale was not recorded"));
	char total[32];
	money_format(total, sizeof total, res.total, &money_style_plain);
	/* The first line is for programs: never translated. */
	printf("ticket %lld total %s\n", (long long)res.number, total);
	char *text = NULL;
	if (app_receipt_text(a, res.number, res.replayed, &text, &err) == APP_OK)
		fputs(text, stdout);
	else
		cmd_warn("%s", err ? err : _("cannot show the receipt"));
	free(text);
	free(err);
	if (res.print_status < 0)
		cmd_warn(_("the receipt was not printed (%s); the job is kept to print later"),
		         res.print_error);
	return EXIT_OK;
}

int cmd_sell(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "customer", required_argument, NULL, 'c' },
		{ "user", required_argument, NULL, 'u' },
		{ "pin", required_argument, NULL, 'P' },
		{ "printer", required_argument, NULL, 'p' },
		{ "pay", required_argument, NULL, 'y' },
		{ "key", required_argument, NULL, 'k' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *db = NULL, *customer = NULL, *user = NULL, *printer = NULL, *key = NULL;
	char *pays[SELL_MAX_PAYS];
	int npays = 0, c;
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'c': customer = optarg; break;
		case 'u': user = optarg; break;
		case 'P':
			return cmd_fail(EXIT_REFUSED, _("this shop has no user accounts yet, so --pin "
			                                "cannot be checked; use --user NAME alone"));
		case 'p': printer = optarg; break;
		case 'k': key = optarg; break;
		case 'y':
			if (npays == SELL_MAX_PAYS)
				return cmd_fail(EXIT_REFUSED, _("at most %d payments"), SELL_MAX_PAYS);
			pays[npays++] = optarg;
			break;
		case 'h': return cmd_usage("sell", EXIT_OK);
		default:
			cmd_fail(EXIT_USAGE, _("bad option '%s'"), argv[optind - 1]);
			return cmd_usage("sell", EXIT_USAGE);
		}
	}
	if (optind >= argc) {
		cmd_fail(EXIT_USAGE, _("sell needs at least one ITEM"));
		return cmd_usage("sell", EXIT_USAGE);
	}
	if (user && strlen(user) > 31)
		return cmd_fail(EXIT_REFUSED, _("user name longer than 31 characters"));
	if (printer && !transport_known(printer))
		return cmd_fail(EXIT_REFUSED, _("unknown printer URI '%s' (use file:PATH or "
		                                "dev:PATH)"), printer);
	struct app *a;
	int rc = cmd_open(db, &a);
	if (rc)
		return rc;
	if (printer)
		app_set_printer(a, printer);
	rc = sell_run(a, customer, user, key, argv + optind, argc - optind, pays, npays);
	app_close(a);
	return rc;
}
