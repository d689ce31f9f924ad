/* Unit tests for app/journal.c and store/store_journal.c: notes added and read through the one
 * road, newest first, a correction that leaves the original standing; bad input refused on its
 * field; reach — the consulents of the help request's municipality and the GI of the child's
 * measure, nobody else, and out of reach answered as not found; every read and write audited;
 * and the table append-only (the engine refuses an UPDATE). Runs on SQLite, or on PostgreSQL
 * with JR_TEST_DB_URL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "app/journal.h"
#include "store/db.h"
#include "store/store.h"
#include "store_fixture.h"
#include "json/policy_set.h"

static struct jr_store *store;
static struct jr_policy_set set;
static int64_t child_id, request_id, other_request_id, team_id, other_team_id, gi_id, other_gi_id,
    provider_org_id;

#define D(y, m, d) jr_date_from_ymd((y), (m), (d))

static int64_t add_org(const char *kind, const char *municipality)
{
	struct jr_organisation o = {0};
	snprintf(o.kind, sizeof(o.kind), "%s", kind);
	snprintf(o.name, sizeof(o.name), "%s %s", kind, municipality);
	snprintf(o.municipality, sizeof(o.municipality), "%s", municipality);
	return jr_store_organisation_add(store, &fx_actor, &o) ? 0 : o.id;
}

static int64_t add_request(int64_t child, const char *municipality)
{
	struct jr_help_request h = {0};
	h.child_id = child;
	snprintf(h.raised_by, sizeof(h.raised_by), "school");
	h.raised_on = D(2026, 10, 1);
	snprintf(h.question, sizeof(h.question), "Gaat niet meer naar school.");
	memcpy(h.municipality, municipality, 5);
	return jr_store_help_request_add(store, &fx_actor, &h) ? 0 : h.id;
}

static int setup(void **state)
{
	struct jr_diag d;
	struct jr_person p = {0}, q = {0};
	struct jr_measure_record m = {0};
	char bad[256];
	(void)state;
	if (fx_setup("app_journal"))
		return -1;
	jr_policy_set_init(&set);
	if (jr_policy_set_load_dir(&set, JR_TEST_POLICY_DIR, &d, bad, sizeof(bad)) ||
	    jr_store_open(fx_db_path, fx_key_path, true, &store, &d))
		return -1;
	memcpy(p.bsn, "111111110", 10);
	snprintf(p.given_names, sizeof(p.given_names), "Daan");
	snprintf(p.family_name, sizeof(p.family_name), "Jansen");
	memcpy(p.municipality, "0153", 5);
	p.birth_date = D(2014, 3, 3);
	q = p;
	memcpy(q.bsn, "123456782", 10);
	memcpy(q.municipality, "0141", 5);
	if (jr_store_person_add(store, &fx_actor, &p) || jr_store_person_add(store, &fx_actor, &q))
		return -1;
	child_id = p.id;
	request_id = add_request(p.id, "0153");
	other_request_id = add_request(q.id, "0141");
	team_id = add_org("local_team", "0153");
	other_team_id = add_org("local_team", "0141");
	gi_id = add_org("gi", "");
	other_gi_id = add_org("gi", "");
	provider_org_id = add_org("provider", "0153");
	m.child_id = child_id;
	m.kind = JR_MEASURE_OTS;
	m.court_date = m.start = D(2026, 6, 1);
	m.gi_organisation_id = gi_id;
	if (!request_id || !other_request_id || !team_id || !other_team_id || !gi_id ||
	    !other_gi_id || !provider_org_id || jr_store_measure_add(store, &fx_actor, &m))
		return -1;
	return 0;
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

static struct jr_principal principal(const char *role, int64_t org, const char *municipality)
{
	struct jr_principal p = {.user_id = 1, .organisation_id = org};
	snprintf(p.role, sizeof(p.role), "%s", role);
	snprintf(p.municipality, sizeof(p.municipality), "%s", municipality);
	if (strcmp(role, "provider") == 0)
		snprintf(p.agb, sizeof(p.agb), "12345678");
	return p;
}

struct seen {
	struct jr_note notes[8];
	int count;
};

static enum jr_err collect(void *ctx, const struct jr_note *n)
{
	struct seen *s = ctx;
	if (s->count < 8)
		s->notes[s->count++] = *n;
	return JR_OK;
}

static struct jr_note input(int64_t request, const char *kind, const char *text, jr_day date)
{
	struct jr_note n = {.help_request_id = request, .date = date};
	snprintf(n.kind, sizeof(n.kind), "%s", kind);
	snprintf(n.text, sizeof(n.text), "%s", text);
	return n;
}

static int64_t notes_now(void)
{
	return fx_count("SELECT COUNT(*) FROM journal_notes");
}

static void test_add_list_and_correct(void **state)
{
	struct jr_app app;
	struct jr_diag diag;
	struct jr_note in, first, second, fix;
	struct seen s = {0};
	int64_t reads;
	(void)state;
	context(&app, &diag, NULL);
	in = input(request_id, "gesprek", "Gesprek met moeder over school.", D(2026, 11, 2));
	assert_int_equal(jr_app_journal_add(&app, &in, &first), JR_OK);
	assert_true(first.id > 0);
	assert_string_equal(first.kind, "conversation"); /* the label is read as its code */
	assert_string_equal(first.author, fx_actor.who);
	/* no date: today's */
	in = input(request_id, "home_visit", "Huisbezoek: rustig.", 0);
	assert_int_equal(jr_app_journal_add(&app, &in, &second), JR_OK);
	assert_int_equal(second.date, D(2026, 11, 20));
	/* a correction of the first: a new note, the first stays as it was */
	in = input(request_id, "Telefoongesprek", "Verbetering: het gesprek was met vader.",
	           D(2026, 11, 2));
	in.corrects = first.id;
	assert_int_equal(jr_app_journal_add(&app, &in, &fix), JR_OK);
	assert_int_equal(fix.corrects, first.id);
	reads = fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'journal.read'");
	assert_int_equal(jr_app_journal_list(&app, request_id, collect, &s), JR_OK);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'journal.read'"),
	                 reads + 1);
	assert_int_equal(s.count, 3);
	/* newest first: by date, then by when it was written */
	assert_int_equal(s.notes[0].id, second.id);
	assert_int_equal(s.notes[1].id, fix.id);
	assert_int_equal(s.notes[2].id, first.id);
	assert_string_equal(s.notes[2].text, "Gesprek met moeder over school.");
	assert_int_equal(s.notes[2].corrected_by, fix.id);
	assert_int_equal(s.notes[1].corrected_by, 0);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'journal.add'"),
	                 3);
	/* the other help request's journal is its own */
	s.count = 0;
	assert_int_equal(jr_app_journal_list(&app, other_request_id, collect, &s), JR_OK);
	assert_int_equal(s.count, 0);
}

