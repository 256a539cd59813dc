#!/bin/sh
# The desk's money and stock rules: money paid in advance or credited meets
# later invoices; counter tickets on account age by the customer's terms and
# take payments; orders and deliveries read the reserved stock; posted
# invoices refuse new lines and kind changes; partial invoices add up to
# their order; verify compares the documents with their journal records.
. "$top_srcdir/tests/lib/sh-tap.sh"
demo_db FR
C="$COMPTOIR"
COMPTOIR_DB="$DB"; XDG_DATA_HOME="$T"; TZ=UTC; export COMPTOIR_DB XDG_DATA_HOME TZ
ANNA="--user anna --pin 1111"
CHLOE="--user chloe --pin 3333"
# Counter tickets carry the real clock: their ageing is read on days
# counted from today.
day() { date -u -d "$1" +%Y-%m-%d; }
REAL=$(date -u +%Y-%m-%d)
first() { echo "$1" | head -1; }
stock() { "$C" stock --db "$DB" "$1" | head -1; }
reserved() { sql "select coalesce((select qty from stock_reserved r join products p on p.id = r.product_id where p.sku = '$1'), 0)"; }

# 1. Paid in advance, then invoiced: the invoice is paid when posted.
export COMPTOIR_TODAY=2026-01-10
run "$C" pay --db "$DB" --customer C0009 10.00 $ANNA
is "$out" "payment 1 allocated 0.00 unallocated 10.00" "a payment before any invoice stays unallocated"
"$C" order new --db "$DB" --customer C0009 BAK-0001*3 $ANNA >/dev/null
"$C" deliver --db "$DB" 1 $ANNA >/dev/null
run "$C" invoice --db "$DB" 1 $ANNA
is "$out" "invoice 2026-1 total 2.88" "an invoice after the payment"
run "$C" doc show invoice 2026-1 --db "$DB"
like "$out" "status paid" "the money paid in advance pays it when it is posted"
run "$C" balance --db "$DB" --customer C0009
is "$(first "$out")" "-7.12" "the customer is in credit by the rest"
like "$out" "unallocated 7\.12" "  which is what is left unallocated"
export COMPTOIR_TODAY=2026-04-01
run "$C" balance --db "$DB" --customer C0009
like "$out" "overdue 0\.00" "past the invoice's due day nothing is overdue"
run "$C" order new --db "$DB" --customer C0009 BAK-0001*1 $ANNA
is "$rc" 0 "a customer in credit is not refused as overdue"

# A credit note's rest meets the next invoice.
export COMPTOIR_TODAY=2026-01-10
o=$("$C" order new --db "$DB" --customer C0010 BAK-0002*6 $ANNA | cut -d' ' -f2 | head -1)
"$C" deliver --db "$DB" "$o" $ANNA >/dev/null
inv=$("$C" invoice --db "$DB" "$o" $ANNA | cut -d' ' -f2)
itotal=$(sql "select printf('%.2f', total / 100.0) from documents where kind = 'invoice' and year || '-' || number = '$inv'")
"$C" pay --db "$DB" --customer C0010 "$itotal" $ANNA >/dev/null
run "$C" credit-note --db "$DB" "$inv" BAK-0002*2 $ANNA
is "$rc" 0 "a credit note on a paid invoice"
ctotal=$(echo "$out" | cut -d' ' -f4)
is "$(first "$("$C" balance --db "$DB" --customer C0010)")" "-$ctotal" "the customer is in credit by it"
o=$("$C" order new --db "$DB" --customer C0010 BAK-0002*6 $ANNA | cut -d' ' -f2 | head -1)
"$C" deliver --db "$DB" "$o" $ANNA >/dev/null
inv2=$("$C" invoice --db "$DB" "$o" $ANNA | cut -d' ' -f2)
run "$C" doc show invoice "$inv2" --db "$DB"
like "$out" "status partly paid" "the credit note is set against the next invoice"
is "$(sql "select count(*) from allocations a join documents c on c.id = a.credit_id
           join documents i on i.id = a.invoice_id where i.year || '-' || i.number = '$inv2'")" 1 \
	"  as an allocation of the credit note"

