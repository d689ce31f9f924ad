/* region: which region's policy governs a municipality on a day (rule 13: the municipality of
 * residence decides; issue 13, principle 11: the version in force on the day decides) — the one
 * lookup over the policies the program loaded, used by the app layer and the adapters alike.
 *
 * Pure: the set is filled by json/policy_set.c (which reads the files); this only looks in it.
 * A region may keep several versions of its policy, each with its period of validity; on any
 * one day a municipality belongs to one version of one region only (the loader refuses
 * overlapping periods). Routing looks up the request's date; the records the day of the act
 * (the help request's, the allocation's, or today). */
#ifndef JR_CORE_REGION_H
#define JR_CORE_REGION_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/policy.h"

#define JR_POLICY_SET_MAX 48 /* the Netherlands has 42 youth-care regions, some with versions */
#define JR_PATH_MAX 512

/* Every region the program knows, every version; the set owns its policies
 * (json/policy_set.h loads and releases them). */
struct jr_policy_set {
	struct jr_policy *policies[JR_POLICY_SET_MAX];
	char files[JR_POLICY_SET_MAX][JR_PATH_MAX];
	size_t count;
};

/* The policy in force on `day` whose region holds municipality `code` (CBS, 4 digits), or NULL
 * (also for a NULL set or code). */
const struct jr_policy *jr_region_find(const struct jr_policy_set *s, const char *code, jr_day day);

/* The municipality `code` as the policy in force on `day` describes it, or NULL; *policy (when
 * not NULL) is that policy. */
const struct jr_municipality *jr_region_municipality(const struct jr_policy_set *s,
						     const char *code, jr_day day,
						     const struct jr_policy **policy);

/* The name of municipality `code`: as the version in force on `day` names it, else as any
 * version does (a name outlives a version: figures over a past period still name it); NULL
 * when no loaded policy holds it. */
const char *jr_region_municipality_name(const struct jr_policy_set *s, const char *code,
					jr_day day);

/* Whether any version of any loaded policy holds municipality `code`, whatever its period. */
bool jr_region_knows(const struct jr_policy_set *s, const char *code);

/* The version of region `id` in force on `day`, or NULL. */
const struct jr_policy *jr_region_by_id(const struct jr_policy_set *s, const char *id, jr_day day);

/* Whether policy number `i` of the set is the one of its region to show when one version
 * stands for the region (a list of regions): the version in force on `day`, or, when none of
 * the region's versions is, its latest. */
bool jr_region_listed(const struct jr_policy_set *s, size_t i, jr_day day);

/* The Dutch explanation of a failed jr_region_find(s, code, day) for a municipality that
 * jr_region_knows: "geen beleid voor deze gemeente (CODE) op DATUM", with the period its
 * versions do cover. Writes at most `cap` bytes into `msg`. */
void jr_region_no_policy_message(const struct jr_policy_set *s, const char *code, jr_day day,
				 char *msg, size_t cap);

#endif
