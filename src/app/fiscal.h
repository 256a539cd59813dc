/* The fiscal journal seen from the application: appending a record inside
 * an operation's transaction, checking the whole chain (verify), and signed
 * archives of a period. */
#ifndef COMPTOIR_APP_FISCAL_H
#define COMPTOIR_APP_FISCAL_H

#include <stdint.h>
#include "app.h"
#include "../core/journal.h"

/* Inside the caller's transaction: appends a record of `kind` by the
 * current user (and approver, see auth.h) with the next gapless number.
 * `amount` counts in the grand totals; `payload` is canonical lines (see
 * journal_field*) or "". For sales and returns, use app_journal_ticket.
 * `at` 0 means the clock. */
int app_journal_append(struct app *a, const char *kind, int64_t ref, int64_t corrects,
                       int64_t amount, const char *payload, int64_t at, char **err);
/* The same, naming who did it and who approved it (decisions taken
 * earlier on a ticket are recorded when it commits). */
int app_journal_append_as(struct app *a, const char *user, const char *approver,
                          const char *kind, int64_t ref, int64_t corrects, int64_t amount,
                          const char *payload, int64_t at, char **err);
/* Inside the caller's transaction: the record of ticket `number` (a sale or
 * a return), its payload read back from what was written. */
int app_journal_ticket(struct app *a, int64_t number, int64_t corrects, char **err);

/* A shop that sold before it had a journal (a database migrated from
 * schema 4 with tickets, which migration 5 marks) gets a first record
 * naming its last ticket then; verify asks records only of the tickets
 * after it. Otherwise does nothing. */
int app_journal_start(struct app *a, char **err);

/* The canonical lines of a ticket as the database holds it now. */
int app_ticket_payload(struct app *a, int64_t number, struct jbuf *out, char **err);

struct app_verify_result {
	int64_t records;        /* how many records were read */
	int64_t tickets;        /* how many tickets were checked */
	int64_t broken_seq;     /* 0 when intact: the first broken record */
	char why[512];          /* what is wrong with it */
	int64_t gt_perpetual;   /* the last record's grand total */
	char last_hash[65];
};

/* Recomputes every record, its hash, the grand totals and each ticket's
 * lines and payments; APP_OK and broken_seq 0 when intact; APP_ERR with
 * res->why naming the first broken record (or ticket) otherwise. */
int app_verify(struct app *a, struct app_verify_result *res, char **err);

/* Writes a new Ed25519 key pair: the secret key (hex, mode 0600) and the
 * public key (hex) to give whoever checks the archives. Refuses to
 * overwrite an existing file. */
int app_keygen(const char *secret_path, const char *public_path, char **err);

/* Writes the records of month `period` (YYYYMM) to out_path, signed with
 * the secret key at key_path: the records, the hash before the first, the
 * grand totals before it, and an Ed25519 signature over all of it. Says
 * how many records were written. */
int app_archive(struct app *a, int32_t period, const char *key_path, const char *out_path,
                int64_t *nrecords, char **err);

struct app_archive_result {
	int32_t period;
	int64_t first, last;     /* seq range */
	int64_t records;
	char why[256];           /* when broken: the first problem */
};
/* Checks an archive file against a public key file, without a database:
 * the signature, then each record's hash chain and grand totals. APP_OK
 * when intact; APP_ERR with res->why otherwise. */
int app_archive_verify(const char *path, const char *pubkey_path,
                       struct app_archive_result *res, char **err);

/* The same, then each record of the archive must be in the database with
 * the same hash: records removed or rewritten since the archive was signed
 * (even with the chain recomputed) are named. */
int app_archive_verify_db(struct app *a, const char *path, const char *pubkey_path,
                          struct app_archive_result *res, char **err);

/* The first 8 hex digits of a ticket's journal hash, for the receipt. */
void app_hash_excerpt(const char *hash, char out[9]);

#endif
