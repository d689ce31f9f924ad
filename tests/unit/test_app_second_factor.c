/* Unit tests for app/second_factor.c (issue 15 point 5): TOTP codes as RFC 6238's test vectors
 * give them, the window of one step either side and no more, malformed codes refused; and on
 * the records (SQLite, or PostgreSQL with JR_TEST_DB_URL): enrolment confirmed with a first
 * code, a code accepted once, recovery codes each usable once, a wrong code waits, and the
 * administrator's reset. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "app/second_factor.h"
#include "core/diag.h"
#include "store/second_factor.h"
#include "store/store.h"
#include "store_fixture.h"

static struct jr_store *store;
static int64_t user_id;
static const int64_t t0 = 1795000020; /* the start of a 30-second step */

/* RFC 6238 appendix B, SHA-1: the 8-digit codes' last six digits. */
static void test_rfc6238_vectors(void **state)
{
	static const unsigned char secret[] = "12345678901234567890";
	static const struct {
		int64_t t;
		const char *code;
	} v[] = {{59, "287082"},         {1111111109, "081804"}, {1111111111, "050471"},
		 {1234567890, "005924"}, {2000000000, "279037"}, {20000000000, "353130"}};
	char code[7];
	int64_t step;
	(void)state;

	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		assert_int_equal(jr_app_totp_code(secret, 20, v[i].t, code), JR_OK);
		assert_string_equal(code, v[i].code);
		assert_true(jr_app_totp_matches(secret, 20, v[i].t, v[i].code, &step));
		assert_int_equal(step, v[i].t / 30);
	}
}

/* A code is taken one step early or late (clock drift), not two. */
static void test_window(void **state)
{
	static const unsigned char secret[] = "abcdefghijklmnopqrst";
	char code[7];
	int64_t step;
	(void)state;

	assert_int_equal(jr_app_totp_code(secret, 20, t0, code), JR_OK);
	assert_true(jr_app_totp_matches(secret, 20, t0, code, &step));
	assert_int_equal(step, t0 / 30);
	assert_true(jr_app_totp_matches(secret, 20, t0 + 29, code, &step));
	assert_true(jr_app_totp_matches(secret, 20, t0 + 30, code, &step));
	assert_int_equal(step, t0 / 30);
	assert_true(jr_app_totp_matches(secret, 20, t0 - 30, code, &step));
	assert_false(jr_app_totp_matches(secret, 20, t0 + 60, code, &step));
	assert_false(jr_app_totp_matches(secret, 20, t0 - 31, code, &step));
	assert_false(jr_app_totp_matches(secret, 20, t0 + 3600, code, &step));
}

static void test_malformed(void **state)
{
	static const unsigned char secret[] = "abcdefghijklmnopqrst";
	static const char *const bad[] = {"", "12345", "1234567", "abcdef", "12 456", "-12345"};
	int64_t step;
	(void)state;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_false(jr_app_totp_matches(secret, 20, t0, bad[i], &step));
}

static void test_roles(void **state)
{
	(void)state;
	assert_true(jr_app_second_factor_role("consulent"));
	assert_true(jr_app_second_factor_role("verwijzer"));
	assert_true(jr_app_second_factor_role("gi"));
	assert_true(jr_app_second_factor_role("provider"));
	assert_true(jr_app_second_factor_role("admin"));
	assert_false(jr_app_second_factor_role("contract_manager"));
	assert_false(jr_app_second_factor_role("policy"));
}

static int setup(void **state)
{
	struct jr_organisation o = {0};
	(void)state;
	if (fx_setup("second_factor"))
		return -1;
	store = fx_open(true);
	snprintf(o.kind, sizeof(o.kind), "local_team");
	snprintf(o.name, sizeof(o.name), "Lokaal team Hengelo");
	memcpy(o.municipality, "0164", 5);
	if (jr_store_organisation_add(store, &fx_actor, &o) ||
	    jr_store_user_add_in(store, &fx_actor, "c.hengelo", "consulent", o.id,
				 "een goed wachtwoord", &user_id))
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	jr_store_close(store);
	return fx_teardown();
}

/* A login with the right password: the principal of its (pending) session. */
static void password_login(struct jr_principal *p)
{
	struct jr_login_account acc;
	char token[JR_TOKEN_LEN + 1];

	assert_int_equal(jr_store_login_account(store, "c.hengelo", "127.0.0.1", &acc), JR_OK);
	assert_true(acc.found);
	assert_int_equal(jr_store_login_open(store, &fx_actor, &acc, t0, token, p), JR_OK);
}

static struct jr_app app_as(const struct jr_principal *p, struct jr_diag *diag)
{
	struct jr_app app = {.store = store, .actor = &fx_actor, .principal = p, .diag = diag};
	return app;
}

/* The code of the user's stored secret at `now`. */
static void code_at(int64_t now, char code[7])
{
	struct jr_second_factor f;

	assert_int_equal(jr_store_second_factor_get(store, user_id, &f), JR_OK);
	assert_true(f.found);
	assert_int_equal(jr_app_totp_code(f.secret, f.secret_len, now, code), JR_OK);
}

