/* Unit tests for app/worklist.c: assignment of a help request to a consulent of its
 * municipality (who may, to whom, the version, the history and the audit), and the work list —
 * its filters, counts per step, the nearest deadline and the sort — whose deadlines, read for
 * the whole list at once, are the very ones read for each help request alone. Runs on SQLite,
 * or on PostgreSQL with JR_TEST_DB_URL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "app/course.h"
#include "app/deadlines.h"
#include "app/worklist.h"
#include "json/policy_set.h"
#include "store/store.h"
#include "store_fixture.h"

static struct jr_store *store;
static struct jr_policy_set set;
static int64_t child_id, team_id, other_team_id, anna, bart, hugo, gi_user;
static int64_t first, second, third; /* help requests of 0153 */

#define D(y, m, d) jr_date_from_ymd((y), (m), (d))

static int64_t add_org(const char *kind, const char *municipality)
{
	struct jr_organisation o = {0};
	snprintf(o.kind, sizeof(o.kind), "%s", kind);
	snprintf(o.name, sizeof(o.name), "%s %s", kind, municipality);
	snprintf(o.municipality, sizeof(o.municipality), "%s", municipality);
	return jr_store_organisation_add(store, &fx_actor, &o) ? 0 : o.id;
}

static int64_t add_user(const char *name, const char *role, int64_t org)
{
	int64_t id = 0;
	return jr_store_user_add_in(store, &fx_actor, name, role, org, "een-lang-wachtwoord", &id)
		       ? 0
		       : id;
}

static void context(struct jr_app *app, struct jr_diag *diag, const struct jr_principal *who)
{
	memset(app, 0, sizeof(*app));
	memset(diag, 0, sizeof(*diag));
	app->store = store;
	app->actor = &fx_actor;
	app->principal = who;
	app->policies = &set;
	app->today = D(2026, 12, 4);
	app->diag = diag;
}

static struct jr_principal consulent(int64_t user, int64_t org, const char *municipality)
{
	struct jr_principal p = {.user_id = user, .organisation_id = org};
	snprintf(p.role, sizeof(p.role), "consulent");
	snprintf(p.org_kind, sizeof(p.org_kind), "local_team");
	memcpy(p.municipality, municipality, 5);
	return p;
}

static int64_t open_request(jr_day raised, const char *question)
{
	struct jr_help_request h = {.raised_on = raised};
	struct jr_course_view *v = calloc(1, sizeof(*v));
	struct jr_diag d;
	struct jr_app app;
	int64_t id;

	h.child_id = child_id;
	snprintf(h.raised_by, sizeof(h.raised_by), "family");
	snprintf(h.question, sizeof(h.question), "%s", question);
	context(&app, &d, NULL);
	if (!v || jr_app_help_request_add(&app, &h, v)) {
		free(v);
		return 0;
	}
	id = v->h.id;
	free(v);
	return id;
}

static int setup(void **state)
{
	struct jr_diag d;
	struct jr_person p = {0};
	struct jr_course_view *v = calloc(1, sizeof(*v));
	struct jr_app app;
	char bad[256];
	int64_t gi_org;
	(void)state;
	if (!v || fx_setup("app_worklist"))
		return -1;
	jr_policy_set_init(&set);
	if (jr_policy_set_load_dir(&set, JR_TEST_POLICY_DIR, &d, bad, sizeof(bad)) ||
	    jr_store_open(fx_db_path, fx_key_path, true, &store, &d))
		return -1;
	memcpy(p.bsn, "111111110", 10);
	snprintf(p.given_names, sizeof(p.given_names), "Daan");
	snprintf(p.family_name, sizeof(p.family_name), "Jansen");
	memcpy(p.municipality, "0153", 5);
	p.birth_date = D(2015, 3, 3);
	if (jr_store_person_add(store, &fx_actor, &p))
		return -1;
	child_id = p.id;
	team_id = add_org("local_team", "0153");
	other_team_id = add_org("local_team", "0141");
	gi_org = add_org("gi", "");
	anna = add_user("anna.b", "consulent", team_id);
	bart = add_user("bart.c", "consulent", team_id);
	hugo = add_user("hugo.h", "consulent", other_team_id);
	gi_user = add_user("gina.g", "gi", gi_org);
	/* decision due 30 November (overdue), 15 January 2027, and one with a goal due 10 December */
	first = open_request(D(2026, 10, 5), "Daan slaapt slecht.");
	second = open_request(D(2026, 11, 20), "Daan gaat niet naar school.");
	third = open_request(D(2026, 11, 27), "Daan is vaak boos.");
	context(&app, &d, NULL);
	if (jr_app_goal_add(&app, third, "Rust", D(2026, 12, 1), v))
		return -1;
	free(v);
	return team_id && other_team_id && anna && bart && hugo && gi_user && first && second && third
		       ? 0
		       : -1;
}

