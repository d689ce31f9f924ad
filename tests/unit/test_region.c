/* Unit tests for core/region.c: a municipality's region among the loaded policies on a day
 * (issue 13, principle 11: the version in force decides), its name, nothing for a municipality
 * no policy names or a day no version covers; and the loader's refusal of overlapping versions
 * (json/policy_set.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/region.h"
#include "json/policy_set.h"

static struct jr_policy_set set;
static jr_day y2026, y2023, y2018;

static int setup(void **state)
{
	struct jr_diag d;
	char bad[512];

	(void)state;
	y2026 = jr_date_from_ymd(2026, 1, 1);
	y2023 = jr_date_from_ymd(2023, 6, 1);
	y2018 = jr_date_from_ymd(2018, 6, 1);
	jr_policy_set_init(&set);
	return jr_policy_set_load_dir(&set, JR_TEST_POLICY_DIR, &d, bad, sizeof(bad)) ? -1 : 0;
}

static int teardown(void **state)
{
	(void)state;
	jr_policy_set_release(&set);
	return 0;
}

static void test_the_region_of_a_municipality(void **state)
{
	const struct jr_policy *p = NULL;
	const struct jr_municipality *m;

	(void)state;
	assert_string_equal(jr_region_find(&set, "0164", y2026)->id, "twente");
	assert_string_equal(jr_region_find(&set, "0307", y2026)->id, "amersfoort");
	m = jr_region_municipality(&set, "0164", y2026, &p);
	assert_non_null(m);
	assert_string_equal(m->name, "Hengelo");
	assert_string_equal(p->id, "twente");
	assert_string_equal(jr_region_municipality_name(&set, "0164", y2026), "Hengelo");
	/* the older name is the same lookup */
	assert_ptr_equal(jr_policy_set_find(&set, "0164", y2026), jr_region_find(&set, "0164", y2026));
}

/* Amersfoort keeps two versions: the arrangement before the main provider (to 2023-12-31) and
 * the one with it (from 2024-01-01). */
static void test_the_version_in_force(void **state)
{
	const struct jr_policy *p2023, *p2024;
	const struct jr_municipality *m;

	(void)state;
	p2023 = jr_region_find(&set, "0307", y2023);
	p2024 = jr_region_find(&set, "0307", y2026);
	assert_non_null(p2023);
	assert_non_null(p2024);
	assert_ptr_not_equal(p2023, p2024);
	assert_string_equal(p2023->id, "amersfoort");
	assert_false(p2023->no_referral_first);
	assert_true(p2024->no_referral_first);
	m = jr_region_municipality(&set, "0307", y2023, NULL);
	assert_int_equal(m->regime, JR_REGIME_PRODUCT);
	assert_string_equal(m->main_provider, "");
	/* the last day of one and the first of the next */
	assert_ptr_equal(jr_region_find(&set, "0307", jr_date_from_ymd(2023, 12, 31)), p2023);
	assert_ptr_equal(jr_region_find(&set, "0307", jr_date_from_ymd(2024, 1, 1)), p2024);
	assert_ptr_equal(jr_region_by_id(&set, "amersfoort", y2023), p2023);
	assert_ptr_equal(jr_region_by_id(&set, "amersfoort", y2026), p2024);
	assert_null(jr_region_by_id(&set, "amersfoort", y2018));
	assert_null(jr_region_by_id(&set, "nergens", y2026));
}

static void test_a_day_without_policy(void **state)
{
	char msg[320];

	(void)state;
	assert_null(jr_region_find(&set, "0307", y2018));
	assert_null(jr_region_find(&set, "0164", y2018)); /* Twente's from 2019-01-01 */
	assert_true(jr_region_knows(&set, "0307"));
	assert_false(jr_region_knows(&set, "9999"));
	/* a name outlives its versions */
	assert_string_equal(jr_region_municipality_name(&set, "0307", y2018), "Amersfoort");
	jr_region_no_policy_message(&set, "0307", y2018, msg, sizeof(msg));
	assert_non_null(strstr(msg, "geen beleid voor deze gemeente (0307) op 2018-06-01"));
	assert_non_null(strstr(msg, "vanaf 2019-01-01"));
}

/* A list of regions shows each region once: the version in force on the day. */
static void test_each_region_listed_once(void **state)
{
	int amersfoort = 0, twente = 0;

	(void)state;
	for (size_t i = 0; i < set.count; i++) {
		if (!jr_region_listed(&set, i, y2026))
			continue;
		if (strcmp(set.policies[i]->id, "amersfoort") == 0) {
			amersfoort++;
			assert_true(set.policies[i]->no_referral_first); /* the 2024 version */
		}
		twente += strcmp(set.policies[i]->id, "twente") == 0;
	}
	assert_int_equal(amersfoort, 1);
	assert_int_equal(twente, 1);
	/* before any version: the latest stands for the region */
	amersfoort = 0;
	for (size_t i = 0; i < set.count; i++)
		if (jr_region_listed(&set, i, y2018) && strcmp(set.policies[i]->id, "amersfoort") == 0) {
			amersfoort++;
			assert_true(set.policies[i]->no_referral_first);
		}
	assert_int_equal(amersfoort, 1);
}

