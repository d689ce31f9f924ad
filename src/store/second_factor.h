/* second_factor: the stored side of a user's second factor (store_second_factor.c) — a TOTP
 * secret (RFC 6238) sealed with the vault's key, the last time step a code was accepted for,
 * ten recovery codes kept as Argon2id hashes, and the browser session that waits for its code.
 * The codes themselves are computed and checked in app/second_factor.c. */
#ifndef JR_STORE_SECOND_FACTOR_H
#define JR_STORE_SECOND_FACTOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "store/store_types.h"
#include "store/vault.h"

#define JR_RECOVERY_CODES 10
#define JR_RECOVERY_LOOKUP_LEN 4 /* the public first part of a recovery code */

/* A user's second factor as the check needs it. */
struct jr_second_factor {
	bool found;     /* a secret is stored (confirmed or still being enrolled) */
	bool confirmed; /* confirmed with a first code: asked at every login */
	unsigned char secret[JR_VAULT_SECRET_MAX];
	size_t secret_len;
	int64_t last_step; /* the last TOTP time step accepted (a code counts once) */
	int failures;      /* failed attempts in a row (password or code) */
	int64_t next_at;   /* Unix seconds before which no code is checked */
};

/* Reads user `user_id`'s second factor, the secret opened. JR_ERR_STORE when it does not open. */
enum jr_err jr_store_second_factor_get(struct jr_store *s, int64_t user_id,
				       struct jr_second_factor *out);
/* Stores a new, unconfirmed secret for the user (second_factor.begin), replacing an
 * unconfirmed one. JR_ERR_CONFLICT when a confirmed one exists (the administrator resets it
 * first); JR_ERR_NOT_FOUND: no such user. */
enum jr_err jr_store_second_factor_begin(struct jr_store *s, const struct jr_actor *a,
					 int64_t user_id, const unsigned char *secret, size_t len);
/* Confirms the secret with the step of its first code and stores the recovery codes
 * (second_factor.confirm): lookup[i] is the public part, hash[i] the Argon2id hash of the
 * whole code; earlier codes go. JR_ERR_NOT_FOUND when no secret waits. */
enum jr_err jr_store_second_factor_confirm(struct jr_store *s, const struct jr_actor *a,
					   int64_t user_id, int64_t step,
					   const char lookup[JR_RECOVERY_CODES][JR_RECOVERY_LOOKUP_LEN + 1],
					   const char hash[JR_RECOVERY_CODES][128]);
/* Takes time step `step` as used, once: *fresh false when it (or a later one) was used. */
enum jr_err jr_store_second_factor_step(struct jr_store *s, int64_t user_id, int64_t step,
					bool *fresh);
/* The unused recovery code of the user with this lookup part: its hash and id (*found). */
enum jr_err jr_store_recovery_code_find(struct jr_store *s, int64_t user_id, const char *lookup,
					char hash[128], int64_t *id, bool *found);
/* Marks recovery code `id` used; *fresh false when it was used already (a race). */
enum jr_err jr_store_recovery_code_use(struct jr_store *s, const struct jr_actor *a, int64_t id,
				       bool *fresh);
/* How many unused recovery codes the user has left. */
enum jr_err jr_store_recovery_codes_left(struct jr_store *s, int64_t user_id, int *left);
/* A wrong code: the count of failures goes up and the next try must wait (the password's
 * rising delay); audited login.second_factor.failed. *retry_after: the seconds to wait. */
enum jr_err jr_store_second_factor_failed(struct jr_store *s, const struct jr_actor *a,
					  int64_t user_id, int64_t now, int *retry_after);
/* The right code: the pending browser session with CSRF token `csrf` of the user becomes a
 * full one for a working day, the failures count starts again (login.second_factor). */
enum jr_err jr_store_second_factor_passed(struct jr_store *s, const struct jr_actor *a,
					  int64_t user_id, const char *csrf, int64_t now);
/* The administrator removes user `user_id`'s second factor and recovery codes
 * (second_factor.reset); every browser session of the user ends (*ended). JR_ERR_NOT_FOUND: no
 * such user. */
enum jr_err jr_store_second_factor_reset(struct jr_store *s, const struct jr_actor *a,
					 int64_t user_id, int64_t *ended);

#endif
