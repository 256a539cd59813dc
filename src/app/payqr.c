/* The shop's payment QR codes: the payee read from the settings, the
 * payload in the scheme of the shop's currency, the half-block drawing that
 * fits a screen, and the printed slip (QR, amount, payee) in ESC/POS. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app-internal.h"
#include "payqr.h"
#include "receipt.h"
#include "receipt-internal.h"
#include "../../db/catalog.h"
#include "../../drivers/qr.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

static void payqr_setting(struct app *a, const char *key, char *out, size_t size)
{
	if (db_setting_get(a->db, key, out, size) != DB_OK)
		out[0] = '\0';
}

/* The payee's name: the setting, else the shop's name. */
static void payqr_payee(struct app *a, char *out, size_t size)
{
	payqr_setting(a, "payee_name", out, size);
	if (!out[0])
		strlcpy_safe(out, a->shop.name, size);
}

static int payqr_fail(int rc, char **err)
{
	error_set(err, "%s", _(payqr_strerror(rc)));
	return APP_ERR;
}

static int payqr_upi_make(struct app *a, const char *ref, const char *note,
                          struct app_payqr *q, char **err)
{
	char vpa[PAYQR_VPA_MAX + 2];
	payqr_setting(a, "upi_vpa", vpa, sizeof vpa);
	if (!vpa[0]) {
		error_set(err, _("no UPI ID for payments: set one with "
		                 "'comptoir setting set upi_vpa NAME@BANK'"));
		return APP_ERR;
	}
	struct payqr_upi u = { vpa, q->payee, note, ref };
	int rc = payqr_upi(&u, q->amount, q->payload, sizeof q->payload);
	if (rc == PAYQR_BAD_VPA) {
		error_set(err, _("the shop's UPI ID '%s' is not valid: %s"), vpa, _(payqr_strerror(rc)));
		return APP_ERR;
	}
	if (rc != PAYQR_OK)
		return payqr_fail(rc, err);
	q->method = PAY_UPI;
	q->scheme = "UPI";
	strlcpy_safe(q->account, vpa, sizeof q->account);
	return APP_OK;
}

static int payqr_epc_make(struct app *a, const char *ref, const char *note,
                          struct app_payqr *q, char **err)
{
	char iban[64], bic[32], text[PAYQR_EPC_TEXT_MAX * 4 + 1], norm[PAYQR_IBAN_MAX + 1];
	payqr_setting(a, "iban", iban, sizeof iban);
	payqr_setting(a, "bic", bic, sizeof bic);
	if (!iban[0]) {
		error_set(err, _("no IBAN for transfers: set one with 'comptoir setting set iban IBAN'"));
		return APP_ERR;
	}
	int rc = payqr_iban_normalize(iban, norm, sizeof norm);
	if (rc != PAYQR_OK) {
		error_set(err, _("the shop's IBAN is not valid: %s"), _(payqr_strerror(rc)));
		return APP_ERR;
	}
	snprintf(text, sizeof text, "%s%s%s", ref ? ref : "", ref && *ref && note && *note ? " " : "",
	         note ? note : "");
	struct payqr_epc e = { bic, q->payee, norm, text };
	rc = payqr_epc(&e, q->amount, q->payload, sizeof q->payload);
	if (rc != PAYQR_OK)
		return payqr_fail(rc, err);
	q->method = PAY_TRANSFER;
	q->scheme = "EPC";
	payqr_iban_group(norm, q->account, sizeof q->account);
	return APP_OK;
}

int app_payqr(struct app *a, money_t amount, const char *ref, const char *note,
              struct app_payqr *out, char **err)
{
	memset(out, 0, sizeof *out);
	out->amount = amount;
	if (ref && *ref && payqr_ref_check(ref) != PAYQR_OK)
		return payqr_fail(PAYQR_BAD_REF, err);
	strlcpy_safe(out->reference, ref ? ref : "", sizeof out->reference);
	payqr_payee(a, out->payee, sizeof out->payee);
	if (strcmp(a->shop.currency, "INR") == 0)
		return payqr_upi_make(a, ref, note, out, err);
	if (strcmp(a->shop.currency, "EUR") == 0)
		return payqr_epc_make(a, ref, note, out, err);
	error_set(err, _("payment QR codes are for rupees (UPI) or euros (EPC), not %s"),
	          a->shop.currency);
	return APP_ERR;
}

