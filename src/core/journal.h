/* The journal's canonical form: every fiscal event becomes one text record
 * whose bytes are fixed by this file alone, so that the hash chain can be
 * recomputed anywhere. Also the running grand totals. No I/O, no hashing. */
#ifndef COMPTOIR_JOURNAL_H
#define COMPTOIR_JOURNAL_H

#include <stddef.h>
#include <stdint.h>

#define JOURNAL_FORMAT "comptoir-journal 1"
#define JOURNAL_HASH_HEX 64

/* A growing byte buffer the core can fill without the util layer. */
struct jbuf {
	char *p;
	size_t len, cap;
};

void jbuf_init(struct jbuf *b);
void jbuf_release(struct jbuf *b);
/* Appends; returns 0, or -1 when memory ran out (b is then left empty). */
int jbuf_add(struct jbuf *b, const char *s, size_t n);

/* What every record carries. Strings are copied into the canonical text
 * escaped (see journal_escape). */
struct journal_head {
	int64_t seq;           /* gapless, from 1 */
	int64_t at;            /* Unix time */
	int32_t day;           /* YYYYMMDD, the terminal's local day */
	const char *terminal;
	const char *user;
	const char *approver;  /* "" when none */
	const char *kind;      /* sale, return, no_sale, shift_open, ... */
	int64_t ref;           /* the ticket, shift or period it is about */
	int64_t corrects;      /* the seq of the record it corrects, or 0 */
	int64_t amount;        /* what counts in the grand totals (signed) */
	int64_t gt_perpetual;  /* grand total since the first record */
	int64_t gt_day;        /* grand total of `day` so far */
};

/* The totals a record must carry after `prev` (NULL for the first
 * record): perpetual = prev + amount; the day's restarts on a new day. */
void journal_totals(const struct journal_head *prev, struct journal_head *h);

/* The canonical bytes: the format line, the head fields one per line, then
 * `payload` (lines "name value..." the caller built with journal_field*),
 * then "end\n". Returns 0 or -1 (out of memory). */
int journal_canonical(const struct journal_head *h, const char *payload, size_t payload_len,
                      struct jbuf *out);

/* Payload helpers: "name v1 v2 ...\n" where each string value is escaped. */
int journal_field_int(struct jbuf *b, const char *name, int64_t v);
int journal_field_str(struct jbuf *b, const char *name, const char *v);
/* A line of values given as a printf-free list: `fmt` is a string of 'i'
 * (int64_t) and 's' (const char *) letters, one per value. */
int journal_field(struct jbuf *b, const char *name, const char *fmt, ...);

/* Escapes s so it holds no space, newline or control byte: bytes <= 0x20,
 * '%' and 0x7f become %XX; "" becomes "%". Appends to b. */
int journal_escape(struct jbuf *b, const char *s);

/* Reads the numbers of a record's head back from its canonical bytes:
 * seq, at, day, ref, corrects, amount and the grand totals (string fields
 * are left NULL). Returns 0, or -1 when the text is not a record of this
 * format. */
int journal_parse_head(const char *canon, size_t len, struct journal_head *h);

/* Kinds of records. */
#define JOURNAL_SALE "sale"
#define JOURNAL_RETURN "return"
#define JOURNAL_NO_SALE "no_sale"
#define JOURNAL_OVERRIDE "price_override"
#define JOURNAL_DISCOUNT "discount"
#define JOURNAL_SHIFT_OPEN "shift_open"
#define JOURNAL_SHIFT_CLOSE "shift_close"
#define JOURNAL_CASH_MOVE "cash_move"
#define JOURNAL_CLOSE_DAY "close_day"
#define JOURNAL_CLOSE_MONTH "close_month"
#define JOURNAL_CLOSE_YEAR "close_year"
#define JOURNAL_CONFIG "config"
#define JOURNAL_USER "user"
/* The first record of a shop that sold before it had a journal: ref is
 * the last ticket sold before, which verify does not ask records of. */
#define JOURNAL_START "journal_start"

#endif
