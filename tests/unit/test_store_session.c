/* Unit tests for store/store_session.c: login with the password, the rising delay and the lock
 * after failed attempts (the same answer for an unknown name), sessions that expire and end,
 * API tokens, and only hashes of tokens in the database. SQLite, or PostgreSQL with
 * JR_TEST_DB_URL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

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

static enum jr_err login(const char *user, const char *password, int64_t now, char *token,
			 struct jr_principal *p, int *retry)
{
	return jr_store_login(store, &fx_actor, user, password, now, token, p, retry);
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
	assert_int_equal(jr_store_session_find(store, token, t0 + 60, &found), JR_OK);
	assert_int_equal(found.user_id, anna);
	assert_string_equal(found.csrf, p.csrf);
	/* expired after a working day; unknown and malformed tokens are not found */
	assert_int_equal(jr_store_session_find(store, token, t0 + JR_SESSION_SECONDS, &found),
			 JR_ERR_NOT_FOUND);
	assert_int_equal(found.user_id, 0);
	assert_int_equal(jr_store_session_find(store, "x", t0, &found), JR_ERR_NOT_FOUND);
	token[0] = token[0] == 'A' ? 'B' : 'A';
	assert_int_equal(jr_store_session_find(store, token, t0, &found), JR_ERR_NOT_FOUND);
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
	assert_int_equal(jr_store_session_find(store, token, t0 + 1, &p), JR_ERR_NOT_FOUND);
	assert_int_equal(jr_store_session_end(store, &fx_actor, token), JR_OK); /* gone already */
}

static void test_failed_logins_slow_down_and_lock(void **state)
{
	(void)state;
	char token[JR_TOKEN_LEN + 1];
	struct jr_principal p;
	int64_t now = t0;
	int retry;
	/* an unknown name and a wrong password get the same answer */
	assert_int_equal(login("niemand", "een goed wachtwoord", now, token, &p, &retry),
			 JR_ERR_REFUSED);
	assert_int_equal(retry, 0);
	assert_string_equal(token, "");
	assert_int_equal(login("anna.b", "fout", now, token, &p, &retry), JR_ERR_REFUSED);
	assert_int_equal(retry, 0);
	assert_int_equal(p.user_id, 0);
	/* the next attempt waits 1 s, then 2, 4: refused unchecked, even with the right password */
	assert_int_equal(login("anna.b", "een goed wachtwoord", now, token, &p, &retry),
			 JR_ERR_REFUSED);
	assert_int_equal(retry, 1);
	now += 1;
	assert_int_equal(login("anna.b", "fout", now, token, &p, &retry), JR_ERR_REFUSED);
	assert_int_equal(login("anna.b", "fout", now + 1, token, &p, &retry), JR_ERR_REFUSED);
	assert_int_equal(retry, 1); /* two misses: the next attempt 2 s after the second */
	now += 2;
	assert_int_equal(login("anna.b", "fout", now, token, &p, &retry), JR_ERR_REFUSED);
	assert_int_equal(retry, 0);
	assert_int_equal(fx_count("SELECT failed_logins FROM users WHERE username = 'anna.b'"), 3);
	/* the right password after the wait resets the count */
	now += 4;
	assert_int_equal(login("anna.b", "een goed wachtwoord", now, token, &p, &retry), JR_OK);
	assert_int_equal(fx_count("SELECT failed_logins FROM users WHERE username = 'anna.b'"), 0);
	/* ten misses in a row lock the account for a quarter of an hour */
	for (int i = 0; i < JR_LOGIN_LOCK_AFTER; i++) {
		now += 100;
		assert_int_equal(login("anna.b", "fout", now, token, &p, &retry), JR_ERR_REFUSED);
		assert_int_equal(retry, 0);
	}
	assert_int_equal(login("anna.b", "een goed wachtwoord", now + 1, token, &p, &retry),
			 JR_ERR_REFUSED);
	assert_int_equal(retry, JR_LOGIN_LOCK_SECONDS - 1);
	assert_int_equal(login("anna.b", "een goed wachtwoord", now + JR_LOGIN_LOCK_SECONDS, token,
			       &p, &retry),
			 JR_OK);
	assert_true(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'login.failed'") >= 14);
	assert_true(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'login.wait'") >= 2);
}

static void test_api_token(void **state)
{
	(void)state;
	char token[JR_TOKEN_LEN + 1];
	struct jr_principal p;
	assert_int_equal(jr_store_api_token_add(store, &fx_actor, anna, "wijkteam-suite", 30, t0,
						token),
			 JR_OK);
	assert_int_equal(jr_store_session_find(store, token, t0 + 29 * 86400, &p), JR_OK);
	assert_true(p.api);
	assert_string_equal(p.csrf, "");
	assert_int_equal(p.user_id, anna);
	assert_int_equal(jr_store_session_find(store, token, t0 + 30 * 86400, &p), JR_ERR_NOT_FOUND);
	/* logout does not end an API token */
	assert_int_equal(jr_store_session_end(store, &fx_actor, token), JR_OK);
	assert_int_equal(jr_store_session_find(store, token, t0, &p), JR_OK);
	assert_int_equal(jr_store_api_token_add(store, &fx_actor, 99999, "x", 30, t0, token),
			 JR_ERR_NOT_FOUND);
	assert_string_equal(token, "");
	assert_int_equal(jr_store_api_token_add(store, &fx_actor, anna, "", 30, t0, token),
			 JR_ERR_INPUT);
	assert_int_equal(jr_store_api_token_add(store, &fx_actor, anna, "x", 0, t0, token),
			 JR_ERR_INPUT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_login_opens_a_session),
		cmocka_unit_test(test_logout_ends_the_session),
		cmocka_unit_test(test_failed_logins_slow_down_and_lock),
		cmocka_unit_test(test_api_token),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
