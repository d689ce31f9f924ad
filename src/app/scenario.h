/* scenario: the use case "what would this policy change?" (issue 16 §6) — one road for
 * `jeugdroute scenario` and POST /api/v1/scenarios.
 *
 * A population of help requests is routed twice, under the base policy (the region's, or a
 * file) and under the scenario policy, and counted (report/scenario.c). The population comes
 * from a JSON Lines file of route requests (jr_app_scenario_line, called by the command line's
 * lanes from several threads at once: it reads and writes nothing but its arguments) or from the
 * region's help requests in the records (jr_app_scenario_records, which writes one audit entry,
 * "scenario.read"). */
#ifndef JR_APP_SCENARIO_H
#define JR_APP_SCENARIO_H

#include <stddef.h>

#include "app/app.h"
#include "core/date.h"
#include "core/route.h"
#include "report/scenario.h"

struct jr_policy_set;

/* What every line of a population is routed with; read-only while routing. */
struct jr_scen_run {
	const struct jr_policy_set *base_set; /* the base policies: the region's versions, or one */
	const struct jr_policy *base;         /* the version that numbers the municipalities */
	const struct jr_policy *scen;         /* the scenario */
	jr_day today;                         /* the date of a request without "date" */
};

/* One worker's scratch space (large: keep it on the heap). */
struct jr_scen_work {
	struct jr_request req;
	struct jr_answer base, scen;
};

/* Index of municipality `code` in policy `p`, or -1. */
int jr_app_scenario_municipality(const struct jr_policy *p, const char *code);

/* Routes one JSON route request (`len` bytes) under base and scenario and counts it into *t:
 * read always; refused for a bad request (or one for a day no base version is in force);
 * outside_region when the responsible municipality is not of the base's region; not_in_scenario
 * when the scenario does not hold it; otherwise accepted, with its answers. */
void jr_app_scenario_line(const struct jr_scen_run *r, const char *text, size_t len,
			  struct jr_scen_work *w, struct jr_scen_tally *t);

/* Routes an already checked request (of the records) the same way. */
void jr_app_scenario_request(const struct jr_scen_run *r, struct jr_scen_work *w,
			     struct jr_scen_tally *t);

/* Reads the region's help requests (the municipalities of r->base) from the records: one audit
 * entry "scenario.read". Each is made a route request (the municipality, the child's birth
 * date, the day it was raised, the needs of its latest broad analysis, the measure in force
 * that day; not the judge's authorisations nor the history of earlier help) and routed
 * under the base policy; the routed category and whether an allocation of that form was made
 * are counted in p->advised and p->realised (the history of --outcomes ja). With `population`,
 * each is also counted into *t as jr_app_scenario_request does. */
enum jr_err jr_app_scenario_records(struct jr_app *app, const struct jr_scen_run *r,
				    bool population, struct jr_scen_tally *t,
				    struct jr_scen_params *p);

/* Fills p->out_of_home from the base and scenario policies of `r`. */
void jr_app_scenario_prepare(const struct jr_scen_run *r, struct jr_scen_params *p);

/* Adds one lane's tally into another. */
void jr_app_scenario_merge(struct jr_scen_tally *dst, const struct jr_scen_tally *src);

/* The bootstrap of tally `t` under `p` and its rendering, JSON (docs/scenario.md) or, with
 * `text`, readable Dutch, appended to `out`. JR_ERR_INPUT for a resample count out of range,
 * JR_ERR_NOMEM, JR_ERR_TOO_BIG when `out` is full. */
enum jr_err jr_app_scenario_report(const struct jr_scen_run *r, const struct jr_scen_tally *t,
				   const struct jr_scen_params *p, bool text, struct jr_buf *out);

/* The largest number of resamples a scenario over the API may ask for. */
#define JR_APP_SCENARIO_RESAMPLES_MAX 10000

/* POST /api/v1/scenarios: the JSON `body` {"policy": {…}, "region": ID, "resamples": N,
 * "seed": N} (resamples 1..JR_APP_SCENARIO_RESAMPLES_MAX, default 1000; seed default 1) runs
 * the scenario over the region's help requests in the records, with their historical outcomes,
 * and appends its JSON (report/scenario.h) to `out`. JR_ERR_FORBIDDEN for a role without
 * scenarios or for another region than the user's own; JR_ERR_INPUT for a bad body, an unknown
 * region or a policy that fails `policy check` (the path names the field, "policy.…"); each
 * explained in app->diag. */
enum jr_err jr_app_scenario_body(struct jr_app *app, const char *body, size_t len,
				 struct jr_buf *out);

/* Tariffs from the contracts in the records, for a scenario without a tariff file: per form,
 * the expected costs in calendar year `year` of the allocations of that form running in it in
 * the region of `base` (allocations × contract tariffs, as the monitor's expected costs count
 * them; docs/monitor.md) divided by those allocations with a tariff — the mean cost of an
 * allocation-year. A form with fewer than 5 such allocations gets no tariff (0): its mean would
 * tell one allocation's price. Sets p->tariff, p->has_tariffs (when any form has one) and
 * p->tariffs_source. One audit entry (the monitor's costs read). */
enum jr_err jr_app_scenario_contract_tariffs(struct jr_app *app, const struct jr_policy *base,
					     int year, struct jr_scen_params *p);

/* Reads a tariff file (docs/scenario.md): {"tariffs": {"1": euros, …, "10": euros}, …} — per
 * form of youth care the expected cost of one allocation, a number from 0 to 10,000,000; a
 * form left out costs 0. JR_ERR_INPUT with the field explained in *diag. */
enum jr_err jr_app_scenario_tariffs(const char *text, size_t len, double tariff[JR_SCEN_CATS],
				    struct jr_diag *diag);

#endif
