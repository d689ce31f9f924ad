/* scenario: the use case of a scenario over a population (see scenario.h). */
#include "app/scenario.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/route.h"
#include "core/alloc.h"
#include "core/region.h"
#include "app/access.h"
#include "json/json_common.h"
#include "json/policy_json.h"
#include "json/request_json.h"
#include "report/monitor.h"
#include "store/monitor.h"
#include "store/scenario.h"

#define TARIFF_MAX 10000000.0

int jr_app_scenario_municipality(const struct jr_policy *p, const char *code)
{
	for (size_t m = 0; m < p->municipality_count; m++)
		if (strcmp(p->municipalities[m].code, code) == 0)
			return (int)m;
	return -1;
}

/* Counts a request whose base answer is in w->base. */
static void count(const struct jr_scen_run *r, struct jr_scen_work *w, struct jr_scen_tally *t)
{
	int m;

	if (!w->base.policy || strcmp(w->base.policy->id, r->base->id) != 0 ||
	    !w->base.municipality ||
	    (m = jr_app_scenario_municipality(r->base, w->base.municipality->code)) < 0) {
		t->outside_region++;
		return;
	}
	if (jr_route(r->scen, &w->req, &w->scen) != JR_OK) {
		t->not_in_scenario++;
		return;
	}
	jr_scen_count(t, (size_t)m, &w->base, &w->scen);
}

void jr_app_scenario_line(const struct jr_scen_run *r, const char *text, size_t len,
			  struct jr_scen_work *w, struct jr_scen_tally *t)
{
	struct jr_diag diag;
	enum jr_err err;

	t->read++;
	if (len > 0 && text[len - 1] == '\r')
		len--;
	if (len > JR_REQUEST_MAX_BYTES) {
		t->refused++;
		return;
	}
	err = jr_app_route(r->base_set, text, len, r->today, &w->req, &w->base, &diag);
	if (err == JR_ERR_NOT_FOUND && strcmp(diag.path, "municipality") == 0) {
		t->outside_region++;
		return;
	}
	if (err) {
		t->refused++;
		return;
	}
	count(r, w, t);
}

void jr_app_scenario_request(const struct jr_scen_run *r, struct jr_scen_work *w,
			     struct jr_scen_tally *t)
{
	const char *field, *message;
	const struct jr_policy *p;

	t->read++;
	if (jr_request_check(&w->req, &field, &message) != JR_OK) {
		t->refused++;
		return;
	}
	p = jr_region_find(r->base_set, jr_request_responsible(r->base, &w->req), w->req.date);
	if (!p) {
		t->outside_region++;
		return;
	}
	if (jr_route(p, &w->req, &w->base) != JR_OK) {
		t->refused++;
		return;
	}
	count(r, w, t);
}

void jr_app_scenario_prepare(const struct jr_scen_run *r, struct jr_scen_params *p)
{
	jr_scen_out_of_home(p, 0, r->base);
	jr_scen_out_of_home(p, 1, r->scen);
}

void jr_app_scenario_merge(struct jr_scen_tally *dst, const struct jr_scen_tally *src)
{
	jr_scen_merge(dst, src);
}

enum jr_err jr_app_scenario_report(const struct jr_scen_run *r, const struct jr_scen_tally *t,
				   const struct jr_scen_params *p, bool text, struct jr_buf *out)
{
	struct jr_scen_spread *sp = jr_calloc(1, sizeof(*sp));
	const char *outcomes = p->has_outcomes ? "ja" : "nee";
	enum jr_err err;

	if (!sp)
		return JR_ERR_NOMEM;
	err = jr_scen_bootstrap(t, p, sp);
	if (!err)
		err = text ? jr_scen_write_text(out, t, p, sp, r->base, r->scen, outcomes)
			   : jr_scen_write_json(out, t, p, sp, r->base, r->scen, outcomes);
	jr_free(sp);
	return err;
}

struct records_ctx {
	const struct jr_scen_run *r;
	struct jr_scen_work *w;
	struct jr_scen_tally *t;
	struct jr_scen_params *p;
	bool population;
};

