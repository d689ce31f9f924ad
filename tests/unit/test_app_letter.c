/* Unit tests for the decision letter (issue 14 point 5): core/letter.c renders the facts with
 * every text escaped, the same facts to the same bytes; app/letter.c makes a letter with each
 * municipal allocation and each change, in the same transaction, with its hash in the audit
 * log; a letter is read again as kept, its hash checked (a tampered one is not handed out);
 * reach — the consulents of the municipality that decided, nobody else, answered as not found;
 * the table append-only (the engine refuses an UPDATE, and a DELETE while the allocation
 * exists); the PDF (view/view_letter.c) says what the HTML says. Runs on SQLite, or on
 * PostgreSQL with JR_TEST_DB_URL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "app/care.h"
#include "app/letter.h"
#include "store/db.h"
#include "store/store.h"
#include "store_fixture.h"
#include "view/view_letter.h"
#include "json/policy_set.h"

static struct jr_store *store;
static struct jr_policy_set set;
static int64_t child_id, request_id, provider_id, team_id, other_team_id, allocation_id;

#define D(y, m, d) jr_date_from_ymd((y), (m), (d))

static int64_t add_team(const char *municipality)
{
	struct jr_organisation o = {0};
	snprintf(o.kind, sizeof(o.kind), "local_team");
	snprintf(o.name, sizeof(o.name), "Lokaal team %s", municipality);
	memcpy(o.municipality, municipality, 5);
	return jr_store_organisation_add(store, &fx_actor, &o) ? 0 : o.id;
}

static int setup(void **state)
{
	struct jr_diag d;
	struct jr_person p = {0};
	struct jr_help_request h = {.raised_on = D(2026, 10, 1)};
	struct jr_broad_analysis b = {.made_on = D(2026, 10, 10)};
	struct jr_provider pr = {.status = JR_PROVIDER_ACTIVE};
	struct jr_contract c = {.forms = 0x1e /* forms 1-4 */, .start = D(2026, 1, 1)};
	char bad[256];
	(void)state;
	if (fx_setup("app_letter"))
		return -1;
	jr_policy_set_init(&set);
	if (jr_policy_set_load_dir(&set, JR_TEST_POLICY_DIR, &d, bad, sizeof(bad)) ||
	    jr_store_open(fx_db_path, fx_key_path, true, &store, &d))
		return -1;
	memcpy(p.bsn, "123456782", 10);
	/* a name with what HTML must escape */
	snprintf(p.given_names, sizeof(p.given_names), "Lotte <b>&");
	snprintf(p.family_name, sizeof(p.family_name), "O'Bos");
	memcpy(p.municipality, "0153", 5);
	p.birth_date = D(2013, 5, 5);
	if (jr_store_person_add(store, &fx_actor, &p))
		return -1;
	child_id = h.child_id = p.id;
	snprintf(h.raised_by, sizeof(h.raised_by), "gp");
	snprintf(h.question, sizeof(h.question), "Zorgen om gedrag.");
	memcpy(h.municipality, "0153", 5);
	if (jr_store_help_request_add(store, &fx_actor, &h))
		return -1;
	request_id = b.help_request_id = h.id;
	b.needs[JR_NEED_BEHAVIOUR] = 3;
	snprintf(b.explanation, sizeof(b.explanation), "x");
	snprintf(b.participants, sizeof(b.participants), "gezin");
	snprintf(pr.agb, sizeof(pr.agb), "75750011");
	snprintf(pr.name, sizeof(pr.name), "Zorg & Co");
	if (jr_store_analysis_add(store, &fx_actor, &b) ||
	    jr_store_provider_add(store, &fx_actor, &pr))
		return -1;
	provider_id = c.provider_id = pr.id;
	snprintf(c.region, sizeof(c.region), "twente");
	if (jr_store_contract_add(store, &fx_actor, &c))
		return -1;
	team_id = add_team("0153");
	other_team_id = add_team("0141");
	return team_id && other_team_id ? 0 : -1;
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
		snprintf(p.agb, sizeof(p.agb), "75750011");
	return p;
}

