/* social: the social map, local provisions and when each was last verified (store_social.c). */
#ifndef JR_STORE_SOCIAL_H
#define JR_STORE_SOCIAL_H

#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "core/err.h"
#include "core/person.h"

#include "store/store_types.h"

/* The social map (store_social.c): local provisions in the shape of the Open Referral HSDS idea
 * (organisation, service, location, municipality, categories and needs served, age range, cost,
 * no referral needed, contact; a description, an address and the offer's own phone, e-mail and
 * website) with the date each entry was last verified, so that stale entries
 * can be flagged instead of silently shown. */
#define JR_SOCIAL_DESCRIPTION_MAX 1024
#define JR_SOCIAL_PHONE_MAX 32
struct jr_social_entry {
	int64_t id;
	char organisation[JR_PERSON_NAME_MAX];
	char service[JR_PERSON_NAME_MAX];
	char location[JR_PERSON_NAME_MAX]; /* "" = not given */
	char municipality[5];
	char categories[256]; /* comma-separated social-base categories or no-referral kinds */
	unsigned needs;       /* 1u << enum jr_need */
	int age_min, age_max; /* -1 = not given */
	char cost[64];        /* "" = not given, e.g. "gratis" */
	bool no_referral;
	char contact[JR_PERSON_NAME_MAX];
	/* issue 14 point 8: what the offer is, where, and its own contact ("" = not given) */
	char description[JR_SOCIAL_DESCRIPTION_MAX];
	char address[JR_PERSON_NAME_MAX]; /* e.g. "Marktstraat 12, 7511 GD Enschede" */
	char phone[JR_SOCIAL_PHONE_MAX];
	char email[JR_PERSON_NAME_MAX];
	char website[JR_PERSON_NAME_MAX]; /* http:// or https:// */
	jr_day verified_on;
	bool demo;
};
enum jr_err jr_store_social_add(struct jr_store *s, const struct jr_actor *a,
				struct jr_social_entry *e);
typedef enum jr_err (*jr_social_fn)(void *ctx, const struct jr_social_entry *e);
/* Every entry, or those of one municipality ("" = all), oldest id first. */
enum jr_err jr_store_social_each(struct jr_store *s, const char *municipality, jr_social_fn fn,
				 void *ctx);

#endif
