/* comptoir doc print, statement and ageing (src/cmd/docprint.c). */
#ifndef COMPTOIR_CMD_DOCPRINT_H
#define COMPTOIR_CMD_DOCPRINT_H

/* "doc print ..." here, any other "doc ..." to cmd_doc. */
int cmd_doc_print_or_show(int argc, char **argv);
int cmd_statement(int argc, char **argv);
int cmd_ageing(int argc, char **argv);

#endif
