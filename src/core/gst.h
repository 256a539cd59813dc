/* India's GST on one line: the line's tax split into CGST + SGST (or UTGST)
 * within the seller's state or stored whole as IGST to another state, and
 * the table of GST state codes with the names people type. */
#ifndef COMPTOIR_GST_H
#define COMPTOIR_GST_H

#include "money.h"

enum gst_error {
	GST_OK = 0,
	GST_NO_SELLER_STATE = -90, /* the shop's state is missing or unknown */
	GST_UNKNOWN_STATE = -91,   /* not a state name, abbreviation or code */
	GST_OVERFLOW = -92,        /* |tax| past MONEY_MAX */
};

/* English text for a gst_error, marked for translation. */
const char *gst_strerror(int err);

struct gst_split {
	money_t cgst;
	money_t sgst;   /* SGST, or UTGST when utgst says so */
	money_t igst;
	int utgst;      /* the seller's state is a Union Territory without a
	                   legislature: print the sgst half as "UTGST" */
	char place[3];  /* the place of supply's state code: the buyer's, or
	                   the seller's for a walk-in */
};

/* Splits a line's tax (already rounded, by tax_split) by the place of
 * supply.  Same state, or no buyer state (NULL or blank: a walk-in buys at
 * the counter): cgst + sgst == tax exactly, cgst being tax/2 rounded half
 * away from zero and sgst the rest, so an odd paisa goes to CGST (5 -> 3 +
 * 2, -5 -> -3 + -2); igst = 0.  Different states: igst = tax, the halves 0.
 * States are names, abbreviations or codes (see gst_state_code).
 * Returns 0, GST_NO_SELLER_STATE, GST_UNKNOWN_STATE for the buyer's state,
 * or GST_OVERFLOW; *out is untouched on error. */
int gst_split_tax(money_t tax, const char *seller_state, const char *buyer_state,
                  struct gst_split *out);

/* Normalises "27", "Maharashtra", "maharashtra", "MH", "Jammu & Kashmir",
 * " tamil nadu " to the two-digit GST state code in out ("" on error).
 * Case, blanks, '.' and '-' do not matter; '&' reads as "and".  Also takes
 * the older names (Orissa, Pondicherry, Uttaranchal), both ISO 3166-2:IN
 * and vehicle-plate two-letter forms where they differ (CT/CG, OR/OD,
 * TG/TS, UT/UK), and code 25 and "Daman and Diu" as 26, the Union Territory
 * they were merged into in 2020.  Code 28 (Andhra Pradesh before 2014,
 * which included today's Telangana) is refused as ambiguous.
 * Returns 0 or GST_UNKNOWN_STATE. */
int gst_state_code(const char *name_or_code, char out[3]);

/* The name of a two-digit code ("27" -> "Maharashtra"), or NULL. */
const char *gst_state_name(const char *code);

#endif
