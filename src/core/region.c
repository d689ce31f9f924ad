/* region: the municipality's region among the loaded policies, on a day (see region.h). */
#include "core/region.h"

#include <stdio.h>
#include <string.h>

const struct jr_policy *jr_region_find(const struct jr_policy_set *s, const char *code, jr_day day)
{
	if (!s || !code)
		return NULL;
	for (size_t i = 0; i < s->count; i++)
		if (jr_policy_in_force(s->policies[i], day) &&
		    jr_policy_municipality(s->policies[i], code))
			return s->policies[i];
	return NULL;
}

const struct jr_municipality *jr_region_municipality(const struct jr_policy_set *s,
						     const char *code, jr_day day,
						     const struct jr_policy **policy)
{
	const struct jr_policy *p = jr_region_find(s, code, day);

	if (policy)
		*policy = p;
	return p ? jr_policy_municipality(p, code) : NULL;
}

const char *jr_region_municipality_name(const struct jr_policy_set *s, const char *code,
					jr_day day)
{
	const struct jr_municipality *m = jr_region_municipality(s, code, day, NULL);

	for (size_t i = 0; !m && s && code && i < s->count; i++)
		m = jr_policy_municipality(s->policies[i], code);
	return m ? m->name : NULL;
}

bool jr_region_knows(const struct jr_policy_set *s, const char *code)
{
	for (size_t i = 0; s && code && i < s->count; i++)
		if (jr_policy_municipality(s->policies[i], code))
			return true;
	return false;
}

const struct jr_policy *jr_region_by_id(const struct jr_policy_set *s, const char *id, jr_day day)
{
	for (size_t i = 0; s && id && i < s->count; i++)
		if (strcmp(s->policies[i]->id, id) == 0 && jr_policy_in_force(s->policies[i], day))
			return s->policies[i];
	return NULL;
}

bool jr_region_listed(const struct jr_policy_set *s, size_t i, jr_day day)
{
	const struct jr_policy *p = s->policies[i];
	const struct jr_policy *in_force = jr_region_by_id(s, p->id, day);

	if (in_force)
		return in_force == p;
	/* none in force: the latest version stands for the region */
	for (size_t j = 0; j < s->count; j++)
		if (j != i && strcmp(s->policies[j]->id, p->id) == 0 &&
		    (s->policies[j]->valid_from > p->valid_from ||
		     (s->policies[j]->valid_from == p->valid_from && j > i)))
			return false;
	return true;
}

void jr_region_no_policy_message(const struct jr_policy_set *s, const char *code, jr_day day,
				 char *msg, size_t cap)
{
	jr_day first = JR_POLICY_VALID_OPEN_UNTIL, last = JR_POLICY_VALID_OPEN_FROM;
	char when[JR_DATE_STRLEN], bound[JR_DATE_STRLEN];
	const char *region = "";

	for (size_t i = 0; s && code && i < s->count; i++) {
		const struct jr_policy *p = s->policies[i];
		if (!jr_policy_municipality(p, code))
			continue;
		region = p->name;
		if (p->valid_from < first)
			first = p->valid_from;
		if (p->valid_until > last)
			last = p->valid_until;
	}
	jr_date_format(day, when);
	if (day < first) {
		jr_date_format(first, bound);
		snprintf(msg, cap,
			 "geen beleid voor deze gemeente (%s) op %s: het oudste beleid van regio %s "
			 "geldt vanaf %s",
			 code, when, region, bound);
	} else if (day > last) {
		jr_date_format(last, bound);
		snprintf(msg, cap,
			 "geen beleid voor deze gemeente (%s) op %s: het laatste beleid van regio %s "
			 "geldt tot en met %s",
			 code, when, region, bound);
	} else {
		snprintf(msg, cap,
			 "geen beleid voor deze gemeente (%s) op %s: geen versie van het beleid van "
			 "regio %s geldt op die datum",
			 code, when, region);
	}
}
