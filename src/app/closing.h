/* Shifts and closings: a drawer's float, cash in and out, the X report and
 * the counted close of a shift; the daily Z, monthly and yearly closings.
 * Every report is read from the journal, and every step is a journal
 * record written in the transaction that makes it. */
#ifndef COMPTOIR_APP_CLOSING_H
#define COMPTOIR_APP_CLOSING_H

#include <stddef.h>
#include <stdint.h>
#include "app.h"
#include "../core/cashcount.h"
#include "../core/journal_read.h"

#define APP_CASH_REASON_MAX 120   /* characters */

struct app_shift_report {
	int64_t id;
	char terminal[32];
	char user[32];             /* who opened it */
	int64_t opened_at, closed_at;
	money_t float_amount;
	money_t cash_in, cash_out; /* both >= 0 */
	int64_t moves;             /* how many cash moves */
	struct jsum sums;          /* the shift's sales and returns */
	money_t expected;          /* float + cash taken - change - refunds + in - out */
	money_t counted;           /* after closing */
	money_t difference;        /* counted - expected */
	struct cash_count count;   /* after closing */
	int64_t seq;               /* the journal record the operation wrote */
};

/* Opens a shift on this terminal with the counted float (>= 0). Any user
 * may; a shop with users needs one logged in. APP_ERR when the terminal
 * has a shift open. */
int app_shift_open(struct app *a, money_t float_amount, struct app_shift_report *r,
                   char **err);
/* Cash put in (amount > 0) or taken out (< 0) of the open shift's drawer,
 * with a reason (1 to 120 characters). Needs the closing right. Taking out
 * more than the drawer should hold is refused. */
int app_shift_cash(struct app *a, money_t amount, const char *reason,
                   struct app_shift_report *r, char **err);
/* The shift open on this terminal, 0 when none. */
int64_t app_shift_current(struct app *a);
/* The X report of shift `id` (0: this terminal's open shift), read from
 * the journal. Needs the closing right. */
int app_shift_x(struct app *a, int64_t id, struct app_shift_report *r, char **err);
/* Closes this terminal's open shift with the drawer counted: expected,
 * counted and the difference are recorded. Needs the closing right. */
int app_shift_close(struct app *a, const struct cash_count *count,
                    struct app_shift_report *r, char **err);

/* The report of a shift as text (malloc'd; caller frees): sales, returns,
 * totals per rate and method, the drawer, and the count when `closed`. */
char *app_shift_report_text(const struct app_shift_report *r, int closed);

enum app_period {
	APP_PERIOD_DAY = 0,   /* ref YYYYMMDD */
	APP_PERIOD_MONTH,     /* ref YYYYMM */
	APP_PERIOD_YEAR,      /* ref YYYY */
};

struct app_suspended_info {
	int64_t id, created_at;
	money_t total;
	char terminal[32];
	char user[32];
	char customer[65];
};

struct app_open_shift_info {
	int64_t id, opened_at;
	char terminal[32];
	char user[32];
};

struct app_closed_shift_info {
	int64_t id;
	char terminal[32];
	char user[32];          /* who closed it */
	money_t expected, counted, difference;
};

struct app_closing {
	enum app_period period;
	int64_t ref;
	int64_t seq;                 /* the closing record */
	int64_t first_seq, last_seq; /* the records read (0 when none) */
	int64_t records;             /* how many */
	struct jsum sums;            /* the period's sales and returns */
	int64_t gt_period;           /* the period's running grand total (journal) */
	int64_t gt_perpetual;        /* the perpetual grand total at the end of it */
	struct app_suspended_info *suspended;   /* malloc'd, listed as a warning */
	size_t nsuspended;
	struct app_open_shift_info *open_shifts; /* malloc'd */
	size_t nopen_shifts;
	struct app_closed_shift_info *shifts;   /* shifts closed in the period (malloc'd) */
	size_t nshifts;
	money_t shifts_difference;   /* their differences added up */
	int32_t *unclosed_days;      /* month, year: days with sales no Z covers (malloc'd) */
	size_t nunclosed_days;
};

/* Parses "YYYY-MM-DD", "YYYY-MM" or "YYYY" for the period into *ref;
 * APP_ERR with a message when malformed. */
int app_period_parse(enum app_period p, const char *text, int64_t *ref, char **err);
/* The period holding the day `now` (0: the clock). */
int64_t app_period_current(enum app_period p, int64_t now);
/* Writes the period as text: 2026-11-27, 2026-11, 2026. */
void app_period_format(enum app_period p, int64_t ref, char *buf, size_t size);

/* Closes a day, month or year: the totals per tax rate and payment method
 * and the grand totals are read from the journal in a read transaction
 * (the tills keep selling), then the closing record is written in a short
 * one. A period closes once; a period not yet begun cannot close. Needs
 * the closing right. c is released with app_closing_release. */
int app_close_period(struct app *a, enum app_period p, int64_t ref, struct app_closing *c,
                     char **err);
void app_closing_release(struct app_closing *c);
/* The closing's report as text (malloc'd; caller frees), `when` naming
 * the period: totals, shifts closed, grand totals and the warnings. */
char *app_closing_text(const struct app_closing *z, const char *when);

#endif