static enum jr_err each_record(void *arg, const struct jr_scen_record *rec)
{
	struct records_ctx *c = arg;
	struct jr_scen_work *w = c->w;
	const struct jr_policy *pol;
	const char *field, *message;
	int cat;

	memset(&w->req, 0, sizeof(w->req));
	memcpy(w->req.municipality, rec->municipality, sizeof(w->req.municipality));
	w->req.birth_date = rec->birth_date;
	w->req.date = rec->raised_on;
	memcpy(w->req.needs, rec->needs, sizeof(w->req.needs));
	w->req.broad_analysis = true;
	w->req.measure = rec->measure;
	if (!rec->has_analysis) { /* nothing to route it by */
		if (c->population) {
			c->t->read++;
			c->t->refused++;
		}
		return JR_OK;
	}
	if (c->population)
		jr_app_scenario_request(c->r, w, c->t);
	/* the history: what the base policy advises and whether that was allocated */
	if (jr_request_check(&w->req, &field, &message) != JR_OK)
		return JR_OK;
	pol = jr_region_find(c->r->base_set, w->req.municipality, w->req.date);
	if (!pol || jr_route(pol, &w->req, &w->base) != JR_OK)
		return JR_OK;
	cat = jr_scen_category(&w->base);
	c->p->advised[cat]++;
	if (cat >= 1 && cat <= JR_FORM_COUNT && (rec->allocated & (1u << cat)))
		c->p->realised[cat]++;
	return JR_OK;
}

enum jr_err jr_app_scenario_records(struct jr_app *app, const struct jr_scen_run *r,
				    bool population, struct jr_scen_tally *t,
				    struct jr_scen_params *p)
{
	struct records_ctx c = {.r = r, .t = t, .p = p, .population = population};
	char codes[JR_MUNICIPALITY_MAX][5];
	enum jr_err err;

	c.w = jr_calloc(1, sizeof(*c.w));
	if (!c.w)
		return JR_ERR_NOMEM;
	for (size_t m = 0; m < r->base->municipality_count; m++)
		memcpy(codes[m], r->base->municipalities[m].code, 5);
	memset(p->advised, 0, sizeof(p->advised));
	memset(p->realised, 0, sizeof(p->realised));
	err = jr_store_scenario_population(app->store, app->actor, (const char(*)[5])codes,
					   r->base->municipality_count, each_record, &c);
	if (err)
		jr_app_fail(app, err, NULL, "de hulpvragen van de regio konden niet gelezen worden");
	jr_free(c.w);
	return err;
}

enum jr_err jr_app_scenario_tariffs(const char *text, size_t len, double tariff[JR_SCEN_CATS],
				    struct jr_diag *diag)
{
	json_t *root = NULL, *t, *v;
	json_error_t jerr;
	const char *key;
	enum jr_err err;

	for (int c = 0; c < JR_SCEN_CATS; c++)
		tariff[c] = 0;
	if (jr_json_depth(text, len, 8) > 8) {
		jr_diag_set(diag, "$", "is te diep genest");
		return JR_ERR_INPUT;
	}
	err = jr_json_load(text, len, &root, &jerr);
	if (err == JR_ERR_INPUT)
		jr_diag_set(diag, "$", "geen geldige JSON (regel %d, kolom %d): %s", jerr.line,
			    jerr.column, jerr.text);
	if (err)
		return err;
	err = JR_ERR_INPUT;
	if (!json_is_object(root)) {
		jr_diag_set(diag, "$", "is %s; verwacht een object", jr_json_type_name(root));
		goto out;
	}
	t = json_object_get(root, "tariffs");
	if (!json_is_object(t)) {
		jr_diag_set(diag, "tariffs", t ? "is %s; verwacht een object met per vorm (1 tot en "
						 "met 10) een bedrag"
					       : "ontbreekt%s; verwacht een object met per vorm (1 "
						 "tot en met 10) een bedrag",
			    t ? jr_json_type_name(t) : "");
		goto out;
	}
	json_object_foreach(t, key, v)
	{
		char *end = NULL;
		long form = strtol(key, &end, 10);
		double euros;
		if (!*key || *end || key[0] == '0' || form < 1 || form > JR_FORM_COUNT) {
			jr_diag_set(diag, "tariffs", "onbekende vorm \"%.40s\"; verwacht 1 tot en met "
				    "%d", key, JR_FORM_COUNT);
			goto out;
		}
		euros = json_number_value(v);
		if (!json_is_number(v) || euros < 0 || euros > TARIFF_MAX) {
			char path[32];
			snprintf(path, sizeof(path), "tariffs.%ld", form);
			jr_diag_set(diag, path, "verwacht een bedrag in euro van 0 tot en met %.0f",
				    TARIFF_MAX);
			goto out;
		}
		tariff[form] = euros;
	}
	err = JR_OK;
out:
	json_decref(root);
	return err;
}

