/* roles: the table of roles and the organisation kinds they belong to (roles.h). */
#include "core/roles.h"

#include <stdio.h>
#include <string.h>

#define KINDS_MAX 3

/* One row per role: the kinds of organisation it belongs to, and whether it may have none. */
static const struct {
	const char *role;
	const char *name;  /* "een consulent", for messages */
	const char *label; /* "consulent", for lists */
	const char *kinds[KINDS_MAX + 1];
	bool none;
} roles[] = {
	{"consulent", "een consulent", "consulent", {"local_team"}, false},
	{"verwijzer", "een verwijzer", "verwijzer", {"gp_practice", "youth_health", "hospital"},
	 false},
	{"gi", "een medewerker van een gecertificeerde instelling", "jeugdbescherming", {"gi"},
	 false},
	{"provider", "een medewerker van een zorgaanbieder", "zorgaanbieder", {"provider"}, false},
	{"contract_manager", "een contractbeheerder", "contractbeheer", {"regional_office"}, true},
	{"policy", "een beleidsmedewerker", "beleid", {"regional_office"}, true},
	{"admin", "een beheerder", "beheer", {NULL}, true},
};

/* The organisation kinds, with their name in a sentence and in a list. */
static const struct {
	const char *kind;
	const char *name;
	const char *label;
} kinds[] = {
	{"local_team", "een lokaal team", "lokaal team"},
	{"gp_practice", "een huisartsenpraktijk", "huisartsenpraktijk"},
	{"youth_health", "de jeugdgezondheidszorg", "jeugdgezondheidszorg"},
	{"hospital", "een ziekenhuis", "ziekenhuis"},
	{"gi", "een gecertificeerde instelling", "gecertificeerde instelling"},
	{"provider", "een zorgaanbieder", "zorgaanbieder"},
	{"regional_office", "een regionaal bureau", "regionaal bureau"},
	{"expert_team", "een regionaal expertteam", "regionaal expertteam"},
};

static int role_index(const char *role)
{
	for (size_t i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
		if (strcmp(roles[i].role, role) == 0)
			return (int)i;
	return -1;
}

static const char *kind_name(const char *kind)
{
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(kinds[i].kind, kind) == 0)
			return kinds[i].name;
	return NULL;
}

bool jr_role_known(const char *role)
{
	return role_index(role) >= 0;
}

const char *jr_role_at(size_t i, const char **label)
{
	if (i >= sizeof(roles) / sizeof(roles[0]))
		return NULL;
	*label = roles[i].label;
	return roles[i].role;
}

const char *jr_org_kind_at(size_t i, const char **label)
{
	if (i >= sizeof(kinds) / sizeof(kinds[0]))
		return NULL;
	*label = kinds[i].label;
	return kinds[i].kind;
}

bool jr_role_fits(const char *role, const char *org_kind)
{
	int r = role_index(role);

	if (r < 0)
		return false;
	if (!org_kind[0])
		return roles[r].none;
	for (size_t k = 0; k < KINDS_MAX && roles[r].kinds[k]; k++)
		if (strcmp(roles[r].kinds[k], org_kind) == 0)
			return true;
	return false;
}

/* Appends at out+*used, bounded by cap; keeps out terminated. */
static void put(char *out, size_t cap, size_t *used, const char *s)
{
	int w;

	if (*used >= cap)
		return;
	w = snprintf(out + *used, cap - *used, "%s", s);
	if (w > 0)
		*used += (size_t)w < cap - *used ? (size_t)w : cap - *used - 1;
}

const char *jr_role_misfit(const char *role, const char *org_kind, char *out, size_t cap)
{
	int r = role_index(role);
	const char *kind = org_kind[0] ? kind_name(org_kind) : NULL;
	size_t used = 0, n = 0;

	if (!cap)
		return jr_role_fits(role, org_kind) ? NULL : "role";
	out[0] = '\0';
	if (r < 0) {
		put(out, cap, &used,
		    "onbekende rol; kies consulent, verwijzer, gi, provider, contract_manager, policy "
		    "of admin");
		return "role";
	}
	if (jr_role_fits(role, org_kind))
		return NULL;
	put(out, cap, &used, roles[r].name);
	while (n < KINDS_MAX && roles[r].kinds[n])
		n++;
	if (n == 0) {
		put(out, cap, &used, " hoort bij geen organisatie; laat de organisatie leeg");
		return "organisation_id";
	}
	put(out, cap, &used, " werkt bij ");
	for (size_t k = 0; k < n; k++) {
		if (k)
			put(out, cap, &used, k + 1 == n && !roles[r].none ? " of " : ", ");
		put(out, cap, &used, kind_name(roles[r].kinds[k]));
	}
	if (roles[r].none)
		put(out, cap, &used, " of bij geen organisatie");
	if (!org_kind[0]) {
		put(out, cap, &used, "; kies de organisatie");
		return "organisation_id";
	}
	put(out, cap, &used, ", niet bij ");
	put(out, cap, &used, kind ? kind : "een organisatie van een onbekende soort");
	put(out, cap, &used, "; kies een andere rol of een andere organisatie");
	return "role";
}
