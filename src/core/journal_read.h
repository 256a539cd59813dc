/* Reading the journal back: the canonical payload of a sale or return
 * record parsed into its ticket, lines and payments, and the sums that the
 * X and Z reports and the closings add up from such records. No I/O. */
#ifndef COMPTOIR_JOURNAL_READ_H
#define COMPTOIR_JOURNAL_READ_H

#include <stddef.h>
#include <stdint.h>
#include "journal.h"

enum jread_error {
	JREAD_OK = 0,
	JREAD_SYNTAX = -60,   /* a line is not what the canonical form writes */
	JREAD_MISSING = -61,  /* no "ticket" or "totals" line */
	JREAD_FULL = -62,     /* more tax rates or payment methods than a report holds */
	JREAD_NOMEM = -63,
};

/* English text for a jread_error, marked for translation. */
const char *jread_strerror(int err);

/* Splits one line (without its newline) at single spaces into at most max
 * fields, in place; returns the number of fields, or -1 when there are
 * more than max or a field is empty. */
int jread_split(char *line, char **fields, int max);
/* Decodes journal_escape's %XX in place ("%" alone is ""); -1 when a %
 * is not followed by two hex digits. */
int jread_unescape(char *s);

/* Finds the payload line starting with `name` and a space, copies it into
 * buf and splits it into f (see jread_split); the number of fields, or -1
 * when there is no such line, it does not fit in buf or does not split. */
int jread_find(const char *payload, const char *name, char *buf, size_t size, char **f,
               int max);

struct jread_line {
	int64_t qty;
	int32_t tax_rate;      /* hundredths of a percent */
	int64_t net, tax, gross, cgst, sgst, igst;
	int voided;
	char sku[65];
};

struct jread_pay {
	char method[16];
	int64_t amount;
};

struct jread_ticket {
	int64_t number, original, created_at, shift_id;
	char kind[8];          /* "sale" or "return" */
	char terminal[32];
	char user[32];
	int inclusive;
	int64_t total, net, tax, discount, paid, change, rounding;
	struct jread_line *lines;  /* malloc'd; jread_ticket_release frees */
	size_t nlines;
	struct jread_pay *pays;
	size_t npays;
};

/* Parses the payload of a sale or return record. JREAD_OK or an error;
 * on error t holds nothing to release. */
int jread_ticket_parse(const char *payload, struct jread_ticket *t);
void jread_ticket_release(struct jread_ticket *t);

#define JSUM_RATES_MAX 16
#define JSUM_METHODS_MAX 12

struct jsum_rate {
	int32_t rate;
	int64_t net, tax, gross, cgst, sgst, igst;
};

struct jsum_method {
	char name[16];
	int64_t amount;   /* what the method took in, change deducted from cash */
};

/* What a set of sale and return records adds up to. Returns count with
 * their sign: a return lowers every total whichever sign it was written
 * with. */
struct jsum {
	int64_t sales, returns;              /* how many records */
	int64_t sales_total, returns_total;  /* returns_total <= 0 */
	int64_t total;                       /* sales_total + returns_total */
	int64_t net, tax, discount, rounding;
	int64_t cash_sales;     /* cash handed over on sales, before change */
	int64_t change;         /* change given back on sales */
	int64_t cash_refunds;   /* cash paid out on returns (>= 0) */
	struct jsum_rate rates[JSUM_RATES_MAX];
	size_t nrates;          /* in ascending rate order */
	struct jsum_method methods[JSUM_METHODS_MAX];
	size_t nmethods;        /* in the order first met */
};

void jsum_init(struct jsum *s);
/* Adds one parsed ticket; JREAD_FULL when a rate or method does not fit. */
int jsum_add(struct jsum *s, const struct jread_ticket *t);
/* The cash the tickets put in the drawer: cash_sales - change - cash_refunds. */
int64_t jsum_cash_net(const struct jsum *s);
/* Appends s as canonical payload lines (journal_field): "count", "sales",
 * "returns", "totals", one "rate" line per tax rate and one "method" line
 * per payment method. 0 or -1 (out of memory). */
int jsum_write(const struct jsum *s, struct jbuf *b);
/* Reads back what jsum_write wrote (other lines are skipped). */
int jsum_read(const char *payload, struct jsum *s);

#endif
