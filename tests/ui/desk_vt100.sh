#!/bin/sh
# The desk's paste box and draft on a plain VT100 in the C locale, every
# F-key typed as Esc+digit: Esc 0 lists the other keys, lines pasted with one
# unknown, Esc 0 makes the draft, Esc 5 changes a quantity, Esc 0 places it.
# The screens stay ASCII.
. "$(dirname "$0")/lib.sh"

ui_setup
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

ascii_only() {
	! ui_screen | LC_ALL=C grep -q '[^ -~]'
}

COMPTOIR=$UI_TMP/desk
ui_start TERM=vt100 LANG=C LC_ALL=C COMPTOIR_TODAY=2026-03-02
ui_check "the desk opens on a VT100" ui_wait_for "Wholesale desk"
ui_esc 3
ui_wait_for "Customer code" >/dev/null
ui_type C0013
ui_keys Enter
ui_check "the customer is chosen" ui_wait_row 1 "C0013 "
ui_esc 0
ui_check "Esc 0 lists the other keys" ui_wait_for "paste lines into a new draft order"
ui_check "  in ASCII" ascii_only
ui_keys p
ui_check "P there opens the paste box" ui_wait_row 0 "Paste lines: C0013"
printf '%s;4\nWHAT IS THIS\n3 x %s\n' "$sku1" "$sku2" >"$UI_TMP/paste.txt"
ui_tmux load-buffer -b p "$UI_TMP/paste.txt" && ui_tmux paste-buffer -b p -t ui ||
	ui_bail "tmux paste-buffer failed"
ui_check "the three lines are there, whole" ui_wait_row 5 "^ +3 +3 x $sku2 *$"
ui_check "  the second too" ui_row_is 4 "^ +2 +WHAT IS THIS *$"
ui_esc 0
ui_check "Esc 0 makes the draft" ui_wait_for "2 lines added to draft 1; 1 not added"
ui_check "the unknown line is listed with its number" ui_wait_for "line 2: WHAT IS THIS"
ui_check "the draft screen is ASCII" ascii_only
ui_check "two lines in the database" \
	test "$(ui_sql "SELECT count(*) FROM draft_lines;")" = 2
ui_esc 5
ui_wait_for "New quantity" >/dev/null
ui_type 6
ui_keys Enter
ui_check "Esc 5 changes the quantity" ui_wait_row 3 "$sku2 .* 6 "
ui_esc 0
ui_check "Esc 0 places the draft" ui_wait_for "Order 1 placed from draft 1"
ui_check "the order is in the database" \
	test "$(ui_sql "SELECT group_concat(sku || '*' || qty, ' ') FROM (SELECT l.sku, l.qty
	                 FROM doc_lines l JOIN documents d ON d.id = l.doc_id
	                 WHERE d.kind = 'order' ORDER BY l.line_no);")" = "$sku1*4 $sku2*6"
ui_check "the desk is ASCII" ascii_only

ui_keys Escape
ui_wait_for "Esc again" >/dev/null
ui_keys Escape
ui_check "Esc twice leaves with status 0" ui_wait_for "[exit 0]"
ui_check "nothing on stderr" test ! -s "$UI_TMP/stderr"
ui_done
