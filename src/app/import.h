/* CSV import and export: products, customers, price lists and stock read
 * from a file whole or not at all, and the same columns (and the sales)
 * written back out. The operations behind `comptoir import` and `export`. */
#ifndef COMPTOIR_APP_IMPORT_H
#define COMPTOIR_APP_IMPORT_H

#include <stddef.h>
#include <stdio.h>
#include "app.h"

enum app_io_kind {
	APP_IO_PRODUCTS = 0,
	APP_IO_CUSTOMERS,
	APP_IO_PRICES,
	APP_IO_STOCK,
	APP_IO_SALES,    /* export only */
};

/* "products", "customers", "prices", "stock", "sales" (case-insensitive);
 * -1 when name is none of them. */
int app_io_kind_parse(const char *name);
const char *app_io_kind_name(enum app_io_kind kind);

/* The columns of a kind, required ones first, in the order export writes
 * them: their count, each name, and all of them as one line of text
 * ("sku, name, price, tax_rate; optional: barcode, ..."). */
size_t app_io_column_count(enum app_io_kind kind);
const char *app_io_column(enum app_io_kind kind, size_t i);
const char *app_io_columns(enum app_io_kind kind);

/* At most this many problems are listed when a file is refused. */
#define APP_IMPORT_ERRORS_MAX 10

struct app_import_opts {
	const char *encoding;   /* iconv name; NULL: UTF-8, else read as CP1252 */
	int dry_run;            /* check and count, write nothing */
	/* Called now and then: phase is "checking" (done of total bytes) or
	 * "writing" (done of total rows); untranslated. May be NULL. */
	void (*progress)(void *ctx, const char *phase, size_t done, size_t total);
	void *ctx;
};

struct app_import_result {
	size_t rows;               /* data rows in the file */
	size_t added, changed, unchanged;
	int read_as_cp1252;        /* no --encoding and the file was not UTF-8 */
	int undo_incomplete;       /* a failed write could not be fully taken back */
};

/* Imports the CSV file at path into the shop. The whole file is checked
 * before anything is written; it is then written in short transactions (so
 * that the tills keep selling), and a failure half-way takes back what the
 * earlier transactions wrote. Returns APP_OK with res filled, APP_ERR when
 * the file is refused (*err: one line per problem, "FILE:LINE: what", at
 * most APP_IMPORT_ERRORS_MAX of them), or APP_IO. res is filled as far as
 * the import got either way. */
int app_import(struct app *a, enum app_io_kind kind, const char *path,
               const struct app_import_opts *o, struct app_import_result *res, char **err);

/* Writes the rows of kind to out as CSV: a header line, ',' between fields,
 * '.' in numbers, text that a spreadsheet would take for a formula guarded
 * with "'" (import takes it off again). encoding NULL: UTF-8; else the
 * text is transliterated into it. */
int app_export(struct app *a, enum app_io_kind kind, FILE *out, const char *encoding,
               char **err);

/* Whether iconv knows the encoding name (for checking options early). */
int app_io_encoding_known(const char *encoding);

#endif
