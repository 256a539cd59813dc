/* make bench: the price engine and the search at 1,000,000 products.
 * A scanned code to a priced line (app_ticket_add: lookup, price lists,
 * breaks, the engine) against a bare barcode SELECT on the same database,
 * median and p99; then search-as-you-type, p99 per keystroke from the
 * second character. BENCH_PRODUCTS sets the catalogue size. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "../db/db-internal.h"
#include "../db/catalog.h"
#include "../db/prices.h"
#include "../src/app/app-internal.h"
#include "../src/app/ticket.h"
#include "../src/core/barcode.h"
#include "../src/util/xalloc.h"

static double now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static void die(const char *what, const char *err)
{
	fprintf(stderr, "bench: %s: %s\n", what, err ? err : "?");
	exit(1);
}

static uint64_t rng = 0x9e3779b97f4a7c15ULL;
static uint64_t next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static const char *nouns[] = {
	"Confiture", "Biscuit", "Café", "Thé", "Chocolat", "Huile", "Vinaigre", "Pâtes", "Riz",
	"Farine", "Sucre", "Miel", "Savon", "Lessive", "Éponge", "Câble", "Clavier", "Souris",
	"Écran", "Disque", "Crème", "Fromage", "Jambon", "Olive", "Sardine", "Thon", "Moutarde",
	"Sauce", "Soupe", "Compote", "Yaourt", "Beurre", "Lait", "Jus", "Sirop", "Bière", "Vin",
	"Cidre", "Eau", "Bougie", "Ampoule", "Pile", "Gant", "Sac", "Brosse", "Shampooing",
	"Dentifrice", "Lingette", "Serviette", "Assiette",
};
static const char *adjs[] = {
	"bio", "extra", "fin", "doux", "fort", "léger", "complet", "noir", "blanc", "rouge",
	"vert", "fumé", "épicé", "sucré", "salé", "nature", "fruité", "grillé", "frais", "sec",
	"vieux", "jeune", "classique", "premium", "maison", "artisanal", "intense", "onctueux",
	"croquant", "fondant", "pur", "mélangé", "parfumé", "citronné", "vanillé", "caramel",
	"noisette", "amande", "coco", "menthe",
};
static const char *brands[] = {
	"Maison Durand", "Les Prés", "Bonne Terre", "Atelier Sud", "Nordica", "Solenne", "Karavan",
	"Petit Moulin", "Vallée Verte", "Océane", "Brière", "Cévennes", "Alpina", "Provençal",
	"Azur", "Gallia", "Lutèce", "Arvor", "Garrigue", "Lumière", "Tecnix", "Ordina", "Byteline",
	"Neoplast", "Clairval", "Rivelle", "Montagnard", "Pyrène", "Corsica", "Bretagne Or",
};
static const char *sizes[] = {
	"100 g", "125 g", "200 g", "250 g", "370 g", "500 g", "1 kg", "2 kg", "25 cl", "33 cl",
	"50 cl", "75 cl", "1 l", "1,5 l", "2 l", "x2", "x4", "x6", "x12", "x24",
};
#define N(a) (sizeof a / sizeof a[0])

struct fixture {
	struct app *a;
	char (*codes)[14];
	size_t n;
};

/* 1,000,000 products (names from the word lists, every combination
 * unique), one EAN-13 each; six lists: retail (base) and three explicit
 * lists (wholesale, restaurant, distributor) with three breaks each, plus
 * reseller and employee derived from them. */
