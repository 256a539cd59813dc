/* text.c: control characters stripped, blanks trimmed, lengths bounded,
 * bad UTF-8 refused, codes validated, and display widths with combining
 * marks. */
#include "../lib/tap.h"
#include "../../src/core/text.h"

static void clean(const char *in, size_t max, int rc_want, const char *out_want)
{
	char out[64];

	memset(out, 'Z', sizeof out);
	is_int(text_clean(in, out, sizeof out, max), rc_want, "clean rc for \"%s\"", out_want);
	is_str(out, out_want, "clean -> \"%s\"", out_want);
}

static void test_clean(void)
{
	char small[5];

	clean("Crème brûlée", 0, TEXT_OK, "Crème brûlée");
	clean("  Crème brûlée \t ", 0, TEXT_CONTROL, "Crème brûlée");
	clean("  Crème  brûlée  ", 0, TEXT_OK, "Crème  brûlée");
	clean("abc\x01" "def", 0, TEXT_CONTROL, "abcdef");
	clean("\tname\r\n", 0, TEXT_CONTROL, "name");
	clean("a\x7f" "b", 0, TEXT_CONTROL, "ab");
	clean("a\x1b[31mred", 0, TEXT_CONTROL, "a[31mred");
	clean("a\xc2\x85" "b\xc2\x9f" "c", 0, TEXT_CONTROL, "abc");
	clean("a\xc2\xa0" "b", 0, TEXT_OK, "a\xc2\xa0" "b");
	clean("\xc2\xa0\xe2\x80\xaf" "x\xe3\x80\x80", 0, TEXT_OK, "x");
	clean("", 0, TEXT_OK, "");
	clean("   ", 0, TEXT_OK, "");
	clean("\x01\x02", 0, TEXT_CONTROL, "");
	clean("abcde", 5, TEXT_OK, "abcde");
	clean("  abcde  ", 5, TEXT_OK, "abcde");
	clean("ab\x01" "cde", 5, TEXT_CONTROL, "abcde");
	clean("éèêëà", 5, TEXT_OK, "éèêëà");
	clean("abcdef", 5, TEXT_TOO_LONG, "");
	clean("\xff" "abc", 0, TEXT_BAD_UTF8, "");
	clean("abc\xc3", 0, TEXT_BAD_UTF8, "");
	clean("\xc0\xaf", 0, TEXT_BAD_UTF8, "");
	clean("\xe0\x80\xaf", 0, TEXT_BAD_UTF8, "");
	clean("\xed\xa0\x80", 0, TEXT_BAD_UTF8, "");
	clean("\xf4\x90\x80\x80", 0, TEXT_BAD_UTF8, "");
	clean("\xf0\x9f\x8d\xb0 cake", 0, TEXT_OK, "\xf0\x9f\x8d\xb0 cake");

	is_int(text_clean("abcd", small, sizeof small, 0), TEXT_OK, "4 bytes fit in 5");
	is_str(small, "abcd", "4 bytes copied");
	is_int(text_clean("abcde", small, sizeof small, 0), TEXT_TOO_LONG, "5 bytes do not fit");
	is_str(small, "", "out empty when too long");
	is_int(text_clean("abcd   ", small, sizeof small, 0), TEXT_OK, "trailing blanks need no room");
	is_str(small, "abcd", "trimmed");
	is_int(text_clean("ééé", small, sizeof small, 0), TEXT_TOO_LONG, "6 bytes of é do not fit");
	is_int(text_clean("x", small, 0, 0), TEXT_TOO_LONG, "size 0 holds nothing");
}

