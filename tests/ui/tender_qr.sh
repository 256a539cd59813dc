#!/bin/sh
# The QR payment of the tender at 80x24: F8 shows the payment QR code with
# half blocks beside the amount and the payee, F9 prints it, Esc records
# nothing, Enter asks the reference and the ticket commits with a transfer
# (France) or upi (India, here for part of the total) payment carrying it;
# a terminal too small for the code says so.
. "$(dirname "$0")/lib.sh"

ui_setup
mkdir -p "$UI_TMP/xdg/comptoir"
printf '[printer]\nuri = file:%s\nprofile = tm-t20\n' "$UI_TMP/printer.bin" \
	>"$UI_TMP/xdg/comptoir/comptoir.conf"
row=$(ui_pick_product) || ui_bail "cannot read the demo shop"
[ -n "$row" ] || ui_bail "no product to sell in the demo shop"
IFS='|' read -r code sku name price <<EOF
$row
EOF
price_re=$(ui_price_re "$price")
# The top of the code: its light margin drawn as full blocks, then the top
# of the finder pattern (light text on a dark screen).
qr_top='^█{20}'
qr_finder='^██ ▄▄▄▄▄ █'
half_blocks='[█▀▄]{8}'

ui_start LANG=C.UTF-8 LC_ALL=C.UTF-8 XDG_CONFIG_HOME="$UI_TMP/xdg"
ui_check "the counter screen opens" ui_wait_for "Code:"
ui_type "$code"
ui_keys Enter
ui_check "the product is rung up" ui_wait_for "$name"
ui_keys F10
ui_check "F10 opens the tender" ui_wait_for "Total due"
ui_check "the tender's help bar shows F8 QR pay" ui_wait_row 23 "F8 QR pay"

ui_keys F8
ui_check "F8 opens the QR payment by bank transfer" ui_wait_for "QR payment: bank transfer"
ui_check "the QR code is drawn with half blocks: its margin" ui_wait_row 0 "$qr_top"
ui_check "and its finder pattern" ui_wait_row 1 "$qr_finder"
ui_check "the amount due is shown beside it" ui_wait_row 2 "^[█▀▄ ]+ +$price_re"
ui_check "so is the demo shop's IBAN" ui_wait_for "FR76 3000 6000 0112 3456 7890"
ui_check "the code and the panel fit in 24 lines with the help bar" ui_wait_row 23 "Enter Paid"

ui_keys F9
ui_check "F9 sends the QR code to the configured printer" \
	ui_wait_for "QR code sent to the"
bytes=$(od -An -v -tx1 "$UI_TMP/printer.bin" 2>/dev/null | tr -s ' \n' '  ')
case "$bytes" in
*" 1d 28 6b "*) ui_ok 0 "the printer got a QR code (GS ( k)" ;;
*) ui_ok 1 "the printer got a QR code (GS ( k)" ;;
esac
grep -a -q "FR7630006000011234567890189" "$UI_TMP/printer.bin"
ui_ok $? "the printed QR code holds the EPC payload with the IBAN"

ui_keys F5
ui_check "F5 draws the dark modules instead (a light screen): a blank margin" \
	ui_wait_row 1 '^  █▀▀▀▀▀█ '
ui_keys F5
ui_check "F5 again swaps back" ui_wait_row 1 "$qr_finder"

ui_keys Escape
ui_check "Esc goes back to the tender" ui_wait_for "Total due"
ui_check "saying nothing was recorded" ui_wait_for "nothing was recorded"
ui_check "no ticket was written" test "$(ui_sql 'SELECT count(*) FROM tickets;')" = 0

ui_esc 8
ui_check "Esc 8 opens the QR payment too" ui_wait_for "QR payment: bank transfer"
ui_keys Enter
ui_check "Enter asks for the transfer's reference" ui_wait_for "Transfer reference or note:"
ui_keys Enter
ui_check "an empty reference is refused" ui_wait_for "needs a reference"
ui_type "VIR-2026-42"
ui_keys Enter
ui_check "the reference pays in full and commits: Ticket 1" ui_wait_for "Ticket 1"
ui_check "the receipt shows the transfer and its reference" ui_wait_for "Bank transfer VIR-2026-42"
ui_check "the ticket is paid by transfer, with its reference" \
	test "$(ui_sql "SELECT method || ':' || amount || ':' || reference FROM payments p
	                 JOIN tickets t ON t.id = p.ticket_id WHERE t.number = 1;")" \
	= "transfer:$price:VIR-2026-42"
"$COMPTOIR" verify --db "$DB" >/dev/null
ui_ok $? "the journal is intact"
ui_stop

