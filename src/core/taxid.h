/* Customers' tax ids checked before they are kept: India's GSTIN (state code,
 * PAN, entity number, 'Z' and the base-36 check character) and the EU VAT
 * number's shape per member state (with the French key's check). */
#ifndef COMPTOIR_TAXID_H
#define COMPTOIR_TAXID_H

#include <stddef.h>

enum taxid_error {
	TAXID_OK = 0,
	TAXID_EMPTY = -140,      /* nothing but blanks */
	TAXID_CHARS = -141,      /* a character other than a letter, a digit, or a
	                            blank, '.', '-' or '/' between them */
	TAXID_LENGTH = -142,     /* GSTIN: not 15 characters */
	TAXID_STATE = -143,      /* GSTIN: the first two are not a GST state code */
	TAXID_PAN = -144,        /* GSTIN: characters 3-12 are not a PAN (AAAAA9999A) */
	TAXID_ENTITY = -145,     /* GSTIN: the 13th is not 1-9 or A-Z */
	TAXID_NO_Z = -146,       /* GSTIN: the 14th is not 'Z' */
	TAXID_CHECK = -147,      /* GSTIN: the 15th is not the check character */
	TAXID_NO_PREFIX = -148,  /* VAT: does not start with a two-letter country code */
	TAXID_GR = -149,         /* VAT: "GR" written for Greece, whose prefix is "EL" */
	TAXID_FORMAT = -150,     /* VAT: not the member state's format */
	TAXID_FR_KEY = -151,     /* VAT, France: the key does not match the SIREN */
	TAXID_TOO_LONG = -152,   /* more than TAXID_MAX characters */
};

/* The longest tax id read, in characters, blanks included. */
#define TAXID_MAX 32

/* English text for a taxid_error, marked for translation. */
const char *taxid_strerror(int err);

/* Copies in to out (size >= TAXID_MAX + 1) in upper case without the blanks,
 * '.', '-' and '/' people write between groups ("fr 40 303 265 045" ->
 * "FR40303265045").  Returns 0, TAXID_EMPTY, TAXID_TOO_LONG or TAXID_CHARS
 * (out "" then). */
int taxid_normalize(const char *in, char *out, size_t size);

/* The check character of a GSTIN's first 14 characters (digits and upper
 * case letters): each character's value (0-9, A=10 ... Z=35) times 1, 2, 1,
 * 2 ... from the left, each product's base-36 digits added, and the
 * character whose value brings the sum to a multiple of 36.  Returns '\0'
 * when a character is neither a digit nor an upper case letter. */
char taxid_gstin_check_char(const char *first14);

/* Validates a GSTIN (normalised first): 2-digit GST state code, PAN of 5
 * letters, 4 digits and a letter, entity number 1-9 or A-Z, 'Z', and the
 * check character.  Returns 0 or the first problem found; when out is not
 * NULL it receives the normalised form (size >= TAXID_MAX + 1). */
int taxid_gstin_check(const char *gstin, char *out, size_t size);

/* Whether two letters are the VAT prefix of an EU member state (EL for
 * Greece, XI for Northern Ireland). */
int taxid_vat_is_eu(const char *prefix);

/* Validates an EU VAT number (normalised first) against its member state's
 * format (VIES): AT U+8 digits, BE 10 digits starting 0 or 1, BG 9-10, CY
 * 8 digits and a letter, CZ 8-10, DE 9, DK 8, EE 9, EL 9, ES a letter or
 * digit, 7 digits, a letter or digit (not all digits), FI 8, FR 2 keys
 * (digits or letters but I and O) and the 9-digit SIREN, HR 11, HU 8, IE
 * 7 digits and one or two letters (or the older 9S99999L), IT 11, LT 9 or
 * 12, LU 8, LV 11, MT 8, NL 9 digits, 'B', 2 digits, PL 10, PT 9, RO 2-10,
 * SE 12, SI 8, SK 10, XI 9 or 12 digits or GD/HA and 3 digits.  A French
 * number with a numeric key must have key = (12 + 3 * (SIREN mod 97)) mod
 * 97.  Returns 0 or the problem; out as for taxid_gstin_check. */
int taxid_vat_check(const char *vat, char *out, size_t size);

#endif
