#!/bin/sh
# Stock movements: every change of stock (demo opening, sale, return,
# delivery, credit note, stock import) is a movement with its reason, and
# the stock table is their sum; movements cannot be changed, and verify
# names a stock row edited by hand.
. "$top_srcdir/tests/lib/sh-tap.sh"
demo_db FR
C="$COMPTOIR"
ADMIN="--user admin --pin 9999"

drift() {
	sql "select count(*) from (select k.product_id, k.location_id from
	       (select product_id, location_id from stock union
	        select product_id, location_id from stock_moves) k
	     where coalesce((select qty from stock s where s.product_id = k.product_id
	                     and s.location_id = k.location_id), 0)
	        <> coalesce((select sum(qty) from stock_moves m where m.product_id = k.product_id
	                     and m.location_id = k.location_id), 0))"
}

is "$(drift)" 0 "the demo shop's stock is the sum of its movements"
is "$(sql "select count(*) > 0 from stock_moves where reason = 'opening' and ref = 'demo shop'")" 1 \
	"the demo shop's stock came in as opening movements"

sku=$(sql "select sku from products where weighed = 0 and price > 0 order by id limit 1")
pid=$(sql "select id from products where sku = '$sku'")
before=$(sql "select qty from stock where product_id = $pid")

run "$C" sell --db "$DB" $ADMIN "$sku*3"
is "$rc" 0 "a sale of three"
is "$(sql "select qty from stock where product_id = $pid")" $((before - 3)) "stock down by three"
is "$(sql "select qty || ' ' || reason || ' ' || ref || ' ' || user_name from stock_moves
           order by id desc limit 1")" "-3 sale ticket 1 admin" \
	"the sale's movement: quantity, reason, ticket and user"

run "$C" return --db "$DB" $ADMIN 1 "$sku*1" --refund cash
is "$rc" 0 "a return of one"
is "$(sql "select qty || ' ' || reason || ' ' || ref from stock_moves order by id desc limit 1")" \
	"1 return ticket 2" "the return's movement"

run "$C" order new --db "$DB" $ADMIN --customer "$(sql "select code from customers order by id limit 1")" "$sku*4"
is "$rc" 0 "an order of four"
order=$(echo "$out" | sed -n 's/^order \([0-9]*\) .*/\1/p')
run "$C" deliver --db "$DB" $ADMIN "$order"
is "$rc" 0 "delivered"
is "$(sql "select qty || ' ' || reason || ' ' || ref from stock_moves order by id desc limit 1")" \
	"-4 delivery delivery 1" "the delivery's movement"

printf 'sku,quantity\n%s,100\n' "$sku" > "$T/stock.csv"
run "$C" import stock "$T/stock.csv" --db "$DB" $ADMIN
is "$rc" 0 "a stock file sets the quantity to 100"
is "$(sql "select qty from stock where product_id = $pid")" 100 "stock is 100"
is "$(sql "select reason || ' ' || ref from stock_moves order by id desc limit 1")" \
	"import stock file" "the import's movement"
is "$(drift)" 0 "after all of it, stock is still the sum of its movements"

run "$C" verify --db "$DB"
is "$rc" 0 "verify passes"

run sqlite3 "$DB" "update stock_moves set qty = 1 where id = 1"
[ "$rc" -ne 0 ]; ok $? "a movement cannot be changed"
like "$err" "stock movements cannot be changed" "the trigger says why"
run sqlite3 "$DB" "delete from stock_moves where id = 1"
[ "$rc" -ne 0 ]; ok $? "nor deleted"

sql "update stock set qty = qty + 5 where product_id = $pid" >/dev/null
run "$C" verify --db "$DB"
is "$rc" 1 "verify fails once a stock row is edited by hand"
like "$err$out" "stock of $sku at .* is 105 but its movements add up to 100" \
	"and names the product, the location and both figures"

done_testing
