#!/bin/sh
# Purchasing: suppliers and their items, purchase orders from draft to
# received or closed short, receiving with lots, over- and under-deliveries,
# the average cost to the cent, receiving without an order by right, and
# reorder suggestions on fixed figures turned into draft orders.
. "$top_srcdir/tests/lib/sh-tap.sh"
# A shop of its own, not the demo (which has suppliers, an order and levels
# of its own), with the demo's users for the rights.
DB="$T/shop.db"
C="$COMPTOIR"
export COMPTOIR_DB="$DB"
{ "$C" init --db "$DB" --country FR && "$C" user add admin --role admin --new-pin 9999 &&
  "$C" user add chloe --role manager --new-pin 3333 --user admin --pin 9999 &&
  "$C" user add dario --role warehouse --new-pin 4444 --user admin --pin 9999; } >/dev/null || {
	echo "Bail out! cannot create the shop"
	exit 1
}

cat > "$T/products.csv" <<'EOF'
sku,name,price,tax_rate,barcode,pack_of,pack_barcode,cost,supplier
PUR-1,Huile d'olive 1L,9.90,5.5,2000000000015,6,2000000000022,4.00,
PUR-2,Vinaigre de cidre,3.50,5.5,,,,1.00,
PUR-3,Moutarde forte,2.20,5.5,,,,0.80,
PUR-4,Sel de Guérande,4.10,5.5,,,,1.50,
PUR-5,Poivre noir,5.00,5.5,,,,2.00,ACME
PUR-6,Huile de noix,12.00,5.5,,,,6.00,
EOF
run "$C" import products "$T/products.csv"
is "$rc" 0 "six products to buy"
printf 'sku,quantity\nPUR-1,10\nPUR-3,50\nPUR-4,30\n' > "$T/stock.csv"
run "$C" import stock "$T/stock.csv" --user admin --pin 9999
is "$rc" 0 "their opening stock"

# Suppliers and what they sell us.
run "$C" supplier add ACME "Acme Huilerie" --kind manufacturer
is "$out" "supplier ACME" "a manufacturer"
run "$C" supplier add GROS "Grossiste du Midi"
is "$rc" 0 "a wholesaler"
run "$C" supplier add ACME "Again"
is "$rc" 1 "a supplier code is unique"
run "$C" supplier add X "Y" --kind farmer
is "$rc" 1 "and its kind is a manufacturer or a wholesaler"
run "$C" supplier item ACME PUR-1 --code AC-77 --price 4.63 --pack 6 --lead-days 3 --preferred
is "$rc" 0 "ACME sells PUR-1 by six at 4.63, in 3 days"
run "$C" supplier item GROS PUR-1 --price 4.80
run "$C" supplier item GROS PUR-2 --price 1.20 --pack 10 --lead-days 2 --preferred
run "$C" supplier item GROS PUR-3 --price 0.90 --pack 10 --lead-days 7 --preferred
is "$rc" 0 "GROS sells PUR-1, PUR-2 and PUR-3"
run "$C" supplier item GROS PUR-1 --preferred
is "$(sql "select s.code from supplier_items i join suppliers s on s.id = i.supplier_id
           join products p on p.id = i.product_id where p.sku = 'PUR-1' and preferred = 1")" \
	GROS "one preferred supplier per product: the last one named"
run "$C" supplier item ACME PUR-1 --preferred
run "$C" supplier list
like "$out" "^ACME manufacturer Acme Huilerie" "the list names the suppliers"
like "$out" "  PUR-1 code AC-77 price 4.63 pack 6 lead 3 preferred" "and their items"

# An order of 24 (twelve by SKU, two packs of six), delivered short.
run "$C" purchase new --supplier ACME "PUR-1*12" "2000000000022*2"
is "$rc" 0 "a purchase order"
is "$(echo "$out" | head -1)" "purchase 1" "first line: purchase NUMBER"
run "$C" purchase show 1
is "$out" "purchase 1 ACME draft
PUR-1 ordered 24 received 0 open 24 Huile d'olive 1L" "a pack barcode counts its pack"
run "$C" receive 1 "PUR-1*1"
is "$rc" 1 "a draft is not received"
run "$C" purchase send 1
like "$out" "^purchase 1 ACME sent" "sent"

run "$C" receive 1 "2000000000022@L-0425:2027-05-01"
is "$rc" 0 "one pack received, with its lot and expiry"
like "$out" "received 2000000000022, 18 still open" "18 stay open"
is "$(sql "select m.qty || ' ' || m.reason || ' ' || m.ref || ' ' || m.unit_cost || ' ' ||
           l.code || ' ' || l.expiry || ' ' || c.code from stock_moves m
           join lots l on l.id = m.lot_id join locations c on c.id = m.location_id
           order by m.id desc limit 1")" "6 receive purchase 1 463 L-0425 2027-05-01 MAIN" \
	"the movement: six in, reason, order, the order line's cost, lot and expiry, location"
