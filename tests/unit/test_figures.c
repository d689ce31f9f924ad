/* Unit tests for report/figures.c: small cells suppressed (1 to 4 children, shares and waits
 * over fewer than 5), the region as the sum of its municipalities, nearest-rank percentiles,
 * the light-to-heavy mix, the CSV form; and secondary suppression checked the way an attacker
 * would break it (issue 11, finding 8).
 *
 * The attacker below is written from the published figures and the relations documented in
 * docs/security.md, not from the code that suppresses: it reads the JSON (or the CSV) and
 * nothing else, puts every relation a reader knows between the published values of one answer
 * into a system of linear constraints over integers (a hidden count is at least 1; a shown share
 * p bounds its numerator between (p - 0.0005) and (p + 0.0005) times its denominator, which is
 * at least 5; the region is the sum of the municipalities; ...), narrows every unknown by
 * interval propagation with integer rounding to a fixed point, and then computes the exact
 * bounds of the linear relaxation with a simplex (two phases, Bland's rule). Propagation alone
 * is not enough: in a table with totals, a hidden cell can be pinned by a combination of rows
 * and columns that no single relation shows (test_attacker_needs_the_linear_programme), so the
 * programme is part of the attack. It then checks the protection rule against the true table:
 * every hidden cell (count, numerator, complement or denominator of a hidden share) of 1 to 4
 * can be 5 or more, and no hidden figure is pinned. It runs over hundreds of seeded random
 * tables and over the hard cases of the issue. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "core/alloc.h"
#include "report/figures.h"
#include "report/suppress.h"

static const char *names(void *ctx, const char *code)
{
	(void)ctx;
	return strcmp(code, "0153") == 0   ? "Enschede"
	       : strcmp(code, "0164") == 0 ? "Hengelo"
					   : NULL;
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

/* ---- the attacker: linear constraints over the unknowns of one answer -------------------- */

#define INF       1e18
#define MAX_ROWS  12
#define MAX_TERMS 48

/* The unknowns of one row, as a reader names them. */
enum {
	V_H,  /* help requests */
	V_S,  /* of which settled without youth care */
	V_Q,  /* children with a request */
	V_RP, /* of which with a repeat request */
	V_C,  /* children in care */
	V_F1, /* children per form 1..10 */
	V_A = V_F1 + 10,
	V_CP,
	V_V,
	V_R1, /* referrals per type 01..06, 08 */
	V_E = V_R1 + 7,
	V_G0, /* goals reached, partly, not */
	V_K = V_G0 + 3,
	V_P, /* care ended according to plan (JZ588 31) */
	V_D, /* care ended one-sidedly early (32, 33): drop-out */
	NV
};

struct lin {
	int n;
	int var[MAX_TERMS];
	double coef[MAX_TERMS];
	double rhs;
	bool eq; /* else <= */
};

struct attack {
	size_t rows, nvars; /* rows include the region, last */
	double lo[MAX_ROWS * NV], hi[MAX_ROWS * NV];
	bool hidden[MAX_ROWS * NV]; /* a published count that is null */
	struct lin *cons;
	size_t ncons, cap;
	size_t lps; /* programmes solved */
};

static void con_add(struct attack *a, const struct lin *l)
{
	if (a->ncons == a->cap) {
		a->cap = a->cap ? 2 * a->cap : 256;
		a->cons = realloc(a->cons, a->cap * sizeof(*a->cons));
		assert_non_null(a->cons);
	}
	a->cons[a->ncons++] = *l;
}

static void term(struct lin *l, int var, double coef)
{
	for (int i = 0; i < l->n; i++)
		if (l->var[i] == var) {
			l->coef[i] += coef;
			return;
		}
	assert_true(l->n < MAX_TERMS);
	l->var[l->n] = var;
	l->coef[l->n++] = coef;
}

/* sum over `vars` of +1 - sum over `minus` <= rhs (or ==) */
static void rel(struct attack *a, int base, bool eq, double rhs, const int *plus, int np,
		const int *minus, int nm)
{
	struct lin l = {.eq = eq, .rhs = rhs};
	for (int i = 0; i < np; i++)
		term(&l, base + plus[i], 1);
	for (int i = 0; i < nm; i++)
		term(&l, base + minus[i], -1);
	con_add(a, &l);
}

/* A shown share p of num/den: (p - 0.0005) den <= num <= (p + 0.0005) den, den >= 5. */
static void share(struct attack *a, int base, double p, const int *num, int nn, const int *den,
		  int nd)
{
	struct lin up = {0}, low = {0}, big = {0};
	for (int i = 0; i < nn; i++) {
		term(&up, base + num[i], 1);
		term(&low, base + num[i], -1);
	}
	for (int i = 0; i < nd; i++) {
		term(&up, base + den[i], -(p + 0.0005));
		term(&low, base + den[i], p - 0.0005);
		term(&big, base + den[i], -1);
	}
	big.rhs = -5;
	con_add(a, &up);
	con_add(a, &low);
	con_add(a, &big);
}

/* What a reader knows of one row, from its published values (NAN-free: `known` says which). */
struct published {
	bool known[64];
	double value[64];
};

static const char *const keys[] = {
	"help_requests",
	"settled_without_youth_care_share",
	"children_in_youth_care",
	"children_form_1",
	"children_form_2",
	"children_form_3",
	"children_form_4",
	"children_form_5",
	"children_form_6",
	"children_form_7",
	"children_form_8",
	"children_form_9",
	"children_form_10",
	"light_share",
	"heavy_share",
	"children_away_from_home",
	"allocations_compulsory",
	"allocations_voluntary",
	"compulsory_share",
	"referrals_type_01",
	"referrals_type_02",
	"referrals_type_03",
	"referrals_type_04",
	"referrals_type_05",
	"referrals_type_06",
	"referrals_type_08",
	"wait_referral_to_allocation_days_median",
	"wait_referral_to_allocation_days_p90",
	"wait_allocation_to_start_days_median",
	"wait_allocation_to_start_days_p90",
	"care_ended",
	"goals_reached_share",
	"goals_partly_share",
	"goals_not_reached_share",
	"continued_without_help_share",
	"repeat_request_share",
	"youths_with_request",
	"allocations_started",
	"ended_according_to_plan_share",
	"drop_out_share",
	"satisfaction_mean",
	NULL,
};

static int key_index(const char *k)
{
	for (int i = 0; keys[i]; i++)
		if (strcmp(keys[i], k) == 0)
			return i;
	return -1;
}

#define P(k) (key_index(k))

static void count_var(struct attack *a, int base, const struct published *pub, const char *k,
		      int var)
{
	int i = P(k);
	assert_true(i >= 0);
	if (pub->known[i]) {
		a->lo[base + var] = a->hi[base + var] = pub->value[i];
	} else {
		a->lo[base + var] = 1; /* zeros are shown: a hidden count is at least 1 */
		a->hi[base + var] = INF;
		a->hidden[base + var] = true;
	}
}

