/* Payment QR payloads: the UPI link and the EPC QR code for an amount, and
 * the checks of what names the payee (UPI ID, IBAN with its mod-97 check
 * digits and SEPA country lengths, BIC, name). */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "i18n-mark.h"
#include "payqr.h"
#include "text.h"

const char *payqr_strerror(int err)
{
	switch (err) {
	case PAYQR_OK:
		return N_("no error");
	case PAYQR_BAD_AMOUNT:
		return N_("a payment QR code needs an amount of more than zero");
	case PAYQR_AMOUNT_MAX:
		return N_("the amount is more than this payment QR code may ask for "
		          "(UPI: 100000.00 INR, EPC: 999999999.99 EUR)");
	case PAYQR_BAD_VPA:
		return N_("a UPI ID looks like name@bank: letters, digits, '.', '-' or '_', then '@' "
		          "and the bank's handle");
	case PAYQR_BAD_NAME:
		return N_("the payee name must be 1 to 70 characters, without control characters");
	case PAYQR_BAD_IBAN:
		return N_("an IBAN is two letters, two check digits and up to 30 letters or digits");
	case PAYQR_IBAN_COUNTRY:
		return N_("the IBAN's country is not in the SEPA area");
	case PAYQR_IBAN_LENGTH:
		return N_("the IBAN does not have the length of its country's IBANs");
	case PAYQR_IBAN_CHECK:
		return N_("the IBAN's check digits are wrong (mod 97): a mistyped character?");
	case PAYQR_BAD_BIC:
		return N_("a BIC is 8 or 11 letters and digits: bank (4 letters), country (2), "
		          "place (2), branch (3, optional)");
	case PAYQR_BAD_NOTE:
		return N_("the payment text is too long or has control characters "
		          "(UPI note: 50 characters, EPC text: 140)");
	case PAYQR_BAD_REF:
		return N_("the payment reference must be 1 to 35 letters, digits, '.', '-' or '_'");
	case PAYQR_TOO_LONG:
		return N_("the payment QR code would be too long");
	}
	return N_("unknown error");
}

static int payqr_is_alpha(int c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static int payqr_is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int payqr_is_alnum(int c)
{
	return payqr_is_alpha(c) || payqr_is_digit(c);
}

static char payqr_upper(char c)
{
	return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
}

/* Characters (code points) of valid UTF-8. */
static size_t payqr_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/* UTF-8, at most max characters, no C0/C1 control or DEL; empty allowed. */
static int payqr_text_ok(const char *s, size_t max)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s);
	if (!utf8_valid(s, len) || payqr_chars(s) > max)
		return 0;
	for (; *p; p++) {
		if (*p < 0x20 || *p == 0x7F)
			return 0;
		/* C1 controls: U+0080..U+009F are C2 80..C2 9F in UTF-8 */
		if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
			return 0;
	}
	return 1;
}

int payqr_name_check(const char *name)
{
	if (!name || !payqr_text_ok(name, PAYQR_NAME_MAX))
		return PAYQR_BAD_NAME;
	for (const char *p = name; *p; p++)
		if (*p != ' ')
			return PAYQR_OK;
	return PAYQR_BAD_NAME;
}

int payqr_vpa_check(const char *vpa)
{
	if (!vpa)
		return PAYQR_BAD_VPA;
	size_t len = strlen(vpa);
	const char *at = strchr(vpa, '@');
	if (len == 0 || len > PAYQR_VPA_MAX || !at || at == vpa || !at[1] || strchr(at + 1, '@'))
		return PAYQR_BAD_VPA;
	for (const char *p = vpa; p < at; p++)
		if (!payqr_is_alnum(*p) && *p != '.' && *p != '-' && *p != '_')
			return PAYQR_BAD_VPA;
	for (const char *p = at + 1; *p; p++)
		if (!payqr_is_alnum(*p))
			return PAYQR_BAD_VPA;
	return PAYQR_OK;
}

void payqr_amount_format(money_t amount, char *out, size_t size)
{
	snprintf(out, size, "%" PRId64 ".%02d", amount / 100, (int)(amount % 100));
}

/* Where a payload is being written: stops at the first overflow. */
struct payqr_out {
	char *p;
	size_t size, len;
	int full;
};

static void payqr_put(struct payqr_out *o, const char *s, size_t n)
{
	if (o->full || n >= o->size - o->len) {
		o->full = 1;
		return;
	}
	memcpy(o->p + o->len, s, n);
	o->len += n;
	o->p[o->len] = '\0';
}

static void payqr_puts(struct payqr_out *o, const char *s)
{
	payqr_put(o, s, strlen(s));
}

/* RFC 3986 percent-encoding of a query value: unreserved characters as
 * they are, every other byte (UTF-8 included) as %XX in upper case. */
