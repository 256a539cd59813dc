/* Shared by the ticket files of src/app/ (ticket.c, ticket_manual.c). */
#ifndef COMPTOIR_APP_TICKET_INTERNAL_H
#define COMPTOIR_APP_TICKET_INTERNAL_H

#include "ticket.h"

/* Prices every live line from its product's total on the ticket (only
 * product `only` when not 0), manual prices last. */
int app_ticket_reprice(struct app *a, struct app_ticket *t, int64_t only, char **err);

/* The manual decision of `kind` for product_id (any product for
 * APP_MANUAL_RULES), or NULL. */
const struct app_ticket_manual *app_ticket_manual_find(const struct app_ticket *t,
                                                       enum app_manual_kind kind,
                                                       int64_t product_id);

#endif
