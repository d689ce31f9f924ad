/* timeline: a child's course as one timeline, and a family's page in one read
 * (store_timeline.c). */
#ifndef JR_STORE_TIMELINE_H
#define JR_STORE_TIMELINE_H

#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "core/err.h"
#include "core/person.h"

#include "store/store_types.h"
#include "store/household.h"

/* A child's course as one timeline, oldest first (store_timeline.c). kind is help_request,
 * analysis, goal, advice, light_option, referral, measure, allocation, care_start, care_stop
 * or assignment;
 * analysis, goal, advice, light_option, referral, measure, allocation, alloc_change (a change
 * by the municipality: provider, form and its JZ002 reason), evaluation (goals reached, and
 * interim or closing), care_start or care_stop;
 * text, number and extra depend on it: the question and state of a help request; the
 * explanation of an analysis; a goal and its review date; the region of an advice; the offer,
 * whether tried (1/0) and why it does not suffice; the referrer, form and status of a referral;
 * the kind and end of a measure; the provider, form and number of an allocation; the provider,
 * form (and for a stop the goals reached) of care; the consulent a help request was assigned to
 * ("" when it went back to the team's queue) and who assigned it. Audited once for the child. */
struct jr_timeline_event {
	char day[11];
	char kind[16];
	int64_t child_id;
	int64_t help_request_id; /* 0 for a measure */
	int64_t object_id;
	char text[JR_TEXT_FIELD_MAX];
	int number;
	char extra[JR_TEXT_FIELD_MAX];
};
typedef enum jr_err (*jr_timeline_fn)(void *ctx, const struct jr_timeline_event *e);
enum jr_err jr_store_timeline(struct jr_store *s, const struct jr_actor *a, int64_t child_id,
			      jr_timeline_fn fn, void *ctx);

/* A member of a family's page: who, in which role, by name and birth date (never the BSN). */
struct jr_family_member {
	int64_t person_id;
	char role[16]; /* child, parent, carer */
	char given_names[JR_PERSON_NAME_MAX];
	char family_name[JR_PERSON_NAME_MAX];
	jr_day birth_date;
};
/* A family's page in one read (store_timeline.c): household `id` into *h, its parents and
 * carers and those of its children that are among `children` (the `n` the reader may see; NULL
 * for all) into `members` by person id (at most JR_HOUSEHOLD_MEMBERS_MAX; *count set), and then
 * one timeline of those children's courses, merged oldest first (a day's events by child), each
 * event to `fn`. One audit entry per person shown (family.read, object "household:<id>"), or one without
 * a person when nobody is. JR_ERR_NOT_FOUND when there is no such household. */
enum jr_err jr_store_family_read(struct jr_store *s, const struct jr_actor *a, int64_t id,
				 const int64_t *children, size_t n, struct jr_household *h,
				 struct jr_family_member *members, size_t *count,
				 jr_timeline_fn fn, void *ctx);

#endif
