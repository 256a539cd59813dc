/* The check of each kind's records before anything is written: required
 * cells, references to the shop, keys repeated in the file; each good record
 * kept as a row for the write. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "import-internal.h"
#include "../../db/catalog.h"
#include "../../db/prices.h"
#include "../core/barcode.h"
#include "../core/csv.h"
#include "../core/money.h"
#include "../core/tax.h"
#include "../core/taxid.h"
#include "../core/text.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"

static uint64_t imp_hash(const char *s)
{
	uint64_t h = UINT64_C(14695981039346656037);
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * UINT64_C(1099511628211);
	return h;
}

/* Adds key (kept by the caller) seen on line; returns 0, or the line it was
 * first seen on. */
static size_t imp_seen_add(struct imp_seen *s, const char *key, size_t line)
{
	if (2 * (s->n + 1) > s->cap) {
		struct imp_seen bigger = { .cap = s->cap ? 2 * s->cap : 1024 };
		bigger.keys = xcalloc(bigger.cap, sizeof *bigger.keys);
		bigger.lines = xcalloc(bigger.cap, sizeof *bigger.lines);
		for (size_t i = 0; i < s->cap; i++)
			if (s->keys[i])
				imp_seen_add(&bigger, s->keys[i], s->lines[i]);
		free(s->keys);
		free(s->lines);
		*s = bigger;
	}
	size_t i = imp_hash(key) & (s->cap - 1);
	for (; s->keys[i]; i = (i + 1) & (s->cap - 1))
		if (strcmp(s->keys[i], key) == 0)
			return s->lines[i];
	s->keys[i] = key;
	s->lines[i] = line;
	s->n++;
	return 0;
}

void imp_seen_release(struct imp_seen *s)
{
	free(s->keys);
	free(s->lines);
}

static void *imp_row_new(struct imp *im)
{
	if (im->nrows == im->caprows) {
		im->caprows = im->caprows ? 2 * im->caprows : 1024;
		im->rows = xrealloc(im->rows, im->caprows * im->row_size);
	}
	void *row = im->rows + im->nrows * im->row_size;
	memset(row, 0, im->row_size);
	return row;
}

/* Checks the "|"-separated barcodes of a cell: each an EAN/UPC with a right
 * check digit or a code with letters, new to the file, and in the shop
 * either unknown or already this product's (product_id, 0 for a new one).
 * Returns the normalised list, kept in the arena, or NULL. */
static const char *imp_barcodes(struct imp *im, size_t line, const char *v, const char *col,
                                int64_t product_id)
{
	struct strbuf sb = STRBUF_INIT;
	int bad = 0;
	const char *p = v;
	while (*p && !bad) {
		size_t n = strcspn(p, "|");
		char raw[CSV_FIELD_MAX + 1], code[CSV_FIELD_MAX + 1];
		memcpy(raw, p, n);
		raw[n] = '\0';
		p += n + (p[n] == '|');
		if (text_clean(raw, code, sizeof code, 0) != TEXT_OK || !code[0] ||
		    text_check_code(code, 48) != TEXT_OK) {
			imp_error(im, line, _("%s '%s' is not a barcode"), col, raw);
			bad = 1;
			break;
		}
		char normal[14];
		enum barcode_kind kind;
		int rc = barcode_normalize(code, normal, &kind);
		if (rc == BARCODE_BAD_CHECK) {
			imp_error(im, line, _("%s %s: wrong check digit"), col, code);
			bad = 1;
			break;
		}
		if (kind == BARCODE_NONE && code[strspn(code, "0123456789")] == '\0') {
			imp_error(im, line, _("%s %s: digits only, but not an EAN-13, EAN-8, UPC-A or "
			                      "UPC-E"), col, code);
			bad = 1;
			break;
		}
		const char *key = imp_store(im, kind == BARCODE_NONE ? code : normal,
		                            strlen(kind == BARCODE_NONE ? code : normal));
		size_t first = imp_seen_add(&im->seen_codes, key, line);
		if (first) {
			imp_error(im, line, _("barcode %s is also on line %zu"), key, first);
			bad = 1;
			break;
		}
		int64_t owner, qty;
		if (db_io_barcode_get(im->a->db, key, &owner, &qty) == DB_OK && owner != product_id) {
			struct db_product other;
			if (db_product_by_barcode(im->a->db, key, &other) == DB_OK)
				imp_error(im, line, _("barcode %s belongs to product %s already"), key,
				          other.sku);
			else
				imp_error(im, line, _("barcode %s belongs to another product already"), key);
			bad = 1;
			break;
		}
		strbuf_addf(&sb, "%s%s", sb.len ? "|" : "", key);
	}
	const char *out = bad ? NULL : imp_store(im, strbuf_str(&sb), sb.len);
	strbuf_release(&sb);
	return out;
}

