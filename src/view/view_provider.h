/* view_provider: providers and contracts as JSON, the same for `jeugdroute provider|contract`
 * and /api/v1/providers/…:
 *   provider  {"id","agb","kvk" (null when none),"name","status","quality","demo","version"}
 *   contract  {"id","provider_id","region","municipality" (null: the whole region),"forms":[…],
 *              "product_codes","tariff" ("65.50", null when none),"unit" (null when none),
 *              "start","end" (null: open-ended),"capacity" (null when none)}
 *   cover     {"covers","provider_id","provider_status","form","municipality":{"code","name"},
 *              "region","date","why"} */
#ifndef JR_VIEW_VIEW_PROVIDER_H
#define JR_VIEW_VIEW_PROVIDER_H

#include "app/provider.h"
#include "json/json_writer.h"

void jr_view_provider(struct jr_json_writer *w, const struct jr_provider *p);
void jr_view_contract(struct jr_json_writer *w, const struct jr_contract *c);
void jr_view_contract_cover(struct jr_json_writer *w, const struct jr_app_contract_cover *c);

#endif
