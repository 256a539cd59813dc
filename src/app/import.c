/* Import of CSV files: the file decoded, its header matched to the kind's
 * columns, every row checked before anything is written, then short
 * transactions, each with an in-memory undo to take back a failed import. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include "import.h"
#include "app-internal.h"
#include "../../db/catalog.h"
#include "../../db/io.h"
#include "../../db/prices.h"
#include "../core/barcode.h"
#include "../core/csv.h"
#include "../core/tax.h"
#include "../core/text.h"
#include "../util/charset.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"

#define IMP_FILE_MAX ((size_t)256 << 20)
/* A transaction of the import takes at most this many rows, fewer when
 * the last one took longer than IMP_CHUNK_MS. After each, the import
 * pauses as long as the transaction took (at least IMP_PAUSE_MS): it holds
 * the write lock at most half the time, and a till waiting for it (SQLite
 * retries at least every 100 ms) finds it free within a retry or two. */
#define IMP_CHUNK_ROWS 500
#define IMP_CHUNK_MIN 16
#define IMP_CHUNK_MS 40
#define IMP_PAUSE_MS 5
#define IMP_PAUSE_MAX_MS 1000
#define IMP_CACHE_MB 64
#define IMP_TAXES_MAX 32
#define IMP_COLS_MAX 16
#define IMP_QTY_MAX INT64_C(1000000000000)

struct imp_col {
	const char *name;
	size_t max;        /* characters */
};

/* Each kind's columns, required ones first, in the order export writes them. */
static const struct imp_col imp_cols_products[] = {
	{ "sku", 64 }, { "name", 160 }, { "price", 32 }, { "tax_rate", 16 },
	{ "barcode", 1024 }, { "unit", 16 }, { "pack_of", 16 }, { "pack_barcode", 1024 },
	{ "cost", 32 }, { "brand", 64 }, { "category", 64 }, { "supplier", 64 },
	{ "weighed", 8 },
};
enum { PC_SKU, PC_NAME, PC_PRICE, PC_TAX, PC_BARCODE, PC_UNIT, PC_PACK_OF, PC_PACK_BARCODE,
       PC_COST, PC_BRAND, PC_CATEGORY, PC_SUPPLIER, PC_WEIGHED };

static const struct imp_col imp_cols_customers[] = {
	{ "code", 64 }, { "name", 160 }, { "kind", 32 }, { "price_list", 32 },
	{ "tax_id", 64 }, { "credit_limit", 32 }, { "terms", 32 }, { "email", 254 },
	{ "phone", 32 }, { "address", 400 }, { "state", 32 },
};
enum { CC_CODE, CC_NAME, CC_KIND, CC_LIST, CC_TAX_ID, CC_CREDIT, CC_TERMS, CC_EMAIL,
       CC_PHONE, CC_ADDRESS, CC_STATE };

static const struct imp_col imp_cols_prices[] = {
	{ "list", 32 }, { "sku", 64 }, { "price", 32 }, { "min_qty", 16 },
	{ "valid_from", 16 }, { "valid_to", 16 },
};
enum { RC_LIST, RC_SKU, RC_PRICE, RC_MIN_QTY, RC_FROM, RC_TO };

static const struct imp_col imp_cols_stock[] = {
	{ "sku", 64 }, { "quantity", 24 }, { "location", 64 }, { "lot", 64 }, { "expiry", 16 },
};
enum { SC_SKU, SC_QTY, SC_LOCATION, SC_LOT, SC_EXPIRY };

static const struct imp_col imp_cols_sales[] = {
	{ "ticket", 0 }, { "date", 0 }, { "sku", 0 }, { "name", 0 }, { "qty", 0 },
	{ "unit_price", 0 }, { "amount", 0 }, { "discount", 0 }, { "net", 0 },
	{ "tax_rate", 0 }, { "tax", 0 }, { "gross", 0 },
};

#define IMP_COLS(a) a, sizeof a / sizeof a[0]
static const struct {
	const char *name;
	const struct imp_col *cols;
	size_t ncols, required;
} imp_kinds[] = {
	[APP_IO_PRODUCTS] = { "products", IMP_COLS(imp_cols_products), 4 },
	[APP_IO_CUSTOMERS] = { "customers", IMP_COLS(imp_cols_customers), 3 },
	[APP_IO_PRICES] = { "prices", IMP_COLS(imp_cols_prices), 3 },
	[APP_IO_STOCK] = { "stock", IMP_COLS(imp_cols_stock), 2 },
	[APP_IO_SALES] = { "sales", IMP_COLS(imp_cols_sales), 12 },
};
#define IMP_KINDS (sizeof imp_kinds / sizeof imp_kinds[0])

int app_io_kind_parse(const char *name)
{
	for (size_t i = 0; i < IMP_KINDS; i++)
		if (strcasecmp(name, imp_kinds[i].name) == 0)
			return (int)i;
	return -1;
}

const char *app_io_kind_name(enum app_io_kind kind)
{
	return imp_kinds[kind].name;
}

size_t app_io_column_count(enum app_io_kind kind)
{
	return imp_kinds[kind].ncols;
}

const char *app_io_column(enum app_io_kind kind, size_t i)
{
	return imp_kinds[kind].cols[i].name;
}

/* Strings of a whole import, freed together. */
struct imp_block {
	struct imp_block *next;
	size_t used, cap;
	char data[];
};

/* Keys already seen in the file (SKUs, barcodes...), with their line. */
struct imp_seen {
	const char **keys;
	size_t *lines;
	size_t n, cap;
};

enum imp_outcome { IMP_UNCHANGED = 0, IMP_CHANGED, IMP_ADDED };

enum imp_undo_kind {
	UNDO_PRODUCT_ADDED, UNDO_PRODUCT_CHANGED, UNDO_BARCODE_ADDED, UNDO_BARCODE_QTY,
	UNDO_STOCK, UNDO_STOCK_ADDED, UNDO_CUSTOMER_ADDED, UNDO_CUSTOMER_CHANGED, UNDO_PRICE_ADDED,
	UNDO_PRICE_CHANGED,
};

