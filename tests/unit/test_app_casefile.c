/* Unit tests for app/casefile.c and store/store_casefile.c (issue 14, point 6): the page of a
 * help request (who the child is with the BSN masked, household and coordinator, analysis,
 * advice, goals, evaluations; audited as a read of the person), the start of care that takes a
 * planned help request into care, evaluations (interim while care runs, closing after; never
 * assumed), the coordinator chosen from the municipality's consulents, and every change of an
 * allocation in the history. Runs on SQLite, or on PostgreSQL with JR_TEST_DB_URL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "app/care.h"
#include "app/casefile.h"
#include "app/household.h"
#include "core/ident.h"
#include "json/policy_set.h"
#include "store/store.h"
#include "store_fixture.h"

static struct jr_store *store;
static struct jr_policy_set set;
static int64_t child_id, parent_id, household_id, provider_id, team_id, other_team_id, me_id,
    colleague_id, stranger_id;

#define D(y, m, d) jr_date_from_ymd((y), (m), (d))

static int64_t add_team(const char *municipality)
{
	struct jr_organisation o = {0};
	snprintf(o.kind, sizeof(o.kind), "local_team");
	snprintf(o.name, sizeof(o.name), "Lokaal team %s", municipality);
	memcpy(o.municipality, municipality, 5);
	return jr_store_organisation_add(store, &fx_actor, &o) ? 0 : o.id;
}

static int64_t add_user(const char *name, int64_t org)
{
	int64_t id = 0;
	return jr_store_user_add_in(store, &fx_actor, name, "consulent", org,
				    "een-lang-wachtwoord-1", &id)
		       ? 0
		       : id;
}

static int64_t add_person(const char *bsn, const char *given, jr_day born)
{
	struct jr_person p = {0};
	memcpy(p.bsn, bsn, 10);
	snprintf(p.given_names, sizeof(p.given_names), "%s", given);
	snprintf(p.family_name, sizeof(p.family_name), "Bos");
	memcpy(p.municipality, "0153", 5);
	p.birth_date = born;
	return jr_store_person_add(store, &fx_actor, &p) ? 0 : p.id;
}

static int setup(void **state)
{
	struct jr_household h = {0};
	struct jr_provider pr = {.status = JR_PROVIDER_ACTIVE};
	struct jr_contract c = {.forms = 0x1e /* forms 1-4 */, .start = D(2026, 1, 1)};
	struct jr_diag d;
	char bad[256];
	(void)state;
	if (fx_setup("app_casefile"))
		return -1;
	jr_policy_set_init(&set);
	if (jr_policy_set_load_dir(&set, JR_TEST_POLICY_DIR, &d, bad, sizeof(bad)) ||
	    jr_store_open(fx_db_path, fx_key_path, true, &store, &d))
		return -1;
	child_id = add_person("123456782", "Lotte", D(2013, 5, 5));
	parent_id = add_person("111111110", "Anna", D(1985, 1, 1));
	memcpy(h.municipality, "0153", 5);
	if (!child_id || !parent_id || jr_store_household_add(store, &fx_actor, &h) ||
	    jr_store_household_add_member(store, &fx_actor, h.id, child_id, "child") ||
	    jr_store_household_add_member(store, &fx_actor, h.id, parent_id, "parent"))
		return -1;
	household_id = h.id;
	snprintf(pr.agb, sizeof(pr.agb), "75750011");
	snprintf(pr.name, sizeof(pr.name), "Zorg Noord");
	if (jr_store_provider_add(store, &fx_actor, &pr))
		return -1;
	provider_id = pr.id;
	c.provider_id = pr.id;
	snprintf(c.region, sizeof(c.region), "twente");
	if (jr_store_contract_add(store, &fx_actor, &c))
		return -1;
	team_id = add_team("0153");
	other_team_id = add_team("0141");
	me_id = add_user("consulent.een", team_id);
	colleague_id = add_user("consulent.twee", team_id);
	stranger_id = add_user("consulent.almelo", other_team_id);
	return team_id && other_team_id && me_id && colleague_id && stranger_id ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	jr_store_close(store);
	jr_policy_set_release(&set);
	return fx_teardown();
}

static void context(struct jr_app *app, struct jr_diag *diag, const struct jr_principal *who)
{
	memset(app, 0, sizeof(*app));
	memset(diag, 0, sizeof(*diag));
	app->store = store;
	app->actor = &fx_actor;
	app->principal = who;
	app->policies = &set;
	app->today = D(2026, 11, 20);
	app->diag = diag;
}

