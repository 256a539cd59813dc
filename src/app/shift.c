/* Shifts: opening with a counted float, cash in and out, the X report and
 * the counted close. The report is read from the journal records from the
 * shift's opening on; each operation writes its journal record in the same
 * transaction as its row. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "app-internal.h"
#include "auth.h"
#include "closing.h"
#include "fiscal.h"
#include "../../db/journal.h"
#include "../../db/shifts.h"
#include "../core/text.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

static int shift_int(const char *s, int64_t *out)
{
	char *end;
	*out = strtoll(s, &end, 10);
	return *s && !*end ? 0 : -1;
}

struct shift_walk {
	int64_t id;
	struct app_shift_report *r;
	int64_t next;     /* the record to read from */
	int done;         /* the shift's close was read */
	int bad;          /* a jread_error or -1 for a record not understood */
	int64_t bad_seq;
};

static int shift_step(const struct db_journal *j, void *ctx)
{
	struct shift_walk *w = ctx;
	struct app_shift_report *r = w->r;
	w->next = j->seq + 1;
	char buf[512];
	char *f[8];
	int64_t v;
	if (strcmp(j->kind, JOURNAL_SALE) == 0 || strcmp(j->kind, JOURNAL_RETURN) == 0) {
		struct jread_ticket t;
		int rc = jread_ticket_parse(j->payload, &t);
		if (rc == JREAD_OK && t.shift_id == w->id)
			rc = jsum_add(&r->sums, &t);
		jread_ticket_release(&t);
		if (rc != JREAD_OK) {
			w->next = j->seq;
			w->bad = rc;
			w->bad_seq = j->seq;
			return 1;
		}
		return 0;
	}
	if (j->ref != w->id)
		return 0;
	if (strcmp(j->kind, JOURNAL_SHIFT_OPEN) == 0) {
		if (jread_find(j->payload, "float", buf, sizeof buf, f, 8) != 2 ||
		    shift_int(f[1], &r->float_amount) != 0)
			goto bad;
		r->opened_at = j->at;
		strlcpy_safe(r->terminal, j->terminal, sizeof r->terminal);
		strlcpy_safe(r->user, j->user, sizeof r->user);
	} else if (strcmp(j->kind, JOURNAL_CASH_MOVE) == 0) {
		if (jread_find(j->payload, "move", buf, sizeof buf, f, 8) != 4 ||
		    shift_int(f[2], &v) != 0 || v <= 0)
			goto bad;
		if (strcmp(f[1], "in") == 0)
			r->cash_in += v;
		else if (strcmp(f[1], "out") == 0)
			r->cash_out += v;
		else
			goto bad;
		r->moves++;
	} else if (strcmp(j->kind, JOURNAL_SHIFT_CLOSE) == 0) {
		r->closed_at = j->at;
		w->done = 1;
		if (jread_find(j->payload, "counted", buf, sizeof buf, f, 8) == 2)
			shift_int(f[1], &r->counted);
		return 1;   /* nothing after its close belongs to the shift */
	}
	return 0;
bad:
	w->next = j->seq;
	w->bad = -1;
	w->bad_seq = j->seq;
	return 1;
}

/* Reads the records from w->next on into the report, within the caller's
 * transaction; then the drawer's expected cash. */
