#!/bin/sh
# Shipping and fast entry on the desk from the command line: methods and
# their taxed charge (not reserved, delivered and invoiced once, with the
# first delivery), tracking numbers, cash on delivery and drop-ship shown
# on the documents; draft orders typed, pasted (unknown lines listed with
# their numbers), reserving nothing until placed with the credit check;
# the last order repeated and a quote copied at today's prices. Fixed days
# through COMPTOIR_TODAY (for tests only); totals to the cent.
. "$top_srcdir/tests/lib/sh-tap.sh"
demo_db FR
C="$COMPTOIR"
COMPTOIR_DB="$DB"; XDG_DATA_HOME="$T"; export COMPTOIR_DB XDG_DATA_HOME
ANNA="--user anna --pin 1111"
CHLOE="--user chloe --pin 3333"
export COMPTOIR_TODAY=2026-01-10
stock() { "$C" stock --db "$DB" "$1" | head -1; }
reserved() { sql "select coalesce((select qty from stock_reserved r join products p on p.id = r.product_id where p.sku = '$1'), 0)"; }

printf 'sku,name,price,tax_rate\nSHIP,Frais de port,0,20\n' >"$T/ship.csv"
"$C" import products "$T/ship.csv" --db "$DB" >/dev/null

# Shipping methods and their charge.
run "$C" shipping list --db "$DB"
is "$out" "$(printf 'pickup 0.00 -\nown 0.00 -\ncourier 0.00 -\ncod 0.00 -')" "four methods, free until set"
run "$C" shipping set courier --price 12.00 --product SHIP --db "$DB" $ANNA
is "$rc" 1 "setting a charge needs the right to edit prices"
run "$C" shipping set own --price 3.00 --db "$DB" $CHLOE
is "$rc" 1 "a charge needs a product to carry it"
like "$err" "needs a product" "and says so"
run "$C" shipping set courier --price 12.00 --product SHIP --db "$DB" $CHLOE
is "$rc" 0 "a manager sets the courier's charge"
like "$out" "^courier 12\.00 SHIP$" "listed with its product"
"$C" shipping set cod --price 6.00 --product SHIP --db "$DB" $CHLOE >/dev/null
run "$C" shipping set plane --price 1 --db "$DB" $CHLOE
is "$rc" 1 "an unknown method is refused"

# An order by courier: the charge is a taxed line (12.00 with 20 % tax is
# 10.00 before tax on a wholesale customer's order priced before tax).
run "$C" order new --db "$DB" --customer C0013 --shipping courier BAK-0001*12 BAK-0002*12 $ANNA
is "$rc" 0 "an order with a shipping method"
is "$out" "order 1 total 35.04" "goods 12.53 + 10.51, charge 12.00"
run "$C" doc show order 1 --db "$DB"
like "$out" "^line 3 SHIP 1 x 10\.00 = 12\.00  Frais de port$" "the charge is a line before tax"
like "$out" "^shipping courier$" "the method is shown"
like "$out" "^tax 3\.20$" "its tax counts: 0.65 + 0.55 + 2.00"
is "$(reserved BAK-0001):$(reserved SHIP)" "12:0" "the goods are reserved, the charge is not"
s_ship=$(stock SHIP); s_bak=$(stock BAK-0001)
run "$C" deliver --db "$DB" 1 BAK-0001*6 --tracking 1Z999AA10123456784 $ANNA
is "$rc" 0 "a partial delivery with a tracking number"
is "$(echo "$out" | head -1)" "delivery 1" "first line: delivery NUMBER"
like "$out" "^tracking 1Z999AA10123456784$" "the tracking number is confirmed"
run "$C" doc show delivery 1 --db "$DB"
like "$out" "^tracking 1Z999AA10123456784$" "and recorded on the delivery note"
like "$out" "^line 2 SHIP 1 x 10\.00 = 12\.00" "the charge goes with the first delivery"
is "$(stock SHIP)" "$s_ship" "and takes no stock"
run "$C" invoice --db "$DB" 1 $ANNA
is "$out" "invoice 2026-1 total 18.27" "the first invoice carries the charge: 6.27 + 12.00"
run "$C" deliver --db "$DB" 1 $ANNA
run "$C" invoice --db "$DB" 1 $ANNA
is "$out" "invoice 2026-2 total 16.77" "the second does not, and the two add up to the order: 35.04 - 18.27"
run "$C" credit-note --db "$DB" 2026-1 --restock $ANNA
is "$out" "credit-note 2026-1 total 18.27" "the first invoice credited, charge included"
is "$(stock SHIP)" "$s_ship" "the charge goes back on no shelf"
is "$(stock BAK-0001)" "$((s_bak - 6))" "the goods do: 12 out, 6 back"
is "$(reserved BAK-0001):$(reserved BAK-0002):$(reserved SHIP)" "0:0:0" "no reservation left"
run "$C" shipping track 2 1Z999AA10123456785 --db "$DB" $ANNA
is "$rc" 0 "a tracking number given after the delivery"
like "$(sql "select tracking from doc_shipping where doc_id = (select id from documents where kind = 'delivery' and number = 2)")" \
	"^1Z999AA10123456785$" "is recorded on it"

