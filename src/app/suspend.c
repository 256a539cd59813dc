/* Suspending and resuming the counter's ticket. The entries are text, one
 * line each: "v1", "discount PCT AMOUNT" (the ticket's), then per live line
 * "line SKU QTY DISCOUNT_PCT FIXED_PRICE" (tab-separated; FIXED_PRICE is a
 * price read from an in-store barcode in the shop's convention, or -1). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "app-internal.h"
#include "suspend.h"
#include "../../db/returns.h"
#include "../core/text.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"

static char *app_suspend_entries(const struct app_ticket *t)
{
	const struct cart *c = &t->cart;
	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb, "v1\ndiscount\t%ld\t%lld\n", (long)c->ticket_discount_pct,
	            (long long)c->ticket_discount_amount);
	for (size_t i = 0; i < c->n; i++) {
		const struct cart_line *l = &c->lines[i];
		if (l->voided)
			continue;
		char q[32];
		quantity_format(q, sizeof q, l->qty, l->item.weighed ? 3 : 0, ".");
		strbuf_addf(&sb, "line\t%s\t%s\t%ld\t%lld\n", l->item.sku, q, (long)l->discount_pct,
		            l->item.price_fixed ? (long long)l->item.catalogue_price : -1LL);
	}
	return strbuf_detach(&sb);
}

int app_ticket_suspend(struct app *a, struct app_ticket *t, int64_t *id, char **err)
{
	if (cart_count(&t->cart) == 0) {
		error_set(err, _("the ticket has no lines"));
		return APP_ERR;
	}
	struct db_suspended s;
	memset(&s, 0, sizeof s);
	s.created_at = (int64_t)time(NULL);
	strlcpy_safe(s.terminal, a->shop.terminal, sizeof s.terminal);
	strlcpy_safe(s.user, a->user[0] ? a->user : a->shop.terminal, sizeof s.user);
	if (t->has_customer)
		strlcpy_safe(s.customer_code, t->customer.code, sizeof s.customer_code);
	strlcpy_safe(s.idem_key, t->key, sizeof s.idem_key);
	s.total = t->cart.total_gross;
	s.entries = app_suspend_entries(t);
	int rc = db_begin(a->db, err);
	if (rc == DB_OK && db_suspended_add(a->db, &s, err) == DB_OK &&
	    db_commit(a->db, err) == DB_OK) {
		free(s.entries);
		*id = s.id;
		app_ticket_clear(a, t);
		return APP_OK;
	}
	if (rc == DB_OK)
		db_rollback(a->db);
	free(s.entries);
	return APP_IO;
}

/* One "line" entry back onto the ticket. */
static int app_resume_line(struct app *a, struct app_ticket *t, char *fields, char **err)
{
	char *f[5];
	size_t n = 0;
	for (char *p = fields; n < 5; n++) {
		f[n] = p;
		char *tab = strchr(p, '\t');
		if (!tab) {
			n++;
			break;
		}
		*tab = '\0';
		p = tab + 1;
	}
	if (n != 5) {
		error_set(err, _("a suspended line cannot be read"));
		return APP_ERR;
	}
	int idx = app_ticket_add(a, t, f[1], f[2], err);
	if (idx < 0)
		return idx;
	long pct = strtol(f[3], NULL, 10);
	long long fixed = strtoll(f[4], NULL, 10);
	struct cart *c = &t->cart;
	struct cart_line *l = &c->lines[idx];
	if (fixed >= 0) {
		l->item.price_fixed = 1;
		l->item.catalogue_price = fixed;
		l->item.unit_price = pricing_to_convention(fixed, l->item.product_rate,
		                                           a->shop.prices_include_tax, c->inclusive);
	}
	int rc = pct ? cart_set_line_discount(c, (size_t)idx, (int32_t)pct) : cart_update(c);
	if (rc < 0) {
		error_set(err, "%s", app_core_strerror(rc));
		return APP_ERR;
	}
	return APP_OK;
}

