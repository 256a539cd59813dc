#!/bin/sh
# The wholesale desk at 80x24 in a UTF-8 terminal: choose a customer, take
# an order of two lines seeing the customer's price before Enter, change and
# remove lines, save it, deliver part then the rest, invoice, take two
# payments, and find each step in the database.
. "$(dirname "$0")/lib.sh"

ui_setup
export COMPTOIR_TODAY=2026-03-02
real=$COMPTOIR
case $real in /*) ;; *) real=$(pwd)/$real ;; esac
printf '#!/bin/sh\nexec "%s" desk "$@"\n' "$real" >"$UI_TMP/desk" && chmod +x "$UI_TMP/desk" ||
	ui_bail "cannot write the desk wrapper"

IFS='|' read -r code1 sku1 name1 price1 <<EOF
$(ui_pick_product)
EOF
IFS='|' read -r code2 sku2 name2 price2 <<EOF
$(ui_pick_product "p.sku <> '$sku1'")
EOF
[ -n "$sku1" ] && [ -n "$code2" ] || ui_bail "no products in the demo shop"
"$real" customer ship-to --db "$DB" C0013 'Cafe du Port' '2 quai Rambaud, Lyon' \
	--user admin --pin 9999 >"$UI_TMP/setup.out" 2>&1 ||
	ui_bail "customer ship-to failed: $(cat "$UI_TMP/setup.out")"

# The customer's unit price from `comptoir price`, in minor units.
cents() {
	"$real" price --db "$DB" --customer C0013 "$1" "$2" | head -n 1 | tr -d .
}
unit1=$(cents "$sku1" 12)
unit2=$(cents "$code2" 3)
unit2b=$(cents "$code2" 4)
[ -n "$unit1" ] && [ -n "$unit2" ] || ui_bail "comptoir price failed"
re1=$(ui_price_re "$unit1")
line1=$(ui_price_re $((unit1 * 12)))
re2=$(ui_price_re "$unit2")
line2=$(ui_price_re $((unit2 * 3)))
line2b=$(ui_price_re $((unit2b * 4)))

COMPTOIR=$UI_TMP/desk
ui_start LANG=C.UTF-8 LC_ALL=C.UTF-8 COMPTOIR_TODAY=2026-03-02
ui_check "the desk opens" ui_wait_for "Wholesale desk"
ui_check "the help bar shows the steps" ui_wait_row 23 "F5 Order .*F7 Deliver .*F8 Invoice .*F9 Pay"

ui_keys F3
ui_check "F3 asks for a customer" ui_wait_for "Customer code"
ui_type C0013
ui_keys Enter
ui_check "the customer is chosen by code" ui_wait_row 1 "C0013 Grossiste"
ui_check "with their price list" ui_wait_row 2 "Prices wholesale"

ui_keys F5
ui_check "F5 starts a new order" ui_wait_for "New order: C0013"
ui_type "$sku1 12"
ui_check "before Enter, the price engine's answer: unit and line total" \
	ui_wait_row 19 "Price: $sku1 .*12 x $re1.* = $line1"
ui_check "  and no line is taken yet" ui_row_is 2 "^ *$"
ui_keys Enter
ui_check "Enter takes the line with its amount" ui_wait_row 2 "$sku1 .* 12 .*$line1"
ui_type "3*$code2"
ui_check "a barcode with N* is priced as typed too" ui_wait_row 19 "$sku2 .*3 x $re2.* = $line2"
ui_keys Enter
ui_check "the second line" ui_wait_row 3 "$sku2 .* 3 .*$line2"
ui_keys F5
ui_check "F5 asks the selected line's new quantity" ui_wait_for "New quantity"
ui_type 4
ui_keys Enter
ui_check "the line is repriced for 4" ui_wait_row 3 "$sku2 .* 4 .*$line2b"
ui_type "$sku1 1"
ui_keys Enter
ui_check "a third line" ui_wait_row 4 "$sku1"
ui_keys F8
ui_check "F8 removes it" ui_wait_for "Removed:"
ui_check "  and the line is gone" ui_wait_row 4 "^ *$"
ui_check "the footer counts two lines" ui_wait_row 18 "2 lines .*TOTAL"

ui_keys F3
ui_check "F3 asks for a ship-to address" ui_wait_for "Ship-to address number"
ui_type 2
ui_keys Enter
ui_check "  (the number is taken as typed)" ui_wait_row 0 "ship-to 2"
ui_keys F10
ui_check "an unknown ship-to address is refused at saving" ui_wait_for "has no ship-to address 2"
ui_check "  and nothing is saved" test "$(ui_sql "SELECT count(*) FROM documents;")" = 0
ui_keys F3
ui_wait_for "Ship-to address number" >/dev/null
ui_type 1
ui_keys Enter
ui_check "ship-to 1 is in the title" ui_wait_row 0 "ship-to 1"
ui_keys F10
ui_check "F10 saves the order and says its number" ui_wait_for "Order 1 saved, total"
ui_check "the order is in the database with its two lines" \
	test "$(ui_sql "SELECT group_concat(l.sku || '*' || l.qty, ' ') FROM doc_lines l
	                 JOIN documents d ON d.id = l.doc_id
	                 WHERE d.kind = 'order' AND d.number = 1 ORDER BY l.line_no;")" = "$sku1*12 $sku2*4"
ui_check "  delivered to the ship-to address" \
	test "$(ui_sql "SELECT s.name FROM documents d JOIN ship_to s ON s.id = d.ship_to_id
	                 WHERE d.kind = 'order' AND d.number = 1;")" = "Cafe du Port"
total=$(ui_sql "SELECT total FROM documents WHERE kind = 'order' AND number = 1;")
ui_check "the list shows the order open with its total" \
	ui_wait_row 7 "order +1 +2026-03-02 +open .*$(ui_price_re "$total")"

ui_keys F7
ui_check "F7 asks what to deliver" ui_wait_for "Empty: all that is open"
ui_type "$sku1*5"
ui_keys Enter
ui_check "a partial delivery leaves a backorder" ui_wait_for "Delivery 1 of order 1; the rest stays on backorder"
ui_check "5 went out on delivery 1" \
	test "$(ui_sql "SELECT sum(l.qty) FROM doc_lines l JOIN documents d ON d.id = l.doc_id
	                 WHERE d.kind = 'delivery' AND d.number = 1;")" = 5
ui_keys F7
ui_wait_for "Empty: all that is open" >/dev/null
ui_keys Enter
ui_check "F7 then Enter delivers all that is open" ui_wait_for "Delivery 2 of order 1; all delivered"
ui_check "the order is delivered" \
	test "$(ui_sql "SELECT status FROM documents WHERE kind = 'order' AND number = 1;")" = delivered

ui_keys F8
ui_check "F8 invoices the order and says the invoice's number" \
	ui_wait_for "Invoice 2026-1 of order 1, total"
ui_check "the invoice's total is the order's" \
	test "$(ui_sql "SELECT total FROM documents WHERE kind = 'invoice';")" = "$total"
ui_check "the balance shows what is owed" ui_wait_row 3 "Balance $(ui_price_re "$total") "

ui_keys F9
ui_check "F9 on the invoice offers what is open" ui_wait_for "Amount to invoice 2026-1"
ui_type 10
ui_keys Enter
ui_check "then the method" ui_wait_for "Method:"
ui_keys Enter
ui_check "a payment of 10 is recorded" ui_wait_for "Payment 1: 10"
ui_check "the invoice is partly paid" ui_wait_row 7 "invoice +2026-1 .*partly paid"
ui_check "the balance is 10 less" ui_wait_row 3 "Balance $(ui_price_re $((total - 1000))) "
ui_keys F9
ui_wait_for "Amount to invoice" >/dev/null
ui_keys Enter
ui_wait_for "Method:" >/dev/null
ui_type cash
ui_keys Enter
ui_check "the rest is paid in cash" ui_wait_row 7 "invoice +2026-1 .* paid "
ui_check "the balance is 0" ui_wait_row 3 "Balance 0[.,]00 "
ui_check "two payments in the database, transfer then cash" \
	test "$(ui_sql "SELECT group_concat(method || ':' || amount, ' ') FROM
	                 (SELECT method, amount FROM customer_payments ORDER BY number);")" = \
	"transfer:1000 cash:$((total - 1000))"
ui_check "comptoir balance agrees: nothing owed" \
	test "$("$real" balance --db "$DB" --customer C0013 | head -n 1)" = 0.00

ui_keys Enter
ui_check "Enter shows the invoice" ui_wait_for "status paid"
ui_check "  with what came before it" ui_wait_for "from order 1"
ui_keys q
ui_check "any key goes back" ui_wait_for "Balance"

ui_keys Escape
ui_check "Esc asks before leaving" ui_wait_for "Esc again"
ui_keys Escape
ui_check "Esc twice leaves with status 0" ui_wait_for "[exit 0]"
ui_check "the terminal modes are restored" ui_terminal_restored
ui_check "nothing on stderr" test ! -s "$UI_TMP/stderr"

ui_done
