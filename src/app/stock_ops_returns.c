/* Goods coming back (a return or void of a ticket, a restocking credit
 * note) go back into the lots their sale or delivery took them from, never
 * more into a lot than it gave less what already came back. */
#include "stock_ops-internal.h"
#include "../../db/db-internal.h"
#include "../../db/stock.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

/* What each lot gave to the origin less what came back, latest expiry
 * first: ?1 the product, ?2 the origin. A sale's movements are "sale"
 * "ticket N", its returns' "return" "ticket M"; an invoice's order was
 * delivered by "delivery" "delivery N", credited by "credit" "credit Y-N"
 * (credit notes of any invoice of that order). */
#define SQL_RETURN_LOTS(took, back)                                             \
	"WITH took(lot_id, q) AS (SELECT lot_id, -SUM(qty) FROM stock_moves "   \
	"WHERE product_id = ?1 AND lot_id IS NOT NULL AND " took " GROUP BY lot_id), " \
	"back(lot_id, q) AS (SELECT lot_id, SUM(qty) FROM stock_moves "         \
	"WHERE product_id = ?1 AND lot_id IS NOT NULL AND " back " GROUP BY lot_id) " \
	"SELECT t.lot_id, t.q - COALESCE(b.q, 0) FROM took t JOIN lots l ON l.id = t.lot_id " \
	"LEFT JOIN back b ON b.lot_id = t.lot_id WHERE t.q - COALESCE(b.q, 0) > 0 "   \
	"ORDER BY l.expiry IS NULL, l.expiry DESC, l.id DESC"
static const char sql_return_lots_ticket[] = SQL_RETURN_LOTS(
	"reason = 'sale' AND ref = (SELECT 'ticket ' || number FROM tickets WHERE id = ?2)",
	"reason = 'return' AND ref IN (SELECT 'ticket ' || number FROM tickets "
	"WHERE original_id = ?2 AND kind = 'return')");
static const char sql_return_lots_invoice[] = SQL_RETURN_LOTS(
	"reason = 'delivery' AND ref IN (SELECT 'delivery ' || d.number FROM documents d "
	"WHERE d.kind = 'delivery' AND d.source_id = (SELECT source_id FROM documents "
	"WHERE id = ?2))",
	"reason = 'credit' AND ref IN (SELECT 'credit ' || c.year || '-' || c.number "
	"FROM documents c WHERE c.kind = 'credit' AND c.source_id IN (SELECT i.id FROM "
	"documents i WHERE i.id = ?2 OR (i.kind = 'invoice' AND i.source_id = (SELECT "
	"source_id FROM documents WHERE id = ?2))))");

int app_stock_return_lots(struct app *a, int64_t product_id, int64_t location_id, int64_t qty,
                          enum app_stock_origin from, int64_t origin, const char *reason,
                          const char *ref, char **err)
{
	struct stock_lot_take lots[STOCK_TAKE_LOTS_MAX];
	size_t n = 0;
	sqlite3_stmt *st = db_stmt_sql(a->db, from == APP_STOCK_FROM_TICKET
	                                      ? sql_return_lots_ticket : sql_return_lots_invoice,
	                               err);
	if (!st)
		return APP_IO;
	sqlite3_bind_int64(st, 1, product_id);
	sqlite3_bind_int64(st, 2, origin);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < STOCK_TAKE_LOTS_MAX) {
		lots[n].lot_id = sqlite3_column_int64(st, 0);
		lots[n].qty = sqlite3_column_int64(st, 1);
		n++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		error_set(err, _("cannot read the lots: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	int64_t left = qty;
	for (size_t i = 0; i <= n && left > 0; i++) {
		int64_t lot = i < n ? lots[i].lot_id : 0;
		int64_t put = i < n && lots[i].qty < left ? lots[i].qty : left;
		if (app_stock_move_lot(a, product_id, location_id, lot, put, -1, reason, err, "%s",
		                       ref) != DB_OK)
			return APP_IO;
		left -= put;
	}
	return APP_OK;
}
