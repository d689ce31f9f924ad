/* Unit tests for core/person: the field checks, including UTF-8 validation of names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/person.h"

static struct jr_person valid(void)
{
	struct jr_person p = {.birth_date = 0};
	memcpy(p.bsn, "123456782", 10);
	memcpy(p.given_names, "Sanne", 6);
	memcpy(p.family_name, "de Vries", 9);
	memcpy(p.municipality, "0153", 5);
	p.birth_date = jr_date_from_ymd(2015, 4, 2);
	return p;
}

static void expect_field(const struct jr_person *p, const char *field)
{
	const char *f = NULL, *m = NULL;
	assert_int_equal(jr_person_check(p, jr_date_from_ymd(2026, 11, 23), &f, &m), JR_ERR_INPUT);
	assert_string_equal(f, field);
	assert_non_null(m);
}

static void test_valid_person(void **state)
{
	(void)state;
	struct jr_person p = valid();
	const char *f, *m;
	assert_int_equal(jr_person_check(&p, jr_date_from_ymd(2026, 11, 23), &f, &m), JR_OK);
	p.birth_date = jr_date_from_ymd(2026, 11, 23); /* born today */
	assert_int_equal(jr_person_check(&p, jr_date_from_ymd(2026, 11, 23), &f, &m), JR_OK);
}

static void test_invalid_fields(void **state)
{
	(void)state;
	struct jr_person p = valid();
	memcpy(p.bsn, "123456789", 10);
	expect_field(&p, "bsn");
	p = valid();
	p.given_names[0] = '\0';
	expect_field(&p, "given_names");
	p = valid();
	memcpy(p.family_name, "a\tb", 4);
	expect_field(&p, "family_name");
	p = valid();
	p.birth_date = jr_date_from_ymd(2026, 11, 24);
	expect_field(&p, "birth_date");
	p = valid();
	memcpy(p.municipality, "15x3", 5);
	expect_field(&p, "municipality");
}

static void test_names_utf8(void **state)
{
	(void)state;
	assert_true(jr_name_valid("Zoë"));
	assert_true(jr_name_valid("Çelik-Ünal"));
	assert_true(jr_name_valid("李"));
	assert_true(jr_name_valid("\xf0\x9f\x98\x80")); /* U+1F600, four bytes */
	assert_false(jr_name_valid(""));
	assert_false(jr_name_valid("\xc3"));         /* cut short */
	assert_false(jr_name_valid("\xc0\xaf"));     /* overlong */
	assert_false(jr_name_valid("\xe0\x80\xaf")); /* overlong */
	assert_false(jr_name_valid("\xed\xa0\x80")); /* surrogate */
	assert_false(jr_name_valid("\xf4\x90\x80\x80")); /* above U+10FFFF */
	assert_false(jr_name_valid("\xff"));
	assert_false(jr_name_valid("a\x7f"));
	char long_name[JR_PERSON_NAME_MAX + 1];
	memset(long_name, 'a', sizeof(long_name) - 1);
	long_name[sizeof(long_name) - 1] = '\0';
	assert_false(jr_name_valid(long_name));
	long_name[JR_PERSON_NAME_MAX - 1] = '\0';
	assert_true(jr_name_valid(long_name));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_person),
		cmocka_unit_test(test_invalid_fields),
		cmocka_unit_test(test_names_utf8),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
