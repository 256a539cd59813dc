/* Logging in with Argon2id PIN hashes (libsodium), the five-tries lock,
 * rights looked up in role_rights, and one-action approvals. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sodium.h>
#include "app-internal.h"
#include "auth.h"
#include "fiscal.h"
#include "../../db/users.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

int app_pin_hash(const char *pin, char *out, size_t size, char **err)
{
	if (size < crypto_pwhash_STRBYTES || sodium_init() < 0 ||
	    crypto_pwhash_str(out, pin, strlen(pin), crypto_pwhash_OPSLIMIT_INTERACTIVE,
	                      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
		error_set(err, _("cannot hash the PIN (out of memory)"));
		return APP_IO;
	}
	return APP_OK;
}

static int app_locked_message(const char *name, int64_t until, int64_t now, char **err)
{
	long mins = (long)((until - now + 59) / 60);
	error_set(err, ngettext("%s is locked after five wrong PINs: try again in %ld minute",
	                        "%s is locked after five wrong PINs: try again in %ld minutes",
	                        (unsigned long)mins), name, mins);
	return APP_ERR;
}

/* Checks a user's PIN and keeps count of wrong ones; fills u. The try is
 * counted as a failure before the PIN is checked, in the transaction that
 * reads the lock, so tries run in parallel cannot pass the five allowed;
 * a right PIN then clears the count. */
static int app_check_pin(struct app *a, const char *name, const char *pin, int64_t now,
                         struct db_user *u, char **err)
{
	if (now == 0)
		now = (int64_t)time(NULL);
	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	int rc = db_user_get(a->db, name, u);
	if (rc == DB_NOTFOUND || (rc == DB_OK && !u->active)) {
		db_rollback(a->db);
		error_set(err, _("unknown user %s"), name);
		return APP_ERR;
	}
	if (rc != DB_OK) {
		error_set(err, _("cannot read the users: %s"), db_errmsg(a->db));
		db_rollback(a->db);
		return APP_IO;
	}
	if (u->locked_until > now) {
		db_rollback(a->db);
		return app_locked_message(name, u->locked_until, now, err);
	}
	int failures = 0;
	int64_t locked = 0;
	if (db_user_fail(a->db, u->id, PIN_TRIES_MAX, now + PIN_LOCK_SECONDS, &failures, &locked,
	                 err) != DB_OK || db_commit(a->db, err) != DB_OK) {
		db_rollback(a->db);
		return APP_IO;
	}
	int good = sodium_init() >= 0 &&
	           crypto_pwhash_str_verify(u->pin_hash, pin, strlen(pin)) == 0;
	if (good) {
		if (db_begin(a->db, err) != DB_OK)
			return APP_IO;
		if (db_user_reset_failures(a->db, u->id, err) != DB_OK ||
		    db_commit(a->db, err) != DB_OK) {
			db_rollback(a->db);
			return APP_IO;
		}
		return APP_OK;
	}
	if (locked > now)
		error_set(err, _("wrong PIN for %s: locked for five minutes"), name);
	else
		error_set(err, ngettext("wrong PIN for %s (%d try left before a five-minute lock)",
		                        "wrong PIN for %s (%d tries left before a five-minute lock)",
		                        (unsigned long)(PIN_TRIES_MAX - failures)),
		          name, PIN_TRIES_MAX - failures);
	return APP_ERR;
}

int app_login(struct app *a, const char *name, const char *pin, int64_t now, char **err)
{
	struct db_user u;
	int rc = app_check_pin(a, name, pin, now, &u, err);
	if (rc != APP_OK)
		return rc;
	strlcpy_safe(a->user, u.name, sizeof a->user);
	strlcpy_safe(a->role, u.role, sizeof a->role);
	return APP_OK;
}

void app_logout(struct app *a)
{
	a->user[0] = a->role[0] = '\0';
	app_require_done(a);
}

const char *app_user_name(const struct app *a)
{
	return a->user[0] ? a->user : a->shop.terminal;
}

const char *app_user_role(const struct app *a)
{
	return a->role;
}

int app_has_users(struct app *a)
{
	int64_t n = 0;
	return db_user_count(a->db, &n) == DB_OK && n > 0;
}

static int app_role_can(struct app *a, const char *role, enum right r)
{
	return role[0] && db_role_has(a->db, role, right_name(r)) == DB_OK;
}

int app_can(struct app *a, enum right r)
{
	return app_role_can(a, a->role, r);
}

int app_approve(struct app *a, const char *name, const char *pin, int64_t now, char **err)
{
	struct db_user u;
	int rc = app_check_pin(a, name, pin, now, &u, err);
	if (rc != APP_OK)
		return rc;
	strlcpy_safe(a->approver, u.name, sizeof a->approver);
	strlcpy_safe(a->approver_role, u.role, sizeof a->approver_role);
	return APP_OK;
}

