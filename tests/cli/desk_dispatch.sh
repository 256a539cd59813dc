#!/bin/sh
# Deliveries ship from a dispatch location: deliver --from LOCATION, else
# the setting dispatch_location, else the shop's default location. The on-hand cap
# and the stock movements are at that location; the order's own shortage
# check (all locations) is unchanged.
. "$top_srcdir/tests/lib/sh-tap.sh"
demo_db FR
C="$COMPTOIR"
COMPTOIR_DB="$DB"; export COMPTOIR_DB
ADMIN="--user admin --pin 9999"
ANNA="--user anna --pin 1111"
export COMPTOIR_TODAY=2026-01-10
qty_at() { # qty_at SKU LOCATION
	sql "select coalesce((select s.qty from stock s join products p on p.id = s.product_id
	     join locations l on l.id = s.location_id where p.sku = '$1' and l.code = '$2'), 0)"
}
order() { # order ITEM...: prints the new order's number
	"$C" order new --customer C0013 "$@" $ANNA | awk 'NR == 1 { print $2 }'
}

sku=BAK-0022
main0=$(qty_at $sku MAIN)
"$C" location add WH "Entrepot" --kind warehouse $ADMIN >/dev/null
"$C" location add B1 "Bin one" --kind bin $ADMIN >/dev/null
run "$C" transfer --from MAIN --to WH "$sku*$main0" $ADMIN
is "$rc" 0 "the whole shop floor's stock goes to the warehouse"
is "$(qty_at $sku MAIN) $(qty_at $sku WH)" "0 $main0" "nothing left at MAIN"

o1=$(order "$sku*10")
ok "$([ -n "$o1" ]; echo $?)" "an order of goods held in the warehouse only"
run "$C" deliver "$o1" $ANNA
is "$rc" 1 "no setting: the default location ships, and has none"
like "$err" "none of it is on hand" "and says so"
run "$C" deliver "$o1" --from NOWHERE $ANNA
is "$rc" 1 "an unknown location is refused"
like "$err" "no location NOWHERE" "and named"
run "$C" deliver "$o1" --from WH "$sku*4" $ANNA
is "$rc" 0 "deliver --from WH ships from the warehouse"
like "$out" "^delivery 1$" "the delivery is made"
like "$out" "rest stays on backorder" "the rest is on backorder"
is "$(qty_at $sku WH) $(qty_at $sku MAIN)" "$((main0 - 4)) 0" "four left the warehouse, none the shop"
is "$(sql "select m.qty || ' ' || m.reason || ' ' || l.code from stock_moves m
           join locations l on l.id = m.location_id order by m.id desc limit 1")" \
	"-4 delivery WH" "the movement is at the warehouse"

# The setting dispatch_location names where deliveries ship from.
"$C" setting set dispatch_location WH $ADMIN >/dev/null
run "$C" deliver "$o1" "$sku*2" $ANNA
is "$rc" 0 "dispatch_location WH: deliver ships from it"
is "$(qty_at $sku WH)" "$((main0 - 6))" "two more left the warehouse"

# Another dispatch location: a bin.
"$C" transfer --from WH --to B1 "$sku*3" $ADMIN >/dev/null
"$C" setting set dispatch_location B1 $ADMIN >/dev/null
run "$C" deliver "$o1" $ANNA
is "$rc" 0 "dispatch_location B1: the bin ships what it holds"
like "$out" "backorder $sku 1 \(available 3\)" "the cut is named with what the bin holds"
is "$(qty_at $sku B1) $(qty_at $sku WH)" "0 $((main0 - 9))" "three left the bin, none the warehouse"
run "$C" deliver "$o1" --from WH --tracking TRK1 $ANNA
is "$rc" 0 "--from with --tracking"
like "$out" "tracking TRK1" "the tracking number is kept"
is "$(qty_at $sku WH)" "$((main0 - 10))" "the last one left the warehouse"
is "$(sql "select status from documents where kind = 'order' and number = $o1")" delivered \
	"the order is delivered"
sql "update settings set value = 'NOWHERE' where key = 'dispatch_location'"
o2=$(order "$sku*1")
run "$C" deliver "$o2" $ANNA
is "$rc" 1 "a dispatch_location that is no location is refused"
like "$err" "NOWHERE" "and named"
run "$C" verify
is "$rc" 0 "verify: the stock is the sum of its movements"
done_testing
