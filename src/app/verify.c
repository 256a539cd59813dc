/* comptoir verify: reads the journal from its first record, recomputes each
 * record's canonical bytes from its columns (and, for sales and returns,
 * from the ticket as the database holds it now), its hash and grand
 * totals, and names the first record that does not match. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app-internal.h"
#include "fiscal.h"
#include "fiscal-internal.h"
#include "../../db/journal.h"
#include "../../db/stock.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

struct verify_walk {
	struct app *a;
	struct app_verify_result *res;
	int64_t expect;            /* the seq the next record must carry */
	struct db_journal prev;    /* texts not kept */
	int have_prev;
	int io;                    /* a read failed (not a broken record) */
	int64_t before;            /* tickets up to this one were sold before the journal */
	char *err;
};

static int verify_broken(struct verify_walk *w, int64_t seq, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int verify_broken(struct verify_walk *w, int64_t seq, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	w->res->broken_seq = seq;
	vsnprintf(w->res->why, sizeof w->res->why, fmt, ap);
	va_end(ap);
	return 1;
}

static int verify_record(const struct db_journal *j, void *ctx)
{
	struct verify_walk *w = ctx;
	struct app_verify_result *res = w->res;
	res->records++;
	if (j->seq != w->expect)
		return verify_broken(w, w->expect,
		                     _("record %lld is missing: the journal goes from %lld to %lld"),
		                     (long long)w->expect, (long long)(w->expect - 1),
		                     (long long)j->seq);
	const char *prev_hash = w->have_prev ? w->prev.hash : APP_ZERO_HASH;
	if (strcmp(j->prev_hash, prev_hash) != 0)
		return verify_broken(w, j->seq,
		                     _("record %lld does not follow record %lld (its previous hash "
		                       "differs)"), (long long)j->seq, (long long)(j->seq - 1));
	if (j->seq == 1 && strcmp(j->kind, JOURNAL_START) == 0)
		w->before = j->ref;
	struct journal_head h, ph;
	app_journal_head_from(j, &h);
	struct journal_head want = h;
	if (w->have_prev)
		app_journal_head_from(&w->prev, &ph);
	journal_totals(w->have_prev ? &ph : NULL, &want);
	if (want.gt_perpetual != j->gt_perpetual || want.gt_day != j->gt_day)
		return verify_broken(w, j->seq,
		                     _("record %lld: its grand totals do not add up (perpetual %lld, "
		                       "expected %lld; day %lld, expected %lld)"), (long long)j->seq,
		                     (long long)j->gt_perpetual, (long long)want.gt_perpetual,
		                     (long long)j->gt_day, (long long)want.gt_day);
	/* The payload of a sale or return is the ticket as it stands now. */
	struct jbuf pl;
	jbuf_init(&pl);
	const char *payload = j->payload;
	size_t plen = strlen(j->payload);
	int is_ticket = strcmp(j->kind, JOURNAL_SALE) == 0 || strcmp(j->kind, JOURNAL_RETURN) == 0;
	if (is_ticket) {
		char *why = NULL;
		int rc = app_ticket_payload(w->a, j->ref, &pl, &why);
		if (rc == APP_NOTFOUND) {
			free(why);
			jbuf_release(&pl);
			return verify_broken(w, j->seq, _("record %lld (%s): ticket %lld is missing"),
			                     (long long)j->seq, j->kind, (long long)j->ref);
		}
		if (rc != APP_OK) {
			w->err = why;
			w->io = 1;
			jbuf_release(&pl);
			return 1;
		}
		res->tickets++;
		if (pl.len != plen || memcmp(pl.p, j->payload, plen) != 0) {
			jbuf_release(&pl);
			return verify_broken(w, j->seq,
			                     _("record %lld (%s): ticket %lld was changed after it was "
			                       "recorded"), (long long)j->seq, j->kind, (long long)j->ref);
		}
		payload = pl.p;
	}
	struct jbuf canon;
	jbuf_init(&canon);
	int bad = journal_canonical(&h, payload, plen, &canon);
	jbuf_release(&pl);
	if (bad) {
		w->io = 1;
		w->err = xstrdup(_("out of memory"));
		return 1;
	}
	int changed = strcmp(canon.p, j->canonical) != 0;
	char hash[65];
	int hbad = app_journal_hash(j->prev_hash, j->canonical, strlen(j->canonical), hash);
	jbuf_release(&canon);
	if (changed)
		return verify_broken(w, j->seq, _("record %lld (%s) was changed: its fields differ "
		                                  "from its recorded bytes"), (long long)j->seq,
		                     j->kind);
	if (hbad || strcmp(hash, j->hash) != 0)
		return verify_broken(w, j->seq, _("record %lld (%s): its hash does not match its "
		                                  "bytes"), (long long)j->seq, j->kind);
	w->prev = *j;
	w->prev.payload = w->prev.canonical = NULL;
	w->have_prev = 1;
	w->expect++;
	return 0;
}

int app_verify(struct app *a, struct app_verify_result *res, char **err)
{
	memset(res, 0, sizeof *res);
	struct verify_walk w = { .a = a, .res = res, .expect = 1 };
	/* One read transaction: a consistent snapshot while the tills sell on. */
	if (db_exec(a->db, "BEGIN", err) != DB_OK)
		return APP_IO;
	int rc = db_journal_each(a->db, 1, 0, verify_record, &w);
	int64_t uncovered = 0, max_number = 0, count = 0;
	if (rc == DB_OK && !res->broken_seq &&
	    (db_journal_uncovered_ticket(a->db, w.before, &uncovered) != DB_OK ||
	     db_ticket_span(a->db, &max_number, &count) != DB_OK))
		rc = DB_ERROR;
	/* The stock is the sum of its movements. */
	struct db_stock_drift drift;
	size_t ndrift = 0;
	char *serr = NULL;
	if (rc == DB_OK && db_stock_drifts(a->db, &drift, 1, &ndrift, &serr) != DB_OK) {
		free(serr);
		rc = DB_ERROR;
	}
	db_exec(a->db, "COMMIT", NULL);
	if (w.io) {
		*err = w.err;
		return APP_IO;
	}
	if (rc < 0) {
		error_set(err, _("cannot read the journal: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	if (res->broken_seq)
		return APP_ERR;
	if (uncovered) {
		snprintf(res->why, sizeof res->why,
		         _("ticket %lld has no journal record (it was written outside comptoir)"),
		         (long long)uncovered);
		res->broken_seq = -uncovered;
		return APP_ERR;
	}
	if (count != max_number) {
		snprintf(res->why, sizeof res->why,
		         _("ticket numbers have a gap: %lld tickets up to number %lld"),
		         (long long)count, (long long)max_number);
		res->broken_seq = -1;
		return APP_ERR;
	}
	if (ndrift) {
		snprintf(res->why, sizeof res->why,
		         _("the stock of %s at %s is %lld but its movements add up to %lld "
		           "(%zu such rows; the stock table was written outside comptoir)"),
		         drift.sku, drift.location, (long long)drift.stock, (long long)drift.moves,
		         ndrift);
		res->broken_seq = -1;
		return APP_ERR;
	}
	if (w.have_prev) {
		res->gt_perpetual = w.prev.gt_perpetual;
		strlcpy_safe(res->last_hash, w.prev.hash, sizeof res->last_hash);
	}
	return APP_OK;
}
