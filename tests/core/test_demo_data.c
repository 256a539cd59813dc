/* demo_data.c: the demo shop in both countries — product count, unique SKUs,
 * names and barcodes, EAN-13 check digits, weighed items and their in-store
 * keys, customer kinds, tax classes, determinism, and the try codes. */
#include <stdlib.h>
#include "../lib/tap.h"
#include "../../src/app/demo_data.h"

struct rec {
	char sku[32], name[200], ean[16], case_ean[16], unit[8];
	int tax, weighed;
	int64_t price, case_qty, stock;
};

struct shop {
	struct rec *p;
	size_t n, cap;
	char kinds[8][16];
	char codes[64][16];
	int ncust, kinds_seen[8];
	uint64_t hash;          /* of everything handed over, in order */
	uint64_t code_hash;     /* of SKUs and barcodes only */
	int stop_after;         /* non-zero: stop the walk after that many */
};

static const char *const kinds[7] = {
	"walk-in", "retail", "reseller", "restaurant", "wholesale", "distributor", "employee",
};

static void hash_str(uint64_t *h, const char *s)
{
	for (; s && *s; s++)
		*h = (*h ^ (unsigned char)*s) * UINT64_C(1099511628211);
	*h = (*h ^ 0xff) * UINT64_C(1099511628211);
}

static void hash_int(uint64_t *h, int64_t v)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%" PRId64, v);
	hash_str(h, buf);
}

static void copy(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src ? src : "");
}

static int on_product(const struct demo_product *p, void *ctx)
{
	struct shop *s = ctx;
	struct rec *r;

	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 1024;
		s->p = realloc(s->p, s->cap * sizeof *s->p);
		if (!s->p)
			abort();
	}
	r = &s->p[s->n++];
	copy(r->sku, sizeof r->sku, p->sku);
	copy(r->name, sizeof r->name, p->name);
	copy(r->ean, sizeof r->ean, p->ean13);
	copy(r->case_ean, sizeof r->case_ean, p->case_ean13);
	copy(r->unit, sizeof r->unit, p->unit);
	r->tax = p->tax;
	r->weighed = p->weighed;
	r->price = p->price;
	r->case_qty = p->case_qty;
	r->stock = p->stock;
	hash_str(&s->hash, p->sku);
	hash_str(&s->hash, p->name);
	hash_str(&s->hash, p->brand);
	hash_str(&s->hash, p->category);
	hash_str(&s->hash, p->unit);
	hash_str(&s->hash, p->ean13);
	hash_str(&s->hash, p->case_ean13);
	hash_int(&s->hash, p->tax);
	hash_int(&s->hash, p->price);
	hash_int(&s->hash, p->weighed);
	hash_int(&s->hash, p->case_qty);
	hash_int(&s->hash, p->stock);
	hash_str(&s->code_hash, p->sku);
	hash_str(&s->code_hash, p->ean13);
	hash_str(&s->code_hash, p->case_ean13);
	if (s->stop_after && (int)s->n == s->stop_after)
		return 7;
	return 0;
}

static int on_customer(const struct demo_customer *c, void *ctx)
{
	struct shop *s = ctx;
	int k;

	for (k = 0; k < 7; k++)
		if (strcmp(c->kind, kinds[k]) == 0)
			s->kinds_seen[k]++;
	if (s->ncust < 64)
		copy(s->codes[s->ncust], sizeof s->codes[0], c->code);
	s->ncust++;
	hash_str(&s->hash, c->code);
	hash_str(&s->hash, c->name);
	hash_str(&s->hash, c->kind);
	return 0;
}

/* GS1 mod 10, computed here independently of the generator. */
static int ean13_ok(const char *c)
{
	int i, sum = 0;

	if (strlen(c) != 13)
		return 0;
	for (i = 0; i < 13; i++)
		if (c[i] < '0' || c[i] > '9')
			return 0;
	for (i = 0; i < 12; i++)
		sum += (c[i] - '0') * (i & 1 ? 3 : 1);
	return (10 - sum % 10) % 10 == c[12] - '0';
}

