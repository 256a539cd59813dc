/* Shared by the files of src/app/ only: the application handle. */
#ifndef COMPTOIR_APP_INTERNAL_H
#define COMPTOIR_APP_INTERNAL_H

#include "app.h"
#include "../core/barcode.h"
#include "../../db/db.h"

#define APP_LAYOUTS_MAX 8

struct app {
	struct db *db;
	struct app_shop shop;
	int64_t location_id;      /* where the counter sells from */
	struct instore_layout layouts[APP_LAYOUTS_MAX];
	size_t nlayouts;
};

/* Loads shop settings from the database into a->shop. */
int app_load_shop(struct app *a, char **err);

/* Translated English text for the error codes of the core modules. */
const char *app_core_strerror(int code);

#endif
