#!/bin/sh
# comptoir import on a demo shop: good files (';' and decimal comma, BOM,
# CP1252, --encoding), --dry-run, each bad file refused with its line and
# nothing imported, the undo of a write that fails half-way, stock set by
# difference, and a 100,000-row import.
. "$top_srcdir/tests/lib/sh-tap.sh"
demo_db FR

# The tables an import may touch, as one checksum.
snap() {
	sql "select * from products order by id; select * from barcodes order by code;
	     select * from stock order by product_id, location_id; select * from prices order by id;
	     select * from customers order by id; select count(*) from product_search" | cksum
}

refused() { # refused DESCRIPTION FILE PATTERN [OPTION]...: exit 1, first line, nothing written
	desc=$1 file=$2 pat=$3
	shift 3
	before=$(snap)
	run "$COMPTOIR" import products "$file" --db "$DB" "$@"
	is "$rc" 1 "$desc: exit 1"
	like "$(echo "$err" | head -1)" "^comptoir: $pat" "$desc: first line says where and why"
	is "$(snap)" "$before" "$desc: nothing imported"
}

# A good file as a French spreadsheet writes it: BOM, ';', decimal comma,
# quotes doubled, barcodes with '|', a case barcode; UPC-A stored as EAN-13.
printf '\357\273\277SKU;Name;Price;Tax_Rate;Barcode;Unit;Pack_of;Pack_Barcode;Cost;Brand;Weighed\r\n' >"$T/good.csv"
printf 'IMP-1;"Café ""Arabica"" 250 g";12,50;5,5;4006381333931|036000291452;pc;12;5901234123457;8,10;Maison;0\r\n' >>"$T/good.csv"
printf 'IMP-2;Thé vert en vrac;39,90;5,5;ABC-123;kg;;;;;1\r\n' >>"$T/good.csv"
printf ';;;;;;;;;;\r\n' >>"$T/good.csv"
run "$COMPTOIR" import products "$T/good.csv" --db "$DB"
is "$rc" 0 "good file with ';', BOM and decimal comma"
is "$out" "added 2, changed 0, unchanged 0" "summary"
is "$err" "" "nothing on stderr (no progress bar off a terminal)"
is "$(sql "select name || '|' || price || '|' || cost || '|' || unit || '|' || brand || '|' || weighed
           from products where sku = 'IMP-1'")" 'Café "Arabica" 250 g|1250|810|pc|Maison|0' "fields stored"
is "$(sql "select t.rate from products p join tax_classes t on t.id = p.tax_class_id where sku = 'IMP-1'")" \
	550 "5,5 % is the shop's 5.5 % class"
is "$(sql "select group_concat(code || ':' || pack_qty, ' ') from (select b.code, b.pack_qty from barcodes b
           join products p on p.id = b.product_id where sku = 'IMP-1' order by b.code)")" \
	"0036000291452:1 4006381333931:1 5901234123457:12" "barcodes normalised, the case at 12"
is "$(sql "select weighed || unit from products where sku = 'IMP-2'")" "1kg" "weighed product"
run "$COMPTOIR" price --db "$DB" 5901234123457
is "$(echo "$out" | head -1)" "12.50" "the new case barcode is found at the counter"
run "$COMPTOIR" import products "$T/good.csv" --db "$DB"
is "$out" "added 0, changed 0, unchanged 2" "the same file again changes nothing"

printf 'sku,name,price,tax_rate\nIMP-1,"Café ""Arabica"" 250 g",13.00,5.5\nIMP-3,Sucre,1.10,5.5\n' >"$T/change.csv"
before=$(snap)
run "$COMPTOIR" import products "$T/change.csv" --db "$DB" --dry-run
is "$rc" 0 "--dry-run"
is "$(echo "$out" | head -1)" "added 1, changed 1, unchanged 0" "--dry-run counts"
like "$out" "dry run" "--dry-run says so"
is "$(snap)" "$before" "--dry-run writes nothing"
run "$COMPTOIR" import products "$T/change.csv" --db "$DB"
is "$out" "added 1, changed 1, unchanged 0" "a changed price and a new product"
is "$(sql "select price || '|' || brand || '|' || cost from products where sku = 'IMP-1'")" "1300|Maison|810" \
	"columns left out of the file are kept"

