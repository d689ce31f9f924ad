/* Unit tests for store/store_session.c: the store's steps of a login (the account read, the
 * failure counted in one statement, the session opened and the address remembered), sessions
 * that expire and end, API tokens, and only hashes of tokens in the database; the
 * administration of accounts: deactivation, the last administrator, roles that must fit their
 * organisation (also when planted in the database), password resets and changes, API tokens
 * listed and revoked. SQLite, or PostgreSQL with JR_TEST_DB_URL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <sodium.h>

#include "store/store.h"
#include "store_fixture.h"

static struct jr_store *store;
static int64_t team, anna;
static const int64_t t0 = 1795000000; /* a fixed "now" (Unix seconds) */

static int setup(void **state)
{
	struct jr_organisation o = {0};
	(void)state;
	if (fx_setup("session"))
		return -1;
	store = fx_open(true);
	snprintf(o.kind, sizeof(o.kind), "local_team");
	snprintf(o.name, sizeof(o.name), "Lokaal team Enschede");
	memcpy(o.municipality, "0153", 5);
	if (jr_store_organisation_add(store, &fx_actor, &o) ||
	    jr_store_user_add_in(store, &fx_actor, "anna.b", "consulent", o.id,
				 "een goed wachtwoord", &anna))
		return -1;
	team = o.id;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	jr_store_close(store);
	return fx_teardown();
}

/* A login through the store's three steps, with the password checked in between as
 * app/login.c does (without its throttling, which tests/unit/test_app_login.c covers): JR_OK
 * with a session, JR_ERR_REFUSED for a wrong name or password, or a user that is not usable
 * (inactive, or a role that does not fit). *retry is always 0 here. */
static enum jr_err login(const char *user, const char *password, int64_t now, char *token,
			 struct jr_principal *p, int *retry)
{
	struct jr_login_account acc;
	enum jr_err err;

	*retry = 0;
	token[0] = '\0';
	memset(p, 0, sizeof(*p));
	if ((err = jr_store_login_account(store, user, "127.0.0.1", &acc)))
		return err;
	if (!acc.found || !acc.usable ||
	    crypto_pwhash_str_verify(acc.hash, password, strlen(password)) != 0) {
		err = jr_store_login_failed(store, &fx_actor, &acc);
		return err ? err : JR_ERR_REFUSED;
	}
	return jr_store_login_open(store, &fx_actor, &acc, now, token, p);
}

static void test_login_opens_a_session(void **state)
{
	(void)state;
	char token[JR_TOKEN_LEN + 1], sql[200];
	struct jr_principal p, found;
	int retry = -1;
	assert_int_equal(login("anna.b", "een goed wachtwoord", t0, token, &p, &retry), JR_OK);
	assert_int_equal(retry, 0);
	assert_int_equal(strlen(token), JR_TOKEN_LEN);
	assert_int_equal(p.user_id, anna);
	assert_string_equal(p.role, "consulent");
	assert_int_equal(p.organisation_id, team);
	assert_string_equal(p.org_kind, "local_team");
	assert_string_equal(p.municipality, "0153");
	assert_int_equal(strlen(p.csrf), JR_TOKEN_LEN);
	assert_false(p.api);
	assert_int_equal(jr_store_session_find(store, &fx_actor, token, t0 + 60, &found), JR_OK);
	assert_int_equal(found.user_id, anna);
	assert_string_equal(found.csrf, p.csrf);
	/* expired after a working day; unknown and malformed tokens are not found */
	assert_int_equal(jr_store_session_find(store, &fx_actor, token, t0 + JR_SESSION_SECONDS, &found),
			 JR_ERR_NOT_FOUND);
	assert_int_equal(found.user_id, 0);
	assert_int_equal(jr_store_session_find(store, &fx_actor, "x", t0, &found), JR_ERR_NOT_FOUND);
	token[0] = token[0] == 'A' ? 'B' : 'A';
	assert_int_equal(jr_store_session_find(store, &fx_actor, token, t0, &found), JR_ERR_NOT_FOUND);
	token[0] = p.csrf[0]; /* a token is never stored as itself */
	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM sessions WHERE token_hash LIKE '%%%.20s%%'",
		 p.csrf);
	assert_int_equal(fx_count(sql), 0);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'login'"), 1);
}

