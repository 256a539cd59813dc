/* Committing a sale: one short BEGIN IMMEDIATE transaction writes the
 * ticket, its lines and payments, the stock decrements and the receipt job;
 * printing happens after the commit, so a printer never loses a sale. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sodium.h>
#include "app-internal.h"
#include "auth.h"
#include "documents.h"
#include "documents-internal.h"
#include "fiscal.h"
#include "printing.h"
#include "receipt.h"
#include "returns.h"
#include "ticket.h"
#include "../../db/catalog.h"
#include "../../db/prices.h"
#include "../../db/sales.h"
#include "../../db/shifts.h"
#include "../../drivers/transport.h"
#include "../core/pricing.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

static int app_key_valid(const char *key)
{
	if (!key || strlen(key) != 32)
		return 0;
	for (const char *p = key; *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
			return 0;
	return 1;
}

static void app_result_from(struct app_sale_result *res, const struct db_ticket *t)
{
	res->number = t->number;
	res->total = t->total;
	res->change = t->change;
	res->rounding = t->rounding;
}

static const char *app_source_name(int source)
{
	switch (source) {
	case PRICE_FROM_CONTRACT: return "contract";
	case PRICE_FROM_LIST: return "list";
	case PRICE_FROM_DERIVED: return "derived";
	case PRICE_FROM_CATALOGUE: return "catalogue";
	case PRICE_FROM_PROMO: return "promotion";
	case PRICE_FROM_OVERRIDE: return "override";
	default: return "";
	}
}

static void app_line_from(struct db_ticket_line *dl, const struct cart_line *l)
{
	memset(dl, 0, sizeof *dl);
	dl->product_id = l->item.product_id;
	strlcpy_safe(dl->sku, l->item.sku, sizeof dl->sku);
	strlcpy_safe(dl->name, l->item.name, sizeof dl->name);
	dl->qty = l->qty;
	dl->weighed = l->item.weighed;
	dl->unit_price = l->item.unit_price;
	dl->discount_pct = l->discount_pct;
	dl->amount = l->voided ? 0 : l->amount;
	dl->discount = l->voided ? 0 : l->discount;
	dl->tax_rate = l->item.tax_rate;
	dl->net = l->voided ? 0 : l->net;
	dl->tax = l->voided ? 0 : l->tax;
	dl->gross = l->voided ? 0 : l->gross;
	dl->voided = l->voided;
	strlcpy_safe(dl->price_source,
	             l->item.price_fixed ? "barcode" : app_source_name(l->item.price_source),
	             sizeof dl->price_source);
}

/* India: each line's tax stored as CGST + SGST (the buyer in the shop's
 * state, or a walk-in) or IGST (another state). */
static int app_line_gst(struct app *a, struct db_ticket_line *dl, const char *buyer_state,
                        char **err)
{
	if (dl->voided)
		return APP_OK;
	return app_gst_parts(a, dl->tax, dl->sku, buyer_state, &dl->cgst, &dl->sgst, &dl->igst, err);
}

/* B2E: an employee's tickets this calendar month may not pass their limit.
 * Checked inside the sale's transaction, so two tills cannot both pass it. */
