/* comptoir return, void, suspend, suspended and resume: returns against a
 * ticket or without one, cancelling a paid ticket, and tickets set aside,
 * through the same application layer as the counter's screens. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "cmd.h"
#include "../app/returns.h"
#include "../app/suspend.h"
#include "../app/ticket.h"
#include "../core/text.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

/* ITEM is CODE or CODE*QTY, as for sell. */
static void returns_split(const char *arg, char *code, size_t size, const char **qty)
{
	const char *star = strrchr(arg, '*');
	*qty = NULL;
	if (star) {
		size_t n = (size_t)(star - arg);
		if (n >= size)
			n = size - 1;
		memcpy(code, arg, n);
		code[n] = '\0';
		*qty = star + 1;
	} else {
		strlcpy_safe(code, arg, size);
	}
}

/* cash, card, card:REF or credit. */
static int returns_refund_parse(const char *arg, struct app_refund *how)
{
	if (strcmp(arg, "cash") == 0) {
		how->to = APP_REFUND_CASH;
	} else if (strcmp(arg, "credit") == 0) {
		how->to = APP_REFUND_CREDIT;
	} else if (strcmp(arg, "card") == 0 || strncmp(arg, "card:", 5) == 0) {
		how->to = APP_REFUND_CARD;
		if (arg[4] == ':') {
			if (strlen(arg + 5) >= sizeof how->reference ||
			    text_check_code(arg + 5, 64) != TEXT_OK)
				return cmd_fail(EXIT_REFUSED, _("bad card reference '%s'"), arg + 5);
			strlcpy_safe(how->reference, arg + 5, sizeof how->reference);
		}
	} else {
		return cmd_fail(EXIT_REFUSED, _("unknown refund '%s' (cash, card[:REF], credit)"), arg);
	}
	return 0;
}

static int returns_print(struct app *a, const struct app_return_result *res)
{
	char total[32];
	money_format(total, sizeof total, res->total, &money_style_plain);
	/* The first line is for programs: never translated. */
	printf("return %lld total %s\n", (long long)res->number, total);
	if (res->credit_code[0])
		printf("credit %s\n", res->credit_code);
	char *text = NULL, *err = NULL;
	if (app_receipt_text(a, res->number, res->replayed, &text, &err) == APP_OK)
		fputs(text, stdout);
	else
		cmd_warn("%s", err ? err : _("cannot show the receipt"));
	free(text);
	free(err);
	if (res->print_status < 0)
		cmd_warn(_("the receipt was not printed (%s); the job is kept to print later"),
		         res->print_error);
	return EXIT_OK;
}

static int returns_run(struct app *a, const char *ticket, int no_ticket, char **items,
                       int nitems, struct app_refund *how)
{
	struct app_return r;
	char *err = NULL;
	int rc = 0;
	if (no_ticket) {
		app_return_open_free(a, &r);
	} else if ((rc = app_return_open(a, ticket, &r, &err)) != APP_OK) {
		return cmd_fail_err(rc, err, _("cannot read the ticket"));
	}
	for (int i = 0; i < nitems && !rc; i++) {
		char code[256];
		const char *qty;
		returns_split(items[i], code, sizeof code, &qty);
		if (app_return_pick(a, &r, code, qty, &err) != APP_OK)
			rc = cmd_fail_err(APP_ERR, err, _("unknown code"));
	}
	if (!rc && nitems == 0)
		app_return_all(&r);
	if (!rc && r.total <= 0)
		rc = cmd_fail(EXIT_REFUSED, _("nothing is left to return on ticket %lld"),
		              (long long)r.original);
	struct app_return_result res;
	if (!rc && app_return_commit(a, &r, how, &res, &err) != APP_OK)
		rc = cmd_fail_err(APP_ERR, err, _("the return was not recorded"));
	app_return_release(&r);
	return rc ? rc : returns_print(a, &res);
}

