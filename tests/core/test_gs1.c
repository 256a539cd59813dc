/* gs1.c: raw (GS-separated) and printed element strings, every field check
 * (GTIN check digit, dates and their century, weights, prices, lots), the
 * separator rules, and what is refused. */
#include "../lib/tap.h"
#include "../../src/core/gs1.h"

#define GS "\x1d"
#define YEAR 2025

static void bad(const char *label, const char *s, int want, const char *ai)
{
	struct gs1_data d;
	int rc = gs1_parse(s, YEAR, &d);

	is_int(rc, want, "%s: refused (%s)", label, gs1_strerror(want));
	ok(!d.has_gtin && !d.has_lot && !d.has_expiry && !d.has_weight && !d.has_price,
	   "%s: nothing left usable", label);
	if (ai != NULL)
		is_str(d.bad_ai, ai, "%s: blames AI %s", label, ai);
}

static void expiry(const char *yymmdd, int year, int32_t want)
{
	struct gs1_data d;
	char s[64];

	snprintf(s, sizeof s, "0109506000134352" "17%s", yymmdd);
	is_int(gs1_parse(s, year, &d), 0, "17 %s in %d parses", yymmdd, year);
	is_int(d.expiry, want, "17 %s in %d is %d", yymmdd, year, (int)want);
}

static void test_raw(void)
{
	struct gs1_data d;

	is_int(gs1_parse("]C1" "0109506000134352" "17261231" "10LOT42", YEAR, &d), 0,
	       "]C1 GTIN, expiry, lot");
	ok(d.has_gtin && d.has_expiry && d.has_lot && !d.has_weight && !d.has_price, "]C1: fields present");
	is_str(d.gtin, "09506000134352", "]C1: GTIN");
	is_int(d.expiry, 20261231, "]C1: expiry 2026-12-31");
	is_str(d.lot, "LOT42", "]C1: lot");
	is_str(d.bad_ai, "", "]C1: bad_ai empty on success");

	is_int(gs1_parse("]d2" "0109506000134352" "10AB-12/x" GS "17270228", YEAR, &d), 0,
	       "]d2 lot in the middle ended by GS");
	is_str(d.lot, "AB-12/x", "lot in the middle");
	is_int(d.expiry, 20270228, "expiry after the lot");

	is_int(gs1_parse("0109506000134352" "3103001250", YEAR, &d), 0, "no identifier, 3103");
	is_int(d.weight_g, 1250, "3103 001250 = 1.250 kg = 1250 g");
	is_int(gs1_parse("]Q3" "0195012345432109" "3102000125", YEAR, &d), 0, "]Q3, 3102");
	is_int(d.weight_g, 1250, "3102 000125 = 1.25 kg = 1250 g");
	is_int(gs1_parse("]e0" "0195012345432109" "3104012340", YEAR, &d), 0, "]e0, 3104 whole grams");
	is_int(d.weight_g, 1234, "3104 012340 = 1.2340 kg = 1234 g");
	is_int(gs1_parse("0195012345432109" "3105100000", YEAR, &d), 0, "3105");
	is_int(d.weight_g, 1000, "3105 100000 = 1.00000 kg = 1000 g");
	is_int(gs1_parse("0195012345432109" "3102999999", YEAR, &d), 0, "3102 largest");
	is_int(d.weight_g, 9999990, "3102 999999 = 9999.99 kg");

	is_int(gs1_parse("0195012345432109" "39221234" GS "3103000500", YEAR, &d), 0,
	       "3922 ended by GS, then a weight");
	is_int(d.price, 1234, "3922 1234 = 12.34");
	is_int(d.weight_g, 500, "weight after the price");
	is_int(gs1_parse("0195012345432109" "3922" "10000000000000", YEAR, &d), 0, "3922 at MONEY_MAX");
	is_int(d.price, MONEY_MAX, "3922 MONEY_MAX");
	is_int(gs1_parse("0195012345432109" "39220", YEAR, &d), 0, "3922 zero");
	is_int(d.price, 0, "3922 0");

	is_int(gs1_parse(GS "0109506000134352" GS "17261200" GS, YEAR, &d), 0,
	       "leading GS, GS after a fixed field, trailing GS tolerated");
	is_int(d.expiry, 20261231, "day 00 is the end of the month");

	is_int(gs1_parse("3103001250" "0109506000134352", YEAR, &d), 0, "AIs in any order");
	is_str(d.gtin, "09506000134352", "GTIN after the weight");

	/* the FNC1 rule: without a GS, what follows a lot is more lot */
	is_int(gs1_parse("0109506000134352" "10LOT1" "17261231", YEAR, &d), 0,
	       "lot without GS before 17 parses");
	is_str(d.lot, "LOT117261231", "the 17 and its date are lot text");
	ok(!d.has_expiry, "no expiry read out of the lot");
	is_int(gs1_parse("0109506000134352" "1012345678901234567890", YEAR, &d), 0, "20-char lot");
	is_str(d.lot, "12345678901234567890", "20-char lot kept");
	is_int(gs1_parse("0109506000134352" "10!\"%&'()*+,-./:;<=>?_", YEAR, &d), 0,
	       "lot: every punctuation of set 82");
}

