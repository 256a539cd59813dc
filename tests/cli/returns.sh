#!/bin/sh
# comptoir return, void, suspend, suspended and resume: partial and full
# returns that add up to the sale, never more than was sold (even from two
# processes at once), store credit, stock or write-off, rights refused,
# held and approved, and suspended tickets surviving a restart.
. "$top_srcdir/tests/lib/sh-tap.sh"
demo_db FR
C="$COMPTOIR"
# anna the cashier comes with the demo shop; its admin adds this test's users.
"$C" user add boss --role admin --new-pin 1234 --db "$DB" --user admin --pin 9999 >/dev/null
"$C" user add sam --role supervisor --new-pin 2222 --db "$DB" --user boss --pin 1234 >/dev/null
CASHIER="--user anna --pin 1111"
SUP="--user sam --pin 2222"
APPROVE="--approver sam --approver-pin 2222"

a=$(sql "select sku from products where weighed = 0 and price > 0 order by id limit 1")
b=$(sql "select sku from products where weighed = 0 and price > 0 order by id limit 1 offset 1")
w=$(sql "select sku from products where weighed = 1 and price > 0 order by id limit 1")
stock() { sql "select qty from stock s join products p on p.id = s.product_id where sku = '$1'"; }
cents() { sql "select total from tickets where number = $1"; }

run "$C" sell --db "$DB" $CASHIER "$a*5" "$b*2" "$w*1.234"
is "$rc" 0 "a sale of three lines"
sale=$(echo "$out" | head -1 | cut -d' ' -f2)
sa=$(stock "$a")

run "$C" return --db "$DB" $CASHIER "$sale" "$a*2"
is "$rc" 1 "a cashier may not refund"
like "$err" "^comptoir: .*supervisor can approve" "the message says who can"
is "$(sql "select count(*) from tickets where kind = 'return'")" 0 "nothing written"

run "$C" return --db "$DB" $SUP "$sale" "$a*2"
is "$rc" 0 "a supervisor returns 2 of 5"
r1=$(echo "$out" | head -1 | cut -d' ' -f2)
like "$(echo "$out" | head -1)" "^return $r1 total -[0-9]+\.[0-9]{2}$" "first line: return NUMBER total -AMOUNT"
like "$out" "RETURN of ticket $sale" "the receipt names the original"
is "$r1" "$((sale + 1))" "the return takes the next ticket number"
is "$(stock "$a")" "$((sa + 2))" "two units back in stock"
is "$(sql "select kind, original_id = (select id from tickets where number = $sale), qty
           from tickets t join ticket_lines l on l.ticket_id = t.id where number = $r1")" \
	"return|1|-2" "kind return, original set, negative quantity"
is "$(sql "select corrects = (select seq from journal where kind = 'sale' and ref = $sale)
           from journal where kind = 'return' and ref = $r1")" 1 \
	"the journal record corrects the sale's"

run "$C" return --db "$DB" $CASHIER $APPROVE "T$sale" "$a*4"
is "$rc" 1 "more than what is left (3) is refused"
like "$err" "only 3 left" "saying what is left"

run "$C" return --db "$DB" $CASHIER $APPROVE "T$sale"
is "$rc" 0 "the rest, approved by a supervisor, with the T form of the number"
r2=$(echo "$out" | head -1 | cut -d' ' -f2)
is "$(sql "select approver, user_name from tickets where number = $r2")" "sam|anna" \
	"the ticket records the cashier and the approver"
is "$(sql "select approver from journal where kind = 'return' and ref = $r2")" "sam" \
	"so does the journal"
is "$(sql "select $(cents "$r1") + $(cents "$r2") + $(cents "$sale")")" 0 \
	"the two returns give back exactly the sale's total"
is "$(sql "select sum(l.tax) from ticket_lines l join tickets t on t.id = l.ticket_id
           where t.number in ($sale, $r1, $r2)")" 0 "and exactly its tax"
is "$(sql "select sum(l.net) from ticket_lines l join tickets t on t.id = l.ticket_id
           where t.number in ($sale, $r1, $r2)")" 0 "and its net"
is "$(stock "$a")" "$((sa + 5))" "all five back in stock"

run "$C" return --db "$DB" $SUP "$sale"
is "$rc" 1 "nothing is left to return"
like "$err" "^comptoir: nothing is left" "says so"

