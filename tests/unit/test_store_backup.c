/* Unit tests for store/store_backup.c: a backup is the database as it was at one moment, even
 * while another connection writes between the steps of the copy (and the copy does not start
 * over for it); it holds the key files, its audit chain verifies with them, its files are the
 * owner's only; a directory that holds a backup or a database is refused and left as it was, and
 * nothing temporary stays behind. On PostgreSQL (JR_TEST_DB_URL) every backup is refused: it has
 * pg_basebackup. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "store/store.h"
#include "store_fixture.h"

#define FILLER_ROWS 600 /* of 4000 bytes: some 600 pages, three steps of the copy */

static struct jr_store *store;
static char out_dir[128];

static int setup(void **state)
{
	sqlite3 *db = NULL;
	char msg[JR_STORE_AUDIT_MSG_MAX];
	int rc;

	(void)state;
	if (fx_setup("backup"))
		return -1;
	store = fx_open(true);
	if (fx_sqlite) {
		/* a table of filler, so that the copy takes several steps */
		if (sqlite3_open(fx_db_path, &db) != SQLITE_OK)
			return -1;
		rc = sqlite3_exec(db,
				  "CREATE TABLE filler(b BLOB); WITH RECURSIVE n(i) AS (SELECT 1 "
				  "UNION ALL SELECT i + 1 FROM n WHERE i < 600) INSERT INTO filler "
				  "SELECT randomblob(4000) FROM n",
				  NULL, NULL, NULL);
		sqlite3_close(db);
		if (rc != SQLITE_OK)
			return -1;
	}
	/* an entry and a checkpoint file, as a store in use has */
	if (jr_store_audit_event(store, &fx_actor, "test.event", 0, "") ||
	    jr_store_audit_checkpoint(store, true, NULL, msg))
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	jr_store_close(store);
	return fx_teardown();
}

static const char *dir_named(const char *name)
{
	snprintf(out_dir, sizeof(out_dir), "%s/%s", fx_dir, name);
	return out_dir;
}

/* The number of entries of `dir` whose name starts with `prefix`. */
static int entries_starting(const char *dir, const char *prefix)
{
	const struct dirent *e;
	DIR *d = opendir(dir);
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)))
		n += strncmp(e->d_name, prefix, strlen(prefix)) == 0;
	closedir(d);
	return n;
}

static int mode_of(const char *dir, const char *name)
{
	char path[256];
	struct stat st;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	assert_int_equal(stat(path, &st), 0);
	return (int)(st.st_mode & 0777);
}

/* The writer that changes the source between the steps of the copy. */
struct writer {
	sqlite3 *db;
	int steps;
	int64_t total;
};

static void write_between_steps(void *ctx, int64_t done, int64_t total)
{
	struct writer *w = ctx;

	w->steps++;
	w->total = total;
	assert_true(done <= total);
	/* bounded, so that a copy that starts over for each write ends, and fails below */
	if (done < total && w->steps <= 20)
		assert_int_equal(sqlite3_exec(w->db, "INSERT INTO filler VALUES (randomblob(4000))",
					      NULL, NULL, NULL),
				 SQLITE_OK);
}

/* PostgreSQL: refused, naming --db, and nothing made. */
static void refused_on_postgres(const char *dir)
{
	struct jr_backup_info info;
	struct jr_diag diag = {{0}, {0}};
	struct stat st;

	assert_int_equal(jr_store_backup(store, dir, NULL, NULL, &info, &diag), JR_ERR_REFUSED);
	assert_string_equal(diag.path, "--db");
	assert_non_null(strstr(diag.message, "pg_basebackup"));
	assert_int_not_equal(stat(dir, &st), 0);
}