printf 'Tax_Rate,PRICE,name,Sku\n20,"2,00",Ordre libre,IMP-8\n' >"$T/order.csv"
run "$COMPTOIR" import products "$T/order.csv" --db "$DB"
is "$(sql "select name || '|' || price from products where sku = 'IMP-8'")" "Ordre libre|200" \
	"columns in any order and case"

# Encodings.
printf 'sku,name,price,tax_rate\nIMP-4,Caf\351 cr\350me,2.50,5.5\n' >"$T/cp1252.csv"
run "$COMPTOIR" import products "$T/cp1252.csv" --db "$DB"
is "$rc" 0 "a CP1252 file without --encoding"
is "$err" "comptoir: note: $T/cp1252.csv is not UTF-8; read as CP1252" "the note says so"
is "$(sql "select name from products where sku = 'IMP-4'")" "Café crème" "read as CP1252"
printf 'sku,name,price,tax_rate\nIMP-5,Plat \244 \275uvre,2.50,20\n' >"$T/latin9.csv"
run "$COMPTOIR" import products "$T/latin9.csv" --db "$DB" --encoding ISO-8859-15
is "$rc" 0 "--encoding ISO-8859-15"
is "$(sql "select name from products where sku = 'IMP-5'")" "Plat € œuvre" "€ and œ from Latin-9"
printf 'sku,name,price,tax_rate\nIMP-6,Thé,2.50,20\n' | iconv -f UTF-8 -t UTF-16 >"$T/utf16.csv"
run "$COMPTOIR" import products "$T/utf16.csv" --db "$DB" --encoding UTF-16
is "$out" "added 1, changed 0, unchanged 0" "--encoding UTF-16"
is "$(sql "select name from products where sku = 'IMP-6'")" "Thé" "read from UTF-16"
printf 'sku,name,price,tax_rate\nIMP-7,A\000B,2.50,20\n' | iconv -f UTF-8 -t UTF-16LE >"$T/utf16.csv"
before=$(snap)
run "$COMPTOIR" import products "$T/utf16.csv" --db "$DB" --encoding UTF-16LE
like "$err" "^comptoir: $T/utf16.csv:2: a NUL byte" "a NUL character in UTF-16 is found, on its line"
is "$(snap)" "$before" "nothing imported"
run "$COMPTOIR" import products "$T/latin9.csv" --db "$DB" --encoding NO-SUCH-CHARSET
is "$rc" 1 "unknown encoding refused"
like "$err" "^comptoir: unknown encoding 'NO-SUCH-CHARSET'" "and named"

