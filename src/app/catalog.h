/* The buyers' catalog: one price list's unit prices, with its quantity
 * breaks and case sizes, for every active product by category, written as
 * A4 pages (PDF) or as 80-column UTF-8 text. */
#ifndef COMPTOIR_APP_CATALOG_H
#define COMPTOIR_APP_CATALOG_H

#include <stddef.h>
#include <stdint.h>
#include "app.h"

enum app_catalog_format {
	APP_CATALOG_NONE = 0,
	APP_CATALOG_PDF,
	APP_CATALOG_TEXT,
};

/* The format an output path asks for by its extension: .pdf or .txt, in
 * any case; APP_CATALOG_NONE for anything else. */
enum app_catalog_format app_catalog_format(const char *path);

struct app_catalog_req {
	const char *list;       /* price list code: "reseller" */
	const char *category;   /* one category only, NULL for all */
	const char *path;       /* the file to write */
	enum app_catalog_format format;
	int64_t now;            /* the day the prices are for; 0 for the clock */
};

struct app_catalog_stats {
	size_t products;
	int pages;
};

/* Writes the catalog of req->list to req->path.  The products are read,
 * priced and written one at a time, so memory does not grow with the
 * catalogue.  The file appears only when whole: it is written beside the
 * path under another name and renamed; on any failure nothing is left
 * behind and a file already at the path is untouched.  An unknown list is
 * APP_NOTFOUND with the shop's list codes in *err; a category with no
 * product is APP_NOTFOUND; a file that cannot be written is APP_ERR. */
int app_catalog_write(struct app *a, const struct app_catalog_req *req,
                      struct app_catalog_stats *stats, char **err);

#endif
