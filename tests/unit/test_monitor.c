/* Unit tests for the Regiovisie monitor (issue 16): the policy's monitor section, the target
 * line (relative, per year with interpolation, a municipality's own baseline), the on-track
 * state, the expected cost of an allocation, the median, and the suppression of a table of
 * counts with its totals (no hidden cell can be worked out from what is shown). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "json/policy_json.h"
#include "report/monitor.h"

static struct jr_policy twente, amersfoort;

static int setup(void **state)
{
	struct jr_diag d;
	(void)state;
	if (jr_policy_load_file(JR_TEST_POLICY_DIR "/twente.json", &twente, &d) ||
	    jr_policy_load_file(JR_TEST_POLICY_DIR "/amersfoort.json", &amersfoort, &d))
		return -1;
	return 0;
}

static const struct jr_mon_target *target(const struct jr_policy *p, enum jr_mon_indicator i)
{
	for (size_t k = 0; k < p->monitor.target_count; k++)
		if (p->monitor.targets[k].indicator == i)
			return &p->monitor.targets[k];
	return NULL;
}

static void test_policy_monitor_loaded(void **state)
{
	int64_t cents = 0;
	(void)state;
	assert_true(twente.monitor.present);
	assert_int_equal(twente.monitor.target_count, 5);
	assert_non_null(target(&twente, JR_MON_SECURE_ADMISSIONS));
	assert_true(target(&twente, JR_MON_SECURE_ADMISSIONS)->relative);
	assert_true(jr_monitor_budget(&twente.monitor, "0153", 2025, &cents));
	assert_int_equal(cents, 82000000LL * 100);
	assert_false(jr_monitor_budget(&twente.monitor, "0153", 2030, &cents));
	assert_false(jr_monitor_budget(&twente.monitor, "0307", 2025, &cents));
	assert_int_equal(amersfoort.monitor.main_budget_count, 14);
	assert_string_equal(amersfoort.monitor.main_budgets[0].provider, "MetMaya");
}

/* A bad section is refused with the path of the bad value. */
static void test_policy_monitor_refused(void **state)
{
	static const struct {
		const char *monitor, *path;
	} cases[] = {
		{"{\"targets\": [{\"indicator\": \"wait_days\", \"baseline\": {\"year\": 2023, "
		 "\"value\": 40}}]}",
		 "$.monitor.targets[0]"},
		{"{\"targets\": [{\"indicator\": \"wait_days\", \"baseline\": {\"year\": 2023, "
		 "\"value\": 40}, \"per_year\": {\"2026\": 30, \"2025\": 35}}]}",
		 "$.monitor.targets[0].per_year.2025"},
		{"{\"targets\": [{\"indicator\": \"wait_days\", \"baseline\": {\"year\": 2023, "
		 "\"value\": 40, \"municipalities\": {\"9999\": 3}}, "
		 "\"change_per_year_percent\": -5}]}",
		 "$.monitor.targets[0].baseline.municipalities.9999"},
		{"{\"targets\": [], \"budgets\": {\"20x5\": {}}}", "$.monitor.budgets.20x5"},
		{"{\"targets\": [], \"colour\": 1}", "$.monitor.colour"},
		{"{\"targets\": [{\"indicator\": \"wait_days\", \"baseline\": {\"year\": 2023, "
		 "\"value\": 40}, \"change_per_year_percent\": 5}, {\"indicator\": \"wait_days\", "
		 "\"baseline\": {\"year\": 2023, \"value\": 40}, \"change_per_year_percent\": 5}]}",
		 "$.monitor.targets[1].indicator"},
	};
	struct jr_buf file;
	struct jr_diag d;
	struct jr_policy *p = jr_calloc(1, sizeof(*p));
	char *text;
	size_t len;
	(void)state;

	assert_non_null(p);
	jr_buf_init(&file, 1 << 22);
	{
		FILE *f = fopen(JR_TEST_POLICY_DIR "/twente.json", "rb");
		char chunk[4096];
		size_t n;
		assert_non_null(f);
		while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
			assert_int_equal(jr_buf_append(&file, chunk, n), JR_OK);
		fclose(f);
	}
	/* the file without its monitor section: cut at the key, close the object */
	text = strstr(jr_buf_str(&file), ",\n  \"monitor\":");
	assert_non_null(text);
	len = (size_t)(text - jr_buf_str(&file));
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct jr_buf doc;
		jr_buf_init(&doc, 1 << 22);
		assert_int_equal(jr_buf_append(&doc, jr_buf_str(&file), len), JR_OK);
		assert_int_equal(jr_buf_printf(&doc, ", \"monitor\": %s}", cases[i].monitor), JR_OK);
		assert_int_equal(jr_policy_parse(jr_buf_str(&doc), doc.len, p, &d), JR_ERR_POLICY);
		assert_string_equal(d.path, cases[i].path);
		jr_buf_release(&doc);
	}
	/* and without one at all it loads, with no monitor */
	{
		struct jr_buf doc;
		jr_buf_init(&doc, 1 << 22);
		assert_int_equal(jr_buf_append(&doc, jr_buf_str(&file), len), JR_OK);
		assert_int_equal(jr_buf_append(&doc, "}", 1), JR_OK);
		assert_int_equal(jr_policy_parse(jr_buf_str(&doc), doc.len, p, &d), JR_OK);
		assert_false(p->monitor.present);
		jr_buf_release(&doc);
	}
	jr_buf_release(&file);
	jr_free(p);
}

