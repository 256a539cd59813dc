/* Payment terms and dates for the wholesale desk: days as YYYYMMDD, due
 * dates from a customer's terms, ageing buckets and financial years. No I/O;
 * "today" is always passed in. */
#ifndef COMPTOIR_TERMS_H
#define COMPTOIR_TERMS_H

#include <stdint.h>

enum terms_kind {
	TERMS_PREPAID = 0,   /* paid before delivery: due on the invoice day */
	TERMS_COD,           /* cash on delivery: due on the invoice day */
	TERMS_NET,           /* net N days */
	TERMS_EOM,           /* end of month: the last day of the month after
	                        the invoice's (10 or 31 January -> 28/29
	                        February), so the last day of a month still
	                        gets a month's credit */
};

struct terms {
	enum terms_kind kind;
	int days;            /* TERMS_NET: 7, 15, 30 or 60 */
};

enum terms_error {
	TERMS_OK = 0,
	TERMS_BAD = -1,      /* not one of the terms below */
	TERMS_BAD_DAY = -2,  /* not a YYYYMMDD calendar day */
};

/* "prepaid", "cod", "net7", "net15", "net30", "net60", "eom"; "" reads as
 * net30, the default of a customer whose terms were never set. */
int terms_parse(const char *text, struct terms *out);
/* The canonical name of t ("net30"). */
const char *terms_name(const struct terms *t);
/* English text for a terms_error, marked for translation. */
const char *terms_strerror(int err);

/* Whether day is a calendar day YYYYMMDD between 1970 and 9999. */
int terms_day_valid(int32_t day);
/* Days since 1970-01-01 of a valid day, and back. */
int64_t terms_day_number(int32_t day);
int32_t terms_day_from_number(int64_t n);
/* day plus n days (n may be negative). */
int32_t terms_day_add(int32_t day, int64_t n);
/* b - a in days. */
int64_t terms_days_between(int32_t a, int32_t b);

/* The due day of an invoice dated `day` under t. */
int32_t terms_due(const struct terms *t, int32_t day);

/* Ageing: 0 current (not yet due), 1: 1-30 days past due, 2: 31-60,
 * 3: 61-90, 4: over 90. */
#define TERMS_BUCKETS 5
int terms_bucket(int32_t due, int32_t today);
/* "current", "1-30", "31-60", "61-90", "over 90". */
const char *terms_bucket_name(int bucket);

/* The financial year a day falls in, named by the calendar year it starts
 * in: start_month 1 (France: the calendar year) or 4 (India: April to
 * March, so 2027-02-10 is in 2026). */
int32_t terms_fiscal_year(int32_t day, int start_month);

#endif
