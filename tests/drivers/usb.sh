#!/bin/sh
# The usb: and dev: transports and `comptoir devices` against umockdev's fake
# printer and scanner (tests/drivers/fixtures/): each scenario of test_usb
# runs under umockdev-run with the exchange it expects, every byte checked.
. "$top_srcdir/tests/lib/sh-tap.sh"
UMOCKDEV_RUN=${UMOCKDEV_RUN_BIN:-$(command -v umockdev-run)}
[ -n "$UMOCKDEV_RUN" ] || skip_all "umockdev-run is not installed (Debian package umockdev)"
F="$top_srcdir/tests/drivers/fixtures"
TEST_USB="$top_builddir/tests/drivers/test_usb"
PRINTER=/dev/bus/usb/001/002
# umockdev's preload library comes before the sanitizer runtime in a
# sanitizer build; tell it that is fine.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
export ASAN_OPTIONS

# merge NAME COMMAND...: the TAP of COMMAND, renumbered into this test's.
merge() {
	name=$1
	shift
	"$@" >"$T/tap" 2>"$T/stderr"
	status=$?
	while IFS= read -r line; do
		case $line in
		"ok "*) ok 0 "$name: ${line#ok * - }" ;;
		"not ok "*) ok 1 "$name: ${line#not ok * - }" ;;
		"#"*) echo "$line" ;;
		esac
	done <"$T/tap"
	[ "$status" -eq 0 ] || sed 's/^/#   /' "$T/stderr" | head -20
	is "$status" 0 "$name: ends with success"
}

# scenario NAME UMOCKDEV-RUN-ARGS...: test_usb NAME under umockdev-run.
scenario() {
	name=$1
	shift
	merge "$name" "$UMOCKDEV_RUN" "$@" -- "$TEST_USB" "$name"
}

scenario job --device "$F/printer.umockdev" --ioctl "$PRINTER=$F/printer.ioctl"
scenario open --device "$F/printer.umockdev" --ioctl "$PRINTER=$F/printer.ioctl"
scenario wrong --device "$F/printer.umockdev" --ioctl "$PRINTER=$F/printer.ioctl"
scenario vanish --device "$F/printer.umockdev" --ioctl "$PRINTER=$F/printer_vanish.ioctl"
scenario status --device "$F/printer.umockdev" --ioctl "$PRINTER=$F/printer_status.ioctl"
scenario silent --device "$F/printer.umockdev" --ioctl "$PRINTER=$F/printer_silent.ioctl"
scenario lp --device "$F/usblp.umockdev" --script "/dev/usb/lp0=$F/usblp.script"

# The fake printer of umockdev's C API, when libumockdev was there to build it.
UMOCKDEV_WRAPPER=${UMOCKDEV_WRAPPER_BIN:-$(command -v umockdev-wrapper)}
if [ -x "$top_builddir/tests/drivers/test_usb_fake" ] && [ -n "$UMOCKDEV_WRAPPER" ]; then
	merge fake "$UMOCKDEV_WRAPPER" "$top_builddir/tests/drivers/test_usb_fake" \
		"$F/printer.umockdev"
else
	echo "# test_usb_fake not built (no libumockdev-dev): the C API fake is not run"
fi

run "$UMOCKDEV_RUN" --device "$F/printer_scanner.umockdev" -- "$COMPTOIR" devices
is "$rc" 0 "devices: exit 0"
like "$out" '^0416:5011 +printer +POS58 Fake Printer +usb:0416:5011$' \
	"devices: the fake printer, with usb:0416:5011"
like "$out" '^0c2e:1200 +HID keyboard/scanner +Fake HID keyboard-wedge scanner +usb:0c2e:1200$' \
	"devices: the fake scanner"
unlike "$out" '1d6b:0002' "devices: not the root hub"

run "$UMOCKDEV_RUN" --device "$F/scanner_full.umockdev" -- "$COMPTOIR" devices
like "$out" '^0c2e:1200 +HID keyboard/scanner .*usb:0c2e:1200$' "devices: the scanner alone"
unlike "$out" 'printer' "devices: and no printer then"

run "$UMOCKDEV_RUN" --device "$F/usblp.umockdev" -- "$COMPTOIR" devices
like "$out" 'printer node .*dev:/dev/usb/lp0$' "devices: /dev/usb/lp0 as dev:/dev/usb/lp0"

run "$UMOCKDEV_RUN" -- "$COMPTOIR" devices
is "$rc" 0 "devices: nothing plugged in is exit 0"
is "$out" "No printer or scanner found." "devices: nothing plugged in says so"

run "$COMPTOIR" devices --help
is "$rc" 0 "devices --help: exit 0"
like "$out" 'usb:VID:PID' "devices --help names the URI it prints"
run "$COMPTOIR" devices extra
is "$rc" 2 "devices with an argument: usage error"

done_testing
