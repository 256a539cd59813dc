#!/bin/sh
# Purchasing: suppliers and their items, purchase orders from draft to
# received or closed short, receiving with lots, over- and under-deliveries,
# the average cost to the cent (a cost of 0 is unknown), receiving without
# an order by right (all its items or none), reorder suggestions on fixed
# figures turned into draft orders; the rights to buy and to receive, with
# approvals, and none asked in a shop without users; weighed goods in kg.
. "$top_srcdir/tests/lib/sh-tap.sh"
# A shop of its own, not the demo (which has suppliers, an order and levels
# of its own), with the demo's users for the rights.
DB="$T/shop.db"
C="$COMPTOIR"
export COMPTOIR_DB="$DB"
{ "$C" init --db "$DB" --country FR && "$C" user add admin --role admin --new-pin 9999 &&
  "$C" user add chloe --role manager --new-pin 3333 --user admin --pin 9999 &&
  "$C" user add dario --role warehouse --new-pin 4444 --user admin --pin 9999 &&
  "$C" user add bruno --role supervisor --new-pin 2222 --user admin --pin 9999 &&
  "$C" user add anna --role cashier --new-pin 1111 --user admin --pin 9999; } >/dev/null || {
	echo "Bail out! cannot create the shop"
	exit 1
}
# A manager buys; the warehouse receives.
M="--user chloe --pin 3333"
W="--user dario --pin 4444"

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
run "$C" supplier add ACME "Acme Huilerie" --kind manufacturer $M
is "$out" "supplier ACME" "a manufacturer"
run "$C" supplier add GROS "Grossiste du Midi" $M
is "$rc" 0 "a wholesaler"
run "$C" supplier add ACME "Again" $M
is "$rc" 1 "a supplier code is unique"
run "$C" supplier add X "Y" --kind farmer $M
is "$rc" 1 "and its kind is a manufacturer or a wholesaler"
run "$C" supplier item ACME PUR-1 --code AC-77 --price 4.63 --pack 6 --lead-days 3 --preferred $M
is "$rc" 0 "ACME sells PUR-1 by six at 4.63, in 3 days"
run "$C" supplier item GROS PUR-1 --price 4.80 $M
run "$C" supplier item GROS PUR-2 --price 1.20 --pack 10 --lead-days 2 --preferred $M
run "$C" supplier item GROS PUR-3 --price 0.90 --pack 10 --lead-days 7 --preferred $M
is "$rc" 0 "GROS sells PUR-1, PUR-2 and PUR-3"
run "$C" supplier item GROS PUR-1 --preferred $M
is "$(sql "select s.code from supplier_items i join suppliers s on s.id = i.supplier_id
           join products p on p.id = i.product_id where p.sku = 'PUR-1' and preferred = 1")" \
	GROS "one preferred supplier per product: the last one named"
run "$C" supplier item ACME PUR-1 --preferred $M
run "$C" supplier list
like "$out" "^ACME manufacturer Acme Huilerie" "the list names the suppliers"
like "$out" "  PUR-1 code AC-77 price 4.63 pack 6 lead 3 preferred" "and their items"

# An order of 24 (twelve by SKU, two packs of six), delivered short.
run "$C" purchase new --supplier ACME "PUR-1*12" "2000000000022*2" $M
is "$rc" 0 "a purchase order"
is "$(echo "$out" | head -1)" "purchase 1" "first line: purchase NUMBER"
run "$C" purchase show 1
is "$out" "purchase 1 ACME draft
PUR-1 ordered 24 received 0 open 24 Huile d'olive 1L" "a pack barcode counts its pack"
run "$C" receive 1 "PUR-1*1" $W
is "$rc" 1 "a draft is not received"
run "$C" purchase send 1 $M
like "$out" "^purchase 1 ACME sent" "sent"

run "$C" receive 1 "2000000000022@L-0425:2027-05-01" $W
is "$rc" 0 "one pack received, with its lot and expiry"
like "$out" "received 2000000000022, 18 still open" "18 stay open"
is "$(sql "select m.qty || ' ' || m.reason || ' ' || m.ref || ' ' || m.unit_cost || ' ' ||
           l.code || ' ' || l.expiry || ' ' || c.code from stock_moves m
           join lots l on l.id = m.lot_id join locations c on c.id = m.location_id
           order by m.id desc limit 1")" "6 receive purchase 1 463 L-0425 2027-05-01 MAIN" \
	"the movement: six in, reason, order, the order line's cost, lot and expiry, location"