/* The model of one row (base = row × NV). */
static void model_row(struct attack *a, int base, const struct published *pub)
{
	static const int all_forms[10] = {V_F1,     V_F1 + 1, V_F1 + 2, V_F1 + 3, V_F1 + 4,
					  V_F1 + 5, V_F1 + 6, V_F1 + 7, V_F1 + 8, V_F1 + 9};
	char name[32];

	for (int v = 0; v < NV; v++) {
		a->lo[base + v] = 0;
		a->hi[base + v] = INF;
	}
	count_var(a, base, pub, "help_requests", V_H);
	count_var(a, base, pub, "children_in_youth_care", V_C);
	for (int f = 0; f < 10; f++) {
		snprintf(name, sizeof(name), "children_form_%d", f + 1);
		count_var(a, base, pub, name, V_F1 + f);
	}
	count_var(a, base, pub, "children_away_from_home", V_A);
	count_var(a, base, pub, "allocations_compulsory", V_CP);
	count_var(a, base, pub, "allocations_voluntary", V_V);
	for (int k = 0; k < 7; k++) {
		snprintf(name, sizeof(name), "referrals_type_%02d", k < 6 ? k + 1 : 8);
		count_var(a, base, pub, name, V_R1 + k);
	}
	count_var(a, base, pub, "care_ended", V_E);
	/* help requests: S <= H, Rp <= Q <= H, Q >= 1 when there is a request */
	rel(a, base, false, 0, (int[]){V_S}, 1, (int[]){V_H}, 1);
	rel(a, base, false, 0, (int[]){V_RP}, 1, (int[]){V_Q}, 1);
	rel(a, base, false, 0, (int[]){V_Q}, 1, (int[]){V_H}, 1);
	if (a->lo[base + V_H] >= 1)
		rel(a, base, false, -1, NULL, 0, (int[]){V_Q}, 1);
	/* a child may have several forms: Fi <= C <= sum F; A <= C; A <= F5..F8; F5..F8 <= A */
	for (int f = 0; f < 10; f++)
		rel(a, base, false, 0, (int[]){V_F1 + f}, 1, (int[]){V_C}, 1);
	rel(a, base, false, 0, (int[]){V_C}, 1, all_forms, 10);
	rel(a, base, false, 0, (int[]){V_A}, 1, (int[]){V_C}, 1);
	rel(a, base, false, 0, (int[]){V_A}, 1, all_forms + 4, 4);
	for (int f = 4; f < 8; f++)
		rel(a, base, false, 0, (int[]){V_F1 + f}, 1, (int[]){V_A}, 1);
	/* outcomes: goals partition the ended care; K <= E */
	rel(a, base, true, 0, (int[]){V_G0, V_G0 + 1, V_G0 + 2}, 3, (int[]){V_E}, 1);
	rel(a, base, false, 0, (int[]){V_K}, 1, (int[]){V_E}, 1);
	rel(a, base, false, 0, (int[]){V_P, V_D}, 2, (int[]){V_E}, 1);
	/* the unique youths with a request and the allocations started, when shown */
	if (pub->known[P("youths_with_request")])
		a->lo[base + V_Q] = a->hi[base + V_Q] = pub->value[P("youths_with_request")];
	if (pub->known[P("allocations_started")])
		rel(a, base, true, pub->value[P("allocations_started")], (int[]){V_CP, V_V}, 2,
		    NULL, 0);
	/* a waiting time is shown over at least 5 of the allocations that started */
	for (int w = 0; w < 4; w++)
		if (pub->known[P("wait_referral_to_allocation_days_median") + w]) {
			rel(a, base, false, -5, NULL, 0, (int[]){V_CP, V_V}, 2);
			break;
		}
		/* the shares that are shown */
#define SHARE(k, num, nn, den, nd)                                          \
	do {                                                                \
		if (pub->known[P(k)])                                       \
			share(a, base, pub->value[P(k)], num, nn, den, nd); \
	} while (0)
	SHARE("settled_without_youth_care_share", (int[]){V_S}, 1, (int[]){V_H}, 1);
	SHARE("light_share", all_forms, 3, all_forms, 10);
	SHARE("heavy_share", all_forms + 3, 7, all_forms, 10);
	SHARE("compulsory_share", (int[]){V_CP}, 1, ((int[]){V_CP, V_V}), 2);
	SHARE("goals_reached_share", (int[]){V_G0}, 1, (int[]){V_E}, 1);
	SHARE("goals_partly_share", (int[]){V_G0 + 1}, 1, (int[]){V_E}, 1);
	SHARE("goals_not_reached_share", (int[]){V_G0 + 2}, 1, (int[]){V_E}, 1);
	SHARE("continued_without_help_share", (int[]){V_K}, 1, (int[]){V_E}, 1);
	SHARE("repeat_request_share", (int[]){V_RP}, 1, (int[]){V_Q}, 1);
	SHARE("ended_according_to_plan_share", (int[]){V_P}, 1, (int[]){V_E}, 1);
	SHARE("drop_out_share", (int[]){V_D}, 1, (int[]){V_E}, 1);
#undef SHARE
}

static void model(struct attack *a, const struct published *pub, size_t rows)
{
	memset(a, 0, sizeof(*a));
	assert_true(rows >= 1 && rows <= MAX_ROWS);
	a->rows = rows;
	a->nvars = rows * NV;
	for (size_t r = 0; r < rows; r++)
		model_row(a, (int)(r * NV), &pub[r]);
	/* the region is the sum of the municipalities, for every unknown */
	for (int v = 0; v < NV; v++) {
		struct lin l = {.eq = true};
		for (size_t r = 0; r + 1 < rows; r++)
			term(&l, (int)(r * NV) + v, 1);
		term(&l, (int)((rows - 1) * NV) + v, -1);
		con_add(a, &l);
	}
}

static double floor_eps(double v)
{
	double f;
	if (v > 1e17 || v < -1e17)
		return v;
	f = (double)(long long)v;
	if (f > v)
		f -= 1;
	return v - f > 1 - 1e-7 ? f + 1 : f;
}

static double ceil_eps(double v)
{
	return -floor_eps(-v);
}

/* Interval propagation with integer rounding, to a fixed point; false if contradictory. */
static bool propagate(struct attack *a)
{
	for (int pass = 0; pass < 2000; pass++) {
		bool changed = false;
		for (size_t c = 0; c < a->ncons; c++) {
			const struct lin *l = &a->cons[c];
			for (int dir = 0; dir < (l->eq ? 2 : 1); dir++) {
				double s = dir ? -1 : 1, minsum = 0;
				int inf = 0, inf_at = -1;
				/* s*sum <= s*rhs */
				for (int i = 0; i < l->n; i++) {
					double co = s * l->coef[i];
					double m = co > 0 ? co * a->lo[l->var[i]]
							  : (a->hi[l->var[i]] >= INF
								     ? -INF
								     : co * a->hi[l->var[i]]);
					if (m <= -INF) {
						inf++;
						inf_at = i;
					} else {
						minsum += m;
					}
				}
				for (int i = 0; i < l->n; i++) {
					double co = s * l->coef[i], rest, m, bound;
					int v = l->var[i];
					if (co == 0)
						continue;
					m = co > 0 ? co * a->lo[v]
						   : (a->hi[v] >= INF ? -INF : co * a->hi[v]);
					if (inf > 1 || (inf == 1 && inf_at != i))
						continue;
					rest = s * l->rhs - (minsum - (m <= -INF ? 0 : m));
					bound = rest / co;
					if (co > 0) {
						bound = floor_eps(bound);
						if (bound < a->hi[v] - 0.5) {
							a->hi[v] = bound;
							changed = true;
						}
					} else {
						bound = ceil_eps(bound);
						if (bound > a->lo[v] + 0.5) {
							a->lo[v] = bound;
							changed = true;
						}
					}
					if (a->lo[v] > a->hi[v] + 0.5)
						return false;
				}
			}
		}
		if (!changed)
			return true;
	}
	return true;
}

/* ---- the linear programme: maximise an objective over the constraints and bounds ---------- */

/* The unknowns that are still free fall into components (joined by a constraint); the maximum
 * of an objective is the sum of the maxima of its parts in each component. Per component a
 * tableau is set up once and brought to a feasible basis (phase 1); each objective then runs
 * phase 2 on a copy. Tableau simplex over y = x - lo >= 0 with Bland's rule; rows: the
 * constraints of the component and y <= hi - lo for the bounded unknowns; columns: the
 * unknowns, a slack per row (none for an equality), an artificial per row, the right side. */
struct comp {
	int nfree;
	int *freev;
	size_t m, w, n;
	double *t; /* (m + 2) × w: rows, phase-2 cost, phase-1 cost */
	int *basis;
};

static int find(int *parent, int v)
{
	while (parent[v] != v)
		v = parent[v] = parent[parent[v]];
	return v;
}

static size_t *nz_scratch;
static size_t nz_cap;

static void pivot(double *t, size_t rows, size_t w, size_t r, size_t e, int *basis)
{
	double piv = t[r * w + e];
	size_t *nz, nnz = 0;
	if (nz_cap < w) {
		nz_cap = 2 * w;
		nz_scratch = realloc(nz_scratch, nz_cap * sizeof(size_t));
		assert_non_null(nz_scratch);
	}
	nz = nz_scratch;
	for (size_t j = 0; j < w; j++)
		if (t[r * w + j] != 0) {
			t[r * w + j] /= piv;
			nz[nnz++] = j;
		}
	for (size_t i = 0; i < rows; i++) {
		double f = t[i * w + e];
		if (i == r || f == 0)
			continue;
		for (size_t k = 0; k < nnz; k++) {
			double *x = &t[i * w + nz[k]];
			*x -= f * t[r * w + nz[k]];
			if (*x < 1e-12 && *x > -1e-12)
				*x = 0;
		}
		t[i * w + e] = 0;
	}
	basis[r] = (int)e;
}

/* Minimises the cost row `obj_row` over columns 0..limit-1; false when unbounded. */
static bool simplex(double *t, size_t m, size_t w, size_t limit, size_t obj_row, int *basis)
{
	size_t n = w - 1;
	for (int iter = 0; iter < 200000; iter++) {
		size_t e = SIZE_MAX, r = SIZE_MAX;
		double best = 0;
		for (size_t j = 0; j < limit; j++)
			if (t[obj_row * w + j] < -1e-9) {
				e = j; /* Bland: the first */
				break;
			}
		if (e == SIZE_MAX)
			return true;
		for (size_t i = 0; i < m; i++) {
			double aij = t[i * w + e];
			if (aij > 1e-9) {
				double ratio = t[i * w + n] / aij;
				if (r == SIZE_MAX || ratio < best - 1e-12 ||
				    (ratio < best + 1e-12 && basis[i] < basis[r])) {
					best = ratio;
					r = i;
				}
			}
		}
		if (r == SIZE_MAX)
			return false;
		pivot(t, m + 2, w, r, e, basis);
	}
	fail_msg("the simplex did not finish");
	return false;
}

