/* comptoir's entry point: the locale and translations, then the subcommand
 * table; with no subcommand, the screens. */
#include <getopt.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmd.h"
#include "docprint.h"
#include "desk_draft.h"
#include "../app/stock_ops.h"
#include "../util/i18n.h"

int cmd_desk_screen(int argc, char **argv); /* desk_screen.c */
int cmd_warehouse(int argc, char **argv);

const struct cmd cmd_table[] = {
	{ "init", cmd_init, "init --db PATH [--demo] [--country FR|IN]",
	  N_("create a shop database (with --demo: the demo shop)") },
	{ "demo", cmd_demo, "demo [--db PATH] [--country FR|IN]",
	  N_("create the demo shop if the database does not exist, then open it") },
	{ "sell", cmd_sell,
	  "sell --db PATH [--customer CODE] [--user NAME --pin PIN] [--approver NAME "
	  "--approver-pin PIN] [--override CODE:PRICE:REASON] [--discount CODE:PERCENT[:REASON]] "
	  "[--waive-rules REASON] [--printer URI] [--key KEY] ITEM... "
	  "[--pay METHOD[:AMOUNT[:REF]]]...",
	  N_("ring up a sale: ITEM is CODE or CODE*QTY; no --pay means exact cash") },
	{ "price", cmd_price, "price --db PATH [--customer CODE] CODE [QTY]",
	  N_("print the unit price that would apply, then why") },
	{ "receipt", cmd_receipt,
	  "receipt --db PATH TICKET [--format text|escpos] [--profile NAME] [--printer URI | --out FILE]",
	  N_("print a ticket's receipt again (marked as a copy)") },
	{ "print-test", cmd_print_test, "print-test [--printer URI] [--profile NAME] | print-test --profiles",
	  N_("print a test page (accents, euro, barcodes, QR) or list the printer profiles") },
	{ "stock", cmd_stock, "stock --db PATH CODE | stock report valuation|low|moves|dead "
	  "[--location L] [--days N] [--below N]",
	  N_("print the quantity on hand, then one line per location") },
	{ "catalog", cmd_catalog,
	  "catalog --list CODE [--db PATH] --out FILE.pdf|FILE.txt [--category CAT]",
	  N_("write a buyer's price list as A4 PDF or text") },
	{ "import", cmd_import,
	  "import products|customers|prices|stock FILE [--db PATH] [--encoding ENC] [--dry-run] "
	  "[--user NAME --pin PIN]",
	  N_("read products, customers, prices or stock from a CSV file (all or nothing)") },
	{ "export", cmd_export,
	  "export products|customers|prices|sales [--db PATH] [--encoding ENC] [--out FILE]",
	  N_("write products, customers, prices or sales as CSV") },
	{ "user", cmd_user,
	  "user add NAME --role ROLE --new-pin PIN [--name TEXT] | user list  [--db PATH] "
	  "[--user NAME --pin PIN]",
	  N_("add a user (roles: cashier, supervisor, manager, warehouse, admin) or list them") },
	{ "verify", cmd_verify,
	  "verify [--db PATH] [--archive FILE --pubkey FILE] | verify --archive FILE --pubkey FILE",
	  N_("check the journal or a signed archive; exit 1 names the first broken record") },
	{ "archive", cmd_archive, "archive --period YYYY-MM --out FILE [--db PATH] [--key FILE]",
	  N_("write a month of the journal, signed with the secret key (Ed25519)") },
	{ "print-jobs", cmd_print_jobs,
	  "print-jobs [list | retry JOB|all] [--all] [--printer URI] [--db PATH]",
	  N_("list the receipts waiting to print, or print them again (here or elsewhere)") },
	{ "drawer", cmd_drawer, "drawer --reason TEXT [--db PATH] [--user NAME --pin PIN] "
	  "[--approver NAME --approver-pin PIN]",
	  N_("open the cash drawer without a sale (by right; recorded in the journal)") },
	{ "keygen", cmd_keygen, "keygen --secret FILE --public FILE",
	  N_("make the key pair that signs the journal's archives") },
	{ "devices", cmd_devices, "devices",
	  N_("list the printers and scanners plugged in, and the URI or device of each") },
	{ "shift", cmd_shift,
	  "shift open --float AMOUNT | shift cash --in|--out AMOUNT --reason TEXT | "
	  "shift x [--shift N] | shift close --count VALUExCOUNT[,...]|none  [--db PATH] "
	  "[--user NAME --pin PIN] [--approver NAME --approver-pin PIN]",
	  N_("open a till's shift with its float, move cash in or out, X report, close counted") },
	{ "close", cmd_close,
	  "close day [--date YYYY-MM-DD] | close month [--month YYYY-MM] | close year "
	  "[--year YYYY]  [--db PATH] [--user NAME --pin PIN] [--approver NAME --approver-pin PIN]",
	  N_("Z closing of a day, month or year, read from the journal (once per period)") },
	{ "return", cmd_return,
	  "return --db PATH TICKET [ITEM...] [--refund cash|card[:REF]|credit] [--writeoff] "
	  "[--user NAME --pin PIN] [--approver NAME --approver-pin PIN] | "
	  "return --no-ticket ITEM... [...]",
	  N_("take goods back against a ticket (no ITEM: all that is left) or without one") },
	{ "void", cmd_void,
	  "void --db PATH TICKET [--refund cash|card[:REF]|credit] [--writeoff] "
	  "[--user NAME --pin PIN] [--approver NAME --approver-pin PIN]",
	  N_("cancel a whole paid ticket: a full return needing the right to void") },
	{ "suspend", cmd_suspend, "suspend [--db PATH] [--customer CODE] ITEM...",
	  N_("set a ticket aside to resume later on any terminal") },
	{ "suspended", cmd_suspended, "suspended [--db PATH]",
	  N_("list suspended tickets: id, time, terminal, user, customer, total") },
	{ "resume", cmd_resume, "resume [--db PATH] ID [--pay METHOD[:REF]]",
	  N_("resume a suspended ticket and sell it, paid in full") },
	{ "payqr", cmd_payqr,
	  "payqr --db PATH AMOUNT [--ref REF] [--note TEXT] [--dark] "
	  "[--printer URI | --out FILE] [--profile NAME]",
	  N_("print the shop's payment QR code for an amount (UPI in rupees, EPC transfer in "
	     "euros): the payload, then the QR") },
	{ "setting", cmd_setting,
	  "setting get KEY | setting set KEY VALUE | setting list  [--db PATH] "
	  "[--user NAME --pin PIN]",
	  N_("read or change a shop setting: the payee of payment QR codes (payee_name, upi_vpa, "
	     "iban, bic), the seller's mentions on invoices (seller_tax_id, seller_siren, "
	     "seller_legal, late_penalty, early_discount, recovery_indemnity), the shop itself "
	     "(shop_name, shop_address, seller_state, receiving_location, dispatch_location)") },
	{ "ask", cmd_ask, "ask --db PATH [--customer CODE] [TEXT]",
	  N_("answer a buyer's question (price, stock, order, help); no TEXT: one per line on stdin") },
	{ "quote", cmd_quote_fast,
	  "quote new --db PATH --customer CODE ITEM... | quote copy --db PATH QUOTE [--customer CODE]",
	  N_("a quote at the customer's prices, valid 30 days: first line \"quote NUMBER total AMOUNT\"") },
	{ "order", cmd_order_fast,
	  "order new --db PATH --customer CODE [--ship-to N] [--shipping METHOD[:AMOUNT]] ITEM... | "
	  "order confirm --db PATH QUOTE | order draft --customer CODE [--ship-to N] "
	  "[--shipping METHOD[:AMOUNT]] [ITEM...] | order add DRAFT ITEM... | order paste DRAFT "
	  "[FILE] | order set DRAFT LINE QTY | order remove DRAFT LINE | order place DRAFT | "
	  "order draft-show DRAFT | order drafts [--customer CODE] | "
	  "order repeat --customer CODE  "
	  "[--db PATH] [--user NAME --pin PIN] [--approver NAME --approver-pin PIN]",
	  N_("take an order (credit-checked, reserves stock), confirm a quote, or keep a draft "
	     "order (typed, pasted or repeated) until it is placed") },
	{ "deliver", cmd_deliver_fast, "deliver --db PATH ORDER [ITEM...] [--from LOCATION] [--tracking NUMBER]",
	  N_("deliver an order (no ITEM: all that is open); the rest stays on backorder") },
	{ "shipping", cmd_shipping,
	  "shipping list | shipping set pickup|own|courier|cod [--price AMOUNT] [--product SKU] | "
	  "shipping track DELIVERY NUMBER  [--db PATH] [--user NAME --pin PIN]",
	  N_("the shipping methods' charges and the product carrying them; a delivery's "
	     "tracking number") },
	{ "invoice", cmd_invoice, "invoice --db PATH ORDER",
	  N_("invoice what was delivered on an order and not yet invoiced") },
	{ "credit-note", cmd_credit_note, "credit-note --db PATH INVOICE [ITEM...] [--restock]",
	  N_("credit an invoice (no ITEM: all not yet credited); --restock puts the goods back") },
	{ "pay", cmd_pay,
	  "pay --db PATH --customer CODE AMOUNT [--invoice NUMBER] [--method METHOD]",
	  N_("record a customer payment: to one invoice, or to the oldest open invoices") },
	{ "balance", cmd_balance, "balance --db PATH --customer CODE",
	  N_("what a customer owes, then ageing and the open invoices") },
	{ "doc", cmd_doc_print_or_show,
	  "doc show KIND NUMBER [--db PATH] | doc print KIND NUMBER [--format text|pdf] "
	  "[--out FILE] [--slip] [--as-reseller] [--db PATH]   (KIND: quote, order, delivery, "
	  "invoice, credit)",
	  N_("show a document with its history, or print it as text or an A4 PDF (--slip: a "
	     "packing slip without prices)") },
	{ "statement", cmd_statement,
	  "statement --customer CODE [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format text|pdf] "
	  "[--out FILE] [--db PATH]",
	  N_("a customer's statement: movements with a running balance, open invoices, ageing") },
	{ "ageing", cmd_ageing, "ageing [--db PATH]",
	  N_("what each customer owes by age (current, 1-30, 31-60, 61-90, over 90), then totals") },
	{ "customer", cmd_customer_fast,
	  "customer set CODE [--terms TERMS] [--credit-limit AMOUNT] [--hold on|off] "
	  "[--note TEXT] | customer ship-to CODE [NAME ADDRESS [STATE]]  [--db PATH] "
	  "[--user NAME --pin PIN]",
	  N_("set a customer's terms, credit limit, hold and notes, or add a ship-to address "
	     "(without NAME: list them)") },
	{ "supplier", cmd_supplier,
	  "supplier add CODE NAME [--kind manufacturer|wholesaler] | supplier item SUPPLIER SKU "
	  "[--code C] [--price P] [--pack N] [--lead-days D] [--preferred] | supplier list  "
	  "[--db PATH]",
	  N_("add a supplier, set what it sells us (its code, price, pack, lead time), or list") },
	{ "purchase", cmd_purchase,
	  "purchase new --supplier CODE ITEM... | purchase send|show|close N | purchase list  "
	  "[--db PATH] [--user NAME --pin PIN]",
	  N_("purchase orders: new (first line \"purchase NUMBER\"), send, show, close short, list") },
	{ "receive", cmd_receive,
	  "receive --db PATH PURCHASE [ITEM...] [--over] [--location L] | receive --supplier CODE "
	  "--no-order ITEM...  [--user NAME --pin PIN] [--approver NAME --approver-pin PIN]",
	  N_("receive goods against a purchase order (no ITEM: all that is open); ITEM is "
	     "CODE[*QTY][@LOT[:YYYY-MM-DD]]") },
	{ "reorder", cmd_reorder, "reorder [--create] [--db PATH] [--user NAME --pin PIN]",
	  N_("suggest what to order per supplier; --create makes the draft purchase orders") },
	{ "desk", cmd_desk_screen, "desk [--db PATH]",
	  N_("open the wholesale desk's screen: customers, documents, quote to payment") },
	{ "location", cmd_location,
	  "location add CODE NAME [--kind shop|warehouse|bin] | location list  [--db PATH] "
	  "[--user NAME --pin PIN]",
	  N_("add or list stock locations (shop, warehouse, bins)") },
	{ "transfer", cmd_transfer,
	  "transfer --db PATH --from LOCATION --to LOCATION [--transit] ITEM... | "
	  "transfer arrive NUMBER",
	  N_("move stock between locations, at once or through transit (ITEM: CODE*QTY[@LOT])") },
	{ "count", cmd_count,
	  "count --db PATH --location LOCATION [--category C] ITEM... | count approve NUMBER  "
	  "[--user NAME --pin PIN] [--approver NAME --approver-pin PIN]",
	  N_("blind count of a location (ITEM: CODE*COUNTED); variances need approval") },
	{ "adjust", cmd_adjust,
	  "adjust --db PATH --location LOCATION CODE QTY --reason damage|theft|expiry|sample|found "
	  "[--lot LOT [--expiry YYYY-MM-DD]] [--user NAME --pin PIN]",
	  N_("adjust stock with a reason (losses negative: -3)") },
	{ "product", cmd_product,
	  "product set SKU --negative allow|warn|refuse | product levels SKU --min N --max N  "
	  "[--db PATH] [--user NAME --pin PIN]",
	  N_("set what happens when a product's stock would go below zero, or its minimum and "
	     "maximum levels for reordering") },
	{ "warehouse", cmd_warehouse, "warehouse [--db PATH]",
	  N_("the handheld warehouse screens: receive, put away, pick, count, transfer, look up") },
	{ NULL, NULL, NULL, NULL },
};

