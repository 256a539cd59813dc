#!/bin/sh
# The receipt printer from the screens: a sale whose printer fails stands,
# F5 retries and F6 prints it elsewhere; receipts left unprinted are offered
# at the next start (after the log-in), never printed unasked; Ctrl-O opens
# the drawer without a sale, by right, with the pulse sent to the printer.
. "$(dirname "$0")/lib.sh"

ui_setup
sqlj() { "$SQLITE3_BIN" "$DB" "$1"; }
printf '[printer]\nuri = dev:%s/missing/lp0\n' "$UI_TMP" >"$UI_TMP/broken.conf"
printf '[printer]\nuri = file:%s/paper.bin\nprofile = generic-80\ndrawer = 2\n' "$UI_TMP" \
	>"$UI_TMP/good.conf"

ui_start LANG=C.UTF-8 LC_ALL=C.UTF-8 "COMPTOIR_CONFIG=$UI_TMP/broken.conf"
ui_type BAK-0001
ui_keys Enter
ui_wait_for "Baguette" >/dev/null
ui_keys F10
ui_wait_for "Amount" >/dev/null
ui_keys Enter
ui_check "the sale stands though the printer is missing" ui_wait_for "the receipt was not printed"
ui_check "the job waits in the database" \
	test "$(sqlj "select state from print_jobs")" = pending
ui_keys F5
ui_check "F5 tries again and says why it still fails" ui_wait_for "Still not printed"
ui_keys F6
ui_check "F6 asks for another printer" ui_wait_for "Printer URI"
ui_type "file:$UI_TMP/other.txt"
ui_keys Enter
ui_check "the receipt prints there" ui_wait_for "The receipt is printed"
ui_check "  the file holds the receipt" grep -q "TOTAL" "$UI_TMP/other.txt"
ui_check "  the job is done" test "$(sqlj "select state from print_jobs")" = done
ui_keys Enter
ui_wait_for "Code:" >/dev/null

# Another sale that does not print, then the program ends.
ui_type BAK-0002
ui_keys Enter
ui_keys F10
ui_wait_for "Amount" >/dev/null
ui_keys Enter
ui_wait_for "the receipt was not printed" >/dev/null
ui_keys Enter
ui_keys Escape
ui_keys Escape
ui_wait_for "[exit 0]" >/dev/null
ui_stop

ui_start LANG=C.UTF-8 LC_ALL=C.UTF-8 "COMPTOIR_CONFIG=$UI_TMP/good.conf"
ui_check "the next start offers the receipt never printed" ui_wait_for "Receipts of tickets never printed: 2"
ui_check "  nothing was printed unasked" test ! -e "$UI_TMP/paper.bin"
ui_keys Enter
ui_check "Enter prints it" ui_wait_for "1 receipt printed"
ui_check "  as ESC/POS on the configured printer" \
	sh -c "od -An -tx1 '$UI_TMP/paper.bin' | tr -d ' \n' | grep -q '^1b40'"
ui_check "the job is done, once" test "$(sqlj "select count(*) from print_jobs where state = 'pending'")" = 0
ui_check "  a late receipt does not open the drawer" \
	sh -c "! od -An -tx1 '$UI_TMP/paper.bin' | tr -d ' \n' | grep -q '1b7000'"
ui_type BAK-0003
ui_keys Enter
ui_keys F10
ui_wait_for "Amount" >/dev/null
ui_keys Enter
ui_check "a cash sale prints" ui_wait_for "Ticket 3"
ui_check "  and opens the drawer (ESC p on pin 2)" \
	sh -c "od -An -tx1 '$UI_TMP/paper.bin' | tr -d ' \n' | grep -q '1b7000'"
ui_keys Enter
ui_wait_for "Code:" >/dev/null

size0=$(wc -c <"$UI_TMP/paper.bin")
ui_keys C-o
ui_check "Ctrl-O asks why the drawer opens" ui_wait_for "Open the drawer (no sale)"
ui_type "change for the market"
ui_keys Enter
ui_check "anna lacks the right: a supervisor is asked" ui_wait_for "Supervisor's user name"
ui_type bruno
ui_keys Enter
ui_wait_for "PIN of bruno:" >/dev/null
ui_type 2222
ui_keys Enter
ui_check "with bruno's approval the drawer opens" ui_wait_for "Drawer opened (no sale, recorded)"
ui_check "  the pulse went to the printer" test "$(wc -c <"$UI_TMP/paper.bin")" -gt "$size0"
ui_check "  and the journal has the no-sale by anna, approved by bruno" \
	test "$(sqlj "select user_name || '/' || approver from journal where kind = 'no_sale'")" = anna/bruno
ui_check "verify passes" "$COMPTOIR" verify --db "$DB"
ui_done
