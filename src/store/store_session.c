/* store_session: login with Argon2id passwords, browser sessions and API tokens (see store.h).
 *
 * Tokens are random (libsodium) and stored only as a keyless BLAKE2b hash: looking one up is one
 * indexed read, and the database alone gives no way in. Failed logins are counted per user; each
 * sets a moment before which the next attempt is refused unchecked, so guessing gets slower with
 * every miss (1, 2, 4 … 64 seconds) and stops for a while after JR_LOGIN_LOCK_AFTER misses. An
 * unknown user name costs a password check all the same, so the answer's timing does not tell
 * whether the name exists. */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "store/store_internal.h"

/* The Argon2id hash of a random password nobody knows: checked against for unknown names. */
static const char decoy_hash[] =
	"$argon2id$v=19$m=65536,t=2,p=1$OpNtZsWaCfvXgZdWMh+S3g$"
	"ASa93zS0mBAX2+6Og/20Lub55GsyZ1PD7d6omPOTfSM";

static void new_token(char out[JR_TOKEN_LEN + 1])
{
	unsigned char raw[32];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(out, JR_TOKEN_LEN + 1, raw, sizeof(raw),
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof(raw));
}

static void token_hash(const char *token, char hex[65])
{
	unsigned char h[32];

	crypto_generichash(h, sizeof(h), (const unsigned char *)token, strlen(token), NULL, 0);
	sodium_bin2hex(hex, 65, h, sizeof(h));
}

/* The delay after `failures` misses in a row, in seconds. */
static int64_t delay_after(int failures)
{
	if (failures >= JR_LOGIN_LOCK_AFTER)
		return JR_LOGIN_LOCK_SECONDS;
	return failures < 1 ? 0 : (int64_t)1 << (failures - 1 < 6 ? failures - 1 : 6);
}

#define PRINCIPAL_SELECT                                                                           \
	"SELECT u.id, u.username, u.role, COALESCE(u.organisation_id, 0), COALESCE(o.kind, ''),"  \
	" COALESCE(o.municipality, ''), COALESCE(o.agb, '')"

static void read_principal(struct jr_db_stmt *st, struct jr_principal *p)
{
	memset(p, 0, sizeof(*p));
	p->user_id = jr_db_col_int(st, 0);
	snprintf(p->username, sizeof(p->username), "%s", jr_db_col_text(st, 1));
	snprintf(p->role, sizeof(p->role), "%s", jr_db_col_text(st, 2));
	p->organisation_id = jr_db_col_int(st, 3);
	snprintf(p->org_kind, sizeof(p->org_kind), "%s", jr_db_col_text(st, 4));
	snprintf(p->municipality, sizeof(p->municipality), "%s", jr_db_col_text(st, 5));
	snprintf(p->agb, sizeof(p->agb), "%s", jr_db_col_text(st, 6));
}

static enum jr_err insert_session(struct jr_store *s, const char *token, int64_t user_id,
				  const char *kind, const char *name, const char *csrf,
				  int64_t expires)
{
	struct jr_db_stmt *st = NULL;
	char hash[65], now[21];
	enum jr_err err;
	bool row;

	token_hash(token, hash);
	jr_store_stamp(s, now);
	TRY(jr_db_prepare(s->db,
			  "INSERT INTO sessions (token_hash, user_id, kind, name, csrf, created_at,"
			  " expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
			  &st));
	TRY(jr_db_bind_text(st, 1, hash));
	TRY(jr_db_bind_int(st, 2, user_id));
	TRY(jr_db_bind_text(st, 3, kind));
	TRY(jr_db_bind_text(st, 4, name));
	TRY(jr_db_bind_text(st, 5, csrf));
	TRY(jr_db_bind_text(st, 6, now));
	TRY(jr_db_bind_int(st, 7, expires));
	TRY(jr_db_step(st, &row));
out:
	jr_db_finalize(st);
	return err;
}

static enum jr_err set_failures(struct jr_store *s, int64_t user_id, int failures, int64_t next)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row;

	TRY(jr_db_prepare(s->db, "UPDATE users SET failed_logins = $1, next_login_at = $2 WHERE id = $3",
			  &st));
	TRY(jr_db_bind_int(st, 1, failures));
	TRY(jr_db_bind_int(st, 2, next));
	TRY(jr_db_bind_int(st, 3, user_id));
	TRY(jr_db_step(st, &row));
out:
	jr_db_finalize(st);
	return err;
}

enum jr_err jr_store_login(struct jr_store *s, const struct jr_actor *a, const char *username,
			   const char *password, int64_t now, char token_out[JR_TOKEN_LEN + 1],
			   struct jr_principal *p, int *retry_after)
{
	struct jr_db_stmt *st = NULL;
	char hash[crypto_pwhash_STRBYTES];
	int failures = 0;
	int64_t next = 0;
	bool row = false, good, refused = false;
	enum jr_err err;

