#!/bin/sh
# The counter on a plain VT100 in the C locale: no colour, no F-keys beyond
# what Esc+digit gives, and accented names transliterated (é -> e), never '?'
# or raw bytes.
. "$(dirname "$0")/lib.sh"

ui_setup
row=$(ui_pick_product "p.name GLOB '*[éèêàâçôîûÉ]*'
                       AND NOT p.name GLOB '*[^ -~éèêàâçôîûÉ]*'") ||
	ui_bail "cannot read the demo shop"
[ -n "$row" ] || ui_bail "no product with an accented name in the demo shop"
IFS='|' read -r code sku name price <<EOF
$row
EOF
plain=$(printf '%s\n' "$name" | sed 'y/éèêàâçôîûÉ/eeeaacoiuE/')
price_re=$(ui_price_re "$price")

# The screen holds ASCII only (line drawing shows as VT100 letters) and no '?'.
ascii_only() {
	! ui_screen | LC_ALL=C grep -q '[^ -~]'
}
no_question_mark() {
	! ui_screen | grep -F -q '?'
}

ui_start TERM=vt100 LANG=C LC_ALL=C
ui_check "the counter opens on a VT100" ui_wait_for "Code:"

ui_type "$code"
ui_keys Enter
ui_check "the accented name shows transliterated: $plain" ui_wait_for "$plain"
ui_check "the ticket line has its amount" ui_wait_row 2 "^ +1 .*$price_re"
ui_check "the screen holds ASCII only" ascii_only
ui_check "no '?' stands for a character" no_question_mark

ui_esc 0
ui_check "Esc 0 opens the tender" ui_wait_for "Total due"
ui_check "the tender screen holds ASCII only" ascii_only
ui_keys Enter
ui_check "Enter takes exact cash: Ticket 1" ui_wait_for "Ticket 1"
ui_check "the receipt view holds ASCII only" ascii_only
ui_check "the receipt view has no '?'" no_question_mark
ui_check "the sale is committed" test "$(ui_sql 'SELECT count(*) FROM tickets;')" = 1

ui_keys Enter
ui_check "back to an empty ticket" ui_wait_row 20 "0 lines"
ui_keys Escape
ui_wait_for "Esc again" >/dev/null
ui_keys Escape
ui_check "quits with status 0" ui_wait_for "[exit 0]"

ui_done
