/* Creating a shop: a new database with its schema, the country's settings
 * and tax classes, one stock location, and, for the demo, the demo shop's
 * catalogue and customers, all in one transaction; then the demo's
 * warehouse and purchasing, made through the stock and purchase
 * operations. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>
#include "app-internal.h"
#include "auth.h"
#include "demo_data.h"
#include "fiscal.h"
#include "documents.h"
#include "purchase.h"
#include "stock_ops.h"
#include "../core/terms.h"
#include "../../db/users.h"
#include "../../db/catalog.h"
#include "../../db/prices.h"
#include "../../db/stock.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

struct shop_fill {
	struct app *a;
	int64_t tax_ids[16];
	int ntax;
	int64_t retail_id;
	char **err;
};

/* The demo's price lists, one per kind of buyer: each derives from retail
 * by a percentage; B2B lists are shown before tax. */
static const struct {
	const char *code, *name;
	int32_t adjust_pct;
	int inclusive;
	int64_t min_qty, multiple;
} shop_demo_lists[] = {
	{ "wholesale", "Wholesale", -2000, 0, 0, 0 },
	{ "reseller", "Resellers", -2500, 0, 6, 0 },
	{ "distributor", "Distributors", -3000, 0, 0, 12 },
	{ "restaurant", "Restaurants", -1000, 0, 0, 0 },
	{ "employee", "Staff", -1500, 1, 0, 0 },
};

/* B2E: what an employee may buy at the staff price each month. */
#define SHOP_DEMO_EMPLOYEE_LIMIT 20000

static int shop_add_product(const struct demo_product *p, void *ctx)
{
	struct shop_fill *f = ctx;
	struct db *db = f->a->db;
	if (p->tax < 0 || p->tax >= f->ntax) {
		error_set(f->err, _("demo product %s has no tax class"), p->sku);
		return -1;
	}
	struct db_product_new np = {
		.sku = p->sku, .name = p->name, .brand = p->brand, .category = p->category,
		.unit = p->unit, .tax_class_id = f->tax_ids[p->tax], .price = p->price,
		.weighed = p->weighed,
	};
	int64_t id;
	if (db_product_add(db, &np, &id, f->err) != DB_OK)
		return -1;
	if (p->ean13 && db_barcode_add(db, p->ean13, id, 1, f->err) != DB_OK)
		return -1;
	if (p->case_ean13 && db_barcode_add(db, p->case_ean13, id, p->case_qty, f->err) != DB_OK)
		return -1;
	if (p->stock && app_stock_move(f->a, id, f->a->location_id, p->stock, "opening", f->err, "demo shop") !=
	                    DB_OK)
		return -1;
	return 0;
}

static int shop_add_customer(const struct demo_customer *c, void *ctx)
{
	struct shop_fill *f = ctx;
	struct db *db = f->a->db;
	if (db_customer_add(db, c->code, c->name, c->kind, f->err) != DB_OK)
		return -1;
	int64_t list = 0;
	if (db_price_list_id(db, c->kind, &list) != DB_OK)
		return 0;
	/* In India the state decides CGST+SGST or IGST: most buyers are local
	 * (Maharashtra, like the shop), the wholesale and distribution trade
	 * is across the border (Karnataka, Gujarat). */
	if (f->a->shop.country == APP_COUNTRY_IN) {
		const char *state = strcmp(c->kind, "wholesale") == 0     ? "29"
		                    : strcmp(c->kind, "distributor") == 0 ? "24"
		                                                          : "27";
		if (db_customer_set_state(db, c->code, state, f->err) != DB_OK)
			return -1;
	}
	int64_t limit = strcmp(c->kind, "employee") == 0 ? SHOP_DEMO_EMPLOYEE_LIMIT : 0;
	return db_customer_set_list(db, c->code, list, limit, f->err) == DB_OK ? 0 : -1;
}

static int shop_demo_lists_add(struct shop_fill *f)
{
	struct db *db = f->a->db;
	if (db_price_list_id(db, "retail", &f->retail_id) != DB_OK) {
		error_set(f->err, _("the shop has no retail price list"));
		return APP_IO;
	}
	for (size_t i = 0; i < sizeof shop_demo_lists / sizeof shop_demo_lists[0]; i++) {
		struct price_list l = {
			.parent_id = f->retail_id, .adjust_pct = shop_demo_lists[i].adjust_pct,
			.inclusive = shop_demo_lists[i].inclusive, .min_qty = shop_demo_lists[i].min_qty,
			.multiple = shop_demo_lists[i].multiple,
		};
		strlcpy_safe(l.code, shop_demo_lists[i].code, sizeof l.code);
		if (db_price_list_add(db, &l, shop_demo_lists[i].name, NULL, f->err) != DB_OK)
			return APP_IO;
	}
	return APP_OK;
}

