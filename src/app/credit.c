/* Credit control where the order is taken: the customer's hold, overdue
 * invoices and limit, checked inside the order's (or the on-account
 * sale's) transaction so two desks cannot both pass the limit. */
#include <stdlib.h>
#include <string.h>
#include "documents-internal.h"
#include "auth.h"
#include "../core/terms.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

int app_credit_allow(struct app *a, int64_t customer_id, money_t amount, int *approved,
                     char **err)
{
	*approved = 0;
	struct db_desk_customer cu;
	money_t on_order = 0;
	if (db_desk_customer_by_id(a->db, customer_id, &cu) != DB_OK ||
	    db_customer_on_order(a->db, customer_id, &on_order) != DB_OK) {
		error_set(err, _("cannot read the customer's account: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	/* Invoices and on-account tickets past their due day, less what the
	 * customer has paid in advance or been credited (doc_account). */
	struct app_balance b;
	int rc = doc_account(a, &cu, &b, err);
	if (rc != APP_OK)
		return rc;
	app_balance_release(&b);
	money_t owed = b.owed, overdue = b.overdue;
	/* The exposure: what is owed, what is ordered and not invoiced yet,
	 * and this order or sale. */
	int past = cu.credit_limit > 0 && owed + on_order + amount > cu.credit_limit;
	if (!cu.on_hold && overdue <= 0 && !past)
		return APP_OK;
	char *why = NULL;
	if (app_require(a, RIGHT_CREDIT_OVERRIDE, &why) == APP_OK) {
		free(why);
		*approved = app_approver(a)[0] != '\0';
		return APP_OK;
	}
	free(why);
	char lim[32], bal[32], over[32], ord[32], this[32];
	money_format(ord, sizeof ord, on_order, &money_style_plain);
	money_format(lim, sizeof lim, cu.credit_limit, &money_style_plain);
	money_format(bal, sizeof bal, owed, &money_style_plain);
	money_format(over, sizeof over, overdue, &money_style_plain);
	money_format(this, sizeof this, amount, &money_style_plain);
	const char *reason = cu.on_hold ? _("is on hold")
	                     : overdue > 0 ? _("has invoices overdue")
	                                   : _("would pass the credit limit");
	error_set(err, _("%s %s: limit %s, balance %s, overdue %s, on order %s, this order %s; "
	                 "a user with the credit_override right must approve"),
	          cu.code, reason, cu.credit_limit > 0 ? lim : _("none"), bal, over, ord, this);
	return APP_DENIED;
}
