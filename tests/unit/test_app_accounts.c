/* Unit tests for the administrator's reading side of app/accounts.c: users listed and read
 * (never a password), API tokens issued, listed without their secret and revoked, an unknown
 * user or token explained, and a role that is not the administrator's refused. On the store
 * fixture: SQLite, or PostgreSQL with JR_TEST_DB_URL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "app/accounts.h"
#include "app_test_context.h"
#include "view/view_account.h"

static int64_t user_id;

static int setup(void **state)
{
	(void)state;
	return ctx_setup("app-accounts", ctx_day("2026-11-23"));
}

static int teardown(void **state)
{
	(void)state;
	return ctx_teardown();
}

static enum jr_err count_user(void *ctx, const struct jr_user *u)
{
	if (u->id == user_id)
		(*(int *)ctx)++;
	return JR_OK;
}

static void test_users_listed_and_read(void **state)
{
	struct jr_user u;
	bool exists = true;
	int seen = 0;

	(void)state;
	assert_int_equal(jr_app_user_exists(&app, "beleid.een", &exists), JR_OK);
	assert_false(exists);
	assert_int_equal(jr_app_user_add(&app, "beleid.een", "policy", 0, "een-lang-wachtwoord",
					 &user_id),
			 JR_OK);
	assert_int_equal(jr_app_user_exists(&app, "beleid.een", &exists), JR_OK);
	assert_true(exists);
	assert_int_equal(jr_app_users(&app, count_user, &seen), JR_OK);
	assert_int_equal(seen, 1);
	assert_int_equal(jr_app_user_get(&app, user_id, &u), JR_OK);
	assert_string_equal(u.username, "beleid.een");
	assert_string_equal(u.role, "policy");
	assert_int_equal(jr_app_user_get(&app, user_id + 1000, &u), JR_ERR_NOT_FOUND);
	assert_non_null(strstr(diag.message, "gebruiker niet gevonden"));
}

struct tokens {
	int count;
	int64_t id;
};

static enum jr_err count_token(void *ctx, const struct jr_api_token *t)
{
	struct tokens *k = ctx;

	k->count++;
	k->id = t->id;
	return JR_OK;
}

static void test_tokens_issued_listed_revoked(void **state)
{
	char token[JR_TOKEN_LEN + 1];
	struct jr_api_token t;
	struct tokens k = {0};

	(void)state;
	assert_int_equal(jr_app_token_issue(&app, user_id, "rapportage", 30, token, &t), JR_OK);
	assert_int_equal(strlen(token), JR_TOKEN_LEN);
	assert_string_equal(t.name, "rapportage");
	assert_true(t.id > 0 && t.expires_at > 0);
	assert_int_equal(strlen(t.created_at), 20);
	assert_int_equal(jr_app_token_issue(&app, user_id, "x", 0, token, &t), JR_ERR_INPUT);
	assert_string_equal(diag.path, "days");
	/* the name read into the token itself (as the server does) */
	snprintf(t.name, sizeof(t.name), "koppeling");
	assert_int_equal(jr_app_token_issue(&app, user_id, t.name, 30, token, &t), JR_OK);
	assert_string_equal(t.name, "koppeling");

	assert_int_equal(jr_app_tokens(&app, user_id, count_token, &k), JR_OK);
	assert_int_equal(k.count, 2);
	assert_int_equal(jr_app_tokens(&app, user_id + 1000, count_token, &k), JR_ERR_NOT_FOUND);

	assert_int_equal(jr_app_token_revoke(&app, user_id, k.id + 1000), JR_ERR_NOT_FOUND);
	assert_string_equal(diag.path, "id");
	assert_int_equal(jr_app_token_revoke(&app, user_id, k.id), JR_OK);
	k.count = 0;
	assert_int_equal(jr_app_tokens(&app, user_id, count_token, &k), JR_OK);
	assert_int_equal(k.count, 1);
}

static enum jr_err count_organisation(void *ctx, const struct jr_organisation *o)
{
	(void)o;
	(*(int *)ctx)++;
	return JR_OK;
}

static void test_only_the_administrator(void **state)
{
	struct jr_principal who = {.user_id = 9};
	struct jr_app as = app;
	struct jr_user u;
	int n = 0;

	(void)state;
	snprintf(who.role, sizeof(who.role), "consulent");
	as.principal = &who;
	assert_int_equal(jr_app_user_get(&as, user_id, &u), JR_ERR_FORBIDDEN);
	assert_int_equal(jr_app_admin_organisations(&as, count_organisation, &n), JR_ERR_FORBIDDEN);
	snprintf(who.role, sizeof(who.role), "admin");
	assert_int_equal(jr_app_user_get(&as, user_id, &u), JR_OK);
	assert_int_equal(jr_app_admin_organisations(&as, count_organisation, &n), JR_OK);
}

/* Who is logged in (GET /api/v1/me), as view/view_account.c writes it: byte for byte, the
 * name escaped, no organisation's municipality as null, the CSRF token only when asked. */
static void test_principal_rendered(void **state)
{
	struct jr_principal p = {.user_id = 4, .organisation_id = 9, .must_change_password = true};
	struct jr_json_writer w;
	struct jr_buf b;

	(void)state;
	snprintf(p.username, sizeof(p.username), "a\"b\\c");
	snprintf(p.role, sizeof(p.role), "consulent");
	snprintf(p.org_kind, sizeof(p.org_kind), "regional_office");
	snprintf(p.csrf, sizeof(p.csrf), "t0k");
	jr_buf_init(&b, 4096);
	jr_jw_init(&w, &b);
	jr_view_principal(&w, &p, true);
	assert_int_equal(jr_jw_finish(&w), JR_OK);
	assert_string_equal(jr_buf_str(&b),
			    "{\"user_id\":4,\"username\":\"a\\\"b\\\\c\",\"role\":\"consulent\","
			    "\"organisation\":{\"id\":9,\"kind\":\"regional_office\",\"municipality\":null},"
			    "\"must_change_password\":true,\"second_factor\":false,"
			    "\"second_factor_pending\":false,\"csrf\":\"t0k\"}");
	jr_buf_reset(&b);
	p.organisation_id = 0;
	p.second_factor = p.second_factor_pending = true;
	jr_jw_init(&w, &b);
	jr_view_principal(&w, &p, false);
	assert_int_equal(jr_jw_finish(&w), JR_OK);
	assert_string_equal(jr_buf_str(&b),
			    "{\"user_id\":4,\"username\":\"a\\\"b\\\\c\",\"role\":\"consulent\","
			    "\"organisation\":null,\"must_change_password\":true,\"second_factor\":true,"
			    "\"second_factor_pending\":true}");
	jr_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_users_listed_and_read),
		cmocka_unit_test(test_tokens_issued_listed_revoked),
		cmocka_unit_test(test_only_the_administrator),
		cmocka_unit_test(test_principal_rendered),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
