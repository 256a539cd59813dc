/* The receipt document drawn as ESC/POS at 32, 42 and 48 columns against
 * hand-written golden bytes, the same document as plain text, the test
 * page, and the returns code. No database: the document is built here. */
#include <stdlib.h>
#include <string.h>
#include "../lib/tap.h"
#include "../lib/golden.h"
#include "../../src/app/receipt.h"
#include "../../src/app/receipt-internal.h"
#include "../../src/util/i18n.h"

static void small_receipt(struct receipt_doc *d)
{
	receipt_doc_init(d);
	receipt_doc_add(d, RECEIPT_CENTER, RECEIPT_BOLD | RECEIPT_BIG, "Café Comptoir", NULL);
	receipt_doc_add(d, RECEIPT_PAIR, 0, "Crème brûlée", "4,50 €");
	receipt_doc_add(d, RECEIPT_PAIR, 0, "Thé", "2,00 €");
	receipt_doc_add(d, RECEIPT_RULE, 0, NULL, NULL);
	receipt_doc_add(d, RECEIPT_PAIR, RECEIPT_BOLD, "TOTAL", "6,50 €");
	receipt_doc_add(d, RECEIPT_CODE128, 0, "T00000042", NULL);
	receipt_doc_add(d, RECEIPT_CUT, 0, NULL, NULL);
}

static void render(const struct receipt_doc *d, const char *profile, const char *golden)
{
	unsigned char *b = NULL;
	size_t n = 0;
	char *err = NULL;
	const struct printer_profile *p = profile_find(profile);
	int rc = p ? receipt_escpos_bytes(d, p, &b, &n, &err) : -1;
	ok(rc == APP_OK && golden_same(b, n, golden), "%s at %d columns", profile, p ? p->columns : 0);
	free(b);
	free(err);
}

static void test_columns(void)
{
	struct receipt_doc d;
	small_receipt(&d);
	render(&d, "clone-58", "receipt-32.hex");
	render(&d, "tm-t88", "receipt-42.hex");
	render(&d, "generic-80", "receipt-48.hex");

	char *text = receipt_doc_text(&d, 32);
	is_str(text,
	       "         Café Comptoir\n"
	       "Crème brûlée              4,50 €\n"
	       "Thé                       2,00 €\n"
	       "--------------------------------\n"
	       "TOTAL                     6,50 €\n",
	       "the same document as text: no codes, no cut, no styles");
	free(text);

	unsigned char *b = NULL;
	size_t n = 0;
	char *err = NULL;
	is_int(receipt_escpos_bytes(&d, profile_find("generic-58"), &b, &n, &err), APP_OK,
	       "a printer without a cutter");
	ok(n > 3 && memcmp(b + n - 3, "\x1b\x64\x04", 3) == 0, "feeds four lines instead of cutting");
	free(b);
	is_int(receipt_escpos_bytes(&d, profile_find("text"), &b, &n, &err), APP_ERR,
	       "the text profile takes no ESC/POS");
	free(err);
	receipt_doc_release(&d);
}

static void test_fixture_document(void)
{
	struct receipt_doc d;
	receipt_doc_init(&d);
	receipt_doc_add(&d, RECEIPT_LINE, 0, "Café 12,50 €", NULL);
	receipt_doc_add(&d, RECEIPT_CUT, 0, NULL, NULL);
	unsigned char *b = NULL;
	size_t n = 0;
	char *err = NULL;
	receipt_escpos_bytes(&d, profile_find("clone-58"), &b, &n, &err);
	ok(golden_same(b, n, "fixture-0416-5011.hex"), "a one-line receipt is the USB fixture's job");
	free(b);
	receipt_doc_release(&d);
}

