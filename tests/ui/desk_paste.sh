#!/bin/sh
# The desk's paste box at 80x24: three lines pasted in one burst (the way a
# terminal pastes: fast keys, Enter between), one of them unknown; the two
# known ones go into a draft order in the database, the unknown one is listed
# with its line number; the draft is edited and placed as an order. Lines
# fast enough to look like scans stay lines of the text, whole and in order.
. "$(dirname "$0")/lib.sh"

ui_setup
export COMPTOIR_TODAY=2026-03-02
real=$COMPTOIR
case $real in /*) ;; *) real=$(pwd)/$real ;; esac
printf '#!/bin/sh\nexec "%s" desk "$@"\n' "$real" >"$UI_TMP/desk" && chmod +x "$UI_TMP/desk" ||
	ui_bail "cannot write the desk wrapper"

IFS='|' read -r code1 sku1 name1 price1 <<EOF2
$(ui_pick_product)
EOF2
IFS='|' read -r code2 sku2 name2 price2 <<EOF2
$(ui_pick_product "p.sku <> '$sku1'")
EOF2
[ -n "$sku1" ] && [ -n "$sku2" ] || ui_bail "no products in the demo shop"

draft_lines() {
	ui_sql "SELECT group_concat(l.code || '=' || l.qty, ' ') FROM
	          (SELECT l.code, l.qty FROM draft_lines l JOIN drafts d ON d.id = l.draft_id
	            WHERE d.number = 1 ORDER BY l.line_no) l;"
}

COMPTOIR=$UI_TMP/desk
ui_start LANG=C.UTF-8 LC_ALL=C.UTF-8 COMPTOIR_TODAY=2026-03-02
ui_check "the desk opens" ui_wait_for "Wholesale desk"
ui_keys F3
ui_wait_for "Customer code" >/dev/null
ui_type C0013
ui_keys Enter
ui_check "the customer is chosen" ui_wait_row 1 "C0013 Grossiste"
ui_check "the message line names the keys behind F10" ui_wait_row 22 "F10 more: P paste"

ui_keys p
ui_check "P opens the paste box" ui_wait_row 0 "Paste lines: C0013"
# One burst, as a terminal pastes it (tmux turns each newline into Enter).
printf '10 x %s\n%s;3\nNOPE-XYZ 4\n' "$sku1" "$sku2" >"$UI_TMP/paste.txt"
ui_tmux load-buffer -b p "$UI_TMP/paste.txt" && ui_tmux paste-buffer -b p -t ui ||
	ui_bail "tmux paste-buffer failed"
ui_check "the first pasted line is line 1, whole" ui_wait_row 3 "^ +1 +10 x $sku1 *$"
ui_check "the second is line 2" ui_wait_row 4 "^ +2 +$sku2;3 *$"
ui_check "the third is line 3" ui_wait_row 5 "^ +3 +NOPE-XYZ 4 *$"
ui_check "nothing was taken for a scan" ui_row_is 6 "^ +4 *$"
ui_check "no draft yet" test "$(ui_sql "SELECT count(*) FROM drafts;")" = 0

ui_keys F10
ui_check "F10 makes draft 1 and says what was not added" \
	ui_wait_for "2 lines added to draft 1; 1 not added"
ui_check "the draft shows its two lines" ui_wait_row 2 "$sku1 .* 10 "
ui_check "  the second" ui_row_is 3 "$sku2 .* 3 "
ui_check "the unknown line is listed with its line number" ui_wait_for "line 3: NOPE-XYZ 4"
ui_check "the draft has the two known lines in the database" \
	test "$(draft_lines)" = "$sku1=10 $sku2=3"

ui_keys F5
ui_wait_for "New quantity" >/dev/null
ui_type 5
ui_keys Enter
ui_check "F5 changes the selected line's quantity" ui_wait_row 3 "$sku2 .* 5 "
ui_check "  in the database" test "$(draft_lines)" = "$sku1=10 $sku2=5"

ui_keys F6
ui_check "F6 pastes more lines into the same draft" ui_wait_row 0 "draft 1"
printf '%s 2\nBAD LINE\n' "$sku2" >"$UI_TMP/paste2.txt"
ui_tmux load-buffer -b q "$UI_TMP/paste2.txt" && ui_tmux paste-buffer -b q -t ui
ui_wait_row 4 "^ +2 +BAD LINE" >/dev/null
ui_keys F10
ui_check "one more line added, one listed" ui_wait_for "1 lines added to draft 1; 1 not added"
ui_check "  the line numbers are those of this paste" ui_wait_for "line 2: BAD LINE"
ui_check "the draft has three lines" test "$(draft_lines)" = "$sku1=10 $sku2=5 $sku2=2"
ui_keys F8
ui_check "F8 removes the selected line" ui_wait_for "Removed:"
ui_check "  in the database" test "$(draft_lines)" = "$sku1=10 $sku2=5"

ui_keys Escape
ui_check "Esc keeps the draft open" ui_wait_for "Draft 1 kept open"
ui_check "  and nothing was ordered" test "$(ui_sql "SELECT count(*) FROM documents;")" = 0
ui_keys w
ui_check "W reopens it" ui_wait_row 0 "Draft order 1: C0013"
ui_check "  with its lines" ui_wait_row 3 "$sku2 .* 5 "
ui_keys F10
ui_check "F10 places it as order 1" ui_wait_for "Order 1 placed from draft 1"
ui_check "the order is in the database with the draft's lines" \
	test "$(ui_sql "SELECT group_concat(l.sku || '*' || l.qty, ' ') FROM doc_lines l
	                 JOIN documents d ON d.id = l.doc_id
	                 WHERE d.kind = 'order' AND d.number = 1 ORDER BY l.line_no;")" = "$sku1*10 $sku2*5"
ui_check "the draft is placed" \
	test "$(ui_sql "SELECT status FROM drafts WHERE number = 1;")" = placed
ui_check "the desk lists the order" ui_wait_row 7 "order +1 +2026-03-02 +open"

# Past the customer's limit the draft is refused with the figures, and a
# supervisor may approve it, as for an order typed on the desk.
"$real" customer set C0013 --credit-limit 20 --db "$DB" --user admin --pin 9999 \
	>"$UI_TMP/limit.out" 2>&1 || ui_bail "customer set failed: $(cat "$UI_TMP/limit.out")"
ui_keys p
ui_wait_row 0 "Paste lines" >/dev/null
printf '%s 30\n' "$sku1" >"$UI_TMP/paste3.txt"
ui_tmux load-buffer -b r "$UI_TMP/paste3.txt" && ui_tmux paste-buffer -b r -t ui
ui_wait_row 3 "^ +1 +$sku1 30" >/dev/null
ui_keys F10
ui_check "a second draft" ui_wait_for "1 lines added to draft 2"
ui_keys F10
ui_check "past the limit, placing it asks a supervisor" ui_wait_for "Supervisor's user name"
ui_check "  with the figures" ui_wait_for "would pass the credit limit"
ui_check "  and nothing is ordered yet" \
	test "$(ui_sql "SELECT count(*) FROM documents WHERE kind = 'order';")" = 1
ui_type bruno
ui_keys Enter
ui_wait_for "PIN of bruno" >/dev/null
ui_type 2222
ui_keys Enter
ui_check "the supervisor approves: order 2 is placed" ui_wait_for "Order 2 placed from draft 2"
ui_check "  recorded as approved by bruno" \
	test "$(ui_sql "SELECT user_name || '/' || approver FROM documents
	                 WHERE kind = 'order' AND number = 2;")" = anna/bruno

# Typed slowly, a line is typing; fast (a paste, a scanner) it is one scan:
# both end up as lines of the box.
ui_keys p
ui_wait_row 0 "Paste lines" >/dev/null
ui_type "$sku1"
sleep 0.3
ui_type ";2"
ui_keys Enter
ui_type "$code2 1"
ui_keys Enter
ui_check "a line typed in two goes is one line" ui_wait_row 3 "^ +1 +$sku1;2 *$"
ui_check "a barcode line is a line, not a scan" ui_wait_row 4 "^ +2 +$code2 1 *$"
ui_keys BSpace
ui_keys BSpace
ui_keys BSpace
ui_check "Backspace goes back over the line's end" ui_wait_row 4 "^ +2 +$code2 *$"
ui_keys Escape
ui_check "Esc with lines asks again" ui_wait_for "Esc again to leave"
ui_keys Escape
ui_check "Esc twice: nothing added" ui_wait_for "Nothing was added"
ui_check "  no new draft" test "$(ui_sql "SELECT count(*) FROM drafts;")" = 2

ui_keys Escape
ui_wait_for "Esc again" >/dev/null
ui_keys Escape
ui_check "Esc twice leaves with status 0" ui_wait_for "[exit 0]"
ui_check "the terminal modes are restored" ui_terminal_restored
ui_check "nothing on stderr" test ! -s "$UI_TMP/stderr"

ui_done
