/* India's GST: the state code table (36 states and Union Territories, and
 * 97 for the other territory), reading what people type for a state, and
 * the exact split of a line's tax by the place of supply. */
#include <string.h>

#include "i18n-mark.h"
#include "gst.h"

struct gst_state {
	char code[3];
	const char *name;
	int utgst;  /* a Union Territory without a legislature: UTGST Act */
};

/* The codes that begin every GSTIN.  25 (Daman and Diu) and 28 (Andhra
 * Pradesh before its division) are no longer places of supply. */
static const struct gst_state gst_states[] = {
	{ "01", "Jammu and Kashmir", 0 },
	{ "02", "Himachal Pradesh", 0 },
	{ "03", "Punjab", 0 },
	{ "04", "Chandigarh", 1 },
	{ "05", "Uttarakhand", 0 },
	{ "06", "Haryana", 0 },
	{ "07", "Delhi", 0 },
	{ "08", "Rajasthan", 0 },
	{ "09", "Uttar Pradesh", 0 },
	{ "10", "Bihar", 0 },
	{ "11", "Sikkim", 0 },
	{ "12", "Arunachal Pradesh", 0 },
	{ "13", "Nagaland", 0 },
	{ "14", "Manipur", 0 },
	{ "15", "Mizoram", 0 },
	{ "16", "Tripura", 0 },
	{ "17", "Meghalaya", 0 },
	{ "18", "Assam", 0 },
	{ "19", "West Bengal", 0 },
	{ "20", "Jharkhand", 0 },
	{ "21", "Odisha", 0 },
	{ "22", "Chhattisgarh", 0 },
	{ "23", "Madhya Pradesh", 0 },
	{ "24", "Gujarat", 0 },
	{ "26", "Dadra and Nagar Haveli and Daman and Diu", 1 },
	{ "27", "Maharashtra", 0 },
	{ "29", "Karnataka", 0 },
	{ "30", "Goa", 0 },
	{ "31", "Lakshadweep", 1 },
	{ "32", "Kerala", 0 },
	{ "33", "Tamil Nadu", 0 },
	{ "34", "Puducherry", 0 },
	{ "35", "Andaman and Nicobar Islands", 1 },
	{ "36", "Telangana", 0 },
	{ "37", "Andhra Pradesh", 0 },
	{ "38", "Ladakh", 1 },
	{ "97", "Other Territory", 1 },
};

#define GST_NSTATES (sizeof gst_states / sizeof gst_states[0])

/* Other spellings, already in the form gst_fold() makes: two-letter
 * abbreviations (ISO 3166-2:IN and vehicle plates; no two states share
 * one), older names, and parts of merged territories. */
static const struct {
	const char *key;
	char code[3];
} gst_aliases[] = {
	{ "jk", "01" }, { "hp", "02" }, { "pb", "03" }, { "ch", "04" },
	{ "ut", "05" }, { "uk", "05" }, { "uttaranchal", "05" },
	{ "hr", "06" }, { "dl", "07" }, { "newdelhi", "07" }, { "nctofdelhi", "07" },
	{ "rj", "08" }, { "up", "09" }, { "br", "10" }, { "sk", "11" },
	{ "ar", "12" }, { "nl", "13" }, { "mn", "14" }, { "mz", "15" },
	{ "tr", "16" }, { "ml", "17" }, { "as", "18" }, { "wb", "19" },
	{ "jh", "20" }, { "or", "21" }, { "od", "21" }, { "orissa", "21" },
	{ "ct", "22" }, { "cg", "22" }, { "mp", "23" }, { "gj", "24" },
	{ "dh", "26" }, { "dd", "26" }, { "dn", "26" },
	{ "damananddiu", "26" }, { "dadraandnagarhaveli", "26" },
	{ "mh", "27" }, { "ka", "29" }, { "ga", "30" }, { "ld", "31" },
	{ "kl", "32" }, { "tn", "33" }, { "py", "34" }, { "pondicherry", "34" },
	{ "an", "35" }, { "andamanandnicobar", "35" },
	{ "tg", "36" }, { "ts", "36" }, { "ap", "37" }, { "la", "38" },
};

/* Long enough for the longest name folded, with room to tell a longer
 * input apart. */
#define GST_FOLD_MAX 64

const char *gst_strerror(int err)
{
	switch (err) {
	case GST_OK:
		return N_("no error");
	case GST_NO_SELLER_STATE:
		return N_("the shop's state for GST is not set or not known");
	case GST_UNKNOWN_STATE:
		return N_("not an Indian state or GST state code");
	case GST_OVERFLOW:
		return N_("amount too large");
	}
	return N_("unknown error");
}

