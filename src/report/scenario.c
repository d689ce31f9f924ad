/* scenario: the tally, the bootstrap and the rendering of a scenario (see scenario.h). */
#include "report/scenario.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "json/json_writer.h"
#include "report/suppress.h"

int jr_scen_category(const struct jr_answer *a)
{
	if (!a->eligible)
		return JR_SCEN_NOT_ELIGIBLE;
	/* the first option is the advice, lightest first; coordination goes beside help */
	for (size_t i = 0; i < a->option_count; i++) {
		const struct jr_option *o = &a->options[i];
		if (o->kind == JR_OPTION_COORDINATION)
			continue;
		if (o->kind == JR_OPTION_YOUTH_CARE && o->form >= 1 && o->form <= JR_FORM_COUNT)
			return o->form;
		return JR_SCEN_LIGHT;
	}
	return JR_SCEN_LIGHT;
}

/* The categories an answer offers, as a mask of 1u << category. */
static unsigned offered(const struct jr_answer *a)
{
	unsigned m = 0;

	if (!a->eligible)
		return 1u << JR_SCEN_NOT_ELIGIBLE;
	for (size_t i = 0; i < a->option_count; i++) {
		const struct jr_option *o = &a->options[i];
		if (o->kind == JR_OPTION_YOUTH_CARE && o->form >= 1 && o->form <= JR_FORM_COUNT)
			m |= 1u << o->form;
		else
			m |= 1u << JR_SCEN_LIGHT;
	}
	return m;
}

void jr_scen_count(struct jr_scen_tally *t, size_t muni, const struct jr_answer *base,
		   const struct jr_answer *scen)
{
	const struct jr_answer *ans[2] = {base, scen};

	if (muni >= JR_MUNICIPALITY_MAX)
		return;
	t->accepted++;
	t->cls[muni][jr_scen_category(base)][jr_scen_category(scen)]++;
	for (int w = 0; w < 2; w++) {
		unsigned m = offered(ans[w]);
		const struct jr_policy *pol = ans[w]->policy;
		for (int c = 0; c < JR_SCEN_CATS; c++)
			if (m & (1u << c))
				t->options[w][muni][c]++;
		for (size_t i = 0; pol && i < ans[w]->option_count; i++) {
			const struct jr_offer *o = ans[w]->options[i].offer;
			if (!o)
				continue;
			if (o >= pol->social_base && o < pol->social_base + JR_OFFER_MAX)
				t->offers[w][0][o - pol->social_base]++;
			else if (o >= pol->no_referral && o < pol->no_referral + JR_OFFER_MAX)
				t->offers[w][1][o - pol->no_referral]++;
		}
	}
}

void jr_scen_merge(struct jr_scen_tally *dst, const struct jr_scen_tally *src)
{
	dst->read += src->read;
	dst->accepted += src->accepted;
	dst->refused += src->refused;
	dst->outside_region += src->outside_region;
	dst->not_in_scenario += src->not_in_scenario;
	for (int m = 0; m < JR_MUNICIPALITY_MAX; m++)
		for (int c = 0; c < JR_SCEN_CATS; c++) {
			for (int s = 0; s < JR_SCEN_CATS; s++)
				dst->cls[m][c][s] += src->cls[m][c][s];
			dst->options[0][m][c] += src->options[0][m][c];
			dst->options[1][m][c] += src->options[1][m][c];
		}
	for (int w = 0; w < 2; w++)
		for (int k = 0; k < 2; k++)
			for (int i = 0; i < JR_OFFER_MAX; i++)
				dst->offers[w][k][i] += src->offers[w][k][i];
}

void jr_scen_out_of_home(struct jr_scen_params *p, int which, const struct jr_policy *pol)
{
	for (int c = 0; c < JR_SCEN_CATS; c++)
		p->out_of_home[which][c] = c >= 1 && c <= JR_FORM_COUNT &&
					   (pol->forms[c].setting == JR_SETTING_OUT_OF_HOME ||
					    pol->forms[c].setting == JR_SETTING_SECURE);
}

uint64_t jr_scen_rand(uint64_t *state)
{
	uint64_t z = (*state += 0x9E3779B97F4A7C15u);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

/* A uniform number in [0, 1). */
static double uniform(uint64_t *st)
{
	return (double)(jr_scen_rand(st) >> 11) * 0x1p-53;
}

static double gaussian(uint64_t *st)
{
	double u1 = 1.0 - uniform(st), u2 = uniform(st); /* u1 in (0, 1] */
	return sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2);
}

uint64_t jr_scen_binomial(uint64_t *st, uint64_t n, double p)
{
	bool flip;
	double mean;
	uint64_t k = 0;

	if (n == 0 || !(p > 0))
		return 0;
	if (p >= 1)
		return n;
	flip = p > 0.5;
	if (flip)
		p = 1 - p;
	mean = (double)n * p;
	if (mean < 30) {
		/* inversion: walk the distribution from 0 until it passes a uniform draw */
		double u = uniform(st), pk = exp((double)n * log1p(-p)), cdf = pk, odds = p / (1 - p);
		while (u > cdf && k < n) {
			pk *= (double)(n - k) / (double)(k + 1) * odds;
			k++;
			cdf += pk;
			if (pk < 1e-300 && (double)k > mean)
				break; /* rounding left the cdf short of u: the tail is empty */
		}
	} else {
		/* a large mean: the normal approximation, within a fraction of a request */
		double x = floor(mean + sqrt(mean * (1 - p)) * gaussian(st) + 0.5);
		k = x < 0 ? 0 : x > (double)n ? n : (uint64_t)x;
	}
	return flip ? n - k : k;
}