static void test_big(void)
{
	struct receipt_doc d;
	receipt_doc_init(&d);
	receipt_doc_add(&d, RECEIPT_CENTER, RECEIPT_BIG, "Épicerie Comptoir (démo)", NULL);
	unsigned char *b = NULL;
	size_t n = 0;
	char *err = NULL;
	receipt_escpos_bytes(&d, profile_find("clone-58"), &b, &n, &err);
	ok(memmem(b, n, "\x1d\x21\x11", 3) == NULL && memmem(b, n, "(d\x82mo)", 6) != NULL,
	   "a name too long for double width at 32 columns prints whole at normal size");
	free(b);
	receipt_escpos_bytes(&d, profile_find("generic-80"), &b, &n, &err);
	ok(memmem(b, n, "\x1d\x21\x11", 3) != NULL, "and at double width on 48 columns");
	free(b);
	receipt_doc_release(&d);
}

static void test_page(void)
{
	unsigned char *b = NULL;
	size_t n = 0;
	char *err = NULL;
	is_int(app_printer_test_page("clone-58", &b, &n, &err), APP_OK, "test page for clone-58");
	static const char accents[] = "\x82 \x8a \x85 \x87 \x97 \x93 oe \xd5 \xae \xaf '\n";
	ok(b && memmem(b, n, accents, sizeof accents - 1) != NULL,
	   "é è à ç ù ô œ € « » ’ in CP858");
	ok(b && memmem(b, n, "\x1d\x6b\x43\x0d" "4006381333931", 17) != NULL, "an EAN-13");
	ok(b && memmem(b, n, "\x1d\x6b\x49\x0b{BT00000042", 15) != NULL, "a Code 128");
	ok(b && memmem(b, n, "\x1d\x76\x30\x00", 4) != NULL, "a QR code as an image (no native QR)");
	ok(b && n > 4 && memcmp(b + n - 4, "\x1d\x56\x42\x00", 4) == 0, "then the cut");
	free(b);
	is_int(app_printer_test_page("tm-t88", &b, &n, &err), APP_OK, "test page for tm-t88");
	ok(b && memmem(b, n, "\x1d\x28\x6b\x04\x00\x31\x41\x32\x00", 9) != NULL,
	   "the TM-T88 draws the QR code itself");
	ok(b && memmem(b, n, "\xe9 \xe8 \xe0 \xe7 \xf9 \xf4 \x9c \x80 \xab \xbb \x92", 21) != NULL,
	   "all of the test letters in WPC1252");
	free(b);
	is_int(app_printer_test_page("text", &b, &n, &err), APP_OK, "test page as plain text");
	ok(b && strstr((char *)b, "é è à ç ù ô œ € « » ’") && !memchr(b, 0x1b, n),
	   "in UTF-8, without a command");
	free(b);
	is_int(app_printer_test_page("nope", &b, &n, &err), APP_ERR, "an unknown profile");
	ok(err && strstr(err, "unknown printer profile 'nope'") && strstr(err, "clone-58"),
	   "is named, with the known ones");
	free(err);
}

static void test_code(void)
{
	char code[32];
	app_receipt_code(42, code, sizeof code);
	is_str(code, "T00000042", "the returns code of ticket 42");
	int64_t n = 0;
	ok(app_receipt_code_parse(code, &n) == 0 && n == 42, "read back");
	app_receipt_code(1234567890, code, sizeof code);
	ok(app_receipt_code_parse(code, &n) == 0 && n == 1234567890, "a ten-digit ticket");
	ok(app_receipt_code_parse("T0000004", &n) == -1, "seven digits are no returns code");
	ok(app_receipt_code_parse("3017620422003", &n) == -1, "nor an EAN-13");
	ok(app_receipt_code_parse("T00000000", &n) == -1, "nor ticket 0");
	char *err = NULL;
	char *q = app_qr_text("upi://pay?pa=shop@bank&am=12.50", 1, &err);
	ok(q && strstr(q, "\xe2\x96\x88") && !strchr(q, 0x1b), "a payment QR code as text");
	free(q);
}

int main(void)
{
	test_columns();
	test_fixture_document();
	test_big();
	test_page();
	test_code();
	return done_testing();
}