static int utf8_ok(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	while (*u) {
		int n = *u < 0x80 ? 0 : (*u & 0xe0) == 0xc0 ? 1 : (*u & 0xf0) == 0xe0 ? 2 :
			(*u & 0xf8) == 0xf0 ? 3 : -1;
		if (n < 0)
			return 0;
		for (u++; n > 0; n--, u++)
			if ((*u & 0xc0) != 0x80)
				return 0;
	}
	return 1;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorts the n strings and returns how many equal their predecessor. */
static int duplicates(const char **v, size_t n)
{
	size_t i;
	int d = 0;

	qsort(v, n, sizeof *v, cmp_str);
	for (i = 1; i < n; i++)
		if (strcmp(v[i - 1], v[i]) == 0) {
			if (d++ < 3)
				printf("#   duplicate: %s\n", v[i]);
		}
	return d;
}

static const struct rec *find_code(const struct shop *s, const char *code, int *is_case)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		if (strcmp(s->p[i].ean, code) == 0 || strcmp(s->p[i].sku, code) == 0) {
			*is_case = 0;
			return &s->p[i];
		}
		if (strcmp(s->p[i].case_ean, code) == 0) {
			*is_case = 1;
			return &s->p[i];
		}
	}
	return NULL;
}

static const struct rec *find_name(const struct shop *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->p[i].name, name) == 0)
			return &s->p[i];
	return NULL;
}

static void load(enum demo_country c, struct shop *s)
{
	memset(s, 0, sizeof *s);
	s->hash = s->code_hash = UINT64_C(14695981039346656037);
	if (demo_generate(c, on_product, on_customer, s) != 0)
		printf("# demo_generate failed\n");
}

