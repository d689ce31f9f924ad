/* Unit tests for principle 13 of issue 13, the woonplaatsbeginsel (art. 1.1 Jeugdwet), in the
 * records: a child from Hengelo in long-term foster care (form 6, a stay) whose address moves to
 * the foster family in Enschede. The help request and the allocation keep Hengelo as responsible,
 * the move answers with a notice and does not move running care, a new help request during the
 * stay is Hengelo's, the person's page names the responsible municipality, and Hengelo's
 * consulent keeps reach to the child while the care runs. Runs on SQLite, or on PostgreSQL with
 * JR_TEST_DB_URL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "app/access.h"
#include "app/care.h"
#include "app/course.h"
#include "app/person.h"
#include "json/policy_set.h"
#include "store/db.h"
#include "store/store.h"
#include "store_fixture.h"

#define D(y, m, d) jr_date_from_ymd((y), (m), (d))
#define HENGELO "0164"
#define ENSCHEDE "0153"
#define ALMELO "0141"

static struct jr_store *store;
static struct jr_policy_set set;
static int64_t provider_id, team_hengelo, team_enschede, team_almelo;
static struct jr_principal c_hengelo, c_enschede, c_almelo;

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

static int64_t add_team(const char *municipality)
{
	struct jr_organisation o = {0};
	snprintf(o.kind, sizeof(o.kind), "local_team");
	snprintf(o.name, sizeof(o.name), "Lokaal team %s", municipality);
	memcpy(o.municipality, municipality, 5);
	return jr_store_organisation_add(store, &fx_actor, &o) ? 0 : o.id;
}

static void consulent(struct jr_principal *p, int64_t user, int64_t team, const char *municipality)
{
	memset(p, 0, sizeof(*p));
	p->user_id = user;
	p->organisation_id = team;
	snprintf(p->role, sizeof(p->role), "consulent");
	memcpy(p->municipality, municipality, 5);
}

static int setup(void **state)
{
	struct jr_diag d;
	struct jr_provider p = {.status = JR_PROVIDER_ACTIVE};
	struct jr_contract c = {.forms = 0x7fe /* forms 1-10 */, .start = D(2026, 1, 1)};
	char bad[256];
	(void)state;
	if (fx_setup("app_residence"))
		return -1;
	jr_policy_set_init(&set);
	if (jr_policy_set_load_dir(&set, JR_TEST_POLICY_DIR, &d, bad, sizeof(bad)) ||
	    jr_store_open(fx_db_path, fx_key_path, true, &store, &d))
		return -1;
	snprintf(p.agb, sizeof(p.agb), "75750021");
	snprintf(p.name, sizeof(p.name), "Pleegzorg Twente");
	if (jr_store_provider_add(store, &fx_actor, &p))
		return -1;
	provider_id = p.id;
	c.provider_id = p.id;
	snprintf(c.region, sizeof(c.region), "twente");
	if (jr_store_contract_add(store, &fx_actor, &c))
		return -1;
	team_hengelo = add_team(HENGELO);
	team_enschede = add_team(ENSCHEDE);
	team_almelo = add_team(ALMELO);
	consulent(&c_hengelo, 1, team_hengelo, HENGELO);
	consulent(&c_enschede, 2, team_enschede, ENSCHEDE);
	consulent(&c_almelo, 3, team_almelo, ALMELO);
	return team_hengelo && team_enschede && team_almelo ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	jr_store_close(store);
	jr_policy_set_release(&set);
	return fx_teardown();
}

static int64_t add_child(const char *bsn, const char *name, const char *municipality)
{
	struct jr_person p = {0};
	memcpy(p.bsn, bsn, 10);
	snprintf(p.given_names, sizeof(p.given_names), "%s", name);
	snprintf(p.family_name, sizeof(p.family_name), "Jansen");
	memcpy(p.municipality, municipality, 5);
	p.birth_date = D(2015, 4, 17);
	assert_int_equal(jr_store_person_add(store, &fx_actor, &p), JR_OK);
	return p.id;
}

/* Opens a help request for `child` as `who` (NULL: the operator), with a broad analysis. */
static struct jr_course_view open_request(int64_t child, const struct jr_principal *who)
{
	struct jr_app app;
	struct jr_diag d;
	struct jr_course_view v;
	struct jr_help_request h = {.child_id = child, .raised_on = D(2026, 2, 1)};
	struct jr_broad_analysis b = {.made_on = D(2026, 2, 10)};