# Bad files, each refused with its line and nothing imported.
H='sku,name,price,tax_rate'
printf '%s\nOK-1,Fine,1.00,20\nOK-2,Caf\351,1.00,20\n' "$H" >"$T/bad.csv"
refused "wrong encoding" "$T/bad.csv" "$T/bad.csv:3: not valid UTF-8" --encoding UTF-8
printf '%s\nOK-1,Fine,1.00,20\nOK-2,Short,1.00\nOK-3,Long,1.00,20,x\n' "$H" >"$T/bad.csv"
refused "ragged rows" "$T/bad.csv" "$T/bad.csv:3: 3 fields where the header has 4"
like "$err" "bad.csv:4: 5 fields" "the second ragged row is listed too"
printf '%s\nOK-1,Fine,1.00,20\nOK-2,"Open,1.00,20\nOK-3,More,1.00,20\n' "$H" >"$T/bad.csv"
refused "unterminated quote" "$T/bad.csv" "$T/bad.csv:3: a quote opened here is never closed"
printf '%s\nOK-1,Fine,1.00,20\nOK-2,Two,1.00,20\nOK-1,Again,1.00,20\n' "$H" >"$T/bad.csv"
refused "duplicate SKU" "$T/bad.csv" "$T/bad.csv:4: SKU OK-1 is also on line 2"
printf '%s\nOK-1,Fine,1.00,20\nOK-2,Minus,-1.00,20\n' "$H" >"$T/bad.csv"
refused "negative price" "$T/bad.csv" "$T/bad.csv:3: price '-1.00' is negative"
printf '%s\nOK-1,Fine,1.00,20\nOK-2,Words,twelve,20\n' "$H" >"$T/bad.csv"
refused "non-numeric price" "$T/bad.csv" "$T/bad.csv:3: price 'twelve' is not an amount"
printf '%s\nOK-1,Fine,1.0001,20\n' "$H" >"$T/bad.csv"
refused "price with too many decimals" "$T/bad.csv" "$T/bad.csv:2: price '1.0001'"
{ printf '%s\nOK-1,' "$H"; head -c 10485760 /dev/zero | tr '\0' x; printf ',1.00,20\n'; } >"$T/bad.csv"
refused "a 10 MB line" "$T/bad.csv" "$T/bad.csv:2: a field is too long"
printf '%s\nOK-1,Fine,1.00,20\nOK-2,Nul\000here,1.00,20\n' "$H" >"$T/bad.csv"
refused "NUL bytes" "$T/bad.csv" "$T/bad.csv:3: a NUL byte"
printf '%s\nOK-1,Fine,1.00,20\nOK-2,Bell\007here,1.00,20\n' "$H" >"$T/bad.csv"
refused "control character in a field" "$T/bad.csv" "$T/bad.csv:3: name: control characters"
printf '%s\nOK-1,"Two\nlines",1.00,20\n' "$H" >"$T/bad.csv"
refused "line break inside a quoted name" "$T/bad.csv" "$T/bad.csv:2: name: control characters"
printf '%s,colour\nOK-1,Fine,1.00,20,red\n' "$H" >"$T/bad.csv"
refused "unknown column" "$T/bad.csv" "$T/bad.csv:1: unknown column 'colour' \(products files have: sku, name, price, tax_rate, barcode"
printf 'sku,name,tax_rate\nOK-1,Fine,20\n' >"$T/bad.csv"
refused "missing column" "$T/bad.csv" "$T/bad.csv:1: missing column 'price' \(products files need: sku, name, price, tax_rate\)"
printf '%s\nOK-1,Fine,1.00,19.6\n' "$H" >"$T/bad.csv"
refused "tax rate the shop lacks" "$T/bad.csv" "$T/bad.csv:2: tax rate '19.6' is not one of the shop's rates \(20, 10, 5.5, 2.1\)"
printf '%s,barcode\nOK-1,Fine,1.00,20,4006381333932\n' "$H" >"$T/bad.csv"
refused "wrong check digit" "$T/bad.csv" "$T/bad.csv:2: barcode 4006381333932: wrong check digit"
printf '%s,barcode\nOK-1,Fine,1.00,20,12345\n' "$H" >"$T/bad.csv"
refused "digits that are no barcode" "$T/bad.csv" "$T/bad.csv:2: barcode 12345: digits only"
printf '%s,barcode\nOK-1,Fine,1.00,20,4006381333931\n' "$H" >"$T/bad.csv"
refused "another product's barcode" "$T/bad.csv" "$T/bad.csv:2: barcode 4006381333931 belongs to product IMP-1"
printf '%s,pack_of,pack_barcode\nOK-1,Fine,1.00,20,,96385074\n' "$H" >"$T/bad.csv"
refused "a pack without its size" "$T/bad.csv" "$T/bad.csv:2: pack_barcode needs pack_of"
printf '%s\nOK 1,Fine,1.00,20\n' "$H" >"$T/bad.csv"
refused "SKU with a space" "$T/bad.csv" "$T/bad.csv:2: sku 'OK 1'"
: >"$T/bad.csv"
refused "empty file" "$T/bad.csv" "$T/bad.csv: the file is empty"
{ echo "$H"; i=1; while [ $i -le 15 ]; do echo "E-$i,Bad,x,20"; i=$((i + 1)); done; } >"$T/bad.csv"
refused "many errors" "$T/bad.csv" "$T/bad.csv:2: price 'x'"
is "$(echo "$err" | grep -c "is not an amount")" 10 "the first ten are listed"
like "$(echo "$err" | tail -1)" "^comptoir: $T/bad.csv: nothing imported$" "last line: nothing imported"

run "$COMPTOIR" import sales "$T/good.csv" --db "$DB"
is "$rc" 2 "sales cannot be imported"
run "$COMPTOIR" import products --db "$DB"
is "$rc" 2 "a FILE is needed"
run "$COMPTOIR" import products "$T/none.csv" --db "$DB"
is "$rc" 1 "a missing file is refused"
like "$err" "^comptoir: $T/none.csv: cannot read the file" "and said so"
run "$COMPTOIR" import --help
is "$rc" 0 "--help"
like "$out" "products +sku, name, price, tax_rate; optional: barcode, unit" "--help lists the columns"

