/* The receipt jobs and the cash drawer: a job stored with its sale is
 * printed once (claimed first, so two processes never both print it),
 * waits when the printer fails, and is retried or sent elsewhere; the
 * drawer opens on a cash sale, and without a sale only by right, recorded
 * in the journal. */
#ifndef COMPTOIR_APP_PRINTING_H
#define COMPTOIR_APP_PRINTING_H

#include "app.h"

struct app_print_job_info {
	int64_t id;
	int64_t ticket;
	char printer[256];
	int64_t attempts;
	char last_error[256];
	int64_t created_at;
};

/* Prints job `id` to uri (NULL: the printer it was made for). APP_ERR when
 * it was printed already or another process is printing it; when printing
 * fails the job stays pending with the reason. */
int app_print_job(struct app *a, int64_t id, const char *uri, char **err);
/* The jobs still pending for tickets of this terminal (all terminals with
 * `all`), oldest first. */
int app_print_jobs_pending(struct app *a, int all,
                           int (*fn)(const struct app_print_job_info *, void *), void *ctx,
                           char **err);
/* The pending job of a ticket (0 when none). */
int64_t app_print_job_pending_of(struct app *a, int64_t ticket);

#define APP_NO_SALE_REASON 64

/* Asks the receipt printer how it is (DLE EOT): 1 with a line in out when
 * it reports a problem (paper out, cover open, offline...), 0 when it is
 * fine, does not answer, or none is set up. Waits half a second at most. */
int app_printer_problem(struct app *a, char *out, size_t size);

/* The cash drawer on the receipt printer: pin 2 or 5, 0 for none. */
void app_set_drawer(struct app *a, int pin);
/* Sends the drawer pulse to the receipt printer. */
int app_drawer_kick(struct app *a, char **err);
/* Opens the drawer without a sale: needs RIGHT_NO_SALE (APP_DENIED
 * otherwise) and a reason, and writes a no_sale journal record first. */
int app_no_sale(struct app *a, const char *reason, char **err);

#endif
