# TAP for comptoir's shell tests: sourced, then ok/is/like/done_testing.
# COMPTOIR is the program under test; each test gets its own temporary folder.
: "${COMPTOIR:=$(pwd)/comptoir}"
: "${SQLITE3_BIN:=sqlite3}"
tap_n=0
tap_failed=0
T=$(mktemp -d "${TMPDIR:-/tmp}/comptoir-test.XXXXXX")
trap 'rm -rf "$T"' EXIT

ok() { # ok STATUS DESCRIPTION  (STATUS 0 = pass)
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_failed=$((tap_failed + 1))
	fi
}

is() { # is GOT WANT DESCRIPTION
	if [ "$1" = "$2" ]; then
		ok 0 "$3"
	else
		ok 1 "$3"
		printf '#   got: %s\n#   expected: %s\n' "$1" "$2"
	fi
}

like() { # like TEXT PATTERN DESCRIPTION  (grep -E pattern)
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		ok 0 "$3"
	else
		ok 1 "$3"
		printf '%s\n' "$1" | sed 's/^/#   /' | head -20
		printf '#   expected to match: %s\n' "$2"
	fi
}

unlike() { # unlike TEXT PATTERN DESCRIPTION
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		ok 1 "$3"
		printf '%s\n' "$1" | sed 's/^/#   /' | head -20
	else
		ok 0 "$3"
	fi
}

skip_all() {
	echo "1..0 # SKIP $1"
	exit 0
}

done_testing() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}

# run CMD...: sets $out, $err and $rc
run() {
	"$@" >"$T/out" 2>"$T/err"
	rc=$?
	out=$(cat "$T/out")
	err=$(cat "$T/err")
}

sql() { "$SQLITE3_BIN" -cmd ".timeout 5000" "$DB" "$@"; }

# A fresh demo shop for this test (FR unless given).
demo_db() {
	DB="$T/shop.db"
	"$COMPTOIR" init --demo --db "$DB" --country "${1:-FR}" >/dev/null || {
		echo "Bail out! cannot create the demo shop"
		exit 1
	}
}
