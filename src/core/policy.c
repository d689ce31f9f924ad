/* policy: name tables and look-ups over the region model (see policy.h). */
#include "core/policy.h"

#include <stdio.h>
#include <string.h>

struct name_label {
	const char *name;
	const char *label;
};

static const struct name_label need_names[JR_NEED_COUNT] = {
	[JR_NEED_PARENTING] = {"parenting", "opvoeding"},
	[JR_NEED_DEVELOPMENT] = {"development", "ontwikkeling"},
	[JR_NEED_BEHAVIOUR] = {"behaviour", "gedrag"},
	[JR_NEED_MENTAL_HEALTH] = {"mental_health", "psychische gezondheid"},
	[JR_NEED_SCHOOL] = {"school", "school"},
	[JR_NEED_FAMILY] = {"family", "gezin"},
	[JR_NEED_SOCIAL] = {"social", "sociale contacten"},
	[JR_NEED_SUBSTANCE_USE] = {"substance_use", "middelengebruik"},
	[JR_NEED_SAFETY] = {"safety", "veiligheid"},
	[JR_NEED_LIVELIHOOD] = {"livelihood", "bestaanszekerheid"},
	[JR_NEED_DISABILITY] = {"disability", "beperking"},
};

static const struct name_label flag_names[JR_FLAG_COUNT] = {
	[JR_FLAG_ACUTE_CRISIS] = {"acute_crisis", "acute crisis"},
	[JR_FLAG_PSYCHIATRIC_DISORDER] = {"psychiatric_disorder", "psychische stoornis"},
	[JR_FLAG_LONG_LASTING] = {"long_lasting", "langdurige problematiek"},
	[JR_FLAG_DISABILITY] = {"disability", "lichamelijke en/of verstandelijke beperking"},
	[JR_FLAG_UNSAFE] = {"unsafe", "veiligheid van het kind in het geding"},
	[JR_FLAG_NOT_PARTICIPATING] = {"not_participating",
				       "kan niet meedoen op school, in vrije tijd of sociaal"},
	[JR_FLAG_OFFENCE] = {"offence", "strafbaar feit"},
};

static const struct name_label measure_names[JR_MEASURE_COUNT] = {
	[JR_MEASURE_NONE] = {"", "geen maatregel"},
	[JR_MEASURE_OTS] = {"ots", "ondertoezichtstelling (OTS)"},
	[JR_MEASURE_VOOGDIJ] = {"voogdij", "voogdij"},
	[JR_MEASURE_JEUGDRECLASSERING] = {"jeugdreclassering", "jeugdreclassering"},
	[JR_MEASURE_MACHTIGING_GESLOTEN] = {"machtiging_gesloten",
					    "machtiging gesloten jeugdhulp"},
	[JR_MEASURE_VOORLOPIGE_OTS] = {"voorlopige_ots", "voorlopige ondertoezichtstelling"},
};

static const struct name_label authorisation_names[JR_AUTH_COUNT] = {
	[JR_AUTH_UITHUISPLAATSING] = {"uithuisplaatsing", "machtiging uithuisplaatsing"},
	[JR_AUTH_GESLOTEN] = {"gesloten", "machtiging gesloten jeugdhulp"},
};

static const struct name_label setting_names[JR_SETTING_COUNT] = {
	[JR_SETTING_AMBULANT] = {"ambulant", "ambulant"},
	[JR_SETTING_OUT_OF_HOME] = {"out-of-home", "verblijf buiten huis"},
	[JR_SETTING_CRISIS] = {"crisis", "crisis"},
	[JR_SETTING_SECURE] = {"secure", "gesloten"},
	[JR_SETTING_MEASURE] = {"measure", "maatregel"},
};

static const struct name_label contracting_names[JR_CONTRACTING_COUNT] = {
	[JR_CONTRACTING_LOCAL] = {"local", "lokaal"},
	[JR_CONTRACTING_REGIONAL] = {"regional", "regionaal"},
};

static const struct name_label regime_names[JR_REGIME_COUNT] = {
	[JR_REGIME_RESULT] = {"result", "resultaatgericht"},
	[JR_REGIME_PRODUCT] = {"product", "productgericht"},
	[JR_REGIME_GENERIC] = {"generic", "generiek"},
};

