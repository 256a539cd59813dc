/* Orders from the fast-entry paths: an order with a shipping charge, a
 * draft placed (priced today, credit-checked, stock reserved, the draft
 * marked placed in the same transaction), a customer's last order
 * repeated as a draft and a quote copied at today's prices. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "drafts-internal.h"
#include "auth.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

/* Writes the order from a priced cart as app_order_new does (credit
 * check, lines, stock reserved), except that the shipping charge (cart
 * line charge_idx, -1 none) reserves nothing; records the method and,
 * for a draft, marks it placed. */
static int place_commit(struct app *a, const struct db_desk_customer *cu, int64_t ship_id,
                        const char *method, int charge_idx, const struct db_draft *draft,
                        const struct cart *c, struct app_doc_result *res, char **err)
{
	struct db_doc d;
	doc_start(a, &d, "order", cu);
	d.ship_to_id = ship_id;
	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	int approved = 0;
	int rc = app_credit_allow(a, cu->id, c->total_gross, &approved, err);
	if (approved)
		strlcpy_safe(d.approver, app_approver(a), sizeof d.approver);
	if (rc == APP_OK)
		rc = doc_write(a, &d, c, NULL, cu->state, err);
	int no = 0, charge_line = 0;
	for (size_t i = 0; i < c->n; i++) {
		if (c->lines[i].voided)
			continue;
		no++;
		if ((int)i == charge_idx)
			charge_line = no;
	}
	/* As any order: the shortage named, the goods (not the charge) reserved. */
	if (rc == APP_OK)
		rc = doc_shortage(a, c, charge_idx, res->shortage, sizeof res->shortage, err);
	if (rc == APP_OK)
		rc = doc_reserve(a, c, charge_idx, 1, err);
	if (rc == APP_OK && method && method[0] &&
	    db_doc_shipping_set(a->db, d.id, method, charge_line, NULL, err) != DB_OK)
		rc = APP_IO;
	if (rc == APP_OK && draft) {
		int drc = db_draft_placed(a->db, draft->id, d.id, err);
		if (drc == DB_NOTFOUND) {
			error_set(err, _("draft %lld is no longer open"), (long long)draft->number);
			rc = APP_ERR;
		} else if (drc != DB_OK) {
			rc = APP_IO;
		}
	}
	if (rc == APP_OK && db_commit(a->db, err) != DB_OK)
		rc = APP_IO;
	if (rc != APP_OK)
		db_rollback(a->db);
	app_require_done(a);
	if (rc != APP_OK)
		return rc;
	doc_number_text(&d, res->number, sizeof res->number);
	res->total = d.total;
	return APP_OK;
}

/* Prices the items for cu today with the list's rules, adds the charge
 * and writes the order. */
static int place_items(struct app *a, const struct db_desk_customer *cu, int64_t ship_id,
                       const char *method, money_t charge, const struct db_draft *draft,
                       const struct app_doc_item *items, size_t n, struct app_doc_result *res,
                       char **err)
{
	if (n == 0) {
		error_set(err, _("a document needs at least one item"));
		return APP_ERR;
	}
	struct app_ticket t;
	int idx = -1;
	int rc = draft_price(a, &t, cu->code, items, n, 1, err);
	if (rc == APP_OK && method && method[0])
		rc = doc_shipping_charge(a, method, charge, &t.cart, &idx, err);
	if (rc == APP_OK)
		rc = place_commit(a, cu, ship_id, method, idx, draft, &t.cart, res, err);
	app_ticket_release(&t);
	return rc;
}

int app_order_new_shipped(struct app *a, const char *customer, int ship_to,
                          const char *shipping, const struct app_doc_item *items, size_t n,
                          struct app_doc_result *res, char **err)
{
	memset(res, 0, sizeof *res);
	struct db_desk_customer cu;
	int rc = doc_customer(a, customer, &cu, err);
	if (rc != APP_OK)
		return rc;
	char method[12] = "";
	money_t charge = -1;
	if (shipping && (rc = app_ship_parse(shipping, method, &charge, err)) != APP_OK)
		return rc;
	int64_t ship_id = 0;
	if (ship_to > 0 && db_ship_to_get(a->db, cu.id, ship_to, &ship_id, NULL, 0) != DB_OK) {
		error_set(err, _("%s has no ship-to address %d"), cu.code, ship_to);
		return APP_NOTFOUND;
	}
	return place_items(a, &cu, ship_id, method, charge, NULL, items, n, res, err);
}