static void test_line_relative(void **state)
{
	struct jr_mon_target t = {.indicator = JR_MON_SECURE_ADMISSIONS, .baseline_year = 2023,
				  .baseline_value = 100, .relative = true,
				  .change_percent = -10};
	double v;
	(void)state;

	assert_false(jr_mon_target_line(&t, -1, 2022, &v));
	assert_true(jr_mon_target_line(&t, -1, 2023, &v));
	assert_float_equal(v, 100, 1e-9);
	assert_true(jr_mon_target_line(&t, -1, 2025, &v));
	assert_float_equal(v, 81, 1e-9); /* compounded: 100 x 0.9 x 0.9 */
	/* a count has no line for a municipality without its own baseline */
	assert_false(jr_mon_target_line(&t, 3, 2025, &v));
	t.has_municipal_baseline[3] = true;
	t.municipal_baseline[3] = 10;
	assert_true(jr_mon_target_line(&t, 3, 2024, &v));
	assert_float_equal(v, 9, 1e-9);
}

static void test_line_per_year(void **state)
{
	struct jr_mon_target t = {.indicator = JR_MON_AT_HOME_SHARE, .baseline_year = 2023,
				  .baseline_value = 86, .point_count = 2,
				  .points = {{2026, 89}, {2028, 90}}};
	double v;
	(void)state;

	assert_true(jr_mon_target_line(&t, -1, 2024, &v));
	assert_float_equal(v, 87, 1e-9); /* a third of the way to 2026 */
	assert_true(jr_mon_target_line(&t, -1, 2026, &v));
	assert_float_equal(v, 89, 1e-9);
	assert_true(jr_mon_target_line(&t, -1, 2027, &v));
	assert_float_equal(v, 89.5, 1e-9);
	assert_true(jr_mon_target_line(&t, -1, 2031, &v));
	assert_float_equal(v, 90, 1e-9); /* after the last year: its value */
	/* a share applies to every municipality; its own baseline starts its line */
	assert_true(jr_mon_target_line(&t, 0, 2024, &v));
	assert_float_equal(v, 87, 1e-9);
	t.has_municipal_baseline[0] = true;
	t.municipal_baseline[0] = 80;
	assert_true(jr_mon_target_line(&t, 0, 2024, &v));
	assert_float_equal(v, 83, 1e-9);
}

static void test_on_track(void **state)
{
	(void)state;
	/* higher is better */
	assert_int_equal(jr_mon_on_track(JR_MON_AT_HOME_SHARE, true, 88, true, 88),
			 JR_MON_STATE_ON_TRACK);
	assert_int_equal(jr_mon_on_track(JR_MON_AT_HOME_SHARE, true, 87.9, true, 88),
			 JR_MON_STATE_OFF_TRACK);
	/* lower is better */
	assert_int_equal(jr_mon_on_track(JR_MON_WAIT_DAYS, true, 20, true, 28),
			 JR_MON_STATE_ON_TRACK);
	assert_int_equal(jr_mon_on_track(JR_MON_COMPULSORY_SHARE, true, 13, true, 12),
			 JR_MON_STATE_OFF_TRACK);
	/* no value (suppressed) or no line: unknown */
	assert_int_equal(jr_mon_on_track(JR_MON_WAIT_DAYS, false, 0, true, 28),
			 JR_MON_STATE_UNKNOWN);
	assert_int_equal(jr_mon_on_track(JR_MON_WAIT_DAYS, true, 10, false, 0),
			 JR_MON_STATE_UNKNOWN);
	assert_string_equal(jr_mon_state_label(JR_MON_STATE_ON_TRACK), "op koers");
	assert_string_equal(jr_mon_state_label(JR_MON_STATE_OFF_TRACK), "niet op koers");
	assert_string_equal(jr_mon_state_label(JR_MON_STATE_UNKNOWN), "onbekend");
}

