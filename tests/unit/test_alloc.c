/* Unit tests for core/alloc: the failure-injection hook and the wrappers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/alloc.h"

static void test_alloc_works_by_default(void **state)
{
	(void)state;
	void *p = jr_malloc(16), *q = jr_calloc(4, 4);
	assert_non_null(p);
	assert_non_null(q);
	assert_int_equal(((unsigned char *)q)[15], 0);
	p = jr_realloc(p, 64);
	assert_non_null(p);
	jr_free(p);
	JR_FREE(q);
	assert_null(q);
	jr_free(NULL);
}

static void test_alloc_fails_after_n(void **state)
{
	(void)state;
	void *a, *b;
	jr_alloc_fail_after(1);
	a = jr_malloc(8);
	b = jr_malloc(8);
	assert_non_null(a);
	assert_null(b);
	assert_null(jr_calloc(1, 1));
	assert_null(jr_realloc(a, 32)); /* a stays valid */
	jr_alloc_fail_after(-1);
	b = jr_malloc(8);
	assert_non_null(b);
	jr_free(a);
	jr_free(b);
}

static void test_alloc_zero_size_is_not_null(void **state)
{
	(void)state;
	void *p = jr_malloc(0);
	assert_non_null(p);
	jr_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alloc_works_by_default),
		cmocka_unit_test(test_alloc_fails_after_n),
		cmocka_unit_test(test_alloc_zero_size_is_not_null),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
