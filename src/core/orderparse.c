/* Reading pasted order lines: each line cleaned, tried as two CSV fields,
 * then as words (a quantity, a code, an optional 'x' and unit); whatever is
 * not understood keeps its line number and text for the caller to list. */
#include <string.h>

#include "i18n-mark.h"
#include "orderparse.h"
#include "text.h"

const char *orderparse_strerror(int status)
{
	switch (status) {
	case ORDERPARSE_OK:
		return N_("understood");
	case ORDERPARSE_BLANK:
		return N_("blank line");
	case ORDERPARSE_UNKNOWN:
		return N_("not understood: expected a quantity and a code, such as 10 x CODE");
	case ORDERPARSE_TOO_LONG:
		return N_("line too long");
	case ORDERPARSE_AMBIGUOUS:
		return N_("two numbers: which one is the code? Write 10 x CODE");
	case ORDERPARSE_BAD_UTF8:
		return N_("not valid UTF-8 text");
	default:
		return N_("not understood");
	}
}

#define OP_TOKENS 8

enum op_kind { OP_QTY, OP_CODE, OP_SEP, OP_UNIT, OP_OTHER };

struct op_token {
	enum op_kind kind;
	const char *s;
	size_t n;
};

static int op_digit(char c) { return c >= '0' && c <= '9'; }

/* Length of the quantity at the start of s[0..n) ("10", "1,5", "0.250"),
 * 0 when there is none; the quantity is written to qty when not NULL. */
static size_t op_qty(const char *s, size_t n, char *qty)
{
	size_t i = 0, q = 0;
	while (i < n && op_digit(s[i]))
		i++;
	if (i == 0 || i > ORDERPARSE_QTY_DIGITS)
		return 0;
	size_t whole = i;
	if (i < n && (s[i] == ',' || s[i] == '.') && i + 1 < n && op_digit(s[i + 1])) {
		size_t j = i + 1;
		while (j < n && op_digit(s[j]))
			j++;
		if (j - i - 1 > 3)
			return 0;
		i = j;
	}
	if (qty) {
		for (size_t k = 0; k < i; k++)
			qty[q++] = k == whole ? '.' : s[k];
		qty[q] = '\0';
	}
	return i;
}

static int op_ieq(const char *s, size_t n, const char *word)
{
	size_t w = strlen(word);
	if (n != w)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != word[i])
			return 0;
	}
	return 1;
}

static int op_unit(const char *s, size_t n)
{
	static const char *const units[] = { "kg", "pc", "pcs", "u", "unit", "units" };
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
		if (op_ieq(s, n, units[i]))
			return 1;
	return 0;
}

static int op_is_sep(const char *s, size_t n)
{
	return (n == 1 && (s[0] == 'x' || s[0] == 'X' || s[0] == '*')) ||
	       (n == 2 && (unsigned char)s[0] == 0xc3 && (unsigned char)s[1] == 0x97);
}

/* A code: ASCII letters, digits and - _ . / + #, at least one letter or
 * digit, not a quantity unless it has 8 digits or more (a barcode). */
static int op_is_code(const char *s, size_t n)
{
	if (n == 0 || n > ORDERPARSE_CODE_MAX)
		return 0;
	int alnum = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (op_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
			alnum = 1;
		else if (!strchr("-_./+#", c))
			return 0;
	}
	return alnum && op_qty(s, n, NULL) != n;
}

static enum op_kind op_classify(const char *s, size_t n)
{
	if (op_is_sep(s, n))
		return OP_SEP;
	if (op_qty(s, n, NULL) == n)
		return OP_QTY;
	if (op_unit(s, n))
		return OP_UNIT;
	return op_is_code(s, n) ? OP_CODE : OP_OTHER;
}

static int op_push(struct op_token *t, size_t *nt, enum op_kind k, const char *s, size_t n)
{
	if (*nt == OP_TOKENS)
		return -1;
	t[(*nt)++] = (struct op_token){ k, s, n };
	return 0;
}