static void test_bad_input(void **state)
{
	struct jr_app app;
	struct jr_diag diag;
	struct jr_note in, out;
	int64_t before = notes_now();
	(void)state;
	context(&app, &diag, NULL);
	in = input(request_id, "brief", "Tekst.", D(2026, 11, 2));
	assert_int_equal(jr_app_journal_add(&app, &in, &out), JR_ERR_INPUT);
	assert_string_equal(diag.path, "kind");
	in = input(request_id, "gesprek", "", D(2026, 11, 2));
	assert_int_equal(jr_app_journal_add(&app, &in, &out), JR_ERR_INPUT);
	assert_string_equal(diag.path, "text");
	in = input(request_id, "gesprek", "Niet \xc3\x28 goed.", D(2026, 11, 2));
	assert_int_equal(jr_app_journal_add(&app, &in, &out), JR_ERR_INPUT);
	assert_string_equal(diag.path, "text");
	in = input(request_id, "gesprek", "x", D(2026, 11, 2));
	memset(in.text, 'a', JR_NOTE_TEXT_MAX); /* exactly the maximum: accepted */
	in.text[JR_NOTE_TEXT_MAX] = '\0';
	assert_int_equal(jr_app_journal_add(&app, &in, &out), JR_OK);
	before++;
	in = input(request_id, "gesprek", "Morgen.", D(2026, 11, 21));
	assert_int_equal(jr_app_journal_add(&app, &in, &out), JR_ERR_INPUT);
	assert_string_equal(diag.path, "date");
	/* a correction must name a note of the same help request */
	in = input(other_request_id, "gesprek", "Ander gezin.", D(2026, 11, 2));
	assert_int_equal(jr_app_journal_add(&app, &in, &out), JR_OK);
	before++;
	in = input(request_id, "gesprek", "Verbetering.", D(2026, 11, 2));
	in.corrects = out.id;
	assert_int_equal(jr_app_journal_add(&app, &in, &out), JR_ERR_INPUT);
	assert_string_equal(diag.path, "corrects");
	in.corrects = 999999;
	assert_int_equal(jr_app_journal_add(&app, &in, &out), JR_ERR_INPUT);
	assert_string_equal(diag.path, "corrects");
	in = input(999999, "gesprek", "Geen hulpvraag.", D(2026, 11, 2));
	assert_int_equal(jr_app_journal_add(&app, &in, &out), JR_ERR_NOT_FOUND);
	assert_int_equal(notes_now(), before);
}