static void test_printed(void)
{
	struct gs1_data d;

	is_int(gs1_parse("(01)03012345678902(17)261231(10)LOT42", YEAR, &d), 0, "printed form");
	is_str(d.gtin, "03012345678902", "printed: GTIN");
	is_int(d.expiry, 20261231, "printed: expiry");
	is_str(d.lot, "LOT42", "printed: lot");
	is_int(gs1_parse("(01)09506000134352(10)L1(3922)995(3103)000750", YEAR, &d), 0,
	       "printed: variable fields end at the next (");
	is_str(d.lot, "L1", "printed: lot");
	is_int(d.price, 995, "printed: price");
	is_int(d.weight_g, 750, "printed: weight");
	is_int(gs1_parse("(01)09506000134352(10)A)B", YEAR, &d), 0, "printed: ) inside a lot");
	is_str(d.lot, "A)B", "printed: lot A)B");

	bad("printed, brief's example with a wrong check digit",
	    "(01)03012345678900(17)261231(10)LOT42", GS1_BAD_CHECK, "01");
	bad("printed, GTIN of 13 digits", "(01)0950600013435(17)261231", GS1_BAD_LENGTH, "01");
	bad("printed, GTIN of 15 digits", "(01)095060001343520", GS1_BAD_LENGTH, "01");
	bad("printed, expiry of 5 digits", "(01)09506000134352(17)26123", GS1_BAD_LENGTH, "17");
	bad("printed, empty lot", "(01)09506000134352(10)(17)261231", GS1_BAD_LENGTH, "10");
	bad("printed, unclosed (", "(01)09506000134352(17", GS1_SYNTAX, "");
	bad("printed, (AI) of one digit", "(1)09506000134352", GS1_SYNTAX, NULL);
	bad("printed, (AI) of letters", "(01)09506000134352(ab)x", GS1_SYNTAX, "");
	bad("printed, text after the GTIN", "(01)09506000134352x", GS1_BAD_LENGTH, "01");
	bad("printed, GTIN with a letter", "(01)0950600013435X", GS1_NOT_DIGITS, "01");
	bad("printed, text before the first (", "x(01)09506000134352", GS1_SYNTAX, NULL);
	bad("printed, text after (", "(01)09506000134352)", GS1_BAD_LENGTH, "01");
	bad("printed, unknown (99)", "(01)09506000134352(99)x", GS1_UNKNOWN_AI, "99");
	bad("printed, (3101) not read", "(01)09506000134352(3101)000125", GS1_UNKNOWN_AI, "3101");
	bad("printed, GS inside", "(01)09506000134352" GS "(17)261231", GS1_BAD_CHAR, NULL);
	bad("printed, duplicated (17)", "(01)09506000134352(17)261231(17)261231",
	    GS1_DUPLICATE_AI, "17");
}

