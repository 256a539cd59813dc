/* tender.c: exact cash, change, split tender, references, overpayment by
 * card, cash rounding to 0.05 with and without a card part, and the rule
 * paid - change == due + rounding. */
#include "../lib/tap.h"
#include "../../src/core/tender.h"

static void test_cash(void)
{
	struct tender t;
	struct tender_state st;

	tender_init(&t, 1250, 0);
	tender_state(&t, &st);
	is_int(st.remaining, 1250, "nothing paid: 12.50 to pay");
	is_int(st.complete, 0, "not complete");
	is_int(tender_add(&t, PAY_CASH, 1250, NULL), 0, "exact cash");
	tender_state(&t, &st);
	is_int(st.complete, 1, "complete");
	is_int(st.change, 0, "no change");
	is_int(st.remaining, 0, "nothing left");
	is_int(tender_add(&t, PAY_CASH, 100, NULL), TENDER_COMPLETE, "nothing more accepted");

	tender_init(&t, 1250, 0);
	tender_add(&t, PAY_CASH, 1000, NULL);
	tender_state(&t, &st);
	is_int(st.remaining, 250, "10.00 of 12.50 paid: 2.50 left");
	is_int(st.complete, 0, "not complete");
	tender_add(&t, PAY_CASH, 1000, NULL);
	tender_state(&t, &st);
	is_int(st.cash, 2000, "20.00 cash in two notes");
	is_int(st.change, 750, "7.50 change");
	is_int(st.complete, 1, "complete");
	tender_undo(&t);
	tender_state(&t, &st);
	is_int(st.remaining, 250, "undo takes the last payment back");
	is_int((int64_t)t.n, 1, "one payment left");

	tender_init(&t, 0, 5);
	tender_state(&t, &st);
	is_int(st.complete, 1, "a ticket of 0 is complete at once");
}

static void test_split(void)
{
	struct tender t;
	struct tender_state st;
	char longref[TENDER_REF_MAX + 2];

	tender_init(&t, 5000, 0);
	is_int(tender_add(&t, PAY_CARD, 3000, NULL), TENDER_NEED_REF, "card without reference");
	is_int(tender_add(&t, PAY_CARD, 3000, ""), TENDER_NEED_REF, "card with an empty reference");
	is_int(tender_add(&t, PAY_CARD, 3000, "   "), TENDER_NEED_REF, "card with a blank reference");
	is_int(tender_add(&t, PAY_UPI, 3000, NULL), TENDER_NEED_REF, "UPI without reference");
	is_int((int64_t)t.n, 0, "nothing recorded");
	is_int(tender_add(&t, PAY_CARD, 5001, "A123"), TENDER_OVERPAY, "card past the total");
	is_int(tender_add(&t, PAY_CARD, 3000, "A123"), 0, "card 30.00 with a reference");
	is_str(t.pay[0].reference, "A123", "reference kept");
	tender_state(&t, &st);
	is_int(st.noncash, 3000, "noncash 30.00");
	is_int(st.remaining, 2000, "20.00 left");
	is_int(tender_add(&t, PAY_VOUCHER, 2001, NULL), TENDER_OVERPAY, "voucher past what is left");
	is_int(tender_add(&t, PAY_CASH, 2000, NULL), 0, "cash for the rest");
	tender_state(&t, &st);
	is_int(st.complete, 1, "card + cash complete");
	is_int(st.change, 0, "no change");

	tender_init(&t, 5000, 0);
	tender_add(&t, PAY_CASH, 1000, NULL);
	is_int(tender_add(&t, PAY_CARD, 4001, "X"), TENDER_OVERPAY, "card past what cash left");
	is_int(tender_add(&t, PAY_ACCOUNT, 4000, NULL), 0, "on account for the rest");
	tender_state(&t, &st);
	is_int(st.complete, 1, "cash + account complete");

	tender_init(&t, 5000, 0);
	memset(longref, 'x', sizeof longref - 1);
	longref[sizeof longref - 1] = '\0';
	is_int(tender_add(&t, PAY_CARD, 100, longref), TENDER_BAD_REF, "65-character reference");
	longref[TENDER_REF_MAX] = '\0';
	is_int(tender_add(&t, PAY_CARD, 100, longref), 0, "64-character reference");
	is_int(tender_add(&t, PAY_UPI, 100, "ab\033[2J"), TENDER_BAD_REF, "escape in a reference");
	is_int(tender_add(&t, PAY_CASH, 0, NULL), TENDER_BAD_AMOUNT, "zero refused");
	is_int(tender_add(&t, PAY_CASH, -100, NULL), TENDER_BAD_AMOUNT, "negative refused");
	is_int(tender_add(&t, PAY_CASH, MONEY_MAX + 1, NULL), TENDER_BAD_AMOUNT,
	       "past MONEY_MAX refused");
	is_int(tender_add(&t, (enum pay_method)99, 100, NULL), TENDER_BAD_METHOD, "unknown method");
	is_int(tender_add(&t, (enum pay_method)-1, 100, NULL), TENDER_BAD_METHOD, "negative method");

	tender_init(&t, 100000, 0);
	for (int i = 0; i < TENDER_MAX; i++)
		tender_add(&t, PAY_CASH, 1, NULL);
	is_int(tender_add(&t, PAY_CASH, 1, NULL), TENDER_FULL, "17th payment refused");
}

