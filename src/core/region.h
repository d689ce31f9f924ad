/* region: which region's policy governs a municipality (rule 13: the municipality of residence
 * decides) — the one lookup over the policies the program loaded, used by the app layer and the
 * adapters alike.
 *
 * Pure: the set is filled by json/policy_set.c (which reads the files); this only looks in it.
 * A municipality belongs to one region only (the loader refuses a second). The policies carry no
 * period of validity, so the lookup takes no date. */
#ifndef JR_CORE_REGION_H
#define JR_CORE_REGION_H

#include <stddef.h>

#include "core/policy.h"

#define JR_POLICY_SET_MAX 48 /* the Netherlands has 42 youth-care regions */
#define JR_PATH_MAX 512

/* Every region the program knows; the set owns its policies (json/policy_set.h loads and
 * releases them). */
struct jr_policy_set {
	struct jr_policy *policies[JR_POLICY_SET_MAX];
	char files[JR_POLICY_SET_MAX][JR_PATH_MAX];
	size_t count;
};

/* The policy whose region holds municipality `code` (CBS, 4 digits), or NULL (also for a NULL
 * set or code). */
const struct jr_policy *jr_region_find(const struct jr_policy_set *s, const char *code);

/* The municipality `code` as its region's policy describes it, or NULL; *policy (when not NULL)
 * is that policy. */
const struct jr_municipality *jr_region_municipality(const struct jr_policy_set *s,
						     const char *code,
						     const struct jr_policy **policy);

/* The name of municipality `code`, or NULL when no loaded region holds it. */
const char *jr_region_municipality_name(const struct jr_policy_set *s, const char *code);

#endif