int app_require(struct app *a, enum right r, char **err)
{
	a->approved_by[0] = '\0';
	if (app_can(a, r))
		return APP_OK;
	if (a->approver[0] && app_role_can(a, a->approver_role, r)) {
		strlcpy_safe(a->approved_by, a->approver, sizeof a->approved_by);
		return APP_OK;
	}
	if (a->approver[0]) {
		error_set(err, _("%s (%s) may not approve this: it needs the right to %s"),
		          a->approver, a->approver_role, _(right_label(r)));
		/* Refused: the approval is spent, not kept for a later action. */
		a->approver[0] = a->approver_role[0] = '\0';
	}
	/* Send the user to a supervisor only when supervisors hold the right. */
	else if (!a->user[0] && app_role_can(a, "supervisor", r))
		error_set(err, _("this needs the right to %s: log in with --user and --pin, or have "
		                 "a supervisor approve"), _(right_label(r)));
	else if (!a->user[0])
		error_set(err, _("this needs the right to %s: log in with --user and --pin, or have "
		                 "someone with that right approve"), _(right_label(r)));
	else if (app_role_can(a, "supervisor", r))
		error_set(err, _("%s (%s) may not %s: a supervisor can approve with their PIN"),
		          a->user, a->role, _(right_label(r)));
	else
		error_set(err, _("%s (%s) may not %s: someone with that right can approve with "
		                 "their PIN"), a->user, a->role, _(right_label(r)));
	return APP_DENIED;
}

const char *app_approver(const struct app *a)
{
	return a->approved_by;
}

void app_require_done(struct app *a)
{
	if (a->approved_by[0])
		a->approver[0] = a->approver_role[0] = '\0';
	a->approved_by[0] = '\0';
}

/* Writes a new user and its journal record (the right is checked). */
static int app_user_write(struct app *a, const char *name, const char *role, const char *pin,
                          const char *full_name, char **err)
{
	struct db_user u;
	memset(&u, 0, sizeof u);
	strlcpy_safe(u.name, name, sizeof u.name);
	strlcpy_safe(u.full_name, full_name, sizeof u.full_name);
	strlcpy_safe(u.role, role, sizeof u.role);
	if (app_pin_hash(pin, u.pin_hash, sizeof u.pin_hash, err) != APP_OK)
		return APP_IO;
	if (db_begin(a->db, err) != DB_OK)
		return APP_IO;
	struct db_user old;
	int rc = db_user_get(a->db, name, &old);
	if (rc == DB_OK) {
		db_rollback(a->db);
		error_set(err, _("user %s already exists"), name);
		return APP_ERR;
	}
	if (rc != DB_NOTFOUND || db_user_add(a->db, &u, err) != DB_OK) {
		db_rollback(a->db);
		return APP_IO;
	}
	char payload[160];
	snprintf(payload, sizeof payload, "user_add %s %s\n", name, role);
	if (app_journal_append(a, JOURNAL_USER, 0, 0, 0, payload, 0, err) != APP_OK ||
	    db_commit(a->db, err) != DB_OK) {
		db_rollback(a->db);
		return APP_IO;
	}
	return APP_OK;
}

int app_user_add(struct app *a, const char *name, const char *role, const char *pin,
                 const char *full_name, char **err)
{
	if (!user_name_valid(name)) {
		error_set(err, _("user name '%s': use 1 to 31 lower-case letters, digits, '.', '_' "
		                 "or '-'"), name);
		return APP_ERR;
	}
	if (!role_valid(role)) {
		error_set(err, _("unknown role '%s' (cashier, supervisor, manager, warehouse, admin)"),
		          role);
		return APP_ERR;
	}
	if (!pin_valid(pin)) {
		error_set(err, _("a PIN is %d to %d digits"), PIN_MIN, PIN_MAX);
		return APP_ERR;
	}
	if (strlen(full_name) > 80) {
		error_set(err, _("full name longer than 80 bytes"));
		return APP_ERR;
	}
	int first = !app_has_users(a);
	if (first && strcmp(role, "admin") != 0) {
		error_set(err, _("the shop's first user must be an admin (--role admin)"));
		return APP_ERR;
	}
	int rc0 = first ? APP_OK : app_require(a, RIGHT_USER_ADMIN, err);
	if (rc0 != APP_OK)
		return rc0;
	rc0 = app_user_write(a, name, role, pin, full_name, err);
	app_require_done(a);
	return rc0;
}

struct app_user_walk {
	int (*fn)(const struct app_user_info *, void *);
	void *ctx;
	int64_t now;
};

static int app_user_step(const struct db_user *u, void *ctx)
{
	struct app_user_walk *w = ctx;
	struct app_user_info info;
	memset(&info, 0, sizeof info);
	strlcpy_safe(info.name, u->name, sizeof info.name);
	strlcpy_safe(info.role, u->role, sizeof info.role);
	strlcpy_safe(info.full_name, u->full_name, sizeof info.full_name);
	info.locked = u->locked_until > w->now;
	return w->fn(&info, w->ctx);
}

int app_user_each(struct app *a, int (*fn)(const struct app_user_info *, void *), void *ctx,
                  char **err)
{
	struct app_user_walk w = { fn, ctx, (int64_t)time(NULL) };
	int rc = db_user_each(a->db, app_user_step, &w);
	if (rc < 0) {
		error_set(err, _("cannot read the users: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	return APP_OK;
}
