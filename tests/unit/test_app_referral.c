/* Unit tests for app/referral.c (issue 15 point 1): a GP's referral lands on the right child —
 * the twin's BSN with the other twin's given names is refused, nothing written — the referral
 * letter is required and kept, and the local team answers the referrer, who sees the answer in
 * its own referral; who may read the letter and who may answer. Runs on SQLite, or on PostgreSQL
 * with JR_TEST_DB_URL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "app/app.h"
#include "app/referral.h"
#include "core/identity.h"
#include "json/policy_set.h"
#include "store/store.h"
#include "store_fixture.h"

static struct jr_store *store;
static struct jr_policy_set set;
static int64_t sanne_id, gp_id, team_id, other_team_id, gi_id;

#define D(y, m, d) jr_date_from_ymd((y), (m), (d))

static int64_t add_org(const char *kind, const char *municipality, const char *agb)
{
	struct jr_organisation o = {0};
	snprintf(o.kind, sizeof(o.kind), "%s", kind);
	snprintf(o.name, sizeof(o.name), "%s %s", kind, municipality);
	snprintf(o.municipality, sizeof(o.municipality), "%s", municipality);
	snprintf(o.agb, sizeof(o.agb), "%s", agb);
	return jr_store_organisation_add(store, &fx_actor, &o) ? 0 : o.id;
}

static int64_t add_twin(const char *bsn, const char *given)
{
	struct jr_person p = {0};
	memcpy(p.bsn, bsn, 10);
	snprintf(p.given_names, sizeof(p.given_names), "%s", given);
	snprintf(p.family_name, sizeof(p.family_name), "de Vries");
	memcpy(p.municipality, "0153", 5);
	p.birth_date = D(2016, 2, 2);
	return jr_store_person_add(store, &fx_actor, &p) ? 0 : p.id;
}

static int setup(void **state)
{
	struct jr_diag d;
	char bad[256];
	(void)state;
	if (fx_setup("app_referral"))
		return -1;
	jr_policy_set_init(&set);
	if (jr_policy_set_load_dir(&set, JR_TEST_POLICY_DIR, &d, bad, sizeof(bad)) ||
	    jr_store_open(fx_db_path, fx_key_path, true, &store, &d))
		return -1;
	sanne_id = add_twin("111111110", "Sanne Maria");
	gp_id = add_org("gp_practice", "0153", "01234567");
	team_id = add_org("local_team", "0153", "");
	other_team_id = add_org("local_team", "0141", "");
	gi_id = add_org("gi", "", "");
	return sanne_id && add_twin("123456782", "Sophie Anna") && gp_id && team_id &&
	               other_team_id && gi_id
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

static struct jr_principal principal(const char *role, int64_t org, const char *kind,
				     const char *municipality)
{
	struct jr_principal p = {.user_id = 1, .organisation_id = org};
	snprintf(p.username, sizeof(p.username), "%s-%lld", role, (long long)org);
	snprintf(p.role, sizeof(p.role), "%s", role);
	snprintf(p.org_kind, sizeof(p.org_kind), "%s", kind);
	snprintf(p.municipality, sizeof(p.municipality), "%s", municipality);
	if (strcmp(kind, "gp_practice") == 0)
		snprintf(p.agb, sizeof(p.agb), "01234567");
	return p;
}

/* A referral of Sanne (BSN 111111110) with its letter; `given` as the GP types it. */
static void order(struct jr_referral_order *o, const char *given)
{
	memset(o, 0, sizeof(*o));
	memcpy(o->bsn, "111111110", 10);
	snprintf(o->given_names, sizeof(o->given_names), "%s", given);
	snprintf(o->family_name, sizeof(o->family_name), "De Vries");
	o->birth_date = D(2016, 2, 2);
	memcpy(o->municipality, "0153", 5);
	o->form = 2;
	snprintf(o->question, sizeof(o->question), "Angstig, wil niet naar school.");
	snprintf(o->urgency, sizeof(o->urgency), "soon");
	snprintf(o->tried, sizeof(o->tried), "Twee gesprekken op de praktijk.");
	snprintf(o->consent, sizeof(o->consent), "parents");
}

