/* Exact decimal amounts: the parser for everything typed or imported, the
 * half-up division every other rule rounds with, and money formatting for
 * the command line and the shop's locale. */
#include <string.h>

#include "i18n-mark.h"
#include "money.h"

/* Rounding: every division in the core ends here, half away from zero, so a
 * return (-12.345) rounds to the mirror image of the sale (12.345). */
static __int128 money_div_round128(__int128 num, __int128 den)
{
	__int128 q = num / den, r = num % den;

	if (r < 0)
		r = -r;
	if (r >= den - r)
		q += num < 0 ? -1 : 1;
	return q;
}

int64_t money_div_round(int64_t num, int64_t den)
{
	if (den <= 0)
		return 0;
	return (int64_t)money_div_round128(num, den);
}

int money_muldiv(int64_t a, int64_t b, int64_t den, int64_t *out)
{
	__int128 p = (__int128)a * b, d = den, q;

	if (d == 0)
		return MONEY_OVERFLOW;
	if (d < 0) {
		p = -p;
		d = -d;
	}
	q = money_div_round128(p, d);
	if (q > MONEY_MAX || q < -MONEY_MAX)
		return MONEY_OVERFLOW;
	*out = (int64_t)q;
	return MONEY_OK;
}

const char *money_strerror(int err)
{
	switch (err) {
	case MONEY_OK:
		return N_("no error");
	case MONEY_EMPTY:
		return N_("no amount given");
	case MONEY_SYNTAX:
		return N_("not a number (expected e.g. 12.50 or 1 234,56)");
	case MONEY_OVERFLOW:
		return N_("amount too large");
	case MONEY_PRECISION:
		return N_("too many decimals");
	}
	return N_("unknown error");
}

enum decimal_sep {
	DECIMAL_SEP_NONE = 0,
	DECIMAL_SEP_BLANK,  /* space, U+00A0 or U+202F: interchangeable */
	DECIMAL_SEP_DOT,
	DECIMAL_SEP_COMMA,
};

/* The separator starting at p and its byte length, 0 when p holds none.
 * Reading p[1] and p[2] is safe: a mismatch stops at the terminating NUL. */
static size_t decimal_sep_at(const char *p, enum decimal_sep *kind)
{
	const unsigned char *u = (const unsigned char *)p;

	switch (u[0]) {
	case '.':
		*kind = DECIMAL_SEP_DOT;
		return 1;
	case ',':
		*kind = DECIMAL_SEP_COMMA;
		return 1;
	case ' ':
		*kind = DECIMAL_SEP_BLANK;
		return 1;
	case 0xC2:
		if (u[1] == 0xA0) {
			*kind = DECIMAL_SEP_BLANK;
			return 2;
		}
		break;
	case 0xE2:
		if (u[1] == 0x80 && u[2] == 0xAF) {
			*kind = DECIMAL_SEP_BLANK;
			return 3;
		}
		break;
	}
	return 0;
}

static int decimal_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Which of '.' and ',' is the decimal mark: the later one when both appear
 * (then the other groups thousands), the only one when it appears once.
 * A mark seen twice with no other ("12,5,0", "1.234.567") is refused rather
 * than guessed at. Sets *mark (NULL: no fraction) and *group ('.', ',', 0). */
static int decimal_find_mark(const char *p, const char *end, const char **mark, char *group)
{
	const char *last_dot = NULL, *last_comma = NULL;
	int ndot = 0, ncomma = 0;

	for (; p < end; p++) {
		if (*p == '.') {
			ndot++;
			last_dot = p;
		} else if (*p == ',') {
			ncomma++;
			last_comma = p;
		}
	}
	*mark = NULL;
	*group = 0;
	if (ndot && ncomma) {
		if (last_dot > last_comma) {
			if (ndot > 1)
				return MONEY_SYNTAX;
			*mark = last_dot;
			*group = ',';
		} else {
			if (ncomma > 1)
				return MONEY_SYNTAX;
			*mark = last_comma;
			*group = '.';
		}
	} else if (ndot > 1 || ncomma > 1) {
		return MONEY_SYNTAX;
	} else if (ndot) {
		*mark = last_dot;
	} else if (ncomma) {
		*mark = last_comma;
	}
	return MONEY_OK;
}

/* The integer digits in [p, end): plain, or in groups where the first has
 * one to three digits and every later one exactly three, all separated
 * alike. *acc stops growing past 10^17 and *big says so. */
static int decimal_parse_int(const char *p, const char *end, char group, int64_t *acc, int *big)
{
	enum decimal_sep used = DECIMAL_SEP_NONE, k;
	int glen = 0, ngroups = 0;
	size_t n;

	*acc = 0;
	*big = 0;
	while (p < end) {
		if (decimal_is_digit(*p)) {
			if (*acc >= INT64_C(100000000000000000))
				*big = 1;
			else
				*acc = *acc * 10 + (*p - '0');
			glen++;
			p++;
			continue;
		}
		n = decimal_sep_at(p, &k);
		if (n == 0 || (size_t)(end - p) < n)
			return MONEY_SYNTAX;
		if ((k == DECIMAL_SEP_DOT && group != '.') || (k == DECIMAL_SEP_COMMA && group != ','))
			return MONEY_SYNTAX;
		if (used != DECIMAL_SEP_NONE && k != used)
			return MONEY_SYNTAX;
		if (glen == 0 || glen > 3 || (ngroups > 0 && glen != 3))
			return MONEY_SYNTAX;
		used = k;
		ngroups++;
		glen = 0;
		p += n;
	}
	if (ngroups > 0 && glen != 3)
		return MONEY_SYNTAX;
	return MONEY_OK;
}

