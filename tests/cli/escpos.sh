#!/bin/sh
# ESC/POS from the command line: receipt --format escpos, print-test, the
# [printer] profile of the config for sales; the key byte sequences are
# checked with od, bad input gets one "comptoir: " line and exit 1 or 2.
. "$top_srcdir/tests/lib/sh-tap.sh"
demo_db FR
export XDG_CONFIG_HOME="$T/xdg"
unset COMPTOIR_CONFIG COMPTOIR_DB

# hex FILE: the bytes as " 1b 40 ... " (one space around each byte, so a
# pattern " 1b 40 " only matches whole bytes)
hex() { printf ' %s ' "$(od -An -v -tx1 "$1" | tr -s ' \n' '  ' | sed 's/^ //; s/ $//')"; }
has() { # has FILE BYTES DESCRIPTION
	case "$(hex "$1")" in
	*" $2 "*) ok 0 "$3" ;;
	*) ok 1 "$3"; echo "#   no '$2' in $1" ;;
	esac
}
hasnt() { # hasnt FILE BYTES DESCRIPTION
	case "$(hex "$1")" in
	*" $2 "*) ok 1 "$3"; echo "#   '$2' in $1" ;;
	*) ok 0 "$3" ;;
	esac
}
starts() { # starts FILE BYTES DESCRIPTION
	case "$(hex "$1")" in
	" $2 "*) ok 0 "$3" ;;
	*) ok 1 "$3"; echo "#   $1 starts with$(hex "$1" | cut -c1-40)" ;;
	esac
}
ends() { # ends FILE BYTES DESCRIPTION
	case "$(hex "$1")" in
	*" $2 ") ok 0 "$3" ;;
	*) ok 1 "$3" ;;
	esac
}
usage_error() { # usage_error DESCRIPTION PATTERN CMD...
	desc=$1 pat=$2
	shift 2
	run "$@"
	is "$rc" 2 "$desc: exit 2"
	like "$(echo "$err" | head -1)" "^comptoir: $pat" "$desc: message"
	is "$(echo "$err" | grep -c '^comptoir: ')" 1 "$desc: one comptoir: line"
}
refused() { # refused DESCRIPTION PATTERN CMD...
	desc=$1 pat=$2
	shift 2
	run "$@"
	is "$rc" 1 "$desc: exit 1"
	like "$err" "^comptoir: $pat" "$desc: message"
	is "$(echo "$err" | wc -l)" 1 "$desc: one line"
}

