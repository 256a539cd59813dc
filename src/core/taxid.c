/* Tax ids of business customers: GSTIN (format and check character) and
 * EU VAT numbers (each member state's format, the French key), with the
 * normalising of what people type. */
#include <string.h>

#include "i18n-mark.h"
#include "gst.h"
#include "taxid.h"

const char *taxid_strerror(int err)
{
	switch (err) {
	case TAXID_OK:
		return N_("valid");
	case TAXID_EMPTY:
		return N_("empty tax id");
	case TAXID_CHARS:
		return N_("only letters and digits belong in a tax id");
	case TAXID_LENGTH:
		return N_("a GSTIN has 15 characters");
	case TAXID_STATE:
		return N_("a GSTIN starts with a GST state code (01 to 38, 97)");
	case TAXID_PAN:
		return N_("characters 3 to 12 of a GSTIN are a PAN: 5 letters, 4 digits, 1 letter");
	case TAXID_ENTITY:
		return N_("the 13th character of a GSTIN is 1-9 or A-Z");
	case TAXID_NO_Z:
		return N_("the 14th character of a GSTIN is Z");
	case TAXID_CHECK:
		return N_("wrong check character: a character of the GSTIN is mistyped");
	case TAXID_NO_PREFIX:
		return N_("an EU VAT number starts with its country code (FR, DE, ...)");
	case TAXID_GR:
		return N_("Greek VAT numbers start with EL, not GR");
	case TAXID_FORMAT:
		return N_("not the format of VAT numbers of that country");
	case TAXID_FR_KEY:
		return N_("the key (2 digits after FR) does not match the SIREN: a digit is mistyped");
	case TAXID_TOO_LONG:
		return N_("tax id too long");
	default:
		return N_("invalid tax id");
	}
}

static int taxid_is_digit(char c) { return c >= '0' && c <= '9'; }
static int taxid_is_upper(char c) { return c >= 'A' && c <= 'Z'; }

int taxid_normalize(const char *in, char *out, size_t size)
{
	size_t n = 0, chars = 0;
	if (size)
		out[0] = '\0';
	for (const char *p = in; *p; p++) {
		char c = *p;
		if (++chars > TAXID_MAX)
			return TAXID_TOO_LONG;
		if (c == ' ' || c == '.' || c == '-' || c == '/')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (!taxid_is_digit(c) && !taxid_is_upper(c) && c != '+' && c != '*') {
			if (size)
				out[0] = '\0';
			return TAXID_CHARS;
		}
		if (n + 1 >= size) {
			if (size)
				out[0] = '\0';
			return TAXID_TOO_LONG;
		}
		out[n++] = c;
	}
	if (!n)
		return TAXID_EMPTY;
	out[n] = '\0';
	return TAXID_OK;
}

/* Copies a checked id to the caller's out, when there is one. */
static void taxid_copy(char *out, size_t size, const char *id)
{
	if (!out || !size)
		return;
	size_t n = strlen(id);
	if (n >= size)
		n = size - 1;
	memcpy(out, id, n);
	out[n] = '\0';
}

static int taxid_b36(char c)
{
	if (taxid_is_digit(c))
		return c - '0';
	if (taxid_is_upper(c))
		return c - 'A' + 10;
	return -1;
}

char taxid_gstin_check_char(const char *first14)
{
	static const char digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
	int sum = 0;
	for (int i = 0; i < 14; i++) {
		int v = taxid_b36(first14[i]);
		if (v < 0)
			return '\0';
		int p = v * (i % 2 ? 2 : 1);
		sum += p / 36 + p % 36;
	}
	return digits[(36 - sum % 36) % 36];
}

int taxid_gstin_check(const char *gstin, char *out, size_t size)
{
	char g[TAXID_MAX + 1];
	int rc = taxid_normalize(gstin, g, sizeof g);
	if (rc != TAXID_OK)
		return rc;
	if (strlen(g) != 15)
		return TAXID_LENGTH;
	char state[3] = { g[0], g[1], '\0' };
	if (!taxid_is_digit(g[0]) || !taxid_is_digit(g[1]) || !gst_state_name(state))
		return TAXID_STATE;
	for (int i = 2; i < 12; i++) {
		int want_digit = i >= 7 && i <= 10;
		if (want_digit ? !taxid_is_digit(g[i]) : !taxid_is_upper(g[i]))
			return TAXID_PAN;
	}
	if (g[12] == '0' || taxid_b36(g[12]) < 0)
		return TAXID_ENTITY;
	if (g[13] != 'Z')
		return TAXID_NO_Z;
	if (taxid_gstin_check_char(g) != g[14])
		return TAXID_CHECK;
	taxid_copy(out, size, g);
	return TAXID_OK;
}

/* Each member state's formats after the prefix: d a digit, a a letter, x a
 * letter or a digit, s a letter, a digit, '+' or '*'; other characters
 * stand for themselves.  Alternatives are separated by '|'. */