	snprintf(h.raised_by, sizeof(h.raised_by), "family");
	snprintf(h.question, sizeof(h.question), "Het gaat thuis niet meer.");
	context(&app, &d, who);
	if (jr_app_help_request_add(&app, &h, &v))
		fail_msg("open: %s: %s", d.path, d.message);
	b.help_request_id = v.h.id;
	b.needs[JR_NEED_FAMILY] = 4;
	snprintf(b.explanation, sizeof(b.explanation), "x");
	snprintf(b.participants, sizeof(b.participants), "gezin");
	assert_int_equal(jr_store_analysis_add(store, &fx_actor, &b), JR_OK);
	return v;
}

/* Allocates `form` from `start` (and to `end` when not 0) on help request `hr` as a municipal
 * decision of the operator. */
static struct jr_allocation allocate(int64_t hr, int form, jr_day start, jr_day end)
{
	struct jr_app app;
	struct jr_diag d;
	struct jr_allocation al = {.help_request_id = hr, .provider_id = provider_id, .form = form,
				   .intensity = 2, .start = start, .has_end = end != 0, .end = end};

	snprintf(al.result_description, sizeof(al.result_description),
		 "Mila woont veilig en gaat naar school.");
	context(&app, &d, NULL);
	if (jr_app_allocation_add(&app, &al, true))
		fail_msg("allocate: %s: %s", d.path, d.message);
	return al;
}

/* Moves `child` (read at `version`) to `municipality` as the operator. */
static struct jr_person move(int64_t child, int version, const char *municipality)
{
	struct jr_app app;
	struct jr_diag d;
	struct jr_person out;
	struct jr_person_input in = {.municipality = municipality};

	context(&app, &d, NULL);
	if (jr_app_person_update(&app, child, version, &in, &out))
		fail_msg("move: %s: %s", d.path, d.message);
	return out;
}

/* Runs `sql` through a connection of its own (a change the use cases do not make). */
static void fx_exec(const char *sql)
{
	struct jr_db *db;
	char msg[JR_DB_ERRMSG_MAX];

	assert_int_equal(jr_db_open(fx_db_path, false, &db, msg), JR_OK);
	assert_int_equal(jr_db_exec(db, sql), JR_OK);
	jr_db_close(db);
}

static void contains(const char *text, const char *part)
{
	if (!strstr(text, part))
		fail_msg("\"%s\" lacks \"%s\"", text, part);
}

/* The core of the principle, through the use cases: foster care from Hengelo, the move to the
 * foster family in Enschede, and what stays with Hengelo. */
static void test_foster_child_from_hengelo_moves_to_enschede(void **state)
{
	struct jr_app app;
	struct jr_diag d;
	struct jr_responsibility r;
	struct jr_person p;
	struct jr_course_view hr, later;
	struct jr_allocation al;
	int64_t mila = add_child("111222333", "Mila", HENGELO);
	char sql[160];
	(void)state;

	hr = open_request(mila, &c_hengelo);
	assert_string_equal(hr.h.municipality, HENGELO);
	assert_false(hr.h.before_stay);
	assert_string_equal(hr.h.residence, HENGELO);
	al = allocate(hr.h.id, 6, D(2026, 3, 1), 0);
	assert_string_equal(al.responsible, HENGELO);

	context(&app, &d, NULL);
	assert_int_equal(jr_app_person_get(&app, mila, &p), JR_OK);
	assert_int_equal(jr_app_responsibility(&app, &p, &r), JR_OK);
	assert_string_equal(r.code, HENGELO);
	assert_true(r.before_stay);
	assert_int_equal(r.stay_form, 6);
	assert_int_equal(r.running, 1);
	assert_int_equal(r.elsewhere, 0);

	/* the address moves to the foster family in Enschede: running care does not move */
	p = move(mila, p.version, ENSCHEDE);
	assert_string_equal(p.municipality, ENSCHEDE);
	assert_string_equal(p.responsible, HENGELO);
	assert_true(p.responsible_before_stay);
	contains(p.notice, "Enschede (0153)");
	contains(p.notice, "blijft bij Hengelo (0164)");
	contains(p.notice, "woonplaatsbeginsel");
	snprintf(sql, sizeof(sql),
		 "SELECT COUNT(*) FROM allocations WHERE id = %lld AND responsible_municipality = "
		 "'0164'", (long long)al.id);
	assert_int_equal(fx_count(sql), 1);
	snprintf(sql, sizeof(sql),
		 "SELECT COUNT(*) FROM help_requests WHERE id = %lld AND municipality = '0164'",
		 (long long)hr.h.id);
	assert_int_equal(fx_count(sql), 1);

	/* a new question during the stay is Hengelo's, opened by Enschede's local team */
	later = open_request(mila, &c_enschede);
	assert_string_equal(later.h.municipality, HENGELO);
	assert_true(later.h.before_stay);
	assert_string_equal(later.h.residence, ENSCHEDE);

	/* reach: Hengelo keeps the child while its care runs, Enschede has the resident, Almelo
	 * nothing; Hengelo may open a help request for the child it is responsible for */
	context(&app, &d, &c_hengelo);
	assert_int_equal(jr_app_person_get(&app, mila, &p), JR_OK);
	assert_string_equal(p.responsible, HENGELO);
	context(&app, &d, &c_enschede);
	assert_int_equal(jr_app_person_get(&app, mila, &p), JR_OK);
	context(&app, &d, &c_almelo);
	assert_int_equal(jr_app_person_get(&app, mila, &p), JR_ERR_NOT_FOUND);
	open_request(mila, &c_hengelo);
}

