/* Retail barcodes: GS1 check digits, telling EAN-13, EAN-8, UPC-A and UPC-E
 * apart, the one stored form of each, and the in-store codes (prefixes
 * 20-29) that carry a price or a weight after the item's own digits. */
#include <string.h>

#include "i18n-mark.h"
#include "barcode.h"

const struct instore_layout barcode_instore_default[2] = {
	{ .prefix_lo = 20, .prefix_hi = 24, .item_len = 5, .value_len = 5, .kind = INSTORE_PRICE },
	{ .prefix_lo = 25, .prefix_hi = 29, .item_len = 5, .value_len = 5, .kind = INSTORE_WEIGHT },
};

const char *barcode_strerror(int err)
{
	switch (err) {
	case BARCODE_OK:
		return N_("no error");
	case BARCODE_BAD_CHECK:
		return N_("wrong check digit: scan or type the code again");
	case BARCODE_NOT_INSTORE:
		return N_("not an in-store price or weight code");
	case BARCODE_BAD_LAYOUT:
		return N_("bad in-store code layout (expected e.g. 20-24:price:5,25-29:weight:5)");
	}
	return N_("unknown error");
}

static int barcode_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* Weights 3, 1, 3, ... from the rightmost data digit leftwards, so that
 * EAN-8, UPC-A (a 12-digit EAN-13 with its leading 0 dropped) and EAN-13
 * share one rule. */
int barcode_check_digit(const char *s, size_t n)
{
	unsigned sum = 0;
	size_t i;

	if (!barcode_digits(s, n))
		return -1;
	for (i = 0; i < n; i++)
		sum = (sum + (unsigned)(s[n - 1 - i] - '0') * (i % 2 == 0 ? 3 : 1)) % 10;
	return (int)((10 - sum) % 10);
}

/* Whether the last of the n digits at s is the check digit of the others. */
static int barcode_check_ok(const char *s, size_t n)
{
	return barcode_check_digit(s, n - 1) == s[n - 1] - '0';
}

/* UPC-E keeps six of the UPC-A's ten manufacturer and product digits; the
 * last of the six says where the zeros were squeezed out. */
int barcode_upce_to_upca(const char *upce, char upca[13])
{
	const char *d;

	upca[0] = '\0';
	if (strnlen(upce, 9) != 8 || !barcode_digits(upce, 8) || (upce[0] != '0' && upce[0] != '1'))
		return BARCODE_BAD_CHECK;
	d = upce + 1;
	upca[0] = upce[0];
	switch (d[5]) {
	case '0':
	case '1':
	case '2':
		/* manufacturer d1 d2 d6 0 0, product 0 0 d3 d4 d5 */
		upca[1] = d[0];
		upca[2] = d[1];
		upca[3] = d[5];
		memcpy(upca + 4, "0000", 4);
		memcpy(upca + 8, d + 2, 3);
		break;
	case '3':
		/* manufacturer d1 d2 d3 0 0, product 0 0 0 d4 d5 */
		memcpy(upca + 1, d, 3);
		memcpy(upca + 4, "00000", 5);
		memcpy(upca + 9, d + 3, 2);
		break;
	case '4':
		/* manufacturer d1 d2 d3 d4 0, product 0 0 0 0 d5 */
		memcpy(upca + 1, d, 4);
		memcpy(upca + 5, "00000", 5);
		upca[10] = d[4];
		break;
	default:
		/* manufacturer d1..d5, product 0 0 0 0 d6 */
		memcpy(upca + 1, d, 5);
		memcpy(upca + 6, "0000", 4);
		upca[10] = d[5];
		break;
	}
	upca[11] = upce[7];
	upca[12] = '\0';
	if (!barcode_check_ok(upca, 12)) {
		upca[0] = '\0';
		return BARCODE_BAD_CHECK;
	}
	return BARCODE_OK;
}

int barcode_classify(const char *code, enum barcode_kind *kind)
{
	char upca[13];
	size_t n = strnlen(code, 14);

	*kind = BARCODE_NONE;
	if (!barcode_digits(code, n))
		return BARCODE_OK;
	switch (n) {
	case 13:
		*kind = BARCODE_EAN13;
		break;
	case 12:
		*kind = BARCODE_UPCA;
		break;
	case 8:
		*kind = BARCODE_EAN8;
		if (barcode_check_ok(code, 8))
			return BARCODE_OK;
		/* an 8-digit code valid both ways is read as EAN-8: that is
		 * how GS1 numbers are issued outside North America */
		if (barcode_upce_to_upca(code, upca) == BARCODE_OK) {
			*kind = BARCODE_UPCE;
			return BARCODE_OK;
		}
		return BARCODE_BAD_CHECK;
	default:
		return BARCODE_OK;
	}
	return barcode_check_ok(code, n) ? BARCODE_OK : BARCODE_BAD_CHECK;
}

int barcode_normalize(const char *code, char out[14], enum barcode_kind *kind)
{
	char upca[13];
	size_t n = strnlen(code, 13);
	int rc;

	memcpy(out, code, n);
	out[n] = '\0';
	rc = barcode_classify(code, kind);
	if (rc)
		return rc;
	switch (*kind) {
	case BARCODE_UPCA:
		out[0] = '0';
		memcpy(out + 1, code, 12);
		out[13] = '\0';
		break;
	case BARCODE_UPCE:
		barcode_upce_to_upca(code, upca);
		out[0] = '0';
		memcpy(out + 1, upca, 12);
		out[13] = '\0';
		break;
	case BARCODE_NONE:
	case BARCODE_EAN13:
	case BARCODE_EAN8:
		break;
	}
	return BARCODE_OK;
}

