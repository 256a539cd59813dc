#!/bin/sh
# Printed documents from the command line on fixed days (COMPTOIR_TODAY):
# a French invoice with its legal mentions and tax per rate, credit note,
# quote, delivery note, drop-ship packing slips (no seller, or the
# reseller), a statement with its opening balance and ageing, the ageing
# of all customers; an Indian invoice with CGST/SGST or IGST, HSN codes and
# the amount in words; the PDFs (A4, read back with pdftotext when
# poppler-utils is installed); and the errors and usage of each command.
. "$top_srcdir/tests/lib/sh-tap.sh"
demo_db FR
C="$COMPTOIR"
COMPTOIR_DB="$DB"; XDG_DATA_HOME="$T"; export COMPTOIR_DB XDG_DATA_HOME
ANNA="--user anna --pin 1111"
quiet() { "$@" >/dev/null 2>&1 || echo "Bail out! $*"; }

# The seller's mentions are set as the shop sets them: by command, by right.
ADMIN="--user admin --pin 9999"
run "$C" setting set seller_tax_id FR40303265045 --db "$DB" $ANNA
is "$rc" 1 "a cashier cannot set the seller's tax id"
run "$C" setting set seller_tax_id "FR 403 032 65045" --db "$DB" $ADMIN
is "$rc" 0 "the admin sets the seller's VAT number"
is "$(sql "select value from settings where key = 'seller_tax_id'")" FR40303265045 \
	"kept without its spaces"
run "$C" setting set seller_tax_id FR00000000000 --db "$DB" $ADMIN
is "$rc" 1 "a VAT number with a wrong key is refused"
# The shop's own settings are checked too.
run "$C" setting set shop_name "" --db "$DB" $ADMIN
is "$rc" 1 "a shop needs a name"
run "$C" setting set shop_address "$(printf '1 rue\033[2J')" --db "$DB" $ADMIN
is "$rc" 1 "an address with control characters is refused"
run "$C" setting set seller_state Atlantis --db "$DB" $ADMIN
is "$rc" 1 "the seller's state is a GST state"
run "$C" setting set receiving_location MAIN --db "$DB" $ADMIN
like "$err" "MAIN is a shop, not a warehouse" "goods are received into a warehouse"
run "$C" setting set dispatch_location NOWHERE --db "$DB" $ADMIN
is "$rc" 1 "deliveries ship from a location that exists"
run "$C" setting set dispatch_location MAIN --db "$DB" $ADMIN
is "$rc:$(sql "select value from settings where key = 'dispatch_location'")" "0:MAIN" \
	"and the shop floor is one"
quiet "$C" setting set seller_siren "303 265 045" --db "$DB" $ADMIN
quiet "$C" setting set seller_legal "SAS au capital de 10 000 €, RCS Lyon" --db "$DB" $ADMIN
sql "UPDATE customers SET tax_id = 'FR83404833048', address = '8 place Bellecour, 69002 Lyon'
	WHERE code = 'C0005'"

export COMPTOIR_TODAY=2026-01-10
quiet "$C" quote new --db "$DB" --customer C0005 BAK-0001*6 BAK-0002*12 $ANNA
quiet "$C" order confirm --db "$DB" 1 $ANNA
quiet "$C" deliver --db "$DB" 1 BAK-0001*2 $ANNA
quiet "$C" invoice --db "$DB" 1 $ANNA
export COMPTOIR_TODAY=2026-01-20
quiet "$C" customer ship-to C0005 "Mme Claire Petit" "12 avenue Foch, 69006 Lyon" --user admin --pin 9999
quiet "$C" order new --db "$DB" --customer C0005 --ship-to 1 BAK-0001*6 $ANNA
quiet "$C" deliver --db "$DB" 2 $ANNA
quiet "$C" invoice --db "$DB" 2 $ANNA
export COMPTOIR_TODAY=2026-01-25
quiet "$C" pay --db "$DB" --customer C0005 1.00 --invoice 2026-1 --method cheque $ANNA
quiet "$C" credit-note --db "$DB" 2026-2 $ANNA
quiet "$C" order new --db "$DB" --customer C0009 BAK-0001*20 $ANNA
quiet "$C" deliver --db "$DB" 3 $ANNA
quiet "$C" invoice --db "$DB" 3 $ANNA
export COMPTOIR_TODAY=2026-03-15
run "$C" doc print invoice 2026-1 --db "$DB"
is "$rc" 0 "doc print invoice exits 0"
is "$out" "$(cat <<'EOF'
Invoice                                                                   2026-1
================================================================================
Seller                                  Bill to
Épicerie Comptoir (démo)                Épicerie fine Rousseau
3 rue des Halles, Lyon                  8 place Bellecour, 69002 Lyon
VAT number FR40303265045                VAT number FR83404833048
SIREN 303 265 045                       Customer C0005
SAS au capital de 10 000 €, RCS Lyon

