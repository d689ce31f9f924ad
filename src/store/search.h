/* search: finding persons by BSN (through its keyed hash), by name (through the folded name
 * keys of core/namekey.h) and by birth date (store_search.c). The store finds candidates; who
 * may see which of them is the app's (app/access.c), so the candidates are not audited here —
 * the use case audits the search with what it returns (jr_store_person_search_audit). */
#ifndef JR_STORE_SEARCH_H
#define JR_STORE_SEARCH_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "core/namekey.h"
#include "core/person.h"

#include "store/store_types.h"
#include "store/user.h"

/* The criteria; at least one is given. */
struct jr_person_query {
	const char *bsn;  /* a valid BSN, or NULL */
	const char *name; /* folded (jr_name_fold), or NULL: a prefix of a name key */
	bool has_birth_date;
	jr_day birth_date;
	/* For a user's search: only the persons that records link to this principal in one of the
	 * ways jr_store_person_links reads (a resident of or a help request or responsible care of
	 * its municipality, an allocation to its AGB, a measure with its organisation as GI). A
	 * necessary condition of reach, not reach itself: the app still decides on each candidate
	 * (app/access.c), this only spares it the persons no rule could let it see. NULL: all. */
	const struct jr_principal *linked;
};

/* A candidate, as a search result shows it. */
struct jr_person_hit {
	int64_t id;
	char given_names[JR_PERSON_NAME_MAX];
	char family_name[JR_PERSON_NAME_MAX];
	jr_day birth_date;
	char municipality[5];
	char sort[JR_NAME_KEY_MAX]; /* where the next page starts */
};

/* The persons matching every criterion of q, ordered by name (family name first) and id,
 * after the one with sort key `after_sort` and id `after_id` ("" and 0: from the start); at
 * most `max` into out, *count how many. Not audited (see above). */
enum jr_err jr_store_person_candidates(struct jr_store *s, const struct jr_person_query *q,
				       const char *after_sort, int64_t after_id,
				       struct jr_person_hit *out, size_t max, size_t *count);

/* A help request of a child that is not closed or withdrawn. */
struct jr_open_request {
	int64_t id;
	char state[32];
	char municipality[5];
	jr_day raised_on;
};
/* The open help requests of the children child_ids[0..n-1], each child's oldest first: of
 * child i at most `max` into out[i * max …], counts[i] how many there are. Not audited: the
 * search that shows them is. */
enum jr_err jr_store_open_help_requests(struct jr_store *s, const int64_t *child_ids, size_t n,
					struct jr_open_request *out, size_t max, size_t *counts);

/* Audits a search in one transaction: "person.search" with object "criteria:<kinds>" (e.g.
 * "criteria:name+birth_date", never the values) for every person returned, or one
 * "person.search.none" when none was. */
enum jr_err jr_store_person_search_audit(struct jr_store *s, const struct jr_actor *a,
					 const char *kinds, const int64_t *ids, size_t n);

#endif
