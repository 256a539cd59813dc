/* Payment QR codes for the shop: the QR for an amount in the shop's scheme
 * (UPI for rupees, EPC credit transfer for euros) made from the payee's
 * settings, drawn with half blocks for a terminal or printed on the receipt
 * printer; and the shop settings the command line may change. */
#ifndef COMPTOIR_APP_PAYQR_H
#define COMPTOIR_APP_PAYQR_H

#include <stddef.h>
#include "app.h"
#include "../core/payqr.h"

struct app_payqr {
	enum pay_method method;     /* how the payment is recorded: PAY_UPI or PAY_TRANSFER */
	const char *scheme;         /* "UPI" or "EPC" */
	money_t amount;
	char payee[PAYQR_NAME_MAX * 4 + 1];
	char account[64];           /* the UPI ID, or the IBAN in groups of four */
	char reference[PAYQR_UPI_REF_MAX + 1];  /* what the payload carries, "" for none */
	char payload[PAYQR_PAYLOAD_MAX];
};

/* The payment QR for `amount`. The scheme follows the shop's currency (INR:
 * a UPI link to the setting upi_vpa; EUR: an EPC QR code to iban and, when
 * set, bic), paid to payee_name (else the shop's name). `ref` (NULL or "":
 * none; up to 35 letters, digits, '.', '-', '_') goes in UPI's tr or the
 * EPC remittance text, `note` (NULL or "": none) in UPI's tn or after the
 * reference in the EPC text. APP_OK, or APP_ERR with *err saying what is
 * wrong or missing (and how to set it). */
int app_payqr(struct app *a, money_t amount, const char *ref, const char *note,
              struct app_payqr *out, char **err);

/* A short reference for a ticket being paid, from its idempotency key:
 * its first 12 characters in upper case. */
void app_payqr_ref_for_key(const char *key, char *out, size_t size);

/* The QR as half-block text (see app_qr_text) no wider than max_cols and
 * no taller than max_lines: error correction M with two light modules
 * around it when that fits, else a denser form (L, one module). *text is
 * malloc'd (the caller frees), *cols and *lines its size. APP_ERR with *err
 * when even the densest form does not fit: *cols and *lines then say the
 * size it needs, *text is NULL. */
int app_payqr_text(const struct app_payqr *q, int light_blocks, int max_cols, int max_lines,
                   char **text, int *cols, int *lines, char **err);

/* The QR with the amount, the payee and the reference as an ESC/POS job
 * for `profile` (NULL: the configured one, else the generic one for the
 * receipt width); *out is malloc'd. APP_ERR for a plain-text profile. */
int app_payqr_escpos(struct app *a, const struct app_payqr *q, const char *profile,
                     unsigned char **out, size_t *len, char **err);
/* Sends that job to the shop's receipt printer, which needs an ESC/POS
 * profile in the config. */
int app_payqr_print(struct app *a, const struct app_payqr *q, char **err);

/* The shop settings `comptoir setting` reads and writes, NULL-terminated:
 * payee_name, upi_vpa, iban, bic. */
extern const char *const app_setting_keys[];
/* The shop's own settings (name, address, seller_state, receiving and
 * dispatch locations), also changed by `comptoir setting`. */
extern const char *const app_shop_setting_keys[];

/* The value of a listed setting, "" when unset. APP_ERR for another key. */
int app_setting_get(struct app *a, const char *key, char *out, size_t size, char **err);
/* Checks and stores a listed setting ("" unsets it); an IBAN or BIC is
 * stored without spaces, in upper case. Needs the user_admin right when the
 * shop has users; recorded in the journal (kind "config") in the same
 * transaction. */
int app_setting_set(struct app *a, const char *key, const char *value, char **err);

#endif
