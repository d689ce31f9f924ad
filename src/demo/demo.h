/* demo: a believable synthetic youth-care region, loaded into the records — what `jeugdroute
 * demo` runs (src/cli/cmd_demo.c parses its options and prints the summary).
 *
 * Households with one or two parents, help requests with their whole course (broad analysis,
 * goals, route advice from the real engine, light options weighed, referral, allocation checked
 * against every rule, start and stop of care with outcomes), court measures, providers with
 * contracts, organisations, a social map per municipality and a few coordinators (regisseurs).
 * Everything is demo data (docs/records.md, "Demo data"): fictitious names, BSNs passing the
 * eleven-test taken from the top of the number space, every person and provider marked demo. The
 * same seed and day give the same region (a splitmix64 generator; the store's own randomness only
 * touches allocation placeholders and passwords, never what is generated). The parts: data.c
 * (reference figures, names, distributions), setup.c (organisations, providers, contracts, users,
 * social map), records.c (every write to the records), stories.c (the course of one child's help),
 * load.c (households, the bulk load, this interface). */
#ifndef JR_DEMO_DEMO_H
#define JR_DEMO_DEMO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "core/err.h"

struct jr_store;
struct jr_actor;
struct jr_policy;

#define JR_DEMO_YOUTH_MAX 1000000 /* about twice the national number of youths in care */
#define JR_DEMO_LOGINS    6       /* --logins ja: one account per role */
#define JR_DEMO_YEARS_MAX 5 /* not before the contracts (four calendar years back) */

/* What a demo load is asked to make. */
struct jr_demo_options {
	struct jr_store *store;         /* open; the demo makes its own bulk transactions */
	const struct jr_actor *actor;   /* for the audit log */
	const struct jr_policy *policy; /* the region: one with municipalities */
	uint64_t seed;
	jr_day today;         /* the peildatum */
	long youths;          /* 1 to JR_DEMO_YOUTH_MAX */
	bool logins;          /* one account per role to log in with */
	const char *password; /* the logins' password (12 to 20 characters), NULL = made up */
	bool progress_tty;    /* stderr is a terminal: progress on one line */
	int years;            /* help requests over this many years back (1..JR_DEMO_YEARS_MAX);
			       * 0: about 2.7 years, as before issue 16 */
};

/* The stories of a child in care (demo_internal.h draws them), counted in the summary. */
enum jr_demo_story {
	JR_DEMO_ST_COURSE,
	JR_DEMO_ST_HOPPING, /* two interventions ended negatively within a year, a third runs */
	JR_DEMO_ST_MULTI,   /* two providers at once */
	JR_DEMO_ST_WAIT_REFERRAL, /* a valid referral and no allocation beyond the waiting norm */
	JR_DEMO_ST_WAIT_START,    /* an allocation that did not start beyond the waiting norm */
	JR_DEMO_ST_WITHDRAWN,     /* the family withdrew the request */
	JR_DEMO_ST_CRISIS,        /* crisis care first */
	JR_DEMO_ST_COUNT
};

/* What a load made (and, for allocations and moves, what the rules refused). */
struct jr_demo_counts {
	long persons, children, parents, households, help_requests, analyses, goals, light_options,
	    route_advice, referrals, referrals_valid, measures, allocations, allocations_refused,
	    deliveries, care_stopped, moves, moves_refused, coordinators, providers, contracts,
	    organisations, users, social_map, youths_with_request, youths_in_care, out_of_home;
	/* help requests closed without youth care, and those raised within a year after an
	 * earlier one of the same child (issue 16) */
	long settled, repeat_requests;
	/* claims (JW323) accepted, their lines, and what they granted in euro cents */
	long claims, claim_lines;
	int64_t claimed_cents;
	long stories[JR_DEMO_ST_COUNT];
};

/* An account made by --logins ja; its password is shown once. */
struct jr_demo_login {
	char username[40];
	const char *role;
	int64_t organisation_id;
	char password[32]; /* the made one, or "(JEUGDROUTE_DEMO_PASSWORD)" */
};

struct jr_demo;

/* A demo load of `o` (copied); NULL when memory ran out. */
struct jr_demo *jr_demo_new(const struct jr_demo_options *o);
/* Frees it, wiping what it held. NULL is fine. */
void jr_demo_free(struct jr_demo *d);

/* Finds this load's place in the records: the first free run number (demo users and AGB codes
 * carry it) and the first free demo BSN. JR_ERR_TOO_BIG when the database already holds
 * the maximum number of demo loads; other errors of the store. */
enum jr_err jr_demo_prepare(struct jr_demo *d);
/* Whether the range of demo BSNs left holds this load (after jr_demo_prepare). */
bool jr_demo_room(const struct jr_demo *d);

/* Loads the region: the set-up, then the youths in bulk transactions of about a thousand
 * (progress on stderr), then the logins when asked. On an error what was loaded stays, the
 * running batch is rolled back. Errors of the store. */
enum jr_err jr_demo_load(struct jr_demo *d);
/* Whether a progress line is open on stderr (to end it before an error). */
bool jr_demo_progress_open(const struct jr_demo *d);

/* What the load made, and the logins it made (*count of them; 0 without --logins ja). */
const struct jr_demo_counts *jr_demo_counts(const struct jr_demo *d);
const struct jr_demo_login *jr_demo_logins(const struct jr_demo *d, size_t *count);

#endif
