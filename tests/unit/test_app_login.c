/* Unit tests for app/login.c: the throttling of password logins (issue 11, finding 5) — a
 * guesser at one account waits ever longer, other addresses are not locked out by it, an
 * address that sprays many names waits too, a name that is nobody's is throttled and answered
 * exactly like a user's, and once an account reached its limit of failures only the addresses
 * it logged in from before may still try. SQLite, or PostgreSQL with JR_TEST_DB_URL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "app/login.h"
#include "store/store.h"
#include "store_fixture.h"

static struct jr_store *store;
static struct jr_login_guard *guard;
static const int64_t t0 = 1795000000;

static int setup(void **state)
{
	struct jr_organisation o = {0};
	int64_t id;
	(void)state;
	if (fx_setup("login"))
		return -1;
	store = fx_open(true);
	snprintf(o.kind, sizeof(o.kind), "local_team");
	snprintf(o.name, sizeof(o.name), "Lokaal team Hengelo");
	memcpy(o.municipality, "0164", 5);
	if (jr_store_organisation_add(store, &fx_actor, &o))
		return -1;
	for (int i = 0; i < 4; i++) {
		char name[16];
		snprintf(name, sizeof(name), "user%d", i);
		if (jr_store_user_add_in(store, &fx_actor, name, "consulent", o.id,
					 "een goed wachtwoord", &id))
			return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	jr_store_close(store);
	return fx_teardown();
}

static int fresh_guard(void **state)
{
	(void)state;
	return jr_login_guard_new(&guard) ? -1 : 0;
}

static int drop_guard(void **state)
{
	(void)state;
	jr_login_guard_free(guard);
	guard = NULL;
	return 0;
}

/* One attempt from `address` at `now`; `right` says whether the password is right (the check
 * itself is jr_app_login_check's, tested once below: an Argon2id check per attempt would make
 * hundreds of attempts slow). Returns the seconds to wait (> 0: refused unchecked), 0 for a
 * refused password, -1 for a session. */
static int attempt(const char *user, const char *address, int64_t now, bool right)
{
	struct jr_actor a = fx_actor;
	struct jr_login l;
	struct jr_principal p;
	char token[JR_TOKEN_LEN + 1];
	enum jr_err err;

	a.origin = address;
	assert_int_equal(jr_app_login_begin(store, &a, guard, user, now, &l), JR_OK);
	if (l.retry_after > 0)
		return l.retry_after;
	l.good = right && l.acc.found;
	err = jr_app_login_finish(store, &a, guard, &l, now, token, &p);
	if (err == JR_ERR_REFUSED)
		return 0;
	assert_int_equal(err, JR_OK);
	assert_int_equal(strlen(token), JR_TOKEN_LEN);
	return -1;
}

static void test_password_check(void **state)
{
	struct jr_actor a = fx_actor;
	struct jr_login l;
	(void)state;
	a.origin = "10.9.9.9";
	assert_int_equal(jr_app_login_begin(store, &a, guard, "user3", t0, &l), JR_OK);
	jr_app_login_check(&l, "een goed wachtwoord", strlen("een goed wachtwoord"));
	assert_true(l.good);
	jr_app_login_release(&l);
	assert_int_equal(jr_app_login_begin(store, &a, guard, "user3", t0, &l), JR_OK);
	jr_app_login_check(&l, "fout", 4);
	assert_false(l.good);
	jr_app_login_release(&l);
	/* a name that is nobody's is checked against the decoy, and never good */
	assert_int_equal(jr_app_login_begin(store, &a, guard, "niemand", t0, &l), JR_OK);
	assert_false(l.acc.found);
	jr_app_login_check(&l, "een goed wachtwoord", strlen("een goed wachtwoord"));
	assert_false(l.good);
	jr_app_login_release(&l);
}

/* One guesser: 1, 2, 4 … seconds, unchecked while it must wait, even with the right password. */
static void test_one_guesser_waits_longer_and_longer(void **state)
{
	int64_t now = t0;
	(void)state;
	assert_int_equal(attempt("user0", "10.0.0.1", now, false), 0);
	assert_int_equal(attempt("user0", "10.0.0.1", now, true), 1);
	now += 1;
	assert_int_equal(attempt("user0", "10.0.0.1", now, false), 0);
	assert_int_equal(attempt("user0", "10.0.0.1", now, true), 2);
	now += 2;
	assert_int_equal(attempt("user0", "10.0.0.1", now, false), 0);
	assert_int_equal(attempt("user0", "10.0.0.1", now + 3, true), 1);
	for (int i = 0; i < 20; i++) {
		int wait = attempt("user0", "10.0.0.1", now, false);
		now += wait > 0 ? wait : 0;
	}
	assert_int_equal(attempt("user0", "10.0.0.1", now, false), JR_LOGIN_WAIT_MAX);
	/* a stream of refused attempts is written down once a minute, not once an attempt */
	{
		int64_t before = fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'login.wait'");
		for (int i = 0; i < 50; i++)
			assert_true(attempt("user0", "10.0.0.1", now, true) > 0);
		assert_true(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'login.wait'") <=
			    before + 1);
	}
	/* after the wait, the right password gets in and the slate is clean */
	now += JR_LOGIN_WAIT_MAX;
	assert_int_equal(attempt("user0", "10.0.0.1", now, true), -1);
	assert_int_equal(attempt("user0", "10.0.0.1", now, false), 0);
}

