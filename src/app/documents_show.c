/* A document as text: its head, status, lines and totals, and the
 * documents before and after it; the same for an order read by `ask`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "documents-internal.h"
#include "shipping-internal.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"

static void show_money(struct strbuf *sb, const char *label, money_t v)
{
	char m[32];
	money_format(m, sizeof m, v, &money_style_plain);
	strbuf_addf(sb, "%s %s\n", label, m);
}

static void show_day(struct strbuf *sb, const char *label, int32_t d)
{
	if (d)
		strbuf_addf(sb, "%s %04d-%02d-%02d\n", label, d / 10000, d / 100 % 100, d % 100);
}

struct show_lines {
	struct app *a;
	struct strbuf *sb;
	int64_t order_id;     /* an order: each line says what went out and was billed */
};

static int show_line(const struct db_doc_line *l, void *arg)
{
	struct show_lines *s = arg;
	char unit[32], gross[32];
	money_format(unit, sizeof unit, l->unit_price, &money_style_plain);
	money_format(gross, sizeof gross, l->gross, &money_style_plain);
	strbuf_addf(s->sb, "line %d %s %lld x %s = %s  %s\n", l->line_no, l->sku, (long long)l->qty,
	            unit, gross, l->name);
	int64_t del = 0, inv = 0;
	if (s->order_id && db_order_line_done(s->a->db, s->order_id, l->line_no, &del, &inv) == DB_OK)
		strbuf_addf(s->sb, "  delivered %lld invoiced %lld backorder %lld\n", (long long)del,
		            (long long)inv, (long long)(l->qty - del));
	return 0;
}

static void show_status(struct app *a, const struct db_doc *d, char *out, size_t size);

struct show_link {
	struct app *a;
	struct strbuf *sb;
	const char *label;
};

static int show_linked(const struct db_doc *d, void *arg)
{
	struct show_link *s = arg;
	char num[24], status[24];
	doc_number_text(d, num, sizeof num);
	show_status(s->a, d, status, sizeof status);
	strbuf_addf(s->sb, "%s %s %s (%s)\n", s->label, d->kind, num, status);
	return 0;
}

/* The status shown: an invoice's is computed from what is open on it. */
static void show_status(struct app *a, const struct db_doc *d, char *out, size_t size)
{
	strlcpy_safe(out, d->status, size);
	if (strcmp(d->kind, "invoice") == 0) {
		int64_t open = 0;
		db_invoice_open(a->db, d->id, &open);
		strlcpy_safe(out, open <= 0 ? "paid" : open < d->total ? "partly paid" : "open", size);
	} else if (strcmp(d->kind, "quote") == 0 && strcmp(d->status, "open") == 0 &&
	           d->valid_until && app_desk_today() > d->valid_until) {
		strlcpy_safe(out, "expired", size);
	} else if (strcmp(d->kind, "credit") == 0 || strcmp(d->kind, "delivery") == 0) {
		strlcpy_safe(out, "posted", size);
	}
}

static void show_doc(struct app *a, const struct db_doc *d, struct strbuf *sb)
{
	char num[24], status[24];
	doc_number_text(d, num, sizeof num);
	show_status(a, d, status, sizeof status);
	struct db_desk_customer cu;
	memset(&cu, 0, sizeof cu);
	db_desk_customer_by_id(a->db, d->customer_id, &cu);
	strbuf_addf(sb, "%s %s\nstatus %s\ncustomer %s %s\n", d->kind, num, status, cu.code, cu.name);
	doc_shipping_show(a, d, sb);
	show_day(sb, "date", d->day);
	show_day(sb, "valid-until", d->valid_until);
	show_day(sb, "due", d->due);
	struct show_lines sl = { a, sb, strcmp(d->kind, "order") == 0 ? d->id : 0 };
	db_doc_lines(a->db, d->id, show_line, &sl);
	if (strcmp(d->kind, "delivery") != 0) {
		show_money(sb, "net", d->net);
		show_money(sb, "tax", d->tax);
		show_money(sb, "total", d->total);
	}
	if (strcmp(d->kind, "invoice") == 0) {
		int64_t open = 0;
		db_invoice_open(a->db, d->id, &open);
		show_money(sb, "open", open);
	}
	struct show_link before = { a, sb, "from" }, after = { a, sb, "then" };
	db_doc_linked(a->db, d->id, 0, show_linked, &before);
	db_doc_linked(a->db, d->id, 1, show_linked, &after);
}

int app_doc_show(struct app *a, const char *kind, const char *number, char **text, char **err)
{
	*text = NULL;
	static const char *const kinds[] = { "quote", "order", "delivery", "invoice", "credit", NULL };
	int known = 0;
	for (const char *const *k = kinds; *k; k++)
		known |= strcmp(*k, kind) == 0;
	if (!known) {
		error_set(err, _("unknown document kind '%s' (quote, order, delivery, invoice, credit)"),
		          kind);
		return APP_ERR;
	}
	struct db_doc d;
	int rc = doc_find(a, kind, number, &d, err);
	if (rc != APP_OK)
		return rc;
	struct strbuf sb;
	strbuf_init(&sb);
	show_doc(a, &d, &sb);
	*text = xstrdup(strbuf_str(&sb));
	strbuf_release(&sb);
	return APP_OK;
}

int app_doc_order_summary(struct app *a, const char *customer, int64_t number, char **text,
                          char **err)
{
	*text = NULL;
	struct db_desk_customer cu;
	struct db_doc d;
	char num[24];
	snprintf(num, sizeof num, "%lld", (long long)number);
	int rc = doc_customer(a, customer, &cu, err);
	if (rc == APP_OK)
		rc = doc_find(a, "order", num, &d, err);
	if (rc == APP_OK && d.customer_id != cu.id) {
		error_set(err, _("no order %s for %s"), num, cu.code);
		return APP_NOTFOUND;
	}
	if (rc != APP_OK)
		return rc;
	struct strbuf sb;
	strbuf_init(&sb);
	show_doc(a, &d, &sb);
	*text = xstrdup(strbuf_str(&sb));
	strbuf_release(&sb);
	return APP_OK;
}
