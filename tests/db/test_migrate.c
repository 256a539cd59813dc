/* Migrations on real files: each step from an empty database and from the
 * version before, data kept across steps, and the files comptoir refuses. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../lib/tap.h"
#include "../../db/db-internal.h"
#include "../../db/catalog.h"
#include "../../src/app/app.h"

static char dir[] = "/tmp/comptoir-migrate-XXXXXX";

static const char *tmp_path(const char *name)
{
	static char buf[4][256];
	static int k;
	k = (k + 1) % 4;
	snprintf(buf[k], sizeof buf[k], "%s/%s", dir, name);
	return buf[k];
}

static int64_t query_int(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	int64_t v = -999;
	if (sqlite3_prepare_v2(db->conn, sql, -1, &st, NULL) != SQLITE_OK)
		return -998;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static int has_table(struct db *db, const char *name)
{
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM sqlite_schema WHERE name = '%s'", name);
	return query_int(db, sql) == 1;
}

static void test_each_step_from_empty(void)
{
	int latest = db_schema_latest();
	ok(latest >= 3, "the schema has at least three migrations (%d)", latest);
	for (int v = 1; v <= latest; v++) {
		char name[32];
		snprintf(name, sizeof name, "step%d.db", v);
		struct db *db;
		char *err = NULL;
		is_int(db_open(tmp_path(name), 1, &db, &err), DB_OK, "open new file for step %d", v);
		is_int(db_migrate_to(db, v, &err), DB_OK, "empty -> %d", v);
		is_int(db_schema_version(db), v, "user_version is %d", v);
		free(err);
		db_close(db);
	}
}

static void test_step_by_step_keeps_data(void)
{
	struct db *db;
	char *err = NULL;
	db_open(tmp_path("steps.db"), 1, &db, &err);
	is_int(db_migrate_to(db, 1, &err), DB_OK, "migrate to 1");
	ok(has_table(db, "products") && !has_table(db, "tickets"), "v1 has products, no tickets");
	int64_t tax, prod;
	db_tax_class_add(db, "T20", "VAT 20", 2000, &tax, &err);
	struct db_product_new p = { .sku = "OLD-1", .name = "Crème brûlée", .tax_class_id = tax,
	                            .price = 350 };
	is_int(db_product_add(db, &p, &prod, &err), DB_OK, "a product made at version 1");
	db_barcode_add(db, "3017620422003", prod, 1, &err);
	is_int(db_migrate_to(db, 2, &err), DB_OK, "1 -> 2");
	ok(has_table(db, "tickets") && has_table(db, "print_jobs"), "v2 adds tickets and print jobs");
	is_int(query_int(db, "SELECT value FROM counters WHERE name = 'ticket'"), 0,
	       "ticket counter starts at 0");
	is_int(db_migrate_to(db, 3, &err), DB_OK, "2 -> 3");
	struct db_product found[4];
	size_t n = 0;
	is_int(db_product_search(db, "creme", found, 4, &n, &err), DB_OK, "search works at v3");
	is_int((int64_t)n, 1, "the product made at v1 is in the new index");
	if (n)
		is_str(found[0].sku, "OLD-1", "found by an accent-free prefix");
	n = 0;
	db_product_search(db, "301762", found, 4, &n, &err);
	is_int((int64_t)n, 1, "found by barcode prefix");
	is_int(db_migrate_to(db, 4, &err), DB_OK, "3 -> 4");
	is_int(query_int(db, "SELECT count(*) FROM price_lists WHERE code = 'retail'"), 1,
	       "v4 has the retail list");
	is_int(query_int(db, "SELECT price FROM products WHERE sku = 'OLD-1'"), 350,
	       "the product made at v1 keeps its price");
	is_int(query_int(db, "SELECT count(*) FROM pragma_table_info('customers') "
	                     "WHERE name IN ('price_list_id', 'state', 'tax_exempt')"), 3,
	       "customers gain their pricing and tax columns");
	n = 0;
	db_product_search(db, "brulee", found, 4, &n, &err);
	is_int((int64_t)n, 1, "the search still finds it at v4");
	is_int(db_migrate(db, &err), DB_OK, "migrating an up-to-date database changes nothing");
	is_int(db_schema_version(db), db_schema_latest(), "at the latest version");
	free(err);
	db_close(db);
}

static void test_pragmas_and_strict(void)
{
	struct db *db;
	char *err = NULL;
	db_open(tmp_path("pragma.db"), 1, &db, &err);
	db_migrate(db, &err);
	sqlite3_stmt *st;
	sqlite3_prepare_v2(db->conn, "PRAGMA journal_mode", -1, &st, NULL);
	sqlite3_step(st);
	is_str((const char *)sqlite3_column_text(st, 0), "wal", "journal_mode is WAL");
	sqlite3_finalize(st);
	is_int(query_int(db, "PRAGMA synchronous"), 2, "synchronous is FULL");
	is_int(query_int(db, "PRAGMA foreign_keys"), 1, "foreign keys are on");
	ok(db_exec(db, "INSERT INTO tax_classes(code, name, rate) VALUES ('X', 'x', 'twenty')",
	           NULL) != DB_OK, "STRICT: text in an integer column is refused");
	ok(db_exec(db, "INSERT INTO barcodes(code, product_id) VALUES ('123', 999)", NULL) != DB_OK,
	   "a barcode for a missing product is refused");
	ok(db_exec(db, "INSERT INTO tax_classes(code, name, rate) VALUES ('Y', 'y', 10001)",
	           NULL) != DB_OK, "a tax rate past 100 %% is refused");
	free(err);
	db_close(db);
}

static void test_refused_files(void)
{
	char *err = NULL;
	struct db *db;
	const char *text = tmp_path("notes.txt");
	FILE *f = fopen(text, "w");
	fputs("this is not a database, just some text that is long enough to have a header\n", f);
	for (int i = 0; i < 50; i++)
		fputs("more text more text more text\n", f);
	fclose(f);
	int rc = db_open(text, 0, &db, &err);
	is_int(rc, DB_NOTSHOP, "a text file is not a shop");
	ok(err && strstr(err, "not a comptoir database"), "message says so: %s", err ? err : "");
	free(err);
	err = NULL;

	const char *other = tmp_path("other.db");
	sqlite3 *s;
	sqlite3_open(other, &s);
	sqlite3_exec(s, "CREATE TABLE t(x)", NULL, NULL, NULL);
	sqlite3_close(s);
	is_int(db_open(other, 0, &db, &err), DB_NOTSHOP, "another program's SQLite file is refused");
	free(err);
	err = NULL;

	is_int(db_open(tmp_path("missing.db"), 0, &db, &err), DB_NOTFOUND,
	       "a missing file is not created without create");
	ok(access(tmp_path("missing.db"), F_OK) != 0, "and no file appeared");
	free(err);
	err = NULL;

	ok(db_open("/nonexistent-dir/shop.db", 1, &db, &err) != DB_OK,
	   "a path in a missing folder cannot be created");
	ok(err && strstr(err, "/nonexistent-dir/shop.db"), "message names the path: %s",
	   err ? err : "");
	free(err);
	err = NULL;

	const char *newer = tmp_path("newer.db");
	db_open(newer, 1, &db, &err);
	db_migrate(db, &err);
	db_exec(db, "PRAGMA user_version = 99", NULL);
	is_int(db_migrate(db, &err), DB_TOONEW, "a database from a newer comptoir is refused");
	ok(err && strstr(err, "newer"), "message says newer: %s", err ? err : "");
	free(err);
	db_close(db);
}

int main(void)
{
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	test_each_step_from_empty();
	test_step_by_step_keeps_data();
	test_pragmas_and_strict();
	test_refused_files();
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		diag("could not remove the temporary folder");
	return done_testing();
}
