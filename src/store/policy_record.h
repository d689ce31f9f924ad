/* policy_record: the policy files on record (store.c), once per distinct content. */
#ifndef JR_STORE_POLICY_RECORD_H
#define JR_STORE_POLICY_RECORD_H

#include <stdbool.h>

#include "core/err.h"

#include "store/store_types.h"

/* Records a policy file's content under its region and SHA-256, once per distinct content.
 * *added tells whether it was new. */
enum jr_err jr_store_policy_record(struct jr_store *s, const struct jr_actor *a, const char *region,
				   const char *content, bool *added);

#endif
