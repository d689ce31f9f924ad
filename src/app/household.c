/* household: the use cases on households and a family's page (household.h). */
#include "app/household.h"

#include <string.h>

#include "app/access.h"
#include "core/ident.h"
#include "json/policy_set.h"

static const char household_unseen[] = "geen huishouden met dit nummer binnen uw bereik";

/* Whether the principal may `cap` on household `id`: JR_OK with the children it sees in
 * `children` (*n set; at the command line *n is 0 and every child counts), else
 * JR_ERR_FORBIDDEN or JR_ERR_NOT_FOUND (no such household, or out of reach: alike, audited). */
static enum jr_err reach(struct jr_app *app, int64_t id, enum jr_capability cap, int64_t *children,
                         size_t *n)
{
	enum jr_access_verdict v;
	enum jr_err err;

	*n = 0;
	if (!app->principal)
		return JR_OK;
	if ((err = jr_app_access_require(app, JR_CAP_PERSON_READ)) ||
	    (err = jr_app_access_require(app, cap)))
		return err;
	err = jr_app_access_household(app->store, app->actor, app->principal, app->policies, id,
	                              app->today, children, n, &v);
	if (err)
		return err;
	return jr_app_access_answer(app, v, "huishouden", NULL, NULL, NULL);
}

enum jr_err jr_app_household_check(struct jr_app *app, const struct jr_household *h)
{
	const char *code = h->municipality;

	if (!jr_cbs_code_valid(code, strlen(code)))
		return jr_app_fail(app, JR_ERR_INPUT, "municipality",
		                   "verwacht een CBS-gemeentecode van 4 cijfers, zoals 0153");
	if (!app->policies || !jr_region_knows(app->policies, code))
		return jr_app_fail(app, JR_ERR_INPUT, "municipality",
		                   "gemeente %s staat in geen beleidsbestand", code);
	return JR_OK;
}

enum jr_err jr_app_household_add(struct jr_app *app, struct jr_household *h)
{
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_PERSON_WRITE)))
		return err;
	if ((err = jr_app_household_check(app, h)))
		return err;
	return jr_store_household_add(app->store, app->actor, h);
}

enum jr_err jr_app_household_role_check(struct jr_app *app, const char *role)
{
	if (!role || !jr_household_role_label(role))
		return jr_app_fail(app, JR_ERR_INPUT, "role", "verwacht child, parent of carer");
	return JR_OK;
}

enum jr_err jr_app_household_add_member(struct jr_app *app, int64_t household_id, int64_t person_id,
                                        const char *role)
{
	int64_t children[JR_HOUSEHOLD_MEMBERS_MAX];
	size_t n;
	enum jr_err err;

	if ((err = jr_app_household_role_check(app, role)))
		return err;
	if ((err = reach(app, household_id, JR_CAP_PERSON_WRITE, children, &n)))
		return err;
	err = jr_store_household_add_member(app->store, app->actor, household_id, person_id, role);
	switch (err) {
	case JR_ERR_NOT_FOUND:
		return jr_app_fail(app, err, NULL, "huishouden of persoon niet gevonden");
	case JR_ERR_CONFLICT:
		return jr_app_fail(app, err, NULL, "de persoon hoort al bij dit huishouden");
	case JR_ERR_TOO_BIG:
		return jr_app_fail(app, err, NULL,
		                   "het huishouden heeft al %d leden, het hoogste aantal",
		                   JR_HOUSEHOLD_MEMBERS_MAX);
	default: return err;
	}
}

enum jr_err jr_app_household_get(struct jr_app *app, int64_t id, struct jr_household *out,
                                 struct jr_household_member *members, size_t *count)
{
	int64_t children[JR_HOUSEHOLD_MEMBERS_MAX];
	size_t n;
	enum jr_err err;

	*count = 0;
	memset(out, 0, sizeof(*out));
	if ((err = reach(app, id, JR_CAP_PERSON_READ, children, &n)))
		return err;
	err = jr_store_household_get(app->store, app->actor, id, out, members, count);
	if (err == JR_ERR_NOT_FOUND)
		return jr_app_fail(app, err, NULL, "%s",
		                   app->principal ? household_unseen : "huishouden niet gevonden");
	return err;
}

enum jr_err jr_app_household_set_coordinator(struct jr_app *app, struct jr_household *h,
                                             int64_t user_id)
{
	int64_t children[JR_HOUSEHOLD_MEMBERS_MAX];
	size_t n;
	enum jr_err err;

	if (user_id <= 0)
		return jr_app_fail(app, JR_ERR_INPUT, "user",
		                   "verwacht het nummer (id) van de gebruiker");
	if ((err = reach(app, h->id, JR_CAP_PERSON_WRITE, children, &n)))
		return err;
	err = jr_store_household_set_coordinator(app->store, app->actor, h, user_id);
	if (err == JR_ERR_NOT_FOUND)
		return jr_app_fail(app, err, NULL, "huishouden of gebruiker niet gevonden");
	if (err == JR_ERR_CONFLICT)
		return jr_app_fail(app, err, NULL,
		                   "het huishouden is intussen gewijzigd; lees opnieuw (household "
		                   "show) en geef de nieuwe --version");
	return err;
}

enum jr_err jr_app_households_hand_over(struct jr_app *app, int64_t from, int64_t to,
                                       int64_t *moved)
{
	enum jr_err err;

	*moved = 0;
	if ((err = jr_app_access_require(app, JR_CAP_ADMIN)))
		return err;
	if (from <= 0 || to <= 0 || from == to)
		return jr_app_fail(app, JR_ERR_INPUT, "to",
		                   "verwacht twee verschillende gebruikers: van wie en aan wie");
	err = jr_store_households_hand_over(app->store, app->actor, from, to, moved);
	if (err == JR_ERR_NOT_FOUND)
		return jr_app_fail(app, err, "to", "gebruiker %lld bestaat niet", (long long)to);
	return err;
}

enum jr_err jr_app_households_mine(struct jr_app *app, int64_t offset, int64_t limit,
                                   jr_household_row_fn fn, void *ctx, int64_t *total)
{
	enum jr_err err;

	*total = 0;
	/* only one's own: the list is of the households with the user as coordinator, so it
	 * shows no family the user does not already hold */
	if (!app->principal)
		return jr_app_fail(app, JR_ERR_FORBIDDEN, NULL,
		                   "alleen een ingelogde gebruiker heeft eigen gezinnen");
	if ((err = jr_app_access_require(app, JR_CAP_PERSON_READ)))
		return err;
	return jr_store_households_coordinated(app->store, app->actor, app->principal->user_id,
	                                       offset, limit, fn, ctx, total);
}

enum jr_err jr_app_household_family(struct jr_app *app, int64_t id, struct jr_family *out,
                                    jr_timeline_fn fn, void *ctx)
{
	int64_t children[JR_HOUSEHOLD_MEMBERS_MAX];
	size_t n;
	enum jr_err err;

	memset(out, 0, sizeof(*out));
	if ((err = reach(app, id, JR_CAP_PERSON_READ, children, &n)))
		return err;
	err = jr_store_family_read(app->store, app->actor, id, app->principal ? children : NULL, n,
	                           &out->household, out->members, &out->count, fn, ctx);
	if (err == JR_ERR_NOT_FOUND)
		return jr_app_fail(app, err, NULL, "%s",
		                   app->principal ? household_unseen : "huishouden niet gevonden");
	return err;
}
