#!/bin/sh
# The handheld screens on an ordinary 80x24 terminal (a desk PC, or a
# handheld emulator set to 80 columns): the log-in, the menu, a look-up
# with the name whole and the stock per location, a transfer made from
# the screen and found in the database; no line wider than the window.
. "$(dirname "$0")/wh_lib.sh"

wh_setup
row=$(wh_sql "SELECT b.code, p.sku, p.name FROM products p JOIN barcodes b ON b.product_id = p.id
               WHERE p.weighed = 0 AND b.pack_qty = 1 AND length(b.code) = 13
                 AND (SELECT coalesce(sum(qty), 0) FROM stock s WHERE s.product_id = p.id
                      AND s.location_id = 1) >= 5
               ORDER BY p.id LIMIT 1") || ui_bail "cannot read the demo shop"
IFS='|' read -r code sku name <<EOF
$row
EOF
[ -n "$code" ] || ui_bail "no product in stock"
at() {
	wh_sql "SELECT coalesce(sum(s.qty), 0) FROM stock s JOIN products p ON p.id = s.product_id
	          JOIN locations l ON l.id = s.location_id WHERE p.sku = '$sku' AND l.code = '$1'"
}
main0=$(at MAIN)
b02=$(at B02)

wh_start 80x24
ui_check "80x24: dario logs in" wh_login dario 4444
ui_check "80x24: the menu" ui_wait_for "6 Look up"
ui_type 6
ui_wait_for "Scan item:" >/dev/null
wh_scan "$code"
ui_check "80x24: the look-up shows the whole name" ui_wait_for "$name"
ui_check "80x24: and the shop floor's stock" ui_wait_for "MAIN"
ui_check "80x24: every line fits the window" wh_fits
ui_keys Escape
ui_wait_for "1 Receive" >/dev/null

ui_type 5
ui_check "80x24: transfer asks where from" ui_wait_for "From:"
wh_typed MAIN
ui_wait_for "Scan item:" >/dev/null
wh_scan "$code"
ui_wait_for "Qty [1]:" >/dev/null
wh_typed 3
ui_check "80x24: then where to" ui_wait_for "To:"
wh_scan B02
ui_check "80x24: the transfer is done" ui_wait_for "Moved 3 to B02"
ui_check "80x24: three left the shop floor" test "$(at MAIN)" = "$((main0 - 3))"
ui_check "80x24: and reached bin B02" test "$(at B02)" = "$((b02 + 3))"
ui_check "80x24: nothing on stderr" test ! -s "$UI_TMP/stderr"
ui_done