static void test_logout_ends_the_session(void **state)
{
	(void)state;
	char token[JR_TOKEN_LEN + 1];
	struct jr_principal p;
	int retry;
	assert_int_equal(login("anna.b", "een goed wachtwoord", t0, token, &p, &retry), JR_OK);
	assert_int_equal(jr_store_session_end(store, &fx_actor, token), JR_OK);
	assert_int_equal(jr_store_session_find(store, &fx_actor, token, t0 + 1, &p), JR_ERR_NOT_FOUND);
	assert_int_equal(jr_store_session_end(store, &fx_actor, token), JR_OK); /* gone already */
}

/* A failed login counts in the records, one statement at a time; the right password starts
 * the count again and remembers the address it came from. */
static void test_failed_logins_are_counted(void **state)
{
	(void)state;
	char token[JR_TOKEN_LEN + 1];
	struct jr_principal p;
	struct jr_login_account acc;
	int retry;
	assert_int_equal(login("niemand", "een goed wachtwoord", t0, token, &p, &retry),
			 JR_ERR_REFUSED);
	assert_string_equal(token, "");
	for (int i = 0; i < 3; i++)
		assert_int_equal(login("anna.b", "fout", t0, token, &p, &retry), JR_ERR_REFUSED);
	assert_int_equal(p.user_id, 0);
	assert_int_equal(fx_count("SELECT failed_logins FROM users WHERE username = 'anna.b'"), 3);
	assert_int_equal(jr_store_login_account(store, "anna.b", "10.1.2.3", &acc), JR_OK);
	assert_true(acc.found);
	assert_int_equal(acc.failures, 3);
	assert_false(acc.known_address);
	assert_int_equal(login("anna.b", "een goed wachtwoord", t0, token, &p, &retry), JR_OK);
	assert_int_equal(fx_count("SELECT failed_logins FROM users WHERE username = 'anna.b'"), 0);
	assert_int_equal(jr_store_login_account(store, "anna.b", fx_actor.origin, &acc), JR_OK);
	assert_true(acc.known_address);
	assert_int_equal(jr_store_login_account(store, "niemand", "127.0.0.1", &acc), JR_OK);
	assert_false(acc.found);
	/* the unknown name is not written down: it may be a password typed in the wrong field */
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'login.failed'"
				  " AND object = ''"),
			 1);
	assert_true(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'login.failed'"
			     " AND object = 'anna.b'") >= 3);
}

/* Issue 11: on PostgreSQL two servers read the count of failures and wrote it back, so one of
 * two failures at once was lost. Now the count goes up in the update itself: two logins that
 * both read the account before either writes still count two. (SQLite has one writer: the
 * second transaction could not even begin before the first ends.) */
static void test_failures_counted_by_two_servers_at_once(void **state)
{
	(void)state;
	struct jr_store *other;
	struct jr_login_account a1, a2;
	if (fx_sqlite)
		return; /* run on PostgreSQL by make test (tests/run-all.sh) */
	other = fx_open(false);
	assert_int_equal(jr_store_bulk_begin(store), JR_OK);
	assert_int_equal(jr_store_bulk_begin(other), JR_OK);
	assert_int_equal(jr_store_login_account(store, "anna.b", "10.0.0.1", &a1), JR_OK);
	assert_int_equal(jr_store_login_account(other, "anna.b", "10.0.0.2", &a2), JR_OK);
	assert_int_equal(a1.failures, a2.failures);
	assert_int_equal(jr_store_login_failed(store, &fx_actor, &a1), JR_OK);
	assert_int_equal(jr_store_bulk_end(store, true), JR_OK);
	assert_int_equal(jr_store_login_failed(other, &fx_actor, &a2), JR_OK);
	assert_int_equal(jr_store_bulk_end(other, true), JR_OK);
	assert_int_equal(a2.failures, a1.failures + 1);
	assert_int_equal(fx_count("SELECT failed_logins FROM users WHERE username = 'anna.b'"),
			 a1.failures + 1);
	jr_store_close(other);
}

