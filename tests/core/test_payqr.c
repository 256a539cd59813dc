/* Payment QR payloads: the UPI link and its percent-encoding, the EPC QR
 * code's lines, the IBAN and BIC checks, and the limits of each format. */
#include <string.h>
#include "../lib/tap.h"
#include "../../src/core/payqr.h"

#define FR_IBAN "FR7630006000011234567890189"

static void test_upi(void)
{
	char out[PAYQR_PAYLOAD_MAX];
	struct payqr_upi u = { "comptoir.demo@upi", "Comptoir Demo Traders", NULL, NULL };

	is_int(payqr_upi(&u, 1250, out, sizeof out), PAYQR_OK, "UPI: a plain link");
	is_str(out, "upi://pay?pa=comptoir.demo@upi&pn=Comptoir%20Demo%20Traders&am=12.50&cu=INR",
	       "UPI: pa, pn with %%20 for spaces, am with two decimals, cu=INR");
	u.note = "Ticket 42 & co/ré";
	u.ref = "3F9A0C11B2D4";
	is_int(payqr_upi(&u, 100000, out, sizeof out), PAYQR_OK, "UPI: with a note and a reference");
	is_str(out,
	       "upi://pay?pa=comptoir.demo@upi&pn=Comptoir%20Demo%20Traders&am=1000.00&cu=INR"
	       "&tn=Ticket%2042%20%26%20co%2Fr%C3%A9&tr=3F9A0C11B2D4",
	       "UPI: & / and UTF-8 are percent-encoded, tn then tr");
	u.note = "";
	u.ref = "";
	is_int(payqr_upi(&u, 5, out, sizeof out), PAYQR_OK, "UPI: five paise");
	ok(strstr(out, "&am=0.05&") != NULL, "UPI: 0.05 keeps its leading zero");
	ok(strstr(out, "tn=") == NULL && strstr(out, "tr=") == NULL, "UPI: empty note and ref left out");
	u.name = "A+B=C?#";
	payqr_upi(&u, 100, out, sizeof out);
	ok(strstr(out, "pn=A%2BB%3DC%3F%23&") != NULL, "UPI: + = ? # are encoded");
	u.name = "Comptoir";

	is_int(payqr_upi(&u, 0, out, sizeof out), PAYQR_BAD_AMOUNT, "UPI: zero refused");
	is_str(out, "", "UPI: nothing written on error");
	is_int(payqr_upi(&u, -100, out, sizeof out), PAYQR_BAD_AMOUNT, "UPI: negative refused");
	is_int(payqr_upi(&u, PAYQR_UPI_MAX, out, sizeof out), PAYQR_OK, "UPI: 100000.00 accepted");
	ok(strstr(out, "am=100000.00") != NULL, "UPI: the largest amount written");
	is_int(payqr_upi(&u, PAYQR_UPI_MAX + 1, out, sizeof out), PAYQR_AMOUNT_MAX,
	       "UPI: 100000.01 refused");
	u.note = "this note is far too long for a UPI payment request, surely";
	is_int(payqr_upi(&u, 100, out, sizeof out), PAYQR_BAD_NOTE, "UPI: a note past 50 characters");
	u.note = "line\nbreak";
	is_int(payqr_upi(&u, 100, out, sizeof out), PAYQR_BAD_NOTE, "UPI: a note with a newline");
	u.note = NULL;
	u.ref = "has space";
	is_int(payqr_upi(&u, 100, out, sizeof out), PAYQR_BAD_REF, "UPI: a reference with a space");
	u.ref = "123456789012345678901234567890123456";
	is_int(payqr_upi(&u, 100, out, sizeof out), PAYQR_BAD_REF, "UPI: a 36-character reference");
	u.ref = NULL;
	u.name = "";
	is_int(payqr_upi(&u, 100, out, sizeof out), PAYQR_BAD_NAME, "UPI: an empty name");
	u.name = "   ";
	is_int(payqr_upi(&u, 100, out, sizeof out), PAYQR_BAD_NAME, "UPI: a blank name");
	u.name = "Comptoir";
	u.vpa = "nobank";
	is_int(payqr_upi(&u, 100, out, sizeof out), PAYQR_BAD_VPA, "UPI: a VPA without @");
	u.vpa = "comptoir@upi";
	is_int(payqr_upi(&u, 100, out, 20), PAYQR_TOO_LONG, "UPI: a buffer too small");
	is_str(out, "", "UPI: a buffer too small is left empty");
}

