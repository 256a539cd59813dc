/* Shared by the files of src/app/ only: the application handle. */
#ifndef COMPTOIR_APP_INTERNAL_H
#define COMPTOIR_APP_INTERNAL_H

#include "app.h"
#include "../core/barcode.h"
#include "../core/pricing.h"
#include "scanner.h"
#include "../util/strbuf.h"
#include "../../db/db.h"

#define APP_LAYOUTS_MAX 8

struct app {
	struct db *db;
	char *db_path;            /* as given to app_open */
	struct app_shop shop;
	int64_t location_id;      /* where the counter sells from */
	struct instore_layout layouts[APP_LAYOUTS_MAX];
	size_t nlayouts;
	struct price_list *lists;   /* cached; reloaded when another process writes */
	size_t nlists;
	int64_t base_list_id;
	int64_t data_version;
	int64_t lists_checked;      /* monotonic ms of the last check */
	int lists_loaded;
	const struct money_style *msg_money;  /* NULL: the shop's */
	char user[32];            /* logged in, "" for nobody */
	char role[16];
	char approver[32];        /* a waiting approval: who, with which role */
	char approver_role[16];
	char approved_by[32];     /* the approval the current action uses */
	struct app_scanner_conf scanner;      /* from the config, when scanner_set */
	int scanner_set;
};

/* The money style of messages (see app_set_message_money). */
const struct money_style *app_msg_money(const struct app *a);

/* Loads shop settings from the database into a->shop. */
int app_load_shop(struct app *a, char **err);

/* Resolves the unit price of a product for a customer (0: walk-in, with
 * the list customer_list_id, 0 for none) and a total quantity on one day
 * (0: today). The price engine's codes PRICING_BELOW_MIN/NOT_MULTIPLE come
 * back with r filled; other failures are APP_IO/APP_ERR with *err set. */
int app_resolve_price(struct app *a, int64_t product_id, money_t catalogue_price,
                      tax_rate_t rate, int64_t customer_id, int64_t customer_list_id,
                      int64_t qty, int weighed, int64_t now, struct price_result *r,
                      char **err);

/* Reads the price lists into a->lists when this connection has never read
 * them or another process has committed since. */
int app_lists_refresh(struct app *a, char **err);

/* Puts r's steps into words, one line each, money in the shop's style. */
void app_price_explain(struct app *a, const struct price_result *r, struct strbuf *sb);

/* The code of a price list by id ("?" when unknown). */
const char *app_list_code(struct app *a, int64_t id);

/* A day as YYYYMMDD in local time; now 0 means the clock. */
int32_t app_today(int64_t now);

/* Reads a quantity typed or given: whole units, or kilograms with up to
 * three decimals for weighed goods (returned in thousandths). */
int app_parse_qty(const char *text, int weighed, int64_t *out, char **err);

/* India: a line's tax as CGST + SGST (the buyer in the shop's state, or a
 * walk-in) or IGST (another state); all 0 elsewhere. APP_ERR with *err
 * naming the sku when a state is unknown. */
int app_gst_parts(struct app *a, money_t tax, const char *sku, const char *buyer_state,
                  int64_t *cgst, int64_t *sgst, int64_t *igst, char **err);

/* Translated English text for the error codes of the core modules. */
const char *app_core_strerror(int code);

/* Moves qty (signed, base units) of a product at a location as the
 * logged-in user, now: a stock movement with its reason ("sale", "return",
 * "delivery", ...) and a reference made from ref_fmt ("ticket 42"; NULL for
 * none). Returns a DB_ code. */
int app_stock_move(struct app *a, int64_t product_id, int64_t location_id, int64_t qty,
                   const char *reason, char **err, const char *ref_fmt, ...)
	__attribute__((format(printf, 7, 8)));

/* The same naming a lot (0: none) and the unit cost (-1: unknown). */
int app_stock_move_lot(struct app *a, int64_t product_id, int64_t location_id, int64_t lot_id,
                       int64_t qty, int64_t unit_cost, const char *reason, char **err,
                       const char *ref_fmt, ...) __attribute__((format(printf, 9, 10)));
/* Takes qty (> 0, base units) of a product out of a location, inside the
 * caller's transaction: from its lots earliest expiry first, then without
 * a lot, one movement per part, under the product's negative-stock policy
 * (APP_ERR with a message when it refuses; a warning when it warns).
 * Returns an APP_ code (stock_ops_lots.c). */
int app_stock_take(struct app *a, int64_t product_id, int64_t location_id, int64_t qty,
                   const char *reason, char **err, const char *ref_fmt, ...)
	__attribute__((format(printf, 7, 8)));
/* The id of lot `code` of a product, made with its expiry (YYYY-MM-DD or
 * NULL) when new; an expiry differing from the one recorded is APP_ERR.
 * Inside the caller's transaction. */
int app_lot_get(struct app *a, int64_t product_id, const char *code, const char *expiry,
                int64_t *lot_id, char **err);

#endif