# 10 on hand at 4.00 and 6 at 4.63: 67.78 / 16 = 4.23625, half-up 4.24.
is "$(sql "select cost from products where sku = 'PUR-1'")" 424 "average cost 4.24"
run "$C" receive 1 "PUR-1*4" $W
# 16 at 4.24 and 4 at 4.63: 86.36 / 20 = 4.318, 4.32.
is "$(sql "select cost from products where sku = 'PUR-1'")" 432 "then 4.32"
run "$C" purchase show 1
is "$out" "purchase 1 ACME partial
PUR-1 ordered 24 received 10 open 14 Huile d'olive 1L" "partly received, the rest open"
run "$C" receive 1 "PUR-1*15" $W
is "$rc" 1 "an over-delivery is refused"
like "$err" "PUR-1: 15 received but only 14 open on purchase order 1 \(ordered 24, received before 10\)" \
	"with the figures"
is "$(sql "select sum(qty) from stock where product_id = (select id from products where sku = 'PUR-1')")" \
	20 "and nothing of it is stocked"
run "$C" purchase close 1 $M
is "$out" "purchase 1 ACME closed
PUR-1 ordered 24 received 10 open 0 Huile d'olive 1L" "closed short: nothing stays open"
run "$C" receive 1 "PUR-1*1" $W
is "$rc" 1 "a closed order receives nothing more"
like "$err" "closed" "and says so"

# Over-delivery accepted and recorded; no stock on hand takes the new cost.
run "$C" purchase new --supplier GROS "PUR-2*10" $M
run "$C" purchase send 2 $M
run "$C" receive 2 "PUR-2*12" $W
is "$rc" 1 "twelve of ten refused"
run "$C" receive 2 "PUR-2*12" --over $W
is "$rc" 0 "accepted with --over"
like "$out" "purchase 2 GROS received" "received in full"
like "$out" "PUR-2 ordered 10 received 12 open 0" "twelve of ten"
is "$(sql "select qty || ' ' || over from purchase_receipts order by id desc limit 1")" "12 2" \
	"the two over are recorded"
is "$(sql "select cost from products where sku = 'PUR-2'")" 120 \
	"nothing was on hand: the cost is the received cost, 1.20"
run "$C" receive 2 "PUR-6*1" $W
is "$rc" 1 "a product not on the order is refused"
like "$err" "PUR-6 is not on purchase order 2" "and named"

# No ITEM: all that is open; the receiving location from the setting.
sql "insert into locations(code, name, kind) values ('WH', 'Entrepôt', 'warehouse');
     insert into settings(key, value) values ('receiving_location', 'WH')"
run "$C" purchase new --supplier GROS "PUR-2*5" "AC-77*3" $M
is "$rc" 1 "another supplier's code is not this supplier's"
run "$C" purchase new --supplier ACME "PUR-1*6" "AC-77*3" $M
is "$out" "purchase 3" "the supplier's own code names the product"
run "$C" purchase send 3 $M
run "$C" receive 3 $W
is "$rc" 0 "everything open received"
like "$out" "purchase 3 ACME received" "the order is received"
is "$(sql "select c.code, m.qty from stock_moves m join locations c on c.id = m.location_id
           where m.ref = 'purchase 3'")" "WH|9" "into the warehouse the setting names"
run "$C" purchase new --supplier ACME "PUR-1*2" $M
run "$C" purchase send 4 $M
run "$C" receive 4 "PUR-1*1" "PUR-1*5" --location MAIN $W
is "$rc" 1 "the second of two items is refused"
like "$out" "received PUR-1\\*1, 1 still open" "the first was saved on its own before"
is "$(sql "select group_concat(c.code || ' ' || m.qty) from stock_moves m
           join locations c on c.id = m.location_id where m.ref = 'purchase 4'")" "MAIN 1" \
	"--location overrides the setting"
