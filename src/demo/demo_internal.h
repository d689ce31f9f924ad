/* demo_internal: what the parts of the demo seeder share — the load's context, the random
 * generator, the reference figures and texts (data.c), and the operations of each part.
 *
 * The order in which the parts draw from the generator is the region: the same seed gives the
 * same records only as long as every draw stays where it is. */
#ifndef JR_DEMO_INTERNAL_H
#define JR_DEMO_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "app/app.h"
#include "app/course.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/policy.h"
#include "core/region.h"
#include "core/route.h"
#include "demo/demo.h"
#include "store/store.h"

#define DEMO_BATCH         1000 /* youths per bulk transaction */
#define DEMO_PROVIDERS_MAX 40
#define DEMO_GPS           2         /* GP practices per municipality */
#define DEMO_KIDS_MAX      4         /* children per household */
#define DEMO_ITEMS_MAX     8         /* allocations per child in one story */
#define DEMO_RUNS_MAX      100       /* demo loads per database (AGB codes carry the run number) */
#define BSN_OFFSET_MAX     89999999u /* prefixes down to 10000000 */
#define F(n)               (1u << (n))

/* ---------------------------------------------------------------------------------------------
 * The random generator: splitmix64, small, fast and fully determined by the seed (as bench/gen.c).
 * ------------------------------------------------------------------------------------------- */

struct rng {
	uint64_t state;
};

static inline uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->state += UINT64_C(0x9e3779b97f4a7c15));
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static inline int rng_below(struct rng *r, int n)
{
	return n <= 1 ? 0 : (int)(rng_next(r) % (uint64_t)n);
}

/* Uniform in [lo, hi]. */
static inline int rng_range(struct rng *r, int lo, int hi)
{
	return hi <= lo ? lo : lo + rng_below(r, hi - lo + 1);
}

/* True with probability pm/1000. */
static inline bool rng_permille(struct rng *r, int pm)
{
	return rng_below(r, 1000) < pm;
}

/* An index into `w` with probability proportional to its weight. */
static inline int rng_weighted(struct rng *r, const int *w, int n)
{
	int total = 0, pick;

	for (int i = 0; i < n; i++)
		total += w[i];
	pick = rng_below(r, total);
	for (int i = 0; i < n; i++) {
		if (pick < w[i])
			return i;
		pick -= w[i];
	}
	return n - 1;
}

#define PICK(r, list) ((list)[rng_below((r), (int)(sizeof(list) / sizeof((list)[0])))])

/* ---------------------------------------------------------------------------------------------
 * Reference figures and texts (data.c)
 * ------------------------------------------------------------------------------------------- */

/* Regional shares of the youths in care, in permille (data.c says where they come from). */
struct region_ref {
	const char *id;
	int out_of_home;
	int measure;
	int care;
};

/* Per need domain (enum jr_need order): the question in the family's words, a goal (the result
 * to reach, also the allocation's result description) and a hypothesis. No names. */
struct domain_text {
	const char *question;
	const char *goal;
	const char *hypothesis;
};

extern const int jr_demo_story_mix[JR_DEMO_ST_COUNT];
extern const enum jr_demo_story jr_demo_forced_stories[4];
extern const int jr_demo_ambulant_mix[4];
extern const int jr_demo_stay_forms[4];
extern const int jr_demo_stay_mix[4];
extern const char *const jr_demo_end_reasons[7];
extern const int jr_demo_end_mix[7];
extern const char *const jr_demo_girls[24];
extern const char *const jr_demo_boys[24];
extern const char *const jr_demo_mothers[18];
extern const char *const jr_demo_fathers[18];
extern const struct domain_text jr_demo_domain_texts[JR_NEED_COUNT];
extern const char *const jr_demo_participants[5];
extern const char *const jr_demo_not_enough[4];

/* ---------------------------------------------------------------------------------------------
 * The load's context
 * ------------------------------------------------------------------------------------------- */

