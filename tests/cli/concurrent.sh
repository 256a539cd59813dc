#!/bin/sh
# Two copies of comptoir selling on one database at once: every sale is
# recorded, numbers stay gapless, and stock reflects both.
. "$top_srcdir/tests/lib/sh-tap.sh"
demo_db FR
a=$(sql "select sku from products where weighed = 0 order by id limit 1")
b=$(sql "select sku from products where weighed = 0 order by id limit 1 offset 1")
sa=$(sql "select qty from stock s join products p on p.id = s.product_id where sku = '$a'")
sb=$(sql "select qty from stock s join products p on p.id = s.product_id where sku = '$b'")
N=25
seller() {
	i=0
	fails=0
	while [ $i -lt $N ]; do
		"$COMPTOIR" sell --db "$DB" "$a" "$b*2" >/dev/null 2>>"$T/err.$1" || fails=$((fails + 1))
		i=$((i + 1))
	done
	echo "$fails" > "$T/fails.$1"
}
seller 1 &
seller 2 &
wait
is "$(cat "$T/fails.1") $(cat "$T/fails.2")" "0 0" "no sale failed in either copy"
is "$(cat "$T/err.1" "$T/err.2" | grep -ci busy)" 0 "no one saw 'busy'"
is "$(sql "select count(*) from tickets")" $((2 * N)) "$((2 * N)) tickets"
is "$(sql "select max(number) = count(*) and min(number) = 1 from tickets")" 1 "numbers 1..$((2 * N))"
is "$(sql "select qty from stock s join products p on p.id = s.product_id where sku = '$a'")" \
	"$((sa - 2 * N))" "stock of $a reflects both"
is "$(sql "select qty from stock s join products p on p.id = s.product_id where sku = '$b'")" \
	"$((sb - 4 * N))" "stock of $b reflects both"
done_testing
