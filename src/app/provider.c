/* provider: providers and contracts as use cases (see provider.h). */
#include "app/provider.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "app/access.h"
#include "core/ident.h"
#include "core/person.h"
#include "core/region.h"
#include "core/text.h"

static bool digits8(const char *s)
{
	if (strlen(s) != 8)
		return false;
	for (size_t i = 0; i < 8; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

/* A comma list of product codes, each 1 to 16 letters and digits ("" is none). */
static bool product_codes_valid(const char *s)
{
	size_t run = 0;

	if (!*s)
		return true;
	for (const char *p = s;; p++) {
		if (*p == ',' || *p == '\0') {
			if (run == 0)
				return false;
			if (*p == '\0')
				return true;
			run = 0;
		} else if (isalnum((unsigned char)*p) && run < 16) {
			run++;
		} else {
			return false;
		}
	}
}

/* A unit such as "uur": 1 to 15 lower-case letters ("" is none). */
static bool unit_valid(const char *s)
{
	size_t n = strlen(s);

	if (n > 15)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] < 'a' || s[i] > 'z')
			return false;
	return true;
}

static enum jr_err provider_missing(struct jr_app *app, int64_t id)
{
	return jr_app_fail(app, JR_ERR_NOT_FOUND, NULL,
			   "zorgaanbieder niet gevonden: er is geen zorgaanbieder met nummer %lld",
			   (long long)id);
}

enum jr_err jr_app_provider_add(struct jr_app *app, struct jr_provider *p)
{
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_PROVIDERS_WRITE)))
		return err;
	if (!jr_agb_valid(p->agb, strlen(p->agb)))
		return jr_app_fail(app, JR_ERR_INPUT, "agb", "verwacht een AGB-code van 8 cijfers");
	if (p->kvk[0] && !digits8(p->kvk))
		return jr_app_fail(app, JR_ERR_INPUT, "kvk", "verwacht een KvK-nummer van 8 cijfers");
	if (!jr_name_valid(p->name))
		return jr_app_fail(app, JR_ERR_INPUT, "name",
				   "verwacht de naam: 1 tot 100 tekens, zonder stuurtekens");
	if (!jr_provider_status_name(p->status))
		return jr_app_fail(app, JR_ERR_INPUT, "status",
				   "verwacht active, suspended of under_investigation");
	if (p->quality[0] && !jr_text_valid(p->quality, sizeof(p->quality), false))
		return jr_app_fail(app, JR_ERR_INPUT, "quality",
				   "verwacht de kwaliteitskenmerken: 1 tot 255 tekens, zonder "
				   "stuurtekens");
	err = jr_store_provider_add(app->store, app->actor, p);
	if (err == JR_ERR_CONFLICT)
		return jr_app_fail(app, err, NULL,
				   "er staat al een zorgaanbieder met deze AGB-code in de dossiers");
	return err;
}

enum jr_err jr_app_provider_get(struct jr_app *app, int64_t id, struct jr_provider *p)
{
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_PROVIDERS_READ)))
		return err;
	err = jr_store_provider_get(app->store, id, p);
	return err == JR_ERR_NOT_FOUND ? provider_missing(app, id) : err;
}

enum jr_err jr_app_provider_set_status(struct jr_app *app, int64_t id, int version,
				       enum jr_provider_status status, struct jr_provider *p)
{
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_PROVIDERS_WRITE)))
		return err;
	if (!jr_provider_status_name(status))
		return jr_app_fail(app, JR_ERR_INPUT, "status",
				   "verwacht active, suspended of under_investigation");
	if ((err = jr_store_provider_get(app->store, id, p)))
		return err == JR_ERR_NOT_FOUND ? provider_missing(app, id) : err;
	p->version = version;
	err = jr_store_provider_set_status(app->store, app->actor, p, status);
	if (err == JR_ERR_CONFLICT)
		return jr_app_fail(app, err, "version",
				   "de zorgaanbieder is intussen gewijzigd; lees opnieuw");
	return err == JR_ERR_NOT_FOUND ? provider_missing(app, id) : err;
}

enum jr_err jr_app_providers(struct jr_app *app, jr_provider_fn fn, void *ctx)
{
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_PROVIDERS_READ)))
		return err;
	return jr_store_provider_each(app->store, fn, ctx);
}

/* The policy of region `id`: the version in force on `day`, else any version (a contract may
 * start before or after the versions loaded); NULL when no version has this id. */
static const struct jr_policy *find_region(const struct jr_policy_set *set, const char *id,
					   jr_day day)
{
	const struct jr_policy *p = jr_region_by_id(set, id, day);

	for (size_t i = 0; !p && set && i < set->count; i++)
		if (strcmp(set->policies[i]->id, id) == 0)
			p = set->policies[i];
	return p;
}

/* Whether a version of region `id` holds municipality `code`. */
static bool region_holds(const struct jr_policy_set *set, const char *id, const char *code)
{
	for (size_t i = 0; set && i < set->count; i++)
		if (strcmp(set->policies[i]->id, id) == 0 &&
		    jr_policy_municipality(set->policies[i], code))
			return true;
	return false;
}

static enum jr_err unknown_region(struct jr_app *app)
{
	char names[512] = "";
	size_t n = 0;

