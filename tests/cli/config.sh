#!/bin/sh
# The machine's config file: database, till name and printer, overridden by
# the command line.
. "$top_srcdir/tests/lib/sh-tap.sh"
demo_db FR
sku=$(sql "select sku from products where weighed = 0 order by id limit 1")
mkdir -p "$T/xdg/comptoir"
cat > "$T/xdg/comptoir/comptoir.conf" <<CONF
[comptoir]
db = $DB
terminal = till-7
[printer]
uri = file:$T/conf-printer.txt
width = 32
CONF
export XDG_CONFIG_HOME="$T/xdg"
unset COMPTOIR_DB COMPTOIR_CONFIG
run "$COMPTOIR" sell "$sku"
is "$rc" 0 "sell with the database from the config file"
like "$out" "till-7" "the till name comes from the config"
like "$(cat "$T/conf-printer.txt")" "TOTAL" "the config's printer got the receipt"
is "$(grep -m1 "^---" "$T/conf-printer.txt" | wc -L)" 32 "at the config's width"
run "$COMPTOIR" sell --printer "file:$T/cli-printer.txt" "$sku"
ok "$([ -s "$T/cli-printer.txt" ]; echo $?)" "--printer overrides the config"
"$COMPTOIR" init --db "$T/other.db" >/dev/null
run "$COMPTOIR" stock --db "$T/other.db" "$sku"
like "$err" "unknown code" "--db overrides the config's database"
run env COMPTOIR_DB="$T/other.db" "$COMPTOIR" stock "$sku"
like "$err" "unknown code" "COMPTOIR_DB overrides the config's database"
echo "[comptoir]
colour = blue" > "$T/xdg/comptoir/comptoir.conf"
run "$COMPTOIR" stock "$sku"
is "$rc" 1 "a bad config file is refused"
like "$err" "^comptoir: .*comptoir.conf, line 2: unknown setting 'colour'" "naming file, line and key"
done_testing
