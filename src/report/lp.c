/* lp: a small dense linear programme, solved by the bounded-variable primal simplex (lp.h). */
#include "report/lp.h"

#include <stdint.h>
#include <string.h>

#include "core/alloc.h"

#define JR_LP_EPS 1e-9

static double absd(double v)
{
	return v < 0 ? -v : v;
}

void jr_lp_free(struct jr_lp *lp)
{
	jr_free(lp->a);
	jr_free(lp->lo);
	jr_free(lp->up);
	jr_free(lp->x);
	jr_free(lp->cost);
	jr_free(lp->red);
	jr_free(lp->basis);
	jr_free(lp->basic);
	jr_free(lp->at_up);
	jr_free(lp->nz);
	memset(lp, 0, sizeof(*lp));
}

enum jr_err jr_lp_alloc(struct jr_lp *lp, size_t m, size_t n)
{
	memset(lp, 0, sizeof(*lp));
	if (m && n > JR_LP_MAX_ENTRIES / m)
		return JR_ERR_TOO_BIG;
	lp->m = m;
	lp->n = n;
	lp->a = jr_calloc(m * n + 1, sizeof(double));
	lp->lo = jr_calloc(n, sizeof(double));
	lp->up = jr_calloc(n, sizeof(double));
	lp->x = jr_calloc(n, sizeof(double));
	lp->cost = jr_calloc(n, sizeof(double));
	lp->red = jr_calloc(n, sizeof(double));
	lp->basis = jr_calloc(m + 1, sizeof(size_t));
	lp->basic = jr_calloc(n, 1);
	lp->at_up = jr_calloc(n, 1);
	lp->nz = jr_calloc(n, sizeof(size_t));
	if (!lp->a || !lp->lo || !lp->up || !lp->x || !lp->cost || !lp->red || !lp->basis ||
	    !lp->basic || !lp->at_up || !lp->nz) {
		jr_lp_free(lp);
		return JR_ERR_NOMEM;
	}
	lp->cap_mn = m * n;
	lp->cap_m = m;
	lp->cap_n = n;
	return JR_OK;
}

enum jr_err jr_lp_reuse(struct jr_lp *lp, size_t m, size_t n)
{
	if (m && n > JR_LP_MAX_ENTRIES / m) {
		jr_lp_free(lp);
		return JR_ERR_TOO_BIG;
	}
	if (!lp->a || m * n > lp->cap_mn || m > lp->cap_m || n > lp->cap_n) {
		jr_lp_free(lp);
		return jr_lp_alloc(lp, m, n);
	}
	lp->m = m;
	lp->n = n;
	memset(lp->a, 0, (m * n + 1) * sizeof(double));
	memset(lp->lo, 0, n * sizeof(double));
	memset(lp->up, 0, n * sizeof(double));
	memset(lp->x, 0, n * sizeof(double));
	memset(lp->cost, 0, n * sizeof(double));
	memset(lp->red, 0, n * sizeof(double));
	memset(lp->basis, 0, (m + 1) * sizeof(size_t));
	memset(lp->basic, 0, n);
	memset(lp->at_up, 0, n);
	memset(lp->nz, 0, n * sizeof(size_t));
	return JR_OK;
}

static void pivot(struct jr_lp *lp, size_t r, size_t e)
{
	double *row = lp->a + r * lp->n, piv = row[e], f;
	size_t nnz = 0;

	for (size_t j = 0; j < lp->n; j++) {
		if (row[j] == 0)
			continue;
		row[j] /= piv;
		if (absd(row[j]) < 1e-12)
			row[j] = 0;
		else
			lp->nz[nnz++] = j;
	}
	row[e] = 1;
	for (size_t i = 0; i < lp->m; i++) {
		double *ri = lp->a + i * lp->n;
		if (i == r || (f = ri[e]) == 0)
			continue;
		for (size_t k = 0; k < nnz; k++) {
			size_t j = lp->nz[k];
			ri[j] -= f * row[j];
			if (absd(ri[j]) < 1e-12)
				ri[j] = 0;
		}
		ri[e] = 0;
	}
	if ((f = lp->red[e]) != 0) {
		for (size_t k = 0; k < nnz; k++)
			lp->red[lp->nz[k]] -= f * row[lp->nz[k]];
		lp->red[e] = 0;
	}
}