static void comp_setup(struct attack *a, struct comp *c, const int *col)
{
	size_t maxrows = a->ncons + (size_t)c->nfree + 1, m = 0, nf = (size_t)c->nfree, w;
	double *rc = calloc(maxrows * nf, sizeof(double)), *rhs = calloc(maxrows, sizeof(double));
	bool *eq = calloc(maxrows, sizeof(bool));
	double *t;

	assert_non_null(rc);
	assert_non_null(rhs);
	assert_non_null(eq);
	for (size_t k = 0; k < a->ncons; k++) {
		const struct lin *l = &a->cons[k];
		bool any = false;
		double b = l->rhs;
		for (int i = 0; i < l->n; i++) {
			if (col[l->var[i]] >= 0 && a->lo[l->var[i]] < a->hi[l->var[i]]) {
				any = true;
				rc[m * nf + (size_t)col[l->var[i]]] += l->coef[i];
			}
			b -= l->coef[i] * a->lo[l->var[i]];
		}
		if (!any)
			continue;
		rhs[m] = b;
		eq[m] = l->eq;
		m++;
	}
	for (size_t j = 0; j < nf; j++)
		if (a->hi[c->freev[j]] < INF) {
			rc[m * nf + j] = 1;
			rhs[m] = a->hi[c->freev[j]] - a->lo[c->freev[j]];
			m++;
		}
	c->m = m;
	c->n = nf + 2 * m;
	c->w = w = c->n + 1;
	c->t = t = calloc((m + 2) * w, sizeof(double));
	c->basis = calloc(m + 1, sizeof(int));
	assert_non_null(t);
	assert_non_null(c->basis);
	for (size_t i = 0; i < m; i++) {
		double sign = rhs[i] < 0 ? -1 : 1;
		for (size_t j = 0; j < nf; j++)
			t[i * w + j] = sign * rc[i * nf + j];
		if (!eq[i])
			t[i * w + nf + i] = sign;
		t[i * w + nf + m + i] = 1;
		t[i * w + c->n] = sign * rhs[i];
		c->basis[i] = (int)(nf + m + i);
	}
	/* phase 1: minimise the artificials; row m+1 holds its reduced costs, the right side -z */
	for (size_t i = 0; i < m; i++)
		for (size_t j = 0; j < w; j++)
			if (j < nf + m || j == c->n)
				t[(m + 1) * w + j] -= t[i * w + j];
	assert_true(simplex(t, m, w, nf + m, m + 1, c->basis));
	/* the true table satisfies every relation: the system must be feasible */
	if (-t[(m + 1) * w + c->n] > 1e-6)
		fail_msg("the attacker's relations exclude the true table");
	/* drive the artificials left in the basis (at 0) out where possible */
	for (size_t i = 0; i < m; i++) {
		if ((size_t)c->basis[i] < nf + m)
			continue;
		for (size_t j = 0; j < nf + m; j++)
			if (t[i * w + j] > 1e-9 || t[i * w + j] < -1e-9) {
				pivot(t, m + 2, w, i, j, c->basis);
				break;
			}
	}
	free(rc);
	free(rhs);
	free(eq);
}

struct comps {
	double *t; /* scratch: the copy an objective works on */
	size_t tcap;
	int *basis;
	size_t count;
	int *of;  /* per unknown: its component, or -1 when fixed */
	int *col; /* per unknown: its column in the component */
	struct comp *c;
};

static void comps_release(struct comps *cs)
{
	for (size_t i = 0; i < cs->count; i++) {
		free(cs->c[i].freev);
		free(cs->c[i].t);
		free(cs->c[i].basis);
	}
	free(cs->c);
	free(cs->t);
	free(cs->basis);
	free(cs->of);
	free(cs->col);
	memset(cs, 0, sizeof(*cs));
}

/* Splits the free unknowns into components (after propagation). */
static void comps_make(struct attack *a, struct comps *cs)
{
	int *parent = calloc(a->nvars, sizeof(int)), *id = calloc(a->nvars, sizeof(int));
	assert_non_null(parent);
	assert_non_null(id);
	memset(cs, 0, sizeof(*cs));
	cs->of = calloc(a->nvars, sizeof(int));
	cs->col = calloc(a->nvars, sizeof(int));
	cs->c = calloc(a->nvars + 1, sizeof(struct comp));
	assert_non_null(cs->of);
	assert_non_null(cs->col);
	assert_non_null(cs->c);
	for (size_t v = 0; v < a->nvars; v++)
		parent[v] = (int)v;
	for (size_t k = 0; k < a->ncons; k++) {
		const struct lin *l = &a->cons[k];
		int first = -1;
		for (int i = 0; i < l->n; i++) {
			int v = l->var[i];
			if (a->lo[v] >= a->hi[v])
				continue;
			if (first < 0)
				first = v;
			else
				parent[find(parent, v)] = find(parent, first);
		}
	}
	for (size_t v = 0; v < a->nvars; v++)
		id[v] = -1;
	for (size_t v = 0; v < a->nvars; v++) {
		int root;
		struct comp *c;
		cs->of[v] = cs->col[v] = -1;
		if (a->lo[v] >= a->hi[v])
			continue;
		root = find(parent, (int)v);
		if (id[root] < 0)
			id[root] = (int)cs->count++;
		c = &cs->c[id[root]];
		cs->of[v] = id[root];
		if (!c->freev) {
			c->freev = calloc(a->nvars, sizeof(int));
			assert_non_null(c->freev);
		}
		cs->col[v] = c->nfree;
		c->freev[c->nfree++] = (int)v;
	}
	free(parent);
	free(id);
}

static struct comps *current; /* the components of the attack under way */

/* The maximum of obj·x (INF when unbounded). */
static double lp_max(struct attack *a, const struct lin *obj)
{
	double result = 0;
	bool done[MAX_ROWS * NV] = {false};
	struct comps *cs = current;

	a->lps++;
	for (int i = 0; i < obj->n; i++)
		result += obj->coef[i] * a->lo[obj->var[i]];
	for (int i = 0; i < obj->n; i++) {
		int k = cs->of[obj->var[i]];
		struct comp *c;
		double *t;
		int *basis;
		size_t m, w;
		if (k < 0 || done[k])
			continue;
		done[k] = true;
		c = &cs->c[k];
		if (!c->t) {
			int *col = malloc(a->nvars * sizeof(int));
			assert_non_null(col);
			for (size_t v = 0; v < a->nvars; v++)
				col[v] = cs->of[v] == k ? cs->col[v] : -1;
			comp_setup(a, c, col);
			free(col);
		}
		m = c->m;
		w = c->w;
		if (cs->tcap < (m + 2) * w) {
			cs->tcap = (m + 2) * w;
			free(cs->t);
			free(cs->basis);
			cs->t = malloc(cs->tcap * sizeof(double));
			cs->basis = malloc(cs->tcap * sizeof(int));
			assert_non_null(cs->t);
			assert_non_null(cs->basis);
		}
		t = cs->t;
		basis = cs->basis;
		memcpy(t, c->t, (m + 2) * w * sizeof(double));
		memcpy(basis, c->basis, (m + 1) * sizeof(int));
		/* maximise obj: minimise -obj, priced by the basis */
		memset(t + m * w, 0, w * sizeof(double));
		for (int j = 0; j < obj->n; j++)
			if (cs->of[obj->var[j]] == k)
				t[m * w + (size_t)cs->col[obj->var[j]]] -= obj->coef[j];
		for (size_t r = 0; r < m; r++) {
			double cb = t[m * w + (size_t)basis[r]];
			if (cb != 0)
				for (size_t j = 0; j < w; j++)
					t[m * w + j] -= cb * t[r * w + j];
		}
		if (!simplex(t, m, w, (size_t)c->nfree + m, m, basis))
			result = INF;
		else if (result < INF)
			result += t[m * w + w - 1];
	}
	return result;
}

/* The greatest integer value of obj (after propagation), INF if unbounded. */
static double max_of(struct attack *a, const struct lin *obj)
{
	double v = lp_max(a, obj);
	return v >= INF / 2 ? INF : floor_eps(v + 1e-7);
}

/* ---- reading an answer ------------------------------------------------------------------ */

static void published_from_json(json_t *doc, struct published *pub, size_t *rows)
{
	json_t *arr = json_object_get(doc, "rows");
	*rows = json_array_size(arr);
	assert_true(*rows <= MAX_ROWS);
	for (size_t r = 0; r < *rows; r++) {
		memset(&pub[r], 0, sizeof(pub[r]));
		for (int k = 0; keys[k]; k++) {
			json_t *v = json_object_get(json_array_get(arr, r), keys[k]);
			if (!v)
				fail_msg("row %zu lacks %s", r, keys[k]);
			pub[r].known[k] = json_is_number(v);
			pub[r].value[k] = pub[r].known[k] ? json_number_value(v) : 0;
		}
	}
}