static const struct name_label sb_names[JR_SB_COUNT] = {
	[JR_SB_CHILDCARE] = {"childcare", "kinderopvang"},
	[JR_SB_SCHOOL] = {"school", "school"},
	[JR_SB_SPORT] = {"sport", "sport"},
	[JR_SB_SCOUTING] = {"scouting", "scouting"},
	[JR_SB_LIBRARY] = {"library", "bibliotheek"},
	[JR_SB_MUSIC_SCHOOL] = {"music_school", "muziekschool"},
	[JR_SB_YOUTH_WORK] = {"youth_work", "jongerenwerk"},
	[JR_SB_VOLUNTEERS] = {"volunteers", "vrijwilligers"},
	[JR_SB_PARENTING_INFORMATION] = {"parenting_information", "opvoedinformatie"},
	[JR_SB_JGZ] = {"jgz", "jeugdgezondheidszorg"},
	[JR_SB_PARENTING_SUPPORT] = {"parenting_support", "opvoedondersteuning"},
	[JR_SB_LOCAL_TEAM] = {"local_team", "lokaal team"},
	[JR_SB_EARLY_EDUCATION] = {"early_education", "voor- en vroegschoolse educatie"},
};

static const struct name_label nr_names[JR_NR_COUNT] = {
	[JR_NR_THEME_MEETING] = {"theme_meeting", "themabijeenkomst"},
	[JR_NR_COURSE] = {"course", "cursus of training"},
	[JR_NR_BUDDY] = {"buddy", "maatje"},
	[JR_NR_SELF_HELP] = {"self_help", "zelfhulp"},
	[JR_NR_E_HEALTH] = {"e_health", "e-health"},
	[JR_NR_EXPERTS_BY_EXPERIENCE] = {"experts_by_experience", "ervaringsdeskundigen"},
};

static const struct name_label domain_kind_names[JR_DOMAIN_KIND_COUNT] = {
	[JR_DOMAIN_YOUTH_CARE] = {"youth_care", "jeugdhulp voor het kind"},
	[JR_DOMAIN_SOCIAL_BASE] = {"social_base", "sociale basis"},
	[JR_DOMAIN_OTHER] = {"other_domain", "hulp uit een ander domein"},
};

static const struct name_label other_help_names[JR_OTHER_COUNT] = {
	[JR_OTHER_DEBT_HELP] = {"debt_help", "schuldhulpverlening"},
	[JR_OTHER_INCOME_SUPPORT] = {"income_support", "inkomensondersteuning"},
	[JR_OTHER_HOUSING] = {"housing", "hulp bij huisvesting"},
	[JR_OTHER_ADULT_MENTAL_HEALTH] = {"adult_mental_health", "ggz voor de ouder"},
	[JR_OTHER_ADDICTION_CARE] = {"addiction_care", "verslavingszorg voor de ouder"},
	[JR_OTHER_WMO] = {"wmo", "Wmo-ondersteuning voor de ouder"},
	[JR_OTHER_DIVORCE_HELP] = {"divorce_help", "hulp bij een vechtscheiding"},
};

static const struct name_label family_context_names[JR_FC_COUNT] = {
	[JR_FC_DEBTS] = {"debts", "schulden"},
	[JR_FC_HOUSING] = {"housing", "problemen met huisvesting"},
	[JR_FC_PARENT_MENTAL_HEALTH] = {"parent_mental_health", "psychische problemen van een ouder"},
	[JR_FC_PARENT_ADDICTION] = {"parent_addiction", "verslaving van een ouder"},
	[JR_FC_FIGHTING_DIVORCE] = {"fighting_divorce", "vechtscheiding"},
};

static const char *name_of(const struct name_label *t, int count, int v)
{
	return v >= 0 && v < count ? t[v].name : NULL;
}

static const char *label_of(const struct name_label *t, int count, int v)
{
	return v >= 0 && v < count ? t[v].label : NULL;
}

