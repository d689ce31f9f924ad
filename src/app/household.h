/* household: the use cases on households — the persons (child, parent, carer) who form a family,
 * with their coordinator (regisseur: one family, one plan, one coordinator) — and a family's
 * page, the same for the command line (`jeugdroute household …`) and the API
 * (GET /api/v1/households…).
 *
 * A user (app->principal) reaches a household when it sees at least one of its children
 * (app/access.c); one it does not reach is answered as one that does not exist
 * (JR_ERR_NOT_FOUND, the same explanation for both, audited). At the command line (principal
 * NULL) the operator reaches every household. */
#ifndef JR_APP_HOUSEHOLD_H
#define JR_APP_HOUSEHOLD_H

#include "app/app.h"

/* Adds a household of municipality h->municipality (a CBS code of a policy file); h->id and
 * h->version (1) are set. */
enum jr_err jr_app_household_add(struct jr_app *app, struct jr_household *h);
/* The rule of jr_app_household_add on h->municipality alone, without the records: for an
 * adapter that refuses bad input before it opens them. */
enum jr_err jr_app_household_check(struct jr_app *app, const struct jr_household *h);
/* The role of jr_app_household_add_member (child, parent or carer), checked without the
 * records. */
enum jr_err jr_app_household_role_check(struct jr_app *app, const char *role);

/* Adds person `person_id` to household `household_id` as `role` (child, parent or carer).
 * JR_ERR_NOT_FOUND when either is unknown; JR_ERR_CONFLICT when the person belongs to it
 * already; JR_ERR_TOO_BIG when it has JR_HOUSEHOLD_MEMBERS_MAX members. */
enum jr_err jr_app_household_add_member(struct jr_app *app, int64_t household_id, int64_t person_id,
                                        const char *role);

/* Household `id` with its members as person ids and roles, never names (audited
 * household.read); at most JR_HOUSEHOLD_MEMBERS_MAX, *count set. */
enum jr_err jr_app_household_get(struct jr_app *app, int64_t id, struct jr_household *out,
                                 struct jr_household_member *members, size_t *count);

/* Makes user `user_id` the coordinator of household h->id, from the version read (h->version);
 * *h is the household as stored after. JR_ERR_CONFLICT when it changed since it was read;
 * JR_ERR_NOT_FOUND when the household or the user is unknown. */
enum jr_err jr_app_household_set_coordinator(struct jr_app *app, struct jr_household *h,
                                             int64_t user_id);

/* Hands every household coordinated by user `from` over to user `to` (a consulent leaves, a
 * colleague takes her families), each change audited as one; *moved says how many. For an
 * administrator (JR_CAP_ADMIN) or the operator; JR_ERR_NOT_FOUND (explained) when `to` is no
 * user. */
enum jr_err jr_app_households_hand_over(struct jr_app *app, int64_t from, int64_t to,
                                       int64_t *moved);

/* The households the logged-in user coordinates, by family name: a page of `limit` after
 * `offset`, each to `fn`, *total how many there are. Only for a user (principal) whose role
 * reads persons. */
enum jr_err jr_app_households_mine(struct jr_app *app, int64_t offset, int64_t limit,
                                   jr_household_row_fn fn, void *ctx, int64_t *total);

/* A family's page: the household, its members the reader may see (parents and carers, and the
 * children in its reach) by name, and one timeline of those children's courses. */
struct jr_family {
	struct jr_household household;
	struct jr_family_member members[JR_HOUSEHOLD_MEMBERS_MAX];
	size_t count;
};
/* Reads family `id` in one go into *out, then hands its timeline, merged oldest first, event by
 * event to `fn` (after *out is filled). One audit entry per person shown, per call. */
enum jr_err jr_app_household_family(struct jr_app *app, int64_t id, struct jr_family *out,
                                    jr_timeline_fn fn, void *ctx);

#endif
