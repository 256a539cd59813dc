#!/bin/sh
# Receipt jobs and the cash drawer from the command line: a job kept when the
# printer fails, listed, retried on its printer or another, printed once even
# when two processes retry it together; the drawer opens on cash sales and,
# without a sale, only by right, recorded in the journal.
. "$top_srcdir/tests/lib/sh-tap.sh"
demo_db FR

run "$COMPTOIR" print-jobs --db "$DB"
is "$out" "no receipt is waiting to print" "no job in a new shop"
run "$COMPTOIR" sell --db "$DB" BAK-0001 --printer "dev:$T/missing/lp0"
is "$rc" 0 "a sale whose printer is missing succeeds"
like "$err" "warning: the receipt was not printed" "  with a warning"
run "$COMPTOIR" print-jobs --db "$DB"
like "$out" "^job 1  ticket 1 .* dev:$T/missing/lp0  tries 1: cannot open" \
	"print-jobs lists it with why it failed"
run "$COMPTOIR" print-jobs --db "$DB" retry 1
is "$rc" 1 "retrying on the missing printer fails"
is "$(sql "select state || ' ' || attempts from print_jobs")" "pending 2" "  the job waits, tried twice"
run "$COMPTOIR" print-jobs --db "$DB" retry 1 --printer "file:$T/r.txt"
is "$rc" 0 "retry to another printer"
is "$out" "job 1 printed" "  says so"
ok $(grep -q "TOTAL" "$T/r.txt"; echo $?) "  the receipt is in the file"
ok $(grep -q "COPY" "$T/r.txt"; [ $? -ne 0 ]; echo $?) "  not marked as a copy (the first print)"
run "$COMPTOIR" print-jobs --db "$DB" retry 1 --printer "file:$T/r.txt"
is "$rc" 1 "a printed job is never printed again by retry"
like "$err" "printed already; print a copy with comptoir receipt" "  pointing at the copy"
is "$(grep -c TOTAL "$T/r.txt")" 1 "  the file holds one receipt"

# Two processes retry the same job at once: it prints once.
for i in 1 2 3 4 5; do
	"$COMPTOIR" sell --db "$DB" BAK-0002 --printer "dev:$T/missing/lp0" >/dev/null 2>&1
done
"$COMPTOIR" print-jobs --db "$DB" retry all --printer "file:$T/both.txt" >"$T/a.out" 2>&1 &
"$COMPTOIR" print-jobs --db "$DB" retry all --printer "file:$T/both.txt" >"$T/b.out" 2>&1
wait
is "$(grep -c TOTAL "$T/both.txt")" 5 "two processes retrying five jobs print each once"
is "$(sql "select count(*) from print_jobs where state = 'pending'")" 0 "  and none is left"
run "$COMPTOIR" print-jobs --db "$DB" retry x
is "$rc" 2 "retry of a non-number is a usage error"
run "$COMPTOIR" print-jobs --db "$DB" retry 99
is "$rc" 1 "retry of an unknown job is refused"
like "$err" "no print job 99" "  saying so"
run "$COMPTOIR" print-jobs --db "$DB" retry 1 --printer lpt1
is "$rc" 1 "a bad printer URI is refused"

# Each till sees its own waiting receipts; --all shows every till's.
printf '[comptoir]\nterminal = till-2\n' >"$T/till2.conf"
COMPTOIR_CONFIG="$T/till2.conf" "$COMPTOIR" sell --db "$DB" BAK-0001 --printer "dev:$T/missing/lp0" \
	>/dev/null 2>&1
run "$COMPTOIR" print-jobs --db "$DB"
is "$out" "no receipt is waiting to print" "till-1 does not list till-2's receipt"
run "$COMPTOIR" print-jobs --db "$DB" --all
like "$out" "^job [0-9]+  ticket [0-9]+ .*missing/lp0" "--all lists it"

# The drawer.
printf '[printer]\nuri = file:%s/p.bin\nprofile = generic-80\ndrawer = 5\n' "$T" >"$T/c.conf"
COMPTOIR_CONFIG="$T/c.conf" run "$COMPTOIR" sell --db "$DB" BAK-0001
is "$rc" 0 "a cash sale with a drawer on pin 5"
ok $(od -An -tx1 "$T/p.bin" | tr -d ' \n' | grep -q '1b7001'; echo $?) "  sends ESC p 1 (pin 5)"
rm -f "$T/p.bin"
COMPTOIR_CONFIG="$T/c.conf" run "$COMPTOIR" sell --db "$DB" BAK-0001 --pay card:1.30:AUTH1
ok $(od -An -tx1 "$T/p.bin" | tr -d ' \n' | grep -q '1b7001'; [ $? -ne 0 ]; echo $?) \
	"a card sale does not open the drawer"
COMPTOIR_CONFIG="$T/c.conf" run "$COMPTOIR" drawer --db "$DB" --reason "float check"
is "$rc" 1 "no-sale without a user is refused"
like "$err" "needs the right to open the drawer without a sale" "  saying which right"
COMPTOIR_CONFIG="$T/c.conf" run "$COMPTOIR" drawer --db "$DB" --reason "float check" \
	--user anna --pin 1111
is "$rc" 1 "a cashier may not open the drawer without a sale"
is "$(sql "select count(*) from journal where kind = 'no_sale'")" 0 "  nothing recorded"
size=$(wc -c <"$T/p.bin")
COMPTOIR_CONFIG="$T/c.conf" run "$COMPTOIR" drawer --db "$DB" --reason "float check" \
	--user anna --pin 1111 --approver bruno --approver-pin 2222
is "$rc" 0 "with a supervisor's approval it opens"
ok $([ "$(wc -c <"$T/p.bin")" -gt "$size" ]; echo $?) "  the pulse went to the printer"
is "$(sql "select user_name || '/' || approver from journal where kind = 'no_sale'")" "anna/bruno" \
	"  recorded with both names"
COMPTOIR_CONFIG="$T/c.conf" run "$COMPTOIR" drawer --db "$DB" --reason "" --user bruno --pin 2222
is "$rc" 1 "a no-sale needs a reason"
run "$COMPTOIR" drawer --db "$DB" --reason "x" --user bruno --pin 2222
is "$rc" 1 "no drawer configured: refused"
like "$err" "no cash drawer is set up" "  saying how to set one"
run "$COMPTOIR" drawer --db "$DB"
is "$rc" 2 "drawer without --reason is a usage error"
printf '[printer]\ndrawer = 3\n' >"$T/bad.conf"
COMPTOIR_CONFIG="$T/bad.conf" run "$COMPTOIR" print-jobs --db "$DB"
is "$rc" 1 "drawer = 3 in the config is refused"
like "$err" "drawer must be 2, 5 or none" "  naming the values"
run "$COMPTOIR" verify --db "$DB"
is "$rc" 0 "the journal verifies"
done_testing
