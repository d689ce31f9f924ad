/* Unit tests for the iJw use cases of src/app/ijw/ on the records: a message from a sender that
 * is no provider changes nothing; a start for an allocation nobody has is rejected (TR019) with
 * its return message, and nothing but the audit note is kept; a kind jeugdroute does not take in
 * is refused with an explanation; a batch undone keeps nothing; the JW319 answer explains each
 * refusal in app->diag, naming the field; an export with nothing to send writes nothing. The
 * same tests run on SQLite and, with JR_TEST_DB_URL=postgres://… (tools/pg-test.sh), on
 * PostgreSQL; counts are relative to what was there. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "app/app.h"
#include "app/ijw.h"
#include "core/alloc.h"
#include "json/policy_set.h"
#include "store/store.h"
#include "store_fixture.h"

static struct jr_store *store;
static struct jr_policy_set policies;
static struct jr_ijw_parser *parser;

static int setup(void **state)
{
	struct jr_diag diag;
	char bad[512];

	(void)state;
	jr_policy_set_init(&policies);
	if (fx_setup("app-ijw") ||
	    jr_policy_set_load_dir(&policies, JR_TEST_POLICY_DIR, &diag, bad, sizeof(bad)) ||
	    jr_app_ijw_parser_new(&parser))
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	jr_app_ijw_parser_free(parser);
	jr_policy_set_release(&policies);
	return fx_teardown();
}

static jr_day day(const char *s)
{
	jr_day d = 0;
	assert_int_equal(jr_date_parse(s, strlen(s), &d), JR_OK);
	return d;
}

/* The context of a use case at the command line, on the fixture's store. */
static void app_of(struct jr_app *app, struct jr_diag *diag)
{
	memset(diag, 0, sizeof(*diag));
	memset(app, 0, sizeof(*app));
	app->store = store;
	app->actor = &fx_actor;
	app->policies = &policies;
	app->today = day("2026-11-03");
	app->diag = diag;
}

/* The contents of the file at `path` (NUL-terminated; free it). */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	long n;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n > 0);
	rewind(f);
	data = jr_calloc((size_t)n + 1, 1);
	assert_non_null(data);
	assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
	return data;
}

static bool has_finding(const struct jr_ijw_outcome *o, const char *rule)
{
	for (size_t i = 0; i < o->findings.count; i++)
		if (strcmp(o->findings.items[i].rule, rule) == 0)
			return true;
	return false;
}

/* Takes in the message in `path` with `app`; the use case's error. */
static enum jr_err take_in(struct jr_app *app, const char *path, struct jr_ijw_outcome *o)
{
	size_t len;
	char *xml = slurp(path, &len);
	enum jr_err err;

	jr_app_ijw_outcome_init(o);
	err = jr_app_ijw_import(app, parser, xml, len, NULL, o);
	jr_free(xml);
	return err;
}

static void open_store(void **state)
{
	(void)state;
	store = fx_open(true);
}

static void unknown_sender_changes_nothing(void **state)
{
	struct jr_app app;
	struct jr_diag diag;
	struct jr_ijw_outcome o;
	int64_t messages = fx_count("SELECT COUNT(*) FROM ijw_messages");

	(void)state;
	app_of(&app, &diag);
	assert_int_equal(take_in(&app, JR_TEST_IJW_START, &o), JR_OK);
	assert_true(o.valid);
	assert_false(o.accepted);
	assert_string_equal(o.problem.rule, "AFZENDER");
	assert_int_equal(o.answer_kind, JR_IJW_UNKNOWN);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM ijw_messages"), messages);
	jr_app_ijw_outcome_release(&o);
}

static void start_without_allocation_is_rejected(void **state)
{
	struct jr_provider p = {0};
	struct jr_app app;
	struct jr_diag diag;
	struct jr_ijw_outcome o;
	int64_t messages = fx_count("SELECT COUNT(*) FROM ijw_messages");
	int64_t notes = fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'ijw.message'");

	(void)state;
	snprintf(p.agb, sizeof(p.agb), "87654321");
	snprintf(p.name, sizeof(p.name), "Aanbieder van de test");
	assert_int_equal(jr_store_provider_add(store, &fx_actor, &p), JR_OK);
	app_of(&app, &diag);
	assert_int_equal(take_in(&app, JR_TEST_IJW_START, &o), JR_OK);
	assert_true(o.valid);
	assert_false(o.accepted);
	assert_true(has_finding(&o, "TR019"));
	assert_int_equal(o.answer_kind, JR_IJW_JW306);
	assert_true(o.answer.len > 0);
	assert_string_equal(jr_app_ijw_kind_name(o.answer_kind), "JW306");
	/* rejected: nothing kept but the note that it came */
	assert_int_equal(fx_count("SELECT COUNT(*) FROM ijw_messages"), messages);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'ijw.message'"),
			 notes + 1);
	jr_app_ijw_outcome_release(&o);
}

