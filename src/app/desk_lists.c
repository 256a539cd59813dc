/* The desk screen's reads: customers found by code or name, a customer's
 * card, and their documents with the status `doc show` gives them. */
#include <stdio.h>
#include <string.h>
#include "desk_lists.h"
#include "documents-internal.h"
#include "../../db/desk_lists.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

struct desk_fill {
	void *out;
	size_t max, n;
};

static int desk_customer_row(const struct db_desk_row *r, void *arg)
{
	struct desk_fill *f = arg;
	if (f->n >= f->max)
		return 1;
	struct app_desk_customer *c = (struct app_desk_customer *)f->out + f->n++;
	strlcpy_safe(c->code, r->code, sizeof c->code);
	strlcpy_safe(c->name, r->name, sizeof c->name);
	strlcpy_safe(c->kind, r->kind, sizeof c->kind);
	strlcpy_safe(c->list_code, r->list_code, sizeof c->list_code);
	strlcpy_safe(c->tax_id, r->tax_id, sizeof c->tax_id);
	return 0;
}

static int desk_customers(struct app *a, const char *text, int exact,
                          struct app_desk_customer *out, size_t max, size_t *n, char **err)
{
	struct desk_fill f = { out, max, 0 };
	*n = 0;
	int rc = db_desk_customers(a->db, text, exact, desk_customer_row, &f);
	if (rc != DB_OK && rc != 1) {
		error_set(err, _("cannot read customers: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	*n = f.n;
	return APP_OK;
}

int app_desk_customer_find(struct app *a, const char *text, struct app_desk_customer *out,
                           size_t max, size_t *n, char **err)
{
	*n = 0;
	if (!text || !text[0]) {
		error_set(err, "%s", _("type part of a customer's code or name"));
		return APP_ERR;
	}
	return desk_customers(a, text, 0, out, max, n, err);
}

int app_desk_customer_get(struct app *a, const char *code, struct app_desk_customer *out,
                          char **err)
{
	size_t n = 0;
	int rc = desk_customers(a, code ? code : "", 1, out, 1, &n, err);
	if (rc != APP_OK)
		return rc;
	if (n == 0) {
		error_set(err, _("unknown customer %s"), code ? code : "");
		return APP_NOTFOUND;
	}
	return APP_OK;
}

static void desk_status(const struct db_desk_doc *d, char *out, size_t size)
{
	strlcpy_safe(out, d->status, size);
	if (strcmp(d->kind, "invoice") == 0)
		strlcpy_safe(out, d->open <= 0 ? "paid" : d->open < d->total ? "partly paid" : "open",
		             size);
	else if (strcmp(d->kind, "quote") == 0 && strcmp(d->status, "open") == 0 &&
	         d->valid_until && app_desk_today() > d->valid_until)
		strlcpy_safe(out, "expired", size);
	else if (strcmp(d->kind, "credit") == 0 || strcmp(d->kind, "delivery") == 0)
		strlcpy_safe(out, "posted", size);
}

static int desk_doc_row(const struct db_desk_doc *d, void *arg)
{
	struct desk_fill *f = arg;
	if (f->n >= f->max)
		return 1;
	struct app_desk_doc *o = (struct app_desk_doc *)f->out + f->n++;
	strlcpy_safe(o->kind, d->kind, sizeof o->kind);
	if (d->year)
		snprintf(o->number, sizeof o->number, "%d-%lld", (int)d->year, (long long)d->number);
	else
		snprintf(o->number, sizeof o->number, "%lld", (long long)d->number);
	o->day = d->day;
	desk_status(d, o->status, sizeof o->status);
	o->total = d->total;
	o->open = d->open;
	return 0;
}

int app_desk_docs(struct app *a, const char *customer, struct app_desk_doc *out, size_t max,
                  size_t *n, char **err)
{
	*n = 0;
	struct db_desk_customer cu;
	int rc = doc_customer(a, customer, &cu, err);
	if (rc != APP_OK)
		return rc;
	struct desk_fill f = { out, max, 0 };
	int lim = max > 100000 ? 100000 : (int)max;
	rc = db_desk_docs(a->db, cu.id, lim, desk_doc_row, &f);
	if (rc != DB_OK && rc != 1) {
		error_set(err, _("cannot read the customer's documents: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	*n = f.n;
	return APP_OK;
}
