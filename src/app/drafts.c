/* Draft orders: created, added to and pasted into without reserving stock
 * or using credit; each line is checked as the counter would ring it up,
 * and a pasted line that is not understood or not known is listed with
 * its line number, never dropped. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "drafts-internal.h"
#include "auth.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

#define DRAFT_PASTE_MAX 2000   /* lines of one paste */

void draft_items_init(struct draft_items *x)
{
	memset(x, 0, sizeof *x);
}

void draft_items_release(struct draft_items *x)
{
	free(x->it);
	free(x->code);
	free(x->qty);
	free(x->no);
	memset(x, 0, sizeof *x);
}

void draft_items_push(struct draft_items *x, const char *code, const char *qty)
{
	if (x->n == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 16;
		x->it = xrealloc(x->it, x->cap * sizeof *x->it);
		x->code = xrealloc(x->code, x->cap * sizeof *x->code);
		x->qty = xrealloc(x->qty, x->cap * sizeof *x->qty);
		x->no = xrealloc(x->no, x->cap * sizeof *x->no);
	}
	x->no[x->n] = 0;
	strlcpy_safe(x->code[x->n], code, sizeof x->code[x->n]);
	strlcpy_safe(x->qty[x->n], qty ? qty : "", sizeof x->qty[x->n]);
	x->n++;
	/* The arrays may have moved: point every item again. */
	for (size_t i = 0; i < x->n; i++) {
		x->it[i].code = x->code[i];
		x->it[i].qty = x->qty[i][0] ? x->qty[i] : NULL;
	}
}

static int draft_items_line(int line_no, const char *code, const char *qty, void *arg)
{
	struct draft_items *x = arg;
	draft_items_push(x, code, qty);
	x->no[x->n - 1] = line_no;
	return 0;
}