static int teardown(void **state)
{
	(void)state;
	jr_store_close(store);
	jr_policy_set_release(&set);
	return fx_teardown();
}

static void expect(enum jr_err got, enum jr_err want, const struct jr_diag *d, const char *path,
		   const char *part)
{
	assert_int_equal(got, want);
	assert_string_equal(d->path, path);
	if (!strstr(d->message, part))
		fail_msg("message \"%s\" lacks \"%s\"", d->message, part);
}

static void test_assignment(void **state)
{
	struct jr_principal mine = consulent(anna, team_id, "0153");
	struct jr_principal other = consulent(hugo, other_team_id, "0141");
	struct jr_principal gi = {.user_id = gi_user};
	struct jr_course_view *v = calloc(1, sizeof(*v));
	struct jr_diag d;
	struct jr_app app;
	int version;

	(void)state;
	assert_non_null(v);
	snprintf(gi.role, sizeof(gi.role), "gi");
	context(&app, &d, &mine);
	assert_int_equal(jr_app_help_request_get(&app, first, v), JR_OK);
	assert_int_equal(v->h.assignee_id, 0);
	version = v->h.version;
	/* the assignee must be an active consulent of the help request's municipality */
	expect(jr_app_help_request_assign(&app, first, hugo, version, v), JR_ERR_INPUT, &d,
	       "user_id", "hugo.h is geen actieve consulent");
	expect(jr_app_help_request_assign(&app, first, gi_user, version, v), JR_ERR_INPUT, &d,
	       "user_id", "geen actieve consulent");
	expect(jr_app_help_request_assign(&app, first, 999999, version, v), JR_ERR_INPUT, &d,
	       "user_id", "niet gevonden");
	/* to oneself, then handed over: each a new version, kept and audited */
	assert_int_equal(jr_app_help_request_assign(&app, first, anna, version, v), JR_OK);
	assert_int_equal(v->h.assignee_id, anna);
	assert_string_equal(v->h.assignee, "anna.b");
	assert_int_equal(v->h.version, version + 1);
	expect(jr_app_help_request_assign(&app, first, bart, version, v), JR_ERR_CONFLICT, &d,
	       "version", "intussen gewijzigd");
	assert_int_equal(jr_app_help_request_assign(&app, first, bart, version + 1, v), JR_OK);
	assert_int_equal(v->h.assignee_id, bart);
	/* the same again changes nothing */
	assert_int_equal(jr_app_help_request_assign(&app, first, bart, version + 2, v), JR_OK);
	assert_int_equal(v->h.version, version + 2);
	assert_int_equal(fx_count_id("SELECT COUNT(*) FROM help_request_assignments"
				     " WHERE help_request_id = %lld", first),
			 2);
	assert_int_equal(fx_count_id("SELECT COUNT(*) FROM record_history WHERE record_table ="
				     " 'help_requests' AND record_id = %lld", first),
			 2);
	assert_int_equal(fx_count_id("SELECT COUNT(*) FROM audit_log WHERE action ="
				     " 'help_request.assign' AND person_id = %lld", child_id),
			 2);
	/* another municipality's consulent: as if it did not exist; a GI may not assign */
	context(&app, &d, &other);
	expect(jr_app_help_request_assign(&app, first, hugo, version + 2, v), JR_ERR_NOT_FOUND, &d,
	       "", "binnen uw bereik");
	context(&app, &d, &gi);
	assert_true(jr_app_help_request_assign(&app, first, 0, version + 2, v) != JR_OK);
	/* back to the team's queue */
	context(&app, &d, &mine);
	assert_int_equal(jr_app_help_request_assign(&app, first, 0, version + 2, v), JR_OK);
	assert_int_equal(v->h.assignee_id, 0);
	assert_int_equal(jr_app_help_request_assign(&app, second, anna, 1, v), JR_OK);
	free(v);
}

struct seen {
	int64_t ids[8];
	struct jr_work_item items[8];
	int n;
};

static enum jr_err keep(void *ctx, const struct jr_work_item *it)
{
	struct seen *s = ctx;
	if (s->n < 8) {
		s->ids[s->n] = it->row.h.id;
		s->items[s->n] = *it;
	}
	s->n++;
	return JR_OK;
}