static void check_country(enum demo_country c, const char *cn, struct shop *s)
{
	const struct demo_tax *taxes;
	const char **v;
	size_t i, nv = 0;
	int ntax, bad_ean = 0, bad_prefix = 0, bad_tax = 0, bad_weighed = 0, nweighed = 0;
	int non_ascii = 0, bad_name = 0, bad_case = 0, bad_price = 0, zero = 0, low = 0, k;

	load(c, s);
	taxes = demo_taxes(c, &ntax);
	ok(taxes != NULL && ntax > 0, "%s: tax classes", cn);
	ok(s->n >= 2000, "%s: %zu products (at least 2,000)", cn, s->n);

	v = malloc(2 * s->n * sizeof *v);
	for (i = 0; i < s->n; i++)
		v[i] = s->p[i].sku;
	is_int(duplicates(v, s->n), 0, "%s: SKUs unique", cn);
	for (i = 0; i < s->n; i++)
		v[i] = s->p[i].name;
	is_int(duplicates(v, s->n), 0, "%s: names unique", cn);
	for (i = 0; i < s->n; i++) {
		v[nv++] = s->p[i].ean;
		if (s->p[i].case_ean[0])
			v[nv++] = s->p[i].case_ean;
	}
	is_int(duplicates(v, nv), 0, "%s: %zu barcodes unique (units and cases together)", cn, nv);
	free(v);

	for (i = 0; i < s->n; i++) {
		const struct rec *r = &s->p[i];
		int prefix = (r->ean[0] - '0') * 100 + (r->ean[1] - '0') * 10 + (r->ean[2] - '0');

		if (!ean13_ok(r->ean) || (r->case_ean[0] && !ean13_ok(r->case_ean)))
			bad_ean++;
		if (!r->weighed && (prefix < 300 || prefix > 379))
			bad_prefix++;
		if (r->case_ean[0] && (strncmp(r->case_ean, "3", 1) != 0))
			bad_prefix++;
		if (r->tax < 0 || r->tax >= ntax)
			bad_tax++;
		if (r->weighed) {
			nweighed++;
			if (r->ean[0] != '2' || r->ean[1] < '5' || strncmp(r->ean + 7, "00000", 5) != 0 ||
			    strcmp(r->unit, "kg") != 0 || r->case_ean[0])
				bad_weighed++;
		}
		if (!r->name[0] || strlen(r->name) > 160 || !utf8_ok(r->name))
			bad_name++;
		for (k = 0; r->name[k]; k++)
			if ((unsigned char)r->name[k] >= 0x80) {
				non_ascii++;
				break;
			}
		if (!r->case_ean[0] != !(r->case_qty > 1))
			bad_case++;
		if (r->price <= 0 || r->stock < 0)
			bad_price++;
		if (r->stock == 0)
			zero++;
		else if (!r->weighed && r->stock <= 3)
			low++;
	}
	is_int(bad_ean, 0, "%s: every EAN-13 has the right check digit", cn);
	is_int(bad_prefix, 0, "%s: product codes in the French range 300-379", cn);
	is_int(bad_tax, 0, "%s: tax index in range", cn);
	ok(nweighed >= 5, "%s: %d weighed items", cn, nweighed);
	is_int(bad_weighed, 0, "%s: weighed items: kg, key 25-29 with the value zeroed", cn);
	is_int(bad_name, 0, "%s: names are valid UTF-8 of 1-160 bytes", cn);
	ok(non_ascii > 100, "%s: %d names with accents", cn, non_ascii);
	is_int(bad_case, 0, "%s: a case barcode exactly when a case quantity", cn);
	ok(nv - s->n > 50, "%s: %zu case barcodes", cn, nv - s->n);
	is_int(bad_price, 0, "%s: prices positive, stock not negative", cn);
	ok(zero > 10 && low > 10 && zero + low < (int)s->n / 4, "%s: %d out of stock, %d low", cn, zero, low);

	for (k = 0; k < 7; k++)
		ok(s->kinds_seen[k] > 0, "%s: a %s customer", cn, kinds[k]);
	ok(s->ncust >= 15 && s->ncust <= 64, "%s: %d customers", cn, s->ncust);
	is_str(s->codes[0], "WALKIN", "%s: WALKIN first", cn);
	{
		const char *cv[64];
		for (k = 0; k < s->ncust && k < 64; k++)
			cv[k] = s->codes[k];
		is_int(duplicates(cv, (size_t)k), 0, "%s: customer codes unique", cn);
	}

	for (k = 0; k < 5; k++) {
		const char *code = demo_try_codes[k].code;
		const struct rec *r;
		int is_case = 0;

		if (code[0] == '2') {
			size_t j;
			r = NULL;
			for (j = 0; j < s->n; j++)
				if (s->p[j].weighed && strncmp(s->p[j].ean, code, 7) == 0)
					r = &s->p[j];
			ok(r && ean13_ok(code) && strncmp(code + 7, "00000", 5) != 0,
			   "%s: try code %s is a weighed item's key with a weight", cn, code);
		} else {
			r = find_code(s, code, &is_case);
			ok(r != NULL, "%s: try code %s found (%s)", cn, code, r ? r->name : "-");
			ok(is_case == (strstr(demo_try_codes[k].what, "case") != NULL),
			   "%s: try code %s is a case barcode only when it says so", cn, code);
		}
		ok(r && strncmp(demo_try_codes[k].what, r->name, strcspn(r->name, " ")) == 0,
		   "%s: try code %s is what it says: %s", cn, code, demo_try_codes[k].what);
	}
}

static void check_taxes(void)
{
	const struct demo_tax *t;
	int n;

	t = demo_taxes(DEMO_FR, &n);
	is_int(n, 4, "FR: four VAT rates");
	ok(n == 4 && t[0].rate == 2000 && t[1].rate == 1000 && t[2].rate == 550 && t[3].rate == 210,
	   "FR: 20, 10, 5.5, 2.1 %%");
	is_str(n == 4 ? t[2].code : NULL, "TVA5.5", "FR: code of 5.5 %%");
	t = demo_taxes(DEMO_IN, &n);
	is_int(n, 5, "IN: five GST rates");
	ok(n == 5 && t[0].rate == 0 && t[1].rate == 500 && t[2].rate == 1200 && t[3].rate == 1800 &&
	   t[4].rate == 2800, "IN: 0, 5, 12, 18, 28 %%");
	ok(demo_taxes((enum demo_country)9, &n) == NULL && n == 0, "unknown country: no taxes");
	is_int(demo_generate((enum demo_country)9, on_product, on_customer, NULL), -1,
	       "unknown country: generate refuses");
}

