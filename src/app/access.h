/* access: who may see and do what — the reach of DESIGN.md §4, in one place (docs/security.md,
 * "Who may see what"). Every adapter asks here before it reads or changes a person's records.
 *
 * Three questions, each answered by a pure function of the principal, what the records link it
 * to (struct jr_person_links, filled by the store), the day and the periods of the region's
 * policy (struct jr_reach), so that the whole matrix is tested without a server:
 *   - whether a role may use a kind of endpoint at all (jr_app_access_may): a contract manager
 *     never reaches client data, a policy maker only figures, an admin only users and
 *     organisations, a referrer (GP, youth doctor, medical specialist) only its own referrals;
 *   - whether a principal sees a person's file (jr_app_access_sees): a consulent the residents
 *     of its organisation's municipality, the children with a help request of that
 *     municipality that is open or closed fewer than reach.closed_case_days ago, and the
 *     children in care that runs with that municipality responsible (principle 13, the
 *     woonplaatsbeginsel: a child placed elsewhere, or moved, stays in reach); a GI the
 *     children under a measure with it as GI that runs or ended fewer than
 *     reach.measure_ended_days ago; a provider the children with an allocation to it that runs
 *     or ended fewer than reach.care_ended_days ago;
 *   - whether it may act on what it sees: open a help request (a consulent for a resident of
 *     its municipality or a child in care that runs with it responsible, a GI under its
 *     running measure), change a help request (a consulent one
 *     of its own municipality, a GI under its running measure), take a municipal decision (a
 *     consulent, on its own municipality's help request), change an allocation (a consulent one
 *     its municipality decided, a GI one it decided, under its running measure).
 *
 * And the same questions against the records (jr_app_access_person, …): the store's links, the
 * rule, and the refusal audited. Something that does not exist and something out of reach are
 * answered alike (JR_ACCESS_UNSEEN: the adapter says 404 with one body for both), so that no id
 * or BSN tells whether the records hold it; both are audited (access.denied, or the store's
 * person.search.none). A lookup that finds nothing does not fail the caller's transaction. */
#ifndef JR_APP_ACCESS_H
#define JR_APP_ACCESS_H

#include <stdbool.h>

#include "store/store.h"

struct jr_policy_set;

enum jr_capability {
	JR_CAP_ROUTE,          /* ask the routing engine (no records involved) */
	JR_CAP_PERSON_READ,    /* read a person's records, within jr_app_access_sees */
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
	JR_CAP_SCENARIOS,      /* issue 16: run a scenario over the region's help requests */
	JR_CAP_COUNT
};

/* Whether the principal's role has the capability at all. */
bool jr_app_access_may(const struct jr_principal *p, enum jr_capability cap);
/* The capability's name, for messages and the test matrix. */
const char *jr_app_capability_name(enum jr_capability cap);

/* The periods that apply to principal p and a person with links l: those of the policy of the
 * consulent's own municipality, or for a provider or GI of the person's municipality of
 * residence, in the version in force on `today`; when no policy names it, 0 days (a link counts
 * only while it runs). */
void jr_app_access_periods(const struct jr_policy_set *set, const struct jr_principal *p,
			   const struct jr_person_links *l, jr_day today, struct jr_reach *out);

/* Whether p sees the file of the person with links l on day `today`. */
bool jr_app_access_sees(const struct jr_principal *p, const struct jr_person_links *l,
			const struct jr_reach *r, jr_day today);
/* Whether p may open a new help request for that person (its municipality is the child's). */
bool jr_app_access_opens_case(const struct jr_principal *p, const struct jr_person_links *l,
			      const struct jr_reach *r, jr_day today);
/* Whether p may change a help request of municipality `case_municipality` of that person (its
 * course, its allocations, moving or closing it). */
bool jr_app_access_changes_case(const struct jr_principal *p, const struct jr_person_links *l,
				const struct jr_reach *r, jr_day today,
				const char *case_municipality);
/* Whether p may take a municipal decision (an allocation without referral) on a help request of
 * municipality `case_municipality`: a consulent of that municipality only. */
bool jr_app_access_decides(const struct jr_principal *p, const char *case_municipality);
/* Whether p may change (or end) the allocation `o` of that person. */
bool jr_app_access_changes_allocation(const struct jr_principal *p,
				      const struct jr_person_links *l, const struct jr_reach *r,
				      jr_day today, const struct jr_allocation_owner *o);

/* What the records-side checks answer. */
enum jr_access_verdict {
	JR_ACCESS_ALLOWED,
	JR_ACCESS_UNSEEN,  /* no such record, or out of reach: alike (404), audited */
	JR_ACCESS_REFUSED, /* seen, but not for p to do (403 with *why), audited */
};

/* Person `id`: ALLOWED when p sees it (links filled), else UNSEEN (audited as access.denied,
 * object "person:<id>", on the person when there is one). */