static void build(struct fixture *fx, const char *path, size_t nproducts)
{
	char *err = NULL;
	double t0 = now_us();
	if (app_init_shop(path, APP_COUNTRY_FR, 0, &err) != APP_OK)
		die("init", err);
	if (app_open(path, APP_OPEN_EXISTING, &fx->a, &err) != APP_OK)
		die("open", err);
	struct app *a = fx->a;
	struct db *db = a->db;
	int64_t tax = 0, retail = 0;
	sqlite3_stmt *st;
	sqlite3_prepare_v2(db->conn, "SELECT id FROM tax_classes WHERE rate = 550", -1, &st, NULL);
	if (sqlite3_step(st) == SQLITE_ROW)
		tax = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	db_price_list_id(db, "retail", &retail);
	db_exec(db, "PRAGMA synchronous = OFF", NULL);
	db_begin(db, &err);
	const char *explicit_lists[] = { "wholesale", "restaurant", "distributor" };
	int64_t ids[3];
	for (int i = 0; i < 3; i++) {
		struct price_list l = { .inclusive = 0 };
		strlcpy_safe(l.code, explicit_lists[i], sizeof l.code);
		if (db_price_list_add(db, &l, explicit_lists[i], &ids[i], &err) != DB_OK)
			die("list", err);
	}
	struct price_list reseller = { .parent_id = ids[0], .adjust_pct = -500, .inclusive = 0 };
	strlcpy_safe(reseller.code, "reseller", sizeof reseller.code);
	struct price_list employee = { .parent_id = retail, .adjust_pct = -1500, .inclusive = 1 };
	strlcpy_safe(employee.code, "employee", sizeof employee.code);
	int64_t reseller_id;
	if (db_price_list_add(db, &reseller, "Resellers", &reseller_id, &err) != DB_OK ||
	    db_price_list_add(db, &employee, "Staff", NULL, &err) != DB_OK ||
	    db_customer_add(db, "R1", "Revendeur", "reseller", &err) != DB_OK ||
	    db_customer_set_list(db, "R1", reseller_id, 0, &err) != DB_OK)
		die("lists", err);
	fx->codes = malloc(nproducts * sizeof *fx->codes);
	fx->n = nproducts;
	for (size_t i = 0; i < nproducts; i++) {
		size_t k = i;
		const char *noun = nouns[k % N(nouns)];
		k /= N(nouns);
		const char *adj = adjs[k % N(adjs)];
		k /= N(adjs);
		const char *brand = brands[k % N(brands)];
		k /= N(brands);
		const char *size = sizes[k % N(sizes)];
		char name[128], sku[24], digits[24];
		snprintf(name, sizeof name, "%s %s %s %s", noun, adj, brand, size);
		snprintf(sku, sizeof sku, "P%07zu", i);
		snprintf(digits, sizeof digits, "37%010zu", i % 10000000000u);
		memcpy(fx->codes[i], digits, 12);
		fx->codes[i][12] = (char)('0' + barcode_check_digit(digits, 12));
		fx->codes[i][13] = '\0';
		int64_t price = 50 + (int64_t)(next_rand() % 5000), id;
		struct db_product_new p = { .sku = sku, .name = name, .brand = brand,
		                            .tax_class_id = tax, .price = price };
		if (db_product_add(db, &p, &id, &err) != DB_OK ||
		    db_barcode_add(db, fx->codes[i], id, 1, &err) != DB_OK)
			die("product", err);
		for (int l = 0; l < 3; l++)
			for (int b = 0; b < 3; b++) {
				int64_t q[] = { 1, 12, 48 };
				struct price_break br = { .list_id = ids[l], .min_qty = q[b],
				                          .price = price * (90 - 5 * b - l) / 100 };
				if (db_price_add(db, id, &br, &err) != DB_OK)
					die("price", err);
			}
		if (i % 100000 == 99999) {
			if (db_commit(db, &err) != DB_OK || db_begin(db, &err) != DB_OK)
				die("commit", err);
		}
	}
	if (db_commit(db, &err) != DB_OK)
		die("commit", err);
	db_exec(db, "PRAGMA synchronous = FULL; ANALYZE", NULL);
	printf("built %zu products, 6 price lists, %zu price rows in %.0f s\n", nproducts,
	       nproducts * 9, (now_us() - t0) / 1e6);
}

static int cmp_double(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;
	return a < b ? -1 : a > b;
}

static void stats(double *v, size_t n, double *median, double *p99)
{
	qsort(v, n, sizeof *v, cmp_double);
	*median = v[n / 2];
	*p99 = v[(size_t)((double)n * 0.99)];
}

static void bench_scan(struct fixture *fx, size_t rounds)
{
	double *t_app = malloc(rounds * sizeof *t_app), *t_bare = malloc(rounds * sizeof *t_bare);
	struct app_ticket t;
	app_ticket_init(fx->a, &t);
	char *err = NULL;
	if (app_ticket_set_customer(fx->a, &t, "R1", &err) != APP_OK)
		die("customer", err);
	sqlite3_stmt *bare;
	sqlite3_prepare_v3(fx->a->db->conn, "SELECT product_id FROM barcodes WHERE code = ?1", -1,
	                   SQLITE_PREPARE_PERSISTENT, &bare, NULL);
	for (size_t r = 0; r < rounds; r++) {
		const char *code = fx->codes[next_rand() % fx->n];
		double t0 = now_us();
		sqlite3_bind_text(bare, 1, code, -1, SQLITE_STATIC);
		if (sqlite3_step(bare) != SQLITE_ROW)
			die("bare", "no row");
		volatile int64_t id = sqlite3_column_int64(bare, 0);
		(void)id;
		sqlite3_reset(bare);
		t_bare[r] = now_us() - t0;
		code = fx->codes[next_rand() % fx->n];
		if (r % 20 == 0)
			cart_clear(&t.cart);
		t0 = now_us();
		if (app_ticket_add(fx->a, &t, code, NULL, &err) < 0)
			die("scan", err);
		t_app[r] = now_us() - t0;
	}
	sqlite3_finalize(bare);
	app_ticket_release(&t);
	double am, ap, bm, bp;
	stats(t_app, rounds, &am, &ap);
	stats(t_bare, rounds, &bm, &bp);
	printf("\n%zu scans of random codes, customer on a derived list (reseller <- wholesale)\n\n",
	       rounds);
	printf("| %-44s | %11s | %11s |\n", "operation", "median µs", "p99 µs");
	printf("|----------------------------------------------|-------------|-------------|\n");
	printf("| %-44s | %11.1f | %11.1f |\n", "bare barcode SELECT (baseline)", bm, bp);
	printf("| %-44s | %11.1f | %11.1f |\n", "scan to a priced line (app_ticket_add)", am, ap);
	printf("\nmedian ratio scan / bare SELECT: %.2f (goal: median <= 50 µs and ratio <= 3)\n",
	       am / bm);
	free(t_app);
	free(t_bare);
}

