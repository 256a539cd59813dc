/* make bench: eight handheld sessions (processes) receiving stock into the
 * warehouse and putting it away into bins, each scan saving the session
 * state as the screens do, while four counters sell from the shop floor,
 * all on one database file at once; then the four counters alone on a
 * fresh file as the baseline, in the same run. Counts the SQLITE_BUSY
 * errors a user would have seen (must be 0) and checks that the stock adds
 * up: every stock row is the sum of its movements, and the totals are the
 * opening stock plus what was received less what was sold.
 * Each handheld receives against its own purchase order, one
 * app_purchase_receive per scan (as the Receive screen does), and puts
 * away with app_transfer. BENCH_WH_SCANS (default 150)
 * and BENCH_WH_SALES (default 150) set the work of each process. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "../db/db-internal.h"
#include "../db/catalog.h"
#include "../db/stock.h"
#include "../src/app/app-internal.h"
#include "../src/app/handheld.h"
#include "../src/app/purchase.h"
#include "../src/app/stock_ops.h"

#define WH_PRODUCTS 200
#define WH_HANDHELDS 8
#define WH_COUNTERS 4
#define WH_OPENING 1000000
#define WH_PACK 6

struct wh_result {
	int handheld;          /* 1 a handheld, 0 a counter */
	long ops;              /* scans or sales done */
	long received, moved;  /* handhelds: units */
	long sold;             /* counters: units */
	long busy;             /* failures a user would see as "database is locked" */
	long other;            /* any other failure */
	double secs;
};

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(const char *what, const char *err)
{
	fprintf(stderr, "bench_warehouse: %s: %s\n", what, err ? err : "?");
	exit(1);
}

static void wh_shop(const char *path)
{
	char *err = NULL;
	struct app *a;
	if (app_init_shop(path, APP_COUNTRY_FR, 0, &err) != APP_OK)
		die("init", err);
	if (app_open(path, APP_OPEN_EXISTING, &a, &err) != APP_OK)
		die("open", err);
	int64_t tax = 0, id;
	sqlite3_stmt *st;
	sqlite3_prepare_v2(a->db->conn, "SELECT id FROM tax_classes WHERE rate = 550", -1, &st, NULL);
	if (sqlite3_step(st) == SQLITE_ROW)
		tax = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (app_location_add(a, "WH", "Warehouse", "warehouse", &err) != APP_OK)
		die("location WH", err);
	for (int h = 0; h < WH_HANDHELDS; h++) {
		char code[8];
		snprintf(code, sizeof code, "B%02d", h);
		if (app_location_add(a, code, code, "bin", &err) != APP_OK)
			die("bin", err);
	}
	if (db_begin(a->db, &err) != DB_OK)
		die("begin", err);
	for (int i = 0; i < WH_PRODUCTS; i++) {
		char sku[16], name[32];
		snprintf(sku, sizeof sku, "P%04d", i);
		snprintf(name, sizeof name, "Produit %d", i);
		struct db_product_new p = { .sku = sku, .name = name, .tax_class_id = tax,
		                            .price = 100 + i };
		if (db_product_add(a->db, &p, &id, &err) != DB_OK ||
		    app_stock_move(a, id, a->location_id, WH_OPENING, "opening", &err, NULL) != DB_OK)
			die("products", err);
	}
	if (db_commit(a->db, &err) != DB_OK)
		die("commit", err);
	if (app_supplier_add(a, "BENCH", "Grossiste", &err) != APP_OK)
		die("supplier", err);
	app_close(a);
}

/* A purchase order of every product, enough for all the scans. */
static int64_t wh_purchase(struct app *a, int scans)
{
	static char codes[WH_PRODUCTS][16];
	char qty[24];
	snprintf(qty, sizeof qty, "%d", WH_PACK * scans);
	struct app_stock_item items[WH_PRODUCTS];
	for (int i = 0; i < WH_PRODUCTS; i++) {
		snprintf(codes[i], sizeof codes[i], "P%04d", i);
		items[i] = (struct app_stock_item){ .code = codes[i], .qty = qty };
	}
	int64_t number = 0;
	char *err = NULL;
	if (app_purchase_new(a, "BENCH", items, WH_PRODUCTS, &number, &err) != APP_OK ||
	    app_purchase_send(a, number, &err) != APP_OK)
		die("purchase", err);
	return number;
}

