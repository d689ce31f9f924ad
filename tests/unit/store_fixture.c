/* The shared fixture of the store unit tests: one temporary directory, database and key file per
 * test program, and the helpers to open the store and count rows (see store_fixture.h). Built
 * into each unit_store* program by meson.build. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "store/db.h"
#include "store_fixture.h"

char fx_dir[64], fx_db_path[128], fx_key_path[128];
bool fx_sqlite;
const struct jr_actor fx_actor = {.who = "test", .origin = "unit", .reason = "test"};

/* Whether snprintf's result `n` fitted in `size` bytes: a cut-off path would point elsewhere. */
static bool fits(int n, size_t size)
{
	return n >= 0 && (size_t)n < size;
}

int fx_setup(const char *name)
{
	const char *url = getenv("JR_TEST_DB_URL");
	bool use_url = url && url[0]; /* else a SQLite file in the dir */
	/* every check before mkdtemp: a failed group set-up gets no teardown to remove the dir */
	if (use_url &&
	    !fits(snprintf(fx_db_path, sizeof(fx_db_path), "%s", url), sizeof(fx_db_path)))
		return -1;
	if (!fits(snprintf(fx_dir, sizeof(fx_dir), "/tmp/jr-%s-XXXXXX", name), sizeof(fx_dir)) ||
	    !mkdtemp(fx_dir))
		return -1;
	if (!use_url)
		snprintf(fx_db_path, sizeof(fx_db_path), "%s/t.db", fx_dir);
	fx_sqlite = strstr(fx_db_path, "://") == NULL;
	snprintf(fx_key_path, sizeof(fx_key_path), "%s/t.key", fx_dir);
	umask(077);
	return 0;
}

int fx_teardown(void)
{
	char cmd[sizeof(fx_dir) + 16];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", fx_dir);
	return system(cmd) == 0 ? 0 : -1;
}

struct jr_store *fx_open(bool init)
{
	struct jr_store *s = NULL;
	struct jr_diag d;
	enum jr_err err = jr_store_open(fx_db_path, fx_key_path, init, &s, &d);
	if (err)
		fail_msg("open: %s", d.message);
	return s;
}

int64_t fx_count(const char *sql)
{
	struct jr_db *db;
	struct jr_db_stmt *st;
	char msg[JR_DB_ERRMSG_MAX];
	bool row;
	int64_t n;
	assert_int_equal(jr_db_open(fx_db_path, false, &db, msg), JR_OK);
	assert_int_equal(jr_db_prepare(db, sql, &st), JR_OK);
	assert_int_equal(jr_db_step(st, &row), JR_OK);
	assert_true(row);
	n = jr_db_col_int(st, 0);
	jr_db_finalize(st);
	jr_db_close(db);
	return n;
}

int64_t fx_count_id(const char *fmt, int64_t id)
{
	char sql[400];
	snprintf(sql, sizeof(sql), fmt, (long long)id);
	return fx_count(sql);
}
