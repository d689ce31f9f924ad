/* access: the role table, the reach rules and their checks against the records (access.h). */
#include "app/access.h"

#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "json/policy_set.h"

/* One row per role: the capabilities it has. A referrer (verwijzer) has no person_read: it
 * follows its own referrals through GET /api/v1/referrals, never the child's file. */
static const struct {
	const char *role;
	unsigned caps;
} roles[] = {
	{"consulent", 1u << JR_CAP_ROUTE | 1u << JR_CAP_PERSON_READ | 1u << JR_CAP_PERSON_WRITE |
			      1u << JR_CAP_PROVIDERS_READ | 1u << JR_CAP_SIGNALS |
			      1u << JR_CAP_WORK_LIST | 1u << JR_CAP_SOCIAL_MAP},
	{"verwijzer", 1u << JR_CAP_ROUTE | 1u << JR_CAP_REFER | 1u << JR_CAP_SOCIAL_MAP},
	{"gi", 1u << JR_CAP_ROUTE | 1u << JR_CAP_PERSON_READ | 1u << JR_CAP_PERSON_WRITE |
		       1u << JR_CAP_PROVIDERS_READ | 1u << JR_CAP_SOCIAL_MAP | 1u << JR_CAP_MEASURES},
	{"provider", 1u << JR_CAP_PERSON_READ | 1u << JR_CAP_CARE_DELIVERY | 1u << JR_CAP_SOCIAL_MAP},
	{"contract_manager", 1u << JR_CAP_PROVIDERS_READ | 1u << JR_CAP_PROVIDERS_WRITE |
				     1u << JR_CAP_FIGURES},
	{"policy", 1u << JR_CAP_FIGURES | 1u << JR_CAP_SCENARIOS},
	{"admin", 1u << JR_CAP_ADMIN},
};

