/* The context the app unit tests (test_app_*.c) run use cases in: the store fixture's records,
 * the policies of policy/, the operator as actor, a fixed day. Header-only, static: each test
 * program has one context. */
#ifndef JR_TESTS_UNIT_APP_TEST_CONTEXT_H
#define JR_TESTS_UNIT_APP_TEST_CONTEXT_H

#include <string.h>

#include "app/app.h"
#include "json/policy_set.h"
#include "store_fixture.h"

static struct jr_policy_set ctx_set;
static struct jr_store *ctx_store;
static struct jr_diag diag;
static struct jr_app app;

/* The group set-up: the fixture `name`, the policies, the store (initialised), the context on
 * day `today`. 0, or -1. */
static inline int ctx_setup(const char *name, jr_day today)
{
	struct jr_diag d;
	char bad[512];

	if (fx_setup(name))
		return -1;
	jr_policy_set_init(&ctx_set);
	if (jr_policy_set_load_dir(&ctx_set, JR_TEST_POLICY_DIR, &d, bad, sizeof(bad)))
		return -1;
	ctx_store = fx_open(true);
	memset(&app, 0, sizeof(app));
	app.store = ctx_store;
	app.actor = &fx_actor;
	app.policies = &ctx_set;
	app.today = today;
	app.diag = &diag;
	return 0;
}

static inline int ctx_teardown(void)
{
	jr_store_close(ctx_store);
	jr_policy_set_release(&ctx_set);
	return fx_teardown();
}

static inline jr_day ctx_day(const char *s)
{
	jr_day d = 0;
	jr_date_parse(s, strlen(s), &d);
	return d;
}

#endif