static void test_expected_cents(void **state)
{
	int64_t c;
	(void)state;
	/* per day: 10 days of 260 euro */
	assert_true(jr_mon_expected_cents(26000, "etmaal", 0, "", 10, true, &c));
	assert_int_equal(c, 260000);
	/* per month: a year of 1600 euro a month */
	assert_true(jr_mon_expected_cents(160000, "maand", 0, "", 365, true, &c));
	assert_int_equal(c, 1920000);
	/* hours: 2 a week for 14 days at 78 euro */
	assert_true(jr_mon_expected_cents(7800, "uur", 2, "per week", 14, true, &c));
	assert_int_equal(c, 31200);
	/* hours without a volume: unknown */
	assert_false(jr_mon_expected_cents(7800, "uur", 0, "", 14, true, &c));
	assert_int_equal(c, 0);
	/* a trajectory counts once, in the year it starts */
	assert_true(jr_mon_expected_cents(500000, "traject", 0, "", 200, true, &c));
	assert_int_equal(c, 500000);
	assert_true(jr_mon_expected_cents(500000, "traject", 0, "", 200, false, &c));
	assert_int_equal(c, 0);
}

static void test_median(void **state)
{
	int a[] = {9, 1, 5}, b[] = {4, 1, 3, 2};
	(void)state;
	assert_int_equal(jr_mon_median(a, 3), 5);
	assert_int_equal(jr_mon_median(b, 4), 3); /* (2 + 3) / 2 rounded up */
}

/* Whether some hidden cell is alone in its row or column while that line's total is shown:
 * then it would follow from the total. */
static bool derivable(size_t R, size_t C, const bool *ch, const bool *rh, const bool *kh)
{
	for (size_t r = 0; r < R; r++) {
		size_t n = 0;
		for (size_t c = 0; c < C; c++)
			n += ch[r * C + c];
		if (n == 1 && !rh[r])
			return true;
	}
	for (size_t c = 0; c < C; c++) {
		size_t n = 0;
		for (size_t r = 0; r < R; r++)
			n += ch[r * C + c];
		if (n == 1 && !kh[c])
			return true;
	}
	return false;
}

static void test_suppress_grid(void **state)
{
	/* 4 municipalities x 3 forms; one cell of 2 */
	int64_t cells[12] = {20, 30, 40, 25, 2, 35, 50, 60, 70, 15, 16, 17};
	bool ch[12], rh[4], kh[3], gh;
	size_t hidden = 0;
	(void)state;

	assert_int_equal(jr_mon_suppress_grid(4, 3, cells, ch, rh, kh, &gh), JR_OK);
	assert_true(ch[4]);
	for (size_t i = 0; i < 12; i++)
		hidden += ch[i];
	assert_true(hidden >= 4); /* a small cell needs a rectangle of four */
	assert_false(derivable(4, 3, ch, rh, kh));
	for (size_t i = 0; i < 12; i++)
		if (ch[i])
			assert_true(cells[i] > 0); /* zeros are never hidden */

	/* no small cell: nothing hidden */
	{
		int64_t big[4] = {10, 20, 30, 40};
		bool c2[4], r2[2], k2[2], g2;
		assert_int_equal(jr_mon_suppress_grid(2, 2, big, c2, r2, k2, &g2), JR_OK);
		for (size_t i = 0; i < 4; i++)
			assert_false(c2[i]);
		assert_false(g2);
	}
	/* one column with its total: a small cell takes a second one with it */
	{
		int64_t col[4] = {3, 40, 50, 60};
		bool c3[4], r3[4], k3[1], g3;
		size_t n = 0;
		assert_int_equal(jr_mon_suppress_grid(4, 1, col, c3, r3, k3, &g3), JR_OK);
		for (size_t i = 0; i < 4; i++)
			n += c3[i];
		assert_true(c3[0]);
		assert_true(n >= 2 || k3[0]);
	}
}

/* The targets table: a municipality with a small part is hidden and so is one more, so that
 * the region's total does not give it away; the region's share is exact. */
