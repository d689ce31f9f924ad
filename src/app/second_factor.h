/* second_factor: the second factor of a login — a TOTP code (RFC 6238: HMAC-SHA1, 6 digits,
 * steps of 30 seconds, computed by liboath of oath-toolkit) or, when the phone is lost, one of
 * ten recovery codes, each usable once.
 *
 * Enrolment is the user's own (app->principal): the secret is made (20 random bytes), shown
 * once as an otpauth:// URI and in groups of four characters, stored sealed (store/vault.h) and
 * confirmed with a first code; then ten recovery codes are shown once and kept as Argon2id
 * hashes. From then on every login asks for a code after the password (a pending session, five
 * minutes), and a wrong code waits as a wrong password does. An administrator resets a user's
 * second factor (audited; the user's browser sessions end). Which roles must have one is
 * jr_app_second_factor_role (docs/security.md); the server asks it only when it is started
 * with --second-factor required. */
#ifndef JR_APP_SECOND_FACTOR_H
#define JR_APP_SECOND_FACTOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app/app.h"
#include "store/second_factor.h"

#define JR_TOTP_SECRET_BYTES 20 /* 160 bits, as RFC 4226 recommends */
#define JR_TOTP_STEP 30
#define JR_TOTP_WINDOW 1 /* a code of the step before or after is taken too (clock drift) */
#define JR_RECOVERY_CODE_LEN 14 /* "ABCD-EFGH-JKLM" */

/* Whether users of `role` must have a second factor when the server requires one: the roles
 * that see a person's data (consulent, verwijzer, gi, provider) and the administrator, who
 * makes the accounts that do. */
bool jr_app_second_factor_role(const char *role);

/* The TOTP code of `secret` at Unix time `now` (6 digits and a NUL). JR_ERR_INTERNAL when the
 * library fails. */
enum jr_err jr_app_totp_code(const unsigned char *secret, size_t len, int64_t now, char out[7]);
/* Whether `code` (6 digits) is the code of `secret` at `now` or one step either side; *step is
 * the time step it belongs to. Pure: the once-only rule is the store's. */
bool jr_app_totp_matches(const unsigned char *secret, size_t len, int64_t now, const char *code,
			 int64_t *step);

/* What an enrolment shows once. */
struct jr_second_factor_enrolment {
	char secret[48];  /* base32, in groups of four separated by spaces */
	char uri[256];    /* otpauth://totp/jeugdroute:NAME?secret=…&issuer=jeugdroute */
};
/* Starts the principal's enrolment (a new secret replaces an unconfirmed one). JR_ERR_CONFLICT
 * when it has a confirmed one already (an administrator resets it first). */
enum jr_err jr_app_second_factor_begin(struct jr_app *app, struct jr_second_factor_enrolment *out);

/* Ten recovery codes, shown once. */
struct jr_recovery_codes {
	char code[JR_RECOVERY_CODES][JR_RECOVERY_CODE_LEN + 1];
};
/* Confirms the principal's enrolment with its first `code` at `now` and makes the recovery
 * codes. JR_ERR_INPUT (field "code") for a wrong code; JR_ERR_NOT_FOUND when no enrolment waits. */
enum jr_err jr_app_second_factor_confirm(struct jr_app *app, const char *code, int64_t now,
					 struct jr_recovery_codes *out);

/* The second step of the principal's login (a pending browser session with CSRF token csrf):
 * `code` is a TOTP code (each step accepted once) or an unused recovery code (then used up).
 * JR_ERR_REFUSED for a wrong code, *retry_after the seconds before the next try; with
 * *must_wait the code was not checked at all (too soon after the last wrong one).
 * JR_ERR_CONFLICT when no login of this session waits for a code. */
enum jr_err jr_app_second_factor_login(struct jr_app *app, const char *code, int64_t now,
				       int *retry_after, bool *must_wait);

/* An administrator removes user `id`'s second factor and recovery codes (audited); the user's
 * browser sessions end (*ended). JR_ERR_NOT_FOUND: no such user. */
enum jr_err jr_app_second_factor_reset(struct jr_app *app, int64_t id, int64_t *ended);

/* How many unused recovery codes the principal has left. */
enum jr_err jr_app_recovery_codes_left(struct jr_app *app, int *left);

#endif
