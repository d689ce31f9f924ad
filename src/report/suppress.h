/* suppress: secondary (complementary) cell suppression for a table of counts tied together by
 * linear relations that every reader knows, as statistical offices do it (CBS with tau-ARGUS):
 * first the small cells are hidden (primary suppression, by the caller), then as few other
 * figures as needed so that no hidden cell can be worked out from what is still shown.
 *
 * The model. A *cell* is a non-negative integer count. A *unit* is one published figure (or a
 * few figures that are shown or hidden together, such as a share and its complement); each cell
 * belongs to one unit and a reader knows it exactly when its unit is shown (a share is taken to
 * publish its numerator and its denominator). A *relation* is a linear equality or inequality
 * with integer coefficients among cells that holds in the true table and that a reader knows (a
 * total is the sum of its parts; the children in one form are no more than the children in
 * care). Every hidden cell has a *floor* the reader knows (1 for a count, as zeros are never
 * hidden; 0 for a cell published only through a share). Cells fall into independent *blocks*:
 * no relation spans two blocks. A *key* is one published figure, count or share, whose value is
 * the sum of some cells over the sum of others.
 *
 * The protection rule (docs/security.md): for every hidden cell of 1 to threshold-1 there is a
 * table of integers, equal to the true one in every cell a reader knows and satisfying every
 * relation and floor, in which that cell is at least the threshold; and for every hidden key
 * there is such a table in which the key's value differs. Such a table is a *witness*, kept as
 * its difference from the true table; it proves that no reader, by whatever reasoning, can show
 * the cell to be small or recompute the figure. Witnesses are proposed by a small linear
 * programme (the cheapest figures to hide so that one exists) and then checked exactly, in
 * integers, against every relation.
 *
 * Deterministic: the same table gives the same hidden units. Pure: no I/O, no globals.
 * Lifecycle: jr_sup_init, add units, cells, relations and keys, jr_sup_hide the primary units,
 * jr_sup_run, read jr_sup_hidden, jr_sup_release. */
#ifndef JR_REPORT_SUPPRESS_H
#define JR_REPORT_SUPPRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

#define JR_SUP_MAX_CELLS 65536 /* bound on cells (and units, relation terms) of one table */

/* One term of a relation: coef × cell. */
struct jr_sup_term {
	int cell;
	int coef;
};

struct jr_sup_cell {
	int64_t value;
	int64_t floor; /* the least value a reader knows a hidden cell has */
	int unit, block;
	int group; /* a row of the table, for searching near the cell first; -1: every search */
};

struct jr_sup_unit {
	double cost; /* the loss of hiding it; the cheapest are hidden first */
	bool hidden, primary;
	int ncells;
};

struct jr_sup_rel {
	int block;
	size_t first, count; /* terms */
	int64_t rhs;
	bool le;      /* sum <= rhs; else sum == rhs */
	bool implied; /* follows from the other equalities: checked, not handed to the programme */
};

struct jr_sup_key {
	int unit[2]; /* hidden when either is hidden; unit[1] -1 when there is one */
	size_t num_first, num_count, den_first, den_count; /* cells, in `key_cells` */
};

struct jr_sup_witness {
	int block;
	size_t first, count; /* moves */
	unsigned char dead;  /* a cell it moves is shown again (2: during a trial) */
};

struct jr_sup_move {
	int cell;
	int64_t delta;
};

struct jr_sup {
	int threshold; /* cells of 1 to threshold-1 are small */
	struct jr_sup_cell *cells;
	size_t ncells, capcells;
	struct jr_sup_unit *units;
	size_t nunits, capunits;
	struct jr_sup_rel *rels;
	size_t nrels, caprels;
	struct jr_sup_term *terms;
	size_t nterms, capterms;
	struct jr_sup_key *keys;
	size_t nkeys, capkeys;
	int *key_cells;
	size_t nkey_cells, capkey_cells;
	struct jr_sup_witness *wits;
	size_t nwits, capwits;
	struct jr_sup_move *moves;
	size_t nmoves, capmoves;
	int ngroups;
	size_t unprotected; /* requirements no witness could be found for (expected 0) */
	size_t programmes;  /* linear programmes solved, for tests and benchmarks */
};

/* Starts an empty table; cells below `threshold` (and above 0) are small. */
void jr_sup_init(struct jr_sup *s, int threshold);
void jr_sup_release(struct jr_sup *s);

/* Adds a unit that costs `cost` to hide; its index in *out. */
enum jr_err jr_sup_unit(struct jr_sup *s, double cost, int *out);
/* Adds a cell of `unit` in `block` and `group` (its row; -1 for a row every search may use, such
 * as the totals) with its true value and the floor a reader knows; its index in *out. A value
 * below the floor is never hidden. In a large table a search first tries the rows near the cell
 * (its own, the totals, the rows with hidden cells), then the whole block. */
enum jr_err jr_sup_cell(struct jr_sup *s, int unit, int block, int group, int64_t value,
			int64_t floor, int *out);
/* Adds the relation sum(terms) <= rhs (le) or == rhs; every cell in one block, else
 * JR_ERR_INTERNAL. `implied` for an equality that follows from the others (it is still checked).
 * A relation the true table breaks is left out (JR_OK): a reader's mistake is not a leak. */
enum jr_err jr_sup_relation(struct jr_sup *s, bool le, bool implied,
			    const struct jr_sup_term *terms, size_t n, int64_t rhs);
/* Adds a key: sum(num)/sum(den) (den empty: the count sum(num)), hidden with unit1 or unit2
 * (unit2 -1 for none). */
enum jr_err jr_sup_key(struct jr_sup *s, int unit1, int unit2, const int *num, size_t nnum,
		       const int *den, size_t nden);
/* Marks a unit as primarily suppressed. */
void jr_sup_hide(struct jr_sup *s, int unit);
/* Hides, besides the primary units and every unit holding a small cell, the cheapest further
 * units until the protection rule holds, then shows again every one that is not needed. */
enum jr_err jr_sup_run(struct jr_sup *s);
/* Whether a unit (or a key: both its units) is hidden after jr_sup_run. */
bool jr_sup_hidden(const struct jr_sup *s, int unit);
bool jr_sup_key_hidden(const struct jr_sup *s, size_t key);

#endif
