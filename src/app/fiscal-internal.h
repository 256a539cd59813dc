/* Shared by the journal files of src/app/ (journal, verify, archive). */
#ifndef COMPTOIR_APP_FISCAL_INTERNAL_H
#define COMPTOIR_APP_FISCAL_INTERNAL_H

#include <stddef.h>
#include "../core/journal.h"
#include "../../db/journal.h"

/* The hash before the first record. */
#define APP_ZERO_HASH "0000000000000000000000000000000000000000000000000000000000000000"

/* hex(SHA-256(raw(prev_hex) || canonical)); -1 when prev_hex is not 64
 * hex digits. */
int app_journal_hash(const char *prev_hex, const char *canonical, size_t len, char out[65]);
/* The head of a stored record (strings point into j). */
void app_journal_head_from(const struct db_journal *j, struct journal_head *h);

#endif
