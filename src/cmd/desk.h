/* The options the desk's commands share, read by one getopt loop. */
#ifndef COMPTOIR_CMD_DESK_H
#define COMPTOIR_CMD_DESK_H

#include "cmd.h"

struct desk_args {
	const char *db, *customer, *ship_to, *invoice, *method, *terms, *limit, *hold, *note;
	int restock;
	struct cmd_auth au;
	char **args;     /* the operands */
	int nargs;
};

/* 0, -1 after --help (exit 0), or the exit status of bad usage. */
int desk_args_parse(const char *name, int argc, char **argv, struct desk_args *d);
/* Opens the shop and applies --user/--approver; 0 or the exit status. */
int desk_open(struct desk_args *d, struct app **a);

#endif