static void contains(const char *text, const char *part)
{
	if (!strstr(text, part))
		fail_msg("the letter lacks \"%s\"", part);
}

/* The renderer escapes every text from the records, and renders the same facts alike. */
static void test_renderer_escapes(void **state)
{
	struct jr_letter_facts f = {0};
	struct jr_buf a, b, text;
	(void)state;
	snprintf(f.number, sizeof(f.number), "0153-1/1");
	snprintf(f.municipality, sizeof(f.municipality), "Enschede");
	snprintf(f.child_name, sizeof(f.child_name), "Anna <script>alert(1)</script> & \"zo\"");
	snprintf(f.parents[0].name, sizeof(f.parents[0].name), "P. <i>de</i> Boer");
	snprintf(f.parents[0].role, sizeof(f.parents[0].role), "ouder");
	f.parent_count = 1;
	snprintf(f.form_name, sizeof(f.form_name), "Vorm <3>");
	snprintf(f.provider, sizeof(f.provider), "Zorg & Co");
	f.issued_on = f.start = f.child_birth = D(2026, 12, 4);
	jr_buf_init(&a, JR_LETTER_HTML_MAX);
	jr_buf_init(&b, JR_LETTER_HTML_MAX);
	jr_buf_init(&text, JR_LETTER_HTML_MAX);
	assert_int_equal(jr_letter_html(&f, &a), JR_OK);
	assert_int_equal(jr_letter_html(&f, &b), JR_OK);
	assert_string_equal(jr_buf_str(&a), jr_buf_str(&b));
	contains(jr_buf_str(&a), "Anna &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;zo&quot;");
	contains(jr_buf_str(&a), "P. &lt;i&gt;de&lt;/i&gt; Boer");
	contains(jr_buf_str(&a), "Vorm &lt;3&gt;");
	contains(jr_buf_str(&a), "Zorg &amp; Co");
	assert_null(strstr(jr_buf_str(&a), "<script>"));
	assert_null(strstr(jr_buf_str(&a), "<i>"));
	contains(jr_buf_str(&a), "4 december 2026");
	contains(jr_buf_str(&a), "binnen zes weken");
	/* the text read back (what the PDF shows) is the names as they are */
	assert_int_equal(jr_view_letter_text(jr_buf_str(&a), &text), JR_OK);
	contains(jr_buf_str(&text), "Anna <script>alert(1)</script> & \"zo\"");
	contains(jr_buf_str(&text), "Kind: Anna <script>");
	contains(jr_buf_str(&text), "• uw handtekening.");
	jr_buf_release(&a);
	jr_buf_release(&b);
	jr_buf_release(&text);
}

/* A municipal allocation makes letter 1, in its transaction, its hash in the audit log; a
 * change makes letter 2. */
