/* Unit tests for core/buf: bounds, growth, printf, JSON string escaping, failure paths. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/alloc.h"
#include "core/buf.h"

static void test_buf_empty_is_empty_string(void **state)
{
	(void)state;
	struct jr_buf b;
	jr_buf_init(&b, 100);
	assert_string_equal(jr_buf_str(&b), "");
	assert_int_equal(b.len, 0);
	jr_buf_release(&b);
}

static void test_buf_appends_and_grows(void **state)
{
	(void)state;
	struct jr_buf b;
	jr_buf_init(&b, 1 << 20);
	for (int i = 0; i < 1000; i++)
		assert_int_equal(jr_buf_puts(&b, "abc"), JR_OK);
	assert_int_equal(b.len, 3000);
	assert_int_equal(strlen(jr_buf_str(&b)), 3000);
	assert_int_equal(jr_buf_printf(&b, "%d-%s", 42, "x"), JR_OK);
	assert_string_equal(jr_buf_str(&b) + 3000, "42-x");
	jr_buf_reset(&b);
	assert_string_equal(jr_buf_str(&b), "");
	assert_int_equal(jr_buf_putc(&b, 'z'), JR_OK);
	assert_string_equal(jr_buf_str(&b), "z");
	jr_buf_release(&b);
}

static void test_buf_maximum_is_enforced(void **state)
{
	(void)state;
	struct jr_buf b;
	jr_buf_init(&b, 5);
	assert_int_equal(jr_buf_puts(&b, "12345"), JR_OK);
	assert_int_equal(jr_buf_putc(&b, '6'), JR_ERR_TOO_BIG);
	assert_string_equal(jr_buf_str(&b), "12345"); /* unchanged on error */
	assert_int_equal(jr_buf_printf(&b, "%s", "x"), JR_ERR_TOO_BIG);
	assert_int_equal(b.len, 5);
	jr_buf_release(&b);
}

static void test_buf_huge_reserve_does_not_overflow(void **state)
{
	(void)state;
	struct jr_buf b;
	jr_buf_init(&b, (size_t)-1);
	assert_int_equal(jr_buf_putc(&b, 'a'), JR_OK);
	assert_int_equal(jr_buf_reserve(&b, (size_t)-1), JR_ERR_TOO_BIG);
	jr_buf_release(&b);
}

static void test_buf_allocation_failure_keeps_content(void **state)
{
	(void)state;
	struct jr_buf b;
	jr_buf_init(&b, 1 << 20);
	assert_int_equal(jr_buf_puts(&b, "keep"), JR_OK);
	jr_alloc_fail_after(0);
	char big[1024];
	memset(big, 'x', sizeof(big));
	assert_int_equal(jr_buf_append(&b, big, sizeof(big)), JR_ERR_NOMEM);
	jr_alloc_fail_after(-1);
	assert_string_equal(jr_buf_str(&b), "keep");
	jr_buf_release(&b);
}

static void test_buf_json_string_escapes(void **state)
{
	(void)state;
	struct jr_buf b;
	jr_buf_init(&b, 1000);
	assert_int_equal(jr_buf_json_string(&b, "a\"b\\c\nd\te\x01 één"), JR_OK);
	assert_string_equal(jr_buf_str(&b), "\"a\\\"b\\\\c\\nd\\te\\u0001 één\"");
	jr_buf_reset(&b);
	assert_int_equal(jr_buf_json_string(&b, ""), JR_OK);
	assert_string_equal(jr_buf_str(&b), "\"\"");
	jr_buf_release(&b);
}

static void test_buf_json_string_respects_maximum(void **state)
{
	(void)state;
	struct jr_buf b;
	jr_buf_init(&b, 8);
	/* worst case (6 bytes per input byte) is reserved up front */
	assert_int_equal(jr_buf_json_string(&b, "abcdef"), JR_ERR_TOO_BIG);
	assert_int_equal(b.len, 0);
	jr_buf_release(&b);
}

static void test_buf_printf_conversions(void **state)
{
	(void)state;
	struct jr_buf b;
	jr_buf_init(&b, 1000);
	assert_int_equal(jr_buf_printf(&b, "a%sb%dc%02dd%zu%%e", "X", -42, 7, (size_t)123456789),
			 JR_OK);
	assert_string_equal(jr_buf_str(&b), "aXb-42c07d123456789%e");
	jr_buf_reset(&b);
	/* conversions the fast path does not know go to libc, with the remaining arguments */
	assert_int_equal(jr_buf_printf(&b, "%d|%5.1f|%s|%x", 1, 2.25, "s", 255), JR_OK);
	assert_string_equal(jr_buf_str(&b), "1|  2.2|s|ff");
	jr_buf_reset(&b);
	assert_int_equal(jr_buf_printf(&b, "%02d %02d %d", 5, 123, -2147483647 - 1), JR_OK);
	assert_string_equal(jr_buf_str(&b), "05 123 -2147483648");
	jr_buf_release(&b);
}

static void test_buf_printf_error_keeps_content(void **state)
{
	(void)state;
	struct jr_buf b;
	jr_buf_init(&b, 10);
	assert_int_equal(jr_buf_puts(&b, "abc"), JR_OK);
	assert_int_equal(jr_buf_printf(&b, "%s-%d", "defgh", 12345), JR_ERR_TOO_BIG);
	assert_string_equal(jr_buf_str(&b), "abc");
	assert_int_equal(jr_buf_printf(&b, "%s%8.3f", "d", 1.5), JR_ERR_TOO_BIG);
	assert_string_equal(jr_buf_str(&b), "abc");
	jr_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf_empty_is_empty_string),
		cmocka_unit_test(test_buf_appends_and_grows),
		cmocka_unit_test(test_buf_maximum_is_enforced),
		cmocka_unit_test(test_buf_huge_reserve_does_not_overflow),
		cmocka_unit_test(test_buf_allocation_failure_keeps_content),
		cmocka_unit_test(test_buf_json_string_escapes),
		cmocka_unit_test(test_buf_json_string_respects_maximum),
		cmocka_unit_test(test_buf_printf_conversions),
		cmocka_unit_test(test_buf_printf_error_keeps_content),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
