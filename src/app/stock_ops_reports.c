/* Stock reports as text: valuation at average cost, low stock, movements
 * with reason, user and reference, and dead stock (nothing sold,
 * delivered or transferred out for N days). One line per row, fields separated by two spaces. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "stock_ops-internal.h"
#include "../core/money.h"
#include "../../db/db-internal.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"

static const char sql_valuation[] =
	"SELECT p.sku, p.name, p.weighed, SUM(s.qty), p.cost FROM stock s "
	"JOIN products p ON p.id = s.product_id WHERE (?1 = 0 OR s.location_id = ?1) "
	"GROUP BY p.id HAVING SUM(s.qty) > 0 ORDER BY p.sku";
static const char sql_low_below[] =
	"SELECT sku, name, weighed, q, ?2 FROM (SELECT p.sku, p.name, p.weighed, "
	"COALESCE((SELECT SUM(qty) FROM stock s WHERE s.product_id = p.id "
	"AND (?1 = 0 OR s.location_id = ?1)), 0) AS q FROM products p WHERE p.active = 1) "
	"WHERE q < ?2 ORDER BY sku";
static const char sql_low_min[] =
	"SELECT sku, name, weighed, q, min_level FROM (SELECT p.sku, p.name, p.weighed, "
	"p.min_level, COALESCE((SELECT SUM(qty) FROM stock s WHERE s.product_id = p.id "
	"AND (?1 = 0 OR s.location_id = ?1)), 0) AS q FROM products p "
	"WHERE p.active = 1 AND p.min_level > 0) WHERE q < min_level ORDER BY sku";
static const char sql_moves[] =
	"SELECT m.at, p.sku, l.code, COALESCE(t.code, ''), m.qty, p.weighed, m.reason, "
	"m.user_name, m.ref FROM stock_moves m JOIN products p ON p.id = m.product_id "
	"JOIN locations l ON l.id = m.location_id LEFT JOIN lots t ON t.id = m.lot_id "
	"WHERE m.at >= ?2 AND (?1 = 0 OR m.location_id = ?1) ORDER BY m.id";
static const char sql_dead[] =
	"SELECT sku, name, weighed, q, last FROM (SELECT p.sku, p.name, p.weighed, "
	"SUM(s.qty) AS q, (SELECT MAX(m.at) FROM stock_moves m WHERE m.product_id = p.id "
	"AND m.qty < 0 AND m.reason IN ('sale', 'delivery', 'transfer') "
	"AND (?1 = 0 OR m.location_id = ?1)) AS last FROM stock s "
	"JOIN products p ON p.id = s.product_id WHERE (?1 = 0 OR s.location_id = ?1) "
	"GROUP BY p.id) WHERE q > 0 AND (last IS NULL OR last < ?2) ORDER BY sku";

int app_stock_report_kind_parse(const char *name)
{
	static const char *const names[] = { "valuation", "low", "moves", "dead" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (name && strcmp(name, names[i]) == 0)
			return (int)i;
	return -1;
}

static void report_date(char *out, size_t size, int64_t at, int with_time)
{
	time_t t = (time_t)at;
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(out, size, with_time ? "%Y-%m-%d %H:%M" : "%Y-%m-%d", &tm);
}

/* Valuation: quantity times the average cost; kilograms for weighed goods. */
static void report_valuation_row(sqlite3_stmt *st, struct strbuf *sb, money_t *total)
{
	char sku[65], name[161], q[32], c[32], v[32];
	db_column_text(st, 0, sku, sizeof sku);
	db_column_text(st, 1, name, sizeof name);
	int weighed = sqlite3_column_int(st, 2);
	int64_t qty = sqlite3_column_int64(st, 3);
	money_t cost = sqlite3_column_int64(st, 4);
	money_t value = weighed ? (qty * cost + 500) / 1000 : qty * cost;
	*total += value;
	stock_ops_qty(q, sizeof q, qty, weighed);
	money_format(c, sizeof c, cost, &money_style_plain);
	money_format(v, sizeof v, value, &money_style_plain);
	strbuf_addf(sb, "%s  %s  %s  %s  %s\n", sku, q, c, v, name);
}

