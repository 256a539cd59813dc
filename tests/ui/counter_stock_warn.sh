#!/bin/sh
# A product whose negative-stock policy is "warn", sold at the counter with
# none on hand: the sale goes through and the warning shows on the screen's
# message line, not on stderr under the screen; with "refuse" the sale is
# refused on the screen and nothing is recorded.
. "$(dirname "$0")/lib.sh"

ui_setup
row=$(ui_pick_product) || ui_bail "cannot read the demo shop"
IFS='|' read -r code sku name price <<EOF
$row
EOF
ADMIN="--db $DB --user admin --pin 9999"
have=$(ui_sql "SELECT qty FROM stock s JOIN products p ON p.id = s.product_id
               JOIN locations l ON l.id = s.location_id WHERE p.sku = '$sku' AND l.code = 'MAIN'")
"$COMPTOIR" adjust --location MAIN "$sku" "-$have" --reason damage $ADMIN >/dev/null &&
	"$COMPTOIR" product set "$sku" --negative warn $ADMIN >/dev/null ||
	ui_bail "cannot empty the stock of $sku and set its policy"

ui_start LANG=C.UTF-8 LC_ALL=C.UTF-8
ui_check "the counter opens" ui_wait_for "Code:"
ui_type "$code"
ui_keys Enter
ui_check "the product is on the ticket" ui_wait_for "$name"
ui_keys F10
ui_check "the tender opens" ui_wait_for "Total due"
ui_keys Enter
ui_check "the sale is committed" ui_wait_for "Ticket 1"
ui_check "the warning shows on the screen" ui_wait_for "goes below zero"
ui_check "one ticket in the database" test "$(ui_sql 'SELECT count(*) FROM tickets')" = 1
ui_check "the stock is now -1" test "$(ui_sql "SELECT s.qty FROM stock s JOIN products p
	ON p.id = s.product_id JOIN locations l ON l.id = s.location_id
	WHERE p.sku = '$sku' AND l.code = 'MAIN'")" = -1
ui_check "nothing was written on stderr under the screen" test ! -s "$UI_TMP/stderr"

"$COMPTOIR" product set "$sku" --negative refuse $ADMIN >/dev/null || ui_bail "cannot refuse"
ui_keys Escape
ui_check "a new ticket" ui_wait_for "Code:"
ui_type "$code"
ui_keys Enter
ui_keys F10
ui_check "the tender opens again" ui_wait_for "Total due"
ui_keys Enter
ui_check "the sale is refused on the screen" ui_wait_for "not enough stock"
ui_check "still one ticket in the database" test "$(ui_sql 'SELECT count(*) FROM tickets')" = 1
ui_check "nothing on stderr" test ! -s "$UI_TMP/stderr"
ui_done
