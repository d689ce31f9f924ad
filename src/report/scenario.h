/* scenario: what a change of policy would do to a population of help requests (issue 16 §6).
 *
 * Every request is routed twice — under the base policy and under the scenario policy — by the
 * caller (app/scenario.c); this module counts the answers and computes the spread. A request's
 * *expected allocation* is the category of its advice, the answer's first option (coordination,
 * which goes beside help, aside): youth care of form 1..10, or light help (social base,
 * no-referral offer or another domain: category 0) — also when youth care follows as the next
 * step if the light help is not enough — or not eligible (JR_SCEN_NOT_ELIGIBLE). Its *options* are every category
 * its answer offers. The population is tallied in *classes* (municipality × base category ×
 * scenario category), so that the bootstrap resamples the classes' counts (a multinomial draw of
 * the population's size) instead of the requests one by one: the same distribution, in time
 * independent of the population's size.
 *
 * The historical outcomes (optional): per category, how many of the requests whose advice was
 * that category were in fact allocated it (`realised` of `advised`). With them, every resample
 * also draws each category's realisation rate from its own history (a binomial resample of the
 * history, divided by its size) and counts a class's expected allocations times that rate. A
 * category whose history holds a small cell (advised, realised, or advised but not realised: 1
 * to JR_SCEN_SMALL-1) is not weighed and its history not published (jr_scen_history_used).
 *
 * Pure: no I/O, no globals; the random numbers come from a seeded generator of our own, so that
 * the same seed gives the same figures on every machine. */
#ifndef JR_REPORT_SCENARIO_H
#define JR_REPORT_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/policy.h"
#include "core/route.h"

#define JR_SCEN_LIGHT 0                         /* no youth care: light help */
#define JR_SCEN_NOT_ELIGIBLE (JR_FORM_COUNT + 1) /* outside the Jeugdwet's reach */
#define JR_SCEN_CATS (JR_FORM_COUNT + 2)
#define JR_SCEN_RESAMPLES_MAX 100000
#define JR_SCEN_SMALL 5 /* counts below this (but above 0) are suppressed, as in the figures */

/* The counts of one population (or of one lane's part of it; jr_scen_merge adds two). */
struct jr_scen_tally {
	uint64_t read, accepted, refused, outside_region, not_in_scenario;
	/* [municipality][base category][scenario category]: requests */
	uint64_t cls[JR_MUNICIPALITY_MAX][JR_SCEN_CATS][JR_SCEN_CATS];
	/* [0 base, 1 scenario][municipality][category]: requests offered that category */
	uint64_t options[2][JR_MUNICIPALITY_MAX][JR_SCEN_CATS];
	/* [0 base, 1 scenario][0 social base, 1 no referral][offer index in that policy]:
	 * requests offered it */
	uint64_t offers[2][2][JR_OFFER_MAX];
};

/* What the bootstrap and the costs need besides the tally. */
struct jr_scen_params {
	uint64_t seed;
	int resamples; /* 1 .. JR_SCEN_RESAMPLES_MAX */
	/* euros per expected allocation of a category (0 for light help and not eligible) */
	double tariff[JR_SCEN_CATS];
	bool has_tariffs;
	/* where the tariffs come from, in Dutch words ("" when none) */
	char tariffs_source[128];
	/* whether a category is out-of-home (a stay: setting out-of-home or secure), per policy */
	bool out_of_home[2][JR_SCEN_CATS];
	/* the historical outcomes, when has_outcomes: per category advised and realised */
	bool has_outcomes;
	uint64_t advised[JR_SCEN_CATS], realised[JR_SCEN_CATS];
};