static int returns_main(const char *name, int argc, char **argv, int is_void)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "refund", required_argument, NULL, 'r' },
		{ "writeoff", no_argument, NULL, 'w' },
		{ "no-ticket", no_argument, NULL, 'n' },
		{ "printer", required_argument, NULL, 'p' },
		CMD_AUTH_OPTIONS,
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *db = NULL, *printer = NULL, *user = NULL;
	struct cmd_auth au = { 0 };
	struct app_refund how;
	memset(&how, 0, sizeof how);
	int no_ticket = 0, c, rc;
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (cmd_auth_opt(&au, c, optarg))
			continue;
		switch (c) {
		case 'd': db = optarg; break;
		case 'p': printer = optarg; break;
		case 'r':
			if ((rc = returns_refund_parse(optarg, &how)) != 0)
				return rc;
			break;
		case 'w': how.writeoff = 1; break;
		case 'n': no_ticket = 1; break;
		case 'h': return cmd_usage(name, EXIT_OK);
		default: return cmd_bad_option(name, c, argv);
		}
	}
	int nargs = argc - optind;
	if (is_void && (no_ticket || nargs != 1)) {
		cmd_fail(EXIT_USAGE, _("void needs one TICKET"));
		return cmd_usage(name, EXIT_USAGE);
	}
	if (!is_void && nargs < 1) {
		cmd_fail(EXIT_USAGE, no_ticket ? _("return --no-ticket needs at least one ITEM")
		                               : _("return needs a TICKET"));
		return cmd_usage(name, EXIT_USAGE);
	}
	int64_t number;
	if (!no_ticket && app_ticket_number_parse(argv[optind], &number) != 0)
		return cmd_fail(EXIT_REFUSED, _("'%s' is not a ticket number (123 or T123)"),
		                argv[optind]);
	if ((rc = cmd_auth_check(&au)) != 0)
		return rc;
	char *perr = NULL;
	if (printer && app_printer_check(printer, &perr) != APP_OK)
		return cmd_fail_err(APP_ERR, perr, _("bad printer URI"));
	struct app *a;
	if ((rc = cmd_open(db, &a)) != 0)
		return rc;
	if (printer)
		app_set_printer(a, printer);
	if ((rc = cmd_auth_apply(a, &au, &user)) == 0) {
		how.user = user;
		how.void_ticket = is_void;
		int first = no_ticket ? optind : optind + 1;
		rc = returns_run(a, no_ticket ? NULL : argv[optind], no_ticket, argv + first,
		                 argc - first, &how);
	}
	app_close(a);
	return rc;
}

int cmd_return(int argc, char **argv)
{
	return returns_main("return", argc, argv, 0);
}

int cmd_void(int argc, char **argv)
{
	return returns_main("void", argc, argv, 1);
}

static int suspended_print(const struct app_suspended_info *s, void *ctx)
{
	(void)ctx;
	char total[32], when[32];
	money_format(total, sizeof total, s->total, &money_style_plain);
	time_t t = (time_t)s->created_at;
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
	printf("%lld\t%s\t%s\t%s\t%s\t%s\n", (long long)s->id, when, s->terminal, s->user,
	       s->customer_code[0] ? s->customer_code : "-", total);
	return 0;
}

/* Options of suspend, suspended and resume: --db, --customer, --pay, auth. */
struct suspend_opts {
	const char *db, *customer, *pay, *user;
	struct cmd_auth au;
};

static int suspend_getopt(const char *name, int argc, char **argv, struct suspend_opts *o)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "customer", required_argument, NULL, 'c' },
		{ "pay", required_argument, NULL, 'y' },
		CMD_AUTH_OPTIONS,
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	memset(o, 0, sizeof *o);
	int c;
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (cmd_auth_opt(&o->au, c, optarg))
			continue;
		switch (c) {
		case 'd': o->db = optarg; break;
		case 'c': o->customer = optarg; break;
		case 'y': o->pay = optarg; break;
		case 'h': return cmd_usage(name, EXIT_OK) - 1;
		default: return cmd_bad_option(name, c, argv);
		}
	}
	return cmd_auth_check(&o->au);
}

static int suspend_open(const char *name, int argc, char **argv, struct suspend_opts *o,
                        struct app **a)
{
	int rc = suspend_getopt(name, argc, argv, o);
	if (rc)
		return rc;
	if ((rc = cmd_open(o->db, a)) != 0)
		return rc;
	if ((rc = cmd_auth_apply(*a, &o->au, &o->user)) != 0)
		app_close(*a);
	return rc;
}

int cmd_suspended(int argc, char **argv)
{
	struct suspend_opts o;
	struct app *a;
	int rc = suspend_open("suspended", argc, argv, &o, &a);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	if (optind < argc) {
		app_close(a);
		cmd_fail(EXIT_USAGE, _("unexpected argument '%s'"), argv[optind]);
		return cmd_usage("suspended", EXIT_USAGE);
	}
	char *err = NULL;
	if (app_suspended_each(a, suspended_print, NULL, &err) != APP_OK)
		rc = cmd_fail_err(APP_IO, err, _("cannot read suspended tickets"));
	app_close(a);
	return rc;
}

