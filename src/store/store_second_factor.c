/* store_second_factor: a user's TOTP secret, its recovery codes and the session waiting for a
 * code (second_factor.h). The secret is sealed with the vault's key as a BSN is; the recovery
 * codes are kept only as Argon2id hashes made by the caller. */
#include "store/second_factor.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "store/store_internal.h"

#define SECOND_FACTOR_LOCK_AFTER 10
#define SECOND_FACTOR_LOCK_SECONDS 900

static void user_object(int64_t id, char out[32])
{
	snprintf(out, 32, "user:%lld", (long long)id);
}

enum jr_err jr_store_second_factor_get(struct jr_store *s, int64_t user_id,
				       struct jr_second_factor *out)
{
	struct jr_db_stmt *st = NULL;
	const void *sealed;
	size_t len = 0;
	enum jr_err err;
	bool row = false;

	memset(out, 0, sizeof(*out));
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "SELECT u.failed_logins, u.next_login_at, f.secret_sealed, f.confirmed,"
			  " f.last_step FROM users u LEFT JOIN second_factors f ON f.user_id = u.id"
			  " WHERE u.id = $1",
			  &st));
	TRY(jr_db_bind_int(st, 1, user_id));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	out->failures = (int)jr_db_col_int(st, 0);
	out->next_at = jr_db_col_int(st, 1);
	sealed = jr_db_col_blob(st, 2, &len);
	if (sealed && len) {
		out->found = true;
		TRY(jr_vault_open_secret(&s->vault, sealed, len, out->secret, &out->secret_len));
		out->confirmed = jr_db_col_int(st, 3) != 0;
		out->last_step = jr_db_col_int(st, 4);
	}
out:
	jr_db_finalize(st);
	if (err)
		sodium_memzero(out, sizeof(*out));
	return jr_store_finish(s, err);
}

/* *confirmed: whether user `id` has a confirmed second factor; *user: whether it exists. */
static enum jr_err factor_state(struct jr_store *s, int64_t id, bool *user, bool *confirmed)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;

	*user = *confirmed = false;
	TRY(jr_db_prepare(s->db,
			  "SELECT COALESCE(f.confirmed, 0) FROM users u"
			  " LEFT JOIN second_factors f ON f.user_id = u.id WHERE u.id = $1",
			  &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_step(st, user));
	if (*user)
		*confirmed = jr_db_col_int(st, 0) != 0;
out:
	jr_db_finalize(st);
	return err;
}

static enum jr_err exec_id(struct jr_store *s, const char *sql, int64_t id)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row;

	TRY(jr_db_prepare(s->db, sql, &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_step(st, &row));
out:
	jr_db_finalize(st);
	return err;
}