/* Quantity breaks on retail for some groceries (12+ at -10 %, 48+ at
 * -15 %), a promotion on the strawberry jam for the year, and a contract
 * price on the baguette for the first restaurant. */
static int shop_demo_prices(struct shop_fill *f, int32_t today)
{
	struct db *db = f->a->db;
	struct db_product p;
	for (int i = 21; i <= 400; i += 7) {
		char sku[16];
		snprintf(sku, sizeof sku, "GRO-%04d", i);
		if (db_product_by_sku(db, sku, &p) != DB_OK)
			continue;
		struct price_break b12 = { .list_id = f->retail_id, .min_qty = 12,
		                           .price = money_div_round(p.price * 90, 100) };
		struct price_break b48 = { .list_id = f->retail_id, .min_qty = 48,
		                           .price = money_div_round(p.price * 85, 100) };
		if (db_price_add(db, p.id, &b12, f->err) != DB_OK ||
		    db_price_add(db, p.id, &b48, f->err) != DB_OK)
			return APP_IO;
	}
	int32_t year = today / 10000;
	if (db_product_by_barcode(db, "3489356355670", &p) == DB_OK) {
		struct price_promo promo = { .price = money_div_round(p.price * 80, 100), .inclusive = 1,
		                             .valid_from = year * 10000 + 101,
		                             .valid_to = year * 10000 + 1231 };
		strlcpy_safe(promo.code, "JAM-YEAR", sizeof promo.code);
		if (db_promo_add(db, p.id, &promo, f->err) != DB_OK)
			return APP_IO;
	}
	int64_t cust;
	if (db_product_by_sku(db, "BAK-0001", &p) == DB_OK &&
	    db_customer_get(db, "C0009", &cust, NULL, 0) == DB_OK) {
		struct price_contract c = { .min_qty = 1, .price = money_div_round(p.price * 70, 100),
		                            .inclusive = 0 };
		if (db_contract_add(db, cust, p.id, &c, f->err) != DB_OK)
			return APP_IO;
	}
	return APP_OK;
}

static int shop_settings(struct app *a, enum app_country country, int demo, char **err)
{
	struct db *db = a->db;
	const char *name = demo ? (country == APP_COUNTRY_IN ? "Comptoir Demo Traders"
	                                                     : "Épicerie Comptoir (démo)")
	                        : "comptoir";
	const char *addr = demo ? (country == APP_COUNTRY_IN ? "12 MG Road, Pune"
	                                                     : "3 rue des Halles, Lyon")
	                        : "";
	if (db_setting_set(db, "country", country == APP_COUNTRY_IN ? "IN" : "FR", err) ||
	    db_setting_set(db, "currency", country == APP_COUNTRY_IN ? "INR" : "EUR", err) ||
	    db_setting_set(db, "shop_name", name, err) ||
	    db_setting_set(db, "shop_address", addr, err) ||
	    db_setting_set(db, "prices_include_tax", "1", err) ||
	    db_setting_set(db, "cash_step", "0", err) ||
	    db_setting_set(db, "instore_layouts", "20-24:price:5,25-29:weight:5", err) ||
	    (country == APP_COUNTRY_IN && db_setting_set(db, "seller_state", "27", err)))
		return APP_IO;
	/* The demo's payee for payment QR codes: a sample UPI ID, and the
	 * French test IBAN (valid check digits, no real account). */
	if (demo && db_setting_set(db, country == APP_COUNTRY_IN ? "upi_vpa" : "iban",
	                           country == APP_COUNTRY_IN ? "comptoir.demo@upi"
	                                                     : "FR7630006000011234567890189", err))
		return APP_IO;
	/* Goods come in at the demo's warehouse (made later, shop_demo_warehouse)
	 * and are put away into its bins. */
	if (demo && db_setting_set(db, "receiving_location",
	                           demo_warehouse(country == APP_COUNTRY_IN ? DEMO_IN : DEMO_FR)
	                                   ->locations[0].code, err))
		return APP_IO;
	return db_location_add(db, "MAIN", _("Shop floor"), &a->location_id, err) == DB_OK
	               ? APP_OK : APP_IO;
}

