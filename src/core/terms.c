/* Due dates, ageing and financial years, on calendar days counted from
 * 1970-01-01 with the proleptic Gregorian calendar (days from civil). */
#include <stdio.h>
#include <string.h>
#include "i18n-mark.h"
#include "terms.h"

static const struct {
	const char *name;
	enum terms_kind kind;
	int days;
} terms_table[] = {
	{ "prepaid", TERMS_PREPAID, 0 }, { "cod", TERMS_COD, 0 },
	{ "net7", TERMS_NET, 7 },        { "net15", TERMS_NET, 15 },
	{ "net30", TERMS_NET, 30 },      { "net60", TERMS_NET, 60 },
	{ "eom", TERMS_EOM, 0 },
};
#define TERMS_N (sizeof terms_table / sizeof terms_table[0])

int terms_parse(const char *text, struct terms *out)
{
	if (!text || !*text)
		text = "net30";
	for (size_t i = 0; i < TERMS_N; i++)
		if (strcmp(terms_table[i].name, text) == 0) {
			out->kind = terms_table[i].kind;
			out->days = terms_table[i].days;
			return TERMS_OK;
		}
	return TERMS_BAD;
}

const char *terms_name(const struct terms *t)
{
	for (size_t i = 0; i < TERMS_N; i++)
		if (terms_table[i].kind == t->kind && terms_table[i].days == t->days)
			return terms_table[i].name;
	return "?";
}

const char *terms_strerror(int err)
{
	switch (err) {
	case TERMS_OK: return N_("no error");
	case TERMS_BAD: return N_("unknown payment terms (prepaid, cod, net7, net15, net30, net60, eom)");
	case TERMS_BAD_DAY: return N_("not a calendar day (YYYY-MM-DD)");
	default: return N_("unknown error");
	}
}

static int terms_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int terms_month_days(int y, int m)
{
	static const int len[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && terms_leap(y) ? 29 : len[m - 1];
}

int terms_day_valid(int32_t day)
{
	int y = day / 10000, m = day / 100 % 100, d = day % 100;
	return y >= 1970 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= terms_month_days(y, m);
}

/* Days from 1970-01-01, counting years from March so that February's
 * length only matters at the end of a counted year. */
int64_t terms_day_number(int32_t day)
{
	int64_t y = day / 10000, m = day / 100 % 100, d = day % 100;
	if (m <= 2)
		y--;
	int64_t era = y / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int32_t terms_day_from_number(int64_t n)
{
	n += 719468;
	int64_t era = n / 146097;
	int64_t doe = n - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t y = yoe + era * 400;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int64_t d = doy - (153 * mp + 2) / 5 + 1;
	int64_t m = mp < 10 ? mp + 3 : mp - 9;
	if (m <= 2)
		y++;
	return (int32_t)(y * 10000 + m * 100 + d);
}

int32_t terms_day_add(int32_t day, int64_t n)
{
	return terms_day_from_number(terms_day_number(day) + n);
}

int64_t terms_days_between(int32_t a, int32_t b)
{
	return terms_day_number(b) - terms_day_number(a);
}

int32_t terms_due(const struct terms *t, int32_t day)
{
	switch (t->kind) {
	case TERMS_NET:
		return terms_day_add(day, t->days);
	case TERMS_EOM: {
		/* "End of month": the last day of the month after the invoice's,
		 * so every invoice gets a month's credit or more, the one dated
		 * on a month's last day too (the invoice's own month end would
		 * give it none). */
		int y = day / 10000, m = day / 100 % 100 + 1;
		if (m > 12) {
			m = 1;
			y++;
		}
		return (int32_t)(y * 10000 + m * 100 + terms_month_days(y, m));
	}
	default:
		return day;
	}
}

int terms_bucket(int32_t due, int32_t today)
{
	int64_t late = terms_days_between(due, today);
	if (late <= 0)
		return 0;
	if (late <= 30)
		return 1;
	if (late <= 60)
		return 2;
	if (late <= 90)
		return 3;
	return 4;
}

const char *terms_bucket_name(int bucket)
{
	static const char *const names[TERMS_BUCKETS] = { "current", "1-30", "31-60", "61-90",
		                                          "over 90" };
	return bucket >= 0 && bucket < TERMS_BUCKETS ? names[bucket] : "?";
}

int32_t terms_fiscal_year(int32_t day, int start_month)
{
	int y = day / 10000, m = day / 100 % 100;
	return m < start_month ? y - 1 : y;
}