int imp_check_product(struct imp *im, const char **v, size_t line)
{
	int bad = imp_code(im, line, v[PC_SKU], "sku");
	bad |= imp_required(im, line, v[PC_NAME], "name");
	bad |= imp_required(im, line, v[PC_PRICE], "price");
	bad |= imp_required(im, line, v[PC_TAX], "tax_rate");
	if (bad)
		return -1;
	size_t first = imp_seen_add(&im->seen, v[PC_SKU], line);
	if (first) {
		imp_error(im, line, _("SKU %s is also on line %zu"), v[PC_SKU], first);
		return -1;
	}
	struct imp_product *r = imp_row_new(im);
	struct db_io_product *p = &r->p;
	r->line = line;
	r->has = im->has;
	p->sku = v[PC_SKU];
	p->name = v[PC_NAME];
	p->unit = v[PC_UNIT] && *v[PC_UNIT] ? v[PC_UNIT] : "pc";
	p->brand = v[PC_BRAND] ? v[PC_BRAND] : "";
	p->category = v[PC_CATEGORY] ? v[PC_CATEGORY] : "";
	p->supplier = v[PC_SUPPLIER] ? v[PC_SUPPLIER] : "";
	bad |= imp_money(im, line, v[PC_PRICE], "price", &p->price);
	bad |= imp_money(im, line, v[PC_COST], "cost", &p->cost);
	tax_rate_t rate = 0;
	int rc = tax_rate_parse(v[PC_TAX], &rate);
	for (size_t i = 0; rc == 0 && i < im->ntaxes && !p->tax_class_id; i++)
		if (im->taxes[i].rate == rate)
			p->tax_class_id = im->taxes[i].id;
	p->tax_rate = rate;
	if (!p->tax_class_id) {
		struct strbuf rates = STRBUF_INIT;
		for (size_t i = 0; i < im->ntaxes; i++) {
			char t[16];
			tax_rate_format(t, sizeof t, im->taxes[i].rate);
			strbuf_addf(&rates, "%s%s", i ? ", " : "", t);
		}
		imp_error(im, line, _("tax rate '%s' is not one of the shop's rates (%s)"),
		          v[PC_TAX], strbuf_str(&rates));
		strbuf_release(&rates);
		bad = 1;
	}
	if (v[PC_WEIGHED] && *v[PC_WEIGHED] && strcmp(v[PC_WEIGHED], "0") != 0 &&
	    strcmp(v[PC_WEIGHED], "1") != 0) {
		imp_error(im, line, _("weighed '%s' must be 0 or 1"), v[PC_WEIGHED]);
		bad = 1;
	}
	p->weighed = v[PC_WEIGHED] && strcmp(v[PC_WEIGHED], "1") == 0;
	int64_t id = 0;
	db_io_product_id(im->a->db, p->sku, &id, NULL);
	r->codes = "";
	r->pack_codes = "";
	if (v[PC_BARCODE] && *v[PC_BARCODE] &&
	    !(r->codes = imp_barcodes(im, line, v[PC_BARCODE], "barcode", id)))
		bad = 1;
	int pack_codes = v[PC_PACK_BARCODE] && *v[PC_PACK_BARCODE];
	int pack_of = v[PC_PACK_OF] && *v[PC_PACK_OF];
	if (pack_codes && !pack_of) {
		imp_error(im, line, _("pack_barcode needs pack_of, the units in the pack"));
		bad = 1;
	} else if (pack_of && !pack_codes) {
		imp_error(im, line, _("pack_of needs a pack_barcode"));
		bad = 1;
	} else if (pack_codes) {
		if (imp_count(im, line, v[PC_PACK_OF], "pack_of", 2, 1000000, 0, &r->pack_of))
			bad = 1;
		else if (!(r->pack_codes = imp_barcodes(im, line, v[PC_PACK_BARCODE], "pack_barcode",
		                                        id)))
			bad = 1;
	}
	if (bad)
		return -1;
	im->nrows++;
	return 0;
}

