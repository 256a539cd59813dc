/* Export as CSV: the columns import reads, header line first, ',' between
 * fields and '.' in numbers, text that a spreadsheet would run as a formula
 * guarded with "'"; and the sales, one row per ticket line. Reads only. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "import.h"
#include "app-internal.h"
#include "../../db/io.h"
#include "../core/csv.h"
#include "../core/tax.h"
#include "../util/charset.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"

struct exp {
	FILE *out;
	const char *encoding;   /* NULL: UTF-8 */
	struct strbuf line;
	size_t nfields;         /* in the line so far */
};

/* Adds one field; guard: text a person typed, which may look like a formula. */
static void exp_field(struct exp *e, const char *s, int guard)
{
	char small[256];
	size_t n = csv_format_field(small, sizeof small, s, ',', guard ? CSV_GUARD : 0);
	if (e->nfields++)
		strbuf_addch(&e->line, ',');
	if (n < sizeof small) {
		strbuf_add(&e->line, small, n);
	} else {
		char *big = xmalloc(n + 1);
		csv_format_field(big, n + 1, s, ',', guard ? CSV_GUARD : 0);
		strbuf_add(&e->line, big, n);
		free(big);
	}
}

static void exp_money(struct exp *e, int64_t v)
{
	char buf[48];
	money_format(buf, sizeof buf, v, &money_style_plain);
	exp_field(e, buf, 0);
}

static void exp_int(struct exp *e, int64_t v)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%lld", (long long)v);
	exp_field(e, buf, 0);
}

static void exp_rate(struct exp *e, int32_t rate)
{
	char buf[16];
	tax_rate_format(buf, sizeof buf, rate);
	exp_field(e, buf, 0);
}

/* YYYYMMDD as YYYY-MM-DD; 0 (open) as "". */
static void exp_day(struct exp *e, int32_t day)
{
	char buf[16] = "";
	if (day)
		snprintf(buf, sizeof buf, "%04d-%02d-%02d", (int)(day / 10000), (int)(day / 100 % 100),
		         (int)(day % 100));
	exp_field(e, buf, 0);
}

/* Writes the line out, converted when an encoding was asked for. */
static int exp_end(struct exp *e)
{
	strbuf_addch(&e->line, '\n');
	int rc = 0;
	if (e->encoding) {
		char *conv = charset_from_utf8(strbuf_str(&e->line), e->encoding);
		rc = conv && fputs(conv, e->out) >= 0 ? 0 : -1;
		free(conv);
	} else {
		rc = fwrite(e->line.buf, 1, e->line.len, e->out) == e->line.len ? 0 : -1;
	}
	e->line.len = 0;
	e->line.buf[0] = '\0';
	e->nfields = 0;
	return rc;
}

static int exp_product(const struct db_io_product_row *r, void *ctx)
{
	struct exp *e = ctx;
	const struct db_io_product *p = &r->p;
	exp_field(e, p->sku, 1);
	exp_field(e, p->name, 1);
	exp_money(e, p->price);
	exp_rate(e, p->tax_rate);
	exp_field(e, r->barcodes, 1);
	exp_field(e, p->unit, 1);
	if (r->pack_of)
		exp_int(e, r->pack_of);
	else
		exp_field(e, "", 0);
	exp_field(e, r->pack_barcodes, 1);
	exp_money(e, p->cost);
	exp_field(e, p->brand, 1);
	exp_field(e, p->category, 1);
	exp_field(e, p->supplier, 1);
	exp_int(e, p->weighed);
	return exp_end(e);
}

static int exp_customer(const struct db_io_customer *c, void *ctx)
{
	struct exp *e = ctx;
	exp_field(e, c->code, 1);
	exp_field(e, c->name, 1);
	exp_field(e, c->kind, 1);
	exp_field(e, c->price_list, 1);
	exp_field(e, c->tax_id, 1);
	exp_money(e, c->credit_limit);
	exp_field(e, c->terms, 1);
	exp_field(e, c->email, 1);
	exp_field(e, c->phone, 1);
	exp_field(e, c->address, 1);
	exp_field(e, c->state, 1);
	return exp_end(e);
}

static int exp_price(const struct db_io_price *p, void *ctx)
{
	struct exp *e = ctx;
	exp_field(e, p->list, 1);
	exp_field(e, p->sku, 1);
	exp_money(e, p->price);
	exp_int(e, p->min_qty);
	exp_day(e, p->valid_from);
	exp_day(e, p->valid_to);
	return exp_end(e);
}

static int exp_sale(const struct db_io_sale_line *l, void *ctx)
{
	struct exp *e = ctx;
	char buf[48];
	exp_int(e, l->number);
	time_t t = (time_t)l->created_at;
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
	exp_field(e, buf, 0);
	exp_field(e, l->sku, 1);
	exp_field(e, l->name, 1);
	quantity_format(buf, sizeof buf, l->qty, l->weighed ? 3 : 0, ".");
	exp_field(e, buf, 0);
	exp_money(e, l->unit_price);
	exp_money(e, l->amount);
	exp_money(e, l->discount);
	exp_money(e, l->net);
	exp_rate(e, l->tax_rate);
	exp_money(e, l->tax);
	exp_money(e, l->gross);
	return exp_end(e);
}

int app_export(struct app *a, enum app_io_kind kind, FILE *out, const char *encoding,
               char **err)
{
	if (encoding && !app_io_encoding_known(encoding)) {
		error_set(err, _("unknown encoding '%s'"), encoding);
		return APP_ERR;
	}
	struct exp e = { .out = out, .encoding = encoding };
	strbuf_init(&e.line);
	for (size_t i = 0; i < app_io_column_count(kind); i++)
		exp_field(&e, app_io_column(kind, i), 0);
	int rc = exp_end(&e);
	char *why = NULL;
	if (rc == 0) {
		switch (kind) {
		case APP_IO_PRODUCTS:
			rc = db_io_products_each(a->db, exp_product, &e, &why);
			break;
		case APP_IO_CUSTOMERS:
			rc = db_io_customers_each(a->db, exp_customer, &e, &why);
			break;
		case APP_IO_PRICES:
			rc = db_io_prices_each(a->db, exp_price, &e, &why);
			break;
		case APP_IO_STOCK:
			error_set(&why, _("stock is not exported; use: comptoir stock CODE"));
			rc = DB_ERROR;
			break;
		case APP_IO_SALES:
			rc = db_io_sales_each(a->db, exp_sale, &e, &why);
			break;
		}
	}
	strbuf_release(&e.line);
	if (rc == DB_ERROR) {
		error_set(err, "%s", why ? why : _("cannot read the shop"));
		free(why);
		return APP_IO;
	}
	free(why);
	if (rc != 0 || fflush(out) != 0 || ferror(out)) {
		error_set(err, _("cannot write the file"));
		return APP_IO;
	}
	return APP_OK;
}