/* Spot checks: the rate a few goods get in each country. */
static void check_rates(const struct shop *fr, const struct shop *in)
{
	const struct demo_tax *tf, *ti;
	const struct rec *a, *b;
	int n;

	tf = demo_taxes(DEMO_FR, &n);
	ti = demo_taxes(DEMO_IN, &n);
	a = find_name(fr, "Baguette tradition");
	b = find_name(in, "Baguette tradition");
	ok(a && b && tf[a->tax].rate == 550 && ti[b->tax].rate == 0, "bread: 5.5 %% FR, 0 %% IN");
	is_str(a ? a->sku : NULL, "BAK-0001", "Baguette tradition is BAK-0001");
	a = find_name(fr, "SSD NVMe 1 To");
	b = find_name(in, "SSD NVMe 1 To");
	ok(a && b && tf[a->tax].rate == 2000 && ti[b->tax].rate == 1800, "PC part: 20 %% FR, 18 %% IN");
	a = find_name(fr, "Sandwich jambon-beurre");
	ok(a && tf[a->tax].rate == 1000, "sandwich to take away: 10 %% FR");
	a = find_name(fr, "Cola 33 cl");
	b = find_name(in, "Cola 33 cl");
	ok(a && b && tf[a->tax].rate == 550 && ti[b->tax].rate == 2800, "soda: 5.5 %% FR, 28 %% IN");
	a = find_name(fr, "Huile essentielle de lavande vraie 10 ml");
	ok(a && tf[a->tax].rate == 2000 && a->price > 300 && a->price < 2000,
	   "essential oil: 20 %% FR, a believable price");
	a = find_name(fr, "Quotidien Le Petit Matin");
	ok(a && tf[a->tax].rate == 210, "press: 2.1 %% FR");
	a = find_name(fr, "Confiture de fraises 370 g");
	b = find_name(in, "Confiture de fraises 370 g");
	ok(a && b && b->price > a->price * 40 && b->price < a->price * 100 && b->price % 50 == 0,
	   "IN prices: rupees scaled from euros, in 50-paise steps");
}

int main(void)
{
	struct shop fr, in, again;
	size_t i;
	int same = 1;

	check_taxes();
	check_country(DEMO_FR, "FR", &fr);
	check_country(DEMO_IN, "IN", &in);

	load(DEMO_FR, &again);
	ok(again.n == fr.n && again.hash == fr.hash, "FR: a second walk gives the same shop");
	free(again.p);
	load(DEMO_IN, &again);
	ok(again.n == in.n && again.hash == in.hash, "IN: a second walk gives the same shop");
	free(again.p);
	ok(fr.code_hash == in.code_hash && fr.n == in.n, "same SKUs and barcodes in both countries");
	for (i = 0; i < fr.n && i < in.n; i++)
		if (strcmp(fr.p[i].name, in.p[i].name) != 0 || fr.p[i].weighed != in.p[i].weighed)
			same = 0;
	ok(same, "same names in both countries");
	check_rates(&fr, &in);

	memset(&again, 0, sizeof again);
	again.stop_after = 10;
	is_int(demo_generate(DEMO_FR, on_product, on_customer, &again), 7,
	       "a callback's non-zero return stops the walk and is returned");
	is_int((int64_t)again.n, 10, "no product after the stop");
	is_int(again.ncust, 0, "no customer after the stop");
	free(again.p);
	is_int(demo_generate(DEMO_IN, NULL, NULL, NULL), 0, "NULL callbacks: a walk that does nothing");

	free(fr.p);
	free(in.p);
	return done_testing();
}
