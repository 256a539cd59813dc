/* The shop settings the command line may change (those that name the payee
 * of payment QR codes, and the seller's mentions on printed documents,
 * docprint.h): a fixed list, each value checked, the change
 * allowed by a right and written with its journal record in one
 * transaction. */
#include <stdio.h>
#include <string.h>
#include "app-internal.h"
#include "auth.h"
#include "fiscal.h"
#include "docprint.h"
#include "payqr.h"
#include "../../db/catalog.h"
#include "../../db/stock.h"
#include "../core/gst.h"
#include "../core/text.h"
#include "../core/journal.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

const char *const app_setting_keys[] = { "payee_name", "upi_vpa", "iban", "bic", NULL };
/* The shop itself: its name and address (receipts, documents; read when the
 * program opens the shop), India's GST state of the seller, and where goods
 * are received (a warehouse) and shipped from (any location). */
const char *const app_shop_setting_keys[] = { "shop_name", "shop_address", "seller_state",
	                                      "receiving_location", "dispatch_location", NULL };

/* The longest value of any listed setting, in bytes. */
#define SETTING_VALUE_MAX (PAYQR_NAME_MAX * 4)

static int setting_in(const char *const *keys, const char *key)
{
	for (const char *const *k = keys; *k; k++)
		if (strcmp(*k, key) == 0)
			return 1;
	return 0;
}

static int setting_known(const char *key, char **err)
{
	if (setting_in(app_setting_keys, key) || setting_in(app_docprint_setting_keys, key) ||
	    setting_in(app_shop_setting_keys, key))
		return 1;
	error_set(err, _("unknown setting '%s' (payee_name, upi_vpa, iban, bic, seller_tax_id, "
	                 "seller_siren, seller_legal, late_penalty, early_discount, "
	                 "recovery_indemnity, shop_name, shop_address, seller_state, "
	                 "receiving_location, dispatch_location)"), key);
	return 0;
}

int app_setting_get(struct app *a, const char *key, char *out, size_t size, char **err)
{
	if (!setting_known(key, err))
		return APP_ERR;
	if (db_setting_get(a->db, key, out, size) != DB_OK)
		out[0] = '\0';
	return APP_OK;
}

/* The value as stored (an IBAN or a BIC normalized), or APP_ERR. */
/* The shop's own settings: text cleaned and bounded as the shop struct
 * holds it, a GST state code, or the code of an existing location. */
static int setting_check_shop(struct app *a, const char *key, const char *value, char *out,
                              size_t size, char **err)
{
	if (strcmp(key, "shop_name") == 0 || strcmp(key, "shop_address") == 0) {
		size_t room = strcmp(key, "shop_name") == 0 ? sizeof a->shop.name
		                                            : sizeof a->shop.address;
		if (room > size)
			room = size;
		int rc = text_clean(value, out, room, 0);
		if (rc == TEXT_OK && strcmp(key, "shop_name") == 0 && !out[0])
			rc = TEXT_EMPTY;
		if (rc != TEXT_OK) {
			error_set(err, _("%s: %s"), key, _(text_strerror(rc)));
			return APP_ERR;
		}
		return APP_OK;
	}
	if (!value[0]) {
		out[0] = '\0';
		return APP_OK;
	}
	if (strcmp(key, "seller_state") == 0) {
		char code[3];
		if (gst_state_code(value, code) != 0) {
			error_set(err, _("seller_state: '%s' is not a GST state code or name"), value);
			return APP_ERR;
		}
		strlcpy_safe(out, code, size);
		return APP_OK;
	}
	int64_t id = 0;
	char kind[16] = "";
	int rc = db_location_get(a->db, value, &id, kind, sizeof kind);
	if (rc == DB_ERROR) {
		error_set(err, _("cannot read the locations: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	if (rc == DB_NOTFOUND) {
		error_set(err, _("%s: no location %s (see comptoir location list)"), key, value);
		return APP_ERR;
	}
	if (strcmp(key, "receiving_location") == 0 && strcmp(kind, "warehouse") != 0) {
		error_set(err, _("receiving_location: %s is a %s, not a warehouse"), value, kind);
		return APP_ERR;
	}
	if (strcmp(kind, "transit") == 0) {
		error_set(err, _("%s: %s is the transit location"), key, value);
		return APP_ERR;
	}
	strlcpy_safe(out, value, size);
	return APP_OK;
}

static int setting_check(struct app *a, const char *key, const char *value, char *out,
                         size_t size, char **err)
{
	int rc = PAYQR_OK;
	if (setting_in(app_docprint_setting_keys, key))
		return app_docprint_setting_check(a, key, value, out, size, err);
	if (setting_in(app_shop_setting_keys, key))
		return setting_check_shop(a, key, value, out, size, err);
	if (!value[0]) {
		out[0] = '\0';
		return APP_OK;
	}
	if (strcmp(key, "iban") == 0) {
		rc = payqr_iban_normalize(value, out, size);
	} else if (strcmp(key, "bic") == 0) {
		rc = payqr_bic_normalize(value, out, size);
	} else {
		rc = strcmp(key, "upi_vpa") == 0 ? payqr_vpa_check(value) : payqr_name_check(value);
		if (rc == PAYQR_OK && strlen(value) >= size)
			rc = PAYQR_BAD_NAME;
		if (rc == PAYQR_OK)
			strlcpy_safe(out, value, size);
	}
	if (rc != PAYQR_OK) {
		error_set(err, _("%s: %s"), key, _(payqr_strerror(rc)));
		return APP_ERR;
	}
	return APP_OK;
}

int app_setting_set(struct app *a, const char *key, const char *value, char **err)
{
	char stored[SETTING_VALUE_MAX + 1], old[SETTING_VALUE_MAX + 1];
	if (!setting_known(key, err) || setting_check(a, key, value, stored, sizeof stored, err) != APP_OK)
		return APP_ERR;
	/* A shop without users has nobody to ask: as with its first user. */
	if (app_has_users(a)) {
		int rc = app_require(a, RIGHT_USER_ADMIN, err);
		if (rc != APP_OK)
			return rc;
	}
	if (db_begin(a->db, err) != DB_OK) {
		app_require_done(a);
		return APP_IO;
	}
	if (db_setting_get(a->db, key, old, sizeof old) != DB_OK)
		old[0] = '\0';
	struct jbuf payload;
	jbuf_init(&payload);
	int bad = journal_field(&payload, "setting", "sss", key, old, stored);
	if (bad || db_setting_set(a->db, key, stored, err) != DB_OK ||
	    app_journal_append(a, JOURNAL_CONFIG, 0, 0, 0, payload.p, 0, err) != APP_OK ||
	    db_commit(a->db, err) != DB_OK) {
		if (bad)
			error_set(err, _("out of memory"));
		db_rollback(a->db);
		jbuf_release(&payload);
		app_require_done(a);
		return APP_IO;
	}
	jbuf_release(&payload);
	app_require_done(a);
	return APP_OK;
}
