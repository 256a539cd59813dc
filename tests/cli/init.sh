#!/bin/sh
# comptoir init and the demo shop, for both countries.
. "$top_srcdir/tests/lib/sh-tap.sh"

run "$COMPTOIR" init --db "$T/fr.db" --demo --country FR
is "$rc" 0 "init --demo --country FR succeeds"
like "$out" "shop created at $T/fr.db" "says where"
DB="$T/fr.db"
n=$(sql "select count(*) from products")
ok "$([ "$n" -ge 2000 ]; echo $?)" "at least 2,000 products ($n)"
is "$(sql "select group_concat(rate, ' ') from (select rate from tax_classes order by rate desc)")" \
	"2000 1000 550 210" "French VAT rates 20/10/5.5/2.1"
is "$(sql "select count(distinct kind) >= 6 from customers")" 1 "customers of six kinds or more"
for k in retail reseller restaurant wholesale employee; do
	is "$(sql "select count(*) > 0 from customers where kind like '$k%'")" 1 "a $k customer"
done
is "$(sql "select count(*) > 0 from products where weighed = 1")" 1 "weighed items"
is "$(sql "select count(*) > 0 from products where name like '%é%' or name like '%è%'")" 1 \
	"French names with accents"
ok "$([ "$(sql "select count(*) from stock where qty > 0")" -gt 1000 ]; echo $?)" \
	"most products in stock"

# The five codes README lists all resolve in the demo shop.
codes=$(sed -n '/^| code /,/^$/p' "$top_srcdir/README.md" | grep -oE '^\| `[^`]+`' | tr -d '|` ')
is "$(echo "$codes" | wc -w)" 5 "README lists five codes to try"
for c in $codes; do
	run "$COMPTOIR" price --db "$DB" "$c"
	is "$rc" 0 "README code $c has a price"
done

run "$COMPTOIR" init --db "$T/fr.db" --demo
is "$rc" 1 "init on an existing shop is refused"
like "$err" "^comptoir: .*already holds a shop" "with a clear message"

run "$COMPTOIR" init --db "$T/in.db" --demo --country IN
is "$rc" 0 "init --demo --country IN succeeds"
DB="$T/in.db"
is "$(sql "select group_concat(rate, ' ') from (select rate from tax_classes order by rate)")" \
	"0 500 1200 1800 2800" "Indian GST rates 0/5/12/18/28"
is "$(sql "select value from settings where key = 'currency'")" INR "currency INR"

run "$COMPTOIR" init --db "$T/empty.db"
is "$rc" 0 "init without --demo makes an empty shop"
DB="$T/empty.db"
is "$(sql "select count(*) from products")" 0 "no products"

run "$COMPTOIR" init --db "$T/x.db" --country DE
is "$rc" 2 "unknown country is a usage error"
ok "$([ ! -e "$T/x.db" ]; echo $?)" "and no file was made"

run "$COMPTOIR" init
is "$rc" 2 "init without --db is a usage error"

run "$COMPTOIR" --version
is "$rc" 0 "--version"
like "$out" "^comptoir [0-9]" "prints the version"
run "$COMPTOIR" --help
like "$out" "sell" "--help lists the commands"
for c in init demo sell price receipt stock; do
	run "$COMPTOIR" "$c" --help
	is "$rc" 0 "$c --help exits 0"
	like "$out" "^usage: comptoir $c" "$c --help shows its usage"
done
run "$COMPTOIR" frobnicate
is "$rc" 2 "unknown command is a usage error"
done_testing
