/* Committing a return: one BEGIN IMMEDIATE transaction checks again what
 * earlier returns took, then writes the return ticket (negative lines), the
 * stock moves, the refund payments, any store credit and the journal record
 * that corrects the sale; the receipt prints after the commit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sodium.h>
#include "app-internal.h"
#include "auth.h"
#include "fiscal.h"
#include "returns.h"
#include "stock_ops-internal.h"
#include "../../db/catalog.h"
#include "../../db/journal.h"
#include "../../db/returns.h"
#include "../../db/sales.h"
#include "../core/gst.h"
#include "../core/text.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

#define RETURN_PAYS_MAX 8

struct return_plan {
	struct db_payment pay[RETURN_PAYS_MAX];   /* negative amounts */
	size_t n;
	money_t rounding;
	char credit_code[17];
};

static void return_credit_code(char out[17])
{
	static const char digits[] = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
	unsigned char raw[10];
	randombytes_buf(raw, sizeof raw);
	strcpy(out, "SC");
	for (size_t i = 0; i < sizeof raw; i++)
		out[2 + i] = digits[raw[i] % (sizeof digits - 1)];
	out[12] = '\0';
}

static void return_plan_add(struct return_plan *p, const char *method, money_t amount,
                            const char *ref)
{
	if (amount <= 0 || p->n == RETURN_PAYS_MAX)
		return;
	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->pay[i].method, method) == 0 && strcmp(p->pay[i].reference, ref) == 0) {
			p->pay[i].amount -= amount;
			return;
		}
	struct db_payment *d = &p->pay[p->n++];
	memset(d, 0, sizeof *d);
	strlcpy_safe(d->method, method, sizeof d->method);
	strlcpy_safe(d->reference, ref, sizeof d->reference);
	d->amount = -amount;
}

/* The original's tender, less what earlier returns refunded to each: other
 * methods first, up to what each paid, the rest in cash. A store credit
 * spent comes back as a new store credit. */
static int return_plan_original(struct app *a, const struct db_ticket *orig, money_t total,
                                struct return_plan *p, money_t *cash)
{
	struct db_payment *paid = NULL, *back = NULL;
	size_t np = 0, nb = 0;
	if (db_ticket_payments(a->db, orig->id, &paid, &np) != DB_OK ||
	    db_return_refunded(a->db, orig->id, &back, &nb) != DB_OK) {
		free(paid);
		free(back);
		return APP_IO;
	}
	money_t left = total;
	for (size_t i = 0; i < np && left > 0; i++) {
		if (strcmp(paid[i].method, "cash") == 0)
			continue;
		money_t room = paid[i].amount;
		for (size_t k = 0; k < nb; k++)
			if (strcmp(back[k].method, paid[i].method) == 0 &&
			    strcmp(back[k].reference, paid[i].reference) == 0)
				room -= back[k].amount;
		money_t take = room < left ? room : left;
		if (take <= 0)
			continue;
		if (strcmp(paid[i].method, "credit") == 0) {
			return_plan_add(p, "credit", take, p->credit_code);
		} else {
			return_plan_add(p, paid[i].method, take, paid[i].reference);
		}
		left -= take;
	}
	*cash = left;
	free(paid);
	free(back);
	return APP_OK;
}

static int return_plan_make(struct app *a, const struct db_ticket *orig, money_t total,
                            const struct app_refund *how, struct return_plan *p, char **err)
{
	memset(p, 0, sizeof *p);
	return_credit_code(p->credit_code);
	money_t cash = 0;
	switch (how->to) {
	case APP_REFUND_CARD:
		return_plan_add(p, "card", total, how->reference);
		break;
	case APP_REFUND_CREDIT:
		return_plan_add(p, "credit", total, p->credit_code);
		break;
	case APP_REFUND_CASH:
		cash = total;
		break;
	case APP_REFUND_ORIGINAL:
		if (!orig) {
			cash = total;
			break;
		}
		if (return_plan_original(a, orig, total, p, &cash) != APP_OK) {
			error_set(err, _("cannot read the payments of ticket %lld: %s"),
			          (long long)orig->number, db_errmsg(a->db));
			return APP_IO;
		}
		break;
	}
	if (cash > 0) {
		/* Cash is rounded like a sale's: rounding = exact - handed back. */
		money_t handed = a->shop.cash_step ? tender_round_cash(cash, a->shop.cash_step) : cash;
		return_plan_add(p, "cash", handed, "");
		p->rounding = cash - handed;
	}
	int credit = 0;
	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->pay[i].method, "credit") == 0)
			credit = 1;
	if (!credit)
		p->credit_code[0] = '\0';
	return APP_OK;
}