static void test_vpa(void)
{
	is_int(payqr_vpa_check("shop.name-1_x@okaxis"), PAYQR_OK, "VPA: letters . - _ and a handle");
	is_int(payqr_vpa_check("9876543210@ybl"), PAYQR_OK, "VPA: a phone number");
	is_int(payqr_vpa_check("@upi"), PAYQR_BAD_VPA, "VPA: no name");
	is_int(payqr_vpa_check("name@"), PAYQR_BAD_VPA, "VPA: no handle");
	is_int(payqr_vpa_check("a@b@c"), PAYQR_BAD_VPA, "VPA: two @");
	is_int(payqr_vpa_check("na me@upi"), PAYQR_BAD_VPA, "VPA: a space");
	is_int(payqr_vpa_check("name@ok.axis"), PAYQR_BAD_VPA, "VPA: a dot in the handle");
	is_int(payqr_vpa_check("nam&e@upi"), PAYQR_BAD_VPA, "VPA: an & that would break the link");
	is_int(payqr_vpa_check(""), PAYQR_BAD_VPA, "VPA: empty");
}

static void test_iban(void)
{
	char out[PAYQR_IBAN_MAX + 1], grouped[48];
	is_int(payqr_iban_normalize("FR76 3000 6000 0112 3456 7890 189", out, sizeof out), PAYQR_OK,
	       "IBAN: the French test IBAN with spaces");
	is_str(out, FR_IBAN, "IBAN: spaces dropped");
	is_int(payqr_iban_normalize("fr7630006000011234567890189", out, sizeof out), PAYQR_OK,
	       "IBAN: lower case accepted");
	is_str(out, FR_IBAN, "IBAN: upper-cased");
	is_int(payqr_iban_normalize("DE89370400440532013000", out, sizeof out), PAYQR_OK,
	       "IBAN: a German one");
	is_int(payqr_iban_normalize("BE71096123456769", out, sizeof out), PAYQR_OK,
	       "IBAN: a Belgian one (16)");
	is_int(payqr_iban_normalize("FR7630006000011234567890188", out, sizeof out), PAYQR_IBAN_CHECK,
	       "IBAN: one digit off fails mod 97");
	is_str(out, "", "IBAN: nothing written on error");
	is_int(payqr_iban_normalize("FR7630006000011234567890819", out, sizeof out), PAYQR_IBAN_CHECK,
	       "IBAN: two digits swapped fail mod 97");
	is_int(payqr_iban_normalize("FR763000600001123456789018", out, sizeof out), PAYQR_IBAN_LENGTH,
	       "IBAN: a French IBAN of 26");
	is_int(payqr_iban_normalize("US64SVBKUS6S3300958879", out, sizeof out), PAYQR_IBAN_COUNTRY,
	       "IBAN: not a SEPA country");
	is_int(payqr_iban_normalize("7630006000011234567890189", out, sizeof out), PAYQR_BAD_IBAN,
	       "IBAN: no country");
	is_int(payqr_iban_normalize("FR76-3000-6000", out, sizeof out), PAYQR_BAD_IBAN,
	       "IBAN: dashes");
	is_int(payqr_iban_normalize("FR76300060000112345678901891234567890", out, sizeof out),
	       PAYQR_BAD_IBAN, "IBAN: past 34 characters");
	is_int(payqr_iban_normalize("", out, sizeof out), PAYQR_BAD_IBAN, "IBAN: empty");
	payqr_iban_group(FR_IBAN, grouped, sizeof grouped);
	is_str(grouped, "FR76 3000 6000 0112 3456 7890 189", "IBAN: grouped by four");
}

static void test_bic(void)
{
	char out[PAYQR_BIC_MAX + 1];
	is_int(payqr_bic_normalize("agrifrpp", out, sizeof out), PAYQR_OK, "BIC: 8 characters");
	is_str(out, "AGRIFRPP", "BIC: upper-cased");
	is_int(payqr_bic_normalize("BNPA FR PP XXX", out, sizeof out), PAYQR_OK, "BIC: 11 with spaces");
	is_str(out, "BNPAFRPPXXX", "BIC: spaces dropped");
	is_int(payqr_bic_normalize("AGRIFRP", out, sizeof out), PAYQR_BAD_BIC, "BIC: 7 characters");
	is_int(payqr_bic_normalize("AGRIFRPPX", out, sizeof out), PAYQR_BAD_BIC, "BIC: 9 characters");
	is_int(payqr_bic_normalize("AGR1FRPP", out, sizeof out), PAYQR_BAD_BIC, "BIC: a digit in the bank");
}

