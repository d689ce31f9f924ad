/* figures: the regional figures as one use case (see figures.h). */
#include "app/figures.h"

#include <stdio.h>
#include <string.h>

#include "app/access.h"
#include "json/policy_set.h"
#include "core/alloc.h"
#include "core/region.h"
#include "report/figures.h"

/* Names as the version in force at the end of the period names them (principle 11). */
struct names {
	const struct jr_policy_set *set;
	jr_day day;
};

static const char *municipality_name(void *ctx, const char *code)
{
	const struct names *n = ctx;

	return jr_region_municipality_name(n->set, code, n->day);
}

/* ---- series ---------------------------------------------------------------------------- */

static const char *const grain_words[] = {"maand", "kwartaal", "jaar"};

enum jr_err jr_app_figures_grain_parse(const char *text, enum jr_app_figures_grain *out)
{
	for (int g = 0; g < 3; g++)
		if (text && strcmp(text, grain_words[g]) == 0) {
			*out = (enum jr_app_figures_grain)g;
			return JR_OK;
		}
	return JR_ERR_INPUT;
}

const char *jr_app_figures_grain_word(enum jr_app_figures_grain grain)
{
	return grain >= JR_APP_FIGURES_MONTH && grain <= JR_APP_FIGURES_YEAR ? grain_words[grain]
									     : "";
}

/* The calendar period of `grain` that holds day d: its first day in *start and the first day
 * of the next one returned; the label in `label`. */
static jr_day period_of(jr_day d, enum jr_app_figures_grain grain, jr_day *start, char *label,
			size_t cap)
{
	int y, m, dd;

	jr_date_to_ymd(d, &y, &m, &dd);
	/* bounded, for the label (and for the compiler's check of its size) */
	y = y < 0 ? 0 : y > 9999 ? 9999 : y;
	m = m < 1 ? 1 : m > 12 ? 12 : m;
	switch (grain) {
	case JR_APP_FIGURES_MONTH:
		*start = jr_date_from_ymd(y, m, 1);
		snprintf(label, cap, "%04d-%02d", y, m);
		return jr_date_add_months(*start, 1);
	case JR_APP_FIGURES_QUARTER:
		*start = jr_date_from_ymd(y, (m - 1) / 3 * 3 + 1, 1);
		snprintf(label, cap, "%04d-K%c", y, (char)('1' + (m - 1) / 3));
		return jr_date_add_months(*start, 3);
	default:
		*start = jr_date_from_ymd(y, 1, 1);
		snprintf(label, cap, "%04d", y);
		return jr_date_from_ymd(y + 1, 1, 1);
	}
}

/* Whether any version of region `id` is among the policies. */
static bool region_known(const struct jr_policy_set *set, const char *id)
{
	for (size_t i = 0; set && i < set->count; i++)
		if (strcmp(set->policies[i]->id, id) == 0)
			return true;
	return false;
}

/* The id of the one region of the policies in *id (JR_ID_MAX); false when there are several. */
static bool only_region(const struct jr_policy_set *set, char *id)
{
	for (size_t i = 0; set && i < set->count; i++)
		if (strcmp(set->policies[i]->id, set->policies[0]->id) != 0)
			return false;
	if (!set || !set->count)
		return false;
	snprintf(id, JR_ID_MAX, "%s", set->policies[0]->id);
	return true;
}

/* The municipalities of region `id`: of every version, each once, in the policy's order. */
static size_t region_municipalities(const struct jr_policy_set *set, const char *id,
				    char codes[][5], size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < set->count; i++) {
		const struct jr_policy *p = set->policies[i];
		if (strcmp(p->id, id) != 0)
			continue;
		for (size_t k = 0; k < p->municipality_count; k++) {
			size_t j;
			for (j = 0; j < n && strcmp(codes[j], p->municipalities[k].code) != 0; j++)
				;
			if (j == n && n < max)
				memcpy(codes[n++], p->municipalities[k].code, 5);
		}
	}
	return n;
}

