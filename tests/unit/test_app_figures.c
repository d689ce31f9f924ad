/* Unit tests for app/figures.c: a role without the figures is refused, a period that ends
 * before it begins or is not one month, quarter or year is named, the table comes as JSON or
 * CSV, and tables and series are cut from one pattern. On the store fixture: SQLite,
 * or PostgreSQL with JR_TEST_DB_URL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "app/figures.h"
#include "app_test_context.h"
#include "demo/demo.h"

static int setup(void **state)
{
	(void)state;
	return ctx_setup("app-figures", ctx_day("2026-11-23"));
}

static int teardown(void **state)
{
	(void)state;
	return ctx_teardown();
}

static void test_refusals(void **state)
{
	struct jr_principal who = {.user_id = 4};
	struct jr_app_figures_query q = {.region = "twente"};
	struct jr_app as = app;
	struct jr_buf out;

	(void)state;
	jr_buf_init(&out, 1 << 20);
	q.from = app.today;
	q.to = app.today - 1;
	assert_int_equal(jr_app_figures(&app, &q, JR_APP_FIGURES_JSON, &out), JR_ERR_INPUT);
	assert_string_equal(diag.path, "from");
	/* twelve months up to a day: not one month, quarter or year (its margins would give
	 * hidden cells away); named, with what to choose instead */
	q.from = app.today - 364;
	q.to = app.today;
	assert_int_equal(jr_app_figures(&app, &q, JR_APP_FIGURES_JSON, &out), JR_ERR_INPUT);
	assert_string_equal(diag.path, "from");
	assert_non_null(strstr(diag.message, "één maand, één kwartaal of één kalenderjaar"));
	q.from = ctx_day("2026-03-01"); /* a month and a day */
	q.to = ctx_day("2026-04-01");
	assert_int_equal(jr_app_figures(&app, &q, JR_APP_FIGURES_JSON, &out), JR_ERR_INPUT);
	q.region[0] = '\0'; /* the command line, with the policies of two regions: name one */
	q.from = ctx_day("2026-01-01");
	q.to = ctx_day("2026-12-31");
	assert_int_equal(jr_app_figures(&app, &q, JR_APP_FIGURES_JSON, &out), JR_ERR_INPUT);
	assert_string_equal(diag.path, "region");
	snprintf(q.region, sizeof(q.region), "twente");
	snprintf(who.role, sizeof(who.role), "consulent");
	as.principal = &who;
	assert_int_equal(jr_app_figures(&as, &q, JR_APP_FIGURES_JSON, &out), JR_ERR_FORBIDDEN);
	jr_buf_release(&out);
}

static void test_json_and_csv(void **state)
{
	struct jr_principal who = {.user_id = 4};
	struct jr_app_figures_query q = {.region = ""};
	struct jr_app as = app;
	struct jr_buf out;

	(void)state;
	snprintf(who.role, sizeof(who.role), "policy");
	snprintf(who.municipality, sizeof(who.municipality), "0153"); /* Enschede: Twente */
	as.principal = &who;
	jr_buf_init(&out, 1 << 20);
	q.from = ctx_day("2026-01-01");
	q.to = ctx_day("2026-12-31");
	assert_int_equal(jr_app_figures(&as, &q, JR_APP_FIGURES_JSON, &out), JR_OK);
	assert_non_null(strstr(jr_buf_str(&out), "{\"period\":{\"from\":\"2026-01-01\","
						 "\"to\":\"2026-12-31\"},\"suppressed_below\":5"));
	assert_null(strstr(jr_buf_str(&out), "\"0307\"")); /* never another region's */
	jr_buf_reset(&out);
	q.from = ctx_day("2026-07-01"); /* a quarter */
	q.to = ctx_day("2026-09-30");
	assert_int_equal(jr_app_figures(&as, &q, JR_APP_FIGURES_CSV, &out), JR_OK);
	assert_null(strchr(jr_buf_str(&out), '{'));
	assert_memory_equal(jr_buf_str(&out), "gemeente;naam;cijfer;waarde\r\n", 29);
	jr_buf_release(&out);
}

/* The series: the fields of bad input are named, another region than the user's own is
 * refused, and the answer is the region's series per calendar period. */
