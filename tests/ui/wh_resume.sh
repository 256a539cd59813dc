#!/bin/sh
# A handheld whose connection drops mid-receive (its tmux session killed,
# as a radio link going away hangs up the SSH session) resumes where it
# stopped once the same user logs in again: same purchase, same item, same
# step; what was confirmed before the drop is kept, and another user's
# session starts at the menu. 16x8. (The purchase: wh_purchase, wh_lib.sh.)
. "$(dirname "$0")/wh_lib.sh"

wh_setup
row=$(wh_purchase_item) || ui_bail "cannot read the demo shop"
code=${row%%|*}
sku=${row#*|}

wh_start 16x8
ui_check "dario logs in at 16x8" wh_login dario 4444
wh_purchase
ui_type 1
ui_wait_for "Purchase no.:" >/dev/null
wh_typed "$po"
ui_check "the purchase opens" ui_wait_for "Receive PO $po"
wh_scan "$code"
ui_wait_for "Qty [6]:" >/dev/null
ui_keys Enter
ui_check "6 received" ui_wait_for "Received 6"
wh_scan "$code"
ui_check "the next scan waits for its quantity" ui_wait_for "Qty [6]:"

ui_stop
ui_check "the session is gone" sh -c '! "$0" -L "$1" has-session -t ui 2>/dev/null' \
	"$TMUX_BIN" "$UI_SOCK"
ui_check "what was received before the drop is kept" \
	test "$(wh_sql "SELECT sum(qty) FROM stock_moves WHERE reason = 'receive'")" = 6

wh_start 16x8
ui_check "dario logs in again" wh_login dario 4444
ui_check "the same purchase shows" ui_wait_for "Receive PO $po"
ui_check "at the same step: the quantity of the same item" ui_wait_for "Qty [6]:"
ui_check "the item in hand shows" ui_wait_for "$sku"
ui_keys Enter
ui_check "the receive goes on" ui_wait_for "Received 6"
ui_check "12 received in all" \
	test "$(wh_sql "SELECT sum(qty) FROM stock_moves WHERE reason = 'receive'")" = 12
ui_stop

wh_start 16x8
ui_check "another user logs in" wh_login admin 9999
ui_check "and starts at the menu" ui_wait_for "1 Receive"
ui_done
