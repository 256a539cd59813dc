#!/bin/sh
# The USB HID scanner reader against umockdev's fake scanner: boot reports
# replayed from tests/drivers/fixtures/scanner_{us,fr}.ioctl (US and French
# keymaps; Shift, AltGr, two keys in one report, a key held, a rollover
# error, the keypad) must come out as whole codes.
dir=$top_srcdir/tests/drivers/fixtures
prog=$top_builddir/tests/drivers/test_scanner_usb
if ! command -v umockdev-run >/dev/null 2>&1; then
	echo "1..0 # SKIP umockdev-run not found (Debian package umockdev)"
	exit 0
fi
run() {
	SCANNER_CODES=$2 umockdev-run --device "$dir/scanner_full.umockdev" \
		--ioctl "/dev/bus/usb/001/003=$dir/scanner_$1.ioctl" -- "$prog" "$1"
}
[ -x "$prog" ] || { echo "Bail out! $prog is not built"; exit 99; }
# Two runs, one TAP stream: the second run's numbers follow the first's.
out=$(run us '3017620422003|Ab-1/x|789')
rc1=$?
printf '%s\n' "$out" | grep -v '^1\.\.'
n=$(printf '%s\n' "$out" | grep -c '^\(not \)\{0,1\}ok ')
out=$(TAP_FIRST=$n run fr '3017620422003|azerty@€|é&?')
rc2=$?
printf '%s\n' "$out"
[ "$rc1" -eq 0 ] && [ "$rc2" -eq 0 ]
