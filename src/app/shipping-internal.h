/* Shared by the desk's files of src/app/ only: the shipping charge as a
 * cart line, its place in a delivery, and the lines `doc show` prints. */
#ifndef COMPTOIR_APP_SHIPPING_INTERNAL_H
#define COMPTOIR_APP_SHIPPING_INTERNAL_H

#include "documents-internal.h"
#include "shipping.h"
#include "../util/strbuf.h"

/* Adds the charge of method (charge -1: the method's default) to c as a
 * fixed-price line of its product; *idx is that cart line, -1 when the
 * charge is 0. */
int doc_shipping_charge(struct app *a, const char *method, money_t charge, struct cart *c,
                        int *idx, char **err);
/* Inside app_deliver's transaction, once what is taken is known: the
 * order's shipping charge goes out with its first delivery, whatever items
 * were asked. *charge_line is the order's line holding it (0: none); it
 * moves no stock. lines, open and take have n entries. */
int doc_shipping_take(struct app *a, const struct db_doc *order,
                      const struct db_doc_line *lines, const int64_t *open, int64_t *take,
                      size_t n, int *charge_line, char **err);
/* The line of order order_id holding its shipping charge, 0 none (a
 * credit note puts no charge back on the shelf). */
int doc_shipping_charge_line(struct app *a, int64_t order_id);
/* The lines of `doc show` saying where and how the goods go. */
void doc_shipping_show(struct app *a, const struct db_doc *d, struct strbuf *sb);

#endif
