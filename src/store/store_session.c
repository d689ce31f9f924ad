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

#include "core/roles.h"
#include "store/store_internal.h"

/* An Argon2id hash of a random password nobody knows, with libsodium's interactive limits as
 * every user's (store.h). */
const char jr_store_decoy_hash[] = "$argon2id$v=19$m=65536,t=2,p=1$OpNtZsWaCfvXgZdWMh+S3g$"
				   "ASa93zS0mBAX2+6Og/20Lub55GsyZ1PD7d6omPOTfSM";

/* What recognises a password made or checked beforehand: its keyless BLAKE2b (kept only for the
 * request's steps, in memory). */
static void password_tag(const char *password, unsigned char out[32])
{
	crypto_generichash(out, 32, (const unsigned char *)password, strlen(password), NULL, 0);
}

void jr_store_password_prepare(struct jr_store *s, const char *password, const char *hash,
			       const char *checked, const char *against, bool ok)
{
	s->prepared_hash = password && hash && strlen(hash) < sizeof(s->prepared_hash_value);
	if (s->prepared_hash) {
		password_tag(password, s->prepared_hash_of);
		snprintf(s->prepared_hash_value, sizeof(s->prepared_hash_value), "%s", hash);
	}
	s->prepared_check = checked && against && strlen(against) < sizeof(s->prepared_check_against);
	if (s->prepared_check) {
		password_tag(checked, s->prepared_check_of);
		snprintf(s->prepared_check_against, sizeof(s->prepared_check_against), "%s", against);
		s->prepared_check_ok = ok;
	}
}

enum jr_err jr_store_password_hash(struct jr_store *s, const char *password, char out[128])
{
	unsigned char tag[32];

	if (s->prepared_hash) {
		password_tag(password, tag);
		if (sodium_memcmp(tag, s->prepared_hash_of, sizeof(tag)) == 0) {
			snprintf(out, 128, "%s", s->prepared_hash_value);
			return JR_OK;
		}
	}
	return crypto_pwhash_str(out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
				 crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0
		       ? JR_OK
		       : JR_ERR_NOMEM;
}

bool jr_store_password_check(struct jr_store *s, const char *hash, const char *password)
{
	unsigned char tag[32];

	if (s->prepared_check && strcmp(hash, s->prepared_check_against) == 0) {
		password_tag(password, tag);
		if (sodium_memcmp(tag, s->prepared_check_of, sizeof(tag)) == 0)
			return s->prepared_check_ok;
	}
	return crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
}

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

/* Whether the user u has a confirmed second factor (store_second_factor.c), as 1 or 0 on both
 * engines (PostgreSQL's EXISTS is a boolean). */
#define SECOND_FACTOR_COLUMN                                                                       \
	"CASE WHEN EXISTS (SELECT 1 FROM second_factors f"                                         \
	" WHERE f.user_id = u.id AND f.confirmed = 1) THEN 1 ELSE 0 END"

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
				  int64_t expires, bool pending)
{
	struct jr_db_stmt *st = NULL;
	char hash[65], now[21];
	enum jr_err err;
	bool row;

	token_hash(token, hash);
	jr_store_stamp(s, now);
	TRY(jr_db_prepare(s->db,
			  "INSERT INTO sessions (token_hash, user_id, kind, name, csrf, created_at,"
			  " expires_at, pending) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
			  &st));
	TRY(jr_db_bind_text(st, 1, hash));
	TRY(jr_db_bind_int(st, 2, user_id));
	TRY(jr_db_bind_text(st, 3, kind));
	TRY(jr_db_bind_text(st, 4, name));
	TRY(jr_db_bind_text(st, 5, csrf));
	TRY(jr_db_bind_text(st, 6, now));
	TRY(jr_db_bind_int(st, 7, expires));
	TRY(jr_db_bind_int(st, 8, pending ? 1 : 0));
	TRY(jr_db_step(st, &row));
out:
	jr_db_finalize(st);
	return err;
}