# 10 on hand at 4.00 and 6 at 4.63: 67.78 / 16 = 4.23625, half-up 4.24.
is "$(sql "select cost from products where sku = 'PUR-1'")" 424 "average cost 4.24"
run "$C" receive 1 "PUR-1*4"
# 16 at 4.24 and 4 at 4.63: 86.36 / 20 = 4.318, 4.32.
is "$(sql "select cost from products where sku = 'PUR-1'")" 432 "then 4.32"
run "$C" purchase show 1
is "$out" "purchase 1 ACME partial
PUR-1 ordered 24 received 10 open 14 Huile d'olive 1L" "partly received, the rest open"
run "$C" receive 1 "PUR-1*15"
is "$rc" 1 "an over-delivery is refused"
like "$err" "PUR-1: 15 received but only 14 open on purchase order 1 \(ordered 24, received before 10\)" \
	"with the figures"
is "$(sql "select sum(qty) from stock where product_id = (select id from products where sku = 'PUR-1')")" \
	20 "and nothing of it is stocked"
run "$C" purchase close 1
is "$out" "purchase 1 ACME closed
PUR-1 ordered 24 received 10 open 0 Huile d'olive 1L" "closed short: nothing stays open"
run "$C" receive 1 "PUR-1*1"
is "$rc" 1 "a closed order receives nothing more"
like "$err" "closed" "and says so"

# Over-delivery accepted and recorded; no stock on hand takes the new cost.
run "$C" purchase new --supplier GROS "PUR-2*10"
run "$C" purchase send 2
run "$C" receive 2 "PUR-2*12"
is "$rc" 1 "twelve of ten refused"
run "$C" receive 2 "PUR-2*12" --over
is "$rc" 0 "accepted with --over"
like "$out" "purchase 2 GROS received" "received in full"
like "$out" "PUR-2 ordered 10 received 12 open 0" "twelve of ten"
is "$(sql "select qty || ' ' || over from purchase_receipts order by id desc limit 1")" "12 2" \
	"the two over are recorded"
is "$(sql "select cost from products where sku = 'PUR-2'")" 120 \
	"nothing was on hand: the cost is the received cost, 1.20"
run "$C" receive 2 "PUR-6*1"
is "$rc" 1 "a product not on the order is refused"
like "$err" "PUR-6 is not on purchase order 2" "and named"

# No ITEM: all that is open; the receiving location from the setting.
sql "insert into locations(code, name, kind) values ('WH', 'Entrepôt', 'warehouse');
     insert into settings(key, value) values ('receiving_location', 'WH')"
run "$C" purchase new --supplier GROS "PUR-2*5" "AC-77*3"
is "$rc" 1 "another supplier's code is not this supplier's"
run "$C" purchase new --supplier ACME "PUR-1*6" "AC-77*3"
is "$out" "purchase 3" "the supplier's own code names the product"
run "$C" purchase send 3
run "$C" receive 3
is "$rc" 0 "everything open received"
like "$out" "purchase 3 ACME received" "the order is received"
is "$(sql "select c.code, m.qty from stock_moves m join locations c on c.id = m.location_id
           where m.ref = 'purchase 3'")" "WH|9" "into the warehouse the setting names"
run "$C" purchase new --supplier ACME "PUR-1*2"
run "$C" purchase send 4
run "$C" receive 4 "PUR-1*1" "PUR-1*5" --location MAIN
is "$rc" 1 "the second of two items is refused"
like "$out" "received PUR-1\\*1, 1 still open" "the first was saved on its own before"
is "$(sql "select group_concat(c.code || ' ' || m.qty) from stock_moves m
           join locations c on c.id = m.location_id where m.ref = 'purchase 4'")" "MAIN 1" \
	"--location overrides the setting"
run "$C" receive 4 "PUR-1*1" --location MAIN
like "$out" "purchase 4 ACME received" "the rest received"
run "$C" receive 4 "PUR-1*0"
is "$rc" 1 "a quantity of zero is refused"
sql "delete from settings where key = 'receiving_location'"
# PUR-1 now: 20 + 9 + 2 = 31 on hand.

