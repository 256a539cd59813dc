/* Decisions a person makes by right on a ticket being rung up: a manual
 * price (it survives quantity changes because the reprice applies it last),
 * a discount above the threshold, the list's rules waived. Each is checked
 * here, where it happens, and kept with who approved it for the journal. */
#include <stdlib.h>
#include <string.h>
#include "app-internal.h"
#include "auth.h"
#include "ticket-internal.h"
#include "../core/text.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

const struct app_ticket_manual *app_ticket_manual_find(const struct app_ticket *t,
                                                       enum app_manual_kind kind,
                                                       int64_t product_id)
{
	for (size_t i = 0; i < t->nmanual; i++)
		if (t->manual[i].kind == kind &&
		    (kind == APP_MANUAL_RULES || t->manual[i].product_id == product_id))
			return &t->manual[i];
	return NULL;
}

/* A reason is one line of 1 to 64 bytes without control characters. */
static int app_reason_check(const char *reason, char **err)
{
	char clean[APP_REASON_MAX * 4 + 1];
	if (!reason || text_clean(reason, clean, sizeof clean, APP_REASON_MAX) != TEXT_OK ||
	    !clean[0] || strlen(reason) >= sizeof clean) {
		error_set(err, _("give a reason of 1 to %d characters"), APP_REASON_MAX);
		return APP_ERR;
	}
	return APP_OK;
}

static int app_line_check(const struct app_ticket *t, size_t line, char **err)
{
	if (line >= t->cart.n || t->cart.lines[line].voided) {
		error_set(err, "%s", app_core_strerror(CART_BAD_LINE));
		return APP_ERR;
	}
	if (t->cart.lines[line].item.price_fixed) {
		error_set(err, _("this line's price comes from its barcode label"));
		return APP_ERR;
	}
	return APP_OK;
}

/* Fills (or replaces) the ticket's decision of `kind` for product_id. */
static struct app_ticket_manual *app_manual_slot(struct app_ticket *t, enum app_manual_kind kind,
                                                 int64_t product_id, char **err)
{
	struct app_ticket_manual *m =
		(struct app_ticket_manual *)app_ticket_manual_find(t, kind, product_id);
	if (!m) {
		if (t->nmanual == APP_TICKET_MANUAL_MAX) {
			error_set(err, _("at most %d manual prices and discounts on one ticket"),
			          APP_TICKET_MANUAL_MAX);
			return NULL;
		}
		m = &t->manual[t->nmanual++];
	}
	memset(m, 0, sizeof *m);
	m->kind = kind;
	m->product_id = product_id;
	return m;
}

static void app_manual_who(struct app *a, struct app_ticket_manual *m, const char *reason)
{
	strlcpy_safe(m->reason, reason, sizeof m->reason);
	strlcpy_safe(m->user, app_user_name(a), sizeof m->user);
	strlcpy_safe(m->approver, app_approver(a), sizeof m->approver);
}

int app_ticket_override(struct app *a, struct app_ticket *t, size_t line, const char *price_text,
                        const char *reason, char **err)
{
	if (app_line_check(t, line, err) != APP_OK || app_reason_check(reason, err) != APP_OK)
		return APP_ERR;
	money_t price;
	int rc = money_parse(price_text, 2, &price);
	if (rc != MONEY_OK) {
		error_set(err, _("bad price '%s': %s"), price_text, _(money_strerror(rc)));
		return APP_ERR;
	}
	if (price < 0) {
		/* Money given back goes through a return, with its own right. */
		error_set(err, _("a manual price cannot be below zero: take the goods back as a "
		                 "return"));
		return APP_ERR;
	}
	if ((rc = app_require(a, RIGHT_PRICE_OVERRIDE, err)) != APP_OK)
		return rc;
	const struct cart_line *l = &t->cart.lines[line];
	size_t saved_n = t->nmanual;
	struct app_ticket_manual saved[APP_TICKET_MANUAL_MAX];
	memcpy(saved, t->manual, sizeof saved);
	money_t was = l->item.unit_price;
	struct app_ticket_manual *m = app_manual_slot(t, APP_MANUAL_PRICE, l->item.product_id, err);
	if (!m) {
		app_require_done(a);
		return APP_ERR;
	}
	strlcpy_safe(m->sku, l->item.sku, sizeof m->sku);
	m->price = price;
	m->was = was;
	app_manual_who(a, m, reason);
	rc = app_ticket_reprice(a, t, l->item.product_id, err);
	if (rc != APP_OK) {
		memcpy(t->manual, saved, sizeof saved);
		t->nmanual = saved_n;
		app_ticket_reprice(a, t, t->cart.lines[line].item.product_id, NULL);
	}
	app_require_done(a);
	return rc;
}

int app_ticket_discount(struct app *a, struct app_ticket *t, size_t line, const char *pct_text,
                        const char *reason, char **err)
{
	if (app_line_check(t, line, err) != APP_OK)
		return APP_ERR;
	int64_t pct;
	int rc = decimal_parse(pct_text, 2, 10000, &pct);
	if (rc != MONEY_OK || pct < 0) {
		error_set(err, _("bad discount '%s': give a percentage from 0 to 100"), pct_text);
		return APP_ERR;
	}
	int large = pct > a->shop.discount_limit;
	if (large && app_reason_check(reason, NULL) != APP_OK) {
		char lim[16];
		quantity_format(lim, sizeof lim, a->shop.discount_limit, 2, ".");
		error_set(err, _("a discount above %s%% needs a reason (1 to %d characters) and the "
		                 "right to give it"), lim, APP_REASON_MAX);
		return APP_ERR;
	}
	if (large && (rc = app_require(a, RIGHT_DISCOUNT_LARGE, err)) != APP_OK)
		return rc;
	struct cart_line *l = &t->cart.lines[line];
	rc = cart_set_line_discount(&t->cart, line, (int32_t)pct);
	if (rc != CART_OK) {
		app_require_done(a);
		error_set(err, "%s", app_core_strerror(rc));
		return APP_ERR;
	}
	/* A discount at or under the threshold needs no record; one above it
	 * keeps who gave it. */
	if (large) {
		struct app_ticket_manual *m =
			app_manual_slot(t, APP_MANUAL_DISCOUNT, l->item.product_id, err);
		if (!m) {
			cart_set_line_discount(&t->cart, line, 0);
			app_require_done(a);
			return APP_ERR;
		}
		strlcpy_safe(m->sku, l->item.sku, sizeof m->sku);
		m->pct = (int32_t)pct;
		app_manual_who(a, m, reason);
	}
	app_require_done(a);
	return APP_OK;
}

int app_ticket_waive_rules(struct app *a, struct app_ticket *t, const char *reason, char **err)
{
	if (app_reason_check(reason, err) != APP_OK)
		return APP_ERR;
	if (!t->has_customer || !t->customer.list_id) {
		error_set(err, _("no customer list rules apply to this ticket"));
		return APP_ERR;
	}
	int rc = app_require(a, RIGHT_PRICE_OVERRIDE, err);
	if (rc != APP_OK)
		return rc;
	struct app_ticket_manual *m = app_manual_slot(t, APP_MANUAL_RULES, 0, err);
	if (!m) {
		app_require_done(a);
		return APP_ERR;
	}
	strlcpy_safe(m->sku, t->customer.list_code, sizeof m->sku);
	app_manual_who(a, m, reason);
	t->rules_waived = 1;
	app_require_done(a);
	return APP_OK;
}