int draft_items_read(struct app *a, int64_t draft_id, struct draft_items *x, char **err)
{
	if (db_draft_lines(a->db, draft_id, draft_items_line, x) != DB_OK) {
		error_set(err, _("cannot read the draft's lines: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	return APP_OK;
}

int draft_price(struct app *a, struct app_ticket *t, const char *customer,
                const struct app_doc_item *items, size_t n, int check, char **err)
{
	app_ticket_init(a, t);
	int rc = app_ticket_set_customer(a, t, customer, err);
	for (size_t i = 0; i < n && rc >= 0; i++)
		rc = app_ticket_add(a, t, items[i].code, items[i].qty, err);
	if (rc >= 0 && check)
		rc = app_ticket_check(a, t, err);
	return rc < 0 ? rc : APP_OK;
}

int draft_write(struct app *a, struct db_draft *d, const struct app_doc_item *items, size_t n,
                char **err)
{
	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	int rc = db_draft_insert(a->db, d, err) == DB_OK ? APP_OK : APP_IO;
	for (size_t i = 0; rc == APP_OK && i < n; i++)
		if (db_draft_line_add(a->db, d->id, items[i].code, items[i].qty, err) != DB_OK)
			rc = APP_IO;
	if (rc == APP_OK && db_commit(a->db, err) != DB_OK)
		rc = APP_IO;
	if (rc != APP_OK)
		db_rollback(a->db);
	return rc;
}

/* Checks that the method's charge can be carried (a product is set). */
static int draft_ship_check(struct app *a, const char *method, money_t charge, char **err)
{
	struct cart c;
	cart_init(&c, a->shop.prices_include_tax);
	int idx;
	int rc = doc_shipping_charge(a, method, charge, &c, &idx, err);
	cart_release(&c);
	return rc;
}

int app_draft_new(struct app *a, const char *customer, int ship_to, const char *shipping,
                  const struct app_doc_item *items, size_t n, int64_t *number, char **err)
{
	*number = 0;
	struct db_desk_customer cu;
	int rc = doc_customer(a, customer, &cu, err);
	if (rc != APP_OK)
		return rc;
	struct db_draft d;
	memset(&d, 0, sizeof d);
	d.customer_id = cu.id;
	d.charge = -1;
	if (ship_to > 0 && db_ship_to_get(a->db, cu.id, ship_to, &d.ship_to_id, NULL, 0) != DB_OK) {
		error_set(err, _("%s has no ship-to address %d"), cu.code, ship_to);
		return APP_NOTFOUND;
	}
	if (shipping && ((rc = app_ship_parse(shipping, d.shipping, &d.charge, err)) != APP_OK ||
	                 (rc = draft_ship_check(a, d.shipping, d.charge, err)) != APP_OK))
		return rc;
	struct app_ticket t;
	rc = draft_price(a, &t, cu.code, items, n, 0, err);
	app_ticket_release(&t);
	if (rc != APP_OK)
		return rc;
	strlcpy_safe(d.user, app_user_name(a), sizeof d.user);
	d.created_at = (int64_t)time(NULL);
	rc = draft_write(a, &d, items, n, err);
	if (rc == APP_OK)
		*number = d.number;
	return rc;
}

/* The open draft `number` and the code of its customer. */
static int draft_open(struct app *a, int64_t number, struct db_draft *d,
                      struct db_desk_customer *cu, char **err)
{
	int rc = db_draft_find(a->db, number, d);
	if (rc == DB_NOTFOUND) {
		error_set(err, _("no draft %lld"), (long long)number);
		return APP_NOTFOUND;
	}
	if (rc != DB_OK || db_desk_customer_by_id(a->db, d->customer_id, cu) != DB_OK) {
		error_set(err, _("cannot read the draft: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	if (strcmp(d->status, "open") != 0) {
		struct db_doc o;
		long long on = db_doc_get(a->db, d->order_id, &o) == DB_OK ? (long long)o.number : 0;
		error_set(err, _("draft %lld is already placed as order %lld"), (long long)number, on);
		return APP_ERR;
	}
	return APP_OK;
}

/* Adds items already checked, inside one transaction that first makes
 * sure the draft is still open. */
static int draft_append(struct app *a, const struct db_draft *d, const struct app_doc_item *items,
                        size_t n, char **err)
{
	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	struct db_draft now;
	int rc = APP_OK;
	if (db_draft_find(a->db, d->number, &now) != DB_OK || strcmp(now.status, "open") != 0) {
		error_set(err, _("draft %lld is no longer open"), (long long)d->number);
		rc = APP_ERR;
	}
	for (size_t i = 0; rc == APP_OK && i < n; i++)
		if (db_draft_line_add(a->db, d->id, items[i].code, items[i].qty, err) != DB_OK)
			rc = APP_IO;
	if (rc == APP_OK && db_commit(a->db, err) != DB_OK)
		rc = APP_IO;
	if (rc != APP_OK)
		db_rollback(a->db);
	return rc;
}

int app_draft_add(struct app *a, int64_t number, const struct app_doc_item *items, size_t n,
                  char **err)
{
	struct db_draft d;
	struct db_desk_customer cu;
	int rc = draft_open(a, number, &d, &cu, err);
	if (rc != APP_OK)
		return rc;
	if (n == 0) {
		error_set(err, _("a document needs at least one item"));
		return APP_ERR;
	}
	struct app_ticket t;
	rc = draft_price(a, &t, cu.code, items, n, 0, err);
	app_ticket_release(&t);
	return rc == APP_OK ? draft_append(a, &d, items, n, err) : rc;
}

int app_draft_line_set(struct app *a, int64_t number, int line_no, const char *qty,
                       char **err)
{
	struct db_draft d;
	struct db_desk_customer cu;
	int rc = draft_open(a, number, &d, &cu, err);
	if (rc != APP_OK)
		return rc;
	struct draft_items x;
	draft_items_init(&x);
	rc = draft_items_read(a, d.id, &x, err);
	size_t i = 0;
	while (rc == APP_OK && i < x.n && x.no[i] != line_no)
		i++;
	if (rc == APP_OK && i == x.n) {
		error_set(err, _("draft %lld has no line %d"), (long long)number, line_no);
		rc = APP_NOTFOUND;
	}
	if (rc == APP_OK && qty) {
		/* The new quantity must ring up as the counter would take it. */
		struct app_doc_item it = { x.code[i], qty };
		struct app_ticket t;
		rc = draft_price(a, &t, cu.code, &it, 1, 0, err);
		app_ticket_release(&t);
	}
	draft_items_release(&x);
	if (rc != APP_OK)
		return rc;
	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	struct db_draft now;
	if (db_draft_find(a->db, number, &now) != DB_OK || strcmp(now.status, "open") != 0) {
		error_set(err, _("draft %lld is no longer open"), (long long)number);
		rc = APP_ERR;
	} else if (db_draft_line_set(a->db, d.id, line_no, qty, err) != DB_OK) {
		if (err && !*err)
			error_set(err, _("draft %lld has no line %d"), (long long)number, line_no);
		rc = APP_ERR;
	}
	if (rc == APP_OK && db_commit(a->db, err) != DB_OK)
		rc = APP_IO;
	if (rc != APP_OK)
		db_rollback(a->db);
	return rc;
}

static void paste_reject(struct app_paste_result *res, const struct orderparse_line *l,
                         const char *why)
{
	res->rejects = xrealloc(res->rejects, (res->nrejects + 1) * sizeof *res->rejects);
	struct app_paste_reject *r = &res->rejects[res->nrejects++];
	r->line = l->line;
	strlcpy_safe(r->text, l->text, sizeof r->text);
	strlcpy_safe(r->why, why, sizeof r->why);
}

int app_draft_paste(struct app *a, int64_t number, const char *text, size_t len,
                    struct app_paste_result *res, char **err)
{
	memset(res, 0, sizeof *res);
	struct db_draft d;
	struct db_desk_customer cu;
	int rc = draft_open(a, number, &d, &cu, err);
	if (rc != APP_OK)
		return rc;
	size_t count = orderparse_text(text, len, NULL, 0);
	if (count > DRAFT_PASTE_MAX) {
		error_set(err, _("%zu lines pasted: at most %d at a time"), count, DRAFT_PASTE_MAX);
		return APP_ERR;
	}
	struct orderparse_line *lines = xcalloc(count + 1, sizeof *lines);
	orderparse_text(text, len, lines, count);
	struct app_ticket t;
	rc = draft_price(a, &t, cu.code, NULL, 0, 0, err);
	struct draft_items ok;
	draft_items_init(&ok);
	for (size_t i = 0; rc == APP_OK && i < count; i++) {
		const struct orderparse_line *l = &lines[i];
		if (l->status == ORDERPARSE_BLANK)
			continue;
		if (l->status != ORDERPARSE_OK) {
			paste_reject(res, l, _(orderparse_strerror(l->status)));
			continue;
		}
		/* Rung up on a ticket of its own first, as the counter would. */
		char *why = NULL;
		if (app_ticket_add(a, &t, l->code, l->qty[0] ? l->qty : NULL, &why) < 0) {
			paste_reject(res, l, why ? why : _("not known"));
			free(why);
			continue;
		}
		draft_items_push(&ok, l->code, l->qty);
	}
	app_ticket_release(&t);
	free(lines);
	if (rc == APP_OK && ok.n)
		rc = draft_append(a, &d, ok.it, ok.n, err);
	if (rc == APP_OK)
		res->added = ok.n;
	draft_items_release(&ok);
	if (rc != APP_OK)
		app_paste_result_release(res);
	return rc;
}

void app_paste_result_release(struct app_paste_result *res)
{
	free(res->rejects);
	memset(res, 0, sizeof *res);
}
