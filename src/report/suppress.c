/* suppress: secondary cell suppression with witnesses (suppress.h).
 *
 * The search, for one requirement (a small hidden cell that must be able to reach the
 * threshold, or a hidden key whose value must be able to change), in one block:
 *
 *   variables  d = p - q for every cell that may move: in "cost" mode every cell a reader could
 *              be kept from knowing (value >= floor), in "fixed" mode only the hidden ones (in a
 *              large table first only those of the rows near the cell); the move of a cell is
 *              bounded by floor - value below and, in a branch, by the branch;
 *   rows       every equality of the block, sum coef*d = 0 (a witness keeps every relation); the
 *              inequalities that are nearly tight, sum coef*(value + d) <= rhs, and any other one
 *              the solution breaks (added and solved again);
 *   phase 1    a move within those bounds that keeps every row, the target's move among the
 *              bounds (artificial columns for the rows the start breaks, driven to 0);
 *   phase 2    the cheapest such move: a shown cell costs its unit's cost per unit of change, a
 *              hidden one almost nothing.
 *
 * The solution is a candidate witness; it is accepted only when it is integral and the moved
 * table satisfies every relation of the block exactly. When it is not integral, a small branch
 * and bound splits on a fractional move (the nearer integer first). In cost mode the units of
 * the shown cells the witness moves are hidden. The programme is report/lp.c's dense
 * bounded-variable primal simplex (Dantzig's rule, Bland's after a run of degenerate steps); an
 * artificial column, once out of the basis, never returns. */
#include "report/suppress.h"

#include <string.h>

#include "core/alloc.h"
#include "report/lp.h"

#define ARRAY_MAX      (1u << 22) /* bound on every array of the table */
#define HIDDEN_COST    1e-3       /* moving a cell that is hidden already: almost free */
#define LAZY_ROUNDS    12

static double absd(double v)
{
	return v < 0 ? -v : v;
}

static int64_t nearest(double v)
{
	return (int64_t)(v < 0 ? v - 0.5 : v + 0.5);
}

/* Makes room for `need` elements of `size` in *p (capacity *cap). */
static enum jr_err grow(void **p, size_t *cap, size_t need, size_t size)
{
	size_t ncap = *cap ? *cap : 16;
	void *np;

	if (need <= *cap)
		return JR_OK;
	if (need > ARRAY_MAX)
		return JR_ERR_TOO_BIG;
	while (ncap < need)
		ncap *= 2;
	np = jr_realloc(*p, ncap * size);
	if (!np)
		return JR_ERR_NOMEM;
	*p = np;
	*cap = ncap;
	return JR_OK;
}

#define GROW(arr, n, cap, extra) grow((void **)&(arr), &(cap), (n) + (extra), sizeof(*(arr)))

void jr_sup_init(struct jr_sup *s, int threshold)
{
	memset(s, 0, sizeof(*s));
	s->threshold = threshold;
}

void jr_sup_release(struct jr_sup *s)
{
	jr_free(s->cells);
	jr_free(s->units);
	jr_free(s->rels);
	jr_free(s->terms);
	jr_free(s->keys);
	jr_free(s->key_cells);
	jr_free(s->wits);
	jr_free(s->moves);
	memset(s, 0, sizeof(*s));
}

enum jr_err jr_sup_unit(struct jr_sup *s, double cost, int *out)
{
	enum jr_err err = GROW(s->units, s->nunits, s->capunits, 1);

	if (err)
		return err;
	if (s->nunits >= JR_SUP_MAX_CELLS)
		return JR_ERR_TOO_BIG;
	s->units[s->nunits] = (struct jr_sup_unit){.cost = cost > 0 ? cost : 1};
	*out = (int)s->nunits++;
	return JR_OK;
}

enum jr_err jr_sup_cell(struct jr_sup *s, int unit, int block, int group, int64_t value,
			int64_t floor, int *out)
{
	enum jr_err err;

	if (unit < 0 || (size_t)unit >= s->nunits || block < 0 || value < 0 || group < -1 ||
	    group >= JR_SUP_MAX_CELLS)
		return JR_ERR_INTERNAL;
	if ((err = GROW(s->cells, s->ncells, s->capcells, 1)))
		return err;
	if (s->ncells >= JR_SUP_MAX_CELLS)
		return JR_ERR_TOO_BIG;
	s->cells[s->ncells] = (struct jr_sup_cell){
		.value = value, .floor = floor, .unit = unit, .block = block, .group = group};
	if (group + 1 > s->ngroups)
		s->ngroups = group + 1;
	s->units[unit].ncells++;
	*out = (int)s->ncells++;
	return JR_OK;
}

