/* Unit tests for app/socialmap.c: the one staleness rule (more days than the region's
 * norms.social_map_stale_days since the entry was verified), the rules of a new entry (each
 * refusal names its field), and a search by need, age and referral with the stale flag. On the
 * store fixture: SQLite, or PostgreSQL with JR_TEST_DB_URL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "app/socialmap.h"
#include "app_test_context.h"
#include "core/region.h"

static int norm; /* Twente's norms.social_map_stale_days */

static int setup(void **state)
{
	(void)state;
	if (ctx_setup("app-socialmap", ctx_day("2026-11-23")))
		return -1;
	norm = jr_region_find(&ctx_set, "0164", ctx_day("2026-11-23"))->norms.social_map_stale_days;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	return ctx_teardown();
}

static struct jr_social_entry entry(const char *municipality, const char *service, unsigned needs,
				    jr_day verified_on)
{
	struct jr_social_entry e = {0};

	snprintf(e.municipality, sizeof(e.municipality), "%s", municipality);
	snprintf(e.organisation, sizeof(e.organisation), "Sportbedrijf");
	snprintf(e.service, sizeof(e.service), "%s", service);
	e.needs = needs;
	e.verified_on = verified_on;
	e.age_min = e.age_max = -1;
	e.no_referral = true;
	return e;
}

static void test_stale_after_the_norm(void **state)
{
	struct jr_social_entry e = entry("0164", "x", 1, app.today - norm);

	(void)state;
	assert_true(norm > 0);
	assert_false(jr_app_socialmap_stale(&ctx_set, &e, app.today));
	e.verified_on = app.today - norm - 1;
	assert_true(jr_app_socialmap_stale(&ctx_set, &e, app.today));
	/* no policy, no norm to hold it to */
	snprintf(e.municipality, sizeof(e.municipality), "9999");
	assert_false(jr_app_socialmap_stale(&ctx_set, &e, app.today));
}

static void test_an_entry_is_checked(void **state)
{
	struct jr_social_entry e = entry("9999", "Buurtsportcoach", 1, app.today);

	(void)state;
	assert_int_equal(jr_app_socialmap_add(&app, &e), JR_ERR_INPUT);
	assert_string_equal(diag.path, "municipality");
	e = entry("0164", "Buurtsportcoach", 0, app.today);
	assert_int_equal(jr_app_socialmap_add(&app, &e), JR_ERR_INPUT);
	assert_string_equal(diag.path, "needs");
	e = entry("0164", "Buurtsportcoach", 1, app.today + 1);
	assert_int_equal(jr_app_socialmap_add(&app, &e), JR_ERR_INPUT);
	assert_string_equal(diag.path, "verified_on");
	e = entry("0164", "Buurtsportcoach", 1, app.today);
	e.age_min = 12;
	e.age_max = 4;
	assert_int_equal(jr_app_socialmap_add(&app, &e), JR_ERR_INPUT);
	assert_string_equal(diag.path, "age");
	e = entry("0164", "", 1, app.today);
	assert_int_equal(jr_app_socialmap_add(&app, &e), JR_ERR_INPUT);
	assert_string_equal(diag.path, "service");
}

struct found {
	int count, stale;
	char services[256];
};

static enum jr_err collect(void *ctx, const struct jr_social_entry *e, bool stale)
{
	struct found *f = ctx;
	size_t n = strlen(f->services);

	f->count++;
	f->stale += stale;
	snprintf(f->services + n, sizeof(f->services) - n, "%s;", e->service);
	return JR_OK;
}

static void test_search_filters_and_flags(void **state)
{
	struct jr_social_entry a = entry("0164", "fresh", 1u << 0, app.today - 10);
	struct jr_social_entry b = entry("0164", "old", 1u << 1, app.today - norm - 30);
	struct jr_app_social_query q = {.age = -1};
	struct found f = {0};

	(void)state;
	b.age_min = 4;
	b.age_max = 12;
	b.no_referral = false;
	assert_int_equal(jr_app_socialmap_add(&app, &a), JR_OK);
	assert_int_equal(jr_app_socialmap_add(&app, &b), JR_OK);
	assert_true(b.id > a.id);

	snprintf(q.municipality, sizeof(q.municipality), "0164");
	assert_int_equal(jr_app_socialmap_search(&app, &q, collect, &f), JR_OK);
	assert_int_equal(f.count, 2);
	assert_int_equal(f.stale, 1);

	memset(&f, 0, sizeof(f));
	q.need_mask = 1u << 1;
	assert_int_equal(jr_app_socialmap_search(&app, &q, collect, &f), JR_OK);
	assert_string_equal(f.services, "old;");

	memset(&f, 0, sizeof(f));
	q.need_mask = 0;
	q.age = 15;
	assert_int_equal(jr_app_socialmap_search(&app, &q, collect, &f), JR_OK);
	assert_string_equal(f.services, "fresh;");

	memset(&f, 0, sizeof(f));
	q.age = -1;
	q.no_referral_only = true;
	assert_int_equal(jr_app_socialmap_search(&app, &q, collect, &f), JR_OK);
	assert_string_equal(f.services, "fresh;");

	/* counted to another day, the fresh one is stale too */
	memset(&f, 0, sizeof(f));
	q.no_referral_only = false;
	q.date = app.today + norm;
	assert_int_equal(jr_app_socialmap_search(&app, &q, collect, &f), JR_OK);
	assert_int_equal(f.stale, 2);

	snprintf(q.municipality, sizeof(q.municipality), "9999");
	assert_int_equal(jr_app_socialmap_search(&app, &q, collect, &f), JR_ERR_INPUT);
	assert_string_equal(diag.path, "municipality");
}

