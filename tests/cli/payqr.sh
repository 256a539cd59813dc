#!/bin/sh
# comptoir payqr and comptoir setting: the payload on the first line (EPC in
# euros, UPI in rupees), then a QR code of the right shape in half blocks,
# or ESC/POS for a printer; bad amounts and bad payees refused with one
# "comptoir: " line; the payee settings changed by right and journalled; a
# sale paid by transfer with its reference.
. "$top_srcdir/tests/lib/sh-tap.sh"
export XDG_CONFIG_HOME="$T/xdg"
unset COMPTOIR_CONFIG COMPTOIR_DB
demo_db FR
FR=$DB
DB="$T/india.db"
"$COMPTOIR" init --demo --country IN --db "$DB" >/dev/null || { echo "Bail out! no Indian demo"; exit 1; }
IN=$DB

IBAN=FR7630006000011234567890189
NL='\n'

# qr_shape TEXT: 0 when TEXT (the lines after the payload) is a QR code of
# half blocks: square (lines = (width + 1) / 2), a width of 21 + 4v modules
# plus the margin of two on each side, and the three finder patterns.
qr_shape() {
	printf '%s\n' "$1" | sed 's/█/F/g; s/▀/T/g; s/▄/B/g' | awk '
		NR == 1 { w = length($0) }
		length($0) != w || $0 !~ /^[FTB ]+$/ { bad = 1 }
		NR == 2 && ($0 !~ /^FF BBBBB F/ || $0 !~ /F BBBBB FF$/) { bad = 1 }
		{ n = NR }
		END {
			if (bad || w < 25 || (w - 4 - 21) % 4 != 0 || n != int((w + 1) / 2)) exit 1
		}'
}

one_error_line() { # one_error_line DESCRIPTION
	if [ "$(printf '%s\n' "$err" | grep -c .)" = 1 ] && printf '%s\n' "$err" | grep -q '^comptoir: '; then
		ok 0 "$1"
	else
		ok 1 "$1"
		printf '%s\n' "$err" | sed 's/^/#   /'
	fi
}

# EPC in euros --------------------------------------------------------------
run "$COMPTOIR" payqr --db "$FR" 12.50
is "$rc" 0 "payqr 12.50 in the French demo succeeds"
is "$(printf '%s\n' "$out" | head -n 1)" \
	"BCD${NL}002${NL}1${NL}SCT${NL}${NL}Épicerie Comptoir (démo)${NL}$IBAN${NL}EUR12.50" \
	"first line: the EPC payload (version 002, UTF-8, SCT, name, IBAN, EUR12.50), line feeds written as backslash-n"
qr=$(printf '%s\n' "$out" | tail -n +2)
qr_shape "$qr"
ok $? "then a QR code of half blocks: square, of a QR version's size, with its finder patterns"
like "$qr" '^█+$' "its light margin drawn as blocks (light text on a dark terminal)"
run "$COMPTOIR" payqr --db "$FR" 12.50 --dark
qr=$(printf '%s\n' "$out" | tail -n +2)
like "$(printf '%s\n' "$qr" | head -n 1)" '^ +$' "--dark leaves the margin blank"
run "$COMPTOIR" payqr --db "$FR" 0.99 --ref TICKET-42 --note "merci"
is "$(printf '%s\n' "$out" | head -n 1 | sed 's/.*\\n\\n\\n//')" "TICKET-42 merci" \
	"--ref and --note make the remittance text, after an empty purpose and reference"
like "$(printf '%s\n' "$out" | head -n 1)" 'EUR0\.99' "0.99 written EUR0.99"

# UPI in rupees -------------------------------------------------------------
run "$COMPTOIR" payqr --db "$IN" 1234.5
is "$rc" 0 "payqr 1234.5 in the Indian demo succeeds"
is "$(printf '%s\n' "$out" | head -n 1)" \
	"upi://pay?pa=comptoir.demo@upi&pn=Comptoir%20Demo%20Traders&am=1234.50&cu=INR" \
	"first line: the UPI link, name percent-encoded, amount with two decimals"
qr_shape "$(printf '%s\n' "$out" | tail -n +2)"
ok $? "then its QR code"
run "$COMPTOIR" payqr --db "$IN" 10 --note "Thé & co" --ref ABC123
is "$(printf '%s\n' "$out" | head -n 1)" \
	"upi://pay?pa=comptoir.demo@upi&pn=Comptoir%20Demo%20Traders&am=10.00&cu=INR&tn=Th%C3%A9%20%26%20co&tr=ABC123" \
	"--note is tn (UTF-8 and & encoded), --ref is tr"
