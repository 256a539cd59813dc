/* The one way the application changes stock: a movement with its reason,
 * what caused it and who, at the current time (db/stock.c); and the lots a
 * movement can name. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "app-internal.h"
#include "stock_ops.h"
#include "../core/terms.h"
#include "../core/text.h"
#include "../../db/db-internal.h"
#include "../../db/stock.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

static int stock_move_v(struct app *a, const struct db_move *base, const char *ref_fmt,
                        va_list ap, char **err)
{
	char ref[64] = "";
	if (ref_fmt)
		vsnprintf(ref, sizeof ref, ref_fmt, ap);
	struct db_move m = *base;
	m.ref = ref;
	m.user = a->user;
	m.at = (int64_t)time(NULL);
	return db_stock_move(a->db, &m, err);
}

int app_stock_move(struct app *a, int64_t product_id, int64_t location_id, int64_t qty,
                   const char *reason, char **err, const char *ref_fmt, ...)
{
	struct db_move m = { .product_id = product_id, .location_id = location_id, .qty = qty,
	                     .reason = reason, .unit_cost = -1 };
	va_list ap;
	va_start(ap, ref_fmt);
	int rc = stock_move_v(a, &m, ref_fmt, ap, err);
	va_end(ap);
	return rc;
}

int app_stock_move_lot(struct app *a, int64_t product_id, int64_t location_id, int64_t lot_id,
                       int64_t qty, int64_t unit_cost, const char *reason, char **err,
                       const char *ref_fmt, ...)
{
	struct db_move m = { .product_id = product_id, .location_id = location_id,
	                     .lot_id = lot_id, .qty = qty, .reason = reason,
	                     .unit_cost = unit_cost };
	va_list ap;
	va_start(ap, ref_fmt);
	int rc = stock_move_v(a, &m, ref_fmt, ap, err);
	va_end(ap);
	return rc;
}

static const char sql_lot_get[] = "SELECT id, COALESCE(expiry, '') FROM lots "
                                  "WHERE product_id = ?1 AND code = ?2";
static const char sql_lot_add[] = "INSERT INTO lots(product_id, code, expiry) "
                                  "VALUES (?1, ?2, NULLIF(?3, ''))";

/* A lot code is printed on the goods and scanned back: no control
 * characters, and no blank at either end, refused rather than trimmed so
 * that "L1 " is never taken silently for lot L1 nor stored beside it. */
static int lot_code_check(const char *code, char **err)
{
	size_t len = strlen(code);
	if (len == 0 || len > 64) {
		error_set(err, _("a lot code has 1 to 64 characters"));
		return APP_ERR;
	}
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)code[i] < 0x20 || code[i] == 0x7f) {
			error_set(err, _("a lot code may not contain control characters"));
			return APP_ERR;
		}
	if (code[0] == ' ' || code[len - 1] == ' ') {
		error_set(err, _("a lot code may not begin or end with a space"));
		return APP_ERR;
	}
	if (!utf8_valid(code, len)) {
		error_set(err, _("a lot code must be valid UTF-8"));
		return APP_ERR;
	}
	return APP_OK;
}

/* YYYY-MM-DD, a day of the calendar (src/core/terms.c). */
static int lot_expiry_check(const char *expiry, char **err)
{
	int ok = strlen(expiry) == 10 && expiry[4] == '-' && expiry[7] == '-';
	for (int i = 0; ok && i < 10; i++)
		if (i != 4 && i != 7 && (expiry[i] < '0' || expiry[i] > '9'))
			ok = 0;
	if (ok)
		ok = terms_day_valid(atoi(expiry) * 10000 + atoi(expiry + 5) * 100 + atoi(expiry + 8));
	if (!ok) {
		error_set(err, _("'%s' is not an expiry date (YYYY-MM-DD)"), expiry);
		return APP_ERR;
	}
	return APP_OK;
}

int app_lot_get(struct app *a, int64_t product_id, const char *code, const char *expiry,
                int64_t *lot_id, char **err)
{
	if (lot_code_check(code, err) != APP_OK)
		return APP_ERR;
	if (!expiry)
		expiry = "";
	if (*expiry && lot_expiry_check(expiry, err) != APP_OK)
		return APP_ERR;
	sqlite3_stmt *st = db_stmt_sql(a->db, sql_lot_get, err);
	if (!st)
		return APP_IO;
	sqlite3_bind_int64(st, 1, product_id);
	sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*lot_id = sqlite3_column_int64(st, 0);
		char have[16];
		db_column_text(st, 1, have, sizeof have);
		sqlite3_reset(st);
		if (*expiry && strcmp(have, expiry) != 0) {
			error_set(err, _("lot %s expires on %s, not %s"), code,
			          *have ? have : _("no date"), expiry);
			return APP_ERR;
		}
		return APP_OK;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		error_set(err, _("cannot read the lots: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	st = db_stmt_sql(a->db, sql_lot_add, err);
	if (!st)
		return APP_IO;
	sqlite3_bind_int64(st, 1, product_id);
	sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, expiry, -1, SQLITE_STATIC);
	rc = db_step_done(a->db, st, err);
	if (rc == DB_CONSTRAINT) {
		free(*err);
		*err = NULL;
		error_set(err, _("'%s' is not an expiry date (YYYY-MM-DD)"), expiry);
		return APP_ERR;
	}
	if (rc != DB_OK)
		return APP_IO;
	*lot_id = sqlite3_last_insert_rowid(a->db->conn);
	return APP_OK;
}
