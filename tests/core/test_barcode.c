/* barcode.c: check digits of real EAN-13, EAN-8, UPC-A and UPC-E codes, the
 * four UPC-E expansion rules, the stored form, and in-store price and weight
 * codes with their layouts. */
#include "../lib/tap.h"
#include "../../src/core/barcode.h"

static void classify(const char *code, int rc_want, enum barcode_kind kind_want)
{
	enum barcode_kind k = (enum barcode_kind)-1;

	is_int(barcode_classify(code, &k), rc_want, "classify %s: rc", code);
	is_int(k, kind_want, "classify %s: kind", code);
}

static void upce(const char *e, const char *a)
{
	char out[13];

	is_int(barcode_upce_to_upca(e, out), 0, "UPC-E %s expands", e);
	is_str(out, a, "UPC-E %s = UPC-A %s", e, a);
}

static void normal(const char *code, const char *want, enum barcode_kind kind)
{
	char out[14];
	enum barcode_kind k;

	is_int(barcode_normalize(code, out, &k), 0, "normalize %s", code);
	is_str(out, want, "normalize %s -> %s", code, want);
	is_int(k, kind, "normalize %s kind", code);
}

static void test_codes(void)
{
	char out[14];
	enum barcode_kind k;

	is_int(barcode_check_digit("400638133393", 12), 1, "check digit of 400638133393");
	is_int(barcode_check_digit("9638507", 7), 4, "check digit of 9638507");
	is_int(barcode_check_digit("03600029145", 11), 2, "check digit of 03600029145");
	is_int(barcode_check_digit("12a4", 4), -1, "not digits");
	is_int(barcode_check_digit("", 0), 0, "no digits: 0");

	classify("4006381333931", 0, BARCODE_EAN13);
	classify("3017620422003", 0, BARCODE_EAN13);
	classify("96385074", 0, BARCODE_EAN8);
	classify("73513537", 0, BARCODE_EAN8);
	classify("036000291452", 0, BARCODE_UPCA);
	classify("04252614", 0, BARCODE_UPCE);
	classify("01234531", 0, BARCODE_UPCE);
	/* valid both ways: EAN-8 wins, as the rule says */
	classify("01234565", 0, BARCODE_EAN8);
	classify("4006381333932", BARCODE_BAD_CHECK, BARCODE_EAN13);
	classify("3017620422004", BARCODE_BAD_CHECK, BARCODE_EAN13);
	classify("96385075", BARCODE_BAD_CHECK, BARCODE_EAN8);
	classify("036000291453", BARCODE_BAD_CHECK, BARCODE_UPCA);
	classify("04252615", BARCODE_BAD_CHECK, BARCODE_EAN8);
	classify("SKU-1234", 0, BARCODE_NONE);
	classify("12345", 0, BARCODE_NONE);
	classify("40063813339310", 0, BARCODE_NONE);
	classify("400638133393a", 0, BARCODE_NONE);
	classify("", 0, BARCODE_NONE);

	upce("04252614", "042100005264");
	upce("01234565", "012345000065");
	upce("01234531", "012300000451");
	upce("01234543", "012340000053");
	upce("01234505", "012000003455");
	upce("16543214", "165100004324");
	upce("00345634", "003400000564");
	char a[13] = "x";

	is_int(barcode_upce_to_upca("04252615", a), BARCODE_BAD_CHECK, "UPC-E wrong check");
	is_str(a, "", "UPC-E wrong check leaves upca empty");
	is_int(barcode_upce_to_upca("24252614", a), BARCODE_BAD_CHECK, "number system 2 refused");
	is_int(barcode_upce_to_upca("0425261", a), BARCODE_BAD_CHECK, "7 digits refused");
	is_int(barcode_upce_to_upca("0425261x", a), BARCODE_BAD_CHECK, "letters refused");

	normal("4006381333931", "4006381333931", BARCODE_EAN13);
	normal("036000291452", "0036000291452", BARCODE_UPCA);
	normal("04252614", "0042100005264", BARCODE_UPCE);
	normal("96385074", "96385074", BARCODE_EAN8);
	normal("ABC-42", "ABC-42", BARCODE_NONE);
	is_int(barcode_normalize("4006381333932", out, &k), BARCODE_BAD_CHECK, "normalize bad check");
	is_str(out, "4006381333932", "out still terminated");
	is_int(barcode_normalize("A-VERY-LONG-SKU-CODE", out, &k), 0, "long SKU");
	is_str(out, "A-VERY-LONG-S", "copy cut to 13 characters");
	ok(*barcode_strerror(BARCODE_BAD_CHECK) != '\0', "strerror has text");
}

