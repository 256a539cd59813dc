#!/bin/sh
# The handheld screens on a plain VT100 in the C locale (a terminal
# emulator of an RF handheld): ASCII only, accented names transliterated,
# no line drawing, the F-keys as Esc+digit.
. "$(dirname "$0")/wh_lib.sh"

wh_setup
row=$(wh_sql "SELECT b.code, p.name FROM products p JOIN barcodes b ON b.product_id = p.id
               WHERE p.weighed = 0 AND b.pack_qty = 1 AND length(b.code) = 13
                 AND p.name GLOB '*[éèêàâçôîûÉ]*'
                 AND NOT p.name GLOB '*[^ -~éèêàâçôîûÉ]*' AND length(p.name) <= 11
               ORDER BY p.id LIMIT 1") || ui_bail "cannot read the demo shop"
code=${row%%|*}
name=${row#*|}
[ -n "$code" ] || ui_bail "no product with a short accented name"
plain=$(printf '%s\n' "$name" | sed 'y/éèêàâçôîûÉ/eeeaacoiuE/')
ascii_only() {
	! ui_screen | LC_ALL=C grep -q '[^ -~]'
}

wh_start 20x16 TERM=vt100 LANG=C LC_ALL=C
ui_check "vt100: the log-in" ui_wait_for "User:"
ui_check "vt100: the log-in holds ASCII only" ascii_only
ui_check "vt100: dario logs in" wh_login dario 4444
ui_check "vt100: the menu" ui_wait_for "6 Look up"
ui_check "vt100: the menu holds ASCII only" ascii_only
ui_type 6
ui_wait_for "Scan item:" >/dev/null
wh_scan "$code"
ui_check "vt100: the accented name shows transliterated: $plain" ui_wait_for "$plain"
ui_check "vt100: the look-up holds ASCII only" ascii_only
ui_keys Escape
ui_wait_for "1 Receive" >/dev/null
ui_type 1
ui_wait_for "Purchase no.:" >/dev/null
wh_purchase
wh_typed "$po"
ui_wait_for "Receive PO $po" >/dev/null
ui_check "vt100: the receive holds ASCII only" ascii_only
ui_esc 0
ui_check "vt100: Esc 0 ends the purchase" ui_wait_for "PO $po: 36 short"
ui_keys Escape
ui_check "vt100: quits with status 0" ui_wait_for "[exit 0]"
ui_done
