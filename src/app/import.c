/* Import of CSV files, the operation: the file checked whole, then written
 * in short transactions paced to leave the tills the lock, a failure taken
 * back through the undo, and the errors and counts reported. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "import-internal.h"
#include "auth.h"
#include "../core/csv.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"

void imp_error(struct imp *im, size_t line, const char *fmt, ...)
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

char *imp_store(struct imp *im, const char *s, size_t n)
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

int app_import(struct app *a, enum app_io_kind kind, const char *path,
               const struct app_import_opts *o, struct app_import_result *res, char **err)
{
	memset(res, 0, sizeof *res);
	if (kind == APP_IO_SALES || (size_t)kind >= IMP_KINDS) {
		error_set(err, _("sales cannot be imported; they are only exported"));
		return APP_ERR;
	}
	/* Stock moves without a sale: in a shop with users, only by right. */
	int need_right = kind == APP_IO_STOCK && !o->dry_run && app_has_users(a);
	if (need_right) {
		int rr = app_require(a, RIGHT_STOCK_ADJUST, err);
		if (rr != APP_OK)
			return rr;
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
	if (need_right)
		app_require_done(a);
	return rc;
}
