/* Shared by drafts.c and drafts_place.c: a draft's lines as items, pricing
 * them as the counter would, and writing a new draft. */
#ifndef COMPTOIR_APP_DRAFTS_INTERNAL_H
#define COMPTOIR_APP_DRAFTS_INTERNAL_H

#include "drafts.h"
#include "shipping-internal.h"
#include "ticket.h"
#include "../../db/drafts.h"

/* A draft's lines: codes and quantities (qty[i] "" when none typed). */
struct draft_items {
	struct app_doc_item *it;
	char (*code)[65];
	char (*qty)[32];
	int *no;          /* the draft's line numbers (0: not read from a draft) */
	size_t n, cap;
};
void draft_items_init(struct draft_items *x);
void draft_items_release(struct draft_items *x);
void draft_items_push(struct draft_items *x, const char *code, const char *qty);
/* Reads the lines of draft_id; APP_IO with a message. */
int draft_items_read(struct app *a, int64_t draft_id, struct draft_items *x, char **err);

/* Starts t for the customer and adds the items (each as the counter rings
 * it up); with check, the list's rules must hold too. */
int draft_price(struct app *a, struct app_ticket *t, const char *customer,
                const struct app_doc_item *items, size_t n, int check, char **err);
/* Writes a new draft (its number in d->number) with the items, in one
 * transaction. */
int draft_write(struct app *a, struct db_draft *d, const struct app_doc_item *items, size_t n,
                char **err);

#endif
