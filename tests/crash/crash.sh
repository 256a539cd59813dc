#!/bin/sh
# The crash test: four tills sell CRASH_SALES sales each (1,000 by default)
# on one database while this script kills one of them with SIGKILL at random
# moments and starts it again. Afterwards: comptoir verify passes, ticket
# numbers are gapless, and each product's stock is its initial stock minus
# what the committed tickets sold.
. "$top_srcdir/tests/lib/sh-tap.sh"
SELLER="$top_builddir/tests/crash/seller"
SALES=${CRASH_SALES:-1000}
demo_db FR

# Per product and location: the tills sell from the shop's default location
# (the first one); the demo's other locations (its warehouse) keep theirs.
sql "select product_id, location_id, qty from stock" >"$T/stock0"

start() { "$SELLER" "$DB" "$1" "$SALES" 2>>"$T/seller$1.err" & echo $! >"$T/pid$1"; }
for w in 1 2 3 4; do start $w; done

kills=0
rounds=0
# Random pauses of 20 to 300 ms, from /dev/urandom.
rnd() { od -An -N2 -tu2 /dev/urandom | tr -d ' '; }
while :; do
	running=0
	for w in 1 2 3 4; do
		[ -f "$T/pid$w" ] || continue
		if kill -0 "$(cat "$T/pid$w")" 2>/dev/null; then
			running=$((running + 1))
		else
			wait "$(cat "$T/pid$w")" 2>/dev/null
			st=$?
			rm -f "$T/pid$w"
			[ "$st" -eq 0 ] || [ "$st" -eq 137 ] || echo "# till $w ended with status $st"
			[ "$st" -eq 0 ] || start $w
			[ "$st" -eq 0 ] || running=$((running + 1))
		fi
	done
	[ "$running" -eq 0 ] && break
	rounds=$((rounds + 1))
	[ "$rounds" -gt 20000 ] && { echo "# giving up after $rounds rounds"; break; }
	ms=$(( $(rnd) % 280 + 20 ))
	sleep "$(printf '0.%03d' "$ms")"
	if [ "$kills" -lt 60 ]; then
		w=$(( $(rnd) % 4 + 1 ))
		if [ -f "$T/pid$w" ] && kill -9 "$(cat "$T/pid$w")" 2>/dev/null; then
			kills=$((kills + 1))
		fi
	fi
done
echo "# $kills tills killed with SIGKILL"
ok $([ "$kills" -ge 10 ] && echo 0 || echo 1) "the tills were killed at least ten times ($kills)"
cat "$T"/seller*.err 2>/dev/null | grep -v '^$' | sed 's/^/# seller: /' | head -5

for w in 1 2 3 4; do
	is "$(sql "select count(*) from tickets where terminal = 'crash-$w'")" "$SALES" \
		"till $w committed $SALES sales in the end"
done
total=$((SALES * 4))
is "$(sql "select count(*) || ' ' || min(number) || ' ' || max(number) from tickets")" \
	"$total 1 $total" "ticket numbers are gapless: 1 to $total"
is "$(sql "select count(*) from journal where kind = 'sale'")" "$total" "one journal record per ticket"
run "$COMPTOIR" verify --db "$DB"
is "$rc" 0 "verify passes after the kills"
like "$out" "$total tickets" "  and checked every ticket"
# Stock now = stock before - what committed tickets sold, product by product.
sql "select product_id, qty from stock" >"$T/stock1"
"$SQLITE3_BIN" "$DB" >"$T/diff" 2>&1 <<EOSQL
create temp table s0(p integer, loc integer, q integer);
.mode list
.separator |
.import '$T/stock0' s0
select count(*) from s0 join stock s on s.product_id = s0.p and s.location_id = s0.loc
 where s.qty <> s0.q - case when s0.loc = (select min(id) from locations)
                       then coalesce((select sum(l.qty) from ticket_lines l
                                      where l.product_id = s0.p and l.voided = 0), 0)
                       else 0 end;
EOSQL
is "$(cat "$T/diff")" 0 "each product's stock is its initial stock minus what was sold"
is "$(sql "select count(*) from stock") " "$(wc -l <"$T/stock0") " "no stock row came or went"
is "$(sql "pragma integrity_check")" ok "the database file is intact"

done_testing
