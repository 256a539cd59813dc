/* The kinds of file import and export know and their columns: the tables,
 * the names the command line and the messages use, and the checks of an
 * encoding name. */
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include "import-internal.h"
#include "../util/charset.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"

/* Each kind's columns, required ones first, in the order export writes them. */
static const struct imp_col imp_cols_products[] = {
	{ "sku", 64 }, { "name", 160 }, { "price", 32 }, { "tax_rate", 16 },
	{ "barcode", 1024 }, { "unit", 16 }, { "pack_of", 16 }, { "pack_barcode", 1024 },
	{ "cost", 32 }, { "brand", 64 }, { "category", 64 }, { "supplier", 64 },
	{ "weighed", 8 },
};

static const struct imp_col imp_cols_customers[] = {
	{ "code", 64 }, { "name", 160 }, { "kind", 32 }, { "price_list", 32 },
	{ "tax_id", 64 }, { "credit_limit", 32 }, { "terms", 32 }, { "email", 254 },
	{ "phone", 32 }, { "address", 400 }, { "state", 32 },
};

static const struct imp_col imp_cols_prices[] = {
	{ "list", 32 }, { "sku", 64 }, { "price", 32 }, { "min_qty", 16 },
	{ "valid_from", 16 }, { "valid_to", 16 },
};

static const struct imp_col imp_cols_stock[] = {
	{ "sku", 64 }, { "quantity", 24 }, { "location", 64 }, { "lot", 64 }, { "expiry", 16 },
};

static const struct imp_col imp_cols_sales[] = {
	{ "ticket", 0 }, { "date", 0 }, { "sku", 0 }, { "name", 0 }, { "qty", 0 },
	{ "unit_price", 0 }, { "amount", 0 }, { "discount", 0 }, { "net", 0 },
	{ "tax_rate", 0 }, { "tax", 0 }, { "gross", 0 },
};

#define IMP_COLS(a) a, sizeof a / sizeof a[0]
const struct imp_kind imp_kinds[IMP_KINDS] = {
	[APP_IO_PRODUCTS] = { "products", IMP_COLS(imp_cols_products), 4 },
	[APP_IO_CUSTOMERS] = { "customers", IMP_COLS(imp_cols_customers), 3 },
	[APP_IO_PRICES] = { "prices", IMP_COLS(imp_cols_prices), 3 },
	[APP_IO_STOCK] = { "stock", IMP_COLS(imp_cols_stock), 2 },
	[APP_IO_SALES] = { "sales", IMP_COLS(imp_cols_sales), 12 },
};

int app_io_kind_parse(const char *name)
{
	for (size_t i = 0; i < IMP_KINDS; i++)
		if (strcasecmp(name, imp_kinds[i].name) == 0)
			return (int)i;
	return -1;
}

const char *app_io_kind_name(enum app_io_kind kind)
{
	return imp_kinds[kind].name;
}

size_t app_io_column_count(enum app_io_kind kind)
{
	return imp_kinds[kind].ncols;
}

const char *app_io_column(enum app_io_kind kind, size_t i)
{
	return imp_kinds[kind].cols[i].name;
}

const char *app_io_columns(enum app_io_kind kind)
{
	static char lists[IMP_KINDS][256];
	if (!lists[kind][0]) {
		size_t o = 0, size = sizeof lists[kind];
		for (size_t i = 0; i < imp_kinds[kind].ncols && o < size; i++) {
			if (i && i == imp_kinds[kind].required)
				o += (size_t)snprintf(lists[kind] + o, size - o, "; %s: ", _("optional"));
			else if (i)
				o += (size_t)snprintf(lists[kind] + o, size - o, ", ");
			if (o < size)
				o += (size_t)snprintf(lists[kind] + o, size - o, "%s",
				                      imp_kinds[kind].cols[i].name);
		}
	}
	return lists[kind];
}

int app_io_encoding_known(const char *encoding)
{
	char *s = charset_from_utf8("", encoding);
	int known = s != NULL;
	free(s);
	return known;
}
