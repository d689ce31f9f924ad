/* The shared fixture of the store unit tests (test_store*.c): a private temporary directory for
 * the key file (and the SQLite database), the database each test program runs against, the actor
 * the audit log records, and the few helpers every one of those tests needs to open the store and
 * check what landed in the tables. Kept once here so the store tests cannot drift apart in how
 * they choose their database or clean up after themselves.
 *
 * The database is a fresh SQLite file in the temporary directory, or, with
 * JR_TEST_DB_URL=postgres://… (tools/pg-test.sh), that PostgreSQL database; the same tests run on
 * both. Not thread-safe: one test program, one fixture. */
#ifndef JR_TESTS_UNIT_STORE_FIXTURE_H
#define JR_TESTS_UNIT_STORE_FIXTURE_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

extern char fx_dir[64];       /* the temporary directory, removed by fx_teardown() */
extern char fx_db_path[128];  /* a SQLite file in fx_dir, or JR_TEST_DB_URL */
extern char fx_key_path[128]; /* the BSN key file, always in fx_dir */
extern bool fx_sqlite; /* the database is a local file: file-level checks apply only then */
extern const struct jr_actor fx_actor; /* who the tests act as, as the audit log records it */

/* Makes the temporary directory /tmp/jr-<name>-XXXXXX, chooses the database (JR_TEST_DB_URL when
 * set and not empty, else <dir>/t.db) and the key file, and sets umask 077 so the key file is
 * created private. Returns 0, or -1 when the directory cannot be made or a path does not fit.
 * For a cmocka group set-up: call it first, before anything that opens the store. */
int fx_setup(const char *name);

/* Removes the temporary directory and everything in it. Returns 0, or -1 when that failed.
 * The caller closes its own store first. A PostgreSQL database is left to tools/pg-test.sh. */
int fx_teardown(void);

/* Opens the store on the fixture's database and key file, creating the schema and key with
 * `init`. Fails the running test with the store's own message when that does not work, so a
 * test only sees a store that opened. The caller closes it with jr_store_close(). */
struct jr_store *fx_open(bool init);

/* The first column of the first row of `sql`, read through its own database connection (not a
 * store's), so a test sees what was committed. Fails the running test when the query does not
 * run or returns no row. */
int64_t fx_count(const char *sql);

/* fx_count() of `fmt` with its one %lld replaced by `id`; the query must fit in 400 bytes. */
int64_t fx_count_id(const char *fmt, int64_t id);

#endif
