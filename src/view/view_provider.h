/* view_provider: providers and contracts as JSON, the same for `jeugdroute provider|contract`
 * and /api/v1/providers/…:
 *   provider  {"id","agb","kvk" (null when none),"name","status","quality","demo","version"}
 *   contract  {"id","provider_id","region","municipality" (null: the whole region),"forms":[…],
 *              "product_codes","tariff" ("65.50", null when none),"unit" (null when none),
 *              "start","end" (null: open-ended),"capacity" (null when none),"version"}
 *   tariff    {"id","contract_id","product_code" (null for a level),"level" (1..4, null for a
 *              product code),"amount" ("65.50"),"amount_cents","unit","valid_from","valid_to"}
 *   budget    {"provider_id","year","ceiling" ("1000.00", null when none),"ceiling_cents",
 *              "claimed","claimed_cents","left","percent","level" ("none" without a ceiling,
 *              "under", "near" from 80 %, "reached" from 100 %),"warning" (Dutch, null when
 *              none),"version" (0: no ceiling yet)}
 *   capacity  {"form","places" (null when none),"occupied","free" (null without places),
 *              "percent" (null without places),"full"}
 *   cover     {"covers","provider_id","provider_status","form","municipality":{"code","name"},
 *              "region","date","why"} */
#ifndef JR_VIEW_VIEW_PROVIDER_H
#define JR_VIEW_VIEW_PROVIDER_H

#include "app/contract.h"
#include "app/provider.h"
#include "json/json_writer.h"

void jr_view_provider(struct jr_json_writer *w, const struct jr_provider *p);
void jr_view_contract(struct jr_json_writer *w, const struct jr_contract *c);
void jr_view_tariff(struct jr_json_writer *w, const struct jr_tariff *t);
void jr_view_budget(struct jr_json_writer *w, const struct jr_app_budget *b);
void jr_view_capacity(struct jr_json_writer *w, int form, const struct jr_occupancy *o);
void jr_view_contract_cover(struct jr_json_writer *w, const struct jr_app_contract_cover *c);

#endif