/* The scenario policy of the body: parsed and checked as `policy check` does. */
static enum jr_err body_policy(struct jr_app *app, json_t *v, struct jr_policy *out)
{
	struct jr_diag diag;
	char *text;
	enum jr_err err;

	if (!json_is_object(v))
		return jr_app_fail(app, JR_ERR_INPUT, "policy",
				   v ? "is %s; verwacht een beleid (object)"
				     : "ontbreekt%s; verwacht een beleid (object)",
				   v ? jr_json_type_name(v) : "");
	text = json_dumps(v, JSON_COMPACT);
	if (!text)
		return JR_ERR_NOMEM;
	memset(&diag, 0, sizeof(diag));
	err = jr_policy_parse(text, strlen(text), out, &diag);
	free(text);
	if (err == JR_ERR_NOMEM)
		return err;
	if (err) {
		char path[JR_DIAG_PATH_MAX + 8];
		const char *rest = diag.path[0] == '$' ? diag.path + 1 : diag.path;
		snprintf(path, sizeof(path), "policy%s%.150s", rest[0] && rest[0] != '.' ? "." : "",
			 rest);
		path[JR_DIAG_PATH_MAX - 1] = '\0'; /* jr_app_fail takes a path of at most that */
		return jr_app_fail(app, JR_ERR_INPUT, path, "%s", diag.message);
	}
	return JR_OK;
}

static enum jr_err body_int(struct jr_app *app, json_t *root, const char *key, long long min,
			    long long max, long long dflt, long long *out)
{
	json_t *v = json_object_get(root, key);

	*out = dflt;
	if (!v)
		return JR_OK;
	if (!json_is_integer(v) || json_integer_value(v) < min || json_integer_value(v) > max)
		return jr_app_fail(app, JR_ERR_INPUT, key,
				   "verwacht een geheel getal van %lld tot en met %lld", min, max);
	*out = json_integer_value(v);
	return JR_OK;
}

enum jr_err jr_app_scenario_contract_tariffs(struct jr_app *app, const struct jr_policy *base,
					     int year, struct jr_scen_params *p)
{
	struct jr_mon_costs *c = jr_calloc(1, sizeof(*c));
	int priced = 0;
	enum jr_err err;

	if (!c)
		return JR_ERR_NOMEM;
	jr_mon_costs_init(c, base, year);
	if ((err = jr_store_monitor_costs(app->store, app->actor, year, jr_mon_costs_alloc,
					  jr_mon_costs_claim, c)))
		goto out;
	for (int f = 1; f <= JR_FORM_COUNT; f++) {
		int64_t cents = 0, n = 0;
		for (size_t m = 0; m < base->municipality_count; m++) {
			cents += c->cell[m][f].expected_cents;
			n += c->cell[m][f].allocations - c->cell[m][f].without_tariff;
		}
		p->tariff[f] = n >= 5 ? (double)cents / 100.0 / (double)n : 0;
		priced += n >= 5;
	}
	p->has_tariffs = priced > 0;
	snprintf(p->tariffs_source, sizeof(p->tariffs_source),
		 "de contracten: gemiddelde verwachte kosten per toewijzing in %d (%d vormen met "
		 "tarieven)",
		 year, priced);
out:
	jr_mon_costs_release(c);
	jr_free(c);
	return err;
}