/* Types names as a cashier would: each keystroke from the second
 * character is one search of up to 20 results. */
static void bench_search(struct fixture *fx, size_t words)
{
	size_t cap = words * 12, n = 0;
	double *t = malloc(cap * sizeof *t);
	struct app_product out[20];
	for (size_t w = 0; w < words; w++) {
		char typed[64];
		const char *noun = nouns[next_rand() % N(nouns)];
		const char *adj = adjs[next_rand() % N(adjs)];
		snprintf(typed, sizeof typed, "%s %s", noun, adj);
		size_t len = strlen(typed);
		for (size_t k = 2; k <= len && n < cap; k++) {
			if ((typed[k] & 0xC0) == 0x80)
				continue; /* not between two characters */
			char prefix[64];
			memcpy(prefix, typed, k);
			prefix[k] = '\0';
			size_t got;
			char *err = NULL;
			double t0 = now_us();
			if (app_search(fx->a, prefix, out, 20, &got, &err) != APP_OK)
				die("search", err);
			t[n++] = now_us() - t0;
		}
	}
	double m, p;
	stats(t, n, &m, &p);
	printf("\nsearch as you type: %zu keystrokes over %zu names typed\n\n", n, words);
	printf("| %-44s | %11s | %11s |\n", "operation", "median µs", "p99 µs");
	printf("|----------------------------------------------|-------------|-------------|\n");
	printf("| %-44s | %11.1f | %11.1f |\n", "one keystroke (up to 20 results)", m, p);
	printf("\np99 per keystroke: %.2f ms (goal: <= 10 ms)\n", p / 1000);
	free(t);
}

/* BENCH_DB=PATH keeps the catalogue between runs: built there the first
 * time, reused after (the codes are recomputed, they depend on the index). */
static int reuse(struct fixture *fx, const char *path, size_t n)
{
	char *err = NULL;
	if (access(path, F_OK) != 0)
		return 0;
	if (app_open(path, APP_OPEN_EXISTING, &fx->a, &err) != APP_OK)
		die("open", err);
	fx->codes = malloc(n * sizeof *fx->codes);
	fx->n = n;
	for (size_t i = 0; i < n; i++) {
		char digits[24];
		snprintf(digits, sizeof digits, "37%010zu", i % 10000000000u);
		memcpy(fx->codes[i], digits, 12);
		fx->codes[i][12] = (char)('0' + barcode_check_digit(digits, 12));
		fx->codes[i][13] = '\0';
	}
	printf("reusing %s (%zu products)\n", path, n);
	return 1;
}

int main(void)
{
	const char *env = getenv("BENCH_PRODUCTS");
	const char *keep = getenv("BENCH_DB");
	size_t n = env && atol(env) > 0 ? (size_t)atol(env) : 1000000;
	char dir[] = "/tmp/comptoir-bench-price-XXXXXX";
	char path[300];
	struct fixture fx;
	if (keep && *keep) {
		snprintf(path, sizeof path, "%s", keep);
		if (!reuse(&fx, path, n))
			build(&fx, path, n);
	} else {
		if (!mkdtemp(dir))
			die("mkdtemp", "cannot make a folder");
		snprintf(path, sizeof path, "%s/shop.db", dir);
		build(&fx, path, n);
	}
	bench_scan(&fx, 20000);
	bench_search(&fx, 300);
	app_close(fx.a);
	free(fx.codes);
	if (keep && *keep)
		return 0;
	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	return system(cmd) == 0 ? 0 : 1;
}