/* Issue 14 point 8: the offer's own contact is checked, field by field. */
static void test_contact_is_checked(void **state)
{
	struct jr_social_entry e = entry("0164", "Opvoedspreekuur", 1, app.today);

	(void)state;
	snprintf(e.phone, sizeof(e.phone), "053-48x2345");
	assert_int_equal(jr_app_socialmap_add(&app, &e), JR_ERR_INPUT);
	assert_string_equal(diag.path, "phone");
	snprintf(e.phone, sizeof(e.phone), "12345");
	assert_int_equal(jr_app_socialmap_add(&app, &e), JR_ERR_INPUT);
	assert_string_equal(diag.path, "phone");
	snprintf(e.phone, sizeof(e.phone), "+31 (0)53-481 2345");
	snprintf(e.email, sizeof(e.email), "info@voorbeeld");
	assert_int_equal(jr_app_socialmap_add(&app, &e), JR_ERR_INPUT);
	assert_string_equal(diag.path, "email");
	snprintf(e.email, sizeof(e.email), "in fo@voorbeeld.nl");
	assert_int_equal(jr_app_socialmap_add(&app, &e), JR_ERR_INPUT);
	assert_string_equal(diag.path, "email");
	snprintf(e.email, sizeof(e.email), "info@voorbeeld.nl");
	snprintf(e.website, sizeof(e.website), "javascript:alert(1)");
	assert_int_equal(jr_app_socialmap_add(&app, &e), JR_ERR_INPUT);
	assert_string_equal(diag.path, "website");
	snprintf(e.website, sizeof(e.website), "https://");
	assert_int_equal(jr_app_socialmap_add(&app, &e), JR_ERR_INPUT);
	assert_string_equal(diag.path, "website");
	snprintf(e.website, sizeof(e.website), "https://www.voorbeeld.nl/opvoeden");
	snprintf(e.address, sizeof(e.address), "Marktstraat 12, 7551 AB Hengelo");
	assert_int_equal(jr_app_socialmap_add(&app, &e), JR_OK);
}

/* Issue 14 point 8: words searched in the name and the description, case and accents aside;
 * every word must occur; too short a text is named. */
static void test_text_search(void **state)
{
	struct jr_social_entry a = entry("0141", "Opvoedspreekuur", 1, app.today);
	struct jr_social_entry b = entry("0141", "Jongerenwerk", 1, app.today);
	struct jr_app_social_query q = {.age = -1};
	struct found f = {0};

	(void)state;
	snprintf(a.description, sizeof(a.description),
		 "Een verpleegkundige beantwoordt vragen over slapen, eten en café-bezoek.");
	snprintf(b.organisation, sizeof(b.organisation), "Stichting Één Wijk");
	snprintf(b.description, sizeof(b.description), "Activiteiten in het jongerencentrum.");
	assert_int_equal(jr_app_socialmap_add(&app, &a), JR_OK);
	assert_int_equal(jr_app_socialmap_add(&app, &b), JR_OK);
	snprintf(q.municipality, sizeof(q.municipality), "0141");

	snprintf(q.q, sizeof(q.q), "SLAPEN");
	assert_int_equal(jr_app_socialmap_search(&app, &q, collect, &f), JR_OK);
	assert_string_equal(f.services, "Opvoedspreekuur;"); /* a word of the description */
	memset(&f, 0, sizeof(f));
	snprintf(q.q, sizeof(q.q), "cafe");
	assert_int_equal(jr_app_socialmap_search(&app, &q, collect, &f), JR_OK);
	assert_string_equal(f.services, "Opvoedspreekuur;"); /* accents aside */
	memset(&f, 0, sizeof(f));
	snprintf(q.q, sizeof(q.q), "een wijk");
	assert_int_equal(jr_app_socialmap_search(&app, &q, collect, &f), JR_OK);
	assert_string_equal(f.services, "Jongerenwerk;"); /* the organisation's name */
	memset(&f, 0, sizeof(f));
	snprintf(q.q, sizeof(q.q), "spreekuur centrum"); /* every word must occur */
	assert_int_equal(jr_app_socialmap_search(&app, &q, collect, &f), JR_OK);
	assert_int_equal(f.count, 0);
	memset(&f, 0, sizeof(f));
	snprintf(q.q, sizeof(q.q), "jongeren");
	q.age = 30; /* and the other filters still hold: no age bound here */
	assert_int_equal(jr_app_socialmap_search(&app, &q, collect, &f), JR_OK);
	assert_string_equal(f.services, "Jongerenwerk;");
	q.age = -1;
	snprintf(q.q, sizeof(q.q), " é ");
	assert_int_equal(jr_app_socialmap_search(&app, &q, collect, &f), JR_ERR_INPUT);
	assert_string_equal(diag.path, "q");
}

static void test_a_role_without_the_map_is_refused(void **state)
{
	struct jr_principal who = {.user_id = 3};
	struct jr_app_social_query q = {.age = -1};
	struct jr_app as = app;
	struct found f = {0};

	(void)state;
	snprintf(who.role, sizeof(who.role), "policy");
	as.principal = &who;
	assert_int_equal(jr_app_socialmap_search(&as, &q, collect, &f), JR_ERR_FORBIDDEN);
	snprintf(who.role, sizeof(who.role), "verwijzer");
	assert_int_equal(jr_app_socialmap_search(&as, &q, collect, &f), JR_OK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stale_after_the_norm),
		cmocka_unit_test(test_an_entry_is_checked),
		cmocka_unit_test(test_search_filters_and_flags),
		cmocka_unit_test(test_contact_is_checked),
		cmocka_unit_test(test_text_search),
		cmocka_unit_test(test_a_role_without_the_map_is_refused),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
