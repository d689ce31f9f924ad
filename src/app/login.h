/* login: signing in with a password, throttled so that guessing gets nowhere and an outsider
 * cannot lock a user out (docs/security.md, "Login").
 *
 * A login is three steps, so that the slow password check (Argon2id, tens of milliseconds and
 * 64 MiB) runs outside every transaction and every lock:
 *   1. jr_app_login_begin, in a transaction: reads the account and decides whether this attempt
 *      may be checked at all (l->retry_after > 0 when it must wait: answered 429, unchecked);
 *   2. jr_app_login_check, anywhere, without the records: checks the password (against a decoy
 *      hash when there is no such user, so that the time taken does not tell);
 *   3. jr_app_login_finish, in a transaction: records the outcome and opens the session.
 *
 * Waits are kept in the guard, the server's memory, per login name and client address (the
 * doubling wait that stops one guesser), per client address (whatever names it tries, known or
 * not) and per name (failures in a row from anywhere). A name that exists and one that does not
 * are throttled by the same rules and answered alike. The account's own count of failures in a
 * row is durable, in the records; once it reaches JR_LOGIN_ACCOUNT_LIMIT (NIST SP 800-63B:
 * at most 100) only the addresses the user logged in from before may still try. */
#ifndef JR_APP_LOGIN_H
#define JR_APP_LOGIN_H

#include <stddef.h>
#include <stdint.h>

#include "app/app.h"
#include "store/store.h"

#define JR_LOGIN_ACCOUNT_LIMIT 100 /* failures in a row before only known addresses may try */
#define JR_LOGIN_WAIT_MAX 900       /* the longest wait, in seconds */
#define JR_LOGIN_ADDRESS_FREE 30    /* failures from one address before its attempts wait */
#define JR_LOGIN_NAME_MAX 32
#define JR_LOGIN_PASSWORD_MAX 1024

struct jr_login_guard;

/* Makes the guard (one per server process). JR_ERR_NOMEM. */
enum jr_err jr_login_guard_new(struct jr_login_guard **out);
void jr_login_guard_free(struct jr_login_guard *g);

/* One attempt, from step to step. */
struct jr_login {
	char username[JR_LOGIN_NAME_MAX + 1];
	struct jr_login_account acc;
	uint64_t key_name_address, key_address, key_name;
	int retry_after; /* step 1: > 0 when the attempt must wait this many seconds (unchecked) */
	bool good;       /* step 2: the password is right (and the user exists) */
};

/* Step 1, inside the caller's transaction: `username` (1 to JR_LOGIN_NAME_MAX bytes) from the
 * client a->origin at Unix time `now`. Sets l->retry_after when it must wait; such a refusal is
 * audited (login.wait) the first time and then at most once a minute per name, per address and
 * per both, so that a guesser answered thousands of times a second writes little. */
enum jr_err jr_app_login_begin(struct jr_store *s, const struct jr_actor *a,
			       struct jr_login_guard *g, const char *username, int64_t now,
			       struct jr_login *l);
/* Step 2, outside every transaction and lock: checks the password; sets l->good. */
void jr_app_login_check(struct jr_login *l, const char *password, size_t len);
/* Step 3, inside the caller's transaction: JR_OK with the session's token and the principal
 * (with its CSRF token) when the password was right; JR_ERR_REFUSED when it was not (counted
 * and audited: the caller commits this). Wipes l's copy of the hash. */
enum jr_err jr_app_login_finish(struct jr_store *s, const struct jr_actor *a,
				struct jr_login_guard *g, struct jr_login *l, int64_t now,
				char token[JR_TOKEN_LEN + 1], struct jr_principal *p);
/* Wipes what step 1 read (the hash); for an attempt that is abandoned. */
void jr_app_login_release(struct jr_login *l);

/* Who holds session or API token `token` at Unix time `now`: *p. JR_ERR_NOT_FOUND when it is
 * unknown, expired or revoked — an answer, not a failure of the request's transaction; a
 * principal whose kind of token its role may not use is refused the same way (and that
 * refusal audited). Not audited otherwise: the request's own access is. */
enum jr_err jr_app_session_find(struct jr_app *app, const char *token, int64_t now,
				struct jr_principal *p);
/* Ends session `token` (logout); JR_OK also when it was gone already. */
enum jr_err jr_app_session_end(struct jr_app *app, const char *token);

#endif