static void check_rule(const struct tender *t, const char *what)
{
	struct tender_state st;

	tender_state(t, &st);
	ok(st.complete && st.noncash + st.cash - st.change == t->due + st.rounding,
	   "%s: paid - change == due + rounding", what);
}

static void test_rounding(void)
{
	struct tender t;
	struct tender_state st;

	is_int(tender_round_cash(1242, 5), 1240, "12.42 -> 12.40");
	is_int(tender_round_cash(1243, 5), 1245, "12.43 -> 12.45");
	is_int(tender_round_cash(1245, 5), 1245, "12.45 stays");
	is_int(tender_round_cash(-1243, 5), -1245, "-12.43 -> -12.45");
	is_int(tender_round_cash(-1242, 5), -1240, "-12.42 -> -12.40");
	is_int(tender_round_cash(1245, 10), 1250, "12.45 to 0.10: half up");
	is_int(tender_round_cash(-1245, 10), -1250, "-12.45 to 0.10: half away from zero");
	is_int(tender_round_cash(1243, 0), 1243, "step 0: unchanged");

	tender_init(&t, 1242, 5);
	tender_state(&t, &st);
	is_int(st.rounding, -2, "12.42 in cash: rounding -0.02");
	is_int(st.remaining, 1240, "12.40 to pay in cash");
	is_int(st.remaining_exact, 1242, "12.42 before rounding");
	is_int(tender_add(&t, PAY_CASH, 1240, NULL), 0, "12.40 cash");
	tender_state(&t, &st);
	is_int(st.complete, 1, "complete");
	is_int(st.change, 0, "no change");
	check_rule(&t, "12.42 cash");

	tender_init(&t, 1243, 5);
	tender_state(&t, &st);
	is_int(st.rounding, 2, "12.43 in cash: rounding +0.02");
	is_int(st.remaining, 1245, "12.45 to pay in cash");
	tender_add(&t, PAY_CASH, 2000, NULL);
	tender_state(&t, &st);
	is_int(st.change, 755, "20.00 for 12.45: 7.55 change");
	check_rule(&t, "12.43 cash");

	tender_init(&t, 1242, 5);
	is_int(tender_add(&t, PAY_CARD, 1000, "C1"), 0, "card 10.00");
	tender_state(&t, &st);
	is_int(st.rounding, -2, "cash share 2.42 -> 2.40");
	is_int(st.remaining, 240, "2.40 to pay in cash");
	is_int(st.remaining_exact, 242, "2.42 is what a card may still take");
	tender_add(&t, PAY_CASH, 240, NULL);
	check_rule(&t, "card + cash, 12.42");

	tender_init(&t, 1243, 5);
	tender_add(&t, PAY_CARD, 1000, "C2");
	tender_state(&t, &st);
	is_int(st.rounding, 2, "cash share 2.43 -> 2.45");
	tender_add(&t, PAY_CASH, 500, NULL);
	tender_state(&t, &st);
	is_int(st.change, 255, "5.00 for 2.45: 2.55 change");
	check_rule(&t, "card + cash, 12.43");

	tender_init(&t, 1242, 5);
	is_int(tender_add(&t, PAY_CARD, 1242, "C3"), 0, "the card may take 12.42, not 12.40");
	tender_state(&t, &st);
	is_int(st.rounding, 0, "card pays all: no rounding");
	is_int(st.complete, 1, "complete");
	check_rule(&t, "card only");

	tender_init(&t, 1242, 5);
	tender_add(&t, PAY_CASH, 500, NULL);
	tender_state(&t, &st);
	is_int(st.remaining, 740, "5.00 cash of 12.40");
	is_int(st.remaining_exact, 742, "the card would take 7.42");
	is_int(tender_add(&t, PAY_CARD, 743, "C4"), TENDER_OVERPAY, "not 7.43");
	is_int(tender_add(&t, PAY_CARD, 742, "C4"), 0, "7.42 by card");
	tender_state(&t, &st);
	is_int(st.rounding, 0, "the cash share 5.00 needs no rounding");
	check_rule(&t, "cash then card");

	/* a card that leaves less than half a step leaves nothing for cash */
	tender_init(&t, 1242, 5);
	tender_add(&t, PAY_CARD, 1240, "C5");
	tender_state(&t, &st);
	is_int(st.rounding, -2, "0.02 left for cash rounds to 0");
	is_int(st.complete, 1, "so the ticket is complete");
	check_rule(&t, "card leaves 0.02");

	/* the rule over many tickets and splits */
	int all = 1;

	for (money_t due = 1; due <= 1200 && all; due += 1) {
		for (money_t card = 0; card <= due && all; card += 37) {
			tender_init(&t, due, 5);
			if (card > 0 && tender_add(&t, PAY_CARD, card, "R") != 0)
				all = 0;
			tender_state(&t, &st);
			if (!st.complete)
				tender_add(&t, PAY_CASH, st.remaining + (due % 3) * 100, NULL);
			tender_state(&t, &st);
			if (!st.complete || st.noncash + st.cash - st.change != due + st.rounding ||
			    st.change < 0 || st.change > st.cash || st.rounding < -2 || st.rounding > 2)
				all = 0;
		}
	}
	ok(all, "paid - change == due + rounding for dues 0.01..12.00 with card parts");
}

