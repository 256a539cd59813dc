/* refund.c: returns of a sold line add up to exactly what was sold however
 * they are split; one unit of a plain line is worth what the cart charges
 * for one; a ticket discount is given back in proportion; bounds. */
#include "../lib/tap.h"
#include "../../src/core/cart.h"
#include "../../src/core/refund.h"

static struct cart_item item(int64_t id, money_t price, tax_rate_t rate, int weighed)
{
	struct cart_item it;
	memset(&it, 0, sizeof it);
	it.product_id = id;
	snprintf(it.sku, sizeof it.sku, "SKU%lld", (long long)id);
	it.unit_price = price;
	it.tax_rate = rate;
	it.weighed = weighed;
	return it;
}

static struct refund_sold sold_from(const struct cart *c, size_t i)
{
	const struct cart_line *l = &c->lines[i];
	struct refund_sold s = {
		.qty = l->qty, .weighed = l->item.weighed, .unit_price = l->item.unit_price,
		.discount_pct = l->discount_pct, .tax_rate = l->item.tax_rate,
		.inclusive = c->inclusive, .amount = l->amount, .discount = l->discount,
		.net = l->net, .tax = l->tax, .gross = l->gross,
	};
	return s;
}

/* Returns line i in pieces of `step` units; the pieces must add up. */
static void check_pieces(const struct cart *c, size_t i, int64_t step, const char *what)
{
	struct refund_sold s = sold_from(c, i);
	struct refund_part p, sum = { 0 };
	int lines_ok = 1, rc = 0;
	for (int64_t done = 0; done < s.qty && !rc; done += step) {
		int64_t q = s.qty - done < step ? s.qty - done : step;
		rc = refund_line(&s, done, q, &p);
		if (p.net + p.tax != p.gross || p.gross < 0)
			lines_ok = 0;
		sum.amount += p.amount;
		sum.discount += p.discount;
		sum.net += p.net;
		sum.tax += p.tax;
		sum.gross += p.gross;
	}
	is_int(rc, 0, "%s: every piece accepted", what);
	ok(lines_ok, "%s: each piece has net + tax = gross", what);
	ok(sum.amount == s.amount && sum.discount == s.discount && sum.net == s.net &&
	   sum.tax == s.tax && sum.gross == s.gross, "%s: the pieces add up to the line", what);
}

int main(void)
{
	struct cart c;
	cart_init(&c, 1);
	struct cart_item a = item(1, 333, 2000, 0), b = item(2, 1999, 550, 0),
	                 w = item(3, 1249, 550, 1);
	cart_add(&c, &a, 7, 0);
	cart_add(&c, &b, 3, 0);
	cart_add(&c, &w, 1234, 0);
	cart_set_line_discount(&c, 1, 1000);
	cart_set_ticket_discount_amount(&c, 517);

	check_pieces(&c, 0, 1, "7 units one by one, with a ticket discount");
	check_pieces(&c, 0, 3, "7 units by three");
	check_pieces(&c, 1, 2, "a line with its own discount");
	check_pieces(&c, 2, 100, "1.234 kg by 100 g");
	check_pieces(&c, 0, 7, "the whole line at once");

	struct cart plain, one;
	cart_init(&plain, 0);
	cart_init(&one, 0);
	cart_add(&plain, &a, 5, 0);
	cart_add(&one, &a, 1, 0);
	struct refund_sold s = sold_from(&plain, 0);
	struct refund_part p;
	is_int(refund_line(&s, 2, 1, &p), 0, "one unit of a plain line");
	ok(p.gross == one.lines[0].gross && p.tax == one.lines[0].tax,
	   "is worth what the cart charges for one unit (before tax)");
	check_pieces(&plain, 0, 2, "before tax, by two");

	is_int(refund_line(&s, 4, 2, &p), REFUND_BAD_QTY, "more than is left is refused");
	is_int(refund_line(&s, 0, 0, &p), REFUND_BAD_QTY, "zero is refused");
	is_int(refund_line(&s, 0, -1, &p), REFUND_BAD_QTY, "a negative quantity is refused");
	is_int(refund_line(&s, 0, 5, &p), 0, "everything at once");
	is_int(p.gross, plain.lines[0].gross, "gives back the line's gross");

	cart_release(&c);
	cart_release(&plain);
	cart_release(&one);
	return done_testing();
}
