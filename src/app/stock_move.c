/* The one way the application changes stock: a movement with its reason,
 * what caused it and who, at the current time (db/stock.c). */
#include <stdarg.h>
#include <stdio.h>
#include <time.h>
#include "app-internal.h"
#include "../../db/stock.h"

int app_stock_move(struct app *a, int64_t product_id, int64_t location_id, int64_t qty,
                   const char *reason, char **err, const char *ref_fmt, ...)
{
	char ref[64] = "";
	if (ref_fmt) {
		va_list ap;
		va_start(ap, ref_fmt);
		vsnprintf(ref, sizeof ref, ref_fmt, ap);
		va_end(ap);
	}
	struct db_move m = {
		.product_id = product_id, .location_id = location_id, .qty = qty,
		.reason = reason, .ref = ref, .user = a->user, .unit_cost = -1,
		.at = (int64_t)time(NULL),
	};
	return db_stock_move(a->db, &m, err);
}