/* A wrong current password when changing one's own password (only the session's holder can
 * try) slows the next try: 1, 2, 4 … 64 seconds, a quarter of an hour after ten in a row. */
#define PASSWORD_CHANGE_LOCK_AFTER 10
#define PASSWORD_CHANGE_LOCK_SECONDS 900

/* The delay after `failures` misses in a row, in seconds. */
static int64_t delay_after(int failures)
{
	if (failures >= PASSWORD_CHANGE_LOCK_AFTER)
		return PASSWORD_CHANGE_LOCK_SECONDS;
	return failures < 1 ? 0 : (int64_t)1 << (failures - 1 < 6 ? failures - 1 : 6);
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

enum jr_err jr_store_login_account(struct jr_store *s, const char *username, const char *address,
				   struct jr_login_account *out)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row = false;

	memset(out, 0, sizeof(*out));
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  PRINCIPAL_SELECT ", u.password_hash, u.failed_logins, u.active,"
			  " u.must_change_password, " SECOND_FACTOR_COLUMN ", COALESCE(o.active, 1)"
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
		/* deactivated, or a role that does not fit: refused as a wrong password is */
		out->usable = jr_db_col_int(st, 9) && jr_role_fits(out->p.role, out->p.org_kind) &&
			      jr_db_col_int(st, 12) != 0; /* and its organisation active */
		out->p.must_change_password = jr_db_col_int(st, 10) != 0;
		out->p.second_factor = jr_db_col_int(st, 11) != 0;
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
	TRY(jr_store_audit_object(s, a, acc->found && !acc->usable ? "login.refused" : "login.failed",
				  0, acc->found ? acc->p.username : ""));
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
	/* with a second factor the count of failures starts again only after the right code
	 * (store_second_factor.c), so that a password does not buy fresh guesses at the code */
	if (!acc->p.second_factor) {
		TRY(jr_db_prepare(s->db,
				  "UPDATE users SET failed_logins = 0, next_login_at = 0 WHERE id = $1",
				  &st));
		TRY(jr_db_bind_int(st, 1, acc->p.user_id));
		TRY(jr_db_step(st, &row));
		jr_db_finalize(st);
		st = NULL;
	}
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
	/* a user with a second factor gets a pending session: five minutes for the code */
	p->second_factor_pending = p->second_factor;
	TRY(insert_session(s, token_out, p->user_id, "session", "", p->csrf,
			   now + (p->second_factor ? JR_SECOND_FACTOR_SECONDS : JR_SESSION_SECONDS),
			   p->second_factor));
	TRY(jr_store_audit_object(s, a, p->second_factor ? "login.password" : "login", 0,
				  p->username));
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

/* The account gate of a session (issue 11): its user must be active and have a role that fits
 * its organisation's kind, else the session is not honoured — answered as an unknown one, but
 * audited as what it is. */
#define ACCOUNT_STATE_COLUMNS                                                                      \
	"u.active, u.must_change_password, se.id, se.last_used_at, COALESCE(o.active, 1),"        \
	" se.pending, " SECOND_FACTOR_COLUMN
#define LAST_USED_STEP 60 /* an API token's last use is written at most once a minute */

struct account_state {
	bool active, must_change, org_active, pending, second_factor;
	int64_t session_id, last_used;
};

static void read_account_state(struct jr_db_stmt *st, int first, struct account_state *acc)
{
	acc->active = jr_db_col_int(st, first) != 0;
	acc->must_change = jr_db_col_int(st, first + 1) != 0;
	acc->session_id = jr_db_col_int(st, first + 2);
	acc->last_used = jr_db_col_int(st, first + 3);
	acc->org_active = jr_db_col_int(st, first + 4) != 0;
	acc->pending = jr_db_col_int(st, first + 5) != 0;
	acc->second_factor = jr_db_col_int(st, first + 6) != 0;
}

static enum jr_err account_gate(struct jr_store *s, const struct jr_actor *a,
				const struct account_state *acc, int64_t now,
				const struct jr_principal *p, bool *refused)
{
	struct jr_db_stmt *st = NULL;
	char object[32];
	enum jr_err err = JR_OK;
	bool row;

	*refused = !acc->active || !acc->org_active || !jr_role_fits(p->role, p->org_kind);
	if (*refused) {
		snprintf(object, sizeof(object), "user:%lld", (long long)p->user_id);
		return jr_store_audit_object(s, a, !acc->active       ? "session.refused.inactive"
						   : !acc->org_active ? "session.refused.organisation"
								      : "session.refused.role",
					     0, object);
	}
	if (!p->api || now - acc->last_used < LAST_USED_STEP)
		return JR_OK;
	TRY(jr_db_prepare(s->db, "UPDATE sessions SET last_used_at = $1 WHERE id = $2", &st));
	TRY(jr_db_bind_int(st, 1, now));
	TRY(jr_db_bind_int(st, 2, acc->session_id));
	TRY(jr_db_step(st, &row));
out:
	jr_db_finalize(st);
	return err;
}

enum jr_err jr_store_session_find(struct jr_store *s, const struct jr_actor *a, const char *token,
				  int64_t now, struct jr_principal *p)
{
	struct jr_db_stmt *st = NULL;
	struct account_state acc;
	char hash[65];
	enum jr_err err;
	bool row = false, refused = false;

	memset(p, 0, sizeof(*p));
	if (strlen(token) != JR_TOKEN_LEN)
		return JR_ERR_NOT_FOUND;
	token_hash(token, hash);
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  PRINCIPAL_SELECT ", se.csrf, se.kind, " ACCOUNT_STATE_COLUMNS " FROM sessions se"
			  " JOIN users u ON u.id = se.user_id"
			  " LEFT JOIN organisations o ON o.id = u.organisation_id"
			  " WHERE se.token_hash = $1 AND se.expires_at > $2",
			  &st));
	TRY(jr_db_bind_text(st, 1, hash));
	TRY(jr_db_bind_int(st, 2, now));
	TRY(jr_db_step(st, &row));
	if (!row)
		goto out;
	read_principal(st, p);
	snprintf(p->csrf, sizeof(p->csrf), "%s", jr_db_col_text(st, 7));
	p->api = strcmp(jr_db_col_text(st, 8), "api") == 0;
	read_account_state(st, 9, &acc);
	p->must_change_password = acc.must_change;
	p->second_factor = acc.second_factor;
	p->second_factor_pending = acc.pending;
	jr_db_finalize(st);
	st = NULL;
	TRY(account_gate(s, a, &acc, now, p, &refused));
