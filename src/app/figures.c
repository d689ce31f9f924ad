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

/* A user of a regional organisation that sits in a municipality (the regional office of a
 * region) sees its own region's figures only: the rows of the municipalities of the region that
 * policy of that municipality describes, moved to the front (the others after them, still to be
 * released). Without a municipality (the command line, an office of no region) every row
 * counts. Returns how many rows count. */
static size_t own_region(const struct jr_app *app, struct jr_figures_raw *rows, size_t count,
			 jr_day day)
{
	const struct jr_policy *own, *pol;
	size_t kept = 0;

	if (!app->principal || !app->principal->municipality[0] || !app->policies ||
	    !(own = jr_policy_set_find(app->policies, app->principal->municipality, day)))
		return count;
	for (size_t i = 0; i < count; i++) {
		pol = jr_policy_set_find(app->policies, rows[i].municipality, day);
		if (pol && strcmp(pol->id, own->id) == 0) {
			if (i != kept) {
				struct jr_figures_raw t = rows[kept];
				rows[kept] = rows[i];
				rows[i] = t;
			}
			kept++;
		}
	}
	return kept;
}

enum jr_err jr_app_figures(struct jr_app *app, jr_day from, jr_day to,
			   enum jr_app_figures_format format, struct jr_buf *out)
{
	struct jr_figures_raw rows[JR_MUNICIPALITY_MAX * 4];
	struct names ctx = {app->policies, to};
	void *names = &ctx;
	size_t count = 0, kept;
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_FIGURES)))
		return err;
	if (from > to)
		return jr_app_fail(app, JR_ERR_INPUT, "from", "het begin ligt na het einde");
	if ((err = jr_store_figures(app->store, app->actor, from, to, rows,
				    sizeof(rows) / sizeof(rows[0]), &count)))
		return err;
	kept = own_region(app, rows, count, to);
	err = format == JR_APP_FIGURES_CSV
		      ? jr_figures_csv(out, rows, kept, municipality_name, names)
		      : jr_figures_json(out, rows, kept, from, to, municipality_name, names);
	jr_store_figures_release(rows, count);
	if (err == JR_ERR_TOO_BIG)
		return jr_app_fail(app, err, NULL,
				   "de cijfers zijn per regio: de gegevens gaan over meer dan %d "
				   "gemeenten, meer dan één regio heeft",
				   JR_FIGURES_MAX_ROWS);
	return err;
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

enum jr_err jr_app_figures_series(struct jr_app *app, const struct jr_app_figures_query *q,
				  enum jr_app_figures_format format, struct jr_buf *out)
{
	enum { ALL = JR_MUNICIPALITY_MAX * 4 };
	struct jr_figures_raw(*all)[ALL] = NULL;
	size_t *nall = NULL;
	struct jr_figures_raw *rows = NULL;
	struct jr_figures_period *periods = NULL;
	jr_day *pfrom = NULL, *pto = NULL;
	char codes[JR_MUNICIPALITY_MAX][5], region[JR_ID_MAX];
	struct names ctx = {app->policies, q->to};
	struct jr_figures_series_head head;
	size_t np = 0, ncodes;
	jr_day d, start, next;
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_FIGURES)))
		return err;
	if (q->from > q->to)
		return jr_app_fail(app, JR_ERR_INPUT, "from", "het begin ligt na het einde");
	if (q->grain < JR_APP_FIGURES_MONTH || q->grain > JR_APP_FIGURES_YEAR)
		return jr_app_fail(app, JR_ERR_INPUT, "grain", "kies maand, kwartaal of jaar");
	if (!app->policies)
		return jr_app_fail(app, JR_ERR_INPUT, "region", "geen beleid geladen");
	if ((err = series_region(app, q, region)))
		return err;
	for (d = q->from; d <= q->to; d = next, np++) {
		char label[16];
		next = period_of(d, q->grain, &start, label, sizeof(label));
		if (np == JR_APP_FIGURES_PERIODS_MAX)
			return jr_app_fail(app, JR_ERR_INPUT, "to",
					   "te veel perioden: ten hoogste %d; kies een grovere "
					   "indeling of een kortere periode",
					   JR_APP_FIGURES_PERIODS_MAX);
	}
	ncodes = region_municipalities(app->policies, region, codes, JR_MUNICIPALITY_MAX);
	all = jr_calloc(np, sizeof(*all));
	nall = jr_calloc(np, sizeof(*nall));
	rows = jr_calloc(np * (ncodes + 1), sizeof(*rows));
	periods = jr_calloc(np, sizeof(*periods));
	if (!all || !nall || !rows || !periods) {
		err = JR_ERR_NOMEM;
		goto out;
	}
	pfrom = jr_calloc(np, sizeof(*pfrom));
	pto = jr_calloc(np, sizeof(*pto));
	if (!pfrom || !pto) {
		err = JR_ERR_NOMEM;
		goto out;
	}
	np = 0;
	for (d = q->from; d <= q->to; d = next, np++) {
		struct jr_figures_period *p = &periods[np];
		next = period_of(d, q->grain, &start, p->label, sizeof(p->label));
		p->from = pfrom[np] = d;
		p->to = pto[np] = next - 1 < q->to ? next - 1 : q->to;
	}
	/* one read of the records for the whole range, put into the periods by the store */
	if ((err = jr_store_figures_series(app->store, app->actor, pfrom, pto, np, &all[0][0], ALL,
					   nall)))
		goto out;
	for (size_t i = 0; i < np; i++) {
		period_rows(all[i], nall[i], codes, ncodes, rows + i * (ncodes + 1));
		periods[i].rows = rows + i * (ncodes + 1);
		periods[i].count = ncodes;
	}
	head = (struct jr_figures_series_head){region, q->from, q->to,
					       jr_app_figures_grain_word(q->grain)};
	err = format == JR_APP_FIGURES_CSV
		      ? jr_figures_series_csv(out, periods, np, municipality_name, &ctx)
		      : jr_figures_series_json(out, &head, periods, np, municipality_name, &ctx);
out:
	for (size_t i = 0; all && nall && i < np; i++)
		jr_store_figures_release(all[i], nall[i]);
	jr_free(all);
	jr_free(nall);
	jr_free(rows);
	jr_free(periods);
	jr_free(pfrom);
	jr_free(pto);
	return err;
}