enum jr_err jr_sup_relation(struct jr_sup *s, bool le, bool implied,
			    const struct jr_sup_term *terms, size_t n, int64_t rhs)
{
	int64_t sum = 0;
	enum jr_err err;

	if (n == 0)
		return JR_OK;
	for (size_t i = 0; i < n; i++) {
		if (terms[i].cell < 0 || (size_t)terms[i].cell >= s->ncells ||
		    s->cells[terms[i].cell].block != s->cells[terms[0].cell].block)
			return JR_ERR_INTERNAL;
		sum += terms[i].coef * s->cells[terms[i].cell].value;
	}
	if (le ? sum > rhs : sum != rhs)
		return JR_OK; /* not true of this table: no reader can rely on it */
	if ((err = GROW(s->rels, s->nrels, s->caprels, 1)) ||
	    (err = GROW(s->terms, s->nterms, s->capterms, n)))
		return err;
	memcpy(s->terms + s->nterms, terms, n * sizeof(*terms));
	s->rels[s->nrels++] = (struct jr_sup_rel){.block = s->cells[terms[0].cell].block,
						  .first = s->nterms,
						  .count = n,
						  .rhs = rhs,
						  .le = le,
						  .implied = implied && !le};
	s->nterms += n;
	return JR_OK;
}

enum jr_err jr_sup_key(struct jr_sup *s, int unit1, int unit2, const int *num, size_t nnum,
		       const int *den, size_t nden)
{
	enum jr_err err;

	if ((err = GROW(s->keys, s->nkeys, s->capkeys, 1)) ||
	    (err = GROW(s->key_cells, s->nkey_cells, s->capkey_cells, nnum + nden)))
		return err;
	for (size_t i = 0; i < nnum + nden; i++) {
		int c = i < nnum ? num[i] : den[i - nnum];
		if (c < 0 || (size_t)c >= s->ncells)
			return JR_ERR_INTERNAL;
		s->key_cells[s->nkey_cells + i] = c;
	}
	s->keys[s->nkeys++] = (struct jr_sup_key){.unit = {unit1, unit2},
						  .num_first = s->nkey_cells,
						  .num_count = nnum,
						  .den_first = s->nkey_cells + nnum,
						  .den_count = nden};
	s->nkey_cells += nnum + nden;
	return JR_OK;
}

void jr_sup_hide(struct jr_sup *s, int unit)
{
	if (unit >= 0 && (size_t)unit < s->nunits)
		s->units[unit].hidden = s->units[unit].primary = true;
}

bool jr_sup_hidden(const struct jr_sup *s, int unit)
{
	return unit >= 0 && (size_t)unit < s->nunits && s->units[unit].hidden;
}

bool jr_sup_key_hidden(const struct jr_sup *s, size_t key)
{
	return key < s->nkeys &&
	       (jr_sup_hidden(s, s->keys[key].unit[0]) || jr_sup_hidden(s, s->keys[key].unit[1]));
}

/* ---- witnesses ------------------------------------------------------------------------------ */

/* Scratch of one run. */
struct run {
	int64_t *delta;       /* per cell: the move being checked (0 elsewhere) */
	int *var;             /* per cell: its variable in the programme, or -1 */
	unsigned char *in_lp; /* per relation: an inequality the programme holds */
	size_t *block_first;  /* relations of a block: rel_order[block_first[b] .. [b+1]) */
	size_t *rel_order;
	size_t *cell_first; /* cells of a block: cell_order[...] */
	size_t *cell_order;
	int *group_hidden;           /* per group: hidden cells in the block searched */
	unsigned char *in_window;    /* per group: in the window of the current search */
	const unsigned char *window; /* NULL: every group */
	struct jr_lp lp;             /* the buffers of the last programme, for the next one */
};

/* Whether the true table moved by r->delta satisfies every relation of the block. */
static bool relations_hold(const struct jr_sup *s, const struct run *r, int block, long *broken)
{
	*broken = -1;
	for (size_t k = r->block_first[block]; k < r->block_first[block + 1]; k++) {
		const struct jr_sup_rel *rel = &s->rels[r->rel_order[k]];
		int64_t sum = 0;
		for (size_t t = rel->first; t < rel->first + rel->count; t++) {
			int c = s->terms[t].cell;
			sum += s->terms[t].coef * (s->cells[c].value + r->delta[c]);
		}
		if (rel->le ? sum > rel->rhs : sum != rel->rhs) {
			*broken = (long)r->rel_order[k];
			return false;
		}
	}
	return true;
}

static bool witness_valid(const struct jr_sup *s, size_t w)
{
	const struct jr_sup_witness *wt = &s->wits[w];

	if (wt->dead)
		return false;
	for (size_t i = wt->first; i < wt->first + wt->count; i++)
		if (!s->units[s->cells[s->moves[i].cell].unit].hidden)
			return false;
	return true;
}