# Customers, with a price list that must exist.
printf 'code,name,kind,price_list,credit_limit,terms,email\nB2B-1,Bistrot du Port,restaurant,restaurant,"1 500,00",net30,chef@example.fr\n' >"$T/cust.csv"
run "$COMPTOIR" import customers "$T/cust.csv" --db "$DB"
is "$out" "added 1, changed 0, unchanged 0" "customer added"
is "$(sql "select c.kind || '|' || l.code || '|' || c.credit_limit || '|' || c.terms from customers c
           join price_lists l on l.id = c.price_list_id where c.code = 'B2B-1'")" \
	"restaurant|restaurant|150000|net30" "customer fields stored"
printf 'code,name,kind,price_list\nB2B-2,Hôtel,restaurant,hotels\n' >"$T/cust.csv"
before=$(snap)
run "$COMPTOIR" import customers "$T/cust.csv" --db "$DB"
is "$rc" 1 "an unknown price list is refused"
like "$err" "^comptoir: $T/cust.csv:2: no price list 'hotels'" "with its line"
is "$(snap)" "$before" "nothing imported"

# Prices: list and SKU must exist; days as YYYY-MM-DD, kept as YYYYMMDD.
printf 'list;sku;price;min_qty;valid_from;valid_to\nwholesale;IMP-1;9,90;;;\nwholesale;IMP-1;8,90;12;2025-01-01;2025-12-31\n' >"$T/prices.csv"
run "$COMPTOIR" import prices "$T/prices.csv" --db "$DB"
is "$out" "added 2, changed 0, unchanged 0" "prices added"
is "$(sql "select group_concat(min_qty || ':' || price || ':' || valid_from || ':' || valid_to, ' ')
           from (select * from prices r join products p on p.id = r.product_id where p.sku = 'IMP-1' order by min_qty)")" \
	"1:990:0:0 12:890:20250101:20251231" "min_qty 1 by default, days as YYYYMMDD"
printf 'list,sku,price,valid_to\nwholesale,IMP-1,9.90,2025-02-30\nnolist,IMP-1,1,\nwholesale,NOPE,1,\n' >"$T/prices.csv"
before=$(snap)
run "$COMPTOIR" import prices "$T/prices.csv" --db "$DB"
is "$rc" 1 "bad prices refused"
like "$err" "prices.csv:2: valid_to '2025-02-30' is not a date" "a day that does not exist"
like "$err" "prices.csv:3: no price list 'nolist'" "an unknown list"
like "$err" "prices.csv:4: no product with SKU NOPE" "an unknown SKU"
is "$(snap)" "$before" "nothing imported"

# Stock: the quantity on hand is set by adding the difference.
q0=$(sql "select qty from stock s join products p on p.id = s.product_id where sku = 'GRO-0021'")
q1=$((q0 + 17))
printf 'sku,quantity,location\nGRO-0021,%s,MAIN\nIMP-1,7,\n' "$q1" >"$T/stock.csv"
run "$COMPTOIR" import stock "$T/stock.csv" --db "$DB" --user admin --pin 9999
is "$out" "added 1, changed 1, unchanged 0" "stock set"
run "$COMPTOIR" stock --db "$DB" GRO-0021
is "$(echo "$out" | head -1)" "$q1" "GRO-0021 now $q1 (was $q0)"
"$COMPTOIR" sell --db "$DB" "GRO-0021*3" >/dev/null
run "$COMPTOIR" import stock "$T/stock.csv" --db "$DB" --user admin --pin 9999
is "$out" "added 0, changed 1, unchanged 1" "after a sale, the count is set again"
run "$COMPTOIR" stock --db "$DB" GRO-0021
is "$(echo "$out" | head -1)" "$q1" "back to $q1"
wsku=$(sql "select sku from products where weighed = 1 order by id limit 1")
printf 'sku;quantity\n%s;2,5\n' "$wsku" >"$T/stock.csv"
run "$COMPTOIR" import stock "$T/stock.csv" --db "$DB" --user admin --pin 9999
run "$COMPTOIR" stock --db "$DB" "$wsku"
is "$(echo "$out" | head -1)" "2.500" "a weighed product's stock in kg with a decimal comma"
printf 'sku,quantity,location,lot,expiry\nGRO-0022,6,,L42,2026-01-31\nGRO-0022,4,MAIN,L43,\n' >"$T/stock.csv"
run "$COMPTOIR" import stock "$T/stock.csv" --db "$DB" --user admin --pin 9999
is "$out" "added 2, changed 0, unchanged 0" "stock in two lots"
run "$COMPTOIR" stock --db "$DB" GRO-0022
like "$out" "^  lot L42 expiry 2026-01-31 6$" "lot L42 with its expiry"
like "$out" "^  lot L43 expiry - 4$" "lot L43 without one"
printf 'sku,quantity,lot\nGRO-0022,2,L42\nGRO-0022,4,L43\n' >"$T/stock.csv"
run "$COMPTOIR" import stock "$T/stock.csv" --db "$DB" --user admin --pin 9999
is "$out" "added 0, changed 1, unchanged 1" "a lot's quantity is set again"
run "$COMPTOIR" stock --db "$DB" GRO-0022
like "$out" "^  lot L42 expiry 2026-01-31 2$" "L42 now holds 2"
printf 'sku,quantity,location,lot,expiry\nGRO-0021,5,BACK,,\nGRO-0022,5,,L42,2026-13-31\nGRO-0023,-1,,,\nGRO-0023,1,,,2027-01-01\n' >"$T/stock.csv"
before=$(snap)
run "$COMPTOIR" import stock "$T/stock.csv" --db "$DB" --user admin --pin 9999
is "$rc" 1 "bad stock refused"
like "$err" "stock.csv:2: no location 'BACK'" "an unknown location"
like "$err" "stock.csv:3: expiry '2026-13-31' is not a date" "a bad expiry date"
like "$err" "stock.csv:4: quantity '-1'" "a negative quantity"
like "$err" "stock.csv:5: an expiry date needs a lot" "an expiry without a lot"
is "$(snap)" "$before" "nothing imported"