static void test_api_token(void **state)
{
	(void)state;
	char token[JR_TOKEN_LEN + 1];
	struct jr_principal p;
	int64_t tid = 0;
	assert_int_equal(jr_store_api_token_add(store, &fx_actor, anna, "wijkteam-suite", 30, t0,
						token, &tid),
			 JR_OK);
	assert_true(tid > 0);
	assert_int_equal(jr_store_session_find(store, &fx_actor, token, t0 + 29 * 86400, &p), JR_OK);
	assert_true(p.api);
	assert_string_equal(p.csrf, "");
	assert_int_equal(p.user_id, anna);
	assert_int_equal(jr_store_session_find(store, &fx_actor, token, t0 + 30 * 86400, &p), JR_ERR_NOT_FOUND);
	/* logout does not end an API token */
	assert_int_equal(jr_store_session_end(store, &fx_actor, token), JR_OK);
	assert_int_equal(jr_store_session_find(store, &fx_actor, token, t0, &p), JR_OK);
	assert_int_equal(jr_store_api_token_add(store, &fx_actor, 99999, "x", 30, t0, token, &tid),
			 JR_ERR_NOT_FOUND);
	assert_string_equal(token, "");
	assert_int_equal(jr_store_api_token_add(store, &fx_actor, anna, "", 30, t0, token, &tid),
			 JR_ERR_INPUT);
	assert_int_equal(jr_store_api_token_add(store, &fx_actor, anna, "x", 0, t0, token, &tid),
			 JR_ERR_INPUT);
}

/* --- Account administration --- */

static int64_t add_user(const char *name, const char *role, int64_t org, const char *password)
{
	int64_t id = 0;
	assert_int_equal(jr_store_user_add_in(store, &fx_actor, name, role, org, password, &id),
			 JR_OK);
	return id;
}

static int64_t add_org(const char *kind, const char *name, const char *municipality)
{
	struct jr_organisation o = {0};
	snprintf(o.kind, sizeof(o.kind), "%s", kind);
	snprintf(o.name, sizeof(o.name), "%s", name);
	snprintf(o.municipality, sizeof(o.municipality), "%s", municipality);
	assert_int_equal(jr_store_organisation_add(store, &fx_actor, &o), JR_OK);
	return o.id;
}

static int64_t audits(const char *action)
{
	char sql[160];
	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM audit_log WHERE action = '%s'", action);
	return fx_count(sql);
}

static void test_deactivation_ends_sessions_and_tokens(void **state)
{
	(void)state;
	char session[JR_TOKEN_LEN + 1], api[JR_TOKEN_LEN + 1], again[JR_TOKEN_LEN + 1];
	struct jr_principal p;
	int64_t bert = add_user("bert.d", "consulent", team, "bert zijn wachtwoord");
	int64_t tid, ended = -1, before = audits("login.refused");
	int64_t refused_tokens = audits("api_token.add.refused");
	int64_t refused_deactivations = audits("user.deactivate.refused");
	int retry = -1;
	assert_int_equal(login("bert.d", "bert zijn wachtwoord", t0, session, &p, &retry), JR_OK);
	assert_int_equal(jr_store_api_token_add(store, &fx_actor, bert, "koppeling", 30, t0, api,
						&tid),
			 JR_OK);
	assert_int_equal(jr_store_user_set_active(store, &fx_actor, bert, false, &ended), JR_OK);
	assert_int_equal(ended, 2);
	assert_int_equal(fx_count_id("SELECT active FROM users WHERE id = %lld", bert), 0);
	/* the next request with either is not honoured */
	assert_int_equal(jr_store_session_find(store, &fx_actor, session, t0 + 1, &p),
			 JR_ERR_NOT_FOUND);
	assert_int_equal(jr_store_session_find(store, &fx_actor, api, t0 + 1, &p), JR_ERR_NOT_FOUND);
	assert_int_equal(fx_count_id("SELECT COUNT(*) FROM sessions WHERE user_id = %lld", bert), 0);
	/* the right password gets the answer a wrong one gets, audited as a refusal */
	assert_int_equal(login("bert.d", "bert zijn wachtwoord", t0 + 2, again, &p, &retry),
			 JR_ERR_REFUSED);
	assert_int_equal(retry, 0);
	assert_int_equal(p.user_id, 0);
	assert_string_equal(again, "");
	assert_int_equal(audits("login.refused"), before + 1);
	/* no token for an inactive user */
	assert_int_equal(jr_store_api_token_add(store, &fx_actor, bert, "x", 1, t0, again, &tid),
			 JR_ERR_REFUSED);
	assert_int_equal(tid, 0);
	assert_int_equal(audits("api_token.add.refused"), refused_tokens + 1);
	/* reactivated: the old session stays gone, a new login works at once */
	assert_int_equal(jr_store_user_set_active(store, &fx_actor, bert, true, &ended), JR_OK);
	assert_int_equal(ended, 0);
	assert_int_equal(jr_store_session_find(store, &fx_actor, session, t0 + 3, &p),
			 JR_ERR_NOT_FOUND);
	assert_int_equal(login("bert.d", "bert zijn wachtwoord", t0 + 3, again, &p, &retry), JR_OK);
	assert_int_equal(audits("user.deactivate"), 1);
	assert_int_equal(audits("user.activate"), 1);
	/* an unknown user: not found, and the refusal audited */
	assert_int_equal(jr_store_user_set_active(store, &fx_actor, 999999, false, &ended),
			 JR_ERR_NOT_FOUND);
	assert_int_equal(audits("user.deactivate.refused"), refused_deactivations + 1);
}