/* Splits a word glued to a separator or a unit: "10x", "x10", "CODE*10",
 * "10*CODE", "1,5kg".  Returns 0 when it did, -1 when the word is whole. */
static int op_split_glued(const char *s, size_t n, struct op_token *t, size_t *nt)
{
	size_t q = op_qty(s, n, NULL);
	if (q && q < n) {
		const char *r = s + q;
		size_t rn = n - q;
		if (op_is_sep(r, rn))
			return op_push(t, nt, OP_QTY, s, q) || op_push(t, nt, OP_SEP, r, rn);
		if (op_unit(r, rn))
			return op_push(t, nt, OP_QTY, s, q) || op_push(t, nt, OP_UNIT, r, rn);
	}
	size_t sep = (n > 1 && (s[0] == 'x' || s[0] == 'X' || s[0] == '*')) ? 1
	             : (n > 2 && (unsigned char)s[0] == 0xc3 && (unsigned char)s[1] == 0x97) ? 2
	                                                                                     : 0;
	if (sep && op_qty(s + sep, n - sep, NULL) == n - sep)
		return op_push(t, nt, OP_SEP, s, sep) || op_push(t, nt, OP_QTY, s + sep, n - sep);
	const char *star = memchr(s, '*', n);
	if (star && star > s && star < s + n - 1) {
		size_t a = (size_t)(star - s), b = n - a - 1;
		return op_push(t, nt, op_classify(s, a), s, a) || op_push(t, nt, OP_SEP, star, 1) ||
		       op_push(t, nt, op_classify(star + 1, b), star + 1, b);
	}
	return -1;
}

/* Tokens in order: QTY [UNIT] [SEP] CODE or CODE [SEP] QTY [UNIT]. */
static int op_pair(struct op_token *t, size_t nt, struct orderparse_line *out)
{
	struct op_token keep[OP_TOKENS];
	size_t nk = 0, nsep = 0;
	for (size_t i = 0; i < nt; i++) {
		if (t[i].kind == OP_UNIT && i > 0 && t[i - 1].kind == OP_QTY)
			continue;
		if (t[i].kind == OP_SEP) {
			if (i == 0 || i == nt - 1 || nsep++)
				return ORDERPARSE_UNKNOWN;
			continue;
		}
		keep[nk++] = t[i];
	}
	if (nk != 2)
		return ORDERPARSE_UNKNOWN;
	int q;
	if (keep[0].kind == OP_QTY && keep[1].kind == OP_CODE)
		q = 0;
	else if (keep[0].kind == OP_CODE && keep[1].kind == OP_QTY)
		q = 1;
	else if (keep[0].kind == OP_QTY && keep[1].kind == OP_QTY)
		return ORDERPARSE_AMBIGUOUS;
	else
		return ORDERPARSE_UNKNOWN;
	op_qty(keep[q].s, keep[q].n, out->qty);
	memcpy(out->code, keep[!q].s, keep[!q].n);
	out->code[keep[!q].n] = '\0';
	return ORDERPARSE_OK;
}

static int op_words(const char *s, struct orderparse_line *out, int glued)
{
	struct op_token t[OP_TOKENS];
	size_t nt = 0;
	while (*s) {
		while (*s == ' ')
			s++;
		if (!*s)
			break;
		size_t n = strcspn(s, " ");
		if (!glued || op_split_glued(s, n, t, &nt) != 0) {
			if (nt == OP_TOKENS)
				return ORDERPARSE_UNKNOWN;
			op_push(t, &nt, op_classify(s, n), s, n);
		}
		s += n;
	}
	return op_pair(t, nt, out);
}

/* One CSV field of s (quoted with "" or not), blanks around it trimmed,
 * into f; returns where the next one starts, or NULL after the last. */
