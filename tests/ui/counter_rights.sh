#!/bin/sh
# Users and rights on the screens: logging in (a wrong PIN, the PIN shown as
# stars, Esc quits), a manual price refused to a cashier then approved by a
# supervisor typing their PIN on the same screen, a large discount, a
# reseller's minimum waived by right; each decision lands in the journal
# with who did it and who approved it.
. "$(dirname "$0")/lib.sh"

ui_setup
sqlj() { "$SQLITE3_BIN" "$DB" "$1"; }

UI_LOGIN=no ui_start LANG=C.UTF-8 LC_ALL=C.UTF-8
ui_check "a shop with users asks for a name first" ui_wait_for "User name:"
ui_type anna
ui_keys Enter
ui_check "then the PIN" ui_wait_for "PIN of anna:"
ui_type 1119
ui_check "the PIN shows as stars" ui_wait_for "****"
! ui_screen | grep -q 1119
ui_ok $? "  the digits are not on the screen"
ui_keys Enter
ui_check "a wrong PIN is refused with the tries left" ui_wait_for "4 tries left"
ui_check "and the name is asked again" ui_wait_for "User name:"
ui_type anna
ui_keys Enter
ui_wait_for "PIN of anna:" >/dev/null
ui_type 1111
ui_keys Enter
ui_check "the right PIN logs in" ui_wait_for "Logged in: anna (cashier)"
ui_check "the title names the cashier" ui_wait_row 0 "\[anna\]"

# A manual price: refused to anna, approved by bruno.
ui_type "3*BAK-0001"
ui_keys Enter
ui_wait_for "Baguette" >/dev/null
ui_keys F5
ui_check "F5 asks for the new price" ui_wait_for "New unit price of Baguette"
ui_type "1,00"
ui_keys Enter
ui_check "then a reason" ui_wait_for "Reason"
ui_type "damaged crust"
ui_keys Enter
ui_check "the cashier lacks the right: a supervisor is asked" ui_wait_for "Supervisor's user name"
ui_check "  with the reason it is needed" ui_wait_for "may not override a price"
ui_type bruno
ui_keys Enter
ui_wait_for "PIN of bruno:" >/dev/null
ui_type 2222
ui_keys Enter
ui_check "bruno's PIN approves: the price is set" ui_wait_for "Manual price for Baguette"
ui_check "the line is at 1,00" ui_wait_row 2 "^ +3 +Baguette.* 1,00 € +3,00 €$"

# A discount over the threshold: refused, then approved by chloe.
ui_type "BAK-0002"
ui_keys Enter
ui_keys F9
ui_check "F9 asks for a discount" ui_wait_for "Discount in % on"
ui_type 30
ui_keys Enter
ui_check "30 % needs a reason" ui_wait_for "Reason for a discount this large"
ui_type "regular customer"
ui_keys Enter
ui_wait_for "Supervisor's user name" >/dev/null
ui_keys Escape
ui_check "Esc on the approval changes nothing" ui_wait_for "Not approved: nothing was changed"
ui_keys F9
ui_wait_for "Discount in % on" >/dev/null
ui_type 30
ui_keys Enter
ui_wait_for "Reason for a discount" >/dev/null
ui_type "regular customer"
ui_keys Enter
ui_wait_for "Supervisor's user name" >/dev/null
ui_type chloe
ui_keys Enter
ui_wait_for "PIN of chloe:" >/dev/null
ui_type 3333
ui_keys Enter
ui_check "chloe approves the 30 % discount" ui_wait_for "Discount 30 %"

ui_keys F10
ui_wait_for "Amount" >/dev/null
ui_keys Enter
ui_check "the sale completes" ui_wait_for "Ticket 1"
ui_check "the manual price is in the journal, by anna, approved by bruno" \
	test "$(sqlj "select user_name || '/' || approver || '/' || payload from journal
	              where kind = 'price_override'")" = "anna/bruno/price BAK-0001 130 100 damaged%20crust"
ui_check "the discount too, approved by chloe" \
	test "$(sqlj "select user_name || '/' || approver from journal where kind = 'discount'")" = \
	"anna/chloe"
ui_keys Escape
ui_wait_for "Code:" >/dev/null

# A reseller's minimum: F10 refuses, F10 again asks to waive it.
ui_keys F3
ui_wait_for "Customer code" >/dev/null
ui_type C0005
ui_keys Enter
ui_wait_for "prices: reseller" >/dev/null
ui_type "2*BAK-0001"
ui_keys Enter
ui_keys F10
ui_check "two baguettes are below the reseller's minimum" ui_wait_for "F10 again: waive it"
ui_keys F10
ui_check "F10 again asks the reason to waive it" ui_wait_for "Waive the list's rule"
ui_type "trial order"
ui_keys Enter
ui_wait_for "Supervisor's user name" >/dev/null
ui_type bruno
ui_keys Enter
ui_wait_for "PIN of bruno:" >/dev/null
ui_type 2222
ui_keys Enter
ui_check "waived with bruno's approval" ui_wait_for "rules are waived for this ticket"
ui_keys F10
ui_check "now the ticket can be paid" ui_wait_for "Amount"
ui_keys Enter
ui_check "the sale completes" ui_wait_for "Ticket 2"
ui_check "the waiver is in the journal" \
	test "$(sqlj "select count(*) from journal where payload like 'rules_waived reseller trial%'")" = 1
ui_check "verify passes" "$COMPTOIR" verify --db "$DB"
ui_keys Escape
ui_wait_for "Code:" >/dev/null
ui_keys Escape
ui_keys Escape
ui_check "Esc twice quits" ui_wait_for "[exit 0]"

# Esc at the log-in prompt leaves the program.
ui_stop
UI_LOGIN=no ui_start LANG=C.UTF-8 LC_ALL=C.UTF-8
ui_wait_for "User name:" >/dev/null
ui_keys Escape
ui_check "Esc at the log-in quits" ui_wait_for "[exit 0]"
ui_check "the terminal is restored" ui_terminal_restored

ui_done
