#!/bin/sh
# Prices at the counter: a quantity break reached by a second scan of the
# same product, a customer's list applied at once (F3), a list rule refused
# with the ticket unchanged, "why this price" on F4, and a ticket before tax
# that says so (heading, and the footer's before tax / tax / TOTAL).
. "$(dirname "$0")/lib.sh"

ui_setup
ui_start LANG=C.UTF-8 LC_ALL=C.UTF-8
ui_wait_for "Code:" >/dev/null

# GRO-0021 has 12+ at -10 % on retail: 6 then 6 more reach it.
p=$(ui_sql "select price from products where sku = 'GRO-0021'")
brk=$(( (p * 90 + 50) / 100 ))
money() { printf '%d,%02d' $(($1 / 100)) $(($1 % 100)); }
# "12,34" -> 1234
cents() {
	c=$(printf '%s' "$1" | tr -d ',' | sed 's/^0*//')
	echo "${c:-0}"
}
# A retail ticket shows its prices with tax: the footer has the TOTAL alone.
total_alone() {
	ui_row_is 20 " TOTAL [0-9]+,[0-9]{2} € ─$" && ! ui_row_is 20 "tax" &&
		ui_row_is 1 "Price +Amount$" && ! ui_row_is 1 "tax"
}
# Before tax: the footer gives the lines' sum before tax, the tax, then the
# TOTAL, and the two add up to it.
before_tax_footer() {
	parts=$(ui_row 20 | sed -n -E 's/.* before tax ([0-9]+,[0-9]{2}) €  tax ([0-9]+,[0-9]{2}) €  TOTAL ([0-9]+,[0-9]{2}) € ─$/\1 \2 \3/p')
	[ -n "$parts" ] || return 1
	set -- $parts
	line=$(ui_row 2 | sed -n -E 's/.* ([0-9]+,[0-9]{2}) €$/\1/p')
	[ "$(cents "$1")" -eq "$(cents "$line")" ] &&
		[ $(($(cents "$1") + $(cents "$2"))) -eq "$(cents "$3")" ]
}
ui_type "6*GRO-0021"
ui_keys Enter
ui_check "6 units at the catalogue price $(money "$p")" ui_wait_for "$(money "$p") €"
ui_check "retail: the heading and the footer do not speak of tax" total_alone
ui_type "6*GRO-0021"
ui_keys Enter
ui_check "12 units: the line is repriced at the break $(money "$brk")" \
	ui_wait_row 2 "^ +12 .*$(money "$brk") €"

ui_keys F4
ui_check "F4 explains the price" ui_wait_for "list retail, from 12"
ui_check "with the quantity on the ticket" ui_wait_for "quantity of this product on the ticket: 12"
ui_keys Escape
ui_check "back to the ticket" ui_wait_for "Code:"

# A reseller buys from 6 units: 12 are fine, and the prices go before tax.
ui_keys F3
ui_wait_for "Customer code" >/dev/null
ui_type "C0005"
ui_keys Enter
ui_check "the reseller is attached with their list" ui_wait_for "prices: reseller"
ui_check "the header names the customer" ui_wait_for "C0005"
ui_check "the price heading says before tax" ui_wait_row 1 "Price excl\. tax +Amount$"
ui_check "the footer: before tax (the line's amount) + tax = TOTAL, in 80 columns" before_tax_footer
ui_keys F4
ui_check "the why names the derived list" ui_wait_for "list reseller is -25 %"
ui_keys Escape
ui_wait_for "Code:" >/dev/null

# A reseller's baguettes can be scanned one at a time; the list's minimum
# of 6 is enforced when the ticket goes to payment, not on each scan.
ui_type "BAK-0001"
ui_keys Enter
ui_check "one baguette goes on the ticket" ui_wait_for "─ 2 lines ─"
ui_keys F10
ui_check "tendering is refused while there is one" ui_wait_for "from 6 units: 1 is too few"
ui_check "and the ticket stays on screen" ui_wait_for "Code:"
ui_type "5*BAK-0001"
ui_keys Enter
ui_check "five more make six on one line" ui_wait_row 3 "^ +6 +Baguette"

ui_keys F10
ui_check "with six, payment opens" ui_wait_for "Amount:"
ui_keys Enter
ui_check "exact cash completes the sale" ui_wait_for "Ticket 1"
ui_check "the receipt says the amounts are before tax" ui_wait_for "Amounts before tax"
ui_check "stored at the break, before tax" \
	[ "$(ui_sql "select group_concat(prices_include_tax || ':' || qty, ' ') from tickets t join ticket_lines l on l.ticket_id = t.id")" = "0:12 0:6" ]
ui_done