/* A customer's tax id as the shop's country needs it: a GSTIN in India; in
 * France an EU VAT number, or a number from outside the EU under its own
 * two-letter country code, kept as written.  Returns the id normalised (in
 * the arena) or NULL with the problem told. */
static const char *imp_tax_id(struct imp *im, size_t line, const char *v)
{
	char out[TAXID_MAX + 1];
	int rc;
	if (im->a->shop.country == APP_COUNTRY_IN) {
		if ((rc = taxid_gstin_check(v, out, sizeof out)) != TAXID_OK) {
			imp_error(im, line, _("tax_id '%s' is not a valid GSTIN: %s"), v,
			          _(taxid_strerror(rc)));
			return NULL;
		}
		return imp_store(im, out, strlen(out));
	}
	rc = taxid_normalize(v, out, sizeof out);
	if (rc == TAXID_OK && out[0] >= 'A' && out[0] <= 'Z' && out[1] >= 'A' && out[1] <= 'Z' &&
	    !taxid_vat_is_eu(out) && !(out[0] == 'G' && out[1] == 'R'))
		return v;
	if (rc == TAXID_OK)
		rc = taxid_vat_check(v, out, sizeof out);
	if (rc != TAXID_OK) {
		imp_error(im, line, _("tax_id '%s' is not a valid EU VAT number: %s"), v,
		          _(taxid_strerror(rc)));
		return NULL;
	}
	return imp_store(im, out, strlen(out));
}

int imp_check_customer(struct imp *im, const char **v, size_t line)
{
	int bad = imp_code(im, line, v[CC_CODE], "code");
	bad |= imp_required(im, line, v[CC_NAME], "name");
	bad |= imp_required(im, line, v[CC_KIND], "kind");
	if (bad)
		return -1;
	size_t first = imp_seen_add(&im->seen, v[CC_CODE], line);
	if (first) {
		imp_error(im, line, _("customer %s is also on line %zu"), v[CC_CODE], first);
		return -1;
	}
	struct imp_customer *r = imp_row_new(im);
	struct db_io_customer *c = &r->c;
	r->line = line;
	r->has = im->has;
	c->code = v[CC_CODE];
	c->name = v[CC_NAME];
	c->kind = v[CC_KIND];
	c->price_list = v[CC_LIST] ? v[CC_LIST] : "";
	if (*c->price_list && db_price_list_id(im->a->db, c->price_list, &c->price_list_id) != DB_OK) {
		imp_error(im, line, _("no price list '%s'"), c->price_list);
		bad = 1;
	}
	bad |= imp_money(im, line, v[CC_CREDIT], "credit_limit", &c->credit_limit);
	c->tax_id = v[CC_TAX_ID] ? v[CC_TAX_ID] : "";
	if (*c->tax_id && !(c->tax_id = imp_tax_id(im, line, c->tax_id)))
		bad = 1;
	c->terms = v[CC_TERMS] ? v[CC_TERMS] : "";
	c->email = v[CC_EMAIL] ? v[CC_EMAIL] : "";
	c->phone = v[CC_PHONE] ? v[CC_PHONE] : "";
	c->address = v[CC_ADDRESS] ? v[CC_ADDRESS] : "";
	c->state = v[CC_STATE] ? v[CC_STATE] : "";
	if (bad)
		return -1;
	im->nrows++;
	return 0;
}