/* A failure: counted as busy when the person would read "locked" or "busy". */
static void wh_fail(struct wh_result *r, char *err)
{
	if (err && (strstr(err, "locked") || strstr(err, "busy")))
		r->busy++;
	else {
		r->other++;
		if (r->other <= 3)
			fprintf(stderr, "bench_warehouse: %s\n", err ? err : "?");
	}
	free(err);
}

/* One handheld: scan after scan, a pack received into WH (saved with the
 * session state), then put away into its bin (saved again). */
static void wh_handheld(const char *path, int h, int scans, struct wh_result *r)
{
	struct app *a;
	char *err = NULL;
	if (app_open(path, APP_OPEN_EXISTING, &a, &err) != APP_OK)
		die("open", err);
	/* What a log-in sets, without the PIN hashing. */
	snprintf(a->user, sizeof a->user, "hh%d", h);
	snprintf(a->role, sizeof a->role, "warehouse");
	int64_t wh;
	char kind[16], bin[8];
	if (db_location_get(a->db, "WH", &wh, kind, sizeof kind) != DB_OK)
		die("WH", "missing");
	snprintf(bin, sizeof bin, "B%02d", h);
	int64_t po = wh_purchase(a, scans);
	struct app_handheld s;
	memset(&s, 0, sizeof s);
	snprintf(s.flow, sizeof s.flow, "putaway");
	double t0 = now_s();
	for (int i = 0; i < scans; i++) {
		char sku[16];
		snprintf(sku, sizeof sku, "P%04d", (h * 31 + i * 7) % WH_PRODUCTS);
		struct app_stock_item pack = { .code = sku, .qty = "6" };
		int64_t left = 0;
		if (app_purchase_receive(a, po, "WH", &pack, 0, &left, &err) != APP_OK) {
			wh_fail(r, err);
			err = NULL;
			continue;
		}
		r->received += WH_PACK;
		snprintf(s.item, sizeof s.item, "%s", sku);
		s.step = 2;
		if (app_handheld_save(a, &s, &err) != APP_OK) {
			wh_fail(r, err);
			err = NULL;
		}
		struct app_stock_item it = { .code = sku, .qty = "6" };
		if (app_transfer(a, "WH", bin, &it, 1, &err) != APP_OK) {
			wh_fail(r, err);
			err = NULL;
		} else {
			r->moved += WH_PACK;
		}
		s.step = 0;
		s.item[0] = '\0';
		if (app_handheld_save(a, &s, &err) != APP_OK) {
			wh_fail(r, err);
			err = NULL;
		}
		r->ops += 2;
	}
	r->secs = now_s() - t0;
	app_close(a);
}

/* One counter: three-line cash sales from the shop floor. */
static void wh_counter(const char *path, int c, int sales, struct wh_result *r)
{
	struct app *a;
	char *err = NULL;
	if (app_open(path, APP_OPEN_EXISTING, &a, &err) != APP_OK)
		die("open", err);
	struct cart cart;
	cart_init(&cart, 1);
	double t0 = now_s();
	for (int s = 0; s < sales; s++) {
		cart_clear(&cart);
		long units = 0;
		for (int l = 0; l < 3; l++) {
			char sku[16];
			snprintf(sku, sizeof sku, "P%04d", (c * 53 + s * 11 + l * 17) % WH_PRODUCTS);
			struct app_scan scan;
			if (app_lookup(a, sku, &scan, &err) != APP_OK)
				die("lookup", err);
			if (cart_add(&cart, &scan.item, 1 + l, 0) < 0)
				die("cart", "add");
			units += 1 + l;
		}
		struct tender t;
		tender_init(&t, cart.total_gross, 0);
		tender_add(&t, PAY_CASH, cart.total_gross, NULL);
		char key[33];
		app_new_key(key);
		struct app_sale sale = { .cart = &cart, .tender = &t, .idem_key = key };
		struct app_sale_result res;
		if (app_sale_commit(a, &sale, &res, &err) != APP_OK) {
			wh_fail(r, err);
			err = NULL;
			continue;
		}
		r->sold += units;
		r->ops++;
	}
	r->secs = now_s() - t0;
	cart_release(&cart);
	app_close(a);
}