# Store credit and write-off.
run "$C" sell --db "$DB" $CASHIER "$b*3"
s2=$(echo "$out" | head -1 | cut -d' ' -f2)
sb=$(stock "$b")
run "$C" return --db "$DB" $SUP "$s2" "$b" --refund credit --writeoff
is "$rc" 0 "one unit back as store credit, written off"
code=$(echo "$out" | sed -n 's/^credit //p')
like "$code" "^SC[0-9A-Z]{10}$" "a store credit code is printed"
like "$out" "Store credit $code" "and is on the receipt"
r3=$(echo "$out" | head -1 | cut -d' ' -f2)
is "$(sql "select amount = -(select total from tickets where number = $r3), remaining = amount
           from store_credits where code = '$code'")" "1|1" "store credit stored for the amount"
is "$(stock "$b")" "$sb" "written off: stock unchanged"
is "$(sql "select disposition from ticket_lines l join tickets t on t.id = l.ticket_id
           where number = $r3")" writeoff "the line says written off"

run "$C" sell --db "$DB" "$b" --pay "credit::$code"
is "$rc" 0 "the store credit pays for the same product"
is "$(sql "select remaining from store_credits where code = '$code'")" 0 "nothing is left of it"
run "$C" sell --db "$DB" "$b" --pay "credit::$code"
is "$rc" 1 "it cannot pay twice"
like "$err" "^comptoir: store credit $code has only 0[.,]00 left" "saying what is left"
run "$C" sell --db "$DB" "$b" --pay "credit::SCNOSUCHCODE"
like "$err" "no store credit 'SCNOSUCHCODE'" "an unknown code is refused"
sb=$(stock "$b")

run "$C" return --db "$DB" $SUP "$s2" "$b" --refund card:SLIP9
is "$rc" 0 "a card refund"
like "$out" "Card SLIP9 +-" "with its reference"
is "$(stock "$b")" "$((sb + 1))" "back to stock"