/* The statistics from expected allocations per category under base and scenario. */
static void stats_of(const double alloc[2][JR_SCEN_CATS], const struct jr_scen_params *p,
		     double *st)
{
	double yc[2] = {0, 0}, ooh[2] = {0, 0}, cost[2] = {0, 0}, share[2];

	for (int w = 0; w < 2; w++) {
		for (int c = 1; c <= JR_FORM_COUNT; c++) {
			yc[w] += alloc[w][c];
			if (p->out_of_home[w][c])
				ooh[w] += alloc[w][c];
			cost[w] += alloc[w][c] * p->tariff[c];
		}
		share[w] = yc[w] > 0 ? ooh[w] / yc[w] : 0;
	}
	st[JR_SCEN_ST_YOUTH_CARE_BASE] = yc[0];
	st[JR_SCEN_ST_YOUTH_CARE_SCEN] = yc[1];
	st[JR_SCEN_ST_YOUTH_CARE_DIFF] = yc[1] - yc[0];
	st[JR_SCEN_ST_OUT_OF_HOME_BASE] = ooh[0];
	st[JR_SCEN_ST_OUT_OF_HOME_SCEN] = ooh[1];
	st[JR_SCEN_ST_OUT_OF_HOME_DIFF] = ooh[1] - ooh[0];
	st[JR_SCEN_ST_SHARE_BASE] = share[0];
	st[JR_SCEN_ST_SHARE_SCEN] = share[1];
	st[JR_SCEN_ST_SHARE_DIFF] = share[1] - share[0];
	st[JR_SCEN_ST_COST_BASE] = cost[0];
	st[JR_SCEN_ST_COST_SCEN] = cost[1];
	st[JR_SCEN_ST_COST_DIFF] = cost[1] - cost[0];
	for (int c = 0; c < JR_SCEN_CATS; c++) {
		st[JR_SCEN_ST_FORM_BASE + c] = alloc[0][c];
		st[JR_SCEN_ST_FORM_SCEN + c] = alloc[1][c];
		st[JR_SCEN_ST_FORM_DIFF + c] = alloc[1][c] - alloc[0][c];
	}
}

static bool small(uint64_t n)
{
	return n > 0 && n < JR_SCEN_SMALL;
}

bool jr_scen_history_used(const struct jr_scen_params *p, int c)
{
	uint64_t a, r;

	if (!p->has_outcomes || c < 1 || c > JR_FORM_COUNT || p->advised[c] == 0)
		return false;
	a = p->advised[c];
	r = p->realised[c] > a ? a : p->realised[c];
	/* a history with a small cell (advised, realised, or advised but not realised) is
	 * neither published nor used: its rate would give the small cell away */
	return !small(a) && !small(r) && !small(a - r);
}

/* The realisation rate of a category: light help and not eligible are what they are. */
static double rate_of(const struct jr_scen_params *p, int c, const uint64_t *realised)
{
	if (!jr_scen_history_used(p, c))
		return 1;
	return (double)realised[c] / (double)p->advised[c];
}

/* Expected allocations from class counts n[b][s] and the realised counts of the history. */
static void allocations(const uint64_t n[JR_SCEN_CATS][JR_SCEN_CATS],
			const struct jr_scen_params *p, const uint64_t *realised,
			double alloc[2][JR_SCEN_CATS])
{
	memset(alloc, 0, sizeof(double) * 2 * JR_SCEN_CATS);
	for (int b = 0; b < JR_SCEN_CATS; b++)
		for (int s = 0; s < JR_SCEN_CATS; s++) {
			if (!n[b][s])
				continue;
			alloc[0][b] += (double)n[b][s] * rate_of(p, b, realised);
			alloc[1][s] += (double)n[b][s] * rate_of(p, s, realised);
		}
}

/* The region's classes: the tally summed over municipalities. */
static void region_classes(const struct jr_scen_tally *t, uint64_t n[JR_SCEN_CATS][JR_SCEN_CATS])
{
	memset(n, 0, sizeof(uint64_t) * JR_SCEN_CATS * JR_SCEN_CATS);
	for (int m = 0; m < JR_MUNICIPALITY_MAX; m++)
		for (int b = 0; b < JR_SCEN_CATS; b++)
			for (int s = 0; s < JR_SCEN_CATS; s++)
				n[b][s] += t->cls[m][b][s];
}