/* What one write changed, to take it back: ids, a barcode, a stock delta,
 * or the row as it was (its text malloc'd by db_io_*_get). */
struct imp_undo {
	enum imp_undo_kind kind;
	int64_t id, id2, n;
	char *code;
	union {
		struct db_io_product product;
		struct db_io_customer customer;
	} old;
};

struct imp_product {
	size_t line;
	unsigned has;              /* bit per column present in the file */
	struct db_io_product p;
	const char *codes;         /* normalised barcodes, "|"-separated */
	const char *pack_codes;
	int64_t pack_of;
};

struct imp_customer {
	size_t line;
	unsigned has;
	struct db_io_customer c;
};

struct imp_price {
	size_t line;
	struct db_io_price p;
};

struct imp_stock {
	size_t line;
	int64_t product_id, location_id, qty;
};

struct imp {
	struct app *a;
	enum app_io_kind kind;
	const char *path;
	const struct app_import_opts *o;
	struct app_import_result *res;
	int col[IMP_COLS_MAX];      /* field of the file for each column, -1 when absent */
	unsigned has;               /* bit per column present */
	size_t nfields;             /* fields in the header */
	struct strbuf errors;
	size_t nerrors;
	int full;                   /* enough errors: stop checking */
	struct imp_block *arena;
	char *rows;
	size_t nrows, caprows, row_size;
	struct imp_seen seen, seen_codes;
	struct db_io_tax taxes[IMP_TAXES_MAX];
	size_t ntaxes;
	struct imp_undo *undo;
	size_t nundo, capundo;
	char *werr;                 /* why a write failed */
	size_t wrow;                /* the row it failed on */
};

static __attribute__((format(printf, 3, 4))) void imp_error(struct imp *im, size_t line,
                                                           const char *fmt, ...)
{
	if (im->full)
		return;
	if (im->nerrors == APP_IMPORT_ERRORS_MAX) {
		strbuf_addf(&im->errors, _("%s: more problems follow; these are the first %d"),
		            im->path, APP_IMPORT_ERRORS_MAX);
		strbuf_addch(&im->errors, '\n');
		im->full = 1;
		return;
	}
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	if (line)
		strbuf_addf(&im->errors, "%s:%zu: %s\n", im->path, line, msg);
	else
		strbuf_addf(&im->errors, "%s: %s\n", im->path, msg);
	free(msg);
	im->nerrors++;
}

static char *imp_store(struct imp *im, const char *s, size_t n)
{
	struct imp_block *b = im->arena;
	if (!b || b->cap - b->used < n + 1) {
		size_t cap = n + 1 > 1 << 20 ? n + 1 : 1 << 20;
		b = xmalloc(sizeof *b + cap);
		b->next = im->arena;
		b->used = 0;
		b->cap = cap;
		im->arena = b;
	}
	char *out = b->data + b->used;
	memcpy(out, s, n);
	out[n] = '\0';
	b->used += n + 1;
	return out;
}

static uint64_t imp_hash(const char *s)
{
	uint64_t h = UINT64_C(14695981039346656037);
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * UINT64_C(1099511628211);
	return h;
}

/* Adds key (kept by the caller) seen on line; returns 0, or the line it was
 * first seen on. */
static size_t imp_seen_add(struct imp_seen *s, const char *key, size_t line)
{
	if (2 * (s->n + 1) > s->cap) {
		struct imp_seen bigger = { .cap = s->cap ? 2 * s->cap : 1024 };
		bigger.keys = xcalloc(bigger.cap, sizeof *bigger.keys);
		bigger.lines = xcalloc(bigger.cap, sizeof *bigger.lines);
		for (size_t i = 0; i < s->cap; i++)
			if (s->keys[i])
				imp_seen_add(&bigger, s->keys[i], s->lines[i]);
		free(s->keys);
		free(s->lines);
		*s = bigger;
	}
	size_t i = imp_hash(key) & (s->cap - 1);
	for (; s->keys[i]; i = (i + 1) & (s->cap - 1))
		if (strcmp(s->keys[i], key) == 0)
			return s->lines[i];
	s->keys[i] = key;
	s->lines[i] = line;
	s->n++;
	return 0;
}

static void imp_seen_release(struct imp_seen *s)
{
	free(s->keys);
	free(s->lines);
}

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

static int imp_read_file(struct imp *im, char **out, size_t *len)
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
static int imp_decode(struct imp *im, char *raw, size_t len, char **text, size_t *tlen)
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

static int imp_header(struct imp *im, struct csv_reader *r)
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
static int imp_cells(struct imp *im, struct csv_reader *r, const char **v)
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

static int imp_required(struct imp *im, size_t line, const char *v, const char *col)
{
	if (v && *v)
		return 0;
	imp_error(im, line, _("%s is empty"), col);
	return -1;
}

