/* The demo shop generator: multiplies the word tables of demo_words.c into
 * products (names, SKUs, EAN-13 and case codes, prices, tax, stock), adds
 * the weighed items and customers, and owns the countries' tax classes. */
#include <stdio.h>
#include <string.h>

#include "demo_data.h"
#include "demo_words.h"

static const struct demo_tax demo_tax_fr[] = {
	{ "TVA20", "TVA 20 %", 2000 },
	{ "TVA10", "TVA 10 %", 1000 },
	{ "TVA5.5", "TVA 5,5 %", 550 },
	{ "TVA2.1", "TVA 2,1 %", 210 },
};

static const struct demo_tax demo_tax_in[] = {
	{ "GST0", "GST 0 %", 0 },
	{ "GST5", "GST 5 %", 500 },
	{ "GST12", "GST 12 %", 1200 },
	{ "GST18", "GST 18 %", 1800 },
	{ "GST28", "GST 28 %", 2800 },
};

/* Each tax kind's class: index into demo_tax_fr, then into demo_tax_in. */
static const int demo_tax_map[DEMO_TK_COUNT][2] = {
	[DEMO_TK_FRESH] = { 2, 0 },
	[DEMO_TK_BREAD] = { 2, 0 },
	[DEMO_TK_STAPLE] = { 2, 1 },
	[DEMO_TK_PROCESSED] = { 2, 2 },
	[DEMO_TK_SNACK] = { 2, 3 },
	[DEMO_TK_PASTRY] = { 2, 3 },
	[DEMO_TK_WATER] = { 2, 3 },
	[DEMO_TK_SODA] = { 2, 4 },
	[DEMO_TK_CONFECT] = { 0, 3 },
	[DEMO_TK_PREPARED] = { 1, 1 },
	[DEMO_TK_GOODS] = { 0, 3 },
	[DEMO_TK_PRESS] = { 3, 0 },
};

struct demo_section_info {
	const char *prefix;     /* of the SKU */
	int inr_per_eur;        /* Indian price: paise per euro cent */
	int stock_lo, stock_hi; /* usual stock, base units */
};

static const struct demo_section_info demo_sections[DEMO_SEC_COUNT] = {
	[DEMO_SEC_BAK] = { "BAK", 60, 4, 48 },
	[DEMO_SEC_GRO] = { "GRO", 60, 6, 144 },
	[DEMO_SEC_OIL] = { "OIL", 90, 2, 30 },
	[DEMO_SEC_PC] = { "PC", 90, 1, 20 },
	[DEMO_SEC_HOM] = { "HOM", 70, 6, 96 },
	[DEMO_SEC_PRE] = { "PRE", 50, 5, 30 },
};

/* Checked by tests/core/test_demo_data.c against the generated shop; codes
 * come from names and brands, so they move only when those do. */
const struct demo_try demo_try_codes[5] = {
	{ "3120344182105", "Crème brûlée (bakery, EAN-13)" },
	{ "3489356355670", "Confiture de fraises 370 g (grocery, EAN-13)" },
	{ "BAK-0001", "Baguette tradition (bakery, SKU typed by hand)" },
	{ "3450742613186", "Pâtes coquillettes 500 g, case of 24 (case barcode)" },
	{ "2600201002506", "Comté AOP 18 mois, 250 g (in-store weight code)" },
};

const struct demo_tax *demo_taxes(enum demo_country c, int *n)
{
	if (c == DEMO_FR) {
		*n = (int)(sizeof demo_tax_fr / sizeof demo_tax_fr[0]);
		return demo_tax_fr;
	}
	if (c == DEMO_IN) {
		*n = (int)(sizeof demo_tax_in / sizeof demo_tax_in[0]);
		return demo_tax_in;
	}
	*n = 0;
	return NULL;
}

/* The n-th output of splitmix64 from a fixed seed. Each product draws from
 * the hash of its name, so editing one family leaves the others' prices,
 * stock and codes alone. */
