/* taxid.c: GSTINs with their check character (worked by hand below), each
 * part of a GSTIN refused, EU VAT formats of several member states, the
 * French key, and what people type around a number. */
#include "../lib/tap.h"
#include "../../src/core/taxid.h"

static void gstin_ok(const char *in, const char *want)
{
	char out[TAXID_MAX + 1] = "";
	is_int(taxid_gstin_check(in, out, sizeof out), 0, "GSTIN '%s' valid", in);
	is_str(out, want, "  normalised to %s", want);
}

static void gstin_bad(const char *in, int want)
{
	is_int(taxid_gstin_check(in, NULL, 0), want, "GSTIN '%s' refused: %s", in,
	       taxid_strerror(want));
}

static void vat_ok(const char *in, const char *want)
{
	char out[TAXID_MAX + 1] = "";
	is_int(taxid_vat_check(in, out, sizeof out), 0, "VAT '%s' valid", in);
	is_str(out, want, "  normalised to %s", want);
}

static void vat_bad(const char *in, int want)
{
	is_int(taxid_vat_check(in, NULL, 0), want, "VAT '%s' refused: %s", in, taxid_strerror(want));
}

static void test_gstin_check_char(void)
{
	/* 27AAPFU0939F1Z?: values 2 7 10 10 25 15 30 0 9 3 9 15 1 35, times
	 * 1 2 1 2 ...: 2 14 10 20 25 30 30 0 9 6 9 30 1 70; base-36 digits
	 * added (70 = 1*36 + 34 -> 35): sum 221; 221 mod 36 = 5; 36 - 5 = 31,
	 * which is V. */
	is_int(taxid_gstin_check_char("27AAPFU0939F1Z"), 'V', "check of 27AAPFU0939F1Z is V");
	/* 29AAGCB7383J1Z?: products 2 18 10 20 16 24 11 14 3 16 3 38 1 70,
	 * digits added (38 -> 3, 70 -> 35): 176; 176 mod 36 = 32; 36 - 32 = 4. */
	is_int(taxid_gstin_check_char("29AAGCB7383J1Z"), '4', "check of 29AAGCB7383J1Z is 4");
	/* 34AABCB5576G1Z?: products 3 8 10 20 11 24 11 10 5 14 6 32 1 70;
	 * sum 3+8+10+20+11+24+11+10+5+14+6+32+1+35 = 190; 190 mod 36 = 10;
	 * 36 - 10 = 26, which is Q. */
	is_int(taxid_gstin_check_char("34AABCB5576G1Z"), 'Q', "check of 34AABCB5576G1Z is Q");
	/* A sum that is a multiple of 36 gives 0, not 36 (out of range). */
	int zero = 0;
	for (int c = 0; c < 36 && !zero; c++) {
		char s[15] = "07AAACI1681G1Z";
		s[12] = (char)(c < 10 ? '0' + c : 'A' + c - 10);
		zero = taxid_gstin_check_char(s) == '0';
	}
	ok(zero, "a check character of 0 is reachable (sum a multiple of 36)");
	is_int(taxid_gstin_check_char("27aapfu0939f1z"), 0, "lower case is for the caller to fold");
}

