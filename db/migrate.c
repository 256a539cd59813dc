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

	/* 7: the wholesale desk. Documents (quote, order, delivery, invoice,
	 * credit note) with their own gapless numbers (invoices and credit notes
	 * per financial year: a counters row per kind and year), lines priced as
	 * the counter prices them, links between documents, customer payments
	 * allocated to invoices, ship-to addresses, the on-hold flag and notes,
	 * stock reserved by orders. Invoices and credit notes, their lines,
	 * payments and allocations refuse UPDATE and DELETE: an invoice's state
	 * (open, paid) is computed from its allocations, never written. */
	"ALTER TABLE customers ADD COLUMN on_hold INTEGER NOT NULL DEFAULT 0"
	"  CHECK (on_hold IN (0, 1));"
	"ALTER TABLE customers ADD COLUMN notes TEXT NOT NULL DEFAULT '';"
	"CREATE TABLE ship_to ("
	"  id INTEGER PRIMARY KEY,"
	"  customer_id INTEGER NOT NULL REFERENCES customers(id),"
	"  seq INTEGER NOT NULL CHECK (seq >= 1),"
	"  name TEXT NOT NULL CHECK (length(CAST(name AS BLOB)) BETWEEN 1 AND 160),"
	"  address TEXT NOT NULL DEFAULT '',"
	"  state TEXT NOT NULL DEFAULT '',"
	"  UNIQUE (customer_id, seq)) STRICT;"
	"CREATE TABLE documents ("
	"  id INTEGER PRIMARY KEY,"
	"  kind TEXT NOT NULL CHECK (kind IN ('quote', 'order', 'delivery', 'invoice', 'credit')),"
	"  year INTEGER NOT NULL DEFAULT 0,"
	"  number INTEGER NOT NULL CHECK (number >= 1),"
	"  customer_id INTEGER NOT NULL REFERENCES customers(id),"
	"  ship_to_id INTEGER REFERENCES ship_to(id),"
	"  source_id INTEGER REFERENCES documents(id),"
	"  day INTEGER NOT NULL,"
	"  valid_until INTEGER NOT NULL DEFAULT 0,"
	"  due INTEGER NOT NULL DEFAULT 0,"
	"  terms TEXT NOT NULL DEFAULT '',"
	"  status TEXT NOT NULL DEFAULT 'open',"
	"  user_name TEXT NOT NULL,"
	"  approver TEXT NOT NULL DEFAULT '',"
	"  prices_include_tax INTEGER NOT NULL,"
	"  net INTEGER NOT NULL DEFAULT 0,"
	"  tax INTEGER NOT NULL DEFAULT 0,"
	"  total INTEGER NOT NULL DEFAULT 0,"
	"  created_at INTEGER NOT NULL,"
	"  UNIQUE (kind, year, number)) STRICT;"
	"CREATE INDEX documents_customer ON documents(customer_id, kind, day);"
	"CREATE INDEX documents_source ON documents(source_id) WHERE source_id IS NOT NULL;"
	"CREATE TABLE doc_lines ("
	"  doc_id INTEGER NOT NULL REFERENCES documents(id),"
	"  line_no INTEGER NOT NULL,"
	"  source_line INTEGER NOT NULL DEFAULT 0,"
	"  product_id INTEGER NOT NULL REFERENCES products(id),"
	"  sku TEXT NOT NULL,"
	"  name TEXT NOT NULL,"
	"  qty INTEGER NOT NULL CHECK (qty > 0),"
	"  unit_price INTEGER NOT NULL,"
	"  discount_pct INTEGER NOT NULL DEFAULT 0,"
	"  amount INTEGER NOT NULL,"
	"  discount INTEGER NOT NULL,"
	"  tax_rate INTEGER NOT NULL,"
	"  net INTEGER NOT NULL,"
	"  tax INTEGER NOT NULL,"
	"  gross INTEGER NOT NULL,"
	"  cgst INTEGER NOT NULL DEFAULT 0,"
	"  sgst INTEGER NOT NULL DEFAULT 0,"
	"  igst INTEGER NOT NULL DEFAULT 0,"
	"  price_source TEXT NOT NULL DEFAULT '',"
	"  PRIMARY KEY (doc_id, line_no),"
	"  CHECK (net + tax = gross)) STRICT;"
	"CREATE TABLE doc_links ("
	"  from_id INTEGER NOT NULL REFERENCES documents(id),"
	"  to_id INTEGER NOT NULL REFERENCES documents(id),"
	"  PRIMARY KEY (from_id, to_id)) STRICT;"
	"CREATE INDEX doc_links_to ON doc_links(to_id);"
	"CREATE TABLE customer_payments ("
	"  id INTEGER PRIMARY KEY,"
	"  number INTEGER NOT NULL UNIQUE,"
	"  customer_id INTEGER NOT NULL REFERENCES customers(id),"
	"  day INTEGER NOT NULL,"
	"  method TEXT NOT NULL,"
	"  amount INTEGER NOT NULL CHECK (amount > 0),"
	"  reference TEXT NOT NULL DEFAULT '',"
	"  user_name TEXT NOT NULL,"
	"  created_at INTEGER NOT NULL) STRICT;"
	"CREATE INDEX customer_payments_customer ON customer_payments(customer_id);"
	"CREATE TABLE allocations ("
	"  id INTEGER PRIMARY KEY,"
	"  invoice_id INTEGER NOT NULL REFERENCES documents(id),"
	"  payment_id INTEGER REFERENCES customer_payments(id),"
	"  credit_id INTEGER REFERENCES documents(id),"
	"  amount INTEGER NOT NULL CHECK (amount > 0),"
	"  CHECK ((payment_id IS NULL) <> (credit_id IS NULL))) STRICT;"
	"CREATE INDEX allocations_invoice ON allocations(invoice_id);"
	"CREATE INDEX allocations_payment ON allocations(payment_id);"
	"CREATE INDEX allocations_credit ON allocations(credit_id);"
	"CREATE TABLE stock_reserved ("
	"  product_id INTEGER PRIMARY KEY REFERENCES products(id),"
	"  qty INTEGER NOT NULL DEFAULT 0) STRICT;"
	"INSERT INTO counters(name, value) VALUES ('quote', 0), ('order', 0), ('delivery', 0),"
	"  ('payment', 0);"
	"CREATE TRIGGER documents_posted_no_update BEFORE UPDATE ON documents"
	"  WHEN old.kind IN ('invoice', 'credit') BEGIN"
	"  SELECT RAISE(ABORT, 'posted invoices and credit notes cannot be changed');"
	"END;"
	"CREATE TRIGGER documents_no_delete BEFORE DELETE ON documents BEGIN"
	"  SELECT RAISE(ABORT, 'documents cannot be deleted');"
	"END;"
	"CREATE TRIGGER doc_lines_posted_no_update BEFORE UPDATE ON doc_lines"
	"  WHEN (SELECT kind FROM documents WHERE id = old.doc_id) IN ('invoice', 'credit') BEGIN"
	"  SELECT RAISE(ABORT, 'posted invoices and credit notes cannot be changed');"
	"END;"
	"CREATE TRIGGER doc_lines_no_delete BEFORE DELETE ON doc_lines BEGIN"
	"  SELECT RAISE(ABORT, 'document lines cannot be deleted');"
	"END;"
	"CREATE TRIGGER customer_payments_no_update BEFORE UPDATE ON customer_payments BEGIN"
	"  SELECT RAISE(ABORT, 'payments cannot be changed');"
	"END;"
	"CREATE TRIGGER customer_payments_no_delete BEFORE DELETE ON customer_payments BEGIN"
	"  SELECT RAISE(ABORT, 'payments cannot be changed');"
	"END;"
	"CREATE TRIGGER allocations_no_update BEFORE UPDATE ON allocations BEGIN"
	"  SELECT RAISE(ABORT, 'allocations cannot be changed');"
	"END;"
	"CREATE TRIGGER allocations_no_delete BEFORE DELETE ON allocations BEGIN"
	"  SELECT RAISE(ABORT, 'allocations cannot be changed');"
	"END;"
	"INSERT INTO role_rights(role, action) VALUES ('supervisor', 'credit_override'),"
	"  ('manager', 'credit_override'), ('admin', 'credit_override');",

	/* 8: stock movements. Every change of stock is a row here, with its
	 * reason, reference, user and time; the stock table follows from the
	 * movements by a trigger (qty = qty + the movement), so the two cannot
	 * drift apart through comptoir, and `verify` finds a hand edit. Stock
	 * held before this version becomes one "opening" movement per row.
	 * Locations get a kind; lots (with an expiry date) are named here so a
	 * movement can carry one. */
	"ALTER TABLE locations ADD COLUMN kind TEXT NOT NULL DEFAULT 'shop'"
	"  CHECK (kind IN ('shop', 'warehouse', 'bin', 'transit'));"
	"CREATE TABLE lots ("
	"  id INTEGER PRIMARY KEY,"
	"  product_id INTEGER NOT NULL REFERENCES products(id),"
	"  code TEXT NOT NULL CHECK (length(CAST(code AS BLOB)) BETWEEN 1 AND 64),"
	"  expiry TEXT CHECK (expiry IS NULL OR expiry GLOB"
	"    '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"
	"  UNIQUE (product_id, code)) STRICT;"
	"CREATE TABLE stock_moves ("
	"  id INTEGER PRIMARY KEY,"
	"  at INTEGER NOT NULL,"
	"  product_id INTEGER NOT NULL REFERENCES products(id),"
	"  location_id INTEGER NOT NULL REFERENCES locations(id),"
	"  lot_id INTEGER REFERENCES lots(id),"
	"  qty INTEGER NOT NULL CHECK (qty <> 0),"
	"  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 32),"
	"  ref TEXT NOT NULL DEFAULT '',"
	"  user_name TEXT NOT NULL DEFAULT '',"
	"  unit_cost INTEGER) STRICT;"
	"CREATE INDEX stock_moves_product ON stock_moves(product_id, location_id);"
	"CREATE INDEX stock_moves_at ON stock_moves(at);"
	"INSERT INTO stock_moves(at, product_id, location_id, qty, reason, ref)"
	"  SELECT CAST(strftime('%s', 'now') AS INTEGER), product_id, location_id, qty,"
	"    'opening', 'before movements were kept' FROM stock WHERE qty <> 0;"
	"CREATE TRIGGER stock_moves_apply AFTER INSERT ON stock_moves BEGIN"
	"  INSERT INTO stock(product_id, location_id, qty)"
	"    VALUES (new.product_id, new.location_id, new.qty)"
	"    ON CONFLICT(product_id, location_id) DO UPDATE SET qty = qty + excluded.qty;"
	"END;"
	"CREATE TRIGGER stock_moves_no_update BEFORE UPDATE ON stock_moves BEGIN"
	"  SELECT RAISE(ABORT, 'stock movements cannot be changed');"
	"END;"
	"CREATE TRIGGER stock_moves_no_delete BEFORE DELETE ON stock_moves BEGIN"
	"  SELECT RAISE(ABORT, 'stock movements cannot be changed');"
	"END;",

	/* 9: purchasing. Suppliers (manufacturers, wholesalers) and what each
	 * sells us: their code, price per base unit, pack size and lead time,
	 * one preferred supplier per product. Purchase orders (draft, sent,
	 * partial, received, closed) with their own gapless numbers; each line
	 * counts what was ordered and received; every receipt is a row of its
	 * own, with the part over what was open. Receiving without an order is
	 * a right: managers and admins hold it; warehouse staff do not, so goods
	 * nobody ordered enter stock only with a manager's approval on the
	 * handheld. Products get minimum and maximum levels for reordering. */
	"CREATE TABLE suppliers ("
	"  id INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL UNIQUE CHECK (length(CAST(code AS BLOB)) BETWEEN 1 AND 64),"
	"  name TEXT NOT NULL CHECK (length(CAST(name AS BLOB)) BETWEEN 1 AND 160),"
	"  kind TEXT NOT NULL DEFAULT 'wholesaler'"
	"    CHECK (kind IN ('manufacturer', 'wholesaler'))) STRICT;"
	"CREATE TABLE supplier_items ("
	"  supplier_id INTEGER NOT NULL REFERENCES suppliers(id),"
	"  product_id INTEGER NOT NULL REFERENCES products(id),"
	"  code TEXT NOT NULL DEFAULT '' CHECK (length(CAST(code AS BLOB)) <= 64),"
	"  price INTEGER NOT NULL DEFAULT 0 CHECK (price >= 0),"
	"  pack_qty INTEGER NOT NULL DEFAULT 1 CHECK (pack_qty >= 1),"
	"  lead_days INTEGER NOT NULL DEFAULT 0 CHECK (lead_days BETWEEN 0 AND 365),"
	"  preferred INTEGER NOT NULL DEFAULT 0 CHECK (preferred IN (0, 1)),"
	"  PRIMARY KEY (supplier_id, product_id)) STRICT;"
	"CREATE UNIQUE INDEX supplier_items_preferred ON supplier_items(product_id)"
	"  WHERE preferred = 1;"
	"CREATE INDEX supplier_items_code ON supplier_items(supplier_id, code) WHERE code <> '';"
	"CREATE TABLE purchases ("
	"  id INTEGER PRIMARY KEY,"
	"  number INTEGER NOT NULL UNIQUE CHECK (number >= 1),"
	"  supplier_id INTEGER NOT NULL REFERENCES suppliers(id),"
	"  status TEXT NOT NULL DEFAULT 'draft'"
	"    CHECK (status IN ('draft', 'sent', 'partial', 'received', 'closed')),"
	"  unordered INTEGER NOT NULL DEFAULT 0 CHECK (unordered IN (0, 1)),"
	"  user_name TEXT NOT NULL DEFAULT '',"
	"  approver TEXT NOT NULL DEFAULT '',"
	"  created_at INTEGER NOT NULL,"
	"  sent_at INTEGER NOT NULL DEFAULT 0,"
	"  closed_at INTEGER NOT NULL DEFAULT 0) STRICT;"
	"CREATE INDEX purchases_status ON purchases(status);"
	"CREATE TABLE purchase_lines ("
	"  purchase_id INTEGER NOT NULL REFERENCES purchases(id),"
	"  line_no INTEGER NOT NULL CHECK (line_no >= 1),"
	"  product_id INTEGER NOT NULL REFERENCES products(id),"
	"  ordered INTEGER NOT NULL CHECK (ordered >= 0),"
	"  received INTEGER NOT NULL DEFAULT 0 CHECK (received >= 0),"
	"  unit_cost INTEGER NOT NULL DEFAULT 0 CHECK (unit_cost >= 0),"
	"  pack_qty INTEGER NOT NULL DEFAULT 1 CHECK (pack_qty >= 1),"
	"  PRIMARY KEY (purchase_id, line_no)) STRICT;"
	"CREATE INDEX purchase_lines_product ON purchase_lines(product_id);"
	"CREATE TABLE purchase_receipts ("
	"  id INTEGER PRIMARY KEY,"
	"  purchase_id INTEGER NOT NULL REFERENCES purchases(id),"
	"  product_id INTEGER NOT NULL REFERENCES products(id),"
	"  location_id INTEGER NOT NULL REFERENCES locations(id),"
	"  lot_id INTEGER REFERENCES lots(id),"
	"  qty INTEGER NOT NULL CHECK (qty > 0),"
	"  over INTEGER NOT NULL DEFAULT 0 CHECK (over BETWEEN 0 AND qty),"
	"  unit_cost INTEGER NOT NULL,"
	"  cost_before INTEGER NOT NULL,"
	"  cost_after INTEGER NOT NULL,"
	"  user_name TEXT NOT NULL DEFAULT '',"
	"  at INTEGER NOT NULL) STRICT;"
	"CREATE INDEX purchase_receipts_purchase ON purchase_receipts(purchase_id);"
	"CREATE TRIGGER purchase_receipts_no_update BEFORE UPDATE ON purchase_receipts BEGIN"
	"  SELECT RAISE(ABORT, 'receipts cannot be changed');"
	"END;"
	"CREATE TRIGGER purchase_receipts_no_delete BEFORE DELETE ON purchase_receipts BEGIN"
	"  SELECT RAISE(ABORT, 'receipts cannot be changed');"
	"END;"
	"INSERT INTO counters(name, value) VALUES ('purchase', 0);"
	"ALTER TABLE products ADD COLUMN min_level INTEGER NOT NULL DEFAULT 0"
	"  CHECK (min_level >= 0);"
	"ALTER TABLE products ADD COLUMN max_level INTEGER NOT NULL DEFAULT 0"
	"  CHECK (max_level >= 0);"
	"INSERT INTO role_rights(role, action) VALUES ('manager', 'receive_unordered'),"
	"  ('admin', 'receive_unordered');",
	/* 10: shipping and draft orders of the wholesale desk. A shipping method
	 * (pickup, own delivery, courier, cash on delivery) has a default
	 * charge and the product (a service: its name and tax class) that
	 * carries the charge as a taxed line; an order records its method and
	 * the line holding the charge, a delivery its courier's tracking
	 * number. A draft order keeps codes and quantities as typed until it
	 * is placed: it reserves no stock and uses no credit. */
	"CREATE TABLE shipping_methods ("
	"  code TEXT PRIMARY KEY CHECK (code IN ('pickup', 'own', 'courier', 'cod')),"
	"  price INTEGER NOT NULL DEFAULT 0 CHECK (price >= 0),"
	"  product_id INTEGER REFERENCES products(id)) STRICT;"
	"INSERT INTO shipping_methods(code) VALUES ('pickup'), ('own'), ('courier'), ('cod');"
	"CREATE TABLE doc_shipping ("
	"  doc_id INTEGER PRIMARY KEY REFERENCES documents(id),"
	"  method TEXT NOT NULL CHECK (method IN ('pickup', 'own', 'courier', 'cod')),"
	"  charge_line INTEGER NOT NULL DEFAULT 0,"
	"  tracking TEXT NOT NULL DEFAULT ''"
	"    CHECK (length(CAST(tracking AS BLOB)) <= 64)) STRICT;"
	"CREATE TABLE drafts ("
	"  id INTEGER PRIMARY KEY,"
	"  number INTEGER NOT NULL UNIQUE CHECK (number >= 1),"
	"  customer_id INTEGER NOT NULL REFERENCES customers(id),"
	"  ship_to_id INTEGER REFERENCES ship_to(id),"
	"  shipping TEXT NOT NULL DEFAULT '',"
	"  charge INTEGER NOT NULL DEFAULT -1 CHECK (charge >= -1),"
	"  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'placed')),"
	"  order_id INTEGER REFERENCES documents(id),"
	"  user_name TEXT NOT NULL DEFAULT '',"
	"  created_at INTEGER NOT NULL) STRICT;"
	"CREATE TABLE draft_lines ("
	"  draft_id INTEGER NOT NULL REFERENCES drafts(id),"
	"  line_no INTEGER NOT NULL,"
	"  code TEXT NOT NULL CHECK (length(CAST(code AS BLOB)) BETWEEN 1 AND 64),"
	"  qty TEXT NOT NULL DEFAULT '',"
	"  PRIMARY KEY (draft_id, line_no)) STRICT;"
	"INSERT INTO counters(name, value) VALUES ('draft', 0);",
	/* 11: the desk's money and posting. A counter ticket paid on account is
	 * a receivable like an invoice: payments and credit notes are set
	 * against it through ticket_allocations (the ticket itself stays
	 * untouched). Invoices and credit notes are written as drafts, their
	 * lines added, then posted (status leaves 'draft' once, in the same
	 * transaction): a posted one takes no new line and no change, and no
	 * document turns into or out of an invoice or credit note. */
	"CREATE TABLE ticket_allocations ("
	"  id INTEGER PRIMARY KEY,"
	"  ticket_id INTEGER NOT NULL REFERENCES tickets(id),"
	"  payment_id INTEGER REFERENCES customer_payments(id),"
	"  credit_id INTEGER REFERENCES documents(id),"
	"  amount INTEGER NOT NULL CHECK (amount > 0),"
	"  CHECK ((payment_id IS NULL) <> (credit_id IS NULL))) STRICT;"
	"CREATE INDEX ticket_allocations_ticket ON ticket_allocations(ticket_id);"
	"CREATE INDEX ticket_allocations_payment ON ticket_allocations(payment_id);"
	"CREATE INDEX ticket_allocations_credit ON ticket_allocations(credit_id);"
	"CREATE TRIGGER ticket_allocations_no_update BEFORE UPDATE ON ticket_allocations BEGIN"
	"  SELECT RAISE(ABORT, 'allocations cannot be changed');"
	"END;"
	"CREATE TRIGGER ticket_allocations_no_delete BEFORE DELETE ON ticket_allocations BEGIN"
	"  SELECT RAISE(ABORT, 'allocations cannot be changed');"
	"END;"
	"DROP TRIGGER documents_posted_no_update;"
	"CREATE TRIGGER documents_posted_no_update BEFORE UPDATE ON documents"
	"  WHEN old.kind IN ('invoice', 'credit') AND old.status <> 'draft' BEGIN"
	"  SELECT RAISE(ABORT, 'posted invoices and credit notes cannot be changed');"
	"END;"
	"CREATE TRIGGER documents_kind_no_update BEFORE UPDATE OF kind ON documents"
	"  WHEN new.kind IS NOT old.kind AND (old.kind IN ('invoice', 'credit')"
	"  OR new.kind IN ('invoice', 'credit')) BEGIN"
	"  SELECT RAISE(ABORT, 'a document cannot become or stop being an invoice or credit note');"
	"END;"
	"CREATE TRIGGER documents_posted_insert BEFORE INSERT ON documents"
	"  WHEN new.kind IN ('invoice', 'credit') AND new.status <> 'draft' BEGIN"
	"  SELECT RAISE(ABORT, 'invoices and credit notes are written as drafts, then posted');"
	"END;"
	"CREATE TRIGGER doc_lines_posted_no_insert BEFORE INSERT ON doc_lines"
	"  WHEN (SELECT kind IN ('invoice', 'credit') AND status <> 'draft' FROM documents"
	"  WHERE id = new.doc_id) BEGIN"
	"  SELECT RAISE(ABORT, 'posted invoices and credit notes cannot be changed');"
	"END;",
	/* 12: stock operations. Each product says what happens when stock would
	 * go below zero (allow, warn, refuse); transfers (at once, or through a
	 * transit location while goods travel) and blind counts keep what was
	 * moved or counted; the expected quantity of a count line is written
	 * only when the count is submitted. */
	"ALTER TABLE products ADD COLUMN negative_stock TEXT NOT NULL DEFAULT 'allow'"
	"  CHECK (negative_stock IN ('allow', 'warn', 'refuse'));"
	"CREATE TABLE transfers ("
	"  id INTEGER PRIMARY KEY,"
	"  from_id INTEGER NOT NULL REFERENCES locations(id),"
	"  to_id INTEGER NOT NULL REFERENCES locations(id),"
	"  transit_id INTEGER REFERENCES locations(id),"
	"  status TEXT NOT NULL CHECK (status IN ('transit', 'arrived')),"
	"  sent_at INTEGER NOT NULL,"
	"  sent_by TEXT NOT NULL DEFAULT '',"
	"  arrived_at INTEGER,"
	"  arrived_by TEXT NOT NULL DEFAULT '') STRICT;"
	"CREATE TABLE transfer_lines ("
	"  transfer_id INTEGER NOT NULL REFERENCES transfers(id),"
	"  line INTEGER NOT NULL,"
	"  product_id INTEGER NOT NULL REFERENCES products(id),"
	"  lot_id INTEGER REFERENCES lots(id),"
	"  qty INTEGER NOT NULL CHECK (qty > 0),"
	"  PRIMARY KEY (transfer_id, line)) STRICT;"
	"CREATE TABLE counts ("
	"  id INTEGER PRIMARY KEY,"
	"  location_id INTEGER NOT NULL REFERENCES locations(id),"
	"  category TEXT,"
	"  status TEXT NOT NULL DEFAULT 'open'"
	"    CHECK (status IN ('open', 'submitted', 'approved')),"
	"  opened_at INTEGER NOT NULL,"
	"  opened_by TEXT NOT NULL DEFAULT '',"
	"  submitted_at INTEGER,"
	"  approved_at INTEGER,"
	"  approved_by TEXT NOT NULL DEFAULT '') STRICT;"
	"CREATE TABLE count_lines ("
	"  count_id INTEGER NOT NULL REFERENCES counts(id),"
	"  product_id INTEGER NOT NULL REFERENCES products(id),"
	"  counted INTEGER NOT NULL DEFAULT 0 CHECK (counted >= 0),"
	"  expected INTEGER,"
	"  PRIMARY KEY (count_id, product_id)) STRICT;"
	"CREATE INDEX stock_moves_lot ON stock_moves(lot_id) WHERE lot_id IS NOT NULL;",
	/* 13: the handheld warehouse terminals. Where each user stopped (the
	 * screen, its step, the purchase, order or count and the locations in
	 * hand), written after every scan so a session cut off by the radio
	 * resumes at log-in; and the picks of a wholesale order, saved per scan
	 * until its delivery takes them. */
	"CREATE TABLE handheld_sessions ("
	"  user_name TEXT PRIMARY KEY,"
	"  flow TEXT NOT NULL DEFAULT '',"
	"  step INTEGER NOT NULL DEFAULT 0,"
	"  doc INTEGER NOT NULL DEFAULT 0,"
	"  from_loc TEXT NOT NULL DEFAULT '',"
	"  to_loc TEXT NOT NULL DEFAULT '',"
	"  item TEXT NOT NULL DEFAULT '',"
	"  qty TEXT NOT NULL DEFAULT '',"
	"  pos INTEGER NOT NULL DEFAULT 0,"
	"  lot TEXT NOT NULL DEFAULT '',"
	"  expiry TEXT NOT NULL DEFAULT '',"
	"  updated_at INTEGER NOT NULL) STRICT;"
	"CREATE TABLE handheld_picks ("
	"  order_number INTEGER NOT NULL,"
	"  line_no INTEGER NOT NULL,"
	"  sku TEXT NOT NULL,"
	"  picked INTEGER NOT NULL CHECK (picked >= 0),"
	"  user_name TEXT NOT NULL DEFAULT '',"
	"  PRIMARY KEY (order_number, line_no)) STRICT;",
	/* 14: purchasing by right. Suppliers, their prices, purchase orders
	 * (new, sent, closed), reorder levels and the drafts reorder makes set
	 * what the stock costs: managers and admins. Receiving against an order
	 * is the warehouse's daily work, and a supervisor's on a shop floor;
	 * cashiers do neither. */
	"INSERT INTO role_rights(role, action) VALUES ('manager', 'purchase'),"
	"  ('admin', 'purchase'), ('warehouse', 'receive'), ('supervisor', 'receive'),"
	"  ('manager', 'receive'), ('admin', 'receive');",
	/* 15: counts. Each count line keeps the last stock movement there was when
	 * it was last recorded (never shown to the counter), so that approval
	 * measures the count against the stock of that moment and goods sold
	 * after the scan, or a variance another count already applied, are not
	 * counted again. NULL on lines recorded before: their expected quantity
	 * read at submit stands. */
	"ALTER TABLE count_lines ADD COLUMN seen_move INTEGER;",
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