static int64_t witness_delta(const struct jr_sup *s, size_t w, int cell)
{
	const struct jr_sup_witness *wt = &s->wits[w];

	for (size_t i = wt->first; i < wt->first + wt->count; i++)
		if (s->moves[i].cell == cell)
			return s->moves[i].delta;
	return 0;
}

/* A requirement: cell `cell` can rise by `amount` (key -1), or key `key` can change value. */
struct req {
	int cell;
	int64_t amount;
	long key;
	long wit; /* the witness that meets it, or -1 */
	bool active;
	bool lost; /* no witness exists even with everything hideable hidden */
};

static int64_t key_sum(const struct jr_sup *s, size_t first, size_t count, long w)
{
	int64_t sum = 0;

	for (size_t i = first; i < first + count; i++) {
		int c = s->key_cells[i];
		sum += s->cells[c].value + (w >= 0 ? witness_delta(s, (size_t)w, c) : 0);
	}
	return count ? sum : 1;
}

static bool meets(const struct jr_sup *s, const struct req *q, size_t w)
{
	const struct jr_sup_key *k;
	long double n0, d0, n1, d1;

	if (q->key < 0)
		return s->wits[w].block == s->cells[q->cell].block &&
		       witness_delta(s, w, q->cell) >= q->amount;
	k = &s->keys[q->key];
	if (s->wits[w].block != s->cells[s->key_cells[k->num_first]].block)
		return false;
	n0 = (long double)key_sum(s, k->num_first, k->num_count, -1);
	d0 = (long double)key_sum(s, k->den_first, k->den_count, -1);
	n1 = (long double)key_sum(s, k->num_first, k->num_count, (long)w);
	d1 = (long double)key_sum(s, k->den_first, k->den_count, (long)w);
	return n0 * d1 != n1 * d0;
}

static long find_in_pool(const struct jr_sup *s, const struct req *q)
{
	for (size_t w = 0; w < s->nwits; w++)
		if (witness_valid(s, w) && meets(s, q, w))
			return (long)w;
	return -1;
}

enum mode { MODE_FIXED, MODE_COST };

static bool movable(const struct jr_sup *s, const struct run *r, int c, enum mode mode)
{
	const struct jr_sup_cell *cell = &s->cells[c];
	if (r->window && cell->group >= 0 && !r->window[cell->group])
		return false;
	return mode == MODE_COST ? cell->value >= cell->floor : s->units[cell->unit].hidden;
}

/* A branch of the search for an integral witness: the move of `cell` kept in [lo, hi]. */
struct branch {
	int cell;
	int64_t lo, hi;
};

#define BRANCH_DEPTH 12
#define BRANCH_NODES 48

enum node_result { NODE_INFEASIBLE, NODE_FOUND, NODE_FRACTIONAL, NODE_BROKEN, NODE_GAVE_UP };

/* The bounds of the move of variable cell c in the node: [*lo, *hi]. */
static void move_bounds(const struct jr_sup *s, int c, const struct branch *br, size_t nbr,
			int64_t *lo, int64_t *hi)
{
	*lo = s->cells[c].floor - s->cells[c].value;
	*hi = INT64_MAX;
	for (size_t i = 0; i < nbr; i++)
		if (br[i].cell == c) {
			*lo = br[i].lo > *lo ? br[i].lo : *lo;
			*hi = br[i].hi < *hi ? br[i].hi : *hi;
		}
}

/* Solves one node: the programme over the block's variable cells (r->var), its equalities and
 * the inequalities in r->in_lp, with the moves bounded by the branches. On NODE_FOUND r->delta
 * holds the integral witness; on NODE_FRACTIONAL frac_cell and frac_value a fractional move; on
 * NODE_BROKEN *broken a relation the solution breaks that the programme did not hold. */
