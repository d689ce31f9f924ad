/* monitor: the Regiovisie monitor as use cases (see monitor.h). */
#include "app/monitor.h"

#include <stdio.h>
#include <string.h>

#include "app/access.h"
#include "app/figures.h"
#include "core/region.h"
#include "json/policy_set.h"
#include "store/monitor.h"

static const char *const kinds[JR_APP_MONITOR_KIND_COUNT] = {"targets", "costs", "waiting",
							       "capacity"};

const char *jr_app_monitor_kind_name(enum jr_app_monitor_kind k)
{
	return (unsigned)k < JR_APP_MONITOR_KIND_COUNT ? kinds[k] : NULL;
}

int jr_app_monitor_kind_parse(const char *s)
{
	for (int i = 0; i < JR_APP_MONITOR_KIND_COUNT; i++)
		if (strcmp(kinds[i], s) == 0)
			return i;
	return -1;
}

/* The forms of a setting: stays (away from home) and secure care. */
static unsigned forms_where(const struct jr_policy *p, bool secure)
{
	unsigned mask = 0;

	for (int f = 1; f <= JR_FORM_COUNT; f++)
		if (secure ? p->forms[f].setting == JR_SETTING_SECURE
			   : jr_setting_is_stay(p->forms[f].setting))
			mask |= 1u << f;
	return mask;
}

/* What the published figures of the year show of the targets' indicators for row r of the
 * pattern (a municipality, or the region at index count): a target is shown only where its
 * parts are. */
static void published_row(const struct jr_figures_years *y, size_t r, struct jr_mon_published *o)
{
	double in, away, requests, settled, compulsory, started, wait;
	bool b;

	memset(o, 0, sizeof(*o));
#define SHOWN(key, v) jr_figures_years_value(y, JR_FIGURES_YEAR, 0, r, key, &(v))
	b = SHOWN("children_in_youth_care", in);
	b = SHOWN("children_away_from_home", away) && b;
	o->shown[JR_MON_AT_HOME_SHARE] = b;
	o->num[JR_MON_AT_HOME_SHARE] = (int64_t)(in - away);
	o->den[JR_MON_AT_HOME_SHARE] = (int64_t)in;
	b = SHOWN("help_requests", requests);
	b = SHOWN("settled_without_youth_care_share", settled) && b;
	o->shown[JR_MON_SOCIAL_BASE_SHARE] = b;
	o->num[JR_MON_SOCIAL_BASE_SHARE] = (int64_t)(settled * requests + 0.5);
	o->den[JR_MON_SOCIAL_BASE_SHARE] = (int64_t)requests;
	b = SHOWN("allocations_compulsory", compulsory);
	b = SHOWN("allocations_started", started) && b;
	o->shown[JR_MON_COMPULSORY_SHARE] = b;
	o->num[JR_MON_COMPULSORY_SHARE] = (int64_t)compulsory;
	o->den[JR_MON_COMPULSORY_SHARE] = (int64_t)started;
	o->shown[JR_MON_WAIT_DAYS] = SHOWN("wait_referral_to_allocation_days_median", wait);
	o->value[JR_MON_WAIT_DAYS] = wait;
#undef SHOWN
}

static enum jr_err targets(struct jr_app *app, const struct jr_policy *p, int year,
			   struct jr_mon_table *t)
{
	struct jr_mon_counts rows[JR_MUNICIPALITY_MAX * 4];
	struct jr_mon_published pub[JR_MUNICIPALITY_MAX + 1];
	struct jr_app_figures_pattern pt;
	size_t count = 0, n;
	enum jr_err err;

	/* the targets the figures also publish come from the figures' own pattern of the year */
	if ((err = jr_app_figures_pattern_make(app, p->id, year, 1, &pt)))
		goto out;
	n = pt.period[JR_FIGURES_YEAR][0].count;
	for (size_t m = 0; m < p->municipality_count; m++) {
		size_t r;
		for (r = 0; r < n && strcmp(pt.period[JR_FIGURES_YEAR][0].rows[r].municipality,
					    p->municipalities[m].code) != 0;
		     r++)
			;
		if (r < n)
			published_row(pt.y, r, &pub[m]);
		else /* not among the region's municipalities of the year: nothing shown */
			memset(&pub[m], 0, sizeof(pub[m]));
	}
	published_row(pt.y, n, &pub[p->municipality_count]);
	/* the secure admissions are the monitor's own count, suppressed on their own */
	if ((err = jr_store_monitor_counts(app->store, app->actor, year, forms_where(p, false),
					   forms_where(p, true), rows,
					   sizeof(rows) / sizeof(rows[0]), &count)))
		goto out;
	err = jr_mon_targets(p, year, rows, count, pub, t);
	jr_store_monitor_counts_release(rows, count);
out:
	jr_app_figures_pattern_release(&pt);
	return err;
}

