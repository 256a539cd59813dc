/* Notes and coins per currency, and the parser of a counted drawer (see
 * cashcount.h). The tables list what is legal tender and found in tills. */
#include <string.h>
#include "cashcount.h"
#include "i18n-mark.h"

static const money_t cash_eur[] = {
	50000, 20000, 10000, 5000, 2000, 1000, 500,   /* notes */
	200, 100, 50, 20, 10, 5, 2, 1,                /* coins */
};
static const money_t cash_inr[] = {
	200000, 50000, 20000, 10000, 5000, 2000, 1000, /* notes (₹20 and ₹10 coins too) */
	500, 200, 100, 50,                              /* ₹5, ₹2, ₹1 and 50 paise coins */
};

const char *cash_strerror(int err)
{
	switch (err) {
	case CASH_OK: return N_("no error");
	case CASH_SYNTAX: return N_("write the count as VALUExCOUNT, e.g. 50x2,20x3,0.50x4");
	case CASH_DENOM: return N_("not a note or coin of the shop's currency");
	case CASH_TOO_MANY: return N_("more than 100000 pieces of one value");
	case CASH_CURRENCY: return N_("no notes and coins are known for the shop's currency");
	default: return N_("unknown error");
	}
}

const money_t *cash_denoms(const char *currency, size_t *n)
{
	if (strcmp(currency, "EUR") == 0) {
		*n = sizeof cash_eur / sizeof cash_eur[0];
		return cash_eur;
	}
	if (strcmp(currency, "INR") == 0) {
		*n = sizeof cash_inr / sizeof cash_inr[0];
		return cash_inr;
	}
	*n = 0;
	return NULL;
}

void cash_count_init(struct cash_count *c)
{
	memset(c, 0, sizeof *c);
}

static void cash_bad(char *bad, size_t size, const char *s, size_t len)
{
	if (!bad || !size)
		return;
	if (len >= size)
		len = size - 1;
	memcpy(bad, s, len);
	bad[len] = '\0';
}

/* One "VALUExCOUNT" piece of len bytes into value and count. */
static int cash_piece(const char *s, size_t len, const money_t *denoms, size_t nd,
                      money_t *value, int64_t *count)
{
	char buf[48];
	if (len == 0 || len >= sizeof buf)
		return CASH_SYNTAX;
	memcpy(buf, s, len);
	buf[len] = '\0';
	char *x = strchr(buf, 'x');
	if (!x || x == buf || !x[1] || strchr(buf, ' ') || strchr(buf, ','))
		return CASH_SYNTAX;
	*x = '\0';
	int64_t n = 0;
	for (const char *p = x + 1; *p; p++) {
		if (*p < '0' || *p > '9')
			return CASH_SYNTAX;
		n = n * 10 + (*p - '0');
		if (n > CASH_COUNT_MAX)
			return CASH_TOO_MANY;
	}
	if (buf[0] < '0' || buf[0] > '9')
		return CASH_SYNTAX;
	money_t v;
	if (decimal_parse(buf, 2, MONEY_MAX, &v) != MONEY_OK)
		return CASH_SYNTAX;
	for (size_t i = 0; i < nd; i++)
		if (denoms[i] == v) {
			*value = v;
			*count = n;
			return CASH_OK;
		}
	return CASH_DENOM;
}

static void cash_count_put(struct cash_count *c, money_t value, int64_t count)
{
	size_t i = 0;
	while (i < c->n && c->value[i] > value)
		i++;
	if (i == c->n || c->value[i] != value) {
		memmove(&c->value[i + 1], &c->value[i], (c->n - i) * sizeof c->value[0]);
		memmove(&c->count[i + 1], &c->count[i], (c->n - i) * sizeof c->count[0]);
		c->value[i] = value;
		c->count[i] = 0;
		c->n++;
	}
	c->count[i] += count;
	c->total += value * count;
}

int cash_count_parse(struct cash_count *c, const char *text, const char *currency, char *bad,
                     size_t badsize)
{
	size_t nd;
	const money_t *denoms = cash_denoms(currency, &nd);
	if (!denoms)
		return CASH_CURRENCY;
	if (strcmp(text, "none") == 0)
		return CASH_OK;
	struct cash_count work = *c;
	const char *p = text;
	for (;;) {
		size_t len = strcspn(p, ",");
		money_t v = 0;
		int64_t n = 0;
		int rc = cash_piece(p, len, denoms, nd, &v, &n);
		if (rc == CASH_OK) {
			for (size_t i = 0; i < work.n; i++)
				if (work.value[i] == v && work.count[i] + n > CASH_COUNT_MAX)
					rc = CASH_TOO_MANY;
		}
		if (rc != CASH_OK) {
			cash_bad(bad, badsize, p, len);
			return rc;
		}
		cash_count_put(&work, v, n);
		if (!p[len])
			break;
		p += len + 1;
	}
	*c = work;
	return CASH_OK;
}