static const struct {
	char prefix[3];
	const char *formats;
} taxid_vat_formats[] = {
	{ "AT", "Udddddddd" },
	{ "BE", "0ddddddddd|1ddddddddd" },
	{ "BG", "ddddddddd|dddddddddd" },
	{ "CY", "dddddddda" },
	{ "CZ", "dddddddd|ddddddddd|dddddddddd" },
	{ "DE", "ddddddddd" },
	{ "DK", "dddddddd" },
	{ "EE", "ddddddddd" },
	{ "EL", "ddddddddd" },
	{ "ES", "adddddddx|xddddddda" },
	{ "FI", "dddddddd" },
	{ "FR", "xxddddddddd" },
	{ "HR", "ddddddddddd" },
	{ "HU", "dddddddd" },
	{ "IE", "ddddddda|dddddddaa|dsddddda" },
	{ "IT", "ddddddddddd" },
	{ "LT", "ddddddddd|dddddddddddd" },
	{ "LU", "dddddddd" },
	{ "LV", "ddddddddddd" },
	{ "MT", "dddddddd" },
	{ "NL", "dddddddddBdd" },
	{ "PL", "dddddddddd" },
	{ "PT", "ddddddddd" },
	{ "RO", "dd|ddd|dddd|ddddd|dddddd|ddddddd|dddddddd|ddddddddd|dddddddddd" },
	{ "SE", "dddddddddddd" },
	{ "SI", "dddddddd" },
	{ "SK", "dddddddddd" },
	{ "XI", "ddddddddd|dddddddddddd|GDddd|HAddd" },
};

#define TAXID_NVAT (sizeof taxid_vat_formats / sizeof taxid_vat_formats[0])

static const char *taxid_vat_formats_of(const char *prefix)
{
	for (size_t i = 0; i < TAXID_NVAT; i++)
		if (prefix[0] == taxid_vat_formats[i].prefix[0] &&
		    prefix[1] == taxid_vat_formats[i].prefix[1])
			return taxid_vat_formats[i].formats;
	return NULL;
}

int taxid_vat_is_eu(const char *prefix)
{
	return prefix && prefix[0] && prefix[1] && taxid_vat_formats_of(prefix) != NULL;
}

/* Whether s matches the format f of length flen exactly. */
static int taxid_match(const char *s, const char *f, size_t flen)
{
	if (strlen(s) != flen)
		return 0;
	for (size_t i = 0; i < flen; i++) {
		char c = s[i];
		switch (f[i]) {
		case 'd':
			if (!taxid_is_digit(c))
				return 0;
			break;
		case 'a':
			if (!taxid_is_upper(c))
				return 0;
			break;
		case 'x':
			if (!taxid_is_digit(c) && !taxid_is_upper(c))
				return 0;
			break;
		case 's':
			if (!taxid_is_digit(c) && !taxid_is_upper(c) && c != '+' && c != '*')
				return 0;
			break;
		default:
			if (c != f[i])
				return 0;
		}
	}
	return 1;
}

static int taxid_match_any(const char *s, const char *formats)
{
	for (const char *f = formats; *f;) {
		size_t n = strcspn(f, "|");
		if (taxid_match(s, f, n))
			return 1;
		f += n + (f[n] == '|');
	}
	return 0;
}

/* France: the key is two characters before the SIREN; when both are digits
 * they are (12 + 3 * (SIREN mod 97)) mod 97.  Letter keys (I and O never
 * used) are issued to some companies and have no public check. */
static int taxid_fr_key(const char *rest)
{
	if (rest[0] == 'I' || rest[0] == 'O' || rest[1] == 'I' || rest[1] == 'O')
		return TAXID_FORMAT;
	if (!taxid_is_digit(rest[0]) || !taxid_is_digit(rest[1]))
		return TAXID_OK;
	unsigned long siren = 0;
	for (int i = 2; i < 11; i++)
		siren = siren * 10 + (unsigned long)(rest[i] - '0');
	unsigned long key = (unsigned long)((rest[0] - '0') * 10 + (rest[1] - '0'));
	return key == (12 + 3 * (siren % 97)) % 97 ? TAXID_OK : TAXID_FR_KEY;
}

int taxid_vat_check(const char *vat, char *out, size_t size)
{
	char v[TAXID_MAX + 1];
	int rc = taxid_normalize(vat, v, sizeof v);
	if (rc != TAXID_OK)
		return rc;
	if (!taxid_is_upper(v[0]) || !taxid_is_upper(v[1]))
		return TAXID_NO_PREFIX;
	if (v[0] == 'G' && v[1] == 'R')
		return TAXID_GR;
	const char *formats = taxid_vat_formats_of(v);
	if (!formats)
		return TAXID_NO_PREFIX;
	if (!taxid_match_any(v + 2, formats))
		return TAXID_FORMAT;
	if (v[0] == 'F' && v[1] == 'R' && (rc = taxid_fr_key(v + 2)) != TAXID_OK)
		return rc;
	taxid_copy(out, size, v);
	return TAXID_OK;
}
