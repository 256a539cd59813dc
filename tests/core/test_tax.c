/* tax.c: net/tax/gross splits at 20, 10, 5.5 and 2.1 %, inclusive and
 * exclusive, the half-cent cases, returns (negative amounts), and rates as
 * typed and printed. */
#include "../lib/tap.h"
#include "../../src/core/tax.h"

struct split_case {
	money_t amount;
	tax_rate_t rate;
	int inclusive;
	money_t tax;      /* expected; net and gross follow from it */
	const char *why;
};

static const struct split_case cases[] = {
	{ 1200, 2000, 1, 200, "20 % incl 12.00: exact" },
	{ 1000, 2000, 1, 167, "20 % incl 10.00: 166.67" },
	{ 999, 2000, 1, 167, "20 % incl 9.99: 166.5 half up" },
	{ 3, 2000, 1, 1, "20 % incl 0.03: 0.5 half up" },
	{ 15, 2000, 1, 3, "20 % incl 0.15: 2.5 half up" },
	{ 1, 2000, 1, 0, "20 % incl 0.01: 0.17 down" },
	{ 1000, 2000, 0, 200, "20 % excl 10.00" },
	{ 1999, 2000, 0, 400, "20 % excl 19.99: 399.8" },
	{ 1000, 1000, 1, 91, "10 % incl 10.00: 90.91" },
	{ 1999, 1000, 1, 182, "10 % incl 19.99: 181.73" },
	{ 5, 1000, 0, 1, "10 % excl 0.05: 0.5 half up" },
	{ 15, 1000, 0, 2, "10 % excl 0.15: 1.5 half up" },
	{ 125, 1000, 0, 13, "10 % excl 1.25: 12.5 half up" },
	{ 1000, 550, 1, 52, "5.5 % incl 10.00: 52.13" },
	{ 1200, 550, 1, 63, "5.5 % incl 12.00: 62.56" },
	{ 100, 550, 0, 6, "5.5 % excl 1.00: 5.5 half up" },
	{ 300, 550, 0, 17, "5.5 % excl 3.00: 16.5 half up" },
	{ 500, 550, 0, 28, "5.5 % excl 5.00: 27.5 half up" },
	{ 999, 550, 0, 55, "5.5 % excl 9.99: 54.945" },
	{ 1000, 210, 1, 21, "2.1 % incl 10.00: 20.57" },
	{ 125, 210, 1, 3, "2.1 % incl 1.25: 2.57" },
	{ 500, 210, 0, 11, "2.1 % excl 5.00: 10.5 half up" },
	{ 1500, 210, 0, 32, "2.1 % excl 15.00: 31.5 half up" },
	{ 1200, 210, 0, 25, "2.1 % excl 12.00: 25.2" },
	{ 1000, 0, 1, 0, "0 % incl" },
	{ 1000, 0, 0, 0, "0 % excl" },
	{ 1000, 10000, 1, 500, "100 % incl" },
	{ 0, 2000, 1, 0, "nothing" },
	/* returns mirror sales exactly */
	{ -999, 2000, 1, -167, "20 % incl -9.99: -166.5 away from zero" },
	{ -15, 2000, 1, -3, "20 % incl -0.15" },
	{ -1000, 2000, 1, -167, "20 % incl -10.00" },
	{ -125, 1000, 0, -13, "10 % excl -1.25: -12.5 away from zero" },
	{ -300, 550, 0, -17, "5.5 % excl -3.00: -16.5 away from zero" },
	{ -1200, 550, 1, -63, "5.5 % incl -12.00" },
	{ -500, 210, 0, -11, "2.1 % excl -5.00: -10.5 away from zero" },
	{ -1000, 210, 1, -21, "2.1 % incl -10.00" },
};