static void test_allocation_and_change_make_letters(void **state)
{
	struct jr_principal me = principal("consulent", team_id, "0153");
	struct jr_allocation al = {.help_request_id = request_id,
	                           .provider_id = provider_id,
	                           .form = 3,
	                           .intensity = 2,
	                           .start = D(2026, 12, 1)};
	struct jr_allocation_change ch = {.reason = "04", .has_end = true, .end = D(2027, 6, 30)};
	struct jr_letter_row row;
	struct jr_buf html, pdf;
	struct jr_app app;
	struct jr_diag d;
	char hash[65], object[256];
	int honoured = 0;
	(void)state;
	snprintf(al.result_description, sizeof(al.result_description), "Lotte gaat naar school.");
	context(&app, &d, &me);
	assert_int_equal(jr_app_allocation_add(&app, &al, true), JR_OK);
	allocation_id = al.id;
	assert_int_equal(fx_count_id("SELECT COUNT(*) FROM decision_letters WHERE allocation_id = "
	                             "%lld",
	                             al.id),
	                 1);
	jr_buf_init(&html, JR_LETTER_HTML_MAX);
	jr_buf_init(&pdf, 16u << 20);
	assert_int_equal(jr_app_letter_get(&app, al.id, 1, &row, &html), JR_OK);
	assert_int_equal(row.sequence, 1);
	assert_string_equal(row.kind, "allocation");
	jr_store_sha256_hex(html.data, html.len, hash);
	assert_string_equal(hash, row.sha256);
	snprintf(object, sizeof(object),
	         "SELECT COUNT(*) FROM audit_log WHERE action = 'letter.issue' AND object = "
	         "'letter:%%lld/1 sha256:%s'",
	         hash);
	assert_int_equal(fx_count_id(object, al.id), 1);
	/* what the law asks, in the words of the policy; the names escaped */
	contains(html.data, "Lotte &lt;b&gt;&amp; O&#39;Bos");
	contains(html.data, "Specialistische en/of therapeutische ondersteuning");
	contains(html.data, "Zorg &amp; Co");
	contains(html.data, "Gemeente Enschede");
	contains(html.data, "artikel 2.3");
	contains(html.data, "bezwaar");
	contains(html.data, "voorlopige voorziening");
	contains(html.data, "1 december 2026");
	/* printed again: the same document */
	jr_buf_reset(&html);
	assert_int_equal(jr_app_letter_get(&app, al.id, 0, &row, &html), JR_OK);
	jr_store_sha256_hex(html.data, html.len, hash);
	assert_string_equal(hash, row.sha256);
	/* the PDF: a PDF, and the same bytes twice */
	assert_int_equal(jr_view_letter_pdf(html.data, row.issued_on, &pdf), JR_OK);
	assert_memory_equal(pdf.data, "%PDF-", 5);
	{
		struct jr_buf again;
		jr_buf_init(&again, 16u << 20);
		assert_int_equal(jr_view_letter_pdf(html.data, row.issued_on, &again), JR_OK);
		assert_int_equal(again.len, pdf.len);
		assert_memory_equal(again.data, pdf.data, pdf.len);
		jr_buf_release(&again);
	}
	/* a change: letter 2, of kind change, with its reason */
	assert_int_equal(jr_app_allocation_change(&app, al.id, &ch, &honoured), JR_OK);
	jr_buf_reset(&html);
	assert_int_equal(jr_app_letter_get(&app, al.id, 0, &row, &html), JR_OK);
	assert_int_equal(row.sequence, 2);
	assert_string_equal(row.kind, "change");
	contains(html.data, "Wijziging van de beschikking");
	contains(html.data, "Reden van de wijziging");
	contains(html.data, "30 juni 2027");
	jr_buf_release(&html);
	jr_buf_release(&pdf);
}

/* Only the consulents of the municipality that decided; anyone else as if there were none. */
static void test_reach(void **state)
{
	struct jr_principal other = principal("consulent", other_team_id, "0141");
	struct jr_principal provider = principal("provider", 0, "");
	struct jr_principal gi = principal("gi", other_team_id, "");
	const struct jr_principal *outsiders[] = {&other, &provider, &gi};
	struct jr_letter_row row;
	struct jr_buf html;
	struct jr_app app;
	struct jr_diag d;
	int64_t denied = fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'access.denied'");
	int64_t reads = fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'letter.read'");
	(void)state;
	assert_true(allocation_id > 0);
	jr_buf_init(&html, JR_LETTER_HTML_MAX);
	for (size_t i = 0; i < sizeof(outsiders) / sizeof(outsiders[0]); i++) {
		context(&app, &d, outsiders[i]);
		assert_int_equal(jr_app_letter_get(&app, allocation_id, 1, &row, &html),
		                 JR_ERR_NOT_FOUND);
		assert_int_equal(html.len, 0);
		assert_int_equal(jr_app_letter_reach(&app, allocation_id), JR_ERR_NOT_FOUND);
	}
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'access.denied'"),
	                 denied + 6);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'letter.read'"),
	                 reads);
	/* the command line's operator reads it, audited */
	context(&app, &d, NULL);
	assert_int_equal(jr_app_letter_get(&app, allocation_id, 1, &row, &html), JR_OK);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'letter.read'"),
	                 reads + 1);
	/* no such letter, no such allocation */
	assert_int_equal(jr_app_letter_get(&app, allocation_id, 9, &row, &html), JR_ERR_NOT_FOUND);
	assert_int_equal(jr_app_letter_get(&app, 999999, 1, &row, &html), JR_ERR_NOT_FOUND);
	jr_buf_release(&html);
}

