#!/bin/sh
# The counter's keys: Esc+digit for F-keys, N*CODE, an unknown code and a
# wrong check digit refused with a message, F8 / Esc 8 voiding the selected
# line, a resize that keeps the ticket, F3 customer (a 64-character code),
# card refused past what remains before its slip is asked, split tender.
. "$(dirname "$0")/lib.sh"

ui_setup
a=$(ui_pick_product "" 0)
b=$(ui_pick_product "" 1)
[ -n "$a" ] && [ -n "$b" ] || ui_bail "the demo shop has too few products"
IFS='|' read -r code_a sku_a name_a price_a <<EOF
$a
EOF
IFS='|' read -r code_b sku_b name_b price_b <<EOF
$b
EOF
# A customer whose code has the full 64 characters, like the first one.
first=$(ui_sql "SELECT code FROM customers WHERE kind <> 'walk-in' ORDER BY id LIMIT 1;")
customer=
if [ -n "$first" ]; then
	customer=C$(printf '%063d' 64)
	ui_sql "INSERT INTO customers (code, name, kind, price_list_id)
	        SELECT '$customer', name, kind, price_list_id FROM customers WHERE code = '$first';" ||
		ui_bail "cannot add a customer"
fi

no_slip_prompt() {
	! ui_screen | grep -F -q "slip reference"
}

ui_start LANG=C.UTF-8 LC_ALL=C.UTF-8
ui_wait_for "Code:" >/dev/null

ui_esc 1
ui_check "Esc 1 opens the help (F1)" ui_wait_for "Esc then 1"
ui_keys q
ui_check "any key closes the help" ui_wait_for "Code:"

ui_type "3*$code_a"
ui_keys Enter
ui_check "3*CODE adds a line of 3" ui_wait_row 2 "^ +3  .*$(ui_price_re $((price_a * 3)))"

ui_type "ZZ-NO-SUCH-CODE"
ui_keys Enter
ui_check "an unknown code gets a message" ui_wait_row 21 "[^ ]"
ui_check "and changes nothing" ui_wait_row 20 " 1 line "

ui_keys Enter
ui_check "Enter on an empty line clears the message" ui_wait_row 21 "^ *$"

bad=$(printf '%s' "$code_a" | sed 's/.$//')$(( ($(printf '%s' "$code_a" | sed 's/.*\(.\)$/\1/') + 1) % 10 ))
ui_type "$bad"
ui_keys Enter
ui_check "a wrong check digit gets a message" ui_wait_row 21 "[^ ]"
ui_check "and changes nothing" ui_wait_row 20 " 1 line "

ui_type "$code_b"
ui_keys Enter
ui_check "a second product adds a second line" ui_wait_row 20 " 2 lines "
ui_keys F8
ui_check "F8 voids the last line" ui_wait_for "Voided:"
ui_check "the voided line is gone from the ticket" ui_wait_row 20 " 1 line "
ui_check "the first line stays" ui_wait_row 2 "^ +3 "

ui_type "$code_b"
ui_keys Enter
ui_wait_row 20 " 2 lines " >/dev/null
ui_keys Up
ui_esc 8
ui_check "Up then Esc 8 voids the selected (first) line" ui_wait_row 20 " 1 line "
ui_check "the second product stays" ui_wait_row 2 "^ +1  "

ui_type "2*"
ui_keys Enter
ui_check "N* then Enter sets the quantity of the selected line" ui_wait_row 2 "^ +2  "

long=$(printf '%070d' 1)
ui_type "$long"
ui_keys Enter
ui_check "a code past 64 characters is refused" ui_wait_row 21 "64"
ui_check "and changes nothing" ui_wait_row 20 " 1 line "

ui_tmux resize-window -t ui -x 100 -y 30
ui_check "after a resize to 100x30 the total sits above the input" ui_wait_row 26 " 1 line .*TOTAL"
ui_check "the ticket is kept" ui_wait_row 2 "^ +2  "
ui_check "the help bar is on the last row" ui_wait_row 29 "F10"
ui_tmux resize-window -t ui -x 80 -y 24
ui_check "and back to 80x24" ui_wait_row 20 " 1 line .*TOTAL"

if [ -n "$customer" ]; then
	ui_esc 3
	ui_check "Esc 3 asks for a customer" ui_wait_for "Customer code"
	ui_type "$customer"
	ui_keys Enter
	ui_check "a 64-character customer code is taken" \
		ui_wait_row 0 "Customer: $(printf '%s' "$customer" | cut -c1-20)"
fi

ui_esc 0
ui_check "Esc 0 opens the tender" ui_wait_for "Total due"
ui_keys Escape
ui_check "Esc goes back to the ticket" ui_wait_row 20 " 1 line "
ui_keys F10
ui_wait_for "Total due" >/dev/null
ui_type "1"
ui_keys Enter
ui_check "a cash payment of 1 shows" ui_wait_for "Remaining"
ui_type "$((price_b * 2))"
ui_keys F6
ui_check "a card amount past what remains is refused at once" ui_wait_row 21 "[^ ]"
ui_check "without asking for the slip" no_slip_prompt
ui_keys C-u
ui_keys F6
ui_check "F6 asks for the card slip reference" ui_wait_for "reference"
ui_type "SLIP42"
ui_keys Enter
ui_check "the card pays the rest: Ticket 1" ui_wait_for "Ticket 1"
ui_check "split tender stored: cash 1.00 and the card with its reference" \
	test "$(ui_sql "SELECT group_concat(method || ':' || amount || ':' || reference, ' ')
	                  FROM (SELECT * FROM payments ORDER BY seq);")" \
	= "cash:100: card:$((price_b * 2 - 100)):SLIP42"
if [ -n "$customer" ]; then
	ui_check "the ticket carries the customer" \
		test "$(ui_sql "SELECT c.code FROM tickets t JOIN customers c ON c.id = t.customer_id;")" = "$customer"
fi
ui_keys Enter
ui_check "next ticket is empty, walk-in" ui_wait_row 0 "Walk-in"

ui_type "$code_a"
ui_keys Enter
ui_wait_row 20 " 1 line " >/dev/null
kill -TERM "$(cat "$UI_TMP/pid")"
ui_check "SIGTERM ends the screens with status 1" ui_wait_for "[exit 1]"
ui_check "with a message on stderr" grep -q "^comptoir: " "$UI_TMP/stderr"
ui_check "and the terminal modes restored" ui_terminal_restored

ui_done
