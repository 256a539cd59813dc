#!/bin/sh
# A return on the counter screen: F6, the sale's ticket number in its
# barcode form, two of three units, F10; the supervisor's approval typed on
# the screen (a wrong PIN first), the return's receipt, and the database.
. "$(dirname "$0")/lib.sh"

ui_setup
row=$(ui_pick_product) || ui_bail "cannot read the demo shop"
IFS='|' read -r code sku name price <<EOF
$row
EOF
"$COMPTOIR" user add boss --role admin --new-pin 1234 --db "$DB" --user admin --pin 9999 >/dev/null &&
	"$COMPTOIR" user add sam --role supervisor --new-pin 2222 --db "$DB" --user boss \
		--pin 1234 >/dev/null || ui_bail "cannot add users"
"$COMPTOIR" sell --db "$DB" "$code*3" >/dev/null || ui_bail "cannot sell"
stock0=$(ui_sql "SELECT qty FROM stock s JOIN products p ON p.id = s.product_id WHERE sku = '$sku';")
refund_re=$(ui_price_re $((price * 2)))

ui_start LANG=C.UTF-8 LC_ALL=C.UTF-8
ui_check "the counter opens" ui_wait_for "Code:"
ui_check "the help bar shows F6 Return" ui_wait_row 23 "F6.?Return"

ui_esc 6
ui_check "Esc 6 asks for the ticket number too" ui_wait_for "ticket number"
ui_keys Escape
ui_check "Esc closes it" ui_wait_gone "ticket number"

ui_keys F6
ui_check "F6 asks for the ticket number" ui_wait_for "ticket number"
ui_type "T1"
ui_keys Enter
ui_check "the return screen shows ticket 1" ui_wait_for "Return of ticket 1"
ui_check "its line, sold 3" ui_wait_row 2 "^ +3 +0 +0 "
ui_type "2*$code"
ui_keys Enter
ui_check "two of them chosen" ui_wait_row 2 "^ +3 +0 +2 .*$refund_re"
ui_check "the refund total" ui_wait_for "REFUND"

ui_keys F10
ui_check "F10 without the right asks for a supervisor" ui_wait_for "Supervisor's user name"
ui_type "sam"
ui_keys Enter
ui_check "then the PIN" ui_wait_for "PIN of sam:"
ui_type "9999"
ui_keys Enter
ui_check "a wrong PIN is refused" ui_wait_for "wrong PIN for sam"
ui_check "the PIN never shows" ui_wait_gone "9999"
ui_check "nothing recorded" test "$(ui_sql "SELECT count(*) FROM tickets;")" = 1

ui_check "the supervisor's name is asked again" ui_wait_for "Supervisor's user name"
ui_type "sam"
ui_keys Enter
ui_wait_for "PIN of sam:" >/dev/null
ui_type "2222"
ui_keys Enter
ui_check "approved: the return's receipt shows" ui_wait_for "RETURN of ticket 1"
ui_check "as ticket 2" ui_wait_for "Ticket 2"
ui_check "ticket 2 is a return of two units, approved by sam" \
	test "$(ui_sql "SELECT t.kind || ':' || l.qty || ':' || t.approver FROM tickets t
	                 JOIN ticket_lines l ON l.ticket_id = t.id WHERE t.number = 2;")" = "return:-2:sam"
ui_check "the two units are back in stock" \
	test "$(ui_sql "SELECT qty FROM stock s JOIN products p ON p.id = s.product_id
	                 WHERE sku = '$sku';")" = $((stock0 + 2))
ui_check "refunded in cash as paid" \
	test "$(ui_sql "SELECT method || ':' || amount FROM payments p JOIN tickets t ON t.id = p.ticket_id
	                 WHERE t.number = 2;")" = "cash:-$((price * 2))"

ui_keys Enter
ui_check "back to the counter" ui_wait_for "Code:"
ui_keys F6
ui_check "F6 again" ui_wait_for "ticket number"
ui_type "1"
ui_keys Enter
ui_check "ticket 1 shows two returned" ui_wait_row 2 "^ +3 +2 +0 "
ui_type "2*$code"
ui_keys Enter
ui_check "two more than is left are refused" ui_wait_for "only 1 left"
ui_keys Escape
ui_check "Esc leaves the return" ui_wait_for "nothing recorded"

ui_keys Escape
ui_keys Escape
ui_check "Esc twice quits with status 0" ui_wait_for "[exit 0]"
ui_check "the terminal modes are restored" ui_terminal_restored
"$COMPTOIR" verify --db "$DB" >/dev/null 2>&1
ui_ok $? "the journal verifies"
ui_done
