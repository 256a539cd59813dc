/* Taking payment: several tenders against one total, change given from cash
 * alone, and cash rounding applied to the cash payment, never to the lines. */
#ifndef COMPTOIR_TENDER_H
#define COMPTOIR_TENDER_H

#include <stddef.h>
#include "money.h"

#define TENDER_MAX 16
#define TENDER_REF_MAX 64

enum pay_method {
	PAY_CASH = 0,
	PAY_CARD,
	PAY_UPI,
	PAY_VOUCHER,
	PAY_CREDIT,     /* store credit */
	PAY_ACCOUNT,    /* on account: the customer pays later */
	PAY_TRANSFER,   /* bank transfer (SEPA, from an EPC QR code) */
	PAY_METHOD_COUNT
};

struct payment {
	enum pay_method method;
	money_t amount;                     /* as tendered */
	char reference[TENDER_REF_MAX + 1]; /* card slip, UPI reference, ... */
};

struct tender {
	money_t due;           /* the ticket total */
	money_t cash_step;     /* 0, or 5 to round cash to 0.05 */
	struct payment pay[TENDER_MAX];
	size_t n;
};

struct tender_state {
	money_t noncash;       /* sum of payments other than cash */
	money_t cash;          /* sum of cash tendered */
	money_t rounding;      /* added to what cash must cover (may be < 0) */
	money_t remaining;     /* still to pay, after rounding; 0 when complete */
	money_t remaining_exact; /* still to pay before cash rounding: the most
	                          a payment other than cash may take now */
	money_t change;        /* cash handed back */
	int complete;
};

enum tender_error {
	TENDER_OK = 0,
	TENDER_FULL = -20,
	TENDER_BAD_AMOUNT = -21,   /* zero, negative, or past MONEY_MAX */
	TENDER_OVERPAY = -22,      /* a payment other than cash would exceed what is due */
	TENDER_NEED_REF = -23,     /* card, UPI and transfer payments need a reference */
	TENDER_COMPLETE = -24,     /* nothing is left to pay */
	TENDER_BAD_METHOD = -25,
	TENDER_BAD_REF = -26,      /* reference too long or with control characters */
};

const char *tender_strerror(int err);

void tender_init(struct tender *t, money_t due, money_t cash_step);
/* Adds a payment; `ref` may be NULL for cash. Returns 0 or a tender_error.
 * A payment other than cash may not exceed remaining_exact (change only
 * ever comes from cash); nothing is accepted once the tender is complete. */
int tender_add(struct tender *t, enum pay_method m, money_t amount, const char *ref);
/* Removes the last payment (the cashier made a mistake). */
void tender_undo(struct tender *t);
/* Cash rounding applies only to what is left for cash once the other
 * payments are counted: rounding = round(due - noncash, cash_step) -
 * (due - noncash) when that is more than 0, else 0.  When complete,
 * noncash + cash - change == due + rounding. */
void tender_state(const struct tender *t, struct tender_state *out);

/* Rounds v to the nearest multiple of step, halves away from zero. */
money_t tender_round_cash(money_t v, money_t step);

/* "cash", "card", "upi", "voucher", "credit", "account", "transfer". */
const char *pay_method_name(enum pay_method m);
int pay_method_parse(const char *s, enum pay_method *out);
/* Whether this method needs a reference before it is accepted. */
int pay_method_needs_ref(enum pay_method m);

#endif