/* Issue 11, finding 5: an outsider kept any named account locked out for everyone. Now its
 * guessing slows only itself: the user at another address gets in at once. */
static void test_a_guesser_does_not_lock_out_the_user(void **state)
{
	int64_t now = t0;
	(void)state;
	for (int i = 0; i < 12; i++) {
		int wait = attempt("user1", "203.0.113.7", now, false);
		now += wait > 0 ? wait : 0;
	}
	while (attempt("user1", "203.0.113.7", now, false) > 0)
		now += 1;
	assert_true(attempt("user1", "203.0.113.7", now, true) > 0);
	assert_int_equal(attempt("user1", "192.168.10.20", now, true), -1);
}

/* Issue 11, finding 5: names that are nobody's were never throttled, and known and unknown names
 * answered differently. Now the same attempts give the same answers, wait for wait. */
static void test_unknown_names_are_throttled_alike(void **state)
{
	int64_t now = t0;
	(void)state;
	for (int i = 0; i < 8; i++) {
		int known = attempt("user2", "10.0.0.2", now, false);
		int unknown = attempt("niemand", "10.0.0.3", now, false);
		assert_int_equal(known, unknown);
		now += 1 + (known > 0 ? known : 0);
	}
}

/* One address trying many names (a spray) waits once it is past what typos explain. */
static void test_an_address_spraying_names_waits(void **state)
{
	int64_t now = t0;
	int wait = 0;
	(void)state;
	for (int i = 0; i < JR_LOGIN_ADDRESS_FREE && wait == 0; i++) {
		char name[32];
		snprintf(name, sizeof(name), "gok%d", i);
		wait = attempt(name, "198.51.100.1", now, false);
	}
	assert_int_equal(wait, 0);
	assert_true(attempt("nog-een-naam", "198.51.100.1", now, false) == 0);
	assert_true(attempt("en-nog-een", "198.51.100.1", now, false) > 0);
	/* another address is not held up by it */
	assert_int_equal(attempt("user3", "198.51.100.2", now, true), -1);
}

/* NIST SP 800-63B: at most 100 failures in a row on one account. Past that, guessing from new
 * addresses stops; the user still gets in from an address it logged in from before. A name
 * that is nobody's reaches the same limit and is answered the same. */
static void test_account_limit_spares_known_addresses(void **state)
{
	int64_t now = t0;
	char address[32];
	(void)state;
	assert_int_equal(attempt("user3", "10.20.30.40", now, true), -1); /* a known address */
	for (int i = 0; i < JR_LOGIN_ACCOUNT_LIMIT; i++) {
		/* from ever other addresses, each throttled on its own */
		snprintf(address, sizeof(address), "172.16.%d.%d", i / 200, i % 200);
		assert_int_equal(attempt("user3", address, now, false), 0);
		assert_int_equal(attempt("niet-een-gebruiker", address, now, false), 0);
		now += 1;
	}
	assert_int_equal(attempt("user3", "172.31.0.1", now, true), JR_LOGIN_WAIT_MAX);
	assert_int_equal(attempt("niet-een-gebruiker", "172.31.0.1", now, true), JR_LOGIN_WAIT_MAX);
	assert_int_equal(attempt("user3", "10.20.30.40", now, true), -1);
	/* that login started the count again */
	assert_int_equal(attempt("user3", "172.31.0.2", now, true), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_password_check, fresh_guard, drop_guard),
		cmocka_unit_test_setup_teardown(test_one_guesser_waits_longer_and_longer,
						fresh_guard, drop_guard),
		cmocka_unit_test_setup_teardown(test_a_guesser_does_not_lock_out_the_user,
						fresh_guard, drop_guard),
		cmocka_unit_test_setup_teardown(test_unknown_names_are_throttled_alike, fresh_guard,
						drop_guard),
		cmocka_unit_test_setup_teardown(test_an_address_spraying_names_waits, fresh_guard,
						drop_guard),
		cmocka_unit_test_setup_teardown(test_account_limit_spares_known_addresses,
						fresh_guard, drop_guard),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
