/* Unit tests for report/figures.c: small cells suppressed (1 to 4 children, shares and waits
 * over fewer than 5), the region as the sum of its municipalities, nearest-rank percentiles,
 * the light-to-heavy mix, and the CSV form. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "report/figures.h"

static const char *names(void *ctx, const char *code)
{
	(void)ctx;
	return strcmp(code, "0153") == 0 ? "Enschede" : strcmp(code, "0164") == 0 ? "Hengelo" : NULL;
}

static json_t *figures(struct jr_figures_raw *rows, size_t count)
{
	struct jr_buf b;
	json_error_t e;
	json_t *v;
	jr_buf_init(&b, 1 << 20);
	assert_int_equal(jr_figures_json(&b, rows, count, jr_date_from_ymd(2026, 1, 1),
					 jr_date_from_ymd(2026, 12, 31), names, NULL),
			 JR_OK);
	v = json_loads(jr_buf_str(&b), 0, &e);
	if (!v)
		fail_msg("not JSON: %s: %s", e.text, jr_buf_str(&b));
	jr_buf_release(&b);
	return v;
}

static json_t *row(json_t *doc, size_t i)
{
	return json_array_get(json_object_get(doc, "rows"), i);
}

static void test_small_cells_are_suppressed(void **state)
{
	(void)state;
	int waits_a[4] = {10, 20, 30, 40}, waits_b[6] = {5, 1, 9, 3, 7, 100};
	struct jr_figures_raw rows[2] = {0};
	json_t *doc, *a, *b, *region;
	memcpy(rows[0].municipality, "0153", 5);
	memcpy(rows[1].municipality, "0164", 5);
	rows[0].help_requests = 4;      /* suppressed */
	rows[1].help_requests = 5;      /* shown */
	rows[0].settled_without_youth_care = 2;
	rows[1].settled_without_youth_care = 1;
	rows[0].children_by_form[2] = 0; /* zero is shown */
	rows[0].children_by_form[3] = 12;
	rows[0].children_by_form[7] = 4;
	rows[0].wait_allocation_days = waits_a;
	rows[0].wait_allocation_count = 4; /* too few for a median */
	rows[1].wait_allocation_days = waits_b;
	rows[1].wait_allocation_count = 6;
	doc = figures(rows, 2);
	a = row(doc, 0);
	b = row(doc, 1);
	region = row(doc, 2);
	assert_string_equal(json_string_value(json_object_get(a, "name")), "Enschede");
	assert_true(json_is_null(json_object_get(a, "help_requests")));
	assert_true(json_is_null(json_object_get(a, "settled_without_youth_care_share")));
	assert_int_equal(json_integer_value(json_object_get(b, "help_requests")), 5);
	assert_true(json_real_value(json_object_get(b, "settled_without_youth_care_share")) > 0.19 &&
		    json_real_value(json_object_get(b, "settled_without_youth_care_share")) < 0.21);
	assert_int_equal(json_integer_value(json_object_get(a, "children_form_2")), 0);
	assert_int_equal(json_integer_value(json_object_get(a, "children_form_3")), 12);
	assert_true(json_is_null(json_object_get(a, "children_form_7")));
	/* light (1-3) 12 against heavy (4-10) 4: shares over 16 children are shown */
	assert_true(json_real_value(json_object_get(a, "light_share")) == 0.75);
	assert_true(json_is_null(json_object_get(a, "wait_referral_to_allocation_days_median")));
	/* 1 3 5 7 9 100: median (nearest rank 3) 5, p90 (rank 6) 100 */
	assert_int_equal(json_integer_value(json_object_get(b, "wait_referral_to_allocation_days_median")), 5);
	assert_int_equal(json_integer_value(json_object_get(b, "wait_referral_to_allocation_days_p90")), 100);
	/* the region: 9 help requests, 3 settled; ten waits, median (rank 5) 9 */
	assert_true(json_is_null(json_object_get(region, "municipality")));
	assert_int_equal(json_integer_value(json_object_get(region, "help_requests")), 9);
	assert_int_equal(json_integer_value(json_object_get(region, "wait_referral_to_allocation_days_median")), 9);
	assert_int_equal(json_integer_value(json_object_get(doc, "suppressed_below")), 5);
	json_decref(doc);
}

static void test_csv(void **state)
{
	(void)state;
	struct jr_figures_raw rows[1] = {0};
	struct jr_buf b;
	memcpy(rows[0].municipality, "0153", 5);
	rows[0].help_requests = 3;
	jr_buf_init(&b, 1 << 20);
	assert_int_equal(jr_figures_csv(&b, rows, 1, names, NULL), JR_OK);
	assert_non_null(strstr(jr_buf_str(&b), "gemeente;naam;cijfer;waarde\r\n"));
	assert_non_null(strstr(jr_buf_str(&b), "0153;Enschede;help_requests;\r\n")); /* suppressed */
	assert_non_null(strstr(jr_buf_str(&b), ";regio;care_ended;0\r\n"));
	jr_buf_release(&b);
	/* no municipality at all: the region alone */
	jr_buf_init(&b, 1 << 20);
	assert_int_equal(jr_figures_csv(&b, NULL, 0, names, NULL), JR_OK);
	assert_non_null(strstr(jr_buf_str(&b), ";regio;help_requests;0\r\n"));
	jr_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_small_cells_are_suppressed),
		cmocka_unit_test(test_csv),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
