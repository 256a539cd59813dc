/* Store credit: what a return issued, read back, and spent as a tender
 * inside a sale's transaction (a credit payment's reference is the code). */
#include <string.h>
#include "app-internal.h"
#include "returns.h"
#include "../../db/returns.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

int app_store_credit(struct app *a, const char *code, money_t *amount, money_t *remaining,
                     char **err)
{
	int rc = db_store_credit_get(a->db, code, amount, remaining);
	if (rc == DB_NOTFOUND) {
		error_set(err, _("no store credit %s"), code);
		return APP_NOTFOUND;
	}
	if (rc != DB_OK) {
		error_set(err, _("cannot read store credits: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	return APP_OK;
}

int app_store_credit_spend(struct app *a, const struct tender *t, char **err)
{
	for (size_t i = 0; i < t->n; i++) {
		const struct payment *p = &t->pay[i];
		if (p->method != PAY_CREDIT)
			continue;
		int rc = db_store_credit_use(a->db, p->reference, p->amount, err);
		if (rc == DB_NOTFOUND) {
			money_t amount = 0, left = 0;
			char l[48];
			if (db_store_credit_get(a->db, p->reference, &amount, &left) != DB_OK) {
				error_set(err, _("no store credit '%s'"), p->reference);
				return APP_ERR;
			}
			money_format(l, sizeof l, left, app_msg_money(a));
			error_set(err, _("store credit %s has only %s left"), p->reference, l);
			return APP_ERR;
		}
		if (rc != DB_OK)
			return APP_IO;
	}
	return APP_OK;
}
