/* Opening and closing a shop, the shop's settings, and keys for sales. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include "app-internal.h"
#include "fiscal.h"
#include "../../db/catalog.h"
#include "../core/text.h"
#include "../core/tender.h"
#include "../core/pricing.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

const char *app_core_strerror(int code)
{
	if (code <= MONEY_OK && code >= MONEY_PRECISION)
		return _(money_strerror(code));
	if (code <= CART_NOMEM && code >= CART_RATES)
		return _(cart_strerror(code));
	if (code <= TENDER_FULL && code >= TENDER_BAD_METHOD)
		return _(tender_strerror(code));
	if (code <= BARCODE_BAD_CHECK && code >= BARCODE_BAD_LAYOUT)
		return _(barcode_strerror(code));
	if (code <= TEXT_TOO_LONG && code >= TEXT_BLANK)
		return _(text_strerror(code));
	if (code <= PRICING_BAD_QUERY && code >= PRICING_NOT_MULTIPLE)
		return _(pricing_strerror(code));
	return _("unexpected error");
}

static void app_setting(struct app *a, const char *key, const char *def, char *out, size_t size)
{
	if (db_setting_get(a->db, key, out, size) != DB_OK)
		strlcpy_safe(out, def, size);
}

int app_load_shop(struct app *a, char **err)
{
	struct app_shop *s = &a->shop;
	char buf[256];
	app_setting(a, "shop_name", "comptoir", s->name, sizeof s->name);
	app_setting(a, "shop_address", "", s->address, sizeof s->address);
	app_setting(a, "country", "FR", buf, sizeof buf);
	s->country = strcmp(buf, "IN") == 0 ? APP_COUNTRY_IN : APP_COUNTRY_FR;
	app_setting(a, "currency", s->country == APP_COUNTRY_IN ? "INR" : "EUR", s->currency,
	            sizeof s->currency);
	s->money = s->country == APP_COUNTRY_IN ? &money_style_in : &money_style_fr;
	app_setting(a, "prices_include_tax", "1", buf, sizeof buf);
	s->prices_include_tax = strcmp(buf, "0") != 0;
	app_setting(a, "cash_step", "0", buf, sizeof buf);
	s->cash_step = strtoll(buf, NULL, 10);
	app_setting(a, "seller_state", "", s->seller_state, sizeof s->seller_state);
	app_setting(a, "discount_limit", "1000", buf, sizeof buf);
	s->discount_limit = (int32_t)strtol(buf, NULL, 10);
	app_setting(a, "instore_layouts", "20-24:price:5,25-29:weight:5", buf, sizeof buf);
	int n = barcode_instore_layouts_parse(buf, a->layouts, APP_LAYOUTS_MAX);
	if (n < 0) {
		error_set(err, _("the shop's in-store barcode layout '%s' is not valid"), buf);
		return APP_ERR;
	}
	a->nlayouts = (size_t)n;
	if (!s->terminal[0])
		strlcpy_safe(s->terminal, "till-1", sizeof s->terminal);
	if (!s->receipt_width)
		s->receipt_width = 42;
	if (db_location_default(a->db, &a->location_id) != DB_OK) {
		error_set(err, _("the shop has no stock location"));
		return APP_ERR;
	}
	return APP_OK;
}

int app_open(const char *path, int flags, struct app **out, char **err)
{
	*out = NULL;
	if (sodium_init() < 0) {
		error_set(err, _("cannot initialise libsodium"));
		return APP_IO;
	}
	struct db *db;
	int rc = db_open(path, flags & APP_OPEN_CREATE, &db, err);
	if (rc == DB_NOTFOUND)
		return APP_NOTFOUND;
	if (rc != DB_OK)
		return rc == DB_NOTSHOP ? APP_ERR : APP_IO;
	if (!(flags & APP_OPEN_CREATE) && db_schema_version(db) == 0) {
		error_set(err, _("%s is empty, not a shop (create one with: comptoir init --db %s)"),
		          path, path);
		db_close(db);
		return APP_ERR;
	}
	if (db_migrate(db, err) != DB_OK) {
		db_close(db);
		return APP_IO;
	}
	struct app *a = xcalloc(1, sizeof *a);
	a->db = db;
	a->db_path = xstrdup(path);
	if (!(flags & APP_OPEN_CREATE) && app_load_shop(a, err) != APP_OK) {
		app_close(a);
		return APP_ERR;
	}
	if (app_journal_start(a, err) != APP_OK) {
		app_close(a);
		return APP_IO;
	}
	*out = a;
	return APP_OK;
}

void app_close(struct app *a)
{
	if (!a)
		return;
	db_close(a->db);
	free(a->lists);
	free(a->db_path);
	free(a);
}

const struct app_shop *app_shop(const struct app *a)
{
	return &a->shop;
}

const char *app_db_path(const struct app *a)
{
	return a->db_path ? a->db_path : "";
}

void app_set_printer(struct app *a, const char *uri)
{
	if (uri)
		strlcpy_safe(a->shop.printer, uri, sizeof a->shop.printer);
}

void app_set_terminal(struct app *a, const char *name)
{
	if (name && *name)
		strlcpy_safe(a->shop.terminal, name, sizeof a->shop.terminal);
}

void app_set_message_money(struct app *a, const struct money_style *st)
{
	a->msg_money = st;
}

const struct money_style *app_msg_money(const struct app *a)
{
	return a->msg_money ? a->msg_money : a->shop.money;
}

void app_set_receipt_width(struct app *a, int width)
{
	if (width == 32 || width == 42 || width == 48)
		a->shop.receipt_width = width;
}

void app_new_key(char out[33])
{
	unsigned char raw[16];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(out, 33, raw, sizeof raw);
}