/* Reach through responsibility alone: no help request of Hengelo open, the care still runs. */
static void test_reach_while_care_runs(void **state)
{
	struct jr_app app;
	struct jr_diag d;
	struct jr_person p;
	struct jr_course_view hr;
	struct jr_allocation al;
	int64_t daan = add_child("111222345", "Daan", HENGELO);
	char sql[128];
	(void)state;

	hr = open_request(daan, &c_hengelo);
	al = allocate(hr.h.id, 5, D(2026, 4, 1), D(2026, 11, 30));
	p = move(daan, 1, ENSCHEDE);
	contains(p.notice, "Hengelo");
	/* the help request closed (withdrawn), long enough ago: only the running care links */
	snprintf(sql, sizeof(sql),
		 "UPDATE help_requests SET state = 'withdrawn', updated_at = '2025-01-01T00:00:00Z'"
		 " WHERE id = %lld", (long long)hr.h.id);
	fx_exec(sql);
	context(&app, &d, &c_hengelo);
	assert_int_equal(jr_app_person_get(&app, daan, &p), JR_OK);
	/* after the care's end date, and the closed case's period, Hengelo no longer reaches */
	app.today = D(2026, 12, 1);
	assert_int_equal(jr_app_person_get(&app, daan, &p), JR_ERR_NOT_FOUND);
	(void)al;
}

/* Ambulant care and an ended stay: the BRP municipality is responsible; a move with running
 * ambulant care of another municipality still says that care stays where it is; without
 * running care a move says nothing. */
static void test_not_a_running_stay(void **state)
{
	struct jr_app app;
	struct jr_diag d;
	struct jr_responsibility r;
	struct jr_person p;
	struct jr_course_view hr, later;
	int64_t sem = add_child("111222357", "Sem", HENGELO);
	int64_t noa = add_child("111222369", "Noa", HENGELO);
	(void)state;

	hr = open_request(sem, &c_hengelo);
	allocate(hr.h.id, 6, D(2026, 2, 15), D(2026, 6, 30)); /* a stay that ended */
	allocate(hr.h.id, 3, D(2026, 7, 1), 0);              /* ambulant care that runs */
	p = move(sem, 1, ENSCHEDE);
	assert_string_equal(p.responsible, ENSCHEDE);
	assert_false(p.responsible_before_stay);
	contains(p.notice, "blijft bij Hengelo (0164)");
	assert_null(strstr(p.notice, "woonplaatsbeginsel"));
	context(&app, &d, NULL);
	assert_int_equal(jr_app_responsibility(&app, &p, &r), JR_OK);
	assert_false(r.before_stay);
	assert_int_equal(r.running, 1);
	assert_int_equal(r.elsewhere, 1);
	assert_string_equal(r.other, HENGELO);
	later = open_request(sem, &c_enschede);
	assert_string_equal(later.h.municipality, ENSCHEDE); /* the BRP: no stay runs */
	assert_false(later.h.before_stay);

	p = move(noa, 1, ALMELO);
	assert_string_equal(p.notice, "");
	assert_string_equal(p.responsible, ALMELO);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_foster_child_from_hengelo_moves_to_enschede),
		cmocka_unit_test(test_reach_while_care_runs),
		cmocka_unit_test(test_not_a_running_stay),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
