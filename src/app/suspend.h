/* Suspended tickets: the counter's ticket set aside (what was scanned, its
 * customer, discounts and key) and taken up again on any terminal, priced
 * anew; they live in the database, survive a restart and are listed at
 * closing, never silently dropped. */
#ifndef COMPTOIR_APP_SUSPEND_H
#define COMPTOIR_APP_SUSPEND_H

#include "app.h"
#include "ticket.h"

struct app_suspended_info {
	int64_t id;
	int64_t created_at;
	char terminal[32];
	char user[32];
	char customer_code[65];
	money_t total;          /* as it stood when suspended */
};

/* Stores the ticket (refused when it has no live line) and empties it for
 * the next customer; *id is the suspended ticket's number. */
int app_ticket_suspend(struct app *a, struct app_ticket *t, int64_t *id, char **err);
/* Rebuilds suspended ticket `id` into t (emptied first) through
 * app_ticket_add, so prices are resolved again, and removes it from the
 * suspended tickets in the same transaction: of two terminals resuming it,
 * one gets APP_NOTFOUND. When a line can no longer be rebuilt, nothing is
 * removed and APP_ERR says which. */
int app_ticket_resume(struct app *a, int64_t id, struct app_ticket *t, char **err);
/* Each suspended ticket, oldest first; stops when fn returns non-zero. */
int app_suspended_each(struct app *a, int (*fn)(const struct app_suspended_info *, void *),
                       void *ctx, char **err);
/* How many tickets are suspended. */
int app_suspended_count(struct app *a, int64_t *n, char **err);

#endif
