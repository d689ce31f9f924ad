/* Unit tests for core/person: the field checks, including UTF-8 validation of names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/person.h"
#include "core/text.h"

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

static struct jr_person with_address(void)
{
	struct jr_person p = valid();
	p.sex = '2';
	memcpy(p.address.street, "Hengelosestraat", 16);
	p.address.house_number = 12;
	memcpy(p.address.postcode, "7514AE", 7);
	memcpy(p.address.place, "Enschede", 9);
	return p;
}

static void test_sex_and_address(void **state)
{
	(void)state;
	struct jr_person p = with_address();
	const char *f, *m;
	assert_int_equal(jr_person_check(&p, jr_date_from_ymd(2026, 11, 23), &f, &m), JR_OK);
	/* 24 characters of street, three of them two bytes each: fits */
	memcpy(p.address.street, "Ééé-straat-aan-de-weg-12", 28);
	assert_int_equal(jr_text_chars(p.address.street), 24);
	assert_int_equal(jr_person_check(&p, jr_date_from_ymd(2026, 11, 23), &f, &m), JR_OK);
	memcpy(p.address.street, "Ééé-straat-aan-de-weg-123", 29);
	expect_field(&p, "address.street");
	p = with_address();
	memcpy(p.address.street, "   ", 4);
	expect_field(&p, "address.street");
	p = with_address();
	p.sex = '3';
	expect_field(&p, "sex");
	p = with_address();
	p.address.house_number = 0;
	expect_field(&p, "address.house_number");
	p.address.house_number = 100000;
	expect_field(&p, "address.house_number");
	p = with_address();
	memcpy(p.address.house_letter, "1", 2);
	expect_field(&p, "address.house_letter");
	p = with_address();
	memcpy(p.address.house_addition, "12345", 6);
	expect_field(&p, "address.house_addition");
	const char *bad_postcodes[] = {"7514ae", "0514AE", "751AE", "7514 A", "75144E"};
	for (size_t i = 0; i < sizeof(bad_postcodes) / sizeof(bad_postcodes[0]); i++) {
		p = with_address();
		memcpy(p.address.postcode, bad_postcodes[i], strlen(bad_postcodes[i]) + 1);
		expect_field(&p, "address.postcode");
	}
	p = with_address();
	p.address.place[0] = '\0';
	expect_field(&p, "address.place");
	/* no street: no address, whatever else is left over */
	p = valid();
	assert_int_equal(jr_person_check(&p, jr_date_from_ymd(2026, 11, 23), &f, &m), JR_OK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_person),
		cmocka_unit_test(test_invalid_fields),
		cmocka_unit_test(test_names_utf8),
		cmocka_unit_test(test_sex_and_address),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