static int64_t referrals(void)
{
	return fx_count("SELECT COUNT(*) FROM referrals");
}

static void test_the_twin_is_not_the_child(void **state)
{
	struct jr_principal gp = principal("verwijzer", gp_id, "gp_practice", "0153");
	struct jr_referral_order o;
	struct jr_referral_result res;
	struct jr_diag diag;
	struct jr_app app;
	struct jr_buf why;
	int64_t before = referrals();
	(void)state;

	jr_buf_init(&why, 8192);
	context(&app, &diag, &gp);
	/* Sanne's BSN, typed for her twin Sophie: same birth date, same family name */
	order(&o, "Sophie");
	assert_int_equal(jr_app_referral_add(&app, &o, &res, &why), JR_ERR_REFUSED);
	assert_int_equal(res.refusal, JR_REFUSED_MISMATCH);
	assert_int_equal(res.mismatch, JR_IDENTITY_GIVEN_NAMES);
	assert_string_equal(res.field, "given_names");
	assert_non_null(strstr(res.message, "voornamen passen niet"));
	assert_null(strstr(res.message, "Sanne")); /* never what the records hold */
	assert_int_equal(referrals(), before);
	assert_int_equal(fx_count_id("SELECT COUNT(*) FROM audit_log WHERE action ="
				     " 'referral.mismatch' AND person_id = %lld AND object ="
				     " 'mismatch:given_names'",
				     sanne_id),
			 1);
	/* her own first name, or her second, as the name she goes by: her referral */
	order(&o, "sanne");
	assert_int_equal(jr_app_referral_add(&app, &o, &res, &why), JR_OK);
	assert_int_equal(res.outcome, JR_REFERRAL_MADE);
	assert_string_equal(res.given_names, "Sanne Maria");
	assert_int_equal(referrals(), before + 1);
	jr_buf_release(&why);
}

static void test_the_letter_is_required(void **state)
{
	struct jr_principal gp = principal("verwijzer", gp_id, "gp_practice", "0153");
	struct jr_referral_order o;
	struct jr_referral_result res;
	struct jr_diag diag;
	struct jr_app app;
	struct jr_buf why;
	int64_t before = referrals();
	(void)state;

	jr_buf_init(&why, 8192);
	context(&app, &diag, &gp);
	order(&o, "Sanne");
	o.form = 3;
	o.urgency[0] = '\0';
	assert_int_equal(jr_app_referral_add(&app, &o, &res, &why), JR_ERR_REFUSED);
	assert_string_equal(res.field, "urgency");
	order(&o, "Sanne");
	o.form = 3;
	o.tried[0] = '\0';
	assert_int_equal(jr_app_referral_add(&app, &o, &res, &why), JR_ERR_REFUSED);
	assert_string_equal(res.field, "tried");
	order(&o, "Sanne");
	o.form = 3;
	snprintf(o.consent, sizeof(o.consent), "ja");
	assert_int_equal(jr_app_referral_add(&app, &o, &res, &why), JR_ERR_REFUSED);
	assert_string_equal(res.field, "consent");
	/* a child of 10: the parents consent, not the child alone */
	snprintf(o.consent, sizeof(o.consent), "youth");
	assert_int_equal(jr_app_referral_add(&app, &o, &res, &why), JR_ERR_REFUSED);
	assert_string_equal(res.field, "consent");
	assert_non_null(strstr(res.message, "ouders"));
	assert_int_equal(referrals(), before);
	jr_buf_release(&why);
}

struct seen {
	struct jr_referral_row rows[4];
	int count;
};

static enum jr_err collect(void *ctx, const struct jr_referral_row *r)
{
	struct seen *s = ctx;
	if (s->count < 4)
		s->rows[s->count++] = *r;
	return JR_OK;
}