struct demo_muni {
	const struct jr_municipality *pm; /* in the policy */
	int population;
	int care_permille;
	int64_t local_team_id;
	int64_t consulent_id;
	int64_t gp_org_id[DEMO_GPS];
	char gp_name[DEMO_GPS][JR_PERSON_NAME_MAX];
	char gp_agb[DEMO_GPS][9];
};

struct demo_provider {
	struct jr_provider rec;
	unsigned forms;      /* the forms it holds contracts for */
	uint64_t munis;      /* local contracts: bit i = municipality i */
	bool regional;       /* one contract for the whole region */
	bool suspend_at_end; /* suspended after the load: its clients stay on record */
	int64_t org_id;      /* a GI: its organisation */
	long allocations;    /* made to it in this load */
};

/* One allocation of a child and its care, as the story made it. */
struct demo_item {
	int form;
	int provider;
	int64_t allocation_id;
	jr_day start; /* allocation start */
	bool has_end;
	jr_day end;     /* allocation end, when it has one */
	int level;      /* the result level (intensity), 0 for none */
	int64_t volume; /* hours per week in the product regime, 0 for none */
	bool started;
	jr_day care_start;
	bool stopped;
	jr_day stop;
	bool negative;
};

struct demo_child {
	struct jr_person person;
	int age; /* on the peildatum */
	size_t mi;
	int64_t household_id;
	struct jr_help_request hr;
	bool planned;
	unsigned char needs[JR_NEED_COUNT];
	unsigned flags;
	int main_need;
	int referrer; /* COD327 for this child's youth-care referrals */
	enum jr_measure measure;
	jr_day measure_start;
	bool measure_has_end;
	jr_day measure_recorded_end; /* the end the record holds now (an OTS's term as extended
				      * so far; 0: none), which an authorisation stays within */
	jr_day measure_end;
	int measure_provider;
	int64_t measure_id; /* the recorded measure, 0 when none */
	size_t item_count;
	struct demo_item items[DEMO_ITEMS_MAX];
};

struct demo_household {
	struct jr_household rec;
	size_t kid_count;
	struct demo_child kids[DEMO_KIDS_MAX];
	int coordinator;     /* 0 none, 1 the local team's consulent, 2 the GI worker */
	bool no_coordinator; /* a story needs nobody holding the regie */
};

struct jr_demo {
	struct jr_store *store;
	const struct jr_actor *actor;
	const struct jr_policy *p;
	const struct region_ref *ref;
	struct rng rng;
	struct rng rng_address; /* its own stream: addresses do not shift the rest of the region */
	struct rng rng_settled; /* its own stream too: the requests settled without youth care
				 * (issue 16) leave the rest of the region as it was */
	struct rng rng_claims;  /* and the claims (claims.c): the region stays as it was */
	jr_day today;
	jr_day contract_start;
	int span_days;  /* help requests are raised up to this many days back */
	jr_day earliest; /* and not before this day (the contracts and the policy) */
	long youths;
	bool logins;
	const char *password;
	int run;           /* which demo load in this database: in AGB codes and user names */
	uint32_t bsn_next; /* offset of the next BSN prefix below 99999999 */
	int agb_next;      /* next referrer AGB sequence number */
	size_t muni_count;
	struct demo_muni munis[JR_MUNICIPALITY_MAX];
	long population_total;
	size_t provider_count;
	struct demo_provider providers[DEMO_PROVIDERS_MAX];
	int64_t youth_health_id, hospital_id, gi_user_id, office_id, gi_org_id;
	char youth_health_name[JR_PERSON_NAME_MAX], youth_health_agb[9];
	char hospital_name[JR_PERSON_NAME_MAX], hospital_agb[9];
	int stay_permille, measure_permille; /* within the ordinary course */
	size_t forced;
	bool tty;
	int last_tenth;
	struct jr_demo_counts n;
	struct jr_demo_login login[JR_DEMO_LOGINS];
	size_t login_count;
	/* the care to claim (claims.c), noted family by family, claimed after the last batch */
	struct demo_claimable *claimable;
	size_t claimable_count, claimable_cap;
	/* the use cases the load runs (records.c): the operator's, on the region's one policy */
	struct jr_app app;
	struct jr_diag diag;
	struct jr_policy_set policies;
	/* work space, on the heap with the context */
	struct jr_course_view view;
	struct demo_household hh;
	struct jr_broad_analysis analysis;
	struct jr_allocation alloc;
	struct jr_request req;
	struct jr_answer ans;
	struct jr_buf out, scratch;
};