/* India: the CGST and SGST of k units of the line: the stored split for
 * the whole line, else half and half of their tax (an odd paisa to CGST). */
static void return_gst_of(struct app *a, const struct app_return_line *l, int64_t k,
                          money_t *cgst, money_t *sgst)
{
	*cgst = *sgst = 0;
	if (k == l->sold.qty) {
		*cgst = l->cgst;
		*sgst = l->sold.tax - l->cgst;
		return;
	}
	struct refund_part p;
	struct gst_split g;
	if (k > 0 && refund_line(&l->sold, 0, k, &p) == REFUND_OK &&
	    gst_split_tax(p.tax, a->shop.seller_state, "", &g) == 0) {
		*cgst = g.cgst;
		*sgst = g.sgst;
	}
}

/* India: the return's tax split as the sale's was (IGST, or CGST + SGST
 * counted cumulatively so that the returns of a line add up to its split). */
static void return_line_gst(struct app *a, const struct app_return_line *l,
                            struct db_ticket_line *dl)
{
	if (a->shop.country != APP_COUNTRY_IN || !dl->tax)
		return;
	if (l->igst) {
		dl->igst = dl->tax;
		return;
	}
	money_t c0, s0, c1, s1;
	return_gst_of(a, l, l->taken, &c0, &s0);
	return_gst_of(a, l, l->taken + l->qty, &c1, &s1);
	dl->cgst = -(c1 - c0);
	dl->sgst = -(s1 - s0);
}

static void return_line_from(const struct app_return_line *l, int writeoff,
                             struct db_ticket_line *dl)
{
	memset(dl, 0, sizeof *dl);
	dl->product_id = l->product_id;
	strlcpy_safe(dl->sku, l->sku, sizeof dl->sku);
	strlcpy_safe(dl->name, l->name, sizeof dl->name);
	dl->qty = -l->qty;
	dl->weighed = l->weighed;
	dl->unit_price = l->sold.unit_price;
	dl->discount_pct = l->sold.discount_pct;
	dl->amount = -l->part.amount;
	dl->discount = -l->part.discount;
	dl->tax_rate = l->sold.tax_rate;
	dl->net = -l->part.net;
	dl->tax = -l->part.tax;
	dl->gross = -l->part.gross;
	strlcpy_safe(dl->price_source, l->price_source, sizeof dl->price_source);
	dl->orig_line = l->orig_line;
	strlcpy_safe(dl->disposition, writeoff ? "writeoff" : "stock", sizeof dl->disposition);
}

/* Inside the transaction: what earlier returns took, read again, and the
 * amounts recomputed from it (another till may have returned meanwhile). */
static int return_recheck(struct app *a, struct app_return *r, const struct app_refund *how,
                          struct db_ticket *orig, char **err)
{
	if (db_ticket_get(a->db, r->original, orig) != DB_OK) {
		error_set(err, _("cannot read ticket %lld: %s"), (long long)r->original,
		          db_errmsg(a->db));
		return APP_IO;
	}
	size_t nl = 0;
	for (size_t i = 0; i < r->n; i++)
		if ((size_t)r->lines[i].orig_line > nl)
			nl = (size_t)r->lines[i].orig_line;
	int64_t *taken = xcalloc(nl ? nl : 1, sizeof *taken);
	if (db_return_taken(a->db, orig->id, taken, nl) != DB_OK) {
		free(taken);
		error_set(err, _("cannot read the returns of ticket %lld: %s"), (long long)r->original,
		          db_errmsg(a->db));
		return APP_IO;
	}
	int any = 0;
	for (size_t i = 0; i < r->n; i++) {
		r->lines[i].taken = taken[r->lines[i].orig_line - 1];
		any |= r->lines[i].taken != 0;
	}
	free(taken);
	if (how->void_ticket && any) {
		error_set(err, _("ticket %lld was already partly returned: return the rest instead "
		                 "of voiding it"), (long long)r->original);
		return APP_ERR;
	}
	return app_return_update(r, err);
}