/* Runs the processes at once; their results come back through a pipe. */
static void wh_run(const char *path, int handhelds, int counters, int scans, int sales,
                   struct wh_result *sum_h, struct wh_result *sum_c, double *wall)
{
	int fd[2];
	if (pipe(fd) != 0)
		die("pipe", "failed");
	int n = handhelds + counters;
	double t0 = now_s();
	for (int i = 0; i < n; i++) {
		pid_t pid = fork();
		if (pid < 0)
			die("fork", "failed");
		if (pid == 0) {
			close(fd[0]);
			struct wh_result r;
			memset(&r, 0, sizeof r);
			if (i < handhelds) {
				r.handheld = 1;
				wh_handheld(path, i, scans, &r);
			} else {
				wh_counter(path, i - handhelds, sales, &r);
			}
			if (write(fd[1], &r, sizeof r) != (ssize_t)sizeof r)
				_exit(2);
			_exit(0);
		}
	}
	close(fd[1]);
	memset(sum_h, 0, sizeof *sum_h);
	memset(sum_c, 0, sizeof *sum_c);
	struct wh_result r;
	int got = 0;
	while (read(fd[0], &r, sizeof r) == (ssize_t)sizeof r) {
		struct wh_result *s = r.handheld ? sum_h : sum_c;
		s->ops += r.ops;
		s->received += r.received;
		s->moved += r.moved;
		s->sold += r.sold;
		s->busy += r.busy;
		s->other += r.other;
		if (r.secs > s->secs)
			s->secs = r.secs;
		got++;
	}
	close(fd[0]);
	int status, failed = 0;
	while (wait(&status) > 0)
		failed |= !WIFEXITED(status) || WEXITSTATUS(status) != 0;
	*wall = now_s() - t0;
	if (failed || got != n)
		die("workers", "a process failed");
}