static void test_epc(void)
{
	char out[PAYQR_PAYLOAD_MAX];
	struct payqr_epc e = { NULL, "Épicerie Comptoir", "FR76 3000 6000 0112 3456 7890 189", NULL };
	is_int(payqr_epc(&e, 1250, out, sizeof out), PAYQR_OK, "EPC: without BIC or text");
	is_str(out, "BCD\n002\n1\nSCT\n\nÉpicerie Comptoir\n" FR_IBAN "\nEUR12.50",
	       "EPC: BCD 002 UTF-8 SCT, empty BIC, name, IBAN, EUR12.50, nothing after");
	e.bic = "agrifrpp";
	e.text = "Ticket 3F9A0C11B2D4";
	is_int(payqr_epc(&e, 99, out, sizeof out), PAYQR_OK, "EPC: with BIC and remittance text");
	is_str(out,
	       "BCD\n002\n1\nSCT\nAGRIFRPP\nÉpicerie Comptoir\n" FR_IBAN
	       "\nEUR0.99\n\n\nTicket 3F9A0C11B2D4",
	       "EPC: purpose and structured reference empty, the text on line 11");
	ok(out[strlen(out) - 1] != '\n', "EPC: no line feed after the last element");
	is_int(payqr_epc(&e, PAYQR_EPC_MAX, out, sizeof out), PAYQR_OK, "EPC: 999999999.99 accepted");
	ok(strstr(out, "\nEUR999999999.99\n") != NULL, "EPC: the largest amount written");
	is_int(payqr_epc(&e, PAYQR_EPC_MAX + 1, out, sizeof out), PAYQR_AMOUNT_MAX,
	       "EPC: 1000000000.00 refused");
	is_int(payqr_epc(&e, 0, out, sizeof out), PAYQR_BAD_AMOUNT, "EPC: zero refused");
	is_str(out, "", "EPC: nothing written on error");
	e.bic = "BAD";
	is_int(payqr_epc(&e, 100, out, sizeof out), PAYQR_BAD_BIC, "EPC: a bad BIC");
	e.bic = "";
	e.iban = "FR7630006000011234567890188";
	is_int(payqr_epc(&e, 100, out, sizeof out), PAYQR_IBAN_CHECK, "EPC: an IBAN that fails mod 97");
	e.iban = FR_IBAN;

	char name[80];
	memset(name, 'n', 70);
	name[70] = '\0';
	e.name = name;
	is_int(payqr_epc(&e, 100, out, sizeof out), PAYQR_OK, "EPC: a 70-character name");
	name[70] = 'n';
	name[71] = '\0';
	is_int(payqr_epc(&e, 100, out, sizeof out), PAYQR_BAD_NAME, "EPC: a 71-character name");
	e.name = "Line\nbreak";
	is_int(payqr_epc(&e, 100, out, sizeof out), PAYQR_BAD_NAME, "EPC: a name with a line feed");
	e.name = "Caf\xc3";
	is_int(payqr_epc(&e, 100, out, sizeof out), PAYQR_BAD_NAME, "EPC: a name that is not UTF-8");
	e.name = "Comptoir";

	char text[160];
	memset(text, 't', 140);
	text[140] = '\0';
	e.text = text;
	is_int(payqr_epc(&e, 100, out, sizeof out), PAYQR_OK, "EPC: 140 characters of text");
	text[140] = 't';
	text[141] = '\0';
	is_int(payqr_epc(&e, 100, out, sizeof out), PAYQR_BAD_NOTE, "EPC: 141 characters of text");
	/* 140 characters of two bytes each and a 70-character name of two
	 * bytes each pass each bound but not the 331 bytes of the whole. */
	char wide_text[300], wide_name[150];
	for (int i = 0; i < 140; i++)
		memcpy(wide_text + 2 * i, "\xc3\xa9", 2);
	wide_text[280] = '\0';
	for (int i = 0; i < 70; i++)
		memcpy(wide_name + 2 * i, "\xc3\xa9", 2);
	wide_name[140] = '\0';
	e.text = wide_text;
	e.name = wide_name;
	is_int(payqr_epc(&e, 100, out, sizeof out), PAYQR_TOO_LONG, "EPC: past 331 bytes refused");
}

static void test_ref(void)
{
	is_int(payqr_ref_check("3F9A0C11B2D4-2"), PAYQR_OK, "ref: hex digits and a dash");
	is_int(payqr_ref_check("a.b_c"), PAYQR_OK, "ref: . and _");
	is_int(payqr_ref_check(""), PAYQR_BAD_REF, "ref: empty");
	is_int(payqr_ref_check("a&b"), PAYQR_BAD_REF, "ref: an &");
	is_int(payqr_ref_check("12345678901234567890123456789012345"), PAYQR_OK, "ref: 35 characters");
}

static void test_strerror(void)
{
	for (int e = PAYQR_BAD_AMOUNT; e >= PAYQR_TOO_LONG; e--)
		ok(strcmp(payqr_strerror(e), "unknown error") != 0, "error %d has a message", e);
}

int main(void)
{
	test_upi();
	test_vpa();
	test_iban();
	test_bic();
	test_epc();
	test_ref();
	test_strerror();
	return done_testing();
}
