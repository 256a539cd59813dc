# Helpers for the screen tests, sourced by tests/ui/*.sh: a private tmux
# server runs comptoir at a fixed size, send-keys types, capture-pane reads the
# screen back; results are printed as TAP. POSIX sh.
#
# Environment: COMPTOIR (the built program, default ./comptoir), TMUX_BIN,
# SQLITE3_BIN (default tmux and sqlite3 from PATH).

: "${COMPTOIR:=./comptoir}"
[ -n "${TMUX_BIN:-}" ] || TMUX_BIN=tmux
[ -n "${SQLITE3_BIN:-}" ] || SQLITE3_BIN=sqlite3
unset TMUX
export LANG="${LANG:-C.UTF-8}"
unset LC_ALL

ui_n=0
ui_failed=0
UI_TMP=
UI_SOCK=comptoir-test-$$

ui_skip_all() {
	echo "1..0 # SKIP $*"
	exit 0
}

ui_bail() {
	echo "Bail out! $*"
	exit 99
}

command -v "$TMUX_BIN" >/dev/null 2>&1 || ui_skip_all "tmux not found"
command -v "$SQLITE3_BIN" >/dev/null 2>&1 || ui_skip_all "sqlite3 (command line) not found"
[ -x "$COMPTOIR" ] || ui_bail "$COMPTOIR is not built"

ui_tmux() {
	"$TMUX_BIN" -L "$UI_SOCK" -f /dev/null "$@"
}

ui_cleanup() {
	ui_tmux kill-server >/dev/null 2>&1
	[ -n "$UI_TMP" ] && rm -rf "$UI_TMP"
}

# Makes a demo shop in a fresh folder: $DB.
ui_setup() {
	UI_TMP=$(mktemp -d "${TMPDIR:-/tmp}/comptoir-ui.XXXXXX") || ui_bail "mktemp failed"
	trap ui_cleanup EXIT
	trap 'exit 1' INT TERM HUP
	DB=$UI_TMP/shop.db
	"$COMPTOIR" init --demo --db "$DB" >"$UI_TMP/init.out" 2>&1 ||
		ui_bail "comptoir init --demo failed: $(head -n 3 "$UI_TMP/init.out")"
}

# ui_start [VAR=VALUE...]: runs the screens on $DB in a window of
# ${UI_COLS:-80}x${UI_LINES:-24}, with these variables in its environment.
# The program's pid goes to $UI_TMP/pid, its stderr to $UI_TMP/stderr, the
# terminal modes before and after it to $UI_TMP/stty.before and .after; when
# it ends, the window shows "[exit STATUS]".  Its input is the window, or
# with UI_STDIN=FILE that file, or with UI_STDIN=pipe a pipe already closed.
ui_start() {
	{
		echo 'stty -g >"$UI_TMP/stty.before"'
		[ "${UI_STDIN:-}" = pipe ] && printf ': | '
		printf 'sh -c '\''echo $$ >"$0"; exec "$@"'\'' "$UI_TMP/pid" env'
		for ui_a in "$@"; do
			printf " '%s'" "$ui_a"
		done
		printf ' "$COMPTOIR" --db "$DB" 2>"$UI_TMP/stderr"'
		case ${UI_STDIN:-} in
		'' | pipe) echo ;;
		*) echo " <'$UI_STDIN'" ;;
		esac
		echo 'ui_status=$?'
		echo 'stty -g >"$UI_TMP/stty.after"'
		echo 'echo "[exit $ui_status]"'
		echo 'exec sleep 3600'
	} >"$UI_TMP/run.sh"
	ui_tmux new-session -d -s ui -x "${UI_COLS:-80}" -y "${UI_LINES:-24}" \
		"UI_TMP='$UI_TMP' COMPTOIR='$COMPTOIR' DB='$DB' sh '$UI_TMP/run.sh'" ||
		ui_bail "tmux new-session failed"
	# A shop with users asks who is at the till first: the tests log in as
	# anna the cashier unless UI_LOGIN=no (or the input is not the window).
	if [ "${UI_LOGIN:-yes}" = yes ] && [ -z "${UI_STDIN:-}" ] &&
		[ "$("$SQLITE3_BIN" "$DB" 'select count(*) from users' 2>/dev/null)" != 0 ]; then
		ui_login anna 1111 || ui_bail "could not log in as anna"
	fi
}

# ui_login USER PIN: answers the log-in prompts; 1 when they did not come
# or did not go away.
ui_login() {
	ui_wait_for "User name:" || return 1
	ui_type "$1"
	ui_keys Enter
	ui_wait_for "PIN of $1:" || return 1
	ui_type "$2"
	ui_keys Enter
	ui_wait_gone "PIN of $1:"
}

# Ends the window and its tmux server, so that ui_start can run again.
ui_stop() {
	ui_tmux kill-server >/dev/null 2>&1
	ui_i=0
	while ui_tmux has-session -t ui >/dev/null 2>&1 && [ "$ui_i" -lt 50 ]; do
		sleep 0.1
		ui_i=$((ui_i + 1))
	done
	rm -f "$UI_TMP/pid" "$UI_TMP/stderr" "$UI_TMP/stty.before" "$UI_TMP/stty.after"
}

