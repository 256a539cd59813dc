/* The demo shop's contents, generated deterministically: a mixed shop of
 * groceries and bakery (French names), essential oils, PC parts and household
 * goods, with valid EAN-13 codes, a few weighed items, customers of each kind
 * and stock levels. No I/O: each record is handed to a callback. */
#ifndef COMPTOIR_DEMO_DATA_H
#define COMPTOIR_DEMO_DATA_H

#include <stdint.h>

enum demo_country { DEMO_FR = 0, DEMO_IN = 1 };

struct demo_tax {
	const char *code;      /* "TVA20", "GST18" */
	const char *name;      /* "TVA 20 %" */
	int32_t rate;          /* hundredths of a percent: 2000, 550 */
};

struct demo_product {
	const char *sku;       /* unique, e.g. "BAK-0001" */
	const char *name;      /* UTF-8, accents welcome */
	const char *brand;
	const char *category;
	const char *unit;      /* "pc", "kg", "l" */
	int tax;               /* index into the country's demo_tax table */
	int64_t price;         /* minor units, tax-inclusive for FR and IN retail */
	int weighed;           /* price per kg, sold in grams */
	const char *ean13;     /* a valid EAN-13, or for weighed goods the in-store
	                          key (prefix 25-29, value zeroed, check digit right) */
	const char *case_ean13;/* a case barcode (valid EAN-13) or NULL */
	int64_t case_qty;      /* units in the case when case_ean13 is set */
	int64_t stock;         /* on hand, base units (grams when weighed) */
};

struct demo_customer {
	const char *code;      /* "WALKIN", "C0001" */
	const char *name;
	const char *kind;      /* retail, wholesale, reseller, distributor,
	                          restaurant, employee, walk-in */
};

/* The country's tax classes; *n is set to their count. */
const struct demo_tax *demo_taxes(enum demo_country c, int *n);

/* Calls product() for every product (at least 2,000) and customer() for every
 * customer (each kind at least once), in a fixed order: the same shop every
 * time. The pointers handed over are valid during the call only. A callback
 * returning non-zero stops the walk and that value is returned. */
int demo_generate(enum demo_country c,
                  int (*product)(const struct demo_product *p, void *ctx),
                  int (*customer)(const struct demo_customer *cu, void *ctx),
                  void *ctx);

/* Five codes worth trying at the counter, with what they are; the README
 * lists the same ones (a test checks they exist). */
struct demo_try {
	const char *code;
	const char *what;
};
extern const struct demo_try demo_try_codes[5];

/* The demo's warehouse and purchasing: a warehouse with bins, a
 * manufacturer and a wholesaler with what they sell us (priced as a
 * percentage of the retail price), minimum and maximum levels (some under
 * the minimum, so reordering suggests them), one purchase order to send,
 * and lots with their expiry (days after today) in the warehouse. The same
 * products in both countries; only the suppliers differ. */
struct demo_location {
	const char *code, *name, *kind;    /* kind: "warehouse" or "bin" */
};
struct demo_supplier {
	const char *code, *name, *kind;    /* kind: "manufacturer" or "wholesaler" */
};
struct demo_supply {
	int supplier;          /* index into the suppliers */
	const char *sku;
	const char *code;      /* the supplier's own code */
	int32_t price_pct;     /* of the retail price */
	int64_t pack_qty, lead_days;
	int preferred;
};
struct demo_levels {
	const char *sku;
	int64_t min, max;
};
struct demo_po_line {
	const char *sku;
	const char *qty;       /* base units, as typed */
};
struct demo_lot {
	const char *sku;
	const char *code;
	int expiry_days;       /* after today */
	int64_t qty;
};
struct demo_warehouse {
	const struct demo_location *locations;   /* the warehouse first */
	int nlocations;
	const struct demo_supplier *suppliers;
	int nsuppliers;
	const struct demo_supply *supplies;
	int nsupplies;
	const struct demo_levels *levels;
	int nlevels;
	int po_supplier;       /* the order to send: index into the suppliers */
	const struct demo_po_line *po;
	int npo;
	const struct demo_lot *lots;           /* all in the warehouse */
	int nlots;
};
const struct demo_warehouse *demo_warehouse(enum demo_country c);

#endif
