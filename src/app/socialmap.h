/* socialmap: the social map of local provisions (in the spirit of Open Referral HSDS) — adding
 * an entry and searching the map, for `jeugdroute socialmap` and GET /api/v1/socialmap.
 *
 * Every entry carries the date it was last verified. The one rule of staleness lives here
 * (jr_app_socialmap_stale): an entry not verified for more than the region's
 * norms.social_map_stale_days is flagged "stale" in every answer (the list, the API, the UI
 * shows the flag it gets) and gives the signal stale_social_map (app/signals.c) — it is never
 * silently left out. Not client data: every role that works with families may search it. */
#ifndef JR_APP_SOCIALMAP_H
#define JR_APP_SOCIALMAP_H

#include <stdbool.h>

#include "app/app.h"

/* Whether entry `e` counts as stale on day `date`: its region's policy (from `set`) has a norm
 * and more than that many days passed since it was verified. An entry of a municipality no
 * policy names is not stale (there is no norm to hold it to). */
bool jr_app_socialmap_stale(const struct jr_policy_set *set, const struct jr_social_entry *e,
			    jr_day date);

/* The longest text searched for, in bytes with its NUL. */
#define JR_SOCIAL_QUERY_MAX 101

/* What a search asks for; zero-filled (with need_mask 0, age -1) it asks for everything. */
struct jr_app_social_query {
	char municipality[5]; /* CBS code; "" = every municipality */
	/* words that must all occur in the entry's organisation, service or description, case and
	 * accents aside (core/namekey.h); "" = any */
	char q[JR_SOCIAL_QUERY_MAX];
	unsigned need_mask;   /* entries serving any of these needs (1u << enum jr_need); 0 = any */
	int age;              /* entries open to a child of this age; -1 = any */
	bool no_referral_only;
	jr_day date; /* the day staleness is counted to; 0 = app->today */
};
/* Called for each entry found, with whether it is stale. */
typedef enum jr_err (*jr_app_social_fn)(void *ctx, const struct jr_social_entry *e, bool stale);

/* Calls `fn` for every entry that matches `q`, oldest first. A municipality that no loaded
 * policy names is refused (JR_ERR_INPUT, field "municipality"), and so is a text with fewer than
 * two letters or digits (field "q"); JR_ERR_FORBIDDEN for a role that does not search the map. */
enum jr_err jr_app_socialmap_search(struct jr_app *app, const struct jr_app_social_query *q,
				    jr_app_social_fn fn, void *ctx);

/* Adds entry `e` (its id is set): its municipality must be one of a loaded policy, it must
 * serve at least one need, organisation and service must be given, verified_on must be given
 * and not lie after app->today, an age range (-1 for no bound) must lie within 0-27 with the
 * lower bound first; a phone number only digits, spaces, hyphens, a leading + and brackets (6 to
 * 15 digits), an e-mail address one @ with a dot after it and no spaces, a website http:// or
 * https:// without spaces. A refusal is JR_ERR_INPUT with the field named. */
enum jr_err jr_app_socialmap_add(struct jr_app *app, struct jr_social_entry *e);

#endif