static void test_work_list(void **state)
{
	struct jr_principal mine = consulent(anna, team_id, "0153");
	struct jr_work_query q = {.sort = JR_WORK_SORT_DEADLINE, .limit = 10};
	struct jr_deadlines *alone = calloc(1, sizeof(*alone));
	struct jr_work_counts c;
	struct seen s = {0};
	struct jr_diag d;
	struct jr_app app;

	(void)state;
	assert_non_null(alone);
	context(&app, &d, &mine);
	/* every open one, nearest deadline first: the overdue decision, the goal, the decisions */
	assert_int_equal(jr_app_work_list(&app, &q, keep, &s, &c), JR_OK);
	assert_int_equal(c.total, 3);
	assert_int_equal(s.n, 3);
	assert_int_equal(c.per_step[JR_HR_REGISTERED], 3);
	assert_false(c.all_steps);
	assert_int_equal(s.ids[0], first);
	assert_int_equal(s.ids[1], third);
	assert_int_equal(s.ids[2], second);
	assert_int_equal(s.items[1].deadline.kind, JR_DEADLINE_GOAL_REVIEW);
	assert_int_equal(s.items[1].deadline.state, JR_DEADLINE_OVERDUE);
	assert_string_equal(s.items[0].row.given_names, "Daan");
	/* one definition: the nearest deadline of the list is the first read alone */
	for (int i = 0; i < 3; i++) {
		assert_int_equal(jr_app_help_request_deadlines(&app, s.ids[i], alone), JR_OK);
		assert_true(alone->count > 0);
		assert_int_equal(s.items[i].deadline.kind, alone->items[0].kind);
		assert_int_equal(s.items[i].deadline.due, alone->items[0].due);
		assert_int_equal(s.items[i].deadline.state, alone->items[0].state);
		assert_int_equal(s.items[i].deadline.days_left, alone->items[0].days_left);
		assert_string_equal(s.items[i].deadline.label, alone->items[0].label);
	}
	/* mine (second), the team's queue (first, third) */
	memset(&s, 0, sizeof(s));
	q.assignee = JR_ASSIGNEE_USER;
	q.user_id = anna;
	assert_int_equal(jr_app_work_list(&app, &q, keep, &s, &c), JR_OK);
	assert_int_equal(c.total, 1);
	assert_int_equal(s.ids[0], second);
	assert_string_equal(s.items[0].row.h.assignee, "anna.b");
	memset(&s, 0, sizeof(s));
	q.assignee = JR_ASSIGNEE_NOBODY;
	assert_int_equal(jr_app_work_list(&app, &q, keep, &s, &c), JR_OK);
	assert_int_equal(c.total, 2);
	assert_int_equal(c.per_step[JR_HR_REGISTERED], 2);
	/* overdue: the nearest deadline passed; soon: none; a step with none: counts still given */
	q.assignee = JR_ASSIGNEE_ANY;
	q.deadline = JR_WORK_DEADLINE_OVERDUE;
	assert_int_equal(jr_app_work_list(&app, &q, NULL, NULL, &c), JR_OK);
	assert_int_equal(c.total, 2);
	q.deadline = JR_WORK_DEADLINE_ANY;
	q.steps = JR_WORK_REVIEW_DUE;
	memset(&s, 0, sizeof(s));
	assert_int_equal(jr_app_work_list(&app, &q, keep, &s, &c), JR_OK);
	assert_int_equal(c.total, 1);
	assert_int_equal(s.ids[0], third);
	q.steps = JR_WORK_STEP;
	q.step = JR_HR_ANALYSED;
	assert_int_equal(jr_app_work_list(&app, &q, NULL, NULL, &c), JR_OK);
	assert_int_equal(c.total, 0);
	assert_int_equal(c.per_step[JR_HR_REGISTERED], 3);
	/* the page: the second of three, sorted by the day raised (newest first) */
	q.steps = JR_WORK_OPEN;
	q.sort = JR_WORK_SORT_RAISED;
	q.offset = 1;
	q.limit = 1;
	memset(&s, 0, sizeof(s));
	assert_int_equal(jr_app_work_list(&app, &q, keep, &s, &c), JR_OK);
	assert_int_equal(c.total, 3);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.ids[0], second);
	/* the consulents one may assign to: the municipality's, by name */
	free(alone);
}

static enum jr_err name_of(void *ctx, const struct jr_assignee *u)
{
	struct jr_buf *b = ctx;
	return jr_buf_printf(b, "%s;", u->username);
}

static void test_assignees(void **state)
{
	struct jr_principal mine = consulent(anna, team_id, "0153");
	struct jr_principal gp = {.user_id = 9};
	struct jr_buf b;
	struct jr_diag d;
	struct jr_app app;

	(void)state;
	snprintf(gp.role, sizeof(gp.role), "verwijzer");
	jr_buf_init(&b, 256);
	context(&app, &d, &mine);
	assert_int_equal(jr_app_assignees(&app, NULL, name_of, &b), JR_OK);
	assert_string_equal(jr_buf_str(&b), "anna.b;bart.c;");
	context(&app, &d, &gp);
	assert_int_equal(jr_app_assignees(&app, NULL, name_of, &b), JR_ERR_FORBIDDEN);
	jr_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_assignment),
		cmocka_unit_test(test_work_list),
		cmocka_unit_test(test_assignees),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
