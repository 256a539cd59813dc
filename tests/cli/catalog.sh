#!/bin/sh
# The buyers' catalog on the demo shop: a list's prices, breaks and case
# sizes as 80-column text and as an A4 PDF read back with pdftotext; the
# refusals (unknown list, bad name, a file that cannot be written).
. "$top_srcdir/tests/lib/sh-tap.sh"
command -v pdftotext >/dev/null 2>&1 || skip_all "pdftotext (poppler-utils) is not installed"
demo_db FR

# "1.70" from `comptoir price` as the French shop writes it: "1,70 €".
fr() { printf '%s €' "$(echo "$1" | tr . ,)"; }
price() { "$COMPTOIR" price --db "$DB" "$@" | head -1; }
line_of() { grep -n -x -F -- "$2" "$1" | head -1 | cut -d: -f1; }

run "$COMPTOIR" catalog --db "$DB" --list reseller --out "$T/reseller.txt"
is "$rc" 0 "the reseller catalog as text"
like "$out" "reseller.txt: 2401 products on [0-9]+ pages" "it says what it wrote"
txt=$(cat "$T/reseller.txt")
like "$txt" "Unit prices before tax" "the reseller's prices are before tax"
like "$txt" "minimum 6 units per product" "with the list's minimum"
like "$txt" "^Price list: Resellers +Prices on [0-9]{2}/[0-9]{2}/[0-9]{4}$" "the list's name and the date"
like "$txt" "^Épicerie Comptoir \(démo\)$" "the shop's name"
p1=$(fr "$(price --customer C0005 GRO-0021)")
like "$txt" "^GRO-0021 +Confiture de fraises 220 g +pc +case of 12 +1\+ +$p1$" \
	"a product at the reseller's price ($p1), with its case"
p12=$(fr "$(price --customer C0005 GRO-0021 12)")
p48=$(fr "$(price --customer C0005 GRO-0021 48)")
after=$(grep -A2 '^GRO-0021 ' "$T/reseller.txt" | tail -2)
like "$after" "^ +12\+ +$p12$" "the retail 12+ break, derived for the reseller ($p12)"
like "$after" " +48\+ +$p48$" "and the 48+ break ($p48)"
like "$txt" "^GRO-0513 .* case of 24 " "a case of 24"
unlike "$(grep -A1 '^BAK-0001 ' "$T/reseller.txt" | tail -1)" "^ +[0-9]+\+ " \
	"no break line for a product without breaks"
a=$(line_of "$T/reseller.txt" "Apéritif"); b=$(line_of "$T/reseller.txt" "Biscuits")
c=$(line_of "$T/reseller.txt" "Câbles et adaptateurs"); d=$(line_of "$T/reseller.txt" "Composants")
e=$(line_of "$T/reseller.txt" "Éclairage"); f=$(line_of "$T/reseller.txt" "Entretien")
g=$(line_of "$T/reseller.txt" "Épicerie fine"); h=$(line_of "$T/reseller.txt" "Viennoiseries")
ok "$([ -n "$a$b$c$d$e$f$g$h" ] && [ "$a" -lt "$b" ] && [ "$b" -lt "$c" ] && [ "$c" -lt "$d" ] &&
      [ "$d" -lt "$e" ] && [ "$e" -lt "$f" ] && [ "$f" -lt "$g" ] && [ "$g" -lt "$h" ]; echo $?)" \
	"categories in order, accents aside ($a $b $c $d $e $f $g $h)"
width=$(tr -d '\f' < "$T/reseller.txt" | wc -L)
ok "$([ "$width" -le 80 ]; echo $?)" "no line is wider than 80 columns ($width)"
pages=$(($(tr -cd '\f' < "$T/reseller.txt" | wc -c) + 1))
is "$(grep -c '^SKU  *Product  *Unit  *Pack  *Qty  *Price$' "$T/reseller.txt")" "$pages" \
	"the column headings on each of the $pages pages"
is "$(grep -c 'Page [0-9]*$' "$T/reseller.txt")" "$pages" "a page number on each page"
like "$txt" "^[^ ].* \(continued\)$" "a category cut by a page says so"

run "$COMPTOIR" catalog --db "$DB" --list reseller --out "$T/reseller.pdf"
is "$rc" 0 "the reseller catalog as PDF"
is "$(head -c 4 "$T/reseller.pdf")" "%PDF" "the file is a PDF"
pdftotext -layout "$T/reseller.pdf" "$T/reseller.pdf.txt"
pdf=$(cat "$T/reseller.pdf.txt")
like "$pdf" "Épicerie Comptoir \(démo\)" "the PDF's text has the shop's name"
like "$pdf" "Crème brûlée" "an accented product name, spelled right"
like "$pdf" "€" "the euro sign"
like "$(grep '^GRO-0021 ' "$T/reseller.pdf.txt")" "Confiture de fraises 220 g .*case of 12 .*1\+ +$p1" \
	"a product at the reseller's price in the PDF"