# 2. Counter tickets on account age like invoices and take payments.
unset COMPTOIR_TODAY
run "$C" sell --db "$DB" --customer C0011 BAK-0003*2 --pay account $ANNA
is "$rc" 0 "a sale on account at the counter"
tno=$(sql "select max(number) from tickets")
ttotal=$(sql "select printf('%.2f', total / 100.0) from tickets where number = $tno")
run "$C" balance --db "$DB" --customer C0011
is "$(first "$out")" "$ttotal" "it is owed"
like "$out" "^ticket $tno date $REAL due $(day "$REAL + 30 days") total $ttotal open $ttotal current$" \
	"the ticket is due by the customer's terms (net30) from its day"
run "$C" statement --db "$DB" --customer C0011
like "$out" "^Ticket $tno +$REAL $(day "$REAL + 30 days") +${ttotal%.*},${ttotal#*.} € +${ttotal%.*},${ttotal#*.} € +current$" \
	"the statement's open items name the ticket a ticket"
unlike "$out" "^Invoice $tno " "  not an invoice"
export COMPTOIR_TODAY=$(day "$REAL + 45 days")
run "$C" balance --db "$DB" --customer C0011
like "$out" "1-30 $ttotal" "45 days on, it is 15 days late"
like "$out" "overdue $ttotal" "and overdue"
run "$C" order new --db "$DB" --customer C0011 BAK-0003*1 $ANNA
is "$rc" 1 "an overdue on-account ticket blocks an order"
like "$err" "overdue $ttotal" "with the figures"
run "$C" pay --db "$DB" --customer C0011 "$ttotal" $ANNA
like "$out" "allocated $ttotal unallocated 0\.00$" "a payment is set against the ticket"
is "$(sql "select count(*) from ticket_allocations")" 1 "  as a ticket allocation"
run "$C" balance --db "$DB" --customer C0011
is "$(first "$out")" "0.00" "nothing is owed"
unlike "$out" "^ticket" "and the ticket is no longer open"
run "$C" order new --db "$DB" --customer C0011 BAK-0003*1 $ANNA
is "$rc" 0 "the order is taken"
export COMPTOIR_TODAY=$REAL
"$C" pay --db "$DB" --customer C0012 20.00 $ANNA >/dev/null
"$C" sell --db "$DB" --customer C0012 BAK-0003*2 --pay account $ANNA >/dev/null
t12=$(sql "select max(number) from tickets")
t12total=$(sql "select total from tickets where number = $t12")
is "$(sql "select count(*) || ' ' || sum(a.amount) || ' ' || count(a.payment_id)
           from ticket_allocations a join tickets t on t.id = a.ticket_id where t.number = $t12")" \
	"1 $t12total 1" "the sale on account is settled by the prepayment in its own transaction"
run "$C" balance --db "$DB" --customer C0012
unlike "$out" "^ticket $t12 " "  the ticket is not open"
like "$out" "^unallocated $(printf '%d.%02d' $(((2000 - t12total) / 100)) $(((2000 - t12total) % 100)))$" \
	"  and only the rest of the prepayment is in the customer's favour"
run "$C" statement --db "$DB" --customer C0012
unlike "$out" "^Ticket $t12 " "  nor on the statement's open items"
export COMPTOIR_TODAY=$(day "$REAL + 60 days")
run "$C" balance --db "$DB" --customer C0012
like "$out" "overdue 0\.00" "money paid in advance covers a later on-account ticket"
run "$C" order new --db "$DB" --customer C0012 BAK-0003*1 $ANNA
is "$rc" 0 "  and the customer in credit is not refused"
# A return to the account of a ticket already paid leaves money in the
# customer's favour that a later on-account ticket uses.
export COMPTOIR_TODAY=$REAL
"$C" sell --db "$DB" --customer C0019 BAK-0003*4 --pay account $ANNA >/dev/null
t1=$(sql "select max(number) from tickets")
"$C" pay --db "$DB" --customer C0019 "$(sql "select printf('%.2f', total / 100.0) from tickets where number = $t1")" $ANNA >/dev/null
"$C" return --db "$DB" "$t1" BAK-0003*1 --user bruno --pin 2222 >/dev/null
back=$(sql "select printf('%.2f', -total / 100.0) from tickets where number = $t1 + 1")
run "$C" balance --db "$DB" --customer C0019
like "$out" "unallocated $back" "what the return gave back to a paid ticket is in the customer's favour"
"$C" sell --db "$DB" --customer C0019 BAK-0003*1 --pay account $ANNA >/dev/null
export COMPTOIR_TODAY=$(day "$REAL + 45 days")
run "$C" balance --db "$DB" --customer C0019
like "$out" "overdue 0\.00" "  and covers the next on-account ticket"