# Receiving without an order: a right of managers and admins.
run "$C" receive --supplier GROS --no-order "PUR-2*3" --user dario --pin 4444
is "$rc" 1 "a warehouse user may not receive without an order"
like "$err" "receive goods without a purchase order" "the right is named"
is "$(sql "select count(*) from purchases where unordered = 1")" 0 "and no receipt was opened"
run "$C" receive --supplier GROS --no-order "PUR-2*3" --user dario --pin 4444 \
	--approver chloe --approver-pin 3333
is "$rc" 0 "a manager's approval lets it through"
like "$out" "purchase 5 GROS received unordered" "an unordered receipt"
is "$(sql "select user_name || ' ' || approver from purchases where number = 5")" "dario chloe" \
	"recorded with who approved"
run "$C" receive --supplier GROS --no-order "PUR-2*2" "PUR-6*1" --user chloe --pin 3333
is "$rc" 0 "a manager receives without an order herself"
is "$(sql "select count(*) from stock_moves where ref = 'purchase 6' and reason = 'receive'")" 2 \
	"each item a movement"
run "$C" receive 6 "PUR-2*1" --user chloe --pin 3333
is "$rc" 1 "an unordered receipt is closed once done"

# Reorder on fixed figures.
run "$C" product levels PUR-1 --min 30 --max 50
is "$out" "PUR-1 min 30 max 50" "levels set"
run "$C" product levels PUR-3 --min 15 --max 60
run "$C" product levels PUR-4 --min 5 --max 20
run "$C" product levels PUR-5 --min 2 --max 10
run "$C" product levels PUR-6 --min 1 --max 4
run "$C" product levels PUR-2 --min 40 --max 20
is "$rc" 1 "a minimum above the maximum is refused"
run "$C" sell "PUR-3*28"
is "$rc" 0 "28 of PUR-3 sold today: one a day over 28 days"
pid3=$(sql "select id from products where sku = 'PUR-3'")
now=$(date +%s)
sql "insert into stock_moves(at, product_id, location_id, qty, reason, ref) values
     ($now - 40 * 86400, $pid3, 1, 100, 'opening', 'test'),
     ($now - 40 * 86400, $pid3, 1, -100, 'sale', 'test')"
# PUR-1: 31 on hand, nothing sold, min 30: 31 > 30, nothing yet. PUR-3: 22 on
# hand, threshold 15 + 1 * 7 = 22: order up to 60, 38, in tens: 40. PUR-4:
# 30 > 5. PUR-5: ACME by the products file's supplier column, 10. PUR-6: 1
# on hand, no supplier.
run "$C" reorder
is "$rc" 0 "reorder"
is "$out" "supplier ACME
  PUR-5 order 10 (on hand 0, on order 0, min 2, max 10, sold 0 in 28 days, lead 0 days, pack 1) Poivre noir
supplier GROS
  PUR-3 order 40 (on hand 22, on order 0, min 15, max 60, sold 28 in 28 days, lead 7 days, pack 10) Moutarde forte
no supplier
  PUR-6 order 3 (on hand 1, on order 0, min 1, max 4, sold 0 in 28 days, lead 0 days, pack 1) Huile de noix" \
	"suggestions per supplier, with their figures"
run "$C" sell "PUR-1*1"
run "$C" reorder
like "$out" "  PUR-1 order 24 \(on hand 30, on order 0, min 30, max 50, sold 1 in 28 days, lead 3 days, pack 6\)" \
	"at its minimum with sales: 20 up to 50, in packs of six 24"
run "$C" reorder --create
is "$out" "purchase 7
purchase 8" "one draft order per supplier"
run "$C" purchase show 7
is "$out" "purchase 7 ACME draft
PUR-1 ordered 24 received 0 open 24 Huile d'olive 1L
PUR-5 ordered 10 received 0 open 10 Poivre noir" "ACME's draft"
run "$C" purchase show 8
is "$out" "purchase 8 GROS draft
PUR-3 ordered 40 received 0 open 40 Moutarde forte" "GROS's draft"
is "$(sql "select unit_cost from purchase_lines l join purchases p on p.id = l.purchase_id
           where p.number = 8")" 90 "at the supplier's price"
run "$C" reorder
is "$(echo "$out" | grep -c order)" 1 "what is on order counts: only the product without a supplier is left"
run "$C" purchase list
like "$out" "^8 GROS draft [0-9-]+ ordered 40 received 0" "the list, newest first"
like "$out" "5 GROS received .* unordered" "unordered receipts marked"

drift=$(sql "select count(*) from stock s where qty <> (select coalesce(sum(qty), 0)
              from stock_moves m where m.product_id = s.product_id
              and m.location_id = s.location_id)")
is "$drift" 0 "stock is still the sum of its movements"
run "$C" verify
is "$rc" 0 "verify passes"

done_testing