static enum jr_err solve_node(struct jr_sup *s, struct run *r, int block, size_t nv,
			      const struct branch *br, size_t nbr, enum node_result *res,
			      int *frac_cell, double *frac_value, long *broken)
{
	size_t m = 0, row = 0, ncol;
	struct jr_lp lp = r->lp; /* its buffers; given back at the end */
	enum jr_err err = JR_OK;
	double infeas = 0;

	*res = NODE_GAVE_UP;
	for (size_t k = r->block_first[block]; k < r->block_first[block + 1]; k++) {
		const struct jr_sup_rel *rel = &s->rels[r->rel_order[k]];
		bool any = false;
		if (rel->implied || (rel->le && !r->in_lp[r->rel_order[k]]))
			continue;
		for (size_t t = rel->first; t < rel->first + rel->count && !any; t++)
			any = r->var[s->terms[t].cell] >= 0;
		m += any;
	}
	/* columns: p and q per variable cell, a slack per row, an artificial per row */
	ncol = 2 * nv + 2 * m;
	err = jr_lp_reuse(&lp, m, ncol);
	r->lp = lp; /* the buffers now (after an error, none) */
	if (err == JR_ERR_TOO_BIG)
		return JR_OK; /* too large to search: the caller falls back */
	if (err)
		return err;
	for (size_t k = r->cell_first[block]; k < r->cell_first[block + 1]; k++) {
		int c = (int)r->cell_order[k];
		int64_t lo, hi;
		size_t v;
		if (r->var[c] < 0)
			continue;
		v = (size_t)r->var[c];
		move_bounds(s, c, br, nbr, &lo, &hi);
		if (lo > hi) {
			*res = NODE_INFEASIBLE;
			goto out;
		}
		lp.lo[2 * v] = lo > 0 ? (double)lo : 0;
		lp.up[2 * v] = hi == INT64_MAX ? JR_LP_INF : (hi > 0 ? (double)hi : 0);
		lp.lo[2 * v + 1] = hi < 0 ? (double)-hi : 0;
		lp.up[2 * v + 1] = lo < 0 ? (double)-lo : 0;
		lp.x[2 * v] = lp.lo[2 * v];
		lp.x[2 * v + 1] = lp.lo[2 * v + 1];
	}
	for (size_t k = r->block_first[block]; k < r->block_first[block + 1]; k++) {
		const struct jr_sup_rel *rel = &s->rels[r->rel_order[k]];
		double rhs = 0, resid, *ar = lp.a + row * lp.n;
		size_t slack = 2 * nv + row, art = 2 * nv + m + row;
		bool any = false;
		if (rel->implied || (rel->le && !r->in_lp[r->rel_order[k]]))
			continue;
		for (size_t t = rel->first; t < rel->first + rel->count; t++) {
			int c = s->terms[t].cell;
			if (rel->le)
				rhs -= (double)s->terms[t].coef * (double)s->cells[c].value;
			if (r->var[c] < 0)
				continue;
			any = true;
			ar[2 * r->var[c]] += s->terms[t].coef;
			ar[2 * r->var[c] + 1] -= s->terms[t].coef;
		}
		if (!any)
			continue;
		if (rel->le)
			rhs += (double)rel->rhs;
		resid = rhs;
		for (size_t j = 0; j < 2 * nv; j++)
			resid -= ar[j] * lp.x[j];
		ar[slack] = 1;
		lp.up[slack] = rel->le ? JR_LP_INF : 0;
		if (rel->le && resid >= 0) {
			lp.x[slack] = resid; /* the slack starts in the basis */
			lp.basis[row] = slack;
			lp.basic[slack] = 1;
		} else {
			/* an artificial, of the residual's sign, starts in the basis; the row is
			 * multiplied so that the basic column is +1 */
			if (resid < 0)
				for (size_t j = 0; j < lp.n; j++)
					ar[j] = -ar[j];
			ar[art] = 1;
			lp.up[art] = JR_LP_INF;
			lp.cost[art] = 1;
			lp.x[art] = resid < 0 ? -resid : resid;
			infeas += lp.x[art];
			lp.basis[row] = art;
			lp.basic[art] = 1;
		}
		row++;
	}
	s->programmes++;
	/* phase 1: a move within the bounds that keeps every relation (the target among them) */
	if (infeas > 0) {
		double left = 0;
		jr_lp_price(&lp);
		if (!jr_lp_solve(&lp))
			goto out;
		for (size_t i = 0; i < m; i++)
			left += lp.x[2 * nv + m + i];
		if (left > 1e-7) {
			*res = NODE_INFEASIBLE;
			goto out;
		}
	}
	for (size_t i = 0; i < m; i++) { /* the artificials stay at 0 from now on */
		lp.up[2 * nv + m + i] = 0;
		lp.cost[2 * nv + m + i] = 0;
		if (!lp.basic[2 * nv + m + i])
			lp.x[2 * nv + m + i] = 0;
	}
	/* phase 2: the cheapest such move */
	for (size_t k = r->cell_first[block]; k < r->cell_first[block + 1]; k++) {
		int c = (int)r->cell_order[k];
		const struct jr_sup_unit *u = &s->units[s->cells[c].unit];
		double cost;
		if (r->var[c] < 0)
			continue;
		cost = u->hidden ? HIDDEN_COST : u->cost / (u->ncells ? u->ncells : 1);
		lp.cost[2 * r->var[c]] = lp.cost[2 * r->var[c] + 1] = cost;
	}
	jr_lp_price(&lp);
	if (!jr_lp_solve(&lp))
		goto out;
	*res = NODE_FOUND;
	for (size_t k = r->cell_first[block]; k < r->cell_first[block + 1]; k++) {
		int c = (int)r->cell_order[k];
		double d;
		if (r->var[c] < 0)
			continue;
		d = lp.x[2 * r->var[c]] - lp.x[2 * r->var[c] + 1];
		r->delta[c] = nearest(d);
		if (absd(d - (double)r->delta[c]) > 1e-6 && *res == NODE_FOUND) {
			*res = NODE_FRACTIONAL;
			*frac_cell = c;
			*frac_value = d;
		}
	}
	if (*res == NODE_FOUND && !relations_hold(s, r, block, broken))
		*res = NODE_BROKEN;
out:
	if (*res != NODE_FOUND)
		for (size_t k = r->cell_first[block]; k < r->cell_first[block + 1]; k++)
			r->delta[r->cell_order[k]] = 0;
	r->lp = lp;
	return err;
}