static void test_the_last_admin_stays(void **state)
{
	(void)state;
	int64_t ended, first = add_user("beheer.een", "admin", 0, "eerste beheerder");
	int64_t second, refused = audits("user.deactivate.refused");
	assert_int_equal(jr_store_user_set_active(store, &fx_actor, first, false, &ended),
			 JR_ERR_CONFLICT);
	assert_int_equal(jr_store_user_set_role(store, &fx_actor, first, "policy", 0, &ended),
			 JR_ERR_CONFLICT);
	assert_int_equal(fx_count_id("SELECT active FROM users WHERE id = %lld", first), 1);
	second = add_user("beheer.twee", "admin", 0, "tweede beheerder");
	assert_int_equal(jr_store_user_set_active(store, &fx_actor, first, false, &ended), JR_OK);
	assert_int_equal(jr_store_user_set_active(store, &fx_actor, second, false, &ended),
			 JR_ERR_CONFLICT);
	assert_int_equal(jr_store_user_set_active(store, &fx_actor, first, true, &ended), JR_OK);
	assert_int_equal(jr_store_user_set_active(store, &fx_actor, second, false, &ended), JR_OK);
	assert_int_equal(audits("user.deactivate.refused"), refused + 2);
	assert_int_equal(audits("user.role.refused"), 1);
}

static void test_a_role_that_does_not_fit_reads_nothing(void **state)
{
	(void)state;
	char session[JR_TOKEN_LEN + 1], api[JR_TOKEN_LEN + 1], other[JR_TOKEN_LEN + 1];
	struct jr_principal p;
	int64_t gp = add_org("gp_practice", "Huisartsenpraktijk De Linde", "0153");
	int64_t carla = add_user("carla.e", "consulent", team, "carla haar wachtwoord");
	int64_t tid, ended = 0;
	int retry;
	char sql[160];
	/* the old "consulent at a GP practice" cannot be made */
	assert_int_equal(jr_store_user_add_in(store, &fx_actor, "dirk.f", "consulent", gp,
					      "dirk zijn wachtwoord", &tid),
			 JR_ERR_REFUSED);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM users WHERE username = 'dirk.f'"), 0);
	/* planted straight in the database, it reads nothing: no session, no token, no login */
	assert_int_equal(login("carla.e", "carla haar wachtwoord", t0, session, &p, &retry), JR_OK);
	assert_int_equal(jr_store_api_token_add(store, &fx_actor, carla, "suite", 30, t0, api, &tid),
			 JR_OK);
	snprintf(sql, sizeof(sql), "UPDATE users SET organisation_id = %lld WHERE id = %lld"
		 " RETURNING id", (long long)gp, (long long)carla);
	assert_int_equal(fx_count(sql), carla);
	assert_int_equal(jr_store_session_find(store, &fx_actor, session, t0 + 1, &p),
			 JR_ERR_NOT_FOUND);
	assert_int_equal(p.user_id, 0);
	assert_int_equal(jr_store_session_find(store, &fx_actor, api, t0 + 1, &p), JR_ERR_NOT_FOUND);
	assert_int_equal(audits("session.refused.role"), 2);
	assert_int_equal(login("carla.e", "carla haar wachtwoord", t0 + 2, other, &p, &retry),
			 JR_ERR_REFUSED);
	assert_int_equal(retry, 0);
	assert_int_equal(jr_store_api_token_add(store, &fx_actor, carla, "x", 1, t0, other, &tid),
			 JR_ERR_REFUSED);
	assert_int_equal(jr_store_user_set_active(store, &fx_actor, carla, true, &ended),
			 JR_ERR_REFUSED);
	/* a role that does not fit cannot be given either */
	assert_int_equal(jr_store_user_set_role(store, &fx_actor, carla, "gi", gp, &ended),
			 JR_ERR_REFUSED);
	assert_int_equal(jr_store_user_set_role(store, &fx_actor, carla, "verwijzer", 999999, &ended),
			 JR_ERR_NOT_FOUND);
	assert_int_equal(jr_store_user_set_role(store, &fx_actor, carla, "ouder", gp, &ended),
			 JR_ERR_INPUT);
	/* repaired by giving the role that fits: its old session and token are gone for good */
	assert_int_equal(jr_store_user_set_role(store, &fx_actor, carla, "verwijzer", gp, &ended),
			 JR_OK);
	assert_int_equal(ended, 2);
	assert_int_equal(jr_store_session_find(store, &fx_actor, api, t0 + 3, &p), JR_ERR_NOT_FOUND);
	assert_int_equal(login("carla.e", "carla haar wachtwoord", t0 + 10, other, &p, &retry),
			 JR_OK);
	assert_string_equal(p.role, "verwijzer");
	assert_string_equal(p.org_kind, "gp_practice");
	/* the same role and organisation again changes nothing and ends nothing */
	assert_int_equal(jr_store_user_set_role(store, &fx_actor, carla, "verwijzer", gp, &ended),
			 JR_OK);
	assert_int_equal(ended, 0);
	assert_int_equal(jr_store_session_find(store, &fx_actor, other, t0 + 11, &p), JR_OK);
}