static void test_code(void)
{
	char code[201];

	memset(code, 'A', 200);
	code[200] = '\0';
	is_int(text_check_code("4006381333931", 64), TEXT_OK, "barcode");
	is_int(text_check_code("Café-1", 64), TEXT_OK, "accented SKU");
	is_int(text_check_code(code, 64), TEXT_TOO_LONG, "200-character code refused");
	code[64] = '\0';
	is_int(text_check_code(code, 64), TEXT_OK, "64 characters accepted");
	is_int(text_check_code("ééé", 2), TEXT_TOO_LONG, "characters, not bytes, counted");
	is_int(text_check_code("éé", 2), TEXT_OK, "two é in two characters");
	is_int(text_check_code("", 64), TEXT_EMPTY, "empty");
	is_int(text_check_code("AB C", 64), TEXT_BLANK, "space inside");
	is_int(text_check_code(" ABC", 64), TEXT_BLANK, "leading space");
	is_int(text_check_code("AB\xc2\xa0" "C", 64), TEXT_BLANK, "no-break space inside");
	is_int(text_check_code("AB\tC", 64), TEXT_CONTROL, "tab");
	is_int(text_check_code("ABC\r", 64), TEXT_CONTROL, "scanner CR");
	is_int(text_check_code("AB\xc2\x9b" "C", 64), TEXT_CONTROL, "C1 CSI");
	is_int(text_check_code("AB\xe2\x80\x8b" "C", 64), TEXT_CONTROL, "zero-width space");
	is_int(text_check_code("\xef\xbb\xbf" "ABC", 64), TEXT_CONTROL, "byte order mark");
	is_int(text_check_code("AB\xe2\x80\xae" "C", 64), TEXT_CONTROL, "right-to-left override");
	is_int(text_check_code("AB\xff", 64), TEXT_BAD_UTF8, "bad UTF-8");
	ok(*text_strerror(TEXT_BLANK) != '\0', "strerror has text");
}

static void test_utf8(void)
{
	ok(utf8_valid("Crème brûlée", strlen("Crème brûlée")), "valid");
	ok(utf8_valid("", 0), "empty is valid");
	ok(utf8_valid("\xf4\x8f\xbf\xbf", 4), "U+10FFFF is valid");
	ok(utf8_valid("\xee\x80\x80", 3), "U+E000 is valid");
	ok(!utf8_valid("é", 1), "cut short");
	ok(!utf8_valid("\x80", 1), "lone continuation byte");
	ok(!utf8_valid("\xc1\xbf", 2), "overlong 2 bytes");
	ok(!utf8_valid("\xf0\x8f\xbf\xbf", 4), "overlong 4 bytes");
	ok(!utf8_valid("\xed\xbf\xbf", 3), "surrogate");
	ok(!utf8_valid("\xf5\x80\x80\x80", 4), "past U+10FFFF");
	ok(!utf8_valid("\xc3\x28", 2), "bad continuation");

	is_int((int64_t)utf8_width("Crème brûlée"), 12, "width of Crème brûlée");
	is_int((int64_t)utf8_width("e\xcc\x81"), 1, "e + U+0301 is one column");
	is_int((int64_t)utf8_width("Cre\xcc\x80me bru\xcc\x82le\xcc\x81" "e"), 12,
	       "decomposed Crème brûlée is 12 too");
	is_int((int64_t)utf8_width("x\xe1\xaa\xb0\xe1\xb7\x80\xe2\x83\x90\xef\xb8\xa0"), 1,
	       "marks from each combining block");
	is_int((int64_t)utf8_width(""), 0, "empty");
	is_int((int64_t)utf8_width("₹12.50"), 6, "rupee sign is one column");
	is_int((int64_t)utf8_width("a\xff" "b"), 3, "a stray byte is one column");

	is_int((int64_t)utf8_prefix_for_width("Crème brûlée", 3), 4, "3 columns: Crè, 4 bytes");
	is_int((int64_t)utf8_prefix_for_width("Crème brûlée", 12), strlen("Crème brûlée"),
	       "all of it");
	is_int((int64_t)utf8_prefix_for_width("Crème brûlée", 100), strlen("Crème brûlée"),
	       "more room than text");
	is_int((int64_t)utf8_prefix_for_width("e\xcc\x81x", 1), 3, "the accent stays with its e");
	is_int((int64_t)utf8_prefix_for_width("ab", 0), 0, "no room");
	is_int((int64_t)utf8_prefix_for_width("\xff\xfe", 1), 1, "stray bytes one at a time");
}

int main(void)
{
	test_clean();
	test_code();
	test_utf8();
		/* utf8_encode: one to four bytes, read back by the validator. */
	{
		static const struct { unsigned long cp; const char *want; } enc[] = {
			{ 0x41, "A" }, { 0xe9, "\xc3\xa9" }, { 0x20ac, "\xe2\x82\xac" },
			{ 0x1f600, "\xf0\x9f\x98\x80" },
		};
		for (size_t i = 0; i < sizeof enc / sizeof enc[0]; i++) {
			char out[5] = { 0 };
			size_t n = utf8_encode(enc[i].cp, out);
			ok(n == strlen(enc[i].want) && memcmp(out, enc[i].want, n) == 0 &&
			   utf8_valid(out, n), "utf8_encode U+%04lX", enc[i].cp);
		}
	}
	return done_testing();
}
