/* The options the desk's commands share, read by one getopt loop. */
#ifndef COMPTOIR_CMD_DESK_H
#define COMPTOIR_CMD_DESK_H

#include "cmd.h"

struct desk_args {
	const char *db, *customer, *ship_to, *invoice, *method, *terms, *limit, *hold, *note;
	const char *from;   /* deliver --from LOCATION */
	int restock;
	struct cmd_auth au;
	char **args;     /* the operands */
	int nargs;
};

/* 0, -1 after --help (exit 0), or the exit status of bad usage. `allowed`
 * holds the letters of the options this command takes besides --db,
 * --help and the user options (c customer, s ship-to, i invoice, m method,
 * r restock, t terms, l credit-limit, H hold, n note, F from). */
int desk_args_parse(const char *name, const char *allowed, int argc, char **argv,
                    struct desk_args *d);
/* Opens the shop and applies --user/--approver; 0 or the exit status. */
int desk_open(struct desk_args *d, struct app **a);

#endif
