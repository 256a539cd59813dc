#!/bin/sh
# The desk's customer card at 80x24: a customer found by part of the name
# from a list, and then by code, shows terms, price list, credit limit,
# balance, overdue amount and ageing as `comptoir balance` prints them, with
# their documents; the counter's F3 shows the same figures for a business
# customer.
. "$(dirname "$0")/lib.sh"

ui_setup
real=$COMPTOIR
case $real in /*) ;; *) real=$(pwd)/$real ;; esac
printf '#!/bin/sh\nexec "%s" desk "$@"\n' "$real" >"$UI_TMP/desk" && chmod +x "$UI_TMP/desk" ||
	ui_bail "cannot write the desk wrapper"
ADMIN="--user admin --pin 9999"

# An invoice of early January, due a month later: 26 days overdue on 2 March.
export COMPTOIR_TODAY=2026-01-05
{
	"$real" customer set C0013 --credit-limit 500 --db "$DB" $ADMIN &&
		"$real" order new --db "$DB" --customer C0013 BAK-0001*10 $ADMIN &&
		"$real" deliver --db "$DB" 1 $ADMIN &&
		"$real" invoice --db "$DB" 1 $ADMIN
} >"$UI_TMP/setup.out" 2>&1 || ui_bail "setting up the invoice failed: $(cat "$UI_TMP/setup.out")"
export COMPTOIR_TODAY=2026-03-02
owed=$("$real" balance --db "$DB" --customer C0013 | head -n 1 | tr -d .)
b130=$("$real" balance --db "$DB" --customer C0013 | sed -n 's/^1-30 //p' | tr -d .)
[ -n "$owed" ] && [ "$owed" -gt 0 ] && [ "$b130" = "$owed" ] ||
	ui_bail "the balance is not what the test expects: $owed / $b130"
owed_re=$(ui_price_re "$owed")

COMPTOIR=$UI_TMP/desk
ui_start LANG=C.UTF-8 LC_ALL=C.UTF-8 COMPTOIR_TODAY=2026-03-02
ui_check "the desk opens without a customer" ui_wait_for "No customer chosen"

ui_keys F3
ui_wait_for "Customer code" >/dev/null
ui_type C001
ui_keys Enter
ui_check "part of a code lists the customers it matches" ui_wait_for "Choose a customer"
ui_check "  C0010 first" ui_wait_row 2 "C0010 +Brasserie"
ui_keys Down Down
ui_keys Enter
ui_check "Down twice, Enter: C0012 is chosen" ui_wait_row 1 "C0012 Hôtel"
ui_check "  a customer without documents says so" ui_wait_for "No documents yet"

ui_keys F3
ui_wait_for "Customer code" >/dev/null
ui_type "méditerr"
ui_keys Enter
ui_check "part of the name, one match: chosen at once" ui_wait_row 1 "C0013 Grossiste Méditerranée SARL \(wholesale\)"
ui_check "terms and price list" ui_wait_row 2 "Terms net30 +Prices wholesale"
ui_check "balance, overdue and limit at once" \
	ui_wait_row 3 "Balance $owed_re € +Overdue $owed_re € +Limit 500[.,]00 €"
ui_check "the ageing puts it in 1-30 days" ui_wait_row 4 "Current 0[.,]00 € +1-30 $owed_re €"
ui_check "the documents, newest first: the invoice" ui_wait_row 7 "invoice +2026-1 +2026-01-05 +open +$owed_re"
ui_check "  the delivery" ui_wait_row 8 "delivery +1 +2026-01-05 +posted"
ui_check "  the order" ui_wait_row 9 "order +1 +2026-01-05 +invoiced"
ui_keys Down Down
ui_keys Enter
ui_check "Enter on the order shows it" ui_wait_for "status invoiced"
ui_check "  with what came after it" ui_wait_for "then invoice 2026-1"
ui_keys q
ui_wait_for "Balance" >/dev/null
ui_esc 6
ui_check "Esc 6 (confirm) on an order says a quote is needed" ui_wait_for "Select a quote to confirm"
ui_keys Escape
ui_keys Escape
ui_check "Esc twice leaves" ui_wait_for "[exit 0]"
ui_check "nothing on stderr" test ! -s "$UI_TMP/stderr"
ui_stop

COMPTOIR=$real
ui_start LANG=C.UTF-8 LC_ALL=C.UTF-8 COMPTOIR_TODAY=2026-03-02
ui_wait_for "Code:" >/dev/null
ui_keys F3
ui_wait_for "Customer code" >/dev/null
ui_type C0013
ui_keys Enter
ui_check "the counter's F3 shows the business customer's balance, overdue and limit" \
	ui_wait_row 21 "C0013 \(prices: wholesale\): balance $owed_re € +overdue $owed_re € +limit 500[.,]00 €"
ui_keys F3
ui_wait_for "Customer code" >/dev/null
ui_type C0001
ui_keys Enter
ui_check "  not for a retail customer who owes nothing" ui_wait_for "prices: retail)"
ui_check "  (no figures)" sh -c '! "$0" -L "$1" capture-pane -p -t ui | grep -q "balance"' \
	"$TMUX_BIN" "$UI_SOCK"

ui_done