static int shop_fill(struct app *a, enum app_country country, int demo, char **err)
{
	struct shop_fill f = { .a = a, .err = err };
	a->shop.country = country;
	int n;
	const struct demo_tax *taxes = demo_taxes(country == APP_COUNTRY_IN ? DEMO_IN : DEMO_FR, &n);
	for (int i = 0; i < n && i < 16; i++) {
		if (db_tax_class_add(a->db, taxes[i].code, taxes[i].name, taxes[i].rate,
		                     &f.tax_ids[i], err) != DB_OK)
			return APP_IO;
		f.ntax++;
	}
	if (!demo)
		return APP_OK;
	if (shop_demo_lists_add(&f) != APP_OK)
		return APP_IO;
	if (demo_generate(country == APP_COUNTRY_IN ? DEMO_IN : DEMO_FR, shop_add_product,
	                  shop_add_customer, &f) != 0)
		return APP_IO;
	return shop_demo_prices(&f, app_today(0));
}

/* The demo shop's users, one per role; README lists them. */
static const struct {
	const char *name, *role, *pin, *full;
} shop_demo_users[] = {
	{ "anna", "cashier", "1111", "Anna (counter)" },
	{ "bruno", "supervisor", "2222", "Bruno (supervisor)" },
	{ "chloe", "manager", "3333", "Chloé (manager)" },
	{ "dario", "warehouse", "4444", "Dario (warehouse)" },
	{ "admin", "admin", "9999", "Owner" },
};

static int shop_add_demo_users(struct app *a, char **err)
{
	if (!a->shop.terminal[0])
		strlcpy_safe(a->shop.terminal, "setup", sizeof a->shop.terminal);
	for (size_t i = 0; i < sizeof shop_demo_users / sizeof shop_demo_users[0]; i++) {
		struct db_user u;
		memset(&u, 0, sizeof u);
		strlcpy_safe(u.name, shop_demo_users[i].name, sizeof u.name);
		strlcpy_safe(u.role, shop_demo_users[i].role, sizeof u.role);
		strlcpy_safe(u.full_name, shop_demo_users[i].full, sizeof u.full_name);
		if (app_pin_hash(shop_demo_users[i].pin, u.pin_hash, sizeof u.pin_hash, err) != APP_OK ||
		    db_user_add(a->db, &u, err) != DB_OK)
			return APP_IO;
		char payload[96];
		snprintf(payload, sizeof payload, "user_add %s %s\n", u.name, u.role);
		if (app_journal_append(a, JOURNAL_USER, 0, 0, 0, payload, 0, err) != APP_OK)
			return APP_IO;
	}
	return APP_OK;
}

/* The supplier's price of a product: a percentage of its retail price, as
 * the decimal text the purchase operations take. */
static int shop_supply_price(struct app *a, const char *sku, int32_t pct, char *out, size_t size,
                             char **err)
{
	struct db_product p;
	if (db_product_by_sku(a->db, sku, &p) != DB_OK) {
		error_set(err, _("the demo shop has no product %s"), sku);
		return APP_ERR;
	}
	int64_t c = money_div_round(p.price * pct, 100);
	snprintf(out, size, "%lld.%02lld", (long long)(c / 100), (long long)(c % 100));
	return APP_OK;
}

/* The opening lots, in the warehouse, in one transaction of our own. */
static int shop_demo_lots(struct app *a, const struct demo_warehouse *w, char **err)
{
	int64_t wh;
	char kind[16];
	if (db_location_get(a->db, w->locations[0].code, &wh, kind, sizeof kind) != DB_OK) {
		error_set(err, _("unknown location '%s' (see comptoir location list)"),
		          w->locations[0].code);
		return APP_ERR;
	}
	int32_t today = app_desk_today();
	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	int rc = APP_OK;
	for (int i = 0; rc == APP_OK && i < w->nlots; i++) {
		const struct demo_lot *l = &w->lots[i];
		struct db_product p;
		int64_t lot;
		int32_t day = terms_day_add(today, l->expiry_days);
		char expiry[16];
		snprintf(expiry, sizeof expiry, "%04d-%02d-%02d", (int)(day / 10000),
		         (int)(day / 100 % 100), (int)(day % 100));
		if (db_product_by_sku(a->db, l->sku, &p) != DB_OK) {
			error_set(err, _("the demo shop has no product %s"), l->sku);
			rc = APP_ERR;
		} else if ((rc = app_lot_get(a, p.id, l->code, expiry, &lot, err)) == APP_OK &&
		           app_stock_move_lot(a, p.id, wh, lot, l->qty, -1, "opening", err,
		                              "demo shop") != DB_OK) {
			rc = APP_IO;
		}
	}
	if (rc == APP_OK && db_commit(a->db, err) != DB_OK)
		rc = APP_IO;
	if (rc != APP_OK)
		db_rollback(a->db);
	return rc;
}

