#!/bin/sh
# The French translation: messages, help and receipts in French when the
# locale is French. Skipped where the fr_FR.UTF-8 locale is not installed.
. "$top_srcdir/tests/lib/sh-tap.sh"
locale -a 2>/dev/null | grep -qi '^fr_FR\.utf-\?8$' || skip_all "no fr_FR.UTF-8 locale"
gmo="$top_builddir/po/fr.gmo"
[ -f "$gmo" ] || gmo="$top_srcdir/po/fr.gmo"
[ -f "$gmo" ] || skip_all "po/fr.gmo was not built"
mkdir -p "$T/locale/fr/LC_MESSAGES"
cp "$gmo" "$T/locale/fr/LC_MESSAGES/comptoir.mo"
demo_db FR
fr() { env LANG=fr_FR.UTF-8 LC_ALL=fr_FR.UTF-8 COMPTOIR_LOCALEDIR="$T/locale" "$@"; }

run fr "$COMPTOIR" sell --db "$DB" NOPE-1
is "$rc" 1 "refused in French too"
like "$err" "^comptoir: code inconnu NOPE-1$" "unknown code, in French"
run fr "$COMPTOIR" sell --db "$DB" BAK-0001 --pay cash:12,5,0
like "$err" "^comptoir: montant incorrect '12,5,0'" "bad amount, in French"
run fr "$COMPTOIR" --help
like "$out" "^usage : comptoir" "help in French"
like "$out" "encaisser une vente" "command summaries in French"
run fr "$COMPTOIR" sell --db "$DB" BAK-0001 --pay cash:10
is "$rc" 0 "a sale in French"
like "$out" "^ticket 1 total 1.30$" "the first line stays machine-readable"
like "$out" "Rendu" "the receipt says Rendu for change"
like "$out" "TVA 5,5 %" "and TVA for VAT"
like "$out" "Espèces" "and Espèces for cash"
run fr "$COMPTOIR" receipt --db "$DB" 1
like "$out" "DUPLICATA" "a reprint is marked DUPLICATA"
run "$COMPTOIR" sell --db "$DB" NOPE-1
like "$err" "^comptoir: unknown code NOPE-1$" "English without the French locale"
done_testing
