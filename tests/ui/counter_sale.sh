#!/bin/sh
# A whole sale on the counter screen at 80x24 in a UTF-8 terminal: scan a
# code, see the line and the total, F10, Enter for exact cash, see the ticket
# and its receipt, and find the sale committed in the database.
. "$(dirname "$0")/lib.sh"

ui_setup
row=$(ui_pick_product) || ui_bail "cannot read the demo shop"
[ -n "$row" ] || ui_bail "no product to sell in the demo shop"
IFS='|' read -r code sku name price <<EOF
$row
EOF
price_re=$(ui_price_re "$price")

ui_start LANG=C.UTF-8 LC_ALL=C.UTF-8
ui_check "the counter screen opens with its code line" ui_wait_for "Code:"
ui_check "the help bar shows the keys" ui_wait_row 23 "F10"

ui_type "$code"
ui_keys Enter
ui_check "the scanned product shows as a ticket line" ui_wait_for "$name"
ui_check "the line shows its amount" ui_wait_row 2 "^ +1 .*$price_re"
ui_check "the running total shows" ui_wait_row 20 "TOTAL.*$price_re"

ui_keys F10
ui_check "F10 opens the tender with the total due" ui_wait_for "Total due"
ui_keys Enter
ui_check "Enter on an empty amount takes exact cash and commits: Ticket 1" ui_wait_for "Ticket 1"
ui_check "the change is shown" ui_wait_row 0 "Ticket 1 .*0[.,]00"

out=$("$COMPTOIR" receipt --db "$DB" 1 2>&1)
status=$?
ui_ok $status "comptoir receipt 1 succeeds"
short=$(ui_sql "SELECT substr(name, 1, 12) FROM products WHERE sku = '$sku';")
printf '%s\n' "$out" | grep -F -q -- "$short"
ui_ok $? "the receipt shows the product"

ui_check "one ticket is in the database" \
	test "$(ui_sql 'SELECT count(*) FROM tickets;')" = 1
ui_check "its line is the product, quantity 1" \
	test "$(ui_sql "SELECT qty FROM ticket_lines l JOIN tickets t ON t.id = l.ticket_id
	                 WHERE t.number = 1 AND l.sku = '$sku';")" = 1
ui_check "it was paid in cash, exactly" \
	test "$(ui_sql "SELECT method || ':' || amount FROM payments p JOIN tickets t ON t.id = p.ticket_id
	                 WHERE t.number = 1;")" = "cash:$price"

ui_keys Enter
ui_check "any key goes on to an empty ticket" ui_wait_row 20 "0 lines"
ui_check "the line of the last sale is gone" ui_wait_gone "$name"

ui_keys Escape
ui_check "Esc on an empty line asks before quitting" ui_wait_for "Esc again"
ui_keys Escape
ui_check "Esc twice quits with status 0" ui_wait_for "[exit 0]"
ui_check "the terminal modes are restored" ui_terminal_restored
ui_check "nothing on stderr" test ! -s "$UI_TMP/stderr"

ui_done