Date            2026-01-10
Due date        2026-02-09
Terms           net30
Order           1
Delivery note   1
Prices          excluding tax

SKU        Description                  Qty  Unit price Disc.   VAT       Amount
--------------------------------------------------------------------------------
BAK-0001   Baguette tradition             2      0,93 €       5,5 %       1,86 €
--------------------------------------------------------------------------------
                                                Total excl. tax           1,86 €
                                            VAT 5,5 % on 1,86 €           0,10 €
                                                      Total tax           0,10 €
                                                          Total           1,96 €

Payment due on 2026-02-09.
No discount for early payment.
Late payment: penalties at the European Central Bank's refinancing rate plus 10
percentage points, from the day after the due date.
A professional buyer paying late also owes a fixed indemnity of 40,00 € for
recovery costs.
EOF
)" "the French invoice: seller and buyer with their tax ids, terms, tax per rate, legal mentions"
run "$C" doc print delivery 2 --slip --db "$DB"
is "$rc" 0 "doc print delivery exits 0"
is "$out" "$(cat <<'EOF'
Packing slip                                                                   2
================================================================================
                                        Deliver to
                                        Mme Claire Petit
                                        12 avenue Foch, 69006 Lyon

Date            2026-01-20
Order           2

SKU              Description                                                 Qty
--------------------------------------------------------------------------------
BAK-0001         Baguette tradition                                            6
--------------------------------------------------------------------------------
EOF
)" "the drop-ship packing slip names no seller and shows no price"
run "$C" doc print delivery 2 --slip --as-reseller --db "$DB"
is "$rc" 0 "doc print delivery exits 0"
is "$out" "$(cat <<'EOF'
Packing slip                                                                   2
================================================================================
From                                    Deliver to
Épicerie fine Rousseau                  Mme Claire Petit
8 place Bellecour, 69002 Lyon           12 avenue Foch, 69006 Lyon

Date            2026-01-20
Order           2

SKU              Description                                                 Qty
--------------------------------------------------------------------------------
BAK-0001         Baguette tradition                                            6
--------------------------------------------------------------------------------
EOF
)" "or names the reseller as the sender"
run "$C" statement --customer C0005 --from 2026-01-15 --to 2026-02-28 --db "$DB"
is "$rc" 0 "statement --customer C0005 exits 0"
is "$out" "$(cat <<'EOF'
Statement of account                                                       C0005
================================================================================
From                                    Customer
Épicerie Comptoir (démo)                Épicerie fine Rousseau
3 rue des Halles, Lyon                  8 place Bellecour, 69002 Lyon
VAT number FR40303265045                VAT number FR83404833048
SIREN 303 265 045                       Customer C0005
SAS au capital de 10 000 €, RCS Lyon

Period          2026-01-15 to 2026-02-28
Date            2026-03-15
Terms           net30

Account
Date       Document            Due               Debit       Credit      Balance
--------------------------------------------------------------------------------
2026-01-15 Opening balance                                                1,96 €
2026-01-20 Invoice 2026-2      2026-02-19       5,89 €                    7,85 €
2026-01-25 Credit note 2026-1                                5,89 €       1,96 €
2026-01-25 Payment 1 cheque                                  1,00 €       0,96 €
--------------------------------------------------------------------------------
                                          Balance on 2026-02-28           0,96 €

Open invoices on 2026-03-15
Document        Date       Due               Total         Open              Age
--------------------------------------------------------------------------------
Invoice 2026-1  2026-01-10 2026-02-09       1,96 €       0,96 €       31-60 days
--------------------------------------------------------------------------------

     Current         1-30        31-60        61-90      Over 90        Overdue
