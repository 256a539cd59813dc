/* The schema, as numbered migrations: PRAGMA user_version says which have
 * run; each runs in its own transaction and is never edited once released
 * (a change to the schema is a new migration at the end of the table). */
#include <stdio.h>
#include "db-internal.h"
#include "../src/util/i18n.h"
#include "../src/util/xalloc.h"

static const char *const db_migrations[] = {
	/* 1: the catalogue. */
	"CREATE TABLE settings ("
	"  key TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL) STRICT;"
	"CREATE TABLE tax_classes ("
	"  id INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL UNIQUE,"
	"  name TEXT NOT NULL,"
	"  rate INTEGER NOT NULL CHECK (rate BETWEEN 0 AND 10000)) STRICT;"
	"CREATE TABLE locations ("
	"  id INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL UNIQUE,"
	"  name TEXT NOT NULL) STRICT;"
	"CREATE TABLE products ("
	"  id INTEGER PRIMARY KEY,"
	"  sku TEXT NOT NULL UNIQUE CHECK (length(CAST(sku AS BLOB)) BETWEEN 1 AND 64),"
	/* Bytes, not characters: every buffer that carries a name holds 160. */
	"  name TEXT NOT NULL CHECK (length(CAST(name AS BLOB)) BETWEEN 1 AND 160),"
	"  brand TEXT NOT NULL DEFAULT '',"
	"  category TEXT NOT NULL DEFAULT '',"
	"  unit TEXT NOT NULL DEFAULT 'pc',"
	"  tax_class_id INTEGER NOT NULL REFERENCES tax_classes(id),"
	"  price INTEGER NOT NULL CHECK (price >= 0),"
	"  weighed INTEGER NOT NULL DEFAULT 0 CHECK (weighed IN (0, 1)),"
	"  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))) STRICT;"
	"CREATE TABLE barcodes ("
	"  code TEXT PRIMARY KEY,"
	"  product_id INTEGER NOT NULL REFERENCES products(id),"
	"  pack_qty INTEGER NOT NULL DEFAULT 1 CHECK (pack_qty > 0)) STRICT;"
	"CREATE INDEX barcodes_product ON barcodes(product_id);"
	"CREATE TABLE customers ("
	"  id INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL UNIQUE CHECK (length(CAST(code AS BLOB)) BETWEEN 1 AND 64),"
	"  name TEXT NOT NULL CHECK (length(CAST(name AS BLOB)) BETWEEN 1 AND 160),"
	"  kind TEXT NOT NULL) STRICT;"
	"CREATE TABLE stock ("
	"  product_id INTEGER NOT NULL REFERENCES products(id),"
	"  location_id INTEGER NOT NULL REFERENCES locations(id),"
	"  qty INTEGER NOT NULL DEFAULT 0,"
	"  PRIMARY KEY (product_id, location_id)) STRICT;",

	/* 2: sales, with a gapless number and an idempotency key per ticket. */
	"CREATE TABLE counters ("
	"  name TEXT PRIMARY KEY,"
	"  value INTEGER NOT NULL) STRICT;"
	"INSERT INTO counters(name, value) VALUES ('ticket', 0);"
	"CREATE TABLE tickets ("
	"  id INTEGER PRIMARY KEY,"
	"  number INTEGER NOT NULL UNIQUE,"
	"  idem_key TEXT NOT NULL UNIQUE,"
	"  created_at INTEGER NOT NULL,"
	"  terminal TEXT NOT NULL,"
	"  user_name TEXT NOT NULL,"
	"  customer_id INTEGER REFERENCES customers(id),"
	"  prices_include_tax INTEGER NOT NULL,"
	"  total INTEGER NOT NULL,"
	"  net INTEGER NOT NULL,"
	"  tax INTEGER NOT NULL,"
	"  discount INTEGER NOT NULL,"
	"  paid INTEGER NOT NULL,"
	"  change INTEGER NOT NULL,"
	"  rounding INTEGER NOT NULL,"
	"  CHECK (paid - change = total + rounding)) STRICT;"
	"CREATE TABLE ticket_lines ("
	"  ticket_id INTEGER NOT NULL REFERENCES tickets(id),"
	"  line_no INTEGER NOT NULL,"
	"  product_id INTEGER NOT NULL REFERENCES products(id),"
	"  sku TEXT NOT NULL,"
	"  name TEXT NOT NULL,"
	"  qty INTEGER NOT NULL,"
	"  weighed INTEGER NOT NULL,"
	"  unit_price INTEGER NOT NULL,"
	"  discount_pct INTEGER NOT NULL,"
	"  amount INTEGER NOT NULL,"
	"  discount INTEGER NOT NULL,"
	"  tax_rate INTEGER NOT NULL,"
	"  net INTEGER NOT NULL,"
	"  tax INTEGER NOT NULL,"
	"  gross INTEGER NOT NULL,"
	"  voided INTEGER NOT NULL,"
	"  PRIMARY KEY (ticket_id, line_no),"
	"  CHECK (net + tax = gross)) STRICT;"
	"CREATE TABLE payments ("
	"  ticket_id INTEGER NOT NULL REFERENCES tickets(id),"
	"  seq INTEGER NOT NULL,"
	"  method TEXT NOT NULL,"
	"  amount INTEGER NOT NULL,"
	"  reference TEXT NOT NULL DEFAULT '',"
	"  PRIMARY KEY (ticket_id, seq)) STRICT;"
	"CREATE TABLE print_jobs ("
	"  id INTEGER PRIMARY KEY,"
	"  ticket_id INTEGER NOT NULL REFERENCES tickets(id),"
	"  printer TEXT NOT NULL,"
	"  copy INTEGER NOT NULL DEFAULT 0,"
	"  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done')),"
	"  attempts INTEGER NOT NULL DEFAULT 0,"
	"  last_error TEXT NOT NULL DEFAULT '',"
	"  created_at INTEGER NOT NULL) STRICT;"
	"CREATE INDEX print_jobs_pending ON print_jobs(state) WHERE state = 'pending';",

	/* 3: the search index, kept in step with products and barcodes by
	 * triggers, and filled from the products already there. */
	"CREATE VIRTUAL TABLE product_search USING fts5("
	"  name, sku, brand, codes,"
	"  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');"
	"INSERT INTO product_search(rowid, name, sku, brand, codes)"
	"  SELECT p.id, p.name, p.sku, p.brand,"
	"    coalesce((SELECT group_concat(code, ' ') FROM barcodes b WHERE b.product_id = p.id), '')"
	"  FROM products p;"
	"CREATE TRIGGER products_search_insert AFTER INSERT ON products BEGIN"
	"  INSERT INTO product_search(rowid, name, sku, brand, codes)"
	"    VALUES (new.id, new.name, new.sku, new.brand, '');"
	"END;"
	"CREATE TRIGGER products_search_update AFTER UPDATE OF name, sku, brand ON products BEGIN"
	"  UPDATE product_search SET name = new.name, sku = new.sku, brand = new.brand"
	"    WHERE rowid = new.id;"
	"END;"
	"CREATE TRIGGER products_search_delete AFTER DELETE ON products BEGIN"
	"  DELETE FROM product_search WHERE rowid = old.id;"
	"END;"
	"CREATE TRIGGER barcodes_search_insert AFTER INSERT ON barcodes BEGIN"
	"  UPDATE product_search SET codes = trim(codes || ' ' || new.code)"
	"    WHERE rowid = new.product_id;"
	"END;",

	/* 4: prices for every kind of buyer: lists (explicit or derived by a
	 * percentage), quantity breaks with validity days (YYYYMMDD, 0 = open),
	 * contract prices, promotions; the customer and product fields that
	 * pricing, tax and import need; India's tax parts on each line. */
	"CREATE TABLE price_lists ("
	"  id INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),"
	"  name TEXT NOT NULL,"
	"  parent_id INTEGER REFERENCES price_lists(id),"
	"  adjust_pct INTEGER NOT NULL DEFAULT 0 CHECK (adjust_pct BETWEEN -10000 AND 100000),"
	"  inclusive INTEGER NOT NULL DEFAULT 1 CHECK (inclusive IN (0, 1)),"
	"  min_qty INTEGER NOT NULL DEFAULT 0 CHECK (min_qty >= 0),"
	"  multiple INTEGER NOT NULL DEFAULT 0 CHECK (multiple >= 0),"
	"  CHECK (parent_id IS NULL OR parent_id <> id)) STRICT;"
	"INSERT INTO price_lists(code, name, inclusive) VALUES ('retail', 'Retail', 1);"
	"CREATE TABLE prices ("
	"  id INTEGER PRIMARY KEY,"
	"  list_id INTEGER NOT NULL REFERENCES price_lists(id),"
	"  product_id INTEGER NOT NULL REFERENCES products(id),"
	"  min_qty INTEGER NOT NULL DEFAULT 1 CHECK (min_qty >= 1),"
	"  price INTEGER NOT NULL CHECK (price >= 0),"
	"  valid_from INTEGER NOT NULL DEFAULT 0,"
	"  valid_to INTEGER NOT NULL DEFAULT 0,"
	"  UNIQUE (list_id, product_id, min_qty, valid_from)) STRICT;"
	/* Covering: the counter reads a product's breaks on every scan. */
	"CREATE INDEX prices_product ON prices(product_id, list_id, min_qty, price, valid_from,"
	"  valid_to);"
	"CREATE TABLE contract_prices ("
	"  id INTEGER PRIMARY KEY,"
	"  customer_id INTEGER NOT NULL REFERENCES customers(id),"
	"  product_id INTEGER NOT NULL REFERENCES products(id),"
	"  min_qty INTEGER NOT NULL DEFAULT 1 CHECK (min_qty >= 1),"
	"  price INTEGER NOT NULL CHECK (price >= 0),"
	"  inclusive INTEGER NOT NULL DEFAULT 0 CHECK (inclusive IN (0, 1)),"
	"  valid_from INTEGER NOT NULL DEFAULT 0,"
	"  valid_to INTEGER NOT NULL DEFAULT 0) STRICT;"
	"CREATE INDEX contract_prices_customer ON contract_prices(customer_id, product_id);"
	"CREATE TABLE promotions ("
	"  id INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL,"
	"  product_id INTEGER NOT NULL REFERENCES products(id),"
	"  list_id INTEGER REFERENCES price_lists(id),"
	"  price INTEGER NOT NULL CHECK (price >= 0),"
	"  inclusive INTEGER NOT NULL DEFAULT 1 CHECK (inclusive IN (0, 1)),"
	"  valid_from INTEGER NOT NULL DEFAULT 0,"
	"  valid_to INTEGER NOT NULL DEFAULT 0) STRICT;"
	"CREATE INDEX promotions_product ON promotions(product_id);"
	"ALTER TABLE customers ADD COLUMN price_list_id INTEGER REFERENCES price_lists(id);"
	"ALTER TABLE customers ADD COLUMN tax_id TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE customers ADD COLUMN tax_exempt TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE customers ADD COLUMN credit_limit INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE customers ADD COLUMN terms TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE customers ADD COLUMN email TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE customers ADD COLUMN phone TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE customers ADD COLUMN address TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE customers ADD COLUMN state TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE customers ADD COLUMN monthly_limit INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE products ADD COLUMN cost INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE products ADD COLUMN supplier TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE ticket_lines ADD COLUMN price_source TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE ticket_lines ADD COLUMN cgst INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE ticket_lines ADD COLUMN sgst INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE ticket_lines ADD COLUMN igst INTEGER NOT NULL DEFAULT 0;"
	/* What a sale held, so that a retried key with other contents is refused
	 * rather than answered with the first ticket. */
	"ALTER TABLE tickets ADD COLUMN content_hash TEXT NOT NULL DEFAULT '';"
	/* The exemption a tax-exempt customer's ticket was sold under. */
	"ALTER TABLE tickets ADD COLUMN tax_exempt TEXT NOT NULL DEFAULT '';"
	/* Deleting or checking a product looks its sales up. */
	"CREATE INDEX ticket_lines_product ON ticket_lines(product_id);",

	/* 5: users and rights, the hash-chained journal, returns, shifts, suspended
	 * tickets and store credit. Posted tickets and the journal refuse UPDATE
	 * and DELETE; corrections are new records. */
	"CREATE TABLE users ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 31),"
	"  full_name TEXT NOT NULL DEFAULT '',"
	"  role TEXT NOT NULL"
	"    CHECK (role IN ('cashier', 'supervisor', 'manager', 'warehouse', 'admin')),"
	"  pin_hash TEXT NOT NULL,"
	"  failures INTEGER NOT NULL DEFAULT 0,"
	"  locked_until INTEGER NOT NULL DEFAULT 0,"
	"  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))) STRICT;"
	"CREATE TABLE role_rights ("
	"  role TEXT NOT NULL,"
	"  action TEXT NOT NULL,"
	"  PRIMARY KEY (role, action)) STRICT;"
	"INSERT INTO role_rights(role, action) VALUES"
	"  ('supervisor', 'refund'), ('supervisor', 'return_no_ticket'),"
	"  ('supervisor', 'price_override'), ('supervisor', 'discount_large'),"
	"  ('supervisor', 'void_after_tender'), ('supervisor', 'no_sale'),"
	"  ('supervisor', 'closing'),"
	"  ('manager', 'refund'), ('manager', 'return_no_ticket'),"
	"  ('manager', 'price_override'), ('manager', 'discount_large'),"
	"  ('manager', 'void_after_tender'), ('manager', 'no_sale'), ('manager', 'closing'),"
	"  ('manager', 'stock_adjust'), ('manager', 'price_list_edit'),"
	"  ('warehouse', 'stock_adjust'),"
	"  ('admin', 'refund'), ('admin', 'return_no_ticket'), ('admin', 'price_override'),"
	"  ('admin', 'discount_large'), ('admin', 'void_after_tender'), ('admin', 'no_sale'),"
	"  ('admin', 'closing'), ('admin', 'stock_adjust'), ('admin', 'price_list_edit'),"
	"  ('admin', 'user_admin');"
	/* Tickets sold before the journal existed: the application writes a
	 * first record naming them, once (see app_journal_start). */
	"INSERT INTO settings(key, value) SELECT 'journal_start_pending', '1'"
	"  WHERE EXISTS (SELECT 1 FROM tickets);"
	"CREATE TABLE journal ("
	"  seq INTEGER PRIMARY KEY,"
	"  at INTEGER NOT NULL,"
	"  day INTEGER NOT NULL,"
	"  terminal TEXT NOT NULL,"
	"  user_name TEXT NOT NULL,"
	"  approver TEXT NOT NULL DEFAULT '',"
	"  kind TEXT NOT NULL,"
	"  ref INTEGER NOT NULL DEFAULT 0,"
	"  corrects INTEGER NOT NULL DEFAULT 0,"
	"  amount INTEGER NOT NULL DEFAULT 0,"
	"  gt_perpetual INTEGER NOT NULL,"
	"  gt_day INTEGER NOT NULL,"
	"  payload TEXT NOT NULL DEFAULT '',"
	"  canonical TEXT NOT NULL,"
	"  prev_hash TEXT NOT NULL,"
	"  hash TEXT NOT NULL) STRICT;"
	"CREATE INDEX journal_kind ON journal(kind, ref);"
	"CREATE INDEX journal_day ON journal(day);"
	"CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal BEGIN"
	"  SELECT RAISE(ABORT, 'the journal is append-only');"
	"END;"
	"CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal BEGIN"
	"  SELECT RAISE(ABORT, 'the journal is append-only');"
	"END;"
	"ALTER TABLE tickets ADD COLUMN kind TEXT NOT NULL DEFAULT 'sale'"
	"  CHECK (kind IN ('sale', 'return'));"
	"ALTER TABLE tickets ADD COLUMN original_id INTEGER REFERENCES tickets(id);"
	"ALTER TABLE tickets ADD COLUMN approver TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE tickets ADD COLUMN shift_id INTEGER;"
	"CREATE INDEX tickets_original ON tickets(original_id) WHERE original_id IS NOT NULL;"
	"ALTER TABLE ticket_lines ADD COLUMN orig_line INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE ticket_lines ADD COLUMN disposition TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE ticket_lines ADD COLUMN override_reason TEXT NOT NULL DEFAULT '';"
	"CREATE TRIGGER tickets_no_update BEFORE UPDATE ON tickets BEGIN"
	"  SELECT RAISE(ABORT, 'posted tickets cannot be changed');"
	"END;"
	"CREATE TRIGGER tickets_no_delete BEFORE DELETE ON tickets BEGIN"
	"  SELECT RAISE(ABORT, 'posted tickets cannot be changed');"
	"END;"
	"CREATE TRIGGER ticket_lines_no_update BEFORE UPDATE ON ticket_lines BEGIN"
	"  SELECT RAISE(ABORT, 'posted tickets cannot be changed');"
	"END;"
	"CREATE TRIGGER ticket_lines_no_delete BEFORE DELETE ON ticket_lines BEGIN"
	"  SELECT RAISE(ABORT, 'posted tickets cannot be changed');"
	"END;"
	"CREATE TRIGGER payments_no_update BEFORE UPDATE ON payments BEGIN"
	"  SELECT RAISE(ABORT, 'posted tickets cannot be changed');"
	"END;"
	"CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments BEGIN"
	"  SELECT RAISE(ABORT, 'posted tickets cannot be changed');"
	"END;"
	"CREATE TABLE shifts ("
	"  id INTEGER PRIMARY KEY,"
	"  terminal TEXT NOT NULL,"
	"  user_name TEXT NOT NULL,"
	"  opened_at INTEGER NOT NULL,"
	"  float_amount INTEGER NOT NULL CHECK (float_amount >= 0),"
	"  closed_at INTEGER NOT NULL DEFAULT 0,"
	"  expected INTEGER NOT NULL DEFAULT 0,"
	"  counted INTEGER NOT NULL DEFAULT 0,"
	"  counted_detail TEXT NOT NULL DEFAULT '') STRICT;"
	"CREATE UNIQUE INDEX shifts_open ON shifts(terminal) WHERE closed_at = 0;"
	"CREATE TABLE cash_moves ("
	"  id INTEGER PRIMARY KEY,"
	"  shift_id INTEGER NOT NULL REFERENCES shifts(id),"
	"  at INTEGER NOT NULL,"
	"  user_name TEXT NOT NULL,"
	"  amount INTEGER NOT NULL CHECK (amount <> 0),"
	"  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 120)) STRICT;"
	"CREATE TABLE suspended ("
	"  id INTEGER PRIMARY KEY,"
	"  created_at INTEGER NOT NULL,"
	"  terminal TEXT NOT NULL,"
	"  user_name TEXT NOT NULL,"
	"  customer_code TEXT NOT NULL DEFAULT '',"
	"  idem_key TEXT NOT NULL,"
	"  total INTEGER NOT NULL,"
	"  entries TEXT NOT NULL) STRICT;"
	"CREATE TABLE store_credits ("
	"  code TEXT PRIMARY KEY,"
	"  ticket_id INTEGER NOT NULL REFERENCES tickets(id),"
	"  amount INTEGER NOT NULL CHECK (amount > 0),"
	"  remaining INTEGER NOT NULL CHECK (remaining BETWEEN 0 AND amount),"
	"  created_at INTEGER NOT NULL) STRICT;",

	/* 6: a ticket keeps its customer's name as sold (the receipt and the
	 * journal read it there, not from a customer renamed later); a print
	 * job being printed is claimed with the time, so no other process
	 * prints it unless the claim is two minutes old (a crash). */
	"ALTER TABLE tickets ADD COLUMN customer_name TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE print_jobs ADD COLUMN claimed_at INTEGER NOT NULL DEFAULT 0;",
};

