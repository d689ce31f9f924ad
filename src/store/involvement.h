/* involvement: which organisations are involved with a child (store_involvement.c), and the
 * links the authorisation decides on before anything is read (store_involvement.c,
 * store_course.c, store_portal.c, store_household.c). */
#ifndef JR_STORE_INVOLVEMENT_H
#define JR_STORE_INVOLVEMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "core/err.h"
#include "core/person.h"

#include "store/store_types.h"
#include "store/user.h"

/* Involvement (store_involvement.c): which organisations are involved with a child on a date,
 * derived from the records, never typed in. `via` says from what: help_request (the local team
 * of the municipality responsible, kind local_team), referral (the referrer, kind referrer;
 * referrals by the municipality itself or by no one are left out), allocation (the provider,
 * while care has not stopped) or measure (the GI, while the measure is in force). Only open
 * help requests count. */
struct jr_involvement {
	char via[16];
	int64_t object_id;       /* the help request, referral, allocation or measure */
	int64_t organisation_id; /* organisations.id, providers.id for a provider; 0 = not on record */
	char kind[JR_ORG_KIND_MAX];
	char name[JR_PERSON_NAME_MAX]; /* "" when the records name no organisation */
	char agb[9];
	int referrer_type; /* COD327 number for a referral, else 0 */
	jr_day since;
};
/* Fills `out` with up to `max` entries, oldest first; *count is how many there are (it may exceed
 * max). JR_ERR_NOT_FOUND when the child is unknown. One audit entry. */
enum jr_err jr_store_involvement(struct jr_store *s, const struct jr_actor *a, int64_t child_id,
				 jr_day on, struct jr_involvement *out, size_t max, size_t *count);

/* How a principal's organisation is linked to a person, for the authorisation (app/access.c,
 * whose pure rules decide on it with the day and the region's policy): the person's municipality
 * of residence; the help requests of the principal's municipality for the person (one open, and
 * the day the latest was closed or withdrawn); the allocations to the provider with the
 * principal's AGB (one without an end, and the latest end of those that have one: the end date,
 * or the day its care stopped for good when that came first — it may lie ahead); the measures
 * with the principal's organisation as GI (one without an end, and the latest end). A link of a
 * kind the principal has no identifier for (no municipality, AGB or organisation) is left out.
 * out->found false when there is no such person: not an error, so that a lookup that finds
 * nothing never fails the request's transaction. Not audited: the access it decides on is. */
struct jr_person_links {
	bool found;
	char municipality[5];
	bool case_open;
	jr_day case_closed_on;      /* 0 = none closed or withdrawn */
	bool allocation_open;
	jr_day allocation_ended_on; /* 0 = none with an end */
	bool measure_open;
	jr_day measure_ended_on;    /* 0 = none with an end */
	/* principle 13: care for which the principal's municipality is responsible (an
	 * allocation's responsible_municipality): one without an end, or the last end */
	bool care_open;
	jr_day care_ended_on; /* 0 = none with an end */
};
enum jr_err jr_store_person_links(struct jr_store *s, int64_t person_id,
				  const struct jr_principal *p, struct jr_person_links *out);
/* The same for the persons ids[0..n-1] at once (n at most JR_PERSON_LINKS_MANY): out[i] the
 * links of ids[i], read a kind at a time for all of them (a page of a search). */
#define JR_PERSON_LINKS_MANY 64
enum jr_err jr_store_person_links_many(struct jr_store *s, const int64_t *ids, size_t n,
				       const struct jr_principal *p, struct jr_person_links *out);

/* Principle 13: the care of child `child_id` that runs on `today` — allocations started by
 * then whose end date (or the day their care stopped for good) is not before it — with the
 * municipality responsible for each, the latest start first. At most `max` in `out`; *count
 * how many there are. Not audited: the use case that reads it has read the child. */
struct jr_running_care {
	int64_t allocation_id;
	int form;
	jr_day start;
	char responsible[5];
};
enum jr_err jr_store_running_care(struct jr_store *s, int64_t child_id, jr_day today,
				  struct jr_running_care *out, size_t max, size_t *count);

/* For the authorisation, before anything is read (not audited): the child and the responsible
 * municipality of help request `id`. *found false when there is none — not an error, so that
 * the request's transaction goes on to audit the refusal. */
enum jr_err jr_store_help_request_owner(struct jr_store *s, int64_t id, int64_t *child_id,
					char municipality[5], bool *found);

/* For the authorisation of an allocation, before anything is read (not audited): its help
 * request, child and municipality, the provider's AGB, and the GI whose decision it was.
 * *found false when there is none (not an error, as above). */
struct jr_allocation_owner {
	int64_t help_request_id;
	int64_t child_id;
	char municipality[5];     /* of the help request */
	char provider_agb[9];
	int64_t gi_organisation_id; /* 0 = the municipality's decision */
};
enum jr_err jr_store_allocation_owner(struct jr_store *s, int64_t id,
				      struct jr_allocation_owner *out, bool *found);

/* For the authorisation of a family's page (not audited): the children of household `id` (at
 * most JR_HOUSEHOLD_MEMBERS_MAX; *count set). *found false when there is no such household (not
 * an error, as above). */
enum jr_err jr_store_household_children(struct jr_store *s, int64_t id, int64_t *children,
					size_t *count, bool *found);

#endif
