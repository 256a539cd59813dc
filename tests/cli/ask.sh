#!/bin/sh
# comptoir ask on the demo shop: prices as comptoir price gives them for the
# named customer only, stock said without numbers, orders refused until the
# desk answers them, French words, standard input line by line, bad and
# overlong questions; and the tax ids checked when customers are imported.
. "$top_srcdir/tests/lib/sh-tap.sh"
demo_db FR

ask() { run "$COMPTOIR" ask --db "$DB" "$@"; }
unit_of() { printf '%s\n' "$1" | sed -n 's/.*price for [^:]*: \([0-9.]*\) .*/\1/p'; }

# A price: the customer's list price, the same as comptoir price says.
ask --customer C0013 "price 50 GRO-0021"
is "$rc" 0 "price question answered"
like "$out" "^GRO-0021 " "names the product first"
want=$("$COMPTOIR" price --db "$DB" --customer C0013 GRO-0021 50 | head -1)
is "$(unit_of "$out")" "$want" "unit price is comptoir price --customer's ($want)"
like "$out" "before tax \(5\.5 % tax added\)" "the tax convention is stated"
cents=$(echo "$want" | tr -d .)
total=$((cents * 50))
like "$out" "^total for 50: $((total / 100))\.$(printf '%02d' $((total % 100))) EUR" "the total for 50"
ask --customer C0013 "price GRO-0021"
is "$(unit_of "$out")" "$("$COMPTOIR" price --db "$DB" --customer C0013 GRO-0021 | head -1)" \
	"no quantity: the price for one"
ask --customer C0013 "What is my price for 50 x gro-0021?"
is "$(unit_of "$out")" "$want" "a sentence, lower case code and 'x' read the same"

# Another customer gets their own price, never C0013's.
ask --customer C0001 "price 50 GRO-0021"
retail=$("$COMPTOIR" price --db "$DB" --customer C0001 GRO-0021 50 | head -1)
is "$(unit_of "$out")" "$retail" "C0001 gets its own list price ($retail)"
unlike "$out" "$want|wholesale|C0013" "and nothing of C0013's price or list"
ask "price 50 GRO-0021"
like "$out" "^price for 50: $retail EUR" "without --customer: the retail price"

# The list's rules: a reseller buys from 6, a distributor by 12.
ask --customer C0005 "price 2 BAK-0001"
like "$out" "^2 cannot be ordered: sold to you from 6" "below the reseller's minimum"
ask --customer C0015 "price 13 BAK-0001"
like "$out" "^13 cannot be ordered: sold to you in multiples of 12" "not the distributor's multiple"

# French words, same answers.
ask --customer C0013 "prix de 50 GRO-0021 ?"
is "$(unit_of "$out")" "$want" "prix: the same price"
ask --customer C0013 "aide"
like "$out" "price 50 CODE" "aide: the help"
ask --customer C0013 "help"
like "$out" "order NUMBER" "help lists the questions"
unlike "$out" "^$" "help has no blank line"

# Stock: "in stock" or not, never how many.
ask --customer C0013 "stock GRO-0021"
is "$out" "GRO-0021 Confiture de fraises 220 g: in stock." "in stock"
n=$("$COMPTOIR" stock --db "$DB" GRO-0021 | head -1)
unlike "$out" "$n" "the quantity on hand is not told ($n)"
ask --customer C0013 "stock $((n + 1)) GRO-0021"
like "$out" "not $((n + 1)) at the moment" "more than on hand: not that many"
ask --customer C0013 "do you have $n GRO-0021?"
like "$out" "yes, $n can be supplied" "exactly what is on hand: yes"
printf 'sku,quantity\nGRO-0021,0\n' >"$T/zero.csv"
"$COMPTOIR" import stock "$T/zero.csv" --db "$DB" --user admin --pin 9999 >/dev/null 2>&1
ask --customer C0013 "dispo GRO-0021"
like "$out" "not in stock" "none left: not in stock (dispo)"

# Orders: only the customer's own, answered from the wholesale desk.
"$COMPTOIR" order new --db "$DB" --customer C0001 'BAK-0001*3' >/dev/null ||
	echo "# the order was not taken"
ask --customer C0001 "order 1"
is "$rc" 0 "an order question is not an error"
like "$out" "^order 1$" "the customer's own order is answered"
unlike "$out" "no order|cannot" "  not refused"
ask --customer C0001 "commande n° 1"
like "$out" "BAK-0001|Baguette" "commande: the same, with its lines"
ask --customer C0013 "order 1"
like "$out" "I find no order 1 of yours" "another customer's order: as if it did not exist"
ask "order 1"
like "$out" "only to the customer who placed them" "without --customer: refused"