static void test_methods(void)
{
	enum pay_method m = PAY_CASH;
	int i, all = 1;

	for (i = 0; i < PAY_METHOD_COUNT; i++)
		if (pay_method_parse(pay_method_name((enum pay_method)i), &m) != 0 || (int)m != i)
			all = 0;
	ok(all, "every method's name parses back");
	is_str(pay_method_name(PAY_UPI), "upi", "upi");
	is_str(pay_method_name(PAY_ACCOUNT), "account", "account");
	is_int(pay_method_parse("CARD", &m), 0, "names are case-insensitive");
	is_int(m, PAY_CARD, "CARD is card");
	is_int(pay_method_parse("cheque", &m), TENDER_BAD_METHOD, "unknown name");
	is_int(pay_method_parse("car", &m), TENDER_BAD_METHOD, "prefix is not a name");
	is_int(pay_method_parse("cards", &m), TENDER_BAD_METHOD, "longer is not a name");
	is_int(pay_method_needs_ref(PAY_CARD), 1, "card needs a reference");
	is_int(pay_method_needs_ref(PAY_UPI), 1, "upi needs a reference");
	is_int(pay_method_needs_ref(PAY_CASH), 0, "cash does not");
	is_int(pay_method_needs_ref(PAY_VOUCHER), 0, "voucher does not");
	ok(*tender_strerror(TENDER_OVERPAY) != '\0', "strerror has text");
}

int main(void)
{
	test_cash();
	test_split();
	test_rounding();
	test_methods();
	return done_testing();
}
