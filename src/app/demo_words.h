/* Private to the demo shop: the word tables of demo_words.c, which
 * demo_data.c multiplies into products. Not for other callers: the public
 * contract is demo_data.h. */
#ifndef COMPTOIR_DEMO_WORDS_H
#define COMPTOIR_DEMO_WORDS_H

#include <stdint.h>
#include "demo_data.h"

/* One word of a list: a variant ("de fraises"), a quality ("bio") or a size
 * ("370 g"). Lists end with an entry whose text is NULL. */
struct demo_word {
	const char *text;      /* "" adds nothing to the name */
	int32_t pct;           /* price factor, percent */
	int32_t case_qty;      /* sizes only: units in a case, 0 for none */
};

/* Sections: the SKU prefix ("BAK-0001") and how prices and stock go. */
enum demo_section {
	DEMO_SEC_BAK, DEMO_SEC_GRO, DEMO_SEC_OIL, DEMO_SEC_PC, DEMO_SEC_HOM, DEMO_SEC_PRE,
	DEMO_SEC_COUNT
};

/* Tax kinds, mapped to each country's classes in demo_data.c. */
enum demo_taxkind {
	DEMO_TK_FRESH,      /* fresh produce, milk, eggs, salt */
	DEMO_TK_BREAD,      /* fresh bread */
	DEMO_TK_STAPLE,     /* packaged staples: rice, flour, coffee, tea, spices */
	DEMO_TK_PROCESSED,  /* jam, pasta, cheese, tins, juices */
	DEMO_TK_SNACK,      /* biscuits, cereals, dark chocolate, soups */
	DEMO_TK_PASTRY,     /* pastries and viennoiseries */
	DEMO_TK_WATER,
	DEMO_TK_SODA,
	DEMO_TK_CONFECT,    /* sweets, milk chocolate */
	DEMO_TK_PREPARED,   /* ready to eat, hot drinks to take away */
	DEMO_TK_GOODS,      /* everything that is not food */
	DEMO_TK_PRESS,
	DEMO_TK_COUNT
};

enum demo_family_flags {
	DEMO_HOUSE = 1,     /* made here: round prices, no jitter */
	DEMO_CASES = 2,     /* the sizes' case quantities get a case barcode */
};

/* A family: every variant x quality x size is one product named
 * "name variant quality size" (empty words left out), priced price x the
 * three percentages. NULL lists count as one empty word. Lists priced item
 * by item use a price of 100, so that their percentages read as cents. The
 * brand rotates along variant and quality. */
struct demo_family {
	int section;                    /* enum demo_section */
	const char *category;
	const char *name;
	const struct demo_word *variants, *qualities, *sizes;
	const char *const *brands;      /* ends with NULL */
	int32_t price;                  /* euro cents at 100 % everywhere */
	int tax;                        /* enum demo_taxkind */
	int flags;                      /* enum demo_family_flags */
};

/* Sold by weight at the counter, with an in-store code. */
struct demo_weighed {
	const char *name, *brand, *category;
	int prefix;                     /* 25..29 */
	int item;                       /* 5-digit item code */
	int32_t price_kg;               /* euro cents per kilogram */
	int tax;                        /* enum demo_taxkind */
};

extern const struct demo_family demo_families[];
extern const int demo_nfamilies;
extern const struct demo_weighed demo_weighed_items[];
extern const int demo_nweighed;
extern const struct demo_customer demo_customers_fr[];
extern const int demo_ncustomers_fr;
extern const struct demo_customer demo_customers_in[];
extern const int demo_ncustomers_in;

#endif
