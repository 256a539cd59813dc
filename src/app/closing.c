/* Daily Z, monthly and yearly closings: the period's sale and return
 * records are read from the journal in a read transaction (the tills sell
 * on meanwhile), then the closing record, carrying the totals per tax rate
 * and payment method and the grand totals, is written in a short one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "app-internal.h"
#include "auth.h"
#include "closing.h"
#include "fiscal.h"
#include "../../db/journal.h"
#include "../../db/returns.h"
#include "../../db/shifts.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

static const char *const closing_kinds[] = {
	[APP_PERIOD_DAY] = JOURNAL_CLOSE_DAY,
	[APP_PERIOD_MONTH] = JOURNAL_CLOSE_MONTH,
	[APP_PERIOD_YEAR] = JOURNAL_CLOSE_YEAR,
};
static const char *const closing_names[] = {
	[APP_PERIOD_DAY] = "day",
	[APP_PERIOD_MONTH] = "month",
	[APP_PERIOD_YEAR] = "year",
};

static int closing_days_in(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

/* n digits at s into *out. */
static int closing_digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int app_period_parse(enum app_period p, const char *text, int64_t *ref, char **err)
{
	static const char *const shapes[] = { "YYYY-MM-DD", "YYYY-MM", "YYYY" };
	static const size_t lens[] = { 10, 7, 4 };
	int y = 0, m = 1, d = 1;
	int ok = strlen(text) == lens[p] && closing_digits(text, 4, &y) == 0 && y >= 1970;
	if (ok && p != APP_PERIOD_YEAR)
		ok = text[4] == '-' && closing_digits(text + 5, 2, &m) == 0 && m >= 1 && m <= 12;
	if (ok && p == APP_PERIOD_DAY)
		ok = text[7] == '-' && closing_digits(text + 8, 2, &d) == 0 && d >= 1 &&
		     d <= closing_days_in(y, m);
	if (!ok) {
		error_set(err, _("'%s' is not a valid period: write it as %s"), text, shapes[p]);
		return APP_ERR;
	}
	*ref = p == APP_PERIOD_DAY ? y * 10000 + m * 100 + d : p == APP_PERIOD_MONTH ? y * 100 + m : y;
	return APP_OK;
}

int64_t app_period_current(enum app_period p, int64_t now)
{
	int64_t day = app_today(now);
	return p == APP_PERIOD_DAY ? day : p == APP_PERIOD_MONTH ? day / 100 : day / 10000;
}

void app_period_format(enum app_period p, int64_t ref, char *buf, size_t size)
{
	if (p == APP_PERIOD_DAY)
		snprintf(buf, size, "%04lld-%02lld-%02lld", (long long)(ref / 10000),
		         (long long)(ref / 100 % 100), (long long)(ref % 100));
	else if (p == APP_PERIOD_MONTH)
		snprintf(buf, size, "%04lld-%02lld", (long long)(ref / 100), (long long)(ref % 100));
	else
		snprintf(buf, size, "%04lld", (long long)ref);
}

void app_closing_release(struct app_closing *c)
{
	free(c->suspended);
	free(c->open_shifts);
	free(c->unclosed_days);
	free(c->shifts);
	c->shifts = NULL;
	c->nshifts = 0;
	c->suspended = NULL;
	c->open_shifts = NULL;
	c->unclosed_days = NULL;
	c->nsuspended = c->nopen_shifts = c->nunclosed_days = 0;
}

struct closing_days {
	int32_t *day;
	size_t n;
};

static int closing_days_has(const struct closing_days *d, int32_t day)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->day[i] == day)
			return 1;
	return 0;
}

static void closing_days_add(struct closing_days *d, int32_t day)
{
	if (closing_days_has(d, day))
		return;
	d->day = xrealloc(d->day, (d->n + 1) * sizeof *d->day);
	d->day[d->n++] = day;
}

static int closing_day_cmp(const void *x, const void *y)
{
	int32_t a = *(const int32_t *)x, b = *(const int32_t *)y;
	return (a > b) - (a < b);
}