/* The region of the series: the one asked for, which must be the user's own when the user
 * belongs to a region; or, when none is asked for, the user's own. */
static enum jr_err series_region(struct jr_app *app, const struct jr_app_figures_query *q,
				 char *region)
{
	const struct jr_policy *own = NULL;

	if (app->principal && app->principal->municipality[0])
		own = jr_policy_set_find(app->policies, app->principal->municipality, q->to);
	if (q->region[0]) {
		if (!region_known(app->policies, q->region))
			return jr_app_fail(app, JR_ERR_INPUT, "region", "onbekende regio '%s'",
					   q->region);
		if (app->principal && (!own || strcmp(own->id, q->region) != 0))
			return jr_app_fail(app, JR_ERR_FORBIDDEN, "region",
					   "u ziet alleen de cijfers van uw eigen regio");
		snprintf(region, JR_ID_MAX, "%s", q->region);
		return JR_OK;
	}
	if (!own && !app->principal && only_region(app->policies, region))
		return JR_OK; /* the command line, with the policies of one region */
	if (!own && app->principal)
		return jr_app_fail(app, JR_ERR_INPUT, "region",
				   "uw organisatie hoort bij geen regio: de cijfers zijn er per regio, "
				   "voor wie bij die regio hoort");
	if (!own)
		return jr_app_fail(app, JR_ERR_INPUT, "region", "kies een regio");
	snprintf(region, JR_ID_MAX, "%s", own->id);
	return JR_OK;
}

/* One period's rows: the region's municipalities (each, also without records), from the
 * store's rows of every municipality. */
static void period_rows(const struct jr_figures_raw *all, size_t nall, char codes[][5],
			size_t ncodes, struct jr_figures_raw *rows)
{
	for (size_t i = 0; i < ncodes; i++) {
		size_t k;
		for (k = 0; k < nall && strcmp(all[k].municipality, codes[i]) != 0; k++)
			;
		if (k < nall) {
			rows[i] = all[k];
		} else {
			memset(&rows[i], 0, sizeof(rows[i]));
			memcpy(rows[i].municipality, codes[i], 5);
		}
	}
}

enum { STORE_ROWS = JR_MUNICIPALITY_MAX * 4 }; /* the store's rows of one period, at most */
static const size_t per_year[3] = {12, 4, 1};

void jr_app_figures_pattern_release(struct jr_app_figures_pattern *pt)
{
	jr_figures_years_release(pt->y);
	for (int l = 0; l < 3; l++) {
		size_t np = pt->years * per_year[l];
		for (size_t i = 0; pt->all[l] && pt->nall[l] && i < np; i++)
			jr_store_figures_release(pt->all[l] + i * STORE_ROWS, pt->nall[l][i]);
		jr_free(pt->period[l]);
		jr_free(pt->all[l]);
		jr_free(pt->nall[l]);
		jr_free(pt->rows[l]);
	}
	memset(pt, 0, sizeof(*pt));
}

