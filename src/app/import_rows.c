/* From the file to the cells of each record: the bytes read and decoded to
 * UTF-8, the header matched to the kind's columns, each cell cleaned, and
 * the parsing of a cell as a code, an amount, a count or a date. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "import-internal.h"
#include "../core/csv.h"
#include "../core/money.h"
#include "../core/text.h"
#include "../util/charset.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"

/* The size of a character unit in an encoding where '\n' and NUL are not
 * single bytes (2 for UTF-16, 4 for UTF-32), else 1. */
static size_t imp_unit(const char *enc)
{
	static const struct {
		const char *prefix;
		size_t unit;
	} wide[] = { { "UTF-16", 2 }, { "UTF16", 2 }, { "UCS-2", 2 }, { "UCS2", 2 },
	             { "UNICODE", 2 }, { "UTF-32", 4 }, { "UTF32", 4 }, { "UCS-4", 4 },
	             { "UCS4", 4 } };
	for (size_t i = 0; enc && i < sizeof wide / sizeof wide[0]; i++)
		if (strncasecmp(enc, wide[i].prefix, strlen(wide[i].prefix)) == 0)
			return wide[i].unit;
	return 1;
}

/* Whether the unit at s is c, in either byte order. */
static int imp_unit_is(const char *s, size_t unit, char c)
{
	int seen = 0;
	for (size_t i = 0; i < unit; i++) {
		if (s[i] == c && !seen)
			seen = 1;
		else if (s[i])
			return 0;
	}
	return c ? seen : 1;
}

/* The line of byte off, counting units that are '\n'. */
static size_t imp_line_at(const char *s, size_t off, size_t unit)
{
	size_t line = 1;
	for (size_t i = 0; i + unit <= off; i += unit)
		line += imp_unit_is(s + i, unit, '\n');
	return line;
}

/* The line of the first bytes that are not UTF-8, 0 when all are. */
static size_t imp_bad_utf8_line(const char *s, size_t len)
{
	size_t line = 1, start = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && s[i] != '\n')
			continue;
		if (!utf8_valid(s + start, i - start))
			return line;
		line++;
		start = i + 1;
	}
	return 0;
}

int imp_read_file(struct imp *im, char **out, size_t *len)
{
	*out = NULL;
	FILE *f = fopen(im->path, "rb");
	if (!f) {
		imp_error(im, 0, _("cannot read the file: %s"), strerror(errno));
		return -1;
	}
	struct strbuf sb = STRBUF_INIT;
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
		if (sb.len + n > IMP_FILE_MAX) {
			imp_error(im, 0, _("the file is larger than %zu MB; split it"),
			          IMP_FILE_MAX >> 20);
			break;
		}
		strbuf_add(&sb, buf, n);
	}
	int bad = ferror(f);
	fclose(f);
	if (bad)
		imp_error(im, 0, _("cannot read the file: %s"), strerror(errno));
	if (im->nerrors) {
		strbuf_release(&sb);
		return -1;
	}
	*len = sb.len;
	*out = strbuf_detach(&sb);
	return 0;
}

/* Turns the file's bytes into UTF-8: as is when they are, through iconv
 * from --encoding, or from CP1252 when no encoding was given. *text is raw
 * itself or a new buffer. */
int imp_decode(struct imp *im, char *raw, size_t len, char **text, size_t *tlen)
{
	const char *enc = im->o->encoding;
	size_t unit = imp_unit(enc), nul = len;
	if (unit == 1) {
		const char *p = memchr(raw, '\0', len);
		nul = p ? (size_t)(p - raw) : len;
	}
	for (size_t i = 0; unit > 1 && nul == len && i + unit <= len; i += unit)
		if (imp_unit_is(raw + i, unit, '\0'))
			nul = i;
	if (nul < len) {
		imp_error(im, imp_line_at(raw, nul, unit),
		          _("a NUL byte: this is not a text file in the expected encoding"));
		return -1;
	}
	if (!enc || strcasecmp(enc, "UTF-8") == 0 || strcasecmp(enc, "UTF8") == 0) {
		if (utf8_valid(raw, len)) {
			*text = raw;
			*tlen = len;
			return 0;
		}
		if (enc) {
			imp_error(im, imp_bad_utf8_line(raw, len),
			          _("not valid UTF-8; give the file's encoding with --encoding "
			            "(e.g. CP1252)"));
			return -1;
		}
		enc = "CP1252";
		im->res->read_as_cp1252 = 1;
	}
	size_t bad = 0;
	char *out = charset_to_utf8(raw, len, enc, &bad);
	if (!out) {
		if (bad == (size_t)-1)
			imp_error(im, 0, _("unknown encoding '%s'"), enc);
		else if (im->res->read_as_cp1252)
			imp_error(im, imp_line_at(raw, bad, 1),
			          _("neither UTF-8 nor CP1252 (byte 0x%02X); give the file's "
			            "encoding with --encoding"), (unsigned char)raw[bad]);
		else
			imp_error(im, imp_line_at(raw, bad, unit), _("not valid %s (byte 0x%02X)"), enc,
			          (unsigned char)raw[bad]);
		return -1;
	}
	*text = out;
	*tlen = strlen(out);
	return 0;
}

static const struct imp_col *imp_cols(const struct imp *im, size_t *n)
{
	*n = imp_kinds[im->kind].ncols;
	return imp_kinds[im->kind].cols;
}

/* "sku, name, price" for messages; from..to of the kind's columns. */
static char *imp_col_list(const struct imp *im, size_t from, size_t to)
{
	size_t n;
	const struct imp_col *cols = imp_cols(im, &n);
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = from; i < to && i < n; i++)
		strbuf_addf(&sb, "%s%s", i > from ? ", " : "", cols[i].name);
	return strbuf_detach(&sb);
}

