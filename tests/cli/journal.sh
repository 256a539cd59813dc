#!/bin/sh
# The journal: every sale recorded and hash-chained; comptoir verify names
# the first broken record after each kind of tampering done with the sqlite3
# tool; triggers refuse edits; users, PINs, lock-out and rights; signed
# monthly archives checked with the public key alone.
. "$top_srcdir/tests/lib/sh-tap.sh"
demo_db FR

run "$COMPTOIR" verify --db "$DB"
is "$rc" 0 "a new demo shop verifies"
like "$out" "^journal intact: 5 records, 0 tickets" "its five user records"

for i in 1 2 3 4 5 6; do
	"$COMPTOIR" sell --db "$DB" "BAK-0001*$i" 3120344182105 >/dev/null || echo "# sale $i failed"
done
is "$(sql "select count(*) from journal where kind = 'sale'")" 6 "six sales, six sale records"
is "$(sql "select group_concat(seq) from journal order by seq")" "1,2,3,4,5,6,7,8,9,10,11" \
	"numbers are gapless"
is "$(sql "select count(*) from journal j join journal p on p.seq = j.seq - 1
           where j.prev_hash <> p.hash")" 0 "each record holds the previous hash"
is "$(sql "select gt_perpetual from journal order by seq desc limit 1")" \
	"$(sql "select sum(total) from tickets")" "the perpetual grand total is the sum of tickets"
run "$COMPTOIR" receipt --db "$DB" 6
like "$out" "Journal $(sql "select substr(hash, 1, 8) from journal where kind = 'sale' and ref = 6")" \
	"the receipt carries the start of its journal hash"
run "$COMPTOIR" verify --db "$DB"
is "$rc" 0 "verify passes after six sales"
like "$out" "11 records, 6 tickets" "it counted them"

# The triggers refuse edits made without dropping them.
run sql "update journal set amount = 1 where seq = 6"
ok $([ "$rc" -ne 0 ] && echo 0 || echo 1) "UPDATE on the journal is refused"
like "$err" "append-only" "  saying why"
run sql "delete from journal where seq = 11"
ok $([ "$rc" -ne 0 ] && echo 0 || echo 1) "DELETE on the journal is refused"
run sql "update ticket_lines set gross = 1 where ticket_id = 1"
ok $([ "$rc" -ne 0 ] && echo 0 || echo 1) "UPDATE on a posted ticket's line is refused"
run sql "delete from tickets where number = 1"
ok $([ "$rc" -ne 0 ] && echo 0 || echo 1) "DELETE of a posted ticket is refused"
run sql "update payments set amount = 0"
ok $([ "$rc" -ne 0 ] && echo 0 || echo 1) "UPDATE on payments is refused"

# Tampering, each on a fresh copy, by someone who drops the triggers first.
DROP="drop trigger journal_no_update; drop trigger journal_no_delete;
      drop trigger tickets_no_update; drop trigger tickets_no_delete;
      drop trigger ticket_lines_no_update; drop trigger ticket_lines_no_delete;
      drop trigger payments_no_update; drop trigger payments_no_delete;"
tamper() { # tamper NAME SQL: a copy of the shop with SQL applied; verify's output in $err
	cp "$DB" "$T/$1.db"
	"$SQLITE3_BIN" "$T/$1.db" "$DROP $2" || echo "# tamper $1: sql failed"
	run "$COMPTOIR" verify --db "$T/$1.db"
}
seq_of() { sql "select seq from journal where kind = 'sale' and ref = $1"; }

tamper line "update ticket_lines set gross = gross + 100, net = net + 100
             where ticket_id = (select id from tickets where number = 3) and line_no = 1"
is "$rc" 1 "an edited line amount: verify exits 1"
is "$err" "comptoir: record $(seq_of 3) (sale): ticket 3 was changed after it was recorded" \
	"  naming the record of ticket 3"

tamper delete "delete from payments where ticket_id = (select id from tickets where number = 4);
               delete from ticket_lines where ticket_id = (select id from tickets where number = 4);
               delete from tickets where number = 4"
is "$rc" 1 "a deleted ticket: verify exits 1"
is "$err" "comptoir: record $(seq_of 4) (sale): ticket 4 is missing" "  naming its record"

tamper insert "insert into tickets(number, idem_key, created_at, terminal, user_name,
               prices_include_tax, total, net, tax, discount, paid, change, rounding)
               values (7, 'fake', 0, 'x', 'x', 1, 100, 95, 5, 0, 100, 0, 0)"
is "$rc" 1 "an inserted ticket: verify exits 1"
is "$err" "comptoir: ticket 7 has no journal record (it was written outside comptoir)" \
	"  naming the ticket"

tamper swap "update journal set seq = -1 where seq = 7; update journal set seq = 7 where seq = 8;
             update journal set seq = 8 where seq = -1"
is "$rc" 1 "two records swapped: verify exits 1"
like "$err" "^comptoir: record 7 " "  naming the first of them"

tamper amount "update journal set amount = amount + 1 where seq = 9"
is "$rc" 1 "an edited journal amount: verify exits 1"
like "$err" "^comptoir: record 9[ :]" "  naming it"