/* How care stopped (records.c: the outcome that fits). */
enum stop_kind { STOP_NONE, STOP_NATURAL, STOP_NEGATIVE, STOP_SWITCH, STOP_PLANNED };

/* Whether the child's court measure is in force on `on`. */
static inline bool measure_in_force(const struct demo_child *c, jr_day on)
{
	return c->measure != JR_MEASURE_NONE && c->measure_start <= on &&
	       (!c->measure_has_end || c->measure_end >= on);
}

/* ---------------------------------------------------------------------------------------------
 * data.c: the region's figures, names and distributions (draws from the generator, no records)
 * ------------------------------------------------------------------------------------------- */

/* The reference shares of the policy's region (the national ones for a region not listed). */
const struct region_ref *jr_demo_region_ref(const char *policy_id);
/* The municipalities of the region with their population and youth-care share. */
void jr_demo_setup_munis(struct jr_demo *d);
/* A municipality, weighted by population. */
size_t jr_demo_pick_muni(struct jr_demo *d);
/* An invented family name into buf. */
const char *jr_demo_family_name(struct rng *r, char *buf, size_t cap);
/* The household's address in municipality m (from d->rng_address). */
void jr_demo_household_address(struct jr_demo *d, const struct demo_muni *m, struct jr_address *a);
/* The lowest offset >= `offset` whose BSN (99999999 - offset, check digit) passes the eleven-test.
 */
uint32_t jr_demo_bsn_from(uint32_t offset, char out[10]);
/* An AGB code of this run: kind 98 (referrers) or 99 (providers), the run, a sequence number. */
void jr_demo_agb_code(const struct jr_demo *d, int kind, int seq, char out[9]);
/* A duration in days from the CBS mix of this referrer. */
int jr_demo_duration(struct jr_demo *d, int referrer);
/* A referrer of youth care from the CBS mix, without the GI and the court. */
int jr_demo_draw_referrer(struct jr_demo *d);
/* Who raises a help request that this referrer will refer. */
const char *jr_demo_raised_by_for(struct jr_demo *d, int referrer);
/* The needs and flags that fit a form, and the domain the question is about. */
void jr_demo_gen_needs(struct jr_demo *d, struct demo_child *c, int form);
int jr_demo_max_need(const struct demo_child *c);
/* The earliest day a help request for this child can be raised: six months after birth. */
jr_day jr_demo_not_before(const struct demo_child *c, jr_day day);

/* ---------------------------------------------------------------------------------------------
 * records.c: every write to (and read of) the records, through the app layer's use cases where
 * they exist (a refusal undoes only its own savepoint of the batch and is counted)
 * ------------------------------------------------------------------------------------------- */

/* Makes d->app: the operator (no principal) on the region's policy, counting from d->today. */
void jr_demo_app_init(struct jr_demo *d);
enum jr_err jr_demo_find_run(struct jr_demo *d);
enum jr_err jr_demo_find_bsn_start(struct jr_demo *d);
enum jr_err jr_demo_org_add(struct jr_demo *d, const char *kind, const char *name,
                            const char *municipality, const char *agb, int64_t *id);
enum jr_err jr_demo_provider_add(struct jr_demo *d, const char *name, unsigned forms,
                                 enum jr_provider_status status, struct demo_provider **out);