--------------------------------------------------------------------------------
      0,00 €       0,00 €       0,96 €       0,00 €       0,00 €         0,96 €

                                             Owed on 2026-03-15           0,96 €
EOF
)" "the statement: opening balance, movements, open invoices and ageing"
run "$C" ageing --db "$DB"
is "$rc" 0 "ageing exits 0"
is "$out" "$(cat <<'EOF'
customer         owed    current       1-30      31-60      61-90    over-90  name
C0005            0.96       0.00       0.00       0.96       0.00       0.00  Épicerie fine Rousseau
C0009           19.20       0.00      19.20       0.00       0.00       0.00  Restaurant Le Petit Zinc
total           20.16       0.00      19.20       0.96       0.00       0.00  2 customers
EOF
)" "the ageing of every customer with an account, then the totals"

# The other documents, by their contents.
run "$C" doc print credit 2026-1 --db "$DB"
like "$out" "^Credit note +2026-1$" "a credit note is titled so"
like "$out" "^Invoice +2026-2$" "and names the invoice it credits"
unlike "$out" "indemnity" "the invoice's payment mentions are not on it"
run "$C" doc print quote 1 --db "$DB"
like "$out" "^Valid until +2026-02-09$" "a quote says until when it holds"
like "$out" "^BAK-0002 +Baguette +12 +0,79.€ +5,5.% +9,48.€$" "with its lines priced"
run "$C" doc print order 1 --db "$DB"
like "$out" "^Order confirmation +1$" "an order prints as its confirmation"
like "$out" "^Quote +1$" "from its quote"
run "$C" doc print delivery 1 --db "$DB"
like "$out" "^Delivery note +1$" "a delivery note"
like "$out" "^From +Deliver to$" "from us to the customer"
like "$out" "^Épicerie Comptoir \(démo\) +Épicerie fine Rousseau$" "both named"
like "$out" "^BAK-0001 +Baguette tradition +2$" "what was delivered"
unlike "$out" "0,93" "and no price"
like "$out" "Received in good order" "with room to sign"
run "$C" doc print delivery 2 --db "$DB"
like "$out" "^ +Bill to$" "a drop-ship delivery note says who is billed"
like "$out" "^Épicerie Comptoir \(démo\) +Mme Claire Petit$" "and goes to the reseller's customer"
run "$C" doc print order 2 --slip --db "$DB"
like "$out" "^Packing slip +2$" "an order prints as a packing slip too"
unlike "$out" "Épicerie Comptoir" "without our name when it is drop-shipped"
run "$C" doc print delivery 1 --slip --db "$DB"
like "$out" "^Épicerie Comptoir \(démo\) +Épicerie fine Rousseau$" \
	"a slip that is not drop-shipped comes from us"
run "$C" doc print delivery 2 --slip --out "$T/slip.txt" --db "$DB"
is "$rc:$out" "0:" "--out writes the text to a file"
is "$(cat "$T/slip.txt")" "$("$C" doc print delivery 2 --slip --db "$DB")" "the same text"

# Settings change the French mentions.
sql "INSERT INTO settings(key, value) VALUES ('late_penalty', '12 % a year'),
	('early_discount', '2 % discount for payment within 8 days.'), ('recovery_indemnity', '40')"
run "$C" doc print invoice 2026-3 --db "$DB"
like "$out" "^Late payment: penalties at 12 % a year, from the day after the due date\.$" \
	"the penalty rate is the shop's"
like "$out" "^2 % discount for payment within 8 days\.$" "so is an early-payment discount"
like "$out" "indemnity of 40,00 € for$" "the indemnity is 40 euros"
like "$out" "^Épicerie Comptoir \(démo\) +Restaurant Le Petit Zinc$" "a buyer without tax id or address"
like "$out" "^3 rue des Halles, Lyon +Customer C0009$" "is named with the code alone"

