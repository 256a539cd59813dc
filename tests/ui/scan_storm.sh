#!/bin/sh
# A scan storm in a real terminal: 2,000 keyboard-wedge scans interleaved
# with typed keys, first with a Ctrl-B prefix configured, then found by
# timing alone. Scans come many to one write, as an SSH client sends them;
# typed letters come alone or in the same write as the scan after them. Each
# ticket of 100 scans is paid, and the scan after the payment lands on the
# receipt screen. The screen must count every scan of a ticket once, the code
# line hold exactly the letters typed since the ticket began, and the
# database every unit scanned, on the product scanned.
. "$(dirname "$0")/lib.sh"

SCANS=${STORM_SCANS:-1000}    # per mode; two modes
PER_TICKET=100

ui_setup
ui_sql "SELECT b.code || '|' || p.sku FROM products p JOIN barcodes b ON b.product_id = p.id
         WHERE p.weighed = 0 AND p.active = 1 AND b.pack_qty = 1 AND length(b.code) = 13
           AND substr(b.code, 1, 1) <> '2'
         ORDER BY p.id LIMIT 12;" >"$UI_TMP/products"
[ "$(wc -l <"$UI_TMP/products")" -eq 12 ] || ui_bail "the demo shop has too few barcodes"

# plan MODE SEED: one step a line: "S n" scans product n, "T c" types the
# letter c on its own, "B c" types c in the same write as the next scan,
# "P" pays the ticket.
plan() {
	awk -v seed="$2" -v scans="$SCANS" -v per="$PER_TICKET" 'BEGIN {
		srand(seed)
		for (i = 1; i <= scans; i++) {
			r = rand()
			if (r < 0.05)
				print "T " substr("abcdefghijklmnopqrstuvwxyz", int(rand() * 26) + 1, 1)
			else if (r < 0.10)
				print "B " substr("abcdefghijklmnopqrstuvwxyz", int(rand() * 26) + 1, 1)
			print "S " int(rand() * 12) + 1
			if (i % per == 0)
				print "P"
		}
	}'
}

# The units on the ticket: the quantities of the screen's lines.
units() {
	ui_screen | sed -n '3,20p' | awk '$1 ~ /^[0-9]+$/ { n += $1 } END { print n + 0 }'
}

# wait_units N: until the ticket holds N units (10 s at most).
wait_units() {
	ui_i=0
	while [ "$ui_i" -lt 100 ]; do
		[ "$(units)" = "$1" ] && return 0
		sleep 0.1
		ui_i=$((ui_i + 1))
	done
	return 1
}

hex() {
	printf '%s' "$1" | od -An -tx1 | tr -s ' \n' '  '
}

# storm MODE: runs the plan, printing TAP; $first is the first ticket number.
storm() {
	mode=$1
	plan "$mode" "$2" >"$UI_TMP/plan.$mode"
	batch=
	n_batch=0
	typed=
	ticket=$first
	flush() {
		[ -n "$batch" ] && ui_bytes $batch
		batch=
		n_batch=0
	}
	pre=
	[ "$mode" = prefix ] && pre="02 "
	while read -r kind arg; do
		case $kind in
		S)
			code=$(sed -n "${arg}p" "$UI_TMP/products" | cut -d'|' -f1)
			batch="$batch $pre$(hex "$code") 0d"
			n_batch=$((n_batch + 1))
			[ "$n_batch" -ge 10 ] && flush
			;;
		B)
			batch="$batch $(hex "$arg")"
			typed="$typed$arg"
			;;
		T)
			typed="$typed$arg"
			if [ "$mode" = prefix ]; then
				batch="$batch $(hex "$arg")"
			else
				# a person's key: a pause before and after it
				flush
				sleep 0.1
				ui_bytes $(hex "$arg")
				sleep 0.1
			fi
			;;
		P)
			flush
			if ! wait_units "$PER_TICKET"; then
				ui_ok 1 "$mode: ticket $ticket holds its $PER_TICKET scans (not $(units))"
				return
			fi
			if ! ui_wait_row 22 "Code: $typed *\$" 5; then
				ui_ok 1 "$mode: ticket $ticket: the code line holds what was typed ($typed)"
				return
			fi
			typed=
			ui_keys F10
			ui_wait_for "Total due" 10 >/dev/null
			ui_keys Enter
			if ! ui_wait_for "Ticket $ticket " 20; then
				ui_ok 1 "$mode: ticket $ticket is recorded"
				return
			fi
			ticket=$((ticket + 1))
			;;
		esac
	done <"$UI_TMP/plan.$mode"
	ui_ok 0 "$mode: $SCANS scans sent in $((ticket - first)) tickets, each holding its $PER_TICKET scans and the keys typed"
}

# check MODE: the database against the plan, tickets from $first on.
check() {
	mode=$1
	awk '$1 == "S" { print $2 }' "$UI_TMP/plan.$mode" | sort -n | uniq -c |
		while read -r count idx; do
			sku=$(sed -n "${idx}p" "$UI_TMP/products" | cut -d'|' -f2)
			echo "$sku $count"
		done | sort >"$UI_TMP/want.$mode"
	ui_sql "SELECT l.sku || ' ' || sum(l.qty) FROM ticket_lines l JOIN tickets t ON t.id = l.ticket_id
	         WHERE t.number >= $first GROUP BY l.sku ORDER BY l.sku;" | sort >"$UI_TMP/got.$mode"
	if cmp -s "$UI_TMP/want.$mode" "$UI_TMP/got.$mode"; then
		ui_ok 0 "$mode: every scan is in the database once, on the product scanned"
	else
		ui_ok 1 "$mode: every scan is in the database once, on the product scanned"
		echo "# want | got"
		diff "$UI_TMP/want.$mode" "$UI_TMP/got.$mode" | sed 's/^/# /' | head -20
	fi
	ui_check "$mode: $((SCANS / PER_TICKET)) tickets recorded" \
		test "$(ui_sql "SELECT count(*) FROM tickets WHERE number >= $first;")" = $((SCANS / PER_TICKET))
}

cat >"$UI_TMP/prefix.conf" <<EOF
[scanner]
prefix = ctrl-b
suffix = enter
EOF
first=1
ui_start LANG=C.UTF-8 LC_ALL=C.UTF-8 COMPTOIR_CONFIG="$UI_TMP/prefix.conf"
ui_wait_for "Code:" >/dev/null || ui_bail "the counter screen did not open"
storm prefix 7
ui_stop
check prefix

first=$(( $(ui_sql "SELECT max(number) FROM tickets;") + 1 ))
cat >"$UI_TMP/timing.conf" <<EOF
[scanner]
timing = on
EOF
ui_start LANG=C.UTF-8 LC_ALL=C.UTF-8 COMPTOIR_CONFIG="$UI_TMP/timing.conf"
ui_wait_for "Code:" >/dev/null || ui_bail "the counter screen did not open"
storm timing 11
ui_stop
check timing

ui_done
