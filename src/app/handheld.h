/* The handheld warehouse terminals: where each user stopped (the screen,
 * its step, the purchase, order or count and the locations in hand), saved
 * after every scan so a session cut off by the radio resumes at log-in; and
 * picking a wholesale order, each scan saved, ending in its delivery. */
#ifndef COMPTOIR_APP_HANDHELD_H
#define COMPTOIR_APP_HANDHELD_H

#include <stddef.h>
#include <stdint.h>
#include "app.h"
#include "documents.h"

struct app_handheld {
	char flow[16];    /* "receive", "putaway", "pick", "count", "transfer",
	                     "lookup"; "" the menu */
	int step;
	int64_t doc;      /* the purchase, order or count in hand; 0 none */
	char from[32];    /* locations in hand, "" none */
	char to[32];
	char item[65];    /* the SKU in hand, "" none */
	char qty[24];     /* a quantity typed and not yet used */
	char lot[21];     /* the lot of the item in hand (from a GS1 scan), "" none */
	char expiry[11];  /* its expiry, YYYY-MM-DD, "" none */
	int pos;          /* the line shown (picking) */
};

/* The logged-in user's saved state; all empty when none was saved. */
int app_handheld_load(struct app *a, struct app_handheld *out, char **err);
/* Saves it (one short transaction). */
int app_handheld_save(struct app *a, const struct app_handheld *s, char **err);

struct app_pick_line {
	int line_no;
	char sku[65];
	char name[161];
	int64_t open;     /* ordered less delivered, base units */
	int64_t picked;   /* scanned so far and not yet delivered */
	int weighed;      /* quantities in grams (thousandths of a kg) */
	int at_dispatch;  /* the dispatch location holds some of it */
	char where[64];   /* where it is: "WH 25 B1 3", the dispatch
	                     location first; "" none anywhere */
};
struct app_pick {
	int64_t order;
	char from[32];    /* the dispatch location: the pick ships from there */
	char customer[161];
	size_t n;
	struct app_pick_line *lines;   /* free with app_pick_release */
};
/* Order `number` as a pick list: its lines with something open. */
int app_pick_get(struct app *a, int64_t number, struct app_pick *out, char **err);
void app_pick_release(struct app_pick *p);
/* Records qty of `code` picked for the order (saved at once); the first
 * line of that product with room takes it. APP_ERR when the order does not
 * hold it or more would be picked than is open. */
int app_pick_scan(struct app *a, int64_t number, const char *code, int64_t qty, char **err);
/* Delivers what was picked and forgets the picks: what the dispatch
 * location lacks of a line is moved to it first from the other locations
 * holding it (a transfer: the picker took it there), then one delivery
 * ships from the dispatch location (app_deliver). APP_ERR when nothing
 * was picked. */
int app_pick_finish(struct app *a, int64_t number, struct app_doc_result *res, char **err);

#endif