void app_payqr_ref_for_key(const char *key, char *out, size_t size)
{
	size_t n = 0;
	for (; key[n] && n < 12 && n + 1 < size; n++)
		out[n] = key[n] >= 'a' && key[n] <= 'z' ? (char)(key[n] - 'a' + 'A') : key[n];
	if (size)
		out[n] = '\0';
}

int app_payqr_text(const struct app_payqr *q, int light_blocks, int max_cols, int max_lines,
                   char **text, int *cols, int *lines, char **err)
{
	/* From the most robust to the smallest: a phone reads a screen well
	 * enough that level L and a one-module margin still scan. */
	static const struct {
		enum qr_level level;
		int quiet;
	} forms[] = { { QR_LEVEL_M, 2 }, { QR_LEVEL_L, 2 }, { QR_LEVEL_M, 1 }, { QR_LEVEL_L, 1 } };
	*text = NULL;
	*cols = *lines = 0;
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		struct qr_matrix m;
		if (qr_encode(q->payload, forms[i].level, &m, err) != 0)
			return APP_ERR;
		int side = m.width + 2 * forms[i].quiet;
		qr_matrix_release(&m);
		*cols = side;
		*lines = (side + 1) / 2;
		if (side > max_cols || *lines > max_lines)
			continue;
		*text = qr_halfblocks(q->payload, forms[i].level, forms[i].quiet, light_blocks, err);
		return *text ? APP_OK : APP_ERR;
	}
	error_set(err, _("the QR code needs %d columns and %d lines"), *cols, *lines);
	return APP_ERR;
}

static void payqr_slip(struct app *a, const struct app_payqr *q, struct receipt_doc *d)
{
	char amount[64], line[160];
	money_format(amount, sizeof amount, q->amount, a->shop.money);
	receipt_doc_add(d, RECEIPT_CENTER, RECEIPT_BOLD, q->payee, NULL);
	receipt_doc_add(d, RECEIPT_CENTER, 0,
	                q->method == PAY_UPI ? _("Pay with any UPI app")
	                                     : _("Pay by bank transfer (SEPA)"), NULL);
	receipt_doc_add(d, RECEIPT_RULE, 0, NULL, NULL);
	receipt_doc_add(d, RECEIPT_CENTER, RECEIPT_BOLD | RECEIPT_BIG, amount, NULL);
	receipt_doc_add(d, RECEIPT_QR, 0, q->payload, NULL);
	receipt_doc_add(d, RECEIPT_CENTER, 0, q->account, NULL);
	if (q->reference[0]) {
		snprintf(line, sizeof line, _("Reference %s"), q->reference);
		receipt_doc_add(d, RECEIPT_CENTER, 0, line, NULL);
	}
	receipt_doc_add(d, RECEIPT_CUT, 0, NULL, NULL);
}

int app_payqr_escpos(struct app *a, const struct app_payqr *q, const char *profile,
                     unsigned char **out, size_t *len, char **err)
{
	*out = NULL;
	*len = 0;
	const struct printer_profile *p = receipt_profile(a, profile, err);
	if (!p)
		return APP_ERR;
	if (!p->escpos) {
		error_set(err, _("the printer profile '%s' prints plain text: it cannot print a QR code"),
		          p->name);
		return APP_ERR;
	}
	struct receipt_doc doc;
	receipt_doc_init(&doc);
	payqr_slip(a, q, &doc);
	int rc = receipt_escpos_bytes(&doc, p, out, len, err);
	receipt_doc_release(&doc);
	return rc;
}

int app_payqr_print(struct app *a, const struct app_payqr *q, char **err)
{
	if (!a->shop.printer[0]) {
		error_set(err, _("no receipt printer is set up ([printer] uri in the config)"));
		return APP_ERR;
	}
	/* Without a profile the receipts go out as plain text: the printer may
	 * not be one that reads ESC/POS. */
	if (!a->shop.printer_profile[0]) {
		error_set(err, _("the receipt printer has no ESC/POS profile ([printer] profile in "
		                 "the config)"));
		return APP_ERR;
	}
	unsigned char *bytes = NULL;
	size_t len = 0;
	int rc = app_payqr_escpos(a, q, NULL, &bytes, &len, err);
	if (rc == APP_OK)
		rc = app_print_bytes(a->shop.printer, bytes, len, err);
	free(bytes);
	return rc;
}