static void test_instore(void)
{
	struct instore_layout l[4];
	struct instore_code ic;
	char out[14];
	int n;

	/* 20-24 price: item 12345, price 12.99 */
	is_int(barcode_instore_make("2012345", 1299, &barcode_instore_default[0], out), 0,
	       "make a price code");
	is_str(out, "2012345012998", "price code with its check digit");
	classify(out, 0, BARCODE_EAN13);
	is_int(barcode_instore_parse(out, barcode_instore_default, 2, &ic), 0, "parse it back");
	is_str(ic.key, "2012345000001", "key: value zeroed, check recomputed");
	is_int(ic.kind, INSTORE_PRICE, "a price");
	is_int(ic.value, 1299, "12.99");

	/* 25-29 weight: 250 g */
	is_int(barcode_instore_make("2512345000006", 250, &barcode_instore_default[1], out), 0,
	       "make a weight code from a stored key");
	is_str(out, "2512345002505", "weight code");
	is_int(barcode_instore_parse(out, barcode_instore_default, 2, &ic), 0, "parse weight");
	is_int(ic.kind, INSTORE_WEIGHT, "a weight");
	is_int(ic.value, 250, "250 g");
	is_str(ic.key, "2512345000006", "weight key");
	is_int(barcode_instore_make(ic.key, 99999, &barcode_instore_default[1], out), 0,
	       "largest value");
	is_int(barcode_instore_parse(out, barcode_instore_default, 2, &ic), 0, "parse largest");
	is_int(ic.value, 99999, "99999 round trip");

	is_int(barcode_instore_make("2012345", 100000, &barcode_instore_default[0], out),
	       BARCODE_BAD_LAYOUT, "value too wide");
	is_int(barcode_instore_make("2012345", -1, &barcode_instore_default[0], out),
	       BARCODE_BAD_LAYOUT, "negative value");
	is_int(barcode_instore_make("2512345", 1, &barcode_instore_default[0], out),
	       BARCODE_BAD_LAYOUT, "prefix outside the layout");
	is_int(barcode_instore_make("201234", 1, &barcode_instore_default[0], out),
	       BARCODE_BAD_LAYOUT, "key too short");
	is_int(barcode_instore_parse("4006381333931", barcode_instore_default, 2, &ic),
	       BARCODE_NOT_INSTORE, "an ordinary EAN-13");
	is_int(barcode_instore_parse("2012345012999", barcode_instore_default, 2, &ic),
	       BARCODE_BAD_CHECK, "an in-store code with a wrong check");
	is_int(barcode_instore_parse("96385074", barcode_instore_default, 2, &ic),
	       BARCODE_NOT_INSTORE, "an EAN-8");
	is_int(barcode_instore_parse("2012345012998", barcode_instore_default + 1, 1, &ic),
	       BARCODE_NOT_INSTORE, "no layout for prefix 20");

	n = barcode_instore_layouts_parse("20-24:price:5,25-29:weight:5", l, 4);
	is_int(n, 2, "default spec: two layouts");
	ok(n == 2 && memcmp(l, barcode_instore_default, sizeof barcode_instore_default) == 0,
	   "default spec parses to the default layouts");
	n = barcode_instore_layouts_parse(" 21:price:4 , 22-23:weight:6,28-29:price:3 ", l, 4);
	is_int(n, 3, "three layouts, blanks allowed");
	is_int(l[0].prefix_lo, 21, "single prefix lo");
	is_int(l[0].prefix_hi, 21, "single prefix hi");
	is_int(l[0].value_len, 6, "4 item digits leave 6");
	is_int(l[1].kind, INSTORE_WEIGHT, "weight");
	is_int(l[2].value_len, 7, "3 item digits leave 7");
	is_int(barcode_instore_make("2198765", 123456, &l[0], out), 0, "make with 4-digit item");
	is_int(barcode_instore_parse(out, l, 3, &ic), 0, "parse with 4-digit item");
	is_int(ic.value, 123456, "six-digit price");
	is_str(ic.key, "2198760000007", "key of a 4-digit item");
	is_int(barcode_instore_layouts_parse("", l, 4), 0, "empty spec: no layouts");

	static const char *const bad[] = {
		"20-24:price", "20-24:price:", "20-24:cost:5", "19-24:price:5", "20-30:price:5",
		"24-20:price:5", "20-24:price:0", "20-24:price:10", "20-24:price:5,",
		"20-24:price:5,24-29:weight:5", "20-24:price:5;25-29:weight:5", "20--24:price:5",
		"20-24:PRICE:5", "020-24:price:5", "20-24:price:5x", ",", "a",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		is_int(barcode_instore_layouts_parse(bad[i], l, 4), BARCODE_BAD_LAYOUT,
		       "bad spec '%s'", bad[i]);
	is_int(barcode_instore_layouts_parse("20:price:5,21:price:5,22:price:5", l, 2),
	       BARCODE_BAD_LAYOUT, "more layouts than room");

	struct instore_layout odd = { 20, 24, 5, 4, INSTORE_PRICE };

	is_int(barcode_instore_make("2012345", 1, &odd, out), BARCODE_BAD_LAYOUT,
	       "a layout that does not add up to 12");
}

int main(void)
{
	test_codes();
	test_instore();
	return done_testing();
}