run "$C" receive 4 "PUR-1*1" --location MAIN $W
like "$out" "purchase 4 ACME received" "the rest received"
run "$C" receive 4 "PUR-1*0" $W
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
run "$C" product levels PUR-1 --min 30 --max 50 $M
is "$out" "PUR-1 min 30 max 50" "levels set"
run "$C" product levels PUR-3 --min 15 --max 60 $M
run "$C" product levels PUR-4 --min 5 --max 20 $M
run "$C" product levels PUR-5 --min 2 --max 10 $M
run "$C" product levels PUR-6 --min 1 --max 4 $M
run "$C" product levels PUR-2 --min 40 --max 20 $M
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
run "$C" reorder --create $M
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

# Rights. Nobody logged in, in a shop with users: nothing that sets stock
# or cost goes through, and the right is named.
nsup=$(sql "select count(*) from suppliers")
npo=$(sql "select count(*) from purchases")
run "$C" supplier add NEW "Nouveau"
is "$rc" 1 "nobody logged in: no supplier added"
like "$err" "manage suppliers, their prices and purchase orders" "  the right is named"
run "$C" supplier item GROS PUR-1 --price 0.01
is "$rc" 1 "  nor a supplier's price changed"
run "$C" purchase new --supplier GROS "PUR-2*1"
is "$rc" 1 "  nor an order made"
run "$C" purchase send 8
is "$rc" 1 "  nor sent"
run "$C" purchase close 8
is "$rc" 1 "  nor closed"
run "$C" reorder --create
is "$rc" 1 "  nor reorder's drafts"
run "$C" product levels PUR-1 --min 0 --max 0
is "$rc" 1 "  nor a product's levels"
is "$(sql "select count(*) from suppliers") $(sql "select count(*) from purchases")" \
	"$nsup $npo" "  and nothing was written"
is "$(sql "select i.price from supplier_items i join suppliers s on s.id = i.supplier_id
           join products p on p.id = i.product_id where s.code = 'GROS' and p.sku = 'PUR-1'")
$(sql "select status from purchases where number = 8")
$(sql "select min_level || ' ' || max_level from products where sku = 'PUR-1'")" "480
draft
30 50" "  the price, the draft and the levels are as they were"
run "$C" purchase new --supplier GROS "PUR-2*1" --user dario --pin 4444
is "$rc" 1 "the warehouse does not order"
run "$C" purchase new --supplier GROS "PUR-2*1" --user bruno --pin 2222
is "$rc" 1 "nor does a supervisor"
run "$C" purchase new --supplier GROS "PUR-2*10" --user dario --pin 4444 \
	--approver chloe --approver-pin 3333
is "$out" "purchase 9" "a manager's approval lets the warehouse order"
is "$(sql "select user_name || ' ' || approver from purchases where number = 9")" "dario chloe" \
	"  recorded with who approved"
run "$C" purchase send 9 $M
run "$C" receive 9 "PUR-2*1"
is "$rc" 1 "nobody logged in: nothing received"
like "$err" "receive goods against a purchase order" "  the right is named"
run "$C" receive 9 "PUR-2*1" --user anna --pin 1111
is "$rc" 1 "a cashier receives nothing"
like "$err" "a supervisor can approve with their PIN" "  and is sent to a supervisor, who may receive"
run "$C" purchase close 9 --user bruno --pin 2222
is "$rc" 1 "a supervisor may not close a purchase order"
like "$err" "may not .*: someone with that right can approve with their PIN" \
	"  and is not sent to a supervisor, who lacks the right"
is "$(sql "select count(*) from stock_moves where ref = 'purchase 9'")" 0 "  nothing entered stock"
run "$C" receive 9 "PUR-2*1" "PUR-2*2" --user anna --pin 1111 --approver bruno --approver-pin 2222
is "$rc" 0 "a supervisor's approval lets a cashier receive the delivery"
like "$out" "received PUR-2\\*2, 7 still open" "  both items"
run "$C" receive 9 "PUR-2*3" --user bruno --pin 2222
is "$rc" 0 "a supervisor receives on their own right"

