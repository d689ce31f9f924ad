/* monitor: the Regiovisie monitor's part of a region's policy (docs/monitor.md) — the region's
 * ambitions as targets with a baseline and a target line, the youth-care budget per
 * municipality per year, and (Amersfoort) the budget of the main provider (hoofdaanbieder).
 * Plain fixed-size data, like the rest of struct jr_policy; the policy file's `monitor` section
 * (json/policy_json.c) fills it, report/monitor.c reads it. */
#ifndef JR_CORE_MONITOR_H
#define JR_CORE_MONITOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define JR_MON_TARGET_MAX 16  /* targets per region */
#define JR_MON_POINT_MAX 16   /* target values per year of one target */
#define JR_MON_BUDGET_MAX 512 /* budgets: municipalities x years */
#define JR_MON_MAIN_BUDGET_MAX 64
#define JR_MON_MUNICIPALITY_MAX 64 /* = JR_MUNICIPALITY_MAX */
#define JR_MON_YEAR_MIN 2015   /* the Jeugdwet */
#define JR_MON_YEAR_MAX 2100
#define JR_MON_NAME_MAX 160

/* What a target measures, for one municipality or the region and one calendar year. */
enum jr_mon_indicator {
	JR_MON_AT_HOME_SHARE,      /* % of children in youth care who live at home (no stay form) */
	JR_MON_SECURE_ADMISSIONS,  /* admissions to secure care (allocations of a secure form) */
	JR_MON_SOCIAL_BASE_SHARE,  /* % of help requests settled without youth care */
	JR_MON_COMPULSORY_SHARE,   /* % of allocations under a child-protection measure */
	JR_MON_WAIT_DAYS,          /* median days from referral to allocation */
	JR_MON_INDICATOR_COUNT
};

/* A value of the target line for a year. */
struct jr_mon_point {
	int year;
	double value;
};

struct jr_mon_target {
	enum jr_mon_indicator indicator;
	char name[JR_MON_NAME_MAX]; /* the region's own words for the ambition; "" = the label */
	int baseline_year;
	double baseline_value; /* the region's */
	/* a municipality's own baseline (indexed as jr_policy.municipalities); a count (secure
	 * admissions) without one has no line for that municipality */
	double municipal_baseline[JR_MON_MUNICIPALITY_MAX];
	bool has_municipal_baseline[JR_MON_MUNICIPALITY_MAX];
	/* the line: either a change per year in percent of the year before (compounded), or
	 * values per year (ascending, after the baseline year; linear in between) */
	bool relative;
	double change_percent;
	struct jr_mon_point points[JR_MON_POINT_MAX];
	size_t point_count;
};

/* A municipality's youth-care budget for a year, in euro cents. */
struct jr_mon_budget {
	char municipality[5];
	int year;
	int64_t cents;
};

/* The budget of a main provider (hoofdaanbieder) for a municipality and a year. */
struct jr_mon_main_budget {
	char municipality[5];
	char provider[JR_MON_NAME_MAX];
	int year;
	int64_t cents;
};

struct jr_monitor {
	bool present; /* the policy has a monitor section */
	struct jr_mon_target targets[JR_MON_TARGET_MAX];
	size_t target_count;
	struct jr_mon_budget budgets[JR_MON_BUDGET_MAX];
	size_t budget_count;
	struct jr_mon_main_budget main_budgets[JR_MON_MAIN_BUDGET_MAX];
	size_t main_budget_count;
};

/* "at_home_share", ...; NULL out of range. */
const char *jr_mon_indicator_name(enum jr_mon_indicator i);
/* Dutch label, e.g. "Jeugdigen met jeugdhulp die thuis wonen (%)". */
const char *jr_mon_indicator_label(enum jr_mon_indicator i);
/* -1 for an unknown name. */
int jr_mon_indicator_parse(const char *s);
/* Whether higher values are better (shares at home, settled in the social base). */
bool jr_mon_indicator_higher_is_better(enum jr_mon_indicator i);
/* Whether the indicator is a count (its size follows the municipality's) rather than a share
 * or a number of days. */
bool jr_mon_indicator_is_count(enum jr_mon_indicator i);

/* The budget of `municipality` for `year` into *cents; false when the policy gives none. */
bool jr_monitor_budget(const struct jr_monitor *m, const char *municipality, int year,
		       int64_t *cents);

/* The expected cost in a year of one allocation (docs/monitor.md, "Costs"): the tariff
 * `amount_cents` per `unit` times the units that fall in the `days` (>= 0) it runs in the year.
 * A unit of time (etmaal, dag, week, maand, jaar) counts the days; another unit (uur, ...)
 * counts `volume` per the allocation's `frequency` (per dag/week/maand; "totaal" or none: the
 * volume once, in the year the allocation starts: `starts_in_year`); a trajectory (traject)
 * counts once in the year it starts. False (and *out 0) when it cannot be known: no volume for
 * a unit that needs one. */
bool jr_mon_expected_cents(int64_t amount_cents, const char *unit, int64_t volume,
			   const char *frequency, int days, bool starts_in_year, int64_t *out);

#endif
