/* Unit tests for core/region.c: a municipality's region among the loaded policies, its name,
 * and nothing for a municipality no policy names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/region.h"
#include "json/policy_set.h"

static struct jr_policy_set set;

static int setup(void **state)
{
	struct jr_diag d;
	char bad[512];

	(void)state;
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
	assert_string_equal(jr_region_find(&set, "0164")->id, "twente");
	assert_string_equal(jr_region_find(&set, "0307")->id, "amersfoort");
	m = jr_region_municipality(&set, "0164", &p);
	assert_non_null(m);
	assert_string_equal(m->name, "Hengelo");
	assert_string_equal(p->id, "twente");
	assert_string_equal(jr_region_municipality_name(&set, "0164"), "Hengelo");
	/* the older name is the same lookup */
	assert_ptr_equal(jr_policy_set_find(&set, "0164"), jr_region_find(&set, "0164"));
}

static void test_no_region(void **state)
{
	const struct jr_policy *p = (const struct jr_policy *)&set;

	(void)state;
	assert_null(jr_region_find(&set, "9999"));
	assert_null(jr_region_find(&set, NULL));
	assert_null(jr_region_find(NULL, "0164"));
	assert_null(jr_region_municipality(&set, "9999", &p));
	assert_null(p);
	assert_null(jr_region_municipality_name(&set, "9999"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_the_region_of_a_municipality),
		cmocka_unit_test(test_no_region),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
