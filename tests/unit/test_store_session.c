/* Unit tests for store/store_session.c: the store's steps of a login (the account read, the
 * failure counted in one statement, the session opened and the address remembered), sessions
 * that expire and end, API tokens, and only hashes of tokens in the database. SQLite, or
 * PostgreSQL with JR_TEST_DB_URL. */
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
 * app/login.c does (without its throttling, which tests/unit/test_store_login.c covers): JR_OK
 * with a session, JR_ERR_REFUSED for a wrong name or password. *retry is always 0 here. */
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
	if (!acc.found || crypto_pwhash_str_verify(acc.hash, password, strlen(password)) != 0) {
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
		cmocka_unit_test(test_failed_logins_are_counted),
		cmocka_unit_test(test_failures_counted_by_two_servers_at_once),
		cmocka_unit_test(test_api_token),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