out:
	jr_db_finalize(st);
	/* a session that is not found is an answer, not a failure: inside a request's
	 * transaction it must not undo what the request does next (a login's count of failures,
	 * its audit entries) */
	err = jr_store_finish(s, err);
	if (!err && (refused || !row)) {
		memset(p, 0, sizeof(*p));
		err = JR_ERR_NOT_FOUND; /* a refusal's audit entry is committed all the same */
	}
	return err;
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

/* --- Account administration (issue 11): API tokens, deactivation, roles, passwords. Each
 * operation checks what is stored first and writes only after; a refusal is audited as
 * "<action>.refused" and committed, and returned as the error (see store.h). --- */

/* Audits a refused account action and notes the error to return after the commit. */
static enum jr_err refuse(struct jr_store *s, const struct jr_actor *a, const char *action,
			  const char *object, enum jr_err why, enum jr_err *refusal)
{
	char name[48];

	snprintf(name, sizeof(name), "%s.refused", action);
	*refusal = why;
	return jr_store_audit_object(s, a, name, 0, object);
}

/* The user `id` inside the transaction; *found false when there is none. */
static enum jr_err user_of(struct jr_store *s, int64_t id, struct jr_user *u, bool *found)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;

	memset(u, 0, sizeof(*u));
	*found = false;
	TRY(jr_db_prepare(s->db, JR_USER_SELECT " WHERE u.id = $1", &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_step(st, found));
	if (*found)
		jr_store_read_user(st, u);
out:
	jr_db_finalize(st);
	return err;
}