int imp_check_price(struct imp *im, const char **v, size_t line)
{
	int bad = imp_code(im, line, v[RC_LIST], "list");
	bad |= imp_code(im, line, v[RC_SKU], "sku");
	bad |= imp_required(im, line, v[RC_PRICE], "price");
	if (bad)
		return -1;
	struct imp_price *r = imp_row_new(im);
	struct db_io_price *p = &r->p;
	r->line = line;
	if (db_price_list_id(im->a->db, v[RC_LIST], &p->list_id) != DB_OK) {
		imp_error(im, line, _("no price list '%s'"), v[RC_LIST]);
		bad = 1;
	}
	if (db_io_product_id(im->a->db, v[RC_SKU], &p->product_id, NULL) != DB_OK) {
		imp_error(im, line, _("no product with SKU %s"), v[RC_SKU]);
		bad = 1;
	}
	bad |= imp_money(im, line, v[RC_PRICE], "price", &p->price);
	bad |= imp_count(im, line, v[RC_MIN_QTY], "min_qty", 1, IMP_QTY_MAX, 1, &p->min_qty);
	bad |= imp_date(im, line, v[RC_FROM], "valid_from", &p->valid_from);
	bad |= imp_date(im, line, v[RC_TO], "valid_to", &p->valid_to);
	if (!bad && p->valid_to && p->valid_to < p->valid_from) {
		imp_error(im, line, _("valid_to is before valid_from"));
		bad = 1;
	}
	if (bad)
		return -1;
	char key[96];
	snprintf(key, sizeof key, "%lld|%lld|%lld|%ld", (long long)p->list_id,
	         (long long)p->product_id, (long long)p->min_qty, (long)p->valid_from);
	size_t first = imp_seen_add(&im->seen, imp_store(im, key, strlen(key)), line);
	if (first) {
		imp_error(im, line, _("the same list, SKU, min_qty and valid_from are on line %zu"),
		          first);
		return -1;
	}
	im->nrows++;
	return 0;
}

int imp_check_stock(struct imp *im, const char **v, size_t line)
{
	int bad = imp_code(im, line, v[SC_SKU], "sku");
	bad |= imp_required(im, line, v[SC_QTY], "quantity");
	const char *lot = v[SC_LOT] ? v[SC_LOT] : "", *expiry = v[SC_EXPIRY] ? v[SC_EXPIRY] : "";
	int32_t day;
	if (*expiry && !*lot) {
		imp_error(im, line, _("an expiry date needs a lot"));
		bad = 1;
	}
	if (*lot && (strlen(lot) > 64 || strpbrk(lot, "\t\r\n"))) {
		imp_error(im, line, _("a lot code has 1 to 64 characters"));
		bad = 1;
	}
	bad |= imp_date(im, line, expiry, "expiry", &day);
	if (bad)
		return -1;
	struct imp_stock *r = imp_row_new(im);
	r->line = line;
	strlcpy_safe(r->lot, lot, sizeof r->lot);
	strlcpy_safe(r->expiry, expiry, sizeof r->expiry);
	int weighed = 0;
	if (db_io_product_id(im->a->db, v[SC_SKU], &r->product_id, &weighed) != DB_OK) {
		imp_error(im, line, _("no product with SKU %s"), v[SC_SKU]);
		return -1;
	}
	int rc = decimal_parse(v[SC_QTY], weighed ? 3 : 0, IMP_QTY_MAX, &r->qty);
	if (rc != MONEY_OK || r->qty < 0) {
		imp_error(im, line, _("quantity '%s' is not %s"), v[SC_QTY],
		          weighed ? _("a weight in kg, zero or more, with at most 3 decimals")
		                  : _("a whole number, zero or more"));
		bad = 1;
	}
	r->location_id = im->a->location_id;
	if (v[SC_LOCATION] && *v[SC_LOCATION] &&
	    db_io_location_id(im->a->db, v[SC_LOCATION], &r->location_id) != DB_OK) {
		imp_error(im, line, _("no location '%s'"), v[SC_LOCATION]);
		bad = 1;
	}
	if (bad)
		return -1;
	char key[128];
	snprintf(key, sizeof key, "%lld|%lld|%s", (long long)r->product_id,
	         (long long)r->location_id, r->lot);
	size_t first = imp_seen_add(&im->seen, imp_store(im, key, strlen(key)), line);
	if (first) {
		imp_error(im, line, _("SKU %s at this location (and lot) is also on line %zu"), v[SC_SKU], first);
		return -1;
	}
	im->nrows++;
	return 0;
}