int cmd_fail(int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("comptoir: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	return status;
}

void cmd_warn(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("comptoir: ", stderr);
	fputs(_("warning: "), stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

int cmd_fail_err(int rc, char *err, const char *fallback)
{
	(void)rc;
	cmd_fail(EXIT_REFUSED, "%s", err ? err : fallback);
	free(err);
	return EXIT_REFUSED;
}

int cmd_usage(const char *name, int status)
{
	FILE *out = status ? stderr : stdout;
	for (const struct cmd *c = cmd_table; c->name; c++)
		if (strcmp(c->name, name) == 0) {
			fprintf(out, _("usage: comptoir %s\n"), c->synopsis);
			fprintf(out, "%s\n", _(c->summary));
			return status;
		}
	return status;
}

int cmd_bad_option(const char *name, int c, char **argv)
{
	const char *opt = argv[optind - 1];
	if (c == ':')
		cmd_fail(EXIT_USAGE, _("option '%s' needs a value"), opt);
	else
		cmd_fail(EXIT_USAGE, _("unknown option '%s'"), opt);
	return cmd_usage(name, EXIT_USAGE);
}

static void main_help(FILE *out)
{
	fputs(_("usage: comptoir [--db PATH]            open the screens\n"
	        "       comptoir COMMAND [OPTION]... [ARG]...\n\n"
	        "Commands:\n"), out);
	for (const struct cmd *c = cmd_table; c->name; c++)
		fprintf(out, "  %-11s %s\n", c->name, _(c->summary));
	fputs(_("\nRun 'comptoir COMMAND --help' for a command's options.\n"
	        "Exit status: 0 success, 1 refused or bad input, 2 wrong usage.\n"
	        "Database: --db, else $COMPTOIR_DB, else the config file's, else\n"
	        "$XDG_DATA_HOME/comptoir/comptoir.db. Config: $XDG_CONFIG_HOME/comptoir/comptoir.conf,\n"
	        "then /etc/comptoir.conf.\n"), out);
}

static void main_i18n(void)
{
	setlocale(LC_ALL, "");
#if ENABLE_NLS
	const char *dir = getenv("COMPTOIR_LOCALEDIR");
	bindtextdomain(PACKAGE, dir && *dir ? dir : LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
#endif
}

int main(int argc, char **argv)
{
	main_i18n();
	app_stock_set_warn(cmd_stock_warn, NULL);
	if (argc >= 2 && argv[1][0] != '-') {
		for (const struct cmd *c = cmd_table; c->name; c++)
			if (strcmp(c->name, argv[1]) == 0)
				return c->run(argc - 1, argv + 1);
		cmd_fail(EXIT_USAGE, _("unknown command '%s'"), argv[1]);
		main_help(stderr);
		return EXIT_USAGE;
	}
	if (argc >= 2 && strcmp(argv[1], "--help") == 0) {
		main_help(stdout);
		return EXIT_OK;
	}
	if (argc >= 2 && strcmp(argv[1], "--version") == 0) {
		printf("comptoir %s\n", PACKAGE_VERSION);
		return EXIT_OK;
	}
	return cmd_screens(argc, argv);
}