/* Searches for an integral witness that moves `target` by dir*amount in its block (a small
 * branch and bound over the programme), moving only cells in r->window; on success fills
 * r->delta (the caller keeps or clears it) and sets *found. */
static enum jr_err search(struct jr_sup *s, struct run *r, int target, int dir, int64_t amount,
			  enum mode mode, bool *found)
{
	int block = s->cells[target].block;
	size_t nv = 0, nodes = 0, top = 0;
	/* the open nodes, depth first: each a list of branches */
	struct branch stack[BRANCH_NODES][BRANCH_DEPTH + 1];
	size_t depth[BRANCH_NODES];
	enum jr_err err = JR_OK;

	*found = false;
	if (!movable(s, r, target, mode) ||
	    (dir < 0 && s->cells[target].value - s->cells[target].floor < amount))
		return JR_OK;
	for (size_t k = r->cell_first[block]; k < r->cell_first[block + 1]; k++) {
		int c = (int)r->cell_order[k];
		r->var[c] = movable(s, r, c, mode) ? (int)nv++ : -1;
	}
	/* the nearly tight inequalities start in the programme, the others when broken */
	for (size_t k = r->block_first[block]; k < r->block_first[block + 1]; k++) {
		size_t ri = r->rel_order[k];
		const struct jr_sup_rel *rel = &s->rels[ri];
		int64_t slack = rel->rhs;
		if (!rel->le)
			continue;
		for (size_t t = rel->first; t < rel->first + rel->count; t++)
			slack -= s->terms[t].coef * s->cells[s->terms[t].cell].value;
		if (slack <= 4 * (int64_t)s->threshold)
			r->in_lp[ri] = 1;
	}
	stack[0][0] = (struct branch){.cell = target,
				      .lo = dir > 0 ? amount : INT64_MIN,
				      .hi = dir > 0 ? INT64_MAX : -amount};
	depth[0] = 1;
	top = 1;
	while (top && !*found && nodes < BRANCH_NODES) {
		struct branch node[BRANCH_DEPTH + 1];
		size_t nbr = depth[--top];
		enum node_result res = NODE_BROKEN;
		int fc = -1;
		double fv = 0;
		long broken = -1;

		memcpy(node, stack[top], nbr * sizeof(*node));
		for (int round = 0; round < LAZY_ROUNDS && res == NODE_BROKEN; round++) {
			nodes++;
			if ((err = solve_node(s, r, block, nv, node, nbr, &res, &fc, &fv, &broken)))
				goto out;
			if (res == NODE_BROKEN) {
				if (broken < 0 || !s->rels[broken].le || r->in_lp[broken]) {
					res = NODE_GAVE_UP;
					break;
				}
				r->in_lp[broken] = 1;
			}
		}
		if (res == NODE_FOUND) {
			*found = true;
			break;
		}
		if (res != NODE_FRACTIONAL || nbr >= BRANCH_DEPTH || top + 2 > BRANCH_NODES)
			continue;
		/* branch on the fractional move: the nearer integer is tried first (pushed last) */
		{
			int64_t fl = nearest(fv - 0.5), ce = fl + 1;
			bool up_first = fv - (double)fl > 0.5;
			for (int side = 0; side < 2; side++) {
				bool upper =
					side == 0 ? !up_first
						  : up_first; /* the first pushed is tried last */
				memcpy(stack[top], node, nbr * sizeof(*node));
				stack[top][nbr] = (struct branch){.cell = fc,
								  .lo = upper ? ce : INT64_MIN,
								  .hi = upper ? INT64_MAX : fl};
				depth[top++] = nbr + 1;
			}
		}
	}
out:
	if (*found && (dir > 0 ? r->delta[target] < amount : r->delta[target] > -amount))
		*found = false; /* cannot happen: the target's bound is a branch */
	if (!*found)
		for (size_t k = r->cell_first[block]; k < r->cell_first[block + 1]; k++)
			r->delta[r->cell_order[k]] = 0;
	for (size_t k = r->block_first[block]; k < r->block_first[block + 1]; k++)
		r->in_lp[r->rel_order[k]] = 0;
	return err;
}

