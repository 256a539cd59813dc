/* GS1 element strings: the table of AIs comptoir reads, the walk over the
 * raw (GS-separated) and printed (parenthesised) forms, and the checks on
 * each field: GTIN check digit, real dates, whole grams, set 82 lots. */
#include <string.h>

#include "i18n-mark.h"
#include "barcode.h"
#include "gs1.h"

enum gs1_field {
	GS1_F_GTIN,
	GS1_F_LOT,
	GS1_F_EXPIRY,
	GS1_F_WEIGHT,
	GS1_F_PRICE,
};

struct gs1_ai {
	const char *ai;
	int fixed;             /* data length of a fixed field, 0 if variable */
	int max;               /* longest data */
	enum gs1_field field;
	int decimals;          /* the n of 310n and 392n */
};

/* No AI here is a prefix of another (GS1 allocates them so), which is what
 * lets the raw form be read without separators after fixed fields. */
static const struct gs1_ai gs1_ais[] = {
	{ "01", 14, 14, GS1_F_GTIN, 0 },
	{ "10", 0, 20, GS1_F_LOT, 0 },
	{ "17", 6, 6, GS1_F_EXPIRY, 0 },
	{ "3102", 6, 6, GS1_F_WEIGHT, 2 },
	{ "3103", 6, 6, GS1_F_WEIGHT, 3 },
	{ "3104", 6, 6, GS1_F_WEIGHT, 4 },
	{ "3105", 6, 6, GS1_F_WEIGHT, 5 },
	{ "3922", 0, 15, GS1_F_PRICE, 2 },
};

#define GS1_NAIS (sizeof gs1_ais / sizeof gs1_ais[0])

/* Symbology identifiers of the symbols that carry GS1 element strings:
 * GS1-128, GS1 DataMatrix, GS1 QR Code, GS1 DataBar.  "]C0", "]d1", "]Q1"
 * are the same symbols with plain data, which is not GS1. */
static const char *const gs1_symbologies[] = { "]C1", "]d2", "]Q3", "]e0" };

const char *gs1_strerror(int err)
{
	switch (err) {
	case GS1_OK:
		return N_("no error");
	case GS1_TOO_LONG:
		return N_("GS1 code too long");
	case GS1_BAD_CHAR:
		return N_("GS1 code contains a character it may not hold");
	case GS1_SYNTAX:
		return N_("not a well-formed GS1 code");
	case GS1_UNKNOWN_AI:
		return N_("GS1 code holds an application identifier comptoir does not read");
	case GS1_DUPLICATE_AI:
		return N_("GS1 code holds the same application identifier twice");
	case GS1_BAD_LENGTH:
		return N_("a field of the GS1 code has the wrong length");
	case GS1_NOT_DIGITS:
		return N_("a numeric field of the GS1 code holds something other than digits");
	case GS1_BAD_CHECK:
		return N_("wrong check digit in the GS1 code's GTIN: scan the code again");
	case GS1_BAD_DATE:
		return N_("the GS1 code's expiry date is not a real date");
	case GS1_BAD_WEIGHT:
		return N_("the GS1 code's weight is not a whole number of grams");
	case GS1_BAD_PRICE:
		return N_("the GS1 code's price is too large");
	case GS1_NO_GTIN:
		return N_("GS1 code without a GTIN (AI 01): it names no product");
	}
	return N_("unknown error");
}

