/* comptoir verify: reads the journal from its first record, recomputes each
 * record's canonical bytes from its columns (and, for sales and returns,
 * from the ticket as the database holds it now; for the desk's invoices,
 * credit notes and payments, from the document or payment as it stands),
 * its hash and grand totals, and names the first record that does not
 * match, then any posted invoice, credit note or payment without one. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app-internal.h"
#include "documents-internal.h"
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
	struct verify_doc *docs;   /* the desk's documents met in the journal */
	size_t ndocs;
};

/* An invoice ('i'), credit note ('c') or payment ('p') with a record. */
struct verify_doc {
	char kind;
	int32_t year;
	int64_t number;
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

static void verify_seen(struct verify_walk *w, char kind, int32_t year, int64_t number)
{
	w->docs = xrealloc(w->docs, (w->ndocs + 1) * sizeof *w->docs);
	w->docs[w->ndocs++] = (struct verify_doc){ kind, year, number };
}

static int verify_doc_cmp(const void *x, const void *y)
{
	const struct verify_doc *a = x, *b = y;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	return a->number < b->number ? -1 : a->number > b->number;
}

/* After the walk (w->docs sorted by verify_desk_unrecorded). */
static int verify_was_seen(const struct verify_walk *w, char kind, int32_t year, int64_t number)
{
	struct verify_doc key = { kind, year, number };
	return w->ndocs && bsearch(&key, w->docs, w->ndocs, sizeof *w->docs, verify_doc_cmp);
}

/* An invoice's or credit note's record holds the document as doc_journal
 * wrote it: the document as it stands now must give the same payload. A
 * payment's first line is the payment (its allocations follow). */
static int verify_desk_record(struct verify_walk *w, const struct db_journal *j)
{
	int inv = strcmp(j->kind, DOC_JOURNAL_INVOICE) == 0;
	int cred = strcmp(j->kind, DOC_JOURNAL_CREDIT) == 0;
	int pay = strcmp(j->kind, DOC_JOURNAL_PAYMENT) == 0;
	if (!inv && !cred && !pay)
		return 0;
	struct app *a = w->a;
	long long year = 0, number = 0;
	const char *kind = inv ? "invoice" : cred ? "credit" : "payment";
	char name[40];
	int parsed = pay ? sscanf(j->payload, "payment %lld", &number) == 1
	                 : sscanf(j->payload, "%*s %lld %lld", &year, &number) == 2;
	if (pay)
		snprintf(name, sizeof name, _("payment %lld"), number);
	else
		snprintf(name, sizeof name, "%s %lld-%lld", inv ? _("invoice") : _("credit note"),
		         year, number);
	if (!parsed)
		return verify_broken(w, j->seq, _("record %lld (%s) names no document"),
		                     (long long)j->seq, j->kind);
	struct db_desk_customer cu;
	struct jbuf pl;
	jbuf_init(&pl);
	int same = 0, found;
	if (pay) {
		struct db_cpayment p;
		found = db_cpayment_find(a->db, number, &p);
		if (found == DB_OK && db_desk_customer_by_id(a->db, p.customer_id, &cu) == DB_OK &&
		    journal_field(&pl, "payment", "isiis", p.number, cu.code, (int64_t)p.day, p.amount,
		                  p.method) == 0)
			same = strncmp(j->payload, pl.p, pl.len) == 0;
	} else {
		struct db_doc d;
		found = db_doc_find(a->db, kind, (int32_t)year, number, &d);
		if (found == DB_OK && db_desk_customer_by_id(a->db, d.customer_id, &cu) == DB_OK &&
		    doc_journal_payload(a, &d, cu.code, &pl) == 0)
			same = strcmp(j->payload, pl.p) == 0;
	}
	jbuf_release(&pl);
	if (found == DB_NOTFOUND)
		return verify_broken(w, j->seq, _("record %lld (%s): %s is missing"),
		                     (long long)j->seq, j->kind, name);
	if (!same)
		return verify_broken(w, j->seq, _("record %lld (%s): %s does not match its journal "
		                                  "record (it was changed after it was recorded)"),
		                     (long long)j->seq, j->kind, name);
	verify_seen(w, pay ? 'p' : inv ? 'i' : 'c', (int32_t)year, number);
	return 0;
}

struct verify_unrecorded {
	struct verify_walk *w;
	char kind;
	char name[48];
};

static int verify_doc_recorded(const struct db_doc *d, void *arg)
{
	struct verify_unrecorded *u = arg;
	if (strcmp(d->status, "draft") == 0 || verify_was_seen(u->w, u->kind, d->year, d->number))
		return 0;
	snprintf(u->name, sizeof u->name, "%s %d-%lld", u->kind == 'i' ? _("invoice")
	                                                                : _("credit note"),
	         (int)d->year, (long long)d->number);
	return 1;
}

static int verify_pay_recorded(const struct db_cpayment *p, void *arg)
{
	struct verify_unrecorded *u = arg;
	if (verify_was_seen(u->w, 'p', 0, p->number))
		return 0;
	snprintf(u->name, sizeof u->name, _("payment %lld"), (long long)p->number);
	return 1;
}

/* The first posted invoice, credit note or payment that no record holds:
 * 1 and its name in u->name, 0 when none, <0 on a read error. */
static int verify_desk_unrecorded(struct verify_walk *w, struct verify_unrecorded *u)
{
	u->w = w;
	if (w->ndocs)
		qsort(w->docs, w->ndocs, sizeof *w->docs, verify_doc_cmp);
	u->kind = 'i';
	int rc = db_docs_of_kind(w->a->db, "invoice", verify_doc_recorded, u);
	if (rc == 0) {
		u->kind = 'c';
		rc = db_docs_of_kind(w->a->db, "credit", verify_doc_recorded, u);
	}
	if (rc == 0)
		rc = db_cpayments_each(w->a->db, verify_pay_recorded, u);
	return rc;
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
	if (verify_desk_record(w, j))
		return 1;
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
	struct verify_unrecorded u = { .name = "" };
	int unrec = rc == DB_OK && !res->broken_seq && !w.io ? verify_desk_unrecorded(&w, &u) : 0;
	if (unrec < 0)
		rc = DB_ERROR;
	free(w.docs);
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
	if (unrec > 0) {
		snprintf(res->why, sizeof res->why,
		         _("%s has no journal record (it was written outside comptoir)"), u.name);
		res->broken_seq = -1;
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
