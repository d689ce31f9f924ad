/* db: the one low-level database interface under the record store.
 *
 * SQL is written once, with $1, $2, … placeholders, and runs on SQLite (the embedded default) or
 * PostgreSQL; each engine is a driver behind `struct jr_db_driver`. Only src/store/ uses
 * this header: the rest of the program sees records (store.h), never SQL.
 *
 * A statement is prepared, bound (parameters count from 1), stepped row by row, and finalized.
 * Column numbers count from 0. Text and blobs returned by a column stay valid until the next step,
 * reset or finalize of that statement. */
#ifndef JR_STORE_DB_H
#define JR_STORE_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

enum jr_db_engine { JR_DB_SQLITE, JR_DB_POSTGRES };

struct jr_db;
struct jr_db_stmt;

#define JR_DB_ERRMSG_MAX 256

/* Whether `url` names a PostgreSQL database: a postgres:// or postgresql:// URL (one host or
 * several, "postgres://a:5432,b:5432/jr?target_session_attrs=read-write"), or libpq's
 * key=value form ("host=a,b dbname=jr target_session_attrs=read-write"). Anything else is the
 * path of a SQLite file. */
bool jr_db_url_is_postgres(const char *url);

/* Opens a database: a file path (SQLite) or a PostgreSQL URL (above). With `create`, a missing SQLite
 * file is created; without, it is JR_ERR_NOT_FOUND. On failure `errmsg` says why. */
enum jr_err jr_db_open(const char *url, bool create, struct jr_db **out,
		       char errmsg[JR_DB_ERRMSG_MAX]);
void jr_db_close(struct jr_db *db);
enum jr_db_engine jr_db_engine(const struct jr_db *db);

/* The last error of this connection, for diagnostics (never contains bound values). */
const char *jr_db_errmsg(const struct jr_db *db);

/* Runs SQL without parameters or results (schema changes); may hold several statements. */
enum jr_err jr_db_exec(struct jr_db *db, const char *sql);

enum jr_err jr_db_begin(struct jr_db *db);
enum jr_err jr_db_commit(struct jr_db *db);
enum jr_err jr_db_rollback(struct jr_db *db);

enum jr_err jr_db_prepare(struct jr_db *db, const char *sql, struct jr_db_stmt **out);
enum jr_err jr_db_bind_int(struct jr_db_stmt *st, int idx, int64_t v);
enum jr_err jr_db_bind_text(struct jr_db_stmt *st, int idx, const char *s); /* NULL binds NULL */
enum jr_err jr_db_bind_blob(struct jr_db_stmt *st, int idx, const void *data, size_t len);
enum jr_err jr_db_bind_null(struct jr_db_stmt *st, int idx);
/* Runs one step: *row is true when a row is ready. A unique-constraint violation is
 * JR_ERR_CONFLICT, other failures JR_ERR_STORE. */
enum jr_err jr_db_step(struct jr_db_stmt *st, bool *row);
bool jr_db_col_null(struct jr_db_stmt *st, int col);
int64_t jr_db_col_int(struct jr_db_stmt *st, int col);
const char *jr_db_col_text(struct jr_db_stmt *st, int col); /* "" for NULL */
const void *jr_db_col_blob(struct jr_db_stmt *st, int col, size_t *len);
/* Clears bindings and results so the statement can run again. */
enum jr_err jr_db_reset(struct jr_db_stmt *st);
void jr_db_finalize(struct jr_db_stmt *st);

/* Bulk work: from now on (until called with false), a write that returns no rows (INSERT,
 * UPDATE or DELETE without RETURNING) inside a transaction may be sent without waiting for its
 * result; its error, if any, is then reported by the next statement that waits for one (a
 * query, a commit, jr_db_exec) or by jr_db_flush. Only for work where any error ends the
 * transaction. PostgreSQL pipelines them (a round trip saved per write); on SQLite, where a
 * statement is a function call, nothing changes. Turning it off flushes. */
enum jr_err jr_db_defer_writes(struct jr_db *db, bool on);
/* Waits for the deferred writes: the error of the first that failed, or JR_OK. */
enum jr_err jr_db_flush(struct jr_db *db);

/* Called after each step of a backup with the pages copied so far and the pages in all. */
typedef void (*jr_db_progress_fn)(void *ctx, int64_t done, int64_t total);

/* Copies the whole database, as one consistent snapshot, into the SQLite file `dest` (missing or
 * empty; the caller owns it and places it), with SQLite's online backup API: a read transaction
 * on this connection holds the snapshot while other connections and processes go on writing;
 * `pages_per_step` pages are copied per step, `progress` (may be NULL) is called after each, and
 * a step that finds a database busy or locked is retried after a short sleep. *pages is the
 * size of the copy in pages. Outside a transaction. JR_ERR_REFUSED on PostgreSQL (which has
 * pg_basebackup); JR_ERR_STORE with errmsg when the copy failed. */
enum jr_err jr_db_backup(struct jr_db *db, const char *dest, int pages_per_step,
			 jr_db_progress_fn progress, void *ctx, int64_t *pages,
			 char errmsg[JR_DB_ERRMSG_MAX]);
/* The file of a SQLite database (absolute, as SQLite names it); "" on PostgreSQL. */
const char *jr_db_filename(struct jr_db *db);

/* A driver: one engine's implementation of the functions above. */
struct jr_db_driver {
	enum jr_db_engine engine;
	enum jr_err (*open)(const char *url, bool create, struct jr_db **out, char *errmsg,
			    size_t errlen);
	void (*close)(struct jr_db *db);
	const char *(*errmsg)(const struct jr_db *db);
	enum jr_err (*exec)(struct jr_db *db, const char *sql);
	enum jr_err (*prepare)(struct jr_db *db, const char *sql, struct jr_db_stmt **out);
	enum jr_err (*bind_int)(struct jr_db_stmt *st, int idx, int64_t v);
	enum jr_err (*bind_text)(struct jr_db_stmt *st, int idx, const char *s);
	enum jr_err (*bind_blob)(struct jr_db_stmt *st, int idx, const void *data, size_t len);
	enum jr_err (*bind_null)(struct jr_db_stmt *st, int idx);
	enum jr_err (*step)(struct jr_db_stmt *st, bool *row);
	bool (*col_null)(struct jr_db_stmt *st, int col);
	int64_t (*col_int)(struct jr_db_stmt *st, int col);
	const char *(*col_text)(struct jr_db_stmt *st, int col);
	const void *(*col_blob)(struct jr_db_stmt *st, int col, size_t *len);
	enum jr_err (*reset)(struct jr_db_stmt *st);
	void (*finalize)(struct jr_db_stmt *st);
	/* NULL when the engine has none (PostgreSQL) */
	enum jr_err (*backup)(struct jr_db *db, const char *dest, int pages_per_step,
			      jr_db_progress_fn progress, void *ctx, int64_t *pages, char *errmsg,
			      size_t errlen);
	const char *(*filename)(struct jr_db *db);
	/* NULL when every statement waits for its result anyway (SQLite) */
	enum jr_err (*defer_writes)(struct jr_db *db, bool on);
	enum jr_err (*flush)(struct jr_db *db);
};

/* Every connection and statement starts with its driver, so the functions above can dispatch. */
struct jr_db_base {
	const struct jr_db_driver *driver;
};

extern const struct jr_db_driver jr_db_sqlite_driver;
extern const struct jr_db_driver jr_db_postgres_driver;

#endif
