#!/bin/sh
# The USB HID scanner reader against umockdev's fake scanner: boot reports
# replayed from tests/drivers/fixtures/scanner_{us,fr}.ioctl (US and French
# keymaps; Shift, AltGr, two keys in one report, a key held, a rollover
# error, the keypad) must come out as whole codes; scanner_gone.ioctl ends
# with the device unplugged (an URB failing with ENODEV).
dir=$top_srcdir/tests/drivers/fixtures
prog=$top_builddir/tests/drivers/test_scanner_usb
if ! command -v umockdev-run >/dev/null 2>&1; then
	echo "1..0 # SKIP umockdev-run not found (Debian package umockdev)"
	exit 0
fi
run() {
	SCANNER_CODES=$3 umockdev-run --device "$dir/scanner_full.umockdev" \
		--ioctl "/dev/bus/usb/001/003=$dir/scanner_$1.ioctl" -- "$prog" "$2"
}
[ -x "$prog" ] || { echo "Bail out! $prog is not built"; exit 99; }
# umockdev's preload library comes before the sanitizer's runtime.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
export ASAN_OPTIONS
# Three runs, one TAP stream: each numbers on from the one before.
n=0
rc=0
step() {
	out=$(TAP_FIRST=$n "$@")
	[ $? -eq 0 ] || rc=1
	printf '%s\n' "$out" | grep -q '^ok ' || echo "not ok $((n += 1)) - $2: the test program ran"
	printf '%s\n' "$out" | grep -v '^1\.\.'
	n=$((n + $(printf '%s\n' "$out" | grep -c '^\(not \)\{0,1\}ok ')))
}
step run us us '3017620422003|Ab-1/x|789'
step run fr fr '3017620422003|azerty@€|é&?'
SCANNER_GONE=1
export SCANNER_GONE
step run gone us '3017620422003'
echo "1..$n"
exit $rc
