/* Tax on one line: the split of an amount into net, tax and gross, with the
 * single rounding each rule allows, and tax rates as people type and read
 * them ("5.5", "20 %"). */
#include <string.h>

#include "i18n-mark.h"
#include "tax.h"

const char *tax_strerror(int err)
{
	if (err == TAX_BAD_RATE)
		return N_("tax rate must be between 0 and 100 %");
	return money_strerror(err);
}

/* The one rounding per rule, half away from zero (money_muldiv), on the tax
 * only: inclusive prices keep their gross exactly and the net is what is
 * left; exclusive prices keep their net and the gross is net + tax. */
int tax_split(money_t amount, tax_rate_t rate, int inclusive, struct tax_split *out)
{
	int64_t tax;
	int rc;

	if (rate < 0 || rate > TAX_RATE_MAX)
		return TAX_BAD_RATE;
	if (amount > MONEY_MAX || amount < -MONEY_MAX)
		return MONEY_OVERFLOW;
	if (inclusive) {
		rc = money_muldiv(amount, rate, 10000 + rate, &tax);
		if (rc)
			return rc;
		out->gross = amount;
		out->tax = tax;
		out->net = amount - tax;
	} else {
		rc = money_muldiv(amount, rate, 10000, &tax);
		if (rc)
			return rc;
		if (amount + tax > MONEY_MAX || amount + tax < -MONEY_MAX)
			return MONEY_OVERFLOW;
		out->net = amount;
		out->tax = tax;
		out->gross = amount + tax;
	}
	return TAX_OK;
}

int tax_rate_parse(const char *s, tax_rate_t *out)
{
	char buf[64];
	size_t n;
	int64_t v;
	int rc;

	if (s == NULL)
		return MONEY_EMPTY;
	n = strlen(s);
	if (n >= sizeof buf)
		return MONEY_SYNTAX;
	memcpy(buf, s, n + 1);
	while (n > 0 && (buf[n - 1] == ' ' || buf[n - 1] == '\t'))
		n--;
	/* "20 %" and "20%": how rates are printed on receipts and in files */
	if (n > 0 && buf[n - 1] == '%') {
		n--;
		if (n == 0)
			return MONEY_EMPTY;
	}
	buf[n] = '\0';
	rc = decimal_parse(buf, 2, MONEY_MAX, &v);
	if (rc)
		return rc;
	if (v < 0 || v > TAX_RATE_MAX)
		return TAX_BAD_RATE;
	*out = (tax_rate_t)v;
	return TAX_OK;
}

size_t tax_rate_format(char *buf, size_t size, tax_rate_t rate)
{
	char tmp[32];
	size_t n;

	n = quantity_format(tmp, sizeof tmp, rate, 2, ".");
	/* 5.50 -> 5.5, 20.00 -> 20 */
	while (tmp[n - 1] == '0')
		n--;
	if (tmp[n - 1] == '.')
		n--;
	tmp[n] = '\0';
	if (size > 0) {
		size_t k = n < size ? n : size - 1;

		memcpy(buf, tmp, k);
		buf[k] = '\0';
	}
	return n;
}