int cmd_suspend(int argc, char **argv)
{
	struct suspend_opts o;
	struct app *a;
	int rc = suspend_open("suspend", argc, argv, &o, &a);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	if (optind >= argc) {
		app_close(a);
		cmd_fail(EXIT_USAGE, _("suspend needs at least one ITEM"));
		return cmd_usage("suspend", EXIT_USAGE);
	}
	struct app_ticket t;
	app_ticket_init(a, &t);
	char *err = NULL;
	if (o.customer && app_ticket_set_customer(a, &t, o.customer, &err) < 0)
		rc = cmd_fail_err(APP_ERR, err, _("unknown customer"));
	for (int i = optind; i < argc && !rc; i++) {
		char code[256];
		const char *qty;
		returns_split(argv[i], code, sizeof code, &qty);
		if (app_ticket_add(a, &t, code, qty, &err) < 0)
			rc = cmd_fail_err(APP_ERR, err, _("unknown code"));
	}
	int64_t id = 0;
	if (!rc && app_ticket_suspend(a, &t, &id, &err) != APP_OK)
		rc = cmd_fail_err(APP_IO, err, _("the ticket was not suspended"));
	if (!rc)
		printf("suspended %lld\n", (long long)id);
	app_ticket_release(&t);
	app_close(a);
	return rc;
}

/* Resumes a suspended ticket and sells it, paid in full by one method. */
int cmd_resume(int argc, char **argv)
{
	struct suspend_opts o;
	struct app *a;
	int rc = suspend_open("resume", argc, argv, &o, &a);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	int64_t id = 0;
	if (argc - optind != 1 || app_ticket_number_parse(argv[optind], &id) != 0) {
		app_close(a);
		cmd_fail(EXIT_USAGE, _("resume needs the number of a suspended ticket"));
		return cmd_usage("resume", EXIT_USAGE);
	}
	char method[32] = "cash", *ref = NULL;
	if (o.pay) {
		strlcpy_safe(method, o.pay, sizeof method);
		if ((ref = strchr(method, ':')) != NULL)
			*ref++ = '\0';
	}
	enum pay_method m;
	if (pay_method_parse(method, &m) != 0) {
		app_close(a);
		return cmd_fail(EXIT_REFUSED, _("unknown payment method '%s' (cash, card, upi, "
		                                "voucher, credit, account)"), method);
	}
	struct app_ticket t;
	app_ticket_init(a, &t);
	char *err = NULL;
	if (app_ticket_resume(a, id, &t, &err) != APP_OK) {
		app_ticket_release(&t);
		app_close(a);
		return cmd_fail_err(APP_ERR, err, _("the ticket was not resumed"));
	}
	struct tender tender;
	tender_init(&tender, t.cart.total_gross, app_shop(a)->cash_step);
	struct tender_state ts;
	tender_state(&tender, &ts);
	int trc = tender_add(&tender, m, m == PAY_CASH ? ts.remaining : ts.remaining_exact, ref);
	struct app_sale_result res;
	if (trc != TENDER_OK)
		rc = cmd_fail(EXIT_REFUSED, _("payment '%s' refused: %s"), o.pay,
		              _(tender_strerror(trc)));
	else if (app_ticket_commit(a, &t, &tender, o.user, &res, &err) != APP_OK)
		rc = cmd_fail_err(APP_ERR, err, _("the sale was not recorded"));
	if (rc) {
		/* Never lose it: set it aside again. */
		int64_t again;
		char *serr = NULL;
		if (app_ticket_suspend(a, &t, &again, &serr) == APP_OK)
			cmd_warn(_("the ticket is suspended again as %lld"), (long long)again);
		free(serr);
	} else {
		char total[32];
		money_format(total, sizeof total, res.total, &money_style_plain);
		printf("ticket %lld total %s\n", (long long)res.number, total);
		char *text = NULL;
		if (app_receipt_text(a, res.number, 0, &text, &err) == APP_OK)
			fputs(text, stdout);
		free(text);
		free(err);
	}
	app_ticket_release(&t);
	app_close(a);
	return rc;
}
