/* user: the users, their login, browser sessions and API tokens, and the administration of
 * accounts (store.c, store_session.c, store_household.c). */
#ifndef JR_STORE_USER_H
#define JR_STORE_USER_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"

#include "store/store_types.h"

/* Users. The password is hashed with Argon2id; JR_ERR_CONFLICT when the name is taken. */
enum jr_err jr_store_user_add(struct jr_store *s, const struct jr_actor *a, const char *username,
			      const char *role, const char *password);
/* Whether a user with this name exists. */
enum jr_err jr_store_user_exists(struct jr_store *s, const char *username, bool *exists);

/* Login, sessions and API tokens (store_session.c). A token is 32 random bytes in base64url
 * (43 characters); the store keeps only its BLAKE2b hash, so a copy of the database opens no
 * session. */
#define JR_TOKEN_LEN 43
#define JR_SESSION_SECONDS (8 * 3600) /* a working day */
#define JR_SECOND_FACTOR_SECONDS 300  /* a session waiting for its second factor */

/* Who is logged in, with what the authorisation needs of their organisation. */
struct jr_principal {
	int64_t user_id;
	char username[33];
	char role[24];
	int64_t organisation_id; /* 0 = none */
	char org_kind[JR_ORG_KIND_MAX];
	char municipality[5]; /* of the organisation; "" for regional ones */
	char agb[9];          /* of the organisation; "" when none */
	char csrf[JR_TOKEN_LEN + 1]; /* a browser session's CSRF token; "" for an API token */
	bool api;                    /* authenticated by an API token (no cookie, no CSRF) */
	bool must_change_password;   /* after a reset: choose a new password before anything else */
	bool second_factor;          /* the user has a confirmed second factor (TOTP) */
	bool second_factor_pending;  /* a browser session whose password was right but whose
				      * second factor is still to be given (app/second_factor.h) */
};

/* A login, in three steps around the password check, which runs outside every transaction and
 * lock (app/login.c). The account as the attempt needs it: */
struct jr_login_account {
	bool found;             /* a user of that name */
	bool usable;            /* active, with a role that fits its organisation (core/roles.h):
				 * else refused as a wrong password is (audited login.refused) */
	struct jr_principal p;  /* its principal (no CSRF token yet) */
	char hash[128];         /* its Argon2id hash (libsodium's crypto_pwhash_STRBYTES) */
	int failures;           /* failed attempts in a row, from anywhere, since its last login */
	bool known_address;     /* it logged in from this client address before */
};
/* Passwords checked and hashed beforehand, outside every transaction and lock (the server does
 * the slow Argon2id work on a thread of its own between the steps of a request): the next
 * operations of this store that would hash `password` (adding a user, setting a password) take
 * `hash` instead, and those that would check `password` against `against` (changing one's own
 * password) take `ok`. Either may be NULL. Only a hash of the password is kept, to recognise
 * it; a different password, or a stored hash that changed since, is hashed or checked anew. */
void jr_store_password_prepare(struct jr_store *s, const char *password, const char *hash,
			       const char *checked, const char *against, bool ok);
/* The stored Argon2id hash of user `id` and whether it must wait before its password may be
 * tried again (after failed attempts), for a check made beforehand; *found false when there is
 * no such user. */
enum jr_err jr_store_user_password_hash(struct jr_store *s, int64_t id, int64_t now,
					char hash[128], bool *must_wait, bool *found);

/* An Argon2id hash of a random password nobody knows (libsodium's interactive limits, as
 * every user's): checked against when there is no such user, so that the time taken does not
 * tell. */
extern const char jr_store_decoy_hash[];
/* Reads the account named `username` and whether it logged in from `address` before; found is
 * false (JR_OK) when there is no such user. */
enum jr_err jr_store_login_account(struct jr_store *s, const char *username, const char *address,
				   struct jr_login_account *out);