/* Whether an administrator other than `id` can still log in: active, without an organisation.
 * On PostgreSQL the active administrators are locked, in one order, so that two who deactivate
 * each other at the same moment cannot both succeed. */
static enum jr_err other_admin(struct jr_store *s, int64_t id, bool *exists)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row;

	*exists = false;
	TRY(jr_db_prepare(s->db,
			  jr_db_engine(s->db) == JR_DB_POSTGRES
				  ? "SELECT id FROM users WHERE role = 'admin' AND active = 1"
				    " AND organisation_id IS NULL ORDER BY id FOR UPDATE"
				  : "SELECT id FROM users WHERE role = 'admin' AND active = 1"
				    " AND organisation_id IS NULL ORDER BY id",
			  &st));
	for (;;) {
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		if (jr_db_col_int(st, 0) != id)
			*exists = true;
	}
out:
	jr_db_finalize(st);
	return err;
}

/* Deletes sessions of user `id` by `sql` ($1 the user, $2 `extra` when not NULL); *ended
 * counts them. */
static enum jr_err end_sessions(struct jr_store *s, const char *sql, int64_t id,
				const char *extra, int64_t *ended)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row;

	TRY(jr_db_prepare(s->db, sql, &st));
	TRY(jr_db_bind_int(st, 1, id));
	if (extra)
		TRY(jr_db_bind_text(st, 2, extra));
	for (;;) {
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		(*ended)++;
	}
out:
	jr_db_finalize(st);
	return err;
}

#define END_ALL "DELETE FROM sessions WHERE user_id = $1 RETURNING id"
#define END_BROWSER "DELETE FROM sessions WHERE user_id = $1 AND kind = 'session' RETURNING id"
#define END_OTHER_BROWSER                                                                          \
	"DELETE FROM sessions WHERE user_id = $1 AND kind = 'session' AND csrf <> $2 RETURNING id"

static void user_object(int64_t id, char out[32])
{
	snprintf(out, 32, "user:%lld", (long long)id);
}

enum jr_err jr_store_api_token_add(struct jr_store *s, const struct jr_actor *a, int64_t user_id,
				   const char *name, int days, int64_t now,
				   char token_out[JR_TOKEN_LEN + 1], int64_t *id)
{
	struct jr_db_stmt *st = NULL;
	struct jr_user u;
	char object[32], hash[65];
	enum jr_err err, refusal = JR_OK;
	bool found;

	token_out[0] = '\0';
	*id = 0;
	if (days < 1 || days > 3660 || !name[0] || strlen(name) > 100)
		return JR_ERR_INPUT;
	user_object(user_id, object);
	TRY(jr_store_begin(s));
	TRY(user_of(s, user_id, &u, &found));
	if (!found) {
		TRY(refuse(s, a, "api_token.add", object, JR_ERR_NOT_FOUND, &refusal));
		goto out;
	}
	if (!u.active || !jr_role_fits(u.role, u.org_kind)) {
		TRY(refuse(s, a, "api_token.add", object, JR_ERR_REFUSED, &refusal));
		goto out;
	}
	new_token(token_out);
	TRY(insert_session(s, token_out, user_id, "api", name, "", now + (int64_t)days * 86400,
			   false));
	token_hash(token_out, hash);
	TRY(jr_db_prepare(s->db, "SELECT id FROM sessions WHERE token_hash = $1", &st));
	TRY(jr_db_bind_text(st, 1, hash));
	TRY(jr_db_step(st, &found));
	if (!found) {
		err = JR_ERR_STORE;
		goto out;
	}
	*id = jr_db_col_int(st, 0);
	snprintf(object, sizeof(object), "user:%lld/api_token:%lld", (long long)user_id,
		 (long long)*id);
	TRY(jr_store_audit_object(s, a, "api_token.add", 0, object));
out:
	jr_db_finalize(st);
	err = jr_store_finish(s, err);
	if (!err)
		err = refusal;
	if (err) {
		sodium_memzero(token_out, JR_TOKEN_LEN + 1);
		token_out[0] = '\0';
		*id = 0;
	}
	return err;
}

