#!/bin/sh
# comptoir shift (open, cash, x, close) and comptoir close (day, month,
# year): drawer arithmetic, Z totals against the tickets, rights, and
# verify over all of it.
. "$top_srcdir/tests/lib/sh-tap.sh"
demo_db FR
C="$COMPTOIR"
# The demo shop's admin adds this test's own users.
"$C" user add boss --role admin --new-pin 1234 --user admin --pin 9999 --db "$DB" >/dev/null &&
"$C" user add sup --role supervisor --new-pin 2222 --user boss --pin 1234 --db "$DB" >/dev/null &&
"$C" user add cash1 --role cashier --new-pin 1111 --user boss --pin 1234 --db "$DB" >/dev/null ||
	{ echo "Bail out! cannot add the users"; exit 1; }
BOSS="--user boss --pin 1234"
CASHIER="--user cash1 --pin 1111"
SUP="--approver sup --approver-pin 2222"

# Cents as the command line prints them.
fmt() { sql "select printf('%s%d.%02d', case when $1 < 0 then '-' else '' end,
                           abs($1) / 100, abs($1) % 100)"; }

sku=$(sql "select sku from products where weighed = 0 and price > 0 order by id limit 1")
price=$(sql "select price from products where sku = '$sku'")

run "$C" sell --db "$DB" "$sku"
is "$(sql "select coalesce(shift_id, 0) from tickets where number = 1")" 0 \
	"a sale without an open shift is allowed and has no shift"

run "$C" shift open --float 150 --db "$DB"
is "$rc" 1 "opening a shift needs a user in a shop with users"
like "$err" "^comptoir: log in" "says to log in"
run "$C" shift open --float abc --db "$DB" $CASHIER
is "$rc" 1 "a float that is not an amount is refused"
like "$err" "^comptoir: --float 'abc'" "names the option"
run "$C" shift open --float -5 --db "$DB"
is "$rc" 1 "a negative float is refused"
run "$C" shift open --db "$DB"
is "$rc" 2 "shift open without --float is wrong usage"
like "$err" "^comptoir: shift open needs --float" "says what is missing"
run "$C" shift open --float 150 --count 50x3 --db "$DB"
is "$rc" 2 "an option of another verb is wrong usage"
run "$C" shift --db "$DB"
is "$rc" 2 "shift without a verb is wrong usage"
run "$C" shift --help
is "$rc" 0 "shift --help"
like "$out" "shift open --float AMOUNT" "shows the verbs"

run "$C" shift open --float 150 --db "$DB" $CASHIER
is "$rc" 0 "a cashier opens a shift"
is "$(echo "$out" | head -1)" "shift 1 open float 150.00" "first line: shift, number and float"
run "$C" shift open --float 100 --db "$DB" $BOSS
is "$rc" 1 "a second shift on the same terminal is refused"
like "$err" "already open" "says so"

run "$C" sell --db "$DB" "$sku*2" --pay cash:50
is "$rc" 0 "cash sale with change"
run "$C" sell --db "$DB" "$sku" --pay "card:$(fmt "$price"):AUTH1"
is "$rc" 0 "card sale"
run "$C" sell --db "$DB" "$sku*3"
is "$rc" 0 "exact cash sale"
is "$(sql "select group_concat(coalesce(shift_id, 0)) from tickets order by number")" "0,1,1,1" \
	"sales record the open shift"

run "$C" shift cash --in 20 --reason "coins from the bank" --db "$DB" $CASHIER
is "$rc" 1 "a cashier may not move cash"
like "$err" "^comptoir: cash1 \(cashier\) may not" "says who and why"
run "$C" shift cash --in 20 --reason "coins from the bank" --db "$DB" $CASHIER $SUP
is "$rc" 0 "a supervisor's approval lets the cashier move cash"
is "$(echo "$out" | head -1 | cut -d' ' -f1-5)" "shift 1 cash in 20.00" "first line: cash in"
is "$(sql "select user_name || '/' || approver from journal where kind = 'cash_move'")" \
	"cash1/sup" "the journal records the cashier and the approver"
