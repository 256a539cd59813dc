#!/bin/sh
# The shift from the counter: Ctrl-T with no shift open asks the float and
# opens one; after a sale, Ctrl-T shows the X report, which a cashier needs
# a supervisor's approval for; the report is the one the command line prints.
. "$(dirname "$0")/lib.sh"

ui_setup
ui_start LANG=C.UTF-8 LC_ALL=C.UTF-8
ui_wait_for "Code:" >/dev/null
ui_keys C-t
ui_check "Ctrl-T with no shift open asks the float" ui_wait_for "Cash counted in the drawer"
ui_type "150"
ui_keys Enter
ui_check "the shift opens" ui_wait_for "Shift 1 open with a float of 150,00"
ui_check "  recorded in the journal by anna" \
	test "$(ui_sql "SELECT user_name FROM journal WHERE kind = 'shift_open';")" = anna
ui_type "BAK-0001"
ui_keys Enter
ui_keys F10
ui_wait_for "Amount" >/dev/null
ui_type "5"
ui_keys Enter
ui_wait_for "Ticket 1" >/dev/null
ui_keys Enter
ui_wait_for "Code:" >/dev/null
ui_keys C-t
ui_check "the X report needs the right: a supervisor is asked" ui_wait_for "Supervisor's user name"
ui_type bruno
ui_keys Enter
ui_wait_for "PIN of bruno:" >/dev/null
ui_type 2222
ui_keys Enter
ui_check "the X report shows" ui_wait_for "X report, shift 1"
ui_check "  with the drawer expected: 150 + 1.30" ui_wait_for "151.30"
ui_check "  the same figures as the command line" \
	sh -c "'$COMPTOIR' shift x --db '$DB' --user bruno --pin 2222 | grep -q 'Expected in the drawer *151.30'"
ui_keys Escape
ui_check "Esc goes back to the ticket" ui_wait_for "Code:"
ui_done