static void payqr_put_encoded(struct payqr_out *o, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (payqr_is_alnum(*p) || *p == '-' || *p == '.' || *p == '_' || *p == '~') {
			payqr_put(o, (const char *)p, 1);
		} else {
			char e[3] = { '%', hex[*p >> 4], hex[*p & 15] };
			payqr_put(o, e, 3);
		}
	}
}

int payqr_ref_check(const char *ref)
{
	size_t len = strlen(ref);
	if (len == 0 || len > PAYQR_UPI_REF_MAX)
		return PAYQR_BAD_REF;
	for (const char *p = ref; *p; p++)
		if (!payqr_is_alnum(*p) && *p != '.' && *p != '-' && *p != '_')
			return PAYQR_BAD_REF;
	return PAYQR_OK;
}

static int payqr_start(char *out, size_t size, struct payqr_out *o)
{
	if (!out || size == 0)
		return PAYQR_TOO_LONG;
	out[0] = '\0';
	o->p = out;
	o->size = size;
	o->len = 0;
	o->full = 0;
	return PAYQR_OK;
}

int payqr_upi(const struct payqr_upi *in, money_t amount, char *out, size_t size)
{
	struct payqr_out o;
	char am[32];
	if (payqr_start(out, size, &o) != PAYQR_OK)
		return PAYQR_TOO_LONG;
	if (amount <= 0)
		return PAYQR_BAD_AMOUNT;
	if (amount > PAYQR_UPI_MAX)
		return PAYQR_AMOUNT_MAX;
	if (payqr_vpa_check(in->vpa) != PAYQR_OK)
		return PAYQR_BAD_VPA;
	if (payqr_name_check(in->name) != PAYQR_OK)
		return PAYQR_BAD_NAME;
	int note = in->note && in->note[0];
	int ref = in->ref && in->ref[0];
	if (note && !payqr_text_ok(in->note, PAYQR_UPI_NOTE_MAX))
		return PAYQR_BAD_NOTE;
	if (ref && payqr_ref_check(in->ref) != PAYQR_OK)
		return PAYQR_BAD_REF;
	payqr_amount_format(amount, am, sizeof am);
	payqr_puts(&o, "upi://pay?pa=");
	payqr_puts(&o, in->vpa);   /* checked: nothing in it needs encoding */
	payqr_puts(&o, "&pn=");
	payqr_put_encoded(&o, in->name);
	payqr_puts(&o, "&am=");
	payqr_puts(&o, am);
	payqr_puts(&o, "&cu=INR");
	if (note) {
		payqr_puts(&o, "&tn=");
		payqr_put_encoded(&o, in->note);
	}
	if (ref) {
		payqr_puts(&o, "&tr=");
		payqr_put_encoded(&o, in->ref);
	}
	if (o.full) {
		out[0] = '\0';
		return PAYQR_TOO_LONG;
	}
	return PAYQR_OK;
}

/* The IBAN lengths of the countries in the SEPA schemes' scope (ISO 13616
 * registry). Territories that use another country's IBAN (French overseas
 * departments, Åland, the Channel Islands) are covered by it. */
static const struct {
	char cc[3];
	unsigned char len;
} payqr_sepa[] = {
	{ "AD", 24 }, { "AL", 28 }, { "AT", 20 }, { "BE", 16 }, { "BG", 22 }, { "CH", 21 },
	{ "CY", 28 }, { "CZ", 24 }, { "DE", 22 }, { "DK", 18 }, { "EE", 20 }, { "ES", 24 },
	{ "FI", 18 }, { "FR", 27 }, { "GB", 22 }, { "GI", 23 }, { "GR", 27 }, { "HR", 21 },
	{ "HU", 28 }, { "IE", 22 }, { "IS", 26 }, { "IT", 27 }, { "LI", 21 }, { "LT", 20 },
	{ "LU", 20 }, { "LV", 21 }, { "MC", 27 }, { "MD", 24 }, { "ME", 22 }, { "MK", 19 },
	{ "MT", 31 }, { "NL", 18 }, { "NO", 15 }, { "PL", 28 }, { "PT", 25 }, { "RO", 24 },
	{ "RS", 22 }, { "SE", 24 }, { "SI", 19 }, { "SK", 24 }, { "SM", 27 }, { "VA", 22 },
};

/* ISO 7064 mod 97-10 over the IBAN with its first four characters moved to
 * the end and each letter read as two digits (A = 10 ... Z = 35). */
static int payqr_iban_mod97(const char *iban)
{
	size_t len = strlen(iban);
	unsigned rem = 0;
	for (size_t i = 0; i < len; i++) {
		char c = iban[(i + 4) % len];
		if (payqr_is_digit(c))
			rem = (rem * 10 + (unsigned)(c - '0')) % 97;
		else
			rem = (rem * 100 + (unsigned)(c - 'A' + 10)) % 97;
	}
	return (int)rem;
}

