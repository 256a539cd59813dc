/* make bench: importing 100,000 products from CSV through comptoir import
 * (whole file checked, then written in short chunks with an undo, pausing
 * so that tills keep selling) against the same rows written by bare
 * prepared INSERTs in one transaction, on fresh shops, in one run.
 * BENCH_ROWS sets the row count. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "../db/db-internal.h"
#include "../src/app/app-internal.h"
#include "../src/app/import.h"
#include "../src/core/barcode.h"

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

static struct app *shop(const char *path)
{
	char *err = NULL;
	struct app *a;
	if (app_init_shop(path, APP_COUNTRY_FR, 0, &err) != APP_OK ||
	    app_open(path, APP_OPEN_EXISTING, &a, &err) != APP_OK)
		die("shop", err);
	return a;
}

static void code_of(size_t i, char out[14])
{
	char digits[24];
	snprintf(digits, sizeof digits, "36%010zu", i % 10000000000u);
	memcpy(out, digits, 12);
	out[12] = (char)('0' + barcode_check_digit(digits, 12));
	out[13] = '\0';
}

static void write_csv(const char *path, size_t rows)
{
	FILE *f = fopen(path, "w");
	if (!f)
		die("csv", path);
	fputs("sku;name;price;tax_rate;barcode;brand\n", f);
	for (size_t i = 0; i < rows; i++) {
		char code[14];
		code_of(i, code);
		fprintf(f, "IMP-%06zu;Produit importé n° %zu;%zu,%02zu;5,5;%s;Marque %zu\n", i, i,
		        1 + i % 50, i % 100, code, i % 40);
	}
	fclose(f);
}

static void bare(struct app *a, size_t rows)
{
	sqlite3 *db = a->db->conn;
	sqlite3_stmt *p, *b;
	sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	sqlite3_prepare_v2(db, "INSERT INTO products(sku, name, brand, tax_class_id, price) "
	                       "VALUES (?1, ?2, ?3, (SELECT id FROM tax_classes WHERE rate = 550), ?4)",
	                   -1, &p, NULL);
	sqlite3_prepare_v2(db, "INSERT INTO barcodes(code, product_id) VALUES (?1, ?2)", -1, &b, NULL);
	for (size_t i = 0; i < rows; i++) {
		char sku[32], name[64], brand[32], code[14];
		snprintf(sku, sizeof sku, "IMP-%06zu", i);
		snprintf(name, sizeof name, "Produit importé n° %zu", i);
		snprintf(brand, sizeof brand, "Marque %zu", i % 40);
		code_of(i, code);
		sqlite3_bind_text(p, 1, sku, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(p, 2, name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(p, 3, brand, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(p, 4, (int64_t)((1 + i % 50) * 100 + i % 100));
		if (sqlite3_step(p) != SQLITE_DONE)
			die("insert", sqlite3_errmsg(db));
		sqlite3_reset(p);
		sqlite3_bind_text(b, 1, code, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(b, 2, sqlite3_last_insert_rowid(db));
		if (sqlite3_step(b) != SQLITE_DONE)
			die("insert", sqlite3_errmsg(db));
		sqlite3_reset(b);
	}
	sqlite3_finalize(p);
	sqlite3_finalize(b);
	if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		die("commit", sqlite3_errmsg(db));
}

int main(void)
{
	const char *env = getenv("BENCH_ROWS");
	size_t rows = env && atol(env) > 0 ? (size_t)atol(env) : 100000;
	char dir[] = "/tmp/comptoir-bench-import-XXXXXX";
	if (!mkdtemp(dir))
		die("mkdtemp", "cannot make a folder");
	char csv[300], pa[300], pb[300];
	snprintf(csv, sizeof csv, "%s/products.csv", dir);
	snprintf(pa, sizeof pa, "%s/import.db", dir);
	snprintf(pb, sizeof pb, "%s/bare.db", dir);
	write_csv(csv, rows);
	struct app *a = shop(pa), *b = shop(pb);

	double t0 = now_s();
	bare(b, rows);
	double t_bare = now_s() - t0;

	struct app_import_opts o = { 0 };
	struct app_import_result res;
	char *err = NULL;
	t0 = now_s();
	if (app_import(a, APP_IO_PRODUCTS, csv, &o, &res, &err) != APP_OK)
		die("import", err);
	double t_imp = now_s() - t0;

	printf("\nbench_import: %zu products with a barcode each, into empty shops\n\n", rows);
	printf("| %-44s | %9s | %10s |\n", "writer", "seconds", "rows/s");
	printf("|----------------------------------------------|-----------|------------|\n");
	printf("| %-44s | %9.2f | %10.0f |\n", "bare INSERTs, one transaction (baseline)", t_bare,
	       rows / t_bare);
	printf("| %-44s | %9.2f | %10.0f |\n", "comptoir import (checked, chunked, undo)", t_imp,
	       rows / t_imp);
	printf("\nratio import / baseline time: %.2f (added %zu)\n", t_imp / t_bare, res.added);
	app_close(a);
	app_close(b);
	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	return system(cmd) == 0 && res.added == rows ? 0 : 1;
}
