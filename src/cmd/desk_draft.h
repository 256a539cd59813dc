/* The desk's fast-entry and shipping commands: `order` (draft, add, paste,
 * place, repeat, draft-show, and new with --shipping; the rest goes to the
 * desk's own order command), `quote copy`, `deliver --tracking`,
 * `customer ship-to CODE` (the list) and `shipping`. */
#ifndef COMPTOIR_CMD_DESK_DRAFT_H
#define COMPTOIR_CMD_DESK_DRAFT_H

#include <stdint.h>
#include <stddef.h>
#include "cmd.h"
#include "../app/documents.h"

/* The options of these commands, read by one getopt loop. */
struct fast_args {
	const char *db, *customer, *ship_to, *shipping, *tracking, *price, *product;
	const char *from;   /* deliver --from LOCATION */
	struct cmd_auth au;
	char **args;     /* the operands */
	int nargs;
};
/* 0, -1 after --help (exit 0), or the exit status of bad usage. */
int fast_parse(const char *name, int argc, char **argv, struct fast_args *f);
/* Refuses the options a verb does not take (allowed: c customer, s
 * ship-to, S shipping, T tracking, p price, r product, F from) as the desk's
 * commands do; then checks the user options. 0 or the exit status. */
int fast_only(const char *name, const struct fast_args *f, const char *allowed);
/* Opens the shop and applies --user/--approver; 0 or the exit status. */
int fast_open(struct fast_args *f, struct app **a);
/* A document number (what: "order", "draft"...); 0 or the exit status. */
int fast_number(const char *what, const char *text, int64_t *out);
/* CODE or CODE*QTY, split in place; malloc'd, n entries. */
struct app_doc_item *fast_items(char **args, int n);
/* Money as the command line prints it (12.50). */
void fast_money(char *out, size_t size, money_t v);

int cmd_order_fast(int argc, char **argv);
int cmd_quote_fast(int argc, char **argv);
int cmd_deliver_fast(int argc, char **argv);
int cmd_shipping(int argc, char **argv);
/* customer ship-to CODE lists the addresses; the rest is the desk's. */
int cmd_customer_fast(int argc, char **argv);

#endif
