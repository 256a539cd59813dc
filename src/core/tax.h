/* Tax on one line: a rate in hundredths of a percent, a price that includes
 * the tax or not, and the one place where tax is rounded (half up, per line). */
#ifndef COMPTOIR_TAX_H
#define COMPTOIR_TAX_H

#include "money.h"

/* 2000 = 20 %, 550 = 5.5 %, 210 = 2.1 %. */
typedef int32_t tax_rate_t;

#define TAX_RATE_MAX 10000 /* 100 % */

enum tax_error {
	TAX_OK = 0,
	TAX_BAD_RATE = -50,   /* negative or past TAX_RATE_MAX */
};

/* English text for a tax_error or a money_error, marked for translation. */
const char *tax_strerror(int err);

struct tax_split {
	money_t net;
	money_t tax;
	money_t gross;
};

/* Splits `amount` into net, tax and gross.  When `inclusive`, amount is the
 * gross and tax = round(gross * rate / (10000 + rate)), net = gross - tax.
 * Otherwise amount is the net and tax = round(net * rate / 10000).
 * Amounts may be negative (returns): the rounding is symmetric.
 * Returns 0, MONEY_OVERFLOW when the amount or the gross is past MONEY_MAX,
 * or TAX_BAD_RATE for a rate out of range. */
int tax_split(money_t amount, tax_rate_t rate, int inclusive, struct tax_split *out);

/* Parses "20", "5.5", "5,5", "2.1" (percent, at most two decimals; a
 * trailing "%" is allowed) into a rate. Returns 0, a money_error from the
 * number, or TAX_BAD_RATE when it is negative or past 100. */
int tax_rate_parse(const char *s, tax_rate_t *out);

/* "20", "5.5", "2.1": the rate as people write it. */
size_t tax_rate_format(char *buf, size_t size, tax_rate_t rate);

#endif
