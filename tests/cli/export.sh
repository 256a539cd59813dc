#!/bin/sh
# comptoir export on a demo shop: the columns import reads, export then
# import changes nothing (products, customers, prices), formulas guarded
# for spreadsheets, --out, --encoding, and the sales one row per line.
. "$top_srcdir/tests/lib/sh-tap.sh"
demo_db FR

snap() {
	sql "select * from products order by id; select * from barcodes order by code;
	     select * from prices order by id; select * from customers order by id" | cksum
}

run "$COMPTOIR" export products --db "$DB"
is "$rc" 0 "export products"
is "$(echo "$out" | head -1)" \
	"sku,name,price,tax_rate,barcode,unit,pack_of,pack_barcode,cost,brand,category,supplier,weighed" \
	"header: the columns import reads"
is "$(echo "$out" | wc -l)" "$(( $(sql "select count(*) from products") + 1 ))" "one line per product"
case_sku=$(sql "select p.sku from barcodes b join products p on p.id = b.product_id where b.pack_qty > 1 limit 1")
case_line=$(sql "select p.sku || ',' || b.pack_qty || ',' || b.code from barcodes b
                 join products p on p.id = b.product_id where p.sku = '$case_sku' and b.pack_qty > 1")
like "$(echo "$out" | grep "^$case_sku,")" ",${case_line#*,}," "a case: pack_of and pack_barcode"

for kind in products customers prices; do
	run "$COMPTOIR" export "$kind" --db "$DB" --out "$T/$kind.csv"
	is "$rc$out" 0 "export $kind --out: nothing on stdout"
	n=$(( $(wc -l <"$T/$kind.csv") - 1 ))
	before=$(snap)
	run "$COMPTOIR" import "$kind" "$T/$kind.csv" --db "$DB"
	is "$out" "added 0, changed 0, unchanged $n" "export then import $kind: all $n unchanged"
	is "$(snap)" "$before" "and the tables are the same"
done

# Text a spreadsheet would run is guarded with ', and the guard comes off
# again on import.
printf 'sku,name,price,tax_rate,brand,category,supplier\n' >"$T/formula.csv"
printf 'F-1,"=HYPERLINK(""http://x"",""y"")",1.00,20,@SUM(A1),+33 1 23,-minus\n' >>"$T/formula.csv"
printf "F-2,'=quoted already,1.00,20,it's fine,,\n" >>"$T/formula.csv"
run "$COMPTOIR" import products "$T/formula.csv" --db "$DB"
is "$out" "added 2, changed 0, unchanged 0" "products named like formulas"
is "$(sql "select name || '|' || brand || '|' || category || '|' || supplier from products where sku = 'F-1'")" \
	'=HYPERLINK("http://x","y")|@SUM(A1)|+33 1 23|-minus' "stored as written"
is "$(sql "select name from products where sku = 'F-2'")" "=quoted already" "a guard in the file comes off"
run "$COMPTOIR" export products --db "$DB"
line=$(echo "$out" | grep '^F-1,')
is "$line" "F-1,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",1.00,20,,pc,,,0.00,'@SUM(A1),'+33 1 23,'-minus,0" \
	"exported with a ' before =, @, + and -"
is "$(echo "$out" | grep '^F-2,')" "F-2,'=quoted already,1.00,20,,pc,,,0.00,it's fine,,,0" \
	"a ' inside text is left alone"
echo "$out" >"$T/guarded.csv"
run "$COMPTOIR" import products "$T/guarded.csv" --db "$DB"
like "$out" "^added 0, changed 0, unchanged " "guarded cells import back unchanged"

# Quotes, commas and an encoding without some of the characters.
printf 'sku,name,price,tax_rate\nQ-1,"Crème ""brûlée"", 4 pièces ₹",3.20,5.5\n' >"$T/q.csv"
"$COMPTOIR" import products "$T/q.csv" --db "$DB" >/dev/null
run "$COMPTOIR" export products --db "$DB"
like "$(echo "$out" | grep '^Q-1,')" '^Q-1,"Crème ""brûlée"", 4 pièces ₹",3.20,5.5,' "quoted with quotes doubled"
run "$COMPTOIR" export products --db "$DB" --encoding ISO-8859-15 --out "$T/latin9.csv"
is "$rc" 0 "--encoding ISO-8859-15"
is "$(grep -a '^Q-1,' "$T/latin9.csv" | iconv -f ISO-8859-15 -t UTF-8 | cut -d, -f2-3)" \
	'"Crème ""brûlée"", 4 pièces Rs"' "written in Latin-9, ₹ transliterated"
run "$COMPTOIR" import products "$T/latin9.csv" --db "$DB" --encoding ISO-8859-15
like "$out" "^added 0, changed 1, unchanged " "read back with --encoding: only the transliterated name differs"
run "$COMPTOIR" export products --db "$DB" --encoding NO-SUCH-CHARSET
is "$rc" 1 "unknown encoding refused"

# Sales: one row per ticket line, read only.
"$COMPTOIR" sell --db "$DB" "GRO-0021*2" BAK-0001 >/dev/null
before=$(snap)
run "$COMPTOIR" export sales --db "$DB"
is "$rc" 0 "export sales"
is "$(echo "$out" | head -1)" "ticket,date,sku,name,qty,unit_price,amount,discount,net,tax_rate,tax,gross" \
	"sales header"
is "$(echo "$out" | wc -l)" 3 "one row per line"
like "$(echo "$out" | sed -n 2p)" '^1,[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{8},GRO-0021,[^,]+,2,' "ticket, date, sku, name, qty"
total=$(sql "select printf('%d.%02d', total / 100, total % 100) from tickets where number = 1")
is "$(echo "$out" | tail -n +2 | awk -F, '{ s += int($NF * 100 + 0.5) } END { printf "%d.%02d", s / 100, s % 100 }')" \
	"$total" "the gross of the lines add up to the ticket's total"
is "$(snap)" "$before" "export writes nothing"

run "$COMPTOIR" export stock --db "$DB"
is "$rc" 2 "stock is not exported"
run "$COMPTOIR" export nothing --db "$DB"
is "$rc" 2 "unknown kind"
run "$COMPTOIR" export products --db "$DB" --out "$T/no/such/dir.csv"
is "$rc" 1 "an --out that cannot be written"
like "$err" "^comptoir: cannot write $T/no/such/dir.csv" "says so"
run "$COMPTOIR" export --help
is "$rc" 0 "--help"
like "$out" "sales +ticket, date" "--help lists the columns"
done_testing
