/* Shared by the desk's statement files (documents.c, documents_print.c). */
#ifndef COMPTOIR_DB_DOCUMENTS_INTERNAL_H
#define COMPTOIR_DB_DOCUMENTS_INTERNAL_H

#include <stdint.h>
#include "db.h"

/* A statement (static text, see db_stmt_sql) binding two integers and
 * reading up to two back; DB_OK, DB_NOTFOUND or DB_ERROR. */
int db_two(struct db *db, const char *sql, int64_t a, int64_t b, int64_t *x, int64_t *y);

#endif