# A product the order does not name is receiving without an order, even
# as an over-delivery.
pur6=$(sql "select coalesce(sum(qty), 0) from stock where product_id =
            (select id from products where sku = 'PUR-6')")
run "$C" receive 9 "PUR-6*1" --over $W
is "$rc" 1 "the warehouse may not take in a product not on the order with --over"
like "$err" "PUR-6 is not on purchase order 9: .*receive goods without a purchase order" \
	"  said, with the right it needs"
is "$(sql "select coalesce(sum(qty), 0) from stock where product_id =
           (select id from products where sku = 'PUR-6')")" "$pur6" "  and nothing entered stock"
run "$C" receive 9 "PUR-6*1" --over $M
is "$rc" 0 "a manager may"
like "$out" "PUR-6 ordered 0 received 1 open 0" "  on a line of its own"

# A cost of 0 is unknown: not averaged in as free.
printf 'sku,name,price,tax_rate,weighed\nPUR-7,Câpres,3.00,5.5,0\nPUR-8,Olives vrac,18.00,5.5,1\n' \
	> "$T/more.csv"
run "$C" import products "$T/more.csv"
printf 'sku,quantity\nPUR-7,10\n' > "$T/more-stock.csv"
run "$C" import stock "$T/more-stock.csv" --user admin --pin 9999
run "$C" supplier item GROS PUR-7 --price 2.50 $M
run "$C" supplier item GROS PUR-4 --price 0 $M
run "$C" supplier item GROS PUR-8 --price 9.00 $M
run "$C" purchase new --supplier GROS "PUR-7*5" "PUR-4*10" "PUR-8*5.5" $M
is "$out" "purchase 10" "an order of a product without a cost, one at a price of 0, one weighed"
run "$C" purchase send 10 $M
run "$C" receive 10 "PUR-7*5" $W
is "$(sql "select cost from products where sku = 'PUR-7'")" 250 \
	"10 on hand at no known cost and 5 at 2.50: the cost is 2.50"
run "$C" receive 10 "PUR-4*10" $W
is "$(sql "select cost from products where sku = 'PUR-4'")" 150 \
	"a receipt at no known price keeps the cost, 1.50"

# Weighed goods print in kilograms, as stock does.
run "$C" receive 10 "PUR-8*2" $W
like "$out" "^received PUR-8\\*2, 3\\.500 still open$" "what stays open of a weighed product: 3.500"
run "$C" receive 10 "PUR-8*4" $W
is "$rc" 1 "4 kg of 3.5 open refused"
like "$err" "PUR-8: 4\\.000 received but only 3\\.500 open on purchase order 10 \\(ordered 5\\.500, received before 2\\.000\\)" \
	"  in kilograms"
run "$C" stock PUR-8
is "$(echo "$out" | head -1)" "2.000" "  stock says 2.000"

# A refused receipt without an order leaves nothing, and no number used.
before=$(sql "select count(*) from purchases")
run "$C" receive --supplier GROS --no-order "PUR-2*1" "NOPE*1" $M
is "$rc" 1 "an unknown item refuses a receipt without an order"
is "$(sql "select count(*) from purchases")" "$before" "  no empty receipt is left behind"
run "$C" receive --supplier GROS --no-order "PUR-2*1" $M
like "$out" "purchase 11 GROS received unordered" "  and the next one takes the next number"

# A shop without users asks nothing.
DB0="$T/nousers.db"
run "$C" init --db "$DB0" --country FR
run "$C" import products "$T/products.csv" --db "$DB0"
run "$C" supplier add GROS "Grossiste" --db "$DB0"
is "$rc" 0 "no users: a supplier added without logging in"
run "$C" supplier item GROS PUR-2 --price 1.20 --db "$DB0"
run "$C" product levels PUR-2 --min 5 --max 10 --db "$DB0"
is "$rc" 0 "  levels set"
run "$C" reorder --create --db "$DB0"
is "$out" "purchase 1" "  reorder's draft made"
run "$C" purchase send 1 --db "$DB0"
run "$C" receive 1 --db "$DB0"
is "$rc" 0 "  received"
run "$C" receive --supplier GROS --no-order "PUR-3*2" --db "$DB0"
is "$rc" 0 "  and without an order"

drift=$(sql "select count(*) from stock s where qty <> (select coalesce(sum(qty), 0)
              from stock_moves m where m.product_id = s.product_id
              and m.location_id = s.location_id)")
is "$drift" 0 "stock is still the sum of its movements"
run "$C" verify
is "$rc" 0 "verify passes"

done_testing
