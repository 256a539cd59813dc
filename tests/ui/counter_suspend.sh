#!/bin/sh
# Suspending on the counter screen: F7 with lines asks, then sets the ticket
# aside; the program ends and starts again; F7 on the empty ticket lists it,
# Enter resumes it with the same lines, and it sells as usual.
. "$(dirname "$0")/lib.sh"

ui_setup
row=$(ui_pick_product) || ui_bail "cannot read the demo shop"
IFS='|' read -r code sku name price <<EOF
$row
EOF
row2=$(ui_pick_product "" 1) || ui_bail "cannot read the demo shop"
IFS='|' read -r code2 sku2 name2 price2 <<EOF
$row2
EOF
total_re=$(ui_price_re $((price * 2 + price2)))

ui_start LANG=C.UTF-8 LC_ALL=C.UTF-8
ui_check "the counter opens" ui_wait_for "Code:"
ui_keys F7
ui_check "F7 on an empty ticket: nothing suspended yet" ui_wait_for "No suspended tickets"
ui_type "2*$code"
ui_keys Enter
ui_type "$code2"
ui_keys Enter
ui_check "two lines rung up" ui_wait_row 20 "TOTAL.*$total_re"
ui_keys F7
ui_check "F7 asks before suspending" ui_wait_for "Suspend this ticket?"
ui_keys Escape
ui_check "Esc closes the question" ui_wait_gone "Suspend this ticket?"
ui_check "and keeps the ticket" ui_wait_row 20 "TOTAL.*$total_re"
ui_check "nothing suspended" test "$(ui_sql "SELECT count(*) FROM suspended;")" = 0
ui_esc 7
ui_check "Esc 7 asks too" ui_wait_for "Suspend this ticket?"
ui_keys Enter
ui_check "Enter suspends it" ui_wait_for "Ticket suspended as 1"
ui_check "the counter is empty for the next customer" ui_wait_row 20 "0 lines"
ui_check "the suspended ticket is in the database" \
	test "$(ui_sql "SELECT count(*) || ':' || total FROM suspended;")" = "1:$((price * 2 + price2))"
ui_keys Escape
ui_keys Escape
ui_check "the program ends" ui_wait_for "[exit 0]"
ui_stop

ui_start LANG=C.UTF-8 LC_ALL=C.UTF-8
ui_check "the program starts again" ui_wait_for "Code:"
ui_keys F7
ui_check "F7 on the empty ticket lists the suspended ticket" ui_wait_for "Suspended tickets"
ui_check "with its total" ui_wait_row 2 "^ +1 .*$total_re"
ui_keys Enter
ui_check "Enter resumes it" ui_wait_for "Ticket 1 resumed"
ui_check "with its first line" ui_wait_row 2 "^ +2 .*$(ui_re_escape "$(printf '%.20s' "$name")")"
ui_check "and its second" ui_wait_row 3 "^ +1 .*$(ui_re_escape "$(printf '%.20s' "$name2")")"
ui_check "and its total" ui_wait_row 20 "TOTAL.*$total_re"
ui_check "it is no longer suspended" test "$(ui_sql "SELECT count(*) FROM suspended;")" = 0
ui_keys F10
ui_check "F10 takes payment" ui_wait_for "Total due"
ui_keys Enter
ui_check "and the sale is recorded" ui_wait_for "Ticket 1"
ui_check "with the same lines" \
	test "$(ui_sql "SELECT group_concat(sku || '*' || qty, ' ') FROM (SELECT l.sku, l.qty
	                 FROM ticket_lines l ORDER BY line_no);")" = "$sku*2 $sku2*1"
ui_keys Enter
ui_keys Escape
ui_keys Escape
ui_check "Esc twice quits with status 0" ui_wait_for "[exit 0]"
ui_check "nothing on stderr" test ! -s "$UI_TMP/stderr"
ui_done