# Errors and usage.
run "$C" doc print invoice 2026-9 --db "$DB"
is "$rc" 1 "an unknown invoice is refused"
like "$err" "^comptoir: " "with a message"
run "$C" doc print bill 1 --db "$DB"
is "$rc" 1 "an unknown kind is refused"
like "$err" "^comptoir: unknown document kind 'bill'" "and named"
run "$C" doc print invoice 2026-1 --slip --db "$DB"
is "$rc" 1 "an invoice is no packing slip"
run "$C" doc print delivery 1 --slip --as-reseller --db "$DB"
is "$rc" 1 "--as-reseller needs a drop-ship"
like "$err" "^comptoir: delivery 1 has no ship-to address" "and says why"
run "$C" doc print delivery 2 --as-reseller --db "$DB"
is "$rc" 2 "--as-reseller without --slip is a usage error"
run "$C" doc print invoice --db "$DB"
is "$rc" 2 "a missing number is a usage error"
like "$err" "usage: comptoir doc" "with the usage"
run "$C" doc print invoice 2026-1 --format pdf --db "$DB"
is "$rc" 2 "a PDF needs --out"
run "$C" doc print invoice 2026-1 --format odt --db "$DB"
is "$rc" 2 "an unknown format is a usage error"
run "$C" doc print invoice 2026-1 --colour --db "$DB"
is "$rc" 2 "an unknown option is a usage error"
run "$C" doc --help
is "$rc" 0 "doc --help exits 0"
like "$out" "doc print KIND NUMBER" "and shows doc print"
run "$C" doc show invoice 2026-1 --db "$DB"
like "$out" "^status partly paid$" "doc show still shows a document"
run "$C" statement --db "$DB"
is "$rc" 2 "statement needs --customer"
run "$C" statement --customer NOPE --db "$DB"
is "$rc" 1 "an unknown customer is refused"
run "$C" statement --customer C0005 --from 2026-02-30 --db "$DB"
is "$rc" 1 "a day that does not exist is refused"
like "$err" "^comptoir: --from: '2026-02-30' is not a date" "and named"
run "$C" statement --customer C0005 --from 2026-03-01 --to 2026-02-01 --db "$DB"
is "$rc" 1 "a period that ends before it starts is refused"
run "$C" statement --help
is "$rc" 0 "statement --help exits 0"
run "$C" ageing extra --db "$DB"
is "$rc" 2 "ageing takes no operand"
run "$C" statement --customer C0005 --db "$DB"
like "$out" "^Period +up to 2026-03-15$" "no period: everything up to today"
like "$out" "^2026-01-10 Invoice 2026-1 +2026-02-09 +1,96 € +1,96 €$" "from the first invoice"

# PDF: A4 pages, the text read back when poppler-utils is installed.
run "$C" doc print invoice 2026-1 --format pdf --out "$T/inv.pdf" --db "$DB"
is "$rc:$out" "0:" "the invoice as a PDF"
is "$(head -c 5 "$T/inv.pdf")" "%PDF-" "is a PDF file"
run "$C" statement --customer C0005 --format pdf --out "$T/st.pdf" --db "$DB"
is "$(head -c 5 "$T/st.pdf")" "%PDF-" "so is the statement"
run "$C" doc print delivery 2 --slip --format pdf --out "$T/nodir/slip.pdf" --db "$DB"
is "$rc" 1 "a PDF that cannot be written is refused"
like "$err" "^comptoir: cannot write .*nodir/slip\.pdf" "and named"
# Enough lines for three pages.
skus=$(sql "SELECT sku FROM products WHERE weighed = 0 AND active = 1 ORDER BY sku LIMIT 120" |
	sed 's/$/*1/' | tr '\n' ' ')
