/* roles: which kind of organisation each user role belongs to (DESIGN.md §4), defined once.
 *
 * A role is a capacity that only makes sense at a certain kind of organisation: a consulent at a
 * municipality's local team, a referrer at a GP practice, youth health care or a hospital, a GI
 * worker at a certified institution, a provider's worker at a provider; contract managers and
 * policy makers at the regional office or, for a municipality (which has no organisation kind of
 * its own), at none; an administrator at none. What a user may see follows from the role and
 * the organisation together, so a user whose role does not fit its organisation's kind is never
 * let in. Pure functions: no I/O, no allocation. */
#ifndef JR_CORE_ROLES_H
#define JR_CORE_ROLES_H

#include <stdbool.h>
#include <stddef.h>

/* Whether `role` is one of the seven roles (consulent, verwijzer, gi, provider,
 * contract_manager, policy, admin). */
bool jr_role_known(const char *role);

/* The i-th role (in the order above) with its Dutch label for lists ("consulent",
 * "jeugdbescherming", …) in *label; NULL, *label untouched, past the last. */
const char *jr_role_at(size_t i, const char **label);
/* The i-th kind of organisation ("local_team", …) with its Dutch label ("lokaal team") in
 * *label; NULL, *label untouched, past the last. */
const char *jr_org_kind_at(size_t i, const char **label);

/* Whether a user of `role` may work for an organisation of kind `org_kind` ("" = no
 * organisation). False for an unknown role or kind. */
bool jr_role_fits(const char *role, const char *org_kind);

/* When `role` and `org_kind` do not fit: writes why into `out` (Dutch, for the person who chose
 * them, saying which kinds the role belongs to) and returns the field to name —
 * "organisation_id" when an organisation is missing or one is given where none belongs, "role"
 * when the organisation is of a kind the role does not belong to (or the role is unknown).
 * Returns NULL, with out "", when they fit. `out` is always terminated when cap > 0. */
const char *jr_role_misfit(const char *role, const char *org_kind, char *out, size_t cap);

#endif
