/* comptoir sell: items and payments from the command line into one sale,
 * through the same application layer as the counter screen. */
#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmd.h"
#include "../core/cart.h"
#include "../core/tender.h"
#include "../app/ticket.h"
#include "../core/text.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

#define SELL_MAX_PAYS TENDER_MAX
#define SELL_MAX_MANUAL 16

/* Decisions by right given on the command line, applied once every item
 * is on the ticket. */
struct sell_manual {
	char *overrides[SELL_MAX_MANUAL];   /* CODE:PRICE:REASON */
	int noverrides;
	char *discounts[SELL_MAX_MANUAL];   /* CODE:PCT[:REASON] */
	int ndiscounts;
	const char *waive;                  /* REASON */
};

/* The live line of the product a code names, for an override or discount. */
static int sell_line_of(struct app *a, const struct app_ticket *t, const char *code, size_t *line)
{
	struct app_scan scan;
	char *err = NULL;
	int rc = app_lookup(a, code, &scan, &err);
	if (rc != APP_OK)
		return cmd_fail_err(rc, err, _("unknown code"));
	for (size_t i = t->cart.n; i-- > 0;)
		if (!t->cart.lines[i].voided && t->cart.lines[i].item.product_id == scan.item.product_id) {
			*line = i;
			return 0;
		}
	return cmd_fail(EXIT_REFUSED, _("%s is not on the ticket"), code);
}

/* Splits "A:B[:C]" in place into its parts; returns how many. */
static int sell_split(char *s, char **parts, int max)
{
	int n = 0;
	parts[n++] = s;
	for (char *p = s; *p && n < max; p++)
		if (*p == ':') {
			*p = '\0';
			parts[n++] = p + 1;
		}
	return n;
}

static int sell_apply_manual(struct app *a, struct app_ticket *t, const struct sell_manual *m)
{
	char *err = NULL;
	for (int i = 0; i < m->noverrides; i++) {
		char buf[512], *parts[3];
		strlcpy_safe(buf, m->overrides[i], sizeof buf);
		size_t line;
		if (sell_split(buf, parts, 3) != 3)
			return cmd_fail(EXIT_USAGE, _("--override takes CODE:PRICE:REASON, not '%s'"),
			                m->overrides[i]);
		int rc = sell_line_of(a, t, parts[0], &line);
		if (rc)
			return rc;
		if (app_ticket_override(a, t, line, parts[1], parts[2], &err) != APP_OK)
			return cmd_fail_err(APP_ERR, err, _("the price was not changed"));
	}
	for (int i = 0; i < m->ndiscounts; i++) {
		char buf[512], *parts[3] = { NULL, NULL, NULL };
		strlcpy_safe(buf, m->discounts[i], sizeof buf);
		size_t line;
		if (sell_split(buf, parts, 3) < 2)
			return cmd_fail(EXIT_USAGE, _("--discount takes CODE:PERCENT[:REASON], not '%s'"),
			                m->discounts[i]);
		int rc = sell_line_of(a, t, parts[0], &line);
		if (rc)
			return rc;
		if (app_ticket_discount(a, t, line, parts[1], parts[2], &err) != APP_OK)
			return cmd_fail_err(APP_ERR, err, _("the discount was not given"));
	}
	if (m->waive && app_ticket_waive_rules(a, t, m->waive, &err) != APP_OK)
		return cmd_fail_err(APP_ERR, err, _("the list's rules were not waived"));
	return 0;
}

/* ITEM is CODE or CODE*QTY; the quantity is read once the product is known
 * (weighed goods take kilograms: 0.250). */
