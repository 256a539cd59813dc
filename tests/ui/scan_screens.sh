#!/bin/sh
# A scan on every screen, found by timing (the default): on the counter it
# adds its product whatever is typed (an "N*" before it is its quantity); in
# the search it adds and goes back; in the payment it is refused, never typed
# into the amount; in a prompt it is the answer; over the help it closes the
# help and adds. Digits of a US scanner on an AZERTY keyboard are mapped
# back; with a Ctrl-B prefix configured, a scan typed by hand is one too. A
# scanner read directly (serial:, a tmux window's tty; usb:, umockdev's fake
# HID scanner) reaches the screens as the same scan.
. "$(dirname "$0")/lib.sh"

ui_setup
p1=$(ui_pick_product) || ui_bail "cannot read the demo shop"
p2=$(ui_pick_product "" 1)
p3=$(ui_pick_product "" 2)
IFS='|' read -r code1 sku1 name1 price1 <<EOF
$p1
EOF
IFS='|' read -r code2 sku2 name2 price2 <<EOF
$p2
EOF
IFS='|' read -r code3 sku3 name3 price3 <<EOF
$p3
EOF
customer=$(ui_sql "SELECT code FROM customers WHERE code <> 'WALKIN' ORDER BY id LIMIT 1;")
cname=$(ui_sql "SELECT name FROM customers WHERE code = '$customer';")

# A scan as the terminal gets it: the whole code and Enter in one write.
scan() {
	ui_bytes $(printf '%s' "$1" | od -An -tx1) 0d
}

# Keys typed by a person: one at a time, with a pause.
slow() {
	slow_rest=$1
	while [ -n "$slow_rest" ]; do
		ui_type "$(printf '%s' "$slow_rest" | cut -c1)"
		slow_rest=$(printf '%s' "$slow_rest" | cut -c2-)
		sleep 0.12
	done
}

# units SKU-NAME: the quantity shown on the line of a product.
qty_of() {
	ui_screen | grep -F -- "$1" | awk '{ print $1 }' | head -n 1
}

ui_start LANG=C.UTF-8 LC_ALL=C.UTF-8
ui_wait_for "Code:" >/dev/null || ui_bail "the counter screen did not open"

slow "ab"
ui_wait_row 22 "Code: ab *$" 5 >/dev/null
scan "$code1"
ui_check "counter: a scan adds its product while \"ab\" is typed" ui_wait_for "$name1"
ui_check "counter: ... and the typed \"ab\" stays" ui_wait_row 22 "Code: ab *$"
ui_keys C-u
slow "3*"
scan "$code2"
ui_check "counter: \"3*\" then a scan adds 3" ui_wait_row 3 "^ +3  $(ui_re_escape "$name2")"
ui_check "counter: ... and the code line is empty" ui_wait_row 22 "Code: *$"

ui_keys F2
ui_wait_for "Name:" >/dev/null
slow "pa"
scan "$code3"
ui_check "search: a scan adds its product and goes back to the ticket" ui_wait_for "$name3"
ui_check "search: ... the counter's code line" ui_wait_row 22 "Code: *$"
ui_check "search: ... three lines" ui_wait_row 20 " 3 lines "

ui_keys F10
ui_wait_for "Total due" >/dev/null
scan "$code1"
ui_check "tender: a scan is refused with a message" ui_wait_for "not added"
ui_check "tender: ... and not typed into the amount" ui_row_is 22 "Amount: *$"
ui_keys Escape
ui_check "tender: back on the ticket, still three lines" ui_wait_row 20 " 3 lines "
ui_check "tender: ... the product scanned there was not added" test "$(qty_of "$name1")" = 1

ui_keys F3
ui_wait_for "Customer code" >/dev/null
scan "$customer"
ui_check "prompt: a scanned customer card is the answer" ui_wait_for "$cname"

ui_keys F1
ui_wait_for "Any key" >/dev/null
scan "$code1"
ui_check "help: a scan closes the help and adds its product" ui_wait_row 20 " 3 lines "
ui_wait_gone "Any key" >/dev/null
ui_check "help: ... now 2 of it" test "$(qty_of "$name1")" = 2

azerty=$(printf '%s' "$code2" | sed 'y/1234567890/&é"'"'"'(-è_çà/')
ui_type "$azerty"
ui_keys Enter
ui_check "AZERTY: $azerty is $code2" ui_wait_row 3 "^ +4  $(ui_re_escape "$name2")"
ui_stop

cat >"$UI_TMP/prefix.conf" <<EOF
[scanner]
prefix = ctrl-b
timing = off
EOF
ui_start LANG=C.UTF-8 LC_ALL=C.UTF-8 COMPTOIR_CONFIG="$UI_TMP/prefix.conf"
ui_wait_for "Code:" >/dev/null
ui_bytes 02
slow "$code1"
ui_keys Enter
ui_check "prefix: Ctrl-B, a code typed slowly, Enter: one scan" ui_wait_for "$name1"
ui_type "xy"
scan "$code2"
ui_check "prefix: without the prefix, keys are typed" ui_wait_for "nknown code xy$code2"
ui_check "prefix: ... all of them" ui_row_is 22 "Code: *$"
ui_stop