static void test_series_refusals(void **state)
{
	struct jr_principal who = {.user_id = 4};
	struct jr_app_figures_query q = {.region = "twente", .grain = JR_APP_FIGURES_MONTH};
	struct jr_app as = app;
	struct jr_buf out;

	(void)state;
	jr_buf_init(&out, 1 << 20);
	q.from = ctx_day("2026-05-01");
	q.to = ctx_day("2026-04-30");
	assert_int_equal(jr_app_figures_series(&app, &q, JR_APP_FIGURES_JSON, &out), JR_ERR_INPUT);
	assert_string_equal(diag.path, "from");
	q.to = ctx_day("2026-06-30");
	q.grain = (enum jr_app_figures_grain)7;
	assert_int_equal(jr_app_figures_series(&app, &q, JR_APP_FIGURES_JSON, &out), JR_ERR_INPUT);
	assert_string_equal(diag.path, "grain");
	q.grain = JR_APP_FIGURES_MONTH;
	snprintf(q.region, sizeof(q.region), "atlantis");
	assert_int_equal(jr_app_figures_series(&app, &q, JR_APP_FIGURES_JSON, &out), JR_ERR_INPUT);
	assert_string_equal(diag.path, "region");
	q.region[0] = '\0'; /* the command line has no region of its own */
	assert_int_equal(jr_app_figures_series(&app, &q, JR_APP_FIGURES_JSON, &out), JR_ERR_INPUT);
	assert_string_equal(diag.path, "region");
	q.from = ctx_day("2010-01-01");
	snprintf(q.region, sizeof(q.region), "twente");
	assert_int_equal(jr_app_figures_series(&app, &q, JR_APP_FIGURES_JSON, &out), JR_ERR_INPUT);
	assert_string_equal(diag.path, "to");
	/* a policy maker of Twente (a municipality of Twente) asks for Amersfoort */
	snprintf(who.role, sizeof(who.role), "policy");
	snprintf(who.municipality, sizeof(who.municipality), "0141");
	as.principal = &who;
	q.from = ctx_day("2026-01-01");
	snprintf(q.region, sizeof(q.region), "amersfoort");
	assert_int_equal(jr_app_figures_series(&as, &q, JR_APP_FIGURES_JSON, &out),
			 JR_ERR_FORBIDDEN);
	/* a consulent has no figures at all */
	snprintf(who.role, sizeof(who.role), "consulent");
	snprintf(q.region, sizeof(q.region), "twente");
	assert_int_equal(jr_app_figures_series(&as, &q, JR_APP_FIGURES_JSON, &out),
			 JR_ERR_FORBIDDEN);
	jr_buf_release(&out);
}