run "$C" order new --db "$DB" --customer C0013 --shipping courier:0 BAK-0001*12 $ANNA
is "$out" "order 2 total 12.53" "courier:0 is free: no charge line"
run "$C" order new --db "$DB" --customer C0013 --shipping courier:6.00 BAK-0001*12 $ANNA
is "$out" "order 3 total 18.53" "courier:AMOUNT replaces the method's charge"
run "$C" order new --db "$DB" --customer C0013 --shipping plane BAK-0001*12 $ANNA
is "$rc" 1 "an unknown method on an order is refused"
run "$C" order new --db "$DB" --customer C0013 --shipping courier:abc BAK-0001*12 $ANNA
is "$rc" 1 "a bad charge is refused"
is "$(sql "select count(*) from documents where kind = 'order'")" 3 "and writes nothing"
run "$C" order new --db "$DB" --customer C0013 --shipping pickup BAK-0001*12 $ANNA
is "$out" "order 4 total 12.53" "pickup costs nothing"
run "$C" deliver --db "$DB" 4 --tracking X1 $ANNA
is "$rc" 1 "a pickup takes no tracking number"
is "$(echo "$out" | head -1)" "delivery 3" "the delivery itself is made"

# Drop-ship, cash on delivery.
run "$C" customer ship-to --db "$DB" C0007 "Claire Martin" "12 rue des Lilas, Lyon" $CHLOE
is "$out" "ship-to 1" "the reseller's customer's address"
run "$C" customer ship-to --db "$DB" C0007 "Bob's" "3 rue Y" 69 $CHLOE
run "$C" customer ship-to --db "$DB" C0007
is "$out" "$(printf "ship-to 1 Claire Martin, 12 rue des Lilas, Lyon\nship-to 2 Bob's, 3 rue Y 69")" \
	"customer ship-to CODE lists the addresses by number"
run "$C" customer set --db "$DB" C0007 --note "drop-ships" $CHLOE
is "$rc" 0 "customer set is still the desk's"
run "$C" order new --db "$DB" --customer C0007 --ship-to 1 --shipping cod BAK-0002*12 $ANNA
is "$out" "order 5 total 16.00" "a drop-shipped order, cash on delivery: 10.00 + 6.00"
run "$C" doc show order 5 --db "$DB"
like "$out" "^ship-to 1 Claire Martin, 12 rue des Lilas, Lyon$" "the order shows where it goes"
like "$out" "^drop-ship billed to C0007 " "and that it is billed to the reseller"
run "$C" deliver --db "$DB" 5 $ANNA
run "$C" doc show delivery 4 --db "$DB"
like "$out" "^cash-on-delivery collect 16\.00$" "the delivery says what to collect"
like "$out" "^drop-ship billed to C0007 " "the delivery note is a drop-ship too"
run "$C" invoice --db "$DB" 5 $ANNA
is "$out" "invoice 2026-3 total 16.00" "invoiced"
run "$C" pay --db "$DB" --customer C0007 16.00 --invoice 2026-3 --method cash $ANNA
is "$rc" 0 "the cash collected is paid against it"
run "$C" doc show invoice 2026-3 --db "$DB"
like "$out" "status paid" "the invoice is paid"

