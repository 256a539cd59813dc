/* Numbers in English words with the Indian grouping (units, thousand,
 * lakh = 1,00,000, crore = 1,00,00,000) and the rupee amount line of an
 * Indian invoice. */
#include <string.h>
#include "words.h"

static const char *const words_small[20] = {
	"Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
	"Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen",
	"Eighteen", "Nineteen",
};
static const char *const words_tens[10] = {
	"", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety",
};

struct words_buf {
	char *p;
	size_t size, len;
	int overflow;
};

static void words_put(struct words_buf *b, const char *w)
{
	size_t n = strlen(w) + (b->len ? 1 : 0);
	if (b->overflow || b->len + n >= b->size) {
		b->overflow = 1;
		return;
	}
	if (b->len)
		b->p[b->len++] = ' ';
	memcpy(b->p + b->len, w, strlen(w) + 1);
	b->len += strlen(w);
}

/* 1..99 */
static void words_two(struct words_buf *b, unsigned n)
{
	if (n < 20) {
		words_put(b, words_small[n]);
		return;
	}
	words_put(b, words_tens[n / 10]);
	if (n % 10)
		words_put(b, words_small[n % 10]);
}

/* 1..999 */
static void words_three(struct words_buf *b, unsigned n)
{
	if (n >= 100) {
		words_put(b, words_small[n / 100]);
		words_put(b, "Hundred");
	}
	if (n % 100)
		words_two(b, n % 100);
}

/* 1 and up: crores (counted again in this grouping), lakhs, thousands, the rest. */
static void words_group(struct words_buf *b, uint64_t n)
{
	uint64_t crore = n / 10000000u;
	unsigned below = (unsigned)(n % 10000000u);
	if (crore) {
		words_group(b, crore);
		words_put(b, "Crore");
	}
	if (below / 100000) {
		words_two(b, below / 100000);
		words_put(b, "Lakh");
	}
	if (below / 1000 % 100) {
		words_two(b, below / 1000 % 100);
		words_put(b, "Thousand");
	}
	if (below % 1000)
		words_three(b, below % 1000);
}

static int words_done(struct words_buf *b)
{
	if (b->overflow) {
		if (b->size)
			b->p[0] = '\0';
		return WORDS_TOO_LONG;
	}
	return WORDS_OK;
}

int words_indian(uint64_t n, char *out, size_t size)
{
	struct words_buf b = { out, size, 0, 0 };
	if (size)
		out[0] = '\0';
	if (n == 0)
		words_put(&b, words_small[0]);
	else
		words_group(&b, n);
	return words_done(&b);
}

int words_rupees(int64_t paise, char *out, size_t size)
{
	struct words_buf b = { out, size, 0, 0 };
	if (size)
		out[0] = '\0';
	if (paise < 0)
		return WORDS_NEGATIVE;
	uint64_t rupees = (uint64_t)paise / 100u;
	unsigned p = (unsigned)(paise % 100);
	if (rupees || !p) {
		words_put(&b, "Rupees");
		if (rupees)
			words_group(&b, rupees);
		else
			words_put(&b, words_small[0]);
	}
	if (p) {
		if (rupees)
			words_put(&b, "and");
		words_two(&b, p);
		words_put(&b, "Paise");
	}
	words_put(&b, "Only");
	return words_done(&b);
}