run "$C" shift cash --out 5.50 --reason "window cleaner" --db "$DB" $BOSS
is "$rc" 0 "an admin takes cash out"
run "$C" shift cash --out 100000 --reason "too much" --db "$DB" $BOSS
is "$rc" 1 "taking out more than the drawer holds is refused"
like "$err" "should hold" "says what the drawer should hold"
run "$C" shift cash --in 5 --db "$DB"
is "$rc" 2 "cash without a reason is wrong usage"
run "$C" shift cash --in 5 --out 5 --reason x --db "$DB"
is "$rc" 2 "cash in and out together is wrong usage"
run "$C" shift cash --in 0 --reason "nothing" --db "$DB" $BOSS
is "$rc" 1 "moving zero is refused"
is "$(sql "select count(*) || ' ' || sum(amount) from cash_moves")" "2 1450" \
	"two cash moves stored (+20.00, -5.50)"

# What the drawer should hold, from the tickets and payments tables.
cash_in_sales=$(sql "select coalesce(sum(p.amount), 0) from payments p join tickets t
                     on t.id = p.ticket_id where t.shift_id = 1 and p.method = 'cash'")
change=$(sql "select coalesce(sum(change), 0) from tickets where shift_id = 1")
expected=$((15000 + cash_in_sales - change + 2000 - 550))
shift_total=$(sql "select sum(total) from tickets where shift_id = 1")

run "$C" shift x --db "$DB" $CASHIER
is "$rc" 1 "a cashier may not see the X report"
run "$C" shift x --db "$DB" $BOSS
is "$rc" 0 "X report"
is "$(echo "$out" | head -1)" "shift 1 x total $(fmt "$shift_total") expected $(fmt "$expected")" \
	"X: the shift's total and the cash expected (float + cash - change + in - out)"
like "$out" "^  card +$(fmt "$price")\$" "X: the card total"
like "$out" "^  cash +$(fmt $((cash_in_sales - change)))\$" "X: the cash total, change deducted"
like "$out" "5\.5 %" "X: per tax rate"

run "$C" shift close --count 50x3,0.03x1 --db "$DB" $BOSS
is "$rc" 1 "a coin the euro does not have is refused"
like "$err" "^comptoir: --count .*0\.03x1" "names it"
run "$C" shift close --count 50x3,10x2 --db "$DB" $CASHIER
is "$rc" 1 "a cashier may not close the shift"
run "$C" shift close --count 50x3,10x2 --count 0.50x3 --db "$DB" $BOSS
is "$rc" 0 "close the shift counted by denomination"
counted=17150
is "$(echo "$out" | head -1)" \
	"shift 1 closed expected $(fmt "$expected") counted 171.50 difference $(fmt $((counted - expected)))" \
	"first line: expected, counted, difference"
like "$out" "^  0\.50 x 3 +1\.50\$" "the count is shown per denomination"
is "$(sql "select expected || ' ' || counted || ' ' || (closed_at > 0) from shifts where id = 1")" \
	"$expected $counted 1" "the shift row holds expected and counted"
like "$(sql "select payload from journal where kind = 'shift_close'")" \
	"difference $((counted - expected))" "the difference is in the journal"
run "$C" shift x --db "$DB" $BOSS
is "$rc" 1 "no X report once the shift is closed"
run "$C" shift x --shift 1 --db "$DB" $BOSS
is "$rc" 0 "a closed shift's X report by number"
like "$out" "^  Counted in the drawer +171\.50\$" "with what was counted"
run "$C" sell --db "$DB" "$sku"
is "$(sql "select coalesce(shift_id, 0) from tickets where number = 5")" 0 \
	"after the close, sales have no shift"
is "$(sql "select group_concat(kind, ',') from (select kind from journal
           where kind like 'shift%' or kind = 'cash_move' order by seq)")" \
	"shift_open,cash_move,cash_move,shift_close" "each step is a journal record"

# A suspended ticket is listed at closing.
sql "insert into suspended(created_at, terminal, user_name, customer_code, idem_key, total,
     entries) values (strftime('%s', 'now'), 'till-2', 'cash1', '', 'k', 1234, '')"

