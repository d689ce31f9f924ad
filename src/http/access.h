/* access: who may do what — the authorisation of DESIGN.md §4, in one place.
 *
 * Two questions. Whether a role may use a kind of endpoint at all (jr_access_may: a contract
 * manager never reaches client data, a policy maker only figures, an admin only users and
 * organisations). And, for a person's records, whether this principal's organisation is linked
 * to that person (jr_access_person): a consulent for the families of its own municipality, a
 * GP (verwijzer) for the children it referred, a GI for the children under its measures, a
 * provider for the children with an allocation to it. Both are pure functions of their
 * arguments, so the role matrix is tested without a server. */
#ifndef JR_HTTP_ACCESS_H
#define JR_HTTP_ACCESS_H

#include <stdbool.h>

#include "store/store.h"

enum jr_capability {
	JR_CAP_ROUTE,          /* ask the routing engine (no records involved) */
	JR_CAP_PERSON_READ,    /* read a person's records, within jr_access_person */
	JR_CAP_PERSON_WRITE,   /* change them (intake, analysis, plan, allocation) */
	JR_CAP_CARE_DELIVERY,  /* start and stop care, report outcomes */
	JR_CAP_REFER,          /* refer a child (and register it when it is new to the records) */
	JR_CAP_PROVIDERS_READ, /* providers and contracts */
	JR_CAP_PROVIDERS_WRITE,
	JR_CAP_FIGURES,        /* the regional figures (aggregates, small cells suppressed) */
	JR_CAP_SIGNALS,        /* the signals of one's own municipality */
	JR_CAP_WORK_LIST,      /* the help requests of one's own municipality */
	JR_CAP_SOCIAL_MAP,     /* search the social map */
	JR_CAP_MEASURES,       /* the measures with one's own organisation as GI */
	JR_CAP_ADMIN,          /* users and organisations */
	JR_CAP_COUNT
};

/* Whether the principal's role has the capability at all. */
bool jr_access_may(const struct jr_principal *p, enum jr_capability cap);
/* Whether the principal may see the records of the person with these links. */
bool jr_access_person(const struct jr_principal *p, const struct jr_person_links *links);
/* The capability's name, for messages and the test matrix. */
const char *jr_capability_name(enum jr_capability cap);

#endif