static struct jr_principal consulent(int64_t user, int64_t org, const char *municipality)
{
	struct jr_principal p = {.user_id = user, .organisation_id = org};
	snprintf(p.role, sizeof(p.role), "consulent");
	snprintf(p.org_kind, sizeof(p.org_kind), "local_team");
	snprintf(p.municipality, sizeof(p.municipality), "%s", municipality);
	return p;
}

static void expect(enum jr_err got, enum jr_err want, const struct jr_diag *d, const char *path,
		   const char *part)
{
	assert_int_equal(got, want);
	assert_string_equal(d->path, path);
	if (!strstr(d->message, part))
		fail_msg("message \"%s\" lacks \"%s\"", d->message, part);
}

/* A help request of the child, analysed, with a goal, moved on to `to` (the store moves as told). */
static struct jr_help_request request(enum jr_hr_state to)
{
	struct jr_help_request h = {.child_id = child_id, .household_id = household_id,
				    .raised_on = D(2026, 10, 1)};
	struct jr_broad_analysis b = {.made_on = D(2026, 10, 10)};
	snprintf(h.raised_by, sizeof(h.raised_by), "gp");
	snprintf(h.question, sizeof(h.question), "Zorgen om gedrag.");
	memcpy(h.municipality, "0153", 5);
	assert_int_equal(jr_store_help_request_add(store, &fx_actor, &h), JR_OK);
	b.help_request_id = h.id;
	b.needs[JR_NEED_BEHAVIOUR] = 3;
	b.needs[JR_NEED_SCHOOL] = 2;
	snprintf(b.explanation, sizeof(b.explanation), "Onrust thuis en op school.");
	snprintf(b.participants, sizeof(b.participants), "moeder, kind");
	assert_int_equal(jr_store_analysis_add(store, &fx_actor, &b), JR_OK);
	assert_int_equal(jr_store_goal_add(store, &fx_actor, h.id, "Rust thuis.", true,
					   D(2027, 3, 1)),
			 JR_OK);
	for (int s = JR_HR_ANALYSED; s <= (int)to; s++)
		assert_int_equal(jr_store_help_request_move(store, &fx_actor, &h, (enum jr_hr_state)s),
				 JR_OK);
	return h;
}

/* An allocation by the municipality on help request `id`, of forms 1 to 4 in turn: the tests
 * share one child, who holds one allocation of a form at a time (jr_allocation_overlaps). */
static int64_t allocate(int64_t id)
{
	static int made;
	struct jr_app app;
	struct jr_diag d;
	struct jr_allocation al = {.help_request_id = id, .provider_id = provider_id,
				   .form = 1 + made++ % 4,
				   .intensity = 2, .start = D(2026, 11, 1)};
	snprintf(al.result_description, sizeof(al.result_description), "Rust thuis.");
	context(&app, &d, NULL);
	assert_int_equal(jr_app_allocation_add(&app, &al, true), JR_OK);
	return al.id;
}

static enum jr_hr_state state_of(int64_t id)
{
	struct jr_help_request h;
	assert_int_equal(jr_store_help_request_get(store, &fx_actor, id, &h), JR_OK);
	return h.state;
}

static void test_start_of_care_moves_into_care(void **state)
{
	(void)state;
	struct jr_app app;
	struct jr_diag d;
	struct jr_help_request planned = request(JR_HR_PLANNED);
	struct jr_help_request analysed = request(JR_HR_ANALYSED);
	int64_t a = allocate(planned.id), b = allocate(analysed.id), delivery;

	context(&app, &d, NULL);
	assert_int_equal(jr_app_care_start(&app, a, D(2026, 11, 5), &delivery, NULL), JR_OK);
	assert_int_equal(state_of(planned.id), JR_HR_IN_CARE);
	/* a help request that is not planned stays where it is */
	assert_int_equal(jr_app_care_start(&app, b, D(2026, 11, 5), &delivery, NULL), JR_OK);
	assert_int_equal(state_of(analysed.id), JR_HR_ANALYSED);
}

