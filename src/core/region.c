/* region: the municipality's region among the loaded policies (see region.h). */
#include "core/region.h"

const struct jr_policy *jr_region_find(const struct jr_policy_set *s, const char *code)
{
	if (!s || !code)
		return NULL;
	for (size_t i = 0; i < s->count; i++)
		if (jr_policy_municipality(s->policies[i], code))
			return s->policies[i];
	return NULL;
}

const struct jr_municipality *jr_region_municipality(const struct jr_policy_set *s,
						     const char *code,
						     const struct jr_policy **policy)
{
	const struct jr_policy *p = jr_region_find(s, code);

	if (policy)
		*policy = p;
	return p ? jr_policy_municipality(p, code) : NULL;
}

const char *jr_region_municipality_name(const struct jr_policy_set *s, const char *code)
{
	const struct jr_municipality *m = jr_region_municipality(s, code, NULL);

	return m ? m->name : NULL;
}