day=$(sql "select date(created_at, 'unixepoch', 'localtime') from tickets where number = 2")
ymd=$(echo "$day" | tr -d -)
day_total=$(sql "select sum(total) from tickets
                 where date(created_at, 'unixepoch', 'localtime') = '$day'")
all_total=$(sql "select sum(total) from tickets")
run "$C" close day --date "$day" --db "$DB" $CASHIER
is "$rc" 1 "a cashier may not close the day"
run "$C" close day --date "$day" --db "$DB" $CASHIER $SUP
is "$rc" 0 "Z with a supervisor's approval"
is "$(echo "$out" | head -1 | cut -d' ' -f1-6)" \
	"Z $day total $(fmt "$day_total") perpetual $(fmt "$all_total")" \
	"Z: the day's total equals the sum of the tickets; the perpetual total"
day_cash=$(sql "select sum(p.amount) from payments p join tickets t on t.id = p.ticket_id
                where p.method = 'cash' and date(t.created_at, 'unixepoch', 'localtime') = '$day'")
day_change=$(sql "select sum(change) from tickets
                  where date(created_at, 'unixepoch', 'localtime') = '$day'")
like "$out" "^  cash +$(fmt $((day_cash - day_change)))\$" "Z: cash equals the cash payments less change"
like "$out" "^  card +$(fmt "$price")\$" "Z: card equals the card payments"
rate_gross=$(sql "select sum(gross) from ticket_lines where tax_rate = 550")
like "$out" "5\.5 % +[0-9.]+ +[0-9.]+ +$(fmt "$rate_gross")\$" "Z: gross per tax rate equals the lines"
like "$out" "^  Period +$(fmt "$day_total")\$" "Z: the day's grand total from the journal"
like "$out" "WARNING: 1 suspended ticket" "Z: the suspended ticket is listed"
like "$out" "suspended 1 on till-2 by cash1 .*12\.34" "Z: with its terminal, user and total"
like "$out" "shift 1 on till-1 \(boss\): expected $(fmt "$expected"), counted 171.50, difference $(fmt $((counted - expected)))" \
	"Z: the shift closed that day, expected against counted"
payload=$(sql "select payload from journal where kind = 'close_day' and ref = $ymd")
like "$payload" "^shift_closed 1 $expected $counted $((counted - expected))\$" \
	"the close_day record carries the shift's difference"
like "$payload" "^sales $day_total\$" "the close_day record carries the totals"
like "$payload" "^suspended_ticket 1 " "and the suspended ticket"
is "$(sql "select approver from journal where kind = 'close_day'")" "sup" "the approver is recorded"
run "$C" close day --date "$day" --db "$DB" $BOSS
is "$rc" 1 "a day cannot be closed twice"
like "$err" "^comptoir: $day is already closed" "says so"

# A sale after the day's Z: the month counts it and says no Z covers it.
run "$C" sell --db "$DB" "$sku"
late_day=$(sql "select date(created_at, 'unixepoch', 'localtime') from tickets
                order by number desc limit 1")
all_total=$(sql "select sum(total) from tickets")
month=$(echo "$day" | cut -c1-7)
year=$(echo "$day" | cut -c1-4)
run "$C" close month --month "$month" --db "$DB" $BOSS
is "$rc" 0 "monthly closing"
is "$(echo "$out" | head -1 | cut -d' ' -f1-4)" "Z $month total $(fmt "$all_total")" \
	"the month sums its sales"
like "$out" "WARNING: $late_day has sales that no daily closing covers" \
	"the month names a day with a sale after its Z"
run "$C" close month --month "$month" --db "$DB" $BOSS
is "$rc" 1 "a month cannot be closed twice"
run "$C" close year --year "$year" --db "$DB" $BOSS
is "$rc" 0 "yearly closing"
is "$(echo "$out" | head -1 | cut -d' ' -f1-4)" "Z $year total $(fmt "$all_total")" \
	"the year sums its sales"
before=$(sql "select date('$day', '-1 day')")
run "$C" close day --date "$before" --db "$DB" $BOSS
is "$(echo "$out" | head -1 | cut -d' ' -f1-6)" "Z $before total 0.00 perpetual 0.00" \
	"an empty day closes at zero"
run "$C" close year --year 2999 --db "$DB" $BOSS
is "$rc" 1 "a year not yet begun cannot be closed"
run "$C" close day --date 2026-02-30 --db "$DB"
is "$rc" 1 "an impossible date is refused"
like "$err" "^comptoir: '2026-02-30' is not a valid period" "says so"
run "$C" close day --month 2026-01 --db "$DB"
is "$rc" 2 "--month with close day is wrong usage"
run "$C" close week --db "$DB"
is "$rc" 2 "an unknown period is wrong usage"
run "$C" close --help
is "$rc" 0 "close --help"
like "$out" "close day \[--date YYYY-MM-DD\]" "shows the periods"

run "$C" verify --db "$DB"
is "$rc" 0 "verify passes after shifts and closings"

# The totals of a closing are covered by the hash chain.
cp "$DB" "$T/tamper.db"
"$SQLITE3_BIN" "$T/tamper.db" "drop trigger journal_no_update;
  update journal set payload = replace(payload, 'sales $day_total', 'sales 1')
  where kind = 'close_day'"
seq=$("$SQLITE3_BIN" "$T/tamper.db" "select seq from journal where kind = 'close_day'")
run "$C" verify --db "$T/tamper.db"
is "$rc" 1 "an edited Z total breaks verify"
like "$err" "record $seq " "naming the closing record"

# A Z taken while another till sells: the tills are not refused, and the Z
# holds exactly the records it says it read.
DB="$T/busy.db"
"$C" init --demo --db "$DB" >/dev/null
"$C" user add boss --role admin --new-pin 1234 --user admin --pin 9999 --db "$DB" >/dev/null
(
	fails=0
	for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
		"$C" sell --db "$DB" "$sku" >/dev/null 2>&1 || fails=$((fails + 1))
	done
	echo "$fails" >"$T/fails"
) &
seller=$!
"$C" sell --db "$DB" "$sku" >/dev/null
run "$C" close day --db "$DB" $BOSS
zrc=$rc
zout=$out
wait "$seller"
is "$zrc" 0 "a Z while another till sells"
is "$(cat "$T/fails")" 0 "every sale of the other till went through"
zday=$(sql "select ref from journal where kind = 'close_day'")
zlast=$(sql "select seq from journal where kind = 'close_day'")
zsum=$(sql "select coalesce(sum(amount), 0) from journal where kind in ('sale', 'return')
            and day = $zday and seq < $zlast")
is "$(echo "$zout" | head -1 | cut -d' ' -f3-4)" "total $(fmt "$zsum")" \
	"the Z total is the sum of the sales recorded before it"
run "$C" verify --db "$DB"
is "$rc" 0 "verify passes after selling through a Z"

# Z totals equal the sum of the tickets, a return included, and the money
# per method equals what the payments took less the change given.
DB="$T/returns.db"
"$C" init --demo --db "$DB" >/dev/null
"$C" sell --db "$DB" 'BAK-0001*3' 'BAK-0002*2' --pay card:2:R1 --pay cash:10 >/dev/null
"$C" sell --db "$DB" BAK-0003 >/dev/null
run "$C" return --db "$DB" 1 'BAK-0001*1' --user bruno --pin 2222
is "$rc" 0 "a return of one unit"
run "$C" close day --db "$DB" --user chloe --pin 3333
is "$rc" 0 "the Z of a day with a return"
is "$(echo "$out" | head -1 | cut -d' ' -f4)" "$(fmt "$(sql "select sum(total) from tickets")")" \
	"the Z total is the sum of the tickets, the return included"
like "$out" "Returns \(1\) +$(fmt "$(sql "select total from tickets where kind = 'return'")")\$" \
	"the return is counted as a return"
card=$(sql "select sum(amount) from payments where method = 'card'")
cash=$(sql "select sum(p.amount) - (select sum(change) from tickets) from payments p where method = 'cash'")
like "$out" "^  card +$(fmt "$card")\$" "card: what the card payments and refunds took"
like "$out" "^  cash +$(fmt "$cash")\$" "cash: what cash took less the change given"

done_testing