/* The statistics each resample gives, in this order. */
enum jr_scen_stat {
	JR_SCEN_ST_YOUTH_CARE_BASE,
	JR_SCEN_ST_YOUTH_CARE_SCEN,
	JR_SCEN_ST_YOUTH_CARE_DIFF,
	JR_SCEN_ST_OUT_OF_HOME_BASE,
	JR_SCEN_ST_OUT_OF_HOME_SCEN,
	JR_SCEN_ST_OUT_OF_HOME_DIFF,
	JR_SCEN_ST_SHARE_BASE, /* out-of-home share of the youth-care allocations */
	JR_SCEN_ST_SHARE_SCEN,
	JR_SCEN_ST_SHARE_DIFF,
	JR_SCEN_ST_COST_BASE,
	JR_SCEN_ST_COST_SCEN,
	JR_SCEN_ST_COST_DIFF,
	JR_SCEN_ST_FORM_BASE, /* + category: expected allocations per category */
	JR_SCEN_ST_FORM_SCEN = JR_SCEN_ST_FORM_BASE + JR_SCEN_CATS,
	JR_SCEN_ST_FORM_DIFF = JR_SCEN_ST_FORM_SCEN + JR_SCEN_CATS,
	JR_SCEN_ST_COUNT = JR_SCEN_ST_FORM_DIFF + JR_SCEN_CATS
};

/* p5, p50 and p95 of one statistic over the resamples. */
struct jr_scen_pct {
	double p5, p50, p95;
};

struct jr_scen_spread {
	int resamples;
	struct jr_scen_pct stat[JR_SCEN_ST_COUNT];
};

/* Whether the history of category `c` is used (and published): outcomes asked, advised at
 * least once, and no small cell in it. */
bool jr_scen_history_used(const struct jr_scen_params *p, int c);

/* The category of an answer's expected allocation (see the top of this file). */
int jr_scen_category(const struct jr_answer *a);

/* Adds one accepted request of municipality number `muni` (an index into the base policy's
 * municipalities) with its two answers (whose policies index the offers). */
void jr_scen_count(struct jr_scen_tally *t, size_t muni, const struct jr_answer *base,
		   const struct jr_answer *scen);

/* Adds `src` into `dst`. */
void jr_scen_merge(struct jr_scen_tally *dst, const struct jr_scen_tally *src);

/* Fills p->out_of_home[which] from policy `pol` (forms whose setting is out-of-home or
 * secure). */
void jr_scen_out_of_home(struct jr_scen_params *p, int which, const struct jr_policy *pol);

/* The statistics of the population itself (no resampling): expected counts, with the
 * realisation rates of the history when it is there. `stat` has JR_SCEN_ST_COUNT values. */
void jr_scen_point(const struct jr_scen_tally *t, const struct jr_scen_params *p, double *stat);

/* The bootstrap: p->resamples resamples of the population (and of the history), their
 * percentiles in *out. JR_ERR_INPUT for a resample count out of range, JR_ERR_NOMEM. */
enum jr_err jr_scen_bootstrap(const struct jr_scen_tally *t, const struct jr_scen_params *p,
			      struct jr_scen_spread *out);

/* The result as JSON (docs/scenario.md): counts, per category and per municipality options and
 * expected allocations under base and scenario with their difference (small cells and every
 * figure they could be worked out from suppressed, report/suppress.c), out-of-home shares,
 * costs and the spread. `base` names the municipalities and the categories; `scen` is the
 * scenario policy; `region` the region's id. Appends to `out`. */
enum jr_err jr_scen_write_json(struct jr_buf *out, const struct jr_scen_tally *t,
			       const struct jr_scen_params *p, const struct jr_scen_spread *sp,
			       const struct jr_policy *base, const struct jr_policy *scen,
			       const char *outcomes);

/* The same as readable Dutch text. */
enum jr_err jr_scen_write_text(struct jr_buf *out, const struct jr_scen_tally *t,
			       const struct jr_scen_params *p, const struct jr_scen_spread *sp,
			       const struct jr_policy *base, const struct jr_policy *scen,
			       const char *outcomes);

/* The splitmix64 generator the bootstrap draws from (exported for its unit test). */
uint64_t jr_scen_rand(uint64_t *state);
/* A binomial draw of n trials of probability p from *state. */
uint64_t jr_scen_binomial(uint64_t *state, uint64_t n, double p);

#endif
