/* journal.c and rights.c: the canonical bytes of a record (fixed text,
 * escaping), the running grand totals across days, reading a head back,
 * and the rules for PINs, user names, roles and rights. */
#include <stdlib.h>
#include "../lib/tap.h"
#include "../../src/core/journal.h"
#include "../../src/core/rights.h"

static void escape(const char *in, const char *want)
{
	struct jbuf b;
	jbuf_init(&b);
	ok(journal_escape(&b, in) == 0, "escape into '%s'", want);
	is_str(b.p, want, "  gives '%s'", want);
	jbuf_release(&b);
}

static struct journal_head head(int64_t seq, int32_t day, int64_t amount)
{
	struct journal_head h = {
		.seq = seq, .at = 1795765856, .day = day, .terminal = "till 1", .user = "anna",
		.approver = "", .kind = JOURNAL_SALE, .ref = 7, .corrects = 0, .amount = amount,
	};
	return h;
}

int main(void)
{
	escape("", "%");
	escape("abc", "abc");
	escape("a b", "a%20b");
	escape("50%", "50%25");
	escape("line\nbreak\ttab", "line%0Abreak%09tab");
	escape("Crème brûlée", "Crème%20brûlée");
	escape("\x7f", "%7F");

	/* The canonical text, byte for byte. */
	struct journal_head h = head(3, 20261127, 1250);
	struct journal_head prev = head(2, 20261127, 500);
	prev.gt_perpetual = 10000;
	prev.gt_day = 700;
	journal_totals(&prev, &h);
	is_int(h.gt_perpetual, 11250, "perpetual total adds the amount");
	is_int(h.gt_day, 1950, "the day's total adds on the same day");
	struct jbuf pl, c;
	jbuf_init(&pl);
	jbuf_init(&c);
	ok(journal_field(&pl, "line", "isi", (int64_t)1, "BAK 1", (int64_t)-130) == 0,
	   "a payload line");
	ok(journal_field_str(&pl, "pay", "cash") == 0, "a string field");
	ok(journal_field_int(&pl, "n", -5) == 0, "an int field");
	is_str(pl.p, "line 1 BAK%201 -130\npay cash\nn -5\n", "payload lines");
	ok(journal_canonical(&h, pl.p, pl.len, &c) == 0, "canonical bytes built");
	is_str(c.p,
	       "comptoir-journal 1\nseq 3\nat 1795765856\nday 20261127\nterminal till%201\n"
	       "user anna\napprover %\nkind sale\nref 7\ncorrects 0\namount 1250\n"
	       "gt_perpetual 11250\ngt_day 1950\nline 1 BAK%201 -130\npay cash\nn -5\nend\n",
	       "canonical text, field by field");

	struct journal_head back;
	ok(journal_parse_head(c.p, c.len, &back) == 0, "the head reads back");
	is_int(back.seq, 3, "  seq");
	is_int(back.day, 20261127, "  day");
	is_int(back.amount, 1250, "  amount");
	is_int(back.gt_perpetual, 11250, "  perpetual");
	is_int(back.gt_day, 1950, "  day total");
	is_int(back.ref, 7, "  ref");
	ok(back.kind == NULL, "  strings are not read back");
	ok(journal_parse_head(c.p + 1, c.len - 1, &back) != 0, "a cut record is refused");
	ok(journal_parse_head("comptoir-journal 1\nseq x\n", 25, &back) != 0,
	   "a non-number is refused");

	/* A new day starts its total again; the perpetual total never does. */
	struct journal_head next = head(4, 20261128, -300);
	journal_totals(&h, &next);
	is_int(next.gt_perpetual, 10950, "a return lowers the perpetual total");
	is_int(next.gt_day, -300, "the next day starts from its own amount");
	struct journal_head first = head(1, 20261127, 42);
	journal_totals(NULL, &first);
	is_int(first.gt_perpetual, 42, "the first record's totals are its amount");
	is_int(first.gt_day, 42, "  and the day's");

	/* Changing one byte changes the text (the hash covers all of it). */
	struct journal_head other = h;
	other.amount = 1251;
	struct jbuf c2;
	jbuf_init(&c2);
	journal_canonical(&other, pl.p, pl.len, &c2);
	ok(strcmp(c.p, c2.p) != 0, "another amount gives other bytes");
	jbuf_release(&c2);
	jbuf_release(&c);
	jbuf_release(&pl);

	/* Rights and roles. */
	for (int r = 0; r < RIGHT_COUNT; r++) {
		enum right back_r;
		ok(right_parse(right_name((enum right)r), &back_r) == 0 && back_r == (enum right)r,
		   "right %s reads back", right_name((enum right)r));
	}
	enum right dummy;
	ok(right_parse("fly", &dummy) != 0, "an unknown right is refused");
	ok(role_valid("cashier") && role_valid("admin") && role_valid("warehouse"), "roles known");
	ok(!role_valid("root") && !role_valid(""), "unknown roles refused");
	ok(pin_valid("1234") && pin_valid("123456789012"), "PINs of 4 to 12 digits");
	ok(!pin_valid("123") && !pin_valid("1234567890123") && !pin_valid("12a4") &&
	   !pin_valid(""), "short, long and non-digit PINs refused");
	ok(user_name_valid("anna") && user_name_valid("j.doe-2"), "user names");
	ok(!user_name_valid("Anna") && !user_name_valid(".x") && !user_name_valid("a b") &&
	   !user_name_valid("") && !user_name_valid("abcdefghijklmnopqrstuvwxyz0123456"),
	   "bad user names refused");
	return done_testing();
}