# Back to the original tender: the card first, up to what it paid, then cash.
price_a=$(sql "select price from products where sku = '$a'")
card=$(sql "select printf('%d.%02d', ($price_a * 3 / 2) / 100, ($price_a * 3 / 2) % 100)")
run "$C" sell --db "$DB" "$a*4" --pay "card:$card:AUTH1" --pay cash:1000
s6=$(echo "$out" | head -1 | cut -d' ' -f2)
pays() { sql "select group_concat(method || ':' || amount, ' ') from payments p
              join tickets t on t.id = p.ticket_id where number = $1"; }
run "$C" return --db "$DB" $SUP "$s6" "$a"
is "$(pays "$(echo "$out" | head -1 | cut -d' ' -f2)")" "card:-$price_a" "one unit back on the card"
run "$C" return --db "$DB" $SUP "$s6" "$a*2"
is "$(pays "$(echo "$out" | head -1 | cut -d' ' -f2)")" \
	"card:-$(($price_a * 3 / 2 - $price_a)) cash:-$(($price_a * 2 - ($price_a * 3 / 2 - $price_a)))" \
	"then what is left of the card, the rest in cash"
run "$C" return --db "$DB" $SUP "$s6"
is "$(pays "$(echo "$out" | head -1 | cut -d' ' -f2)")" "cash:-$price_a" "then cash alone"

# Return without a ticket.
sa=$(stock "$a")
run "$C" return --db "$DB" --no-ticket $CASHIER "$a*2"
is "$rc" 1 "a cashier may not return without a ticket"
run "$C" return --db "$DB" --no-ticket $SUP "$a*2"
is "$rc" 0 "a supervisor may"
like "$out" "RETURN without a ticket" "the receipt says so"
price=$(sql "select price * 2 from products where sku = '$a'")
r5=$(echo "$out" | head -1 | cut -d' ' -f2)
is "$(cents "$r5")" "-$price" "priced at the catalogue price"
is "$(stock "$a")" "$((sa + 2))" "back to stock"
run "$C" return --db "$DB" --no-ticket $SUP
is "$rc" 2 "--no-ticket without ITEM is wrong usage"
run "$C" return --db "$DB" $SUP x12
is "$rc" 1 "a bad ticket number is refused"
like "$err" "^comptoir: 'x12' is not a ticket number" "with one message"
run "$C" return --db "$DB" $SUP 9999
is "$rc" 1 "an unknown ticket is refused"
run "$C" return --db "$DB" $SUP "$s2" --refund cheque
is "$rc" 1 "an unknown refund method is refused"
run "$C" return --db "$DB" $SUP "$r1"
like "$err" "itself a return" "a return cannot be returned"

# Void: a whole paid ticket, with the right to void after tender.
run "$C" sell --db "$DB" $CASHIER "$a*2" "$b"
s3=$(echo "$out" | head -1 | cut -d' ' -f2)
sa=$(stock "$a")
run "$C" void --db "$DB" $CASHIER "$s3"
is "$rc" 1 "a cashier may not void"
run "$C" void --db "$DB" $CASHIER $APPROVE "$s3"
is "$rc" 0 "a supervisor approves the void"
v=$(echo "$out" | head -1 | cut -d' ' -f2)
is "$(sql "select $(cents "$v") + $(cents "$s3")")" 0 "the void gives back the whole ticket"
is "$(stock "$a")" "$((sa + 2))" "and its goods"
run "$C" void --db "$DB" $SUP "$s3"
is "$rc" 1 "a ticket is voided once"
run "$C" void --db "$DB" $SUP "$s2"
is "$rc" 1 "a partly returned ticket cannot be voided"
like "$err" "already partly returned" "saying why"

# Two processes returning from one ticket at once never pass what was sold.
run "$C" sell --db "$DB" $CASHIER "$b*12"
s4=$(echo "$out" | head -1 | cut -d' ' -f2)
sb=$(stock "$b")
returner() {
	i=0
	okn=0
	while [ $i -lt 10 ]; do
		"$C" return --db "$DB" $SUP "$s4" "$b" >/dev/null 2>>"$T/rerr.$1" && okn=$((okn + 1))
		i=$((i + 1))
	done
	echo "$okn" > "$T/ok.$1"
}
returner 1 &
returner 2 &
wait
is "$(($(cat "$T/ok.1") + $(cat "$T/ok.2")))" 12 "twenty attempts, twelve returns"
is "$(sql "select -sum(l.qty) from ticket_lines l join tickets t on t.id = l.ticket_id
           where t.original_id = (select id from tickets where number = $s4)")" 12 \
	"twelve units returned, not more"
is "$(stock "$b")" "$((sb + 12))" "twelve back in stock"
is "$(cat "$T/rerr.1" "$T/rerr.2" | grep -c 'only 0 left')" 8 "the others were told nothing is left"

# Suspended tickets survive a restart and resume with the same lines.
run "$C" suspend --db "$DB" $CASHIER "$a*3" "$w*0.500"
is "$rc" 0 "suspend a ticket"
id=$(echo "$out" | sed -n 's/^suspended //p')
run "$C" suspend --db "$DB" "$b"
id2=$(echo "$out" | sed -n 's/^suspended //p')
run "$C" suspended --db "$DB"
is "$(echo "$out" | wc -l)" 2 "two suspended tickets listed"
like "$out" "^$id	.*	anna	-	" "with id, user and customer"
n0=$(sql "select count(*) from tickets")
sa=$(stock "$a")
run "$C" resume --db "$DB" $CASHIER "$id" --pay card:R1
is "$rc" 0 "resumed in another process and sold"
t5=$(echo "$out" | head -1 | cut -d' ' -f2)
is "$(sql "select group_concat(sku || '*' || qty, ' ') from (select l.sku, l.qty from ticket_lines l
           join tickets t on t.id = l.ticket_id where number = $t5 order by line_no)")" \
	"$a*3 $w*500" "with the same lines"
is "$(stock "$a")" "$((sa - 3))" "stock went down"
run "$C" resume --db "$DB" "$id"
is "$rc" 1 "a resumed ticket cannot be resumed again"
like "$err" "no suspended ticket $id" "saying so"
run "$C" suspended --db "$DB"
is "$(echo "$out" | wc -l)" 1 "one left"
run "$C" suspend --db "$DB"
is "$rc" 2 "suspend without ITEM is wrong usage"

run "$C" verify --db "$DB"
is "$rc" 0 "the journal verifies after all of it"
like "$out" "journal intact" "intact"

# India: returns one unit at a time add up to the sale's CGST and SGST.
DB="$T/india.db"
"$C" init --demo --db "$DB" --country IN >/dev/null
"$C" user add boss --role admin --new-pin 1234 --db "$DB" --user admin --pin 9999 >/dev/null
g=$(sql "select p.sku from products p join tax_classes t on t.id = p.tax_class_id
         where t.rate > 0 and p.weighed = 0 and p.price > 0 order by p.id limit 1")
cu=$(sql "select code from customers where state <> '' order by id limit 1")
run "$C" sell --db "$DB" "$g*3" --customer "$cu"
s5=$(echo "$out" | head -1 | cut -d' ' -f2)
for i in 1 2 3; do "$C" return --db "$DB" --user boss --pin 1234 "$s5" "$g" >/dev/null; done
is "$(sql "select count(*) from tickets where kind = 'return'")" 3 "three returns of one unit"
is "$(sql "select sum(cgst) || ' ' || sum(sgst) || ' ' || sum(tax) from ticket_lines")" "0 0 0" \
	"CGST, SGST and tax all given back exactly"
is "$(sql "select count(*) from ticket_lines where cgst + sgst + igst <> tax")" 0 \
	"each line's parts add up to its tax"
run "$C" verify --db "$DB"
is "$rc" 0 "the journal verifies"
done_testing
