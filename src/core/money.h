/* Money and quantities as exact integers: parsing of typed or imported
 * amounts, half-up division, and formatting for the command line and for
 * the shop's locale. No floating point anywhere. */
#ifndef COMPTOIR_MONEY_H
#define COMPTOIR_MONEY_H

#include <stddef.h>
#include <stdint.h>

/* A count of minor units (cents, paise). */
typedef int64_t money_t;

/* Largest absolute amount accepted anywhere: 10^13 minor units. */
#define MONEY_MAX INT64_C(10000000000000)

enum money_error {
	MONEY_OK = 0,
	MONEY_EMPTY = -1,     /* nothing but blanks */
	MONEY_SYNTAX = -2,    /* not a decimal number: letters, 1e3, 12,5,0 */
	MONEY_OVERFLOW = -3,  /* magnitude past MONEY_MAX (or the quantity bound) */
	MONEY_PRECISION = -4, /* more decimals than the currency has */
};

/* Parses an exact decimal with at most `decimals` fraction digits into an
 * integer scaled by 10^decimals. Accepts a leading '-' or '+', '.' or ','
 * as the decimal mark, and groups of three digits separated by a space,
 * a no-break space (U+00A0 / U+202F) or, when the other mark is the decimal
 * one, by ',' or '.'.  "12.50", "12,50", "1 234,56", "1.234,56", "-3", ".5".
 * Refuses "12,5,0", "1e3", "", "12.", ".", "--1".
 * A lone ',' or '.' is always the decimal mark: "1,234" is 1.234 (so
 * MONEY_PRECISION for money), and "1.234.567" is refused rather than
 * guessed at.  Every group after the first has exactly three digits (Indian
 * "1,23,456" is refused).  Fraction digits past `decimals` are refused even
 * when zero ("12.500" for cents).  Errors leave *out alone; MONEY_SYNTAX is
 * reported before MONEY_PRECISION, MONEY_PRECISION before MONEY_OVERFLOW. */
int decimal_parse(const char *s, int decimals, int64_t limit, int64_t *out);

/* decimal_parse with the currency's decimals and MONEY_MAX. */
int money_parse(const char *s, int decimals, money_t *out);

/* English text for a money_error, marked for translation (callers pass it
 * through gettext). */
const char *money_strerror(int err);

/* num / den rounded half away from zero; den > 0. */
int64_t money_div_round(int64_t num, int64_t den);

/* (a * b) / den rounded half away from zero, without intermediate overflow.
 * Returns MONEY_OVERFLOW when the result does not fit in MONEY_MAX. */
int money_muldiv(int64_t a, int64_t b, int64_t den, int64_t *out);

enum money_grouping {
	MONEY_GROUP_NONE = 0,
	MONEY_GROUP_THREE = 3,   /* 1 234 567 */
	MONEY_GROUP_INDIAN = 2,  /* 12,34,567: three, then twos (lakh, crore) */
};

struct money_style {
	int decimals;            /* digits after the mark: 2 for EUR and INR */
	const char *decimal;     /* "," or "." */
	const char *group;       /* " " or "," or "" */
	enum money_grouping grouping;
	const char *symbol;      /* "€", "₹", or "" */
	int symbol_before;       /* ₹12.50 rather than 12,50 € */
	int symbol_space;        /* a space between the number and the symbol */
};

extern const struct money_style money_style_plain; /* 1234.50: command line */
extern const struct money_style money_style_fr;    /* 1 234,50 € */
extern const struct money_style money_style_in;    /* ₹1,23,456.78 */

/* Writes v formatted per style into buf (always NUL-terminated when size>0);
 * returns the length the full text needs, like snprintf. */
size_t money_format(char *buf, size_t size, money_t v, const struct money_style *st);

/* Formats a quantity scaled by 10^decimals ("3", "0.250") with '.' or the
 * style's decimal mark; trailing fraction zeros are kept to `decimals`. */
size_t quantity_format(char *buf, size_t size, int64_t q, int decimals, const char *mark);

#endif
