/* Reading journal payloads back (src/core/journal_read.c), adding them up
 * for the reports (journal_sum.c), and counting a drawer (cashcount.c). */
#include <stdlib.h>
#include <string.h>
#include "../../src/core/cashcount.h"
#include "../../src/core/journal_read.h"
#include "../lib/tap.h"

/* A sale as app_ticket_payload writes it: 2 baguettes at 5.5 %, paid 10.00
 * cash with 7.40 change. */
static const char sale_payload[] =
	"ticket 1 sale 0 1795765969 till-1 till-1 3\n"
	"customer % % %\n"
	"totals 1 260 246 14 0 1000 740 0\n"
	"line 1 21 BAK-0001 Baguette%20tradition 2 0 130 0 260 0 550 246 14 260 0 0 0 0 "
	"catalogue 0 % %\n"
	"pay cash 1000 %\n";

/* A split sale: a 20 % line, a voided line, card then cash. */
static const char split_payload[] =
	"ticket 2 sale 0 1795766000 till-2 anna 0\n"
	"customer C1 % %\n"
	"totals 1 1500 1250 250 0 1500 0 0\n"
	"line 1 5 WINE Vin 1 0 1200 0 1200 0 2000 1000 200 1200 0 0 0 0 catalogue 0 % %\n"
	"line 2 6 X X 1 0 999 0 0 0 1000 0 0 0 1 0 0 0 catalogue 0 % %\n"
	"line 3 7 JAM Confiture 1 0 300 0 300 0 2000 250 50 300 0 0 0 0 list 0 % % extra\n"
	"pay card 1000 AUTH42\n"
	"pay cash 500 %\n";

/* A return written with negative amounts, refunded in cash. */
static const char return_payload[] =
	"ticket 3 return 1 1795767000 till-1 till-1 3\n"
	"customer % % %\n"
	"totals 1 -130 -123 -7 0 -130 0 0\n"
	"line 1 21 BAK-0001 Baguette -1 0 130 0 -130 0 550 -123 -7 -130 0 0 0 0 catalogue 1 "
	"stock %\n"
	"pay cash -130 %\n";

/* The same return written with positive amounts. */
static const char return_pos_payload[] =
	"ticket 4 return 1 1795767000 till-1 till-1 3\n"
	"totals 1 130 123 7 0 130 0 0\n"
	"line 1 21 BAK-0001 Baguette 1 0 130 0 130 0 550 123 7 130 0 0 0 0 catalogue 1 stock %\n"
	"pay cash 130 %\n";

static void test_split(void)
{
	char line[] = "pay cash 1000 %";
	char *f[8];
	is_int(jread_split(line, f, 8), 4, "split: four fields");
	is_str(f[0], "pay", "split: first field");
	is_str(f[3], "%", "split: last field");
	char two[] = "a  b";
	is_int(jread_split(two, f, 8), -1, "split: an empty field is refused");
	char many[] = "a b c d";
	is_int(jread_split(many, f, 3), -1, "split: more fields than room is refused");
	char empty[] = "";
	is_int(jread_split(empty, f, 3), -1, "split: an empty line is refused");

	char buf[64];
	is_int(jread_find("float 100\nmove in 500 why\n", "move", buf, sizeof buf, f, 8), 4,
	       "find: the line by its name");
	is_str(f[3], "why", "find: its fields");
	is_int(jread_find("floats 1\n", "float", buf, sizeof buf, f, 8), -1,
	       "find: a longer name is another line");
	is_int(jread_find("move in 500 why\n", "move", buf, 8, f, 8), -1,
	       "find: a line longer than the buffer is not cut");
	is_int(jread_find("", "move", buf, sizeof buf, f, 8), -1, "find: nothing in an empty payload");

	char e1[] = "%";
	ok(jread_unescape(e1) == 0 && strcmp(e1, "") == 0, "unescape: %% alone is empty");
	char e2[] = "Baguette%20tradition%25";
	ok(jread_unescape(e2) == 0 && strcmp(e2, "Baguette tradition%") == 0,
	   "unescape: %%20 and %%25");
	char e3[] = "bad%G1";
	is_int(jread_unescape(e3), -1, "unescape: %% without two hex digits is refused");
	char e4[] = "cut%2";
	is_int(jread_unescape(e4), -1, "unescape: a cut escape is refused");
}