enum jr_err jr_store_api_token_each(struct jr_store *s, int64_t user_id, int64_t now,
				    jr_api_token_fn fn, void *ctx)
{
	struct jr_db_stmt *st = NULL;
	struct jr_api_token t;
	enum jr_err err;
	bool row;

	TRY(jr_store_begin(s));
	TRY(jr_store_must_exist(s, "SELECT 1 FROM users WHERE id = $1", user_id));
	TRY(jr_db_prepare(s->db,
			  "SELECT id, name, created_at, expires_at, last_used_at FROM sessions"
			  " WHERE user_id = $1 AND kind = 'api' AND expires_at > $2 ORDER BY id",
			  &st));
	TRY(jr_db_bind_int(st, 1, user_id));
	TRY(jr_db_bind_int(st, 2, now));
	for (;;) {
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		memset(&t, 0, sizeof(t));
		t.id = jr_db_col_int(st, 0);
		snprintf(t.name, sizeof(t.name), "%s", jr_db_col_text(st, 1));
		snprintf(t.created_at, sizeof(t.created_at), "%s", jr_db_col_text(st, 2));
		t.expires_at = jr_db_col_int(st, 3);
		t.last_used_at = jr_db_col_int(st, 4);
		TRY(fn(ctx, &t));
	}
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_api_token_revoke(struct jr_store *s, const struct jr_actor *a,
				      int64_t user_id, int64_t token_id)
{
	struct jr_db_stmt *st = NULL;
	char object[64];
	enum jr_err err, refusal = JR_OK;
	bool row = false;

	snprintf(object, sizeof(object), "user:%lld/api_token:%lld", (long long)user_id,
		 (long long)token_id);
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "DELETE FROM sessions WHERE id = $1 AND user_id = $2 AND kind = 'api'"
			  " RETURNING id",
			  &st));
	TRY(jr_db_bind_int(st, 1, token_id));
	TRY(jr_db_bind_int(st, 2, user_id));
	TRY(jr_db_step(st, &row));
	jr_db_finalize(st);
	st = NULL;
	if (!row)
		TRY(refuse(s, a, "api_token.revoke", object, JR_ERR_NOT_FOUND, &refusal));
	else
		TRY(jr_store_audit_object(s, a, "api_token.revoke", 0, object));
out:
	jr_db_finalize(st);
	err = jr_store_finish(s, err);
	return err ? err : refusal;
}

