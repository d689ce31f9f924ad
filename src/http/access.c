/* access: the role table and the person scopes of DESIGN.md §4 (access.h). */
#include "http/access.h"

#include <string.h>

/* One row per role: the capabilities it has. */
static const struct {
	const char *role;
	unsigned caps;
} roles[] = {
	{"consulent", 1u << JR_CAP_ROUTE | 1u << JR_CAP_PERSON_READ | 1u << JR_CAP_PERSON_WRITE |
			      1u << JR_CAP_PROVIDERS_READ | 1u << JR_CAP_SIGNALS |
			      1u << JR_CAP_WORK_LIST | 1u << JR_CAP_SOCIAL_MAP},
	{"verwijzer", 1u << JR_CAP_ROUTE | 1u << JR_CAP_PERSON_READ | 1u << JR_CAP_REFER |
			      1u << JR_CAP_SOCIAL_MAP},
	{"gi", 1u << JR_CAP_ROUTE | 1u << JR_CAP_PERSON_READ | 1u << JR_CAP_PERSON_WRITE |
		       1u << JR_CAP_PROVIDERS_READ | 1u << JR_CAP_SOCIAL_MAP | 1u << JR_CAP_MEASURES},
	{"provider", 1u << JR_CAP_PERSON_READ | 1u << JR_CAP_CARE_DELIVERY | 1u << JR_CAP_SOCIAL_MAP},
	{"contract_manager", 1u << JR_CAP_PROVIDERS_READ | 1u << JR_CAP_PROVIDERS_WRITE |
				     1u << JR_CAP_FIGURES},
	{"policy", 1u << JR_CAP_FIGURES},
	{"admin", 1u << JR_CAP_ADMIN},
};

bool jr_access_may(const struct jr_principal *p, enum jr_capability cap)
{
	if ((unsigned)cap >= JR_CAP_COUNT)
		return false;
	for (size_t i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
		if (strcmp(roles[i].role, p->role) == 0)
			return (roles[i].caps >> cap) & 1u;
	return false;
}

bool jr_access_person(const struct jr_principal *p, const struct jr_person_links *links)
{
	if (!jr_access_may(p, JR_CAP_PERSON_READ) || !p->organisation_id)
		return false;
	if (strcmp(p->role, "consulent") == 0)
		return p->municipality[0] && (strcmp(links->municipality, p->municipality) == 0 ||
					      links->case_in_municipality);
	if (strcmp(p->role, "verwijzer") == 0)
		return links->referred_by;
	if (strcmp(p->role, "gi") == 0)
		return links->measure_of;
	if (strcmp(p->role, "provider") == 0)
		return links->allocated_to;
	return false;
}

const char *jr_capability_name(enum jr_capability cap)
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
	};
	return (unsigned)cap < JR_CAP_COUNT ? names[cap] : "?";
}
