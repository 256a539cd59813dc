/* Appending to the journal: the next gapless number, the grand totals,
 * the canonical bytes (src/core/journal.c) and
 * hash = SHA-256(previous hash || canonical bytes), all inside the
 * transaction of the operation being recorded. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sodium.h>
#include "app-internal.h"
#include "auth.h"
#include "fiscal.h"
#include "../../db/catalog.h"
#include "../../db/journal.h"
#include "../../db/sales.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

#include "fiscal-internal.h"

void app_hash_excerpt(const char *hash, char out[9])
{
	strlcpy_safe(out, hash ? hash : "", 9);
}

/* hex(SHA-256(raw(prev_hex) || canonical)); prev_hex is 64 hex digits. */
int app_journal_hash(const char *prev_hex, const char *canonical, size_t len, char out[65])
{
	unsigned char prev[32], digest[32];
	size_t got = 0;
	if (sodium_hex2bin(prev, sizeof prev, prev_hex, strlen(prev_hex), NULL, &got, NULL) != 0 ||
	    got != sizeof prev)
		return -1;
	crypto_hash_sha256_state st;
	crypto_hash_sha256_init(&st);
	crypto_hash_sha256_update(&st, prev, sizeof prev);
	crypto_hash_sha256_update(&st, (const unsigned char *)canonical, len);
	crypto_hash_sha256_final(&st, digest);
	sodium_bin2hex(out, 65, digest, sizeof digest);
	return 0;
}

void app_journal_head_from(const struct db_journal *j, struct journal_head *h)
{
	memset(h, 0, sizeof *h);
	h->seq = j->seq;
	h->at = j->at;
	h->day = j->day;
	h->terminal = j->terminal;
	h->user = j->user;
	h->approver = j->approver;
	h->kind = j->kind;
	h->ref = j->ref;
	h->corrects = j->corrects;
	h->amount = j->amount;
	h->gt_perpetual = j->gt_perpetual;
	h->gt_day = j->gt_day;
}

int app_journal_append(struct app *a, const char *kind, int64_t ref, int64_t corrects,
                       int64_t amount, const char *payload, int64_t at, char **err)
{
	return app_journal_append_as(a, app_user_name(a), app_approver(a), kind, ref, corrects,
	                             amount, payload, at, err);
}

