/* view_casefile: the page of a help request (app/casefile.h) and its evaluations and
 * coordinators as JSON, for the API (GET /api/v1/help-requests/{id}) and the command line. */
#ifndef JR_VIEW_VIEW_CASEFILE_H
#define JR_VIEW_VIEW_CASEFILE_H

#include "app/casefile.h"
#include "json/json_writer.h"

/* The help request as jr_view_course writes it, and beside it: "child" {id, given_names,
 * family_name, birth_date, age, bsn_masked, municipality, address|null}, "household"
 * {id, municipality, version, coordinator: {user_id, name}|null}|null, "analysis" {made_on,
 * needs: {domain: 0..4}, explanation, participants, hypotheses}|null, "advice" {given_at,
 * region, answer: the routing answer as given}|null, "goals" [{id, text, review_on|null}] and
 * "evaluations" [jr_view_evaluation]. `advice_json` is the advice's answer (NULL or "" when
 * none). */
void jr_view_case(struct jr_json_writer *w, const struct jr_case_page *c, const char *advice_json);
/* {id, help_request_id, kind, kind_label, held_on, goals_reached, goals_reached_label,
 *  family_view, next_steps, author, created_at} */
void jr_view_evaluation(struct jr_json_writer *w, const struct jr_evaluation *e);
/* {user_id, name}: a consulent who may coordinate a family. */
void jr_view_coordinator(struct jr_json_writer *w, const struct jr_user *u);

#endif
