/* make bench: five-line sales through the application layer (lookup, cart,
 * tender, app_sale_commit) against the same rows written with bare prepared
 * SQLite statements, both on real files with synchronous=FULL, in one run.
 * BENCH_SALES sets the number of sales (default 20000). */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "../db/db-internal.h"
#include "../db/catalog.h"
#include "../src/app/app-internal.h"

#define BENCH_PRODUCTS 1000
#define BENCH_LINES 5

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(const char *what, const char *err)
{
	fprintf(stderr, "bench: %s: %s\n", what, err ? err : "?");
	exit(1);
}

/* A shop with BENCH_PRODUCTS products at 5.5 %, SKUs P0000..., stock 10^9. */
static struct app *bench_shop(const char *path)
{
	char *err = NULL;
	if (app_init_shop(path, APP_COUNTRY_FR, 0, &err) != APP_OK)
		die("init", err);
	struct app *a;
	if (app_open(path, APP_OPEN_EXISTING, &a, &err) != APP_OK)
		die("open", err);
	int64_t tax = 0, id;
	sqlite3_stmt *st;
	sqlite3_prepare_v2(a->db->conn, "SELECT id FROM tax_classes WHERE rate = 550", -1, &st, NULL);
	if (sqlite3_step(st) == SQLITE_ROW)
		tax = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	db_begin(a->db, &err);
	for (int i = 0; i < BENCH_PRODUCTS; i++) {
		char sku[16], name[32];
		snprintf(sku, sizeof sku, "P%04d", i);
		snprintf(name, sizeof name, "Produit %d", i);
		struct db_product_new p = { .sku = sku, .name = name, .tax_class_id = tax,
		                            .price = 100 + i };
		if (db_product_add(a->db, &p, &id, &err) != DB_OK ||
		    app_stock_move(a, id, a->location_id, 1000000000, "opening", &err, NULL) != DB_OK)
			die("products", err);
	}
	if (db_commit(a->db, &err) != DB_OK)
		die("commit", err);
	return a;
}

static void bench_app(struct app *a, int sales)
{
	struct cart c;
	cart_init(&c, 1);
	for (int s = 0; s < sales; s++) {
		cart_clear(&c);
		for (int l = 0; l < BENCH_LINES; l++) {
			char sku[16];
			snprintf(sku, sizeof sku, "P%04d", (s * 7 + l * 13) % BENCH_PRODUCTS);
			struct app_scan scan;
			char *err = NULL;
			if (app_lookup(a, sku, &scan, &err) != APP_OK)
				die("lookup", err);
			if (cart_add(&c, &scan.item, 1 + l, 0) < 0)
				die("cart", "add");
		}
		struct tender t;
		tender_init(&t, c.total_gross, 0);
		tender_add(&t, PAY_CASH, c.total_gross, NULL);
		char key[33];
		app_new_key(key);
		struct app_sale sale = { .cart = &c, .tender = &t, .idem_key = key };
		struct app_sale_result res;
		char *err = NULL;
		if (app_sale_commit(a, &sale, &res, &err) != APP_OK)
			die("sale", err);
	}
	cart_release(&c);
}

static sqlite3_stmt *prep(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK)
		die("prepare", sqlite3_errmsg(db));
	return st;
}

static void step(sqlite3 *db, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		die("step", sqlite3_errmsg(db));
}

