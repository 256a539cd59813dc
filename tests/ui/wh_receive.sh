#!/bin/sh
# The handheld at 20x16: log-in, the menu, a receive against a purchase
# (the default quantity is the supplier's pack, each scan saved at once,
# ordered and received shown, over-delivery asked first), a look-up, and a
# pick of a wholesale order ending in its delivery.
#
# The purchase comes from wh_purchase (wh_lib.sh).
. "$(dirname "$0")/wh_lib.sh"

wh_setup
row=$(wh_purchase_item) || ui_bail "cannot read the demo shop"
code=${row%%|*}
sku=${row#*|}
[ -n "$code" ] || ui_bail "no product with a barcode"
received() {
	wh_sql "SELECT coalesce(sum(m.qty), 0) FROM stock_moves m JOIN products p
	          ON p.id = m.product_id WHERE p.sku = '$sku' AND m.reason = 'receive'"
}

wh_start 20x16
ui_check "the log-in asks for the user" ui_wait_for "User:"
ui_check "dario logs in" wh_login dario 4444
ui_check "the menu lists Receive" ui_wait_for "1 Receive"
ui_check "the menu lists Look up" ui_wait_for "6 Look up"

wh_purchase
ui_type 1
ui_check "1 opens Receive" ui_wait_for "Purchase no.:"
wh_typed "$po"
ui_check "the purchase opens" ui_wait_for "Receive PO $po"
wh_scan "$code"
ui_check "the quantity defaults to the pack" ui_wait_for "Qty [6]:"
ui_check "ordered and received show" ui_wait_for "Ord 12 Rcv 0"
ui_keys Enter
ui_check "the scan is received" ui_wait_for "Received 6, open 6"
ui_check "saved at once: 6 received" test "$(received)" = 6

wh_scan "$code"
ui_wait_for "Qty [6]:" >/dev/null
ui_check "the line shows what came" ui_wait_for "Ord 12 Rcv 6"
wh_typed 9
ui_check "more than is open asks" ui_wait_for "Over! Take 9?"
ui_check "nothing received before the answer" test "$(received)" = 6
ui_keys Escape
ui_check "Esc says no" ui_wait_for "Qty [9]:"
wh_typed 9
ui_wait_for "Over! Take 9?" >/dev/null
ui_keys Enter
ui_check "Enter says yes" ui_wait_for "Received 9"
ui_check "15 received in all" test "$(received)" = 15

# A GS1 label: the lot and expiry it carries are received with the item.
code2=$(wh_sql "SELECT (SELECT b.code FROM barcodes b WHERE b.product_id = p.id
                        ORDER BY b.rowid LIMIT 1)
                  FROM products p WHERE p.weighed = 0
                   AND EXISTS (SELECT 1 FROM barcodes b WHERE b.product_id = p.id)
                 ORDER BY p.id LIMIT 1 OFFSET 1")
wh_scan "(01)0$code2(10)L42(17)271231"
ui_check "a GS1 label gives its lot and expiry" ui_wait_for "Lot L42 2027-12-31"
ui_keys Enter
ui_check "the lot is received" ui_wait_for "Received 6, open 6"
ui_check "the movement names the lot and its expiry" test "$(wh_sql "SELECT l.code || ' ' ||
	l.expiry FROM stock_moves m JOIN lots l ON l.id = m.lot_id WHERE m.reason = 'receive'")" \
	= "L42 2027-12-31"

ui_keys F10
ui_check "F10 ends the purchase, the rest is short" ui_wait_for "PO $po: 18 short"
ui_check "back on the menu" ui_wait_for "1 Receive"

ui_type 6
ui_check "6 opens Look up" ui_wait_for "Look up"
wh_scan "$code"
total=$(wh_sql "SELECT coalesce(sum(s.qty), 0) FROM stock s JOIN products p
                  ON p.id = s.product_id WHERE p.sku = '$sku'")
ui_check "the look-up shows the stock" ui_wait_for "Stock $total"
ui_check "and the SKU" ui_wait_for "$sku"
ui_keys Escape
ui_wait_for "1 Receive" >/dev/null

# Picking a wholesale order: the next line, scans confirm, F2 skips a
# line, F10 delivers what was picked and the rest stays on backorder.
sku2=$(wh_sql "SELECT p.sku FROM products p JOIN barcodes b ON b.product_id = p.id
                WHERE b.code = '$code2'")
cust=$(wh_sql "SELECT code FROM customers WHERE kind <> 'walk-in' ORDER BY id LIMIT 1")
"$WH_REAL" order new --db "$DB" --customer "$cust" "$sku*2" "$sku2*1" >"$UI_TMP/order.out" 2>&1 ||
	ui_bail "order new failed: $(cat "$UI_TMP/order.out")"
order=$(awk 'NR == 1 { print $2 }' "$UI_TMP/order.out")
ui_type 3
ui_check "3 opens Pick" ui_wait_for "Order no.:"
wh_typed "$order"
ui_check "the first line to pick shows" ui_wait_for "$sku x2"
ui_keys F2
ui_check "F2 skips to the next line" ui_wait_for "$sku2 x1"
wh_scan "$code"
ui_check "the wrong item is refused" ui_wait_for "Wrong item: $sku"
ui_keys F10
ui_check "nothing picked, nothing delivered" ui_wait_for "nothing was picked"
wh_scan "$code2"
ui_check "picked; back to the line left" ui_wait_for "$sku x2"
wh_scan "$code"
ui_check "one picked, one to go" ui_wait_for "$sku x1"
ui_check "the picks are saved" test "$(wh_sql "SELECT sum(picked) FROM handheld_picks")" = 2
ui_keys F10
ui_check "F10 delivers, the rest on backorder" ui_wait_for "Delivery 1, rest on"
ui_check "the delivery holds what was picked" test "$(wh_sql "SELECT sum(l.qty) FROM doc_lines l
	JOIN documents d ON d.id = l.doc_id WHERE d.kind = 'delivery'")" = 2
ui_check "the picks are cleared" test "$(wh_sql "SELECT count(*) FROM handheld_picks")" = 0

ui_keys Escape
ui_check "Esc on the menu quits with status 0" ui_wait_for "[exit 0]"
ui_check "the terminal is restored" ui_terminal_restored
ui_done
