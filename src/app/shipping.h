/* Shipping on the wholesale desk: the methods (pickup, own delivery,
 * courier, cash on delivery) with a default charge carried by a service
 * product as a taxed line of the order, a delivery's courier tracking
 * number, and what a document shows of where and how its goods go
 * (drop-ship: delivered to an address that is not the customer's own). */
#ifndef COMPTOIR_APP_SHIPPING_H
#define COMPTOIR_APP_SHIPPING_H

#include <stddef.h>
#include <stdint.h>
#include "app.h"

#define APP_SHIP_METHODS 4
/* "pickup", "own", "courier", "cod", then NULL. */
extern const char *const app_ship_method_codes[];

struct app_ship_method {
	char code[12];
	money_t price;        /* default charge, as the shop writes its prices */
	char sku[65];         /* the product carrying the charge; "" none */
};
/* The four methods in the order of app_ship_method_codes. */
int app_ship_methods(struct app *a, struct app_ship_method out[APP_SHIP_METHODS], char **err);
/* Sets a method's default charge (price_text NULL: unchanged) and the
 * product carrying it (sku NULL: unchanged, "": none). A charge above
 * zero needs a product. Needs RIGHT_PRICE_LIST_EDIT in a shop with users. */
int app_ship_method_set(struct app *a, const char *method, const char *price_text,
                        const char *sku, char **err);

/* "METHOD" or "METHOD:AMOUNT" ("0" for free): the method code (12 bytes)
 * and the charge, -1 for the method's default. A charge is written as the
 * shop writes its prices (tax included in France) and converted for a
 * document priced before tax. APP_ERR with a message for anything else. */
int app_ship_parse(const char *text, char *method, money_t *charge, char **err);

/* Records the courier's tracking number on delivery `delivery` (a later
 * number replaces it). The delivery's order must ship by courier or cash
 * on delivery. */
int app_delivery_track(struct app *a, int64_t delivery, const char *tracking, char **err);

/* A customer's ship-to addresses (the number is what --ship-to takes). */
struct app_ship_to {
	int seq;
	char name[161], address[256], state[33];
};
/* *out malloc'd (free it), *n entries, by number. */
int app_ship_to_list(struct app *a, const char *customer, struct app_ship_to **out, size_t *n,
                     char **err);

/* How the goods of a document (order or delivery) go. */
struct app_doc_shipping {
	char method[12];      /* "" when the order named none */
	money_t charge;       /* the charge line's gross, 0 none */
	char tracking[65];    /* deliveries */
	int drop_ship;        /* shipped to a ship-to address, billed to the customer */
	int ship_seq;
	char ship_name[161], ship_address[256];
	money_t collect;      /* cash on delivery: what the driver collects (a delivery's gross) */
};
int app_doc_shipping(struct app *a, const char *kind, int64_t number,
                     struct app_doc_shipping *out, char **err);

#endif
