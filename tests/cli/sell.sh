#!/bin/sh
# comptoir sell, receipt, price and stock on a demo shop.
. "$top_srcdir/tests/lib/sh-tap.sh"
demo_db FR

code=$(sql "select b.code from barcodes b join products p on p.id = b.product_id
            where p.weighed = 0 and b.pack_qty = 1 and p.price > 0 order by p.id limit 1")
sku=$(sql "select p.sku from barcodes b join products p on p.id = b.product_id
           where b.code = '$code'")
price=$(sql "select printf('%d.%02d', price / 100, price % 100) from products where sku = '$sku'")
stock0=$(sql "select qty from stock s join products p on p.id = s.product_id where sku = '$sku'")

run "$COMPTOIR" price --db "$DB" "$code"
is "$rc" 0 "price of $code"
is "$(echo "$out" | head -1)" "$price" "first line is the unit price"
like "$out" "catalogue price" "then why"

run "$COMPTOIR" sell --db "$DB" "$code*3"
is "$rc" 0 "sell 3 x $code in exact cash"
total=$(sql "select printf('%d.%02d', price * 3 / 100, price * 3 % 100) from products where sku = '$sku'")
is "$(echo "$out" | head -1)" "ticket 1 total $total" "first line: ticket and total"
like "$out" "TOTAL" "then the receipt"
is "$(sql "select qty from stock s join products p on p.id = s.product_id where sku = '$sku'")" \
	"$((stock0 - 3))" "stock went down by 3"
is "$(sql "select paid - change - total from tickets where number = 1")" 0 "paid - change = total"

run "$COMPTOIR" stock --db "$DB" "$sku"
is "$(echo "$out" | head -1)" "$((stock0 - 3))" "stock: first line is the quantity"
like "$out" "^MAIN $((stock0 - 3))\$" "then one line per location"

run "$COMPTOIR" sell --db "$DB" "$sku" --pay card:1000000:REF123
is "$rc" 1 "a card payment above the total is refused"
like "$err" "^comptoir: " "with a message"

run "$COMPTOIR" sell --db "$DB" "$sku" "$code" --pay "card:$price:AUTH42" --pay cash:50
is "$rc" 0 "split payment card + cash"
like "$out" "AUTH42" "the card reference is on the receipt"
is "$(sql "select count(*) from payments p join tickets t on t.id = p.ticket_id where t.number = 2")" \
	2 "two payments stored"
is "$(sql "select paid - change - total from tickets where number = 2")" 0 "paid - change = total"

run "$COMPTOIR" sell --db "$DB" "$sku" --pay cash:0.01
is "$rc" 1 "too little cash is refused"
like "$err" "unpaid" "message says what is unpaid"
is "$(sql "select count(*) from tickets")" 2 "nothing written"

key=0123456789abcdef0123456789abcdef
run "$COMPTOIR" sell --db "$DB" --key "$key" "$sku"
first=$(echo "$out" | head -1)
run "$COMPTOIR" sell --db "$DB" --key "$key" "$sku"
is "$(echo "$out" | head -1)" "$first" "the same --key gives the same ticket"
is "$(sql "select count(*) from tickets where idem_key = '$key'")" 1 "recorded once"

# Weighed goods: in-store code with the weight, and a typed weight.
wsku=$(sql "select sku from products where weighed = 1 order by id limit 1")
run "$COMPTOIR" sell --db "$DB" "$wsku*0.250"
is "$rc" 0 "weighed item with a typed weight"
like "$out" "0,250 kg" "receipt shows the weight"
run "$COMPTOIR" sell --db "$DB" "$wsku"
is "$rc" 1 "weighed item without a weight is refused"

# Receipts again, to a file and to a printer.
run "$COMPTOIR" receipt --db "$DB" 1
is "$rc" 0 "receipt 1"
like "$out" "COPY" "a reprint is marked as a copy"
run "$COMPTOIR" receipt --db "$DB" 1 --out "$T/r.txt"
is "$rc" 0 "receipt --out"
like "$(cat "$T/r.txt")" "Ticket 1" "the file holds the receipt"
run "$COMPTOIR" receipt --db "$DB" 1 --printer "file:$T/printer.txt"
is "$rc" 0 "receipt --printer file:"
like "$(cat "$T/printer.txt")" "Ticket 1" "the printer file holds the receipt"
run "$COMPTOIR" receipt --db "$DB" 999
is "$rc" 1 "unknown ticket"
like "$err" "^comptoir: no ticket 999" "says so"
run "$COMPTOIR" receipt --db "$DB" 1 --format escpos --out "$T/r.bin"
is "$rc" 0 "receipt --format escpos (tests/cli/escpos.sh checks the bytes)"

# A printer that fails does not lose the sale.
n0=$(sql "select count(*) from tickets")
run "$COMPTOIR" sell --db "$DB" --printer "file:$T/missing/dir/p.txt" "$sku"
is "$rc" 0 "sale with a failing printer exits 0"
like "$err" "^comptoir: warning: " "and warns"
is "$(sql "select count(*) from tickets")" "$((n0 + 1))" "the sale is recorded"
is "$(sql "select count(*) from print_jobs where state = 'pending'")" 1 "the job is kept"
run "$COMPTOIR" sell --db "$DB" --printer "file:$T/p.txt" "$sku"
like "$(cat "$T/p.txt")" "TOTAL" "a working file: printer gets the receipt"

# A customer.
cust=$(sql "select code from customers where kind = 'restaurant' limit 1")
run "$COMPTOIR" sell --db "$DB" --customer "$cust" "$sku"
is "$rc" 0 "sale to customer $cust"
like "$out" "$cust" "the customer is on the receipt"
run "$COMPTOIR" price --db "$DB" --customer "$cust" "$sku" 12
is "$rc" 0 "price for a customer and a quantity"
like "$out" "for the quantity asked" "explains the quantity"

# GS1-128: the GTIN names the product; a weight is the quantity of a
# weighed one; a wrong check digit never matches.
run "$COMPTOIR" sell --db "$DB" "(01)0$code(17)301231(10)LOT7"
is "$rc" 0 "a GS1 element string with GTIN, expiry and lot sells the product"
like "$out" "$(sql "select name from products where sku = '$sku'")" "the right product"
bad=$(echo "$code" | sed 's/.$//')$(( ( ${code#????????????} + 1 ) % 10 ))
run "$COMPTOIR" sell --db "$DB" "(01)0$bad"
is "$rc" 1 "a GS1 GTIN with a wrong check digit is refused"
like "$err" "^comptoir: GS1 code refused" "saying why"
run "$COMPTOIR" sell --db "$DB" "(01)0$code(99)ABC"
is "$rc" 1 "an unknown AI is refused"
wkey=$(sql "select b.code from barcodes b join products p on p.id = b.product_id where p.weighed = 1 order by p.id limit 1")
run "$COMPTOIR" sell --db "$DB" "$(printf '\035')010$wkey""3103000500"
is "$rc" 0 "a GS1 string with FNC1 and a net weight (3103) sells a weighed item"
like "$out" "0,500 kg" "500 g from the label"

# India: rupees.
DB="$T/in.db"
"$COMPTOIR" init --demo --country IN --db "$DB" >/dev/null
run "$COMPTOIR" sell --db "$DB" "$sku"
is "$rc" 0 "sale in the Indian demo shop"
like "$out" "₹" "receipt in rupees"
like "$out" "GST" "with GST"
is "$(sql "select count(*) from ticket_lines where tax <> cgst + sgst or igst <> 0")" 0 \
	"a walk-in pays CGST + SGST, summing to the tax"
run "$COMPTOIR" sell --db "$DB" --customer C0013 GRO-0030
like "$out" "IGST 12 %" "a buyer in another state pays IGST"
is "$(sql "select count(*) from ticket_lines l join tickets t on t.id = l.ticket_id
           where t.number = 2 and l.tax > 0 and l.igst = l.tax and l.cgst = 0")" 1 "stored as IGST"
done_testing
