/* Users, PINs and rights: logging in, a supervisor's approval of one action,
 * and the check each operation makes where it happens. */
#ifndef COMPTOIR_APP_AUTH_H
#define COMPTOIR_APP_AUTH_H

#include "app.h"
#include "../core/rights.h"

/* Checks name and PIN; on success the user is the one the following
 * operations are recorded under. Five wrong PINs in a row lock the user
 * for five minutes. APP_ERR with a message on a wrong PIN, an unknown or
 * locked user. `now` 0 means the clock. */
int app_login(struct app *a, const char *name, const char *pin, int64_t now, char **err);
void app_logout(struct app *a);
/* Who operations are recorded under: the logged-in user, else the terminal. */
const char *app_user_name(const struct app *a);
/* The logged-in user's role, or "" when nobody is logged in. */
const char *app_user_role(const struct app *a);
/* Whether the shop has any user (then the screens ask to log in). */
int app_has_users(struct app *a);

/* A supervisor types their name and PIN to approve the next action that
 * needs a right the user lacks: app_require() then accepts it when the
 * approver's role holds the right, and the approval is used up by
 * app_require_done(). APP_ERR when the name or PIN is wrong. */
int app_approve(struct app *a, const char *name, const char *pin, int64_t now, char **err);
/* Whether the logged-in user holds r (without any approval). */
int app_can(struct app *a, enum right r);
/* Before an action that needs r: APP_OK when the user holds it or an
 * approval for r is waiting (then app_approver() names the approver until
 * app_require_done()); APP_DENIED with a message saying which right is
 * missing otherwise. */
int app_require(struct app *a, enum right r, char **err);
/* The approver of the action being done, "" when the user's own right. */
const char *app_approver(const struct app *a);
/* The action is finished (or abandoned): the approval is used up. */
void app_require_done(struct app *a);

/* Adds a user. Needs the user_admin right, except for the first user of a
 * shop, who must be an admin. */
int app_user_add(struct app *a, const char *name, const char *role, const char *pin,
                 const char *full_name, char **err);
struct app_user_info {
	char name[32];
	char role[16];
	char full_name[81];
	int locked;
};
/* Each user in name order (no PIN hashes leave the application layer). */
int app_user_each(struct app *a, int (*fn)(const struct app_user_info *, void *), void *ctx,
                  char **err);
/* Hashes a PIN with Argon2id into out (crypto_pwhash_STRBYTES bytes). */
int app_pin_hash(const char *pin, char *out, size_t size, char **err);

#endif
