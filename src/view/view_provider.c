/* view_provider: providers and contracts as JSON (see view_provider.h). */
#include "view/view_provider.h"

#include <stdio.h>

void jr_view_provider(struct jr_json_writer *w, const struct jr_provider *p)
{
	jr_jw_object(w);
	jr_jw_kint(w, "id", p->id);
	jr_jw_kstring(w, "agb", p->agb);
	jr_jw_kstring(w, "kvk", p->kvk[0] ? p->kvk : NULL);
	jr_jw_kstring(w, "name", p->name);
	jr_jw_kstring(w, "status", jr_provider_status_name(p->status));
	jr_jw_kstring(w, "quality", p->quality);
	jr_jw_kbool(w, "demo", p->demo);
	jr_jw_kint(w, "version", p->version);
	jr_jw_end(w);
}

void jr_view_contract(struct jr_json_writer *w, const struct jr_contract *c)
{
	char tariff[32];

	jr_jw_object(w);
	jr_jw_kint(w, "id", c->id);
	jr_jw_kint(w, "provider_id", c->provider_id);
	jr_jw_kstring(w, "region", c->region);
	jr_jw_kstring(w, "municipality", c->municipality[0] ? c->municipality : NULL);
	jr_jw_key(w, "forms");
	jr_jw_array(w);
	for (int f = 1; f <= JR_FORM_COUNT; f++)
		if (c->forms & (1u << f))
			jr_jw_int(w, f);
	jr_jw_end(w);
	jr_jw_kstring(w, "product_codes", c->product_codes);
	/* an amount as a string with two decimals, so that no reader rounds it */
	snprintf(tariff, sizeof(tariff), "%lld.%02lld", (long long)(c->tariff_cents / 100),
		 (long long)(c->tariff_cents % 100));
	jr_jw_kstring(w, "tariff", c->tariff_cents ? tariff : NULL);
	jr_jw_kstring(w, "unit", c->unit[0] ? c->unit : NULL);
	jr_jw_kdate(w, "start", c->start, true);
	jr_jw_kdate(w, "end", c->end, c->has_end);
	jr_jw_key(w, "capacity");
	if (c->capacity)
		jr_jw_int(w, c->capacity);
	else
		jr_jw_null(w);
	jr_jw_kint(w, "version", c->version);
	jr_jw_end(w);
}

/* An amount in cents as "65.50" (a string, so that no reader rounds it; "-3.05" below 0). */
static void amount(struct jr_json_writer *w, const char *key, int64_t cents)
{
	char text[40];
	int64_t a = cents < 0 ? -cents : cents;

	snprintf(text, sizeof(text), "%s%lld.%02lld", cents < 0 ? "-" : "", (long long)(a / 100),
		 (long long)(a % 100));
	jr_jw_kstring(w, key, text);
}

void jr_view_tariff(struct jr_json_writer *w, const struct jr_tariff *t)
{
	jr_jw_object(w);
	jr_jw_kint(w, "id", t->id);
	jr_jw_kint(w, "contract_id", t->contract_id);
	jr_jw_kstring(w, "product_code", t->product_code[0] ? t->product_code : NULL);
	jr_jw_key(w, "level");
	if (t->level)
		jr_jw_int(w, t->level);
	else
		jr_jw_null(w);
	amount(w, "amount", t->amount_cents);
	jr_jw_kint(w, "amount_cents", t->amount_cents);
	jr_jw_kstring(w, "unit", t->unit);
	jr_jw_kdate(w, "valid_from", t->valid_from, true);
	jr_jw_kdate(w, "valid_to", t->valid_to, t->has_to);
	jr_jw_end(w);
}

void jr_view_budget(struct jr_json_writer *w, const struct jr_app_budget *b)
{
	jr_jw_object(w);
	jr_jw_kint(w, "provider_id", b->b.provider_id);
	jr_jw_kint(w, "year", b->b.year);
	if (b->b.has_ceiling) {
		amount(w, "ceiling", b->b.ceiling_cents);
		jr_jw_kint(w, "ceiling_cents", b->b.ceiling_cents);
	} else {
		jr_jw_kstring(w, "ceiling", NULL);
		jr_jw_kstring(w, "ceiling_cents", NULL);
	}
	amount(w, "claimed", b->b.claimed_cents);
	jr_jw_kint(w, "claimed_cents", b->b.claimed_cents);
	if (b->b.has_ceiling) {
		amount(w, "left", b->state.left_cents);
		jr_jw_kint(w, "percent", b->state.percent);
		jr_jw_kstring(w, "level", jr_budget_level_name(b->state.level));
	} else {
		jr_jw_kstring(w, "left", NULL);
		jr_jw_kstring(w, "percent", NULL);
		jr_jw_kstring(w, "level", "none");
	}
	jr_jw_kstring(w, "warning", b->warning[0] ? b->warning : NULL);
	jr_jw_kint(w, "version", b->b.version);
	jr_jw_end(w);
}

void jr_view_capacity(struct jr_json_writer *w, int form, const struct jr_occupancy *o)
{
	jr_jw_object(w);
	jr_jw_kint(w, "form", form);
	jr_jw_key(w, "places");
	if (o->places)
		jr_jw_int(w, o->places);
	else
		jr_jw_null(w);
	jr_jw_kint(w, "occupied", o->occupied);
	jr_jw_key(w, "free");
	if (o->places)
		jr_jw_int(w, o->free);
	else
		jr_jw_null(w);
	jr_jw_key(w, "percent");
	if (o->places)
		jr_jw_int(w, o->percent);
	else
		jr_jw_null(w);
	jr_jw_kbool(w, "full", o->full);
	jr_jw_end(w);
}

void jr_view_contract_cover(struct jr_json_writer *w, const struct jr_app_contract_cover *c)
{
	jr_jw_object(w);
	jr_jw_kbool(w, "covers", c->covers);
	jr_jw_kint(w, "provider_id", c->provider.id);
	jr_jw_kstring(w, "provider_status", jr_provider_status_name(c->provider.status));
	jr_jw_kint(w, "form", c->form);
	jr_jw_key(w, "municipality");
	jr_jw_object(w);
	jr_jw_kstring(w, "code", c->municipality);
	jr_jw_kstring(w, "name", c->municipality_name);
	jr_jw_end(w);
	jr_jw_kstring(w, "region", c->region);
	jr_jw_kdate(w, "date", c->date, true);
	jr_jw_kstring(w, "why", c->why);
	jr_jw_end(w);
}