static void test_series_json_and_csv(void **state)
{
	struct jr_principal who = {.user_id = 4};
	struct jr_app_figures_query q = {.grain = JR_APP_FIGURES_QUARTER};
	struct jr_app as = app;
	struct jr_buf out;
	enum jr_app_figures_grain g;
	const char *s;

	(void)state;
	assert_int_equal(jr_app_figures_grain_parse("kwartaal", &g), JR_OK);
	assert_int_equal(g, JR_APP_FIGURES_QUARTER);
	assert_int_equal(jr_app_figures_grain_parse("week", &g), JR_ERR_INPUT);
	assert_string_equal(jr_app_figures_grain_word(JR_APP_FIGURES_YEAR), "jaar");
	snprintf(who.role, sizeof(who.role), "policy");
	snprintf(who.municipality, sizeof(who.municipality), "0307");
	as.principal = &who;
	jr_buf_init(&out, 1 << 22);
	q.from = ctx_day("2026-02-15");
	q.to = ctx_day("2026-11-23");
	/* no region asked for: the user's own, Amersfoort */
	assert_int_equal(jr_app_figures_series(&as, &q, JR_APP_FIGURES_JSON, &out), JR_OK);
	s = jr_buf_str(&out);
	/* whole quarters: from back to the first of its quarter, to on to the last day of its own */
	assert_non_null(strstr(s, "{\"region\":\"amersfoort\",\"from\":\"2026-01-01\","
				  "\"to\":\"2026-12-31\",\"grain\":\"kwartaal\""));
	assert_non_null(strstr(s, "{\"period\":\"2026-K1\",\"from\":\"2026-01-01\","
				  "\"to\":\"2026-03-31\",\"rows\":[{\"municipality\":\"0307\""));
	assert_non_null(strstr(s, "{\"period\":\"2026-K4\",\"from\":\"2026-10-01\","
				  "\"to\":\"2026-12-31\""));
	assert_null(strstr(s, "2026-K5"));
	assert_null(strstr(s, "\"0141\"")); /* never a municipality of another region */
	jr_buf_reset(&out);
	assert_int_equal(jr_app_figures_series(&as, &q, JR_APP_FIGURES_CSV, &out), JR_OK);
	s = jr_buf_str(&out);
	assert_memory_equal(s, "gemeentecode;gemeente;periode;indicator;waarde\r\n", 48);
	assert_non_null(strstr(s, "\r\n0307;Amersfoort;2026-K1;help_requests;"));
	assert_non_null(strstr(s, "\r\n;regio;2026-K4;help_requests;"));
	assert_null(strstr(s, "0141;"));
	jr_buf_release(&out);
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* Whether two lists hold the same values (in any order). */
static void assert_same_list(int *a, size_t na, int *b, size_t nb)
{
	assert_int_equal(na, nb);
	if (!na)
		return;
	qsort(a, na, sizeof(*a), cmp_int);
	qsort(b, nb, sizeof(*b), cmp_int);
	assert_memory_equal(a, b, na * sizeof(*a));
}

/* Rows a[0..na] and b[0..nb] of one period hold the same municipalities with the same counts
 * and lists (in any order). */
static void assert_same_rows(struct jr_figures_raw *a, size_t na, struct jr_figures_raw *b,
			     size_t nb)
{
	assert_int_equal(na, nb);
	for (size_t i = 0; i < na; i++) {
		struct jr_figures_raw *x = &a[i], *y = NULL;
		for (size_t k = 0; k < nb; k++)
			if (strcmp(b[k].municipality, x->municipality) == 0)
				y = &b[k];
		assert_non_null(y);
		/* the counts: every field before the lists */
		assert_memory_equal(x, y, offsetof(struct jr_figures_raw, wait_allocation_days));
		assert_same_list(x->wait_allocation_days, x->wait_allocation_count,
				 y->wait_allocation_days, y->wait_allocation_count);
		assert_same_list(x->wait_start_days, x->wait_start_count, y->wait_start_days,
				 y->wait_start_count);
		assert_same_list(x->satisfaction, x->satisfaction_count, y->satisfaction,
				 y->satisfaction_count);
	}
}

/* The series reads the records once for the whole range and puts each row into its period:
 * every period's raw rows are those of the same period read alone (issue 16, the speed of a
 * series). On a demo region over three years, per quarter and per month. */
static void test_series_equals_single_periods(void **state)
{
	enum { MAX = 64, NP = 40 };
	static struct jr_figures_raw series[NP * MAX], single[MAX];
	struct jr_demo_options o = {.store = ctx_store, .actor = &fx_actor, .seed = 7,
				    .today = ctx_day("2026-11-23"), .youths = 600, .years = 3};
	size_t counts[NP], count, np, compared = 0;
	int64_t kinds[6] = {0};
	jr_day from[NP], to[NP];
	struct jr_demo *d;

	(void)state;
	for (size_t i = 0; i < ctx_set.count && !o.policy; i++)
		if (strcmp(ctx_set.policies[i]->id, "twente") == 0)
			o.policy = ctx_set.policies[i];
	assert_non_null(o.policy);
	assert_non_null(d = jr_demo_new(&o));
	assert_int_equal(jr_demo_prepare(d), JR_OK);
	assert_int_equal(jr_demo_load(d), JR_OK);
	jr_demo_free(d);
	for (int grain = 0; grain < 2; grain++) {
		/* quarters from 2024-02-15 (the first one cut), then months of 2025-2026 */
		jr_day day = grain ? ctx_day("2025-01-01") : ctx_day("2024-02-15");
		for (np = 0; np < NP && day <= o.today; np++) {
			int y, m, dd;
			jr_date_to_ymd(day, &y, &m, &dd);
			from[np] = day;
			day = grain ? jr_date_add_months(jr_date_from_ymd(y, m, 1), 1)
				    : jr_date_add_months(jr_date_from_ymd(y, (m - 1) / 3 * 3 + 1, 1), 3);
			to[np] = day - 1 < o.today ? day - 1 : o.today;
		}
		assert_int_equal(jr_store_figures_series(ctx_store, &fx_actor, from, to, np, series,
							 MAX, counts),
				 JR_OK);
		for (size_t p = 0; p < np; p++) {
			assert_int_equal(jr_store_figures(ctx_store, &fx_actor, from[p], to[p], single,
							  MAX, &count),
					 JR_OK);
			assert_same_rows(single, count, series + p * MAX, counts[p]);
			for (size_t i = 0; i < count; i++) {
				struct jr_figures_raw *a = &single[i];
				compared++;
				kinds[0] += a->help_requests;
				kinds[1] += a->children_in_care;
				kinds[2] += a->care_ended;
				kinds[3] += a->children_with_repeat_request;
				kinds[4] += (int64_t)a->wait_allocation_count;
				kinds[5] += a->settled_without_youth_care;
			}
			jr_store_figures_release(single, count);
			jr_store_figures_release(series + p * MAX, counts[p]);
		}
	}
	assert_true(compared > 100);
	for (int k = 0; k < 6; k++) /* the demo gives every kind of count something to be */
		assert_true(kinds[k] > 0);
	/* periods that are not consecutive are refused */
	to[0] = from[1];
	assert_int_equal(jr_store_figures_series(ctx_store, &fx_actor, from, to, 2, series, MAX,
						 counts),
			 JR_ERR_INPUT);
}

/* The pattern's one read of the months, quarters and years together puts every record where
 * a read of each level alone does (2024-2025 of the demo region of the test before). */
static void test_levels_equal_separate_reads(void **state)
{
	enum { MAX = 64, NM = 24 };
	static struct jr_figures_raw together[3][NM * MAX], alone[NM * MAX];
	static const size_t per[3] = {12, 4, 1};
	jr_day from[3][NM], to[3][NM];
	size_t counts[3][NM], acounts[NM];
	struct jr_store_figures_level levels[3];

	(void)state;
	for (int l = 0; l < 3; l++) {
		jr_day d = ctx_day("2024-01-01");
		for (size_t i = 0; i < 2 * per[l]; i++) {
			from[l][i] = d;
			d = jr_date_add_months(d, (int)(12 / per[l]));
			to[l][i] = d - 1;
		}
		levels[l] = (struct jr_store_figures_level){from[l], to[l], 2 * per[l], together[l],
							    MAX, counts[l]};
	}
	assert_int_equal(jr_store_figures_levels(ctx_store, &fx_actor, levels, 3), JR_OK);
	for (int l = 0; l < 3; l++) {
		size_t np = 2 * per[l];
		assert_int_equal(jr_store_figures_series(ctx_store, &fx_actor, from[l], to[l], np,
							 alone, MAX, acounts),
				 JR_OK);
		for (size_t p = 0; p < np; p++) {
			assert_same_rows(alone + p * MAX, acounts[p], together[l] + p * MAX,
					 counts[l][p]);
			jr_store_figures_release(alone + p * MAX, acounts[p]);
			jr_store_figures_release(together[l] + p * MAX, counts[l][p]);
		}
	}
	/* series over different ranges are refused */
	levels[2].np = 1;
	assert_int_equal(jr_store_figures_levels(ctx_store, &fx_actor, levels, 3), JR_ERR_INPUT);
}

/* A table and a series are cut from one pattern: the table of the second quarter of 2025 is
 * that quarter of the series per quarter, null for null, on the demo region of the test
 * before; and the months of a year and the year hide, per figure, none or at least two. */
static void test_table_and_series_one_pattern(void **state)
{
	struct jr_app_figures_query q = {.region = "twente", .grain = JR_APP_FIGURES_QUARTER};
	struct jr_buf table, series;
	const char *rows, *end;
	size_t len;

	(void)state;
	jr_buf_init(&table, 1 << 22);
	jr_buf_init(&series, 1 << 22);
	q.from = ctx_day("2025-04-01");
	q.to = ctx_day("2025-06-30");
	assert_int_equal(jr_app_figures(&app, &q, JR_APP_FIGURES_JSON, &table), JR_OK);
	q.from = ctx_day("2025-01-01");
	q.to = ctx_day("2025-12-31");
	assert_int_equal(jr_app_figures_series(&app, &q, JR_APP_FIGURES_JSON, &series), JR_OK);
	rows = strstr(jr_buf_str(&table), "\"rows\":[");
	assert_non_null(rows);
	end = strrchr(rows, ']');
	assert_non_null(end);
	len = (size_t)(end - rows) + 1;
	assert_true(len > 100);
	rows = strstr(jr_buf_str(&series), "\"period\":\"2025-K2\"");
	assert_non_null(rows);
	rows = strstr(rows, "\"rows\":[");
	assert_non_null(rows);
	assert_memory_equal(rows, strstr(jr_buf_str(&table), "\"rows\":["), len);
	jr_buf_release(&table);
	jr_buf_release(&series);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_json_and_csv),
		cmocka_unit_test(test_series_refusals),
		cmocka_unit_test(test_series_json_and_csv),
		cmocka_unit_test(test_series_equals_single_periods),
		cmocka_unit_test(test_levels_equal_separate_reads),
		cmocka_unit_test(test_table_and_series_one_pattern),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
