/* Taking payment: the payments against one total, the state they leave
 * (what is left, the change, the cash rounding) and the payment methods'
 * names and rules. */
#include <string.h>

#include "i18n-mark.h"
#include "tender.h"

static const char *const pay_method_names[PAY_METHOD_COUNT] = {
	[PAY_CASH] = "cash",
	[PAY_CARD] = "card",
	[PAY_UPI] = "upi",
	[PAY_VOUCHER] = "voucher",
	[PAY_CREDIT] = "credit",
	[PAY_ACCOUNT] = "account",
	[PAY_TRANSFER] = "transfer",
};

const char *tender_strerror(int err)
{
	switch (err) {
	case TENDER_OK:
		return N_("no error");
	case TENDER_FULL:
		return N_("too many payments on one ticket");
	case TENDER_BAD_AMOUNT:
		return N_("the amount must be more than zero");
	case TENDER_OVERPAY:
		return N_("only cash can pay more than what is left to pay");
	case TENDER_NEED_REF:
		return N_("this payment needs a reference");
	case TENDER_COMPLETE:
		return N_("nothing is left to pay");
	case TENDER_BAD_METHOD:
		return N_("unknown payment method");
	case TENDER_BAD_REF:
		return N_("the reference is too long or has control characters");
	}
	return N_("unknown error");
}

void tender_init(struct tender *t, money_t due, money_t cash_step)
{
	memset(t, 0, sizeof *t);
	t->due = due;
	t->cash_step = cash_step > 0 ? cash_step : 0;
}

money_t tender_round_cash(money_t v, money_t step)
{
	if (step <= 0)
		return v;
	return money_div_round(v, step) * step;
}

void tender_state(const struct tender *t, struct tender_state *out)
{
	money_t for_cash, cover;
	size_t i;

	memset(out, 0, sizeof *out);
	for (i = 0; i < t->n; i++) {
		if (t->pay[i].method == PAY_CASH)
			out->cash += t->pay[i].amount;
		else
			out->noncash += t->pay[i].amount;
	}
	/* The rounding follows the other payments, not the cash tendered:
	 * a card that pays all leaves nothing to round, and cash given in
	 * several notes rounds once, on the whole of its share. */
	for_cash = t->due - out->noncash;
	if (for_cash > 0)
		out->rounding = tender_round_cash(for_cash, t->cash_step) - for_cash;
	cover = for_cash + out->rounding;
	out->remaining = cover > out->cash ? cover - out->cash : 0;
	out->change = out->cash > cover ? out->cash - (cover > 0 ? cover : 0) : 0;
	out->remaining_exact = for_cash > out->cash ? for_cash - out->cash : 0;
	out->complete = out->remaining == 0;
	if (out->complete)
		out->remaining_exact = 0;
}

/* A reference is printed on receipts and matched against the terminal's
 * slips: bounded, and free of anything that could move a cursor. */
static int tender_ref_ok(const char *ref)
{
	const unsigned char *p;

	if (strlen(ref) > TENDER_REF_MAX)
		return 0;
	for (p = (const unsigned char *)ref; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return 0;
	return 1;
}

static int tender_ref_blank(const char *ref)
{
	if (ref == NULL)
		return 1;
	for (; *ref; ref++)
		if (*ref != ' ')
			return 0;
	return 1;
}

int tender_add(struct tender *t, enum pay_method m, money_t amount, const char *ref)
{
	struct tender_state st;
	struct payment *p;

	if ((int)m < 0 || m >= PAY_METHOD_COUNT)
		return TENDER_BAD_METHOD;
	if (amount <= 0 || amount > MONEY_MAX)
		return TENDER_BAD_AMOUNT;
	tender_state(t, &st);
	if (st.complete)
		return TENDER_COMPLETE;
	if (t->n >= TENDER_MAX)
		return TENDER_FULL;
	if (pay_method_needs_ref(m) && tender_ref_blank(ref))
		return TENDER_NEED_REF;
	if (ref && !tender_ref_ok(ref))
		return TENDER_BAD_REF;
	if (m != PAY_CASH && amount > st.remaining_exact)
		return TENDER_OVERPAY;
	p = &t->pay[t->n++];
	memset(p, 0, sizeof *p);
	p->method = m;
	p->amount = amount;
	if (ref)
		strcpy(p->reference, ref);
	return TENDER_OK;
}

void tender_undo(struct tender *t)
{
	if (t->n > 0)
		t->n--;
}

const char *pay_method_name(enum pay_method m)
{
	if ((int)m < 0 || m >= PAY_METHOD_COUNT)
		return "";
	return pay_method_names[m];
}

/* ASCII only: the names are fixed English words, and the core must not
 * depend on the locale (tolower would). */
static int tender_name_eq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a >= 'A' && *a <= 'Z' ? (char)(*a - 'A' + 'a') : *a;

		if (x != *b)
			return 0;
	}
	return *a == *b;
}

int pay_method_parse(const char *s, enum pay_method *out)
{
	int m;

	if (s == NULL)
		return TENDER_BAD_METHOD;
	for (m = 0; m < PAY_METHOD_COUNT; m++) {
		if (tender_name_eq(s, pay_method_names[m])) {
			*out = (enum pay_method)m;
			return TENDER_OK;
		}
	}
	return TENDER_BAD_METHOD;
}

int pay_method_needs_ref(enum pay_method m)
{
	return m == PAY_CARD || m == PAY_UPI || m == PAY_TRANSFER;
}