export COMPTOIR_TODAY=2026-03-16
quiet "$C" order new --db "$DB" --customer C0010 $skus $ANNA
run "$C" doc print order 4 --format pdf --out "$T/long.pdf" --db "$DB"
is "$rc" 0 "a long order as a PDF"
if command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1; then
	like "$(pdfinfo "$T/inv.pdf")" "Page size: +595 x 842 pts \(A4\)" "A4 pages"
	like "$(pdfinfo "$T/inv.pdf")" "Title: +Invoice 2026-1" "titled with the document"
	text=$(pdftotext -layout "$T/inv.pdf" -)
	like "$text" "Invoice +2026-1" "the PDF holds the title and number"
	like "$text" "VAT number FR40303265045 +VAT number FR83404833048" "both tax ids"
	like "$text" "VAT 5,5 % on 1,86 € +0,10 €" "the tax per rate"
	like "$text" "fixed indemnity of 40,00 €" "and the legal mentions"
	like "$(pdftotext -layout "$T/st.pdf" -)" "Owed on 2026-03-15 +0,96 €" "the statement's balance"
	pages=$(pdfinfo "$T/long.pdf" | sed -n 's/^Pages: *//p')
	ok "$([ "$pages" -ge 2 ] && echo 0 || echo 1)" "a long document turns pages ($pages)"
	like "$(pdftotext -f 2 -l 2 -layout "$T/long.pdf" -)" "SKU +Description +Qty" \
		"the headings are repeated on the next page"
	like "$(pdftotext -f 2 -l 2 "$T/long.pdf" -)" "Page 2" "and the page is numbered"
else
	for i in 1 2 3 4 5 6 7 8 9 10; do echo "ok $((tap_n + i)) # SKIP pdftotext not installed"; done
	tap_n=$((tap_n + 10))
fi

# India: CGST and SGST within the state, IGST across, HSN codes, the amount in words.
DB="$T/india.db"
"$C" init --demo --db "$DB" --country IN >/dev/null || echo "Bail out! no Indian shop"
sql "INSERT INTO settings(key, value) VALUES ('seller_tax_id', '27AAPFU0939F1ZV')"
export COMPTOIR_TODAY=2026-04-11
quiet "$C" order new --db "$DB" --customer C0009 BAK-0139*10 BAK-0019*2 $ANNA
quiet "$C" deliver --db "$DB" 1 $ANNA
quiet "$C" invoice --db "$DB" 1 $ANNA
quiet "$C" order new --db "$DB" --customer C0013 BAK-0139*10 BAK-0019*2 $ANNA
quiet "$C" deliver --db "$DB" 2 $ANNA
quiet "$C" invoice --db "$DB" 2 $ANNA
run "$C" doc print invoice 2026-1 --db "$DB"
like "$out" "^Tax invoice +2026-1$" "an Indian invoice is a tax invoice"
like "$out" "^GSTIN 27AAPFU0939F1ZV +Customer C0009$" "with the seller's GSTIN"
like "$out" "^12 MG Road, Pune +State code 27$" "and the buyer's state"
unlike "$out" "HSN" "no HSN column while the catalogue has no HSN codes"
like "$out" "^ +CGST 2\.5% on ₹2,314\.30 +₹57\.86$" "CGST at half the rate within the state"
like "$out" "^ +SGST 2\.5% on ₹2,314\.30 +₹57\.86$" "and SGST"
like "$out" "^ +SGST 9% on ₹109\.84 +₹9\.88$" "each rate apart"
like "$out" "^Amount in words: Rupees Two Thousand Five Hundred Fifty Nine and Sixty Three$" \
	"the amount in words"
like "$out" "^Paise Only$" "in rupees and paise"
unlike "$out" "indemnity" "no French mentions in India"
run "$C" doc print invoice 2026-2 --db "$DB"
like "$out" "^ +IGST 5% on ₹2,057\.10 +₹102\.86$" "IGST to another state"
unlike "$out" "CGST" "and no CGST"
sql "ALTER TABLE products ADD COLUMN hsn TEXT NOT NULL DEFAULT '';
	UPDATE products SET hsn = '19059020' WHERE sku = 'BAK-0139'"
run "$C" doc print invoice 2026-2 --db "$DB"
like "$out" "^SKU +Description +HSN +Qty" "an HSN column once products have codes"
like "$out" "^BAK-0139 +Sandwich +19059020 +10 " "each line's code"
run "$C" doc print invoice 2026-2 --format pdf --out "$T/in.pdf" --db "$DB"
is "$(head -c 5 "$T/in.pdf")" "%PDF-" "the Indian invoice as a PDF"
if command -v pdftotext >/dev/null 2>&1; then
	like "$(pdftotext "$T/in.pdf" -)" "Rupees Two Thousand Two Hundred Seventy Five" "with the amount in words"
else
	echo "ok $((tap_n + 1)) # SKIP pdftotext not installed"; tap_n=$((tap_n + 1))
fi

done_testing
