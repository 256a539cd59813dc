/* A drawer counted by denomination: the notes and coins of the shop's
 * currency, and the "VALUExCOUNT,..." text a closing is typed as. No I/O. */
#ifndef COMPTOIR_CASHCOUNT_H
#define COMPTOIR_CASHCOUNT_H

#include <stddef.h>
#include <stdint.h>
#include "money.h"

#define CASH_DENOMS_MAX 24
#define CASH_COUNT_MAX 100000   /* pieces of one denomination */

enum cash_error {
	CASH_OK = 0,
	CASH_SYNTAX = -70,     /* not VALUExCOUNT[,VALUExCOUNT]... */
	CASH_DENOM = -71,      /* not a note or coin of the currency */
	CASH_TOO_MANY = -72,   /* a count past CASH_COUNT_MAX */
	CASH_CURRENCY = -73,   /* a currency without a table */
};

/* English text for a cash_error, marked for translation. */
const char *cash_strerror(int err);

/* The notes and coins of a currency ("EUR", "INR"), highest first, in
 * minor units; NULL for a currency without a table. */
const money_t *cash_denoms(const char *currency, size_t *n);

struct cash_count {
	size_t n;              /* denominations counted, highest first */
	money_t value[CASH_DENOMS_MAX];
	int64_t count[CASH_DENOMS_MAX];
	money_t total;
};

void cash_count_init(struct cash_count *c);
/* Adds "50x2,20x3,0.50x4" (a value with a dot, 'x', a whole count; the
 * same value twice adds up; "none" adds nothing) to c. On error c is left
 * as it was and, when bad is not NULL, the offending piece is copied in. */
int cash_count_parse(struct cash_count *c, const char *text, const char *currency, char *bad,
                     size_t badsize);

#endif
