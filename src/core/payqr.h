/* Payment QR codes: the text a payer's phone reads to pay an exact amount,
 * a UPI link (NPCI UPI linking specification) for rupees or an EPC QR code
 * (EPC069-12, SEPA credit transfer) for euros; and the checks of the payee's
 * UPI ID, IBAN and BIC. No I/O. */
#ifndef COMPTOIR_PAYQR_H
#define COMPTOIR_PAYQR_H

#include <stddef.h>
#include "money.h"

/* The largest amounts, in minor units: UPI's usual limit for one payment
 * (Rs 1,00,000.00); the EPC guidelines' EUR 999,999,999.99. */
#define PAYQR_UPI_MAX INT64_C(10000000)
#define PAYQR_EPC_MAX INT64_C(99999999999)

#define PAYQR_NAME_MAX 70      /* payee name, characters (EPC beneficiary) */
#define PAYQR_VPA_MAX 100      /* UPI ID, bytes */
#define PAYQR_UPI_NOTE_MAX 50  /* UPI tn, characters */
#define PAYQR_UPI_REF_MAX 35   /* UPI tr, characters */
#define PAYQR_EPC_TEXT_MAX 140 /* EPC remittance text, characters */
#define PAYQR_EPC_BYTES 331    /* EPC payload, bytes */
#define PAYQR_IBAN_MAX 34
#define PAYQR_BIC_MAX 11
/* Enough for any payload these functions build. */
#define PAYQR_PAYLOAD_MAX 1024

enum payqr_error {
	PAYQR_OK = 0,
	PAYQR_BAD_AMOUNT = -100,   /* zero or negative */
	PAYQR_AMOUNT_MAX = -101,   /* above the scheme's largest amount */
	PAYQR_BAD_VPA = -102,
	PAYQR_BAD_NAME = -103,
	PAYQR_BAD_IBAN = -104,     /* not letters and digits of an IBAN's shape */
	PAYQR_IBAN_COUNTRY = -105, /* a country outside SEPA */
	PAYQR_IBAN_LENGTH = -106,  /* not the length of its country's IBANs */
	PAYQR_IBAN_CHECK = -107,   /* the mod-97 check fails */
	PAYQR_BAD_BIC = -108,
	PAYQR_BAD_NOTE = -109,     /* too long, not UTF-8, or with control characters */
	PAYQR_BAD_REF = -110,
	PAYQR_TOO_LONG = -111,     /* the payload is past the format's size or `size` */
};

/* English text for an error, marked with N_(). */
const char *payqr_strerror(int err);

struct payqr_upi {
	const char *vpa;    /* the payee's UPI ID, name@bank */
	const char *name;   /* the payee's name, 1..PAYQR_NAME_MAX characters */
	const char *note;   /* tn, NULL or "" for none */
	const char *ref;    /* tr, NULL or "" for none */
};

/* "upi://pay?pa=VPA&pn=NAME&am=12.50&cu=INR[&tn=NOTE][&tr=REF]", values
 * percent-encoded (RFC 3986: all but letters, digits and -._~; a space is
 * %20), the amount in paise written with two decimals. Returns PAYQR_OK
 * with the payload in out, or an error and out is "". */
int payqr_upi(const struct payqr_upi *in, money_t amount, char *out, size_t size);

struct payqr_epc {
	const char *bic;    /* NULL or "" (optional in version 002) */
	const char *name;   /* the beneficiary, 1..PAYQR_NAME_MAX characters */
	const char *iban;   /* spaces and lower case allowed */
	const char *text;   /* remittance text, NULL or "" for none */
};

/* The EPC QR code, version 002, UTF-8, SCT: the elements one per line (LF),
 * "EUR12.50" for the amount in cents, no purpose, no structured reference,
 * nothing after the last element given. At most PAYQR_EPC_BYTES. Returns
 * PAYQR_OK, or an error and out is "". */
int payqr_epc(const struct payqr_epc *in, money_t amount, char *out, size_t size);

/* name@bank: 1..PAYQR_VPA_MAX bytes, letters, digits, '.', '-' and '_' before
 * the one '@', letters and digits after it. PAYQR_OK or PAYQR_BAD_VPA. */
int payqr_vpa_check(const char *vpa);

/* The IBAN without its spaces, in upper case, into out (PAYQR_IBAN_MAX + 1
 * bytes), checked: shape, a SEPA country, its length there, mod 97 = 1.
 * Returns PAYQR_OK or the first problem found (out is then ""). */
int payqr_iban_normalize(const char *in, char *out, size_t size);

/* An IBAN (normalized) in groups of four for people: "FR76 3000 ...". */
void payqr_iban_group(const char *iban, char *out, size_t size);

/* The BIC without spaces, in upper case: 4 letters (bank), 2 letters
 * (country), 2 letters or digits (place), and optionally 3 more (branch).
 * out holds PAYQR_BIC_MAX + 1 bytes. PAYQR_OK or PAYQR_BAD_BIC. */
int payqr_bic_normalize(const char *in, char *out, size_t size);

/* A payment reference: 1..PAYQR_UPI_REF_MAX letters, digits, '.', '-' or
 * '_'. PAYQR_OK or PAYQR_BAD_REF. */
int payqr_ref_check(const char *ref);

/* 1..PAYQR_NAME_MAX characters of UTF-8, no control characters, not only
 * blanks. PAYQR_OK or PAYQR_BAD_NAME. */
int payqr_name_check(const char *name);

/* "12.50" from 1250: the amount in minor units with two decimals. */
void payqr_amount_format(money_t amount, char *out, size_t size);

#endif