static void test_reach(void **state)
{
	struct jr_app app;
	struct jr_diag diag;
	struct jr_note in = input(request_id, "consultatie", "Consultatie met de GI.",
	                          D(2026, 11, 3)),
	               out;
	struct jr_principal mine = principal("consulent", team_id, "0153"),
	                    other = principal("consulent", other_team_id, "0141"),
	                    gi = principal("gi", gi_id, ""),
	                    other_gi = principal("gi", other_gi_id, ""),
	                    provider = principal("provider", provider_org_id, "0153"),
	                    gp = principal("verwijzer", team_id, "0153"),
	                    admin = principal("admin", 0, "");
	const struct jr_principal *outside[] = {&other, &other_gi, &provider, &gp, &admin};
	struct seen s = {0};
	int64_t denied = fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'access.denied'");
	int64_t before;
	(void)state;
	context(&app, &diag, &mine);
	assert_int_equal(jr_app_journal_add(&app, &in, &out), JR_OK);
	assert_int_equal(jr_app_journal_list(&app, request_id, collect, &s), JR_OK);
	assert_true(s.count > 0);
	context(&app, &diag, &gi); /* the GI of the child's running measure */
	assert_int_equal(jr_app_journal_add(&app, &in, &out), JR_OK);
	s.count = 0;
	assert_int_equal(jr_app_journal_list(&app, request_id, collect, &s), JR_OK);
	assert_true(s.count > 0);
	before = notes_now();
	for (size_t i = 0; i < sizeof(outside) / sizeof(outside[0]); i++) {
		context(&app, &diag, outside[i]);
		s.count = 0;
		assert_int_equal(jr_app_journal_list(&app, request_id, collect, &s),
		                 JR_ERR_NOT_FOUND);
		assert_int_equal(s.count, 0);
		/* the same words as for a help request that does not exist */
		assert_string_equal(diag.message, "geen hulpvraag met dit nummer binnen uw bereik");
		assert_int_equal(jr_app_journal_add(&app, &in, &out), JR_ERR_NOT_FOUND);
	}
	context(&app, &diag, &mine);
	assert_int_equal(jr_app_journal_list(&app, 999999, collect, &s), JR_ERR_NOT_FOUND);
	assert_string_equal(diag.message, "geen hulpvraag met dit nummer binnen uw bereik");
	/* Almelo's consulent reads its own help request's journal, not Enschede's */
	context(&app, &diag, &other);
	s.count = 0;
	assert_int_equal(jr_app_journal_list(&app, other_request_id, collect, &s), JR_OK);
	assert_int_equal(notes_now(), before);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'access.denied'"),
	                 denied + 2 * 5 + 1);
}

/* The engine refuses to change a note, whatever the code that asks: the trigger of migration
 * 20. (There is no UPDATE or DELETE of journal_notes in src/store/ but for erasure.) */
static void test_append_only(void **state)
{
	struct jr_db *db;
	char msg[JR_DB_ERRMSG_MAX];
	int64_t before = fx_count("SELECT COUNT(*) FROM journal_notes WHERE text LIKE 'Gesprek%'");
	(void)state;
	assert_true(before > 0);
	assert_int_equal(jr_db_open(fx_db_path, false, &db, msg), JR_OK);
	assert_int_not_equal(jr_db_exec(db, "UPDATE journal_notes SET text = 'herschreven'"),
	                     JR_OK);
	assert_int_not_equal(jr_db_exec(db, "UPDATE journal_notes SET corrects = NULL"), JR_OK);
	jr_db_close(db);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM journal_notes WHERE text = 'herschreven'"),
	                 0);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM journal_notes WHERE text LIKE 'Gesprek%'"),
	                 before);
}

/* A GI whose measure ended (within the region's reach period) still reads the journal, but
 * adds no note to it: 403, not 404 — it sees the help request. */
static void test_gi_after_the_measure(void **state)
{
	struct jr_app app;
	struct jr_diag diag;
	struct jr_person p = {0};
	struct jr_measure_record m = {0};
	struct jr_principal gi = principal("gi", gi_id, "");
	struct jr_note in, out;
	struct seen s = {0};
	int64_t request;
	(void)state;
	memcpy(p.bsn, "100000009", 10);
	snprintf(p.given_names, sizeof(p.given_names), "Mila");
	snprintf(p.family_name, sizeof(p.family_name), "Bos");
	memcpy(p.municipality, "0153", 5);
	p.birth_date = D(2015, 5, 5);
	assert_int_equal(jr_store_person_add(store, &fx_actor, &p), JR_OK);
	request = add_request(p.id, "0153");
	assert_true(request > 0);
	m.child_id = p.id;
	m.kind = JR_MEASURE_OTS;
	m.court_date = m.start = D(2025, 11, 1);
	m.gi_organisation_id = gi_id;
	m.has_end = true;
	m.end = D(2026, 11, 1);
	assert_int_equal(jr_store_measure_add(store, &fx_actor, &m), JR_OK);
	context(&app, &diag, NULL);
	in = input(request, "gesprek", "Gesprek tijdens de ondertoezichtstelling.", D(2026, 10, 1));
	assert_int_equal(jr_app_journal_add(&app, &in, &out), JR_OK);
	context(&app, &diag, &gi);
	assert_int_equal(jr_app_journal_list(&app, request, collect, &s), JR_OK);
	assert_int_equal(s.count, 1);
	assert_int_equal(jr_app_journal_add(&app, &in, &out), JR_ERR_FORBIDDEN);
	assert_int_equal(
	    fx_count_id("SELECT COUNT(*) FROM journal_notes WHERE help_request_id = %lld", request),
	    1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_add_list_and_correct),
	    cmocka_unit_test(test_bad_input),
	    cmocka_unit_test(test_reach),
	    cmocka_unit_test(test_append_only),
	    cmocka_unit_test(test_gi_after_the_measure),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
