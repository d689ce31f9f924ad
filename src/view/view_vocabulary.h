/* view_vocabulary: the words the screens show (app/vocabulary.h) as JSON, the answer of
 * GET /api/v1/vocabulary: {"region":{"code","label","regional_body","regional_body_short"} or
 * null,"municipality","regions","municipalities","forms","regimes","light_options",
 * "referrer_types","needs","need_max_level","measures","option_kinds","end_reasons",
 * "change_reasons","units","ijw_places","help_request_states","raised_by","goals_reached",
 * "household_roles","provider_statuses","event_kinds","involvement_kinds","signals","roles",
 * "organisation_kinds"}; every word is {"code","label",…} (web/app.js reads these names). */
#ifndef JR_VIEW_VIEW_VOCABULARY_H
#define JR_VIEW_VIEW_VOCABULARY_H

#include "app/vocabulary.h"
#include "json/json_writer.h"

void jr_view_vocabulary(struct jr_json_writer *w, const struct jr_vocabulary *v);

#endif