/* A wrong password (or an unknown name): the account's count of failures in a row goes up by
 * one in a single statement (acc->failures is the new count) and the attempt is audited
 * (login.failed; the name only when it is a user's). */
enum jr_err jr_store_login_failed(struct jr_store *s, const struct jr_actor *a,
				  struct jr_login_account *acc);
/* An attempt refused unchecked because it came too soon: audited (login.wait). */
enum jr_err jr_store_login_waited(struct jr_store *s, const struct jr_actor *a,
				  const struct jr_login_account *acc);
/* The right password: the count of failures starts again, the client address (a->origin) is
 * remembered, a browser session is opened (its token in token_out, the principal with its CSRF
 * token in *p) and the login audited. */
enum jr_err jr_store_login_open(struct jr_store *s, const struct jr_actor *a,
				const struct jr_login_account *acc, int64_t now,
				char token_out[JR_TOKEN_LEN + 1], struct jr_principal *p);
/* The principal of a live session or API token; JR_ERR_NOT_FOUND when unknown or expired, and
 * also when its user has been deactivated or has a role that does not fit its organisation's
 * kind (core/roles.h) — that refusal alone is audited (session.refused, as `a`) and committed.
 * Otherwise no audit entry: it is done for every request, and the request's own access is
 * audited. An API token's last use is recorded, at most once a minute. */
enum jr_err jr_store_session_find(struct jr_store *s, const struct jr_actor *a, const char *token,
				  int64_t now, struct jr_principal *p);
/* Ends a session (logout); JR_OK also when it was gone already. */
enum jr_err jr_store_session_end(struct jr_store *s, const struct jr_actor *a, const char *token);
/* Makes an API token for a user, valid `days` days (1 to 3660), named `name` (1 to 100 bytes);
 * the token is shown once (token_out), its number goes to *id. JR_ERR_INPUT for a bad name or
 * lifetime, JR_ERR_NOT_FOUND for an unknown user, JR_ERR_REFUSED for a user who is inactive or
 * whose role does not fit its organisation (that refusal is audited and committed). */
enum jr_err jr_store_api_token_add(struct jr_store *s, const struct jr_actor *a, int64_t user_id,
				   const char *name, int days, int64_t now,
				   char token_out[JR_TOKEN_LEN + 1], int64_t *id);

/* Account administration (store_session.c, its last part). Each operation is audited on the
 * object "user:ID"; a refusal that depends on what is stored (an unknown user, the last active
 * administrator, a role that does not fit, an inactive user) is audited as "<action>.refused"
 * and committed — nothing else is written — and returned as the error. */
/* An API token as its list shows it: never the token or its hash. */
struct jr_api_token {
	int64_t id;
	char name[101];
	char created_at[21];  /* UTC, "YYYY-MM-DDTHH:MM:SSZ" */
	int64_t expires_at;   /* Unix seconds */
	int64_t last_used_at; /* Unix seconds, to the minute; 0 = never used */
};
typedef enum jr_err (*jr_api_token_fn)(void *ctx, const struct jr_api_token *t);
/* The API tokens of user `user_id` still valid at `now`, oldest first; stops at the first error
 * `fn` returns. JR_ERR_NOT_FOUND when there is no such user. */
enum jr_err jr_store_api_token_each(struct jr_store *s, int64_t user_id, int64_t now,
				    jr_api_token_fn fn, void *ctx);
/* Ends API token `token_id` of user `user_id` at once (api_token.revoke). JR_ERR_NOT_FOUND
 * when that user has no such token. */
enum jr_err jr_store_api_token_revoke(struct jr_store *s, const struct jr_actor *a,
				      int64_t user_id, int64_t token_id);
/* Deactivates (active false: user.deactivate) or reactivates (user.activate) user `id`.
 * Deactivation ends every browser session and API token of the user at once (*ended: how
 * many); reactivation brings none back and clears the failed-login count. JR_ERR_NOT_FOUND:
 * no such user; JR_ERR_CONFLICT: deactivating the last active administrator; JR_ERR_REFUSED:
 * reactivating a user whose role does not fit its organisation (change that first). */