static void published_from_csv(const char *csv, struct published *pub, size_t *rows)
{
	char code[16], prev[16] = "\x01";
	const char *line = strchr(csv, '\n');
	*rows = 0;
	memset(pub, 0, MAX_ROWS * sizeof(*pub));
	while (line && line[1]) {
		const char *p = line + 1, *f[4];
		char key[64], value[32];
		int k;
		f[0] = p;
		for (int i = 1; i < 4; i++) {
			p = strchr(p, ';');
			assert_non_null(p);
			f[i] = ++p;
		}
		line = strchr(p, '\n');
		assert_non_null(line);
		snprintf(code, sizeof(code), "%.*s", (int)(f[1] - f[0] - 1), f[0]);
		snprintf(key, sizeof(key), "%.*s", (int)(f[3] - f[2] - 1), f[2]);
		snprintf(value, sizeof(value), "%.*s", (int)(line - f[3] - 1), f[3]);
		if (strcmp(code, prev) != 0 ||
		    (code[0] == 0 && strcmp(key, "help_requests") == 0)) {
			(*rows)++;
			assert_true(*rows <= MAX_ROWS);
			snprintf(prev, sizeof(prev), "%s", code);
		}
		k = key_index(key);
		assert_true(k >= 0);
		pub[*rows - 1].known[k] = value[0] != 0;
		pub[*rows - 1].value[k] = value[0] ? strtod(value, NULL) : 0;
	}
}

/* ---- the protection rule, checked against the true table -------------------------------- */

struct truth {
	int64_t v[MAX_ROWS][NV];
};

static void truth_of(const struct jr_figures_raw *rows, size_t count, struct truth *t)
{
	memset(t, 0, sizeof(*t));
	for (size_t r = 0; r <= count; r++) {
		int64_t *v = t->v[r];
		const struct jr_figures_raw *x = &rows[r < count ? r : 0];
		if (r == count) { /* the region: the sums */
			for (size_t i = 0; i < count; i++)
				for (int k = 0; k < NV; k++)
					v[k] += t->v[i][k];
			break;
		}
		v[V_H] = x->help_requests;
		v[V_S] = x->settled_without_youth_care;
		v[V_Q] = x->children_with_request;
		v[V_RP] = x->children_with_repeat_request;
		v[V_C] = x->children_in_care;
		for (int f = 0; f < 10; f++)
			v[V_F1 + f] = x->children_by_form[f + 1];
		v[V_A] = x->children_away_from_home;
		v[V_CP] = x->allocations_compulsory;
		v[V_V] = x->allocations_voluntary;
		for (int k = 0; k < 7; k++)
			v[V_R1 + k] = x->referrals_by_type[k < 6 ? k + 1 : 8];
		v[V_E] = x->care_ended;
		for (int k = 0; k < 3; k++)
			v[V_G0 + k] = x->goals[k];
		v[V_K] = x->continued_without_help;
		v[V_P] = x->ended_according_to_plan;
		v[V_D] = x->ended_drop_out;
	}
}

struct expr {
	int n;
	int var[16];
	int coef[16];
};

static int64_t expr_value(const struct expr *e, const int64_t *v)
{
	int64_t s = 0;
	for (int i = 0; i < e->n; i++)
		s += e->coef[i] * v[e->var[i]];
	return s;
}

static struct lin expr_lin(const struct expr *e, int base, double sign)
{
	struct lin l = {0};
	for (int i = 0; i < e->n; i++)
		term(&l, base + e->var[i], sign * e->coef[i]);
	return l;
}

/* The hidden shares: key, numerator and denominator in the reader's unknowns. */
struct share_def {
	const char *key;
	struct expr num, den;
};

static const struct share_def shares[] = {
	{"settled_without_youth_care_share", {1, {V_S}, {1}}, {1, {V_H}, {1}}},
	{"light_share",
	 {3, {V_F1, V_F1 + 1, V_F1 + 2}, {1, 1, 1}},
	 {10,
	  {V_F1, V_F1 + 1, V_F1 + 2, V_F1 + 3, V_F1 + 4, V_F1 + 5, V_F1 + 6, V_F1 + 7, V_F1 + 8,
	   V_F1 + 9},
	  {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}}},
	{"compulsory_share", {1, {V_CP}, {1}}, {2, {V_CP, V_V}, {1, 1}}},
	{"goals_reached_share", {1, {V_G0}, {1}}, {1, {V_E}, {1}}},
	{"goals_partly_share", {1, {V_G0 + 1}, {1}}, {1, {V_E}, {1}}},
	{"goals_not_reached_share", {1, {V_G0 + 2}, {1}}, {1, {V_E}, {1}}},
	{"continued_without_help_share", {1, {V_K}, {1}}, {1, {V_E}, {1}}},
	{"repeat_request_share", {1, {V_RP}, {1}}, {1, {V_Q}, {1}}},
	{"ended_according_to_plan_share", {1, {V_P}, {1}}, {1, {V_E}, {1}}},
	{"drop_out_share", {1, {V_D}, {1}}, {1, {V_E}, {1}}},
};

static const char *const count_keys[NV] = {
	[V_H] = "help_requests",
	[V_C] = "children_in_youth_care",
	[V_F1] = "children_form_1",
	[V_F1 + 1] = "children_form_2",
	[V_F1 + 2] = "children_form_3",
	[V_F1 + 3] = "children_form_4",
	[V_F1 + 4] = "children_form_5",
	[V_F1 + 5] = "children_form_6",
	[V_F1 + 6] = "children_form_7",
	[V_F1 + 7] = "children_form_8",
	[V_F1 + 8] = "children_form_9",
	[V_F1 + 9] = "children_form_10",
	[V_A] = "children_away_from_home",
	[V_CP] = "allocations_compulsory",
	[V_V] = "allocations_voluntary",
	[V_R1] = "referrals_type_01",
	[V_R1 + 1] = "referrals_type_02",
	[V_R1 + 2] = "referrals_type_03",
	[V_R1 + 3] = "referrals_type_04",
	[V_R1 + 4] = "referrals_type_05",
	[V_R1 + 5] = "referrals_type_06",
	[V_R1 + 6] = "referrals_type_08",
	[V_E] = "care_ended",
};

/* What the attack found; the first failure is described in `why`. */
struct verdict {
	int violations; /* small hidden cells a reader can show to be small */
	int pinned;     /* hidden figures a reader can recompute */
	int hidden;     /* hidden figures in all */
	char why[256];
};