static void test_targets_table(void **state)
{
	struct jr_mon_counts rows[14];
	struct jr_mon_table t;
	size_t at_home_hidden = 0;
	(void)state;

	memset(rows, 0, sizeof(rows));
	for (size_t m = 0; m < twente.municipality_count; m++) {
		snprintf(rows[m].municipality, sizeof(rows[m].municipality), "%s",
			 twente.municipalities[m].code);
		rows[m].children_in_care = 100;
		rows[m].children_away = m == 2 ? 3 : 12; /* Dinkelland: 3 away, small */
		rows[m].help_requests = 50;
		rows[m].settled = 20;
		rows[m].allocations = 40;
		rows[m].compulsory = 8;
		rows[m].secure_admissions = 6;
	}
	assert_int_equal(jr_mon_targets(&twente, 2026, rows, twente.municipality_count, NULL, &t), JR_OK);
	assert_int_equal(t.nrows, 5 * (twente.municipality_count + 1));
	for (size_t r = 0; r < t.nrows; r++) {
		const char *ind = jr_mon_table_get(&t, r, 2);
		const char *code = jr_mon_table_get(&t, r, 0);
		if (strcmp(ind, "at_home_share") != 0)
			continue;
		if (!jr_mon_table_get(&t, r, 7))
			at_home_hidden++;
		if (strcmp(code, "1774") == 0)
			assert_null(jr_mon_table_get(&t, r, 7));
		if (strcmp(code, "regio") == 0) {
			/* 14 x 100 in care, 13 x 12 + 3 away */
			assert_string_equal(jr_mon_table_get(&t, r, 9), "1400");
			assert_string_equal(jr_mon_table_get(&t, r, 8), "1241");
			assert_string_equal(jr_mon_table_get(&t, r, 7), "88.6");
			assert_string_equal(jr_mon_table_get(&t, r, 6), "88.0");
			assert_string_equal(jr_mon_table_get(&t, r, 11), "op koers");
		}
		if (strcmp(code, "0153") == 0 && jr_mon_table_get(&t, r, 7)) {
			assert_string_equal(jr_mon_table_get(&t, r, 7), "88.0");
			assert_string_equal(jr_mon_table_get(&t, r, 11), "op koers");
		}
	}
	assert_true(at_home_hidden >= 2);
	/* wait_days without waits: unknown everywhere */
	for (size_t r = 0; r < t.nrows; r++)
		if (strcmp(jr_mon_table_get(&t, r, 2), "wait_days") == 0)
			assert_string_equal(jr_mon_table_get(&t, r, 10), "unknown");
	jr_mon_table_release(&t);
}

static void test_write_formats(void **state)
{
	static const struct jr_mon_col cols[] = {{"name", "naam", false}, {"n", "aantal", true}};
	struct jr_mon_table t;
	struct jr_buf out;
	size_t r;
	(void)state;

	jr_mon_table_init(&t, "x", "Een tabel", cols, 2);
	assert_int_equal(jr_mon_table_row(&t, &r), JR_OK);
	jr_mon_table_text(&t, r, 0, "a;b");
	jr_mon_table_int(&t, r, 1, 12);
	assert_int_equal(jr_mon_table_row(&t, &r), JR_OK);
	jr_mon_table_text(&t, r, 0, "c");
	jr_buf_init(&out, 1 << 16);
	assert_int_equal(jr_mon_write(&out, JR_MON_CSV, "targets", &twente, "year", "2026", &t, 1),
			 JR_OK);
	assert_string_equal(jr_buf_str(&out), "naam;aantal\n\"a;b\";12\nc;\n");
	jr_buf_release(&out);
	jr_buf_init(&out, 1 << 16);
	assert_int_equal(jr_mon_write(&out, JR_MON_JSON, "targets", &twente, "year", "2026", &t, 1),
			 JR_OK);
	assert_non_null(strstr(jr_buf_str(&out), "\"rows\":[{\"name\":\"a;b\",\"n\":12},"
						 "{\"name\":\"c\",\"n\":null}]"));
	jr_buf_release(&out);
	jr_mon_table_release(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_policy_monitor_loaded),
		cmocka_unit_test(test_policy_monitor_refused),
		cmocka_unit_test(test_line_relative),
		cmocka_unit_test(test_line_per_year),
		cmocka_unit_test(test_on_track),
		cmocka_unit_test(test_expected_cents),
		cmocka_unit_test(test_median),
		cmocka_unit_test(test_suppress_grid),
		cmocka_unit_test(test_targets_table),
		cmocka_unit_test(test_write_formats),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