static void test_case_page(void **state)
{
	(void)state;
	struct jr_principal me = consulent(me_id, team_id, "0153");
	struct jr_principal other = consulent(stranger_id, other_team_id, "0141");
	struct jr_help_request h = request(JR_HR_PLANNED);
	struct jr_case_page *c = test_calloc(1, sizeof(*c));
	struct jr_buf advice;
	struct jr_app app;
	struct jr_diag d;
	int64_t reads = fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'person.read'");

	jr_buf_init(&advice, 1 << 20);
	context(&app, &d, &me);
	assert_int_equal(jr_app_help_request_case(&app, h.id, c, &advice), JR_OK);
	assert_string_equal(c->child.given_names, "Lotte");
	assert_string_equal(c->bsn_masked, "*****6782");
	assert_string_equal(c->child.bsn, ""); /* the whole number is not handed on */
	assert_int_equal(c->age, 13);
	assert_int_equal(c->household.id, household_id);
	assert_int_equal(c->household.coordinator_user_id, 0);
	assert_true(c->has_analysis);
	assert_int_equal(c->analysis.needs[JR_NEED_BEHAVIOUR], 3);
	assert_false(c->has_advice);
	assert_int_equal(c->goal_count, 1);
	assert_true(c->goals[0].has_review);
	assert_int_equal(c->goals[0].review_on, D(2027, 3, 1));
	assert_int_equal(c->evaluation_count, 0);
	assert_true(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'person.read'") > reads);
	/* another municipality's consulent: as if it did not exist */
	context(&app, &d, &other);
	assert_int_equal(jr_app_help_request_case(&app, h.id, c, &advice), JR_ERR_NOT_FOUND);
	jr_buf_release(&advice);
	test_free(c);
}

static void test_evaluations(void **state)
{
	(void)state;
	struct jr_principal me = consulent(me_id, team_id, "0153");
	struct jr_help_request h = request(JR_HR_PLANNED);
	int64_t al = allocate(h.id), delivery;
	struct jr_care_outcome o = {.goals_reached = "partly", .continues_without_help = true,
				    .satisfaction = 7, .end_reason = "31"};
	struct jr_evaluation e = {.help_request_id = h.id, .held_on = D(2026, 11, 20)};
	struct jr_course_view *v = test_calloc(1, sizeof(*v));
	struct jr_app app;
	struct jr_diag d;

	context(&app, &d, &me);
	snprintf(e.kind, sizeof(e.kind), "interim");
	snprintf(e.goals_reached, sizeof(e.goals_reached), "partly");
	snprintf(e.family_view, sizeof(e.family_view), "Het gaat beter.");
	expect(jr_app_evaluation_add(&app, &e, v), JR_ERR_REFUSED, &d, "kind", "geen zorg");
	assert_int_equal(jr_app_care_start(&app, al, D(2026, 11, 5), &delivery, NULL),
			 JR_ERR_FORBIDDEN); /* a consulent does not start care */
	context(&app, &d, NULL);
	assert_int_equal(jr_app_care_start(&app, al, D(2026, 11, 5), &delivery, NULL), JR_OK);
	context(&app, &d, &me);
	assert_int_equal(jr_app_evaluation_add(&app, &e, v), JR_OK);
	assert_true(e.id > 0);
	assert_int_equal(v->h.state, JR_HR_IN_CARE);
	/* never assumed: each fact named when it is missing or wrong */
	snprintf(e.kind, sizeof(e.kind), "closing");
	expect(jr_app_evaluation_add(&app, &e, v), JR_ERR_REFUSED, &d, "kind", "er loopt nog zorg");
	snprintf(e.kind, sizeof(e.kind), "final");
	expect(jr_app_evaluation_add(&app, &e, v), JR_ERR_INPUT, &d, "kind", "closing");
	snprintf(e.kind, sizeof(e.kind), "closing");
	e.goals_reached[0] = '\0';
	expect(jr_app_evaluation_add(&app, &e, v), JR_ERR_INPUT, &d, "goals_reached", "doelen");
	snprintf(e.goals_reached, sizeof(e.goals_reached), "yes");
	e.family_view[0] = '\0';
	expect(jr_app_evaluation_add(&app, &e, v), JR_ERR_INPUT, &d, "family_view", "gezin");
	snprintf(e.family_view, sizeof(e.family_view), "Klaar.");
	e.held_on = D(2026, 12, 1);
	expect(jr_app_evaluation_add(&app, &e, v), JR_ERR_INPUT, &d, "held_on", "toekomst");
	e.held_on = D(2026, 11, 20);
	/* after care stopped with its outcome: the closing evaluation takes it to evaluated */
	context(&app, &d, NULL);
	assert_int_equal(jr_app_care_stop(&app, al, D(2026, 11, 18), &o, NULL), JR_OK);
	context(&app, &d, &me);
	assert_int_equal(jr_app_evaluation_add(&app, &e, v), JR_OK);
	assert_int_equal(v->h.state, JR_HR_EVALUATED);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'evaluation.add'"),
			 2);
	test_free(v);
}

