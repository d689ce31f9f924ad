/* store_session: login with Argon2id passwords, browser sessions and API tokens (see store.h).
 *
 * Tokens are random (libsodium) and stored only as a keyless BLAKE2b hash: looking one up is one
 * indexed read, and the database alone gives no way in. A login is three short steps around a
 * password check that runs outside every transaction (app/login.c): the account is read, the
 * outcome written (the durable count of failures in a row, counted in one statement; the
 * addresses a user logged in from). */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "store/store_internal.h"

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

enum jr_err jr_store_login_account(struct jr_store *s, const char *username, const char *address,
				   struct jr_login_account *out)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row = false;

	memset(out, 0, sizeof(*out));
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  PRINCIPAL_SELECT ", u.password_hash, u.failed_logins"
			  " FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id"
			  " WHERE u.username = $1",
			  &st));
	TRY(jr_db_bind_text(st, 1, username));
	TRY(jr_db_step(st, &row));
	if (row) {
		out->found = true;
		read_principal(st, &out->p);
		snprintf(out->hash, sizeof(out->hash), "%s", jr_db_col_text(st, 7));
		out->failures = (int)jr_db_col_int(st, 8);
	}
	jr_db_finalize(st);
	st = NULL;
	if (!row)
		goto out;
	TRY(jr_db_prepare(s->db,
			  "SELECT 1 FROM login_addresses WHERE user_id = $1 AND address = $2", &st));
	TRY(jr_db_bind_int(st, 1, out->p.user_id));
	TRY(jr_db_bind_text(st, 2, address));
	TRY(jr_db_step(st, &row));
	out->known_address = row;
out:
	jr_db_finalize(st);
	if (err)
		sodium_memzero(out, sizeof(*out));
	return jr_store_finish(s, err);
}

enum jr_err jr_store_login_failed(struct jr_store *s, const struct jr_actor *a,
				  struct jr_login_account *acc)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row = false;

	TRY(jr_store_begin(s));
	if (acc->found) {
		/* one statement, so that two servers counting at once both count (PostgreSQL takes
		 * the row lock for the update; SQLite has one writer) */
		TRY(jr_db_prepare(s->db,
				  "UPDATE users SET failed_logins = failed_logins + 1 WHERE id = $1"
				  " RETURNING failed_logins",
				  &st));
		TRY(jr_db_bind_int(st, 1, acc->p.user_id));
		TRY(jr_db_step(st, &row));
		if (row)
			acc->failures = (int)jr_db_col_int(st, 0);
	}
	/* an unknown name is not written down: it may be a password typed in the wrong field */
	TRY(jr_store_audit_object(s, a, "login.failed", 0, acc->found ? acc->p.username : ""));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_login_waited(struct jr_store *s, const struct jr_actor *a,
				  const struct jr_login_account *acc)
{
	enum jr_err err;

	TRY(jr_store_begin(s));
	TRY(jr_store_audit_object(s, a, "login.wait", 0, acc->found ? acc->p.username : ""));
out:
	return jr_store_finish(s, err);
}

enum jr_err jr_store_login_open(struct jr_store *s, const struct jr_actor *a,
				const struct jr_login_account *acc, int64_t now,
				char token_out[JR_TOKEN_LEN + 1], struct jr_principal *p)
{
	struct jr_db_stmt *st = NULL;
	char at[21];
	enum jr_err err;
	bool row;

	token_out[0] = '\0';
	*p = acc->p;
	jr_store_stamp(s, at);
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db, "UPDATE users SET failed_logins = 0, next_login_at = 0 WHERE id = $1",
			  &st));
	TRY(jr_db_bind_int(st, 1, acc->p.user_id));
	TRY(jr_db_step(st, &row));
	jr_db_finalize(st);
	st = NULL;
	/* the address is remembered: after an outsider's guessing reached the account's limit,
	 * the user still gets in from where it worked before */
	TRY(jr_db_prepare(s->db,
			  "INSERT INTO login_addresses (user_id, address, last_at) VALUES ($1, $2, $3)"
			  " ON CONFLICT (user_id, address) DO UPDATE SET last_at = excluded.last_at",
			  &st));
	TRY(jr_db_bind_int(st, 1, acc->p.user_id));
	TRY(jr_db_bind_text(st, 2, a->origin));
	TRY(jr_db_bind_text(st, 3, at));
	TRY(jr_db_step(st, &row));
	new_token(token_out);
	new_token(p->csrf);
	TRY(insert_session(s, token_out, p->user_id, "session", "", p->csrf,
			   now + JR_SESSION_SECONDS));
	TRY(jr_store_audit_object(s, a, "login", 0, p->username));
out:
	jr_db_finalize(st);
	err = jr_store_finish(s, err);
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
	if (row) {
		read_principal(st, p);
		snprintf(p->csrf, sizeof(p->csrf), "%s", jr_db_col_text(st, 7));
		p->api = strcmp(jr_db_col_text(st, 8), "api") == 0;
	}
out:
	jr_db_finalize(st);
	/* a session that is not found is an answer, not a failure: inside a request's
	 * transaction it must not undo what the request does next (a login's count of failures,
	 * its audit entries) */
	err = jr_store_finish(s, err);
	return err ? err : row ? JR_OK : JR_ERR_NOT_FOUND;
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