static uint64_t demo_rand(uint64_t n)
{
	uint64_t z = UINT64_C(0x636f6d70746f6972) + (n + 1) * UINT64_C(0x9e3779b97f4a7c15);

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* FNV-1a (64 bits), of names and brands. */
static uint64_t demo_hash(const char *s)
{
	uint64_t h = UINT64_C(14695981039346656037);

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * UINT64_C(1099511628211);
	return h;
}

/* Writes v as n decimal digits at p, with leading zeros. */
static void demo_digits(char *p, uint32_t v, int n)
{
	while (n-- > 0) {
		p[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

/* Completes the 12 digits at code with the GS1 check digit and a NUL. */
static void demo_ean_finish(char code[14])
{
	int i, sum = 0;

	for (i = 0; i < 12; i++)
		sum += (code[i] - '0') * (i % 2 ? 3 : 1);
	code[12] = (char)('0' + (10 - sum % 10) % 10);
	code[13] = '\0';
}

/* A brand's 7-digit company prefix, within the French range 300-379, then
 * a 5-digit item reference. */
static void demo_ean(char out[14], const char *brand, uint32_t ref)
{
	demo_digits(out, (uint32_t)(3000000u + demo_hash(brand) % 800000u), 7);
	demo_digits(out + 7, ref, 5);
	demo_ean_finish(out);
}

/* "2P" + item + "00000" + check: the key an in-store weight code is looked
 * up by. */
static void demo_instore_key(char out[14], int prefix, int item)
{
	demo_digits(out, (uint32_t)prefix, 2);
	demo_digits(out + 2, (uint32_t)item, 5);
	demo_digits(out + 7, 0, 5);
	demo_ean_finish(out);
}

static int64_t demo_round(int64_t v, int64_t step)
{
	return (v + step / 2) / step * step;
}

/* Shelf prices as a French shop writes them: 0.85, 3.49, 24.99, 149.99. */
static int64_t demo_price_fr(int64_t raw, int house)
{
	if (house)
		return raw < 2000 ? demo_round(raw, 5) : demo_round(raw, 50);
	if (raw < 100)
		return raw < 5 ? 5 : demo_round(raw, 5);
	if (raw < 2000)
		return demo_round(raw, 10) - 1;
	if (raw < 20000)
		return demo_round(raw, 100) - 1;
	return demo_round(raw, 1000) - 1;
}

/* The Indian price from the French one: 50 paise steps under 50 rupees,
 * whole rupees under 1,000, then ending in 9 (7,199). */
static int64_t demo_price_in(int64_t fr, int inr_per_eur)
{
	int64_t p = fr * inr_per_eur;

	if (p < 5000)
		return p < 50 ? 50 : demo_round(p, 50);
	if (p < 100000)
		return demo_round(p, 100);
	return demo_round(p, 1000) - 100;
}

/* Some zero, a few low, the rest spread over the section's usual range. */
static int64_t demo_stock(uint64_t r, int lo, int hi)
{
	unsigned pick = (unsigned)(r % 100);

	r /= 100;
	if (pick < 6)
		return 0;
	if (pick < 12)
		return 1 + (int64_t)(r % 3);
	return lo + (int64_t)(r % (uint64_t)(hi - lo + 1));
}

/* Appends word to the name in buf, after a space unless buf is empty. */
static void demo_append(char *buf, size_t size, const char *word)
{
	size_t len = strlen(buf), wl = strlen(word);

	if (wl == 0)
		return;
	if (len > 0 && len + 1 < size)
		buf[len++] = ' ';
	if (len + wl >= size)
		wl = size - 1 - len;
	memcpy(buf + len, word, wl);
	buf[len + wl] = '\0';
}

static const struct demo_word demo_none[] = { { "", 100, 0 }, { NULL, 0, 0 } };

static int demo_count(const struct demo_word *w)
{
	int n = 0;

	while (w[n].text)
		n++;
	return n;
}

static int64_t demo_pct(int64_t v, int32_t pct)
{
	return (v * pct + 50) / 100;
}

/* Item references for unit codes: many more than the shop has products,
 * which demo_item_ref relies on to find a free one. */
#define DEMO_REFS 40000u

struct demo_walk {
	enum demo_country country;
	int (*product)(const struct demo_product *p, void *ctx);
	void *ctx;
	int next_sku[DEMO_SEC_COUNT];
	uint8_t ref_used[DEMO_REFS / 8];
};

/* A product's item reference, from its name: 10000-49999 for the unit
 * code, + 50000 for the case code. Taken references are skipped, so no two
 * codes can be the same whatever the brand. */
static uint32_t demo_item_ref(struct demo_walk *w, const char *name)
{
	uint32_t r = (uint32_t)(demo_hash(name) % DEMO_REFS);

	while (w->ref_used[r / 8] & (1u << r % 8))
		r = (r + 1) % DEMO_REFS;
	w->ref_used[r / 8] |= (uint8_t)(1u << r % 8);
	return 10000 + r;
}

static void demo_sku(struct demo_walk *w, int section, char *out, size_t size)
{
	snprintf(out, size, "%s-%04d", demo_sections[section].prefix, ++w->next_sku[section]);
}

static int demo_walk_weighed(struct demo_walk *w)
{
	int i, rc;

	for (i = 0; i < demo_nweighed; i++) {
		const struct demo_weighed *it = &demo_weighed_items[i];
		struct demo_product p;
		char sku[24], key[14];
		uint64_t r = demo_rand(demo_hash(it->name));

		demo_sku(w, DEMO_SEC_GRO, sku, sizeof sku);
		demo_instore_key(key, it->prefix, it->item);
		memset(&p, 0, sizeof p);
		p.sku = sku;
		p.name = it->name;
		p.brand = it->brand;
		p.category = it->category;
		p.unit = "kg";
		p.tax = demo_tax_map[it->tax][w->country];
		p.price = w->country == DEMO_FR ? it->price_kg :
			demo_price_in(it->price_kg, demo_sections[DEMO_SEC_GRO].inr_per_eur);
		p.weighed = 1;
		p.ean13 = key;
		p.stock = r % 10 == 0 ? 0 : 1000 * (int64_t)(2 + r / 10 % 24) + (int64_t)(r / 1000 % 20) * 50;
		if (w->product && (rc = w->product(&p, w->ctx)) != 0)
			return rc;
	}
	return 0;
}

static int demo_walk_family(struct demo_walk *w, const struct demo_family *f)
{
	const struct demo_word *vs = f->variants ? f->variants : demo_none;
	const struct demo_word *qs = f->qualities ? f->qualities : demo_none;
	const struct demo_word *ss = f->sizes ? f->sizes : demo_none;
	const struct demo_section_info *sec = &demo_sections[f->section];
	int nb = 0, nq = demo_count(qs), vi, qi, si, rc;

	while (f->brands[nb])
		nb++;
	for (vi = 0; vs[vi].text; vi++)
		for (qi = 0; qs[qi].text; qi++)
			for (si = 0; ss[si].text; si++) {
				struct demo_product p;
				char sku[24], name[192], ean[14], case_ean[14];
				uint32_t ref;
				uint64_t r;
				int64_t raw;
				int32_t case_qty = (f->flags & DEMO_CASES) ? ss[si].case_qty : 0;

				name[0] = '\0';
				demo_append(name, sizeof name, f->name);
				demo_append(name, sizeof name, vs[vi].text);
				demo_append(name, sizeof name, qs[qi].text);
				demo_append(name, sizeof name, ss[si].text);
				r = demo_rand(demo_hash(name));
				ref = demo_item_ref(w, name);
				demo_sku(w, f->section, sku, sizeof sku);
				memset(&p, 0, sizeof p);
				p.sku = sku;
				p.name = name;
				p.brand = f->brands[(vi * nq + qi) % nb];
				p.category = f->category;
				p.unit = "pc";
				p.tax = demo_tax_map[f->tax][w->country];
				raw = demo_pct(demo_pct(demo_pct(f->price, vs[vi].pct), qs[qi].pct), ss[si].pct);
				if (!(f->flags & DEMO_HOUSE))
					raw = demo_pct(raw, 95 + (int32_t)(r % 11));
				p.price = demo_price_fr(raw, f->flags & DEMO_HOUSE);
				if (w->country == DEMO_IN)
					p.price = demo_price_in(p.price, sec->inr_per_eur);
				demo_ean(ean, p.brand, ref);
				p.ean13 = ean;
				if (case_qty > 0) {
					demo_ean(case_ean, p.brand, ref + 50000);
					p.case_ean13 = case_ean;
					p.case_qty = case_qty;
				}
				p.stock = demo_stock(r >> 8, sec->stock_lo, case_qty > 0 ?
				                     sec->stock_hi + 2 * case_qty : sec->stock_hi);
				if (w->product && (rc = w->product(&p, w->ctx)) != 0)
					return rc;
			}
	return 0;
}

int demo_generate(enum demo_country c,
                  int (*product)(const struct demo_product *p, void *ctx),
                  int (*customer)(const struct demo_customer *cu, void *ctx),
                  void *ctx)
{
	struct demo_walk w;
	const struct demo_customer *cs;
	int i, n, rc;

	if (c != DEMO_FR && c != DEMO_IN)
		return -1;
	memset(&w, 0, sizeof w);
	w.country = c;
	w.product = product;
	w.ctx = ctx;
	if ((rc = demo_walk_weighed(&w)) != 0)
		return rc;
	for (i = 0; i < demo_nfamilies; i++)
		if ((rc = demo_walk_family(&w, &demo_families[i])) != 0)
			return rc;
	cs = c == DEMO_FR ? demo_customers_fr : demo_customers_in;
	n = c == DEMO_FR ? demo_ncustomers_fr : demo_ncustomers_in;
	for (i = 0; customer && i < n; i++)
		if ((rc = customer(&cs[i], ctx)) != 0)
			return rc;
	return 0;
}

static const struct demo_location demo_locations[] = {
	{ "WH", "Back warehouse", "warehouse" },
	{ "B01", "Bin 1: essential oils", "bin" },
	{ "B02", "Bin 2: drinks", "bin" },
	{ "B03", "Bin 3: dry goods", "bin" },
	{ "B04", "Bin 4: overflow", "bin" },
};

static const struct demo_supplier demo_suppliers_fr[] = {
	{ "LUBERON", "Distillerie du Luberon", "manufacturer" },
	{ "RHONEDIS", "Rhône Distribution", "wholesaler" },
};
static const struct demo_supplier demo_suppliers_in[] = {
	{ "NILGIRI", "Nilgiri Aromatics", "manufacturer" },
	{ "DECCAN", "Deccan Wholesale Traders", "wholesaler" },
};

/* The manufacturer (0) distils the oils, in sixes, ten days away; the
 * wholesaler (1) brings drinks and dry goods in two to four days, and two
 * of the oils by the bottle, dearer. */
static const struct demo_supply demo_supplies[] = {
	{ 0, "OIL-0001", "HE-LAV-05", 40, 6, 10, 1 },
	{ 0, "OIL-0002", "HE-LAV-10", 40, 6, 10, 1 },
	{ 0, "OIL-0003", "HE-LAV-30", 38, 6, 10, 1 },
	{ 0, "OIL-0040", "HE-TEA-05", 40, 6, 10, 1 },
	{ 0, "OIL-0041", "HE-TEA-10", 40, 6, 10, 1 },
	{ 0, "OIL-0050", "HE-CIT-10", 40, 6, 10, 1 },
	{ 1, "OIL-0001", "850127", 48, 1, 2, 0 },
	{ 1, "OIL-0040", "850342", 48, 1, 2, 0 },
	{ 1, "GRO-1036", "JUS-ORA-1L", 50, 6, 2, 1 },
	{ 1, "GRO-1042", "JUS-POM-1L", 50, 6, 2, 1 },
	{ 1, "GRO-1102", "SIR-FRA-1L", 48, 6, 3, 1 },
	{ 1, "GRO-1108", "SIR-PEC-1L", 48, 6, 3, 1 },
	{ 1, "GRO-1120", "CHI-VIN-300", 45, 8, 2, 1 },
	{ 1, "GRO-1138", "FS-CAJ-500", 55, 10, 4, 1 },
	{ 1, "GRO-1210", "VEL-POT-50", 45, 12, 2, 1 },
};

/* OIL-0002 (4 on hand), GRO-1108 (13) and GRO-1120 (20) are under their
 * minimum; the others are not. */
static const struct demo_levels demo_levels_all[] = {
	{ "OIL-0002", 6, 24 },
	{ "OIL-0041", 6, 24 },
	{ "GRO-1036", 48, 144 },
	{ "GRO-1042", 60, 120 },
	{ "GRO-1108", 24, 72 },
	{ "GRO-1120", 24, 64 },
};

/* Sent to the wholesaler, waiting to be received (purchase 1). */
static const struct demo_po_line demo_po[] = {
	{ "GRO-1042", "24" },
	{ "GRO-1102", "12" },
	{ "GRO-1210", "24" },
	{ "GRO-1138", "10" },
};

/* Listed out of expiry order on purpose: the stock shows them earliest
 * first. */
static const struct demo_lot demo_lots[] = {
	{ "OIL-0001", "LV-2201", 400, 12 },
	{ "OIL-0001", "LV-2107", 150, 6 },
	{ "OIL-0001", "LV-2305", 700, 12 },
	{ "OIL-0040", "TT-118", 500, 12 },
	{ "OIL-0040", "TT-093", 90, 6 },
	{ "GRO-1036", "J-0412", 45, 12 },
	{ "GRO-1036", "J-0398", 20, 6 },
	{ "GRO-1036", "J-0427", 75, 24 },
	{ "GRO-1210", "V-2290", 200, 24 },
	{ "GRO-1210", "V-2271", 120, 12 },
};

#define DEMO_COUNT(t) ((int)(sizeof t / sizeof t[0]))

static const struct demo_warehouse demo_warehouse_fr = {
	demo_locations, DEMO_COUNT(demo_locations), demo_suppliers_fr, DEMO_COUNT(demo_suppliers_fr),
	demo_supplies, DEMO_COUNT(demo_supplies), demo_levels_all, DEMO_COUNT(demo_levels_all),
	1, demo_po, DEMO_COUNT(demo_po), demo_lots, DEMO_COUNT(demo_lots),
};
static const struct demo_warehouse demo_warehouse_in = {
	demo_locations, DEMO_COUNT(demo_locations), demo_suppliers_in, DEMO_COUNT(demo_suppliers_in),
	demo_supplies, DEMO_COUNT(demo_supplies), demo_levels_all, DEMO_COUNT(demo_levels_all),
	1, demo_po, DEMO_COUNT(demo_po), demo_lots, DEMO_COUNT(demo_lots),
};

const struct demo_warehouse *demo_warehouse(enum demo_country c)
{
	return c == DEMO_IN ? &demo_warehouse_in : &demo_warehouse_fr;
}