static void test_password_reset_and_change(void **state)
{
	(void)state;
	char s1[JR_TOKEN_LEN + 1], s2[JR_TOKEN_LEN + 1], api[JR_TOKEN_LEN + 1];
	struct jr_principal p1, p2, found;
	int64_t eva = add_user("eva.g", "consulent", team, "eva haar oude wachtwoord");
	int64_t tid, ended = 0;
	int retry = -1;
	assert_int_equal(login("eva.g", "eva haar oude wachtwoord", t0, s1, &p1, &retry), JR_OK);
	assert_false(p1.must_change_password);
	assert_int_equal(jr_store_api_token_add(store, &fx_actor, eva, "suite", 30, t0, api, &tid),
			 JR_OK);
	assert_int_equal(jr_store_user_reset_password(store, &fx_actor, eva, "Nieuw4Eva9Tijdelijk",
						      true, &ended),
			 JR_OK);
	assert_int_equal(ended, 1); /* the browser session; the API token stays */
	assert_int_equal(jr_store_session_find(store, &fx_actor, s1, t0 + 1, &found),
			 JR_ERR_NOT_FOUND);
	assert_int_equal(jr_store_session_find(store, &fx_actor, api, t0 + 1, &found), JR_OK);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM users WHERE password_hash LIKE"
				  " '%Tijdelijk%'"),
			 0);
	assert_int_equal(login("eva.g", "eva haar oude wachtwoord", t0 + 2, s1, &p1, &retry),
			 JR_ERR_REFUSED);
	assert_int_equal(login("eva.g", "Nieuw4Eva9Tijdelijk", t0 + 3, s1, &p1, &retry), JR_OK);
	assert_true(p1.must_change_password);
	assert_int_equal(jr_store_session_find(store, &fx_actor, s1, t0 + 3, &found), JR_OK);
	assert_true(found.must_change_password);
	assert_int_equal(login("eva.g", "Nieuw4Eva9Tijdelijk", t0 + 4, s2, &p2, &retry), JR_OK);
	/* a wrong current password: refused, counted as a failed login */
	assert_int_equal(jr_store_user_change_password(store, &fx_actor, eva, "fout", "eigen keuze",
						       t0 + 5, p1.csrf, &retry),
			 JR_ERR_REFUSED);
	assert_int_equal(retry, 0);
	assert_int_equal(fx_count_id("SELECT failed_logins FROM users WHERE id = %lld", eva), 1);
	assert_int_equal(jr_store_user_change_password(store, &fx_actor, eva, "Nieuw4Eva9Tijdelijk",
						       "eigen keuze", t0 + 5, p1.csrf, &retry),
			 JR_ERR_REFUSED);
	assert_int_equal(retry, 1); /* the rising delay of a login applies */
	assert_int_equal(jr_store_user_change_password(store, &fx_actor, eva, "Nieuw4Eva9Tijdelijk",
						       "een zin die eva kiest", t0 + 6, p1.csrf,
						       &retry),
			 JR_OK);
	/* this session stays and need no longer change; the other one ended */
	assert_int_equal(jr_store_session_find(store, &fx_actor, s1, t0 + 7, &found), JR_OK);
	assert_false(found.must_change_password);
	assert_int_equal(jr_store_session_find(store, &fx_actor, s2, t0 + 7, &found),
			 JR_ERR_NOT_FOUND);
	assert_int_equal(login("eva.g", "een zin die eva kiest", t0 + 8, s2, &p2, &retry), JR_OK);
	assert_int_equal(audits("user.password_reset"), 1);
	assert_int_equal(audits("user.password_change"), 1);
	assert_int_equal(audits("user.password_change.refused"), 2);
	assert_int_equal(jr_store_user_reset_password(store, &fx_actor, 999999, "x", true, &ended),
			 JR_ERR_NOT_FOUND);
}

