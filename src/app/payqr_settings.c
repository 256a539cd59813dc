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
#include "../core/journal.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

const char *const app_setting_keys[] = { "payee_name", "upi_vpa", "iban", "bic", NULL };

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
	if (setting_in(app_setting_keys, key) || setting_in(app_docprint_setting_keys, key))
		return 1;
	error_set(err, _("unknown setting '%s' (payee_name, upi_vpa, iban, bic, seller_tax_id, "
	                 "seller_siren, seller_legal, late_penalty, early_discount, "
	                 "recovery_indemnity)"), key);
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
static int setting_check(struct app *a, const char *key, const char *value, char *out,
                         size_t size, char **err)
{
	int rc = PAYQR_OK;
	if (setting_in(app_docprint_setting_keys, key))
		return app_docprint_setting_check(a, key, value, out, size, err);
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