static int app_resume_entries(struct app *a, struct app_ticket *t, const char *entries,
                              char **err)
{
	char *copy = xstrdup(entries), *save = NULL;
	int rc = APP_OK;
	long pct = 0;
	long long amount = 0;
	for (char *ln = strtok_r(copy, "\n", &save); ln && rc == APP_OK;
	     ln = strtok_r(NULL, "\n", &save)) {
		if (strncmp(ln, "line\t", 5) == 0)
			rc = app_resume_line(a, t, ln, err);
		else if (strncmp(ln, "discount\t", 9) == 0)
			sscanf(ln + 9, "%ld\t%lld", &pct, &amount);
	}
	free(copy);
	if (rc != APP_OK)
		return rc;
	int crc = pct ? cart_set_ticket_discount_pct(&t->cart, (int32_t)pct)
	          : amount ? cart_set_ticket_discount_amount(&t->cart, amount) : 0;
	if (crc < 0) {
		error_set(err, "%s", app_core_strerror(crc));
		return APP_ERR;
	}
	return APP_OK;
}

int app_ticket_resume(struct app *a, int64_t id, struct app_ticket *t, char **err)
{
	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	struct db_suspended s;
	int rc = db_suspended_take(a->db, id, &s);
	if (rc != DB_OK) {
		db_rollback(a->db);
		if (rc == DB_NOTFOUND) {
			error_set(err, _("no suspended ticket %lld (resumed elsewhere?)"), (long long)id);
			return APP_NOTFOUND;
		}
		error_set(err, _("cannot read suspended tickets: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	app_ticket_clear(a, t);
	char *why = NULL;
	rc = APP_OK;
	if (s.customer_code[0])
		rc = app_ticket_set_customer(a, t, s.customer_code, &why);
	if (rc >= 0)
		rc = app_resume_entries(a, t, s.entries, &why);
	if (rc < 0) {
		db_rollback(a->db);
		app_ticket_clear(a, t);
		error_set(err, _("suspended ticket %lld cannot be resumed: %s"), (long long)id,
		          why ? why : "?");
		free(why);
		db_suspended_release(&s);
		return APP_ERR;
	}
	if (db_commit(a->db, err) != DB_OK) {
		db_rollback(a->db);
		app_ticket_clear(a, t);
		db_suspended_release(&s);
		return APP_IO;
	}
	strlcpy_safe(t->key, s.idem_key, sizeof t->key);
	db_suspended_release(&s);
	return APP_OK;
}

struct app_suspended_walk {
	int (*fn)(const struct app_suspended_info *, void *);
	void *ctx;
};

static int app_suspended_step(const struct db_suspended *s, void *ctx)
{
	struct app_suspended_walk *w = ctx;
	struct app_suspended_info info;
	memset(&info, 0, sizeof info);
	info.id = s->id;
	info.created_at = s->created_at;
	strlcpy_safe(info.terminal, s->terminal, sizeof info.terminal);
	strlcpy_safe(info.user, s->user, sizeof info.user);
	strlcpy_safe(info.customer_code, s->customer_code, sizeof info.customer_code);
	info.total = s->total;
	return w->fn(&info, w->ctx);
}

int app_suspended_each(struct app *a, int (*fn)(const struct app_suspended_info *, void *),
                       void *ctx, char **err)
{
	struct app_suspended_walk w = { fn, ctx };
	int rc = db_suspended_each(a->db, app_suspended_step, &w);
	if (rc < 0) {
		error_set(err, _("cannot read suspended tickets: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	return APP_OK;
}

static int app_suspended_counter(const struct app_suspended_info *s, void *ctx)
{
	(void)s;
	(*(int64_t *)ctx)++;
	return 0;
}

int app_suspended_count(struct app *a, int64_t *n, char **err)
{
	*n = 0;
	return app_suspended_each(a, app_suspended_counter, n, err);
}