# Draft orders.
s1=$(reserved BAK-0001)
run "$C" order draft --db "$DB" --customer C0013 BAK-0001*6 $ANNA
is "$rc" 0 "a draft order"
is "$(echo "$out" | head -1)" "draft 1" "first line: draft NUMBER"
is "$(reserved BAK-0001)" "$s1" "a draft reserves no stock"
printf 'Bonjour,\r\n10 x BAK-0002\r\nBAK-0001;4\r\n\r\n3 x NOPE-1\r\nmerci\r\n2,5 x BAK-0002\r\n' >"$T/msg.txt"
run "$C" order paste --db "$DB" 1 $ANNA <"$T/msg.txt"
is "$rc" 0 "pasted lines from standard input"
like "$out" "^added 2$" "the two known lines are added"
like "$out" "^not added line 1: Bonjour,: not understood" "a greeting is listed with its line number"
like "$out" "^not added line 5: 3 x NOPE-1: unknown code NOPE-1$" "an unknown code is listed"
like "$out" "^not added line 6: merci: " "so is a closing word"
like "$out" "^not added line 7: 2,5 x BAK-0002: .*whole units" "and a quantity not in whole units"
is "$(echo "$out" | grep -c '^not added')" 4 "nothing else is left out, blank lines aside"
like "$err" "^comptoir: warning: 4 pasted lines were not added" "a warning says so"
printf 'sku;qty\nGRO-0001;1,5\n' >"$T/lines.csv"
run "$C" order paste --db "$DB" 1 "$T/lines.csv" $ANNA
like "$out" "^added 1$" "a CSV file pasted: the weighed line is added"
like "$out" "^not added line 1: sku;qty" "its header is listed"
run "$C" order add --db "$DB" 1 NOPE-1*2 $ANNA
is "$rc" 1 "an unknown item is refused by order add"
run "$C" order add --db "$DB" 1 BAK-0002*2 $ANNA
is "$rc" 0 "order add adds a line"
like "$out" "^line 4 GRO-0001 1\.500 x 1\.96 = 3\.10  Pommes Golden$" "weighed in kilograms"
like "$out" "^line 5 BAK-0002 2 x 0\.83 = " "the added line"
like "$out" "^total 24\.05$" "priced as it stands: 6.26 + 8.76 + 4.18 + 3.10 + 1.75"
is "$(reserved BAK-0001):$(reserved BAK-0002)" "$s1:0" "still nothing reserved"
is "$(sql "select count(*) from documents where kind = 'order'")" 5 "and no order written"

run "$C" order add --db "$DB" 1 BAK-0001*1 $ANNA
run "$C" order set --db "$DB" 1 6 3 $ANNA
like "$out" "^line 6 BAK-0001 3 x " "order set changes a line's quantity"
run "$C" order set --db "$DB" 1 6 1,5 $ANNA
is "$rc" 1 "a quantity the counter would refuse is refused"
run "$C" order remove --db "$DB" 1 6 $ANNA
unlike "$out" "^line 6 " "order remove takes the line out"
like "$out" "^total 24\.05$" "and the total is as before"
run "$C" order remove --db "$DB" 1 6 $ANNA
is "$rc" 1 "a line is removed once"
run "$C" customer set --db "$DB" C0013 --credit-limit 60.00 $CHLOE
run "$C" order place --db "$DB" 1 $ANNA
is "$rc" 1 "placing checks the credit limit"
like "$err" "would pass the credit limit: limit 60\.00" "with the figures"
run "$C" order draft-show --db "$DB" 1
like "$out" "^status open$" "the draft stays open"
is "$(reserved BAK-0002)" 0 "and reserves nothing"
run "$C" order place --db "$DB" 1 $ANNA --approver bruno --approver-pin 2222
is "$rc" 0 "a supervisor approves it"
is "$(echo "$out" | head -1)" "order 6 total 24.05" "printed like order new"
is "$(reserved BAK-0001):$(reserved BAK-0002)" "$((s1 + 10)):12" "now the stock is reserved"
is "$(sql "select approver from documents where kind = 'order' and number = 6")" bruno \
	"the approver is recorded"
run "$C" order place --db "$DB" 1 $ANNA
is "$rc" 1 "a draft is placed once"
like "$err" "already placed as order 6" "and says as which order"
run "$C" order paste --db "$DB" 1 $ANNA </dev/null
is "$rc" 1 "a placed draft takes no more lines"
run "$C" order draft --db "$DB" --customer C0013 $ANNA
run "$C" order place --db "$DB" 2 $ANNA
is "$rc" 1 "an empty draft cannot be placed"
run "$C" order draft --db "$DB" --customer NOBODY BAK-0001 $ANNA
is "$rc" 1 "a draft for an unknown customer is refused"
run "$C" order draft --db "$DB" BAK-0001 $ANNA
is "$rc" 2 "a draft without --customer is wrong usage"