# Not understood, unknown product, bad input: exit 0 and say so.
ask --customer C0013 "hello there"
is "$rc" 0 "a question not understood exits 0"
like "$out" '^I did not understand "hello there"' "says it did not understand"
ask --customer C0013 "price NOPE-123"
like "$out" 'I do not know the product "NOPE-123"' "unknown product"
ask --customer C0013 "price 1.5 GRO-0021"
like "$out" "whole units only" "a fraction of a unit"
ask --customer C0013 "price 12 34"
like "$out" "which one is the code" "two numbers"
long=$(head -c 3000 /dev/zero | tr '\0' 'a')
ask --customer C0013 "price $long"
is "$rc" 0 "an overlong question exits 0"
like "$out" "too long" "and is answered too long"
ask --customer C0013 "$(printf 'price \033[31m50\033[0m GRO-0021\007')"
ok "$(printf '%s' "$out" | tr -d '\n' | LC_ALL=C grep -c "$(printf '[\001-\037]')")" \
	"control characters never come back"
ask --customer C0013 -- "price -5 GRO-0021"
is "$rc" 0 "a question starting like an option exits 0"

# Exit 1: an unknown customer, a database that is not there.
ask --customer C9999 "price 50 GRO-0021"
is "$rc" 1 "unknown customer: exit 1"
like "$err" "^comptoir: unknown customer C9999" "with the reason"
run "$COMPTOIR" ask --db "$T/none.db" help
is "$rc" 1 "no database: exit 1"

# Standard input: one answer block per line, a blank line between them.
printf 'price 50 GRO-0021\nstock BAK-0001\r\n\ncommande 12\n%s\nprix GRO-0021' "$long" \
	| "$COMPTOIR" ask --db "$DB" --customer C0013 >"$T/out" 2>"$T/err"
is "$?" 0 "stdin mode exits 0"
is "$(grep -c '^$' "$T/out")" 5 "six questions, six blocks, five blank lines between"
is "$(sed -n 1p "$T/out")" "GRO-0021 Confiture de fraises 220 g" "block 1: the price"
like "$(cat "$T/out")" "BAK-0001 Baguette tradition: in stock" "block 2: stock (CRLF line)"
like "$(cat "$T/out")" "I did not understand the question" "block 3: the empty line"
like "$(cat "$T/out")" "too long" "block 5: the overlong line"
is "$(unit_of "$(tail -3 "$T/out")")" "$("$COMPTOIR" price --db "$DB" --customer C0013 GRO-0021 | head -1)" \
	"block 6: after the overlong line, the last one (no newline) still answered"

# An Indian shop: rupees and GST.
DBFR=$DB
DB="$T/in.db"
"$COMPTOIR" init --demo --db "$DB" --country IN >/dev/null
ask --customer C0013 "price 50 GRO-0021"
is "$(unit_of "$out")" "$("$COMPTOIR" price --db "$DB" --customer C0013 GRO-0021 50 | head -1)" \
	"India: comptoir price's unit price"
like "$out" " INR per unit" "in rupees"

# Tax ids at import: a GSTIN in India, an EU VAT number in France.
printf 'code,name,kind,tax_id,state\nB001,Agarwal,wholesale,27aapfu0939f1zv,27\nB002,Bad,wholesale,27AAPFU0939F1ZW,27\n' >"$T/in.csv"
run "$COMPTOIR" import customers "$T/in.csv" --db "$DB"
is "$rc" 1 "a wrong GSTIN check character refuses the import"
like "$err" "in.csv:3: tax_id '27AAPFU0939F1ZW' is not a valid GSTIN: wrong check character" \
	"naming the line and the reason"
printf 'code,name,kind,tax_id,state\nB001,Agarwal,wholesale,27aapfu0939f1zv,27\n' >"$T/in.csv"
run "$COMPTOIR" import customers "$T/in.csv" --db "$DB"
is "$rc" 0 "a good GSTIN is imported"
is "$(sql "select tax_id from customers where code = 'B001'")" "27AAPFU0939F1ZV" "kept in upper case"
DB=$DBFR
printf 'code;name;kind;tax_id\nB001;A;wholesale;FR 40 303 265 045\nB002;B;wholesale;FR41303265045\nB003;C;wholesale;DE13669597\n' >"$T/fr.csv"
run "$COMPTOIR" import customers "$T/fr.csv" --db "$DB"
is "$rc" 1 "a French shop refuses malformed VAT numbers"
like "$err" "fr.csv:3: tax_id 'FR41303265045' is not a valid EU VAT number: the key" "the French key"
like "$err" "fr.csv:4: tax_id 'DE13669597' is not a valid EU VAT number" "a German number too short"
printf 'code;name;kind;tax_id\nB001;A;wholesale;FR 40 303 265 045\nB004;Swiss;wholesale;CHE-123.456.789 MWST\n' >"$T/fr.csv"
run "$COMPTOIR" import customers "$T/fr.csv" --db "$DB"
is "$rc" 0 "a good VAT number and a number from outside the EU are imported"
is "$(sql "select tax_id from customers where code = 'B001'")" "FR40303265045" "VAT number normalised"

done_testing
