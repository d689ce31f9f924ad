/* monitor: names of the monitor's indicators and look-ups in its policy part (see monitor.h). */
#include "core/monitor.h"

#include <string.h>

static const struct {
	const char *name, *label;
	bool higher_better, count;
} indicators[JR_MON_INDICATOR_COUNT] = {
	[JR_MON_AT_HOME_SHARE] = {"at_home_share",
				  "Jeugdigen met jeugdhulp die thuis wonen (%)", true, false},
	[JR_MON_SECURE_ADMISSIONS] = {"secure_admissions",
				      "Opnames in gesloten jeugdhulp (aantal)", false, true},
	[JR_MON_SOCIAL_BASE_SHARE] = {"social_base_share",
				      "Hulpvragen afgerond in de sociale basis, zonder jeugdhulp (%)",
				      true, false},
	[JR_MON_COMPULSORY_SHARE] = {"compulsory_share",
				     "Toewijzingen in gedwongen kader (%)", false, false},
	[JR_MON_WAIT_DAYS] = {"wait_days", "Wachttijd van verwijzing tot toewijzing (mediaan, dagen)",
			      false, false},
};

const char *jr_mon_indicator_name(enum jr_mon_indicator i)
{
	return (unsigned)i < JR_MON_INDICATOR_COUNT ? indicators[i].name : NULL;
}

const char *jr_mon_indicator_label(enum jr_mon_indicator i)
{
	return (unsigned)i < JR_MON_INDICATOR_COUNT ? indicators[i].label : NULL;
}

int jr_mon_indicator_parse(const char *s)
{
	for (int i = 0; i < JR_MON_INDICATOR_COUNT; i++)
		if (strcmp(s, indicators[i].name) == 0)
			return i;
	return -1;
}

bool jr_mon_indicator_higher_is_better(enum jr_mon_indicator i)
{
	return (unsigned)i < JR_MON_INDICATOR_COUNT && indicators[i].higher_better;
}

bool jr_mon_indicator_is_count(enum jr_mon_indicator i)
{
	return (unsigned)i < JR_MON_INDICATOR_COUNT && indicators[i].count;
}

bool jr_monitor_budget(const struct jr_monitor *m, const char *municipality, int year,
		       int64_t *cents)
{
	for (size_t i = 0; i < m->budget_count; i++)
		if (m->budgets[i].year == year &&
		    strcmp(m->budgets[i].municipality, municipality) == 0) {
			*cents = m->budgets[i].cents;
			return true;
		}
	return false;
}

/* The days in one unit of time: 1 day, 7 week, 30.4 month, 365 year; 0 for other words. */
static double unit_days(const char *w)
{
	if (strstr(w, "etmaal") || strstr(w, "dag"))
		return 1;
	if (strstr(w, "week"))
		return 7;
	if (strstr(w, "maand"))
		return 365.0 / 12;
	if (strstr(w, "jaar"))
		return 365;
	return 0;
}

bool jr_mon_expected_cents(int64_t amount_cents, const char *unit, int64_t volume,
			   const char *frequency, int days, bool starts_in_year, int64_t *out)
{
	double per = unit_days(unit ? unit : ""), units;

	*out = 0;
	if (days < 0 || amount_cents < 0)
		return false;
	if (per > 0) {
		units = days / per;
	} else if (unit && strstr(unit, "traject")) {
		units = starts_in_year ? 1 : 0;
	} else {
		double fper = unit_days(frequency ? frequency : "");
		if (volume <= 0)
			return false;
		if (fper > 0)
			units = (double)volume * days / fper;
		else
			units = starts_in_year ? (double)volume : 0;
	}
	*out = (int64_t)(units * (double)amount_cents + 0.5);
	return true;
}