static int return_write(struct app *a, struct app_return *r, const struct app_refund *how,
                        struct db_ticket *t, struct return_plan *plan, int64_t *job_id,
                        char **err)
{
	struct db_ticket orig;
	int64_t customer_id = 0, corrects = 0;
	if (r->original) {
		int rc = return_recheck(a, r, how, &orig, err);
		if (rc != APP_OK)
			return rc;
		if (db_journal_find(a->db, "sale", r->original, &corrects) != DB_OK) {
			error_set(err, _("cannot read the journal: %s"), db_errmsg(a->db));
			return APP_IO;
		}
		t->original_id = orig.id;
		if (orig.customer_code[0])
			db_customer_get(a->db, orig.customer_code, &customer_id, NULL, 0);
		strlcpy_safe(t->customer_name, orig.customer_name, sizeof t->customer_name);
	}
	if (r->total <= 0) {
		error_set(err, _("nothing to return: choose lines and quantities"));
		return APP_ERR;
	}
	int rc = return_plan_make(a, r->original ? &orig : NULL, r->total, how, plan, err);
	if (rc != APP_OK)
		return rc;
	strlcpy_safe(t->kind, "return", sizeof t->kind);
	strlcpy_safe(t->tax_exempt, r->tax_exempt, sizeof t->tax_exempt);
	t->prices_include_tax = r->inclusive;
	for (size_t i = 0; i < r->n; i++) {
		t->total -= r->lines[i].part.gross;
		t->net -= r->lines[i].part.net;
		t->tax -= r->lines[i].part.tax;
		t->discount -= r->lines[i].part.discount;
	}
	for (size_t i = 0; i < plan->n; i++)
		t->paid += plan->pay[i].amount;
	t->rounding = plan->rounding;
	if (db_ticket_next_number(a->db, &t->number, err) != DB_OK ||
	    db_ticket_insert(a->db, t, customer_id, err) != DB_OK)
		return APP_IO;
	int line_no = 0;
	for (size_t i = 0; i < r->n; i++) {
		const struct app_return_line *l = &r->lines[i];
		if (!l->qty)
			continue;
		struct db_ticket_line dl;
		return_line_from(l, how->writeoff, &dl);
		return_line_gst(a, l, &dl);
		if (db_ticket_line_insert(a->db, t->id, ++line_no, &dl, err) != DB_OK)
			return APP_IO;
		if (how->writeoff)
			continue;
		/* Goods sold from lots go back into those lots. */
		char ref[32];
		snprintf(ref, sizeof ref, "ticket %lld", (long long)t->number);
		rc = t->original_id
		     ? app_stock_return_lots(a, l->product_id, a->location_id, l->qty,
		                             APP_STOCK_FROM_TICKET, t->original_id, "return", ref, err)
		     : app_stock_move(a, l->product_id, a->location_id, l->qty, "return", err, "%s",
		                      ref) == DB_OK ? APP_OK : APP_IO;
		if (rc != APP_OK)
			return rc;
	}
	for (size_t i = 0; i < plan->n; i++)
		if (db_payment_insert(a->db, t->id, (int)i + 1, &plan->pay[i], err) != DB_OK)
			return APP_IO;
	for (size_t i = 0; i < plan->n; i++)
		if (strcmp(plan->pay[i].method, "credit") == 0 &&
		    db_store_credit_add(a->db, plan->pay[i].reference, t->id, -plan->pay[i].amount,
		                        t->created_at, err) != DB_OK)
			return APP_IO;
	if (app_journal_ticket(a, t->number, corrects, err) != APP_OK)
		return APP_IO;
	if (a->shop.printer[0] &&
	    db_print_job_add(a->db, t->id, a->shop.printer, 0, t->created_at, job_id, err) != DB_OK)
		return APP_IO;
	return APP_OK;
}

/* What the return holds, so the same key committed again is the same return. */
static void return_digest(const struct app_return *r, const struct app_refund *how,
                          char out[65])
{
	crypto_generichash_state h;
	crypto_generichash_init(&h, NULL, 0, 32);
	int64_t head[4] = { r->original, how->to, how->writeoff, how->void_ticket };
	crypto_generichash_update(&h, (const unsigned char *)head, sizeof head);
	for (size_t i = 0; i < r->n; i++) {
		int64_t v[4] = { r->lines[i].orig_line, r->lines[i].product_id, r->lines[i].qty,
		                 r->lines[i].sold.unit_price };
		crypto_generichash_update(&h, (const unsigned char *)v, sizeof v);
	}
	unsigned char raw[32];
	crypto_generichash_final(&h, raw, sizeof raw);
	sodium_bin2hex(out, 65, raw, sizeof raw);
}

