/* Names of rights and roles, and the rules for PINs and user names. */
#include <string.h>
#include "i18n-mark.h"
#include "rights.h"

static const struct {
	const char *name;
	const char *label;
} right_table[RIGHT_COUNT] = {
	[RIGHT_REFUND] = { "refund", N_("refund a return against a ticket") },
	[RIGHT_RETURN_NO_TICKET] = { "return_no_ticket", N_("take a return without a ticket") },
	[RIGHT_PRICE_OVERRIDE] = { "price_override", N_("override a price or a list's rule") },
	[RIGHT_DISCOUNT_LARGE] = { "discount_large", N_("give a discount above the threshold") },
	[RIGHT_VOID_AFTER_TENDER] = { "void_after_tender", N_("cancel a paid ticket") },
	[RIGHT_NO_SALE] = { "no_sale", N_("open the drawer without a sale") },
	[RIGHT_CLOSING] = { "closing", N_("count cash and close shifts and days") },
	[RIGHT_STOCK_ADJUST] = { "stock_adjust", N_("adjust stock") },
	[RIGHT_PRICE_LIST_EDIT] = { "price_list_edit", N_("edit price lists") },
	[RIGHT_USER_ADMIN] = { "user_admin", N_("manage users") },
	[RIGHT_CREDIT_OVERRIDE] = { "credit_override",
	                            N_("pass a customer's credit limit, overdue or hold") },
	[RIGHT_RECEIVE_UNORDERED] = { "receive_unordered",
	                              N_("receive goods without a purchase order") },
	[RIGHT_PURCHASE] = { "purchase",
	                     N_("manage suppliers, their prices and purchase orders") },
	[RIGHT_RECEIVE] = { "receive", N_("receive goods against a purchase order") },
};

const char *const role_names[] = { "cashier", "supervisor", "manager", "warehouse", "admin",
	                           NULL };

const char *right_name(enum right r)
{
	return (unsigned)r < RIGHT_COUNT ? right_table[r].name : "?";
}

const char *right_label(enum right r)
{
	return (unsigned)r < RIGHT_COUNT ? right_table[r].label : "?";
}

int right_parse(const char *name, enum right *out)
{
	for (int r = 0; r < RIGHT_COUNT; r++)
		if (strcmp(right_table[r].name, name) == 0) {
			*out = (enum right)r;
			return 0;
		}
	return -1;
}

int role_valid(const char *role)
{
	for (const char *const *p = role_names; *p; p++)
		if (strcmp(*p, role) == 0)
			return 1;
	return 0;
}

int pin_valid(const char *pin)
{
	size_t n = strlen(pin);
	if (n < PIN_MIN || n > PIN_MAX)
		return 0;
	for (const char *p = pin; *p; p++)
		if (*p < '0' || *p > '9')
			return 0;
	return 1;
}

int user_name_valid(const char *name)
{
	size_t n = strlen(name);
	if (n < 1 || n > USER_NAME_MAX)
		return 0;
	for (const char *p = name; *p; p++) {
		int ok = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		         (p != name && (*p == '.' || *p == '_' || *p == '-'));
		if (!ok)
			return 0;
	}
	return 1;
}
