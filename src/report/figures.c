/* figures: the published figures from the raw counts, with small cells suppressed (figures.h). */
#include "report/figures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"

/* One value of the figures: a count, a share (0..1) or a number of days; `shown` false when
 * suppressed. */
struct value {
	bool shown;
	double v;
	bool is_share;
};

static struct value count_of(int64_t n)
{
	return (struct value){.shown = n == 0 || n >= JR_FIGURES_SMALL, .v = (double)n};
}

static struct value share_of(int64_t part, int64_t whole)
{
	return (struct value){.shown = whole >= JR_FIGURES_SMALL,
			      .v = whole ? (double)part / (double)whole : 0, .is_share = true};
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* The p-th percentile (nearest rank) of n values, sorted in place. */
static struct value percentile(int *days, size_t n, int p)
{
	size_t rank;

	if (n < JR_FIGURES_SMALL)
		return (struct value){.shown = false};
	qsort(days, n, sizeof(*days), cmp_int);
	rank = (n * (size_t)p + 99) / 100;
	return (struct value){.shown = true, .v = days[rank ? rank - 1 : 0]};
}

/* The region as a whole: the sum of the municipalities (waiting lists concatenated). */
static enum jr_err region_total(const struct jr_figures_raw *rows, size_t count,
				struct jr_figures_raw *t)
{
	memset(t, 0, sizeof(*t));
	for (size_t i = 0; i < count; i++) {
		const struct jr_figures_raw *r = &rows[i];
		t->help_requests += r->help_requests;
		t->settled_without_youth_care += r->settled_without_youth_care;
		for (int f = 0; f <= JR_FORM_COUNT; f++)
			t->children_by_form[f] += r->children_by_form[f];
		t->children_in_care += r->children_in_care;
		t->children_away_from_home += r->children_away_from_home;
		t->allocations_compulsory += r->allocations_compulsory;
		t->allocations_voluntary += r->allocations_voluntary;
		for (int k = 0; k < 9; k++)
			t->referrals_by_type[k] += r->referrals_by_type[k];
		t->care_ended += r->care_ended;
		for (int k = 0; k < 3; k++)
			t->goals[k] += r->goals[k];
		t->continued_without_help += r->continued_without_help;
		t->children_with_request += r->children_with_request;
		t->children_with_repeat_request += r->children_with_repeat_request;
		t->wait_allocation_count += r->wait_allocation_count;
		t->wait_start_count += r->wait_start_count;
	}
	t->wait_allocation_days = jr_malloc((t->wait_allocation_count + 1) * sizeof(int));
	t->wait_start_days = jr_malloc((t->wait_start_count + 1) * sizeof(int));
	if (!t->wait_allocation_days || !t->wait_start_days)
		return JR_ERR_NOMEM;
	t->wait_allocation_count = t->wait_start_count = 0;
	for (size_t i = 0; i < count; i++) {
		if (rows[i].wait_allocation_count)
			memcpy(t->wait_allocation_days + t->wait_allocation_count,
			       rows[i].wait_allocation_days, rows[i].wait_allocation_count * sizeof(int));
		t->wait_allocation_count += rows[i].wait_allocation_count;
		if (rows[i].wait_start_count)
			memcpy(t->wait_start_days + t->wait_start_count, rows[i].wait_start_days,
			       rows[i].wait_start_count * sizeof(int));
		t->wait_start_count += rows[i].wait_start_count;
	}
	return JR_OK;
}

/* The figures of one row, by name, in a fixed order: what both writers walk. */
#define FIGURES_MAX 48
struct figure {
	char name[48];
	struct value value;
};

static size_t figures_of(struct jr_figures_raw *r, struct figure *out)
{
	size_t n = 0;
	int64_t light = 0, heavy = 0, measured;

#define PUT(nm, val)                                                                               \
	do {                                                                                       \
		snprintf(out[n].name, sizeof(out[n].name), "%s", (nm));                            \
		out[n++].value = (val);                                                            \
	} while (0)
	PUT("help_requests", count_of(r->help_requests));
	PUT("settled_without_youth_care_share",
	    share_of(r->settled_without_youth_care, r->help_requests));
	PUT("children_in_youth_care", count_of(r->children_in_care));
	for (int f = 1; f <= JR_FORM_COUNT; f++) {
		char name[48];
		snprintf(name, sizeof(name), "children_form_%d", f);
		PUT(name, count_of(r->children_by_form[f]));
		if (f <= 3)
			light += r->children_by_form[f];
		else
			heavy += r->children_by_form[f];
	}
	PUT("light_share", share_of(light, light + heavy));
	PUT("heavy_share", share_of(heavy, light + heavy));
	PUT("children_away_from_home", count_of(r->children_away_from_home));
	measured = r->allocations_compulsory + r->allocations_voluntary;
	PUT("allocations_compulsory", count_of(r->allocations_compulsory));
	PUT("allocations_voluntary", count_of(r->allocations_voluntary));
	PUT("compulsory_share", share_of(r->allocations_compulsory, measured));
	for (int k = 1; k <= 8; k++) {
		char name[48];
		if (k == 7)
			continue; /* COD327 07 is not in use */
		snprintf(name, sizeof(name), "referrals_type_%02d", k);
		PUT(name, count_of(r->referrals_by_type[k]));
	}
	PUT("wait_referral_to_allocation_days_median",
	    percentile(r->wait_allocation_days, r->wait_allocation_count, 50));
	PUT("wait_referral_to_allocation_days_p90",
	    percentile(r->wait_allocation_days, r->wait_allocation_count, 90));
	PUT("wait_allocation_to_start_days_median",
	    percentile(r->wait_start_days, r->wait_start_count, 50));
	PUT("wait_allocation_to_start_days_p90",
	    percentile(r->wait_start_days, r->wait_start_count, 90));
	PUT("care_ended", count_of(r->care_ended));
	PUT("goals_reached_share", share_of(r->goals[0], r->care_ended));
	PUT("goals_partly_share", share_of(r->goals[1], r->care_ended));
	PUT("goals_not_reached_share", share_of(r->goals[2], r->care_ended));
	PUT("continued_without_help_share", share_of(r->continued_without_help, r->care_ended));
	PUT("repeat_request_share",
	    share_of(r->children_with_repeat_request, r->children_with_request));
#undef PUT
	return n;
}

static enum jr_err put_value(struct jr_buf *b, struct value v)
{
	if (!v.shown)
		return jr_buf_puts(b, "null");
	if (v.is_share) {
		int permille = (int)(v.v * 1000 + 0.5);
		return jr_buf_printf(b, "%d.%03d", permille / 1000, permille % 1000);
	}
	return jr_buf_printf(b, "%lld", (long long)v.v);
}

static enum jr_err row_json(struct jr_buf *b, struct jr_figures_raw *r, const char *code,
			    const char *name)
{
	struct figure f[FIGURES_MAX];
	size_t n = figures_of(r, f);
	enum jr_err err;

	err = jr_buf_puts(b, "{\"municipality\":");
	if (!err)
		err = code ? jr_buf_printf(b, "\"%s\"", code) : jr_buf_puts(b, "null");
	if (!err)
		err = jr_buf_puts(b, ",\"name\":");
	if (!err)
		err = jr_buf_json_string(b, name);
	for (size_t i = 0; !err && i < n; i++) {
		err = jr_buf_printf(b, ",\"%s\":", f[i].name);
		if (!err)
			err = put_value(b, f[i].value);
	}
	if (!err)
		err = jr_buf_putc(b, '}');
	return err;
}

enum jr_err jr_figures_json(struct jr_buf *out, const struct jr_figures_raw *rows, size_t count,
			    jr_day from, jr_day to, jr_municipality_name_fn name, void *ctx)
{
	struct jr_figures_raw *copy = jr_calloc(count + 1, sizeof(*copy));
	char f[JR_DATE_STRLEN], t[JR_DATE_STRLEN];
	enum jr_err err = JR_ERR_NOMEM;

	if (!copy)
		return err;
	/* percentiles sort the waiting lists: work on copies of the rows' headers (the lists are
	 * sorted in place, which does not change what they hold) */
	if (count)
		memcpy(copy, rows, count * sizeof(*copy));
	if ((err = region_total(rows, count, &copy[count])))
		goto out;
	jr_date_format(from, f);
	jr_date_format(to, t);
	err = jr_buf_printf(out, "{\"period\":{\"from\":\"%s\",\"to\":\"%s\"},\"suppressed_below\":%d,"
				 "\"rows\":[",
			    f, t, JR_FIGURES_SMALL);
	for (size_t i = 0; !err && i < count; i++) {
		const char *nm = name(ctx, copy[i].municipality);
		err = i ? jr_buf_putc(out, ',') : JR_OK;
		if (!err)
			err = row_json(out, &copy[i], copy[i].municipality, nm ? nm : "");
	}
	if (!err && count)
		err = jr_buf_putc(out, ',');
	if (!err)
		err = row_json(out, &copy[count], NULL, "regio");
	if (!err)
		err = jr_buf_puts(out, "]}\n");
out:
	jr_free(copy[count].wait_allocation_days);
	jr_free(copy[count].wait_start_days);
	jr_free(copy);
	return err;
}

enum jr_err jr_figures_csv(struct jr_buf *out, const struct jr_figures_raw *rows, size_t count,
			   jr_municipality_name_fn name, void *ctx)
{
	struct jr_figures_raw *copy = jr_calloc(count + 1, sizeof(*copy));
	enum jr_err err = JR_ERR_NOMEM;

	if (!copy)
		return err;
	if (count)
		memcpy(copy, rows, count * sizeof(*copy));
	if ((err = region_total(rows, count, &copy[count])))
		goto out;
	err = jr_buf_puts(out, "gemeente;naam;cijfer;waarde\r\n");
	for (size_t i = 0; !err && i <= count; i++) {
		struct figure f[FIGURES_MAX];
		size_t n = figures_of(&copy[i], f);
		const char *nm = i < count ? name(ctx, copy[i].municipality) : "regio";
		for (size_t k = 0; !err && k < n; k++) {
			err = jr_buf_printf(out, "%s;%s;%s;", i < count ? copy[i].municipality : "",
					    nm ? nm : "", f[k].name);
			if (!err && f[k].value.shown)
				err = put_value(out, f[k].value);
			if (!err)
				err = jr_buf_puts(out, "\r\n");
		}
	}
out:
	jr_free(copy[count].wait_allocation_days);
	jr_free(copy[count].wait_start_days);
	jr_free(copy);
	return err;
}
