/* Unit tests for ijw/ijw_codes: look-ups in the generated code lists and validity by date
 * (ingangsdatum and expiratiedatum inclusive, an empty date open). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "ijw/ijw_codes.h"
#include "ijw/ijw_codes_internal.h"

static jr_day day(int y, int m, int d)
{
	return jr_date_from_ymd(y, m, d);
}

static void test_names_and_types(void **state)
{
	enum jr_ijw_codelist list = JR_IJW_COD002;

	(void)state;
	assert_string_equal(jr_ijw_codelist_name(JR_IJW_JZ020), "JZ020");
	assert_string_equal(jr_ijw_codelist_name(JR_IJW_WMO757), "WMO757");
	assert_null(jr_ijw_codelist_name(JR_IJW_CODELIST__COUNT));
	assert_true(jr_ijw_codelist_of_type("LDT_RedenBeeindiging", &list));
	assert_int_equal(list, JR_IJW_JZ588);
	assert_true(jr_ijw_codelist_of_type("LDT_Geslacht", &list));
	assert_int_equal(list, JR_IJW_COD046);
	assert_false(jr_ijw_codelist_of_type("LDT_Datum", &list));
	assert_false(jr_ijw_codelist_of_type(NULL, &list));
}

/* The codes keep the leading zeros of the XSD (the CSV export had lost them). */
static void test_texts(void **state)
{
	(void)state;
	assert_string_equal(jr_ijw_code_text(JR_IJW_JZ020, "54"), "Jeugd-ggz");
	assert_string_equal(jr_ijw_code_text(JR_IJW_JZ002, "13"), "Verwijderd");
	assert_non_null(jr_ijw_code_text(JR_IJW_JZ002, "01"));
	assert_null(jr_ijw_code_text(JR_IJW_JZ002, "1"));
	assert_non_null(jr_ijw_code_text(JR_IJW_WJ001, "0001"));
	assert_string_equal(jr_ijw_code_text(JR_IJW_COD002, "436"), "JW301");
	assert_string_equal(jr_ijw_code_text(JR_IJW_COD032, "NL"), "NEDERLAND");
	assert_null(jr_ijw_code_text(JR_IJW_COD032, "nl"));
	assert_null(jr_ijw_code_text(JR_IJW_COD046, NULL));
	assert_null(jr_ijw_code_text(JR_IJW_CODELIST__COUNT, "1"));
	/* Every list is sorted for the binary search and every code has a text. */
	for (int l = 0; l < JR_IJW_CODELIST__COUNT; l++) {
		const struct jr_ijw_codelist_def *d = &jr_ijw_codelists[l];
		assert_true(d->count > 0);
		for (unsigned i = 0; i < d->count; i++) {
			assert_true(d->codes[i].text[0] != '\0');
			assert_ptr_equal(jr_ijw_code_text((enum jr_ijw_codelist)l, d->codes[i].code),
					 d->codes[i].text);
			if (i)
				assert_true(strcmp(d->codes[i - 1].code, d->codes[i].code) < 0);
		}
	}
}

/* Codes with an ingangsdatum in the lists: JZ588 36 from 2021-01-01, 38 from 2022-04-01. */
static void test_valid_from_ingangsdatum(void **state)
{
	(void)state;
	assert_false(jr_ijw_code_valid(JR_IJW_JZ588, "38", day(2022, 3, 31)));
	assert_true(jr_ijw_code_valid(JR_IJW_JZ588, "38", day(2022, 4, 1)));
	assert_true(jr_ijw_code_valid(JR_IJW_JZ588, "38", day(2030, 1, 1)));
	assert_false(jr_ijw_code_valid(JR_IJW_JZ588, "36", day(2020, 12, 31)));
	assert_true(jr_ijw_code_valid(JR_IJW_JZ588, "36", day(2021, 1, 1)));
	assert_true(jr_ijw_code_valid(JR_IJW_JZ020, "54", day(2017, 10, 1)));
	assert_false(jr_ijw_code_valid(JR_IJW_JZ020, "54", day(2017, 9, 30)));
	/* No dates: valid on any day. */
	assert_true(jr_ijw_code_valid(JR_IJW_JZ588, "02", day(1900, 1, 1)));
	assert_true(jr_ijw_code_valid(JR_IJW_JZ588, "02", day(2199, 12, 31)));
	/* Unknown codes and lists are never valid. */
	assert_false(jr_ijw_code_valid(JR_IJW_JZ588, "99", day(2026, 1, 1)));
	assert_false(jr_ijw_code_valid(JR_IJW_JZ588, "2", day(2026, 1, 1)));
	assert_false(jr_ijw_code_valid(JR_IJW_JZ588, NULL, day(2026, 1, 1)));
	assert_false(jr_ijw_code_valid(JR_IJW_CODELIST__COUNT, "02", day(2026, 1, 1)));
}

/* The interval rule itself, with both ends (the lists have no expiratiedatum yet). */
static void test_in_force_interval(void **state)
{
	const struct jr_ijw_code both = {"01", "x", day(2021, 1, 1), day(2022, 3, 31)};
	const struct jr_ijw_code until = {"01", "x", JR_IJW_OPEN, day(2022, 3, 31)};
	const struct jr_ijw_code open = {"01", "x", JR_IJW_OPEN, JR_IJW_OPEN};

	(void)state;
	assert_false(jr_ijw_code_in_force(&both, day(2020, 12, 31)));
	assert_true(jr_ijw_code_in_force(&both, day(2021, 1, 1)));
	assert_true(jr_ijw_code_in_force(&both, day(2022, 3, 31)));
	assert_false(jr_ijw_code_in_force(&both, day(2022, 4, 1)));
	assert_true(jr_ijw_code_in_force(&until, day(1900, 1, 1)));
	assert_false(jr_ijw_code_in_force(&until, day(2022, 4, 1)));
	assert_true(jr_ijw_code_in_force(&open, day(2199, 12, 31)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names_and_types),
		cmocka_unit_test(test_texts),
		cmocka_unit_test(test_valid_from_ingangsdatum),
		cmocka_unit_test(test_in_force_interval),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