static int app_employee_limit(struct app *a, const char *code, money_t total, int64_t now,
                              char **err)
{
	struct db_customer dc;
	int rc = db_customer_full(a->db, code, &dc);
	if (rc != DB_OK) {
		error_set(err, _("cannot read the customer: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	if (dc.monthly_limit <= 0)
		return APP_OK;
	time_t t = (time_t)now;
	struct tm tm;
	localtime_r(&t, &tm);
	tm.tm_mday = 1;
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	tm.tm_isdst = -1;
	int64_t since = (int64_t)mktime(&tm), spent = 0;
	if (db_customer_spent_since(a->db, dc.id, since, &spent) != DB_OK) {
		error_set(err, _("cannot read the customer's tickets: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	if (spent + total > dc.monthly_limit) {
		char lim[48], sp[48], tot[48];
		money_format(lim, sizeof lim, dc.monthly_limit, app_msg_money(a));
		money_format(sp, sizeof sp, spent, app_msg_money(a));
		money_format(tot, sizeof tot, total, app_msg_money(a));
		error_set(err, _("%s's monthly limit is %s: %s spent this month, this ticket %s"),
		          dc.name, lim, sp, tot);
		return APP_ERR;
	}
	return APP_OK;
}

/* The decisions taken by right on the ticket, one journal record each,
 * naming who took them and who approved. */
static int app_sale_manual_records(struct app *a, const struct app_sale *s,
                                   const struct db_ticket *t, char **err)
{
	for (size_t i = 0; i < s->nmanual; i++) {
		const struct app_ticket_manual *m = &s->manual[i];
		struct jbuf pl;
		jbuf_init(&pl);
		const char *kind = JOURNAL_OVERRIDE;
		int bad;
		if (m->kind == APP_MANUAL_PRICE) {
			bad = journal_field(&pl, "price", "siis", m->sku, m->was, m->price, m->reason);
		} else if (m->kind == APP_MANUAL_DISCOUNT) {
			kind = JOURNAL_DISCOUNT;
			bad = journal_field(&pl, "discount", "sis", m->sku, (int64_t)m->pct, m->reason);
		} else {
			bad = journal_field(&pl, "rules_waived", "ss", m->sku, m->reason);
		}
		int rc = bad ? APP_IO
		             : app_journal_append_as(a, m->user, m->approver, kind, t->number, 0, 0,
		                                     pl.p, t->created_at, err);
		jbuf_release(&pl);
		if (rc != APP_OK)
			return rc;
	}
	return APP_OK;
}

/* Everything the sale writes, inside the caller's transaction. */
static int app_sale_write(struct app *a, const struct app_sale *s, int64_t customer_id,
                          const struct tender_state *ts, struct db_ticket *t,
                          int64_t *job_id, char **err)
{
	const struct cart *c = s->cart;
	struct db_customer dc;
	memset(&dc, 0, sizeof dc);
	if (customer_id && db_customer_full(a->db, s->customer_code, &dc) != DB_OK)
		return APP_IO;
	strlcpy_safe(t->tax_exempt, dc.tax_exempt, sizeof t->tax_exempt);
	strlcpy_safe(t->customer_name, dc.name, sizeof t->customer_name);
	/* The terminal's open shift, 0 when none: selling needs no shift. */
	if (db_shift_open_id(a->db, a->shop.terminal, &t->shift_id) != DB_OK)
		return APP_IO;
	if (db_ticket_next_number(a->db, &t->number, err) != DB_OK)
		return APP_IO;
	money_t paid = 0;
	for (size_t i = 0; i < s->tender->n; i++)
		paid += s->tender->pay[i].amount;
	t->total = c->total_gross;
	t->net = c->total_net;
	t->tax = c->total_tax;
	t->discount = c->total_discount;
	t->paid = paid;
	t->change = ts->change;
	t->rounding = ts->rounding;
	t->prices_include_tax = c->inclusive;
	if (db_ticket_insert(a->db, t, customer_id, err) != DB_OK)
		return APP_IO;
	for (size_t i = 0; i < c->n; i++) {
		struct db_ticket_line dl;
		app_line_from(&dl, &c->lines[i]);
		for (size_t k = 0; k < s->nmanual; k++)
			if (s->manual[k].kind == APP_MANUAL_PRICE &&
			    s->manual[k].product_id == dl.product_id)
				strlcpy_safe(dl.override_reason, s->manual[k].reason,
				             sizeof dl.override_reason);
		if (app_line_gst(a, &dl, dc.state, err) != APP_OK)
			return APP_ERR;
		if (db_ticket_line_insert(a->db, t->id, (int)i + 1, &dl, err) != DB_OK)
			return APP_IO;
		int rc = dl.voided ? APP_OK
		                   : app_stock_take(a, dl.product_id, a->location_id, dl.qty, "sale",
		                                    err, "ticket %lld", (long long)t->number);
		if (rc != APP_OK)
			return rc;
	}
	for (size_t i = 0; i < s->tender->n; i++) {
		struct db_payment p;
		memset(&p, 0, sizeof p);
		strlcpy_safe(p.method, pay_method_name(s->tender->pay[i].method), sizeof p.method);
		p.amount = s->tender->pay[i].amount;
		strlcpy_safe(p.reference, s->tender->pay[i].reference, sizeof p.reference);
		if (db_payment_insert(a->db, t->id, (int)i + 1, &p, err) != DB_OK)
			return APP_IO;
	}
	if (app_store_credit_spend(a, s->tender, err) != APP_OK)
		return APP_ERR;
	if (app_journal_ticket(a, t->number, 0, err) != APP_OK ||
	    app_sale_manual_records(a, s, t, err) != APP_OK)
		return APP_IO;
	if (a->shop.printer[0] &&
	    db_print_job_add(a->db, t->id, a->shop.printer, 0, t->created_at, job_id, err) != DB_OK)
		return APP_IO;
	return APP_OK;
}

/* A digest of what the sale holds: customer, lines, payments. The same key
 * committed again must carry the same contents. */
static void app_sale_digest(const struct app_sale *s, char out[65])
{
	crypto_generichash_state h;
	crypto_generichash_init(&h, NULL, 0, 32);
	const char *cust = s->customer_code ? s->customer_code : "";
	crypto_generichash_update(&h, (const unsigned char *)cust, strlen(cust) + 1);
	for (size_t i = 0; i < s->cart->n; i++) {
		const struct cart_line *l = &s->cart->lines[i];
		int64_t v[5] = { l->item.product_id, l->qty, l->item.unit_price, l->voided,
		                 l->discount_pct };
		crypto_generichash_update(&h, (const unsigned char *)v, sizeof v);
	}
	for (size_t i = 0; i < s->tender->n; i++) {
		int64_t v[2] = { s->tender->pay[i].method, s->tender->pay[i].amount };
		crypto_generichash_update(&h, (const unsigned char *)v, sizeof v);
	}
	unsigned char raw[32];
	crypto_generichash_final(&h, raw, sizeof raw);
	sodium_bin2hex(out, 65, raw, sizeof raw);
}

static int app_sale_check(const struct app_sale *s, struct tender_state *ts, char **err)
{
	if (!s->cart || cart_count(s->cart) == 0) {
		error_set(err, _("the ticket has no lines"));
		return APP_ERR;
	}
	if (!app_key_valid(s->idem_key)) {
		error_set(err, _("the sale has no valid idempotency key"));
		return APP_ERR;
	}
	if (s->tender->due != s->cart->total_gross) {
		error_set(err, _("the payment was taken for another total"));
		return APP_ERR;
	}
	tender_state(s->tender, ts);
	if (!ts->complete) {
		error_set(err, _("the ticket is not fully paid"));
		return APP_ERR;
	}
	for (size_t i = 0; i < s->tender->n; i++)
		if (s->tender->pay[i].method == PAY_ACCOUNT &&
		    !(s->customer_code && *s->customer_code)) {
			error_set(err, _("a sale on account needs a customer: attach one first"));
			return APP_ERR;
		}
	return APP_OK;
}

int app_sale_commit(struct app *a, const struct app_sale *s, struct app_sale_result *res,
                    char **err)
{
	memset(res, 0, sizeof *res);
	struct tender_state ts;
	if (app_sale_check(s, &ts, err) != APP_OK)
		return APP_ERR;
	int64_t customer_id = 0;
	if (s->customer_code && *s->customer_code &&
	    db_customer_get(a->db, s->customer_code, &customer_id, NULL, 0) != DB_OK) {
		error_set(err, _("unknown customer %s"), s->customer_code);
		return APP_NOTFOUND;
	}
	struct db_ticket t;
	memset(&t, 0, sizeof t);
	strlcpy_safe(t.idem_key, s->idem_key, sizeof t.idem_key);
	app_sale_digest(s, t.content_hash);
	t.created_at = s->now ? s->now : (int64_t)time(NULL);
	strlcpy_safe(t.terminal, a->shop.terminal, sizeof t.terminal);
	strlcpy_safe(t.user, s->user && *s->user ? s->user : app_user_name(a), sizeof t.user);

	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	struct db_ticket old;
	int rc = db_ticket_by_key(a->db, s->idem_key, &old);
	if (rc == DB_OK) {
		/* An earlier attempt committed: hand back its ticket, if it is the
		 * same sale. */
		db_rollback(a->db);
		if (strcmp(old.content_hash, t.content_hash) != 0) {
			error_set(err, _("key %s was already used for ticket %lld, which holds another "
			                 "sale; nothing was recorded"), s->idem_key, (long long)old.number);
			return APP_ERR;
		}
		app_result_from(res, &old);
		res->replayed = 1;
		return APP_OK;
	}
	int64_t job_id = 0;
	money_t on_account = 0;
	for (size_t i = 0; i < s->tender->n; i++)
		if (s->tender->pay[i].method == PAY_ACCOUNT)
			on_account += s->tender->pay[i].amount;
	if (rc == DB_NOTFOUND && customer_id) {
		int lim = app_employee_limit(a, s->customer_code, s->cart->total_gross, t.created_at, err);
		/* On account: the desk's credit rules (hold, overdue, limit). */
		int approved = 0;
		if (lim == APP_OK && on_account > 0) {
			lim = app_credit_allow(a, customer_id, on_account, &approved, err);
			if (approved)
				strlcpy_safe(t.approver, app_approver(a), sizeof t.approver);
			app_require_done(a);
		}
		if (lim != APP_OK) {
			db_rollback(a->db);
			return lim;
		}
	}
	int wrc = rc == DB_NOTFOUND ? app_sale_write(a, s, customer_id, &ts, &t, &job_id, err)
	                            : APP_IO;
	/* Money paid in advance or credited meets the on-account ticket, as it
	 * meets an invoice. */
	if (wrc == APP_OK && customer_id && on_account > 0)
		wrc = doc_settle(a, customer_id, err);
	if (wrc == APP_ERR) {
		db_rollback(a->db);
		return APP_ERR;
	}
	if (wrc != APP_OK) {
		error_set(err, _("the sale was not recorded: %s"), db_errmsg(a->db));
		db_rollback(a->db);
		return APP_IO;
	}
	if (db_commit(a->db, err) != DB_OK) {
		db_rollback(a->db);
		return APP_IO;
	}
	app_result_from(res, &t);
	char *why = NULL;
	if (job_id && app_print_job(a, job_id, NULL, &why) != APP_OK) {
		res->print_status = -1;
		strlcpy_safe(res->print_error, why ? why : _("printing failed"),
		             sizeof res->print_error);
	}
	free(why);
	why = NULL;
	/* The drawer opens on cash whether or not the receipt printed: the
	 * cashier has change to give. */
	if (ts.cash > 0 && a->shop.drawer_pin && app_drawer_kick(a, &why) != APP_OK) {
		res->drawer_status = -1;
		strlcpy_safe(res->drawer_error, why ? why : "?", sizeof res->drawer_error);
	}
	free(why);
	return APP_OK;
}

int app_printer_check(const char *uri, char **err)
{
	if (strlen(uri) >= sizeof ((struct app_shop *)0)->printer) {
		error_set(err, _("printer URI longer than %zu bytes"),
		          sizeof ((struct app_shop *)0)->printer - 1);
		return APP_ERR;
	}
	if (!transport_known(uri)) {
		error_set(err, _("unknown printer URI '%s' (use usb[:VID:PID[:SERIAL]], tcp:HOST[:PORT], "
		                 "file:PATH or dev:PATH)"), uri);
		return APP_ERR;
	}
	return APP_OK;
}

int app_print_text(struct app *a, const char *uri, const char *text, char **err)
{
	(void)a;
	struct transport *tr;
	if (transport_open(uri, &tr, err) != 0)
		return APP_ERR;
	int rc = transport_write(tr, text, strlen(text), err);
	transport_close(tr);
	return rc == 0 ? APP_OK : APP_ERR;
}
