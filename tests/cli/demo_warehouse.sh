#!/bin/sh
# The demo shop's warehouse and purchasing, in France and in India: the
# warehouse WH and its bins, a manufacturer and a wholesaler with their
# items, purchase 1 sent and received into WH (then put away into a bin),
# reorder suggestions from the levels, lots shown earliest expiry first,
# the shop floor's stock as it was, and verify passing after all.
. "$top_srcdir/tests/lib/sh-tap.sh"
C="$COMPTOIR"
DARIO="--user dario --pin 4444"
export COMPTOIR_TODAY=2026-03-01

for country in FR IN; do
	rm -f "$T/shop.db" "$T/shop.db-wal" "$T/shop.db-shm"
	demo_db "$country"
	export COMPTOIR_DB="$DB"
	if [ "$country" = FR ]; then maker=LUBERON seller=RHONEDIS; else maker=NILGIRI seller=DECCAN; fi
	from_maker="supplier $maker
  OIL-0002 order 24"
	from_seller="supplier $seller
  GRO-1108 order 60
  GRO-1120 order 48"

	run "$C" location list
	is "$(echo "$out" | cut -d' ' -f1,3 | tr '\n' ' ')" "B01 bin B02 bin B03 bin B04 bin MAIN shop WH warehouse " \
		"$country: the warehouse WH, four bins and the shop floor"
	is "$(sql "select value from settings where key = 'receiving_location'")" WH \
		"$country: goods are received into WH"

	run "$C" supplier list
	like "$out" "^$maker manufacturer " "$country: a manufacturer"
	like "$out" "^$seller wholesaler " "$country: and a wholesaler"
	like "$out" "  OIL-0001 code HE-LAV-05 price [0-9.]+ pack 6 lead 10 preferred" \
		"$country: its code, price, pack and lead time; preferred"
	is "$(sql "select count(*) from supplier_items where preferred = 1")" 13 \
		"$country: thirteen products with their preferred supplier"
	is "$(sql "select count(*) from supplier_items i join products p on p.id = i.product_id
	           where p.sku = 'OIL-0001'")" 2 "$country: OIL-0001 from both"
	if [ "$country" = FR ]; then
		# 4.39 at 40 %: 1.756, 1.76.
		is "$(sql "select i.price from supplier_items i join products p on p.id = i.product_id
		           join suppliers s on s.id = i.supplier_id
		           where p.sku = 'OIL-0001' and s.code = '$maker'")" 176 \
			"$country: priced from the retail price"
	fi

	# The order waiting for the handheld.
	run "$C" purchase list
	is "$(echo "$out" | wc -l)" 1 "$country: one purchase order"
	like "$out" "^1 $seller sent [0-9-]+ ordered 70 received 0$" "$country: purchase 1, sent"
	run "$C" purchase show 1
	is "$out" "purchase 1 $seller sent
GRO-1042 ordered 24 received 0 open 24 Jus de pomme bio 1 l
GRO-1102 ordered 12 received 0 open 12 Sirop de fraise 1 l
GRO-1210 ordered 24 received 0 open 24 Velouté de potiron 50 cl
GRO-1138 ordered 10 received 0 open 10 Noix de cajou 500 g" "$country: its lines"

	# Reorder: three products under their minimum, by preferred supplier.
	run "$C" reorder
	is "$rc" 0 "$country: reorder runs"
	# Suppliers by code: the manufacturer first in France, the wholesaler in India.
	if [ "$country" = FR ]; then want="$from_maker
$from_seller"; else want="$from_seller
$from_maker"; fi
	is "$(echo "$out" | sed 's/ (.*//')" "$want" \
		"$country: reorder suggests three products from their suppliers"
	like "$out" "OIL-0002 order 24 \(on hand 4, on order 0, min 6, max 24, sold 0 in 28 days, lead 10 days, pack 6\)" \
		"$country: with the figures"

	# Lots in the warehouse, earliest expiry first; the shop floor as before.
	run "$C" stock OIL-0001
	is "$out" "37
MAIN 7
WH 30
  lot LV-2107 expiry 2026-07-29 6
  lot LV-2201 expiry 2027-04-05 12
  lot LV-2305 expiry 2028-01-30 12" "$country: lots of OIL-0001, earliest expiry first"
	run "$C" stock GRO-1036
	like "$out" "lot J-0398 expiry 2026-03-21 6
  lot J-0412 expiry 2026-04-15 12
  lot J-0427 expiry 2026-05-15 24" "$country: the orange juice's three lots in order"
	like "$(printf '%s\n' "$out" | sed -n 2p)" "^MAIN 106$" "$country: its shop floor stock unchanged"
	is "$(sql "select count(*) from stock s join locations l on l.id = s.location_id
	           where l.code <> 'MAIN' and l.code <> 'WH' and s.qty <> 0")" 0 \
		"$country: the bins are empty"
	is "$(sql "select count(distinct product_id) from stock_moves m
	           join locations l on l.id = m.location_id where l.code = 'WH'")" 4 \
		"$country: four products in the warehouse, all in lots"

	# Receiving purchase 1 as dario does on the handheld, then putting away.
	run "$C" receive 1 "GRO-1042*12" "3409176969635" $DARIO
	is "$rc" 0 "$country: dario receives on purchase 1 by SKU and by the case's barcode"
	like "$out" "^purchase 1 $seller partial" "$country: partly received"
	like "$out" "GRO-1042 ordered 24 received 18 open 6" "$country: twelve and a case of six"
	run "$C" receive 1 $DARIO
	like "$out" "^purchase 1 $seller received" "$country: the rest received"
	is "$(sql "select group_concat(x, ', ') from (select l.code || ' ' || s.qty as x from stock s
	           join locations l on l.id = s.location_id join products p on p.id = s.product_id
	           where p.sku = 'GRO-1138' order by l.code)")" "MAIN 78, WH 10" \
		"$country: into the warehouse, beside the shop floor's"
	run "$C" transfer --from WH --to B03 "GRO-1138*10" $DARIO
	is "$rc" 0 "$country: put away into bin B03"
	run "$C" reorder
	unlike "$out" "GRO-1042|GRO-1102|GRO-1210|GRO-1138" "$country: nothing received is suggested"

	run "$C" verify
	is "$rc" 0 "$country: verify passes"
	is "$(sql "select count(*) from stock s where qty <> (select coalesce(sum(qty), 0)
	           from stock_moves m where m.product_id = s.product_id
	           and m.location_id = s.location_id)")" 0 "$country: stock is the sum of its movements"
done

# The demo stays the same from one creation to the next.
rm -f "$T/shop.db" "$T/shop.db-wal" "$T/shop.db-shm"
demo_db FR
a=$(sql "select group_concat(p.sku || l.code || t.code || t.expiry || m.qty, ',') from stock_moves m
         join products p on p.id = m.product_id join locations l on l.id = m.location_id
         left join lots t on t.id = m.lot_id where l.code <> 'MAIN'")
rm -f "$DB" "$DB-wal" "$DB-shm"
demo_db FR
is "$(sql "select group_concat(p.sku || l.code || t.code || t.expiry || m.qty, ',') from stock_moves m
         join products p on p.id = m.product_id join locations l on l.id = m.location_id
         left join lots t on t.id = m.lot_id where l.code <> 'MAIN'")" "$a" "the same lots every time"

done_testing