tamper total "update journal set gt_perpetual = gt_perpetual + 500 where seq = 10"
is "$rc" 1 "a changed grand total: verify exits 1"
is "$err" "comptoir: record 10: its grand totals do not add up (perpetual $(($(sql "select gt_perpetual from journal where seq = 10") + 500)), expected $(sql "select gt_perpetual from journal where seq = 10"); day $(sql "select gt_day from journal where seq = 10"), expected $(sql "select gt_day from journal where seq = 10"))" \
	"  naming it with the figures"

tamper gap "delete from journal where seq = 8"
is "$rc" 1 "a deleted record: verify exits 1"
is "$err" "comptoir: record 8 is missing: the journal goes from 7 to 9" "  naming it"

tamper canon "update journal set canonical = replace(canonical, 'amount ', 'amount 1') where seq = 6"
is "$rc" 1 "edited canonical bytes: verify exits 1"
like "$err" "^comptoir: record 6 " "  naming it"

tamper hash "update journal set hash = (case when substr(hash, 1, 1) = 'f' then 'e' else 'f' end)
             || substr(hash, 2) where seq = 11"
is "$rc" 1 "an edited hash: verify exits 1"
like "$err" "^comptoir: record 11" "  naming it"

# Users and PINs.
is "$(sql "select count(*) from users where pin_hash like '\$argon2id\$%'")" 5 \
	"the demo users' PINs are Argon2id hashes"
is "$(sql "select count(*) from users where pin_hash like '%1111%' or pin_hash like '%2222%'
           or pin_hash = '1111'")" 0 "no hash holds its PIN"
run "$COMPTOIR" user list --db "$DB"
like "$out" "^anna +cashier" "user list shows anna the cashier"

run "$COMPTOIR" user add eve --role cashier --new-pin 5555 --db "$DB" --user anna --pin 1111
is "$rc" 1 "a cashier may not add users"
like "$err" "anna \\(cashier\\) may not manage users" "  saying which right is missing"
run "$COMPTOIR" user add eve --role cashier --new-pin 5555 --db "$DB" --user anna --pin 1111 \
	--approver bruno --approver-pin 2222
is "$rc" 1 "a supervisor cannot approve what supervisors may not do"
like "$err" "bruno \\(supervisor\\) may not approve" "  saying so"
run "$COMPTOIR" user add eve --role cashier --new-pin 5555 --db "$DB" --user anna --pin 1111 \
	--approver admin --approver-pin 9999
is "$rc" 0 "the admin's approval lets the cashier add a user"
is "$(sql "select approver || ' ' || user_name from journal where kind = 'user' order by seq desc limit 1")" \
	"admin anna" "  both are recorded"
run "$COMPTOIR" user add fay --role cashier --new-pin 5555 --db "$DB" --user admin --pin 9999
is "$rc" 0 "the admin adds a user himself"
run "$COMPTOIR" user add fay --role cashier --new-pin 5555 --db "$DB" --user admin --pin 9999
is "$rc" 1 "the same name twice is refused"
run "$COMPTOIR" user add Bad --role cashier --new-pin 5555 --db "$DB" --user admin --pin 9999
is "$rc" 1 "a bad user name is refused"
run "$COMPTOIR" user add gus --role king --new-pin 5555 --db "$DB" --user admin --pin 9999
is "$rc" 1 "an unknown role is refused"
run "$COMPTOIR" user add gus --role cashier --new-pin 12 --db "$DB" --user admin --pin 9999
is "$rc" 1 "a short PIN is refused"
run "$COMPTOIR" user add gus --role cashier --db "$DB"
is "$rc" 2 "user add without --new-pin is a usage error"

run "$COMPTOIR" sell --db "$DB" --user anna BAK-0001
is "$rc" 1 "--user without --pin is refused when the shop has users"
run "$COMPTOIR" sell --db "$DB" --user anna --pin 1111 BAK-0001
is "$rc" 0 "anna sells with her PIN"
is "$(sql "select user_name from tickets order by number desc limit 1")" anna "  the ticket is hers"

for i in 1 2 3 4; do
	run "$COMPTOIR" sell --db "$DB" --user fay --pin 0000 BAK-0001
done
is "$rc" 1 "a fourth wrong PIN is refused"
like "$err" "1 try left" "  saying one try is left"
run "$COMPTOIR" sell --db "$DB" --user fay --pin 0000 BAK-0001
like "$err" "locked for five minutes" "the fifth wrong PIN locks the user"
run "$COMPTOIR" sell --db "$DB" --user fay --pin 5555 BAK-0001
is "$rc" 1 "the right PIN is refused while locked"
like "$err" "fay is locked after five wrong PINs: try again in 5 minutes" "  saying for how long"
sql "update users set locked_until = 1 where name = 'fay'"
run "$COMPTOIR" sell --db "$DB" --user fay --pin 5555 BAK-0001
is "$rc" 0 "once the lock has passed the right PIN works"

# Tries run in parallel: never more than five are checked before the lock.
"$COMPTOIR" user add gil --role cashier --new-pin 7777 --db "$DB" --user admin --pin 9999 >/dev/null
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
	"$COMPTOIR" user list --db "$DB" --user gil --pin "00$((i + 10))" >/dev/null 2>"$T/par$i" &
