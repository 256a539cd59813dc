/* money.c: the exact decimal parser (accepted and refused forms, limits),
 * half-up division, and formatting in the plain, French and Indian styles. */
#include "../lib/tap.h"
#include "../../src/core/money.h"

static void parse_ok(const char *s, int decimals, int64_t want)
{
	int64_t v = -999;
	int rc = decimal_parse(s, decimals, MONEY_MAX, &v);

	if (!is_int(rc, MONEY_OK, "parse '%s' accepted", s))
		return;
	is_int(v, want, "parse '%s' = %" PRId64, s, want);
}

static void parse_bad(const char *s, int decimals, int want)
{
	int64_t v = -999;
	int rc = decimal_parse(s, decimals, MONEY_MAX, &v);

	is_int(rc, want, "parse '%s' refused with %d", s, want);
	is_int(v, -999, "parse '%s' leaves the output alone", s);
}

static void fmt(money_t v, const struct money_style *st, const char *want)
{
	char buf[64];
	size_t n = money_format(buf, sizeof buf, v, st);

	is_str(buf, want, "format %" PRId64 " -> '%s'", v, want);
	is_int((int64_t)n, (int64_t)strlen(want), "format %" PRId64 " length", v);
}

static void test_parse(void)
{
	int64_t v;

	parse_ok("12.50", 2, 1250);
	parse_ok("12,50", 2, 1250);
	parse_ok("1 234,56", 2, 123456);
	parse_ok("1.234,56", 2, 123456);
	parse_ok("1,234.56", 2, 123456);
	parse_ok("1 234.56", 2, 123456);
	parse_ok("1234.50", 2, 123450);
	parse_ok("-12.50", 2, -1250);
	parse_ok("-3", 2, -300);
	parse_ok("+5", 2, 500);
	parse_ok("0", 2, 0);
	parse_ok("-0", 2, 0);
	parse_ok("-0.01", 2, -1);
	parse_ok("12.5", 2, 1250);
	parse_ok(".5", 2, 50);
	parse_ok(",5", 2, 50);
	parse_ok("-.5", 2, -50);
	parse_ok("  12.50\t", 2, 1250);
	parse_ok("1\xc2\xa0" "234,56", 2, 123456);
	parse_ok("1\xe2\x80\xaf" "234,56", 2, 123456);
	parse_ok("1\xc2\xa0" "234 567,89", 2, 123456789);
	parse_ok("1 234 567,89", 2, 123456789);
	parse_ok("12.345.678,90", 2, 1234567890);
	parse_ok("12,345,678.90", 2, 1234567890);
	parse_ok("123 456", 2, 12345600);
	parse_ok("0000000000000000000000012.50", 2, 1250);
	parse_ok("12", 0, 12);
	parse_ok("0.250", 3, 250);
	parse_ok("1,5", 3, 1500);

	parse_bad("12,5,0", 2, MONEY_SYNTAX);
	parse_bad("1e3", 2, MONEY_SYNTAX);
	parse_bad("", 2, MONEY_EMPTY);
	parse_bad(" ", 2, MONEY_EMPTY);
	parse_bad("\t \t", 2, MONEY_EMPTY);
	parse_bad("12.", 2, MONEY_SYNTAX);
	parse_bad("12,", 2, MONEY_SYNTAX);
	parse_bad(".", 2, MONEY_SYNTAX);
	parse_bad("-", 2, MONEY_SYNTAX);
	parse_bad("--1", 2, MONEY_SYNTAX);
	parse_bad("+-1", 2, MONEY_SYNTAX);
	parse_bad("- 5", 2, MONEY_SYNTAX);
	parse_bad("5-", 2, MONEY_SYNTAX);
	parse_bad("1 23,4", 2, MONEY_SYNTAX);
	parse_bad("1  234", 2, MONEY_SYNTAX);
	parse_bad("1234 567", 2, MONEY_SYNTAX);
	parse_bad("1 2345", 2, MONEY_SYNTAX);
	parse_bad("1.234.567", 2, MONEY_SYNTAX);
	parse_bad("1,234,567", 2, MONEY_SYNTAX);
	parse_bad("1.234,5.6", 2, MONEY_SYNTAX);
	parse_bad("1,23,456.78", 2, MONEY_SYNTAX);
	parse_bad("1 234.567,89", 2, MONEY_SYNTAX);
	parse_bad("1.234 567,89", 2, MONEY_SYNTAX);
	parse_bad("12.5 0", 2, MONEY_SYNTAX);
	parse_bad("abc", 2, MONEY_SYNTAX);
	parse_bad("12 €", 2, MONEY_SYNTAX);
	parse_bad("0x10", 2, MONEY_SYNTAX);
	parse_bad("1\xc2" "234", 2, MONEY_SYNTAX);
	parse_bad("12.345", 2, MONEY_PRECISION);
	parse_bad("1,234", 2, MONEY_PRECISION);
	parse_bad("12.500", 2, MONEY_PRECISION);
	parse_bad("12.5", 0, MONEY_PRECISION);

	/* MONEY_MAX is 10^13 minor units: 100 000 000 000.00 */
	parse_ok("100000000000.00", 2, MONEY_MAX);
	parse_ok("100 000 000 000,00", 2, MONEY_MAX);
	parse_ok("-100000000000", 2, -MONEY_MAX);
	parse_bad("100000000000.01", 2, MONEY_OVERFLOW);
	parse_bad("-100000000000.01", 2, MONEY_OVERFLOW);
	parse_bad("1234567890123456789", 2, MONEY_OVERFLOW);
	parse_bad("9223372036854775807", 0, MONEY_OVERFLOW);
	parse_bad("99999999999999999999999999999999", 2, MONEY_OVERFLOW);
	parse_bad("-9223372036854775808", 0, MONEY_OVERFLOW);

	is_int(money_parse("100000000000.00", 2, &v), MONEY_OK, "money_parse at MONEY_MAX");
	is_int(v, MONEY_MAX, "money_parse MONEY_MAX value");
	is_int(money_parse("100000000000.01", 2, &v), MONEY_OVERFLOW, "money_parse MONEY_MAX + 1");
	is_int(decimal_parse("1000000", 3, INT64_C(1000000000), &v), MONEY_OK,
	       "quantity at its limit");
	is_int(v, INT64_C(1000000000), "quantity limit value");
	is_int(decimal_parse("1000000.001", 3, INT64_C(1000000000), &v), MONEY_OVERFLOW,
	       "quantity past its limit");
	is_int(decimal_parse(NULL, 2, MONEY_MAX, &v), MONEY_EMPTY, "NULL is empty");
}