struct closing_walk {
	struct app_closing *c;
	int32_t from, to;     /* the period's days */
	int64_t next;         /* the first record the read did not see */
	int64_t amounts;      /* the sum of the period's records' amounts */
	int64_t last_gt_day;
	struct closing_days pending;  /* days with sales, no Z met yet */
	struct closing_days closed;   /* days whose Z was met */
	struct closing_days late;     /* days with sales no Z covers */
	int bad;
	int64_t bad_seq;
};

/* A shift_close record: what was expected, counted and the difference. */
static int closing_shift_closed(struct app_closing *c, const struct db_journal *j)
{
	static const char *const names[] = { "expected", "counted", "difference" };
	int64_t v[3];
	for (int i = 0; i < 3; i++) {
		char buf[128], *f[4], *end;
		if (jread_find(j->payload, names[i], buf, sizeof buf, f, 4) != 2)
			return -1;
		v[i] = strtoll(f[1], &end, 10);
		if (*end)
			return -1;
	}
	c->shifts = xrealloc(c->shifts, (c->nshifts + 1) * sizeof *c->shifts);
	struct app_closed_shift_info *s = &c->shifts[c->nshifts++];
	memset(s, 0, sizeof *s);
	s->id = j->ref;
	strlcpy_safe(s->terminal, j->terminal, sizeof s->terminal);
	strlcpy_safe(s->user, j->user, sizeof s->user);
	s->expected = v[0];
	s->counted = v[1];
	s->difference = v[2];
	c->shifts_difference += v[2];
	return 0;
}

static void closing_walk_release(struct closing_walk *w)
{
	free(w->pending.day);
	free(w->closed.day);
	free(w->late.day);
}

static int closing_step(const struct db_journal *j, void *ctx)
{
	struct closing_walk *w = ctx;
	struct app_closing *c = w->c;
	if (j->seq >= w->next)
		w->next = j->seq + 1;
	if (j->day < w->from || j->day > w->to)
		return 0;
	if (!c->first_seq)
		c->first_seq = j->seq;
	c->last_seq = j->seq;
	c->records++;
	c->gt_perpetual = j->gt_perpetual;
	w->amounts += j->amount;
	w->last_gt_day = j->gt_day;
	if (strcmp(j->kind, JOURNAL_CLOSE_DAY) == 0 && j->ref <= INT32_MAX)
		closing_days_add(&w->closed, (int32_t)j->ref);
	if (strcmp(j->kind, JOURNAL_SHIFT_CLOSE) == 0 && closing_shift_closed(c, j) != 0) {
		w->bad = JREAD_SYNTAX;
		w->bad_seq = j->seq;
		return 1;
	}
	if (strcmp(j->kind, JOURNAL_SALE) != 0 && strcmp(j->kind, JOURNAL_RETURN) != 0)
		return 0;
	/* A sale after its day's Z is in no daily closing: say so. */
	closing_days_add(closing_days_has(&w->closed, j->day) ? &w->late : &w->pending, j->day);
	struct jread_ticket t;
	int rc = jread_ticket_parse(j->payload, &t);
	if (rc == JREAD_OK)
		rc = jsum_add(&c->sums, &t);
	jread_ticket_release(&t);
	if (rc != JREAD_OK) {
		w->bad = rc;
		w->bad_seq = j->seq;
		return 1;
	}
	return 0;
}

/* The period's records: all of them in the read transaction (first), then
 * under the write lock only those added since. */