void jr_lp_price(struct jr_lp *lp)
{
	memcpy(lp->red, lp->cost, lp->n * sizeof(double));
	for (size_t i = 0; i < lp->m; i++) {
		double cb = lp->cost[lp->basis[i]];
		const double *ri = lp->a + i * lp->n;
		if (cb == 0)
			continue;
		for (size_t j = 0; j < lp->n; j++)
			if (ri[j] != 0)
				lp->red[j] -= cb * ri[j];
	}
}

bool jr_lp_solve(struct jr_lp *lp)
{
	size_t iter = 0, degenerate = 0, limit = 50 * (lp->m + lp->n) + 1000;

	for (;;) {
		size_t enter = SIZE_MAX, leave = SIZE_MAX;
		int dir = 0;
		double best = 0, theta;
		bool bland = degenerate > 30, leave_up = false;

		for (size_t j = 0; j < lp->n; j++) {
			double r = lp->red[j];
			int dj = 0;
			if (lp->basic[j] || lp->up[j] - lp->lo[j] < JR_LP_EPS)
				continue;
			if (!lp->at_up[j] && r < -JR_LP_EPS)
				dj = 1;
			else if (lp->at_up[j] && r > JR_LP_EPS)
				dj = -1;
			if (!dj)
				continue;
			if (bland) {
				enter = j;
				dir = dj;
				break;
			}
			if (absd(r) > best) {
				best = absd(r);
				enter = j;
				dir = dj;
			}
		}
		if (enter == SIZE_MAX)
			return true;
		if (++iter > limit)
			return false;
		theta = lp->up[enter] - lp->lo[enter];
		for (size_t i = 0; i < lp->m; i++) {
			double a = lp->a[i * lp->n + enter], rate, lim;
			size_t b = lp->basis[i];
			bool to_up;
			if (absd(a) < JR_LP_EPS)
				continue;
			rate = -dir * a; /* change of the basic variable per unit of the step */
			if (rate < 0) {
				lim = (lp->x[b] - lp->lo[b]) / -rate;
				to_up = false;
			} else {
				if (lp->up[b] >= JR_LP_INF)
					continue;
				lim = (lp->up[b] - lp->x[b]) / rate;
				to_up = true;
			}
			if (lim < 0)
				lim = 0;
			if (lim < theta - JR_LP_EPS ||
			    (lim <= theta + JR_LP_EPS && leave != SIZE_MAX && b < lp->basis[leave])) {
				theta = lim;
				leave = i;
				leave_up = to_up;
			}
		}
		if (theta >= JR_LP_INF / 2)
			return false;
		degenerate = theta < JR_LP_EPS ? degenerate + 1 : 0;
		lp->x[enter] += dir * theta;
		for (size_t i = 0; i < lp->m; i++)
			lp->x[lp->basis[i]] -= dir * lp->a[i * lp->n + enter] * theta;
		if (leave ==
		    SIZE_MAX) { /* the entering variable went from one bound to the other */
			lp->at_up[enter] = dir > 0;
			lp->x[enter] = dir > 0 ? lp->up[enter] : lp->lo[enter];
			continue;
		}
		{
			size_t b = lp->basis[leave];
			lp->x[b] = leave_up ? lp->up[b] : lp->lo[b];
			lp->at_up[b] = leave_up;
			lp->basic[b] = 0;
		}
		pivot(lp, leave, enter);
		lp->basis[leave] = enter;
		lp->basic[enter] = 1;
		lp->at_up[enter] = 0;
	}
}