/* The demo's warehouse and purchasing (demo_warehouse()), once the shop is
 * committed: each operation is its own transaction, as when a user runs
 * it, and chloe, the manager, runs them. A new demo is no one's books: its
 * thirty-odd commits skip the wait for the disk (synchronous NORMAL; closing
 * the shop writes it all out), which keeps creating it fast. */
static int shop_demo_warehouse(struct app *a, enum app_country country, char **err)
{
	const struct demo_warehouse *w = demo_warehouse(country == APP_COUNTRY_IN ? DEMO_IN
	                                                                         : DEMO_FR);
	if (db_exec(a->db, "PRAGMA synchronous = NORMAL", err) != DB_OK)
		return APP_IO;
	strlcpy_safe(a->user, "chloe", sizeof a->user);
	strlcpy_safe(a->role, "manager", sizeof a->role);
	int rc = APP_OK;
	for (int i = 0; rc == APP_OK && i < w->nlocations; i++)
		rc = app_location_add(a, w->locations[i].code, w->locations[i].name,
		                      w->locations[i].kind, err);
	for (int i = 0; rc == APP_OK && i < w->nsuppliers; i++)
		rc = app_supplier_add_kind(a, w->suppliers[i].code, w->suppliers[i].name,
		                           w->suppliers[i].kind, err);
	for (int i = 0; rc == APP_OK && i < w->nsupplies; i++) {
		const struct demo_supply *s = &w->supplies[i];
		char price[32];
		rc = shop_supply_price(a, s->sku, s->price_pct, price, sizeof price, err);
		struct app_supplier_item it = { .code = s->code, .price = price,
		                                .pack_qty = s->pack_qty, .lead_days = s->lead_days,
		                                .preferred = s->preferred };
		if (rc == APP_OK)
			rc = app_supplier_item_set(a, w->suppliers[s->supplier].code, s->sku, &it, err);
	}
	for (int i = 0; rc == APP_OK && i < w->nlevels; i++)
		rc = app_product_levels(a, w->levels[i].sku, w->levels[i].min, w->levels[i].max, err);
	if (rc == APP_OK) {
		struct app_stock_item items[16];
		int n = w->npo < 16 ? w->npo : 16;
		for (int i = 0; i < n; i++)
			items[i] = (struct app_stock_item){ .code = w->po[i].sku, .qty = w->po[i].qty };
		int64_t number;
		rc = app_purchase_new(a, w->suppliers[w->po_supplier].code, items, (size_t)n, &number,
		                      err);
		if (rc == APP_OK)
			rc = app_purchase_send(a, number, err);
	}
	if (rc == APP_OK)
		rc = shop_demo_lots(a, w, err);
	app_logout(a);
	if (db_exec(a->db, "PRAGMA synchronous = FULL", rc == APP_OK ? err : NULL) != DB_OK &&
	    rc == APP_OK)
		rc = APP_IO;
	return rc;
}

/* A shop that could not be made whole leaves no file behind. */
static void shop_remove(const char *path)
{
	char side[PATH_MAX + 8];
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

int app_init_shop(const char *path, enum app_country country, int demo, char **err)
{
	struct app *a;
	struct stat sb;
	int existed = stat(path, &sb) == 0;
	int rc = app_open(path, APP_OPEN_CREATE, &a, err);
	if (rc != APP_OK) {
		if (!existed)
			shop_remove(path);
		return rc;
	}
	char existing[8];
	if (db_setting_get(a->db, "country", existing, sizeof existing) == DB_OK) {
		error_set(err, _("%s already holds a shop; nothing was changed"), path);
		app_close(a);
		return APP_ERR;
	}
	if (db_begin(a->db, err) != DB_OK) {
		app_close(a);
		return APP_IO;
	}
	rc = shop_settings(a, country, demo, err);
	if (rc == APP_OK)
		rc = shop_fill(a, country, demo, err);
	if (rc == APP_OK && demo)
		rc = shop_add_demo_users(a, err);
	if (rc == APP_OK && db_commit(a->db, err) != DB_OK)
		rc = APP_IO;
	if (rc != APP_OK)
		db_rollback(a->db);
	if (rc == APP_OK && demo)
		rc = shop_demo_warehouse(a, country, err);
	app_close(a);
	if (rc != APP_OK && !existed)
		shop_remove(path);
	return rc;
}
