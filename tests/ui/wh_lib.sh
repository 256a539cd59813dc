# Helpers for the handheld warehouse screen tests (tests/ui/wh_*.sh): the
# tmux helpers of lib.sh, with `comptoir warehouse` as the program and the
# handheld's own log-in. POSIX sh.
. "${WH_UI_DIR:-$(dirname "$0")}/lib.sh"

# wh_setup: a demo shop ($DB) and $COMPTOIR turned into `comptoir warehouse`.
wh_setup() {
	ui_setup
	WH_REAL=$COMPTOIR
	printf '#!/bin/sh\nexec "%s" warehouse "$@"\n' "$WH_REAL" >"$UI_TMP/warehouse"
	chmod +x "$UI_TMP/warehouse"
	COMPTOIR=$UI_TMP/warehouse
	UI_LOGIN=no
}

# wh_start COLSxLINES [VAR=VALUE...]
wh_start() {
	UI_COLS=${1%x*}
	UI_LINES=${1#*x}
	shift
	ui_start "$@"
}

# wh_login USER PIN: the two prompts of the handheld's log-in.
wh_login() {
	ui_wait_for "User:" || return 1
	ui_type "$1"
	ui_keys Enter
	ui_wait_for "PIN:" || return 1
	ui_type "$2"
	ui_keys Enter
	ui_wait_gone "PIN:"
}

# Text typed then Enter, as a person at the keypad would (slowly enough
# not to look like a scan: the wedge takes 4 fast characters for one).
wh_typed() {
	ui_type "$1"
	ui_keys Enter
}

# A scan: the whole code and Enter at once, as a scanner's wedge sends it.
wh_scan() {
	ui_tmux send-keys -t ui -l -- "$1"
	ui_keys Enter
}

# Whether no line of the screen is wider than the window.
wh_fits() {
	! ui_screen | awk -v w="$UI_COLS" 'length($0) > w { bad = 1 } END { exit !bad }'
}

wh_sql() {
	ui_sql "$1"
}

# The purchases the tests receive against: wh_purchase sets $po to the
# number of a new purchase order (comptoir purchase new, then send) of the
# first three products with a barcode (by id), 12 of each, from supplier
# WH that sells them in packs of 6; wh_purchase_item prints the first
# one's barcode and SKU ("code|sku").
wh_purchase() {
	wh_auth="--db $DB --user admin --pin 9999"
	if [ "$(wh_sql "SELECT count(*) FROM suppliers WHERE code = 'WH'")" = 0 ]; then
		"$WH_REAL" supplier add WH "Grossiste" $wh_auth >/dev/null || return 1
		for wh_sku in $(wh_sql "SELECT p.sku FROM products p WHERE p.weighed = 0
		                 AND EXISTS (SELECT 1 FROM barcodes b WHERE b.product_id = p.id)
		                 ORDER BY p.id LIMIT 3"); do
			"$WH_REAL" supplier item WH "$wh_sku" --pack 6 --price 1.00 $wh_auth \
				>/dev/null || return 1
		done
	fi
	wh_items=$(wh_sql "SELECT p.sku || '*12' FROM products p WHERE p.weighed = 0
	                   AND EXISTS (SELECT 1 FROM barcodes b WHERE b.product_id = p.id)
	                   ORDER BY p.id LIMIT 3")
	po=$("$WH_REAL" purchase new --supplier WH $wh_items $wh_auth | sed -n 's/^purchase //p')
	[ -n "$po" ] && "$WH_REAL" purchase send "$po" $wh_auth >/dev/null
}
wh_purchase_item() {
	wh_sql "SELECT (SELECT b.code FROM barcodes b WHERE b.product_id = p.id
	                ORDER BY b.rowid LIMIT 1), p.sku
	          FROM products p WHERE p.weighed = 0
	           AND EXISTS (SELECT 1 FROM barcodes b WHERE b.product_id = p.id)
	         ORDER BY p.id LIMIT 1"
}