static int closing_walk_run(struct app *a, struct closing_walk *w, int first, char **err)
{
	int rc = first ? db_journal_each_day(a->db, w->from, w->to, closing_step, w)
	               : db_journal_each(a->db, w->next, 0, closing_step, w);
	if (w->bad) {
		error_set(err, _("journal record %lld cannot be read: %s"), (long long)w->bad_seq,
		          _(jread_strerror(w->bad)));
		return APP_IO;
	}
	if (rc < 0) {
		error_set(err, _("cannot read the journal: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	if (first) {
		struct db_journal last;
		if (db_journal_last(a->db, &last) == DB_OK && last.seq >= w->next)
			w->next = last.seq + 1;
	}
	return APP_OK;
}

static int closing_suspended_step(const struct db_suspended *s, void *ctx)
{
	struct app_closing *c = ctx;
	c->suspended = xrealloc(c->suspended, (c->nsuspended + 1) * sizeof *c->suspended);
	struct app_suspended_info *i = &c->suspended[c->nsuspended++];
	memset(i, 0, sizeof *i);
	i->id = s->id;
	i->created_at = s->created_at;
	i->total = s->total;
	strlcpy_safe(i->terminal, s->terminal, sizeof i->terminal);
	strlcpy_safe(i->user, s->user, sizeof i->user);
	strlcpy_safe(i->customer, s->customer_code, sizeof i->customer);
	return 0;
}

static int closing_shift_step(const struct db_shift *s, void *ctx)
{
	struct app_closing *c = ctx;
	c->open_shifts = xrealloc(c->open_shifts, (c->nopen_shifts + 1) * sizeof *c->open_shifts);
	struct app_open_shift_info *i = &c->open_shifts[c->nopen_shifts++];
	memset(i, 0, sizeof *i);
	i->id = s->id;
	i->opened_at = s->opened_at;
	strlcpy_safe(i->terminal, s->terminal, sizeof i->terminal);
	strlcpy_safe(i->user, s->user, sizeof i->user);
	return 0;
}

static int closing_already(struct app *a, enum app_period p, int64_t ref, char **err)
{
	int64_t seq = 0;
	if (db_journal_find(a->db, closing_kinds[p], ref, &seq) != DB_OK) {
		error_set(err, _("cannot read the journal: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	if (seq) {
		char when[16];
		app_period_format(p, ref, when, sizeof when);
		error_set(err, _("%s is already closed (journal record %lld)"), when, (long long)seq);
		return APP_ERR;
	}
	return APP_OK;
}

static int closing_payload(const struct app_closing *c, struct jbuf *pl)
{
	int bad = journal_field(pl, "period", "si", closing_names[c->period], c->ref);
	bad |= journal_field(pl, "records", "iii", c->first_seq, c->last_seq, c->records);
	bad |= jsum_write(&c->sums, pl);
	bad |= journal_field(pl, "grand_total", "ii", c->gt_period, c->gt_perpetual);
	for (size_t i = 0; i < c->nshifts && !bad; i++) {
		const struct app_closed_shift_info *s = &c->shifts[i];
		bad |= journal_field(pl, "shift_closed", "iiii", s->id, s->expected, s->counted,
		                     s->difference);
	}
	bad |= journal_field_int(pl, "shifts_difference", c->shifts_difference);
	bad |= journal_field_int(pl, "suspended", (int64_t)c->nsuspended);
	for (size_t i = 0; i < c->nsuspended && !bad; i++) {
		const struct app_suspended_info *s = &c->suspended[i];
		bad |= journal_field(pl, "suspended_ticket", "iissi", s->id, s->created_at, s->terminal,
		                     s->user, s->total);
	}
	for (size_t i = 0; i < c->nunclosed_days && !bad; i++)
		bad |= journal_field_int(pl, "unclosed_day", c->unclosed_days[i]);
	return bad ? -1 : 0;
}

/* What the closing reads in one read transaction, while the tills sell. */
static int closing_read(struct app *a, enum app_period p, struct closing_walk *w, char **err)
{
	struct app_closing *c = w->c;
	if (db_exec(a->db, "BEGIN", err) != DB_OK)
		return APP_IO;
	int rc = closing_already(a, p, c->ref, err);
	if (rc == APP_OK)
		rc = closing_walk_run(a, w, 1, err);
	if (rc == APP_OK && (db_suspended_each(a->db, closing_suspended_step, c) < 0 ||
	                     db_shift_open_each(a->db, closing_shift_step, c) < 0)) {
		error_set(err, _("cannot read the suspended tickets and shifts: %s"),
		          db_errmsg(a->db));
		rc = APP_IO;
	}
	db_exec(a->db, "COMMIT", NULL);
	return rc;
}

/* Under the write lock, once every record before the closing is read: the
 * grand totals and the days no Z covers. */
static int closing_finish(struct app *a, enum app_period p, struct closing_walk *w, char **err)
{
	struct app_closing *c = w->c;
	/* A month or year names the days whose sales no Z covers: no Z at all,
	 * or sales after it. */
	for (size_t i = 0; p != APP_PERIOD_DAY && i < w->pending.n; i++) {
		int64_t seq = 0;
		if (db_journal_find(a->db, JOURNAL_CLOSE_DAY, w->pending.day[i], &seq) != DB_OK) {
			error_set(err, _("cannot read the journal: %s"), db_errmsg(a->db));
			return APP_IO;
		}
		if (!seq)
			closing_days_add(&w->late, w->pending.day[i]);
	}
	if (p != APP_PERIOD_DAY && w->late.n) {
		qsort(w->late.day, w->late.n, sizeof *w->late.day, closing_day_cmp);
		c->unclosed_days = xmalloc(w->late.n * sizeof *c->unclosed_days);
		memcpy(c->unclosed_days, w->late.day, w->late.n * sizeof *c->unclosed_days);
		c->nunclosed_days = w->late.n;
	}
	/* A period without records ends at the perpetual total before it. */
	if (!c->records && db_journal_perpetual_at(a->db, w->to, &c->gt_perpetual) != DB_OK) {
		error_set(err, _("cannot read the journal: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	/* The day's total as the journal ran it; a month or year adds its days. */
	c->gt_period = p == APP_PERIOD_DAY ? w->last_gt_day : w->amounts;
	return APP_OK;
}

/* The closing record, in a short write transaction. */
static int closing_write(struct app *a, enum app_period p, struct closing_walk *w, char **err)
{
	struct app_closing *c = w->c;
	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	/* Checked again under the write lock: two closings of one period
	 * cannot both pass. */
	int rc = closing_already(a, p, c->ref, err);
	if (rc == APP_OK)
		rc = closing_walk_run(a, w, 0, err);
	if (rc == APP_OK)
		rc = closing_finish(a, p, w, err);
	struct jbuf pl;
	jbuf_init(&pl);
	if (rc == APP_OK && closing_payload(c, &pl) != 0) {
		error_set(err, _("out of memory"));
		rc = APP_IO;
	}
	if (rc == APP_OK)
		rc = app_journal_append(a, closing_kinds[p], c->ref, 0, 0, pl.p, 0, err);
	jbuf_release(&pl);
	struct db_journal last;
	if (rc == APP_OK && db_journal_last(a->db, &last) == DB_OK)
		c->seq = last.seq;
	if (rc == APP_OK && db_commit(a->db, err) != DB_OK)
		rc = APP_IO;
	if (rc != APP_OK)
		db_rollback(a->db);
	return rc;
}

int app_close_period(struct app *a, enum app_period p, int64_t ref, struct app_closing *c,
                     char **err)
{
	memset(c, 0, sizeof *c);
	jsum_init(&c->sums);
	c->period = p;
	c->ref = ref;
	if (ref > app_period_current(p, 0)) {
		char when[16];
		app_period_format(p, ref, when, sizeof when);
		error_set(err, _("%s has not begun: it cannot be closed yet"), when);
		return APP_ERR;
	}
	if (app_require(a, RIGHT_CLOSING, err) != APP_OK)
		return APP_ERR;
	struct closing_walk w;
	memset(&w, 0, sizeof w);
	w.c = c;
	w.from = (int32_t)(p == APP_PERIOD_DAY ? ref : p == APP_PERIOD_MONTH ? ref * 100 + 1
	                                                                     : ref * 10000 + 101);
	w.to = (int32_t)(p == APP_PERIOD_DAY ? ref : p == APP_PERIOD_MONTH ? ref * 100 + 31
	                                                                   : ref * 10000 + 1231);
	w.next = 1;
	int rc = closing_read(a, p, &w, err);
	if (rc == APP_OK)
		rc = closing_write(a, p, &w, err);
	closing_walk_release(&w);
	app_require_done(a);
	if (rc != APP_OK)
		app_closing_release(c);
	return rc;
}
