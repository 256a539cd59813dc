/* Rights and roles by name: what a user may do is data (the role_rights
 * table); this file holds the names the application checks, and the rules
 * for PINs and user names. No I/O. */
#ifndef COMPTOIR_RIGHTS_H
#define COMPTOIR_RIGHTS_H

enum right {
	RIGHT_REFUND = 0,        /* a return against a ticket */
	RIGHT_RETURN_NO_TICKET,
	RIGHT_PRICE_OVERRIDE,    /* a manual price, or a list's minimum or multiple passed */
	RIGHT_DISCOUNT_LARGE,    /* a discount above the shop's threshold */
	RIGHT_VOID_AFTER_TENDER, /* cancel a whole committed ticket */
	RIGHT_NO_SALE,           /* open the drawer without a sale */
	RIGHT_CLOSING,           /* shifts' cash, X and Z reports, closings */
	RIGHT_STOCK_ADJUST,
	RIGHT_PRICE_LIST_EDIT,
	RIGHT_USER_ADMIN,
	RIGHT_CREDIT_OVERRIDE,   /* an order or on-account sale past the credit rules */
	RIGHT_RECEIVE_UNORDERED, /* goods into stock without a purchase order */
	RIGHT_PURCHASE,          /* suppliers, their prices, purchase orders, reorder levels */
	RIGHT_RECEIVE,           /* goods into stock against a purchase order */
	RIGHT_COUNT
};

/* "refund", "return_no_ticket", ... as stored in role_rights. */
const char *right_name(enum right r);
/* A short English description, marked for translation. */
const char *right_label(enum right r);
int right_parse(const char *name, enum right *out);

/* cashier, supervisor, manager, warehouse, admin. */
int role_valid(const char *role);
extern const char *const role_names[];

#define PIN_MIN 4
#define PIN_MAX 12
#define USER_NAME_MAX 31
/* 4 to 12 digits. */
int pin_valid(const char *pin);
/* 1 to 31 bytes of [a-z0-9._-], starting with a letter or digit. */
int user_name_valid(const char *name);

/* Lock-out: after PIN_TRIES_MAX wrong PINs in a row, the user is locked
 * for PIN_LOCK_SECONDS. */
#define PIN_TRIES_MAX 5
#define PIN_LOCK_SECONDS 300

#endif