enum jr_err jr_demo_contract_add(struct jr_demo *d, struct jr_contract *c);
enum jr_err jr_demo_social_add(struct jr_demo *d, struct jr_social_entry *e);
enum jr_err jr_demo_measure_add(struct jr_demo *d, struct jr_measure_record *m);
enum jr_err jr_demo_person_add(struct jr_demo *d, struct jr_person *p);
enum jr_err jr_demo_household_add(struct jr_demo *d, struct jr_household *h);
enum jr_err jr_demo_member_add(struct jr_demo *d, int64_t household_id, int64_t person_id,
                               const char *role);
enum jr_err jr_demo_set_coordinator(struct jr_demo *d, struct jr_household *h, int64_t user);
enum jr_err jr_demo_suspend_providers(struct jr_demo *d);
enum jr_err jr_demo_hand_over(struct jr_demo *d, int64_t from_user, int64_t to_user);
enum jr_err jr_demo_op_request(struct jr_demo *d, struct demo_child *c, const char *raised_by,
                               jr_day on);
enum jr_err jr_demo_op_move(struct jr_demo *d, struct demo_child *c, enum jr_hr_state to);
enum jr_err jr_demo_op_analysis(struct jr_demo *d, struct demo_child *c, jr_day on, int cap,
                                bool first);
enum jr_err jr_demo_op_advice(struct jr_demo *d, struct demo_child *c, jr_day on, bool weigh);
enum jr_err jr_demo_op_plan(struct jr_demo *d, struct demo_child *c, jr_day on);
enum jr_err jr_demo_op_referral(struct jr_demo *d, struct demo_child *c, int type, int form,
                                jr_day on, int64_t *id, bool *valid);
enum jr_err jr_demo_op_allocate(struct jr_demo *d, struct demo_child *c, int form, int pi,
                                int64_t referral_id, bool referral_valid, jr_day start,
                                struct demo_item *it, bool *made);
enum jr_err jr_demo_op_start(struct jr_demo *d, struct demo_item *it, jr_day on);
enum jr_err jr_demo_op_stop(struct jr_demo *d, struct demo_item *it, jr_day on,
                            enum stop_kind kind);

/* ---------------------------------------------------------------------------------------------
 * setup.c, stories.c, claims.c
 * ------------------------------------------------------------------------------------------- */

/* The tariff of the demo's contracts of a provider for `forms` (per `unit`), and the price per
 * result level 1..4 (per trajectory, "stuks") of a local contract in the result regime. */
void jr_demo_contract_tariff(unsigned forms, int64_t *cents, const char **unit, int *capacity);
extern const int64_t jr_demo_result_tariffs[5];

/* Notes the care of the household's children that its provider will claim (draws from
 * rng_claims only). JR_ERR_NOMEM, JR_ERR_TOO_BIG. */
enum jr_err jr_demo_claims_note(struct jr_demo *d, const struct demo_household *hh);
/* Claims the care noted: per provider, municipality and month one claim (JW323), accepted and
 * answered, up to the month before the peildatum or the one before that (the provider's pace),
 * in bulk transactions of their own. Frees what was noted. Errors of the store. */
enum jr_err jr_demo_claims_make(struct jr_demo *d);
/* Frees what was noted (NULL-safe on a fresh load). */
void jr_demo_claims_release(struct jr_demo *d);

/* Providers with contracts, organisations, the social map and the demo's coordinators. */
enum jr_err jr_demo_setup(struct jr_demo *d);
/* --logins ja: one account per role (setup.c says which). */
enum jr_err jr_demo_make_logins(struct jr_demo *d);
/* The story of a child in care (the first ones of a load are forced). */
enum jr_err jr_demo_child_care(struct jr_demo *d, struct demo_child *c, struct demo_household *hh);
/* With probability permille/1000, a child whose help request was settled without youth care,
 * and came back within the year a quarter of the time (stories.c; issue 16). Draws from
 * rng_settled only. */
enum jr_err jr_demo_child_settled(struct jr_demo *d, struct demo_child *c, int permille);
/* A day `lo` to `hi` days before the peildatum, not before the contracts and the policy. */
jr_day jr_demo_back(struct jr_demo *d, int lo, int hi);

#endif
