/* GS1 element strings as scanners send them (GS1-128, GS1 DataMatrix, QR,
 * DataBar) or as printed under the bars, "(01)...(17)...": the AIs a shop
 * needs to sell a product (01, 10, 17, 3102-3105, 3922), each validated. */
#ifndef COMPTOIR_GS1_H
#define COMPTOIR_GS1_H

#include <stdint.h>

#include "money.h"

/* The group separator a scanner transmits for FNC1 after a variable field. */
#define GS1_GS '\x1d'

/* Longest input looked at: every supported AI once, in either form, is
 * under 90 characters. */
#define GS1_MAX_LEN 100

enum gs1_error {
	GS1_OK = 0,
	GS1_TOO_LONG = -70,    /* more than GS1_MAX_LEN characters */
	GS1_BAD_CHAR = -71,    /* a control (other than GS), space, non-ASCII
	                          byte, or a lot character outside set 82 */
	GS1_SYNTAX = -72,      /* empty, no AI where one belongs, "(" unclosed,
	                          two GS in a row */
	GS1_UNKNOWN_AI = -73,  /* an AI comptoir does not read (all are refused:
	                          a code half understood must not match) */
	GS1_DUPLICATE_AI = -74,/* the same AI twice (or two 310n net weights) */
	GS1_BAD_LENGTH = -75,  /* a fixed field not of its length, a variable
	                          field empty or too long */
	GS1_NOT_DIGITS = -76,  /* a numeric field holds something else */
	GS1_BAD_CHECK = -77,   /* the GTIN's check digit is wrong */
	GS1_BAD_DATE = -78,    /* AI 17 is not a real date */
	GS1_BAD_WEIGHT = -79,  /* a 3104/3105 weight finer than a gram */
	GS1_BAD_PRICE = -80,   /* a 3922 amount past MONEY_MAX */
	GS1_NO_GTIN = -81,     /* no AI 01: nothing says which product it is */
};

struct gs1_data {
	char gtin[15];         /* the 14 digits of AI 01, check digit verified */
	int has_gtin;
	char lot[21];          /* AI 10, 1 to 20 characters of set 82 */
	int has_lot;
	int32_t expiry;        /* AI 17 as YYYYMMDD; a printed day 00 ("end of
	                          the month") is given as the month's last day */
	int has_expiry;
	int64_t weight_g;      /* AI 3102-3105, net kg, in grams (thousandths) */
	int has_weight;
	money_t price;         /* AI 3922, in hundredths of the local currency */
	int has_price;
	char bad_ai[5];        /* on error, the AI at fault when known, else "" */
};

/* English text for a gs1_error, marked for translation. */
const char *gs1_strerror(int err);

/* Whether s should be read as a GS1 element string rather than looked up as
 * a barcode or SKU.  True for a symbology identifier of a GS1 symbol
 * ("]C1", "]d2", "]Q3", "]e0"), a leading GS, a printed form starting with
 * "(" 2-4 digits ")", or "01" followed by 14 digits whose check digit is
 * right (so at least 16 characters).  EAN-13, UPC, EAN-8 and ITF-14 codes
 * (at most 14 digits) are never taken; an SKU could only be if it were 16+
 * characters starting with "01" and a valid GTIN-14. */
int gs1_looks_like(const char *s);

/* Parses s into out.  Raw form: an optional symbology identifier, an
 * optional leading GS, then AIs; a variable field (10, 3922) runs to the
 * next GS or the end, so "10LOT117261231" is a lot "LOT117261231" and no
 * expiry.  A GS after a fixed field and one at the very end are tolerated.
 * Printed form: every AI in parentheses, each field running to the next
 * "(" or the end (so a lot cannot hold "("); no GS there.
 * current_year (e.g. 2025) places AI 17's two-digit year per the GS1
 * General Specifications: in current_year - 49 .. current_year + 50.
 * AI 01 is required (GS1 requires it with 10, 17, 310n and 392n).
 * Returns 0, or a gs1_error with every has_ field 0 and bad_ai set. */
int gs1_parse(const char *s, int current_year, struct gs1_data *out);

/* The GTIN in the form barcode_normalize() stores codes in: a GTIN-8
 * ("000000" + 8) as its 8 digits, a GTIN-12/13 (leading "0") as the EAN-13,
 * a GTIN-14 of a pack (indicator 1-9) as its 14 digits. */
void gs1_gtin_key(const char *gtin, char out[15]);

#endif