int app_draft_place(struct app *a, int64_t number, struct app_doc_result *res, char **err)
{
	memset(res, 0, sizeof *res);
	struct db_draft d;
	int rc = db_draft_find(a->db, number, &d);
	if (rc == DB_NOTFOUND) {
		error_set(err, _("no draft %lld"), (long long)number);
		return APP_NOTFOUND;
	}
	struct db_desk_customer cu;
	if (rc != DB_OK || db_desk_customer_by_id(a->db, d.customer_id, &cu) != DB_OK) {
		error_set(err, _("cannot read the draft: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	if (strcmp(d.status, "open") != 0) {
		struct db_doc o;
		long long on = db_doc_get(a->db, d.order_id, &o) == DB_OK ? (long long)o.number : 0;
		error_set(err, _("draft %lld is already placed as order %lld"), (long long)number, on);
		return APP_ERR;
	}
	struct draft_items x;
	draft_items_init(&x);
	rc = draft_items_read(a, d.id, &x, err);
	if (rc == APP_OK)
		rc = place_items(a, &cu, d.ship_to_id, d.shipping, d.charge, &d, x.it, x.n, res, err);
	draft_items_release(&x);
	return rc;
}

struct repeat_ctx {
	struct draft_items *x;
	int skip_line;
};

/* An order line as a code and a quantity the ticket reads back the same. */
static int repeat_line(const struct db_doc_line *l, void *arg)
{
	struct repeat_ctx *r = arg;
	if (l->line_no == r->skip_line)
		return 0;
	char qty[32];
	if (l->weighed)
		snprintf(qty, sizeof qty, "%lld.%03lld", (long long)(l->qty / 1000),
		         (long long)(l->qty % 1000));
	else
		snprintf(qty, sizeof qty, "%lld", (long long)l->qty);
	draft_items_push(r->x, l->sku, qty);
	return 0;
}

static int read_lines(struct app *a, int64_t doc_id, int skip_line, struct draft_items *x,
                      char **err)
{
	struct repeat_ctx r = { x, skip_line };
	if (db_doc_lines(a->db, doc_id, repeat_line, &r) != DB_OK) {
		error_set(err, _("cannot read the document's lines: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	return APP_OK;
}

int app_order_repeat(struct app *a, const char *customer, int64_t *draft, char **err)
{
	*draft = 0;
	struct db_desk_customer cu;
	int rc = doc_customer(a, customer, &cu, err);
	if (rc != APP_OK)
		return rc;
	int64_t order_id = 0;
	struct db_doc o;
	int drc = db_last_order(a->db, cu.id, &order_id);
	if (drc == DB_NOTFOUND) {
		error_set(err, _("%s has no order to repeat"), cu.code);
		return APP_NOTFOUND;
	}
	if (drc != DB_OK || db_doc_get(a->db, order_id, &o) != DB_OK) {
		error_set(err, _("cannot read the orders: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	struct db_doc_shipping s;
	db_doc_shipping_get(a->db, o.id, &s);
	struct draft_items x;
	draft_items_init(&x);
	rc = read_lines(a, o.id, s.charge_line, &x, err);
	struct db_draft d;
	memset(&d, 0, sizeof d);
	d.customer_id = cu.id;
	d.ship_to_id = o.ship_to_id;
	strlcpy_safe(d.shipping, s.method, sizeof d.shipping);
	d.charge = -1;   /* the method's charge of today */
	strlcpy_safe(d.user, app_user_name(a), sizeof d.user);
	d.created_at = (int64_t)time(NULL);
	/* Each line must still ring up (a product withdrawn since is named). */
	if (rc == APP_OK) {
		struct app_ticket t;
		rc = draft_price(a, &t, cu.code, x.it, x.n, 0, err);
		app_ticket_release(&t);
	}
	if (rc == APP_OK)
		rc = draft_write(a, &d, x.it, x.n, err);
	if (rc == APP_OK)
		*draft = d.number;
	draft_items_release(&x);
	return rc;
}

int app_quote_copy(struct app *a, int64_t quote, const char *customer,
                   struct app_doc_result *res, char **err)
{
	memset(res, 0, sizeof *res);
	char num[24];
	snprintf(num, sizeof num, "%lld", (long long)quote);
	struct db_doc q;
	int rc = doc_find(a, "quote", num, &q, err);
	if (rc != APP_OK)
		return rc;
	struct db_desk_customer cu;
	if (!customer) {
		if (db_desk_customer_by_id(a->db, q.customer_id, &cu) != DB_OK) {
			error_set(err, _("cannot read the customer: %s"), db_errmsg(a->db));
			return APP_IO;
		}
		customer = cu.code;
	}
	struct draft_items x;
	draft_items_init(&x);
	rc = read_lines(a, q.id, 0, &x, err);
	if (rc == APP_OK)
		rc = app_quote_new(a, customer, x.it, x.n, res, err);
	draft_items_release(&x);
	return rc;
}