static void test_dates(void)
{
	struct gs1_data d;

	expiry("240229", YEAR, 20240229);
	expiry("250200", YEAR, 20250228);
	expiry("240200", YEAR, 20240229);
	expiry("000200", YEAR, 20000229);
	expiry("250400", YEAR, 20250430);
	/* the GS1 window: current - 49 .. current + 50 */
	expiry("750101", 2025, 20750101);
	expiry("760101", 2025, 19760101);
	expiry("990101", 2001, 19990101);
	expiry("510101", 2001, 20510101);
	expiry("520101", 2001, 19520101);
	expiry("100101", 2060, 21100101);
	expiry("110101", 2060, 20110101);
	expiry("000229", 2025, 20000229);
	is_int(gs1_parse("0109506000134352" "17000229", 2099, &d), GS1_BAD_DATE,
	       "17 000229 in 2099 is 2100-02-29: 2100 is not a leap year");

	bad("17 month 13", "0109506000134352" "17261301", GS1_BAD_DATE, "17");
	bad("17 month 00", "0109506000134352" "17260001", GS1_BAD_DATE, "17");
	bad("17 Feb 30", "0109506000134352" "17260230", GS1_BAD_DATE, "17");
	bad("17 Feb 29 of 2026", "0109506000134352" "17260229", GS1_BAD_DATE, "17");
	bad("17 Apr 31", "0109506000134352" "17260431", GS1_BAD_DATE, "17");
	bad("17 day 32", "0109506000134352" "17260132", GS1_BAD_DATE, "17");
	bad("17 with a letter", "0109506000134352" "172612A1", GS1_NOT_DIGITS, "17");
	bad("17 cut short by GS", "0109506000134352" "172612" GS "10X", GS1_BAD_LENGTH, "17");
	bad("17 cut short by the end", "0109506000134352" "172612", GS1_BAD_LENGTH, "17");
}

static void test_refused(void)
{
	char s[256];

	bad("raw, wrong GTIN check digit", "]C1" "0109506000134353", GS1_BAD_CHECK, "01");
	bad("raw, GTIN with a letter", "010950600013435X", GS1_NOT_DIGITS, "01");
	bad("raw, GTIN cut by GS", "01095060001343" GS "17261231", GS1_BAD_LENGTH, "01");
	bad("raw, unknown AI 99", "0109506000134352" "99ABC", GS1_UNKNOWN_AI, "99");
	bad("raw, AI 3101 not read", "0109506000134352" "3101000125", GS1_UNKNOWN_AI, "31");
	bad("raw, AI 3921 not read", "0109506000134352" "3921125", GS1_UNKNOWN_AI, "39");
	bad("raw, duplicated 01", "0109506000134352" "0109506000134352", GS1_DUPLICATE_AI, "01");
	bad("raw, duplicated 10", "0109506000134352" "10A" GS "10B", GS1_DUPLICATE_AI, "10");
	bad("raw, 3102 then 3103", "0109506000134352" "3102000100" "3103001000",
	    GS1_DUPLICATE_AI, "3103");
	bad("raw, 3104 of 12.34 g", "0109506000134352" "3104001234", GS1_BAD_WEIGHT, "3104");
	bad("raw, 3105 of 1.5 g", "0109506000134352" "3105000150", GS1_BAD_WEIGHT, "3105");
	bad("raw, 3103 of 5 digits", "0109506000134352" "310300125", GS1_BAD_LENGTH, "3103");
	bad("raw, 3922 past MONEY_MAX", "0109506000134352" "3922" "10000000000001", GS1_BAD_PRICE, "3922");
	bad("raw, 3922 of 15 nines", "0109506000134352" "3922" "999999999999999", GS1_BAD_PRICE, "3922");
	bad("raw, 3922 of 16 digits", "0109506000134352" "3922" "1234567890123456", GS1_BAD_LENGTH, "3922");
	bad("raw, 3922 empty", "0109506000134352" "3922" GS "10A", GS1_BAD_LENGTH, "3922");
	bad("raw, 3922 with a mark", "0109506000134352" "392212.34", GS1_NOT_DIGITS, "3922");
	bad("raw, lot of 21", "0109506000134352" "10123456789012345678901", GS1_BAD_LENGTH, "10");
	bad("raw, lot GTIN-less", "10LOT42", GS1_NO_GTIN, "01");
	bad("raw, lot with #", "0109506000134352" "10LOT#1", GS1_BAD_CHAR, "10");
	bad("raw, lot with ~", "0109506000134352" "10LOT~1", GS1_BAD_CHAR, "10");
	bad("raw, lot with a space", "0109506000134352" "10LOT 1", GS1_BAD_CHAR, "");
	bad("raw, tab", "0109506000134352" "\t", GS1_BAD_CHAR, NULL);
	bad("raw, CR at the end", "0109506000134352\r", GS1_BAD_CHAR, NULL);
	bad("raw, DEL", "0109506000134352" "10A\x7f", GS1_BAD_CHAR, NULL);
	bad("raw, UTF-8", "0109506000134352" "10caf\xc3\xa9", GS1_BAD_CHAR, NULL);
	bad("raw, two GS in a row", "0109506000134352" "10A" GS GS "17261231", GS1_SYNTAX, "");
	bad("raw, empty", "", GS1_SYNTAX, NULL);
	bad("raw, identifier alone", "]C1", GS1_SYNTAX, NULL);
	bad("raw, GS alone", GS, GS1_SYNTAX, NULL);
	bad("raw, garbage", "hello", GS1_SYNTAX, "");
	bad("raw, ]C0 is not GS1", "]C0" "0109506000134352", GS1_SYNTAX, NULL);
	bad("raw, AI cut short", "0109506000134352" "3", GS1_UNKNOWN_AI, "3");
	bad("raw, only a GTIN-13", "9506000134352", GS1_UNKNOWN_AI, "95");
	bad("raw, printed form after an identifier", "]C1(01)09506000134352", GS1_SYNTAX, NULL);

	memset(s, '1', 200);
	memcpy(s, "0109506000134352" "10", 18);
	s[200] = '\0';
	bad("200 characters", s, GS1_TOO_LONG, NULL);
	s[GS1_MAX_LEN + 1] = '\0';
	bad("GS1_MAX_LEN + 1 characters", s, GS1_TOO_LONG, NULL);
	s[GS1_MAX_LEN] = '\0';
	bad("GS1_MAX_LEN characters, a lot too long", s, GS1_BAD_LENGTH, "10");
}