enum jr_err jr_app_figures_pattern_make(struct jr_app *app, const char *region, int first_year,
					size_t years, struct jr_app_figures_pattern *pt)
{
	char codes[JR_MUNICIPALITY_MAX][5];
	const struct jr_figures_period *levels[3];
	struct jr_store_figures_level read[3];
	size_t ncodes = region_municipalities(app->policies, region, codes, JR_MUNICIPALITY_MAX);
	jr_day *from[3] = {NULL}, *to[3] = {NULL};
	enum jr_err err = JR_OK;

	memset(pt, 0, sizeof(*pt));
	pt->first_year = first_year;
	pt->years = years;
	for (int l = 0; l < 3; l++) {
		size_t np = years * per_year[l];
		jr_day start = jr_date_from_ymd(first_year, 1, 1);
		pt->period[l] = jr_calloc(np, sizeof(*pt->period[l]));
		pt->all[l] = jr_calloc(np * STORE_ROWS, sizeof(*pt->all[l]));
		pt->nall[l] = jr_calloc(np, sizeof(*pt->nall[l]));
		pt->rows[l] = jr_calloc(np * (ncodes + 1), sizeof(*pt->rows[l]));
		from[l] = jr_calloc(np, sizeof(*from[l]));
		to[l] = jr_calloc(np, sizeof(*to[l]));
		if (!pt->period[l] || !pt->all[l] || !pt->nall[l] || !pt->rows[l] || !from[l] ||
		    !to[l]) {
			err = JR_ERR_NOMEM;
			goto out;
		}
		for (size_t i = 0; i < np; i++) {
			struct jr_figures_period *p = &pt->period[l][i];
			jr_day next = period_of(start, (enum jr_app_figures_grain)l, &p->from,
						p->label, sizeof(p->label));
			p->to = next - 1;
			from[l][i] = p->from;
			to[l][i] = p->to;
			start = next;
		}
		read[l] = (struct jr_store_figures_level){from[l], to[l], np, pt->all[l], STORE_ROWS,
							  pt->nall[l]};
		levels[l] = pt->period[l];
	}
	/* one read of the records for the months, the quarters and the years at once */
	if ((err = jr_store_figures_levels(app->store, app->actor, read, 3)))
		goto out;
	for (int l = 0; l < 3; l++)
		for (size_t i = 0; i < years * per_year[l]; i++) {
			period_rows(pt->all[l] + i * STORE_ROWS, pt->nall[l][i], codes, ncodes,
				    pt->rows[l] + i * (ncodes + 1));
			pt->period[l][i].rows = pt->rows[l] + i * (ncodes + 1);
			pt->period[l][i].count = ncodes;
		}
	err = jr_figures_years_make(levels, years, &pt->y);
out:
	for (int l = 0; l < 3; l++) {
		jr_free(from[l]);
		jr_free(to[l]);
	}
	return err;
}

static int year_of(jr_day d)
{
	int y, m, dd;

	jr_date_to_ymd(d, &y, &m, &dd);
	return y;
}

/* The index within its year of the period of `grain` that begins on day d. */
static size_t index_in_year(jr_day d, enum jr_app_figures_grain grain)
{
	int y, m, dd;

	jr_date_to_ymd(d, &y, &m, &dd);
	return grain == JR_APP_FIGURES_MONTH     ? (size_t)(m - 1)
	       : grain == JR_APP_FIGURES_QUARTER ? (size_t)(m - 1) / 3
						 : 0;
}

/* At most this many calendar years in one answer (the pattern is made over all of them). */
#define YEARS_MAX (JR_APP_FIGURES_PERIODS_MAX / 12)

/* The region (asked, or the user's own, or the only one) and the years of from..to. */
static enum jr_err query_check(struct jr_app *app, const struct jr_app_figures_query *q,
			       char *region)
{
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_FIGURES)))
		return err;
	if (q->from > q->to)
		return jr_app_fail(app, JR_ERR_INPUT, "from", "het begin ligt na het einde");
	if (!app->policies)
		return jr_app_fail(app, JR_ERR_INPUT, "region", "geen beleid geladen");
	if ((err = series_region(app, q, region)))
		return err;
	if (year_of(q->to) - year_of(q->from) + 1 > YEARS_MAX)
		return jr_app_fail(app, JR_ERR_INPUT, "to",
				   "te veel perioden: ten hoogste %d kalenderjaren (%d maanden); "
				   "kies een kortere periode",
				   YEARS_MAX, JR_APP_FIGURES_PERIODS_MAX);
	return JR_OK;
}

static enum jr_err too_big(struct jr_app *app, enum jr_err err)
{
	if (err == JR_ERR_TOO_BIG)
		return jr_app_fail(app, err, NULL,
				   "de cijfers zijn per regio: de regio heeft meer dan %d gemeenten",
				   JR_FIGURES_MAX_ROWS);
	return err;
}

