/* Stock movements: every change of stock is a movement (product, location,
 * optional lot, signed quantity, reason, reference, user, time); the stock
 * table follows from them by a trigger (see migration 8). */
#ifndef COMPTOIR_DB_STOCK_H
#define COMPTOIR_DB_STOCK_H

#include <stddef.h>
#include <stdint.h>
#include "db.h"

struct db_move {
	int64_t product_id;
	int64_t location_id;
	int64_t lot_id;          /* 0: no lot */
	int64_t qty;             /* signed, base units; 0 writes nothing */
	const char *reason;      /* "sale", "return", "delivery", "receive", ... */
	const char *ref;         /* what caused it: "ticket 42", "" */
	const char *user;        /* "" for nobody */
	int64_t unit_cost;       /* minor units per base unit; -1 when unknown */
	int64_t at;              /* unix time */
};

/* Records the movement; the stock row follows (qty = qty + m->qty). */
int db_stock_move(struct db *db, const struct db_move *m, char **err);

/* A (product, location) whose stock differs from the sum of its movements. */
struct db_stock_drift {
	char sku[65];
	char location[32];
	int64_t stock;           /* what the stock table holds (0 without a row) */
	int64_t moves;           /* the sum of the movements */
};
/* Fills up to max drifts; *n is how many there are in all. */
int db_stock_drifts(struct db *db, struct db_stock_drift *out, size_t max, size_t *n,
                    char **err);

/* The code of location id; DB_NOTFOUND when unknown. */
int db_location_code(struct db *db, int64_t id, char *code, size_t size);
/* A location by code: its id and kind; DB_NOTFOUND when unknown. */
int db_location_get(struct db *db, const char *code, int64_t *id, char *kind, size_t size);

struct db_move_row {
	int64_t id, at, qty, unit_cost;
	char sku[65];
	char location[32];
	char lot[65];
	char reason[33];
	char ref[65];
	char user[33];
};
/* Movements, newest first: of one product (product_id > 0) and/or one
 * location (location_id > 0); at most max. */
int db_stock_moves_list(struct db *db, int64_t product_id, int64_t location_id,
                        struct db_move_row *out, size_t max, size_t *n, char **err);

#endif
