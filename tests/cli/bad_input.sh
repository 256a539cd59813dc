#!/bin/sh
# Bad input on the command line: each gets one clear "comptoir: " line,
# the right exit status, and changes nothing.
. "$top_srcdir/tests/lib/sh-tap.sh"
demo_db FR
sku=$(sql "select sku from products where weighed = 0 order by id limit 1")
ean=$(sql "select b.code from barcodes b join products p on p.id = b.product_id
           where p.weighed = 0 and length(b.code) = 13 and b.pack_qty = 1 order by p.id limit 1")
snap() { sql "select (select count(*) from tickets) || '/' || (select sum(qty) from stock)"; }
before=$(snap)

refused() { # refused DESCRIPTION PATTERN CMD...
	desc=$1 pat=$2
	shift 2
	run "$@"
	is "$rc" 1 "$desc: exit 1"
	like "$err" "^comptoir: $pat" "$desc: message"
	is "$(echo "$err" | wc -l)" 1 "$desc: one line"
}

refused "unknown code" "unknown code NOPE-123" "$COMPTOIR" sell --db "$DB" NOPE-123
long=$(printf '%0200d' 7)
refused "200-character code" ".*too long" "$COMPTOIR" sell --db "$DB" "$long"
refused "control characters" ".*control characters" "$COMPTOIR" sell --db "$DB" "$(printf 'AB\033[2JC')"
unlike "$err" "$(printf '\033')" "the escape byte is not echoed"
badcheck=$(echo "$ean" | sed 's/.$//')$(( ( ${ean#????????????} + 1 ) % 10 ))
refused "wrong check digit" "wrong check digit" "$COMPTOIR" sell --db "$DB" "$badcheck"
refused "quantity 0" "bad quantity '0'" "$COMPTOIR" sell --db "$DB" "$sku*0"
refused "negative quantity" "bad quantity '-2'" "$COMPTOIR" sell --db "$DB" "$sku*-2"
refused "quantity 10^12" "bad quantity '1000000000000'" "$COMPTOIR" sell --db "$DB" "$sku*1000000000000"
refused "quantity 1e3" "bad quantity '1e3'" "$COMPTOIR" sell --db "$DB" "$sku*1e3"
refused "amount 12,5,0" "bad amount '12,5,0'" "$COMPTOIR" sell --db "$DB" "$sku" --pay cash:12,5,0
refused "empty amount" "bad amount" "$COMPTOIR" sell --db "$DB" "$sku" --pay "cash: "
refused "unknown method" "unknown payment method 'gold'" "$COMPTOIR" sell --db "$DB" "$sku" --pay gold:1
refused "card without reference" "payment 'card:1' refused" "$COMPTOIR" sell --db "$DB" "$sku" --pay card:1
refused "unknown customer" "unknown customer NOBODY" "$COMPTOIR" sell --db "$DB" --customer NOBODY "$sku"
refused "bad key" "--key must be 32 hexadecimal characters" "$COMPTOIR" sell --db "$DB" --key xyz "$sku"
refused "unknown printer scheme" "unknown printer URI" "$COMPTOIR" sell --db "$DB" --printer lpt1 "$sku"
refused "bad user" "--user takes a name" "$COMPTOIR" sell --db "$DB" --user "$(printf 'bob\033[31m')" "$sku"
refused "account for a walk-in" "a sale on account needs a customer" "$COMPTOIR" sell --db "$DB" "$sku" --pay account
long_uri="file:$(printf '%0300d' 0)"
refused "printer URI too long" "printer URI longer than 255 bytes" "$COMPTOIR" sell --db "$DB" --printer "$long_uri" "$sku"
refused "quantity 10^12 (wording)" "bad quantity '1000000000000': too large" "$COMPTOIR" sell --db "$DB" "$sku*1000000000000"
is "$(snap)" "$before" "none of these wrote anything"

# A key used again with another sale is refused, not answered with the first.
key=00112233445566778899AABBCCDDEEFF
run "$COMPTOIR" sell --db "$DB" --key "$key" "$sku"
is "$rc" 0 "a sale with an upper-case key"
first=$(snap)
refused "same key, other sale" "key 00112233445566778899aabbccddeeff was already used for ticket" \
	"$COMPTOIR" sell --db "$DB" --key "$key" "$sku*2"
is "$(snap)" "$first" "nothing written for the second sale"
before=$(snap)

run "$COMPTOIR" sell --db "$DB"
is "$rc" 2 "sell without items is a usage error"
run "$COMPTOIR" sell --db "$DB" --frob "$sku"
is "$rc" 2 "unknown option is a usage error"
like "$err" "^comptoir: unknown option '--frob'" "and says so"
run "$COMPTOIR" stock "$sku" --db
is "$rc" 2 "an option without its value is a usage error"
like "$err" "^comptoir: option '--db' needs a value" "and says which"
for c in "import products x.csv" "export products" "catalog --list retail --out x.txt"; do
	run "$COMPTOIR" $c --frob
	is "$rc:$(echo "$err" | head -1)" "2:comptoir: unknown option '--frob'" "${c%% *}: unknown option"
done
run "$COMPTOIR" import products x.csv --encoding
like "$err" "^comptoir: option '--encoding' needs a value" "import: an option without its value"
run "$COMPTOIR" sell --db "$DB" "$long"
like "$err" "code '00000000000000000000\.\.\.' is too long" "a long code is named, cut"

# Databases that cannot be used.
refused "missing database" "no shop database at $T/none.db" "$COMPTOIR" sell --db "$T/none.db" "$sku"
ok "$([ ! -e "$T/none.db" ]; echo $?)" "no file was created"
echo "just some text, not a database at all; long enough for SQLite to read a header" > "$T/text.db"
refused "not a database" ".*not a comptoir database" "$COMPTOIR" sell --db "$T/text.db" "$sku"
refused "a directory" ".*directory" "$COMPTOIR" stock --db "$T" "$sku"
refused "unwritable path" "cannot open /nonexistent-dir/shop.db" "$COMPTOIR" init --db /nonexistent-dir/shop.db
if [ "$(id -u)" != 0 ]; then
	cp "$DB" "$T/ro.db"
	chmod 0444 "$T/ro.db"
	refused "read-only database" ".*" "$COMPTOIR" sell --db "$T/ro.db" "$sku"
fi
: > "$T/zero.db"
refused "empty file" ".*empty, not a shop" "$COMPTOIR" stock --db "$T/zero.db" "$sku"
is "$(wc -c < "$T/zero.db")" 0 "and the empty file is left empty"

refused "price: bad quantity" "bad quantity '0'" "$COMPTOIR" price --db "$DB" "$sku" 0
refused "receipt: not a number" "'abc' is not a ticket number" "$COMPTOIR" receipt --db "$DB" abc
refused "stock: unknown code" "unknown code ZZZ" "$COMPTOIR" stock --db "$DB" ZZZ
done_testing
