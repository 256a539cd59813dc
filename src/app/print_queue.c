/* Receipt jobs printed once and retried, and the cash drawer (see
 * printing.h). A job is claimed in a short transaction before it prints
 * and marked after; a crash in between leaves it pending, and the next
 * start offers it instead of printing it unasked. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "app-internal.h"
#include "auth.h"
#include "fiscal.h"
#include "printing.h"
#include "receipt.h"
#include "../../db/print_jobs.h"
#include "../../db/sales.h"
#include "../../drivers/escpos.h"
#include "../../drivers/profile.h"
#include "../../drivers/transport.h"
#include "../core/text.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

void app_set_drawer(struct app *a, int pin)
{
	a->shop.drawer_pin = pin == 2 || pin == 5 ? pin : 0;
}

int app_drawer_kick(struct app *a, char **err)
{
	if (!a->shop.drawer_pin || !a->shop.printer[0]) {
		error_set(err, _("no cash drawer is set up (drawer = 2 or 5 in the [printer] section "
		                 "of the config file, and a printer)"));
		return APP_ERR;
	}
	struct escpos e;
	if (escpos_init(&e, ESCPOS_CP437, err) != 0)
		return APP_ERR;
	int rc = escpos_drawer(&e, a->shop.drawer_pin);
	size_t len = 0;
	unsigned char *bytes = escpos_detach(&e, &len);
	escpos_release(&e);
	if (rc != 0) {
		free(bytes);
		error_set(err, _("cannot build the drawer pulse"));
		return APP_ERR;
	}
	rc = app_print_bytes(a->shop.printer, bytes, len, err);
	free(bytes);
	return rc;
}

int app_printer_problem(struct app *a, char *out, size_t size)
{
	struct transport *tr;
	/* A file cannot answer; opening one would only create it. */
	if (!a->shop.printer[0] || strncmp(a->shop.printer, "file:", 5) == 0 ||
	    transport_open(a->shop.printer, &tr, NULL) != 0)
		return 0;
	transport_set_timeout(tr, 500);
	unsigned flags = 0;
	int rc = transport_status(tr, &flags, NULL);
	transport_close(tr);
	if (rc != 0 || (flags & TRANSPORT_STATUS_UNKNOWN))
		return 0;
	if (!(flags & (TRANSPORT_STATUS_OFFLINE | TRANSPORT_STATUS_COVER_OPEN |
	               TRANSPORT_STATUS_PAPER_OUT | TRANSPORT_STATUS_PAPER_NEAR_END |
	               TRANSPORT_STATUS_ERROR)))
		return 0;
	char why[160];
	snprintf(out, size, _("Receipt printer: %s"), transport_status_describe(flags, why, sizeof why));
	return 1;
}

static void app_job_mark_result(struct app *a, int64_t id, const char *why)
{
	if (db_begin(a->db, NULL) != DB_OK)
		return;
	int rc = why ? db_print_job_failed(a->db, id, why, NULL) : db_print_job_done(a->db, id, NULL);
	if (rc != DB_OK || db_commit(a->db, NULL) != DB_OK)
		db_rollback(a->db);
}

int app_print_job(struct app *a, int64_t id, const char *uri, char **err)
{
	struct db_print_job j;
	int rc = db_print_job_get(a->db, id, &j);
	if (rc == DB_NOTFOUND) {
		error_set(err, _("no print job %lld"), (long long)id);
		return APP_NOTFOUND;
	}
	if (rc != DB_OK) {
		error_set(err, _("cannot read the print jobs: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	if (j.done) {
		error_set(err, _("the receipt of ticket %lld was printed already; print a copy with "
		                 "comptoir receipt"), (long long)j.ticket_number);
		return APP_ERR;
	}
	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	rc = db_print_job_claim(a->db, id, j.attempts, (int64_t)time(NULL), err);
	if (rc != DB_OK || db_commit(a->db, err) != DB_OK) {
		db_rollback(a->db);
		if (rc == DB_NOTFOUND)
			error_set(err, _("the receipt of ticket %lld is being printed by another till"),
			          (long long)j.ticket_number);
		return rc == DB_NOTFOUND ? APP_ERR : APP_IO;
	}
	char *why = NULL;
	rc = app_print_receipt(a, uri && *uri ? uri : j.printer, j.ticket_number, j.copy, &why);
	app_job_mark_result(a, id, rc == APP_OK ? NULL : why ? why : _("printing failed"));
	if (rc != APP_OK) {
		*err = why;
		return APP_ERR;
	}
	return APP_OK;
}

struct app_jobs_walk {
	int (*fn)(const struct app_print_job_info *, void *);
	void *ctx;
};

static int app_jobs_step(const struct db_print_job *j, void *ctx)
{
	struct app_jobs_walk *w = ctx;
	struct app_print_job_info info;
	memset(&info, 0, sizeof info);
	info.id = j->id;
	info.ticket = j->ticket_number;
	strlcpy_safe(info.printer, j->printer, sizeof info.printer);
	info.attempts = j->attempts;
	strlcpy_safe(info.last_error, j->last_error, sizeof info.last_error);
	info.created_at = j->created_at;
	return w->fn(&info, w->ctx);
}

int app_print_jobs_pending(struct app *a, int all,
                           int (*fn)(const struct app_print_job_info *, void *), void *ctx,
                           char **err)
{
	struct app_jobs_walk w = { fn, ctx };
	int rc = db_print_jobs_pending(a->db, all ? "" : a->shop.terminal, (int64_t)time(NULL),
	                               app_jobs_step, &w);
	if (rc < 0) {
		error_set(err, _("cannot read the print jobs: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	return APP_OK;
}

int64_t app_print_job_pending_of(struct app *a, int64_t ticket)
{
	struct db_print_job j;
	if (db_print_job_of_ticket(a->db, ticket, &j) != DB_OK || j.done)
		return 0;
	return j.id;
}

int app_no_sale(struct app *a, const char *reason, char **err)
{
	char clean[APP_NO_SALE_REASON * 4 + 1];
	if (!reason || text_clean(reason, clean, sizeof clean, APP_NO_SALE_REASON) != TEXT_OK ||
	    !clean[0] || strlen(reason) >= sizeof clean) {
		error_set(err, _("give a reason of 1 to %d characters"), APP_NO_SALE_REASON);
		return APP_ERR;
	}
	if (!a->shop.drawer_pin || !a->shop.printer[0]) {
		error_set(err, _("no cash drawer is set up (drawer = 2 or 5 in the [printer] section "
		                 "of the config file, and a printer)"));
		return APP_ERR;
	}
	int rc = app_require(a, RIGHT_NO_SALE, err);
	if (rc != APP_OK)
		return rc;
	struct jbuf pl;
	jbuf_init(&pl);
	if (journal_field(&pl, "no_sale", "ss", clean, a->shop.printer) != 0) {
		app_require_done(a);
		error_set(err, _("out of memory"));
		return APP_IO;
	}
	if (db_begin(a->db, err) != DB_OK) {
		jbuf_release(&pl);
		app_require_done(a);
		return APP_IO;
	}
	rc = app_journal_append(a, JOURNAL_NO_SALE, 0, 0, 0, pl.p, 0, err);
	jbuf_release(&pl);
	app_require_done(a);
	if (rc != APP_OK || db_commit(a->db, err) != DB_OK) {
		db_rollback(a->db);
		return APP_IO;
	}
	/* Recorded first: a drawer that fails to open leaves an honest record
	 * of the attempt. */
	return app_drawer_kick(a, err);
}