/* The engine refuses to change a letter, or to remove one while its allocation exists. */
static void test_append_only(void **state)
{
	struct jr_db *db;
	char msg[JR_DB_ERRMSG_MAX];
	int64_t before = fx_count("SELECT COUNT(*) FROM decision_letters");
	(void)state;
	assert_true(before >= 2);
	assert_int_equal(jr_db_open(fx_db_path, false, &db, msg), JR_OK);
	assert_int_not_equal(jr_db_exec(db, "UPDATE decision_letters SET html = 'herschreven'"),
	                     JR_OK);
	assert_int_not_equal(jr_db_exec(db, "UPDATE decision_letters SET sha256 = ''"), JR_OK);
	assert_int_not_equal(jr_db_exec(db, "DELETE FROM decision_letters"), JR_OK);
	jr_db_close(db);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM decision_letters"), before);
	assert_int_equal(
	    fx_count("SELECT COUNT(*) FROM decision_letters WHERE html = 'herschreven'"), 0);
}

/* A letter whose kept document no longer matches its hash is not handed out. (The trigger is
 * dropped here to make the tampering that the engine refuses: the check behind it still holds.)
 * Last: it leaves the table without its trigger. */
static void test_hash_check(void **state)
{
	struct jr_letter_row row;
	struct jr_buf html;
	struct jr_app app;
	struct jr_diag d;
	struct jr_db *db;
	char msg[JR_DB_ERRMSG_MAX];
	(void)state;
	assert_int_equal(jr_db_open(fx_db_path, false, &db, msg), JR_OK);
	assert_int_equal(jr_db_exec(db, fx_sqlite ? "DROP TRIGGER decision_letters_no_update"
	                                          : "DROP TRIGGER decision_letters_append_only ON "
	                                            "decision_letters"),
	                 JR_OK);
	assert_int_equal(jr_db_exec(db, "UPDATE decision_letters SET html = REPLACE(html, "
	                                "'Zorg &amp; Co', 'Andere Zorg') WHERE sequence = 1"),
	                 JR_OK);
	jr_db_close(db);
	jr_buf_init(&html, JR_LETTER_HTML_MAX);
	context(&app, &d, NULL);
	assert_int_equal(jr_app_letter_get(&app, allocation_id, 1, &row, &html), JR_ERR_STORE);
	assert_int_equal(html.len, 0);
	if (!strstr(d.message, "SHA-256"))
		fail_msg("message \"%s\" lacks the hash", d.message);
	/* letter 2 is untouched */
	assert_int_equal(jr_app_letter_get(&app, allocation_id, 2, &row, &html), JR_OK);
	jr_buf_release(&html);
}

/* Erasure at the end of the retention period takes the letters with the child's other records
 * (store_retention.c): the one DELETE the table allows, once the allocation is gone. */
static void test_erasure_takes_the_letters(void **state)
{
	struct jr_db *db;
	char msg[JR_DB_ERRMSG_MAX];
	(void)state;
	assert_true(fx_count_id("SELECT COUNT(*) FROM decision_letters WHERE child_id = %lld",
	                        child_id) >= 2);
	assert_int_equal(jr_db_open(fx_db_path, false, &db, msg), JR_OK);
	assert_int_equal(jr_db_exec(db, "UPDATE help_requests SET state = 'closed'"), JR_OK);
	jr_db_close(db);
	assert_int_equal(jr_store_erase_child(store, &fx_actor, child_id), JR_OK);
	assert_int_equal(
	    fx_count_id("SELECT COUNT(*) FROM decision_letters WHERE child_id = %lld", child_id),
	    0);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM decision_letters"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_renderer_escapes),
	    cmocka_unit_test(test_allocation_and_change_make_letters),
	    cmocka_unit_test(test_reach),
	    cmocka_unit_test(test_append_only),
	    cmocka_unit_test(test_hash_check),
	    cmocka_unit_test(test_erasure_takes_the_letters),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