#define WINDOW_FROM 24 /* groups in a block from which a search looks near the cell first */
#define WINDOW_SIZE 12

/* search() in a large block first among the groups near the target: its own, the ones with the
 * most hidden cells of the block (ties: the lower group); then in the whole block. */
static enum jr_err solve(struct jr_sup *s, struct run *r, int target, int dir, int64_t amount,
			 enum mode mode, bool *found)
{
	int block = s->cells[target].block, groups = 0;
	enum jr_err err;

	*found = false;
	r->window = NULL;
	if (s->ngroups > WINDOW_FROM) {
		memset(r->group_hidden, 0, (size_t)s->ngroups * sizeof(int));
		memset(r->in_window, 0, (size_t)s->ngroups);
		for (size_t k = r->cell_first[block]; k < r->cell_first[block + 1]; k++) {
			const struct jr_sup_cell *c = &s->cells[r->cell_order[k]];
			if (c->group >= 0 && s->units[c->unit].hidden)
				r->group_hidden[c->group]++;
		}
		if (s->cells[target].group >= 0) {
			r->in_window[s->cells[target].group] = 1;
			groups++;
		}
		while (groups < WINDOW_SIZE) {
			int best = -1;
			for (int g = 0; g < s->ngroups; g++)
				if (!r->in_window[g] && r->group_hidden[g] > 0 &&
				    (best < 0 || r->group_hidden[g] > r->group_hidden[best]))
					best = g;
			if (best < 0)
				break;
			r->in_window[best] = 1;
			groups++;
		}
		r->window = r->in_window;
		err = search(s, r, target, dir, amount, mode, found);
		r->window = NULL;
		if (err || *found)
			return err;
	}
	return search(s, r, target, dir, amount, mode, found);
}

/* Keeps r->delta (over `block`) as a new witness, hides the units it moves, clears r->delta. */
static enum jr_err keep_witness(struct jr_sup *s, struct run *r, int block, long *out)
{
	size_t count = 0;
	enum jr_err err = JR_OK;

	for (size_t k = r->cell_first[block]; k < r->cell_first[block + 1]; k++)
		count += r->delta[r->cell_order[k]] != 0;
	if ((err = GROW(s->wits, s->nwits, s->capwits, 1)) ||
	    (err = GROW(s->moves, s->nmoves, s->capmoves, count)))
		goto out;
	s->wits[s->nwits] =
		(struct jr_sup_witness){.block = block, .first = s->nmoves, .count = count};
	for (size_t k = r->cell_first[block]; k < r->cell_first[block + 1]; k++) {
		int c = (int)r->cell_order[k];
		if (!r->delta[c])
			continue;
		s->moves[s->nmoves++] = (struct jr_sup_move){.cell = c, .delta = r->delta[c]};
		s->units[s->cells[c].unit].hidden = true;
	}
	*out = (long)s->nwits++;
out:
	for (size_t k = r->cell_first[block]; k < r->cell_first[block + 1]; k++)
		r->delta[r->cell_order[k]] = 0;
	return err;
}

/* The moves that could meet a requirement: the cell up; or each cell of the key up or down. */
static size_t targets(const struct jr_sup *s, const struct req *q, int *cell, int *dir,
		      int64_t *amount, size_t max)
{
	size_t n = 0;
	const struct jr_sup_key *k;

	if (q->key < 0) {
		cell[0] = q->cell;
		dir[0] = 1;
		amount[0] = q->amount;
		return 1;
	}
	k = &s->keys[q->key];
	for (size_t i = 0; i < k->num_count + k->den_count && n + 2 <= max; i++) {
		int c = s->key_cells[k->num_first + i];
		bool seen = false;
		for (size_t j = 0; j < n; j++)
			seen |= cell[j] == c;
		if (seen)
			continue;
		cell[n] = cell[n + 1] = c;
		dir[n] = 1;
		dir[n + 1] = -1;
		amount[n] = amount[n + 1] = 1;
		n += 2;
	}
	return n;
}

/* Finds a witness for q: one kept already, else a search in fixed mode, else (allow_cost) one
 * that hides more. */
static enum jr_err meet(struct jr_sup *s, struct run *r, struct req *q, bool allow_cost, bool *ok)
{
	int cell[16], dir[16];
	int64_t amount[16];
	size_t n = targets(s, q, cell, dir, amount, 16);
	enum jr_err err = JR_OK;

