/* Amounts in words with the Indian grouping: units, teens, tens, hundreds,
 * thousand, lakh and crore edges, crores of crores, rupees and paise, and
 * a buffer too small. */
#include <stdint.h>
#include "../lib/tap.h"
#include "../../src/core/words.h"

static const struct {
	uint64_t n;
	const char *want;
} cases[] = {
	{ 0, "Zero" },
	{ 1, "One" },
	{ 9, "Nine" },
	{ 10, "Ten" },
	{ 11, "Eleven" },
	{ 15, "Fifteen" },
	{ 19, "Nineteen" },
	{ 20, "Twenty" },
	{ 21, "Twenty One" },
	{ 45, "Forty Five" },
	{ 99, "Ninety Nine" },
	{ 100, "One Hundred" },
	{ 101, "One Hundred One" },
	{ 110, "One Hundred Ten" },
	{ 119, "One Hundred Nineteen" },
	{ 999, "Nine Hundred Ninety Nine" },
	{ 1000, "One Thousand" },
	{ 1001, "One Thousand One" },
	{ 1100, "One Thousand One Hundred" },
	{ 9999, "Nine Thousand Nine Hundred Ninety Nine" },
	{ 10000, "Ten Thousand" },
	{ 12345, "Twelve Thousand Three Hundred Forty Five" },
	{ 99999, "Ninety Nine Thousand Nine Hundred Ninety Nine" },
	{ 100000, "One Lakh" },
	{ 100001, "One Lakh One" },
	{ 101000, "One Lakh One Thousand" },
	{ 123456, "One Lakh Twenty Three Thousand Four Hundred Fifty Six" },
	{ 250000, "Two Lakh Fifty Thousand" },
	{ 999999, "Nine Lakh Ninety Nine Thousand Nine Hundred Ninety Nine" },
	{ 1000000, "Ten Lakh" },
	{ 9999999, "Ninety Nine Lakh Ninety Nine Thousand Nine Hundred Ninety Nine" },
	{ 10000000, "One Crore" },
	{ 10000001, "One Crore One" },
	{ 12345678, "One Crore Twenty Three Lakh Forty Five Thousand Six Hundred Seventy Eight" },
	{ 20100000, "Two Crore One Lakh" },
	{ 99999999, "Nine Crore Ninety Nine Lakh Ninety Nine Thousand Nine Hundred Ninety Nine" },
	{ 100000000, "Ten Crore" },
	{ 990000000, "Ninety Nine Crore" },
	{ 1000000000, "One Hundred Crore" },
	{ 10000000000, "One Thousand Crore" },
	{ 1000000000000, "One Lakh Crore" },
	{ 100000000000000, "One Crore Crore" },
	{ 100000000000001, "One Crore Crore One" },
	{ 123456789012345,
	  "One Crore Twenty Three Lakh Forty Five Thousand Six Hundred Seventy Eight Crore "
	  "Ninety Lakh Twelve Thousand Three Hundred Forty Five" },
};

static const struct {
	int64_t paise;
	const char *want;
} rupees[] = {
	{ 0, "Rupees Zero Only" },
	{ 1, "One Paise Only" },
	{ 50, "Fifty Paise Only" },
	{ 99, "Ninety Nine Paise Only" },
	{ 100, "Rupees One Only" },
	{ 101, "Rupees One and One Paise Only" },
	{ 1250, "Rupees Twelve and Fifty Paise Only" },
	{ 1592, "Rupees Fifteen and Ninety Two Paise Only" },
	{ 100000, "Rupees One Thousand Only" },
	{ 12345678, "Rupees One Lakh Twenty Three Thousand Four Hundred Fifty Six and Seventy Eight "
	            "Paise Only" },
	{ 1000000000, "Rupees One Crore Only" },
	{ 1000000005, "Rupees One Crore and Five Paise Only" },
};

int main(void)
{
	char buf[512];
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int rc = words_indian(cases[i].n, buf, sizeof buf);
		is_int(rc, WORDS_OK, "%llu fits", (unsigned long long)cases[i].n);
		is_str(buf, cases[i].want, "%llu in words", (unsigned long long)cases[i].n);
	}
	for (size_t i = 0; i < sizeof rupees / sizeof rupees[0]; i++) {
		int rc = words_rupees(rupees[i].paise, buf, sizeof buf);
		ok(rc == WORDS_OK && strcmp(buf, rupees[i].want) == 0, "%lld paise: %s",
		   (long long)rupees[i].paise, buf);
	}
	ok(words_indian(UINT64_MAX, buf, sizeof buf) == WORDS_OK && strlen(buf) > 100 &&
	   strncmp(buf, "One Lakh Eighty Four Thousand", 29) == 0,
	   "the largest number: %s", buf);
	ok(words_rupees(INT64_MAX, buf, sizeof buf) == WORDS_OK, "the largest amount fits 512 bytes");
	is_int(words_rupees(-1, buf, sizeof buf), WORDS_NEGATIVE, "a negative amount is refused");
	is_str(buf, "", "and leaves nothing");
	is_int(words_indian(123456, buf, 10), WORDS_TOO_LONG, "a small buffer is reported");
	is_str(buf, "", "and left empty, never cut mid-word");
	is_int(words_indian(7, buf, 6), WORDS_OK, "Seven fits in six bytes");
	is_int(words_indian(7, buf, 5), WORDS_TOO_LONG, "but not in five");
	is_int(words_indian(1, buf, 0), WORDS_TOO_LONG, "no room at all");
	return done_testing();
}
