#!/bin/sh
# The man page keeps up with the program: every command that comptoir --help
# lists, and every form of it (the word after the command in each alternative
# of its usage line: order draft, stock report...), heads an entry of
# doc/comptoir.1; every setting key of setting --help is named; and no entry
# of the command sections names a command the program does not have.
. "$top_srcdir/tests/lib/sh-tap.sh"
MAN="$top_srcdir/doc/comptoir.1"

# The entries' heads (the line after .TP) of the command sections, as plain
# text: fonts dropped, \- as -.
plain() { sed -e 's/\\f[BIRP]//g' -e 's/\\-/-/g' -e 's/\\(..//g' -e 's/\\&//g'; }
awk '
	/^\.SH / { cmds = ($0 ~ /^\.SH (COMMANDS|WHOLESALE DESK|PURCHASING|STOCK)$/); next }
	cmds && head { print; head = 0; next }
	cmds && /^\.TP/ { head = 1 }
' "$MAN" | sed 's/^\.B //' | plain >"$T/heads"
plain <"$MAN" >"$T/page"

"$COMPTOIR" --help >"$T/help"
is "$?" 0 "comptoir --help exits 0"
sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p' "$T/help" >"$T/commands"
n=$(wc -l <"$T/commands")
[ "$n" -gt 40 ]
ok $? "comptoir --help lists the commands ($n)"

# A head holds FORM when FORM starts it or follows "| ", then ends at a space,
# a '|' or the end of the line.
has_form() {
	grep -Eq -- "(^|\| )$(printf '%s' "$1" | sed 's/[][|.*]/\\&/g')( |\||$)" "$T/heads"
}

while read -r name; do
	usage=$("$COMPTOIR" "$name" --help | sed -n 's/^usage: comptoir //p')
	[ -n "$usage" ]
	ok $? "$name --help gives its usage line"
	has_form "$name"
	ok $? "the man page has an entry for $name"
	printf '%s\n' "$usage" | sed 's/ | /\n/g' | while read -r first word rest; do
		[ "$first" = "$name" ] || continue
		case "$word" in
		[a-z]*) printf '%s %s\n' "$name" "$word" ;;
		esac
	done | sed 's/\]$//' | sort -u >"$T/forms"
	while read -r form; do
		has_form "$form"
		ok $? "the man page has an entry for $form"
	done <"$T/forms"
done <"$T/commands"

# Entries for commands that do not exist.
cut -d' ' -f1 "$T/heads" | sort -u | while read -r word; do
	grep -qx -- "$word" "$T/commands" || echo "$word"
done >"$T/unknown"
is "$(tr '\n' ' ' <"$T/unknown")" "" "every entry of the man page is a command of comptoir --help"

# The settings that comptoir setting knows, as its summary lists them.
keys=$(sed -n 's/^  setting  *//p' "$T/help" | grep -o '([a-z_, ]*)' | tr -d '(),' )
[ -n "$keys" ]
ok $? "setting --help lists the setting keys"
for key in $keys; do
	grep -qw -- "$key" "$T/page"
	ok $? "the man page names the setting $key"
done

done_testing