int imp_header(struct imp *im, struct csv_reader *r)
{
	size_t n;
	const struct imp_col *cols = imp_cols(im, &n);
	const char *kind = imp_kinds[im->kind].name;
	for (size_t i = 0; i < IMP_COLS_MAX; i++)
		im->col[i] = -1;
	im->nfields = csv_nfields(r);
	for (size_t f = 0; f < im->nfields; f++) {
		char name[CSV_FIELD_MAX + 1];
		text_clean(csv_field(r, f), name, sizeof name, 0);
		size_t c;
		for (c = 0; c < n && strcasecmp(name, cols[c].name) != 0; c++)
			;
		if (c == n) {
			char *all = imp_col_list(im, 0, n);
			imp_error(im, r->record_line, _("unknown column '%s' (%s files have: %s)"), name,
			          kind, all);
			free(all);
		} else if (im->col[c] >= 0) {
			imp_error(im, r->record_line, _("column '%s' appears twice"), cols[c].name);
		} else {
			im->col[c] = (int)f;
			im->has |= 1u << c;
		}
	}
	for (size_t c = 0; c < imp_kinds[im->kind].required; c++)
		if (im->col[c] < 0) {
			char *req = imp_col_list(im, 0, imp_kinds[im->kind].required);
			imp_error(im, r->record_line, _("missing column '%s' (%s files need: %s)"),
			          cols[c].name, kind, req);
			free(req);
		}
	if (im->kind == APP_IO_PRODUCTS && (im->col[PC_PACK_OF] < 0) != (im->col[PC_PACK_BARCODE] < 0))
		imp_error(im, r->record_line, _("columns pack_of and pack_barcode go together"));
	return im->nerrors ? -1 : 0;
}

/* Cleans the cells of one record into v (NULL for absent columns). */
int imp_cells(struct imp *im, struct csv_reader *r, const char **v)
{
	size_t n;
	const struct imp_col *cols = imp_cols(im, &n);
	char buf[CSV_FIELD_MAX + 1];
	int bad = 0;
	for (size_t c = 0; c < n; c++) {
		v[c] = NULL;
		if (im->col[c] < 0)
			continue;
		const char *raw = csv_unguard(csv_field(r, (size_t)im->col[c]));
		int rc = text_clean(raw, buf, sizeof buf, cols[c].max);
		if (rc == TEXT_CONTROL) {
			imp_error(im, r->record_line, _("%s: control characters (line breaks, tabs...) "
			                                "are not allowed"), cols[c].name);
			bad = 1;
		} else if (rc == TEXT_TOO_LONG) {
			imp_error(im, r->record_line, _("%s: longer than %zu characters"), cols[c].name,
			          cols[c].max);
			bad = 1;
		} else if (rc != TEXT_OK) {
			imp_error(im, r->record_line, _("%s: %s"), cols[c].name, _(text_strerror(rc)));
			bad = 1;
		} else {
			v[c] = imp_store(im, buf, strlen(buf));
		}
	}
	return bad ? -1 : 0;
}

int imp_required(struct imp *im, size_t line, const char *v, const char *col)
{
	if (v && *v)
		return 0;
	imp_error(im, line, _("%s is empty"), col);
	return -1;
}

int imp_code(struct imp *im, size_t line, const char *v, const char *col)
{
	if (imp_required(im, line, v, col))
		return -1;
	int rc = text_check_code(v, 64);
	if (rc == TEXT_OK)
		return 0;
	imp_error(im, line, _("%s '%s': %s"), col, v, _(text_strerror(rc)));
	return -1;
}

/* An amount of money, zero or more; empty is 0. */
int imp_money(struct imp *im, size_t line, const char *v, const char *col, int64_t *out)
{
	*out = 0;
	if (!v || !*v)
		return 0;
	int rc = money_parse(v, im->a->shop.money->decimals, out);
	if (rc != MONEY_OK) {
		imp_error(im, line, _("%s '%s' is not an amount: %s"), col, v, _(money_strerror(rc)));
		return -1;
	}
	if (*out < 0) {
		imp_error(im, line, _("%s '%s' is negative"), col, v);
		return -1;
	}
	return 0;
}

/* A whole number from lo to hi; empty is def. */
int imp_count(struct imp *im, size_t line, const char *v, const char *col, int64_t lo,
                     int64_t hi, int64_t def, int64_t *out)
{
	*out = def;
	if (!v || !*v)
		return 0;
	int rc = decimal_parse(v, 0, hi, out);
	if (rc != MONEY_OK || *out < lo) {
		imp_error(im, line, _("%s '%s' is not a whole number from %lld to %lld"), col, v,
		          (long long)lo, (long long)hi);
		return -1;
	}
	return 0;
}

static int imp_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* YYYY-MM-DD as YYYYMMDD; empty is 0. */
int imp_date(struct imp *im, size_t line, const char *v, const char *col, int32_t *out)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	*out = 0;
	if (!v || !*v)
		return 0;
	int ok = strlen(v) == 10 && v[4] == '-' && v[7] == '-';
	for (int i = 0; ok && i < 10; i++)
		if (i != 4 && i != 7 && (v[i] < '0' || v[i] > '9'))
			ok = 0;
	if (ok) {
		int y = atoi(v), m = atoi(v + 5), d = atoi(v + 8);
		ok = y >= 1900 && m >= 1 && m <= 12 && d >= 1 &&
		     d <= days[m - 1] + (m == 2 && imp_leap(y));
		*out = y * 10000 + m * 100 + d;
	}
	if (!ok)
		imp_error(im, line, _("%s '%s' is not a date written YYYY-MM-DD"), col, v);
	return ok ? 0 : -1;
}
