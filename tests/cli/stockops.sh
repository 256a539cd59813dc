#!/bin/sh
# Stock operations on the command line: locations, transfers at once and
# through transit, blind counts and their approval (refused without the
# right), adjustments with reasons, lots taken earliest expiry first, the
# negative-stock policy, the stock reports' figures; verify after all.
. "$top_srcdir/tests/lib/sh-tap.sh"
demo_db FR
C="$COMPTOIR"
ADMIN="--user admin --pin 9999"
ANNA="--user anna --pin 1111"

qty_at() { # qty_at SKU LOCATION
	sql "select coalesce((select s.qty from stock s join products p on p.id = s.product_id
	     join locations l on l.id = s.location_id where p.sku = '$1' and l.code = '$2'), 0)"
}
last_move() {
	sql "select m.qty || ' ' || m.reason || ' ' || coalesce(t.code, '-') || ' ' || m.ref
	     from stock_moves m left join lots t on t.id = m.lot_id order by m.id desc limit ${1:-1}"
}

sku=$(sql "select p.sku from products p join stock s on s.product_id = p.id
           where p.weighed = 0 and s.qty >= 40 order by p.id limit 1")
sku2=$(sql "select p.sku from products p join stock s on s.product_id = p.id
            where p.weighed = 0 and s.qty >= 10 and p.sku <> '$sku' order by p.id limit 1")
main0=$(qty_at "$sku" MAIN)

# Locations
# The demo shop has its warehouse WH: this test makes one of its own.
run "$C" location add --db "$DB" WH "Again" --kind warehouse $ADMIN
is "$rc" 1 "a location code is unique"
run "$C" location add --db "$DB" WH2 "Back warehouse" --kind warehouse $ADMIN
is "$rc" 0 "a warehouse location is added"
run "$C" location add --db "$DB" SHOP2 "Second shop" $ADMIN
is "$rc" 0 "a second shop is added"
run "$C" location add --db "$DB" B1 "Bin one" --kind cellar $ADMIN
is "$rc" 1 "an unknown kind is refused"
like "$err" "not a kind of location" "and says why"
run "$C" location add --db "$DB" B1 "Bin one" --kind bin $ANNA
is "$rc" 1 "a cashier may not add a location"
run "$C" location list --db "$DB"
like "$out" "^WH2  warehouse  Back warehouse$" "the list shows code, kind and name"

# Transfers
run "$C" transfer --db "$DB" --from MAIN --to WH2 "$sku*5" $ADMIN
is "$rc" 0 "a transfer at once"
is "$(qty_at "$sku" MAIN) $(qty_at "$sku" WH2)" "$((main0 - 5)) 5" "five left the shop floor for the warehouse"
is "$(last_move 2 | tr '\n' '|')" "5 transfer - transfer 1|-5 transfer - transfer 1|" \
	"two movements name the transfer"
run "$C" transfer --db "$DB" --from MAIN --to MAIN "$sku*1" $ADMIN
is "$rc" 1 "a transfer to the same location is refused"
run "$C" transfer --db "$DB" --from MAIN --to NOWHERE "$sku*1" $ADMIN
is "$rc" 1 "a transfer to an unknown location is refused"
like "$err" "unknown location 'NOWHERE'" "and names it"

run "$C" transfer --db "$DB" --from MAIN --to SHOP2 --transit "$sku*2" $ADMIN
is "$rc" 0 "a transfer through transit"
is "$out" "transfer 2" "prints its number"
is "$(sql "select kind from locations where code = 'TRANSIT'")" transit "the transit location was made"
is "$(qty_at "$sku" TRANSIT) $(qty_at "$sku" SHOP2)" "2 0" "the goods are in transit"
is "$(sql "select status from transfers where id = 2")" transit "the transfer is in transit"
run "$C" transfer --db "$DB" arrive 2 $ADMIN
is "$rc" 0 "it arrives"
is "$(qty_at "$sku" TRANSIT) $(qty_at "$sku" SHOP2)" "0 2" "the goods are in the second shop"
run "$C" transfer --db "$DB" arrive 2 $ADMIN
is "$rc" 1 "it cannot arrive twice"
run "$C" transfer --db "$DB" arrive 99 $ADMIN
is "$rc" 1 "an unknown transfer cannot arrive"

# Stock in transit changes only by transfers
run "$C" location add --db "$DB" T2 "Another transit" --kind transit $ADMIN
is "$rc" 1 "a transit location is not added by hand"
like "$err" "made by the first transfer --transit" "and says how one is made"
run "$C" adjust --db "$DB" --location TRANSIT "$sku" 3 --reason found $ADMIN
is "$rc" 1 "goods are not found in transit"
like "$err" "TRANSIT is a transit location: goods in transit change only by transfer" \
	"and says why"
run "$C" count --db "$DB" --location TRANSIT "$sku*0" $ADMIN
is "$rc" 1 "nor counted there"
like "$err" "TRANSIT is a transit location" "with the same reason"
run "$C" receive --db "$DB" 1 --location TRANSIT $ADMIN
is "$rc" 1 "nor received into"
like "$err" "TRANSIT is a transit location" "for the same reason"
is "$(qty_at "$sku" TRANSIT)" 0 "nothing changed in transit"
is "$(sql "select count(*) from stock_moves m join locations l on l.id = m.location_id
           where l.code = 'TRANSIT' and m.reason = 'receive'")" 0 "no receipt in transit at all"

# Blind counts
run "$C" count --db "$DB" --location WH2 "$sku*3" $ANNA
is "$rc" 0 "a cashier counts the warehouse"
count=$(echo "$out" | sed -n 's/^count \([0-9]*\)$/\1/p')
is "$count" 1 "the count's number"
like "$out" "^$sku  counted 3  expected 5  -2  " "the variance, after submitting"
like "$out" "waiting for approval: comptoir count approve 1" "it waits for approval"
is "$(qty_at "$sku" WH2)" 5 "the stock is not changed yet"
run "$C" count --db "$DB" approve 1 $ANNA
is "$rc" 1 "a cashier may not approve"
like "$err" "may not adjust stock: someone with that right can approve" \
	"and is told which right is missing, naming no role that lacks it"
is "$(qty_at "$sku" WH2)" 5 "still not changed"
run "$C" count --db "$DB" approve 1 $ANNA --approver chloe --approver-pin 3333
is "$rc" 0 "a manager approves"
is "$(qty_at "$sku" WH2)" 3 "the warehouse holds what was counted"
is "$(last_move)" "-2 count - count 1" "a count movement of the variance"
is "$(sql "select approved_by from counts where id = 1")" chloe "the approver is recorded"
run "$C" count --db "$DB" approve 1 $ADMIN
is "$rc" 1 "a count is approved once"

run "$C" count --db "$DB" --location WH2 "$sku*2" "$sku*2" $ADMIN
is "$rc" 0 "a count by a user with the right"
like "$out" "counted 4  expected 3  \\+1" "scans of one code add up"
like "$out" "approved: the stock follows the count" "applied at once"
is "$(qty_at "$sku" WH2)" 4 "the warehouse holds four"

cat=$(sql "select p.category from products p join stock s on s.product_id = p.id
           where s.location_id = 1 and s.qty > 0 and p.category <> '' and p.weighed = 0
           group by p.category having count(*) between 2 and 20 order by count(*), p.category
           limit 1")
csku=$(sql "select p.sku from products p join stock s on s.product_id = p.id
            where s.location_id = 1 and s.qty > 0 and p.category = '$cat' order by p.sku limit 1")
others=$(sql "select count(*) from products p join stock s on s.product_id = p.id
              where s.location_id = 1 and s.qty <> 0 and p.category = '$cat' and p.sku <> '$csku'")
run "$C" count --db "$DB" --location MAIN --category "$cat" "$sku*1" $ANNA
is "$rc" 1 "a product outside the category is refused"
run "$C" count --db "$DB" --location MAIN --category "$cat" "$csku*1" $ANNA
is "$rc" 0 "a count of category $cat"
is "$(echo "$out" | grep -c "counted 0  ")" "$others" "the $others products not scanned count as 0"
is "$(sql "select count(*) from count_lines where count_id = (select max(id) from counts)")" \
	"$((others + 1))" "every product of the category is on the count"

# Adjustments and lots
run "$C" adjust --db "$DB" --location MAIN "$sku" 10 --reason found --lot L2 --expiry 2027-06-30 $ADMIN
is "$rc" 0 "goods found in lot L2"
run "$C" adjust --db "$DB" --location MAIN "$sku" 4 --reason found --lot L1 --expiry 2027-01-31 $ADMIN
is "$rc" 0 "goods found in lot L1, expiring earlier"
run "$C" adjust --db "$DB" --location MAIN "$sku" 1 --reason damage $ADMIN
is "$rc" 1 "damage with a positive quantity is refused"
like "$err" "takes stock away" "and says why"
run "$C" adjust --db "$DB" --location MAIN "$sku" -1 --reason lost $ADMIN
is "$rc" 1 "an unknown reason is refused"
run "$C" adjust --db "$DB" --location MAIN "$sku" -1 --reason damage $ANNA
is "$rc" 1 "a cashier may not adjust"
run "$C" adjust --db "$DB" --location MAIN "$sku" -1 --reason damage $ANNA --approver bruno --approver-pin 2222
is "$rc" 1 "a supervisor without the right cannot approve it"
run "$C" adjust --db "$DB" --location MAIN "$sku" -1 --reason damage $ADMIN
is "$rc" 0 "one damaged"
is "$(last_move)" "-1 damage L1 " "taken from the lot expiring first"
for r in theft expiry sample; do
	run "$C" adjust --db "$DB" --location MAIN "$sku2" -1 --reason $r $ANNA --approver chloe --approver-pin 3333
	is "$rc" 0 "an adjustment for $r, approved"
	is "$(last_move)" "-1 $r - approved by chloe" "recorded with its reason and approver"
done
run "$C" stock --db "$DB" "$sku"
like "$out" "^  lot L1 expiry 2027-01-31 3$" "stock shows lot L1 and its expiry"
like "$out" "^  lot L2 expiry 2027-06-30 10$" "and lot L2"

main1=$(qty_at "$sku" MAIN)
run "$C" sell --db "$DB" $ADMIN "$sku*5"
is "$rc" 0 "a sale of five"
is "$(last_move 2 | tr '\n' '|')" "-2 sale L2 ticket 1|-3 sale L1 ticket 1|" \
	"three from L1 (earliest expiry), then two from L2"
is "$(qty_at "$sku" MAIN)" "$((main1 - 5))" "stock down by five"

run "$C" transfer --db "$DB" --from MAIN --to WH2 "$sku*2" $ADMIN
is "$(last_move 2 | tr '\n' '|')" "2 transfer L2 transfer 3|-2 transfer L2 transfer 3|" \
	"a transfer carries the lot"
run "$C" transfer --db "$DB" --from WH2 --to MAIN "$sku*1@NOPE" $ADMIN
is "$rc" 1 "a transfer from a lot that does not exist is refused"
run "$C" transfer --db "$DB" --from WH2 --to MAIN "$sku*1@L2" $ADMIN
is "$(last_move 2 | tr '\n' '|')" "1 transfer L2 transfer 4|-1 transfer L2 transfer 4|" \
	"a transfer of a named lot"
run "$C" transfer --db "$DB" --from MAIN --to WH2 "$sku*1@L2" $ADMIN
cust=$(sql "select code from customers order by id limit 1")
run "$C" order new --db "$DB" $ADMIN --customer "$cust" "$sku*7"
order=$(echo "$out" | sed -n 's/^order \([0-9]*\) .*/\1/p')
run "$C" deliver --db "$DB" $ADMIN "$order"
is "$rc" 0 "a delivery"
is "$(last_move 2 | tr '\n' '|')" "-1 delivery - delivery 1|-6 delivery L2 delivery 1|" \
	"the delivery empties lot L2 first, then takes stock without a lot"

# Negative stock
have=$(qty_at "$sku2" MAIN)
run "$C" product set "$sku2" --negative refuse --db "$DB" $ANNA
is "$rc" 1 "a cashier may not set the policy"
run "$C" product set "$sku2" --negative never --db "$DB" $ADMIN
is "$rc" 1 "an unknown policy is refused"
run "$C" product set "$sku2" --negative refuse --db "$DB" $ADMIN
is "$rc" 0 "the product refuses negative stock"
run "$C" sell --db "$DB" $ADMIN "$sku2*$((have + 1))"
is "$rc" 1 "a sale beyond the stock is refused"
like "$err" "not enough stock of $sku2 at MAIN: $have on hand, $((have + 1)) wanted" "with a clear message"
is "$(qty_at "$sku2" MAIN)" "$have" "nothing was taken"
run "$C" transfer --db "$DB" --from MAIN --to WH2 "$sku2*$((have + 1))" $ADMIN
is "$rc" 1 "so is a transfer"
run "$C" sell --db "$DB" $ADMIN "$sku2*$have"
is "$rc" 0 "selling exactly what is on hand is fine"
run "$C" product set "$sku2" --negative warn --db "$DB" $ADMIN
run "$C" sell --db "$DB" $ADMIN "$sku2*2"
is "$rc" 0 "with warn the sale goes through"
like "$err" "^comptoir: warning: stock of $sku2 at MAIN goes below zero" "with a warning"
is "$(qty_at "$sku2" MAIN)" -2 "the stock is negative"
run "$C" sell --db "$DB" $ADMIN "$sku*1"
is "$err" "" "allow (the default) says nothing"

# A lot named is held to the policy too, and so is an adjustment
run "$C" product set "$sku2" --negative refuse --db "$DB" $ADMIN
run "$C" adjust --db "$DB" --location MAIN "$sku2" 2 --reason found --lot NL $ADMIN
run "$C" adjust --db "$DB" --location MAIN "$sku2" 10 --reason found $ADMIN
is "$(qty_at "$sku2" MAIN)" 10 "ten on hand, two of them in lot NL"
run "$C" transfer --db "$DB" --from MAIN --to WH "$sku2*3@NL" $ADMIN
is "$rc" 1 "taking three from a lot of two is refused"
like "$err" "not enough of lot NL of $sku2 at MAIN: 2 in the lot, 3 wanted" "and says so"
run "$C" adjust --db "$DB" --location MAIN "$sku2" -3 --reason damage --lot NL $ADMIN
is "$rc" 1 "so is a loss of three from it"
run "$C" adjust --db "$DB" --location MAIN "$sku2" -11 --reason damage $ADMIN
is "$rc" 1 "a loss below zero of a product that refuses it is refused"
like "$err" "not enough stock of $sku2 at MAIN: 10 on hand, 11 wanted" "with the stock on hand"
is "$(qty_at "$sku2" MAIN)" 10 "nothing was taken"
run "$C" adjust --db "$DB" --location MAIN "$sku2" -2 --reason damage --lot NL $ADMIN
is "$rc" 0 "the whole lot can go"

# The stock import needs the right in a shop with users
printf 'sku,quantity\n%s,50\n' "$sku" >"$T/stock.csv"
run "$C" import stock "$T/stock.csv" --db "$DB"
is "$rc" 1 "a stock import without a user is refused"
run "$C" import stock "$T/stock.csv" --db "$DB" $ANNA
is "$rc" 1 "and by a cashier"
run "$C" import stock "$T/stock.csv" --db "$DB" $ADMIN
is "$rc" 0 "an admin imports stock"
is "$(qty_at "$sku" MAIN)" 50 "fifty on hand"

# Reports, on a location of their own
run "$C" location add --db "$DB" RPT "Report room" --kind bin $ADMIN
sql "update products set cost = 125 where sku = '$sku'; update products set cost = 40 where sku = '$sku2'"
run "$C" product set "$sku2" --negative allow --db "$DB" $ADMIN
run "$C" adjust --db "$DB" --location RPT "$sku" 8 --reason found $ADMIN
run "$C" adjust --db "$DB" --location RPT "$sku2" 3 --reason found $ADMIN
run "$C" stock report valuation --location RPT --db "$DB"
is "$rc" 0 "the valuation report"
is "$(echo "$out" | cut -d' ' -f1-7 | tr '\n' '|')" \
	"$sku  8  1.25  10.00|$sku2  3  0.40  1.20|total  11.20|" "quantity times average cost, and the total"
run "$C" stock report low --below 5 --location RPT --db "$DB"
like "$out" "^$sku2  3  5  " "low stock: below five"
unlike "$out" "^$sku  " "eight is not low"
run "$C" stock report moves --location RPT --days 1 --db "$DB"
like "$out" "  $sku  RPT  8  found  admin  -$" "movements with reason and user"
run "$C" stock report moves --location WH2 --db "$DB"
like "$out" "  $sku  WH2  -2  count  anna  count 1$" "the count's movement names the counter and the count"
run "$C" stock report dead --location MAIN --days 30 --db "$DB"
unlike "$out" "^$sku  " "a product sold today is not dead stock"
like "$out" "^$(sql "select p.sku from products p join stock s on s.product_id = p.id where s.location_id = 1
   and s.qty > 0 and p.sku not in ('$sku', '$sku2') order by p.sku limit 1")  [0-9]+  never  " \
	"a product never sold is"
run "$C" product levels "$sku2" --min 4 --max 20 --db "$DB" --user admin --pin 9999
is "$rc" 0 "a minimum level of four"
run "$C" stock report low --location RPT --db "$DB"
is "$rc" 0 "low stock by the products' minimum levels"
like "$out" "^$sku2  3  4  " "three is below its minimum of four"
unlike "$out" "^$sku  " "a product without a minimum is not listed"
run "$C" stock report nonsense --db "$DB"
is "$rc" 2 "an unknown report is wrong usage"
run "$C" stock report dead --days --db "$DB"
is "$rc" 2 "--days without its number is wrong usage"
like "$err" "option '--days' needs a value" "and says which option lacks its value"
run "$C" adjust --location --db "$DB" "$sku" -1 --reason damage $ADMIN
is "$rc" 2 "so is --location without its code"

# Goods returned go back into the lots they left, the latest expiry first
lots_of() { # lots_of SKU: "lot:qty" at MAIN, by lot
	sql "select group_concat(c, ' ') from (select t.code || ':' || sum(m.qty) as c
	     from stock_moves m join lots t on t.id = m.lot_id join products p on p.id = m.product_id
	     join locations l on l.id = m.location_id where p.sku = '$1' and l.code = 'MAIN'
	     and t.code like 'R%' group by t.code order by t.code)"
}
run "$C" adjust --db "$DB" --location MAIN "$sku" 2 --reason found --lot R1 --expiry 2028-03-31 $ADMIN
run "$C" adjust --db "$DB" --location MAIN "$sku" 3 --reason found --lot R2 --expiry 2028-02-28 $ADMIN
run "$C" sell --db "$DB" $ADMIN "$sku*4"
ticket=$(echo "$out" | head -1 | cut -d' ' -f2)
is "$(lots_of "$sku")" "R1:1 R2:0" "a sale of four: three from R2, one from R1"
run "$C" return --db "$DB" $ADMIN "$ticket" "$sku*2"
is "$rc" 0 "two are returned"
is "$(lots_of "$sku")" "R1:2 R2:1" "one into R1 (the latest expiry), then one into R2"
run "$C" return --db "$DB" $ADMIN "$ticket" "$sku*2"
is "$(lots_of "$sku")" "R1:2 R2:3" "the other two into R2: R1 got back all it gave"
is "$(last_move)" "2 return R2 ticket $((ticket + 2))" "a return movement names the lot"
run "$C" sell --db "$DB" $ADMIN "$sku*3"
ticket=$(echo "$out" | head -1 | cut -d' ' -f2)
run "$C" void --db "$DB" $ADMIN "$ticket"
is "$(lots_of "$sku")" "R1:2 R2:3" "a void puts them back into their lot too"
run "$C" order new --db "$DB" $ADMIN --customer "$cust" "$sku*5"
order=$(echo "$out" | sed -n 's/^order \([0-9]*\) .*/\1/p')
run "$C" deliver --db "$DB" $ADMIN "$order"
is "$(lots_of "$sku")" "R1:0 R2:0" "a delivery of five empties both lots"
run "$C" invoice --db "$DB" $ADMIN "$order"
inv=$(echo "$out" | sed -n 's/^invoice \([0-9-]*\) .*/\1/p')
run "$C" credit-note --db "$DB" "$inv" "$sku*3" --restock $ADMIN
is "$rc" 0 "a credit note restocks three"
is "$(lots_of "$sku")" "R1:2 R2:1" "two into R1, one into R2"
run "$C" credit-note --db "$DB" "$inv" "$sku*2" --restock $ADMIN
is "$(lots_of "$sku")" "R1:2 R2:3" "a second credit note: the rest into R2"

run "$C" verify --db "$DB"
is "$rc" 0 "verify passes after all of it"
lot_l2=$(sql "select sum(m.qty) from stock_moves m join lots t on t.id = m.lot_id
              join locations l on l.id = m.location_id where t.code = 'L2' and l.code = 'WH2'")
run "$C" stock --db "$DB" "$sku"
like "$out" "^  lot L2 expiry 2027-06-30 $lot_l2$" "a lot's stock is the sum of its movements"
done_testing
