#!/bin/sh
# The desk's credit control on a plain VT100 in the C locale, every F-key
# typed as Esc+digit: an order past the customer's limit is refused with the
# figures, Esc on the approval changes nothing, a supervisor approves it;
# a quote confirmed past the limit asks the same; then delivery, invoice
# and a credit note. The screen stays ASCII.
. "$(dirname "$0")/lib.sh"

ui_setup
real=$COMPTOIR
case $real in /*) ;; *) real=$(pwd)/$real ;; esac
printf '#!/bin/sh\nexec "%s" desk "$@"\n' "$real" >"$UI_TMP/desk" && chmod +x "$UI_TMP/desk" ||
	ui_bail "cannot write the desk wrapper"
export COMPTOIR_TODAY=2026-03-02
"$real" customer set C0014 --credit-limit 20 --db "$DB" --user admin --pin 9999 \
	>"$UI_TMP/setup.out" 2>&1 || ui_bail "customer set failed: $(cat "$UI_TMP/setup.out")"

ascii_only() {
	! ui_screen | LC_ALL=C grep -q '[^ -~]'
}

COMPTOIR=$UI_TMP/desk
ui_start TERM=vt100 LANG=C LC_ALL=C COMPTOIR_TODAY=2026-03-02
ui_check "the desk opens on a VT100" ui_wait_for "Wholesale desk"
ui_check "the help bar fits 80 columns" ui_wait_row 23 "F1 Help F3 Cust .*F9 Pay"
ui_esc 3
ui_wait_for "Customer code" >/dev/null
ui_type C0014
ui_keys Enter
ui_check "Esc 3 chooses the customer; the name is transliterated" ui_wait_row 1 "C0014 Superette du March"
ui_check "the limit shows" ui_wait_row 3 "Limit 20[.,]00"
ui_check "the screen holds ASCII only" ascii_only

ui_esc 4
ui_check "Esc 4 starts a quote" ui_wait_for "New quote: C0014"
ui_type "BAK-0001 30"
ui_keys Enter
ui_wait_row 2 "BAK-0001" >/dev/null
ui_esc 0
ui_check "Esc 0 saves the quote (a quote takes no credit)" ui_wait_for "Quote 1 saved"

ui_esc 5
ui_check "Esc 5 starts an order" ui_wait_for "New order: C0014"
ui_type "BAK-0001 30"
ui_keys Enter
ui_wait_row 2 "BAK-0001" >/dev/null
ui_esc 0
ui_check "past the limit the order is refused and a supervisor asked" \
	ui_wait_for "Supervisor's user name"
ui_check "  with the figures: limit, balance, overdue" \
	ui_wait_row 19 "C0014 would pass the credit limit: limit 20.00, balance 0.00, overdue"
ui_check "  and this order's amount" ui_wait_for "this order"
ui_check "  in ASCII" ascii_only
ui_keys Escape
ui_check "Esc on the approval: nothing was changed" ui_wait_for "Not approved"
ui_check "  no order in the database" \
	test "$(ui_sql "SELECT count(*) FROM documents WHERE kind = 'order';")" = 0
ui_check "  the lines are still there" ui_row_is 2 "BAK-0001"
ui_esc 0
ui_wait_for "Supervisor's user name" >/dev/null
ui_type anna
ui_keys Enter
ui_wait_for "PIN of anna" >/dev/null
ui_type 1111
ui_keys Enter
ui_check "a cashier cannot approve" ui_wait_for "Supervisor's user name"
ui_type bruno
ui_keys Enter
ui_wait_for "PIN of bruno" >/dev/null
ui_type 2222
ui_keys Enter
ui_check "the supervisor approves: the order is saved" ui_wait_for "Order 1 saved"
ui_check "  recorded as approved by bruno" \
	test "$(ui_sql "SELECT user_name || '/' || approver FROM documents WHERE kind = 'order';")" = anna/bruno

ui_keys Down
ui_check "Down selects the quote" ui_wait_row 8 "quote +1 .*open"
ui_esc 6
ui_check "confirming the quote past the limit asks a supervisor too" ui_wait_for "Supervisor's user name"
ui_type chloe
ui_keys Enter
ui_wait_for "PIN of chloe" >/dev/null
ui_type 3333
ui_keys Enter
ui_check "the manager approves: the quote becomes order 2" ui_wait_for "Order 2 from quote 1"
ui_check "the quote is ordered" \
	test "$(ui_sql "SELECT status FROM documents WHERE kind = 'quote';")" = ordered

ui_esc 7
ui_wait_for "Empty: all that is open" >/dev/null
ui_keys Enter
ui_check "Esc 7 then Enter delivers order 2" ui_wait_for "Delivery 1 of order 2"
ui_esc 8
ui_check "Esc 8 invoices it" ui_wait_for "Invoice 2026-1 of order 2"
ui_esc 2
ui_check "Esc 2 asks what to credit" ui_wait_for "Empty: all not credited"
ui_type "BAK-0001*10"
ui_keys Enter
ui_check "then whether the goods go back on the shelf" ui_wait_for "back in stock"
ui_type y
ui_keys Enter
ui_check "the credit note is made against the invoice" ui_wait_for "Credit note 2026-1 against invoice 2026-1"
ui_check "  for 10 baguettes" \
	test "$(ui_sql "SELECT sum(l.qty) FROM doc_lines l JOIN documents d ON d.id = l.doc_id
	                 WHERE d.kind = 'credit';")" = 10
ui_check "the list shows it first" ui_wait_row 7 "credit +2026-1 +2026-03-02 +posted"
ui_check "the screen holds ASCII only" ascii_only

ui_keys Escape
ui_keys Escape
ui_check "Esc twice leaves with status 0" ui_wait_for "[exit 0]"
ui_check "the terminal modes are restored" ui_terminal_restored
ui_check "nothing on stderr" test ! -s "$UI_TMP/stderr"

ui_done