bool jr_app_access_may(const struct jr_principal *p, enum jr_capability cap)
{
	if ((unsigned)cap >= JR_CAP_COUNT)
		return false;
	for (size_t i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
		if (strcmp(roles[i].role, p->role) == 0)
			return (roles[i].caps >> cap) & 1u;
	return false;
}

const char *jr_app_capability_name(enum jr_capability cap)
{
	static const char *const names[JR_CAP_COUNT] = {
		[JR_CAP_ROUTE] = "route",
		[JR_CAP_PERSON_READ] = "person_read",
		[JR_CAP_PERSON_WRITE] = "person_write",
		[JR_CAP_CARE_DELIVERY] = "care_delivery",
		[JR_CAP_REFER] = "refer",
		[JR_CAP_PROVIDERS_READ] = "providers_read",
		[JR_CAP_PROVIDERS_WRITE] = "providers_write",
		[JR_CAP_FIGURES] = "figures",
		[JR_CAP_SIGNALS] = "signals",
		[JR_CAP_WORK_LIST] = "work_list",
		[JR_CAP_SOCIAL_MAP] = "social_map",
		[JR_CAP_MEASURES] = "measures",
		[JR_CAP_ADMIN] = "admin",
		[JR_CAP_SCENARIOS] = "scenarios",
	};
	return (unsigned)cap < JR_CAP_COUNT ? names[cap] : "?";
}

static bool is(const struct jr_principal *p, const char *role)
{
	return strcmp(p->role, role) == 0;
}

void jr_app_access_periods(const struct jr_policy_set *set, const struct jr_principal *p,
			   const struct jr_person_links *l, jr_day today, struct jr_reach *out)
{
	const struct jr_policy *pol = jr_policy_set_find(
		set, is(p, "consulent") ? p->municipality : l->municipality, today);

	if (pol)
		*out = pol->reach;
	else
		memset(out, 0, sizeof(*out));
}

/* A link that runs (open, or its last day today or later), or ended fewer than `days` days
 * ago. */
static bool counts(bool open, jr_day ended, int days, jr_day today)
{
	return open || (ended && (today <= ended || today - ended < days));
}

/* A link that runs on `today`. */
static bool runs(bool open, jr_day ended, jr_day today)
{
	return open || (ended && today <= ended);
}

static bool resident(const struct jr_principal *p, const struct jr_person_links *l)
{
	return p->municipality[0] && strcmp(l->municipality, p->municipality) == 0;
}

/* Principle 13: the principal's municipality is responsible for care of the child that runs
 * today (the woonplaatsbeginsel; a move of the child's address does not end it). */
static bool responsible(const struct jr_person_links *l, jr_day today)
{
	return runs(l->care_open, l->care_ended_on, today);
}

bool jr_app_access_sees(const struct jr_principal *p, const struct jr_person_links *l,
			const struct jr_reach *r, jr_day today)
{
	if (!l->found || !p->organisation_id || !jr_app_access_may(p, JR_CAP_PERSON_READ))
		return false;
	if (is(p, "consulent"))
		return p->municipality[0] &&
		       (resident(p, l) || l->case_open ||
			(l->case_closed_on && today - l->case_closed_on < r->closed_case_days) ||
			responsible(l, today));
	if (is(p, "gi"))
		return counts(l->measure_open, l->measure_ended_on, r->measure_ended_days, today);
	if (is(p, "provider"))
		return p->agb[0] &&
		       counts(l->allocation_open, l->allocation_ended_on, r->care_ended_days, today);
	return false;
}

bool jr_app_access_opens_case(const struct jr_principal *p, const struct jr_person_links *l,
			      const struct jr_reach *r, jr_day today)
{
	if (!jr_app_access_sees(p, l, r, today) || !jr_app_access_may(p, JR_CAP_PERSON_WRITE))
		return false;
	if (is(p, "consulent")) /* a resident, or a child in care it is responsible for */
		return resident(p, l) || responsible(l, today);
	if (is(p, "gi"))
		return runs(l->measure_open, l->measure_ended_on, today);
	return false;
}

bool jr_app_access_changes_case(const struct jr_principal *p, const struct jr_person_links *l,
				const struct jr_reach *r, jr_day today,
				const char *case_municipality)
{
	if (!jr_app_access_sees(p, l, r, today) || !jr_app_access_may(p, JR_CAP_PERSON_WRITE))
		return false;
	if (is(p, "consulent"))
		return strcmp(case_municipality, p->municipality) == 0;
	if (is(p, "gi"))
		return runs(l->measure_open, l->measure_ended_on, today);
	return false;
}

bool jr_app_access_decides(const struct jr_principal *p, const char *case_municipality)
{
	return is(p, "consulent") && p->organisation_id && p->municipality[0] &&
	       strcmp(case_municipality, p->municipality) == 0;
}

bool jr_app_access_changes_allocation(const struct jr_principal *p,
				      const struct jr_person_links *l, const struct jr_reach *r,
				      jr_day today, const struct jr_allocation_owner *o)
{
	if (!jr_app_access_changes_case(p, l, r, today, o->municipality))
		return false;
	if (is(p, "consulent"))
		return o->gi_organisation_id == 0;
	if (is(p, "gi"))
		return o->gi_organisation_id == p->organisation_id;
	return false;
}

/* ------------------------------------------------------------------------------------------
 * Against the records
 * ---------------------------------------------------------------------------------------- */

static enum jr_err deny(struct jr_store *s, const struct jr_actor *a, int64_t person_id,
			const char *kind, int64_t id)
{
	char object[48];

	snprintf(object, sizeof(object), "%s:%lld", kind, (long long)id);
	return jr_store_audit_event(s, a, "access.denied", person_id, object);
}

/* The links of person `id` and whether p sees it; *reach set. */
static enum jr_err look(struct jr_store *s, const struct jr_principal *p,
			const struct jr_policy_set *set, int64_t id, jr_day today,
			struct jr_person_links *l, struct jr_reach *reach, bool *seen)
{
	enum jr_err err = jr_store_person_links(s, id, p, l);

	*seen = false;
	if (err)
		return err;
	jr_app_access_periods(set, p, l, today, reach);
	*seen = jr_app_access_sees(p, l, reach, today);
	return JR_OK;
}

enum jr_err jr_app_access_person(struct jr_store *s, const struct jr_actor *a,
				 const struct jr_principal *p, const struct jr_policy_set *set,
				 int64_t id, jr_day today, struct jr_person_links *links,
				 enum jr_access_verdict *v)
{
	struct jr_reach reach;
	bool seen;
	enum jr_err err = look(s, p, set, id, today, links, &reach, &seen);

	*v = JR_ACCESS_UNSEEN;
	if (err)
		return err;
	if (seen) {
		*v = JR_ACCESS_ALLOWED;
		return JR_OK;
	}
	return deny(s, a, links->found ? id : 0, "person", id);
}

enum jr_err jr_app_access_person_bsn(struct jr_store *s, const struct jr_actor *a,
				     const struct jr_principal *p, const struct jr_policy_set *set,
				     const char *bsn, jr_day today, struct jr_person *out,
				     enum jr_access_verdict *v)
{
	struct jr_person_links links;
	enum jr_err err = jr_store_person_find_bsn(s, a, bsn, out);

	*v = JR_ACCESS_UNSEEN;
	if (err == JR_ERR_NOT_FOUND) /* audited by the store as person.search.none */
		return JR_OK;
	if (err)
		return err;
	return jr_app_access_person(s, a, p, set, out->id, today, &links, v);
}

enum jr_err jr_app_access_open_case(struct jr_store *s, const struct jr_actor *a,
				    const struct jr_principal *p, const struct jr_policy_set *set,
				    int64_t child_id, jr_day today, enum jr_access_verdict *v,
				    const char **why)
{
	struct jr_person_links l;
	struct jr_reach reach;
	bool seen;
	enum jr_err err = look(s, p, set, child_id, today, &l, &reach, &seen);

	*v = JR_ACCESS_UNSEEN;
	*why = NULL;
	if (err)
		return err;
	if (!seen)
		return deny(s, a, l.found ? child_id : 0, "person", child_id);
	if (jr_app_access_opens_case(p, &l, &reach, today)) {
		*v = JR_ACCESS_ALLOWED;
		return JR_OK;
	}
	*v = JR_ACCESS_REFUSED;
	*why = is(p, "gi") ? "de maatregel is afgelopen: u kunt het dossier nog inzien, maar geen "
			     "hulpvraag meer vastleggen"
			   : "dit kind woont niet in uw gemeente: de gemeente waar het woont legt de "
			     "hulpvraag vast (woonplaatsbeginsel)";
	return deny(s, a, child_id, "person", child_id);
}

enum jr_err jr_app_access_help_request(struct jr_store *s, const struct jr_actor *a,
				       const struct jr_principal *p,
				       const struct jr_policy_set *set, int64_t id, jr_day today,
				       bool write, bool decision, int64_t *child_id,
				       enum jr_access_verdict *v, const char **why)
{
	struct jr_person_links l;
	struct jr_reach reach;
	char municipality[5];
	bool found, seen = false;
	enum jr_err err;

	*v = JR_ACCESS_UNSEEN;
	*why = NULL;
	if ((err = jr_store_help_request_owner(s, id, child_id, municipality, &found)))
		return err;
	if (found && (err = look(s, p, set, *child_id, today, &l, &reach, &seen)))
		return err;
	if (!seen)
		return deny(s, a, found ? *child_id : 0, "help_request", id);
	if (write && !jr_app_access_changes_case(p, &l, &reach, today, municipality))
		*why = is(p, "gi") ? "de maatregel is afgelopen: u kunt deze hulpvraag nog inzien, "
				     "niet meer wijzigen"
				   : "deze hulpvraag is van een andere gemeente: alleen die gemeente "
				     "wijzigt haar";
	else if (write && decision && !jr_app_access_decides(p, municipality))
		*why = "een besluit van de gemeente (municipal_decision) neemt alleen een consulent "
		       "van de gemeente van de hulpvraag";
	if (*why) {
		*v = JR_ACCESS_REFUSED;
		return deny(s, a, *child_id, "help_request", id);
	}
	*v = JR_ACCESS_ALLOWED;
	return JR_OK;
}

enum jr_err jr_app_access_allocation(struct jr_store *s, const struct jr_actor *a,
				     const struct jr_principal *p, const struct jr_policy_set *set,
				     int64_t id, jr_day today, enum jr_allocation_act act,
				     struct jr_allocation_owner *owner, enum jr_access_verdict *v,
				     const char **why)
{
	struct jr_person_links l;
	struct jr_reach reach;
	bool found, seen = false;
	enum jr_err err;

	*v = JR_ACCESS_UNSEEN;
	*why = NULL;
	if ((err = jr_store_allocation_owner(s, id, owner, &found)))
		return err;
	if (act == JR_ALLOCATION_CARE)
		seen = found && p->agb[0] && strcmp(owner->provider_agb, p->agb) == 0;
	else if (found && (err = look(s, p, set, owner->child_id, today, &l, &reach, &seen)))
		return err;
	if (!seen)
		return deny(s, a, found ? owner->child_id : 0, "allocation", id);
	if (act == JR_ALLOCATION_CHANGE &&
	    !jr_app_access_changes_allocation(p, &l, &reach, today, owner)) {
		*why = owner->gi_organisation_id
			       ? "deze toewijzing is een besluit van de gecertificeerde instelling "
				 "binnen haar maatregel: alleen zij wijzigt haar"
		       : is(p, "gi") ? "deze toewijzing is een besluit van de gemeente: een "
				       "gecertificeerde instelling wijzigt haar niet"
				     : "deze toewijzing hoort bij een hulpvraag van een andere gemeente: "
				       "alleen die gemeente wijzigt haar";
		*v = JR_ACCESS_REFUSED;
		return deny(s, a, owner->child_id, "allocation", id);
	}
	*v = JR_ACCESS_ALLOWED;
	return JR_OK;
}

enum jr_err jr_app_access_household(struct jr_store *s, const struct jr_actor *a,
				    const struct jr_principal *p, const struct jr_policy_set *set,
				    int64_t id, jr_day today, int64_t *visible, size_t *count,
				    enum jr_access_verdict *v)
{
	int64_t children[JR_HOUSEHOLD_MEMBERS_MAX];
	struct jr_person_links links[JR_HOUSEHOLD_MEMBERS_MAX];
	size_t n = 0;
	bool found;
	enum jr_err err;

	_Static_assert(JR_HOUSEHOLD_MEMBERS_MAX <= JR_PERSON_LINKS_MANY, "one read for all children");
	*v = JR_ACCESS_UNSEEN;
	*count = 0;
	if ((err = jr_store_household_children(s, id, children, &n, &found)))
		return err;
	/* the links of all children in one read of each kind, not one read per child */
	if (found && n && (err = jr_store_person_links_many(s, children, n, p, links)))
		return err;
	for (size_t i = 0; found && i < n; i++) {
		struct jr_reach reach;
		jr_app_access_periods(set, p, &links[i], today, &reach);
		if (jr_app_access_sees(p, &links[i], &reach, today))
			visible[(*count)++] = children[i];
	}
	if (*count) {
		*v = JR_ACCESS_ALLOWED;
		return JR_OK;
	}
	return deny(s, a, 0, "household", id);
}

/* ------------------------------------------------------------------------------------------
 * For the use cases
 * ---------------------------------------------------------------------------------------- */

enum jr_err jr_app_access_require(struct jr_app *app, enum jr_capability cap)
{
	if (!app->principal || jr_app_access_may(app->principal, cap))
		return JR_OK;
	return jr_app_fail(app, JR_ERR_FORBIDDEN, NULL,
			   "uw rol geeft geen toegang tot dit onderdeel");
}

enum jr_err jr_app_access_answer(struct jr_app *app, enum jr_access_verdict v, const char *what,
				 const char *field, const char *why, const char *why_field)
{
	if (v == JR_ACCESS_ALLOWED)
		return JR_OK;
	if (v == JR_ACCESS_REFUSED)
		return jr_app_fail(app, JR_ERR_FORBIDDEN, why_field, "%s",
				   why ? why : "dit mag u niet doen");
	return jr_app_fail(app, JR_ERR_NOT_FOUND, field, "geen %s met dit nummer binnen uw bereik",
			   what);
}

enum jr_err jr_app_access_sees_person(struct jr_store *s, const struct jr_principal *p,
				      const struct jr_policy_set *set, int64_t id, jr_day today,
				      bool *seen)
{
	struct jr_person_links links;
	struct jr_reach reach;

	return look(s, p, set, id, today, &links, &reach, seen);
}

enum jr_err jr_app_access_sees_people(struct jr_store *s, const struct jr_principal *p,
				      const struct jr_policy_set *set, const int64_t *ids,
				      size_t n, jr_day today, bool *seen)
{
	struct jr_person_links links[JR_PERSON_LINKS_MANY];
	enum jr_err err;

	if (n > JR_PERSON_LINKS_MANY)
		return JR_ERR_INTERNAL;
	if ((err = jr_store_person_links_many(s, ids, n, p, links)))
		return err;
	for (size_t i = 0; i < n; i++) {
		struct jr_reach reach;
		jr_app_access_periods(set, p, &links[i], today, &reach);
		seen[i] = jr_app_access_sees(p, &links[i], &reach, today);
	}
	return JR_OK;
}