static void test_div(void)
{
	int64_t v = 0;

	is_int(money_div_round(5, 2), 3, "5/2 rounds up");
	is_int(money_div_round(-5, 2), -3, "-5/2 rounds away from zero");
	is_int(money_div_round(4, 3), 1, "4/3");
	is_int(money_div_round(-4, 3), -1, "-4/3");
	is_int(money_div_round(1, 3), 0, "1/3");
	is_int(money_div_round(15, 10), 2, "1.5 -> 2");
	is_int(money_div_round(-15, 10), -2, "-1.5 -> -2");
	is_int(money_div_round(14, 10), 1, "1.4 -> 1");
	is_int(money_div_round(INT64_MAX, INT64_MAX), 1, "no overflow near INT64_MAX");

	is_int(money_muldiv(1290, 250, 1000, &v), MONEY_OK, "12.90/kg * 0.250 kg");
	is_int(v, 323, "322.5 rounds to 3.23");
	is_int(money_muldiv(-1290, 250, 1000, &v), MONEY_OK, "negative muldiv");
	is_int(v, -323, "-322.5 rounds to -3.23");
	is_int(money_muldiv(MONEY_MAX, 1, 1, &v), MONEY_OK, "muldiv at MONEY_MAX");
	is_int(money_muldiv(MONEY_MAX + 1, 1, 1, &v), MONEY_OVERFLOW, "muldiv past MONEY_MAX");
	is_int(money_muldiv(INT64_MAX, INT64_MAX, 3, &v), MONEY_OVERFLOW,
	       "huge product refused, not wrapped");
	is_int(money_muldiv(INT64_MAX, INT64_MAX, INT64_MAX, &v), MONEY_OVERFLOW,
	       "INT64_MAX result still past MONEY_MAX");
	is_int(money_muldiv(1, 1, 0, &v), MONEY_OVERFLOW, "zero denominator refused");
	is_int(money_muldiv(5, 1, -2, &v), MONEY_OK, "negative denominator");
	is_int(v, -3, "5 / -2 = -3");
}

