/* Shared by the files of the import only (import*.c): the state of one
 * import, the kinds' columns, and what each file offers the others. */
#ifndef COMPTOIR_APP_IMPORT_INTERNAL_H
#define COMPTOIR_APP_IMPORT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include "import.h"
#include "app-internal.h"
#include "../../db/io.h"
#include "../util/strbuf.h"

struct csv_reader;

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

/* Each kind's columns, required ones first (import_columns.c). */
struct imp_kind {
	const char *name;
	const struct imp_col *cols;
	size_t ncols, required;
};
#define IMP_KINDS ((size_t)APP_IO_SALES + 1)
extern const struct imp_kind imp_kinds[IMP_KINDS];

/* The index of each column in its kind's table. */
enum { PC_SKU, PC_NAME, PC_PRICE, PC_TAX, PC_BARCODE, PC_UNIT, PC_PACK_OF, PC_PACK_BARCODE,
       PC_COST, PC_BRAND, PC_CATEGORY, PC_SUPPLIER, PC_WEIGHED };
enum { CC_CODE, CC_NAME, CC_KIND, CC_LIST, CC_TAX_ID, CC_CREDIT, CC_TERMS, CC_EMAIL,
       CC_PHONE, CC_ADDRESS, CC_STATE };
enum { RC_LIST, RC_SKU, RC_PRICE, RC_MIN_QTY, RC_FROM, RC_TO };
enum { SC_SKU, SC_QTY, SC_LOCATION, SC_LOT, SC_EXPIRY };

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
	UNDO_PRICE_CHANGED, UNDO_STOCK_LOT,
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
	char lot[65];           /* "" for stock without a lot */
	char expiry[11];        /* YYYY-MM-DD or "" */
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

/* import.c: the problems found, one line each, up to APP_IMPORT_ERRORS_MAX
 * (line 0: the file as a whole); s[0..n) copied into the import's arena,
 * freed with it. */
__attribute__((format(printf, 3, 4))) void imp_error(struct imp *im, size_t line,
                                                     const char *fmt, ...);
char *imp_store(struct imp *im, const char *s, size_t n);

/* import_rows.c: the file read and decoded to UTF-8; its header matched to
 * the kind's columns; the cells of a record cleaned into v; a cell checked
 * as present, a code, an amount, a count or a date (each 0 or -1, with the
 * problem told to imp_error). */
int imp_read_file(struct imp *im, char **out, size_t *len);
int imp_decode(struct imp *im, char *raw, size_t len, char **text, size_t *tlen);
int imp_header(struct imp *im, struct csv_reader *r);
int imp_cells(struct imp *im, struct csv_reader *r, const char **v);
int imp_required(struct imp *im, size_t line, const char *v, const char *col);
int imp_code(struct imp *im, size_t line, const char *v, const char *col);
int imp_money(struct imp *im, size_t line, const char *v, const char *col, int64_t *out);
int imp_count(struct imp *im, size_t line, const char *v, const char *col, int64_t lo,
              int64_t hi, int64_t def, int64_t *out);
int imp_date(struct imp *im, size_t line, const char *v, const char *col, int32_t *out);

/* import_check.c: a record of each kind checked and kept as a row. */
int imp_check_product(struct imp *im, const char **v, size_t line);
int imp_check_customer(struct imp *im, const char **v, size_t line);
int imp_check_price(struct imp *im, const char **v, size_t line);
int imp_check_stock(struct imp *im, const char **v, size_t line);
void imp_seen_release(struct imp_seen *s);

/* import_apply.c: a row of each kind written (or, without write, compared),
 * returning an imp_outcome or -1 with im->werr; the undo entries. */
int imp_apply_product(struct imp *im, void *row, int write);
int imp_apply_customer(struct imp *im, void *row, int write);
int imp_apply_price(struct imp *im, void *row, int write);
int imp_apply_stock(struct imp *im, void *row, int write);
int imp_finish_products(struct imp *im);
int imp_undo_one(struct imp *im, struct imp_undo *u, char **err);
void imp_undo_free(struct imp_undo *u);
void imp_undo_drop(struct imp *im, size_t mark);

#endif