static void test_coordinator(void **state)
{
	(void)state;
	struct jr_principal me = consulent(me_id, team_id, "0153");
	struct jr_principal other = consulent(stranger_id, other_team_id, "0141");
	struct jr_principal provider = {.user_id = 99, .organisation_id = 0};
	struct jr_household h = {.id = household_id};
	struct jr_household_member m[JR_HOUSEHOLD_MEMBERS_MAX];
	size_t n;
	char name[33];
	struct jr_app app;
	struct jr_diag d;

	snprintf(provider.role, sizeof(provider.role), "provider");
	context(&app, &d, NULL);
	assert_int_equal(jr_app_household_get(&app, household_id, &h, m, &n), JR_OK);
	context(&app, &d, &me);
	expect(jr_app_household_assign_coordinator(&app, &h, stranger_id, name), JR_ERR_INPUT, &d,
	       "user_id", "consulent van de gemeente");
	assert_int_equal(jr_app_household_assign_coordinator(&app, &h, colleague_id, name), JR_OK);
	assert_string_equal(name, "consulent.twee");
	assert_int_equal(h.coordinator_user_id, colleague_id);
	h.version--; /* read before */
	assert_int_equal(jr_app_household_assign_coordinator(&app, &h, me_id, name),
			 JR_ERR_CONFLICT);
	h.version++;
	assert_int_equal(jr_app_household_assign_coordinator(&app, &h, me_id, name), JR_OK);
	assert_string_equal(name, "consulent.een");
	/* out of reach: as if there were no such household; another role may not */
	context(&app, &d, &other);
	assert_int_equal(jr_app_household_coordination_reach(&app, household_id), JR_ERR_NOT_FOUND);
	context(&app, &d, &provider);
	assert_int_equal(jr_app_household_coordination_reach(&app, household_id),
			 JR_ERR_FORBIDDEN);
}

struct changes {
	int count;
	char reason[JR_TEXT_FIELD_MAX];
};

static enum jr_err see_change(void *ctx, const struct jr_timeline_event *e)
{
	struct changes *c = ctx;
	if (strcmp(e->kind, "alloc_change") == 0) {
		c->count++;
		snprintf(c->reason, sizeof(c->reason), "%s", e->extra);
	}
	return JR_OK;
}

static void test_changes_in_the_history(void **state)
{
	(void)state;
	struct jr_help_request h = request(JR_HR_PLANNED);
	int64_t al = allocate(h.id);
	struct jr_allocation_change c = {.reason = "05", .has_end = true, .end = D(2027, 3, 31)};
	struct changes seen = {0};
	struct jr_app app;
	struct jr_diag d;
	int honoured;

	context(&app, &d, NULL);
	assert_int_equal(jr_app_allocation_change(&app, al, &c, &honoured), JR_OK);
	c = (struct jr_allocation_change){.reason = "04", .has_end = true, .end = D(2027, 6, 30)};
	assert_int_equal(jr_app_allocation_change(&app, al, &c, &honoured), JR_OK);
	assert_int_equal(jr_store_timeline(store, &fx_actor, child_id, see_change, &seen), JR_OK);
	assert_true(seen.count >= 2); /* each change kept, not only the last */
	assert_string_equal(seen.reason, "04");
}

static void test_bsn_mask(void **state)
{
	(void)state;
	char out[JR_BSN_MASKED_LEN];
	jr_bsn_mask("123456782", out);
	assert_string_equal(out, "*****6782");
	jr_bsn_mask("12345", out);
	assert_string_equal(out, "");
	jr_bsn_mask("12345678x", out);
	assert_string_equal(out, "");
	jr_bsn_mask(NULL, out);
	assert_string_equal(out, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bsn_mask),
		cmocka_unit_test(test_start_of_care_moves_into_care),
		cmocka_unit_test(test_case_page),
		cmocka_unit_test(test_evaluations),
		cmocka_unit_test(test_coordinator),
		cmocka_unit_test(test_changes_in_the_history),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