static void test_parse(void)
{
	struct jread_ticket t;
	is_int(jread_ticket_parse(sale_payload, &t), JREAD_OK, "parse a sale");
	is_int(t.number, 1, "ticket number");
	is_str(t.kind, "sale", "kind");
	is_int(t.shift_id, 3, "shift id");
	is_str(t.terminal, "till-1", "terminal");
	is_int(t.total, 260, "total");
	is_int(t.paid, 1000, "paid");
	is_int(t.change, 740, "change");
	is_int((int64_t)t.nlines, 1, "one line");
	is_str(t.lines[0].sku, "BAK-0001", "line sku");
	is_int(t.lines[0].tax_rate, 550, "line rate 5.5 %%");
	is_int(t.lines[0].net, 246, "line net");
	is_int(t.lines[0].gross, 260, "line gross");
	is_int((int64_t)t.npays, 1, "one payment");
	is_str(t.pays[0].method, "cash", "payment method");
	is_int(t.pays[0].amount, 1000, "payment amount");
	jread_ticket_release(&t);

	is_int(jread_ticket_parse(split_payload, &t), JREAD_OK,
	       "parse a sale whose line has a field more than known");
	is_int((int64_t)t.nlines, 3, "three lines");
	ok(t.lines[1].voided, "the voided line is marked");
	is_str(t.pays[0].method, "card", "card first");
	jread_ticket_release(&t);

	is_int(jread_ticket_parse("ticket 1 sale 0 1 t u 0\n", &t), JREAD_MISSING,
	       "no totals line: missing");
	is_int(jread_ticket_parse("totals 1 1 1 0 0 1 0 0\n", &t), JREAD_MISSING,
	       "no ticket line: missing");
	is_int(jread_ticket_parse("ticket 1 sale 0 1 t u 0\ntotals 1 2x 1 0 0 1 0 0\n", &t),
	       JREAD_SYNTAX, "a number with a letter: syntax");
	is_int(jread_ticket_parse("ticket 1 void 0 1 t u 0\ntotals 1 2 1 0 0 1 0 0\n", &t),
	       JREAD_SYNTAX, "an unknown ticket kind: syntax");
	is_int(jread_ticket_parse("ticket 1 sale 0 1 t u 0\ntotals 1 2 1 0 0 1 0 0\npay cash\n",
	                          &t), JREAD_SYNTAX, "a pay line without amount: syntax");
	is_int(jread_ticket_parse("ticket 1 sale 0 1 t u 0\ntotals 1 2 1 0 0 1 0 0", &t),
	       JREAD_SYNTAX, "a payload without its last newline: syntax");
	is_int(jread_ticket_parse("ticket 1 sale 0 1 t u 0\ntotals 1 2 1 0 0 1 0 0\n"
	                          "line 1 2 S N 1 0 1 0 1 0 550 1 0\n", &t),
	       JREAD_SYNTAX, "a short item line: syntax");
}

static void add(struct jsum *s, const char *payload)
{
	struct jread_ticket t;
	int rc = jread_ticket_parse(payload, &t);
	if (rc == JREAD_OK)
		rc = jsum_add(s, &t);
	jread_ticket_release(&t);
	if (rc != JREAD_OK)
		printf("# jsum_add failed: %d\n", rc);
}

static const struct jsum_method *method(const struct jsum *s, const char *name)
{
	for (size_t i = 0; i < s->nmethods; i++)
		if (strcmp(s->methods[i].name, name) == 0)
			return &s->methods[i];
	return NULL;
}