static int parse_name(const struct name_label *t, int count, const char *s)
{
	for (int i = 0; i < count; i++)
		if (t[i].name[0] && strcmp(t[i].name, s) == 0)
			return i;
	return -1;
}

#define NAME_FUNCS(prefix, type, table, count)                                                     \
	const char *prefix##_name(type v)                                                          \
	{                                                                                          \
		return name_of(table, count, (int)v);                                              \
	}                                                                                          \
	int prefix##_parse(const char *s)                                                          \
	{                                                                                          \
		return parse_name(table, count, s);                                                \
	}

NAME_FUNCS(jr_need, enum jr_need, need_names, JR_NEED_COUNT)
NAME_FUNCS(jr_flag, enum jr_flag, flag_names, JR_FLAG_COUNT)
NAME_FUNCS(jr_measure, enum jr_measure, measure_names, JR_MEASURE_COUNT)
NAME_FUNCS(jr_setting, enum jr_setting, setting_names, JR_SETTING_COUNT)
NAME_FUNCS(jr_contracting, enum jr_contracting, contracting_names, JR_CONTRACTING_COUNT)
NAME_FUNCS(jr_regime, enum jr_regime, regime_names, JR_REGIME_COUNT)
NAME_FUNCS(jr_sb_category, enum jr_sb_category, sb_names, JR_SB_COUNT)
NAME_FUNCS(jr_nr_kind, enum jr_nr_kind, nr_names, JR_NR_COUNT)
NAME_FUNCS(jr_authorisation, enum jr_authorisation, authorisation_names, JR_AUTH_COUNT)

const char *jr_authorisation_label(enum jr_authorisation a)
{
	return label_of(authorisation_names, JR_AUTH_COUNT, (int)a);
}
NAME_FUNCS(jr_domain_kind, enum jr_domain_kind, domain_kind_names, JR_DOMAIN_KIND_COUNT)
NAME_FUNCS(jr_other_help, enum jr_other_help, other_help_names, JR_OTHER_COUNT)
NAME_FUNCS(jr_family_context, enum jr_family_context, family_context_names, JR_FC_COUNT)

const char *jr_need_label(enum jr_need n)
{
	return label_of(need_names, JR_NEED_COUNT, (int)n);
}

const char *jr_flag_label(enum jr_flag f)
{
	return label_of(flag_names, JR_FLAG_COUNT, (int)f);
}

const char *jr_measure_label(enum jr_measure m)
{
	return label_of(measure_names, JR_MEASURE_COUNT, (int)m);
}

const char *jr_setting_label(enum jr_setting s)
{
	return label_of(setting_names, JR_SETTING_COUNT, (int)s);
}

const char *jr_regime_label(enum jr_regime r)
{
	return label_of(regime_names, JR_REGIME_COUNT, (int)r);
}

const char *jr_sb_category_label(enum jr_sb_category c)
{
	return label_of(sb_names, JR_SB_COUNT, (int)c);
}

const char *jr_nr_kind_label(enum jr_nr_kind k)
{
	return label_of(nr_names, JR_NR_COUNT, (int)k);
}

const struct jr_municipality *jr_policy_municipality(const struct jr_policy *p, const char *code)
{
	/* Both are 4 digits and a NUL: a fixed-size compare, which the compiler inlines. */
	for (size_t i = 0; i < p->municipality_count; i++)
		if (memcmp(p->municipalities[i].code, code, sizeof(p->municipalities[i].code)) == 0)
			return &p->municipalities[i];
	return NULL;
}

int jr_policy_form_with_setting(const struct jr_policy *p, enum jr_setting s)
{
	for (int f = 1; f <= JR_FORM_COUNT; f++)
		if (p->forms[f].setting == s)
			return f;
	return 0;
}

void jr_policy_describe_period(const struct jr_policy *p, char *out, size_t cap)
{
	char from[JR_DATE_STRLEN], until[JR_DATE_STRLEN];
	bool open_from = p->valid_from == JR_POLICY_VALID_OPEN_FROM;
	bool open_until = p->valid_until == JR_POLICY_VALID_OPEN_UNTIL;

	/* an open bound is no date: format only the real ones */
	if (!open_from)
		jr_date_format(p->valid_from, from);
	if (!open_until)
		jr_date_format(p->valid_until, until);
	if (open_from && open_until)
		snprintf(out, cap, "altijd geldig");
	else if (open_until)
		snprintf(out, cap, "geldig vanaf %s", from);
	else if (open_from)
		snprintf(out, cap, "geldig tot en met %s", until);
	else
		snprintf(out, cap, "geldig van %s tot en met %s", from, until);
}