static int64_t wh_sql_int(struct app *a, const char *sql)
{
	sqlite3_stmt *st;
	int64_t v = -1;
	if (sqlite3_prepare_v2(a->db->conn, sql, -1, &st, NULL) != SQLITE_OK)
		die("check", sqlite3_errmsg(a->db->conn));
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* 0 when the stock adds up, else the number of checks that failed. */
static int wh_check(const char *path, const struct wh_result *h, const struct wh_result *c)
{
	struct app *a;
	char *err = NULL;
	int bad = 0;
	if (app_open(path, APP_OPEN_EXISTING, &a, &err) != APP_OK)
		die("open", err);
	struct db_stock_drift d[4];
	size_t nd = 0;
	if (db_stock_drifts(a->db, d, 4, &nd, &err) != DB_OK)
		die("drifts", err);
	int64_t stock = wh_sql_int(a, "SELECT sum(qty) FROM stock");
	int64_t moves = wh_sql_int(a, "SELECT sum(qty) FROM stock_moves");
	int64_t at_wh = wh_sql_int(a, "SELECT coalesce(sum(s.qty), 0) FROM stock s JOIN locations l "
	                              "ON l.id = s.location_id WHERE l.code = 'WH'");
	int64_t in_bins = wh_sql_int(a, "SELECT coalesce(sum(s.qty), 0) FROM stock s JOIN locations l "
	                                "ON l.id = s.location_id WHERE l.kind = 'bin'");
	int64_t sold = wh_sql_int(a, "SELECT coalesce(sum(qty), 0) FROM ticket_lines");
	int64_t expect = (int64_t)WH_PRODUCTS * WH_OPENING + h->received - c->sold;
	printf("\nstock check\n");
	printf("  stock rows differing from the sum of their movements: %zu%s\n", nd,
	       nd ? "  FAIL" : "");
	bad += nd != 0;
	printf("  sum of movements %lld, stock %lld%s\n", (long long)moves, (long long)stock,
	       moves == stock ? "" : "  FAIL");
	bad += moves != stock;
	printf("  stock %lld = opening %lld + received %ld - sold %ld: %s\n", (long long)stock,
	       (long long)WH_PRODUCTS * WH_OPENING, h->received, c->sold,
	       stock == expect ? "yes" : "NO  FAIL");
	bad += stock != expect;
	printf("  sold on the tickets %lld = sold by the counters %ld: %s\n", (long long)sold,
	       c->sold, sold == c->sold ? "yes" : "NO  FAIL");
	bad += sold != c->sold;
	printf("  in the bins %lld = put away %ld; left in WH %lld = received - put away %ld: %s\n",
	       (long long)in_bins, h->moved, (long long)at_wh, h->received - h->moved,
	       in_bins == h->moved && at_wh == h->received - h->moved ? "yes" : "NO  FAIL");
	bad += in_bins != h->moved || at_wh != h->received - h->moved;
	app_close(a);
	return bad;
}

int main(void)
{
	const char *env = getenv("BENCH_WH_SCANS");
	int scans = env ? atoi(env) : 150;
	env = getenv("BENCH_WH_SALES");
	int sales = env ? atoi(env) : 150;
	if (scans < 1 || sales < 1)
		die("usage", "BENCH_WH_SCANS and BENCH_WH_SALES must be at least 1");
	char dir[] = "/tmp/comptoir-bench-wh.XXXXXX";
	if (!mkdtemp(dir))
		die("mkdtemp", "failed");
	char both[128], alone[128];
	snprintf(both, sizeof both, "%s/both.db", dir);
	snprintf(alone, sizeof alone, "%s/alone.db", dir);
	wh_shop(both);
	wh_shop(alone);

	struct wh_result bh, bc, ah, ac;
	double wall_both, wall_alone;
	wh_run(alone, 0, WH_COUNTERS, scans, sales, &ah, &ac, &wall_alone);
	wh_run(both, WH_HANDHELDS, WH_COUNTERS, scans, sales, &bh, &bc, &wall_both);

	printf("\nbench_warehouse: %d handhelds x %d put-aways (receive + move, session saved "
	       "after each scan), %d counters x %d three-line sales, one database, "
	       "synchronous=FULL\n\n", WH_HANDHELDS, scans, WH_COUNTERS, sales);
	printf("| %-30s | %8s | %10s | %14s | %12s | %6s |\n", "run", "seconds", "sales/s",
	       "handheld ops/s", "SQLITE_BUSY", "errors");
	printf("|%.32s|%.10s|%.12s|%.16s|%.14s|%.8s|\n", "--------------------------------",
	       "----------", "------------", "----------------", "--------------", "--------");
	printf("| %-30s | %8.2f | %10.1f | %14s | %12ld | %6ld |\n",
	       "4 counters alone (baseline)", wall_alone, ac.ops / (ac.secs > 0 ? ac.secs : 1), "-",
	       ac.busy, ac.other);
	printf("| %-30s | %8.2f | %10.1f | %14.1f | %12ld | %6ld |\n",
	       "4 counters + 8 handhelds", wall_both, bc.ops / (bc.secs > 0 ? bc.secs : 1),
	       bh.ops / (bh.secs > 0 ? bh.secs : 1), bc.busy + bh.busy, bc.other + bh.other);
	printf("\ncounters' throughput with the handhelds / alone: %.2f\n",
	       (bc.ops / (bc.secs > 0 ? bc.secs : 1)) / (ac.ops / (ac.secs > 0 ? ac.secs : 1)));

	int bad = wh_check(both, &bh, &bc);
	long busy = bh.busy + bc.busy + ac.busy;
	long other = bh.other + bc.other + ac.other;
	printf("\nSQLITE_BUSY seen by a user: %ld (must be 0); other errors: %ld\n", busy, other);
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "bench_warehouse: could not remove %s\n", dir);
	return busy || other || bad ? 1 : 0;
}