enum jr_err jr_store_user_set_active(struct jr_store *s, const struct jr_actor *a, int64_t id,
				     bool active, int64_t *ended);
/* Gives user `id` role `role` at organisation `organisation_id` (0 = none) (user.role). When
 * either changes, every session and API token of the user ends (*ended): what it may see
 * changes with them. JR_ERR_INPUT: unknown role; JR_ERR_NOT_FOUND: no such user or
 * organisation; JR_ERR_REFUSED: the role does not fit the organisation's kind; JR_ERR_CONFLICT:
 * it would leave no active administrator. */
enum jr_err jr_store_user_set_role(struct jr_store *s, const struct jr_actor *a, int64_t id,
				   const char *role, int64_t organisation_id, int64_t *ended);
/* An administrator sets user `id`'s password (Argon2id; user.password_reset): the user's
 * browser sessions end (*ended), its API tokens stay, the failed-login count starts again, and
 * with `must_change` the user must choose a password of its own before anything else.
 * JR_ERR_INPUT: an empty password; JR_ERR_NOT_FOUND: no such user. */
enum jr_err jr_store_user_reset_password(struct jr_store *s, const struct jr_actor *a, int64_t id,
					 const char *password, bool must_change, int64_t *ended);
/* User `id` changes its own password (user.password_change). `old` is checked as a login
 * checks it: a wrong one counts as a failed login (user.password_change.refused) and the same
 * rising delay applies — JR_ERR_REFUSED with *retry_after 0 for a wrong password, with the
 * seconds left when the user must wait first (unchecked). On success the must-change mark
 * goes and every other browser session of the user ends: all but the one whose CSRF token is
 * `keep_csrf` ("" = none kept). The rules for the new password are the caller's
 * (app/accounts.h). JR_ERR_NOT_FOUND: no such user; JR_ERR_REFUSED also for an inactive one. */
enum jr_err jr_store_user_change_password(struct jr_store *s, const struct jr_actor *a, int64_t id,
					  const char *old, const char *new_password, int64_t now,
					  const char *keep_csrf, int *retry_after);

/* Users beyond the first administrator: a role of DESIGN.md §4 (consulent, verwijzer, gi,
 * provider, contract_manager, policy, admin) and the organisation they work for (0 = none),
 * which must be of a kind the role belongs to (core/roles.h). add_in: JR_ERR_INPUT for a bad
 * name, role or password; JR_ERR_NOT_FOUND for an unknown organisation; JR_ERR_REFUSED when the
 * role does not fit the organisation's kind; JR_ERR_CONFLICT when the name is taken. */
/* A user as others may see it: never the password hash. */
struct jr_user {
	int64_t id;
	char username[33];
	char role[24];
	int64_t organisation_id; /* 0 = none */
	char created_at[21];
	char org_kind[JR_ORG_KIND_MAX]; /* the organisation's kind; "" when none */
	bool active;                    /* false after deactivation: no login, no session, no token */
	bool must_change_password;      /* after a reset, until the user chose its own */
	char full_name[101];            /* the person's name; "" when not given */
	char email[255];                /* a work e-mail address; "" when not given */
	bool second_factor;             /* a confirmed second factor (TOTP) */
};
enum jr_err jr_store_user_get(struct jr_store *s, int64_t id, struct jr_user *out);
typedef enum jr_err (*jr_user_fn)(void *ctx, const struct jr_user *u);
enum jr_err jr_store_user_each(struct jr_store *s, jr_user_fn fn, void *ctx);
enum jr_err jr_store_user_add_in(struct jr_store *s, const struct jr_actor *a, const char *username,
				 const char *role, int64_t organisation_id, const char *password,
				 int64_t *id);

#endif