static void test_backup_is_one_snapshot_while_another_writes(void **state)
{
	struct writer w = {0};
	struct jr_backup_info info;
	struct jr_diag diag = {{0}, {0}};
	struct jr_audit_verdict v;
	struct jr_store *copy = NULL;
	char db[200], key[200], count_sql[300];
	const char *dir = dir_named("snapshot");
	struct jr_diag open_diag;
	sqlite3 *c = NULL;
	sqlite3_stmt *st = NULL;
	(void)state;

	if (!fx_sqlite) {
		refused_on_postgres(dir);
		return;
	}
	assert_int_equal(sqlite3_open(fx_db_path, &w.db), SQLITE_OK);
	sqlite3_busy_timeout(w.db, 5000);
	assert_int_equal(jr_store_backup(store, dir, write_between_steps, &w, &info, &diag), JR_OK);
	sqlite3_close(w.db);
	/* several steps, each followed by a write, and no start over: one pass */
	assert_true(w.steps >= 3 && w.steps <= 4);
	assert_int_equal(info.pages, w.total);
	assert_string_equal(info.database, "t.db");
	assert_int_equal(info.key_files, 2);
	assert_string_equal(info.key_file[0], "t.key");
	assert_string_equal(info.key_file[1], "t.audit.key");
	assert_string_equal(info.checkpoint_file, "t.checkpoints");
	/* no write-ahead log or journal beside the copy (before it is opened here) */
	assert_int_equal(entries_starting(dir, "t.db-"), 0);
	/* the source has the writes, the copy is as it was when the copy began */
	assert_int_equal(fx_count("SELECT COUNT(*) FROM filler"), FILLER_ROWS + w.steps - 1);
	snprintf(db, sizeof(db), "%s/t.db", dir);
	assert_int_equal(sqlite3_open_v2(db, &c, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	snprintf(count_sql, sizeof(count_sql), "SELECT COUNT(*), (SELECT page_count * page_size FROM "
					       "pragma_page_count, pragma_page_size) FROM filler");
	assert_int_equal(sqlite3_prepare_v2(c, count_sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int64(st, 0), FILLER_ROWS);
	assert_int_equal(sqlite3_column_int64(st, 1), info.bytes);
	sqlite3_finalize(st);
	sqlite3_close(c);
	/* the owner's only, nothing temporary left */
	assert_int_equal(mode_of(fx_dir, "snapshot"), 0700);
	assert_int_equal(mode_of(dir, "t.db"), 0600);
	assert_int_equal(mode_of(dir, "t.key"), 0600);
	assert_int_equal(mode_of(dir, "t.audit.key"), 0600);
	assert_int_equal(mode_of(dir, "t.checkpoints"), 0600);
	assert_int_equal(entries_starting(dir, ".jr-"), 0);
	/* the copy opens with the copied keys, and its chain and checkpoints hold */
	snprintf(key, sizeof(key), "%s/t.key", dir);
	assert_int_equal(jr_store_open(db, key, false, &copy, &open_diag), JR_OK);
	assert_int_equal(jr_store_audit_verify(copy, &fx_actor, &v), JR_OK);
	assert_int_equal(v.bad_seq, 0);
	assert_int_equal(v.bad_checkpoint_line, 0);
	assert_true(v.checkpoint_file);
	assert_true(v.checkpoints >= 1);
	jr_store_close(copy);
}

static void test_backup_never_writes_over_a_backup(void **state)
{
	struct jr_backup_info info;
	struct jr_diag diag = {{0}, {0}};
	const char *dir = dir_named("twice");
	struct stat before, after;
	char db[200];
	(void)state;

	if (!fx_sqlite) {
		refused_on_postgres(dir);
		return;
	}
	assert_int_equal(jr_store_backup(store, dir, NULL, NULL, &info, &diag), JR_OK);
	snprintf(db, sizeof(db), "%s/t.db", dir);
	assert_int_equal(stat(db, &before), 0);
	assert_int_equal(jr_store_backup(store, dir, NULL, NULL, &info, &diag), JR_ERR_CONFLICT);
	assert_string_equal(diag.path, "--out");
	assert_non_null(strstr(diag.message, "t.db"));
	assert_int_equal(stat(db, &after), 0);
	assert_int_equal(before.st_ino, after.st_ino);
	assert_int_equal(before.st_mtime, after.st_mtime);
	assert_int_equal(entries_starting(dir, ".jr-"), 0);
	assert_int_equal(entries_starting(dir, "t."), 4);
}

/* A directory holding a database under another name (another backup, the records themselves),
 * or only a key file of a backup, is refused too. */
static void test_backup_refuses_a_directory_with_a_database(void **state)
{
	struct jr_backup_info info;
	struct jr_diag diag = {{0}, {0}};
	const char *dir = dir_named("other");
	char path[200];
	sqlite3 *db = NULL;
	FILE *f;
	(void)state;

	if (!fx_sqlite) {
		refused_on_postgres(dir);
		return;
	}
	assert_int_equal(mkdir(dir, 0700), 0);
	snprintf(path, sizeof(path), "%s/old.db", dir);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(jr_store_backup(store, dir, NULL, NULL, &info, &diag), JR_ERR_CONFLICT);
	assert_non_null(strstr(diag.message, "old.db"));
	assert_int_equal(entries_starting(dir, ""), 3); /* ".", "..", old.db */

	dir = dir_named("keyonly");
	assert_int_equal(mkdir(dir, 0700), 0);
	snprintf(path, sizeof(path), "%s/t.audit.key", dir);
	assert_non_null(f = fopen(path, "w"));
	fclose(f);
	assert_int_equal(jr_store_backup(store, dir, NULL, NULL, &info, &diag), JR_ERR_CONFLICT);
	assert_non_null(strstr(diag.message, "t.audit.key"));
	assert_int_equal(entries_starting(dir, ""), 3);
}

/* A directory whose parent is missing is bad input, and nothing is made. */
static void test_backup_refuses_a_missing_parent(void **state)
{
	struct jr_backup_info info;
	struct jr_diag diag = {{0}, {0}};
	const char *dir = dir_named("missing/deeper");
	(void)state;

	if (!fx_sqlite) {
		refused_on_postgres(dir);
		return;
	}
	assert_int_equal(jr_store_backup(store, dir, NULL, NULL, &info, &diag), JR_ERR_INPUT);
	assert_string_equal(diag.path, "--out");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_backup_is_one_snapshot_while_another_writes),
		cmocka_unit_test(test_backup_never_writes_over_a_backup),
		cmocka_unit_test(test_backup_refuses_a_directory_with_a_database),
		cmocka_unit_test(test_backup_refuses_a_missing_parent),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