int jr_policy_family_like_form(const struct jr_policy *p)
{
	for (int f = 1; f <= JR_FORM_COUNT; f++)
		if (p->forms[f].family_like && jr_setting_is_stay(p->forms[f].setting))
			return f;
	return 0;
}

const char *jr_policy_jz020(const struct jr_policy *p, int form, enum jr_measure m)
{
	const struct jr_form *f = &p->forms[form];
	if ((unsigned)m < JR_MEASURE_COUNT && f->jz020_by_measure[m][0])
		return f->jz020_by_measure[m];
	/* a provisional OTS is declared as the OTS is, unless the policy names it itself */
	if (m != jr_measure_routes_as(m) && f->jz020_by_measure[jr_measure_routes_as(m)][0])
		return f->jz020_by_measure[jr_measure_routes_as(m)];
	return f->jz020;
}

bool jr_setting_is_stay(enum jr_setting s)
{
	return s == JR_SETTING_OUT_OF_HOME || s == JR_SETTING_SECURE;
}

enum jr_measure jr_measure_routes_as(enum jr_measure m)
{
	return m == JR_MEASURE_VOORLOPIGE_OTS ? JR_MEASURE_OTS : m;
}

bool jr_measure_is_ots(enum jr_measure m)
{
	return jr_measure_routes_as(m) == JR_MEASURE_OTS;
}

const char *jr_policy_offer_kind(const struct jr_policy *p, const char *id)
{
	for (size_t i = 0; i < p->social_base_count; i++)
		if (strcmp(p->social_base[i].id, id) == 0)
			return "social_base";
	for (size_t i = 0; i < p->no_referral_count; i++)
		if (strcmp(p->no_referral[i].id, id) == 0)
			return "no_referral";
	return NULL;
}

const char *jr_domain_kind_label(enum jr_domain_kind k)
{
	return label_of(domain_kind_names, JR_DOMAIN_KIND_COUNT, (int)k);
}

const char *jr_other_help_label(enum jr_other_help h)
{
	return label_of(other_help_names, JR_OTHER_COUNT, (int)h);
}

const char *jr_family_context_label(enum jr_family_context c)
{
	return label_of(family_context_names, JR_FC_COUNT, (int)c);
}

unsigned jr_family_context_helps(enum jr_family_context c)
{
	/* A parent's own problems need treatment via the parent's GP (Zvw) and, for daily life,
	 * the municipality's Wmo support; debts, housing and a fighting divorce have one help. */
	switch (c) {
	case JR_FC_DEBTS: return 1u << JR_OTHER_DEBT_HELP;
	case JR_FC_HOUSING: return 1u << JR_OTHER_HOUSING;
	case JR_FC_PARENT_MENTAL_HEALTH:
		return (1u << JR_OTHER_ADULT_MENTAL_HEALTH) | (1u << JR_OTHER_WMO);
	case JR_FC_PARENT_ADDICTION: return (1u << JR_OTHER_ADDICTION_CARE) | (1u << JR_OTHER_WMO);
	case JR_FC_FIGHTING_DIVORCE: return 1u << JR_OTHER_DIVORCE_HELP;
	case JR_FC_COUNT: break;
	}
	return 0;
}

const char *jr_policy_other_name(const struct jr_policy *p, enum jr_other_help h,
				 const struct jr_municipality *m)
{
	const struct jr_other_domain *o;

	if ((unsigned)h >= JR_OTHER_COUNT)
		return "";
	o = &p->other_domains[h];
	/* by identity, not by address range: `m` may belong to another policy */
	for (size_t i = 0; i < p->municipality_count; i++)
		if (&p->municipalities[i] == m)
			return o->by_municipality[i][0] ? o->by_municipality[i] : o->name;
	return o->name;
}
