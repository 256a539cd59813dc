/* Reading the catalogue for the counter: what a scanned or typed code is,
 * search by name, customers, the price that applies and stock on hand. */
#include <stdlib.h>
#include <string.h>
#include "app-internal.h"
#include "../../db/catalog.h"
#include "../../db/prices.h"
#include "../core/barcode.h"
#include "../core/gs1.h"
#include "../core/text.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"

#define APP_CODE_MAX 64

static void app_item_from(struct cart_item *it, const struct db_product *p)
{
	memset(it, 0, sizeof *it);
	it->product_id = p->id;
	strlcpy_safe(it->sku, p->sku, sizeof it->sku);
	strlcpy_safe(it->name, p->name, sizeof it->name);
	it->unit_price = p->price;
	it->tax_rate = p->tax_rate;
	it->weighed = p->weighed;
}

/* Validates a code from any input; on error *err names the problem with a
 * cleaned copy of the code, so control bytes never reach a terminal. */
static int app_check_code(const char *code, char **err)
{
	int rc = text_check_code(code, APP_CODE_MAX);
	if (rc == TEXT_OK)
		return APP_OK;
	/* Shown cleaned and cut to 20 characters, so that a long or hostile
	 * code is named without flooding the screen. */
	char head[APP_CODE_MAX * 4 + 1], shown[APP_CODE_MAX * 4 + 8];
	strlcpy_safe(head, code, sizeof head);
	head[utf8_prefix_for_width(head, 20)] = '\0';
	if (text_clean(head, shown, sizeof shown, 0) == TEXT_BAD_UTF8 || !shown[0])
		strcpy(shown, "?");
	if (strlen(code) > strlen(head))
		strcat(shown, "...");
	switch (rc) {
	case TEXT_EMPTY:
		error_set(err, _("empty code"));
		break;
	case TEXT_TOO_LONG:
		error_set(err, _("code '%s' is too long (at most %d characters)"), shown, APP_CODE_MAX);
		break;
	case TEXT_CONTROL:
		error_set(err, _("code '%s' contains control characters or blanks"), shown);
		break;
	default:
		error_set(err, _("code is not valid UTF-8"));
		break;
	}
	return APP_ERR;
}

static int app_find_product(struct app *a, const char *code, const char *normal,
                            struct db_product *p)
{
	int rc = db_product_by_barcode(a->db, normal, p);
	if (rc == DB_NOTFOUND && strcmp(normal, code) != 0)
		rc = db_product_by_barcode(a->db, code, p);
	if (rc == DB_NOTFOUND)
		rc = db_product_by_sku(a->db, code, p);
	return rc;
}

/* A GS1-128 element string: the GTIN names the product, a weight (3102-3105)
 * is the quantity of a weighed product, a price (3922) is the line's. */
