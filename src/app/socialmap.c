/* socialmap: the social map's use cases and its one staleness rule (see socialmap.h). */
#include "app/socialmap.h"

#include <stdio.h>
#include <string.h>

#include "app/access.h"
#include "core/alloc.h"
#include "core/namekey.h"
#include "core/region.h"

bool jr_app_socialmap_stale(const struct jr_policy_set *set, const struct jr_social_entry *e,
			    jr_day date)
{
	const struct jr_policy *p = jr_region_find(set, e->municipality, date);

	return p && date - e->verified_on > p->norms.social_map_stale_days;
}

struct search {
	const struct jr_app_social_query *q;
	char words[JR_SOCIAL_QUERY_MAX]; /* q->q folded */
	char text[2 * JR_SOCIAL_DESCRIPTION_MAX]; /* an entry's texts folded */
	const struct jr_policy_set *set;
	jr_day date;
	jr_app_social_fn fn;
	void *ctx;
};

static enum jr_err found(void *arg, const struct jr_social_entry *e)
{
	struct search *s = arg;
	const struct jr_app_social_query *q = s->q;

	if ((q->need_mask && !(e->needs & q->need_mask)) ||
	    (q->age >= 0 && ((e->age_min >= 0 && q->age < e->age_min) ||
			     (e->age_max >= 0 && q->age > e->age_max))) ||
	    (q->no_referral_only && !e->no_referral))
		return JR_OK;
	if (s->words[0]) {
		char all[JR_SOCIAL_DESCRIPTION_MAX + 3 * JR_PERSON_NAME_MAX];
		snprintf(all, sizeof(all), "%s %s %s", e->organisation, e->service, e->description);
		jr_name_fold(all, s->text, sizeof(s->text));
		if (!jr_name_fold_has_words(s->text, s->words))
			return JR_OK;
	}
	return s->fn(s->ctx, e, jr_app_socialmap_stale(s->set, e, s->date));
}

enum jr_err jr_app_socialmap_search(struct jr_app *app, const struct jr_app_social_query *q,
				    jr_app_social_fn fn, void *ctx)
{
	struct search *s;
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_SOCIAL_MAP)))
		return err;
	if (q->municipality[0] &&
	    (strlen(q->municipality) != 4 || !jr_region_knows(app->policies, q->municipality)))
		return jr_app_fail(app, JR_ERR_INPUT, "municipality",
				   "verwacht de CBS-code van een gemeente van de regio");
	/* the folded texts are larger than a stack frame should carry */
	if (!(s = jr_calloc(1, sizeof(*s))))
		return JR_ERR_NOMEM;
	*s = (struct search){.q = q, .set = app->policies,
			     .date = q->date ? q->date : app->today, .fn = fn, .ctx = ctx};
	jr_name_fold(q->q, s->words, sizeof(s->words));
	if (q->q[0] && jr_name_chars(s->words) < 2)
		err = jr_app_fail(app, JR_ERR_INPUT, "q",
				  "zoek met ten minste 2 letters of cijfers, bijvoorbeeld een woord uit de "
				  "naam of de beschrijving");
	else
		err = jr_store_social_each(app->store, q->municipality, found, s);
	jr_free(s);
	return err;
}

/* Whether `s` is a phone number: digits, spaces, hyphens, brackets, a leading +; 6-15 digits. */
static bool phone_ok(const char *s)
{
	int digits = 0;

	for (const char *p = s; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (!(*p == ' ' || *p == '-' || *p == '(' || *p == ')' || (*p == '+' && p == s)))
			return false;
	}
	return digits >= 6 && digits <= 15;
}

/* Whether `s` looks like an e-mail address: something@something.something, no spaces. */
static bool email_ok(const char *s)
{
	const char *at = strchr(s, '@');

	return at && at > s && !strchr(at + 1, '@') && strchr(at + 1, '.') &&
	       s[strlen(s) - 1] != '.' && !strpbrk(s, " \t<>\"'");
}

/* Whether `s` is a web address the UI may link to: http:// or https://, a host, no spaces. */
static bool website_ok(const char *s)
{
	size_t skip = strncmp(s, "https://", 8) == 0 ? 8 : strncmp(s, "http://", 7) == 0 ? 7 : 0;

	return skip && s[skip] && s[skip] != '/' && !strpbrk(s, " \t<>\"'");
}

enum jr_err jr_app_socialmap_add(struct jr_app *app, struct jr_social_entry *e)
{
	if (strlen(e->municipality) != 4 || !jr_region_knows(app->policies, e->municipality))
		return jr_app_fail(app, JR_ERR_INPUT, "municipality",
				   "geef een CBS-code die in een beleidsbestand staat");
	if (!e->organisation[0])
		return jr_app_fail(app, JR_ERR_INPUT, "organisation", "geef de organisatie");
	if (!e->service[0])
		return jr_app_fail(app, JR_ERR_INPUT, "service", "geef de voorziening");
	if (!e->needs || e->needs >= 1u << JR_NEED_COUNT)
		return jr_app_fail(app, JR_ERR_INPUT, "needs",
				   "geef behoeften, bijv. parenting,school");
	if (!e->verified_on)
		return jr_app_fail(app, JR_ERR_INPUT, "verified_on",
				   "wanneer is dit item nagekeken?");
	if (e->verified_on > app->today)
		return jr_app_fail(app, JR_ERR_INPUT, "verified_on", "ligt in de toekomst");
	if (e->age_min < -1 || e->age_max > 27 || e->age_min > 27 || e->age_max < -1 ||
	    (e->age_min >= 0 && e->age_max >= 0 && e->age_max < e->age_min))
		return jr_app_fail(app, JR_ERR_INPUT, "age",
				   "verwacht een leeftijd van-tot tussen 0 en 27, bijv. 4-12");
	if (e->phone[0] && !phone_ok(e->phone))
		return jr_app_fail(app, JR_ERR_INPUT, "phone",
				   "verwacht een telefoonnummer van 6 tot 15 cijfers, bijv. 053-4812345");
	if (e->email[0] && !email_ok(e->email))
		return jr_app_fail(app, JR_ERR_INPUT, "email",
				   "verwacht een e-mailadres, bijv. info@voorbeeld.nl");
	if (e->website[0] && !website_ok(e->website))
		return jr_app_fail(app, JR_ERR_INPUT, "website",
				   "verwacht een webadres dat begint met https:// of http://");
	if (jr_store_social_add(app->store, app->actor, e))
		return jr_app_fail(app, JR_ERR_STORE, NULL, "vastleggen mislukt");
	return JR_OK;
}