static const char *op_field(const char *s, char sep, char *f, size_t size, size_t *fn)
{
	size_t n = 0;
	while (*s == ' ')
		s++;
	if (*s == '"') {
		for (s++; *s && !(*s == '"' && s[1] != '"'); s++) {
			if (*s == '"')
				s++;
			if (n + 1 < size)
				f[n++] = *s;
		}
		if (*s == '"')
			s++;
		while (*s == ' ')
			s++;
	} else {
		for (; *s && *s != sep; s++)
			if (n + 1 < size)
				f[n++] = *s;
		while (n && f[n - 1] == ' ')
			n--;
	}
	f[n] = '\0';
	*fn = n;
	if (*s != sep)
		return NULL;
	return s + 1;
}

static int op_csv(const char *s, char sep, struct orderparse_line *out)
{
	char f[2][ORDERPARSE_LINE_MAX + 1], extra[ORDERPARSE_LINE_MAX + 1];
	size_t fn[2], xn;
	const char *p = op_field(s, sep, f[0], sizeof f[0], &fn[0]);
	if (!p)
		return ORDERPARSE_UNKNOWN;
	p = op_field(p, sep, f[1], sizeof f[1], &fn[1]);
	while (p) {
		p = op_field(p, sep, extra, sizeof extra, &xn);
		if (xn)
			return ORDERPARSE_UNKNOWN;
	}
	for (int i = 0; i < 2; i++) {
		size_t q = op_qty(f[i], fn[i], NULL);
		if (!q || !op_is_code(f[!i], fn[!i]))
			continue;
		size_t u = q;
		while (u < fn[i] && f[i][u] == ' ')
			u++;
		if (q != fn[i] && !op_unit(f[i] + u, fn[i] - u))
			continue;
		op_qty(f[i], q, out->qty);
		memcpy(out->code, f[!i], fn[!i] + 1);
		return ORDERPARSE_OK;
	}
	return ORDERPARSE_UNKNOWN;
}

void orderparse_line(const char *s, size_t len, struct orderparse_line *out)
{
	char raw[ORDERPARSE_LINE_MAX + 1];
	size_t n = 0, i;
	memset(out, 0, sizeof *out);
	for (i = 0; i < len && n < ORDERPARSE_LINE_MAX; i++)
		if (s[i])
			raw[n++] = s[i] == '\t' ? ' ' : s[i];
	int too_long = 0;
	for (; i < len; i++)
		if (s[i])
			too_long = 1;
	if (too_long) {
		/* Shown cut to a few words, never in the middle of a character. */
		n = n < 60 ? n : 60;
		while (n && ((unsigned char)raw[n] & 0xc0) == 0x80)
			n--;
	}
	raw[n] = '\0';
	int rc = text_clean(raw, out->text, sizeof out->text, 0);
	if (rc == TEXT_BAD_UTF8 || rc == TEXT_TOO_LONG) {
		out->text[0] = '\0';
		out->status = too_long ? ORDERPARSE_TOO_LONG : ORDERPARSE_BAD_UTF8;
		return;
	}
	if (too_long) {
		out->status = ORDERPARSE_TOO_LONG;
		return;
	}
	if (!out->text[0]) {
		out->status = ORDERPARSE_BLANK;
		return;
	}
	const char *t = out->text;
	int st = ORDERPARSE_UNKNOWN;
	char sep = strchr(t, ';') ? ';' : strchr(t, ',') ? ',' : '\0';
	if (sep)
		st = op_csv(t, sep, out);
	if (st != ORDERPARSE_OK)
		st = op_words(t, out, 0);
	if (st == ORDERPARSE_UNKNOWN)
		st = op_words(t, out, 1);
	if (st != ORDERPARSE_OK)
		out->code[0] = out->qty[0] = '\0';
	out->status = st;
}

size_t orderparse_text(const char *text, size_t len, struct orderparse_line *out, size_t max)
{
	size_t count = 0, start = 0;
	for (size_t i = 0; i <= len; i++) {
		int end = i == len || text[i] == '\n' || text[i] == '\r';
		if (!end)
			continue;
		if (i == len && start == len)
			break;   /* the text ended with its last line's newline */
		if (count < max) {
			orderparse_line(text + start, i - start, &out[count]);
			out[count].line = count + 1;
		}
		count++;
		if (i < len && text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')
			i++;
		start = i + 1;
	}
	return count;
}