run "$COMPTOIR" payqr --db "$IN" 100000
is "$rc" 0 "UPI: 100000.00 is the largest amount"

# Bad amounts and usage -----------------------------------------------------
for a in 0 0.00 100000.01 abc 12.345 "1e3"; do
	run "$COMPTOIR" payqr --db "$IN" "$a"
	is "$rc" 1 "UPI amount '$a' refused with status 1"
	one_error_line "UPI amount '$a': one comptoir: line"
	is "$out" "" "UPI amount '$a': nothing on stdout"
done
run "$COMPTOIR" payqr --db "$FR" 1000000000
is "$rc" 1 "EPC: 1000000000.00 is past 999999999.99"
like "$err" "999999999.99" "the message says the limit"
run "$COMPTOIR" payqr --db "$FR" 999999999.99
is "$rc" 0 "EPC: 999999999.99 accepted"
run "$COMPTOIR" payqr --db "$FR" 5 --ref "bad ref"
is "$rc" 1 "a reference with a space is refused"
one_error_line "one line for a bad reference"
run "$COMPTOIR" payqr --db "$FR"
is "$rc" 2 "no amount: status 2"
run "$COMPTOIR" payqr --db "$FR" 1 2
is "$rc" 2 "two amounts: status 2"
run "$COMPTOIR" payqr --db "$FR" 1 --printer "file:$T/p" --out "$T/o"
is "$rc" 2 "--printer and --out together: status 2"
run "$COMPTOIR" payqr --db "$FR" 1 --bogus
is "$rc" 2 "an unknown option: status 2"
run "$COMPTOIR" payqr --help
is "$rc" 0 "--help succeeds"
like "$out" '^usage: comptoir payqr --db PATH AMOUNT' "--help gives the usage"

# ESC/POS -------------------------------------------------------------------
hex() { od -An -v -tx1 "$1" | tr -s ' \n' '  '; }
run "$COMPTOIR" payqr --db "$FR" 12.50 --out "$T/qr.bin" --profile tm-t20
is "$rc" 0 "--out FILE --profile tm-t20 writes ESC/POS"
case "$(hex "$T/qr.bin")" in " 1b 40 "*) ok 0 "it starts with ESC @" ;; *) ok 1 "it starts with ESC @" ;; esac
case "$(hex "$T/qr.bin")" in *" 1d 28 6b "*) ok 0 "it holds a QR code (GS ( k)" ;; *) ok 1 "it holds a QR code (GS ( k)" ;; esac
grep -a -q "$IBAN" "$T/qr.bin"
ok $? "the printer's QR code holds the IBAN"
grep -a -q "12,50" "$T/qr.bin"
ok $? "the amount is printed beside it"
run "$COMPTOIR" payqr --db "$FR" 12.50 --out "$T/raster.bin" --profile generic-80
case "$(hex "$T/raster.bin")" in *" 1d 76 30 "*) ok 0 "a printer without QR gets a raster image (GS v 0)" ;; *) ok 1 "a printer without QR gets a raster image (GS v 0)" ;; esac
run "$COMPTOIR" payqr --db "$FR" 12.50 --out "$T/text.bin" --profile text
is "$rc" 1 "a plain-text profile cannot print a QR code"
one_error_line "one line says so"
run "$COMPTOIR" payqr --db "$IN" 99 --printer "file:$T/printer.bin"
is "$rc" 0 "--printer file: sends it"
like "$out" "QR code sent to file:" "and says so after the payload"
grep -a -q "upi://pay?pa=comptoir.demo@upi" "$T/printer.bin"
ok $? "the printer got the UPI link"