# A scanner read directly: serial:, played by the tty of another tmux window
# whose program (sleep) reads nothing; its codes come while keys are typed.
ui_tmux new-session -d -s scn -x 40 -y 5 "exec sleep 3600" || ui_bail "tmux new-session failed"
tty=$(ui_tmux display-message -p -t scn '#{pane_tty}')
printf '[scanner]\ndevice = serial:%s\n' "$tty" >"$UI_TMP/serial.conf"
ui_start LANG=C.UTF-8 LC_ALL=C.UTF-8 COMPTOIR_CONFIG="$UI_TMP/serial.conf"
ui_wait_for "Code:" >/dev/null
slow "ab"
ui_tmux send-keys -t scn -l "$code3"
ui_tmux send-keys -t scn Enter
ui_check "serial: a code from the local scanner adds its product" ui_wait_for "$name3"
ui_check "serial: ... and the typed \"ab\" stays" ui_wait_row 22 "Code: ab *\$"
ui_keys F10
ui_wait_for "Total due" >/dev/null
ui_tmux send-keys -t scn -l "$code1"
ui_tmux send-keys -t scn Enter
ui_check "serial: in the payment, refused like any scan" ui_wait_for "not added"
ui_stop

# A USB HID scanner read through libusb, faked by umockdev: its reports type
# a code, then it is unplugged; the code reaches the ticket, the loss is said.
hid_ioctl() {
	echo "USBDEVFS_GET_CAPABILITIES 0 0F000000"
	printf '%s\n' "$1" | sed 's/./&\n/g' | while read -r d; do
		[ -n "$d" ] || continue
		if [ "$d" = 0 ]; then u=27; else u=$(printf '%02X' $((0x1D + d))); fi
		echo "USBDEVFS_REAPURBNDELAY 0 1 129 0 0 8 8 0 0000${u}0000000000"
		echo "USBDEVFS_REAPURBNDELAY 0 1 129 0 0 8 8 0 0000000000000000"
	done
	echo "USBDEVFS_REAPURBNDELAY 0 1 129 0 0 8 8 0 0000280000000000"
	echo "USBDEVFS_REAPURBNDELAY 0 1 129 0 0 8 8 0 0000000000000000"
	echo "USBDEVFS_REAPURBNDELAY 0 1 129 -19 0 8 0 0 "
}
if command -v umockdev-run >/dev/null 2>&1; then
	hid_ioctl "$code2" >"$UI_TMP/usb.ioctl"
	printf '[scanner]\ndevice = usb:0c2e:1200\n' >"$UI_TMP/usb.conf"
	{
		echo '#!/bin/sh'
		echo 'ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"'
		echo 'export ASAN_OPTIONS'
		printf 'exec umockdev-run --device "%s" --ioctl "/dev/bus/usb/001/003=%s" -- "%s" "$@"\n' \
			"${top_srcdir:-.}/tests/drivers/fixtures/scanner_full.umockdev" "$UI_TMP/usb.ioctl" "$COMPTOIR"
	} >"$UI_TMP/comptoir-usb"
	chmod +x "$UI_TMP/comptoir-usb"
	real=$COMPTOIR
	COMPTOIR=$UI_TMP/comptoir-usb
	# The fake scanner sends its code as soon as the device opens, before
	# anyone could log in: this shop copy has no users, so no log-in.
	cp "$DB" "$UI_TMP/nousers.db"
	"$SQLITE3_BIN" "$UI_TMP/nousers.db" "delete from users"
	db_saved=$DB
	DB=$UI_TMP/nousers.db
	ui_start LANG=C.UTF-8 LC_ALL=C.UTF-8 COMPTOIR_CONFIG="$UI_TMP/usb.conf"
	DB=$db_saved
	COMPTOIR=$real
	ui_check "usb: the code of the USB scanner is on the ticket" ui_wait_for "$name2"
	ui_check "usb: one unit of it" ui_wait_row 2 "^ +1  $(ui_re_escape "$name2")"
	ui_check "usb: the scanner unplugged is said" ui_wait_for "scanner stopped"
	ui_stop
else
	ui_ok 0 "usb: # SKIP umockdev-run not found"
fi

printf '[scanner]\ndevice = serial:%s/no-such-tty\n' "$UI_TMP" >"$UI_TMP/gone.conf"
ui_start LANG=C.UTF-8 LC_ALL=C.UTF-8 COMPTOIR_CONFIG="$UI_TMP/gone.conf"
ui_check "a scanner that cannot be opened is said on the counter" ui_wait_for "cannot be read"
scan "$code1"
ui_check "... and wedge scans still work" ui_wait_for "$name1"
ui_stop

# Settings the config file refuses, naming the line.
bad_config() {
	printf '[scanner]\n%s\n' "$1" >"$UI_TMP/bad.conf"
	COMPTOIR_CONFIG="$UI_TMP/bad.conf" "$COMPTOIR" stock --db "$DB" "$sku1" 2>&1 >/dev/null |
		grep -q -- "line 2: .*$2"
}
ui_check "config: a prefix that is no key is refused" bad_config "prefix = ctrl-!" "prefix"
ui_check "config: timing is on or off" bad_config "timing = maybe" "on or off"
ui_check "config: layout is us, azerty or auto" bad_config "layout = qwertz" "azerty"
ui_check "config: a device of no known scheme is refused" bad_config "device = lp:/dev/lp0" "usb:VID:PID"
ui_check "config: usb: wants VID:PID" bad_config "device = usb:zz" "hexadecimal"
printf '[comptoir]\nscanner_prefix = 0x02\nscanner_layout = azerty\n' >"$UI_TMP/flat.conf"
flat_config() {
	COMPTOIR_CONFIG="$UI_TMP/flat.conf" "$COMPTOIR" stock --db "$DB" "$sku1" >/dev/null
}
ui_check "config: the same settings as scanner_* in [comptoir]" flat_config

ui_done