enum jr_err jr_app_figures(struct jr_app *app, const struct jr_app_figures_query *q,
			   enum jr_app_figures_format format, struct jr_buf *out)
{
	char region[JR_ID_MAX];
	struct names ctx = {app->policies, q->to};
	struct jr_app_figures_pattern pt;
	jr_day start;
	char label[16];
	int level = -1;
	size_t index = 0;
	enum jr_err err;

	if ((err = query_check(app, q, region)))
		return err;
	/* one month, one quarter or one calendar year: the cells of the pattern */
	for (int g = JR_APP_FIGURES_MONTH; g <= JR_APP_FIGURES_YEAR && level < 0; g++) {
		jr_day next = period_of(q->from, (enum jr_app_figures_grain)g, &start, label,
					sizeof(label));
		if (start == q->from && next - 1 == q->to)
			level = g;
	}
	if (level < 0)
		return jr_app_fail(app, JR_ERR_INPUT, "from",
				   "een tabel per gemeente gaat over één maand, één kwartaal of één "
				   "kalenderjaar, van de eerste tot en met de laatste dag (bijvoorbeeld "
				   "2026-01-01 tot en met 2026-12-31); kies voor een andere periode een "
				   "reeks per maand, kwartaal of jaar");
	index = index_in_year(q->from, (enum jr_app_figures_grain)level);
	if (!(err = jr_app_figures_pattern_make(app, region, year_of(q->from), 1, &pt)))
		err = format == JR_APP_FIGURES_CSV
			      ? jr_figures_years_table_csv(out, pt.y, (enum jr_figures_level)level,
							   index, municipality_name, &ctx)
			      : jr_figures_years_table_json(out, pt.y, (enum jr_figures_level)level,
							    index, municipality_name, &ctx);
	jr_app_figures_pattern_release(&pt);
	return too_big(app, err);
}

enum jr_err jr_app_figures_series(struct jr_app *app, const struct jr_app_figures_query *q,
				  enum jr_app_figures_format format, struct jr_buf *out)
{
	char region[JR_ID_MAX], label[16];
	struct names ctx = {app->policies, q->to};
	struct jr_figures_series_head head;
	struct jr_app_figures_pattern pt;
	jr_day from, to, last;
	size_t first, n;
	int y0;
	enum jr_err err;

	if (q->grain < JR_APP_FIGURES_MONTH || q->grain > JR_APP_FIGURES_YEAR)
		return jr_app_fail(app, JR_ERR_INPUT, "grain", "kies maand, kwartaal of jaar");
	if ((err = query_check(app, q, region)))
		return err;
	/* whole periods: from back to the start of its period, to on to the end of its own */
	period_of(q->from, q->grain, &from, label, sizeof(label));
	to = period_of(q->to, q->grain, &last, label, sizeof(label)) - 1;
	y0 = year_of(from);
	first = index_in_year(from, q->grain);
	n = (size_t)(year_of(to) - y0) * per_year[q->grain] + index_in_year(to, q->grain) + 1 -
	    first;
	if (n > JR_APP_FIGURES_PERIODS_MAX)
		return jr_app_fail(app, JR_ERR_INPUT, "to",
				   "te veel perioden: ten hoogste %d; kies een grovere indeling of "
				   "een kortere periode",
				   JR_APP_FIGURES_PERIODS_MAX);
	head = (struct jr_figures_series_head){region, from, to,
					       jr_app_figures_grain_word(q->grain)};
	if (!(err = jr_app_figures_pattern_make(app, region, y0, (size_t)(year_of(to) - y0 + 1), &pt)))
		err = format == JR_APP_FIGURES_CSV
			      ? jr_figures_years_series_csv(out, pt.y, (enum jr_figures_level)q->grain,
							    first, n, municipality_name, &ctx)
			      : jr_figures_years_series_json(out, pt.y, &head,
							     (enum jr_figures_level)q->grain, first,
							     n, municipality_name, &ctx);
	jr_app_figures_pattern_release(&pt);
	return too_big(app, err);
}
