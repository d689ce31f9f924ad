/* lp: a small dense linear programme for the secondary cell suppression (suppress.c) — minimise
 * cost·x subject to the rows of a tableau and a bound on every variable, from a feasible basis
 * the caller sets up. A bounded-variable primal simplex: Dantzig's rule, with Bland's rule after
 * a run of degenerate steps so that it cannot cycle. Dense on purpose: the programmes of one
 * block of a table are small, and a dense tableau is simple to get right. */
#ifndef JR_REPORT_LP_H
#define JR_REPORT_LP_H

#include <stdbool.h>
#include <stddef.h>

#include "core/err.h"

#define JR_LP_INF         1e30        /* no upper bound */
#define JR_LP_MAX_ENTRIES (8u << 20) /* bound on the dense tableau (64 MiB) */

/* The programme: m rows over n variables, the tableau B^-1 A, the bounds, the current point, the
 * costs and reduced costs, and the basis (one basic variable per row). The caller fills a, lo,
 * up, x, cost and basis/basic/at_up after jr_lp_alloc. */
struct jr_lp {
	size_t m, n;
	double *a; /* m × n, B^-1 A */
	double *lo, *up, *x, *cost, *red;
	size_t *basis;
	unsigned char *basic, *at_up;
	size_t *nz; /* scratch: the non-zero columns of the pivot row */
	size_t cap_mn, cap_m, cap_n; /* what the buffers hold room for (jr_lp_reuse) */
};

/* Allocates an m × n programme, all zero. JR_ERR_TOO_BIG past JR_LP_MAX_ENTRIES, JR_ERR_NOMEM;
 * nothing to free then. */
enum jr_err jr_lp_alloc(struct jr_lp *lp, size_t m, size_t n);
void jr_lp_free(struct jr_lp *lp);
/* The same as jr_lp_alloc, but keeps the buffers of lp (zeroed, or of an earlier jr_lp_alloc
 * or jr_lp_reuse) when they have room: many small programmes in a row then cost no
 * allocation (a large one is a fresh mapping of memory each time). After an error lp is freed
 * and zeroed. */
enum jr_err jr_lp_reuse(struct jr_lp *lp, size_t m, size_t n);

/* Reduced costs of the current basis for the current costs (after changing lp->cost). */
void jr_lp_price(struct jr_lp *lp);

/* Minimises cost·x from a feasible basis; false when it gives up (unbounded, too many steps). */
bool jr_lp_solve(struct jr_lp *lp);

#endif