static void test_split(void)
{
	struct tax_split ts;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct split_case *c = &cases[i];

		if (!is_int(tax_split(c->amount, c->rate, c->inclusive, &ts), 0, "%s: ok", c->why))
			continue;
		is_int(ts.tax, c->tax, "%s: tax", c->why);
		if (c->inclusive) {
			is_int(ts.gross, c->amount, "%s: gross is the amount", c->why);
			is_int(ts.net, c->amount - c->tax, "%s: net = gross - tax", c->why);
		} else {
			is_int(ts.net, c->amount, "%s: net is the amount", c->why);
			is_int(ts.gross, c->amount + c->tax, "%s: gross = net + tax", c->why);
		}
	}

	is_int(tax_split(100, -1, 1, &ts), TAX_BAD_RATE, "negative rate refused");
	is_int(tax_split(100, 10001, 0, &ts), TAX_BAD_RATE, "rate past 100 %% refused");
	is_int(tax_split(MONEY_MAX, 2000, 1, &ts), 0, "MONEY_MAX inclusive");
	is_int(ts.net + ts.tax, MONEY_MAX, "MONEY_MAX inclusive adds up");
	is_int(tax_split(MONEY_MAX + 1, 2000, 1, &ts), MONEY_OVERFLOW, "past MONEY_MAX refused");
	is_int(tax_split(MONEY_MAX, 2000, 0, &ts), MONEY_OVERFLOW,
	       "exclusive gross past MONEY_MAX refused");
	is_int(tax_split(-MONEY_MAX, 2000, 1, &ts), 0, "-MONEY_MAX inclusive");
}

static void rate_ok(const char *s, tax_rate_t want)
{
	tax_rate_t r = -1;

	is_int(tax_rate_parse(s, &r), 0, "rate '%s' accepted", s);
	is_int(r, want, "rate '%s' = %d", s, (int)want);
}

static void rate_fmt(tax_rate_t r, const char *want)
{
	char buf[16];

	is_int((int64_t)tax_rate_format(buf, sizeof buf, r), (int64_t)strlen(want),
	       "rate %d length", (int)r);
	is_str(buf, want, "rate %d prints '%s'", (int)r, want);
}

static void test_rates(void)
{
	tax_rate_t r = 0;
	char buf[3];

	rate_ok("20", 2000);
	rate_ok("5.5", 550);
	rate_ok("5,5", 550);
	rate_ok("2.1", 210);
	rate_ok("0", 0);
	rate_ok("100", 10000);
	rate_ok("20 %", 2000);
	rate_ok("5,5%", 550);
	rate_ok(" 18 ", 1800);
	rate_ok("0.25", 25);
	is_int(tax_rate_parse("-5", &r), TAX_BAD_RATE, "negative rate refused");
	is_int(tax_rate_parse("100.01", &r), TAX_BAD_RATE, "rate past 100 refused");
	is_int(tax_rate_parse("5.555", &r), MONEY_PRECISION, "three decimals refused");
	is_int(tax_rate_parse("abc", &r), MONEY_SYNTAX, "letters refused");
	is_int(tax_rate_parse("", &r), MONEY_EMPTY, "empty refused");
	is_int(tax_rate_parse("%", &r), MONEY_EMPTY, "a bare %% refused");
	is_int(tax_rate_parse("20%%", &r), MONEY_SYNTAX, "two %% refused");

	rate_fmt(2000, "20");
	rate_fmt(550, "5.5");
	rate_fmt(210, "2.1");
	rate_fmt(25, "0.25");
	rate_fmt(0, "0");
	rate_fmt(1000, "10");
	rate_fmt(10000, "100");
	is_int((int64_t)tax_rate_format(buf, sizeof buf, 550), 3, "short buffer: full length");
	is_str(buf, "5.", "short buffer: cut and terminated");

	ok(*tax_strerror(TAX_BAD_RATE) != '\0', "strerror of TAX_BAD_RATE");
	is_str(tax_strerror(MONEY_SYNTAX), money_strerror(MONEY_SYNTAX),
	       "tax_strerror knows money errors");
}

int main(void)
{
	test_split();
	test_rates();
	return done_testing();
}