static int gs1_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static int64_t gs1_number(const char *s, size_t n)
{
	int64_t v = 0;
	size_t i;

	for (i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* GS1 character set 82: printable ASCII less space and # $ @ [ \ ] ^ `
 * { | } ~, which not every symbology or system can carry. */
static int gs1_set82(char c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
		return 1;
	return c != '\0' && strchr("!\"%&'()*+,-./:;<=>?_", c) != NULL;
}

static int gs1_symbology(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof gs1_symbologies / sizeof gs1_symbologies[0]; i++)
		if (strncmp(s, gs1_symbologies[i], 3) == 0)
			return 1;
	return 0;
}

static int gs1_gtin_ok(const char *d)
{
	return gs1_digits(d, 14) && barcode_check_digit(d, 13) == d[13] - '0';
}

static int gs1_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int gs1_month_days(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && gs1_leap(y) ? 29 : days[m - 1];
}

/* GS1 General Specifications, "determination of century in dates": a
 * two-digit year more than 50 ahead of this one is last century's, one
 * 50 or more behind is next century's. */
static int gs1_full_year(int yy, int current_year)
{
	int cy = current_year % 100, century = current_year - cy;
	int d = yy - cy;

	if (d >= 51)
		return century - 100 + yy;
	if (d <= -50)
		return century + 100 + yy;
	return century + yy;
}

static int gs1_date(const char *d, int current_year, int32_t *out)
{
	int y = gs1_full_year((int)gs1_number(d, 2), current_year);
	int m = (int)gs1_number(d + 2, 2), day = (int)gs1_number(d + 4, 2);

	if (m < 1 || m > 12 || day > gs1_month_days(y, m))
		return GS1_BAD_DATE;
	/* day 00 is how GS1 writes "the end of the month": resolved here so
	 * that callers compare dates without knowing the convention */
	if (day == 0)
		day = gs1_month_days(y, m);
	*out = (int32_t)(y * 10000 + m * 100 + day);
	return GS1_OK;
}

/* 310n: six digits of kg with n decimals.  A weight finer than a gram is
 * refused rather than rounded: comptoir prices weighed goods per gram, and
 * a code it cannot read exactly must not sell at a nearby weight. */
static int gs1_weight(int64_t v, int decimals, int64_t *grams)
{
	int64_t f = 1;
	int i;

	for (i = 3; i < decimals; i++)
		f *= 10;
	if (v % f != 0)
		return GS1_BAD_WEIGHT;
	v /= f;
	for (i = decimals; i < 3; i++)
		v *= 10;
	*grams = v;
	return GS1_OK;
}

/* Checks one field's data (n characters at d) and stores it. */
static int gs1_store(const struct gs1_ai *a, const char *d, size_t n, int current_year,
                     struct gs1_data *out)
{
	size_t i;
	int64_t v;
	int rc;

	if (n == 0 || (int)n > a->max || (a->fixed && (int)n != a->fixed))
		return GS1_BAD_LENGTH;
	if (a->field != GS1_F_LOT && !gs1_digits(d, n))
		return GS1_NOT_DIGITS;
	switch (a->field) {
	case GS1_F_GTIN:
		if (out->has_gtin)
			return GS1_DUPLICATE_AI;
		if (!gs1_gtin_ok(d))
			return GS1_BAD_CHECK;
		memcpy(out->gtin, d, 14);
		out->gtin[14] = '\0';
		out->has_gtin = 1;
		break;
	case GS1_F_LOT:
		if (out->has_lot)
			return GS1_DUPLICATE_AI;
		for (i = 0; i < n; i++)
			if (!gs1_set82(d[i]))
				return GS1_BAD_CHAR;
		memcpy(out->lot, d, n);
		out->lot[n] = '\0';
		out->has_lot = 1;
		break;
	case GS1_F_EXPIRY:
		if (out->has_expiry)
			return GS1_DUPLICATE_AI;
		rc = gs1_date(d, current_year, &out->expiry);
		if (rc)
			return rc;
		out->has_expiry = 1;
		break;
	case GS1_F_WEIGHT:
		/* 3102 and 3103 together would be two net weights: which one? */
		if (out->has_weight)
			return GS1_DUPLICATE_AI;
		rc = gs1_weight(gs1_number(d, n), a->decimals, &out->weight_g);
		if (rc)
			return rc;
		out->has_weight = 1;
		break;
	case GS1_F_PRICE:
		if (out->has_price)
			return GS1_DUPLICATE_AI;
		v = gs1_number(d, n);
		if (v > MONEY_MAX)
			return GS1_BAD_PRICE;
		out->price = v;
		out->has_price = 1;
		break;
	}
	return GS1_OK;
}

static const struct gs1_ai *gs1_find_exact(const char *ai, size_t n)
{
	size_t i;

	for (i = 0; i < GS1_NAIS; i++)
		if (strlen(gs1_ais[i].ai) == n && memcmp(gs1_ais[i].ai, ai, n) == 0)
			return &gs1_ais[i];
	return NULL;
}

static const struct gs1_ai *gs1_find_prefix(const char *s)
{
	size_t i;

	for (i = 0; i < GS1_NAIS; i++)
		if (strncmp(s, gs1_ais[i].ai, strlen(gs1_ais[i].ai)) == 0)
			return &gs1_ais[i];
	return NULL;
}

static void gs1_blame(struct gs1_data *out, const char *ai, size_t n)
{
	if (n > 4)
		n = 4;
	memcpy(out->bad_ai, ai, n);
	out->bad_ai[n] = '\0';
}

/* "(AI)data(AI)data": the parentheses say where each field ends, so fixed
 * fields are held to their exact length. */
static int gs1_parse_printed(const char *s, int current_year, struct gs1_data *out)
{
	const struct gs1_ai *a;
	const char *p = s, *close, *end;
	int rc;

	while (*p != '\0') {
		if (*p != '(')
			return GS1_SYNTAX;
		close = strchr(p + 1, ')');
		if (close == NULL || close - p - 1 < 2 || close - p - 1 > 4 ||
		    !gs1_digits(p + 1, (size_t)(close - p - 1)))
			return GS1_SYNTAX;
		gs1_blame(out, p + 1, (size_t)(close - p - 1));
		a = gs1_find_exact(p + 1, (size_t)(close - p - 1));
		if (a == NULL)
			return GS1_UNKNOWN_AI;
		end = strchr(close + 1, '(');
		if (end == NULL)
			end = close + 1 + strlen(close + 1);
		rc = gs1_store(a, close + 1, (size_t)(end - close - 1), current_year, out);
		if (rc)
			return rc;
		p = end;
	}
	return GS1_OK;
}

/* AIs back to back; a fixed field takes its length whatever follows, a
 * variable one runs to GS or the end (the FNC1 rule). */
static int gs1_parse_raw(const char *s, int current_year, struct gs1_data *out)
{
	const struct gs1_ai *a;
	const char *p = s, *d;
	size_t n, ailen;
	int rc;

	if (*p == GS1_GS)
		p++;
	if (*p == '\0')
		return GS1_SYNTAX;
	while (*p != '\0') {
		if (*p == GS1_GS)
			return GS1_SYNTAX;
		a = gs1_find_prefix(p);
		if (a == NULL) {
			gs1_blame(out, p, strnlen(p, 2));
			return gs1_digits(p, strnlen(p, 2)) ? GS1_UNKNOWN_AI : GS1_SYNTAX;
		}
		ailen = strlen(a->ai);
		gs1_blame(out, p, ailen);
		d = p + ailen;
		/* a GS inside a fixed field's length cuts it short: that is a
		 * wrong length, not a separator to skip */
		n = strcspn(d, "\x1d");
		if (a->fixed && n > (size_t)a->fixed)
			n = (size_t)a->fixed;
		rc = gs1_store(a, d, n, current_year, out);
		if (rc)
			return rc;
		p = d + n;
		/* needed after a variable field, harmless after a fixed one (some
		 * printers put FNC1 there); a last one before the end is noise */
		if (*p == GS1_GS)
			p++;
	}
	return GS1_OK;
}

static int gs1_parse_any(const char *s, int current_year, struct gs1_data *out)
{
	size_t n, i;
	int rc;

	n = strnlen(s, GS1_MAX_LEN + 1);
	if (n > GS1_MAX_LEN)
		return GS1_TOO_LONG;
	/* bytes outside printable ASCII are refused before any reading, so
	 * that no field check has to think about them */
	for (i = 0; i < n; i++)
		if ((s[i] < 0x21 || s[i] > 0x7e) && s[i] != GS1_GS)
			return GS1_BAD_CHAR;
	if (s[0] == '(') {
		if (memchr(s, GS1_GS, n) != NULL)
			return GS1_BAD_CHAR;
		rc = gs1_parse_printed(s, current_year, out);
	} else {
		rc = gs1_parse_raw(gs1_symbology(s) ? s + 3 : s, current_year, out);
	}
	if (rc == GS1_OK && !out->has_gtin) {
		memcpy(out->bad_ai, "01", 3);
		return GS1_NO_GTIN;
	}
	return rc;
}

/* A failed parse leaves nothing a caller could half-use: only bad_ai. */
int gs1_parse(const char *s, int current_year, struct gs1_data *out)
{
	char ai[sizeof out->bad_ai];
	int rc;

	memset(out, 0, sizeof *out);
	rc = gs1_parse_any(s, current_year, out);
	if (rc == GS1_OK) {
		out->bad_ai[0] = '\0';
	} else {
		/* a syntax error is between AIs: the last one read is not at fault */
		memcpy(ai, out->bad_ai, sizeof ai);
		if (rc == GS1_SYNTAX)
			ai[0] = '\0';
		memset(out, 0, sizeof *out);
		memcpy(out->bad_ai, ai, sizeof ai);
	}
	return rc;
}

int gs1_looks_like(const char *s)
{
	size_t n;

	if (gs1_symbology(s) || s[0] == GS1_GS)
		return 1;
	if (s[0] == '(') {
		n = strcspn(s + 1, ")");
		return n >= 2 && n <= 4 && s[1 + n] == ')' && gs1_digits(s + 1, n);
	}
	return s[0] == '0' && s[1] == '1' && strnlen(s, 16) == 16 && gs1_gtin_ok(s + 2);
}

void gs1_gtin_key(const char *gtin, char out[15])
{
	size_t skip = 0;

	if (strncmp(gtin, "000000", 6) == 0)
		skip = 6;
	else if (gtin[0] == '0')
		skip = 1;
	memcpy(out, gtin + skip, 14 - skip);
	out[14 - skip] = '\0';
}
