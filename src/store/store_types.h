/* store_types: what every part of the store's interface shares: the store itself (opaque), the
 * actor an operation is done as and audited under, and the sizes of shared fields. */
#ifndef JR_STORE_STORE_TYPES_H
#define JR_STORE_STORE_TYPES_H

#include <stdint.h>

struct jr_store;

#define JR_TEXT_FIELD_MAX 2001 /* free text fields: 2000 bytes of UTF-8 */
#define JR_ORG_KIND_MAX 24

/* Who acts, from where, and why: the audit log's columns. who, origin and reason are required;
 * role and organisation_id say in which capacity (NULL and 0 on the command line). */
struct jr_actor {
	const char *who;
	const char *origin;
	const char *reason;
	const char *role;
	int64_t organisation_id;
};

#endif