static int sell_item(struct app *a, struct app_ticket *t, const char *arg)
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
	char *err = NULL;
	int rc = app_ticket_add(a, t, code, qtext, &err);
	if (rc < 0)
		return cmd_fail_err(rc, err, _("unknown code"));
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
		                                "voucher, credit, account, transfer)"), buf);
	struct tender_state ts;
	tender_state(t, &ts);
	/* Without an amount a payment takes what is left: cash what cash
	 * rounding asks for, any other method the exact rest. */
	money_t v = m == PAY_CASH ? ts.remaining : ts.remaining_exact;
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
                    char **items, int nitems, char **pays, int npays,
                    const struct sell_manual *manual)
{
	struct app_ticket t;
	app_ticket_init(a, &t);
	char *err = NULL;
	int rc = 0;
	if (customer && app_ticket_set_customer(a, &t, customer, &err) < 0)
		rc = cmd_fail_err(APP_ERR, err, _("unknown customer"));
	for (int i = 0; i < nitems && !rc; i++)
		rc = sell_item(a, &t, items[i]);
	if (!rc)
		rc = sell_apply_manual(a, &t, manual);
	struct tender tender;
	tender_init(&tender, t.cart.total_gross, app_shop(a)->cash_step);
	for (int i = 0; i < npays && !rc; i++)
		rc = sell_pay(&tender, pays[i]);
	if (!rc && npays == 0)
		rc = sell_pay(&tender, "cash");
	struct tender_state ts;
	tender_state(&tender, &ts);
	if (!rc && !ts.complete) {
		char due[32], left[32];
		money_format(due, sizeof due, t.cart.total_gross, &money_style_plain);
		money_format(left, sizeof left, ts.remaining, &money_style_plain);
		rc = cmd_fail(EXIT_REFUSED, _("the payments leave %s of %s unpaid"), left, due);
	}
	if (rc) {
		app_ticket_release(&t);
		return rc;
	}
	if (key)
		strlcpy_safe(t.key, key, sizeof t.key);
	struct app_sale_result res;
	rc = app_ticket_commit(a, &t, &tender, user, &res, &err);
	app_ticket_release(&t);
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
	if (res.drawer_status < 0)
		cmd_warn(_("the cash drawer did not open: %s"), res.drawer_error);
	return EXIT_OK;
}

int cmd_sell(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "customer", required_argument, NULL, 'c' },
		CMD_AUTH_OPTIONS,
		{ "printer", required_argument, NULL, 'p' },
		{ "pay", required_argument, NULL, 'y' },
		{ "key", required_argument, NULL, 'k' },
		{ "override", required_argument, NULL, 'o' },
		{ "discount", required_argument, NULL, 'D' },
		{ "waive-rules", required_argument, NULL, 'W' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *db = NULL, *customer = NULL, *user = NULL, *printer = NULL, *key = NULL;
	struct cmd_auth au = { 0 };
	struct sell_manual manual = { .noverrides = 0 };
	char *pays[SELL_MAX_PAYS];
	int npays = 0, c;
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (cmd_auth_opt(&au, c, optarg))
			continue;
		switch (c) {
		case 'd': db = optarg; break;
		case 'c': customer = optarg; break;
		case 'p': printer = optarg; break;
		case 'k': key = optarg; break;
		case 'o':
		case 'D':
			if ((c == 'o' ? manual.noverrides : manual.ndiscounts) == SELL_MAX_MANUAL)
				return cmd_fail(EXIT_REFUSED, _("at most %d of each of --override and --discount"),
				                SELL_MAX_MANUAL);
			if (c == 'o')
				manual.overrides[manual.noverrides++] = optarg;
			else
				manual.discounts[manual.ndiscounts++] = optarg;
			break;
		case 'W': manual.waive = optarg; break;
		case 'y':
			if (npays == SELL_MAX_PAYS)
				return cmd_fail(EXIT_REFUSED, _("at most %d payments"), SELL_MAX_PAYS);
			pays[npays++] = optarg;
			break;
		case 'h': return cmd_usage("sell", EXIT_OK);
		default:
			return cmd_bad_option("sell", c, argv);
		}
	}
	if (optind >= argc) {
		cmd_fail(EXIT_USAGE, _("sell needs at least one ITEM"));
		return cmd_usage("sell", EXIT_USAGE);
	}
	int arc = cmd_auth_check(&au);
	if (arc)
		return arc;
	char keybuf[33];
	if (key) {
		if (strlen(key) != 32 || strspn(key, "0123456789abcdefABCDEF") != 32)
			return cmd_fail(EXIT_REFUSED, _("--key must be 32 hexadecimal characters"));
		for (int i = 0; i < 33; i++)
			keybuf[i] = (char)tolower((unsigned char)key[i]);
		key = keybuf;
	}
	char *perr = NULL;
	if (printer && app_printer_check(printer, &perr) != APP_OK)
		return cmd_fail_err(APP_ERR, perr, _("bad printer URI"));
	struct app *a;
	int rc = cmd_open(db, &a);
	if (rc)
		return rc;
	if (printer)
		app_set_printer(a, printer);
	if ((rc = cmd_auth_apply(a, &au, &user)) != 0) {
		app_close(a);
		return rc;
	}
	rc = sell_run(a, customer, user, key, argv + optind, argc - optind, pays, npays,
	              &manual);
	app_close(a);
	return rc;
}