enum jr_err jr_store_user_set_active(struct jr_store *s, const struct jr_actor *a, int64_t id,
				     bool active, int64_t *ended)
{
	const char *action = active ? "user.activate" : "user.deactivate";
	struct jr_db_stmt *st = NULL;
	struct jr_user u;
	char object[32];
	enum jr_err err, refusal = JR_OK;
	bool found, other;

	*ended = 0;
	user_object(id, object);
	TRY(jr_store_begin(s));
	if (!active)
		TRY(other_admin(s, id, &other)); /* first: it takes the lock */
	TRY(user_of(s, id, &u, &found));
	if (!found) {
		TRY(refuse(s, a, action, object, JR_ERR_NOT_FOUND, &refusal));
		goto out;
	}
	if (!active && u.active && strcmp(u.role, "admin") == 0 && !other) {
		TRY(refuse(s, a, action, object, JR_ERR_CONFLICT, &refusal));
		goto out;
	}
	if (active && !jr_role_fits(u.role, u.org_kind)) {
		TRY(refuse(s, a, action, object, JR_ERR_REFUSED, &refusal));
		goto out;
	}
	TRY(jr_db_prepare(s->db,
			  active ? "UPDATE users SET active = 1, failed_logins = 0, next_login_at = 0"
				   " WHERE id = $1"
				 : "UPDATE users SET active = 0 WHERE id = $1",
			  &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_step(st, &found));
	if (!active)
		TRY(end_sessions(s, END_ALL, id, NULL, ended));
	TRY(jr_store_audit_object(s, a, action, 0, object));
out:
	jr_db_finalize(st);
	err = jr_store_finish(s, err);
	if (!err)
		err = refusal;
	if (err)
		*ended = 0;
	return err;
}

enum jr_err jr_store_user_set_role(struct jr_store *s, const struct jr_actor *a, int64_t id,
				   const char *role, int64_t organisation_id, int64_t *ended)
{
	struct jr_db_stmt *st = NULL;
	struct jr_user u;
	char object[32], kind[JR_ORG_KIND_MAX] = "";
	enum jr_err err, refusal = JR_OK;
	bool found, other;

	*ended = 0;
	if (!jr_role_known(role) || organisation_id < 0)
		return JR_ERR_INPUT;
	user_object(id, object);
	TRY(jr_store_begin(s));
	TRY(other_admin(s, id, &other)); /* first: it takes the lock */
	TRY(user_of(s, id, &u, &found));
	if (found && organisation_id)
		TRY(jr_store_org_kind(s, organisation_id, kind, &found));
	if (!found) {
		TRY(refuse(s, a, "user.role", object, JR_ERR_NOT_FOUND, &refusal));
		goto out;
	}
	if (!jr_role_fits(role, kind)) {
		TRY(refuse(s, a, "user.role", object, JR_ERR_REFUSED, &refusal));
		goto out;
	}
	if (strcmp(u.role, "admin") == 0 && strcmp(role, "admin") != 0 && u.active && !other) {
		TRY(refuse(s, a, "user.role", object, JR_ERR_CONFLICT, &refusal));
		goto out;
	}
	if (strcmp(u.role, role) != 0 || u.organisation_id != organisation_id) {
		TRY(jr_db_prepare(s->db, "UPDATE users SET role = $1, organisation_id = $2 WHERE id = $3",
				  &st));
		TRY(jr_db_bind_text(st, 1, role));
		TRY(organisation_id ? jr_db_bind_int(st, 2, organisation_id) : jr_db_bind_null(st, 2));
		TRY(jr_db_bind_int(st, 3, id));
		TRY(jr_db_step(st, &found));
		TRY(end_sessions(s, END_ALL, id, NULL, ended));
	}
	TRY(jr_store_audit_object(s, a, "user.role", 0, object));
out:
	jr_db_finalize(st);
	err = jr_store_finish(s, err);
	if (!err)
		err = refusal;
	if (err)
		*ended = 0;
	return err;
}

/* Stores `password`'s Argon2id hash for user `id`, with the must-change mark, the failed-login
 * count cleared; inside the transaction. */
static enum jr_err store_password(struct jr_store *s, int64_t id, const char *password,
				  bool must_change)
{
	struct jr_db_stmt *st = NULL;
	char hash[crypto_pwhash_STRBYTES];
	enum jr_err err;
	bool row;

	TRY(jr_store_password_hash(s, password, hash));
	TRY(jr_db_prepare(s->db,
			  "UPDATE users SET password_hash = $1, must_change_password = $2,"
			  " failed_logins = 0, next_login_at = 0 WHERE id = $3",
			  &st));
	TRY(jr_db_bind_text(st, 1, hash));
	TRY(jr_db_bind_int(st, 2, must_change));
	TRY(jr_db_bind_int(st, 3, id));
	TRY(jr_db_step(st, &row));
out:
	jr_db_finalize(st);
	sodium_memzero(hash, sizeof(hash));
	return err;
}

enum jr_err jr_store_user_reset_password(struct jr_store *s, const struct jr_actor *a, int64_t id,
					 const char *password, bool must_change, int64_t *ended)
{
	struct jr_user u;
	char object[32];
	enum jr_err err, refusal = JR_OK;
	bool found;

	*ended = 0;
	if (!password[0])
		return JR_ERR_INPUT;
	user_object(id, object);
	TRY(jr_store_begin(s));
	TRY(user_of(s, id, &u, &found));
	if (!found) {
		TRY(refuse(s, a, "user.password_reset", object, JR_ERR_NOT_FOUND, &refusal));
		goto out;
	}
	TRY(store_password(s, id, password, must_change));
	TRY(end_sessions(s, END_BROWSER, id, NULL, ended));
	TRY(jr_store_audit_object(s, a, "user.password_reset", 0, object));
out:
	err = jr_store_finish(s, err);
	if (!err)
		err = refusal;
	if (err)
		*ended = 0;
	return err;
}

enum jr_err jr_store_user_change_password(struct jr_store *s, const struct jr_actor *a, int64_t id,
					  const char *old, const char *new_password, int64_t now,
					  const char *keep_csrf, int *retry_after)
{
	struct jr_db_stmt *st = NULL;
	char hash[crypto_pwhash_STRBYTES], object[32];
	enum jr_err err, refusal = JR_OK;
	int64_t next = 0, ended = 0;
	int failures = 0;
	bool row = false, active = false;

	*retry_after = 0;
	if (!new_password[0])
		return JR_ERR_INPUT;
	snprintf(hash, sizeof(hash), "%s", jr_store_decoy_hash);
	user_object(id, object);
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "SELECT password_hash, failed_logins, next_login_at, active FROM users"
			  " WHERE id = $1",
			  &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_step(st, &row));
	if (row) {
		snprintf(hash, sizeof(hash), "%s", jr_db_col_text(st, 0));
		failures = (int)jr_db_col_int(st, 1);
		next = jr_db_col_int(st, 2);
		active = jr_db_col_int(st, 3) != 0;
	}
	jr_db_finalize(st);
	st = NULL;
	if (!row) {
		TRY(refuse(s, a, "user.password_change", object, JR_ERR_NOT_FOUND, &refusal));
		goto out;
	}
	if (!active) {
		TRY(refuse(s, a, "user.password_change", object, JR_ERR_REFUSED, &refusal));
		goto out;
	}
	if (next > now) {
		*retry_after = (int)(next - now);
		TRY(refuse(s, a, "user.password_change", object, JR_ERR_REFUSED, &refusal));
		goto out;
	}
	if (!jr_store_password_check(s, hash, old)) {
		failures++;
		TRY(set_failures(s, id, failures, now + delay_after(failures)));
		TRY(refuse(s, a, "user.password_change", object, JR_ERR_REFUSED, &refusal));
		goto out;
	}
	TRY(store_password(s, id, new_password, false));
	TRY(end_sessions(s, END_OTHER_BROWSER, id, keep_csrf, &ended));
	TRY(jr_store_audit_object(s, a, "user.password_change", 0, object));
out:
	jr_db_finalize(st);
	sodium_memzero(hash, sizeof(hash));
	err = jr_store_finish(s, err);
	return err ? err : refusal;
}

enum jr_err jr_store_user_password_hash(struct jr_store *s, int64_t id, int64_t now,
					char hash[128], bool *must_wait, bool *found)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;

	hash[0] = '\0';
	*must_wait = false;
	*found = false;
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db, "SELECT password_hash, next_login_at FROM users WHERE id = $1",
			  &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_step(st, found));
	if (*found) {
		snprintf(hash, 128, "%s", jr_db_col_text(st, 0));
		*must_wait = jr_db_col_int(st, 1) > now;
	}
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}