	*retry_after = 0;
	token_out[0] = '\0';
	memset(p, 0, sizeof(*p));
	snprintf(hash, sizeof(hash), "%s", decoy_hash);
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  PRINCIPAL_SELECT ", u.password_hash, u.failed_logins, u.next_login_at"
			  " FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id"
			  " WHERE u.username = $1",
			  &st));
	TRY(jr_db_bind_text(st, 1, username));
	TRY(jr_db_step(st, &row));
	if (row) {
		read_principal(st, p);
		snprintf(hash, sizeof(hash), "%s", jr_db_col_text(st, 7));
		failures = (int)jr_db_col_int(st, 8);
		next = jr_db_col_int(st, 9);
	}
	jr_db_finalize(st);
	st = NULL;
	if (row && next > now) {
		*retry_after = (int)(next - now);
		TRY(jr_store_audit_object(s, a, "login.wait", 0, p->username));
		refused = true; /* committed all the same: the audit entry stays */
		goto out;
	}
	good = crypto_pwhash_str_verify(hash, password, strlen(password)) == 0 && row;
	if (!good) {
		if (row) {
			failures++;
			TRY(set_failures(s, p->user_id, failures, now + delay_after(failures)));
		}
		TRY(jr_store_audit_object(s, a, "login.failed", 0, row ? p->username : ""));
		refused = true; /* the count and the audit entry are committed */
		goto out;
	}
	if (failures)
		TRY(set_failures(s, p->user_id, 0, 0));
	new_token(token_out);
	new_token(p->csrf);
	TRY(insert_session(s, token_out, p->user_id, "session", "", p->csrf,
			   now + JR_SESSION_SECONDS));
	TRY(jr_store_audit_object(s, a, "login", 0, p->username));
out:
	jr_db_finalize(st);
	sodium_memzero(hash, sizeof(hash));
	err = jr_store_finish(s, err);
	if (!err && refused)
		err = JR_ERR_REFUSED;
	if (err) {
		sodium_memzero(token_out, JR_TOKEN_LEN + 1);
		token_out[0] = '\0';
		memset(p, 0, sizeof(*p));
	}
	return err;
}

enum jr_err jr_store_session_find(struct jr_store *s, const char *token, int64_t now,
				  struct jr_principal *p)
{
	struct jr_db_stmt *st = NULL;
	char hash[65];
	enum jr_err err;
	bool row = false;

	memset(p, 0, sizeof(*p));
	if (strlen(token) != JR_TOKEN_LEN)
		return JR_ERR_NOT_FOUND;
	token_hash(token, hash);
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  PRINCIPAL_SELECT ", se.csrf, se.kind FROM sessions se"
			  " JOIN users u ON u.id = se.user_id"
			  " LEFT JOIN organisations o ON o.id = u.organisation_id"
			  " WHERE se.token_hash = $1 AND se.expires_at > $2",
			  &st));
	TRY(jr_db_bind_text(st, 1, hash));
	TRY(jr_db_bind_int(st, 2, now));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	read_principal(st, p);
	snprintf(p->csrf, sizeof(p->csrf), "%s", jr_db_col_text(st, 7));
	p->api = strcmp(jr_db_col_text(st, 8), "api") == 0;
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_session_end(struct jr_store *s, const struct jr_actor *a, const char *token)
{
	struct jr_db_stmt *st = NULL;
	char hash[65];
	enum jr_err err;
	bool row;

	token_hash(token, hash);
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db, "DELETE FROM sessions WHERE token_hash = $1 AND kind = 'session'",
			  &st));
	TRY(jr_db_bind_text(st, 1, hash));
	TRY(jr_db_step(st, &row));
	TRY(jr_store_audit(s, a, "logout", 0));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_api_token_add(struct jr_store *s, const struct jr_actor *a, int64_t user_id,
				   const char *name, int days, int64_t now,
				   char token_out[JR_TOKEN_LEN + 1])
{
	enum jr_err err;

	token_out[0] = '\0';
	if (days < 1 || days > 3660 || !name[0] || strlen(name) > 100)
		return JR_ERR_INPUT;
	new_token(token_out);
	TRY(jr_store_begin(s));
	TRY(jr_store_must_exist(s, "SELECT 1 FROM users WHERE id = $1", user_id));
	TRY(insert_session(s, token_out, user_id, "api", name, "", now + (int64_t)days * 86400));
	TRY(jr_store_audit_object(s, a, "api_token.add", 0, name));
out:
	err = jr_store_finish(s, err);
	if (err)
		token_out[0] = '\0';
	return err;
}