enum jr_err jr_app_access_person(struct jr_store *s, const struct jr_actor *a,
				 const struct jr_principal *p, const struct jr_policy_set *set,
				 int64_t id, jr_day today, struct jr_person_links *links,
				 enum jr_access_verdict *v);
/* The child with this BSN (already a valid one): ALLOWED with *out when p sees it; UNSEEN when
 * nobody has it (the store audits person.search.none) or it is out of reach (access.denied). */
enum jr_err jr_app_access_person_bsn(struct jr_store *s, const struct jr_actor *a,
				     const struct jr_principal *p, const struct jr_policy_set *set,
				     const char *bsn, jr_day today, struct jr_person *out,
				     enum jr_access_verdict *v);
/* A new help request for child `id`: ALLOWED when p may open it; UNSEEN as for the person;
 * REFUSED with *why when p sees the child but may not (another municipality's resident; a
 * measure that ended). */
enum jr_err jr_app_access_open_case(struct jr_store *s, const struct jr_actor *a,
				    const struct jr_principal *p, const struct jr_policy_set *set,
				    int64_t child_id, jr_day today, enum jr_access_verdict *v,
				    const char **why);
/* Help request `id`, to read (`write` false) or change: ALLOWED with its child and
 * municipality; UNSEEN when there is no such help request or p does not see its child;
 * REFUSED with *why when p sees it but may not change it (another municipality's; a measure
 * that ended). With `decision` (an allocation as a municipal decision), also REFUSED unless p
 * may take it. Refusals are audited on the child, object "help_request:<id>". */
enum jr_err jr_app_access_help_request(struct jr_store *s, const struct jr_actor *a,
				       const struct jr_principal *p,
				       const struct jr_policy_set *set, int64_t id, jr_day today,
				       bool write, bool decision, int64_t *child_id,
				       enum jr_access_verdict *v, const char **why);
/* What is done to an allocation. */
enum jr_allocation_act {
	JR_ALLOCATION_CARE,   /* start or stop its care: the provider it is made to */
	JR_ALLOCATION_CHANGE, /* change its end or extent: who decided it */
};
/* Allocation `id`: ALLOWED with its owner; UNSEEN when there is none, or (care) it is not made
 * to p's provider, or (change) p does not see its child; REFUSED with *why when p sees it but
 * did not decide it. Refusals audited on the child, object "allocation:<id>". */
enum jr_err jr_app_access_allocation(struct jr_store *s, const struct jr_actor *a,
				     const struct jr_principal *p, const struct jr_policy_set *set,
				     int64_t id, jr_day today, enum jr_allocation_act act,
				     struct jr_allocation_owner *owner, enum jr_access_verdict *v,
				     const char **why);
/* Household `id`: ALLOWED when p sees at least one of its children, with their ids in
 * `visible` (at most JR_HOUSEHOLD_MEMBERS_MAX; *count set); UNSEEN when there is no such
 * household or p sees none of its children (audited, object "household:<id>"). */
enum jr_err jr_app_access_household(struct jr_store *s, const struct jr_actor *a,
				    const struct jr_principal *p, const struct jr_policy_set *set,
				    int64_t id, jr_day today, int64_t *visible, size_t *count,
				    enum jr_access_verdict *v);

/* ------------------------------------------------------------------------------------------
 * For the use cases (struct jr_app): the same answers as refusals a use case returns
 * ---------------------------------------------------------------------------------------- */
struct jr_app;
/* JR_OK when the use case's principal has `cap` (always at the command line, principal NULL);
 * else JR_ERR_FORBIDDEN, explained ("uw rol geeft geen toegang tot dit onderdeel"). */
enum jr_err jr_app_access_require(struct jr_app *app, enum jr_capability cap);
/* A verdict as the use case's answer: JR_OK for ALLOWED; JR_ERR_NOT_FOUND for UNSEEN ("geen
 * <what> met dit nummer binnen uw bereik", on `field`, may be NULL); JR_ERR_FORBIDDEN with `why`
 * on `why_field` (may be NULL) for REFUSED. */
enum jr_err jr_app_access_answer(struct jr_app *app, enum jr_access_verdict v, const char *what,
				 const char *field, const char *why, const char *why_field);

/* Whether p sees person `id` (*seen), without auditing: for a search, which shows only the
 * persons in reach and audits those it returns (app/search.c); one out of reach is left out
 * as if it did not exist. */
enum jr_err jr_app_access_sees_person(struct jr_store *s, const struct jr_principal *p,
				      const struct jr_policy_set *set, int64_t id, jr_day today,
				      bool *seen);
/* The same for the persons ids[0..n-1] at once (a page of a search, n at most
 * JR_PERSON_LINKS_MANY): seen[i] for ids[i]. */
enum jr_err jr_app_access_sees_people(struct jr_store *s, const struct jr_principal *p,
				      const struct jr_policy_set *set, const int64_t *ids,
				      size_t n, jr_day today, bool *seen);

#endif