static void test_format(void)
{
	char buf[8];
	size_t n;

	fmt(123450, &money_style_plain, "1234.50");
	fmt(-1250, &money_style_plain, "-12.50");
	fmt(0, &money_style_plain, "0.00");
	fmt(5, &money_style_plain, "0.05");
	fmt(-5, &money_style_plain, "-0.05");
	fmt(MONEY_MAX, &money_style_plain, "100000000000.00");
	fmt(INT64_MIN, &money_style_plain, "-92233720368547758.08");

	fmt(123456, &money_style_fr, "1 234,56 €");
	fmt(-123456, &money_style_fr, "-1 234,56 €");
	fmt(99, &money_style_fr, "0,99 €");
	fmt(100000, &money_style_fr, "1 000,00 €");
	fmt(99999, &money_style_fr, "999,99 €");
	fmt(12345678900, &money_style_fr, "123 456 789,00 €");

	fmt(12345678, &money_style_in, "₹1,23,456.78");
	fmt(-12345678, &money_style_in, "-₹1,23,456.78");
	fmt(0, &money_style_in, "₹0.00");
	fmt(5, &money_style_in, "₹0.05");
	fmt(500, &money_style_in, "₹5.00");
	fmt(99900, &money_style_in, "₹999.00");
	fmt(100000, &money_style_in, "₹1,000.00");
	fmt(10000000, &money_style_in, "₹1,00,000.00");
	fmt(1234567800, &money_style_in, "₹1,23,45,678.00");
	fmt(-1234567800, &money_style_in, "-₹1,23,45,678.00");
	fmt(1000000000, &money_style_in, "₹1,00,00,000.00");

	n = money_format(buf, sizeof buf, 12345678, &money_style_plain);
	is_int((int64_t)n, 9, "truncated format returns the full length");
	is_str(buf, "123456.", "truncated format is cut and terminated");
	is_int((int64_t)money_format(NULL, 0, -123456, &money_style_fr),
	       (int64_t)strlen("-1 234,56 €"), "size 0 only measures");

	n = quantity_format(buf, sizeof buf, 250, 3, ".");
	is_str(buf, "0.250", "0.250 kg");
	is_int((int64_t)n, 5, "0.250 length");
	quantity_format(buf, sizeof buf, 3, 0, ".");
	is_str(buf, "3", "3 units");
	quantity_format(buf, sizeof buf, 1500, 3, ",");
	is_str(buf, "1,500", "decimal comma");
	quantity_format(buf, sizeof buf, -250, 3, NULL);
	is_str(buf, "-0.250", "negative quantity, default mark");
}

/* What one style prints, the parser reads back (without the symbol). */
static void test_round_trip(void)
{
	static const money_t vals[] = { 0, 1, -1, 99, 100, 123456, -123456, 99999999,
	                                123456789012, -MONEY_MAX, MONEY_MAX };
	char buf[64];
	size_t i;
	int64_t v;

	for (i = 0; i < sizeof vals / sizeof vals[0]; i++) {
		money_format(buf, sizeof buf, vals[i], &money_style_plain);
		v = 0;
		is_int(money_parse(buf, 2, &v), MONEY_OK, "plain '%s' parses", buf);
		is_int(v, vals[i], "plain '%s' round trip", buf);
		money_format(buf, sizeof buf, vals[i], &money_style_fr);
		buf[strlen(buf) - strlen(" €")] = '\0';
		v = 0;
		is_int(money_parse(buf, 2, &v), MONEY_OK, "fr '%s' parses", buf);
		is_int(v, vals[i], "fr '%s' round trip", buf);
	}
}

int main(void)
{
	test_parse();
	test_div();
	test_format();
	test_round_trip();
	ok(money_strerror(MONEY_OVERFLOW) != NULL && *money_strerror(MONEY_OVERFLOW),
	   "strerror has text");
	ok(*money_strerror(12345) != '\0', "strerror of an unknown code has text");
	return done_testing();
}