# Bâtard: â is 83 in CP858 and E2 in WPC1252
code=$(sql "select b.code from barcodes b join products p on p.id = b.product_id
            where p.name = 'Bâtard' and b.pack_qty = 1 limit 1")
run "$COMPTOIR" sell --db "$DB" "$code*2"
is "$rc" 0 "a sale of two Bâtard"

run "$COMPTOIR" receipt --db "$DB" 1 --format escpos --profile clone-58 --out "$T/r58.bin"
is "$rc" 0 "receipt --format escpos --profile clone-58 --out"
starts "$T/r58.bin" "1b 40 1b 74 13" "ESC @ then ESC t 19 (PC858)"
has "$T/r58.bin" "1b 45 01 1b 61 01 2a 2a 2a 20 43 4f 50 59 20 2a 2a 2a 0a" "*** COPY *** in bold, centred"
has "$T/r58.bin" "42 83 74 61 72 64 0a" "Bâtard in CP858"
has "$T/r58.bin" "d5 0a" "amounts end in € (D5)"
has "$T/r58.bin" "1d 6b 49 0b 7b 42 54 30 30 30 30 30 30 30 31" "the ticket as a Code 128: {BT00000001"
ends "$T/r58.bin" "1d 56 42 00" "then the partial cut"
hasnt "$T/r58.bin" "e2 82 ac" "no UTF-8 euro sign"
hasnt "$T/r58.bin" "c3 a2" "no UTF-8 â"
is "$(LC_ALL=C grep -a '^---' "$T/r58.bin" | head -1 | tr -d '\n' | wc -c)" 32 "32 columns"

run "$COMPTOIR" receipt --db "$DB" 1 --format escpos --profile tm-t88 --out "$T/r88.bin"
starts "$T/r88.bin" "1b 40 1b 74 10" "tm-t88: ESC t 16 (WPC1252)"
has "$T/r88.bin" "42 e2 74 61 72 64 0a" "Bâtard in WPC1252"
has "$T/r88.bin" "80 0a" "€ is 80"
is "$(LC_ALL=C grep -a '^---' "$T/r88.bin" | head -1 | tr -d '\n' | wc -c)" 42 "42 columns"

printf '[printer]\nwidth = 48\n' > "$T/conf48"
run env COMPTOIR_CONFIG="$T/conf48" "$COMPTOIR" receipt --db "$DB" 1 --format escpos --out "$T/rdef.bin"
is "$rc" 0 "no profile: the generic one for the width (48)"
starts "$T/rdef.bin" "1b 40 1b 74 02" "generic-80: ESC t 2 (PC850)"
has "$T/rdef.bin" "45 55 52 0a" "PC850 has no €: EUR"
"$COMPTOIR" receipt --db "$DB" 1 --format escpos > "$T/stdout.bin"
ok $? "ESC/POS to stdout when it is not a terminal"
starts "$T/stdout.bin" "1b 40 1b 74 10" "the shop's 42 columns: the tm-t88 profile"

run "$COMPTOIR" receipt --db "$DB" 1 --format escpos --profile clone-58 --printer "file:$T/p.bin"
is "$rc" 0 "receipt --format escpos --printer file:"
cmp -s "$T/p.bin" "$T/r58.bin"
ok $? "the printer got the same bytes as the file"

# A sale prints ESC/POS when the config's printer has an ESC/POS profile.
mkdir -p "$T/xdg/comptoir"
printf '[printer]\nuri = file:%s\nprofile = clone-58\n' "$T/sale.bin" > "$T/xdg/comptoir/comptoir.conf"
run "$COMPTOIR" sell --db "$DB" "$code"
is "$rc" 0 "a sale with an ESC/POS printer in the config"
starts "$T/sale.bin" "1b 40 1b 74 13" "the printer got ESC/POS"
hasnt "$T/sale.bin" "2a 2a 2a 20 43 4f 50 59" "not marked as a copy"
run "$COMPTOIR" receipt --db "$DB" 2 --printer "file:$T/again.bin"
starts "$T/again.bin" "1b 40 1b 74 13" "a reprint to a printer follows the profile"
has "$T/again.bin" "2a 2a 2a 20 43 4f 50 59" "and is marked as a copy"
run "$COMPTOIR" receipt --db "$DB" 2
like "$out" "Ticket 2" "the terminal still gets text"
printf '[printer]\nprofile = tm-u999\n' > "$T/xdg/comptoir/comptoir.conf"
refused "unknown profile in the config" ".*unknown printer profile 'tm-u999'" "$COMPTOIR" receipt --db "$DB" 1
rm "$T/xdg/comptoir/comptoir.conf"

# India: the rupee sign is in no printer code page.
DBIN="$T/in.db"
"$COMPTOIR" init --demo --db "$DBIN" --country IN >/dev/null
codein=$(sql_in() { "$SQLITE3_BIN" "$DBIN" "$@"; }; sql_in "select b.code from barcodes b join products p on p.id = b.product_id where p.weighed = 0 and p.price > 0 order by p.id limit 1")
"$COMPTOIR" sell --db "$DBIN" "$codein" >/dev/null
run "$COMPTOIR" receipt --db "$DBIN" 1 --format escpos --profile tm-t20 --out "$T/rin.bin"
is "$rc" 0 "an Indian receipt as ESC/POS"
has "$T/rin.bin" "52 73 2e" "₹ printed as Rs."
hasnt "$T/rin.bin" "e2 82 b9" "no UTF-8 rupee sign"
is "$(LC_ALL=C grep -a '^---' "$T/rin.bin" | head -1 | tr -d '\n' | wc -c)" 48 "48 columns"

# print-test
run "$COMPTOIR" print-test --printer "file:$T/test.bin" --profile clone-58
is "$rc" 0 "print-test --printer file: --profile clone-58"
like "$out" "test page sent" "says so"
starts "$T/test.bin" "1b 40 1b 74 13" "ESC @, ESC t 19"
has "$T/test.bin" "82 20 8a 20 85 20 87 20 97 20 93 20 6f 65 20 d5 20 ae 20 af 20 27 0a" \
	"é è à ç ù ô œ € « » ’ in CP858"
has "$T/test.bin" "1d 6b 43 0d 34 30 30 36 33 38 31 33 33 33 39 33 31" "an EAN-13"
has "$T/test.bin" "1d 6b 49 0b 7b 42" "a Code 128"
has "$T/test.bin" "1d 76 30 00" "a QR code as a raster image"
ends "$T/test.bin" "1d 56 42 00" "the cut"
run "$COMPTOIR" print-test --printer "file:$T/t88.bin" --profile tm-t88
has "$T/t88.bin" "1d 28 6b 04 00 31 41 32 00" "tm-t88 draws the QR code (model 2)"
has "$T/t88.bin" "e9 20 e8 20 e0 20 e7 20 f9 20 f4 20 9c 20 80 20 ab 20 bb 20 92 0a" \
	"the test letters in WPC1252"
run "$COMPTOIR" print-test --profiles
like "$out" "^clone-58 +0416:5011" "print-test --profiles lists them"
run "$COMPTOIR" print-test --help
is "$rc" 0 "print-test --help"
like "$out" "--printer URI" "tells of --printer"
run "$COMPTOIR" receipt --help
like "$out" "--format text\|escpos" "receipt --help tells of escpos"

usage_error "print-test without a printer" "print-test needs --printer" "$COMPTOIR" print-test
usage_error "print-test with an argument" "unexpected argument 'x'" "$COMPTOIR" print-test --printer file:/dev/null x
usage_error "print-test unknown option" "unknown option '--bogus'" "$COMPTOIR" print-test --bogus
refused "print-test unknown profile" "unknown printer profile 'nope'" \
	"$COMPTOIR" print-test --printer "file:$T/x.bin" --profile nope
refused "print-test bad URI" "unknown printer URI" "$COMPTOIR" print-test --printer lpt1
refused "print-test unwritable" "cannot open" "$COMPTOIR" print-test --printer "file:$T/no/dir/x.bin"
usage_error "receipt --format pdf" "unknown format 'pdf'" "$COMPTOIR" receipt --db "$DB" 1 --format pdf
usage_error "receipt --profile with text" "--profile is for --format escpos" \
	"$COMPTOIR" receipt --db "$DB" 1 --format text --profile tm-t88
refused "receipt unknown profile" "unknown printer profile 'nope'" \
	"$COMPTOIR" receipt --db "$DB" 1 --format escpos --profile nope --out "$T/x.bin"
refused "receipt escpos for a text printer" "printer profile 'text' takes plain text" \
	"$COMPTOIR" receipt --db "$DB" 1 --format escpos --profile text --out "$T/x.bin"
refused "receipt escpos of no ticket" "no ticket 99" \
	"$COMPTOIR" receipt --db "$DB" 99 --format escpos --out "$T/x.bin"
done_testing
