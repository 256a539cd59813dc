#!/bin/sh
# Put-away and a blind count on the handheld at 20x16: the item, the
# quantity, the bin, and the stock moves when the bin is scanned; a count
# where a scan adds one and N*CODE or N alone sets the count, where the
# expected quantity never shows, and F10 (Esc 0) submits it.
# The count is checked in the database too, then approved from the
# command line by a user with the right.
. "$(dirname "$0")/wh_lib.sh"

wh_setup
row=$(wh_sql "SELECT b.code, p.sku,
                     (SELECT coalesce(sum(s.qty), 0) FROM stock s WHERE s.product_id = p.id)
                FROM products p JOIN barcodes b ON b.product_id = p.id
               WHERE p.weighed = 0 AND b.pack_qty = 1 AND length(b.code) = 13
                 AND (SELECT coalesce(sum(s.qty), 0) FROM stock s
                       WHERE s.product_id = p.id) BETWEEN 20 AND 999
               ORDER BY p.id LIMIT 1") || ui_bail "cannot read the demo shop"
IFS='|' read -r code sku onhand <<EOF
$row
EOF
[ -n "$code" ] || ui_bail "no product with 20 to 999 in stock"
# The demo shop receives into its warehouse WH, with bins B01..B04: this
# test puts away from the shop floor, into B01 (made when missing).
wh_sql "DELETE FROM settings WHERE key = 'receiving_location';
        INSERT OR IGNORE INTO locations(code, name, kind) VALUES ('B01', 'Bin 1', 'bin')" ||
	ui_bail "cannot add a bin"
in_bin() {
	wh_sql "SELECT coalesce(sum(s.qty), 0) FROM stock s JOIN products p ON p.id = s.product_id
	          JOIN locations l ON l.id = s.location_id WHERE p.sku = '$sku' AND l.code = 'B01'"
}

wh_start 20x16
ui_check "dario logs in" wh_login dario 4444
ui_type 2
ui_check "2 opens Put away from the receiving location" ui_wait_for "From MAIN"
wh_scan "$code"
ui_check "the quantity defaults to all there is" ui_wait_for "Qty [$onhand]:"
wh_typed 4
ui_check "then the bin" ui_wait_for "To bin:"
ui_check "nothing moved before the bin" test "$(in_bin)" = 0
wh_scan B01
ui_check "moved" ui_wait_for "Moved 4 to B01"
ui_check "the bin holds 4" test "$(in_bin)" = 4
ui_check "the total is unchanged" test "$(wh_sql "SELECT sum(s.qty) FROM stock s JOIN products p
	ON p.id = s.product_id WHERE p.sku = '$sku'")" = "$onhand"
ui_check "ready for the next item" ui_wait_for "Scan item:"
ui_keys Escape
ui_check "Esc goes back to the menu" ui_wait_for "1 Receive"

ui_type 4
ui_check "4 opens Count" ui_wait_for "Location:"
wh_scan MAIN
ui_check "the count of MAIN starts" ui_wait_for "Count MAIN"
wh_scan "$code"
ui_check "a scan adds one" ui_wait_for "$sku +1"
wh_typed 7
ui_check "a number alone sets the item just scanned" ui_wait_for "$sku = 7"
wh_typed "3*$code"
ui_check "N*CODE sets the count" ui_wait_for "$sku = 3"
ui_check "the expected quantity never shows" sh -c '! "$0" -L "$1" capture-pane -p -t ui |
	grep -q -w "$2"' "$TMUX_BIN" "$UI_SOCK" "$onhand"
ui_esc 0
ui_check "Esc 0 submits the count" ui_wait_for "Count MAIN sent"
ui_check "back on the menu" ui_wait_for "1 Receive"
cnt=$(wh_sql "SELECT max(id) FROM counts")
ui_check "the count is submitted in the database" test \
	"$(wh_sql "SELECT status || ' ' || opened_by FROM counts WHERE id = $cnt")" = "submitted dario"
ui_check "with what was counted and, only now, what was expected" test \
	"$(wh_sql "SELECT l.counted || ' ' || l.expected FROM count_lines l JOIN products p
	             ON p.id = l.product_id WHERE l.count_id = $cnt AND p.sku = '$sku'")" \
	= "3 $((onhand - 4))"
ui_check "a manager approves it from the command line" \
	"$WH_REAL" count approve "$cnt" --db "$DB" --user chloe --pin 3333
ui_check "the shop now holds what was counted" test \
	"$(wh_sql "SELECT s.qty FROM stock s JOIN products p ON p.id = s.product_id
	             JOIN locations l ON l.id = s.location_id WHERE p.sku = '$sku' AND l.code = 'MAIN'")" = 3
ui_done