# 3. Reserved stock is read.
export COMPTOIR_TODAY=2026-02-01
on=$(stock BAK-0005)
run "$C" order new --db "$DB" --customer C0013 BAK-0005*$((on + 5)) $CHLOE
is "$rc" 0 "an order past the stock is still taken"
like "$(first "$out")" "^order [0-9]+ total [0-9]+\.[0-9]{2}$" "first line: order NUMBER total AMOUNT"
is "$(echo "$out" | sed -n 2p)" "backorder BAK-0005 5 (available $on)" "the short line is named"
o1=$(first "$out" | cut -d' ' -f2)
run "$C" order new --db "$DB" --customer C0014 BAK-0005*3 $CHLOE
is "$(echo "$out" | sed -n 2p)" "backorder BAK-0005 3 (available 0)" \
	"the stock another order reserved is not available"
run "$C" order new --db "$DB" --customer C0014 BAK-0006*1 $CHLOE
is "$(echo "$out" | wc -l)" 1 "an order the stock covers has no backorder line"
q=$("$C" quote new --db "$DB" --customer C0014 BAK-0007*$(($(stock BAK-0007) + 2)) $CHLOE | cut -d' ' -f2)
run "$C" order confirm --db "$DB" "$q" $CHLOE
is "$rc:$(echo "$out" | sed -n 2p)" "0:backorder BAK-0007 2 (available $(stock BAK-0007))" \
	"order confirm names the short lines too"
run "$C" deliver --db "$DB" "$o1" $CHLOE
is "$rc" 0 "the delivery ships what is on hand"
like "$out" "backorder BAK-0005 5 \(available $on\)" "names what it could not ship"
like "$out" "the rest stays on backorder" "and says the rest waits"
is "$(stock BAK-0005)" 0 "the stock is not taken below zero"
is "$(reserved BAK-0005)" 8 "five still reserved for this order, three for the other"
run "$C" deliver --db "$DB" "$o1" $CHLOE
is "$rc" 1 "nothing on hand: nothing is delivered"
like "$err" "none of it is on hand" "and it says so"

# 4. Posted invoices and credit notes: no new lines, no change of kind.
iid=$(sql "select id from documents where kind = 'invoice' order by id limit 1")
upd=$(sql "insert into doc_lines(doc_id, line_no, product_id, sku, name, qty, unit_price, amount,
             discount, tax_rate, net, tax, gross) select $iid, 99, product_id, sku, name, 1, 100,
             100, 0, tax_rate, 100, 0, 100 from doc_lines where doc_id = $iid limit 1" 2>&1)
like "$upd" "cannot be changed" "a posted invoice takes no new line"
upd=$(sql "update documents set kind = 'invoice', year = 2026, number = 99 where kind = 'order' and number = 1" 2>&1)
like "$upd" "cannot become or stop being" "an order cannot be turned into an invoice"
upd=$(sql "update documents set kind = 'order' where id = $iid" 2>&1)
like "$upd" "cannot (be changed|become)" "nor an invoice into an order"
upd=$(sql "insert into documents(kind, year, number, customer_id, day, status, user_name,
             prices_include_tax, created_at) values ('invoice', 2026, 98, 1, 20260101, 'open', 'x', 0, 0)" 2>&1)
like "$upd" "written as drafts" "an invoice is not written already posted"
is "$(sql "select count(*) from doc_lines where line_no = 99")" 0 "nothing was written"
upd=$(sql "update documents set status = 'closed' where kind = 'order' and number = 1" 2>&1)
is "$upd" "" "an order still takes a status change"