/* The same rows as a sale writes, with nothing but prepared statements. */
static void bench_bare(sqlite3 *db, int sales)
{
	sqlite3_stmt *begin = prep(db, "BEGIN IMMEDIATE"), *commit = prep(db, "COMMIT");
	sqlite3_stmt *next = prep(db, "UPDATE counters SET value = value + 1 WHERE name = 'ticket' "
	                              "RETURNING value");
	sqlite3_stmt *ticket = prep(db,
		"INSERT INTO tickets(number, idem_key, created_at, terminal, user_name, customer_id, "
		"prices_include_tax, total, net, tax, discount, paid, change, rounding) "
		"VALUES (?1, ?2, ?3, 'till-1', 'till-1', NULL, 1, ?4, ?5, ?6, 0, ?4, 0, 0)");
	sqlite3_stmt *line = prep(db,
		"INSERT INTO ticket_lines(ticket_id, line_no, product_id, sku, name, qty, weighed, "
		"unit_price, discount_pct, amount, discount, tax_rate, net, tax, gross, voided) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, 0, ?8, 0, 550, ?9, ?10, ?8, 0)");
	sqlite3_stmt *stock = prep(db,
		"INSERT INTO stock_moves(at, product_id, location_id, qty, reason, ref, user_name) "
		"VALUES (0, ?1, 1, ?2, 'sale', '', 'till-1')");
	sqlite3_stmt *pay = prep(db, "INSERT INTO payments(ticket_id, seq, method, amount, reference) "
	                             "VALUES (?1, 1, 'cash', ?2, '')");
	for (int s = 0; s < sales; s++) {
		int64_t pid[BENCH_LINES], qty[BENCH_LINES], amount[BENCH_LINES], tax[BENCH_LINES];
		int64_t total = 0, ttax = 0;
		for (int l = 0; l < BENCH_LINES; l++) {
			int k = (s * 7 + l * 13) % BENCH_PRODUCTS;
			pid[l] = k + 1;
			qty[l] = 1 + l;
			amount[l] = (100 + k) * qty[l];
			tax[l] = (amount[l] * 550 * 2 + 10550) / (2 * 10550);
			total += amount[l];
			ttax += tax[l];
		}
		sqlite3_reset(begin);
		step(db, begin);
		sqlite3_reset(next);
		step(db, next);
		int64_t number = sqlite3_column_int64(next, 0);
		sqlite3_reset(next);
		char key[33];
		snprintf(key, sizeof key, "%032d", s);
		sqlite3_reset(ticket);
		sqlite3_bind_int64(ticket, 1, number);
		sqlite3_bind_text(ticket, 2, key, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(ticket, 3, (int64_t)time(NULL));
		sqlite3_bind_int64(ticket, 4, total);
		sqlite3_bind_int64(ticket, 5, total - ttax);
		sqlite3_bind_int64(ticket, 6, ttax);
		step(db, ticket);
		int64_t tid = sqlite3_last_insert_rowid(db);
		for (int l = 0; l < BENCH_LINES; l++) {
			char sku[16], name[32];
			snprintf(sku, sizeof sku, "P%04d", (int)pid[l] - 1);
			snprintf(name, sizeof name, "Produit %d", (int)pid[l] - 1);
			sqlite3_reset(line);
			sqlite3_bind_int64(line, 1, tid);
			sqlite3_bind_int(line, 2, l + 1);
			sqlite3_bind_int64(line, 3, pid[l]);
			sqlite3_bind_text(line, 4, sku, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(line, 5, name, -1, SQLITE_TRANSIENT);
			sqlite3_bind_int64(line, 6, qty[l]);
			sqlite3_bind_int64(line, 7, amount[l] / qty[l]);
			sqlite3_bind_int64(line, 8, amount[l]);
			sqlite3_bind_int64(line, 9, amount[l] - tax[l]);
			sqlite3_bind_int64(line, 10, tax[l]);
			step(db, line);
			sqlite3_reset(stock);
			sqlite3_bind_int64(stock, 1, pid[l]);
			sqlite3_bind_int64(stock, 2, -qty[l]);
			step(db, stock);
		}
		sqlite3_reset(pay);
		sqlite3_bind_int64(pay, 1, tid);
		sqlite3_bind_int64(pay, 2, total);
		step(db, pay);
		sqlite3_reset(commit);
		step(db, commit);
	}
	sqlite3_stmt *all[] = { begin, commit, next, ticket, line, stock, pay };
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		sqlite3_finalize(all[i]);
}

static int64_t count_rows(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = prep(db, sql);
	int64_t v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	return v;
}

int main(void)
{
	const char *env = getenv("BENCH_SALES");
	int sales = env && atoi(env) > 0 ? atoi(env) : 20000;
	char dir[] = "/tmp/comptoir-bench-XXXXXX";
	if (!mkdtemp(dir))
		die("mkdtemp", "cannot make a folder");
	char pa[300], pb[300];
	snprintf(pa, sizeof pa, "%s/app.db", dir);
	snprintf(pb, sizeof pb, "%s/bare.db", dir);
	struct app *a = bench_shop(pa);
	struct app *b = bench_shop(pb);

	double t0 = now_s();
	bench_bare(b->db->conn, sales);
	double t_bare = now_s() - t0;
	t0 = now_s();
	bench_app(a, sales);
	double t_app = now_s() - t0;

	int64_t lines_a = count_rows(a->db->conn, "SELECT count(*) FROM ticket_lines");
	int64_t lines_b = count_rows(b->db->conn, "SELECT count(*) FROM ticket_lines");
	int64_t sync = count_rows(a->db->conn, "PRAGMA synchronous");
	double r_app = sales / t_app, r_bare = sales / t_bare;
	printf("\nbench_sale: %d five-line sales, synchronous=%s, one commit per sale\n\n", sales,
	       sync == 2 ? "FULL" : "not FULL");
	printf("| %-36s | %10s | %12s | %10s |\n", "writer", "seconds", "sales/second", "lines");
	printf("|%.38s|%.12s|%.14s|%.12s|\n", "--------------------------------------",
	       "------------", "--------------", "------------");
	printf("| %-36s | %10.2f | %12.0f | %10lld |\n", "bare prepared statements (baseline)",
	       t_bare, r_bare, (long long)lines_b);
	printf("| %-36s | %10.2f | %12.0f | %10lld |\n", "application layer (app_sale_commit)",
	       t_app, r_app, (long long)lines_a);
	printf("\nratio application / baseline: %.2f (goal: at least 0.50)\n", r_app / r_bare);
	app_close(a);
	app_close(b);
	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "bench: could not remove %s\n", dir);
	return lines_a == lines_b && lines_a == (int64_t)sales * BENCH_LINES ? 0 : 1;
}