static int app_lookup_gs1(struct app *a, const char *code, struct app_scan *out, char **err)
{
	struct gs1_data g;
	int32_t today = app_today(0);
	int rc = gs1_parse(code, today / 10000, &g);
	if (rc != 0) {
		if (g.bad_ai[0])
			error_set(err, _("GS1 code refused (AI %s): %s"), g.bad_ai, _(gs1_strerror(rc)));
		else
			error_set(err, _("GS1 code refused: %s"), _(gs1_strerror(rc)));
		return APP_ERR;
	}
	char key[15];
	gs1_gtin_key(g.gtin, key);
	struct db_product p;
	rc = db_product_by_barcode(a->db, key, &p);
	if (rc == DB_NOTFOUND) {
		error_set(err, _("unknown GTIN %s"), g.gtin);
		return APP_NOTFOUND;
	}
	if (rc != DB_OK) {
		error_set(err, _("cannot read the catalogue: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	app_item_from(&out->item, &p);
	if (g.has_weight) {
		if (!p.weighed) {
			error_set(err, _("GS1 code %s carries a weight but %s is not sold by weight"),
			          g.gtin, p.name);
			return APP_ERR;
		}
		out->qty = g.weight_g;
	} else if (p.pack_qty > 1) {
		out->qty = p.pack_qty;
	}
	if (g.has_price) {
		out->item.unit_price = g.price;
		out->item.weighed = 0;
		out->qty = 0;
		out->price_embedded = 1;
	}
	return APP_OK;
}

int app_lookup(struct app *a, const char *code, struct app_scan *out, char **err)
{
	memset(out, 0, sizeof *out);
	if (gs1_looks_like(code))
		return app_lookup_gs1(a, code, out, err);
	if (app_check_code(code, err) != APP_OK)
		return APP_ERR;
	char normal[14];
	enum barcode_kind kind;
	if (barcode_normalize(code, normal, &kind) == BARCODE_BAD_CHECK) {
		error_set(err, _("wrong check digit in barcode %s"), code);
		return APP_ERR;
	}
	if (kind == BARCODE_NONE)
		strlcpy_safe(normal, code, sizeof normal);
	struct db_product p;
	struct instore_code ic;
	int rc;
	/* A code registered as it is wins over the in-store layouts. */
	if (kind == BARCODE_EAN13 && normal[0] == '2' &&
	    db_product_by_barcode(a->db, normal, &p) == DB_OK) {
		app_item_from(&out->item, &p);
		out->qty = p.pack_qty > 1 ? p.pack_qty : 0;
		return APP_OK;
	}
	if (kind == BARCODE_EAN13 &&
	    barcode_instore_parse(normal, a->layouts, a->nlayouts, &ic) == BARCODE_OK) {
		rc = db_product_by_barcode(a->db, ic.key, &p);
		if (rc == DB_OK) {
			app_item_from(&out->item, &p);
			if (ic.kind == INSTORE_WEIGHT) {
				if (!p.weighed) {
					error_set(err, _("barcode %s carries a weight but %s is not sold by "
					                 "weight"), code, p.name);
					return APP_ERR;
				}
				if (ic.value <= 0) {
					error_set(err, _("barcode %s carries no weight"), code);
					return APP_ERR;
				}
				out->qty = ic.value;
			} else {
				out->item.unit_price = ic.value;
				out->item.weighed = 0;
				out->price_embedded = 1;
			}
			return APP_OK;
		}
	} else {
		rc = app_find_product(a, code, normal, &p);
		if (rc == DB_OK) {
			app_item_from(&out->item, &p);
			out->qty = p.pack_qty > 1 ? p.pack_qty : 0;
			return APP_OK;
		}
	}
	if (rc == DB_NOTFOUND) {
		error_set(err, _("unknown code %s"), code);
		return APP_NOTFOUND;
	}
	error_set(err, _("cannot read the catalogue: %s"), db_errmsg(a->db));
	return APP_IO;
}

int app_search(struct app *a, const char *text, struct app_product *out, size_t max,
               size_t *n, char **err)
{
	*n = 0;
	char clean[256];
	int rc = text_clean(text, clean, sizeof clean, 100);
	if (rc == TEXT_BAD_UTF8 || rc == TEXT_TOO_LONG) {
		error_set(err, "%s", app_core_strerror(rc));
		return APP_ERR;
	}
	if (utf8_width(clean) < 2)
		return APP_OK;
	struct db_product *found = xcalloc(max ? max : 1, sizeof *found);
	size_t got = 0;
	if (db_product_search(a->db, clean, found, max, &got, err) != DB_OK) {
		free(found);
		return APP_IO;
	}
	for (size_t i = 0; i < got; i++) {
		struct app_product *o = &out[i];
		memset(o, 0, sizeof *o);
		o->id = found[i].id;
		strlcpy_safe(o->sku, found[i].sku, sizeof o->sku);
		strlcpy_safe(o->name, found[i].name, sizeof o->name);
		strlcpy_safe(o->barcode, found[i].barcode, sizeof o->barcode);
		o->price = found[i].price;
		o->weighed = found[i].weighed;
		o->stock = found[i].stock;
	}
	*n = got;
	free(found);
	return APP_OK;
}

int app_customer(struct app *a, const char *code, char *name, size_t size, char **err)
{
	if (app_check_code(code, err) != APP_OK)
		return APP_ERR;
	int rc = db_customer_get(a->db, code, NULL, name, size);
	if (rc == DB_NOTFOUND) {
		error_set(err, _("unknown customer %s"), code);
		return APP_NOTFOUND;
	}
	if (rc != DB_OK) {
		error_set(err, _("cannot read customers: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	return APP_OK;
}

int app_price(struct app *a, const char *code, const char *customer, int64_t qty,
              money_t *unit, char **why, char **err)
{
	*why = NULL;
	struct app_scan scan;
	int rc = app_lookup(a, code, &scan, err);
	if (rc != APP_OK)
		return rc;
	int64_t cust_id = 0, list_id = 0;
	char cname[161] = "", exempt[65] = "";
	int inclusive = a->shop.prices_include_tax;
	if (customer) {
		struct db_customer dc;
		if (app_customer(a, customer, cname, sizeof cname, err) != APP_OK)
			return APP_ERR;
		if (db_customer_full(a->db, customer, &dc) != DB_OK) {
			error_set(err, _("cannot read customers: %s"), db_errmsg(a->db));
			return APP_IO;
		}
		cust_id = dc.id;
		list_id = dc.price_list_id;
		strlcpy_safe(exempt, dc.tax_exempt, sizeof exempt);
	}
	if (app_lists_refresh(a, err) != APP_OK)
		return APP_IO;
	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb, _("%s %s (%s)\n"), scan.item.sku, scan.item.name,
	            scan.item.weighed ? _("price per kg") : _("price per unit"));
	if (customer)
		strbuf_addf(&sb, _("customer %s (%s), list %s\n"), customer, cname,
		            list_id ? app_list_code(a, list_id) : _("none: retail"));
	int64_t q = qty > 0 ? qty : (scan.qty ? scan.qty : 1);
	if (scan.price_embedded) {
		*unit = scan.item.unit_price;
		char p[48];
		money_format(p, sizeof p, *unit, app_msg_money(a));
		strbuf_addf(&sb, _("price %s read from the in-store barcode\n"), p);
	} else {
		struct price_result r;
		rc = app_resolve_price(a, scan.item.product_id, scan.item.unit_price, scan.item.tax_rate,
		                       cust_id, list_id, q, scan.item.weighed, 0, &r, err);
		if (rc == APP_IO || rc == APP_ERR) {
			strbuf_release(&sb);
			return rc;
		}
		if (list_id) {
			const struct price_list *l = pricing_find_list(a->lists, a->nlists, list_id);
			if (l)
				inclusive = l->inclusive;
		}
		if (exempt[0])
			inclusive = 0;
		*unit = pricing_to_convention(r.unit, scan.item.tax_rate, r.inclusive, inclusive);
		char qs[32];
		quantity_format(qs, sizeof qs, q, scan.item.weighed ? 3 : 0, ".");
		strbuf_addf(&sb, _("quantity: %s\n"), qs);
		app_price_explain(a, &r, &sb);
		if (rc == PRICING_BELOW_MIN || rc == PRICING_NOT_MULTIPLE)
			strbuf_addf(&sb, _("refused at the counter: %s\n"), _(pricing_strerror(rc)));
	}
	char rate[16];
	tax_rate_format(rate, sizeof rate, exempt[0] ? 0 : scan.item.tax_rate);
	if (exempt[0])
		strbuf_addf(&sb, _("customer exempt from tax (%s): price before tax\n"), exempt);
	else
		strbuf_addf(&sb, _("tax %s %%, %s\n"), rate,
		            inclusive ? _("included in the price") : _("added to the price"));
	int64_t t;
	if (money_muldiv(*unit, q, scan.item.weighed ? 1000 : 1, &t) == MONEY_OK) {
		char total[48];
		money_format(total, sizeof total, t, app_msg_money(a));
		strbuf_addf(&sb, _("for the quantity asked: %s\n"), total);
	}
	*why = strbuf_detach(&sb);
	return APP_OK;
}

int app_stock(struct app *a, const char *code, int64_t *total, int *weighed,
              struct app_stock_row *rows, size_t max, size_t *nrows, char **err)
{
	struct app_scan scan;
	int rc = app_lookup(a, code, &scan, err);
	if (rc != APP_OK)
		return rc;
	*weighed = scan.item.weighed;
	struct db_stock_row dr[16];
	size_t n = 0;
	if (db_stock_rows(a->db, scan.item.product_id, dr, 16, &n, total) != DB_OK) {
		error_set(err, _("cannot read stock: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	*nrows = 0;
	for (size_t i = 0; i < n && i < max; i++) {
		strlcpy_safe(rows[i].location, dr[i].location, sizeof rows[i].location);
		rows[i].qty = dr[i].qty;
		(*nrows)++;
	}
	return APP_OK;
}