static void report_row(const struct app_stock_report_opts *o, sqlite3_stmt *st,
                       struct strbuf *sb, money_t *total)
{
	char sku[65], name[161], q[32], m[32], when[24];
	switch (o->kind) {
	case APP_STOCK_REPORT_VALUATION:
		report_valuation_row(st, sb, total);
		return;
	case APP_STOCK_REPORT_MOVES: {
		char loc[32], lot[65], reason[33], user[33], ref[65];
		report_date(when, sizeof when, sqlite3_column_int64(st, 0), 1);
		db_column_text(st, 1, sku, sizeof sku);
		db_column_text(st, 2, loc, sizeof loc);
		db_column_text(st, 3, lot, sizeof lot);
		stock_ops_qty(q, sizeof q, sqlite3_column_int64(st, 4), sqlite3_column_int(st, 5));
		db_column_text(st, 6, reason, sizeof reason);
		db_column_text(st, 7, user, sizeof user);
		db_column_text(st, 8, ref, sizeof ref);
		strbuf_addf(sb, "%s  %s  %s  %s  %s  %s  %s", when, sku, loc, q, reason,
		            user[0] ? user : "-", ref[0] ? ref : "-");
		if (lot[0])
			strbuf_addf(sb, _("  lot %s"), lot);
		strbuf_addch(sb, '\n');
		return;
	}
	default:
		break;
	}
	db_column_text(st, 0, sku, sizeof sku);
	db_column_text(st, 1, name, sizeof name);
	int weighed = sqlite3_column_int(st, 2);
	stock_ops_qty(q, sizeof q, sqlite3_column_int64(st, 3), weighed);
	if (o->kind == APP_STOCK_REPORT_LOW) {
		stock_ops_qty(m, sizeof m, sqlite3_column_int64(st, 4), weighed);
		strbuf_addf(sb, "%s  %s  %s  %s\n", sku, q, m, name);
		return;
	}
	if (sqlite3_column_type(st, 4) == SQLITE_NULL)
		strlcpy_safe(when, _("never"), sizeof when);
	else
		report_date(when, sizeof when, sqlite3_column_int64(st, 4), 0);
	strbuf_addf(sb, "%s  %s  %s  %s\n", sku, q, when, name);
}

int app_stock_report(struct app *a, const struct app_stock_report_opts *o, char **out,
                     char **err)
{
	*out = NULL;
	int64_t loc = 0;
	if (o->location) {
		int rc = stock_ops_location(a, o->location, &loc, NULL, err);
		if (rc != APP_OK)
			return rc == APP_NOTFOUND ? APP_ERR : rc;
	}
	if (o->days < 0 || o->days > 36600) {
		error_set(err, _("the number of days is 0 to 36600"));
		return APP_ERR;
	}
	int days = o->days ? o->days : o->kind == APP_STOCK_REPORT_DEAD ? 90 : 7;
	int64_t since = (int64_t)time(NULL) - (int64_t)days * 86400;
	const char *sql = NULL;
	int64_t arg2 = since;
	switch (o->kind) {
	case APP_STOCK_REPORT_VALUATION: sql = sql_valuation; break;
	case APP_STOCK_REPORT_MOVES: sql = sql_moves; break;
	case APP_STOCK_REPORT_DEAD: sql = sql_dead; break;
	case APP_STOCK_REPORT_LOW:
		/* Below the product's minimum level (product levels), or below N. */
		sql = o->below >= 0 ? sql_low_below : sql_low_min;
		arg2 = o->below;
		break;
	}
	if (!sql) {
		error_set(err, _("unknown stock report"));
		return APP_ERR;
	}
	sqlite3_stmt *st = db_stmt_sql(a->db, sql, err);
	if (!st)
		return APP_IO;
	sqlite3_bind_int64(st, 1, loc);
	if (sql != sql_valuation && sql != sql_low_min)
		sqlite3_bind_int64(st, 2, arg2);
	struct strbuf sb;
	strbuf_init(&sb);
	money_t total = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		report_row(o, st, &sb, &total);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		strbuf_release(&sb);
		error_set(err, _("cannot read the stock: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	if (o->kind == APP_STOCK_REPORT_VALUATION) {
		char v[32];
		money_format(v, sizeof v, total, &money_style_plain);
		strbuf_addf(&sb, _("total  %s\n"), v);
	}
	*out = strbuf_detach(&sb);
	return APP_OK;
}