static void test_sums(void)
{
	struct jsum s;
	jsum_init(&s);
	add(&s, sale_payload);
	add(&s, split_payload);
	is_int(s.sales, 2, "sums: two sales");
	is_int(s.sales_total, 1760, "sums: sales total");
	is_int(s.cash_sales, 1500, "sums: cash handed over");
	is_int(s.change, 740, "sums: change given");
	ok(method(&s, "cash") && method(&s, "cash")->amount == 760,
	   "sums: cash method is cash taken less change");
	ok(method(&s, "card") && method(&s, "card")->amount == 1000, "sums: card method");
	is_int((int64_t)s.nrates, 2, "sums: two rates (the voided line's rate is not counted)");
	is_int(s.rates[0].rate, 550, "sums: rates in ascending order");
	is_int(s.rates[1].rate, 2000, "sums: 20 %% second");
	is_int(s.rates[1].gross, 1500, "sums: 20 %% gross");
	is_int(s.rates[1].tax, 250, "sums: 20 %% tax");
	is_int(jsum_cash_net(&s), 760, "sums: cash net into the drawer");

	add(&s, return_payload);
	is_int(s.returns, 1, "sums: one return");
	is_int(s.returns_total, -130, "sums: returns lower the total");
	is_int(s.total, 1630, "sums: total after the return");
	is_int(s.cash_refunds, 130, "sums: cash refunded");
	is_int(jsum_cash_net(&s), 630, "sums: cash net after the refund");
	is_int(s.rates[0].gross, 130, "sums: the return lowers its rate's gross");
	ok(method(&s, "cash")->amount == 630, "sums: the refund lowers the cash method");

	add(&s, return_pos_payload);
	is_int(s.returns_total, -260, "sums: a return written positive also lowers the total");
	is_int(s.cash_refunds, 260, "sums: and counts as a refund");
	is_int(s.rates[0].net, 0, "sums: and lowers its rate's net");

	struct jbuf b;
	jbuf_init(&b);
	ok(jsum_write(&s, &b) == 0, "sums: written as payload lines");
	ok(strstr(b.p, "rate 550 ") != NULL && strstr(b.p, "method card 1000\n") != NULL,
	   "sums: rate and method lines");
	struct jsum back;
	is_int(jsum_read(b.p, &back), JREAD_OK, "sums: read back");
	ok(memcmp(&back, &s, sizeof s) == 0, "sums: read back equal to what was written");
	jbuf_release(&b);
	is_int(jsum_read("period day 20261127\ncount 1\n", &back), JREAD_SYNTAX,
	       "sums: a short count line is refused");
}

static void test_cash(void)
{
	struct cash_count c;
	char bad[32];
	cash_count_init(&c);
	is_int(cash_count_parse(&c, "50x2,20x3,0.50x4", "EUR", bad, sizeof bad), CASH_OK,
	       "count: notes and coins");
	is_int(c.total, 10000 + 6000 + 200, "count: total 162.00");
	is_int((int64_t)c.n, 3, "count: three values");
	is_int(c.value[0], 5000, "count: highest first");
	is_int(cash_count_parse(&c, "0.50x1,100x1", "EUR", bad, sizeof bad), CASH_OK,
	       "count: a second --count adds up");
	is_int(c.count[c.n - 1], 5, "count: the same value twice adds its pieces");
	is_int(c.value[0], 10000, "count: kept in order");
	is_int(c.total, 26250, "count: new total");
	struct cash_count before = c;
	is_int(cash_count_parse(&c, "50x1,0.03x2", "EUR", bad, sizeof bad), CASH_DENOM,
	       "count: 0.03 is no euro coin");
	is_str(bad, "0.03x2", "count: the offending piece is named");
	ok(memcmp(&before, &c, sizeof c) == 0, "count: nothing added on error");
	is_int(cash_count_parse(&c, "50x", "EUR", NULL, 0), CASH_SYNTAX, "count: no count");
	is_int(cash_count_parse(&c, "x2", "EUR", NULL, 0), CASH_SYNTAX, "count: no value");
	is_int(cash_count_parse(&c, "50*2", "EUR", NULL, 0), CASH_SYNTAX, "count: no x");
	is_int(cash_count_parse(&c, "50x2,", "EUR", NULL, 0), CASH_SYNTAX, "count: trailing comma");
	is_int(cash_count_parse(&c, "50x-1", "EUR", NULL, 0), CASH_SYNTAX, "count: negative");
	is_int(cash_count_parse(&c, "-50x1", "EUR", NULL, 0), CASH_SYNTAX, "count: negative value");
	is_int(cash_count_parse(&c, "", "EUR", NULL, 0), CASH_SYNTAX, "count: empty");
	is_int(cash_count_parse(&c, "1x100001", "EUR", NULL, 0), CASH_TOO_MANY,
	       "count: too many pieces");
	is_int(cash_count_parse(&c, "none", "EUR", NULL, 0), CASH_OK, "count: none");
	ok(memcmp(&before, &c, sizeof c) == 0, "count: none adds nothing");
	cash_count_init(&c);
	is_int(cash_count_parse(&c, "2000x1,500x2,0.50x2", "INR", bad, sizeof bad), CASH_OK,
	       "count: rupees");
	is_int(c.total, 200000 + 100000 + 100, "count: rupee total");
	is_int(cash_count_parse(&c, "0.20x1", "INR", NULL, 0), CASH_DENOM,
	       "count: no 20 paise coin");
	is_int(cash_count_parse(&c, "1x1", "USD", NULL, 0), CASH_CURRENCY,
	       "count: a currency without a table");
	size_t n;
	ok(cash_denoms("EUR", &n) != NULL && n == 15, "count: 15 euro notes and coins");
}

int main(void)
{
	test_split();
	test_parse();
	test_sums();
	test_cash();
	return done_testing();
}