int decimal_parse(const char *s, int decimals, int64_t limit, int64_t *out)
{
	static const int64_t pow10[19] = {
		1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
		1000000000, INT64_C(10000000000), INT64_C(100000000000),
		INT64_C(1000000000000), INT64_C(10000000000000),
		INT64_C(100000000000000), INT64_C(1000000000000000),
		INT64_C(10000000000000000), INT64_C(100000000000000000),
		INT64_C(1000000000000000000),
	};
	const char *p, *end, *mark, *q;
	int64_t ipart, fpart = 0;
	int neg = 0, big, nfrac = 0, rc;
	char group;
	__int128 v;

	if (decimals < 0 || decimals > 18 || limit < 0)
		return MONEY_PRECISION;
	if (s == NULL)
		return MONEY_EMPTY;
	p = s;
	while (*p == ' ' || *p == '\t')
		p++;
	end = p + strlen(p);
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	if (p == end)
		return MONEY_EMPTY;
	if (*p == '-' || *p == '+') {
		neg = *p == '-';
		p++;
	}
	if (p == end)
		return MONEY_SYNTAX;

	rc = decimal_find_mark(p, end, &mark, &group);
	if (rc)
		return rc;
	rc = decimal_parse_int(p, mark ? mark : end, group, &ipart, &big);
	if (rc)
		return rc;
	if (mark != NULL) {
		/* ".5" is 0.50, but "12." and "." are refused: a mark must
		 * be followed by what it marks */
		if (mark + 1 == end)
			return MONEY_SYNTAX;
		for (q = mark + 1; q < end; q++) {
			if (!decimal_is_digit(*q))
				return MONEY_SYNTAX;
			nfrac++;
		}
		if (nfrac > decimals)
			return MONEY_PRECISION;
		for (q = mark + 1; q < end; q++)
			fpart = fpart * 10 + (*q - '0');
	}
	if (big)
		return MONEY_OVERFLOW;
	v = (__int128)ipart * pow10[decimals] + (__int128)fpart * pow10[decimals - nfrac];
	if (v > limit)
		return MONEY_OVERFLOW;
	*out = neg ? -(int64_t)v : (int64_t)v;
	return MONEY_OK;
}

int money_parse(const char *s, int decimals, money_t *out)
{
	return decimal_parse(s, decimals, MONEY_MAX, out);
}

const struct money_style money_style_plain = {
	.decimals = 2, .decimal = ".", .group = "", .grouping = MONEY_GROUP_NONE,
	.symbol = "", .symbol_before = 0, .symbol_space = 0,
};

const struct money_style money_style_fr = {
	.decimals = 2, .decimal = ",", .group = " ", .grouping = MONEY_GROUP_THREE,
	.symbol = "€", .symbol_before = 0, .symbol_space = 1,
};

const struct money_style money_style_in = {
	.decimals = 2, .decimal = ".", .group = ",", .grouping = MONEY_GROUP_INDIAN,
	.symbol = "₹", .symbol_before = 1, .symbol_space = 0,
};

/* An snprintf-like sink: counts everything, stores what fits. */
struct money_sink {
	char *buf;
	size_t size, len;
};

static void money_put(struct money_sink *o, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++, o->len++)
		if (o->len + 1 < o->size)
			o->buf[o->len] = s[i];
}

static void money_puts(struct money_sink *o, const char *s)
{
	if (s)
		money_put(o, s, strlen(s));
}

/* Whether a group separator goes before the last `rem` integer digits. */
static int money_group_here(enum money_grouping g, int rem)
{
	switch (g) {
	case MONEY_GROUP_THREE:
		return rem % 3 == 0;
	case MONEY_GROUP_INDIAN:
		return rem == 3 || (rem > 3 && (rem - 3) % 2 == 0);
	case MONEY_GROUP_NONE:
		break;
	}
	return 0;
}

size_t money_format(char *buf, size_t size, money_t v, const struct money_style *st)
{
	struct money_sink o = { buf, size, 0 };
	char digits[24];
	const char *d;
	uint64_t mag;
	int nd = 0, ni, i, decimals;
	int grouped, has_symbol;

	if (st == NULL)
		st = &money_style_plain;
	decimals = st->decimals < 0 ? 0 : st->decimals > 18 ? 18 : st->decimals;
	/* through unsigned so that INT64_MIN has a magnitude too */
	mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	do {
		digits[sizeof digits - 1 - nd++] = (char)('0' + mag % 10);
		mag /= 10;
	} while (mag);
	while (nd < decimals + 1)
		digits[sizeof digits - 1 - nd++] = '0';
	d = digits + sizeof digits - nd;
	ni = nd - decimals;
	grouped = st->group && *st->group && st->grouping != MONEY_GROUP_NONE;
	has_symbol = st->symbol && *st->symbol;

	if (v < 0)
		money_puts(&o, "-");
	if (has_symbol && st->symbol_before) {
		money_puts(&o, st->symbol);
		if (st->symbol_space)
			money_puts(&o, " ");
	}
	for (i = 0; i < ni; i++) {
		if (grouped && i > 0 && money_group_here(st->grouping, ni - i))
			money_puts(&o, st->group);
		money_put(&o, d + i, 1);
	}
	if (decimals > 0) {
		money_puts(&o, st->decimal ? st->decimal : ".");
		money_put(&o, d + ni, (size_t)decimals);
	}
	if (has_symbol && !st->symbol_before) {
		if (st->symbol_space)
			money_puts(&o, " ");
		money_puts(&o, st->symbol);
	}
	if (size > 0)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return o.len;
}

size_t quantity_format(char *buf, size_t size, int64_t q, int decimals, const char *mark)
{
	struct money_style st = {
		.decimals = decimals, .decimal = mark ? mark : ".", .group = "",
		.grouping = MONEY_GROUP_NONE, .symbol = "",
	};

	return money_format(buf, size, q, &st);
}