void jr_scen_point(const struct jr_scen_tally *t, const struct jr_scen_params *p, double *stat)
{
	uint64_t n[JR_SCEN_CATS][JR_SCEN_CATS];
	double alloc[2][JR_SCEN_CATS];

	region_classes(t, n);
	allocations(n, p, p->realised, alloc);
	stats_of(alloc, p, stat);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* The nearest-rank percentile q (0..1) of sorted v[0..n). */
static double rank(const double *v, int n, double q)
{
	int i = (int)ceil(q * n) - 1;
	return v[i < 0 ? 0 : i >= n ? n - 1 : i];
}

enum jr_err jr_scen_bootstrap(const struct jr_scen_tally *t, const struct jr_scen_params *p,
			      struct jr_scen_spread *out)
{
	uint64_t n[JR_SCEN_CATS][JR_SCEN_CATS], draw[JR_SCEN_CATS][JR_SCEN_CATS];
	uint64_t realised[JR_SCEN_CATS], total = 0, state = p->seed;
	double alloc[2][JR_SCEN_CATS], st[JR_SCEN_ST_COUNT], *all = NULL, *col = NULL;
	int r_count = p->resamples;
	enum jr_err err = JR_OK;

	memset(out, 0, sizeof(*out));
	if (r_count < 1 || r_count > JR_SCEN_RESAMPLES_MAX)
		return JR_ERR_INPUT;
	all = jr_calloc((size_t)r_count * JR_SCEN_ST_COUNT, sizeof(*all));
	col = jr_calloc((size_t)r_count, sizeof(*col));
	if (!all || !col) {
		err = JR_ERR_NOMEM;
		goto out;
	}
	region_classes(t, n);
	for (int b = 0; b < JR_SCEN_CATS; b++)
		for (int s = 0; s < JR_SCEN_CATS; s++)
			total += n[b][s];
	for (int r = 0; r < r_count; r++) {
		/* the population: a multinomial draw of its size over the classes, as
		 * conditional binomials */
		uint64_t left = total, mass = total;
		for (int b = 0; b < JR_SCEN_CATS; b++)
			for (int s = 0; s < JR_SCEN_CATS; s++) {
				uint64_t k = 0;
				if (n[b][s] && left)
					k = n[b][s] >= mass ? left
							    : jr_scen_binomial(&state, left,
									       (double)n[b][s] /
										       (double)mass);
				draw[b][s] = k;
				left -= k;
				mass -= n[b][s];
			}
		/* the history: each category's realisations resampled from its own record */
		for (int c = 0; c < JR_SCEN_CATS; c++)
			realised[c] = jr_scen_history_used(p, c)
					      ? jr_scen_binomial(&state, p->advised[c],
								 (double)p->realised[c] /
									 (double)p->advised[c])
					      : p->realised[c];
		allocations(draw, p, realised, alloc);
		stats_of(alloc, p, st);
		memcpy(all + (size_t)r * JR_SCEN_ST_COUNT, st, sizeof(st));
	}
	out->resamples = r_count;
	for (int k = 0; k < JR_SCEN_ST_COUNT; k++) {
		for (int r = 0; r < r_count; r++)
			col[r] = all[(size_t)r * JR_SCEN_ST_COUNT + k];
		qsort(col, (size_t)r_count, sizeof(*col), cmp_double);
		out->stat[k] = (struct jr_scen_pct){.p5 = rank(col, r_count, 0.05),
						    .p50 = rank(col, r_count, 0.50),
						    .p95 = rank(col, r_count, 0.95)};
	}
out:
	jr_free(all);
	jr_free(col);
	return err;
}

/* ---- suppression ------------------------------------------------------------------------ */

/* The published counts of a scenario and which of them are hidden. Tables k: 0 expected
 * allocations under base, 1 under the scenario, 2 options under base, 3 under the scenario. */
struct published {
	size_t munis;
	uint64_t req[JR_MUNICIPALITY_MAX];                      /* requests per municipality */
	uint64_t v[4][JR_MUNICIPALITY_MAX][JR_SCEN_CATS];       /* per table, municipality, cat */
	uint64_t col[4][JR_SCEN_CATS];                          /* per table, the region's */
	uint64_t yc[2], ooh[2];                                 /* youth care, out-of-home */
	uint64_t yc_m[2][JR_MUNICIPALITY_MAX];                  /* youth care per municipality */
	bool h_req[JR_MUNICIPALITY_MAX], h_v[4][JR_MUNICIPALITY_MAX][JR_SCEN_CATS];
	bool h_yc_m[2][JR_MUNICIPALITY_MAX];
	bool h_col[4][JR_SCEN_CATS], h_yc[2], h_ooh[2];
};

static void publish_counts(const struct jr_scen_tally *t, size_t munis, const struct jr_scen_params *p,
			   struct published *pub)
{
	memset(pub, 0, sizeof(*pub));
	pub->munis = munis;
	for (size_t m = 0; m < munis; m++)
		for (int b = 0; b < JR_SCEN_CATS; b++)
			for (int s = 0; s < JR_SCEN_CATS; s++) {
				uint64_t n = t->cls[m][b][s];
				pub->req[m] += n;
				pub->v[0][m][b] += n;
				pub->v[1][m][s] += n;
			}
	for (size_t m = 0; m < munis; m++)
		for (int c = 0; c < JR_SCEN_CATS; c++) {
			pub->v[2][m][c] = t->options[0][m][c];
			pub->v[3][m][c] = t->options[1][m][c];
			for (int k = 0; k < 4; k++)
				pub->col[k][c] += pub->v[k][m][c];
		}
	for (int w = 0; w < 2; w++)
		for (int c = 1; c <= JR_FORM_COUNT; c++) {
			for (size_t m = 0; m < munis; m++)
				pub->yc_m[w][m] += pub->v[w][m][c];
			pub->yc[w] += pub->col[w][c];
			if (p->out_of_home[w][c])
				pub->ooh[w] += pub->col[w][c];
		}
}

static enum jr_err add_count(struct jr_sup *s, int group, uint64_t v, int *cell)
{
	int unit;
	enum jr_err err = jr_sup_unit(s, (double)v + 1, &unit);

	if (!err)
		err = jr_sup_cell(s, unit, 0, group, (int64_t)v, 1, cell);
	if (!err)
		err = jr_sup_key(s, unit, -1, cell, 1, NULL, 0);
	return err;
}

/* Runs the suppression over every published count and the relations a reader knows between
 * them: a municipality's allocations add up to its requests (under base and scenario alike),
 * the region's figures add up over municipalities, the youth care and out-of-home totals add up
 * over their forms, and the requests add up to the (published) number accepted. */
static enum jr_err suppress(struct published *pub, uint64_t accepted,
			    const struct jr_scen_params *p)
{
	struct jr_sup s;
	int c_req[JR_MUNICIPALITY_MAX], c_v[4][JR_MUNICIPALITY_MAX][JR_SCEN_CATS];
	int c_col[4][JR_SCEN_CATS], c_yc[2], c_ooh[2], c_yc_m[2][JR_MUNICIPALITY_MAX];
	struct jr_sup_term *t = NULL;
	size_t munis = pub->munis, nt;
	enum jr_err err = JR_OK;

	jr_sup_init(&s, JR_SCEN_SMALL);
	t = jr_calloc(JR_MUNICIPALITY_MAX + JR_SCEN_CATS + 2, sizeof(*t));
	if (!t) {
		err = JR_ERR_NOMEM;
		goto out;
	}
	for (size_t m = 0; m < munis; m++)
		if ((err = add_count(&s, (int)m, pub->req[m], &c_req[m])))
			goto out;
	for (int k = 0; k < 4; k++) {
		for (size_t m = 0; m < munis; m++)
			for (int c = 0; c < JR_SCEN_CATS; c++)
				if ((err = add_count(&s, (int)m, pub->v[k][m][c], &c_v[k][m][c])))
					goto out;
		for (int c = 0; c < JR_SCEN_CATS; c++)
			if ((err = add_count(&s, -1, pub->col[k][c], &c_col[k][c])))
				goto out;
	}
	for (int w = 0; w < 2; w++)
		for (size_t m = 0; m < munis; m++)
			if ((err = add_count(&s, (int)m, pub->yc_m[w][m], &c_yc_m[w][m])))
				goto out;
	for (int w = 0; w < 2; w++)
		if ((err = add_count(&s, -1, pub->yc[w], &c_yc[w])) ||
		    (err = add_count(&s, -1, pub->ooh[w], &c_ooh[w])))
			goto out;
	/* the requests add up to the number accepted */
	for (nt = 0; nt < munis; nt++)
		t[nt] = (struct jr_sup_term){.cell = c_req[nt], .coef = 1};
	if ((err = jr_sup_relation(&s, false, false, t, nt, (int64_t)accepted)))
		goto out;
	for (int k = 0; k < 4; k++) {
		/* the region's figure of a category is the sum over the municipalities */
		for (int c = 0; c < JR_SCEN_CATS; c++) {
			for (nt = 0; nt < munis; nt++)
				t[nt] = (struct jr_sup_term){.cell = c_v[k][nt][c], .coef = 1};
			t[nt++] = (struct jr_sup_term){.cell = c_col[k][c], .coef = -1};
			if ((err = jr_sup_relation(&s, false, false, t, nt, 0)))
				goto out;
		}
		for (size_t m = 0; m < munis; m++) {
			nt = 0;
			for (int c = 0; c < JR_SCEN_CATS; c++)
				t[nt++] = (struct jr_sup_term){.cell = c_v[k][m][c], .coef = 1};
			t[nt++] = (struct jr_sup_term){.cell = c_req[m], .coef = -1};
			if (k < 2) { /* one expected allocation per request */
				if ((err = jr_sup_relation(&s, false, false, t, nt, 0)))
					goto out;
			} else { /* an option at most once per request */
				for (int c = 0; c < JR_SCEN_CATS; c++) {
					struct jr_sup_term le[2] = {t[c], t[nt - 1]};
					if ((err = jr_sup_relation(&s, true, false, le, 2, 0)))
						goto out;
				}
			}
		}
	}
	for (int w = 0; w < 2; w++) {
		/* a municipality's youth care is the sum of its forms */
		for (size_t m = 0; m < munis; m++) {
			nt = 0;
			for (int c = 1; c <= JR_FORM_COUNT; c++)
				t[nt++] = (struct jr_sup_term){.cell = c_v[w][m][c], .coef = 1};
			t[nt++] = (struct jr_sup_term){.cell = c_yc_m[w][m], .coef = -1};
			if ((err = jr_sup_relation(&s, false, false, t, nt, 0)))
				goto out;
		}
		nt = 0;
		for (int c = 1; c <= JR_FORM_COUNT; c++)
			t[nt++] = (struct jr_sup_term){.cell = c_col[w][c], .coef = 1};
		t[nt++] = (struct jr_sup_term){.cell = c_yc[w], .coef = -1};
		if ((err = jr_sup_relation(&s, false, false, t, nt, 0)))
			goto out;
		nt = 0;
		for (int c = 1; c <= JR_FORM_COUNT; c++)
			if (p->out_of_home[w][c])
				t[nt++] = (struct jr_sup_term){.cell = c_col[w][c], .coef = 1};
		t[nt++] = (struct jr_sup_term){.cell = c_ooh[w], .coef = -1};
		if ((err = jr_sup_relation(&s, false, false, t, nt, 0)))
			goto out;
		/* the whole region: all categories add up to the number accepted */
		nt = 0;
		for (int c = 0; c < JR_SCEN_CATS; c++)
			t[nt++] = (struct jr_sup_term){.cell = c_col[w][c], .coef = 1};
		if ((err = jr_sup_relation(&s, false, true, t, nt, (int64_t)accepted)))
			goto out;
	}
	if ((err = jr_sup_run(&s)))
		goto out;
	for (size_t m = 0; m < munis; m++)
		pub->h_req[m] = jr_sup_hidden(&s, s.cells[c_req[m]].unit);
	for (int k = 0; k < 4; k++) {
		for (size_t m = 0; m < munis; m++)
			for (int c = 0; c < JR_SCEN_CATS; c++)
				pub->h_v[k][m][c] = jr_sup_hidden(&s, s.cells[c_v[k][m][c]].unit);
		for (int c = 0; c < JR_SCEN_CATS; c++)
			pub->h_col[k][c] = jr_sup_hidden(&s, s.cells[c_col[k][c]].unit);
	}
	for (int w = 0; w < 2; w++) {
		for (size_t m = 0; m < munis; m++)
			pub->h_yc_m[w][m] = jr_sup_hidden(&s, s.cells[c_yc_m[w][m]].unit);
		pub->h_yc[w] = jr_sup_hidden(&s, s.cells[c_yc[w]].unit);
		pub->h_ooh[w] = jr_sup_hidden(&s, s.cells[c_ooh[w]].unit);
	}
out:
	jr_free(t);
	jr_sup_release(&s);
	return err;
}

/* ---- rendering ---------------------------------------------------------------------------- */

static const char *category_name(const struct jr_policy *pol, int c)
{
	if (c == JR_SCEN_LIGHT)
		return "Lichte hulp: sociale basis of zonder verwijzing, geen jeugdhulp";
	if (c == JR_SCEN_NOT_ELIGIBLE)
		return "Buiten de Jeugdwet (leeftijd)";
	return pol->forms[c].name;
}

static void count_or_null(struct jr_json_writer *w, const char *key, uint64_t v, bool hidden)
{
	jr_jw_key(w, key);
	if (hidden)
		jr_jw_null(w);
	else
		jr_jw_int(w, (int64_t)v);
}

/* {"base": n, "scenario": n, "difference": n} with null for a hidden figure. */
static void pair(struct jr_json_writer *w, const char *key, uint64_t b, bool hb, uint64_t s,
		 bool hs)
{
	jr_jw_key(w, key);
	jr_jw_object(w);
	count_or_null(w, "base", b, hb);
	count_or_null(w, "scenario", s, hs);
	jr_jw_key(w, "difference");
	if (hb || hs)
		jr_jw_null(w);
	else
		jr_jw_int(w, (int64_t)s - (int64_t)b);
	jr_jw_end(w);
}

static int decimals_of(int stat)
{
	return stat >= JR_SCEN_ST_SHARE_BASE && stat <= JR_SCEN_ST_SHARE_DIFF ? 4 : 1;
}

/* {"value": v, "p5": .., "p50": .., "p95": ..}, or null when hidden. */
static void spread(struct jr_json_writer *w, const char *key, int stat, const double *point,
		   const struct jr_scen_spread *sp, bool hidden)
{
	int d = decimals_of(stat);

	jr_jw_key(w, key);
	if (hidden) {
		jr_jw_null(w);
		return;
	}
	jr_jw_object(w);
	jr_jw_key(w, "value");
	jr_jw_fixed(w, point[stat], d);
	jr_jw_key(w, "p5");
	jr_jw_fixed(w, sp->stat[stat].p5, d);
	jr_jw_key(w, "p50");
	jr_jw_fixed(w, sp->stat[stat].p50, d);
	jr_jw_key(w, "p95");
	jr_jw_fixed(w, sp->stat[stat].p95, d);
	jr_jw_end(w);
}

/* base, scenario and difference of one statistic (base at `stat`, the others after it) */
static void spread3(struct jr_json_writer *w, const char *key, int b, int s, int d,
		    const double *point, const struct jr_scen_spread *sp, bool hb, bool hs)
{
	jr_jw_key(w, key);
	jr_jw_object(w);
	spread(w, "base", b, point, sp, hb);
	spread(w, "scenario", s, point, sp, hs);
	spread(w, "difference", d, point, sp, hb || hs);
	jr_jw_end(w);
}

static void policy_info(struct jr_json_writer *w, const char *key, const struct jr_policy *pol)
{
	char period[80];

	jr_jw_key(w, key);
	jr_jw_object(w);
	jr_jw_kstring(w, "region", pol->id);
	jr_jw_kstring(w, "name", pol->name);
	jr_policy_describe_period(pol, period, sizeof(period));
	jr_jw_kstring(w, "period", period);
	jr_jw_end(w);
}

static int scen_municipality(const struct jr_policy *p, const char *code)
{
	for (size_t m = 0; m < p->municipality_count; m++)
		if (strcmp(p->municipalities[m].code, code) == 0)
			return (int)m;
	return -1;
}

/* Expected allocations by who contracts (local or regional) under base and scenario: sums of
 * the region's form counts, hidden — both of them, as they add up to the youth care shown — when
 * any count they hold is hidden. */
static void contracting_json(struct jr_json_writer *w, const struct published *pub,
			     const struct jr_policy *base, const struct jr_policy *scen)
{
	const struct jr_policy *pol[2] = {base, scen};
	uint64_t sum[2][2] = {{0, 0}, {0, 0}}; /* [which][0 local, 1 regional] */
	bool hidden[2] = {false, false};

	for (int k = 0; k < 2; k++)
		for (int c = 1; c <= JR_FORM_COUNT; c++) {
			int r = pol[k]->forms[c].contracting == JR_CONTRACTING_LOCAL ? 0 : 1;
			sum[k][r] += pub->col[k][c];
			hidden[k] |= pub->h_col[k][c] && pub->col[k][c] > 0;
		}
	jr_jw_key(w, "contracting");
	jr_jw_object(w);
	pair(w, "local", sum[0][0], hidden[0], sum[1][0], hidden[1]);
	pair(w, "regional", sum[0][1], hidden[0], sum[1][1], hidden[1]);
	jr_jw_end(w);
}

/* One offer's count, hidden when small (no published figure adds offers up). */
static void offer_count(struct jr_json_writer *w, const char *key, bool has, uint64_t n)
{
	jr_jw_key(w, key);
	if (!has || (n > 0 && n < JR_SCEN_SMALL))
		jr_jw_null(w);
	else
		jr_jw_int(w, (int64_t)n);
}

/* The light offers of both policies (by id) and how many requests each offers them. */
static void offers_json(struct jr_json_writer *w, const struct jr_scen_tally *t,
			const struct jr_policy *base, const struct jr_policy *scen)
{
	const struct jr_policy *pol[2] = {base, scen};

	jr_jw_key(w, "offers");
	jr_jw_array(w);
	for (int k = 0; k < 2; k++) {
		for (int kind = 0; kind < 2; kind++) {
			const struct jr_offer *list = kind ? pol[k]->no_referral : pol[k]->social_base;
			size_t n = kind ? pol[k]->no_referral_count : pol[k]->social_base_count;
			for (size_t i = 0; i < n; i++) {
				const struct jr_offer *o = &list[i], *other_list;
				size_t other_n, j;
				bool in_base = k == 0, in_scen = k == 1;
				uint64_t nb = 0, ns = 0;
				other_list = kind ? pol[1 - k]->no_referral : pol[1 - k]->social_base;
				other_n = kind ? pol[1 - k]->no_referral_count
					       : pol[1 - k]->social_base_count;
				for (j = 0; j < other_n; j++)
					if (strcmp(other_list[j].id, o->id) == 0)
						break;
				if (k == 1 && j < other_n)
					continue; /* written with the base */
				if (j < other_n) {
					in_base = in_scen = true;
					nb = t->offers[0][kind][i];
					ns = t->offers[1][kind][j];
				} else if (k == 0) {
					nb = t->offers[0][kind][i];
				} else {
					ns = t->offers[1][kind][i];
				}
				jr_jw_object(w);
				jr_jw_kstring(w, "id", o->id);
				jr_jw_kstring(w, "kind", kind ? "no_referral" : "social_base");
				jr_jw_kstring(w, "name", o->name);
				offer_count(w, "base", in_base, nb);
				offer_count(w, "scenario", in_scen, ns);
				jr_jw_key(w, "difference");
				if (!in_base || !in_scen || (nb > 0 && nb < JR_SCEN_SMALL) ||
				    (ns > 0 && ns < JR_SCEN_SMALL))
					jr_jw_null(w);
				else
					jr_jw_int(w, (int64_t)ns - (int64_t)nb);
				jr_jw_end(w);
			}
		}
	}
	jr_jw_end(w);
}

/* What the JSON and the text both show: the counts as published, suppressed, in a new *pub (the
 * caller frees it, also on an error), and the point estimates of the spread's statistics. */
static enum jr_err published_make(const struct jr_scen_tally *t, const struct jr_scen_params *p,
				  size_t munis, struct published **pub, double *point)
{
	if (!(*pub = jr_calloc(1, sizeof(**pub))))
		return JR_ERR_NOMEM;
	publish_counts(t, munis, p, *pub);
	jr_scen_point(t, p, point);
	return suppress(*pub, t->accepted, p);
}

enum jr_err jr_scen_write_json(struct jr_buf *out, const struct jr_scen_tally *t,
			       const struct jr_scen_params *p, const struct jr_scen_spread *sp,
			       const struct jr_policy *base, const struct jr_policy *scen,
			       const char *outcomes)
{
	struct jr_json_writer w;
	struct published *pub = NULL;
	double point[JR_SCEN_ST_COUNT];
	enum jr_err err;

	if ((err = published_make(t, p, base->municipality_count, &pub, point)))
		goto out;
	jr_jw_init(&w, out);
	jr_jw_object(&w);
	jr_jw_kstring(&w, "region", base->id);
	policy_info(&w, "base", base);
	policy_info(&w, "scenario", scen);
	jr_jw_kstring(&w, "outcomes", outcomes);
	jr_jw_kint(&w, "resamples", sp->resamples);
	jr_jw_kint(&w, "seed", (int64_t)p->seed);
	jr_jw_kint(&w, "suppressed_below", JR_SCEN_SMALL);
	jr_jw_key(&w, "population");
	jr_jw_object(&w);
	jr_jw_kint(&w, "read", (int64_t)t->read);
	jr_jw_kint(&w, "accepted", (int64_t)t->accepted);
	jr_jw_kint(&w, "refused", (int64_t)t->refused);
	jr_jw_kint(&w, "outside_region", (int64_t)t->outside_region);
	jr_jw_kint(&w, "not_in_scenario", (int64_t)t->not_in_scenario);
	jr_jw_end(&w);

	jr_jw_key(&w, "total");
	jr_jw_object(&w);
	jr_jw_kint(&w, "requests", (int64_t)t->accepted);
	spread3(&w, "youth_care", JR_SCEN_ST_YOUTH_CARE_BASE, JR_SCEN_ST_YOUTH_CARE_SCEN,
		JR_SCEN_ST_YOUTH_CARE_DIFF, point, sp, pub->h_yc[0], pub->h_yc[1]);
	spread3(&w, "out_of_home", JR_SCEN_ST_OUT_OF_HOME_BASE, JR_SCEN_ST_OUT_OF_HOME_SCEN,
		JR_SCEN_ST_OUT_OF_HOME_DIFF, point, sp, pub->h_ooh[0], pub->h_ooh[1]);
	spread3(&w, "out_of_home_share", JR_SCEN_ST_SHARE_BASE, JR_SCEN_ST_SHARE_SCEN,
		JR_SCEN_ST_SHARE_DIFF, point, sp, pub->h_ooh[0] || pub->h_yc[0],
		pub->h_ooh[1] || pub->h_yc[1]);
	if (p->has_tariffs) {
		bool hb = false, hs = false;
		/* a cost is a sum of tariffs times counts: hidden with any count it holds */
		for (int c = 1; c <= JR_FORM_COUNT; c++) {
			hb |= p->tariff[c] != 0 && pub->h_col[0][c];
			hs |= p->tariff[c] != 0 && pub->h_col[1][c];
		}
		spread3(&w, "costs", JR_SCEN_ST_COST_BASE, JR_SCEN_ST_COST_SCEN,
			JR_SCEN_ST_COST_DIFF, point, sp, hb, hs);
		jr_jw_kstring(&w, "tariffs_source", p->tariffs_source);
	} else {
		jr_jw_key(&w, "costs");
		jr_jw_null(&w);
	}
	jr_jw_end(&w);

	jr_jw_key(&w, "forms");
	jr_jw_array(&w);
	for (int c = 0; c < JR_SCEN_CATS; c++) {
		jr_jw_object(&w);
		jr_jw_kint(&w, "category", c);
		jr_jw_key(&w, "form");
		if (c >= 1 && c <= JR_FORM_COUNT)
			jr_jw_int(&w, c);
		else
			jr_jw_null(&w);
		jr_jw_kstring(&w, "kind", c == JR_SCEN_LIGHT		? "light"
					  : c == JR_SCEN_NOT_ELIGIBLE ? "not_eligible"
								      : "youth_care");
		jr_jw_kstring(&w, "name", category_name(base, c));
		if (c >= 1 && c <= JR_FORM_COUNT && strcmp(base->forms[c].name, scen->forms[c].name))
			jr_jw_kstring(&w, "name_scenario", scen->forms[c].name);
		jr_jw_key(&w, "out_of_home");
		jr_jw_object(&w);
		jr_jw_kbool(&w, "base", p->out_of_home[0][c]);
		jr_jw_kbool(&w, "scenario", p->out_of_home[1][c]);
		jr_jw_end(&w);
		if (c >= 1 && c <= JR_FORM_COUNT) {
			jr_jw_key(&w, "contracting");
			jr_jw_object(&w);
			jr_jw_kstring(&w, "base", jr_contracting_name(base->forms[c].contracting));
			jr_jw_kstring(&w, "scenario",
				      jr_contracting_name(scen->forms[c].contracting));
			jr_jw_end(&w);
		}
		jr_jw_key(&w, "tariff");
		if (p->has_tariffs && c >= 1 && c <= JR_FORM_COUNT)
			jr_jw_fixed(&w, p->tariff[c], 0);
		else
			jr_jw_null(&w);
		if (p->has_outcomes && c >= 1 && c <= JR_FORM_COUNT) {
			bool used = jr_scen_history_used(p, c), none = p->advised[c] == 0;
			jr_jw_key(&w, "history");
			jr_jw_object(&w);
			count_or_null(&w, "advised", p->advised[c], !used && !none);
			count_or_null(&w, "realised", p->realised[c], !used && !none);
			jr_jw_kbool(&w, "used", used);
			jr_jw_end(&w);
		}
		pair(&w, "options", pub->col[2][c], pub->h_col[2][c], pub->col[3][c],
		     pub->h_col[3][c]);
		pair(&w, "allocations", pub->col[0][c], pub->h_col[0][c], pub->col[1][c],
		     pub->h_col[1][c]);
		spread3(&w, "expected", JR_SCEN_ST_FORM_BASE + c, JR_SCEN_ST_FORM_SCEN + c,
			JR_SCEN_ST_FORM_DIFF + c, point, sp, pub->h_col[0][c], pub->h_col[1][c]);
		jr_jw_end(&w);
	}
	jr_jw_end(&w);

	contracting_json(&w, pub, base, scen);
	offers_json(&w, t, base, scen);
	jr_jw_key(&w, "municipalities");
	jr_jw_array(&w);
	for (size_t m = 0; m < base->municipality_count; m++) {
		jr_jw_object(&w);
		jr_jw_kstring(&w, "code", base->municipalities[m].code);
		jr_jw_kstring(&w, "name", base->municipalities[m].name);
		jr_jw_key(&w, "regime");
		jr_jw_object(&w);
		jr_jw_kstring(&w, "base", jr_regime_name(base->municipalities[m].regime));
		{
			int sm = scen_municipality(scen, base->municipalities[m].code);
			jr_jw_key(&w, "scenario");
			if (sm < 0)
				jr_jw_null(&w);
			else
				jr_jw_string(&w, jr_regime_name(scen->municipalities[sm].regime));
		}
		jr_jw_end(&w);
		count_or_null(&w, "requests", pub->req[m], pub->h_req[m]);
		pair(&w, "youth_care", pub->yc_m[0][m], pub->h_yc_m[0][m], pub->yc_m[1][m],
		     pub->h_yc_m[1][m]);
		jr_jw_key(&w, "forms");
		jr_jw_array(&w);
		for (int c = 0; c < JR_SCEN_CATS; c++) {
			jr_jw_object(&w);
			jr_jw_kint(&w, "category", c);
			pair(&w, "options", pub->v[2][m][c], pub->h_v[2][m][c], pub->v[3][m][c],
			     pub->h_v[3][m][c]);
			pair(&w, "allocations", pub->v[0][m][c], pub->h_v[0][m][c],
			     pub->v[1][m][c], pub->h_v[1][m][c]);
			jr_jw_end(&w);
		}
		jr_jw_end(&w);
		jr_jw_end(&w);
	}
	jr_jw_end(&w);
	jr_jw_end(&w);
	err = jr_jw_finish(&w);
out:
	jr_free(pub);
	return err;
}

/* A count for the text, or "<5" when hidden. */
static enum jr_err text_count(struct jr_buf *o, uint64_t v, bool hidden, int width)
{
	if (hidden)
		return jr_buf_printf(o, "%*s", width, "*");
	return jr_buf_printf(o, "%*llu", width, (unsigned long long)v);
}

static enum jr_err text_diff(struct jr_buf *o, uint64_t b, uint64_t s, bool hidden, int width)
{
	if (hidden)
		return jr_buf_printf(o, "%*s", width, "*");
	return jr_buf_printf(o, "%+*lld", width, (long long)s - (long long)b);
}

static enum jr_err text_spread(struct jr_buf *o, const char *label, int stat, const double *point,
			       const struct jr_scen_spread *sp, bool hidden, double scale,
			       const char *unit)
{
	int d = decimals_of(stat) == 4 ? 1 : 0;

	if (hidden)
		return jr_buf_printf(o, "  %-34s onderdrukt (kleine aantallen)\n", label);
	return jr_buf_printf(o, "  %-34s %.*f%s (90%%-band %.*f tot %.*f%s)\n", label, d,
			     point[stat] * scale, unit, d, sp->stat[stat].p5 * scale, d,
			     sp->stat[stat].p95 * scale, unit);
}

enum jr_err jr_scen_write_text(struct jr_buf *o, const struct jr_scen_tally *t,
			       const struct jr_scen_params *p, const struct jr_scen_spread *sp,
			       const struct jr_policy *base, const struct jr_policy *scen,
			       const char *outcomes)
{
	struct published *pub = NULL;
	double point[JR_SCEN_ST_COUNT];
	enum jr_err err;

	if ((err = published_make(t, p, base->municipality_count, &pub, point)))
		goto out;
	err = jr_buf_printf(o,
			    "Scenario voor regio %s\n"
			    "  basis:    %s\n"
			    "  scenario: %s\n"
			    "Verzoeken: %llu gelezen, %llu meegeteld, %llu afgewezen, %llu buiten de "
			    "regio, %llu niet in het scenario\n"
			    "Spreiding: %d herhalingen (bootstrap), historische uitkomsten: %s\n\n",
			    base->name, base->name, scen->name, (unsigned long long)t->read,
			    (unsigned long long)t->accepted, (unsigned long long)t->refused,
			    (unsigned long long)t->outside_region,
			    (unsigned long long)t->not_in_scenario, sp->resamples, outcomes);
	if (!err)
		err = jr_buf_puts(o, "Totaal (verwachte toewijzingen; 90%-band uit de bootstrap)\n");
	if (!err)
		err = text_spread(o, "jeugdhulp, basis", JR_SCEN_ST_YOUTH_CARE_BASE, point, sp,
				  pub->h_yc[0], 1, "");
	if (!err)
		err = text_spread(o, "jeugdhulp, scenario", JR_SCEN_ST_YOUTH_CARE_SCEN, point, sp,
				  pub->h_yc[1], 1, "");
	if (!err)
		err = text_spread(o, "jeugdhulp, verschil", JR_SCEN_ST_YOUTH_CARE_DIFF, point, sp,
				  pub->h_yc[0] || pub->h_yc[1], 1, "");
	if (!err)
		err = text_spread(o, "uit huis, aandeel basis", JR_SCEN_ST_SHARE_BASE, point, sp,
				  pub->h_yc[0] || pub->h_ooh[0], 100, "%");
	if (!err)
		err = text_spread(o, "uit huis, aandeel scenario", JR_SCEN_ST_SHARE_SCEN, point, sp,
				  pub->h_yc[1] || pub->h_ooh[1], 100, "%");
	if (!err && p->has_tariffs) {
		bool hb = false, hs = false;
		for (int c = 1; c <= JR_FORM_COUNT; c++) {
			hb |= p->tariff[c] != 0 && pub->h_col[0][c];
			hs |= p->tariff[c] != 0 && pub->h_col[1][c];
		}
		err = jr_buf_printf(o, "tarieven: %s\n", p->tariffs_source);
		if (!err)
			err = text_spread(o, "kosten basis (EUR)", JR_SCEN_ST_COST_BASE, point, sp,
					  hb, 1, "");
		if (!err)
			err = text_spread(o, "kosten scenario (EUR)", JR_SCEN_ST_COST_SCEN, point,
					  sp, hs, 1, "");
		if (!err)
			err = text_spread(o, "kosten verschil (EUR)", JR_SCEN_ST_COST_DIFF, point,
					  sp, hb || hs, 1, "");
	}
	if (!err)
		err = jr_buf_printf(o, "\n%-6s %9s %9s %9s  %9s %9s %9s  %s\n", "vorm", "opties",
				    "opties", "verschil", "toew.", "toew.", "verschil", "naam");
	if (!err)
		err = jr_buf_printf(o, "%-6s %9s %9s %9s  %9s %9s %9s\n", "", "basis", "scenario",
				    "", "basis", "scenario", "");
	for (int c = 0; c < JR_SCEN_CATS && !err; c++) {
		char label[8];
		snprintf(label, sizeof(label), c == JR_SCEN_LIGHT ? "licht"
					       : c == JR_SCEN_NOT_ELIGIBLE ? "buiten"
									   : "%d",
			 c);
		err = jr_buf_printf(o, "%-6s ", label);
		if (!err)
			err = text_count(o, pub->col[2][c], pub->h_col[2][c], 9);
		if (!err)
			err = text_count(o, pub->col[3][c], pub->h_col[3][c], 10);
		if (!err)
			err = text_diff(o, pub->col[2][c], pub->col[3][c],
					pub->h_col[2][c] || pub->h_col[3][c], 10);
		if (!err)
			err = text_count(o, pub->col[0][c], pub->h_col[0][c], 11);
		if (!err)
			err = text_count(o, pub->col[1][c], pub->h_col[1][c], 10);
		if (!err)
			err = text_diff(o, pub->col[0][c], pub->col[1][c],
					pub->h_col[0][c] || pub->h_col[1][c], 10);
		if (!err)
			err = jr_buf_printf(o, "  %s\n", category_name(base, c));
	}
	if (!err)
		err = jr_buf_puts(o, "\nPer gemeente: verwachte toewijzingen jeugdhulp (basis -> "
				     "scenario)\n");
	for (size_t m = 0; m < base->municipality_count && !err; m++) {
		uint64_t yc[2] = {pub->yc_m[0][m], pub->yc_m[1][m]};
		bool hid[2] = {pub->h_yc_m[0][m], pub->h_yc_m[1][m]};
		err = jr_buf_printf(o, "  %-28s ", base->municipalities[m].name);
		if (!err)
			err = text_count(o, yc[0], hid[0], 9);
		if (!err)
			err = jr_buf_puts(o, " ->");
		if (!err)
			err = text_count(o, yc[1], hid[1], 9);
		if (!err)
			err = text_diff(o, yc[0], yc[1], hid[0] || hid[1], 10);
		if (!err)
			err = jr_buf_putc(o, '\n');
	}
	if (!err)
		err = jr_buf_printf(o, "\n* onderdrukt: een aantal onder %d, of een aantal waaruit "
				       "zo'n klein aantal te herleiden is.\n",
				    JR_SCEN_SMALL);
out:
	jr_free(pub);
	return err;
}