# A write that fails half-way: what the earlier transactions wrote is taken
# back (prices restored, barcodes and products removed, stock undone).
{
	echo "sku,name,price,tax_rate,barcode"
	sql "select sku || ',Changed ' || id || ',9.99,5.5,UNDO-' || id from products order by id limit 300"
	awk 'BEGIN { for (i = 1; i <= 2000; i++) printf "UNDO-%05d,Produit %d,1.00,20,\n", i, i }'
} >"$T/undo.csv"
sql "create trigger undo_test before insert on products when new.sku = 'UNDO-01900'
     begin select raise(abort, 'refused by the test'); end;"
before=$(snap)
run "$COMPTOIR" import products "$T/undo.csv" --db "$DB"
is "$rc" 1 "a write refused half-way"
like "$err" "^comptoir: $T/undo.csv:[0-9]+: cannot write the rows from this line on: .*refused by the test; what was written is taken back" \
	"says so with a line"
is "$(snap)" "$before" "everything taken back"
is "$(sql "select count(*) from product_search where product_search match '\"UNDO\"*'")" 0 \
	"the search index is back too"
sql "insert into product_search(product_search) values ('integrity-check')"
is "$?" 0 "and passes its integrity check"
sql "drop trigger undo_test"
{
	echo "sku,quantity"
	sql "select sku || ',' || (1000 + id) from products where weighed = 0 and sku not like 'UNDO%'
	     order by id limit 1500" | awk -F, 'NR == 1400 { $2 = 4242 } { print $1 "," $2 }'
} >"$T/undo_stock.csv"
sql "create trigger undo_test before update on stock when new.qty = 4242
     begin select raise(abort, 'refused by the test'); end;"
before=$(snap)
run "$COMPTOIR" import stock "$T/undo_stock.csv" --db "$DB" --user admin --pin 9999
is "$rc" 1 "a stock write refused half-way"
is "$(snap)" "$before" "stock taken back"
sql "drop trigger undo_test"

# 100,000 rows.
awk 'BEGIN { print "sku,name,price,tax_rate,brand";
	for (i = 1; i <= 100000; i++) printf "BIG-%06d,Produit %d,%d.%02d,20,Marque %d\n", i, i, i % 500, i % 100, i % 37 }' \
	>"$T/big.csv"
start=$(date +%s)
run "$COMPTOIR" import products "$T/big.csv" --db "$DB"
echo "# 100,000 new products imported in $(( $(date +%s) - start )) s"
is "$out" "added 100000, changed 0, unchanged 0" "100,000 rows imported"
is "$(sql "select count(*) from products where sku like 'BIG-%'")" 100000 "all there"
run "$COMPTOIR" price --db "$DB" BIG-099999
is "$(echo "$out" | head -1)" "499.99" "the last one sells"
done_testing