static void return_job_mark(struct app *a, int64_t job_id, const char *why)
{
	if (db_begin(a->db, NULL) != DB_OK)
		return;
	int rc = why ? db_print_job_failed(a->db, job_id, why, NULL)
	             : db_print_job_done(a->db, job_id, NULL);
	if (rc != DB_OK || db_commit(a->db, NULL) != DB_OK)
		db_rollback(a->db);
}

static void return_print(struct app *a, int64_t number, int64_t job_id,
                         struct app_return_result *res)
{
	char *text = NULL, *why = NULL;
	if (app_receipt_text(a, number, 0, &text, &why) == APP_OK)
		app_print_text(a, a->shop.printer, text, &why);
	free(text);
	if (why) {
		res->print_status = -1;
		strlcpy_safe(res->print_error, why, sizeof res->print_error);
	}
	return_job_mark(a, job_id, why);
	free(why);
}

/* The return once its right is checked (the approval, if any, is used up
 * by the caller whatever happens here). */
static int return_commit_checked(struct app *a, struct app_return *r,
                                 const struct app_refund *how, struct app_return_result *res,
                                 char **err)
{
	if (how->to == APP_REFUND_CARD && how->reference[0] &&
	    text_check_code(how->reference, 64) != TEXT_OK) {
		error_set(err, _("bad card reference '%s'"), how->reference);
		return APP_ERR;
	}
	struct db_ticket t;
	memset(&t, 0, sizeof t);
	strlcpy_safe(t.idem_key, r->key, sizeof t.idem_key);
	return_digest(r, how, t.content_hash);
	t.created_at = how->now ? how->now : (int64_t)time(NULL);
	strlcpy_safe(t.terminal, a->shop.terminal, sizeof t.terminal);
	strlcpy_safe(t.user, how->user && *how->user ? how->user : app_user_name(a), sizeof t.user);
	strlcpy_safe(t.approver, app_approver(a), sizeof t.approver);

	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	struct db_ticket old;
	int rc = db_ticket_by_key(a->db, r->key, &old);
	if (rc == DB_OK) {
		db_rollback(a->db);
		if (strcmp(old.content_hash, t.content_hash) != 0) {
			error_set(err, _("key %s was already used for ticket %lld; nothing was recorded"),
			          r->key, (long long)old.number);
			return APP_ERR;
		}
		res->number = old.number;
		res->total = old.total;
		res->replayed = 1;
		return APP_OK;
	}
	struct return_plan plan;
	memset(&plan, 0, sizeof plan);
	int64_t job_id = 0;
	int wrc = rc == DB_NOTFOUND ? return_write(a, r, how, &t, &plan, &job_id, err) : APP_IO;
	if (wrc != APP_OK) {
		db_rollback(a->db);
		if (wrc == APP_IO && err && !*err)
			error_set(err, _("the return was not recorded: %s"), db_errmsg(a->db));
		return wrc;
	}
	if (db_commit(a->db, err) != DB_OK) {
		db_rollback(a->db);
		return APP_IO;
	}
	res->number = t.number;
	res->total = t.total;
	strlcpy_safe(res->credit_code, plan.credit_code, sizeof res->credit_code);
	if (job_id)
		return_print(a, t.number, job_id, res);
	return APP_OK;
}

int app_return_commit(struct app *a, struct app_return *r, const struct app_refund *how,
                      struct app_return_result *res, char **err)
{
	memset(res, 0, sizeof *res);
	enum right need = how->void_ticket ? RIGHT_VOID_AFTER_TENDER
	                  : r->original ? RIGHT_REFUND : RIGHT_RETURN_NO_TICKET;
	if (how->void_ticket && !r->original) {
		error_set(err, _("only a ticket can be voided"));
		return APP_ERR;
	}
	int rq = app_require(a, need, err);
	if (rq != APP_OK)
		return rq;
	rq = return_commit_checked(a, r, how, res, err);
	app_require_done(a);
	return rq;
}