struct seen_tokens {
	int count;
	char last_name[101];
	int64_t last_used;
};

static enum jr_err see_token(void *ctx, const struct jr_api_token *t)
{
	struct seen_tokens *seen = ctx;
	seen->count++;
	snprintf(seen->last_name, sizeof(seen->last_name), "%s", t->name);
	seen->last_used = t->last_used_at;
	assert_int_equal(strlen(t->created_at), 20);
	assert_true(t->expires_at > t0);
	return JR_OK;
}

/* Issue 11: the server hashes and checks passwords outside the database lock and hands the
 * results to the store, which takes them instead of doing the work inside the transaction —
 * only for that password and that stored hash, and only for that transaction. */
static void test_passwords_prepared_beforehand(void **state)
{
	int64_t borne = add_org("local_team", "Lokaal team Borne", "0147");
	int64_t fien = add_user("fien.g", "consulent", borne, "fien haar eerste wachtwoord");
	char made[crypto_pwhash_STRBYTES], stored[128], sql[320];
	bool must_wait, found;
	int64_t ended;
	int retry;
	(void)state;
	assert_int_equal(crypto_pwhash_str(made, "een voorbereid wachtwoord", 25,
					   crypto_pwhash_OPSLIMIT_INTERACTIVE,
					   crypto_pwhash_MEMLIMIT_INTERACTIVE),
			 0);
	/* the reset stores the hash made beforehand, as it is */
	jr_store_password_prepare(store, "een voorbereid wachtwoord", made, NULL, NULL, false);
	assert_int_equal(jr_store_user_reset_password(store, &fx_actor, fien,
						      "een voorbereid wachtwoord", false, &ended),
			 JR_OK);
	snprintf(sql, sizeof(sql),
		 "SELECT COUNT(*) FROM users WHERE id = %lld AND password_hash = '%s'",
		 (long long)fien, made);
	assert_int_equal(fx_count(sql), 1);
	/* the check made beforehand decides, for that password against that stored hash */
	assert_int_equal(jr_store_user_password_hash(store, fien, t0, stored, &must_wait, &found),
			 JR_OK);
	assert_true(found);
	assert_false(must_wait);
	assert_string_equal(stored, made);
	jr_store_password_prepare(store, NULL, NULL, "een voorbereid wachtwoord", stored, false);
	assert_int_equal(jr_store_user_change_password(store, &fx_actor, fien,
						       "een voorbereid wachtwoord", "een zin van fien zelf",
						       t0, "", &retry),
			 JR_ERR_REFUSED);
	/* a transaction's preparations end with it: the right password now passes */
	assert_int_equal(jr_store_user_change_password(store, &fx_actor, fien,
						       "een voorbereid wachtwoord", "een zin van fien zelf",
						       t0 + 100, "", &retry),
			 JR_OK);
	/* and a hash prepared for another password is not taken */
	jr_store_password_prepare(store, "een ander wachtwoord", made, NULL, NULL, false);
	assert_int_equal(jr_store_user_reset_password(store, &fx_actor, fien, "nog een wachtwoord",
						      false, &ended),
			 JR_OK);
	assert_int_equal(fx_count(sql), 0);
}

