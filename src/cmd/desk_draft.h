/* The desk's fast-entry and shipping commands: `order` (draft, add, paste,
 * place, repeat, draft-show, and new with --shipping; the rest goes to the
 * desk's own order command), `quote copy`, `deliver --tracking`,
 * `customer ship-to CODE` (the list) and `shipping`. */
#ifndef COMPTOIR_CMD_DESK_DRAFT_H
#define COMPTOIR_CMD_DESK_DRAFT_H

int cmd_order_fast(int argc, char **argv);
int cmd_quote_fast(int argc, char **argv);
int cmd_deliver_fast(int argc, char **argv);
int cmd_shipping(int argc, char **argv);
/* customer ship-to CODE lists the addresses; the rest is the desk's. */
int cmd_customer_fast(int argc, char **argv);

#endif
