#!/bin/sh
# The README's commands run as written: every line of a README code block that
# starts with "comptoir " (or pipes into comptoir) is run, in order, against a
# fresh copy of the demo shop per section (## or ### heading), in its own folder.
# Exit 2 always fails; exit 1 passes only where the line's comment says "refused".
# Commands that open screens or need devices are skipped (TAP SKIP).
. "$top_srcdir/tests/lib/sh-tap.sh"
README="$top_srcdir/README.md"

# One file per command under $T/cmds, an index (NUMBER SECTION LINE) and the
# section titles (SECTION TITLE).
mkdir -p "$T/cmds" "$T/bin"
awk -v dir="$T/cmds" '
	/^##+ / { section++; incode = 0; print section, $0 > (dir "/titles"); next }
	/^$/ { blank = 1; next }
	{
		if (substr($0, 1, 4) != "    ") { incode = 0; blank = 0; next }
		if (blank) incode = 1
		blank = 0
		if (!incode) next
		line = substr($0, 5)
		if (cont) {
			printf "%s\n", line > file
			cont = line ~ /\\$/
			if (!cont) close(file)
			next
		}
		if (line !~ /^(\.\/)?comptoir / && line !~ /\| *comptoir /) next
		n++
		file = sprintf("%s/%03d", dir, n)
		printf "%s\n", line > file
		printf "%03d %d %d\n", n, section, NR > (dir "/index")
		cont = line ~ /\\$/
		if (!cont) close(file)
	}
' "$README"

[ -s "$T/cmds/index" ] || { echo "Bail out! no commands found in $README"; exit 1; }
ln -s "$COMPTOIR" "$T/bin/comptoir"

# The demo shop, made once and copied into each section's folder.
"$COMPTOIR" init --demo --db "$T/demo.db" --country FR >/dev/null &&
	"$COMPTOIR" export products --db "$T/demo.db" --out "$T/products.csv" >/dev/null ||
	{ echo "Bail out! cannot create the demo shop"; exit 1; }

# What a section's commands expect to find in the current folder: the demo
# shop as shop.db (unless the section starts by making one), the files the
# README names, and for the receipt printers a config with a printer and drawer.
section_setup() { # section_setup SECTION FIRST-COMMAND
	mkdir -p tmp home var/lib/comptoir xdg/comptoir
	case "$2" in
	"comptoir init "*) ;;
	*) cp "$T/demo.db" shop.db ;;
	esac
	cp "$T/products.csv" products.csv
	printf 'sku;name;price;tax_rate\r\nLEG-0001;Caf\351 moulu;4,50;5,5\r\n' >legacy.csv
	printf '10 x BAK-0002\nBAK-0001;4\n' >message.txt
	printf 'sku,name,price,tax_rate\nSHIP,Frais de port,0,20\n' >ship.csv
	case "$(sed -n "s/^$1 //p" "$T/cmds/titles")" in
	*"Receipt printers"*)
		printf '[printer]\nuri = file:%s/tmp/printer.bin\ndrawer = 2\n' "$PWD" \
			>xdg/comptoir/comptoir.conf ;;
	esac
}

# Why a command is not run, or nothing.
skip_reason() {
	set -- $(printf '%s\n' "$1" | sed 's/^.*| *comptoir /comptoir /; s/^\.\///')
	shift
	case "$1" in
	desk|warehouse) echo "opens a screen"; return ;;
	demo) echo "opens the counter screen"; return ;;
	devices) echo "lists the devices plugged in"; return ;;
	-*) echo "opens the counter screen"; return ;;
	esac
	case " $* " in
	*" --printer usb"*|*" --printer tcp:"*|*" --printer dev:"*)
		echo "needs a printer"; return ;;
	esac
}

section=
while read -r n sec lineno; do
	text=$(cat "$T/cmds/$n")
	first=$(printf '%s\n' "$text" | head -1 | sed 's/ *#.*//; s/ *\\$//; s/\\/\//g')
	if [ "$sec" != "$section" ]; then
		section=$sec
		W="$T/s$sec"
		mkdir -p "$W" && cd "$W" && section_setup "$sec" "$first"
	fi
	why=$(skip_reason "$text")
	if [ -n "$why" ]; then
		ok 0 "README line $lineno: $first # SKIP $why"
		continue
	fi
	cmd=$(printf '%s\n' "$text" | sed "s|/tmp/|$W/tmp/|g; s|/var/lib/comptoir/|$W/var/lib/comptoir/|g")
	(
		cd "$W" || exit 99
		PATH="$T/bin:$PATH" HOME="$W/home" XDG_CONFIG_HOME="$W/xdg" XDG_DATA_HOME="$W/data"
		export PATH HOME XDG_CONFIG_HOME XDG_DATA_HOME
		unset COMPTOIR_CONFIG COMPTOIR_DB
		exec sh -c "$cmd" </dev/null >"$T/out" 2>"$T/err"
	)
	rc=$?
	case "$rc:$text" in
	0:*) ok 0 "README line $lineno: $first" ;;
	1:*"#"*refused*) ok 0 "README line $lineno (refused, as it says): $first" ;;
	*)
		ok 1 "README line $lineno: $first"
		echo "#   exit status $rc"
		sed 's/^/#   /' "$T/err" | head -5
		;;
	esac
done <"$T/cmds/index"

done_testing