static int barcode_layout_ok(const struct instore_layout *l)
{
	return l->prefix_lo >= 20 && l->prefix_lo <= l->prefix_hi && l->prefix_hi <= 29 &&
	       l->item_len >= 1 && l->value_len >= 1 && 2 + l->item_len + l->value_len == 12 &&
	       (l->kind == INSTORE_PRICE || l->kind == INSTORE_WEIGHT);
}

/* One or two digits at *p into *v. */
static int barcode_spec_number(const char **p, int *v)
{
	int n = 0;

	*v = 0;
	while (**p >= '0' && **p <= '9' && n < 3) {
		*v = *v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n >= 1 && n <= 2;
}

static int barcode_spec_word(const char **p, const char *word)
{
	size_t n = strlen(word);

	if (strncmp(*p, word, n) != 0)
		return 0;
	*p += n;
	return 1;
}

static void barcode_spec_blanks(const char **p)
{
	while (**p == ' ' || **p == '\t')
		(*p)++;
}

/* One "LO[-HI]:KIND:ITEM" entry. */
static int barcode_spec_entry(const char **p, struct instore_layout *l)
{
	if (!barcode_spec_number(p, &l->prefix_lo))
		return 0;
	l->prefix_hi = l->prefix_lo;
	if (**p == '-') {
		(*p)++;
		if (!barcode_spec_number(p, &l->prefix_hi))
			return 0;
	}
	if (*(*p)++ != ':')
		return 0;
	if (barcode_spec_word(p, "price"))
		l->kind = INSTORE_PRICE;
	else if (barcode_spec_word(p, "weight"))
		l->kind = INSTORE_WEIGHT;
	else
		return 0;
	if (*(*p)++ != ':')
		return 0;
	if (!barcode_spec_number(p, &l->item_len))
		return 0;
	l->value_len = 10 - l->item_len;
	return barcode_layout_ok(l);
}

/* Entries may not overlap: a prefix read two ways would make a price of a
 * weight on some scans. An empty spec is no layouts at all. */
int barcode_instore_layouts_parse(const char *spec, struct instore_layout *out, size_t max)
{
	struct instore_layout l;
	const char *p = spec;
	size_t n = 0, i;

	barcode_spec_blanks(&p);
	if (*p == '\0')
		return 0;
	for (;;) {
		barcode_spec_blanks(&p);
		if (!barcode_spec_entry(&p, &l) || n >= max)
			return BARCODE_BAD_LAYOUT;
		for (i = 0; i < n; i++)
			if (l.prefix_lo <= out[i].prefix_hi && out[i].prefix_lo <= l.prefix_hi)
				return BARCODE_BAD_LAYOUT;
		out[n++] = l;
		barcode_spec_blanks(&p);
		if (*p == '\0')
			break;
		if (*p++ != ',')
			return BARCODE_BAD_LAYOUT;
	}
	return (int)n;
}

int barcode_instore_parse(const char *ean13, const struct instore_layout *layouts,
                          size_t n, struct instore_code *out)
{
	const struct instore_layout *l = NULL;
	int prefix, check;
	size_t i, keylen;
	int64_t v = 0;

	if (strnlen(ean13, 14) != 13 || !barcode_digits(ean13, 13) || ean13[0] != '2')
		return BARCODE_NOT_INSTORE;
	if (!barcode_check_ok(ean13, 13))
		return BARCODE_BAD_CHECK;
	prefix = (ean13[0] - '0') * 10 + (ean13[1] - '0');
	for (i = 0; i < n && l == NULL; i++)
		if (barcode_layout_ok(&layouts[i]) &&
		    layouts[i].prefix_lo <= prefix && prefix <= layouts[i].prefix_hi)
			l = &layouts[i];
	if (l == NULL)
		return BARCODE_NOT_INSTORE;
	keylen = 2 + (size_t)l->item_len;
	for (i = keylen; i < 12; i++)
		v = v * 10 + (ean13[i] - '0');
	memcpy(out->key, ean13, keylen);
	memset(out->key + keylen, '0', 12 - keylen);
	check = barcode_check_digit(out->key, 12);
	out->key[12] = (char)('0' + check);
	out->key[13] = '\0';
	out->kind = l->kind;
	out->value = v;
	return BARCODE_OK;
}

/* key needs only its prefix and item digits: a stored key (value zeroed)
 * or a bare "2012345" both do. */
int barcode_instore_make(const char *key, int64_t value, const struct instore_layout *l,
                         char out[14])
{
	size_t keylen, i;
	int prefix;
	int64_t v;

	if (!barcode_layout_ok(l))
		return BARCODE_BAD_LAYOUT;
	keylen = 2 + (size_t)l->item_len;
	if (strnlen(key, keylen) < keylen || !barcode_digits(key, keylen))
		return BARCODE_BAD_LAYOUT;
	prefix = (key[0] - '0') * 10 + (key[1] - '0');
	if (prefix < l->prefix_lo || prefix > l->prefix_hi)
		return BARCODE_BAD_LAYOUT;
	if (value < 0)
		return BARCODE_BAD_LAYOUT;
	memcpy(out, key, keylen);
	v = value;
	for (i = 12; i > keylen; i--) {
		out[i - 1] = (char)('0' + v % 10);
		v /= 10;
	}
	if (v != 0) {
		out[0] = '\0';
		return BARCODE_BAD_LAYOUT;
	}
	out[12] = (char)('0' + barcode_check_digit(out, 12));
	out[13] = '\0';
	return BARCODE_OK;
}
