/* provider_work: the provider's work list (issue 15 point 2) — its own allocations in groups
 * (new, not started after the policy's term, running, ending soon, ended), filtered and paged,
 * with the counts of every group. Reach: only the allocations made to the principal's provider
 * (its organisation's AGB code); every child listed is audited. */
#ifndef JR_APP_PROVIDER_WORK_H
#define JR_APP_PROVIDER_WORK_H

#include "app/app.h"
#include "store/provider_worklist.h"

/* The group's name in the API ("new", "not_started", "running", "ending", "ended"); NULL out
 * of range. jr_pw_group_parse: its number, -1 for a name it does not know. */
const char *jr_pw_group_name(int g);
int jr_pw_group_parse(const char *name);

struct jr_app_provider_work {
	int group;              /* enum jr_pw_group, or -1 for every group */
	int form;               /* 0: every form */
	int64_t offset, limit;
	/* out */
	int start_within_days;  /* the terms the groups were computed with */
	int ending_within_days;
	int64_t counts[JR_PW_GROUP_COUNT];
	int64_t total;          /* of the group asked (or of all) */
};

/* The terms of the groups: the norms start_within_days and ending_within_days of the regions'
 * policies in force today; when regions differ, the shortest start term and the longest ending
 * window, so that an allocation is never shown later than one of its regions asks. 28 and 42
 * days when no policy is loaded. */
void jr_app_provider_work_terms(const struct jr_policy_set *set, jr_day today, int *start_days,
				int *ending_days);

/* Fills w's counts and total and hands the page to fn. JR_ERR_FORBIDDEN for a role without
 * care delivery or an organisation without an AGB code; JR_ERR_USAGE at the command line
 * without a principal; JR_ERR_INPUT for a group or form out of range (field named). */
enum jr_err jr_app_provider_work(struct jr_app *app, struct jr_app_provider_work *w,
				 jr_pw_row_fn fn, void *ctx);

#endif