static void test_the_local_team_answers(void **state)
{
	struct jr_principal gp = principal("verwijzer", gp_id, "gp_practice", "0153"),
			    mine = principal("consulent", team_id, "local_team", "0153"),
			    other = principal("consulent", other_team_id, "local_team", "0141"),
			    gi = principal("gi", gi_id, "gi", "");
	struct jr_referral_order o;
	struct jr_referral_result res;
	struct jr_referral_row *row = calloc(1, sizeof(*row));
	struct seen *seen = calloc(1, sizeof(*seen));
	struct jr_diag diag;
	struct jr_app app;
	struct jr_buf why;
	int64_t id, hr;
	(void)state;

	assert_non_null(row);
	assert_non_null(seen);
	jr_buf_init(&why, 8192);
	context(&app, &diag, &gp);
	order(&o, "Sanne M.");
	o.form = 4;
	assert_int_equal(jr_app_referral_add(&app, &o, &res, &why), JR_OK);
	id = res.ref.id;
	hr = res.ref.help_request_id;
	/* the letter is kept with the referral */
	assert_int_equal(fx_count_id("SELECT COUNT(*) FROM referrals WHERE id = %lld AND urgency ="
				     " 'soon' AND consent = 'parents' AND tried = 'Twee gesprekken"
				     " op de praktijk.' AND answer IS NULL",
				     id),
			 1);
	/* the local team reads it; the GP, and another municipality's team, do not */
	context(&app, &diag, &mine);
	assert_int_equal(jr_app_referrals_of_help_request(&app, hr, collect, seen), JR_OK);
	assert_int_equal(seen->count, 1);
	assert_int_equal(seen->rows[0].r.id, id);
	assert_string_equal(seen->rows[0].r.urgency, "soon");
	assert_string_equal(seen->rows[0].r.tried, "Twee gesprekken op de praktijk.");
	context(&app, &diag, &gp);
	assert_int_equal(jr_app_referrals_of_help_request(&app, hr, collect, seen),
			 JR_ERR_FORBIDDEN);
	context(&app, &diag, &other);
	assert_int_equal(jr_app_referrals_of_help_request(&app, hr, collect, seen),
			 JR_ERR_NOT_FOUND);
	/* who may answer: the consulent of the municipality only */
	assert_int_equal(jr_app_referral_answer(&app, id, "x", row), JR_ERR_NOT_FOUND);
	assert_string_equal(diag.message, "verwijzing niet gevonden: geen verwijzing met dit nummer");
	context(&app, &diag, &gp);
	assert_int_equal(jr_app_referral_answer(&app, id, "x", row), JR_ERR_FORBIDDEN);
	context(&app, &diag, &gi);
	assert_int_equal(jr_app_referral_answer(&app, id, "x", row), JR_ERR_FORBIDDEN);
	context(&app, &diag, &mine);
	assert_int_equal(jr_app_referral_answer(&app, 999999, "x", row), JR_ERR_NOT_FOUND);
	assert_string_equal(diag.message, "verwijzing niet gevonden: geen verwijzing met dit nummer");
	assert_int_equal(jr_app_referral_answer(&app, id, "", row), JR_ERR_INPUT);
	assert_string_equal(diag.path, "message");
	assert_int_equal(jr_app_referral_answer(&app, id, "regel\x01", row), JR_ERR_INPUT);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM referrals WHERE answer IS NOT NULL"), 0);
	assert_int_equal(jr_app_referral_answer(&app, id, "Ontvangen; wij bellen de ouders.", row),
			 JR_OK);
	assert_int_equal(row->r.id, id);
	assert_string_equal(row->answer, "Ontvangen; wij bellen de ouders.");
	assert_int_equal(row->answered_on, D(2026, 11, 20));
	assert_int_equal(fx_count_id("SELECT COUNT(*) FROM audit_log WHERE action ="
				     " 'referral.answer' AND person_id = %lld",
				     sanne_id),
			 1);
	/* the GP sees it with its own referral */
	context(&app, &diag, &gp);
	memset(row, 0, sizeof(*row));
	assert_int_equal(jr_app_referral_mine(&app, id, row), JR_OK);
	assert_string_equal(row->answer, "Ontvangen; wij bellen de ouders.");
	assert_string_equal(row->r.consent, "parents");
	jr_buf_release(&why);
	free(row);
	free(seen);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_the_twin_is_not_the_child),
	    cmocka_unit_test(test_the_letter_is_required),
	    cmocka_unit_test(test_the_local_team_answers),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