done
"$COMPTOIR" user list --db "$DB" --user gil --pin 7777 >/dev/null 2>"$T/par13" &
wait
checked=$(cat "$T"/par* | grep -c "wrong PIN for gil")
ok $([ "$checked" -le 5 ] && echo 0 || echo 1) "12 parallel wrong PINs: at most 5 checked ($checked)"
refused=$(cat "$T"/par* | grep -c "gil is locked after five")
ok $([ "$((checked + refused))" -ge 12 ] && echo 0 || echo 1) \
	"  the others are refused as locked before their PIN is checked ($refused)"

run "$COMPTOIR" verify --db "$DB"
is "$rc" 0 "the journal still verifies"

# Signed archives (the newest record is a sale).
"$COMPTOIR" sell --db "$DB" BAK-0002 >/dev/null
month=$(date +%Y-%m)
run "$COMPTOIR" archive --db "$DB" --period "$month" --out "$T/a.txt"
is "$rc" 1 "archive without a key is refused"
like "$err" "keygen" "  pointing at keygen"
run "$COMPTOIR" keygen --secret "$T/sk" --public "$T/pk"
is "$rc" 0 "keygen makes a key pair"
is "$(stat -c %a "$T/sk")" 600 "  the secret key is readable by its owner only"
run "$COMPTOIR" keygen --secret "$T/sk" --public "$T/pk2"
is "$rc" 1 "keygen never overwrites a key"
run "$COMPTOIR" archive --db "$DB" --period "$month" --out "$T/a.txt" --key "$T/sk"
is "$rc" 0 "archive of this month"
like "$out" "records of $month, signed" "  says what it wrote"
run "$COMPTOIR" verify --archive "$T/a.txt" --pubkey "$T/pk"
is "$rc" 0 "the archive verifies with the public key alone"
like "$out" "archive intact" "  and says so"
mv "$DB" "$T/away.db"
run "$COMPTOIR" verify --archive "$T/a.txt" --pubkey "$T/pk"
is "$rc" 0 "  even with the database gone"
mv "$T/away.db" "$DB"

run "$COMPTOIR" verify --db "$DB" --archive "$T/a.txt" --pubkey "$T/pk"
is "$rc" 0 "the database matches its signed archive"
like "$out" "matches the database" "  and says so"
# Removing the newest sale with its record (and winding the counter back)
# leaves a chain that verify alone cannot fault; the archive can.
cp "$DB" "$T/cut.db"
last=$(sql "select max(seq) from journal")
lastt=$(sql "select ref from journal where seq = $last and kind = 'sale'")
is "$(sql "select kind from journal where seq = $last")" sale "the newest record is a sale"
"$SQLITE3_BIN" "$T/cut.db" "$DROP delete from journal where seq = $last;
  delete from payments where ticket_id = (select id from tickets where number = $lastt);
  delete from ticket_lines where ticket_id = (select id from tickets where number = $lastt);
  delete from tickets where number = $lastt;
  update counters set value = value - 1 where name = 'ticket'"
run "$COMPTOIR" verify --db "$T/cut.db"
is "$rc" 0 "the newest sale cut off with its record: the chain alone looks whole"
run "$COMPTOIR" verify --db "$T/cut.db" --archive "$T/a.txt" --pubkey "$T/pk"
is "$rc" 1 "  the signed archive shows it"
is "$err" "comptoir: record $last of the archive is missing from the database" "  naming the record"
sed 's/^amount 130$/amount 131/' "$T/a.txt" >"$T/b.txt"
run "$COMPTOIR" verify --archive "$T/b.txt" --pubkey "$T/pk"
is "$rc" 1 "an edited archive fails"
like "$err" "signature does not match" "  on its signature"
"$COMPTOIR" keygen --secret "$T/sk3" --public "$T/pk3" >/dev/null
run "$COMPTOIR" verify --archive "$T/a.txt" --pubkey "$T/pk3"
is "$rc" 1 "another public key fails"
run "$COMPTOIR" archive --db "$DB" --period 1999-01 --out "$T/c.txt" --key "$T/sk"
is "$rc" 1 "a month without records is refused"
ok $([ ! -e "$T/c.txt" ] && echo 0 || echo 1) "  and writes no file"
run "$COMPTOIR" archive --db "$DB" --period 2026-13 --out "$T/c.txt" --key "$T/sk"
is "$rc" 1 "a bad period is refused"
chmod 644 "$T/sk"
run "$COMPTOIR" archive --db "$DB" --period "$month" --out "$T/d.txt" --key "$T/sk"
is "$rc" 1 "a secret key others can read is refused"
like "$err" "chmod 600" "  saying how to fix it"
run "$COMPTOIR" archive --db "$DB" --period "$month" --out "$T/a.txt" --key "$T/sk3"
is "$rc" 1 "an existing archive is never overwritten"
run "$COMPTOIR" verify --archive "$T/a.txt"
is "$rc" 2 "--archive without --pubkey is a usage error"

done_testing