static void a_kind_not_taken_in_is_explained(void **state)
{
	struct jr_app app;
	struct jr_diag diag;
	struct jr_ijw_outcome o;

	(void)state;
	app_of(&app, &diag);
	assert_int_equal(take_in(&app, JR_TEST_IJW_JW301, &o), JR_ERR_INPUT);
	assert_int_equal(o.kind, JR_IJW_JW301);
	assert_non_null(strstr(diag.message, "neemt JW301 niet in"));
	jr_app_ijw_outcome_release(&o);
}

static void a_batch_undone_keeps_nothing(void **state)
{
	struct jr_app app;
	struct jr_diag diag;
	struct jr_ijw_outcome o;
	int64_t notes = fx_count("SELECT COUNT(*) FROM audit_log");

	(void)state;
	app_of(&app, &diag);
	assert_int_equal(jr_app_ijw_batch_begin(&app), JR_OK);
	assert_int_equal(take_in(&app, JR_TEST_IJW_START, &o), JR_OK);
	assert_false(o.accepted);
	jr_app_ijw_outcome_release(&o);
	assert_int_equal(jr_app_ijw_batch_end(&app, false), JR_OK);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log"), notes);
}

static int files_written;

static enum jr_err count_file(void *ctx, const char *name, const char *xml, size_t len)
{
	(void)ctx;
	(void)name;
	(void)xml;
	(void)len;
	files_written++;
	return JR_OK;
}

/* jr_app_ijw_answer's error and the field its explanation names. */
static enum jr_err answer(const char *agb, bool investigating, const char *reason,
			  const char *residence, struct jr_diag *diag)
{
	struct jr_app app;

	app_of(&app, diag);
	return jr_app_ijw_answer(&app, agb, "VOT-1", investigating, reason, residence, count_file,
				 NULL);
}

static void answer_refusals_name_their_field(void **state)
{
	struct jr_diag diag;

	(void)state;
	files_written = 0;
	assert_int_equal(answer("87654321", false, "99", "", &diag), JR_ERR_INPUT);
	assert_string_equal(diag.path, "refuse");
	assert_non_null(strstr(diag.message, "CD085"));
	assert_int_equal(answer("87654321", true, "3", "", &diag), JR_ERR_INPUT);
	assert_non_null(strstr(diag.message, "CD086"));
	assert_int_equal(answer("87654321", false, "8", "", &diag), JR_ERR_INPUT);
	assert_string_equal(diag.path, "residence");
	assert_non_null(strstr(diag.message, "TR377"));
	assert_int_equal(answer("87654321", false, "3", "0153", &diag), JR_ERR_INPUT);
	assert_string_equal(diag.path, "residence");
	assert_non_null(strstr(diag.message, "TR409"));
	assert_int_equal(answer("11112222", false, "3", "", &diag), JR_ERR_NOT_FOUND);
	assert_string_equal(diag.path, "provider");
	assert_non_null(strstr(diag.message, "11112222"));
	assert_int_equal(answer("87654321", false, "3", "", &diag), JR_ERR_NOT_FOUND);
	assert_string_equal(diag.path, "reference");
	assert_non_null(strstr(diag.message, "TR355"));
	assert_int_equal(files_written, 0);
}

static void export_of_nothing_writes_nothing(void **state)
{
	struct jr_app app;
	struct jr_diag diag;
	struct jr_buf why;
	size_t written = 9, skipped = 9;

	(void)state;
	app_of(&app, &diag);
	files_written = 0;
	jr_buf_init(&why, 4096);
	assert_int_equal(jr_app_ijw_export(&app, day("2026-11-03"), NULL, count_file, NULL, &written,
					   &skipped, &why),
			 JR_OK);
	assert_int_equal(written, 0);
	assert_int_equal(skipped, 0);
	assert_int_equal(files_written, 0);
	jr_buf_release(&why);
}

static void close_store(void **state)
{
	(void)state;
	jr_store_close(store);
	store = NULL;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(open_store),
		cmocka_unit_test(unknown_sender_changes_nothing),
		cmocka_unit_test(start_without_allocation_is_rejected),
		cmocka_unit_test(a_kind_not_taken_in_is_explained),
		cmocka_unit_test(a_batch_undone_keeps_nothing),
		cmocka_unit_test(answer_refusals_name_their_field),
		cmocka_unit_test(export_of_nothing_writes_nothing),
		cmocka_unit_test(close_store),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