# Repeat the last order; copy a quote; both at today's prices.
run "$C" order new --db "$DB" --customer C0001 --shipping courier BAK-0001*2 $ANNA
is "$(echo "$out" | head -1)" "order 7 total 14.60" "a retail order: 2 x 1.30 + 12.00"
run "$C" quote new --db "$DB" --customer C0001 BAK-0001*2 BAK-0002*1 $ANNA
is "$out" "quote 1 total 3.70" "a retail quote: 2 x 1.30 + 1.10"
printf 'sku,name,price,tax_rate\nBAK-0001,Baguette tradition,1.50,5.5\n' >"$T/price.csv"
"$C" import products "$T/price.csv" --db "$DB" >/dev/null
export COMPTOIR_TODAY=2026-02-20
run "$C" order repeat --db "$DB" --customer C0001 $ANNA
is "$rc" 0 "the customer's last order repeated"
is "$(echo "$out" | head -1)" "draft 3" "as a new draft"
like "$out" "^line 1 BAK-0001 2 x 1\.50 = 3\.00" "at today's price"
unlike "$out" "SHIP" "the charge is not a line of the draft"
like "$out" "^shipping courier 12\.00$" "the method comes along with today's charge"
like "$out" "^total 15\.00$" "total to the cent"
run "$C" order place --db "$DB" 3 $ANNA
is "$(echo "$out" | head -1)" "order 8 total 15.00" "placed with its charge"
run "$C" order drafts --db "$DB"
is "$out" "draft 2 C0013 lines 0 by anna" "order drafts lists the open drafts"
run "$C" order drafts --db "$DB" --customer C0001
is "$out" "" "  of one customer"
run "$C" order repeat --db "$DB" --customer C0002 $ANNA
is "$rc" 1 "a customer without orders has nothing to repeat"
run "$C" quote copy --db "$DB" 1 $ANNA
is "$out" "quote 2 total 4.10" "a quote copied at today's prices: 2 x 1.50 + 1.10"
run "$C" doc show quote 2 --db "$DB"
like "$out" "^valid-until 2026-03-22$" "valid 30 days from today"
run "$C" quote copy --db "$DB" 1 --customer C0013 $ANNA
is "$out" "quote 3 total 3.29" "copied for another customer at that customer's prices: 2.41 + 0.88"
run "$C" quote copy --db "$DB" 9 $ANNA
is "$rc" 1 "an unknown quote is refused"

# The desk's own commands are unchanged.
run "$C" order confirm --db "$DB" 2 $ANNA
is "$(echo "$out" | head -1)" "order 9 total 4.10" "order confirm still turns a quote into an order"
like "$out" "^backorder BAK-0001 2 \(available 0\)$" "naming what the stock cannot cover"
run "$C" order new --db "$DB" --customer C0013 --tracking X BAK-0001*12 $ANNA
is "$rc" 2 "an option of another command is wrong usage"
for c in order quote deliver shipping; do
	run "$C" $c --help
	like "$rc:$out" "^0:usage: comptoir $c " "$c --help"
done
run "$C" verify --db "$DB"
is "$rc" 0 "the journal is intact"
# A placed draft names what the stock cannot cover, as order new does.
run "$C" order draft --db "$DB" --customer C0013 BAK-0002*5000 $ANNA
d=$(echo "$out" | sed -n 's/^draft \([0-9]*\).*/\1/p')
run "$C" order place --db "$DB" "$d" $ANNA --approver bruno --approver-pin 2222
is "$rc" 0 "a draft larger than the stock is placed"
like "$out" "^backorder BAK-0002 [0-9]+ \(available [0-9]+\)$" "the shortage is named after the first line"

# A typed charge is billed exactly as typed (tax included, as the shop
# writes its prices), even when no net in cents gives it (7.77 at 20 %):
# on the order, its delivery, its invoice and the documents' totals.
for v in 7.77 0.05 9.99 1.03 100.01 12.34; do
	run "$C" order new --db "$DB" --customer C0013 --shipping "courier:$v" BAK-0001*1 $ANNA \
		--approver bruno --approver-pin 2222
	o=$(echo "$out" | sed -n 's/^order \([0-9]*\) .*/\1/p')
	is "$(sql "select printf('%.2f', l.gross / 100.0) || ' ' || (l.net + l.tax = l.gross)
	           from doc_lines l join documents d on d.id = l.doc_id
	           where d.kind = 'order' and d.number = $o and l.sku = 'SHIP'")" "$v 1" \
		"courier:$v: the order's charge is $v, net and tax adding up to it"
	"$C" deliver --db "$DB" "$o" $ANNA >/dev/null
	run "$C" invoice --db "$DB" "$o" $ANNA
	inv=$(echo "$out" | sed -n 's/^invoice \([0-9-]*\) .*/\1/p')
	is "$(sql "select printf('%.2f', l.gross / 100.0) || ' ' ||
	           (d.total = (select sum(gross) from doc_lines where doc_id = d.id))
	           from doc_lines l join documents d on d.id = l.doc_id
	           where d.kind = 'invoice' and d.year || '-' || d.number = '$inv'
	           and l.sku = 'SHIP'")" "$v 1" "  and the invoice bills $v"
done
run "$C" doc show order "$o" --db "$DB"
like "$out" "^line 2 SHIP 1 x 10\.28 = 12\.34  Frais de port$" "shown as its net and the charge"

done_testing
