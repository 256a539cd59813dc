#!/bin/sh
# The wholesale desk from the command line: quote -> order -> two partial
# deliveries -> invoices -> partial and full payments -> credit note, with
# balances and ageing on fixed days (COMPTOIR_TODAY, for tests only); the
# credit block and its approval; gapless invoice numbers across two
# processes; stock reserved and taken; verify over all of it.
. "$top_srcdir/tests/lib/sh-tap.sh"
demo_db FR
C="$COMPTOIR"
# A command missing its --db still reaches this test's shop, never a default one.
COMPTOIR_DB="$DB"; XDG_DATA_HOME="$T"; export COMPTOIR_DB XDG_DATA_HOME
ANNA="--user anna --pin 1111"
export COMPTOIR_TODAY=2026-01-10
stock() { "$C" stock --db "$DB" "$1" | head -1; }
reserved() { sql "select coalesce((select qty from stock_reserved r join products p on p.id = r.product_id where p.sku = '$1'), 0)"; }

s1=$(stock BAK-0001); s2=$(stock BAK-0002)
run "$C" quote new --db "$DB" --customer C0005 BAK-0001*6 BAK-0002*12 $ANNA
is "$rc" 0 "a quote is taken"
like "$out" "^quote 1 total [0-9]+\.[0-9]{2}$" "first line: quote NUMBER total AMOUNT"
qtotal=$(echo "$out" | sed -n 's/^quote 1 total //p')
run "$C" quote new --db "$DB" --customer C0005 BAK-0001*2 $ANNA
is "$rc" 1 "the reseller's list minimum applies to quotes as at the counter"
run "$C" order confirm --db "$DB" 1 $ANNA
is "$rc" 0 "the quote becomes an order"
is "$out" "order 1 total $qtotal" "at the quote's prices"
run "$C" order confirm --db "$DB" 1 $ANNA
is "$rc" 1 "a quote is ordered once"
is "$(reserved BAK-0001)" 6 "the order reserves its stock"
is "$(stock BAK-0001)" "$s1" "and takes nothing off the shelf yet"

run "$C" deliver --db "$DB" 1 BAK-0001*2 $ANNA
is "$rc" 0 "a first partial delivery"
like "$out" "^delivery 1$" "first line: delivery NUMBER"
like "$out" "backorder" "the rest stays on backorder"
is "$(stock BAK-0001)" "$((s1 - 2))" "the delivery takes the stock out"
is "$(reserved BAK-0001)" 4 "and releases its reservation"
run "$C" doc show order 1 --db "$DB"
like "$out" "status partial" "the order is partly delivered"
like "$(echo "$out" | grep -A1 '^line 1 BAK-0001' | tail -1)" "delivered 2 invoiced 0 backorder 4" \
	"four on backorder"
run "$C" deliver --db "$DB" 1 BAK-0001*9 $ANNA
is "$rc" 1 "more than is open is refused"
run "$C" invoice --db "$DB" 1 $ANNA
is "$rc" 0 "the first delivery is invoiced"
like "$out" "^invoice 2026-1 total 1\.96$" "invoice numbered in the financial year"
run "$C" invoice --db "$DB" 1 $ANNA
is "$rc" 1 "nothing delivered is left to invoice"

export COMPTOIR_TODAY=2026-01-20
run "$C" deliver --db "$DB" 1 $ANNA
is "$rc" 0 "the second delivery takes all that is open"
is "$(stock BAK-0002)" "$((s2 - 12))" "stock taken"
is "$(reserved BAK-0001):$(reserved BAK-0002)" "0:0" "no reservation left"
run "$C" invoice --db "$DB" 1 $ANNA
like "$out" "^invoice 2026-2 total 13\.93$" "the second invoice"
is "$qtotal" 15.89 "  the two invoices (1.96 + 13.93) add up to the order exactly"
run "$C" doc show order 1 --db "$DB"
like "$out" "status invoiced" "the order is invoiced"
like "$out" "from quote 1" "it came from the quote"
like "$out" "then invoice 2026-2" "and led to the invoices"
like "$out" "delivered 6 invoiced 6 backorder 0" "each line's progress"

run "$C" balance --db "$DB" --customer C0005
is "$(echo "$out" | head -1)" "15.89" "first line: what the customer owes"
like "$out" "current 15\.89" "all current on 20 January"