static int shift_walk_more(struct app *a, struct shift_walk *w, char **err)
{
	struct app_shift_report *r = w->r;
	int rc = w->done ? DB_OK : db_journal_each(a->db, w->next, 0, shift_step, w);
	if (w->bad) {
		error_set(err, _("journal record %lld cannot be read: %s"), (long long)w->bad_seq,
		          _(jread_strerror(w->bad == -1 ? JREAD_SYNTAX : w->bad)));
		return APP_IO;
	}
	if (rc < 0) {
		error_set(err, _("cannot read the journal: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	r->expected = r->float_amount + jsum_cash_net(&r->sums) + r->cash_in - r->cash_out;
	r->difference = r->counted - r->expected;
	return APP_OK;
}

/* Reads shift `id`'s report from its opening record on. */
static int shift_walk_start(struct app *a, int64_t id, struct app_shift_report *r,
                            struct shift_walk *w, char **err)
{
	memset(r, 0, sizeof *r);
	jsum_init(&r->sums);
	r->id = id;
	memset(w, 0, sizeof *w);
	w->id = id;
	w->r = r;
	if (db_journal_find(a->db, JOURNAL_SHIFT_OPEN, id, &w->next) != DB_OK) {
		error_set(err, _("cannot read the journal: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	if (w->next == 0) {
		error_set(err, _("shift %lld has no opening record in the journal"), (long long)id);
		return APP_NOTFOUND;
	}
	return shift_walk_more(a, w, err);
}

/* This terminal's open shift, inside the caller's transaction. */
static int shift_open_of(struct app *a, struct db_shift *s, char **err)
{
	int rc = db_shift_open_get(a->db, a->shop.terminal, s);
	if (rc == DB_NOTFOUND) {
		error_set(err, _("no shift is open on %s: open one with 'comptoir shift open "
		                 "--float AMOUNT'"), a->shop.terminal);
		return APP_NOTFOUND;
	}
	if (rc != DB_OK) {
		error_set(err, _("cannot read the shifts: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	return APP_OK;
}

/* The report of this terminal's open shift is read in a read transaction
 * (the tills sell on); then the write lock is taken and only the records
 * added since are read. On APP_OK the write transaction is open. */
static int shift_locked(struct app *a, struct db_shift *s, struct app_shift_report *r,
                        char **err)
{
	struct shift_walk w;
	if (db_exec(a->db, "BEGIN", err) != DB_OK)
		return APP_IO;
	int rc = shift_open_of(a, s, err);
	if (rc == APP_OK)
		rc = shift_walk_start(a, s->id, r, &w, err);
	db_exec(a->db, "COMMIT", NULL);
	if (rc != APP_OK)
		return rc;
	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	struct db_shift now;
	rc = shift_open_of(a, &now, err);
	if (rc == APP_OK && now.id != s->id) {
		error_set(err, _("shift %lld was closed meanwhile"), (long long)s->id);
		rc = APP_ERR;
	}
	if (rc == APP_OK)
		rc = shift_walk_more(a, &w, err);
	if (rc != APP_OK)
		db_rollback(a->db);
	return rc;
}

static int64_t shift_last_seq(struct app *a)
{
	struct db_journal last;
	return db_journal_last(a->db, &last) == DB_OK ? last.seq : 0;
}

/* Commits, or rolls back and passes rc on. */
static int shift_finish(struct app *a, int rc, char **err)
{
	if (rc == APP_OK && db_commit(a->db, err) != DB_OK)
		rc = APP_IO;
	if (rc != APP_OK)
		db_rollback(a->db);
	app_require_done(a);
	return rc;
}

int app_shift_open(struct app *a, money_t float_amount, struct app_shift_report *r, char **err)
{
	memset(r, 0, sizeof *r);
	if (float_amount < 0 || float_amount > MONEY_MAX) {
		error_set(err, _("the float is an amount of zero or more"));
		return APP_ERR;
	}
	if (!a->user[0] && app_has_users(a)) {
		error_set(err, _("log in to open a shift (--user NAME --pin PIN)"));
		return APP_ERR;
	}
	struct db_shift s;
	memset(&s, 0, sizeof s);
	strlcpy_safe(s.terminal, a->shop.terminal, sizeof s.terminal);
	strlcpy_safe(s.user, app_user_name(a), sizeof s.user);
	s.opened_at = (int64_t)time(NULL);
	s.float_amount = float_amount;
	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	struct db_shift old;
	int rc = db_shift_open_get(a->db, s.terminal, &old);
	if (rc == DB_OK) {
		db_rollback(a->db);
		error_set(err, _("shift %lld is already open on %s (opened by %s): close it first"),
		          (long long)old.id, old.terminal, old.user);
		return APP_ERR;
	}
	struct jbuf pl;
	jbuf_init(&pl);
	rc = rc == DB_NOTFOUND && db_shift_insert(a->db, &s, err) == DB_OK ? APP_OK : APP_IO;
	if (rc == APP_OK && journal_field_int(&pl, "float", float_amount) != 0)
		rc = APP_IO;
	if (rc == APP_OK)
		rc = app_journal_append(a, JOURNAL_SHIFT_OPEN, s.id, 0, 0, pl.p, s.opened_at, err);
	jbuf_release(&pl);
	if (rc == APP_OK) {
		r->id = s.id;
		strlcpy_safe(r->terminal, s.terminal, sizeof r->terminal);
		strlcpy_safe(r->user, s.user, sizeof r->user);
		r->opened_at = s.opened_at;
		r->float_amount = r->expected = float_amount;
		r->difference = -float_amount;
		r->seq = shift_last_seq(a);
	}
	return shift_finish(a, rc, err);
}

int app_shift_cash(struct app *a, money_t amount, const char *reason,
                   struct app_shift_report *r, char **err)
{
	memset(r, 0, sizeof *r);
	char why[APP_CASH_REASON_MAX * 4 + 1];
	int trc = text_clean(reason ? reason : "", why, sizeof why, APP_CASH_REASON_MAX);
	if (trc != TEXT_OK || !why[0]) {
		error_set(err, _("the reason is 1 to %d characters of text without control "
		                 "characters"), APP_CASH_REASON_MAX);
		return APP_ERR;
	}
	if (amount == 0 || amount > MONEY_MAX || amount < -MONEY_MAX) {
		error_set(err, _("the amount moved must be more than zero"));
		return APP_ERR;
	}
	int rq = app_require(a, RIGHT_CLOSING, err);
	if (rq != APP_OK)
		return rq;
	struct db_shift s;
	int rc = shift_locked(a, &s, r, err);
	if (rc != APP_OK) {
		app_require_done(a);
		return rc;
	}
	if (amount < 0 && -amount > r->expected) {
		char want[32], have[32];
		money_format(want, sizeof want, -amount, app_msg_money(a));
		money_format(have, sizeof have, r->expected, app_msg_money(a));
		error_set(err, _("cannot take %s out: the drawer should hold %s"), want, have);
		rc = APP_ERR;
	}
	int64_t now = (int64_t)time(NULL);
	if (rc == APP_OK && db_cash_move_insert(a->db, s.id, now, app_user_name(a), amount, why,
	                                        err) != DB_OK)
		rc = APP_IO;
	struct jbuf pl;
	jbuf_init(&pl);
	if (rc == APP_OK && journal_field(&pl, "move", "sis", amount > 0 ? "in" : "out",
	                                  (int64_t)(amount > 0 ? amount : -amount), why) != 0)
		rc = APP_IO;
	if (rc == APP_OK)
		rc = app_journal_append(a, JOURNAL_CASH_MOVE, s.id, 0, 0, pl.p, now, err);
	jbuf_release(&pl);
	if (rc == APP_OK) {
		if (amount > 0)
			r->cash_in += amount;
		else
			r->cash_out -= amount;
		r->moves++;
		r->expected += amount;
		r->seq = shift_last_seq(a);
	}
	return shift_finish(a, rc, err);
}

int64_t app_shift_current(struct app *a)
{
	struct db_shift s;
	return db_shift_open_get(a->db, a->shop.terminal, &s) == DB_OK ? s.id : 0;
}

int app_shift_x(struct app *a, int64_t id, struct app_shift_report *r, char **err)
{
	memset(r, 0, sizeof *r);
	int rq = app_require(a, RIGHT_CLOSING, err);
	if (rq != APP_OK)
		return rq;
	app_require_done(a);
	/* A read transaction: one consistent view while the tills sell on. */
	if (db_exec(a->db, "BEGIN", err) != DB_OK)
		return APP_IO;
	int rc = APP_OK;
	if (id == 0) {
		struct db_shift s;
		rc = shift_open_of(a, &s, err);
		id = s.id;
	} else {
		struct db_shift s;
		int g = db_shift_get(a->db, id, &s);
		if (g == DB_NOTFOUND) {
			error_set(err, _("no shift %lld"), (long long)id);
			rc = APP_NOTFOUND;
		} else if (g != DB_OK) {
			error_set(err, _("cannot read the shifts: %s"), db_errmsg(a->db));
			rc = APP_IO;
		}
	}
	struct shift_walk w;
	if (rc == APP_OK)
		rc = shift_walk_start(a, id, r, &w, err);
	db_exec(a->db, "COMMIT", NULL);
	return rc;
}

/* The shift_close record's payload: the report and the count. */
static int shift_close_payload(const struct app_shift_report *r, struct jbuf *pl)
{
	int bad = journal_field_int(pl, "float", r->float_amount);
	bad |= journal_field(pl, "moves", "iii", r->moves, r->cash_in, r->cash_out);
	bad |= jsum_write(&r->sums, pl);
	bad |= journal_field_int(pl, "expected", r->expected);
	bad |= journal_field_int(pl, "counted", r->counted);
	bad |= journal_field_int(pl, "difference", r->difference);
	for (size_t i = 0; i < r->count.n && !bad; i++)
		bad |= journal_field(pl, "denomination", "ii", r->count.value[i], r->count.count[i]);
	return bad ? -1 : 0;
}

static void shift_detail(const struct cash_count *c, char *out, size_t size)
{
	size_t len = 0;
	out[0] = '\0';
	for (size_t i = 0; i < c->n && len < size; i++) {
		int n = snprintf(out + len, size - len, "%s%lldx%lld", i ? "," : "",
		                 (long long)c->value[i], (long long)c->count[i]);
		if (n < 0)
			break;
		len += (size_t)n;
	}
}

int app_shift_close(struct app *a, const struct cash_count *count,
                    struct app_shift_report *r, char **err)
{
	memset(r, 0, sizeof *r);
	int rq = app_require(a, RIGHT_CLOSING, err);
	if (rq != APP_OK)
		return rq;
	/* The report is finished under the write lock: no sale can slip in
	 * between the expected amount and the close. */
	struct db_shift s;
	int rc = shift_locked(a, &s, r, err);
	if (rc != APP_OK) {
		app_require_done(a);
		return rc;
	}
	int64_t now = (int64_t)time(NULL);
	if (rc == APP_OK) {
		r->count = *count;
		r->counted = count->total;
		r->difference = r->counted - r->expected;
		r->closed_at = now;
		s.closed_at = now;
		s.expected = r->expected;
		s.counted = r->counted;
		shift_detail(count, s.counted_detail, sizeof s.counted_detail);
		if (db_shift_close(a->db, &s, err) != DB_OK)
			rc = APP_IO;
	}
	struct jbuf pl;
	jbuf_init(&pl);
	if (rc == APP_OK && shift_close_payload(r, &pl) != 0)
		rc = APP_IO;
	if (rc == APP_OK)
		rc = app_journal_append(a, JOURNAL_SHIFT_CLOSE, s.id, 0, 0, pl.p, now, err);
	jbuf_release(&pl);
	if (rc == APP_OK)
		r->seq = shift_last_seq(a);
	return shift_finish(a, rc, err);
}