# India: UPI for part of the total, typed in the tender, cash for the rest.
DB=$UI_TMP/india.db
"$COMPTOIR" init --demo --country IN --db "$DB" >/dev/null || ui_bail "cannot make the Indian demo"
row=$(ui_pick_product "p.price >= 200") || ui_bail "cannot read the Indian demo"
IFS='|' read -r code sku name price <<EOF
$row
EOF
part=$((price / 2))
part_text=$(printf '%d.%02d' $((part / 100)) $((part % 100)))
mkdir -p "$UI_TMP/xdg-text/comptoir"
printf '[printer]\nuri = file:%s\n' "$UI_TMP/text-printer.txt" >"$UI_TMP/xdg-text/comptoir/comptoir.conf"
ui_start LANG=C.UTF-8 LC_ALL=C.UTF-8 XDG_CONFIG_HOME="$UI_TMP/xdg-text"
ui_check "the Indian counter opens" ui_wait_for "Code:"
ui_type "$code"
ui_keys Enter
ui_check "the product is rung up" ui_wait_for "$name"
ui_keys F10
ui_check "the tender opens" ui_wait_for "Total due"
ui_type "$part_text"
ui_keys F8
ui_check "F8 with an amount typed: a UPI QR payment" ui_wait_for "QR payment: UPI"
ui_check "for the amount typed" ui_wait_row 2 "$(ui_price_re "$part")"
ui_check "to the demo's UPI ID" ui_wait_for "comptoir.demo@upi"
ui_check "the QR code is drawn" ui_wait_row 1 "$qr_finder"
ui_keys F9
ui_check "F9 with a plain-text printer (no profile) says it cannot" ui_wait_for "no ESC/POS"
ui_keys Enter
ui_check "Enter asks for the UTR" ui_wait_for "UPI reference (UTR)"
ui_type "432109876543"
ui_keys Enter
ui_check "back on the tender with the UPI payment" ui_wait_for "UPI (432109876543)"
ui_check "the rest is still due" ui_wait_for "Remaining"
ui_keys F8
ui_check "a second QR payment opens for the rest" ui_wait_for "QR payment: UPI"
ui_screen | grep -E -q 'Ref\. [0-9A-F]{12}-2'
ui_ok $? "with a reference of its own (-2)"
ui_keys Escape
ui_check "Esc goes back to the tender" ui_wait_for "Remaining"
ui_keys Enter
ui_check "Enter takes the rest in cash and commits" ui_wait_for "Ticket 1"
ui_check "the ticket has the UPI payment with its reference, then cash" \
	test "$(ui_sql "SELECT group_concat(method || ':' || amount || ':' || reference, ' ')
	                 FROM (SELECT * FROM payments p JOIN tickets t ON t.id = p.ticket_id
	                        WHERE t.number = 1 ORDER BY seq);")" \
	= "upi:$part:432109876543 cash:$((price - part)):"
ui_stop

# A terminal too small for the code: it says so and offers the printer.
UI_COLS=60 UI_LINES=16
DB=$UI_TMP/shop.db
ui_start LANG=C.UTF-8 LC_ALL=C.UTF-8 XDG_CONFIG_HOME="$UI_TMP/none"
ui_check "the counter opens at 60x16" ui_wait_for "Code:"
ui_type "$(ui_pick_product | cut -d'|' -f1)"
ui_keys Enter
ui_keys F10
ui_check "the tender opens" ui_wait_for "Total due"
ui_keys F8
ui_check "the QR payment says the terminal is too small" ui_wait_for "too small for the QR"
ui_check "and offers to print it" ui_wait_for "F9 prints it"
ui_keys F9
ui_check "F9 without a printer says none is set up" ui_wait_for "printer is set up"
if ui_screen | grep -E -q "$half_blocks"; then
	ui_ok 1 "no QR code drawn cut"
else
	ui_ok 0 "no QR code drawn cut"
fi
ui_keys Escape
ui_check "Esc goes back to the tender" ui_wait_for "Total due"
ui_check "nothing was recorded" test "$(ui_sql 'SELECT count(*) FROM tickets;')" = 1
ui_stop

# A terminal that is not UTF-8 cannot draw half blocks: it says so.
UI_COLS=80 UI_LINES=24
ui_start LANG=C LC_ALL=C XDG_CONFIG_HOME="$UI_TMP/none"
ui_check "the counter opens in the C locale" ui_wait_for "Code:"
ui_type "$(ui_pick_product | cut -d'|' -f1)"
ui_keys Enter
ui_keys F10
ui_check "the tender opens" ui_wait_for "Total due"
ui_keys F8
ui_check "the QR payment says this terminal cannot draw the code" \
	ui_wait_for "cannot draw the QR code"
ui_check "the amount and the IBAN are still shown" ui_wait_for "FR76 3000 6000"
ui_keys Escape
ui_check "Esc goes back" ui_wait_for "Total due"

ui_done
