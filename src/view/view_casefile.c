/* view_casefile: the page of a help request as JSON (view_casefile.h). */
#include "view/view_casefile.h"

#include "view/view_course.h"
#include "view/view_person.h"

static void child(struct jr_json_writer *w, const struct jr_case_page *c)
{
	const struct jr_person *p = &c->child;

	jr_jw_key(w, "child");
	jr_jw_object(w);
	jr_jw_kint(w, "id", p->id);
	jr_jw_kstring(w, "given_names", p->given_names);
	jr_jw_kstring(w, "family_name", p->family_name);
	jr_jw_kdate(w, "birth_date", p->birth_date, true);
	jr_jw_kint(w, "age", c->age);
	jr_jw_kstring(w, "bsn_masked", c->bsn_masked);
	jr_jw_kstring(w, "municipality", p->municipality);
	jr_jw_key(w, "address");
	jr_view_address(w, &p->address);
	jr_jw_end(w);
}

static void household(struct jr_json_writer *w, const struct jr_case_page *c)
{
	jr_jw_key(w, "household");
	if (!c->household.id) {
		jr_jw_null(w);
		return;
	}
	jr_jw_object(w);
	jr_jw_kint(w, "id", c->household.id);
	jr_jw_kstring(w, "municipality", c->household.municipality);
	jr_jw_kint(w, "version", c->household.version);
	jr_jw_key(w, "coordinator");
	if (c->household.coordinator_user_id) {
		jr_jw_object(w);
		jr_jw_kint(w, "user_id", c->household.coordinator_user_id);
		jr_jw_kstring(w, "name", c->coordinator_name);
		jr_jw_end(w);
	} else {
		jr_jw_null(w);
	}
	jr_jw_end(w);
}

static void analysis(struct jr_json_writer *w, const struct jr_case_page *c)
{
	const struct jr_broad_analysis *b = &c->analysis;

	jr_jw_key(w, "analysis");
	if (!c->has_analysis) {
		jr_jw_null(w);
		return;
	}
	jr_jw_object(w);
	jr_jw_kdate(w, "made_on", b->made_on, true);
	jr_jw_key(w, "needs");
	jr_jw_object(w);
	for (int d = 0; d < JR_NEED_COUNT; d++)
		jr_jw_kint(w, jr_need_name((enum jr_need)d), b->needs[d]);
	jr_jw_end(w);
	jr_jw_kstring(w, "explanation", b->explanation);
	jr_jw_kstring(w, "participants", b->participants);
	jr_jw_kstring(w, "hypotheses", b->hypotheses);
	jr_jw_end(w);
}

static void advice(struct jr_json_writer *w, const struct jr_case_page *c, const char *json)
{
	jr_jw_key(w, "advice");
	if (!c->has_advice || !json || !json[0]) {
		jr_jw_null(w);
		return;
	}
	jr_jw_object(w);
	jr_jw_kstring(w, "given_at", c->advice.given_at);
	jr_jw_kstring(w, "region", c->advice.region);
	jr_jw_key(w, "answer");
	jr_jw_raw(w, json); /* written by the engine's own writer when it was given */
	jr_jw_end(w);
}

void jr_view_evaluation(struct jr_json_writer *w, const struct jr_evaluation *e)
{
	const char *kind = jr_evaluation_kind_label(e->kind);
	const char *reached = jr_goals_reached_label(e->goals_reached);

	jr_jw_object(w);
	jr_jw_kint(w, "id", e->id);
	jr_jw_kint(w, "help_request_id", e->help_request_id);
	jr_jw_kstring(w, "kind", e->kind);
	jr_jw_kstring(w, "kind_label", kind ? kind : e->kind);
	jr_jw_kdate(w, "held_on", e->held_on, true);
	jr_jw_kstring(w, "goals_reached", e->goals_reached);
	jr_jw_kstring(w, "goals_reached_label", reached ? reached : e->goals_reached);
	jr_jw_kstring(w, "family_view", e->family_view);
	jr_jw_kstring(w, "next_steps", e->next_steps);
	jr_jw_kstring(w, "author", e->author);
	jr_jw_kstring(w, "created_at", e->created_at);
	jr_jw_end(w);
}

void jr_view_case(struct jr_json_writer *w, const struct jr_case_page *c, const char *advice_json)
{
	jr_jw_object(w);
	jr_view_help_request_fields(w, &c->course.h, &c->course.f);
	child(w, c);
	household(w, c);
	analysis(w, c);
	advice(w, c, advice_json);
	jr_jw_key(w, "goals");
	jr_jw_array(w);
	for (size_t i = 0; i < c->goal_count; i++) {
		jr_jw_object(w);
		jr_jw_kint(w, "id", c->goals[i].id);
		jr_jw_kstring(w, "text", c->goals[i].text);
		jr_jw_kdate(w, "review_on", c->goals[i].review_on, c->goals[i].has_review);
		jr_jw_end(w);
	}
	jr_jw_end(w);
	jr_jw_key(w, "evaluations");
	jr_jw_array(w);
	for (size_t i = 0; i < c->evaluation_count; i++)
		jr_view_evaluation(w, &c->evaluations[i]);
	jr_jw_end(w);
	jr_jw_end(w);
}

void jr_view_coordinator(struct jr_json_writer *w, const struct jr_user *u)
{
	jr_jw_object(w);
	jr_jw_kint(w, "user_id", u->id);
	jr_jw_kstring(w, "name", u->username);
	jr_jw_end(w);
}
