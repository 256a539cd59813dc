/* The amounts a return gives back of a sold line, computed cumulatively:
 * what before + qty units are worth minus what before units are worth, so
 * that every return of a line, added up, is exactly what was sold. */
#include <string.h>
#include "i18n-mark.h"
#include "refund.h"

const char *refund_strerror(int err)
{
	switch (err) {
	case REFUND_OK:
		return N_("no error");
	case REFUND_BAD_QTY:
		return N_("more than what is left to return on the line");
	case REFUND_OVERFLOW:
		return N_("amount too large");
	}
	return N_("unknown error");
}

/* What k units of the line are worth, as the sale would have computed them. */
static int refund_worth(const struct refund_sold *s, int64_t k, struct refund_part *p)
{
	memset(p, 0, sizeof *p);
	if (k == 0)
		return REFUND_OK;
	if (k == s->qty) {
		p->amount = s->amount;
		p->discount = s->discount;
		p->net = s->net;
		p->tax = s->tax;
		p->gross = s->gross;
		return REFUND_OK;
	}
	money_t own_all, own, share;
	if (money_muldiv(s->unit_price, k, s->weighed ? 1000 : 1, &p->amount) ||
	    money_muldiv(p->amount, s->discount_pct, 10000, &own) ||
	    money_muldiv(s->amount, s->discount_pct, 10000, &own_all) ||
	    money_muldiv(s->discount - own_all, k, s->qty, &share))
		return REFUND_OVERFLOW;
	p->discount = own + share;
	struct tax_split ts;
	if (tax_split(p->amount - p->discount, s->tax_rate, s->inclusive, &ts))
		return REFUND_OVERFLOW;
	p->net = ts.net;
	p->tax = ts.tax;
	p->gross = ts.gross;
	return REFUND_OK;
}

int refund_line(const struct refund_sold *s, int64_t before, int64_t qty,
                struct refund_part *out)
{
	memset(out, 0, sizeof *out);
	if (qty <= 0 || before < 0 || s->qty <= 0 || before > s->qty || qty > s->qty - before)
		return REFUND_BAD_QTY;
	struct refund_part lo, hi;
	int rc = refund_worth(s, before, &lo);
	if (!rc)
		rc = refund_worth(s, before + qty, &hi);
	if (rc)
		return rc;
	out->amount = hi.amount - lo.amount;
	out->discount = hi.discount - lo.discount;
	out->net = hi.net - lo.net;
	out->tax = hi.tax - lo.tax;
	out->gross = hi.gross - lo.gross;
	return REFUND_OK;
}
