/* accounts: what an administrator does with accounts, and what a user does with its own — as the
 * command line and the server both do it.
 *
 * Adding a user and changing its role check that the role fits the organisation's kind
 * (core/roles.h); deactivation ends the user's sessions and API tokens at once; a reset gives a
 * new random password, shown once, that the user must replace with one of its own; a user
 * changes its own password by giving the current one. An administrator never deactivates,
 * re-roles or resets itself (another administrator does), and the last active administrator
 * stays. Every action and every refusal that depends on what is stored is audited (the store
 * writes the entries). A refusal comes with the field to name and a reason in Dutch. */
#ifndef JR_APP_ACCOUNTS_H
#define JR_APP_ACCOUNTS_H

#include <stdbool.h>
#include <stdint.h>

#include "app/app.h"
#include "store/store.h"

#define JR_PASSWORD_MIN 12   /* characters, for a password a person chooses (NIST SP 800-63B) */
#define JR_PASSWORD_MAX 1024 /* bytes: long passphrases are welcome, Argon2id takes any length */
#define JR_RESET_PASSWORD_LEN 20 /* characters of a made password: about 116 bits */
#define JR_TOKEN_DAYS_MAX 3660   /* an API token lives at most ten years */

/* The operations below that change accounts need JR_CAP_ADMIN (the operator at the command line
 * may); an administrator is app->principal, and a refusal is explained in app->diag with the
 * field to name ("id", "role", "organisation_id", "username", "new_password", …). */

/* Whether `candidate` may become the password of user `username` (its current one is `old`,
 * NULL when not known): JR_PASSWORD_MIN to JR_PASSWORD_MAX, valid UTF-8 without control
 * characters (spaces and any other character are welcome), not the user name (in any case), not
 * the current password, not one character repeated. No rules of composition (NIST SP 800-63B).
 * JR_OK, or JR_ERR_INPUT with the field "new_password". */
enum jr_err jr_app_password_acceptable(struct jr_app *app, const char *username, const char *old,
				       const char *candidate);

/* Adds a user whose role fits its organisation (0 = none); *id is its number. JR_ERR_INPUT: a
 * bad user name, role or password, or an unknown organisation; JR_ERR_REFUSED: the role does
 * not fit the organisation (audited as user.add.refused); JR_ERR_CONFLICT: the name is taken. */
enum jr_err jr_app_user_add(struct jr_app *app, const char *username, const char *role,
			    int64_t organisation_id, const char *password, int64_t *id);

/* Sets user `id`'s name (1 to 100 characters, or "" for none) and work e-mail address (a
 * plain address such as naam@gemeente.nl, at most 254 characters, or "" for none).
 * JR_ERR_INPUT naming "full_name" or "email"; JR_ERR_NOT_FOUND: no such user. */
enum jr_err jr_app_user_set_details(struct jr_app *app, int64_t id, const char *full_name,
				    const char *email);
/* Whether `email` is a plain e-mail address: one @, a local part of letters, digits and
 * .!#$%&'*+/=?^_`{|}~- (no dot first or last, no two in a row), a domain of labels of letters,
 * digits and hyphens with at least one dot; at most 254 characters. */
bool jr_app_email_valid(const char *email);

/* Deactivates or reactivates user `id`; *ended counts the sessions and tokens ended.
 * JR_ERR_NOT_FOUND: no such user; JR_ERR_CONFLICT: the administrator itself, or the last active
 * administrator; JR_ERR_REFUSED: reactivating a user whose role does not fit its organisation. */
enum jr_err jr_app_user_set_active(struct jr_app *app, int64_t id, bool active, int64_t *ended);

/* Gives user `id` another role and organisation (0 = none); its sessions and tokens end when
 * either changes. JR_ERR_INPUT: unknown role or organisation; JR_ERR_NOT_FOUND: no such user;
 * JR_ERR_REFUSED: the role does not fit; JR_ERR_CONFLICT: the administrator itself, or the last
 * active administrator. */
enum jr_err jr_app_user_set_role(struct jr_app *app, int64_t id, const char *role,
				 int64_t organisation_id, int64_t *ended);

