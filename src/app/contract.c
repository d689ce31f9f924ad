/* contract: tariffs, budget ceilings and capacity as use cases (see contract.h). */
#include "app/contract.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "app/access.h"
#include "app/ijw.h"
#include "core/region.h"

/* Whether `code` is one of the comma-separated `list`. */
static bool listed(const char *list, const char *code)
{
	size_t n = strlen(code);

	for (const char *p = list; *p;) {
		size_t k = strcspn(p, ",");
		if (k == n && strncmp(p, code, n) == 0)
			return true;
		p += k + (p[k] == ',');
	}
	return false;
}

/* Whether the result regime applies somewhere the contract holds (its municipality, or any
 * municipality of its region). */
static bool result_regime(const struct jr_policy_set *set, const struct jr_contract *c)
{
	for (size_t i = 0; set && i < set->count; i++) {
		const struct jr_policy *p = set->policies[i];
		if (strcmp(p->id, c->region) != 0)
			continue;
		for (size_t m = 0; m < p->municipality_count; m++)
			if (p->municipalities[m].regime == JR_REGIME_RESULT &&
			    (!c->municipality[0] ||
			     strcmp(p->municipalities[m].code, c->municipality) == 0))
				return true;
	}
	return false;
}

static bool unit_known(const char *unit)
{
	const char *code;
	const char *word;

	for (size_t i = 0; (word = jr_app_ijw_unit_at(i, &code)); i++)
		if (strcmp(word, unit) == 0)
			return true;
	return false;
}

static enum jr_err contract_missing(struct jr_app *app, int64_t id)
{
	return jr_app_fail(app, JR_ERR_NOT_FOUND, NULL,
			   "contract niet gevonden: er is geen contract met nummer %lld",
			   (long long)id);
}

static enum jr_err provider_missing(struct jr_app *app, int64_t id)
{
	return jr_app_fail(app, JR_ERR_NOT_FOUND, NULL,
			   "zorgaanbieder niet gevonden: er is geen zorgaanbieder met nummer %lld",
			   (long long)id);
}

enum jr_err jr_app_tariff_add(struct jr_app *app, struct jr_tariff *t)
{
	struct jr_contract c;
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_PROVIDERS_WRITE)))
		return err;
	if ((err = jr_store_contract_get(app->store, t->contract_id, &c)))
		return err == JR_ERR_NOT_FOUND ? contract_missing(app, t->contract_id) : err;
	if (!t->product_code[0] && !t->level)
		return jr_app_fail(app, JR_ERR_INPUT, "product_code",
				   "geef een productcode of een resultaatniveau (OB1 tot en met OB4)");
	if (t->product_code[0] && t->level)
		return jr_app_fail(app, JR_ERR_INPUT, "level",
				   "een tarief geldt voor een productcode of voor een resultaatniveau, "
				   "niet voor allebei");
	if (t->product_code[0]) {
		size_t n = strlen(t->product_code);
		for (size_t i = 0; i < n; i++)
			if (!isalnum((unsigned char)t->product_code[i]))
				n = 0;
		if (n < 1 || n > 5)
			return jr_app_fail(app, JR_ERR_INPUT, "product_code",
					   "verwacht een productcode van 1 tot 5 letters en cijfers");
		if (!listed(c.product_codes, t->product_code))
			return jr_app_fail(app, JR_ERR_INPUT, "product_code",
					   "productcode %s staat niet in dit contract (%s)",
					   t->product_code,
					   c.product_codes[0] ? c.product_codes : "het noemt er geen");
	} else {
		if (t->level < 1 || t->level > 4)
			return jr_app_fail(app, JR_ERR_INPUT, "level",
					   "verwacht een resultaatniveau van 1 tot en met 4 (OB1 tot "
					   "en met OB4)");
		if (!result_regime(app->policies, &c))
			return jr_app_fail(app, JR_ERR_INPUT, "level",
					   "resultaatniveaus horen bij het resultaatgerichte regime; "
					   "waar dit contract geldt, wordt niet resultaatgericht ingekocht");
	}
	if (t->amount_cents < 0 || t->amount_cents > JR_BUDGET_CEILING_MAX)
		return jr_app_fail(app, JR_ERR_INPUT, "amount",
				   "verwacht een bedrag in euro's van 0 of meer");
	if (!unit_known(t->unit))
		return jr_app_fail(app, JR_ERR_INPUT, "unit",
				   "verwacht een eenheid van de iJw-lijst: minuut, uur, etmaal, "
				   "dagdeel, stuks of euro");
	if (t->valid_from < c.start || (c.has_end && t->valid_from > c.end))
		return jr_app_fail(app, JR_ERR_INPUT, "valid_from",
				   "het tarief begint binnen de looptijd van het contract");
	if (t->has_to && t->valid_to < t->valid_from)
		return jr_app_fail(app, JR_ERR_INPUT, "valid_to",
				   "de einddatum ligt voor de begindatum");
	if (t->has_to && c.has_end && t->valid_to > c.end)
		return jr_app_fail(app, JR_ERR_INPUT, "valid_to",
				   "het tarief eindigt binnen de looptijd van het contract");
	err = jr_store_tariff_add(app->store, app->actor, t);
	return err == JR_ERR_NOT_FOUND ? contract_missing(app, t->contract_id) : err;
}

