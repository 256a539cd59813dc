/* Retail barcodes: EAN-13, EAN-8, UPC-A and UPC-E with their check digits,
 * and in-store EAN-13 codes (prefixes 20-29) that carry a price or a weight. */
#ifndef COMPTOIR_BARCODE_H
#define COMPTOIR_BARCODE_H

#include <stddef.h>
#include <stdint.h>

enum barcode_kind {
	BARCODE_NONE = 0,  /* not a retail barcode (an SKU, perhaps) */
	BARCODE_EAN13,
	BARCODE_EAN8,
	BARCODE_UPCA,
	BARCODE_UPCE,
};

enum barcode_error {
	BARCODE_OK = 0,
	BARCODE_BAD_CHECK = -30,   /* right length, all digits, wrong check digit */
	BARCODE_NOT_INSTORE = -31, /* no in-store layout matches the prefix */
	BARCODE_BAD_LAYOUT = -32,
};

const char *barcode_strerror(int err);

/* The GS1 mod-10 check digit of the n digits at s (0-9), or -1 when a
 * character is not a digit. */
int barcode_check_digit(const char *s, size_t n);

/* Classifies code by length (13, 8, 12; 8 digits starting with 0 or 1 that
 * fail as EAN-8 are tried as UPC-E) and checks the check digit.
 * Returns BARCODE_OK with *kind set (BARCODE_NONE when code is not all digits
 * or not of a barcode length), or BARCODE_BAD_CHECK (*kind then says what the
 * length suggested: EAN-13, UPC-A or EAN-8). */
int barcode_classify(const char *code, enum barcode_kind *kind);

/* Expands an 8-digit UPC-E (number system, six digits, check) into the
 * 12-digit UPC-A it stands for. Returns 0 or BARCODE_BAD_CHECK (also when
 * upce is not 8 digits with number system 0 or 1; upca is then ""). */
int barcode_upce_to_upca(const char *upce, char upca[13]);

/* The form codes are stored and looked up in: EAN-13 as is, UPC-A as its
 * EAN-13 ("0" + 12 digits), UPC-E expanded then as EAN-13, EAN-8 as is.
 * Returns 0, or BARCODE_BAD_CHECK; *kind is BARCODE_NONE for non-barcodes
 * (then out is a copy of code, truncated to 13 characters... callers should
 * not use it). */
int barcode_normalize(const char *code, char out[14], enum barcode_kind *kind);

enum instore_value {
	INSTORE_PRICE = 0,   /* the value is a price in minor units */
	INSTORE_WEIGHT,      /* the value is a weight in grams (thousandths of a kg) */
};

/* One layout: EAN-13 codes whose first two digits are in [prefix_lo,
 * prefix_hi] carry an item code of item_len digits after the prefix, then a
 * value of value_len digits, then the check digit: 2 + item + value = 12. */
struct instore_layout {
	int prefix_lo, prefix_hi;  /* 20..29 */
	int item_len;              /* digits of the item code after the prefix */
	int value_len;             /* 12 - 2 - item_len */
	enum instore_value kind;
};

/* The default: 20-24 price, 25-29 weight, 5-digit item, 5-digit value. */
extern const struct instore_layout barcode_instore_default[2];

struct instore_code {
	char key[14];          /* the code with its value zeroed and check digit
	                          recomputed: how the product's barcode is stored */
	enum instore_value kind;
	int64_t value;         /* minor units, or grams */
};

/* Parses "20-24:price:5,25-29:weight:5" (prefix range, kind, item digits).
 * Fills up to max layouts; returns the count or BARCODE_BAD_LAYOUT (more
 * than max, overlapping ranges, item digits outside 1-9). "" gives 0. */
int barcode_instore_layouts_parse(const char *spec, struct instore_layout *out, size_t max);

/* When ean13 (already checked) starts with 2 and a layout matches, fills out
 * and returns 0; BARCODE_NOT_INSTORE otherwise (BARCODE_BAD_CHECK if the
 * check digit is wrong after all). */
int barcode_instore_parse(const char *ean13, const struct instore_layout *layouts,
                          size_t n, struct instore_code *out);

/* Builds the full 13-digit in-store code for an item key and a value
 * (used by the demo shop and by tests). Returns 0 or BARCODE_BAD_LAYOUT when
 * the value does not fit. */
int barcode_instore_make(const char *key, int64_t value, const struct instore_layout *l,
                         char out[14]);

#endif
