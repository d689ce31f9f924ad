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

/* A comma list of product codes, each 1 to 5 letters and digits as the iJw ProductCode
 * (LDT_ProductCode: at most 5 characters) ("" is none). */
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
		} else if (isalnum((unsigned char)*p) && run < 5) {
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

/* Whether the product regime applies where contract `c` holds: its municipality buys products,
 * or (for the whole region) some municipality of region `pol` does. */
static bool product_regime(const struct jr_policy_set *set, const struct jr_policy *pol,
			   const struct jr_contract *c)
{
	for (size_t i = 0; set && i < set->count; i++) {
		const struct jr_policy *p = set->policies[i];
		if (strcmp(p->id, pol->id) != 0)
			continue;
		for (size_t m = 0; m < p->municipality_count; m++)
			if (p->municipalities[m].regime == JR_REGIME_PRODUCT &&
			    (!c->municipality[0] || strcmp(p->municipalities[m].code, c->municipality) == 0))
				return true;
	}
	return false;
}

/* Whether every code of the list is the code of a result level, as a result-regime
 * municipality's allocations and claims carry it (the category of the form, "OB" and the
 * intensity 1 to 4, e.g. 45OB2: what TR418 finds the contract's tariff by). */
static bool result_level_codes(const char *codes)
{
	const char *p = codes;

	while (*p) {
		size_t n = strcspn(p, ",");
		if (n != 5 || p[2] != 'O' || p[3] != 'B' || p[4] < '1' || p[4] > '4')
			return false;
		p += n + (p[n] == ',');
	}
	return true;
}

/* The checks of a contract's terms, for a new one and an edit (region `pol` found). */
static enum jr_err contract_terms(struct jr_app *app, const struct jr_policy *pol,
				  const struct jr_contract *c)
{
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
	if (c->product_codes[0] && !product_regime(app->policies, pol, c) &&
	    !result_level_codes(c->product_codes))
		return jr_app_fail(app, JR_ERR_INPUT, "product_codes",
				   "productcodes horen bij het productgerichte regime; %s (laat de "
				   "productcodes leeg, of geef codes van een resultaatniveau zoals "
				   "45OB2)",
				   c->municipality[0] ? "deze gemeente koopt geen producten in"
						      : "geen gemeente van deze regio koopt producten in");
	return JR_OK;
}

enum jr_err jr_app_contract_add(struct jr_app *app, struct jr_contract *c)
{
	const struct jr_policy *pol;
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_PROVIDERS_WRITE)))
		return err;
	if (!(pol = find_region(app->policies, c->region, c->start)))
		return unknown_region(app);
	/* the region's own id, as the policy file spells it */
	snprintf(c->region, sizeof(c->region), "%s", pol->id);
	if ((err = contract_terms(app, pol, c)))
		return err;
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

static enum jr_err contract_missing(struct jr_app *app, int64_t id)
{
	return jr_app_fail(app, JR_ERR_NOT_FOUND, NULL,
			   "contract niet gevonden: er is geen contract met nummer %lld",
			   (long long)id);
}

enum jr_err jr_app_contract_get(struct jr_app *app, int64_t id, struct jr_contract *c)
{
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_PROVIDERS_READ)))
		return err;
	err = jr_store_contract_get(app->store, id, c);
	return err == JR_ERR_NOT_FOUND ? contract_missing(app, id) : err;
}

/* Writes the edited contract `c` (its region and municipality those of the stored one). */
static enum jr_err contract_write(struct jr_app *app, struct jr_contract *c, const char *action)
{
	const struct jr_policy *pol;
	enum jr_err err;

	if (!(pol = find_region(app->policies, c->region, c->start)))
		return unknown_region(app);
	if ((err = contract_terms(app, pol, c)))
		return err;
	err = jr_store_contract_update(app->store, app->actor, c, action);
	if (err == JR_ERR_CONFLICT)
		return jr_app_fail(app, err, "version",
				   "het contract is intussen gewijzigd; lees het opnieuw");
	if (err == JR_ERR_NOT_FOUND)
		return contract_missing(app, c->id);
	if (err == JR_ERR_INPUT)
		return jr_app_fail(app, err, NULL,
				   "het contract klopt niet: vormen en looptijd (einde na begin)");
	return err;
}

enum jr_err jr_app_contract_edit(struct jr_app *app, const struct jr_contract_edit *e,
				 struct jr_contract *c)
{
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_PROVIDERS_WRITE)))
		return err;
	if ((err = jr_store_contract_get(app->store, e->id, c)))
		return err == JR_ERR_NOT_FOUND ? contract_missing(app, e->id) : err;
	if (c->version != e->version)
		return jr_app_fail(app, JR_ERR_CONFLICT, "version",
				   "het contract is intussen gewijzigd; lees het opnieuw");
	if (e->set & JR_CONTRACT_SET_FORMS)
		c->forms = e->c.forms;
	if (e->set & JR_CONTRACT_SET_PRODUCT_CODES)
		memcpy(c->product_codes, e->c.product_codes, sizeof(c->product_codes));
	if (e->set & JR_CONTRACT_SET_START)
		c->start = e->c.start;
	if (e->set & JR_CONTRACT_SET_END) {
		c->has_end = e->c.has_end;
		c->end = e->c.end;
	}
	if (e->set & JR_CONTRACT_SET_TARIFF)
		c->tariff_cents = e->c.tariff_cents;
	if (e->set & JR_CONTRACT_SET_UNIT)
		memcpy(c->unit, e->c.unit, sizeof(c->unit));
	if (e->set & JR_CONTRACT_SET_CAPACITY)
		c->capacity = e->c.capacity;
	return contract_write(app, c, "contract.edit");
}

enum jr_err jr_app_contract_end(struct jr_app *app, int64_t id, int version, jr_day end,
				struct jr_contract *c)
{
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_PROVIDERS_WRITE)))
		return err;
	if ((err = jr_store_contract_get(app->store, id, c)))
		return err == JR_ERR_NOT_FOUND ? contract_missing(app, id) : err;
	if (c->version != version)
		return jr_app_fail(app, JR_ERR_CONFLICT, "version",
				   "het contract is intussen gewijzigd; lees het opnieuw");
	if (end < c->start)
		return jr_app_fail(app, JR_ERR_INPUT, "end", "de einddatum ligt voor de begindatum");
	if (c->has_end && end > c->end)
		return jr_app_fail(app, JR_ERR_INPUT, "end",
				   "het contract eindigt al eerder; beëindigen gaat niet later dan "
				   "het einde dat het heeft (verlengen: wijzig het contract)");
	c->has_end = true;
	c->end = end;
	return contract_write(app, c, "contract.end");
}
