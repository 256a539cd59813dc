#!/bin/sh
# The handheld screens at 16x8 and 40x8: the log-in, the menu whole, a
# look-up with a long name cut to the width, a transfer's prompts one per
# screen, Esc+digit for the F-keys, and a message too long for the one row
# below the field shown whole over the context.
. "$(dirname "$0")/wh_lib.sh"

wh_setup
row=$(wh_sql "SELECT b.code, p.sku FROM products p JOIN barcodes b ON b.product_id = p.id
               WHERE p.weighed = 0 AND b.pack_qty = 1 AND length(p.name) > 16
                 AND length(b.code) = 13 ORDER BY p.id LIMIT 1") ||
	ui_bail "cannot read the demo shop"
code=${row%%|*}
sku=${row#*|}
[ -n "$code" ] || ui_bail "no product with a long name"

wh_start 16x8
ui_check "16x8: the log-in" ui_wait_for "User:"
ui_check "16x8: dario logs in" wh_login dario 4444
ui_check "16x8: the menu's first entry" ui_wait_for "1 Receive"
ui_check "16x8: the menu's last entry" ui_wait_for "6 Look up"
ui_check "16x8: the key hint on the last row" ui_wait_row 7 "1-6 Esc:quit"
ui_type 6
ui_wait_for "Scan item:" >/dev/null
wh_scan "$code"
ui_check "16x8: the look-up shows the SKU" ui_wait_for "$sku"
ui_check "16x8: the stock" ui_wait_for "Stock"
wh_scan 4006381333932
ui_check "16x8: a long error shows whole over the context" ui_wait_for "digit"
ui_keys Escape
ui_wait_for "1 Receive" >/dev/null

# A transfer: from, item, qty, to; one prompt per screen.
ui_type 5
ui_check "16x8: transfer asks where from" ui_wait_for "From:"
wh_typed MAIN
ui_check "16x8: then the item" ui_wait_for "Scan item:"
wh_scan "$code"
ui_check "16x8: then the quantity" ui_wait_for "Qty [1]:"
wh_typed 2
ui_check "16x8: then where to" ui_wait_for "To:"
wh_typed NOWHERE
ui_check "16x8: an unknown location is refused" ui_wait_for "NOWHERE"
ui_check "16x8: nothing moved" \
	test "$(wh_sql "SELECT count(*) FROM stock_moves WHERE reason = 'transfer'")" = 0
ui_keys Escape
ui_wait_for "Qty [2]:" >/dev/null
ui_keys Escape
ui_check "16x8: Esc steps back: the item" ui_wait_for "Scan item:"
ui_keys Escape
ui_check "16x8: Esc steps back: where from" ui_wait_for "From:"
ui_keys Escape
ui_check "16x8: Esc steps back to the menu" ui_wait_for "1 Receive"

# Esc 0 is F10: it ends a receive.
ui_type 1
ui_wait_for "Purchase no.:" >/dev/null
wh_purchase
wh_typed "$po"
ui_wait_for "Receive PO $po" >/dev/null
ui_esc 0
ui_check "16x8: Esc 0 works as F10" ui_wait_for "PO $po: 36 short"
ui_stop

wh_start 40x8
ui_check "40x8: dario logs in" wh_login dario 4444
ui_check "40x8: the menu" ui_wait_for "6 Look up"
ui_type 6
ui_wait_for "Scan item:" >/dev/null
wh_scan "$code"
ui_check "40x8: the look-up" ui_wait_for "$sku"
ui_check "40x8: the hint on the last row" ui_wait_row 7 "Esc:menu"
ui_done
