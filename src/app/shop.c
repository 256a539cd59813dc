/* Creating a shop: a new database with its schema, the country's settings
 * and tax classes, one stock location, and, for the demo, the demo shop's
 * catalogue and customers, all in one transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>
#include "app-internal.h"
#include "demo_data.h"
#include "../../db/catalog.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

struct shop_fill {
	struct app *a;
	int64_t tax_ids[16];
	int ntax;
	char **err;
};

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
	if (p->stock && db_stock_add(db, id, f->a->location_id, p->stock, f->err) != DB_OK)
		return -1;
	return 0;
}

static int shop_add_customer(const struct demo_customer *c, void *ctx)
{
	struct shop_fill *f = ctx;
	return db_customer_add(f->a->db, c->code, c->name, c->kind, f->err) == DB_OK ? 0 : -1;
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
	    db_setting_set(db, "instore_layouts", "20-24:price:5,25-29:weight:5", err))
		return APP_IO;
	return db_location_add(db, "MAIN", _("Shop floor"), &a->location_id, err) == DB_OK
	               ? APP_OK : APP_IO;
}

static int shop_fill(struct app *a, enum app_country country, int demo, char **err)
{
	struct shop_fill f = { .a = a, .err = err };
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
	if (demo_generate(country == APP_COUNTRY_IN ? DEMO_IN : DEMO_FR, shop_add_product,
	                  shop_add_customer, &f) != 0)
		return APP_IO;
	return APP_OK;
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
	if (rc == APP_OK && db_commit(a->db, err) != DB_OK)
		rc = APP_IO;
	if (rc != APP_OK)
		db_rollback(a->db);
	app_close(a);
	if (rc != APP_OK && !existed)
		shop_remove(path);
	return rc;
}