static void test_gstin(void)
{
	gstin_ok("27AAPFU0939F1ZV", "27AAPFU0939F1ZV");
	gstin_ok("29AAGCB7383J1Z4", "29AAGCB7383J1Z4");
	gstin_ok("34AABCB5576G1ZQ", "34AABCB5576G1ZQ");
	gstin_ok("33AAACR4849R1ZS", "33AAACR4849R1ZS");
	gstin_ok("07AAACI1681G1ZR", "07AAACI1681G1ZR");
	gstin_ok(" 27aapfu0939f1zv ", "27AAPFU0939F1ZV");
	gstin_ok("27-AAPFU0939F-1ZV", "27AAPFU0939F1ZV");
	gstin_bad("27AAPFU0939F1ZW", TAXID_CHECK);
	gstin_bad("27AAPFU0993F1ZV", TAXID_CHECK);   /* two digits swapped */
	gstin_bad("72AAPFU0939F1ZV", TAXID_STATE);
	gstin_bad("28AAPFU0939F1ZV", TAXID_STATE);   /* Andhra Pradesh before 2014 */
	gstin_bad("AAAAPFU0939F1ZV", TAXID_STATE);
	gstin_bad("27AAPF10939F1ZV", TAXID_PAN);
	gstin_bad("27AAPFUA939F1ZV", TAXID_PAN);
	gstin_bad("27AAPFU093991ZV", TAXID_PAN);
	gstin_bad("27AAPFU0939F0ZV", TAXID_ENTITY);
	gstin_bad("27AAPFU0939F1YV", TAXID_NO_Z);
	gstin_bad("27AAPFU0939F1Z", TAXID_LENGTH);
	gstin_bad("27AAPFU0939F1ZVV", TAXID_LENGTH);
	gstin_bad("27AAPFU0939F1Z_", TAXID_CHARS);
	gstin_bad("27AAPFU0939F1Z\xc3\xa9", TAXID_CHARS);
	gstin_bad("   ", TAXID_EMPTY);
	gstin_bad("27AAPFU0939F1ZV 27AAPFU0939F1ZV 27AAPFU", TAXID_TOO_LONG);
}

static void test_vat(void)
{
	/* FR40303265045: 303265045 = 97 * 3126443 + 74; (12 + 3 * 74) mod 97 =
	 * 234 mod 97 = 40. */
	vat_ok("FR40303265045", "FR40303265045");
	vat_ok("fr 40 303 265 045", "FR40303265045");
	vat_ok("FR03552081317", "FR03552081317");
	vat_ok("FRK7399859412", "FRK7399859412");  /* a letter key: format only */
	vat_bad("FR41303265045", TAXID_FR_KEY);
	vat_bad("FR40303265054", TAXID_FR_KEY);
	vat_bad("FR4030326504", TAXID_FORMAT);
	vat_bad("FRO7399859412", TAXID_FORMAT);
	vat_bad("40303265045", TAXID_NO_PREFIX);
	vat_bad("CH123456789", TAXID_NO_PREFIX);  /* not a member state */
	vat_ok("DE136695976", "DE136695976");
	vat_bad("DE13669597", TAXID_FORMAT);
	vat_ok("ATU13585627", "ATU13585627");
	vat_bad("AT13585627", TAXID_FORMAT);
	vat_ok("BE0411905847", "BE0411905847");
	vat_ok("BE1000000060", "BE1000000060");
	vat_bad("BE2411905847", TAXID_FORMAT);
	vat_ok("NL004495445B01", "NL004495445B01");
	vat_bad("NL004495445C01", TAXID_FORMAT);
	vat_ok("ESA28015865", "ESA28015865");
	vat_ok("ES12345678Z", "ES12345678Z");
	vat_bad("ES123456789", TAXID_FORMAT);
	vat_ok("IE6388047V", "IE6388047V");
	vat_ok("IE3628739UA", "IE3628739UA");
	vat_ok("IE8Z49289F", "IE8Z49289F");
	vat_ok("IT00743110157", "IT00743110157");
	vat_ok("EL094014201", "EL094014201");
	vat_bad("GR094014201", TAXID_GR);
	vat_ok("RO18547290", "RO18547290");
	vat_bad("RO1", TAXID_FORMAT);
	vat_ok("CY10259033P", "CY10259033P");
	vat_ok("XIGD123", "XIGD123");
	vat_ok("SE556036079301", "SE556036079301");
	vat_bad("", TAXID_EMPTY);
	ok(taxid_vat_is_eu("FR") && taxid_vat_is_eu("EL") && !taxid_vat_is_eu("GB") &&
	   !taxid_vat_is_eu("F"), "EU prefixes: FR and EL yes, GB and F no");
}

int main(void)
{
	test_gstin_check_char();
	test_gstin();
	test_vat();
	is_str(taxid_strerror(TAXID_CHECK),
	       "wrong check character: a character of the GSTIN is mistyped", "strerror");
	return done_testing();
}