static const struct gst_state *gst_by_code(const char *code)
{
	size_t i;

	for (i = 0; i < GST_NSTATES; i++)
		if (strcmp(gst_states[i].code, code) == 0)
			return &gst_states[i];
	return NULL;
}

/* Lower-case letters only, '&' spelt "and", blanks, '.' and '-' dropped:
 * "Jammu & Kashmir", "jammu-and-kashmir" and "T.N." meet their table
 * entries.  Anything else (digits, brackets) fails, so that "27 MH" is not
 * quietly read as "MH".  Returns 0 on success. */
static int gst_fold(const char *s, char out[GST_FOLD_MAX])
{
	size_t n = 0;
	const char *add;

	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t' || *s == '.' || *s == '-')
			continue;
		if (*s == '&')
			add = "and";
		else if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z'))
			add = NULL;
		else
			return -1;
		if (n + (add ? 3 : 1) >= GST_FOLD_MAX)
			return -1;
		if (add) {
			memcpy(out + n, add, 3);
			n += 3;
		} else {
			out[n++] = (char)(*s | 0x20);
		}
	}
	out[n] = '\0';
	return n == 0 ? -1 : 0;
}

/* Trims the blanks around a two-character code so that " 27 " is "27". */
static int gst_digits2(const char *s, char out[3])
{
	while (*s == ' ' || *s == '\t')
		s++;
	if (!(s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9'))
		return 0;
	out[0] = s[0];
	out[1] = s[1];
	out[2] = '\0';
	for (s += 2; *s == ' ' || *s == '\t'; s++)
		;
	return *s == '\0';
}

int gst_state_code(const char *name_or_code, char out[3])
{
	char fold[GST_FOLD_MAX], name[GST_FOLD_MAX], code[3];
	size_t i;

	out[0] = '\0';
	if (name_or_code == NULL)
		return GST_UNKNOWN_STATE;
	if (gst_digits2(name_or_code, code)) {
		/* Daman and Diu joined Dadra and Nagar Haveli in January 2020 */
		if (strcmp(code, "25") == 0)
			memcpy(code, "26", 3);
		if (gst_by_code(code) == NULL)
			return GST_UNKNOWN_STATE;
		memcpy(out, code, 3);
		return GST_OK;
	}
	if (gst_fold(name_or_code, fold) != 0)
		return GST_UNKNOWN_STATE;
	for (i = 0; i < GST_NSTATES; i++)
		if (gst_fold(gst_states[i].name, name) == 0 && strcmp(fold, name) == 0) {
			memcpy(out, gst_states[i].code, 3);
			return GST_OK;
		}
	for (i = 0; i < sizeof gst_aliases / sizeof gst_aliases[0]; i++)
		if (strcmp(fold, gst_aliases[i].key) == 0) {
			memcpy(out, gst_aliases[i].code, 3);
			return GST_OK;
		}
	return GST_UNKNOWN_STATE;
}

const char *gst_state_name(const char *code)
{
	const struct gst_state *st;

	if (code == NULL)
		return NULL;
	st = gst_by_code(code);
	return st ? st->name : NULL;
}

static int gst_blank(const char *s)
{
	if (s == NULL)
		return 1;
	while (*s == ' ' || *s == '\t')
		s++;
	return *s == '\0';
}

/* The place of supply decides: over the counter it is the shop's state; a
 * customer with a state is taken to receive the goods there. */
int gst_split_tax(money_t tax, const char *seller_state, const char *buyer_state,
                  struct gst_split *out)
{
	char seller[3], buyer[3];

	if (tax > MONEY_MAX || tax < -MONEY_MAX)
		return GST_OVERFLOW;
	if (gst_blank(seller_state) || gst_state_code(seller_state, seller) != GST_OK)
		return GST_NO_SELLER_STATE;
	if (gst_blank(buyer_state))
		memcpy(buyer, seller, 3);
	else if (gst_state_code(buyer_state, buyer) != GST_OK)
		return GST_UNKNOWN_STATE;
	memcpy(out->place, buyer, 3);
	if (strcmp(seller, buyer) != 0) {
		out->cgst = 0;
		out->sgst = 0;
		out->igst = tax;
		out->utgst = 0;
		return GST_OK;
	}
	/* tax/2 half away from zero: C division truncates towards zero, so
	 * adding the sign first rounds the .5 outwards, symmetric for
	 * returns; the state's half is what is left, so the sum is exact */
	out->cgst = (tax + (tax < 0 ? -1 : 1)) / 2;
	out->sgst = tax - out->cgst;
	out->igst = 0;
	out->utgst = gst_by_code(seller)->utgst;
	return GST_OK;
}