	*ok = false;
	if ((q->wit = find_in_pool(s, q)) >= 0) {
		*ok = true;
		return JR_OK;
	}
	for (int pass = 0; pass < (allow_cost ? 2 : 1); pass++)
		for (size_t i = 0; i < n; i++) {
			bool found;
			long w;
			if ((err = solve(s, r, cell[i], dir[i], amount[i],
					 pass ? MODE_COST : MODE_FIXED, &found)))
				return err;
			if (!found)
				continue;
			if ((err = keep_witness(s, r, s->cells[cell[i]].block, &w)))
				return err;
			if (meets(s, q, (size_t)w)) {
				q->wit = w;
				*ok = true;
				return JR_OK;
			}
		}
	return JR_OK;
}

static enum jr_err run_setup(struct jr_sup *s, struct run *r)
{
	int nb = 0;

	memset(r, 0, sizeof(*r));
	for (size_t c = 0; c < s->ncells; c++)
		nb = s->cells[c].block + 1 > nb ? s->cells[c].block + 1 : nb;
	r->delta = jr_calloc(s->ncells + 1, sizeof(*r->delta));
	r->var = jr_calloc(s->ncells + 1, sizeof(*r->var));
	r->in_lp = jr_calloc(s->nrels + 1, 1);
	r->block_first = jr_calloc((size_t)nb + 2, sizeof(size_t));
	r->rel_order = jr_calloc(s->nrels + 1, sizeof(size_t));
	r->cell_first = jr_calloc((size_t)nb + 2, sizeof(size_t));
	r->cell_order = jr_calloc(s->ncells + 1, sizeof(size_t));
	r->group_hidden = jr_calloc((size_t)s->ngroups + 1, sizeof(int));
	r->in_window = jr_calloc((size_t)s->ngroups + 1, 1);
	if (!r->delta || !r->var || !r->in_lp || !r->block_first || !r->rel_order ||
	    !r->cell_first || !r->cell_order || !r->group_hidden || !r->in_window)
		return JR_ERR_NOMEM;
	/* counting sort of relations and cells by block, keeping their order */
	for (size_t i = 0; i < s->nrels; i++)
		r->block_first[s->rels[i].block + 1]++;
	for (size_t i = 0; i < s->ncells; i++)
		r->cell_first[s->cells[i].block + 1]++;
	for (int b = 0; b < nb; b++) {
		r->block_first[b + 1] += r->block_first[b];
		r->cell_first[b + 1] += r->cell_first[b];
	}
	{
		size_t *fill = jr_calloc((size_t)nb + 1, sizeof(size_t));
		if (!fill)
			return JR_ERR_NOMEM;
		for (size_t i = 0; i < s->nrels; i++)
			r->rel_order[r->block_first[s->rels[i].block] + fill[s->rels[i].block]++] =
				i;
		memset(fill, 0, ((size_t)nb + 1) * sizeof(size_t));
		for (size_t i = 0; i < s->ncells; i++)
			r->cell_order[r->cell_first[s->cells[i].block] +
				      fill[s->cells[i].block]++] = i;
		jr_free(fill);
	}
	return JR_OK;
}

static void run_release(struct run *r)
{
	jr_free(r->delta);
	jr_free(r->var);
	jr_free(r->in_lp);
	jr_free(r->block_first);
	jr_free(r->rel_order);
	jr_free(r->cell_first);
	jr_free(r->cell_order);
	jr_free(r->group_hidden);
	jr_free(r->in_window);
	jr_lp_free(&r->lp);
}

static int cmp_cost_desc(const void *a, const void *b, const struct jr_sup *s)
{
	int x = *(const int *)a, y = *(const int *)b;
	double cx = s->units[x].cost, cy = s->units[y].cost;
	if (cx != cy)
		return cx > cy ? -1 : 1;
	return (x < y) - (x > y);
}

/* Insertion sort (qsort has no context argument in C17). */
static void sort_units(int *u, size_t n, const struct jr_sup *s)
{
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && cmp_cost_desc(&u[j - 1], &u[j], s) > 0; j--) {
			int t = u[j];
			u[j] = u[j - 1];
			u[j - 1] = t;
		}
}

/* Hides every unit of the block that may be hidden: the last resort when no witness is found. */
static void hide_block(struct jr_sup *s, int block)
{
	for (size_t c = 0; c < s->ncells; c++)
		if (s->cells[c].block == block && s->cells[c].value >= s->cells[c].floor)
			s->units[s->cells[c].unit].hidden = true;
}