# Whether the program gave the terminal back as it found it.
ui_terminal_restored() {
	[ -s "$UI_TMP/stty.after" ] && cmp -s "$UI_TMP/stty.before" "$UI_TMP/stty.after"
}

# Keys by tmux name (Enter, Escape, F10, Up, C-u...).
ui_keys() {
	ui_tmux send-keys -t ui "$@"
}

# Text typed as is.
ui_type() {
	ui_tmux send-keys -t ui -l -- "$1"
}

# Bytes sent as they are, in hex (e9 42 0d), whatever the locale.
ui_bytes() {
	ui_tmux send-keys -t ui -H "$@"
}

# Esc then a digit: F1..F10 for terminals without function keys.
ui_esc() {
	ui_tmux send-keys -t ui Escape "$1"
}

ui_screen() {
	ui_tmux capture-pane -p -t ui
}

# Row N of the screen (0 is the top).
ui_row() {
	ui_screen | sed -n "$(($1 + 1))p"
}

# ui_wait_for TEXT [SECONDS]: polls the screen every 0.1 s until TEXT (fixed
# string) shows; 1 when it did not within SECONDS (default 10).
ui_wait_for() {
	ui_i=0
	ui_max=$((${2:-10} * 10))
	while [ "$ui_i" -lt "$ui_max" ]; do
		ui_screen | grep -F -q -- "$1" && return 0
		sleep 0.1
		ui_i=$((ui_i + 1))
	done
	return 1
}

# ui_wait_gone TEXT [SECONDS]: until TEXT is no longer on the screen.
ui_wait_gone() {
	ui_i=0
	ui_max=$((${2:-10} * 10))
	while [ "$ui_i" -lt "$ui_max" ]; do
		ui_screen | grep -F -q -- "$1" || return 0
		sleep 0.1
		ui_i=$((ui_i + 1))
	done
	return 1
}

# ui_row_is N REGEX: whether row N matches the extended regex now.
ui_row_is() {
	ui_row "$1" | grep -E -q -- "$2"
}

# ui_wait_row N REGEX [SECONDS]: until row N matches the extended regex.
ui_wait_row() {
	ui_i=0
	ui_max=$((${3:-10} * 10))
	while [ "$ui_i" -lt "$ui_max" ]; do
		ui_row "$1" | grep -E -q -- "$2" && return 0
		sleep 0.1
		ui_i=$((ui_i + 1))
	done
	return 1
}

ui_diag() {
	ui_screen 2>/dev/null | sed 's/^/# | /'
	if [ -n "$UI_TMP" ] && [ -s "$UI_TMP/stderr" ]; then
		sed 's/^/# stderr: /' "$UI_TMP/stderr"
	fi
}

# ui_ok STATUS DESCRIPTION: one TAP line; the screen goes to the log on failure.
ui_ok() {
	ui_n=$((ui_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $ui_n - $2"
	else
		echo "not ok $ui_n - $2"
		ui_failed=$((ui_failed + 1))
		ui_diag
	fi
}

# ui_check DESCRIPTION COMMAND...: ok when the command succeeds.
ui_check() {
	ui_desc=$1
	shift
	if "$@"; then
		ui_ok 0 "$ui_desc"
	else
		ui_ok 1 "$ui_desc"
	fi
}

ui_done() {
	echo "1..$ui_n"
	[ "$ui_failed" -eq 0 ] && exit 0
	exit 1
}

ui_sql() {
	"$SQLITE3_BIN" -cmd ".timeout 5000" -batch -noheader -separator '|' "$DB" "$1"
}

# A product to sell by barcode: one unit per code, not weighed, in stock, with
# a name short enough to show whole; EXTRA is more SQL for the WHERE clause.
# Prints "code|sku|name|price" (price in minor units).
ui_pick_product() {
	ui_sql "SELECT b.code, p.sku, p.name, p.price
	          FROM products p JOIN barcodes b ON b.product_id = p.id
	         WHERE p.weighed = 0 AND p.active = 1 AND b.pack_qty = 1
	           AND p.price BETWEEN 100 AND 30000 AND length(p.name) <= 36
	           AND length(b.code) = 13
	           AND (SELECT coalesce(sum(qty), 0) FROM stock s WHERE s.product_id = p.id) >= 10
	           ${1:+AND $1}
	         ORDER BY p.id LIMIT 1 OFFSET ${2:-0};"
}

# "3,99" or "3.99": a price in minor units as a regex that fits either mark.
ui_price_re() {
	printf '%d[.,]%02d' $(($1 / 100)) $(($1 % 100))
}

# Text as an extended regex that matches it literally.
ui_re_escape() {
	printf '%s\n' "$1" | sed 's/[][\\.*^$(){}?+|]/\\&/g'
}
