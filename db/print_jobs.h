/* The receipt jobs waiting to print: claiming one so that two processes
 * never print it both, and listing a terminal's jobs still pending. */
#ifndef COMPTOIR_DB_PRINT_JOBS_H
#define COMPTOIR_DB_PRINT_JOBS_H

#include <stdint.h>
#include "db.h"

struct db_print_job {
	int64_t id;
	int64_t ticket_number;
	char printer[256];
	int copy;
	int done;
	int64_t attempts;       /* how many times it was claimed */
	int cash;               /* the ticket took cash (the drawer opens once) */
	char last_error[256];
	int64_t created_at;
};

int db_print_job_get(struct db *db, int64_t id, struct db_print_job *out);
/* Within a transaction: takes the job for one attempt when it is pending,
 * nobody claimed it since `attempts` was read, and no other process holds
 * a claim younger than two minutes (DB_NOTFOUND otherwise). Marking it
 * done or failed ends the claim. */
int db_print_job_claim(struct db *db, int64_t id, int64_t attempts, int64_t now, char **err);
/* Each pending job of the tickets sold at `terminal` ("" for every
 * terminal) that no process is printing now, oldest first; fn's non-zero
 * return stops. */
int db_print_jobs_pending(struct db *db, const char *terminal, int64_t now,
                          int (*fn)(const struct db_print_job *, void *), void *ctx);
/* The job of a ticket's first print, if any (DB_NOTFOUND otherwise). */
int db_print_job_of_ticket(struct db *db, int64_t number, struct db_print_job *out);

#endif
