/* Who a printed document is from and to: the shop as the seller with its
 * tax ids, the customer and the ship-to, and on a drop-ship packing slip the
 * reseller or nobody as the sender; and the shop settings they read. */
#include <stdio.h>
#include <string.h>
#include "docprint-internal.h"
#include "documents-internal.h"
#include "../../db/catalog.h"
#include "../core/taxid.h"
#include "../core/text.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"

static const char *dp_tax_id_label(const struct app *a)
{
	return app_shop(a)->country == APP_COUNTRY_IN ? _("GSTIN") : _("VAT number");
}

/* A shop setting, or def when unset. */
void dp_setting(struct app *a, const char *key, const char *def, char *out, size_t size)
{
	if (db_setting_get(a->db, key, out, size) != DB_OK || !out[0])
		strlcpy_safe(out, def, size);
}

void dp_seller_lines(struct app *a, struct strbuf *sb)
{
	const struct app_shop *s = app_shop(a);
	char v[256];
	strbuf_puts(sb, s->name);
	if (s->address[0])
		strbuf_addf(sb, "\n%s", s->address);
	dp_setting(a, "seller_tax_id", "", v, sizeof v);
	if (v[0])
		strbuf_addf(sb, "\n%s %s", dp_tax_id_label(a), v);
	if (s->country == APP_COUNTRY_IN && s->seller_state[0])
		strbuf_addf(sb, "\n%s %s", _("State code"), s->seller_state);
	if (s->country == APP_COUNTRY_FR) {
		dp_setting(a, "seller_siren", "", v, sizeof v);
		if (v[0])
			strbuf_addf(sb, "\n%s %s", _("SIREN"), v);
		dp_setting(a, "seller_legal", "", v, sizeof v);
		if (v[0])
			strbuf_addf(sb, "\n%s", v);
	}
}

void dp_party_lines(struct app *a, const struct db_doc_party *p, int flags,
                    struct strbuf *sb)
{
	strbuf_puts(sb, p->name);
	if (p->address[0])
		strbuf_addf(sb, "\n%s", p->address);
	if ((flags & DP_PARTY_TAX) && p->tax_id[0])
		strbuf_addf(sb, "\n%s %s", dp_tax_id_label(a), p->tax_id);
	if ((flags & DP_PARTY_TAX) && app_shop(a)->country == APP_COUNTRY_IN && p->state[0])
		strbuf_addf(sb, "\n%s %s", _("State code"), p->state);
	if ((flags & DP_PARTY_CODE) && p->code[0])
		strbuf_addf(sb, "\n%s %s", _("Customer"), p->code);
}

static void dp_parties(struct dp_doc *d, const char *hl, const char *l, const char *hr,
                       const char *r)
{
	const char *t[4] = { hl, l, hr, r };
	dp_add(d, DP_PARTIES, 0, NULL, t, 4);
}

/* Sender and recipient of goods: a drop-ship slip (a ship-to on a slip)
 * names the reseller or nobody as the sender. */
int dp_goods_parties(struct app *a, struct dp_doc *d, const struct db_doc *doc,
                            const struct db_doc_party *cu, const struct docprint_opts *o,
                            char **err)
{
	struct db_doc_party to;
	struct strbuf from, rcpt;
	strbuf_init(&from);
	strbuf_init(&rcpt);
	int drop = o->slip && doc->ship_to_id;
	if (o->as_reseller && !drop) {
		error_set(err, _("%s %lld has no ship-to address: it is not a drop-ship"), doc->kind,
		          (long long)doc->number);
		return APP_ERR;
	}
	if (doc->ship_to_id && db_doc_ship_to(a->db, doc->ship_to_id, &to) == DB_OK) {
		dp_party_lines(a, &to, o->slip ? 0 : DP_PARTY_TAX, &rcpt);
	} else {
		dp_party_lines(a, cu, o->slip ? 0 : DP_PARTY_TAX | DP_PARTY_CODE, &rcpt);
	}
	if (!drop)
		dp_seller_lines(a, &from);
	else if (o->as_reseller)
		dp_party_lines(a, cu, 0, &from);
	dp_parties(d, strbuf_str(&from)[0] ? _("From") : "", strbuf_str(&from), _("Deliver to"),
	           strbuf_str(&rcpt));
	if (!o->slip && doc->ship_to_id) {
		strbuf_release(&rcpt);
		strbuf_init(&rcpt);
		dp_party_lines(a, cu, DP_PARTY_TAX | DP_PARTY_CODE, &rcpt);
		dp_parties(d, "", "", _("Bill to"), strbuf_str(&rcpt));
	}
	strbuf_release(&from);
	strbuf_release(&rcpt);
	return APP_OK;
}

void dp_priced_parties(struct app *a, struct dp_doc *d, const struct db_doc *doc,
                              const struct db_doc_party *cu)
{
	struct strbuf s, b;
	strbuf_init(&s);
	strbuf_init(&b);
	dp_seller_lines(a, &s);
	dp_party_lines(a, cu, DP_PARTY_TAX | DP_PARTY_CODE, &b);
	dp_parties(d, _("Seller"), strbuf_str(&s), _("Bill to"), strbuf_str(&b));
	struct db_doc_party to;
	if (doc->ship_to_id && db_doc_ship_to(a->db, doc->ship_to_id, &to) == DB_OK) {
		strbuf_release(&b);
		strbuf_init(&b);
		dp_party_lines(a, &to, DP_PARTY_TAX, &b);
		dp_parties(d, "", "", _("Ship to"), strbuf_str(&b));
	}
	strbuf_release(&s);
	strbuf_release(&b);
}

const char *const app_docprint_setting_keys[] = {
	"seller_tax_id", "seller_siren", "seller_legal", "late_penalty", "early_discount",
	"recovery_indemnity", NULL,
};

int app_docprint_setting_check(struct app *a, const char *key, const char *value, char *out,
                               size_t size, char **err)
{
	int known = 0;
	for (const char *const *k = app_docprint_setting_keys; *k; k++)
		known |= strcmp(*k, key) == 0;
	if (!known)
		return APP_NOTFOUND;
	if (!value[0]) {
		strlcpy_safe(out, "", size);
		return APP_OK;
	}
	if (strcmp(key, "seller_tax_id") == 0) {
		int rc = app_shop(a)->country == APP_COUNTRY_IN ? taxid_gstin_check(value, out, size)
		                                                : taxid_vat_check(value, out, size);
		if (rc != TAXID_OK) {
			error_set(err, _("%s: %s"), key, _(taxid_strerror(rc)));
			return APP_ERR;
		}
		return APP_OK;
	}
	if (strcmp(key, "recovery_indemnity") == 0) {
		money_t v;
		if (money_parse(value, 2, &v) != 0 || v < 0) {
			error_set(err, _("%s: '%s' is not an amount"), key, value);
			return APP_ERR;
		}
		money_format(out, size, v, &money_style_plain);
		return APP_OK;
	}
	int rc = text_clean(value, out, size, 250);
	if (rc != TEXT_OK && rc != TEXT_CONTROL) {
		error_set(err, _("%s: %s"), key, _(text_strerror(rc)));
		return APP_ERR;
	}
	return APP_OK;
}
