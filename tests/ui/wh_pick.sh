#!/bin/sh
# The handheld with weighed goods and stock away from the dispatch
# location: a weight barcode received counts its grams (not a thousand
# times more); a weighed line picked by its weight barcode is delivered
# as that weight; the pick line says where the product is, the dispatch
# location first, and a product held only in a bin is named there; what
# was picked from the bin is moved to the dispatch location and shipped.
. "$(dirname "$0")/wh_lib.sh"

wh_setup
auth="--db $DB --user admin --pin 9999"
# Goods are received on the shop floor here (the demo receives into WH).
wh_sql "DELETE FROM settings WHERE key = 'receiving_location'"
# GRO-0001's weight barcodes: prefix 25, item 00101, grams, check digit.
w1500=2500101015005
w2500=2500101025004
"$WH_REAL" supplier add WH "Grossiste" $auth >/dev/null &&
	"$WH_REAL" supplier item WH GRO-0001 --price 1.00 $auth >/dev/null ||
	ui_bail "cannot add the supplier"
po=$("$WH_REAL" purchase new --supplier WH "GRO-0001*3" $auth | sed -n 's/^purchase //p')
[ -n "$po" ] && "$WH_REAL" purchase send "$po" $auth >/dev/null || ui_bail "no purchase"
# A product whose whole stock is put away in bin B1.
sku=$(wh_sql "SELECT p.sku FROM products p JOIN stock s ON s.product_id = p.id
               WHERE p.weighed = 0 AND s.qty >= 5
                 AND EXISTS (SELECT 1 FROM barcodes b WHERE b.product_id = p.id)
               ORDER BY p.id LIMIT 1")
code=$(wh_sql "SELECT b.code FROM barcodes b JOIN products p ON p.id = b.product_id
                WHERE p.sku = '$sku' ORDER BY b.rowid LIMIT 1")
qty=$(wh_sql "SELECT s.qty FROM stock s JOIN products p ON p.id = s.product_id
               WHERE p.sku = '$sku' AND s.location_id = 1")
"$WH_REAL" location add B1 "Bin one" --kind bin $auth >/dev/null &&
	"$WH_REAL" transfer --from MAIN --to B1 "$sku*$qty" $auth >/dev/null ||
	ui_bail "cannot put the stock away"
cust=$(wh_sql "SELECT code FROM customers WHERE kind <> 'walk-in' ORDER BY id LIMIT 1")
"$WH_REAL" order new --db "$DB" --customer "$cust" "GRO-0001*2,5" "$sku*3" \
	>"$UI_TMP/order.out" 2>&1 || ui_bail "order new failed: $(cat "$UI_TMP/order.out")"
order=$(awk 'NR == 1 { print $2 }' "$UI_TMP/order.out")
gro=$(wh_sql "SELECT s.qty FROM stock s JOIN products p ON p.id = s.product_id
               WHERE p.sku = 'GRO-0001' AND s.location_id = 1")

wh_start 20x16
ui_check "dario logs in" wh_login dario 4444
ui_wait_for "1 Receive" >/dev/null

# Receive: a weight barcode's grams.
ui_type 1
ui_wait_for "Purchase no.:" >/dev/null
wh_typed "$po"
ui_wait_for "Receive PO $po" >/dev/null
wh_scan "$w1500"
ui_check "the weight barcode gives its grams" ui_wait_for "Qty [1500]:"
ui_check "ordered in grams" ui_wait_for "Ord 3000 Rcv 0"
ui_keys Enter
ui_check "1500 g received, no over-delivery asked" ui_wait_for "Received 1500, open"
ui_check "the purchase line holds 1500 g" test "$(wh_sql "SELECT received FROM purchase_lines
	l JOIN products p ON p.id = l.product_id WHERE p.sku = 'GRO-0001'")" = 1500
ui_check "and the stock 1500 g more" test "$(wh_sql "SELECT s.qty FROM stock s JOIN products p
	ON p.id = s.product_id WHERE p.sku = 'GRO-0001' AND s.location_id = 1")" = $((gro + 1500))
ui_keys F10
ui_wait_for "1 Receive" >/dev/null

# Pick: where each line is; a weighed line by its weight barcode.
ui_type 3
ui_wait_for "Order no.:" >/dev/null
wh_typed "$order"
ui_check "the weighed line, in grams" ui_wait_for "GRO-0001 x2500"
g=$((gro + 1500))
ui_check "it is at the dispatch location" ui_wait_for "@MAIN $((g / 1000)).$(printf %03d $((g % 1000)))"
wh_scan "$w2500"
ui_check "2500 g picked; the next line" ui_wait_for "$sku x3"
ui_check "a product only in a bin is named there" ui_wait_for "Not at MAIN: @B1 $qty"
wh_scan "3*$code"
ui_check "all picked" ui_wait_for "All picked"
ui_keys F10
ui_check "F10 delivers all that was picked" ui_wait_for "Delivery 1"
ui_check "nothing on backorder" sh -c '! "$0" -L "$1" capture-pane -p -t ui | grep -q "rest on"' \
	"$TMUX_BIN" "$UI_SOCK"
ui_check "the delivery holds 2500 g and 3" test "$(wh_sql "SELECT group_concat(l.qty, ' ')
	FROM doc_lines l JOIN documents d ON d.id = l.doc_id WHERE d.kind = 'delivery'")" = "2500 3"
ui_check "the three left the bin" test "$(wh_sql "SELECT s.qty FROM stock s JOIN products p
	ON p.id = s.product_id JOIN locations l ON l.id = s.location_id
	WHERE p.sku = '$sku' AND l.code = 'B1'")" = $((qty - 3))
moves=$(wh_sql "SELECT m.qty || ' ' || m.reason || ' ' || l.code FROM stock_moves m
	JOIN products p ON p.id = m.product_id JOIN locations l ON l.id = m.location_id
	WHERE p.sku = '$sku' AND m.id > (SELECT max(id) FROM stock_moves WHERE reason = 'receive')
	ORDER BY m.id" | tr '\n' ',')
ui_check "moved to the dispatch location, then delivered from it ($moves)" \
	test "$moves" = "-3 transfer B1,3 transfer MAIN,-3 delivery MAIN,"
ui_check "2500 g left the shop floor" test "$(wh_sql "SELECT s.qty FROM stock s JOIN products p
	ON p.id = s.product_id WHERE p.sku = 'GRO-0001' AND s.location_id = 1")" = $((g - 2500))

ui_keys Escape
ui_check "Esc on the menu quits with status 0" ui_wait_for "[exit 0]"
ui_done