enum jr_err jr_store_second_factor_begin(struct jr_store *s, const struct jr_actor *a,
					 int64_t user_id, const unsigned char *secret, size_t len)
{
	unsigned char sealed[JR_VAULT_SECRET_MAX + JR_VAULT_SEAL_OVERHEAD];
	struct jr_db_stmt *st = NULL;
	char now[21], object[32];
	bool user, confirmed, row;
	enum jr_err err;

	if (len == 0 || len > JR_VAULT_SECRET_MAX)
		return JR_ERR_INPUT;
	user_object(user_id, object);
	jr_store_stamp(s, now);
	TRY(jr_store_begin(s));
	TRY(factor_state(s, user_id, &user, &confirmed));
	if (!user || confirmed) {
		err = !user ? JR_ERR_NOT_FOUND : JR_ERR_CONFLICT;
		goto out;
	}
	TRY(exec_id(s, "DELETE FROM second_factors WHERE user_id = $1", user_id));
	jr_vault_seal_secret(&s->vault, secret, len, sealed);
	TRY(jr_db_prepare(s->db,
			  "INSERT INTO second_factors (user_id, secret_sealed, confirmed, last_step,"
			  " created_at) VALUES ($1, $2, 0, 0, $3)",
			  &st));
	TRY(jr_db_bind_int(st, 1, user_id));
	TRY(jr_db_bind_blob(st, 2, sealed, len + JR_VAULT_SEAL_OVERHEAD));
	TRY(jr_db_bind_text(st, 3, now));
	TRY(jr_db_step(st, &row));
	TRY(jr_store_audit_object(s, a, "second_factor.begin", 0, object));
out:
	sodium_memzero(sealed, sizeof(sealed));
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_second_factor_confirm(struct jr_store *s, const struct jr_actor *a,
					   int64_t user_id, int64_t step,
					   const char lookup[JR_RECOVERY_CODES][JR_RECOVERY_LOOKUP_LEN + 1],
					   const char hash[JR_RECOVERY_CODES][128])
{
	struct jr_db_stmt *st = NULL;
	char object[32];
	enum jr_err err;
	bool row = false;

	user_object(user_id, object);
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "UPDATE second_factors SET confirmed = 1, last_step = $2"
			  " WHERE user_id = $1 AND confirmed = 0 RETURNING user_id",
			  &st));
	TRY(jr_db_bind_int(st, 1, user_id));
	TRY(jr_db_bind_int(st, 2, step));
	TRY(jr_db_step(st, &row));
	jr_db_finalize(st);
	st = NULL;
	if (!row) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	TRY(exec_id(s, "DELETE FROM recovery_codes WHERE user_id = $1", user_id));
	for (int i = 0; i < JR_RECOVERY_CODES; i++) {
		TRY(jr_db_prepare(s->db,
				  "INSERT INTO recovery_codes (user_id, lookup, code_hash)"
				  " VALUES ($1, $2, $3)",
				  &st));
		TRY(jr_db_bind_int(st, 1, user_id));
		TRY(jr_db_bind_text(st, 2, lookup[i]));
		TRY(jr_db_bind_text(st, 3, hash[i]));
		TRY(jr_db_step(st, &row));
		jr_db_finalize(st);
		st = NULL;
	}
	TRY(jr_store_audit_object(s, a, "second_factor.confirm", 0, object));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_second_factor_step(struct jr_store *s, int64_t user_id, int64_t step,
					bool *fresh)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;

	*fresh = false;
	TRY(jr_store_begin(s));
	/* one statement: two logins with the same code cannot both take it */
	TRY(jr_db_prepare(s->db,
			  "UPDATE second_factors SET last_step = $2"
			  " WHERE user_id = $1 AND confirmed = 1 AND last_step < $2 RETURNING user_id",
			  &st));
	TRY(jr_db_bind_int(st, 1, user_id));
	TRY(jr_db_bind_int(st, 2, step));
	TRY(jr_db_step(st, fresh));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_recovery_code_find(struct jr_store *s, int64_t user_id, const char *lookup,
					char hash[128], int64_t *id, bool *found)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;

	hash[0] = '\0';
	*id = 0;
	*found = false;
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "SELECT id, code_hash FROM recovery_codes"
			  " WHERE user_id = $1 AND lookup = $2 AND used_at IS NULL",
			  &st));
	TRY(jr_db_bind_int(st, 1, user_id));
	TRY(jr_db_bind_text(st, 2, lookup));
	TRY(jr_db_step(st, found));
	if (*found) {
		*id = jr_db_col_int(st, 0);
		snprintf(hash, 128, "%s", jr_db_col_text(st, 1));
	}
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_recovery_code_use(struct jr_store *s, const struct jr_actor *a, int64_t id,
				       bool *fresh)
{
	struct jr_db_stmt *st = NULL;
	char now[21];
	enum jr_err err;

	*fresh = false;
	jr_store_stamp(s, now);
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "UPDATE recovery_codes SET used_at = $2 WHERE id = $1 AND used_at IS NULL"
			  " RETURNING id",
			  &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_bind_text(st, 2, now));
	TRY(jr_db_step(st, fresh));
	jr_db_finalize(st);
	st = NULL;
	if (*fresh)
		TRY(jr_store_audit(s, a, "second_factor.recovery_code", 0));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_recovery_codes_left(struct jr_store *s, int64_t user_id, int *left)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row = false;

	*left = 0;
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL",
			  &st));
	TRY(jr_db_bind_int(st, 1, user_id));
	TRY(jr_db_step(st, &row));
	if (row)
		*left = (int)jr_db_col_int(st, 0);
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_second_factor_failed(struct jr_store *s, const struct jr_actor *a,
					  int64_t user_id, int64_t now, int *retry_after)
{
	struct jr_db_stmt *st = NULL;
	char object[32];
	int64_t delay;
	enum jr_err err;
	bool row = false;
	int failures = 0;

	*retry_after = 0;
	user_object(user_id, object);
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "UPDATE users SET failed_logins = failed_logins + 1 WHERE id = $1"
			  " RETURNING failed_logins",
			  &st));
	TRY(jr_db_bind_int(st, 1, user_id));
	TRY(jr_db_step(st, &row));
	if (row)
		failures = (int)jr_db_col_int(st, 0);
	jr_db_finalize(st);
	st = NULL;
	/* 1, 2, 4 … 64 seconds; a quarter of an hour after ten in a row (as a password change) */
	delay = failures >= SECOND_FACTOR_LOCK_AFTER ? SECOND_FACTOR_LOCK_SECONDS
	      : failures < 1                         ? 0
						     : (int64_t)1 << (failures - 1 < 6 ? failures - 1 : 6);
	TRY(jr_db_prepare(s->db, "UPDATE users SET next_login_at = $2 WHERE id = $1", &st));
	TRY(jr_db_bind_int(st, 1, user_id));
	TRY(jr_db_bind_int(st, 2, now + delay));
	TRY(jr_db_step(st, &row));
	*retry_after = (int)delay;
	TRY(jr_store_audit_object(s, a, "login.second_factor.failed", 0, object));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_second_factor_passed(struct jr_store *s, const struct jr_actor *a,
					  int64_t user_id, const char *csrf, int64_t now)
{
	struct jr_db_stmt *st = NULL;
	char object[32];
	enum jr_err err;
	bool row = false;

	user_object(user_id, object);
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "UPDATE sessions SET pending = 0, expires_at = $3"
			  " WHERE user_id = $1 AND csrf = $2 AND kind = 'session' AND pending = 1"
			  " RETURNING id",
			  &st));
	TRY(jr_db_bind_int(st, 1, user_id));
	TRY(jr_db_bind_text(st, 2, csrf));
	TRY(jr_db_bind_int(st, 3, now + JR_SESSION_SECONDS));
	TRY(jr_db_step(st, &row));
	jr_db_finalize(st);
	st = NULL;
	if (!row) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	TRY(exec_id(s, "UPDATE users SET failed_logins = 0, next_login_at = 0 WHERE id = $1",
		    user_id));
	TRY(jr_store_audit_object(s, a, "login.second_factor", 0, object));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_second_factor_reset(struct jr_store *s, const struct jr_actor *a,
					 int64_t user_id, int64_t *ended)
{
	struct jr_db_stmt *st = NULL;
	char object[32];
	bool user, confirmed, row;
	enum jr_err err;

	*ended = 0;
	user_object(user_id, object);
	TRY(jr_store_begin(s));
	TRY(factor_state(s, user_id, &user, &confirmed));
	if (!user) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	TRY(exec_id(s, "DELETE FROM recovery_codes WHERE user_id = $1", user_id));
	TRY(exec_id(s, "DELETE FROM second_factors WHERE user_id = $1", user_id));
	TRY(jr_db_prepare(s->db,
			  "DELETE FROM sessions WHERE user_id = $1 AND kind = 'session' RETURNING id",
			  &st));
	TRY(jr_db_bind_int(st, 1, user_id));
	for (;;) {
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		(*ended)++;
	}
	TRY(jr_store_audit_object(s, a, "second_factor.reset", 0, object));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}
