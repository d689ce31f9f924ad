/* organisation: the use cases on the chain's organisations (organisation.h). */
#include "app/organisation.h"

#include <stdio.h>
#include <string.h>

#include "app/access.h"
#include "core/ident.h"
#include "json/policy_set.h"
#include "store/admin.h"

static const char *const kinds[] = {"local_team", "gp_practice", "youth_health",    "hospital",
                                    "gi",         "provider",    "regional_office", "expert_team"};

static bool kind_known(const char *kind)
{
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(kind, kinds[i]) == 0)
			return true;
	return false;
}

static enum jr_err bad_kind(struct jr_app *app)
{
	return jr_app_fail(
	    app, JR_ERR_INPUT, "kind",
	    "verwacht local_team, gp_practice, youth_health, hospital, gi, provider, "
	    "regional_office of expert_team");
}

/* A municipality: a CBS code that a policy file names. */
static enum jr_err municipality(struct jr_app *app, const char *code)
{
	if (!jr_cbs_code_valid(code, strlen(code)))
		return jr_app_fail(app, JR_ERR_INPUT, "municipality",
		                   "verwacht een CBS-gemeentecode van 4 cijfers, zoals 0153");
	if (!app->policies || !jr_region_knows(app->policies, code))
		return jr_app_fail(app, JR_ERR_INPUT, "municipality",
		                   "gemeente %s staat in geen beleidsbestand", code);
	return JR_OK;
}

/* Organisations are the admin's (DESIGN.md §4). */
static enum jr_err admin_only(struct jr_app *app)
{
	return jr_app_access_require(app, JR_CAP_ADMIN);
}

enum jr_err jr_app_organisation_check(struct jr_app *app, const struct jr_organisation *o)
{
	enum jr_err err;

	if (!kind_known(o->kind))
		return bad_kind(app);
	if (!jr_name_valid(o->name))
		return jr_app_fail(app, JR_ERR_INPUT, "name",
		                   "verwacht de naam: 1 tot 100 tekens, zonder stuurtekens");
	if (o->municipality[0] && (err = municipality(app, o->municipality)))
		return err;
	if (!o->municipality[0] && strcmp(o->kind, "local_team") == 0)
		return jr_app_fail(app, JR_ERR_INPUT, "municipality",
		                   "een lokaal team hoort bij een gemeente; geef --municipality");
	if (o->agb[0] && !jr_agb_valid(o->agb, strlen(o->agb)))
		return jr_app_fail(app, JR_ERR_INPUT, "agb", "verwacht een AGB-code van 8 cijfers");
	return JR_OK;
}

enum jr_err jr_app_organisation_add(struct jr_app *app, struct jr_organisation *o)
{
	enum jr_err err;

	if ((err = admin_only(app)) || (err = jr_app_organisation_check(app, o)))
		return err;
	err = jr_store_organisation_add(app->store, app->actor, o);
	if (err == JR_ERR_CONFLICT)
		return jr_app_fail(app, err, NULL, "deze organisatie bestaat al");
	return err;
}

enum jr_err jr_app_organisation_get(struct jr_app *app, int64_t id, struct jr_organisation *out)
{
	enum jr_err err;

	memset(out, 0, sizeof(*out));
	if ((err = admin_only(app)))
		return err;
	err = jr_store_organisation_get(app->store, id, out);
	if (err == JR_ERR_NOT_FOUND)
		return jr_app_fail(app, err, NULL, "organisatie niet gevonden");
	return err;
}

enum jr_err jr_app_organisation_filters_check(struct jr_app *app, const char *kind,
                                              const char *municipality_code)
{
	if (kind && kind[0] && !kind_known(kind))
		return bad_kind(app);
	if (municipality_code && municipality_code[0])
		return municipality(app, municipality_code);
	return JR_OK;
}

enum jr_err jr_app_organisations_list(struct jr_app *app, const char *kind,
                                      const char *municipality_code, jr_organisation_fn fn,
                                      void *ctx)
{
	enum jr_err err;

	kind = kind ? kind : "";
	municipality_code = municipality_code ? municipality_code : "";
	if ((err = admin_only(app)) ||
	    (err = jr_app_organisation_filters_check(app, kind, municipality_code)))
		return err;
	return jr_store_organisation_each(app->store, kind, municipality_code, fn, ctx);
}

enum jr_err jr_app_organisation_update(struct jr_app *app, const struct jr_organisation *o)
{
	enum jr_err err;

	if ((err = admin_only(app)) || (err = jr_app_organisation_check(app, o)))
		return err;
	err = jr_store_organisation_update(app->store, app->actor, o);
	if (err == JR_ERR_NOT_FOUND)
		return jr_app_fail(app, err, "id", "organisatie niet gevonden");
	if (err == JR_ERR_REFUSED)
		return jr_app_fail(app, err, "kind",
				   "er werken gebruikers met een rol die niet bij deze soort past; "
				   "geef hun eerst een andere rol of organisatie");
	return err;
}

enum jr_err jr_app_organisation_set_active(struct jr_app *app, int64_t id, bool active,
					   int64_t *ended)
{
	enum jr_err err;

	*ended = 0;
	if ((err = admin_only(app)))
		return err;
	if (active == false && app->principal && app->principal->organisation_id == id)
		return jr_app_fail(app, JR_ERR_CONFLICT, "id",
				   "u kunt uw eigen organisatie niet deactiveren");
	err = jr_store_organisation_set_active(app->store, app->actor, id, active, ended);
	if (err == JR_ERR_NOT_FOUND)
		return jr_app_fail(app, err, "id", "organisatie niet gevonden");
	return err;
}
