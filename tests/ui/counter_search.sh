#!/bin/sh
# F2 search: results come as the name is typed, Down moves to the product,
# Enter adds it (with the "N*" typed before F2), Esc adds nothing.
. "$(dirname "$0")/lib.sh"

ui_setup
row=$(ui_pick_product "p.name GLOB '[A-Za-z][A-Za-z][A-Za-z]* [A-Za-z]*'") ||
	ui_bail "cannot read the demo shop"
[ -n "$row" ] || ui_bail "no product to search for in the demo shop"
IFS='|' read -r code sku name price <<EOF
$row
EOF
# The first two words of the name: part of it, as a cashier would type it.
name_re=$(ui_re_escape "$name")
part=$(printf '%s\n' "$name" | sed 's/^\([^ ]*\) \([^ ]*\).*/\1 \2/')

# Down presses that bring the selection to the row showing $sku (results
# start on row 4); fails when it is not on the screen.
downs_to_sku() {
	n=$(ui_screen | sed -n '5,21p' | grep -n -F -- " $sku " | head -n 1 | cut -d: -f1)
	[ -n "$n" ] || return 1
	echo $((n - 1))
}

ui_start LANG=C.UTF-8 LC_ALL=C.UTF-8
ui_wait_for "Code:" >/dev/null

ui_keys F2
ui_check "F2 opens the search" ui_wait_for "Name:"
letter=$(printf '%s' "$part" | cut -c1)
ui_type "$letter"
ui_wait_row 1 "Name: $letter *$" >/dev/null
sleep 0.3
ui_check "the field shows the one letter" ui_row_is 1 "Name: $letter *$"
ui_check "one letter finds nothing yet" ui_row_is 4 "^ *$"
ui_keys BSpace
ui_wait_row 1 "Name: *$" >/dev/null
ui_type "$part"
ui_check "typing \"$part\" lists the product" ui_wait_for " $sku "
downs=$(downs_to_sku)
ui_ok $? "the product is on the screen"
i=0
while [ "$i" -lt "${downs:-0}" ]; do
	ui_keys Down
	i=$((i + 1))
done
ui_keys Enter
ui_check "Enter adds it to the ticket" ui_wait_row 2 "^ +1  $name_re"
ui_check "the search is closed" ui_wait_for "Code:"

ui_type "2*"
ui_keys F2
ui_wait_for "Name:" >/dev/null
ui_type "$part"
ui_wait_for " $sku " >/dev/null
downs=$(downs_to_sku)
i=0
while [ "$i" -lt "${downs:-0}" ]; do
	ui_keys Down
	i=$((i + 1))
done
ui_keys Enter
ui_check "2* before F2 adds two more (merged into the line)" ui_wait_row 2 "^ +3  $name_re"
ui_check "the code line is empty again" ui_wait_row 22 "Code: *$"

ui_keys F2
ui_wait_for "Name:" >/dev/null
ui_type "$part"
ui_wait_for " $sku " >/dev/null
ui_keys Escape
ui_check "Esc leaves the search" ui_wait_for "Code:"
sleep 0.3
ui_check "and adds nothing: the quantity stays 3" ui_row_is 2 "^ +3  $name_re"
ui_check "on the one line" ui_row_is 20 " 1 line "

ui_done