	for (size_t i = 0; app->policies && i < app->policies->count && n < sizeof(names); i++)
		if (jr_region_listed(app->policies, i, app->today)) /* each region once */
			n += (size_t)snprintf(names + n, sizeof(names) - n, "%s%s", n ? ", " : "",
					      app->policies->policies[i]->id);
	return jr_app_fail(app, JR_ERR_INPUT, "region",
			   "verwacht de id van een regio met een beleidsbestand (%s)", names);
}

enum jr_err jr_app_contract_add(struct jr_app *app, struct jr_contract *c)
{
	const struct jr_policy *pol;
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_PROVIDERS_WRITE)))
		return err;
	if (!(pol = find_region(app->policies, c->region, c->start)))
		return unknown_region(app);
	if (c->municipality[0]) {
		if (!jr_cbs_code_valid(c->municipality, strlen(c->municipality)))
			return jr_app_fail(app, JR_ERR_INPUT, "municipality",
					   "verwacht een CBS-gemeentecode van 4 cijfers, zoals 0153");
		if (!region_holds(app->policies, pol->id, c->municipality))
			return jr_app_fail(app, JR_ERR_INPUT, "municipality",
					   "gemeente %s hoort niet bij regio %s", c->municipality,
					   pol->id);
	}
	if (!c->forms || (c->forms & ~(((1u << JR_FORM_COUNT) - 1) << 1)))
		return jr_app_fail(app, JR_ERR_INPUT, "forms",
				   "verwacht vormen van 1 tot en met 10, zoals 5,6,7");
	if (c->has_end && c->end < c->start)
		return jr_app_fail(app, JR_ERR_INPUT, "end", "de einddatum ligt voor de begindatum");
	if (c->tariff_cents < 0)
		return jr_app_fail(app, JR_ERR_INPUT, "tariff",
				   "verwacht een bedrag in euro's van 0 of meer");
	if (!unit_valid(c->unit))
		return jr_app_fail(app, JR_ERR_INPUT, "unit",
				   "verwacht een eenheid zoals uur, dag of week: 1 tot 15 kleine "
				   "letters");
	if (c->capacity < 0)
		return jr_app_fail(app, JR_ERR_INPUT, "capacity",
				   "verwacht een geheel getal van 1 of meer");
	if (!product_codes_valid(c->product_codes))
		return jr_app_fail(app, JR_ERR_INPUT, "product_codes",
				   "verwacht productcodes van letters en cijfers, gescheiden door "
				   "komma's, zoals 45A01,45A02");
	err = jr_store_contract_add(app->store, app->actor, c);
	if (err == JR_ERR_NOT_FOUND)
		return provider_missing(app, c->provider_id);
	if (err == JR_ERR_INPUT)
		return jr_app_fail(app, err, NULL,
				   "het contract klopt niet: regio, vormen en looptijd (einde na "
				   "begin)");
	return err;
}

enum jr_err jr_app_contracts(struct jr_app *app, int64_t provider_id, jr_contract_fn fn,
			     void *ctx)
{
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_PROVIDERS_READ)))
		return err;
	err = jr_store_contract_each(app->store, provider_id, fn, ctx);
	return err == JR_ERR_NOT_FOUND ? provider_missing(app, provider_id) : err;
}

enum jr_err jr_app_contract_check(struct jr_app *app, int64_t provider_id, int form,
				  const char *municipality, jr_day date,
				  struct jr_app_contract_cover *out)
{
	const struct jr_policy *pol;
	const struct jr_municipality *m;
	char day[JR_DATE_STRLEN];
	enum jr_err err;

	memset(out, 0, sizeof(*out));
	if ((err = jr_app_access_require(app, JR_CAP_PROVIDERS_READ)))
		return err;
	if (form < 1 || form > JR_FORM_COUNT)
		return jr_app_fail(app, JR_ERR_INPUT, "form", "verwacht een vorm van 1 tot en met 10");
	if (!jr_cbs_code_valid(municipality, strlen(municipality)))
		return jr_app_fail(app, JR_ERR_INPUT, "municipality",
				   "verwacht een CBS-gemeentecode van 4 cijfers, zoals 0153");
	if ((err = jr_app_region(app, JR_ERR_INPUT, municipality, date, &pol)))
		return err;
	if (!(m = jr_region_municipality(app->policies, municipality, date, &pol)))
		return jr_app_fail(app, JR_ERR_INPUT, "municipality",
				   "gemeente %s staat in geen beleidsbestand", municipality);
	if ((err = jr_store_provider_get(app->store, provider_id, &out->provider)))
		return err == JR_ERR_NOT_FOUND ? provider_missing(app, provider_id) : err;
	if ((err = jr_store_contract_covers(app->store, provider_id, form, pol->id, municipality,
					    date, &out->covers)))
		return err;
	out->form = form;
	out->date = date;
	snprintf(out->municipality, sizeof(out->municipality), "%s", municipality);
	snprintf(out->municipality_name, sizeof(out->municipality_name), "%s", m->name);
	snprintf(out->region, sizeof(out->region), "%s", pol->id);
	jr_date_format(date, day);
	snprintf(out->why, sizeof(out->why),
		 out->covers ? "een contract van deze zorgaanbieder dekt vorm %d in deze gemeente "
			       "op %s (voor de gemeente zelf of de hele regio %s)"
			     : "geen contract van deze zorgaanbieder dekt vorm %d in deze gemeente "
			       "op %s (niet voor de gemeente zelf en niet voor de hele regio %s)",
		 form, day, pol->id);
	return JR_OK;
}