static void note(struct verdict *v, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void note(struct verdict *v, const char *fmt, ...)
{
	va_list ap;
	if (v->why[0])
		return;
	va_start(ap, fmt);
	vsnprintf(v->why, sizeof(v->why), fmt, ap);
	va_end(ap);
}

/* A small hidden quantity (true value 1..4) must be able to reach 5. */
static void check_small(struct attack *a, struct verdict *out, const struct expr *e, int base,
			int64_t truth, const char *what, size_t r)
{
	struct lin l;
	double hi;
	if (truth < 1 || truth >= JR_FIGURES_SMALL)
		return;
	l = expr_lin(e, base, 1);
	hi = max_of(a, &l);
	if (hi < JR_FIGURES_SMALL) {
		out->violations++;
		note(out, "row %zu: %s is %lld and a reader can show it is at most %.0f", r, what,
		     (long long)truth, hi);
	}
}

/* Whether every unknown of e is a published count of 0: a share of none (or all) over shown
 * zeros is known from the zeros, which are published on purpose. */
static bool from_zeros(const struct published *pub, const struct expr *e)
{
	for (int i = 0; i < e->n; i++) {
		const char *k = count_keys[e->var[i]];
		if (e->coef[i] == 0)
			continue;
		if (!k || !pub->known[P(k)] || pub->value[P(k)] != 0)
			return false;
	}
	return true;
}

/* Runs the attack on one answer; pub from the JSON or the CSV, t the true table. */
static struct verdict attack(const struct published *pub, size_t rows, const struct truth *t)
{
	struct attack a;
	struct verdict out = {0};

	struct comps cs;

	model(&a, pub, rows);
	if (!propagate(&a))
		fail_msg("propagation found the published figures contradictory");
	comps_make(&a, &cs);
	current = &cs;
	for (size_t r = 0; r < rows; r++) {
		int base = (int)(r * NV);
		const int64_t *v = t->v[r];
		for (int k = 0; k < NV; k++) {
			struct expr e = {1, {k}, {1}};
			struct lin up, down;
			if (!count_keys[k] || pub[r].known[P(count_keys[k])])
				continue;
			out.hidden++;
			check_small(&a, &out, &e, base, v[k], count_keys[k], r);
			up = expr_lin(&e, base, 1);
			down = expr_lin(&e, base, -1);
			if (max_of(&a, &up) <= (double)v[k] && -max_of(&a, &down) >= (double)v[k]) {
				out.pinned++;
				note(&out, "row %zu: hidden %s is recomputed as %lld", r,
				     count_keys[k], (long long)v[k]);
			}
		}
		for (size_t s = 0; s < sizeof(shares) / sizeof(shares[0]); s++) {
			const struct share_def *d = &shares[s];
			int64_t num = expr_value(&d->num, v), den = expr_value(&d->den, v);
			struct expr comp = d->den, diff;
			struct lin up, down;
			bool shown = pub[r].known[P(d->key)];
			if (den == 0)
				continue;
			out.hidden += !shown;
			for (int i = 0; i < d->num.n; i++) { /* den - num */
				int j = 0;
				while (j < comp.n && comp.var[j] != d->num.var[i])
					j++;
				if (j == comp.n) {
					comp.var[comp.n] = d->num.var[i];
					comp.coef[comp.n++] = 0;
				}
				comp.coef[j] -= d->num.coef[i];
			}
			check_small(&a, &out, &d->num, base, num, d->key, r);
			check_small(&a, &out, &comp, base, den - num, "the complement of a share",
				    r);
			check_small(&a, &out, &d->den, base, den, "the denominator of a share", r);
			if (shown) /* a shown share must not publish a small cell either */
				continue;
			/* the ratio: num*den0 - num0*den can be made non-zero? */
			diff = d->num;
			for (int i = 0; i < diff.n; i++)
				diff.coef[i] *= (int)den;
			up = expr_lin(&diff, base, 1);
			for (int i = 0; i < d->den.n; i++)
				term(&up, base + d->den.var[i], -(double)num * d->den.coef[i]);
			down = up;
			for (int i = 0; i < down.n; i++)
				down.coef[i] = -down.coef[i];
			if (lp_max(&a, &up) < 1e-6 && lp_max(&a, &down) < 1e-6 &&
			    !from_zeros(&pub[r], &d->num) && !from_zeros(&pub[r], &comp)) {
				out.pinned++;
				note(&out, "row %zu: hidden %s is recomputed as %lld/%lld", r,
				     d->key, (long long)num, (long long)den);
			}
		}
	}
	comps_release(&cs);
	current = NULL;
	free(a.cons);
	return out;
}

/* Publishes rows as JSON and as CSV, checks that both show exactly the same values, attacks. */
static struct verdict publish_and_attack(struct jr_figures_raw *rows, size_t count)
{
	static struct published from_json[MAX_ROWS], from_csv[MAX_ROWS];
	struct truth t;
	size_t nj, nc;
	struct jr_buf b;
	json_t *doc = figures(rows, count);
	struct verdict v;

	published_from_json(doc, from_json, &nj);
	json_decref(doc);
	jr_buf_init(&b, 1 << 20);
	assert_int_equal(jr_figures_csv(&b, rows, count, names, NULL), JR_OK);
	published_from_csv(jr_buf_str(&b), from_csv, &nc);
	jr_buf_release(&b);
	assert_int_equal(nj, count + 1);
	assert_int_equal(nc, count + 1);
	for (size_t r = 0; r < nj; r++)
		for (int k = 0; keys[k]; k++) {
			if (from_json[r].known[k] != from_csv[r].known[k])
				fail_msg("row %zu %s: JSON %s, CSV %s", r, keys[k],
					 from_json[r].known[k] ? "shown" : "hidden",
					 from_csv[r].known[k] ? "shown" : "hidden");
			assert_true(from_json[r].value[k] == from_csv[r].value[k]);
		}
	truth_of(rows, count, &t);
	v = attack(from_json, nj, &t);
	return v;
}

/* ---- the tests ---------------------------------------------------------------------------- */

static void test_small_cells_are_suppressed(void **state)
{
	(void)state;
	int waits_a[4] = {10, 20, 30, 40}, waits_b[6] = {5, 1, 9, 3, 7, 100};
	struct jr_figures_raw rows[2] = {0};
	json_t *doc, *a, *b, *region;
	memcpy(rows[0].municipality, "0153", 5);
	memcpy(rows[1].municipality, "0164", 5);
	rows[0].help_requests = 4; /* suppressed */
	rows[1].help_requests = 5; /* would be shown, but 9 - 5 = 4: hidden as well */
	rows[0].settled_without_youth_care = 2;
	rows[1].settled_without_youth_care = 1;
	rows[0].children_by_form[2] = 0; /* zero is shown */
	rows[0].children_by_form[3] = 12;
	rows[0].children_by_form[7] = 4;
	rows[0].children_in_care = 14;
	rows[0].children_away_from_home = 4;
	rows[0].wait_allocation_days = waits_a;
	rows[0].wait_allocation_count = 4; /* too few for a median */
	rows[1].wait_allocation_days = waits_b;
	rows[1].wait_allocation_count = 6;
	rows[1].allocations_voluntary = 6;
	doc = figures(rows, 2);
	a = row(doc, 0);
	b = row(doc, 1);
	region = row(doc, 2);
	assert_string_equal(json_string_value(json_object_get(a, "name")), "Enschede");
	assert_true(json_is_null(json_object_get(a, "help_requests")));
	assert_true(json_is_null(json_object_get(a, "settled_without_youth_care_share")));
	assert_true(json_is_null(json_object_get(b, "help_requests")));
	assert_true(json_is_null(json_object_get(b, "settled_without_youth_care_share")));
	assert_int_equal(json_integer_value(json_object_get(a, "children_form_2")), 0);
	assert_true(json_is_null(json_object_get(a, "children_form_7")));
	assert_true(json_is_null(json_object_get(a, "wait_referral_to_allocation_days_median")));
	/* 1 3 5 7 9 100: median (nearest rank 3) 5, p90 (rank 6) 100 */
	assert_int_equal(
		json_integer_value(json_object_get(b, "wait_referral_to_allocation_days_median")),
		5);
	assert_int_equal(
		json_integer_value(json_object_get(b, "wait_referral_to_allocation_days_p90")),
		100);
	/* the region: 9 help requests; ten waits, median (rank 5) 9 */
	assert_true(json_is_null(json_object_get(region, "municipality")));
	assert_int_equal(json_integer_value(json_object_get(region, "help_requests")), 9);
	assert_int_equal(json_integer_value(json_object_get(
				 region, "wait_referral_to_allocation_days_median")),
			 9);
	assert_int_equal(json_integer_value(json_object_get(doc, "suppressed_below")), 5);
	json_decref(doc);
}

/* Waits and satisfaction are counted over youths: six waits of three children are not shown
 * (null with the reason, which does not tell none from few); six of six children are. */
static void test_statistics_over_youths(void **state)
{
	(void)state;
	int waits[6] = {4, 8, 15, 16, 23, 42}, scores[6] = {7, 8, 8, 9, 6, 7};
	int64_t three[6] = {11, 11, 12, 12, 13, 13}, six[6] = {11, 12, 13, 14, 15, 16};
	struct jr_figures_raw rows[2] = {0};
	json_t *doc, *a, *b;
	memcpy(rows[0].municipality, "0153", 5);
	memcpy(rows[1].municipality, "0164", 5);
	rows[0].allocations_voluntary = rows[1].allocations_voluntary = 6;
	rows[0].wait_allocation_days = rows[1].wait_allocation_days = waits;
	rows[0].wait_allocation_count = rows[1].wait_allocation_count = 6;
	rows[0].wait_allocation_child = three;
	rows[1].wait_allocation_child = six;
	rows[0].satisfaction = rows[1].satisfaction = scores;
	rows[0].satisfaction_count = rows[1].satisfaction_count = 6;
	rows[0].satisfaction_child = three;
	rows[1].satisfaction_child = six;
	doc = figures(rows, 2);
	a = row(doc, 0);
	b = row(doc, 1);
	assert_true(json_is_null(json_object_get(a, "wait_referral_to_allocation_days_median")));
	assert_string_equal(json_string_value(json_object_get(
				    a, "wait_referral_to_allocation_days_median_reason")),
			    "minder dan 5 jeugdigen (of geen)");
	assert_true(json_is_null(json_object_get(a, "satisfaction_mean")));
	assert_non_null(json_object_get(a, "satisfaction_mean_reason"));
	/* 4 8 15 16 23 42: median (rank 3) 15 */
	assert_int_equal(
		json_integer_value(json_object_get(b, "wait_referral_to_allocation_days_median")),
		15);
	assert_null(json_object_get(b, "wait_referral_to_allocation_days_median_reason"));
	/* 45 / 6 = 7.5 */
	assert_float_equal(json_real_value(json_object_get(b, "satisfaction_mean")), 7.5, 1e-9);
	/* the region: nine children in twelve waits, shown */
	assert_int_equal(json_integer_value(json_object_get(
				 row(doc, 2), "wait_referral_to_allocation_days_median")),
			 15);
	/* a count is null without a reason */
	assert_null(json_object_get(a, "help_requests_reason"));
	json_decref(doc);
}

static void test_light_heavy_mix(void **state)
{
	(void)state;
	struct jr_figures_raw rows[2] = {0};
	json_t *doc, *a;
	memcpy(rows[0].municipality, "0153", 5);
	memcpy(rows[1].municipality, "0164", 5);
	for (int i = 0; i < 2; i++) {
		rows[i].children_by_form[3] = 12 + i;
		rows[i].children_by_form[4] = 4 + 2 * i;
		rows[i].children_in_care = 16 + 3 * i;
	}
	doc = figures(rows, 2);
	a = row(doc, 0);
	/* 12 light against 4 heavy, but the 4 is hidden and would follow from the shares */
	assert_true(json_is_null(json_object_get(a, "children_form_4")));
	assert_true(json_is_null(json_object_get(a, "light_share")));
	assert_true(json_is_null(json_object_get(a, "heavy_share")));
	/* each child has one form, so children in care = 12 + the 4 and Hengelo's 19 = 13 + its 6:
	 * the counts of children in care give the 4 away too, unless they are hidden as well */
	assert_true(json_is_null(json_object_get(a, "children_in_youth_care")));
	/* the region's mix, 25 light against 10 heavy, is shown */
	assert_true(json_real_value(json_object_get(row(doc, 2), "light_share")) == 0.714);
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
	assert_non_null(
		strstr(jr_buf_str(&b), "0153;Enschede;help_requests;\r\n"));  /* suppressed */
	assert_non_null(strstr(jr_buf_str(&b), ";regio;help_requests;\r\n")); /* the same 3 */
	assert_non_null(strstr(jr_buf_str(&b), ";regio;care_ended;0\r\n"));
	jr_buf_release(&b);
	/* no municipality at all: the region alone */
	jr_buf_init(&b, 1 << 20);
	assert_int_equal(jr_figures_csv(&b, NULL, 0, names, NULL), JR_OK);
	assert_non_null(strstr(jr_buf_str(&b), ";regio;help_requests;0\r\n"));
	jr_buf_release(&b);
}

static const char *odd_names(void *ctx, const char *code)
{
	(void)ctx;
	(void)code;
	return "Den \"Bosch\" \\ en omstreken";
}

/* The JSON's opening byte for byte, and a municipality's name with a quote and a backslash
 * escaped (the names come from a policy file). */
static void test_json_escapes_names(void **state)
{
	(void)state;
	struct jr_figures_raw rows[1] = {0};
	struct jr_buf b;
	json_t *v;
	memcpy(rows[0].municipality, "0153", 5);
	rows[0].help_requests = 30;
	jr_buf_init(&b, 1 << 20);
	assert_int_equal(jr_figures_json(&b, rows, 1, jr_date_from_ymd(2026, 1, 1),
					 jr_date_from_ymd(2026, 12, 31), odd_names, NULL),
			 JR_OK);
	assert_memory_equal(jr_buf_str(&b),
			    "{\"period\":{\"from\":\"2026-01-01\",\"to\":\"2026-12-31\"},"
			    "\"suppressed_below\":5,\"rows\":[{\"municipality\":\"0153\",\"name\":"
			    "\"Den \\\"Bosch\\\" \\\\ en omstreken\",\"help_requests\":30,",
			    strlen("{\"period\":{\"from\":\"2026-01-01\",\"to\":\"2026-12-31\"},"
				   "\"suppressed_below\":5,\"rows\":[{\"municipality\":\"0153\",\"name\":"
				   "\"Den \\\"Bosch\\\" \\\\ en omstreken\",\"help_requests\":30,"));
	assert_non_null(strstr(jr_buf_str(&b), "{\"municipality\":null,\"name\":\"regio\","));
	assert_int_equal(jr_buf_str(&b)[b.len - 1], '\n');
	v = json_loads(jr_buf_str(&b), 0, NULL);
	assert_non_null(v);
	assert_string_equal(json_string_value(json_object_get(row(v, 0), "name")),
			    "Den \"Bosch\" \\ en omstreken");
	json_decref(v);
	jr_buf_release(&b);
}

/* The attacker needs the linear programme: x + y + z = 7, y + w = 5, z + u = 5, w + u = 5
 * (all at least 1) and x + t = 10. Each relation alone leaves x between 1 and 5, so
 * propagation stops there; but y + z = 5 + 5 - 5, so x is 2. */
static void test_attacker_needs_the_linear_programme(void **state)
{
	(void)state;
	struct attack a;
	enum { X, Y, Z, W, U, TT };
	struct lin l;
	struct comps cs;
	memset(&a, 0, sizeof(a));
	a.nvars = 6;
	for (int v = 0; v < 6; v++) {
		a.lo[v] = 1;
		a.hi[v] = INF;
	}
	rel(&a, 0, true, 7, (int[]){X, Y, Z}, 3, NULL, 0);
	rel(&a, 0, true, 5, (int[]){Y, W}, 2, NULL, 0);
	rel(&a, 0, true, 5, (int[]){Z, U}, 2, NULL, 0);
	rel(&a, 0, true, 5, (int[]){W, U}, 2, NULL, 0);
	rel(&a, 0, true, 10, (int[]){X, TT}, 2, NULL, 0);
	assert_true(propagate(&a));
	assert_true(a.lo[X] == 1 && a.hi[X] == 5); /* propagation: not pinned */
	comps_make(&a, &cs);
	current = &cs;
	l = (struct lin){.n = 1, .var = {X}, .coef = {1}};
	assert_true(max_of(&a, &l) == 2);
	l.coef[0] = -1;
	assert_true(max_of(&a, &l) == -2); /* the programme: x is 2 */
	comps_release(&cs);
	current = NULL;
	free(a.cons);
}

static void named(struct jr_figures_raw *rows, size_t count)
{
	static const char *const codes[] = {"0153", "0164", "0141", "0147", "0163",
					    "0168", "0173", "0175", "0177", "1700"};
	for (size_t i = 0; i < count; i++)
		snprintf(rows[i].municipality, sizeof(rows[i].municipality), "%s", codes[i]);
}

static void expect_safe(struct jr_figures_raw *rows, size_t count, const char *what)
{
	struct verdict v = publish_and_attack(rows, count);
	if (v.violations || v.pinned)
		fail_msg("%s: %d small cells narrowed below 5, %d hidden figures recomputed; %s",
			 what, v.violations, v.pinned, v.why);
}

/* One hidden cell in a total: 2 + 10 + 20 = 32; 32 - 30 gives the 2. */
static void test_one_hidden_cell_in_a_total(void **state)
{
	(void)state;
	struct jr_figures_raw rows[3] = {0};
	named(rows, 3);
	rows[0].referrals_by_type[5] = 2;
	rows[1].referrals_by_type[5] = 10;
	rows[2].referrals_by_type[5] = 20;
	expect_safe(rows, 3, "one hidden cell in a total");
}

/* Five hidden cells of 1 with a total of 5: each must be 1. */
static void test_five_ones_in_a_total_of_five(void **state)
{
	(void)state;
	struct jr_figures_raw rows[5] = {0};
	named(rows, 5);
	for (int i = 0; i < 5; i++)
		rows[i].referrals_by_type[2] = 1;
	expect_safe(rows, 5, "five ones in a total of five");
}

/* A share with a shown denominator: 3 of 40 settled is a small cell published as 0.075. */
static void test_share_over_a_shown_denominator(void **state)
{
	(void)state;
	struct jr_figures_raw rows[2] = {0};
	named(rows, 2);
	rows[0].help_requests = 40;
	rows[0].settled_without_youth_care = 3;
	rows[0].children_with_request = 30;
	rows[0].children_with_repeat_request = 28; /* and a small complement: 2 first requests */
	rows[1].help_requests = 60;
	rows[1].settled_without_youth_care = 30;
	rows[1].children_with_request = 50;
	rows[1].children_with_repeat_request = 20;
	expect_safe(rows, 2, "a share over a shown denominator");
}

/* A compulsory count from the share and the voluntary count: 2/(2 + 30) = 0.063. */
static void test_compulsory_from_share_and_voluntary(void **state)
{
	(void)state;
	struct jr_figures_raw rows[2] = {0};
	named(rows, 2);
	rows[0].allocations_compulsory = 2;
	rows[0].allocations_voluntary = 30;
	rows[1].allocations_compulsory = 12;
	rows[1].allocations_voluntary = 40;
	expect_safe(rows, 2, "a compulsory count from its share");
}

/* A forms pattern: a rare form in one municipality, a child in two forms, goals that add up. */
static void test_forms_and_outcomes(void **state)
{
	(void)state;
	struct jr_figures_raw rows[3] = {0};
	named(rows, 3);
	rows[0].children_by_form[9] = 1;
	rows[0].children_by_form[3] = 20;
	rows[0].children_by_form[6] = 7;
	rows[0].children_in_care = 27;
	rows[0].children_away_from_home = 7;
	rows[1].children_by_form[3] = 30;
	rows[1].children_in_care = 30;
	rows[2].children_by_form[3] = 9;
	rows[2].children_by_form[5] = 6;
	rows[2].children_in_care = 12;
	rows[2].children_away_from_home = 6;
	rows[0].care_ended = 40;
	rows[0].goals[0] = 37;
	rows[0].goals[1] = 2;
	rows[0].goals[2] = 1;
	rows[0].continued_without_help = 36;
	rows[1].care_ended = 3;
	rows[1].goals[0] = 3;
	rows[2].care_ended = 25;
	rows[2].goals[0] = 10;
	rows[2].goals[1] = 10;
	rows[2].goals[2] = 5;
	rows[2].continued_without_help = 5;
	rows[0].ended_according_to_plan = 36; /* 4 did not end by plan: small */
	rows[0].ended_drop_out = 3;
	rows[2].ended_according_to_plan = 20;
	rows[2].ended_drop_out = 5;
	expect_safe(rows, 3, "forms and outcomes");
}

/* ---- random tables ---------------------------------------------------------------------- */

static uint64_t rng_state;

static uint64_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static int64_t upto(int64_t n) /* 0..n */
{
	return n <= 0 ? 0 : (int64_t)(rnd() % (uint64_t)(n + 1));
}

/* A size: often nothing or a few, sometimes tens. */
static int64_t size(void)
{
	switch (rnd() % 6) {
	case 0: return 0;
	case 1:
	case 2: return 1 + upto(4);
	case 3: return 3 + upto(8);
	case 4: return 5 + upto(25);
	default: return 20 + upto(80);
	}
}

static int waits[MAX_ROWS][2][16];

/* A municipality's counts, consistent as the store makes them (children by form from children
 * with one or two forms, outcomes from deliveries). */
static void random_row(struct jr_figures_raw *r, size_t i)
{
	static const int form_weight[11] = {0, 15, 25, 30, 20, 4, 4, 2, 2, 1, 3};
	int64_t children, ended;
	r->help_requests = size();
	r->settled_without_youth_care = rnd() % 3 ? upto(r->help_requests) : 0;
	r->children_with_request = r->help_requests ? 1 + upto(r->help_requests - 1) : 0;
	r->children_with_repeat_request = rnd() % 2 ? upto(r->children_with_request) : 0;
	children = size();
	for (int64_t c = 0; c < children; c++) {
		bool seen[11] = {false}, away = false;
		int nforms = rnd() % 5 == 0 ? 2 : 1;
		for (int k = 0; k < nforms; k++) {
			int pick = (int)(rnd() % 104), f = 1;
			while (pick >= form_weight[f]) {
				pick -= form_weight[f];
				f++;
			}
			if (seen[f])
				continue;
			seen[f] = true;
			r->children_by_form[f]++;
			away |= f >= 5 && f <= 8;
		}
		r->children_in_care++;
		r->children_away_from_home += away;
	}
	r->allocations_compulsory = rnd() % 2 ? size() / 3 : 0;
	r->allocations_voluntary = size();
	for (int k = 1; k <= 8; k++)
		r->referrals_by_type[k] = k == 7 ? 0 : (rnd() % 3 ? size() : 0);
	ended = size();
	for (int64_t d = 0; d < ended; d++) {
		int g = (int)(rnd() % 3);
		r->care_ended++;
		r->goals[g]++;
		r->continued_without_help += rnd() % 5 < 2;
		switch (rnd() % 4) { /* the reason for ending: by plan, drop-out, another */
		case 0:
		case 1: r->ended_according_to_plan++; break;
		case 2: r->ended_drop_out++; break;
		default: break;
		}
	}
	for (int w = 0; w < 2; w++) {
		int64_t n = upto(r->allocations_compulsory + r->allocations_voluntary);
		if (n > 16)
			n = 16;
		for (int64_t k = 0; k < n; k++)
			waits[i][w][k] = (int)upto(120);
		if (w == 0) {
			r->wait_allocation_days = waits[i][0];
			r->wait_allocation_count = (size_t)n;
		} else {
			r->wait_start_days = waits[i][1];
			r->wait_start_count = (size_t)n;
		}
	}
}

static void test_random_tables(void **state)
{
	(void)state;
	int tables = 0, hidden = 0;
	rng_state = 0x9e3779b97f4a7c15u; /* fixed seed: the same tables on every run */
	for (int n = 0; n < 200; n++) {
		struct jr_figures_raw rows[MAX_ROWS - 1];
		size_t count = 1 + (size_t)(rnd() % 6);
		struct verdict v;
		uint64_t seed = rng_state;
		memset(rows, 0, sizeof(rows));
		named(rows, count);
		for (size_t i = 0; i < count; i++)
			random_row(&rows[i], i);
		v = publish_and_attack(rows, count);
		if (v.violations || v.pinned)
			fail_msg("table %d (rng %llx, %zu municipalities): %d small cells narrowed "
				 "below 5, %d hidden figures recomputed; %s",
				 n, (unsigned long long)seed, count, v.violations, v.pinned, v.why);
		tables++;
		hidden += v.hidden;
	}
	assert_int_equal(tables, 200);
	assert_true(hidden > 1000); /* the tables do exercise suppression */
}

/* The engine on a table of 2 × 2 cells with their totals: the 1 needs three more cells hidden
 * (the classic rectangle), no more, and each hidden cell has its witness. */
static void test_suppress_rectangle(void **state)
{
	(void)state;
	/* rows: a b | a+b ; c d | c+d ; column totals */
	static const int64_t v[3][3] = {{1, 20, 21}, {30, 40, 70}, {31, 60, 91}};
	struct jr_sup s;
	int cell[3][3], unit[3][3];
	jr_sup_init(&s, 5);
	for (int i = 0; i < 3; i++)
		for (int j = 0; j < 3; j++) {
			assert_int_equal(jr_sup_unit(&s, (double)v[i][j] + 1, &unit[i][j]), JR_OK);
			assert_int_equal(jr_sup_cell(&s, unit[i][j], 0, i < 2 ? i : -1, v[i][j], 1,
						     &cell[i][j]),
					 JR_OK);
			assert_int_equal(jr_sup_key(&s, unit[i][j], -1, &cell[i][j], 1, NULL, 0),
					 JR_OK);
		}
	for (int i = 0; i < 3; i++) {
		struct jr_sup_term row[3] = {{cell[i][0], 1}, {cell[i][1], 1}, {cell[i][2], -1}};
		struct jr_sup_term col[3] = {{cell[0][i], 1}, {cell[1][i], 1}, {cell[2][i], -1}};
		assert_int_equal(jr_sup_relation(&s, false, false, row, 3, 0), JR_OK);
		assert_int_equal(jr_sup_relation(&s, false, i == 2, col, 3, 0), JR_OK);
	}
	assert_int_equal(jr_sup_run(&s), JR_OK);
	/* the 1, the 20 beside it, the 30 below it and the 40: the cheapest rectangle */
	assert_true(jr_sup_hidden(&s, unit[0][0]) && jr_sup_hidden(&s, unit[0][1]) &&
		    jr_sup_hidden(&s, unit[1][0]) && jr_sup_hidden(&s, unit[1][1]));
	for (int i = 0; i < 3; i++)
		assert_false(jr_sup_hidden(&s, unit[i][2]) || jr_sup_hidden(&s, unit[2][i]));
	assert_int_equal(s.unprotected, 0);
	jr_sup_release(&s);
}

/* The same table gives the same answer, byte for byte. */
static void test_deterministic(void **state)
{
	(void)state;
	struct jr_figures_raw rows[6];
	struct jr_buf a, b;
	rng_state = 42;
	memset(rows, 0, sizeof(rows));
	named(rows, 6);
	for (size_t i = 0; i < 6; i++)
		random_row(&rows[i], i);
	jr_buf_init(&a, 1 << 20);
	jr_buf_init(&b, 1 << 20);
	assert_int_equal(jr_figures_json(&a, rows, 6, 0, 0, names, NULL), JR_OK);
	assert_int_equal(jr_figures_json(&b, rows, 6, 0, 0, names, NULL), JR_OK);
	assert_string_equal(jr_buf_str(&a), jr_buf_str(&b));
	jr_buf_release(&a);
	jr_buf_release(&b);
}

/* Every allocation of the suppression may fail: the answer is then JR_ERR_NOMEM, with nothing
 * leaked (AddressSanitizer) and the buffer left as it was. */
static void test_allocation_failures(void **state)
{
	(void)state;
	struct jr_figures_raw rows[3] = {0};
	bool succeeded = false;
	named(rows, 3);
	rows[0].allocations_compulsory = 2; /* hidden, with a rectangle to protect it */
	rows[0].allocations_voluntary = 30;
	rows[1].allocations_compulsory = 12;
	rows[1].allocations_voluntary = 40;
	rows[2].children_by_form[9] = 1;
	rows[2].children_by_form[3] = 9;
	rows[2].children_in_care = 10;
	for (long n = 0; n < 100000 && !succeeded; n++) {
		struct jr_buf b;
		enum jr_err err;
		jr_buf_init(&b, 1 << 20);
		jr_alloc_fail_after(n);
		err = jr_figures_csv(&b, rows, 3, names, NULL);
		jr_alloc_fail_after(-1);
		assert_true(err == JR_OK || err == JR_ERR_NOMEM);
		succeeded = err == JR_OK;
		jr_buf_release(&b);
	}
	assert_true(succeeded);
}

/* ---- the pattern over whole years: small cells across periods and grains --------------- */

#define SM 3 /* municipalities */

struct year_rows {
	struct jr_figures_raw month[12][SM], quarter[4][SM], year[1][SM];
	struct jr_figures_period period[3][12];
};

static const char *const year_codes[SM] = {"0153", "0164", "0141"};

/* One year of help requests: h[r][q] in quarter q of municipality r, all in the quarter's first
 * month (the other two months 0), so months add up to quarters and quarters to the year. */
static void year_fill(struct year_rows *y, const int64_t h[SM][4])
{
	static const size_t per[3] = {12, 4, 1};

	memset(y, 0, sizeof(*y));
	for (size_t r = 0; r < SM; r++) {
		for (size_t m = 0; m < 12; m++)
			memcpy(y->month[m][r].municipality, year_codes[r], 5);
		for (size_t q = 0; q < 4; q++) {
			memcpy(y->quarter[q][r].municipality, year_codes[r], 5);
			y->quarter[q][r].help_requests = h[r][q];
			y->month[q * 3][r].help_requests = h[r][q];
			y->year[0][r].help_requests += h[r][q];
		}
		memcpy(y->year[0][r].municipality, year_codes[r], 5);
	}
	for (int l = 0; l < 3; l++)
		for (size_t i = 0; i < per[l]; i++) {
			struct jr_figures_period *p = &y->period[l][i];
			size_t months = 12 / per[l];
			p->rows = l == 0 ? y->month[i] : l == 1 ? y->quarter[i] : y->year[i];
			p->count = SM;
			p->from = jr_date_from_ymd(2026, (int)(i * months) + 1, 1);
			p->to = jr_date_add_months(p->from, (int)months) - 1;
			snprintf(p->label, sizeof(p->label), "%d", (int)i);
		}
}

/* The help requests of every period of a level as the pattern publishes them, as a series;
 * the table of one period alone in *one (json_decref both). */
static json_t *year_series(struct year_rows *y, enum jr_figures_level level, size_t n,
			   json_t **one, size_t index)
{
	const struct jr_figures_period *levels[3] = {y->period[0], y->period[1], y->period[2]};
	struct jr_figures_series_head head = {"twente", jr_date_from_ymd(2026, 1, 1),
					      jr_date_from_ymd(2026, 12, 31), "kwartaal"};
	struct jr_figures_years *pattern = NULL;
	struct jr_buf b, c;
	json_error_t e;
	json_t *v;

	jr_buf_init(&b, 1 << 20);
	jr_buf_init(&c, 1 << 20);
	assert_int_equal(jr_figures_years_make(levels, 1, &pattern), JR_OK);
	assert_int_equal(jr_figures_years_series_json(&b, pattern, &head, level, 0, n, names, NULL),
			 JR_OK);
	assert_int_equal(jr_figures_years_table_json(&c, pattern, level, index, names, NULL),
			 JR_OK);
	/* outside the pattern: refused */
	assert_int_equal(jr_figures_years_table_json(&c, pattern, level, n, names, NULL),
			 JR_ERR_INPUT);
	jr_figures_years_release(pattern);
	v = json_loads(jr_buf_str(&b), 0, &e);
	*one = json_loads(jr_buf_str(&c), 0, &e);
	if (!v || !*one)
		fail_msg("not JSON: %s", e.text);
	jr_buf_release(&b);
	jr_buf_release(&c);
	return v;
}

static bool year_hidden(json_t *doc, size_t p, size_t r)
{
	json_t *period = json_array_get(json_object_get(doc, "series"), p);
	return json_is_null(
		json_object_get(json_array_get(json_object_get(period, "rows"), r), "help_requests"));
}

/* One municipality's help requests hidden in one quarter only (2) would be the year's (122)
 * minus its other quarters (30 + 40 + 50), or the quarter's first month (2) the quarter minus
 * its other months. The pattern hides a second cell in every line a reader can add up — the
 * months of a quarter with the quarter, the quarters and the months of the year with the year,
 * the municipalities of a period with the region — until each line holds none or two; each
 * quarter's table alone still shows the 30. A table and a series cut from the pattern agree. */
static void test_years_hidden_cell_not_recovered(void **state)
{
	static const int64_t h[SM][4] = {{2, 30, 40, 50}, {20, 31, 41, 51}, {25, 32, 42, 53}};
	static struct year_rows y;
	json_t *month, *quarter, *year, *one, *alone;
	size_t nulls;

	(void)state;
	year_fill(&y, h);
	alone = figures(y.quarter[1], SM); /* the second quarter on its own shows Enschede's 30 */
	assert_int_equal(json_integer_value(json_object_get(row(alone, 0), "help_requests")), 30);
	json_decref(alone);
	month = year_series(&y, JR_FIGURES_MONTH, 12, &one, 3);
	json_decref(one);
	year = year_series(&y, JR_FIGURES_YEAR, 1, &one, 0);
	json_decref(one);
	quarter = year_series(&y, JR_FIGURES_QUARTER, 4, &one, 1);
	assert_true(year_hidden(quarter, 0, 0));
	assert_true(year_hidden(month, 0, 0));
	for (size_t r = 0; r <= SM; r++) { /* the table of a quarter is its period of the series */
		json_t *a = json_object_get(row(one, r), "help_requests");
		json_t *b = json_object_get(
			json_array_get(json_object_get(json_array_get(json_object_get(quarter,
										      "series"),
								      1),
						       "rows"),
				       r),
			"help_requests");
		assert_true(json_equal(a, b) || (json_is_null(a) && json_is_null(b)));
	}
	for (size_t r = 0; r <= SM; r++) { /* every row, the region's too: none or at least two */
		for (size_t q = 0; q < 4; q++) { /* the months of a quarter, and the quarter */
			nulls = year_hidden(quarter, q, r);
			for (size_t k = 0; k < 3; k++)
				nulls += year_hidden(month, q * 3 + k, r);
			assert_true(nulls == 0 || nulls >= 2);
		}
		nulls = year_hidden(year, 0, r); /* the quarters of the year, and the year */
		for (size_t q = 0; q < 4; q++)
			nulls += year_hidden(quarter, q, r);
		assert_true(nulls == 0 || nulls >= 2);
		nulls = year_hidden(year, 0, r); /* the months of the year, and the year */
		for (size_t m = 0; m < 12; m++)
			nulls += year_hidden(month, m, r);
		assert_true(nulls == 0 || nulls >= 2);
	}
	for (size_t p = 0; p < 12; p++) { /* every period's municipalities with the region */
		size_t nm = 0, nq = 0;
		for (size_t r = 0; r <= SM; r++) {
			nm += year_hidden(month, p, r);
			nq += p < 4 && year_hidden(quarter, p, r);
		}
		assert_true(nm == 0 || nm >= 2);
		assert_true(nq == 0 || nq >= 2);
	}
	json_decref(one);
	json_decref(month);
	json_decref(quarter);
	json_decref(year);
}

/* A pattern of periods with different municipalities is refused, not cut wrongly. */
static void test_years_rows_must_agree(void **state)
{
	static const int64_t h[SM][4] = {{7, 7, 7, 7}, {8, 8, 8, 8}, {9, 9, 9, 9}};
	static struct year_rows y;
	const struct jr_figures_period *levels[3] = {y.period[0], y.period[1], y.period[2]};
	struct jr_figures_years *pattern = NULL;

	(void)state;
	year_fill(&y, h);
	y.period[1][2].count = SM - 1;
	assert_int_equal(jr_figures_years_make(levels, 1, &pattern), JR_ERR_INPUT);
	jr_figures_years_release(pattern);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_small_cells_are_suppressed),
		cmocka_unit_test(test_light_heavy_mix),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_json_escapes_names),
		cmocka_unit_test(test_attacker_needs_the_linear_programme),
		cmocka_unit_test(test_one_hidden_cell_in_a_total),
		cmocka_unit_test(test_five_ones_in_a_total_of_five),
		cmocka_unit_test(test_share_over_a_shown_denominator),
		cmocka_unit_test(test_compulsory_from_share_and_voluntary),
		cmocka_unit_test(test_forms_and_outcomes),
		cmocka_unit_test(test_random_tables),
		cmocka_unit_test(test_statistics_over_youths),
		cmocka_unit_test(test_suppress_rectangle),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_allocation_failures),
		cmocka_unit_test(test_years_hidden_cell_not_recovered),
		cmocka_unit_test(test_years_rows_must_agree),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	free(nz_scratch);
	return failed;
}
