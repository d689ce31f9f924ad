/* household: the households, their members and their coordinator (store_household.c). */
#ifndef JR_STORE_HOUSEHOLD_H
#define JR_STORE_HOUSEHOLD_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "core/person.h"

#include "store/store_types.h"

struct jr_household {
	int64_t id;
	char municipality[5];
	int64_t coordinator_user_id; /* 0 = no coordinator (regisseur) yet */
	int version;
};
#define JR_HOUSEHOLD_MEMBERS_MAX 32
struct jr_household_member {
	int64_t person_id;
	char role[16]; /* child, parent, carer */
};
enum jr_err jr_store_household_add(struct jr_store *s, const struct jr_actor *a,
				   struct jr_household *h);
/* JR_ERR_NOT_FOUND when household or person is unknown; JR_ERR_CONFLICT when already a member. */
enum jr_err jr_store_household_add_member(struct jr_store *s, const struct jr_actor *a,
					  int64_t household_id, int64_t person_id, const char *role);
/* The household and its members (at most JR_HOUSEHOLD_MEMBERS_MAX; *count set). */
enum jr_err jr_store_household_get(struct jr_store *s, const struct jr_actor *a, int64_t id,
				   struct jr_household *out, struct jr_household_member *members,
				   size_t *count);
/* Sets the coordinator from the version read (JR_ERR_CONFLICT when stale); the user must exist
 * (JR_ERR_NOT_FOUND). History and audit as for every change. */
enum jr_err jr_store_household_set_coordinator(struct jr_store *s, const struct jr_actor *a,
					       struct jr_household *h, int64_t user_id);

/* A household in a coordinator's list: the family name of its first child (what a consulent
 * calls the family by), how many children and how many open help requests it has. */
struct jr_household_row {
	int64_t id;
	char municipality[5];
	int version;
	int64_t first_child_id; /* 0 when the household has no child */
	char family_name[JR_PERSON_NAME_MAX];
	int children;
	int open_help_requests;
};
typedef enum jr_err (*jr_household_row_fn)(void *ctx, const struct jr_household_row *h);
/* The households with this user as coordinator (regisseur), by family name: a page of `limit`
 * after `offset`; *total is how many there are in all. The child whose name is shown is
 * audited. */
enum jr_err jr_store_households_coordinated(struct jr_store *s, const struct jr_actor *a,
					    int64_t user_id, int64_t offset, int64_t limit,
					    jr_household_row_fn fn, void *ctx, int64_t *total);
/* Hands every household coordinated by user `from` over to user `to` (a consulent leaves, a
 * colleague takes her families), each with its history and audit entry as for one change;
 * *moved says how many. JR_ERR_NOT_FOUND when `to` is no user. */
enum jr_err jr_store_households_hand_over(struct jr_store *s, const struct jr_actor *a,
					  int64_t from, int64_t to, int64_t *moved);

#endif