static void test_enrol_and_log_in(void **state)
{
	struct jr_second_factor_enrolment e;
	struct jr_recovery_codes codes, again;
	struct jr_principal p;
	struct jr_diag diag;
	struct jr_app app;
	char code[7];
	int retry = 0;
	bool wait = false;
	(void)state;

	/* no second factor yet: the password opens a full session */
	password_login(&p);
	assert_false(p.second_factor_pending);
	app = app_as(&p, &diag);
	assert_int_equal(jr_app_second_factor_begin(&app, &e), JR_OK);
	assert_non_null(strstr(e.uri, "otpauth://totp/jeugdroute:c.hengelo?secret="));
	assert_int_equal(strlen(e.secret), 32 + 7); /* 160 bits in base32, groups of four */
	/* a wrong first code confirms nothing */
	assert_int_equal(jr_app_second_factor_confirm(&app, "000000", t0, &codes), JR_ERR_INPUT);
	assert_string_equal(diag.path, "code");
	code_at(t0, code);
	assert_int_equal(jr_app_second_factor_confirm(&app, code, t0, &codes), JR_OK);
	for (int i = 0; i < JR_RECOVERY_CODES; i++) {
		assert_int_equal(strlen(codes.code[i]), JR_RECOVERY_CODE_LEN);
		for (int k = 0; k < i; k++)
			assert_string_not_equal(codes.code[i], codes.code[k]);
	}
	assert_int_equal(fx_count("SELECT COUNT(*) FROM recovery_codes WHERE used_at IS NULL"), 10);
	/* confirmed: a second enrolment is refused until the administrator resets it */
	assert_int_equal(jr_app_second_factor_begin(&app, &e), JR_ERR_CONFLICT);

	/* now the password opens a pending session, and the code of the enrolment counts once */
	password_login(&p);
	assert_true(p.second_factor && p.second_factor_pending);
	app = app_as(&p, &diag);
	assert_int_equal(jr_app_second_factor_login(&app, code, t0 + 10, &retry, &wait),
			 JR_ERR_REFUSED);
	assert_false(wait);
	assert_true(retry > 0);
	/* too soon after a wrong one: not even checked */
	code_at(t0 + 30, code);
	assert_int_equal(jr_app_second_factor_login(&app, code, t0 + 10, &retry, &wait),
			 JR_ERR_REFUSED);
	assert_true(wait);
	/* the next step's code, later */
	assert_int_equal(jr_app_second_factor_login(&app, code, t0 + 40, &retry, &wait), JR_OK);
	assert_int_equal(fx_count_id("SELECT COUNT(*) FROM sessions WHERE user_id = %lld AND pending = 1",
				     user_id),
			 0);

	/* a recovery code, once */
	password_login(&p);
	app = app_as(&p, &diag);
	assert_int_equal(jr_app_second_factor_login(&app, codes.code[3], t0 + 100, &retry, &wait),
			 JR_OK);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM recovery_codes WHERE used_at IS NULL"), 9);
	password_login(&p);
	app = app_as(&p, &diag);
	assert_int_equal(jr_app_second_factor_login(&app, codes.code[3], t0 + 200, &retry, &wait),
			 JR_ERR_REFUSED);
	/* a recovery code of the right form but made up */
	assert_int_equal(jr_app_second_factor_login(&app, "ABCD-EFGH-JKMN", t0 + 300, &retry, &wait),
			 JR_ERR_REFUSED);
	assert_int_equal(jr_app_second_factor_login(&app, codes.code[4], t0 + 1300, &retry, &wait),
			 JR_OK);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM recovery_codes WHERE used_at IS NULL"), 8);
	/* a session that waits for nothing takes no code */
	p.second_factor_pending = false;
	assert_int_equal(jr_app_second_factor_login(&app, codes.code[5], t0 + 1400, &retry, &wait),
			 JR_ERR_CONFLICT);

	/* the administrator resets it: gone, with the codes and the sessions */
	{
		struct jr_principal admin = {.user_id = 1, .role = "admin"};
		struct jr_app a = app_as(&admin, &diag);
		int64_t ended = 0;
		assert_int_equal(jr_app_second_factor_reset(&a, user_id, &ended), JR_OK);
		assert_true(ended >= 1);
		assert_int_equal(jr_app_second_factor_reset(&a, 99999, &ended), JR_ERR_NOT_FOUND);
		a = app_as(&p, &diag); /* a consulent may not */
		assert_int_equal(jr_app_second_factor_reset(&a, user_id, &ended), JR_ERR_FORBIDDEN);
	}
	assert_int_equal(fx_count("SELECT COUNT(*) FROM recovery_codes"), 0);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM second_factors"), 0);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'second_factor.reset'"),
			 1);
	password_login(&p);
	assert_false(p.second_factor_pending);
	(void)again;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc6238_vectors),
		cmocka_unit_test(test_window),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_roles),
		cmocka_unit_test_setup_teardown(test_enrol_and_log_in, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
