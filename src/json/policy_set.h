/* policy_set: every region the program knows, loaded from the policy files of one directory, and
 * the look-up of the responsible region by municipality (rule 13, residence).
 *
 * The set owns its policies. A region may keep several versions (files with the same region id)
 * whose periods of validity do not overlap; on any day a municipality belongs to one region. */
#ifndef JR_JSON_POLICY_SET_H
#define JR_JSON_POLICY_SET_H

#include <stddef.h>

#include "core/err.h"
#include "core/policy.h"
#include "core/diag.h"
#include "core/region.h"

/* struct jr_policy_set and the lookup of a municipality's region live in core/region.h. */

void jr_policy_set_init(struct jr_policy_set *s);
void jr_policy_set_release(struct jr_policy_set *s);

/* Loads one policy file into the set. On failure *bad_file names the file (a pointer into the
 * set or to `filename`) and diag says where and why. A version of a region whose period overlaps
 * another version's, or a municipality that another region holds in an overlapping period, is
 * an error naming the other file. */
enum jr_err jr_policy_set_add_file(struct jr_policy_set *s, const char *filename,
				   struct jr_diag *diag, const char **bad_file);

/* Loads every "*.json" file of `dir`, in name order. JR_ERR_NOT_FOUND when there is none. */
enum jr_err jr_policy_set_load_dir(struct jr_policy_set *s, const char *dir,
				   struct jr_diag *diag, char *bad_file, size_t bad_file_size);

/* The policy in force on `day` whose region holds municipality `code`, or NULL: jr_region_find
 * (core/region.h), under the name the older callers use. */
const struct jr_policy *jr_policy_set_find(const struct jr_policy_set *s, const char *code,
					   jr_day day);

#endif