enum jr_err jr_app_scenario_body(struct jr_app *app, const char *body, size_t len,
				 struct jr_buf *out)
{
	struct jr_policy *scen = NULL;
	struct jr_scen_tally *t = NULL;
	struct jr_scen_params *p = NULL;
	struct jr_scen_run run = {0};
	json_t *root = NULL, *v;
	json_error_t jerr;
	const char *key, *region;
	long long resamples, seed;
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_SCENARIOS)))
		return err;
	if (jr_json_depth(body, len, 32) > 32)
		return jr_app_fail(app, JR_ERR_INPUT, "$", "is te diep genest");
	err = jr_json_load(body, len, &root, &jerr);
	if (err == JR_ERR_INPUT)
		return jr_app_fail(app, err, "$", "geen geldige JSON (regel %d, kolom %d): %s",
				   jerr.line, jerr.column, jerr.text);
	if (err)
		return err;
	if (!json_is_object(root)) {
		err = jr_app_fail(app, JR_ERR_INPUT, "$", "verwacht een object");
		goto out;
	}
	json_object_foreach(root, key, v)
	{
		if (strcmp(key, "policy") && strcmp(key, "region") && strcmp(key, "resamples") &&
		    strcmp(key, "seed")) {
			err = jr_app_fail(app, JR_ERR_INPUT, key,
					  "onbekend veld; verwacht policy, region, resamples, seed");
			goto out;
		}
	}
	region = json_string_value(json_object_get(root, "region"));
	if (!region) {
		err = jr_app_fail(app, JR_ERR_INPUT, "region", "ontbreekt of is geen tekst");
		goto out;
	}
	if ((err = body_int(app, root, "resamples", 1, JR_APP_SCENARIO_RESAMPLES_MAX, 1000,
			    &resamples)) ||
	    (err = body_int(app, root, "seed", 0, 999999999999LL, 1, &seed)))
		goto out;
	run.base = app->policies ? jr_region_by_id(app->policies, region, app->today) : NULL;
	if (!run.base) {
		err = jr_app_fail(app, JR_ERR_INPUT, "region",
				  "onbekende regio, of geen beleid van de regio dat vandaag geldt");
		goto out;
	}
	/* a user of an organisation in a municipality: its own region only */
	if (app->principal && app->principal->municipality[0]) {
		const struct jr_policy *own =
			jr_region_find(app->policies, app->principal->municipality, app->today);
		if (!own || strcmp(own->id, run.base->id) != 0) {
			err = jr_app_fail(app, JR_ERR_FORBIDDEN, "region",
					  "een scenario kan alleen voor de eigen regio");
			goto out;
		}
	}
	scen = jr_calloc(1, sizeof(*scen));
	t = jr_calloc(1, sizeof(*t));
	p = jr_calloc(1, sizeof(*p));
	if (!scen || !t || !p) {
		err = JR_ERR_NOMEM;
		goto out;
	}
	if ((err = body_policy(app, json_object_get(root, "policy"), scen)))
		goto out;
	run.base_set = app->policies;
	run.scen = scen;
	run.today = app->today;
	p->seed = (uint64_t)seed;
	p->resamples = (int)resamples;
	p->has_outcomes = true;
	jr_app_scenario_prepare(&run, p);
	if ((err = jr_app_scenario_records(app, &run, true, t, p)))
		goto out;
	/* the costs from the region's contracts, of this calendar year */
	{
		int y, m, d;
		jr_date_to_ymd(app->today, &y, &m, &d);
		if ((err = jr_app_scenario_contract_tariffs(app, run.base, y, p)))
			goto out;
	}
	err = jr_app_scenario_report(&run, t, p, false, out);
out:
	json_decref(root);
	jr_free(scen);
	jr_free(t);
	jr_free(p);
	return err;
}
