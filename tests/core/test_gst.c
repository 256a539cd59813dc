/* gst.c: the CGST/SGST split within a state (odd paisa, returns), IGST to
 * another state, walk-ins, UTGST territories, and state names, codes and
 * abbreviations read or refused. */
#include "../lib/tap.h"
#include "../../src/core/gst.h"

static void split(money_t tax, const char *seller, const char *buyer,
                  money_t cgst, money_t sgst, money_t igst)
{
	struct gst_split g;

	is_int(gst_split_tax(tax, seller, buyer, &g), 0, "split %lld %s -> %s",
	       (long long)tax, seller, buyer ? buyer : "(walk-in)");
	is_int(g.cgst, cgst, "  cgst %lld", (long long)cgst);
	is_int(g.sgst, sgst, "  sgst %lld", (long long)sgst);
	is_int(g.igst, igst, "  igst %lld", (long long)igst);
	is_int(g.cgst + g.sgst + g.igst, tax, "  the parts add up to the tax");
}

static void code(const char *in, const char *want)
{
	char out[3];

	is_int(gst_state_code(in, out), 0, "state '%s' known", in);
	is_str(out, want, "state '%s' is %s", in, want);
}

static void unknown(const char *in)
{
	char out[3] = "xx";

	is_int(gst_state_code(in, out), GST_UNKNOWN_STATE, "state '%s' refused", in);
	is_str(out, "", "state '%s': out is empty", in);
}

static void test_split(void)
{
	struct gst_split g;
	money_t t;

	split(1800, "27", "27", 900, 900, 0);
	split(1801, "27", "Maharashtra", 901, 900, 0);
	split(1, "27", "MH", 1, 0, 0);
	split(0, "27", "27", 0, 0, 0);
	split(-1801, "27", "27", -901, -900, 0);
	split(-1800, "27", "27", -900, -900, 0);
	split(-1, "27", "27", -1, 0, 0);
	split(1801, "27", "29", 0, 0, 1801);
	split(-1801, "Maharashtra", "Karnataka", 0, 0, -1801);
	split(1801, "27", NULL, 901, 900, 0);
	split(1801, "27", "", 901, 900, 0);
	split(1801, "27", "  ", 901, 900, 0);
	split(MONEY_MAX, "33", "33", MONEY_MAX / 2, MONEY_MAX / 2, 0);
	split(MONEY_MAX - 1, "33", "33", MONEY_MAX / 2, MONEY_MAX / 2 - 1, 0);
	split(-MONEY_MAX, "33", "36", 0, 0, -MONEY_MAX);
	split(1801, "25", "Daman and Diu", 901, 900, 0);

	/* a return undoes the sale exactly, paisa by paisa */
	for (t = 1; t <= 101; t++) {
		struct gst_split s, r;

		gst_split_tax(t, "07", "07", &s);
		gst_split_tax(-t, "07", "07", &r);
		if (s.cgst + r.cgst != 0 || s.sgst + r.sgst != 0 || s.cgst - s.sgst > 1 ||
		    s.cgst < s.sgst || s.cgst + s.sgst != t)
			break;
	}
	is_int(t, 102, "taxes 1..101: sale + return = 0, CGST - SGST in {0, 1}, sum exact");

	is_int(gst_split_tax(100, "27", "27", &g), 0, "Maharashtra: ok");
	ok(!g.utgst, "Maharashtra: SGST");
	is_str(g.place, "27", "Maharashtra: place 27");
	is_int(gst_split_tax(100, "04", NULL, &g), 0, "Chandigarh walk-in");
	ok(g.utgst, "Chandigarh: UTGST");
	is_str(g.place, "04", "walk-in: place is the shop's state");
	is_int(gst_split_tax(100, "Ladakh", "38", &g), 0, "Ladakh");
	ok(g.utgst, "Ladakh: UTGST");
	is_int(gst_split_tax(100, "Delhi", "Delhi", &g), 0, "Delhi");
	ok(!g.utgst, "Delhi has a legislature: SGST");
	is_int(gst_split_tax(100, "Puducherry", "PY", &g), 0, "Puducherry");
	ok(!g.utgst, "Puducherry has a legislature: SGST");
	is_int(gst_split_tax(100, "04", "27", &g), 0, "Chandigarh to Maharashtra");
	ok(!g.utgst && g.igst == 100, "inter-state: IGST, no UTGST");
	is_str(g.place, "27", "inter-state: place is the buyer's");

	g.cgst = 7;
	is_int(gst_split_tax(100, "27", "Atlantis", &g), GST_UNKNOWN_STATE, "unknown buyer state");
	is_int(g.cgst, 7, "unknown buyer state: out untouched");
	is_int(gst_split_tax(100, NULL, "27", &g), GST_NO_SELLER_STATE, "no seller state");
	is_int(gst_split_tax(100, "", NULL, &g), GST_NO_SELLER_STATE, "blank seller state");
	is_int(gst_split_tax(100, "99", "27", &g), GST_NO_SELLER_STATE, "seller code 99");
	is_int(gst_split_tax(MONEY_MAX + 1, "27", "27", &g), GST_OVERFLOW, "tax past MONEY_MAX");
	is_int(gst_split_tax(-MONEY_MAX - 1, "27", "27", &g), GST_OVERFLOW, "tax past -MONEY_MAX");
}