# 6. Partial invoices add up to their order: 32.85 in three parts.
export COMPTOIR_TODAY=2026-03-01
run "$C" order new --db "$DB" --customer C0009 BAK-0009*8 BAK-0040*5 $CHLOE
is "$(first "$out" | cut -d' ' -f4)" "32.85" "an order of 32.85"
o=$(first "$out" | cut -d' ' -f2)
sum=0
for part in "BAK-0009*3 BAK-0040*2" "BAK-0009*3 BAK-0040*2" ""; do
	"$C" deliver --db "$DB" "$o" $part $CHLOE >/dev/null
	t=$("$C" invoice --db "$DB" "$o" $CHLOE | cut -d' ' -f4 | tr -d .)
	sum=$((sum + ${t#0}))
done
is "$sum" 3285 "its three invoices add up to 32.85"

# 8. India: a credit note splits GST as its invoice did, by the buyer's
# state then, not today's; CGST takes the odd paisa, as on tickets.
IN="$T/in.db"
"$C" init --demo --db "$IN" --country IN >/dev/null
export COMPTOIR_TODAY=2026-05-10
gst() { "$SQLITE3_BIN" "$IN" "select l.cgst || ' ' || l.sgst || ' ' || l.igst from doc_lines l
  join documents d on d.id = l.doc_id where d.kind = '$1' and d.number = $2"; }
"$C" order new --db "$IN" --customer C0009 BAK-0139*3 $ANNA >/dev/null
"$C" deliver --db "$IN" 1 $ANNA >/dev/null
"$C" invoice --db "$IN" 1 $ANNA >/dev/null
is "$(gst invoice 1)" "1736 1735 0" "a buyer in the seller's state: CGST + SGST, the odd paisa to CGST"
"$SQLITE3_BIN" "$IN" "update customers set state = '29' where code = 'C0009'"
run "$C" credit-note --db "$IN" 2026-1 BAK-0139*1 $ANNA
is "$rc" 0 "a credit note after the customer moved to another state"
is "$(gst credit 1)" "579 578 0" "is split as the invoice was (CGST + SGST, not IGST)"
"$C" credit-note --db "$IN" 2026-1 $ANNA >/dev/null
is "$(gst credit 2)" "1157 1157 0" "the rest of the line"
is "$("$SQLITE3_BIN" "$IN" "select sum(l.cgst) || ' ' || sum(l.sgst) || ' ' || sum(l.tax) from doc_lines l
  join documents d on d.id = l.doc_id where d.kind = 'credit'")" "1736 1735 3471" \
	"the credit notes give back the invoice's CGST, SGST and tax exactly"
run "$C" verify --db "$IN"
is "$rc" 0 "verify passes in India too"

# 5. verify compares the documents with their journal records.
run "$C" verify --db "$DB"
is "$rc" 0 "verify passes"
cp "$DB" "$T/edited.db"
"$SQLITE3_BIN" "$T/edited.db" "drop trigger documents_posted_no_update;
  update documents set total = total + 100 where id = $iid"
run "$C" verify --db "$T/edited.db"
is "$rc" 1 "an invoice edited behind the triggers breaks verify"
like "$out$err" "invoice 2026-1 .*journal record" "and is named"
cp "$DB" "$T/added.db"
"$SQLITE3_BIN" "$T/added.db" "insert into documents(kind, year, number, customer_id, day, status,
  user_name, prices_include_tax, total, created_at) values ('invoice', 2026, 97, 1, 20260101, 'draft',
  'x', 0, 500, 0); update documents set status = 'open' where number = 97 and kind = 'invoice'"
run "$C" verify --db "$T/added.db"
is "$rc" 1 "an invoice without a journal record breaks verify"
like "$out$err" "invoice 2026-97 has no journal record" "and is named"
cp "$DB" "$T/paid.db"
"$SQLITE3_BIN" "$T/paid.db" "drop trigger customer_payments_no_update;
  update customer_payments set amount = amount + 1 where number = 1"
run "$C" verify --db "$T/paid.db"
is "$rc" 1 "an edited payment breaks verify"
like "$out$err" "payment 1 .*journal record" "and is named"
done_testing