run "$C" pay --db "$DB" --customer C0005 1.00 --invoice 2026-1 --method cheque $ANNA
is "$rc" 0 "a partial payment of one invoice"
run "$C" doc show invoice 2026-1 --db "$DB"
like "$out" "status partly paid" "the invoice is partly paid"
export COMPTOIR_TODAY=2026-03-15
run "$C" balance --db "$DB" --customer C0005
is "$(echo "$out" | head -1)" "14.89" "owed after the partial payment"
like "$out" "31-60 0\.96" "invoice 1, 34 days late, in 31-60"
like "$out" "1-30 13\.93" "invoice 2, 24 days late, in 1-30"
like "$out" "overdue 14\.89" "both overdue"

run "$C" order new --db "$DB" --customer C0005 BAK-0001*6 $ANNA
is "$rc" 1 "an order for a customer with invoices overdue is refused"
like "$err" "^comptoir: C0005 has invoices overdue: limit none, balance 14\.89, overdue 14\.89" \
	"with the figures"
run "$C" order new --db "$DB" --customer C0005 BAK-0001*6 $ANNA --approver bruno --approver-pin 2222
is "$rc" 0 "a supervisor approves it"
is "$(sql "select approver from documents where kind = 'order' and number = 2")" bruno \
	"the approver is recorded on the order"

run "$C" pay --db "$DB" --customer C0005 20.00 $ANNA
is "$out" "payment 2 allocated 14.89 unallocated 5.11" "a payment across both invoices, oldest first"
run "$C" balance --db "$DB" --customer C0005
is "$(echo "$out" | head -1)" "-5.11" "the customer is in credit"
run "$C" doc show invoice 2026-2 --db "$DB"
like "$out" "status paid" "fully paid"
run "$C" credit-note --db "$DB" 2026-2 BAK-0002*2 --restock $ANNA
is "$rc" 0 "a credit note against a paid invoice"
like "$out" "^credit-note 2026-1 total [0-9]+\.[0-9]{2}$" "numbered in its own series"
is "$(stock BAK-0002)" "$((s2 - 10))" "--restock puts the goods back"
run "$C" credit-note --db "$DB" 2026-2 BAK-0002*11 $ANNA
is "$rc" 1 "no more can be credited than was invoiced"
upd=$(sql "update documents set total = 1 where kind = 'invoice' and number = 1" 2>&1)
like "$upd" "cannot be changed" "a posted invoice refuses UPDATE"
upd=$(sql "update doc_lines set qty = 1 where doc_id = (select id from documents where kind = 'invoice' and number = 2)" 2>&1)
like "$upd" "cannot be changed" "and so do its lines"

# Credit limit and hold.
run "$C" customer set --db "$DB" C0015 --credit-limit 5.00 $ANNA
is "$rc" 1 "setting a credit limit needs the right"
run "$C" customer set --db "$DB" C0015 --credit-limit 5.00 --terms net15 --user chloe --pin 3333
is "$rc" 0 "a manager sets it"
run "$C" order new --db "$DB" --customer C0015 BAK-0001*12 $ANNA
is "$rc" 1 "an order past the limit is refused"
like "$err" "would pass the credit limit: limit 5\.00, balance 0\.00, overdue 0\.00, on order 0\.00, this order" \
	"with the figures"
run "$C" order new --db "$DB" --customer C0015 BAK-0001*12 --user chloe --pin 3333
is "$rc" 0 "a manager passes it by right"
is "$(sql "select approver from documents where kind = 'order' and number = 3")" "" \
	"the manager's own right: no approver"
sql "update customers set credit_limit = 2000 where code = 'C0015'"
run "$C" order new --db "$DB" --customer C0015 BAK-0001*12 $ANNA
is "$rc" 1 "what is on order and not invoiced counts against the limit"
like "$err" "balance 0\.00, overdue 0\.00, on order [1-9][0-9]*\.[0-9]{2}, this order" "and is shown"
run "$C" customer set --db "$DB" C0015 --hold on --user chloe --pin 3333
run "$C" order new --db "$DB" --customer C0015 BAK-0001*12 $ANNA --approver bruno --approver-pin 1111
is "$rc" 1 "a wrong approver PIN does not approve"
run "$C" order new --db "$DB" --customer C0015 BAK-0002*12 $ANNA
like "$err" "is on hold" "on hold says so"
run "$C" sell --db "$DB" --customer C0015 BAK-0001*12 --pay account $ANNA
is "$rc" 1 "the counter's on-account tender applies the same check"
like "$err" "C0015 is on hold" "with the same message"
run "$C" sell --db "$DB" --customer C0015 BAK-0001*12 --pay account $ANNA --approver bruno --approver-pin 2222
is "$rc" 0 "a supervisor approves the on-account sale"
is "$(sql "select approver from tickets where number = 1")" bruno "the ticket names the approver"
run "$C" sell --db "$DB" --customer C0015 BAK-0001*12 $ANNA
is "$rc" 0 "paid in cash, a customer on hold still buys"