#define DB_MIGRATION_COUNT ((int)(sizeof db_migrations / sizeof db_migrations[0]))

int db_schema_latest(void)
{
	return DB_MIGRATION_COUNT;
}

int db_migrate_to(struct db *db, int target, char **err)
{
	int have = db_schema_version(db);
	if (have < 0) {
		error_set(err, _("cannot read the schema version: %s"), db_errmsg(db));
		return DB_ERROR;
	}
	if (have > DB_MIGRATION_COUNT) {
		error_set(err, _("this database was made by a newer comptoir (schema %d, this "
		                 "program knows %d)"), have, DB_MIGRATION_COUNT);
		return DB_TOONEW;
	}
	for (int v = have + 1; v <= target && v <= DB_MIGRATION_COUNT; v++) {
		if (db_begin(db, err) != DB_OK)
			return DB_ERROR;
		char stamp[48];
		snprintf(stamp, sizeof stamp, "PRAGMA user_version = %d", v);
		/* Another process may have migrated while we waited for the lock. */
		if (db_schema_version(db) >= v) {
			db_rollback(db);
			continue;
		}
		if (db_exec(db, db_migrations[v - 1], err) != DB_OK ||
		    db_exec(db, stamp, err) != DB_OK) {
			db_rollback(db);
			return DB_ERROR;
		}
		if (db_commit(db, err) != DB_OK)
			return DB_ERROR;
	}
	return DB_OK;
}

int db_migrate(struct db *db, char **err)
{
	return db_migrate_to(db, DB_MIGRATION_COUNT, err);
}