int payqr_iban_normalize(const char *in, char *out, size_t size)
{
	char buf[PAYQR_IBAN_MAX + 1];
	size_t n = 0;
	if (out && size)
		out[0] = '\0';
	if (!in || !out || size < PAYQR_IBAN_MAX + 1)
		return PAYQR_BAD_IBAN;
	for (const char *p = in; *p; p++) {
		if (*p == ' ')
			continue;
		if (!payqr_is_alnum(*p) || n >= PAYQR_IBAN_MAX)
			return PAYQR_BAD_IBAN;
		buf[n++] = payqr_upper(*p);
	}
	buf[n] = '\0';
	if (n < 5 || !payqr_is_alpha(buf[0]) || !payqr_is_alpha(buf[1]) || !payqr_is_digit(buf[2]) ||
	    !payqr_is_digit(buf[3]))
		return PAYQR_BAD_IBAN;
	size_t i, count = sizeof payqr_sepa / sizeof payqr_sepa[0];
	for (i = 0; i < count; i++)
		if (buf[0] == payqr_sepa[i].cc[0] && buf[1] == payqr_sepa[i].cc[1])
			break;
	if (i == count)
		return PAYQR_IBAN_COUNTRY;
	if (n != payqr_sepa[i].len)
		return PAYQR_IBAN_LENGTH;
	if (payqr_iban_mod97(buf) != 1)
		return PAYQR_IBAN_CHECK;
	memcpy(out, buf, n + 1);
	return PAYQR_OK;
}

void payqr_iban_group(const char *iban, char *out, size_t size)
{
	size_t o = 0;
	if (!size)
		return;
	for (size_t i = 0; iban[i] && o + 2 < size; i++) {
		if (i && i % 4 == 0)
			out[o++] = ' ';
		out[o++] = iban[i];
	}
	out[o] = '\0';
}

int payqr_bic_normalize(const char *in, char *out, size_t size)
{
	char buf[PAYQR_BIC_MAX + 1];
	size_t n = 0;
	if (out && size)
		out[0] = '\0';
	if (!in || !out || size < PAYQR_BIC_MAX + 1)
		return PAYQR_BAD_BIC;
	for (const char *p = in; *p; p++) {
		if (*p == ' ')
			continue;
		if (!payqr_is_alnum(*p) || n >= PAYQR_BIC_MAX)
			return PAYQR_BAD_BIC;
		buf[n++] = payqr_upper(*p);
	}
	buf[n] = '\0';
	if (n != 8 && n != 11)
		return PAYQR_BAD_BIC;
	for (size_t i = 0; i < 6; i++)
		if (!payqr_is_alpha(buf[i]))
			return PAYQR_BAD_BIC;
	memcpy(out, buf, n + 1);
	return PAYQR_OK;
}

int payqr_epc(const struct payqr_epc *in, money_t amount, char *out, size_t size)
{
	struct payqr_out o;
	char am[32], iban[PAYQR_IBAN_MAX + 1], bic[PAYQR_BIC_MAX + 1] = "";
	int rc;
	if (payqr_start(out, size, &o) != PAYQR_OK)
		return PAYQR_TOO_LONG;
	if (amount <= 0)
		return PAYQR_BAD_AMOUNT;
	if (amount > PAYQR_EPC_MAX)
		return PAYQR_AMOUNT_MAX;
	if (payqr_name_check(in->name) != PAYQR_OK)
		return PAYQR_BAD_NAME;
	if ((rc = payqr_iban_normalize(in->iban, iban, sizeof iban)) != PAYQR_OK)
		return rc;
	if (in->bic && in->bic[0] && payqr_bic_normalize(in->bic, bic, sizeof bic) != PAYQR_OK)
		return PAYQR_BAD_BIC;
	int text = in->text && in->text[0];
	if (text && !payqr_text_ok(in->text, PAYQR_EPC_TEXT_MAX))
		return PAYQR_BAD_NOTE;
	payqr_amount_format(amount, am, sizeof am);
	/* Service tag, version, character set (1: UTF-8), identification. */
	payqr_puts(&o, "BCD\n002\n1\nSCT\n");
	payqr_puts(&o, bic);
	payqr_puts(&o, "\n");
	payqr_puts(&o, in->name);
	payqr_puts(&o, "\n");
	payqr_puts(&o, iban);
	payqr_puts(&o, "\nEUR");
	payqr_puts(&o, am);
	if (text) {
		/* purpose and structured reference left empty */
		payqr_puts(&o, "\n\n\n");
		payqr_puts(&o, in->text);
	}
	if (o.full || o.len > PAYQR_EPC_BYTES) {
		out[0] = '\0';
		return PAYQR_TOO_LONG;
	}
	return PAYQR_OK;
}