static int imp_code(struct imp *im, size_t line, const char *v, const char *col)
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
static int imp_money(struct imp *im, size_t line, const char *v, const char *col, int64_t *out)
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
static int imp_count(struct imp *im, size_t line, const char *v, const char *col, int64_t lo,
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
static int imp_date(struct imp *im, size_t line, const char *v, const char *col, int32_t *out)
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

static void *imp_row_new(struct imp *im)
{
	if (im->nrows == im->caprows) {
		im->caprows = im->caprows ? 2 * im->caprows : 1024;
		im->rows = xrealloc(im->rows, im->caprows * im->row_size);
	}
	void *row = im->rows + im->nrows * im->row_size;
	memset(row, 0, im->row_size);
	return row;
}

/* Checks the "|"-separated barcodes of a cell: each an EAN/UPC with a right
 * check digit or a code with letters, new to the file, and in the shop
 * either unknown or already this product's (product_id, 0 for a new one).
 * Returns the normalised list, kept in the arena, or NULL. */
static const char *imp_barcodes(struct imp *im, size_t line, const char *v, const char *col,
                                int64_t product_id)
{
	struct strbuf sb = STRBUF_INIT;
	int bad = 0;
	const char *p = v;
	while (*p && !bad) {
		size_t n = strcspn(p, "|");
		char raw[CSV_FIELD_MAX + 1], code[CSV_FIELD_MAX + 1];
		memcpy(raw, p, n);
		raw[n] = '\0';
		p += n + (p[n] == '|');
		if (text_clean(raw, code, sizeof code, 0) != TEXT_OK || !code[0] ||
		    text_check_code(code, 48) != TEXT_OK) {
			imp_error(im, line, _("%s '%s' is not a barcode"), col, raw);
			bad = 1;
			break;
		}
		char normal[14];
		enum barcode_kind kind;
		int rc = barcode_normalize(code, normal, &kind);
		if (rc == BARCODE_BAD_CHECK) {
			imp_error(im, line, _("%s %s: wrong check digit"), col, code);
			bad = 1;
			break;
		}
		if (kind == BARCODE_NONE && code[strspn(code, "0123456789")] == '\0') {
			imp_error(im, line, _("%s %s: digits only, but not an EAN-13, EAN-8, UPC-A or "
			                      "UPC-E"), col, code);
			bad = 1;
			break;
		}
		const char *key = imp_store(im, kind == BARCODE_NONE ? code : normal,
		                            strlen(kind == BARCODE_NONE ? code : normal));
		size_t first = imp_seen_add(&im->seen_codes, key, line);
		if (first) {
			imp_error(im, line, _("barcode %s is also on line %zu"), key, first);
			bad = 1;
			break;
		}
		int64_t owner, qty;
		if (db_io_barcode_get(im->a->db, key, &owner, &qty) == DB_OK && owner != product_id) {
			struct db_product other;
			if (db_product_by_barcode(im->a->db, key, &other) == DB_OK)
				imp_error(im, line, _("barcode %s belongs to product %s already"), key,
				          other.sku);
			else
				imp_error(im, line, _("barcode %s belongs to another product already"), key);
			bad = 1;
			break;
		}
		strbuf_addf(&sb, "%s%s", sb.len ? "|" : "", key);
	}
	const char *out = bad ? NULL : imp_store(im, strbuf_str(&sb), sb.len);
	strbuf_release(&sb);
	return out;
}

static int imp_check_product(struct imp *im, const char **v, size_t line)
{
	int bad = imp_code(im, line, v[PC_SKU], "sku");
	bad |= imp_required(im, line, v[PC_NAME], "name");
	bad |= imp_required(im, line, v[PC_PRICE], "price");
	bad |= imp_required(im, line, v[PC_TAX], "tax_rate");
	if (bad)
		return -1;
	size_t first = imp_seen_add(&im->seen, v[PC_SKU], line);
	if (first) {
		imp_error(im, line, _("SKU %s is also on line %zu"), v[PC_SKU], first);
		return -1;
	}
	struct imp_product *r = imp_row_new(im);
	struct db_io_product *p = &r->p;
	r->line = line;
	r->has = im->has;
	p->sku = v[PC_SKU];
	p->name = v[PC_NAME];
	p->unit = v[PC_UNIT] && *v[PC_UNIT] ? v[PC_UNIT] : "pc";
	p->brand = v[PC_BRAND] ? v[PC_BRAND] : "";
	p->category = v[PC_CATEGORY] ? v[PC_CATEGORY] : "";
	p->supplier = v[PC_SUPPLIER] ? v[PC_SUPPLIER] : "";
	bad |= imp_money(im, line, v[PC_PRICE], "price", &p->price);
	bad |= imp_money(im, line, v[PC_COST], "cost", &p->cost);
	tax_rate_t rate = 0;
	int rc = tax_rate_parse(v[PC_TAX], &rate);
	for (size_t i = 0; rc == 0 && i < im->ntaxes && !p->tax_class_id; i++)
		if (im->taxes[i].rate == rate)
			p->tax_class_id = im->taxes[i].id;
	p->tax_rate = rate;
	if (!p->tax_class_id) {
		struct strbuf rates = STRBUF_INIT;
		for (size_t i = 0; i < im->ntaxes; i++) {
			char t[16];
			tax_rate_format(t, sizeof t, im->taxes[i].rate);
			strbuf_addf(&rates, "%s%s", i ? ", " : "", t);
		}
		imp_error(im, line, _("tax rate '%s' is not one of the shop's rates (%s)"),
		          v[PC_TAX], strbuf_str(&rates));
		strbuf_release(&rates);
		bad = 1;
	}
	if (v[PC_WEIGHED] && *v[PC_WEIGHED] && strcmp(v[PC_WEIGHED], "0") != 0 &&
	    strcmp(v[PC_WEIGHED], "1") != 0) {
		imp_error(im, line, _("weighed '%s' must be 0 or 1"), v[PC_WEIGHED]);
		bad = 1;
	}
	p->weighed = v[PC_WEIGHED] && strcmp(v[PC_WEIGHED], "1") == 0;
	int64_t id = 0;
	db_io_product_id(im->a->db, p->sku, &id, NULL);
	r->codes = "";
	r->pack_codes = "";
	if (v[PC_BARCODE] && *v[PC_BARCODE] &&
	    !(r->codes = imp_barcodes(im, line, v[PC_BARCODE], "barcode", id)))
		bad = 1;
	int pack_codes = v[PC_PACK_BARCODE] && *v[PC_PACK_BARCODE];
	int pack_of = v[PC_PACK_OF] && *v[PC_PACK_OF];
	if (pack_codes && !pack_of) {
		imp_error(im, line, _("pack_barcode needs pack_of, the units in the pack"));
		bad = 1;
	} else if (pack_of && !pack_codes) {
		imp_error(im, line, _("pack_of needs a pack_barcode"));
		bad = 1;
	} else if (pack_codes) {
		if (imp_count(im, line, v[PC_PACK_OF], "pack_of", 2, 1000000, 0, &r->pack_of))
			bad = 1;
		else if (!(r->pack_codes = imp_barcodes(im, line, v[PC_PACK_BARCODE], "pack_barcode",
		                                        id)))
			bad = 1;
	}
	if (bad)
		return -1;
	im->nrows++;
	return 0;
}

static int imp_check_customer(struct imp *im, const char **v, size_t line)
{
	int bad = imp_code(im, line, v[CC_CODE], "code");
	bad |= imp_required(im, line, v[CC_NAME], "name");
	bad |= imp_required(im, line, v[CC_KIND], "kind");
	if (bad)
		return -1;
	size_t first = imp_seen_add(&im->seen, v[CC_CODE], line);
	if (first) {
		imp_error(im, line, _("customer %s is also on line %zu"), v[CC_CODE], first);
		return -1;
	}
	struct imp_customer *r = imp_row_new(im);
	struct db_io_customer *c = &r->c;
	r->line = line;
	r->has = im->has;
	c->code = v[CC_CODE];
	c->name = v[CC_NAME];
	c->kind = v[CC_KIND];
	c->price_list = v[CC_LIST] ? v[CC_LIST] : "";
	if (*c->price_list && db_price_list_id(im->a->db, c->price_list, &c->price_list_id) != DB_OK) {
		imp_error(im, line, _("no price list '%s'"), c->price_list);
		bad = 1;
	}
	bad |= imp_money(im, line, v[CC_CREDIT], "credit_limit", &c->credit_limit);
	c->tax_id = v[CC_TAX_ID] ? v[CC_TAX_ID] : "";
	c->terms = v[CC_TERMS] ? v[CC_TERMS] : "";
	c->email = v[CC_EMAIL] ? v[CC_EMAIL] : "";
	c->phone = v[CC_PHONE] ? v[CC_PHONE] : "";
	c->address = v[CC_ADDRESS] ? v[CC_ADDRESS] : "";
	c->state = v[CC_STATE] ? v[CC_STATE] : "";
	if (bad)
		return -1;
	im->nrows++;
	return 0;
}

static int imp_check_price(struct imp *im, const char **v, size_t line)
{
	int bad = imp_code(im, line, v[RC_LIST], "list");
	bad |= imp_code(im, line, v[RC_SKU], "sku");
	bad |= imp_required(im, line, v[RC_PRICE], "price");
	if (bad)
		return -1;
	struct imp_price *r = imp_row_new(im);
	struct db_io_price *p = &r->p;
	r->line = line;
	if (db_price_list_id(im->a->db, v[RC_LIST], &p->list_id) != DB_OK) {
		imp_error(im, line, _("no price list '%s'"), v[RC_LIST]);
		bad = 1;
	}
	if (db_io_product_id(im->a->db, v[RC_SKU], &p->product_id, NULL) != DB_OK) {
		imp_error(im, line, _("no product with SKU %s"), v[RC_SKU]);
		bad = 1;
	}
	bad |= imp_money(im, line, v[RC_PRICE], "price", &p->price);
	bad |= imp_count(im, line, v[RC_MIN_QTY], "min_qty", 1, IMP_QTY_MAX, 1, &p->min_qty);
	bad |= imp_date(im, line, v[RC_FROM], "valid_from", &p->valid_from);
	bad |= imp_date(im, line, v[RC_TO], "valid_to", &p->valid_to);
	if (!bad && p->valid_to && p->valid_to < p->valid_from) {
		imp_error(im, line, _("valid_to is before valid_from"));
		bad = 1;
	}
	if (bad)
		return -1;
	char key[96];
	snprintf(key, sizeof key, "%lld|%lld|%lld|%ld", (long long)p->list_id,
	         (long long)p->product_id, (long long)p->min_qty, (long)p->valid_from);
	size_t first = imp_seen_add(&im->seen, imp_store(im, key, strlen(key)), line);
	if (first) {
		imp_error(im, line, _("the same list, SKU, min_qty and valid_from are on line %zu"),
		          first);
		return -1;
	}
	im->nrows++;
	return 0;
}

static int imp_check_stock(struct imp *im, const char **v, size_t line)
{
	int bad = imp_code(im, line, v[SC_SKU], "sku");
	bad |= imp_required(im, line, v[SC_QTY], "quantity");
	if ((v[SC_LOT] && *v[SC_LOT]) || (v[SC_EXPIRY] && *v[SC_EXPIRY])) {
		imp_error(im, line, _("lots and expiry dates are not kept yet (they come with the "
		                      "warehouse screens); leave lot and expiry empty"));
		bad = 1;
	}
	if (bad)
		return -1;
	struct imp_stock *r = imp_row_new(im);
	r->line = line;
	int weighed = 0;
	if (db_io_product_id(im->a->db, v[SC_SKU], &r->product_id, &weighed) != DB_OK) {
		imp_error(im, line, _("no product with SKU %s"), v[SC_SKU]);
		return -1;
	}
	int rc = decimal_parse(v[SC_QTY], weighed ? 3 : 0, IMP_QTY_MAX, &r->qty);
	if (rc != MONEY_OK || r->qty < 0) {
		imp_error(im, line, _("quantity '%s' is not %s"), v[SC_QTY],
		          weighed ? _("a weight in kg, zero or more, with at most 3 decimals")
		                  : _("a whole number, zero or more"));
		bad = 1;
	}
	r->location_id = im->a->location_id;
	if (v[SC_LOCATION] && *v[SC_LOCATION] &&
	    db_io_location_id(im->a->db, v[SC_LOCATION], &r->location_id) != DB_OK) {
		imp_error(im, line, _("no location '%s'"), v[SC_LOCATION]);
		bad = 1;
	}
	if (bad)
		return -1;
	char key[64];
	snprintf(key, sizeof key, "%lld|%lld", (long long)r->product_id, (long long)r->location_id);
	size_t first = imp_seen_add(&im->seen, imp_store(im, key, strlen(key)), line);
	if (first) {
		imp_error(im, line, _("SKU %s at this location is also on line %zu"), v[SC_SKU], first);
		return -1;
	}
	im->nrows++;
	return 0;
}

static void imp_undo_push(struct imp *im, enum imp_undo_kind kind, int64_t id, int64_t id2,
                          int64_t n, const char *code)
{
	if (im->nundo == im->capundo) {
		im->capundo = im->capundo ? 2 * im->capundo : 1024;
		im->undo = xrealloc(im->undo, im->capundo * sizeof *im->undo);
	}
	struct imp_undo *u = &im->undo[im->nundo++];
	memset(u, 0, sizeof *u);
	u->kind = kind;
	u->id = id;
	u->id2 = id2;
	u->n = n;
	u->code = code ? xstrdup(code) : NULL;
}

static void imp_undo_free(struct imp_undo *u)
{
	free(u->code);
	if (u->kind == UNDO_PRODUCT_CHANGED)
		db_io_product_release(&u->old.product);
	else if (u->kind == UNDO_CUSTOMER_CHANGED)
		db_io_customer_release(&u->old.customer);
}

/* Forgets the entries from mark on (their transaction was rolled back). */
static void imp_undo_drop(struct imp *im, size_t mark)
{
	while (im->nundo > mark)
		imp_undo_free(&im->undo[--im->nundo]);
}

static int imp_undo_one(struct imp *im, struct imp_undo *u, char **err)
{
	struct db *db = im->a->db;
	switch (u->kind) {
	case UNDO_PRODUCT_ADDED:
		return db_io_product_remove(db, u->id, err);
	case UNDO_PRODUCT_CHANGED:
		return db_io_product_update(db, &u->old.product, err);
	case UNDO_BARCODE_ADDED:
		return db_io_barcode_remove(db, u->code, u->id, err);
	case UNDO_BARCODE_QTY:
		return db_io_barcode_set_qty(db, u->code, u->n, err);
	case UNDO_STOCK:
		return db_stock_add(db, u->id, u->id2, -u->n, err);
	case UNDO_STOCK_ADDED:
		if (db_stock_add(db, u->id, u->id2, -u->n, err) != DB_OK)
			return DB_ERROR;
		return db_io_stock_drop_empty(db, u->id, u->id2, err);
	case UNDO_CUSTOMER_ADDED: {
		char *why = NULL;
		int rc = db_io_customer_remove(db, u->id, &why);
		free(why);
		/* Already on a ticket: the customer stays. */
		return rc == DB_CONSTRAINT ? DB_OK : rc;
	}
	case UNDO_CUSTOMER_CHANGED:
		return db_io_customer_update(db, &u->old.customer, err);
	case UNDO_PRICE_ADDED:
		return db_io_price_remove(db, u->id, err);
	case UNDO_PRICE_CHANGED: {
		struct db_io_price p = { .id = u->id, .price = u->n, .valid_to = (int32_t)u->id2 };
		return db_io_price_update(db, &p, err);
	}
	}
	return DB_ERROR;
}

static int64_t imp_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* After a transaction that took `took` ms: the log copied into the file
 * outside the lock, then a pause as long as the transaction (see
 * IMP_CHUNK_ROWS). */
static void imp_yield(struct imp *im, int64_t took)
{
	db_io_checkpoint(im->a->db);
	int64_t ms = took < IMP_PAUSE_MS ? IMP_PAUSE_MS : took > IMP_PAUSE_MAX_MS ? IMP_PAUSE_MAX_MS
	                                                                         : took;
	struct timespec ts = { (time_t)(ms / 1000), (long)(ms % 1000) * 1000000L };
	nanosleep(&ts, NULL);
}

/* Takes back every entry, newest first, in short transactions. */
static int imp_undo_all(struct imp *im, char **err)
{
	struct db *db = im->a->db;
	while (im->nundo) {
		if (db_begin(db, err) != DB_OK)
			return -1;
		int64_t t0 = imp_ms();
		for (size_t n = 0; im->nundo && n < IMP_CHUNK_ROWS && imp_ms() - t0 < IMP_CHUNK_MS;
		     n++) {
			if (imp_undo_one(im, &im->undo[im->nundo - 1], err) != DB_OK) {
				db_rollback(db);
				return -1;
			}
			imp_undo_free(&im->undo[--im->nundo]);
		}
		if (db_commit(db, err) != DB_OK) {
			db_rollback(db);
			return -1;
		}
		imp_yield(im, imp_ms() - t0);
	}
	return 0;
}

/* Brings the barcodes of list to product (id, sku) at pack_qty: a new
 * one is staged for the batch, one with another pack size is changed.
 * *changed when any was either. A new product (id 0) needs no undo for its
 * barcodes: they go with it. */
static int imp_put_codes(struct imp *im, int64_t id, const char *sku, const char *list,
                         int64_t pack_qty, int write, int *changed)
{
	struct db *db = im->a->db;
	char code[CSV_FIELD_MAX + 1];
	for (const char *p = list; *p;) {
		size_t n = strcspn(p, "|");
		memcpy(code, p, n);
		code[n] = '\0';
		p += n + (p[n] == '|');
		int64_t owner = 0, qty = 0;
		int rc = id ? db_io_barcode_get(db, code, &owner, &qty) : DB_NOTFOUND;
		if (rc == DB_OK && owner != id) {
			error_set(&im->werr, _("barcode %s belongs to another product by now"), code);
			return -1;
		}
		if (rc == DB_OK && qty == pack_qty)
			continue;
		*changed = 1;
		if (!write)
			continue;
		if (rc == DB_OK) {
			if (db_io_barcode_set_qty(db, code, pack_qty, &im->werr) != DB_OK)
				return -1;
			imp_undo_push(im, UNDO_BARCODE_QTY, id, 0, qty, code);
		} else {
			if (db_io_batch_code(db, sku, code, pack_qty, &im->werr) != DB_OK)
				return -1;
			if (id)
				imp_undo_push(im, UNDO_BARCODE_ADDED, id, 0, 0, code);
		}
	}
	return 0;
}

static int imp_same_text(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static void imp_product_added(int64_t id, void *ctx)
{
	imp_undo_push(ctx, UNDO_PRODUCT_ADDED, id, 0, 0, NULL);
}

/* Writes the transaction's staged products, names and barcodes. */
static int imp_finish_products(struct imp *im)
{
	return db_io_batch_flush(im->a->db, imp_product_added, im, &im->werr) == DB_OK ? 0 : -1;
}

static int imp_apply_product(struct imp *im, void *row, int write)
{
	struct imp_product *r = row;
	struct db *db = im->a->db;
	struct db_io_product old;
	int rc = db_io_product_get(db, r->p.sku, &old);
	if (rc == DB_ERROR) {
		error_set(&im->werr, _("database error: %s"), db_errmsg(db));
		return -1;
	}
	int changed = 0;
	if (rc == DB_NOTFOUND) {
		if (write && (db_io_batch_product(db, &r->p, &im->werr) != DB_OK ||
		              imp_put_codes(im, 0, r->p.sku, r->codes, 1, 1, &changed) ||
		              imp_put_codes(im, 0, r->p.sku, r->pack_codes, r->pack_of, 1, &changed)))
			return -1;
		return IMP_ADDED;
	}
	struct db_io_product m = old;
	const struct db_io_product *n = &r->p;
	m.name = n->name;
	m.price = n->price;
	/* Two classes may share a rate: a product keeps its own when it has it. */
	if (old.tax_rate != n->tax_rate)
		m.tax_class_id = n->tax_class_id;
	if (r->has & (1u << PC_UNIT))
		m.unit = n->unit;
	if (r->has & (1u << PC_COST))
		m.cost = n->cost;
	if (r->has & (1u << PC_BRAND))
		m.brand = n->brand;
	if (r->has & (1u << PC_CATEGORY))
		m.category = n->category;
	if (r->has & (1u << PC_SUPPLIER))
		m.supplier = n->supplier;
	if (r->has & (1u << PC_WEIGHED))
		m.weighed = n->weighed;
	int names = !imp_same_text(m.name, old.name) || !imp_same_text(m.brand, old.brand);
	int details = m.price != old.price || m.tax_class_id != old.tax_class_id ||
	              !imp_same_text(m.unit, old.unit) || m.cost != old.cost ||
	              !imp_same_text(m.category, old.category) ||
	              !imp_same_text(m.supplier, old.supplier) || m.weighed != old.weighed;
	if (imp_put_codes(im, old.id, old.sku, r->codes, 1, write, &changed) ||
	    imp_put_codes(im, old.id, old.sku, r->pack_codes, r->pack_of, write, &changed) ||
	    (write && details && db_io_product_set_details(db, &m, &im->werr) != DB_OK) ||
	    (write && names && db_io_batch_name(db, old.id, m.name, m.brand, &im->werr) != DB_OK)) {
		db_io_product_release(&old);
		return -1;
	}
	if (write && (names || details)) {
		imp_undo_push(im, UNDO_PRODUCT_CHANGED, old.id, 0, 0, NULL);
		im->undo[im->nundo - 1].old.product = old;
	} else {
		db_io_product_release(&old);
	}
	return names || details || changed ? IMP_CHANGED : IMP_UNCHANGED;
}

static int imp_apply_customer(struct imp *im, void *row, int write)
{
	struct imp_customer *r = row;
	struct db *db = im->a->db;
	struct db_io_customer old;
	int rc = db_io_customer_get(db, r->c.code, &old);
	if (rc == DB_ERROR) {
		error_set(&im->werr, _("database error: %s"), db_errmsg(db));
		return -1;
	}
	if (rc == DB_NOTFOUND) {
		if (!write)
			return IMP_ADDED;
		struct db_io_customer c = r->c;
		if (db_io_customer_insert(db, &c, &im->werr) != DB_OK)
			return -1;
		imp_undo_push(im, UNDO_CUSTOMER_ADDED, c.id, 0, 0, NULL);
		return IMP_ADDED;
	}
	struct db_io_customer m = old;
	const struct db_io_customer *n = &r->c;
	m.name = n->name;
	m.kind = n->kind;
	if (r->has & (1u << CC_LIST))
		m.price_list_id = n->price_list_id;
	if (r->has & (1u << CC_CREDIT))
		m.credit_limit = n->credit_limit;
	const char **to[] = { &m.tax_id, &m.terms, &m.email, &m.phone, &m.address, &m.state };
	const char *from[] = { n->tax_id, n->terms, n->email, n->phone, n->address, n->state };
	const char *was[] = { old.tax_id, old.terms, old.email, old.phone, old.address, old.state };
	const int bit[] = { CC_TAX_ID, CC_TERMS, CC_EMAIL, CC_PHONE, CC_ADDRESS, CC_STATE };
	int changed = !imp_same_text(m.name, old.name) || !imp_same_text(m.kind, old.kind) ||
	              m.price_list_id != old.price_list_id || m.credit_limit != old.credit_limit;
	for (size_t i = 0; i < sizeof bit / sizeof bit[0]; i++)
		if (r->has & (1u << bit[i])) {
			*to[i] = from[i];
			changed |= !imp_same_text(from[i], was[i]);
		}
	if (changed && write) {
		if (db_io_customer_update(db, &m, &im->werr) != DB_OK) {
			db_io_customer_release(&old);
			return -1;
		}
		imp_undo_push(im, UNDO_CUSTOMER_CHANGED, old.id, 0, 0, NULL);
		im->undo[im->nundo - 1].old.customer = old;
	} else {
		db_io_customer_release(&old);
	}
	return changed ? IMP_CHANGED : IMP_UNCHANGED;
}

static int imp_apply_price(struct imp *im, void *row, int write)
{
	struct imp_price *r = row;
	struct db *db = im->a->db;
	struct db_io_price now = r->p;
	int rc = db_io_price_get(db, &now);
	if (rc == DB_ERROR) {
		error_set(&im->werr, _("database error: %s"), db_errmsg(db));
		return -1;
	}
	if (rc == DB_NOTFOUND) {
		if (!write)
			return IMP_ADDED;
		struct db_io_price p = r->p;
		if (db_io_price_insert(db, &p, &im->werr) != DB_OK)
			return -1;
		imp_undo_push(im, UNDO_PRICE_ADDED, p.id, 0, 0, NULL);
		return IMP_ADDED;
	}
	if (now.price == r->p.price && now.valid_to == r->p.valid_to)
		return IMP_UNCHANGED;
	if (write) {
		struct db_io_price p = r->p;
		p.id = now.id;
		if (db_io_price_update(db, &p, &im->werr) != DB_OK)
			return -1;
		imp_undo_push(im, UNDO_PRICE_CHANGED, now.id, now.valid_to, now.price, NULL);
	}
	return IMP_CHANGED;
}

/* Sets the quantity on hand by adding the difference (qty = qty + delta):
 * a sale committed between two imports is never written over. */
static int imp_apply_stock(struct imp *im, void *row, int write)
{
	struct imp_stock *r = row;
	struct db *db = im->a->db;
	int64_t have = 0;
	int rc = db_io_stock_get(db, r->product_id, r->location_id, &have);
	if (rc == DB_ERROR) {
		error_set(&im->werr, _("database error: %s"), db_errmsg(db));
		return -1;
	}
	int64_t delta = r->qty - have;
	if (rc == DB_OK && delta == 0)
		return IMP_UNCHANGED;
	if (write) {
		if (db_stock_add(db, r->product_id, r->location_id, delta, &im->werr) != DB_OK)
			return -1;
		imp_undo_push(im, rc == DB_NOTFOUND ? UNDO_STOCK_ADDED : UNDO_STOCK, r->product_id,
		              r->location_id, delta, NULL);
	}
	return rc == DB_NOTFOUND ? IMP_ADDED : IMP_CHANGED;
}

/* Each kind: its row, the check of a record, the write (or, without
 * write, the count) of a row, and what ends a transaction's rows. */
static const struct {
	size_t row_size;
	int (*check)(struct imp *im, const char **v, size_t line);
	int (*apply)(struct imp *im, void *row, int write);
	int (*finish)(struct imp *im);
} imp_ops[] = {
	[APP_IO_PRODUCTS] = { sizeof(struct imp_product), imp_check_product, imp_apply_product,
	                      imp_finish_products },
	[APP_IO_CUSTOMERS] = { sizeof(struct imp_customer), imp_check_customer, imp_apply_customer,
	                       NULL },
	[APP_IO_PRICES] = { sizeof(struct imp_price), imp_check_price, imp_apply_price, NULL },
	[APP_IO_STOCK] = { sizeof(struct imp_stock), imp_check_stock, imp_apply_stock, NULL },
};

static size_t imp_row_line(struct imp *im, size_t i)
{
	/* Every row struct starts with its line. */
	return *(size_t *)(void *)(im->rows + i * im->row_size);
}

static void imp_progress(struct imp *im, const char *phase, size_t done, size_t total)
{
	if (im->o->progress)
		im->o->progress(im->o->ctx, phase, done, total);
}

static void imp_count_outcome(struct imp *im, int outcome)
{
	if (outcome == IMP_ADDED)
		im->res->added++;
	else if (outcome == IMP_CHANGED)
		im->res->changed++;
	else
		im->res->unchanged++;
}

static int imp_check_all(struct imp *im, struct csv_reader *r)
{
	const char *v[IMP_COLS_MAX];
	size_t done = 0;
	int rc = 0;
	while (!im->full && (rc = csv_read(r)) == 1) {
		size_t line = r->record_line;
		if (++done % 4096 == 0)
			imp_progress(im, "checking", r->pos, r->len);
		size_t f;
		for (f = 0; f < csv_nfields(r) && !csv_field(r, f)[0]; f++)
			;
		if (f == csv_nfields(r))
			continue; /* a row of empty cells, as spreadsheets leave at the end */
		if (csv_nfields(r) != im->nfields) {
			imp_error(im, line, _("%zu fields where the header has %zu"), csv_nfields(r),
			          im->nfields);
			continue;
		}
		if (imp_cells(im, r, v) == 0)
			imp_ops[im->kind].check(im, v, line);
	}
	if (!im->full && rc < 0) {
		if (rc == CSV_FIELD_TOO_LONG || rc == CSV_LINE_TOO_LONG)
			imp_error(im, r->error_line, _("%s (at most %zu bytes)"), _(csv_strerror(rc)),
			          rc == CSV_FIELD_TOO_LONG ? (size_t)CSV_FIELD_MAX : (size_t)CSV_RECORD_MAX);
		else
			imp_error(im, r->error_line, "%s", _(csv_strerror(rc)));
	}
	return im->nerrors ? -1 : 0;
}

static int imp_write(struct imp *im)
{
	struct db *db = im->a->db;
	size_t i = 0;
	if (im->kind == APP_IO_PRODUCTS && db_io_batch_open(db, &im->werr) != DB_OK) {
		imp_error(im, 0, _("cannot write: %s"), im->werr);
		return -1;
	}
	db_io_autocheckpoint(db, 0);
	size_t limit = IMP_CHUNK_ROWS;
	while (i < im->nrows) {
		size_t mark = im->nundo, start = i;
		int rc = db_begin(db, &im->werr) == DB_OK ? 0 : -1;
		int64_t t0 = imp_ms();
		im->wrow = i;
		for (size_t n = 0; rc >= 0 && i < im->nrows; i++) {
			im->wrow = i;
			rc = imp_ops[im->kind].apply(im, im->rows + i * im->row_size, 1);
			if (rc < 0)
				break;
			imp_count_outcome(im, rc);
			if (++n == limit || imp_ms() - t0 >= IMP_CHUNK_MS) {
				i++;
				break;
			}
		}
		int batch = 0;
		if (rc >= 0 && imp_ops[im->kind].finish) {
			im->wrow = start;
			batch = 1;
			rc = imp_ops[im->kind].finish(im);
		}
		if (rc >= 0 && db_commit(db, &im->werr) == DB_OK) {
			int64_t took = imp_ms() - t0;
			if (took > IMP_CHUNK_MS && limit > IMP_CHUNK_MIN)
				limit /= 2;
			else if (took < IMP_CHUNK_MS / 2 && limit < IMP_CHUNK_ROWS)
				limit = limit * 2 < IMP_CHUNK_ROWS ? limit * 2 : IMP_CHUNK_ROWS;
			imp_progress(im, "writing", i, im->nrows);
			if (i < im->nrows)
				imp_yield(im, took);
			continue;
		}
		db_rollback(db);
		imp_undo_drop(im, mark);
		size_t line = imp_row_line(im, im->wrow < im->nrows ? im->wrow : im->nrows - 1);
		char *why = NULL;
		const char *what = batch ? _("cannot write the rows from this line on")
		                         : _("cannot write this row");
		if (imp_undo_all(im, &why) != 0) {
			im->res->undo_incomplete = 1;
			imp_error(im, line, _("%s: %s; taking back what was written failed too: %s"),
			          what, im->werr ? im->werr : "?", why ? why : "?");
		} else {
			imp_error(im, line, _("%s: %s; what was written is taken back"), what,
			          im->werr ? im->werr : "?");
		}
		free(why);
		im->res->added = im->res->changed = im->res->unchanged = 0;
		db_io_autocheckpoint(db, 1);
		return -1;
	}
	db_io_checkpoint(db);
	db_io_autocheckpoint(db, 1);
	return 0;
}

/* What a dry run reports: each row compared with the shop, nothing written. */
static int imp_count_all(struct imp *im)
{
	for (size_t i = 0; i < im->nrows; i++) {
		int outcome = imp_ops[im->kind].apply(im, im->rows + i * im->row_size, 0);
		if (outcome < 0) {
			imp_error(im, imp_row_line(im, i), "%s", im->werr ? im->werr : "?");
			return APP_IO;
		}
		imp_count_outcome(im, outcome);
	}
	return APP_OK;
}

static void imp_release(struct imp *im)
{
	while (im->arena) {
		struct imp_block *next = im->arena->next;
		free(im->arena);
		im->arena = next;
	}
	imp_undo_drop(im, 0);
	free(im->undo);
	free(im->rows);
	imp_seen_release(&im->seen);
	imp_seen_release(&im->seen_codes);
	strbuf_release(&im->errors);
	free(im->werr);
}

static int imp_run(struct imp *im)
{
	char *raw = NULL, *text = NULL;
	size_t len = 0, tlen = 0;
	if (imp_read_file(im, &raw, &len) || imp_decode(im, raw, len, &text, &tlen)) {
		free(raw);
		return APP_ERR;
	}
	struct csv_reader r;
	int rc = APP_ERR;
	if (csv_reader_init(&r, text, tlen, NULL) != CSV_OK) {
		imp_error(im, 0, "%s", _(csv_strerror(CSV_NOMEM)));
		goto out;
	}
	int first = csv_read(&r);
	if (first == 0) {
		imp_error(im, 0, _("the file is empty: it needs a header line (%s)"),
		          app_io_columns(im->kind));
		goto out;
	}
	if (first < 0) {
		imp_error(im, r.error_line, "%s", _(csv_strerror(first)));
		goto out;
	}
	if (imp_header(im, &r))
		goto out;
	db_io_cache_size(im->a->db, IMP_CACHE_MB);
	if (db_io_snapshot_begin(im->a->db, &im->werr) != DB_OK) {
		imp_error(im, 0, "%s", im->werr);
		rc = APP_IO;
		goto out;
	}
	int checked = imp_check_all(im, &r);
	im->res->rows = im->nrows;
	if (checked == 0 && im->o->dry_run) {
		rc = imp_count_all(im);
	} else if (checked == 0) {
		db_io_snapshot_end(im->a->db);
		imp_progress(im, "checking", r.len, r.len);
		rc = imp_write(im) == 0 ? APP_OK : APP_IO;
	}
	db_io_snapshot_end(im->a->db);
out:
	csv_reader_release(&r);
	if (text != raw)
		free(text);
	free(raw);
	return rc;
}

const char *app_io_columns(enum app_io_kind kind)
{
	static char lists[IMP_KINDS][256];
	if (!lists[kind][0]) {
		size_t o = 0, size = sizeof lists[kind];
		for (size_t i = 0; i < imp_kinds[kind].ncols && o < size; i++) {
			if (i && i == imp_kinds[kind].required)
				o += (size_t)snprintf(lists[kind] + o, size - o, "; %s: ", _("optional"));
			else if (i)
				o += (size_t)snprintf(lists[kind] + o, size - o, ", ");
			if (o < size)
				o += (size_t)snprintf(lists[kind] + o, size - o, "%s",
				                      imp_kinds[kind].cols[i].name);
		}
	}
	return lists[kind];
}

int app_io_encoding_known(const char *encoding)
{
	char *s = charset_from_utf8("", encoding);
	int known = s != NULL;
	free(s);
	return known;
}

int app_import(struct app *a, enum app_io_kind kind, const char *path,
               const struct app_import_opts *o, struct app_import_result *res, char **err)
{
	memset(res, 0, sizeof *res);
	if (kind == APP_IO_SALES || (size_t)kind >= IMP_KINDS) {
		error_set(err, _("sales cannot be imported; they are only exported"));
		return APP_ERR;
	}
	struct imp im = { .a = a, .kind = kind, .path = path, .o = o, .res = res,
	                  .row_size = imp_ops[kind].row_size };
	if (db_io_tax_classes(a->db, im.taxes, IMP_TAXES_MAX, &im.ntaxes) != DB_OK) {
		error_set(err, _("cannot read the tax classes: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	int rc = imp_run(&im);
	if (rc != APP_OK) {
		if (res->undo_incomplete)
			strbuf_addf(&im.errors, _("%s: the import stopped half-way; part of it is in "
			                          "the shop"), path);
		else
			strbuf_addf(&im.errors, _("%s: nothing imported"), path);
		error_set(err, "%s", strbuf_str(&im.errors));
	}
	imp_release(&im);
	return rc;
}