static void test_looks_like(void)
{
	ok(gs1_looks_like("]C1" "0109506000134352"), "looks: ]C1");
	ok(gs1_looks_like("]d2x"), "looks: ]d2 (parse says what is wrong)");
	ok(gs1_looks_like("]Q3" "01"), "looks: ]Q3");
	ok(gs1_looks_like("]e0" "01"), "looks: ]e0");
	ok(gs1_looks_like(GS "0109506000134352"), "looks: leading GS");
	ok(gs1_looks_like("(01)09506000134352"), "looks: (01)");
	ok(gs1_looks_like("(3922)100"), "looks: (3922)");
	ok(gs1_looks_like("0109506000134352"), "looks: 01 + GTIN-14 alone");
	ok(gs1_looks_like("0109506000134352" "10LOT"), "looks: 01 + GTIN-14 + more");
	ok(!gs1_looks_like("0109506000134353"), "not: 01 + 14 digits, bad check digit");
	ok(!gs1_looks_like("9506000134352"), "not: EAN-13");
	ok(!gs1_looks_like("0106000134352"), "not: EAN-13 starting 01");
	ok(!gs1_looks_like("036000291452"), "not: UPC-A");
	ok(!gs1_looks_like("96385074"), "not: EAN-8");
	ok(!gs1_looks_like("09506000134352"), "not: ITF-14");
	ok(!gs1_looks_like("010950600013435"), "not: 01 + 13 digits");
	ok(!gs1_looks_like("01-COFFEE-250G"), "not: SKU starting 01");
	ok(!gs1_looks_like("]C0" "0109506000134352"), "not: ]C0");
	ok(!gs1_looks_like("(coffee)"), "not: (coffee)");
	ok(!gs1_looks_like("(1)"), "not: (1)");
	ok(!gs1_looks_like("(12345)"), "not: (12345)");
	ok(!gs1_looks_like(""), "not: empty");
}

static void test_gtin_key(void)
{
	char k[15];

	gs1_gtin_key("09506000134352", k);
	is_str(k, "9506000134352", "key: GTIN-13");
	gs1_gtin_key("00036000291452", k);
	is_str(k, "0036000291452", "key: GTIN-12 as its EAN-13");
	gs1_gtin_key("00000096385074", k);
	is_str(k, "96385074", "key: GTIN-8");
	gs1_gtin_key("14006381333938", k);
	is_str(k, "14006381333938", "key: pack GTIN-14");
}

int main(void)
{
	test_raw();
	test_printed();
	test_dates();
	test_refused();
	test_looks_like();
	test_gtin_key();
	return done_testing();
}