/* Resets user `id`'s password to a new random one (JR_RESET_PASSWORD_LEN readable characters
 * from libsodium's generator, into `password`, which must hold JR_RESET_PASSWORD_LEN + 1 bytes)
 * that the user must replace at its next login; its browser sessions end (*ended). The password
 * is never stored in clear nor logged. JR_ERR_NOT_FOUND: no such user; JR_ERR_CONFLICT: the
 * administrator itself (it changes its own password with jr_app_password_change). */
enum jr_err jr_app_user_reset_password(struct jr_app *app, int64_t id, char *password,
				       int64_t *ended);

/* The same with a password the caller made (with jr_app_password, JR_RESET_PASSWORD_LEN
 * characters), so that its hash can be made beforehand (the server). */
enum jr_err jr_app_user_reset_password_to(struct jr_app *app, int64_t id, const char *password,
					  int64_t *ended);

/* The logged-in user (app->principal) replaces its password `old` with `new_password` at Unix
 * time `now`; its other browser sessions end, this one stays. JR_ERR_INPUT: the new password
 * breaks a rule ("new_password"); JR_ERR_REFUSED: `old` is wrong ("old_password"), or the user
 * must wait first (*retry_after seconds, as after failed logins); JR_ERR_FORBIDDEN without a
 * logged-in user. */
enum jr_err jr_app_password_change(struct jr_app *app, const char *old, const char *new_password,
				   int64_t now, int *retry_after);

/* The reading side of account administration, for an administrator (JR_CAP_ADMIN; the operator
 * at the command line): never a password or its hash, never a token's secret. */

/* Every user, oldest first. */
enum jr_err jr_app_users(struct jr_app *app, jr_user_fn fn, void *ctx);
/* User `id` into *u; JR_ERR_NOT_FOUND (explained) when there is none. */
enum jr_err jr_app_user_get(struct jr_app *app, int64_t id, struct jr_user *u);
/* Whether a user named `username` exists (active or not). */
enum jr_err jr_app_user_exists(struct jr_app *app, const char *username, bool *exists);
/* The API tokens of user `user_id` still valid now, oldest first; JR_ERR_NOT_FOUND (explained)
 * when there is no such user. */
enum jr_err jr_app_tokens(struct jr_app *app, int64_t user_id, jr_api_token_fn fn, void *ctx);
/* Ends API token `token_id` of user `user_id` at once; JR_ERR_NOT_FOUND (field "id",
 * explained) when that user has no such token. */
enum jr_err jr_app_token_revoke(struct jr_app *app, int64_t user_id, int64_t token_id);
/* Issues an API token named `name` (1 to 100 characters of plain text) for user `user_id`,
 * valid `days` days (1 to JR_TOKEN_DAYS_MAX) from now: *t is the token as listed (id, name,
 * created_at, expires_at; `name` may be t->name), token_out its secret, shown once.
 * JR_ERR_INPUT: a bad name or lifetime; JR_ERR_NOT_FOUND: no such user; JR_ERR_CONFLICT: the
 * user is deactivated; JR_ERR_REFUSED: its role does not fit its organisation. */
enum jr_err jr_app_token_issue(struct jr_app *app, int64_t user_id, const char *name, int days,
			       char token_out[JR_TOKEN_LEN + 1], struct jr_api_token *t);
/* Every organisation, oldest first (for the administrator's choice of a user's organisation). */
enum jr_err jr_app_admin_organisations(struct jr_app *app, jr_organisation_fn fn, void *ctx);

/* A password's slow work done beforehand, outside the transaction (the server hashes and checks
 * between the steps of a request): jr_store_password_prepare, for the step that writes. */
void jr_app_password_prepare(struct jr_app *app, const char *password, const char *hash,
			     const char *checked, const char *against, bool ok);
/* The stored hash of the logged-in user `user_id` at Unix time `now`, to check its current
 * password against beforehand; *must_wait after failed attempts; *found false when there is no
 * such user. */
enum jr_err jr_app_password_stored(struct jr_app *app, int64_t user_id, int64_t now,
				   char hash[128], bool *must_wait, bool *found);

#endif