enum jr_err jr_app_tariffs(struct jr_app *app, int64_t contract_id, jr_tariff_fn fn, void *ctx)
{
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_PROVIDERS_READ)))
		return err;
	err = jr_store_tariff_each(app->store, contract_id, fn, ctx);
	return err == JR_ERR_NOT_FOUND ? contract_missing(app, contract_id) : err;
}

static void budget_fill(struct jr_app_budget *out)
{
	memset(&out->state, 0, sizeof(out->state));
	out->warning[0] = '\0';
	if (out->b.has_ceiling &&
	    jr_budget_compute(out->b.ceiling_cents, out->b.claimed_cents, &out->state) == JR_OK)
		jr_budget_warning(&out->state, out->b.year, out->warning, sizeof(out->warning));
	else
		out->state.claimed_cents = out->b.claimed_cents < 0 ? 0 : out->b.claimed_cents;
}

static enum jr_err year_check(struct jr_app *app, int year)
{
	if (year < 2000 || year > 2100)
		return jr_app_fail(app, JR_ERR_INPUT, "year", "verwacht een jaar van 2000 tot en met 2100");
	return JR_OK;
}

enum jr_err jr_app_budget_get(struct jr_app *app, int64_t provider_id, int year,
			      struct jr_app_budget *out)
{
	enum jr_err err;

	memset(out, 0, sizeof(*out));
	if ((err = jr_app_access_require(app, JR_CAP_PROVIDERS_READ)) ||
	    (err = year_check(app, year)))
		return err;
	if ((err = jr_store_budget_get(app->store, provider_id, year, &out->b)))
		return err == JR_ERR_NOT_FOUND ? provider_missing(app, provider_id) : err;
	budget_fill(out);
	return JR_OK;
}

enum jr_err jr_app_budget_set(struct jr_app *app, int64_t provider_id, int year,
			      int64_t ceiling_cents, int version, struct jr_app_budget *out)
{
	enum jr_err err;

	memset(out, 0, sizeof(*out));
	if ((err = jr_app_access_require(app, JR_CAP_PROVIDERS_WRITE)) ||
	    (err = year_check(app, year)))
		return err;
	if (ceiling_cents < 1 || ceiling_cents > JR_BUDGET_CEILING_MAX)
		return jr_app_fail(app, JR_ERR_INPUT, "ceiling",
				   "verwacht een budgetplafond in euro's van meer dan 0");
	out->b.provider_id = provider_id;
	out->b.year = year;
	out->b.ceiling_cents = ceiling_cents;
	out->b.version = version;
	err = jr_store_budget_set(app->store, app->actor, &out->b);
	if (err == JR_ERR_NOT_FOUND)
		return provider_missing(app, provider_id);
	if (err == JR_ERR_CONFLICT)
		return jr_app_fail(app, err, "version",
				   "het budgetplafond is intussen gewijzigd; lees het opnieuw");
	if (err)
		return err;
	budget_fill(out);
	return JR_OK;
}

struct capacity_walk {
	jr_app_capacity_fn fn;
	void *ctx;
};

static enum jr_err capacity_one(void *ctx, const struct jr_capacity *c)
{
	struct capacity_walk *w = ctx;
	struct jr_occupancy o;
	enum jr_err err = jr_occupancy_compute(c->places, c->occupied, &o);

	return err ? JR_ERR_STORE : w->fn(w->ctx, c->form, &o);
}

enum jr_err jr_app_capacity(struct jr_app *app, int64_t provider_id, jr_app_capacity_fn fn,
			    void *ctx)
{
	struct capacity_walk w = {fn, ctx};
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_PROVIDERS_READ)))
		return err;
	err = jr_store_capacity_each(app->store, provider_id, app->today, capacity_one, &w);
	return err == JR_ERR_NOT_FOUND ? provider_missing(app, provider_id) : err;
}

enum jr_err jr_app_capacity_set(struct jr_app *app, int64_t provider_id, int form, int places)
{
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_PROVIDERS_WRITE)))
		return err;
	if (form < 1 || form > JR_FORM_COUNT)
		return jr_app_fail(app, JR_ERR_INPUT, "form", "verwacht een vorm van 1 tot en met 10");
	if (places < 0 || places > JR_CAPACITY_MAX)
		return jr_app_fail(app, JR_ERR_INPUT, "places",
				   "verwacht een aantal plaatsen van 0 tot en met %d (0: geen)",
				   JR_CAPACITY_MAX);
	err = jr_store_capacity_set(app->store, app->actor, provider_id, form, places);
	return err == JR_ERR_NOT_FOUND ? provider_missing(app, provider_id) : err;
}