like "$(grep -A1 '^GRO-0021 ' "$T/reseller.pdf.txt" | tail -1)" "12\+ +$p12" "and its break"
like "$(pdftotext -f 2 -l 2 -layout "$T/reseller.pdf" -)" "SKU +Product +Unit +Pack +Qty +Price" \
	"page 2 repeats the column headings"
like "$(pdftotext -f 2 -l 2 "$T/reseller.pdf" -)" "Page 2" "and is numbered"
if command -v pdffonts >/dev/null 2>&1; then
	like "$(pdffonts "$T/reseller.pdf")" "DejaVuSans +TrueType .* yes +yes +yes" "DejaVu Sans is embedded"
fi
if command -v pdfinfo >/dev/null 2>&1; then
	like "$(pdfinfo "$T/reseller.pdf")" "Page size: +595 x 842 pts \(A4\)" "A4 pages"
fi

run "$COMPTOIR" catalog --db "$DB" --list retail --out "$T/retail.txt"
is "$rc" 0 "the retail catalog"
txt=$(cat "$T/retail.txt")
like "$txt" "Unit prices, tax included" "retail prices include tax"
r12=$(fr "$(price GRO-0021 12)")
like "$(grep -A1 '^GRO-0021 ' "$T/retail.txt" | tail -1)" "^ +12\+ +$r12$" "retail's own break ($r12)"
jam=$(fr "$(price 3489356355670)")
like "$txt" "^GRO-0022 .* 1\+ +$jam\*$" "the jam at its promotional price ($jam), marked"
like "$txt" "^\* promotional price" "with the mark explained"
like "$(grep '^GRO-0001 ' "$T/retail.txt")" " kg +[0-9]+,[0-9]{2} €$" "a weighed product, per kg"

run "$COMPTOIR" catalog --db "$DB" --list distributor --out "$T/distributor.TXT"
like "$(cat "$T/distributor.TXT")" "by multiples of 12 units" "the distributor's order multiple"

run "$COMPTOIR" catalog --db "$DB" --list reseller --category epices --out "$T/epices.txt"
is "$rc" 0 "one category, named without its accent"
is "$(grep -c -x -e 'Épices' -e 'Biscuits' "$T/epices.txt")" 1 "only that category"

run "$COMPTOIR" catalog --db "$DB" --list nobody --out "$T/nobody.pdf"
is "$rc" 1 "an unknown list is refused"
like "$err" "^comptoir: unknown price list 'nobody' \(the shop has: retail, wholesale, reseller, distributor, restaurant, employee\)$" \
	"with the shop's list codes"
ok "$([ ! -e "$T/nobody.pdf" ]; echo $?)" "and no file"
run "$COMPTOIR" catalog --db "$DB" --list reseller --out "$T/reseller.doc"
is "$rc" 2 "an output name that is neither .pdf nor .txt is a usage error"
like "$err" "^comptoir: cannot tell the format of '.*reseller.doc': name it FILE.pdf or FILE.txt" \
	"which says what it takes"
run "$COMPTOIR" catalog --db "$DB" --list reseller
is "$rc" 2 "--out is required"
run "$COMPTOIR" catalog --db "$DB" --list reseller --out "$T/nodir/list.pdf"
is "$rc" 1 "a path in a missing folder is refused"
like "$err" "^comptoir: cannot write .*/nodir/list.pdf: No such file or directory" "with the reason"
ok "$([ ! -e "$T/nodir" ]; echo $?)" "nothing is left behind"
mkdir "$T/folder.pdf"
run "$COMPTOIR" catalog --db "$DB" --list reseller --out "$T/folder.pdf"
is "$rc" 1 "a folder as --out is refused"
is "$(ls -A "$T/folder.pdf")" "" "and left empty"
echo old >"$T/keep.txt"
run "$COMPTOIR" catalog --db "$DB" --list reseller --category 'No such thing' --out "$T/keep.txt"
is "$rc" 1 "a category with no product is refused"
is "$(cat "$T/keep.txt")" old "a file already there is untouched"
is "$(ls -A "$T" | grep -c 'tmp$')" 0 "no temporary file stays"

sql "update products set name = 'Bœuf bourguignon, œufs brouillés' where sku = 'GRO-0021'"
run "$COMPTOIR" catalog --db "$DB" --list reseller --category "$(sql "select category from products where sku = 'GRO-0021'")" \
	--out "$T/oe.pdf"
like "$(pdftotext "$T/oe.pdf" -)" "Bœuf bourguignon, œufs brouillés" "œ in a product name"

DB="$T/india.db"
"$COMPTOIR" init --demo --db "$DB" --country IN >/dev/null
run "$COMPTOIR" catalog --db "$DB" --list wholesale --out "$T/india.pdf"
is "$rc" 0 "the Indian demo's wholesale catalog"
like "$(pdftotext -layout "$T/india.pdf" -)" "₹[0-9,]+\.[0-9]{2}" "rupee prices show in the PDF"
done_testing
