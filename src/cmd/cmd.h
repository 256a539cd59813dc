/* The command line: one table of subcommands, each a function taking its
 * own argv, and the helpers they share (messages, opening the shop). */
#ifndef COMPTOIR_CMD_H
#define COMPTOIR_CMD_H

#include "../app/app.h"
#include "../app/config.h"

/* Exit statuses of the interface contract. */
enum {
	EXIT_OK = 0,
	EXIT_REFUSED = 1,  /* refused operation or bad input */
	EXIT_USAGE = 2,
};

struct cmd {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *synopsis;   /* untranslated usage line, after "comptoir " */
	const char *summary;    /* one line, marked with N_() */
};

extern const struct cmd cmd_table[];

/* "comptoir: MESSAGE" on stderr; returns status. */
int cmd_fail(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "comptoir: warning: MESSAGE" on stderr. */
void cmd_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Reports *err (or fallback), frees it, returns the exit status for rc. */
int cmd_fail_err(int rc, char *err, const char *fallback);
/* For getopt_long's '?' (unknown option) and ':' (option without its
 * value, with ":" leading the optstring): says which, then the usage of
 * command `name` on stderr. Returns EXIT_USAGE. */
int cmd_bad_option(const char *name, int c, char **argv);
/* Prints the usage of a command on stdout (help) or stderr (error). */
int cmd_usage(const char *name, int status);

/* The database path: --db, else $COMPTOIR_DB, else the config file's,
 * else the default under $XDG_DATA_HOME. */
int cmd_db_path(const char *opt, const struct app_config *cfg, char *out, size_t size);

/* Loads the config, resolves the path and opens the shop; applies the
 * config's terminal, printer and width. On failure prints the message and
 * returns the exit status (>0); 0 on success. */
int cmd_open(const char *db_opt, struct app **a);

/* Who acts: --user/--pin and --approver/--approver-pin, the same on every
 * command that records or checks a user. */
struct cmd_auth {
	const char *user, *pin, *approver, *approver_pin;
};
#define CMD_AUTH_OPTIONS \
	{ "user", required_argument, NULL, 'u' }, { "pin", required_argument, NULL, 'P' }, \
	{ "approver", required_argument, NULL, 'A' }, \
	{ "approver-pin", required_argument, NULL, 'Q' }
/* Stores option c when it is one of CMD_AUTH_OPTIONS; returns 1 then. */
int cmd_auth_opt(struct cmd_auth *au, int c, const char *arg);
/* Checks the options before the shop is opened; 0 or the exit status. */
int cmd_auth_check(const struct cmd_auth *au);
/* Logs in and registers the approval. In a shop without users, --user
 * alone is only a name to record: *record_as is set to it. 0 or the exit
 * status (the message printed). */
int cmd_auth_apply(struct app *a, const struct cmd_auth *au, const char **record_as);

int cmd_user(int argc, char **argv);
int cmd_verify(int argc, char **argv);
int cmd_archive(int argc, char **argv);
int cmd_keygen(int argc, char **argv);
int cmd_print_jobs(int argc, char **argv);
int cmd_drawer(int argc, char **argv);
int cmd_init(int argc, char **argv);
int cmd_demo(int argc, char **argv);
int cmd_sell(int argc, char **argv);
int cmd_price(int argc, char **argv);
int cmd_receipt(int argc, char **argv);
int cmd_print_test(int argc, char **argv);
int cmd_stock(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_catalog(int argc, char **argv);
int cmd_devices(int argc, char **argv);
int cmd_shift(int argc, char **argv);
int cmd_close(int argc, char **argv);
int cmd_return(int argc, char **argv);
int cmd_void(int argc, char **argv);
int cmd_suspend(int argc, char **argv);
int cmd_suspended(int argc, char **argv);
int cmd_resume(int argc, char **argv);
int cmd_payqr(int argc, char **argv);
int cmd_setting(int argc, char **argv);
int cmd_ask(int argc, char **argv);
int cmd_quote(int argc, char **argv);
int cmd_order(int argc, char **argv);
int cmd_deliver(int argc, char **argv);
int cmd_invoice(int argc, char **argv);
int cmd_credit_note(int argc, char **argv);
int cmd_pay(int argc, char **argv);
int cmd_balance(int argc, char **argv);
int cmd_doc(int argc, char **argv);
int cmd_customer(int argc, char **argv);
int cmd_supplier(int argc, char **argv);
int cmd_purchase(int argc, char **argv);
int cmd_receive(int argc, char **argv);
int cmd_reorder(int argc, char **argv);
/* product levels SKU --min N --max N (purchase.c). */
int cmd_product_levels(int argc, char **argv);
/* Stock operations (stock_ops.c). */
int cmd_location(int argc, char **argv);
int cmd_transfer(int argc, char **argv);
int cmd_count(int argc, char **argv);
int cmd_adjust(int argc, char **argv);
int cmd_product(int argc, char **argv);
/* comptoir stock report KIND (argv[1] is "report"). */
int cmd_stock_report(int argc, char **argv);
/* Prints a stock operation's warning as "comptoir: warning: ...". */
void cmd_stock_warn(void *ctx, const char *msg);
/* Opens the shop at db_opt (resolved like cmd_open) in the screens. */
int cmd_run_screens(const char *db_opt);
/* The screens (no subcommand). */
int cmd_screens(int argc, char **argv);

#endif