static void test_api_tokens_listed_and_revoked(void **state)
{
	(void)state;
	char one[JR_TOKEN_LEN + 1], two[JR_TOKEN_LEN + 1];
	struct jr_principal p;
	struct seen_tokens seen = {0};
	int64_t frank = add_user("frank.h", "consulent", team, "frank zijn wachtwoord");
	int64_t id1, id2;
	assert_int_equal(jr_store_api_token_add(store, &fx_actor, frank, "wijkteam-suite", 30, t0,
						one, &id1),
			 JR_OK);
	assert_int_equal(jr_store_api_token_add(store, &fx_actor, frank, "rapportage", 1, t0, two,
						&id2),
			 JR_OK);
	assert_true(id2 > id1);
	assert_int_equal(jr_store_api_token_each(store, frank, t0, see_token, &seen), JR_OK);
	assert_int_equal(seen.count, 2);
	assert_string_equal(seen.last_name, "rapportage");
	assert_int_equal(seen.last_used, 0);
	/* used: recorded, to the minute */
	assert_int_equal(jr_store_session_find(store, &fx_actor, two, t0 + 120, &p), JR_OK);
	assert_int_equal(jr_store_session_find(store, &fx_actor, two, t0 + 150, &p), JR_OK);
	memset(&seen, 0, sizeof(seen));
	assert_int_equal(jr_store_api_token_each(store, frank, t0 + 160, see_token, &seen), JR_OK);
	assert_int_equal(seen.last_used, t0 + 120);
	/* an expired token is not listed */
	memset(&seen, 0, sizeof(seen));
	assert_int_equal(jr_store_api_token_each(store, frank, t0 + 86400, see_token, &seen), JR_OK);
	assert_int_equal(seen.count, 1);
	/* revoked: at once, and only by its own user's number */
	assert_int_equal(jr_store_api_token_revoke(store, &fx_actor, anna, id1), JR_ERR_NOT_FOUND);
	assert_int_equal(jr_store_api_token_revoke(store, &fx_actor, frank, id1), JR_OK);
	assert_int_equal(jr_store_session_find(store, &fx_actor, one, t0 + 200, &p),
			 JR_ERR_NOT_FOUND);
	assert_int_equal(jr_store_api_token_revoke(store, &fx_actor, frank, id1), JR_ERR_NOT_FOUND);
	memset(&seen, 0, sizeof(seen));
	assert_int_equal(jr_store_api_token_each(store, frank, t0, see_token, &seen), JR_OK);
	assert_int_equal(seen.count, 1);
	assert_int_equal(jr_store_api_token_each(store, 999999, t0, see_token, &seen),
			 JR_ERR_NOT_FOUND);
	assert_int_equal(audits("api_token.revoke"), 1);
	assert_int_equal(audits("api_token.revoke.refused"), 2);
	/* a browser session cannot be revoked as a token */
	assert_int_equal(login("frank.h", "frank zijn wachtwoord", t0, one, &p, &(int){0}), JR_OK);
	assert_int_equal(jr_store_api_token_revoke(store, &fx_actor, frank,
						   fx_count_id("SELECT MAX(id) FROM sessions"
							       " WHERE user_id = %lld AND kind = 'session'",
							       frank)),
			 JR_ERR_NOT_FOUND);
	assert_int_equal(jr_store_session_find(store, &fx_actor, one, t0 + 1, &p), JR_OK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_login_opens_a_session),
		cmocka_unit_test(test_logout_ends_the_session),
		cmocka_unit_test(test_failed_logins_are_counted),
		cmocka_unit_test(test_failures_counted_by_two_servers_at_once),
		cmocka_unit_test(test_api_token),
		cmocka_unit_test(test_deactivation_ends_sessions_and_tokens),
		cmocka_unit_test(test_the_last_admin_stays),
		cmocka_unit_test(test_a_role_that_does_not_fit_reads_nothing),
		cmocka_unit_test(test_password_reset_and_change),
		cmocka_unit_test(test_api_tokens_listed_and_revoked),
		cmocka_unit_test(test_passwords_prepared_beforehand),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
