#!/bin/sh
# The price engine from the command line, on the demo shop's lists: breaks
# reached by the product's total on the ticket, derived lists, contract,
# promotion, list rules, the employee limit, and "why this price".
. "$top_srcdir/tests/lib/sh-tap.sh"
demo_db FR
unit() { # unit TICKET SKU: the unit price stored on the ticket's line
	sql "select unit_price from ticket_lines l join tickets t on t.id = l.ticket_id
	     where t.number = $1 and l.sku = '$2' and not l.voided"
}
cat_price() { sql "select price from products where sku = '$1'"; }
pct() { echo $(( ($1 * $2 + 50) / 100 )); }  # half up, positive amounts

# Quantity breaks on retail: GRO-0021 has 12+ at -10 %, 48+ at -15 %.
p=$(cat_price GRO-0021)
run "$COMPTOIR" sell --db "$DB" 'GRO-0021*11'
is "$(unit 1 GRO-0021)" "$p" "11 units: catalogue price"
run "$COMPTOIR" sell --db "$DB" 'GRO-0021*12'
is "$(unit 2 GRO-0021)" "$(pct "$p" 90)" "12 units: the 12+ break"
ean=$(sql "select code from barcodes b join products p on p.id = b.product_id
           where p.sku = 'GRO-0021' and pack_qty = 1")
run "$COMPTOIR" sell --db "$DB" 'GRO-0021*40' "$ean*8"
is "$(unit 3 GRO-0021)" "$(pct "$p" 85)" "40 by SKU + 8 by barcode: the total reaches 48+"
is "$(sql "select count(*) from ticket_lines l join tickets t on t.id = l.ticket_id where t.number = 3")" 1 \
	"the two scans make one line"

# A derived list: resellers pay retail -25 %, before tax, from 6 units.
run "$COMPTOIR" price --db "$DB" --customer C0005 BAK-0001 6
is "$rc" 0 "price for a reseller"
b=$(cat_price BAK-0001)
gross=$(pct "$b" 75)
net=$(( gross - (gross * 550 * 2 + 10550) / (2 * 10550) ))
is "$(echo "$out" | head -1)" "$(printf '%d.%02d' $((net / 100)) $((net % 100)))" \
	"first line: retail -25 %, before tax"
like "$out" "list reseller is -25 %" "why: the derived list"
like "$out" "catalogue price" "why: from the catalogue price"
run "$COMPTOIR" sell --db "$DB" --customer C0005 'BAK-0001*2'
is "$rc" 1 "a reseller buying 2 is refused"
like "$err" "^comptoir: list reseller sells BAK-0001 from 6 units: 2 is too few" "with the rule"
run "$COMPTOIR" sell --db "$DB" --customer C0015 'BAK-0001*13'
like "$err" "by 12: 13 is not a multiple" "a distributor buys by 12"
run "$COMPTOIR" sell --db "$DB" --customer C0015 'BAK-0001*24'
is "$rc" 0 "24 is a multiple of 12"
is "$(sql "select prices_include_tax from tickets order by id desc limit 1")" 0 \
	"a B2B ticket is kept before tax"
like "$out" "Amounts before tax" "and its receipt says so"

# Contract and promotion.
run "$COMPTOIR" sell --db "$DB" --customer C0009 BAK-0001
n=$(echo "$out" | head -1 | cut -d' ' -f2)
is "$(unit "$n" BAK-0001)" "$(pct "$b" 70)" "the restaurant's contract price"
run "$COMPTOIR" price --db "$DB" --customer C0009 BAK-0001
like "$out" "contract price for this customer" "why: the contract"
jam=$(sql "select price from products p join barcodes b on b.product_id = p.id
           where b.code = '3489356355670'")
run "$COMPTOIR" price --db "$DB" 3489356355670
is "$(echo "$out" | head -1 | tr -d .)" "$(pct "$jam" 80 | sed 's/^\(.\)$/00\1/; s/^\(..\)$/0\1/')" \
	"the jam's promotion this year"
like "$out" "promotion, lower" "why: the promotion"

# A case barcode is 24 units, priced per unit.
run "$COMPTOIR" sell --db "$DB" 3450742613186
n=$(echo "$out" | head -1 | cut -d' ' -f2)
is "$(sql "select qty from ticket_lines l join tickets t on t.id = l.ticket_id where t.number = $n")" 24 \
	"a case adds 24 units"

# Employees: staff price, within 200.00 a month.
run "$COMPTOIR" sell --db "$DB" --customer C0016 BAK-0001
is "$rc" 0 "an employee buys at the staff price"
n=$(echo "$out" | head -1 | cut -d' ' -f2)
is "$(unit "$n" BAK-0001)" "$(pct "$b" 85)" "retail -15 %, tax included"
expensive=$(sql "select sku from products where price > 5000 and weighed = 0 order by price limit 1")
i=0
while [ $i -lt 60 ]; do
	"$COMPTOIR" sell --db "$DB" --customer C0016 "$expensive" >/dev/null 2>"$T/limit.err" || break
	i=$((i + 1))
done
like "$(cat "$T/limit.err")" "^comptoir: Nadia Benali's monthly limit is 200.00" \
	"past the monthly limit the sale is refused with the figures"
spent=$(sql "select sum(total) from tickets t join customers c on c.id = t.customer_id where c.code = 'C0016'")
ok "$([ "$spent" -le 20000 ]; echo $?)" "what was recorded stays within the limit ($spent)"

# The list's rules hold for the whole ticket, not for each scan.
run "$COMPTOIR" sell --db "$DB" --customer C0005 'GRO-0021*4' 'GRO-0021*2'
is "$rc" 0 "a reseller's 4 then 2 make the 6 the list asks for"
# Weighed goods: the list's minimum counts kilograms, multiples do not apply.
run "$COMPTOIR" sell --db "$DB" --customer C0015 'GRO-0001*0.250'
is "$rc" 0 "a distributor buys 0.250 kg (no multiple of 12 grams asked)"
run "$COMPTOIR" sell --db "$DB" --customer C0005 'GRO-0001*0.250'
like "$err" "from 6 units" "a reseller's minimum of 6 counts kilograms for a weighed product"
run "$COMPTOIR" sell --db "$DB" --customer C0005 'GRO-0001*6.5'
is "$rc" 0 "and 6.5 kg meets it"
# An in-store label with a price: the label's price, whatever comes before
# or after it, and it counts for nothing in the product's breaks.
sql "insert into barcodes(code, product_id) select '2000209000007', id from products where sku = 'GRO-0021'"
run "$COMPTOIR" sell --db "$DB" 2000209005002
like "$out" "^ticket [0-9]+ total 5.00" "a walk-in pays the label's 5.00"
run "$COMPTOIR" sell --db "$DB" --customer C0015 2000209005002 'GRO-0021*12'
t1=$(echo "$out" | head -1 | cut -d' ' -f4)
run "$COMPTOIR" sell --db "$DB" --customer C0015 'GRO-0021*12' 2000209005002
is "$rc" 0 "the label after the twelve is accepted too"
is "$(echo "$out" | head -1 | cut -d' ' -f4)" "$t1" "and the total does not depend on the order"

# A tax-exempt customer pays the price before tax, with no tax, and the
# exemption is on the receipt.
sql "update customers set tax_exempt = 'EXO-2026-17' where code = 'C0001'"
run "$COMPTOIR" sell --db "$DB" --customer C0001 GRO-0021
is "$rc" 0 "a sale to a tax-exempt customer"
n=$(echo "$out" | head -1 | cut -d' ' -f2)
is "$(sql "select l.tax || ':' || l.tax_rate from ticket_lines l join tickets t on t.id = l.ticket_id where t.number = $n")" \
	"0:0" "no tax on the line"
net=$(( p - (p * 550 * 2 + 10550) / (2 * 10550) ))
is "$(unit "$n" GRO-0021)" "$net" "the price before tax"
like "$out" "Exempt from tax: EXO-2026-17" "the exemption number on the receipt"

run "$COMPTOIR" price --db "$DB" --customer NOBODY BAK-0001
is "$rc" 1 "price for an unknown customer is refused"
done_testing