enum jr_err jr_app_monitor(struct jr_app *app, enum jr_app_monitor_kind kind, const char *region,
			   int year, jr_day day, enum jr_mon_format format, struct jr_buf *out)
{
	struct jr_mon_table t[3];
	size_t nt = 0;
	const struct jr_policy *p, *own;
	bool by_year = kind == JR_APP_MONITOR_TARGETS || kind == JR_APP_MONITOR_COSTS;
	jr_day on;
	char period[16];
	enum jr_err err;

	memset(t, 0, sizeof(t));
	if ((err = jr_app_access_require(app, JR_CAP_FIGURES)))
		return err;
	if ((unsigned)kind >= JR_APP_MONITOR_KIND_COUNT)
		return jr_app_fail(app, JR_ERR_INPUT, "kind", "onbekend deel van de monitor");
	if (by_year && (year < JR_MON_YEAR_MIN || year > JR_MON_YEAR_MAX))
		return jr_app_fail(app, JR_ERR_INPUT, "year", "verwacht een jaar van %d tot en met %d",
				   JR_MON_YEAR_MIN, JR_MON_YEAR_MAX);
	on = by_year ? jr_date_from_ymd(year, 12, 31) : day;
	/* without a region: a user's own */
	if ((!region || !region[0]) && app->principal && app->principal->municipality[0] &&
	    app->policies &&
	    (own = jr_policy_set_find(app->policies, app->principal->municipality, on)))
		region = own->id;
	p = app->policies && region ? jr_region_by_id(app->policies, region, on) : NULL;
	if (!p)
		return jr_app_fail(app, JR_ERR_INPUT, "region",
				   "onbekende regio \"%s\"; kies de id van een beleidsbestand, "
				   "zoals twente",
				   region ? region : "");
	if (app->principal && app->principal->municipality[0]) {
		own = jr_policy_set_find(app->policies, app->principal->municipality, on);
		if (!own || strcmp(own->id, p->id) != 0)
			return jr_app_fail(app, JR_ERR_FORBIDDEN, "region",
					   "de monitor van een andere regio dan de eigen");
	}
	if (by_year)
		snprintf(period, sizeof(period), "%04d", year);
	else
		jr_date_format(day, period);
	switch (kind) {
	case JR_APP_MONITOR_TARGETS:
		nt = 1;
		err = targets(app, p, year, &t[0]);
		break;
	case JR_APP_MONITOR_COSTS: {
		struct jr_mon_costs c;
		jr_mon_costs_init(&c, p, year);
		err = jr_store_monitor_costs(app->store, app->actor, year, jr_mon_costs_alloc,
					     jr_mon_costs_claim, &c);
		nt = 3;
		if (!err)
			err = jr_mon_costs_tables(&c, t);
		jr_mon_costs_release(&c);
		break;
	}
	case JR_APP_MONITOR_WAITING: {
		struct jr_mon_waiting_acc w;
		jr_mon_waiting_init(&w, p, day);
		err = jr_store_monitor_waiting(app->store, app->actor, day,
					       jr_mon_waiting_from(day), jr_mon_waiting_item,
					       jr_mon_waiting_wait, &w);
		nt = 2;
		if (!err)
			err = jr_mon_waiting_tables(&w, t);
		jr_mon_waiting_release(&w);
		break;
	}
	default: {
		struct jr_mon_capacity_acc c = {0};
		err = jr_store_monitor_capacity(app->store, app->actor, p->id, day,
						jr_mon_capacity_item, &c);
		nt = 1;
		if (!err)
			err = jr_mon_capacity_table(p, &c, &t[0]);
		jr_mon_capacity_release(&c);
		break;
	}
	}
	if (!err)
		err = jr_mon_write(out, format, kinds[kind], p, by_year ? "year" : "date", period, t,
				   nt);
	for (size_t i = 0; i < nt; i++)
		jr_mon_table_release(&t[i]);
	return err;
}