# Two desks invoicing at once: numbers stay gapless.
for o in 2 3; do "$C" deliver --db "$DB" $o --user chloe --pin 3333 >/dev/null; done
"$C" invoice --db "$DB" 2 $ANNA >"$T/i3" 2>&1 &
p1=$!
"$C" invoice --db "$DB" 3 $ANNA >"$T/i4" 2>&1 &
p2=$!
wait $p1; r1=$?; wait $p2; r2=$?
is "$r1:$r2" "0:0" "both invoices are written"
is "$(sql "select count(*) || ':' || max(number) from documents where kind = 'invoice' and year = 2026")" \
	"4:4" "invoice numbers 1 to 4 without a gap"

run "$C" doc show quote 9 --db "$DB"
is "$rc" 1 "an unknown document is refused"
run "$C" quote new --db "$DB" --customer C0005 BAK-0001*6 $ANNA
export COMPTOIR_TODAY=2026-06-01
run "$C" order confirm --db "$DB" 2 $ANNA
is "$rc" 1 "an expired quote is refused"
like "$err" "expired" "says so"
for c in quote order deliver invoice credit-note pay balance doc customer; do
	run "$C" $c --help
	like "$rc:$out" "^0:usage: comptoir $c " "$c --help"
done
run "$C" quote new --db "$DB" BAK-0001
is "$rc" 2 "a quote without --customer is wrong usage"
run "$C" invoice --db "$DB" 1 --restock
is "$rc" 2 "an option of another command is wrong usage"
like "$err" "^comptoir: unknown option '--restock'" "and says which"
run "$C" pay --db "$DB" --customer C0005 abc
is "$rc" 1 "a bad amount is refused"
run "$C" customer ship-to --db "$DB" C0015 "$(printf 'Chez\001 Paul')" "1 rue X"
is "$out" "ship-to 1" "a ship-to address is added"
is "$(sql "select name from ship_to")" "Chez Paul" "control characters are dropped"
run "$C" order new --db "$DB" --customer C0015 --ship-to 2 BAK-0001*12 --user chloe --pin 3333
is "$rc" 1 "an unknown ship-to is refused"
run "$C" verify --db "$DB"
is "$rc" 0 "the journal is intact with the invoices, payments and credit notes"
is "$(sql "select count(*) from journal where kind in ('invoice', 'customer_payment', 'credit_note')")" \
	7 "each invoice, payment and credit note is a journal record"

# Weighed goods are invoiced at their weight, not at a thousand times it;
# a case barcode with *N delivers N cases.
w=$(sql "select sku from products where weighed = 1 and price > 0 order by id limit 1")
case_code=$(sql "select code from barcodes where pack_qty = 12 order by code limit 1")
run "$C" order new --db "$DB" --customer C0010 "$w*2.5" "$case_code*2" --user chloe --pin 3333
is "$rc" 0 "an order of 2.5 kg and two cases"
ord=$(echo "$out" | head -1 | cut -d' ' -f2)
ototal=$(echo "$out" | head -1 | cut -d' ' -f4)
run "$C" deliver --db "$DB" "$ord" "$w*1" "$case_code*1" --user chloe --pin 3333
is "$rc" 0 "1 kg and one case delivered"
is "$(sql "select l.qty from doc_lines l join documents d on d.id = l.doc_id
           where d.kind = 'delivery' and d.source_id = (select id from documents where kind = 'order'
           and number = $ord) and l.sku <> '$w'")" 12 "  one case is 12 units"
run "$C" deliver --db "$DB" "$ord" --user chloe --pin 3333
run "$C" invoice --db "$DB" "$ord" --user chloe --pin 3333
is "$rc" 0 "the rest delivered and all invoiced"
itotal=$(echo "$out" | head -1 | cut -d' ' -f4)
ok $([ "$(echo "$ototal $itotal" | awk '{ d = $1 - $2; if (d < 0) d = -d; print (d <= 0.02) }')" = 1 ] \
	&& echo 0 || echo 1) "the invoice ($itotal) is the order's total ($ototal), not a thousand times it"
done_testing