static void test_states(void)
{
	char out[3];
	int i, n = 0;

	code("27", "27");
	code("29", "29");
	code("07", "07");
	code(" 33 ", "33");
	code("97", "97");
	code("Maharashtra", "27");
	code("MAHARASHTRA", "27");
	code("  karnataka ", "29");
	code("Tamil Nadu", "33");
	code("tamilnadu", "33");
	code("T.N.", "33");
	code("TN", "33");
	code("mh", "27");
	code("Jammu and Kashmir", "01");
	code("Jammu & Kashmir", "01");
	code("jammu-and-kashmir", "01");
	code("Andhra Pradesh", "37");
	code("AP", "37");
	code("Telangana", "36");
	code("TS", "36");
	code("TG", "36");
	code("Odisha", "21");
	code("Orissa", "21");
	code("OD", "21");
	code("Chhattisgarh", "22");
	code("CG", "22");
	code("Uttarakhand", "05");
	code("Uttaranchal", "05");
	code("Pondicherry", "34");
	code("New Delhi", "07");
	code("Dadra and Nagar Haveli and Daman and Diu", "26");
	code("Dadra & Nagar Haveli", "26");
	code("Daman and Diu", "26");
	code("25", "26");
	code("Andaman & Nicobar Islands", "35");
	code("Ladakh", "38");
	code("Other Territory", "97");

	unknown("28");
	unknown("00");
	unknown("39");
	unknown("99");
	unknown("7");
	unknown("027");
	unknown("");
	unknown("   ");
	unknown("Atlantis");
	unknown("Maharashtra 27");
	unknown("27 MH");
	unknown("Andhra Pradesh (New)");
	unknown("XX");
	unknown("Tamil\x01Nadu");
	unknown("Kerala\xc3\xa9");
	unknown("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
	unknown(NULL);

	is_str(gst_state_name("27"), "Maharashtra", "name of 27");
	is_str(gst_state_name("29"), "Karnataka", "name of 29");
	is_str(gst_state_name("07"), "Delhi", "name of 07");
	is_str(gst_state_name("32"), "Kerala", "name of 32");
	is_str(gst_state_name("36"), "Telangana", "name of 36");
	is_str(gst_state_name("97"), "Other Territory", "name of 97");
	ok(gst_state_name("28") == NULL, "no name for 28");
	ok(gst_state_name("25") == NULL, "no name for 25 (use gst_state_code first)");
	ok(gst_state_name("7") == NULL, "no name for 7");
	ok(gst_state_name(NULL) == NULL, "no name for NULL");

	/* every code round-trips through its own name */
	for (i = 0; i <= 99; i++) {
		char c[3] = { (char)('0' + i / 10), (char)('0' + i % 10), '\0' };
		const char *name = gst_state_name(c);

		if (name == NULL)
			continue;
		n++;
		if (gst_state_code(name, out) != 0 || strcmp(out, c) != 0)
			break;
	}
	is_int(i, 100, "each code's name reads back as the code");
	is_int(n, 37, "36 states and Union Territories, and 97");
}

int main(void)
{
	test_split();
	test_states();
	is_str(gst_strerror(GST_UNKNOWN_STATE), "not an Indian state or GST state code", "strerror");
	return done_testing();
}