static void test_no_region(void **state)
{
	const struct jr_policy *p = (const struct jr_policy *)&set;

	(void)state;
	assert_null(jr_region_find(&set, "9999", y2026));
	assert_null(jr_region_find(&set, NULL, y2026));
	assert_null(jr_region_find(NULL, "0164", y2026));
	assert_null(jr_region_municipality(&set, "9999", y2026, &p));
	assert_null(p);
	assert_null(jr_region_municipality_name(&set, "9999", y2026));
}

/* Writes `text` to a temporary file whose name goes into `name` (PATH_MAX-ish buffer). */
static void write_temp(char *name, size_t cap, const char *text)
{
	FILE *f;
	int fd;

	snprintf(name, cap, "/tmp/jr-test-region-XXXXXX");
	fd = mkstemp(name);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	assert_true(fputs(text, f) >= 0);
	assert_int_equal(fclose(f), 0);
}

/* The Amersfoort 2024 file, with the first `from` replaced by `to`, as a temporary file. */
static void edited_copy(char *name, size_t cap, const char *from, const char *to)
{
	FILE *f = fopen(JR_TEST_POLICY_DIR "/amersfoort.json", "r");
	static char text[200000], out[200000];
	size_t n;
	char *at;

	assert_non_null(f);
	n = fread(text, 1, sizeof(text) - 1, f);
	fclose(f);
	text[n] = '\0';
	at = strstr(text, from);
	assert_non_null(at);
	snprintf(out, sizeof(out), "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
	write_temp(name, cap, out);
}

static void test_loader_refuses_overlap(void **state)
{
	struct jr_policy_set s;
	struct jr_diag diag;
	const char *bad;
	char name[128];

	(void)state;
	/* a second version of Amersfoort that starts before the 2024 one ends (it never does) */
	edited_copy(name, sizeof(name), "\"valid_from\": \"2024-01-01\"",
		    "\"valid_from\": \"2025-01-01\"");
	jr_policy_set_init(&s);
	assert_int_equal(jr_policy_set_add_file(&s, JR_TEST_POLICY_DIR "/amersfoort.json", &diag,
						&bad),
			 JR_OK);
	assert_int_equal(jr_policy_set_add_file(&s, name, &diag, &bad), JR_ERR_POLICY);
	assert_string_equal(bad, name);
	assert_string_equal(diag.path, "$.valid_from");
	assert_non_null(strstr(diag.message, "overlappen"));
	assert_non_null(strstr(diag.message, "amersfoort.json")); /* the other file, named */
	jr_policy_set_release(&s);
	unlink(name);

	/* the same municipalities in another region at the same time */
	edited_copy(name, sizeof(name), "\"id\": \"amersfoort\"", "\"id\": \"elders\"");
	jr_policy_set_init(&s);
	assert_int_equal(jr_policy_set_add_file(&s, JR_TEST_POLICY_DIR "/amersfoort.json", &diag,
						&bad),
			 JR_OK);
	assert_int_equal(jr_policy_set_add_file(&s, name, &diag, &bad), JR_ERR_POLICY);
	assert_string_equal(diag.path, "$.municipalities[0].code");
	assert_non_null(strstr(diag.message, "0307"));
	assert_non_null(strstr(diag.message, "dezelfde periode"));
	assert_non_null(strstr(diag.message, "amersfoort.json"));
	jr_policy_set_release(&s);
	unlink(name);

	/* ... but not when their periods follow each other */
	edited_copy(name, sizeof(name), "\"valid_from\": \"2024-01-01\"",
		    "\"valid_from\": \"2010-01-01\", \"valid_until\": \"2018-12-31\"");
	jr_policy_set_init(&s);
	assert_int_equal(jr_policy_set_add_file(&s, JR_TEST_POLICY_DIR "/amersfoort-2023.json",
						&diag, &bad),
			 JR_OK);
	assert_int_equal(jr_policy_set_add_file(&s, JR_TEST_POLICY_DIR "/amersfoort.json", &diag,
						&bad),
			 JR_OK);
	assert_int_equal(jr_policy_set_add_file(&s, name, &diag, &bad), JR_OK);
	assert_int_equal(s.count, 3);
	jr_policy_set_release(&s);
	unlink(name);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_the_region_of_a_municipality),
		cmocka_unit_test(test_the_version_in_force),
		cmocka_unit_test(test_a_day_without_policy),
		cmocka_unit_test(test_each_region_listed_once),
		cmocka_unit_test(test_no_region),
		cmocka_unit_test(test_loader_refuses_overlap),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
