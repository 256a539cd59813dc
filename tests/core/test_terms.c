/* Payment terms: parsing, due dates across months and leap years, ageing
 * bucket edges, and financial years for France and India. */
#include "../lib/tap.h"
#include "../../src/core/terms.h"

static int32_t due_of(const char *name, int32_t day)
{
	struct terms t;
	if (terms_parse(name, &t) != TERMS_OK)
		return -1;
	return terms_due(&t, day);
}

int main(void)
{
	struct terms t;
	ok(terms_parse("", &t) == TERMS_OK && t.kind == TERMS_NET && t.days == 30,
	   "no terms read as net30");
	ok(terms_parse("net45", &t) == TERMS_BAD, "net45 is not a term");
	ok(terms_parse("NET30", &t) == TERMS_BAD, "names are lower case");
	terms_parse("net15", &t);
	is_str(terms_name(&t), "net15", "a term names itself");

	ok(terms_day_valid(20240229) && !terms_day_valid(20250229), "29 February in leap years only");
	ok(!terms_day_valid(20261301) && !terms_day_valid(20261100) && !terms_day_valid(19691231),
	   "bad months, days and years refused");
	is_int((int)terms_day_number(19700101), 0, "day zero");
	is_int((int)terms_day_number(20000301), 11017, "2000-03-01 is day 11017");
	is_int(terms_day_from_number(11017), 20000301, "and back");
	int back = 1;
	for (int64_t n = 0; n < 60000; n += 7)
		if (terms_day_number(terms_day_from_number(n)) != n)
			back = 0;
	ok(back, "day numbers round-trip over 160 years");

	is_int(due_of("net30", 20260115), 20260214, "net30 from 15 January");
	is_int(due_of("net30", 20260131), 20260302, "net30 across February");
	is_int(due_of("net30", 20240131), 20240301, "net30 across a leap February");
	is_int(due_of("net7", 20261228), 20270104, "net7 across the year end");
	is_int(due_of("net60", 20261101), 20261231, "net60");
	is_int(due_of("eom", 20260110), 20260228, "eom: the end of the next month (February)");
	is_int(due_of("eom", 20240131), 20240229, "eom in a leap year, from a month's last day");
	is_int(due_of("eom", 20261231), 20270131, "eom on the last day of the year: end of January");
	ok(terms_days_between(20260331, due_of("eom", 20260331)) == 30 &&
	   terms_days_between(20260301, due_of("eom", 20260301)) == 60,
	   "eom gives the last day of a month credit, the first day more");
	is_int(due_of("eom", 20260215), 20260331, "eom from mid-February: end of March");
	is_int(due_of("cod", 20260510), 20260510, "cod: due the same day");
	is_int(due_of("prepaid", 20260510), 20260510, "prepaid: due the same day");

	is_int(terms_bucket(20260301, 20260301), 0, "due today is current");
	is_int(terms_bucket(20260301, 20260215), 0, "not yet due is current");
	is_int(terms_bucket(20260301, 20260302), 1, "one day late: 1-30");
	is_int(terms_bucket(20260301, 20260331), 1, "30 days late: 1-30");
	is_int(terms_bucket(20260301, 20260401), 2, "31 days late: 31-60");
	is_int(terms_bucket(20260301, 20260430), 2, "60 days late: 31-60");
	is_int(terms_bucket(20260301, 20260501), 3, "61 days late: 61-90");
	is_int(terms_bucket(20260301, 20260530), 3, "90 days late: 61-90");
	is_int(terms_bucket(20260301, 20260531), 4, "91 days late: over 90");
	is_str(terms_bucket_name(4), "over 90", "bucket names");

	is_int(terms_fiscal_year(20260101, 1), 2026, "France: the calendar year");
	is_int(terms_fiscal_year(20261231, 1), 2026, "France: to 31 December");
	is_int(terms_fiscal_year(20270331, 4), 2026, "India: March ends the year begun in April");
	is_int(terms_fiscal_year(20270401, 4), 2027, "India: April starts the next");
	return done_testing();
}