enum jr_err jr_sup_run(struct jr_sup *s)
{
	struct run r;
	struct req *reqs = NULL, *saved = NULL;
	int *order = NULL;
	size_t nreq = 0, capreq = 0, norder = 0;
	enum jr_err err;
	bool ok, changed;

	if ((err = run_setup(s, &r)))
		goto out;
	/* a unit holding a small cell is primary */
	for (size_t c = 0; c < s->ncells; c++)
		if (s->cells[c].value >= 1 && s->cells[c].value < s->threshold)
			jr_sup_hide(s, s->cells[c].unit);
	/* every small cell must be able to reach the threshold */
	for (size_t c = 0; c < s->ncells; c++) {
		const struct jr_sup_cell *cell = &s->cells[c];
		if (!s->units[cell->unit].hidden || cell->value < 1 || cell->value >= s->threshold)
			continue;
		if ((err = GROW(reqs, nreq, capreq, 1)))
			goto out;
		reqs[nreq++] = (struct req){.cell = (int)c,
					    .amount = s->threshold - cell->value,
					    .key = -1,
					    .wit = -1,
					    .active = true};
	}
	for (size_t i = 0; i < nreq; i++) {
		if ((err = meet(s, &r, &reqs[i], true, &ok)))
			goto out;
		if (!ok) {
			hide_block(s, s->cells[reqs[i].cell].block);
			if ((err = meet(s, &r, &reqs[i], false, &ok)))
				goto out;
			s->unprotected += !ok;
			reqs[i].lost = !ok;
		}
	}
	/* every hidden key must be able to change; hiding more may hide more keys */
	do {
		changed = false;
		for (size_t k = 0; k < s->nkeys; k++) {
			const struct jr_sup_key *key = &s->keys[k];
			bool has = false;
			size_t before = 0;
			if (!jr_sup_key_hidden(s, k) ||
			    key_sum(s, key->den_first, key->den_count, -1) == 0)
				continue;
			for (size_t i = 0; i < nreq && !has; i++)
				has = reqs[i].key == (long)k;
			if (has)
				continue;
			if ((err = GROW(reqs, nreq, capreq, 1)))
				goto out;
			reqs[nreq] = (struct req){.key = (long)k, .wit = -1, .active = true};
			for (size_t u = 0; u < s->nunits; u++)
				before += s->units[u].hidden;
			if ((err = meet(s, &r, &reqs[nreq], true, &ok)))
				goto out;
			/* no witness even when everything that can be hidden may move: the value
			 * follows from what is never hidden (a share of none or all over published
			 * zeros), which tells a reader nothing the zeros do not */
			reqs[nreq].lost = !ok;
			nreq++;
			for (size_t u = 0; u < s->nunits; u++)
				before -= s->units[u].hidden;
			changed |= before != 0;
		}
	} while (changed);
	/* show again, most costly first, every secondary unit the rule does not need */
	order = jr_calloc(s->nunits + 1, sizeof(*order));
	saved = jr_calloc(nreq + 1, sizeof(*saved));
	if (!order || !saved) {
		err = JR_ERR_NOMEM;
		goto out;
	}
	for (size_t u = 0; u < s->nunits; u++)
		if (s->units[u].hidden && !s->units[u].primary)
			order[norder++] = (int)u;
	sort_units(order, norder, s);
	for (size_t o = 0; o < norder; o++) {
		int u = order[o];
		size_t nwits = s->nwits, nmoves = s->nmoves;
		bool all = true;

		memcpy(saved, reqs, nreq * sizeof(*reqs));
		s->units[u].hidden = false;
		for (size_t w = 0; w < nwits; w++)
			if (!s->wits[w].dead && !witness_valid(s, w))
				s->wits[w].dead = 2; /* killed by this trial */
		for (size_t i = 0; i < nreq && all; i++) {
			struct req *q = &reqs[i];
			q->active = q->key < 0 || jr_sup_key_hidden(s, (size_t)q->key);
			if (!q->active || q->lost || (q->wit >= 0 && !s->wits[q->wit].dead))
				continue;
			if ((err = meet(s, &r, q, false, &ok)))
				goto out;
			all = ok;
		}
		if (all) {
			for (size_t w = 0; w < s->nwits; w++)
				s->wits[w].dead = s->wits[w].dead != 0;
			continue;
		}
		s->units[u].hidden = true;
		memcpy(reqs, saved, nreq * sizeof(*reqs));
		for (size_t w = 0; w < nwits; w++)
			if (s->wits[w].dead == 2)
				s->wits[w].dead = 0;
		s->nwits = nwits;
		s->nmoves = nmoves;
	}
out:
	jr_free(order);
	jr_free(saved);
	jr_free(reqs);
	run_release(&r);
	return err;
}