# Settings ------------------------------------------------------------------
run "$COMPTOIR" setting list --db "$FR"
like "$out" "^iban=$IBAN\$" "setting list shows the demo IBAN"
run "$COMPTOIR" setting get upi_vpa --db "$IN"
is "$out" "comptoir.demo@upi" "setting get upi_vpa in the Indian demo"
run "$COMPTOIR" setting set iban "DE89 3704 0044 0532 0130 00" --db "$FR"
is "$rc" 1 "changing the IBAN needs a log-in"
one_error_line "one line says which right"
run "$COMPTOIR" setting set iban "DE89 3704 0044 0532 0130 00" --db "$FR" --user anna --pin 1111
is "$rc" 1 "a cashier may not change it"
run "$COMPTOIR" setting set iban "DE89 3704 0044 0532 0130 01" --db "$FR" --user admin --pin 9999
is "$rc" 1 "an IBAN with wrong check digits is refused"
like "$err" "mod 97" "the message says the check digits are wrong"
run "$COMPTOIR" setting set iban "de89 3704 0044 0532 0130 00" --db "$FR" --user admin --pin 9999
is "$rc" 0 "the admin changes the IBAN"
is "$out" "DE89370400440532013000" "stored without spaces, in upper case"
run "$COMPTOIR" setting set bic "cobadeff" --db "$FR" --user admin --pin 9999
is "$out" "COBADEFF" "a BIC is stored in upper case"
run "$COMPTOIR" payqr --db "$FR" 3
like "$(printf '%s\n' "$out" | head -n 1)" '^BCD\\n002\\n1\\nSCT\\nCOBADEFF\\n.*\\nDE89370400440532013000\\nEUR3\.00$' \
	"the QR code pays the new IBAN, with the BIC"
run "$COMPTOIR" setting set payee_name "Comptoir SARL" --db "$FR" --user admin --pin 9999
run "$COMPTOIR" payqr --db "$FR" 3
like "$(printf '%s\n' "$out" | head -n 1)" '\\nComptoir SARL\\n' "payee_name names the beneficiary"
DB=$FR
is "$(sql "SELECT count(*) FROM journal WHERE kind = 'config';")" 3 "each change is a config record in the journal"
like "$(sql "SELECT payload FROM journal WHERE kind = 'config' ORDER BY seq LIMIT 1;")" \
	"^setting iban $IBAN DE89370400440532013000" "the record names the setting, old and new values"
run "$COMPTOIR" verify --db "$FR"
is "$rc" 0 "the journal is intact"
run "$COMPTOIR" setting set iban "" --db "$FR" --user admin --pin 9999
is "$rc" 0 "an empty value unsets it"
run "$COMPTOIR" payqr --db "$FR" 3
is "$rc" 1 "without an IBAN there is no QR code"
like "$err" "setting set iban" "the message says how to set one"
run "$COMPTOIR" setting set upi_vpa "no-at-sign" --db "$IN" --user admin --pin 9999
is "$rc" 1 "a UPI ID without @ is refused"
run "$COMPTOIR" setting set country "XX" --db "$FR" --user admin --pin 9999
is "$rc" 1 "a setting outside the list is refused"
one_error_line "one line lists the settings"
run "$COMPTOIR" setting get --db "$FR"
is "$rc" 2 "setting get without a key: status 2"
run "$COMPTOIR" setting --db "$FR"
is "$rc" 2 "setting without a verb: status 2"

"$COMPTOIR" init --country IN --db "$T/bare.db" >/dev/null
run "$COMPTOIR" setting set upi_vpa shop@okaxis --db "$T/bare.db"
is "$rc" 0 "a shop without users: the payee is set without a log-in"
run "$COMPTOIR" payqr --db "$T/bare.db" 5
like "$(printf '%s\n' "$out" | head -n 1)" '^upi://pay\?pa=shop@okaxis&pn=comptoir&am=5\.00&cu=INR$' \
	"paid to the shop's name when payee_name is unset"

# A sale paid by bank transfer ----------------------------------------------
DB=$IN
sku=$(sql "SELECT sku FROM products WHERE weighed = 0 AND price BETWEEN 100 AND 30000 LIMIT 1;")
run "$COMPTOIR" sell --db "$IN" "$sku" --pay transfer
is "$rc" 1 "a transfer without its reference is refused"
run "$COMPTOIR" sell --db "$IN" "$sku" --pay "transfer::NEFT-123"
is "$rc" 0 "sell --pay transfer::REF pays the rest by transfer"
like "$out" "Bank transfer NEFT-123" "the receipt shows the transfer and its reference"
is "$(sql "SELECT method || ':' || reference FROM payments ORDER BY rowid DESC LIMIT 1;")" \
	"transfer:NEFT-123" "stored as a transfer payment with its reference"

done_testing