int app_journal_append_as(struct app *a, const char *user, const char *approver,
                          const char *kind, int64_t ref, int64_t corrects, int64_t amount,
                          const char *payload, int64_t at, char **err)
{
	struct db_journal last, j;
	memset(&j, 0, sizeof j);
	int rc = db_journal_last(a->db, &last);
	if (rc != DB_OK && rc != DB_NOTFOUND) {
		error_set(err, _("cannot read the journal: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	j.seq = rc == DB_OK ? last.seq + 1 : 1;
	j.at = at ? at : (int64_t)time(NULL);
	j.day = app_today(j.at);
	strlcpy_safe(j.terminal, a->shop.terminal, sizeof j.terminal);
	strlcpy_safe(j.user, user, sizeof j.user);
	strlcpy_safe(j.approver, approver, sizeof j.approver);
	strlcpy_safe(j.kind, kind, sizeof j.kind);
	j.ref = ref;
	j.corrects = corrects;
	j.amount = amount;
	strlcpy_safe(j.prev_hash, rc == DB_OK ? last.hash : APP_ZERO_HASH, sizeof j.prev_hash);

	struct journal_head h, prev;
	app_journal_head_from(&j, &h);
	if (rc == DB_OK)
		app_journal_head_from(&last, &prev);
	journal_totals(rc == DB_OK ? &prev : NULL, &h);
	j.gt_perpetual = h.gt_perpetual;
	j.gt_day = h.gt_day;
	struct jbuf canon;
	jbuf_init(&canon);
	size_t plen = payload ? strlen(payload) : 0;
	if (journal_canonical(&h, payload, plen, &canon) != 0 ||
	    app_journal_hash(j.prev_hash, canon.p, canon.len, j.hash) != 0) {
		jbuf_release(&canon);
		error_set(err, _("cannot build the journal record"));
		return APP_IO;
	}
	j.payload = (char *)(payload ? payload : "");
	j.canonical = canon.p;
	rc = db_journal_insert(a->db, &j, err);
	jbuf_release(&canon);
	return rc == DB_OK ? APP_OK : APP_IO;
}

int app_ticket_payload(struct app *a, int64_t number, struct jbuf *out, char **err)
{
	struct db_ticket t;
	int rc = db_ticket_get(a->db, number, &t);
	if (rc == DB_NOTFOUND) {
		error_set(err, _("ticket %lld is missing"), (long long)number);
		return APP_NOTFOUND;
	}
	if (rc != DB_OK) {
		error_set(err, _("cannot read ticket %lld: %s"), (long long)number, db_errmsg(a->db));
		return APP_IO;
	}
	struct db_ticket_line *lines = NULL;
	struct db_payment *pays = NULL;
	size_t nl = 0, np = 0;
	if (db_ticket_lines(a->db, t.id, &lines, &nl) != DB_OK ||
	    db_ticket_payments(a->db, t.id, &pays, &np) != DB_OK) {
		free(lines);
		free(pays);
		error_set(err, _("cannot read ticket %lld: %s"), (long long)number, db_errmsg(a->db));
		return APP_IO;
	}
	out->len = 0;
	int bad = journal_field(out, "ticket", "isiissi", (int64_t)t.number, t.kind,
	                        (int64_t)t.original_number, (int64_t)t.created_at, t.terminal,
	                        t.user, (int64_t)t.shift_id);
	bad |= journal_field(out, "customer", "ssss", t.customer_code, t.customer_name, t.tax_exempt,
	                     t.approver);
	bad |= journal_field(out, "totals", "iiiiiiii", (int64_t)t.prices_include_tax, t.total,
	                     t.net, t.tax, t.discount, t.paid, t.change, t.rounding);
	for (size_t i = 0; i < nl && !bad; i++) {
		const struct db_ticket_line *l = &lines[i];
		bad |= journal_field(out, "line", "iissiiiiiiiiiiiiiisiss", (int64_t)l->line_no,
		                     l->product_id, l->sku, l->name, l->qty, (int64_t)l->weighed,
		                     l->unit_price, (int64_t)l->discount_pct, l->amount, l->discount,
		                     (int64_t)l->tax_rate, l->net, l->tax, l->gross,
		                     (int64_t)l->voided, l->cgst, l->sgst, l->igst, l->price_source,
		                     (int64_t)l->orig_line, l->disposition, l->override_reason);
	}
	for (size_t i = 0; i < np && !bad; i++)
		bad |= journal_field(out, "pay", "sis", pays[i].method, pays[i].amount,
		                     pays[i].reference);
	free(lines);
	free(pays);
	if (bad) {
		error_set(err, _("out of memory"));
		return APP_IO;
	}
	return APP_OK;
}

int app_journal_ticket(struct app *a, int64_t number, int64_t corrects, char **err)
{
	struct db_ticket t;
	if (db_ticket_get(a->db, number, &t) != DB_OK) {
		error_set(err, _("cannot read ticket %lld: %s"), (long long)number, db_errmsg(a->db));
		return APP_IO;
	}
	struct jbuf pl;
	jbuf_init(&pl);
	int rc = app_ticket_payload(a, number, &pl, err);
	if (rc == APP_OK)
		rc = app_journal_append(a, strcmp(t.kind, "return") == 0 ? JOURNAL_RETURN : JOURNAL_SALE,
		                        number, corrects, t.total, pl.p, t.created_at, err);
	jbuf_release(&pl);
	return rc;
}

int app_journal_start(struct app *a, char **err)
{
	char pending[8];
	if (db_setting_get(a->db, "journal_start_pending", pending, sizeof pending) != DB_OK ||
	    strcmp(pending, "1") != 0)
		return APP_OK;
	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	/* Another process may have written it while this one waited. */
	struct db_journal last;
	int64_t max_number = 0, count = 0;
	int rc = db_setting_get(a->db, "journal_start_pending", pending, sizeof pending);
	if (rc != DB_OK || strcmp(pending, "1") != 0 || db_journal_last(a->db, &last) == DB_OK) {
		db_rollback(a->db);
		return APP_OK;
	}
	struct jbuf pl;
	jbuf_init(&pl);
	rc = db_ticket_span(a->db, &max_number, &count) != DB_OK ||
	     journal_field(&pl, "earlier_tickets", "ii", count, max_number) != 0 ||
	     db_setting_set(a->db, "journal_start_pending", "0", err) != DB_OK
	     ? APP_IO
	     : app_journal_append(a, JOURNAL_START, max_number, 0, 0, pl.p, 0, err);
	jbuf_release(&pl);
	if (rc != APP_OK || db_commit(a->db, err) != DB_OK) {
		db_rollback(a->db);
		if (err && !*err)
			error_set(err, _("cannot start the journal: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	return APP_OK;
}
