/* orderparse.c: the ways people write an order line in a message or a CSV
 * file, weights with a decimal comma, and every other line (blank, chatter,
 * a header, too long) kept with its number and said not understood. */
#include "../lib/tap.h"
#include "../../src/core/orderparse.h"

static void line_ok(const char *in, const char *code, const char *qty)
{
	struct orderparse_line l;
	orderparse_line(in, strlen(in), &l);
	is_int(l.status, ORDERPARSE_OK, "'%s' understood", in);
	is_str(l.code, code, "  code %s", code);
	is_str(l.qty, qty, "  quantity %s", qty);
}

static void line_bad(const char *in, int want)
{
	struct orderparse_line l;
	orderparse_line(in, strlen(in), &l);
	is_int(l.status, want, "'%s': %s", in, orderparse_strerror(want));
	ok(l.code[0] == '\0' && l.qty[0] == '\0', "  no code or quantity left behind");
}

static void test_forms(void)
{
	line_ok("10 x ALM-BISC", "ALM-BISC", "10");
	line_ok("10x ALM-BISC", "ALM-BISC", "10");
	line_ok("10X ALM-BISC", "ALM-BISC", "10");
	line_ok("10 \xc3\x97 ALM-BISC", "ALM-BISC", "10");
	line_ok("ALM-BISC x 10", "ALM-BISC", "10");
	line_ok("ALM-BISC x10", "ALM-BISC", "10");
	line_ok("ALM-BISC;10", "ALM-BISC", "10");
	line_ok("ALM-BISC,10", "ALM-BISC", "10");
	line_ok("ALM-BISC 10", "ALM-BISC", "10");
	line_ok("10 ALM-BISC", "ALM-BISC", "10");
	line_ok("ALM-BISC\t10", "ALM-BISC", "10");
	line_ok("ALM-BISC*10", "ALM-BISC", "10");
	line_ok("10*ALM-BISC", "ALM-BISC", "10");
	line_ok("  10   x   alm-bisc  ", "alm-bisc", "10");
	line_ok("\"ALM-BISC\";\"10\";;", "ALM-BISC", "10");
	line_ok("10;ALM-BISC", "ALM-BISC", "10");
	line_ok("X10 5", "X10", "5");
}

static void test_weights(void)
{
	line_ok("GRO-0001;1,5", "GRO-0001", "1.5");
	line_ok("GRO-0001 1,250", "GRO-0001", "1.250");
	line_ok("1,5 kg GRO-0001", "GRO-0001", "1.5");
	line_ok("1,5kg GRO-0001", "GRO-0001", "1.5");
	line_ok("GRO-0001 x 0.75 kg", "GRO-0001", "0.75");
	line_ok("GRO-0001,\"1,5\"", "GRO-0001", "1.5");
	line_ok("GRO-0001;2 kg", "GRO-0001", "2");
	line_bad("GRO-0001 1,2345", ORDERPARSE_UNKNOWN);
}

static void test_barcodes(void)
{
	line_ok("3 x 3120344492983", "3120344492983", "3");
	line_ok("3120344492983;12", "3120344492983", "12");
	line_bad("12 34", ORDERPARSE_AMBIGUOUS);
	line_bad("12345678 x 12345678", ORDERPARSE_UNKNOWN);
}

static void test_not_understood(void)
{
	line_bad("", ORDERPARSE_BLANK);
	line_bad("   \t ", ORDERPARSE_BLANK);
	line_bad("Hello, please send:", ORDERPARSE_UNKNOWN);
	line_bad("Bonjour, merci de nous livrer :", ORDERPARSE_UNKNOWN);
	line_bad("sku;quantity", ORDERPARSE_UNKNOWN);
	line_bad("Thanks!", ORDERPARSE_UNKNOWN);
	line_bad("ALM-BISC", ORDERPARSE_UNKNOWN);
	line_bad("10", ORDERPARSE_UNKNOWN);
	line_bad("10 x", ORDERPARSE_UNKNOWN);
	line_bad("x 10 ALM-BISC", ORDERPARSE_UNKNOWN);
	line_bad("10 x ALM-BISC x 2", ORDERPARSE_UNKNOWN);
	line_bad("ALM-BISC;10;Biscuits", ORDERPARSE_UNKNOWN);
	line_bad("12345678 ALM-BISC", ORDERPARSE_UNKNOWN);  /* 8 digits: not a quantity */
	line_bad("10 x caf\xc3\xa9", ORDERPARSE_UNKNOWN);
	line_bad("10 x \xff\xfe", ORDERPARSE_BAD_UTF8);

	char longer[ORDERPARSE_LINE_MAX + 50];
	memset(longer, 'a', sizeof longer);
	struct orderparse_line l;
	orderparse_line(longer, sizeof longer, &l);
	is_int(l.status, ORDERPARSE_TOO_LONG, "a line past %d bytes is too long", ORDERPARSE_LINE_MAX);
	is_int((int64_t)strlen(l.text), 60, "  shown cut to 60 bytes");

	/* Control characters and a NUL are dropped, not read as part of a code. */
	orderparse_line("10 x ALM\x01-BISC\0", 15, &l);
	is_int(l.status, ORDERPARSE_OK, "controls and NUL dropped");
	is_str(l.code, "ALM-BISC", "  the code without them");
}

static void test_text(void)
{
	const char msg[] = "Hello, please send:\r\n"
	                   "10 x ALM-BISC\r\n"
	                   "\r\n"
	                   "GRO-0001;1,5\n"
	                   "some more of the red ones\n"
	                   "3120344492983 x 2";
	struct orderparse_line l[8];
	size_t n = orderparse_text(msg, sizeof msg - 1, l, 8);
	is_int((int64_t)n, 6, "six lines, the last without a newline");
	is_int(l[0].status, ORDERPARSE_UNKNOWN, "line 1 chatter");
	is_int((int64_t)l[0].line, 1, "  numbered 1");
	is_str(l[0].text, "Hello, please send:", "  its text kept");
	is_int(l[1].status, ORDERPARSE_OK, "line 2 understood");
	is_int(l[2].status, ORDERPARSE_BLANK, "line 3 blank, not dropped");
	is_int((int64_t)l[2].line, 3, "  numbered 3");
	is_str(l[3].qty, "1.5", "line 4 a weight");
	is_int(l[4].status, ORDERPARSE_UNKNOWN, "line 5 not understood");
	is_int((int64_t)l[4].line, 5, "  numbered 5");
	is_str(l[5].code, "3120344492983", "line 6 a barcode");

	n = orderparse_text(msg, sizeof msg - 1, l, 2);
	is_int((int64_t)n, 6, "a short array: the count still says six");
	is_int((int64_t)orderparse_text("a\n", 2, l, 8), 1, "a final newline adds no line");
	is_int((int64_t)orderparse_text("a\n\n", 3, l, 8), 2, "an empty last line counts");
	is_int((int64_t)orderparse_text("a\rb", 3, l, 8), 2, "a lone CR ends a line");
	is_int((int64_t)orderparse_text("", 0, l, 8), 0, "no text, no line");
}

int main(void)
{
	test_forms();
	test_weights();
	test_barcodes();
	test_not_understood();
	test_text();
	is_str(orderparse_strerror(ORDERPARSE_BLANK), "blank line", "strerror");
	return done_testing();
}
