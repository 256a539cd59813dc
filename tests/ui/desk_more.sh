#!/bin/sh
# The desk's keys behind F10 at 80x24: a quote copied at today's prices, the
# selected document and the statement written as PDF files beside the shop's
# database, the last order repeated into a draft and placed; an order typed
# with a courier's charge shown as a line, delivered with a tracking number.
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
ANNA="--user anna --pin 1111"
printf 'sku,name,price,tax_rate\nSHIP,Frais de port,0,20\n' >"$UI_TMP/ship.csv"
{
	"$real" import products "$UI_TMP/ship.csv" --db "$DB" &&
		"$real" shipping set courier --price 12.00 --product SHIP --db "$DB" --user chloe --pin 3333 &&
		"$real" order new --db "$DB" --customer C0013 "$sku1*12" $ANNA &&
		"$real" quote new --db "$DB" --customer C0013 "$sku2*3" "$sku1*2" $ANNA
} >"$UI_TMP/setup.out" 2>&1 || ui_bail "setup failed: $(cat "$UI_TMP/setup.out")"

doc_lines() {
	ui_sql "SELECT group_concat(sku || '*' || qty, ' ') FROM
	          (SELECT l.sku, l.qty FROM doc_lines l JOIN documents d ON d.id = l.doc_id
	            WHERE d.kind = '$1' AND d.number = $2 ORDER BY l.line_no);"
}
is_pdf() {
	[ -s "$1" ] && [ "$(head -c 5 "$1")" = "%PDF-" ]
}

COMPTOIR=$UI_TMP/desk
ui_start LANG=C.UTF-8 LC_ALL=C.UTF-8 COMPTOIR_TODAY=2026-03-02
ui_check "the desk opens" ui_wait_for "Wholesale desk"
ui_keys c
ui_check "a key that needs a customer says so" ui_wait_for "Choose a customer first"
ui_keys F3
ui_wait_for "Customer code" >/dev/null
ui_type C0013
ui_keys Enter
ui_check "the quote is listed first" ui_wait_row 7 "quote +1 "

ui_keys F10
ui_check "F10 lists the other keys" ui_wait_for "paste lines into a new draft order"
ui_check "  with print and statement" ui_wait_for "the customer's statement as a PDF"
ui_keys Escape
ui_check "Esc closes the list" ui_wait_gone "paste lines into a new draft order"

ui_keys F10
ui_wait_for "paste lines into a new draft order" >/dev/null
ui_keys c
ui_check "C copies the selected quote" ui_wait_for "Quote 2 copies quote 1 at today's prices"
ui_check "the copy has the quote's lines" test "$(doc_lines quote 2)" = "$(doc_lines quote 1)"
ui_check "  and is listed" ui_wait_row 7 "quote +2 "

ui_keys d
ui_check "D writes the selected document as a PDF beside the database" \
	ui_wait_for "written to $UI_TMP/documents/quote-2.pdf"
ui_check "  a PDF file" is_pdf "$UI_TMP/documents/quote-2.pdf"
ui_keys s
ui_check "S writes the customer's statement" ui_wait_for "Statement of C0013 written to"
ui_check "  and shows where" ui_wait_row 22 "^ *$UI_TMP/documents/statement-C0013-20260302\.pdf"
ui_check "  a PDF file" is_pdf "$UI_TMP/documents/statement-C0013-20260302.pdf"

ui_keys r
ui_check "R repeats the last order into a draft" ui_wait_for "Draft 1 repeats the last order"
ui_check "  with its line" ui_wait_row 2 "$sku1 .* 12 "
ui_keys F10
ui_check "F10 places it" ui_wait_for "Order 2 placed from draft 1"
ui_check "the new order has the last order's lines" test "$(doc_lines order 2)" = "$sku1*12"

ui_keys F5
ui_wait_for "New order: C0013" >/dev/null
ui_type "$sku2 2"
ui_keys Enter
ui_wait_row 2 "$sku2" >/dev/null
ui_keys F4
ui_check "F4 asks the shipping method" ui_wait_for "pickup, own, courier or cod"
ui_type courier
ui_keys Enter
ui_check "the courier's charge shows as a line" ui_wait_row 3 "Shipping: courier .*12[.,]00"
ui_check "  and the method in the title" ui_wait_row 0 "courier"
ui_keys F10
ui_check "the order is saved" ui_wait_for "Order 3 saved"
ui_check "  with the charge as its last line" test "$(doc_lines order 3)" = "$sku2*2 SHIP*1"
ui_check "  shipping by courier" \
	test "$(ui_sql "SELECT s.method FROM doc_shipping s JOIN documents d ON d.id = s.doc_id
	                 WHERE d.kind = 'order' AND d.number = 3;")" = courier

ui_keys F7
ui_wait_for "Empty: all that is open" >/dev/null
ui_keys Enter
ui_check "delivering a courier order asks its tracking number" ui_wait_for "Tracking number"
ui_type 1Z999AA10123456784
ui_keys Enter
ui_check "the tracking number is confirmed" ui_wait_for "tracking 1Z999AA10123456784"
ui_check "  and recorded on the delivery" \
	test "$(ui_sql "SELECT s.tracking FROM doc_shipping s JOIN documents d ON d.id = s.doc_id
	                 WHERE d.kind = 'delivery' AND d.number = 1;")" = 1Z999AA10123456784
ui_keys F7
ui_wait_for "Empty: all that is open" >/dev/null
ui_keys Escape
ui_keys Down
ui_keys F7
ui_wait_for "Empty: all that is open" >/dev/null
ui_keys Enter
ui_check "an order not sent by courier asks no tracking number" ui_wait_for "Delivery 2 of order 2"
ui_check "  (no prompt)" ui_wait_gone "Tracking number"

ui_keys Escape
ui_wait_for "Esc again" >/dev/null
ui_keys Escape
ui_check "Esc twice leaves with status 0" ui_wait_for "[exit 0]"
ui_check "nothing on stderr" test ! -s "$UI_TMP/stderr"

ui_done
