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
