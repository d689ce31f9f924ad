/* db_sqlite: the SQLite driver of the database interface (see db.h).
 *
 * Every connection runs in WAL mode with foreign keys on and synchronous=FULL, so that a commit
 * that returned is on disk (the record store promises durable commits). Placeholders $N of the
 * engine-neutral SQL become SQLite's ?N.
 *
 * The store prepares a statement for every call and finalizes it after; preparing is a good part
 * of a small statement's cost, so a finalized statement is reset and kept in a small per-
 * connection cache, keyed by its SQL, and the next prepare of the same SQL takes it from there
 * (SQLite re-prepares a cached statement by itself if the schema changed meanwhile). */
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/alloc.h"
#include "store/db.h"

/* Enough for every statement of one command or request; the rest are finalized as before. */
#define STMT_CACHE_SLOTS 64

struct jr_db_stmt {
	struct jr_db_base base;
	struct jr_db *db;
	sqlite3_stmt *stmt;
	const char *sql; /* as the caller gave it (the cache key); string literals in the store */
	char *own_sql;	 /* a copy when the cache must outlive the caller's string */
};

struct jr_db {
	struct jr_db_base base;
	sqlite3 *conn;
	struct jr_db_stmt *cache[STMT_CACHE_SLOTS]; /* reset, unbound statements, NULL if free */
};

static const char *sq_errmsg(const struct jr_db *db)
{
	return sqlite3_errmsg(db->conn);
}

static enum jr_err map(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_OK:
	case SQLITE_ROW:
	case SQLITE_DONE:
		return JR_OK;
	case SQLITE_NOMEM:
		return JR_ERR_NOMEM;
	case SQLITE_CONSTRAINT:
		return (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
			       ? JR_ERR_CONFLICT
			       : JR_ERR_REFUSED;
	default:
		return JR_ERR_STORE;
	}
}

static void stmt_free(struct jr_db_stmt *st)
{
	sqlite3_finalize(st->stmt);
	jr_free(st->own_sql);
	jr_free(st);
}

static void sq_close(struct jr_db *db)
{
	for (size_t i = 0; i < STMT_CACHE_SLOTS; i++)
		if (db->cache[i])
			stmt_free(db->cache[i]);
	sqlite3_close_v2(db->conn);
	jr_free(db);
}

static enum jr_err sq_exec(struct jr_db *db, const char *sql)
{
	return map(sqlite3_exec(db->conn, sql, NULL, NULL, NULL));
}

/* Before SQLite's first use: no memory statistics, which take a process-wide mutex and count on
 * every allocation SQLite makes (nothing here reads them). */
static void configure_once(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

static enum jr_err sq_open(const char *path, bool create, struct jr_db **out, char *errmsg,
			   size_t errlen)
{
	static pthread_once_t configured = PTHREAD_ONCE_INIT;
	struct jr_db *db = jr_calloc(1, sizeof(*db));
	enum jr_err err;
	int rc;

	*out = NULL;
	pthread_once(&configured, configure_once);
	if (!db)
		return JR_ERR_NOMEM;
	db->base.driver = &jr_db_sqlite_driver;
	if (!create && access(path, F_OK) != 0) {
		snprintf(errmsg, errlen, "%s bestaat niet; maak de database met jeugdroute init",
			 path);
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	rc = sqlite3_open_v2(path, &db->conn,
			     SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
				     (create ? SQLITE_OPEN_CREATE : 0),
			     NULL);
	if (rc != SQLITE_OK) {
		snprintf(errmsg, errlen, "%s: %s", path,
			 db->conn ? sqlite3_errmsg(db->conn) : sqlite3_errstr(rc));
		err = JR_ERR_STORE;
		goto out;
	}
	sqlite3_extended_result_codes(db->conn, 1);
	sqlite3_busy_timeout(db->conn, 5000);
	/* cache_size: 16 MiB of pages (the default is 2 MiB), so the indexes of a national-size
	 * database stay in memory during a bulk load. temp_store: a savepoint's journal (one per
	 * message of a batch, jr_store_part_begin) keeps each page it changes that the batch had
	 * already changed; in a file that was some seventy writes per message, in memory it is a copy,
	 * given back when the savepoint ends. */
	err = sq_exec(db, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; "
			  "PRAGMA synchronous=FULL; PRAGMA cache_size=-16384; "
			  "PRAGMA temp_store=MEMORY;");
	if (err) {
		snprintf(errmsg, errlen, "%s: %s", path, sqlite3_errmsg(db->conn));
		goto out;
	}
	*out = db;
	db = NULL;
out:
	if (db)
		sq_close(db);
	return err;
}

/* Copies `sql` with $N placeholders turned into ?N (outside string literals). */
static char *rewrite_placeholders(const char *sql)
{
	size_t len = strlen(sql);
	char *out = jr_malloc(len + 1);
	bool quoted = false;

	if (!out)
		return NULL;
	for (size_t i = 0; i <= len; i++) {
		char c = sql[i];
		if (c == '\'')
			quoted = !quoted;
		out[i] = (!quoted && c == '$' && sql[i + 1] >= '0' && sql[i + 1] <= '9') ? '?' : c;
	}
	return out;
}

static enum jr_err sq_prepare(struct jr_db *db, const char *sql, struct jr_db_stmt **out)
{
	struct jr_db_stmt *st = NULL;
	char *text = NULL;
	enum jr_err err = JR_ERR_NOMEM;

	*out = NULL;
	for (size_t i = 0; i < STMT_CACHE_SLOTS; i++) {
		struct jr_db_stmt *c = db->cache[i];
		if (c && (c->sql == sql || strcmp(c->sql, sql) == 0)) {
			db->cache[i] = NULL;
			*out = c;
			return JR_OK;
		}
	}
	st = jr_calloc(1, sizeof(*st));
	text = rewrite_placeholders(sql);
	if (!st || !text)
		goto out;
	st->base.driver = &jr_db_sqlite_driver;
	st->db = db;
	st->sql = sql;
	err = map(sqlite3_prepare_v2(db->conn, text, -1, &st->stmt, NULL));
	if (err)
		goto out;
	*out = st;
	st = NULL;
out:
	jr_free(text);
	jr_free(st);
	return err;
}

static enum jr_err sq_bind_int(struct jr_db_stmt *st, int idx, int64_t v)
{
	return map(sqlite3_bind_int64(st->stmt, idx, v));
}

static enum jr_err sq_bind_text(struct jr_db_stmt *st, int idx, const char *s)
{
	return map(sqlite3_bind_text(st->stmt, idx, s, -1, SQLITE_TRANSIENT));
}

static enum jr_err sq_bind_blob(struct jr_db_stmt *st, int idx, const void *data, size_t len)
{
	return map(sqlite3_bind_blob64(st->stmt, idx, data, len, SQLITE_TRANSIENT));
}

static enum jr_err sq_bind_null(struct jr_db_stmt *st, int idx)
{
	return map(sqlite3_bind_null(st->stmt, idx));
}

static enum jr_err sq_step(struct jr_db_stmt *st, bool *row)
{
	int rc = sqlite3_step(st->stmt);

	*row = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return JR_OK;
	return map(sqlite3_extended_errcode(st->db->conn));
}

static bool sq_col_null(struct jr_db_stmt *st, int col)
{
	return sqlite3_column_type(st->stmt, col) == SQLITE_NULL;
}

static int64_t sq_col_int(struct jr_db_stmt *st, int col)
{
	return sqlite3_column_int64(st->stmt, col);
}

static const char *sq_col_text(struct jr_db_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st->stmt, col);
	return t ? (const char *)t : "";
}

static const void *sq_col_blob(struct jr_db_stmt *st, int col, size_t *len)
{
	const void *b = sqlite3_column_blob(st->stmt, col);
	*len = (size_t)sqlite3_column_bytes(st->stmt, col);
	return b;
}

static enum jr_err sq_reset(struct jr_db_stmt *st)
{
	sqlite3_reset(st->stmt);
	return map(sqlite3_clear_bindings(st->stmt));
}

/* Keeps the statement for the next prepare of the same SQL when a slot is free. The caller's SQL
 * string may be gone by then (it need not be a literal), so the cache keeps its own copy. */
static void sq_finalize(struct jr_db_stmt *st)
{
	struct jr_db *db = st->db;

	if (sqlite3_reset(st->stmt) != SQLITE_OK || sqlite3_clear_bindings(st->stmt) != SQLITE_OK)
		goto drop;
	for (size_t i = 0; i < STMT_CACHE_SLOTS; i++) {
		if (db->cache[i])
			continue;
		if (!st->own_sql) {
			size_t len = strlen(st->sql) + 1;
			if (!(st->own_sql = jr_malloc(len)))
				goto drop;
			memcpy(st->own_sql, st->sql, len);
			st->sql = st->own_sql;
		}
		db->cache[i] = st;
		return;
	}
drop:
	stmt_free(st);
}

/* A backup step that finds a database busy or locked is tried again after BUSY_SLEEP_MS, at most
 * BUSY_TRIES times in a row (some ten seconds) before the backup gives up. */
#define BUSY_SLEEP_MS 50
#define BUSY_TRIES 200

/* The online backup (db.h, jr_db_backup). The snapshot is this connection's read transaction,
 * begun before the copy and held until it is done: in WAL mode other connections and processes
 * go on writing meanwhile, and the copy is the database as it was at the transaction's start.
 * (Without it, each step would take a read lock of its own, and a write by another process
 * between two steps would restart the copy from the first page: under a steady stream of writes
 * a large database would never be copied.) */
static enum jr_err sq_backup(struct jr_db *db, const char *dest, int pages_per_step,
			     jr_db_progress_fn progress, void *ctx, int64_t *pages, char *errmsg,
			     size_t errlen)
{
	sqlite3 *to = NULL;
	sqlite3_backup *b = NULL;
	enum jr_err err = JR_OK;
	int rc, busy = 0;

	*pages = 0;
	if (!sqlite3_get_autocommit(db->conn)) {
		snprintf(errmsg, errlen, "interne fout: een kopie binnen een transactie");
		return JR_ERR_INTERNAL;
	}
	rc = sqlite3_open_v2(dest, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
			     NULL);
	if (rc != SQLITE_OK) {
		snprintf(errmsg, errlen, "%s: %s", dest, to ? sqlite3_errmsg(to) : sqlite3_errstr(rc));
		err = JR_ERR_IO;
		goto out;
	}
	/* BEGIN is deferred: the read transaction (the snapshot) starts at the first read */
	if (sqlite3_exec(db->conn, "BEGIN; SELECT count(*) FROM sqlite_master", NULL, NULL, NULL) !=
	    SQLITE_OK) {
		snprintf(errmsg, errlen, "de database is niet te lezen: %s", sqlite3_errmsg(db->conn));
		err = JR_ERR_STORE;
		goto out;
	}
	if (!(b = sqlite3_backup_init(to, "main", db->conn, "main"))) {
		snprintf(errmsg, errlen, "de kopie kan niet beginnen: %s", sqlite3_errmsg(to));
		err = JR_ERR_STORE;
		goto out;
	}
	for (;;) {
		rc = sqlite3_backup_step(b, pages_per_step > 0 ? pages_per_step : -1);
		if (rc == SQLITE_OK || rc == SQLITE_DONE) {
			int total = sqlite3_backup_pagecount(b);
			busy = 0;
			if (progress)
				progress(ctx, total - sqlite3_backup_remaining(b), total);
			if (rc == SQLITE_DONE)
				break;
			continue;
		}
		if (((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) &&
		    busy++ < BUSY_TRIES) {
			sqlite3_sleep(BUSY_SLEEP_MS);
			continue;
		}
		snprintf(errmsg, errlen, "kopiëren mislukt: %s", sqlite3_errstr(rc));
		err = JR_ERR_STORE;
		goto out;
	}
	*pages = sqlite3_backup_pagecount(b);
	rc = sqlite3_backup_finish(b);
	b = NULL;
	if (rc != SQLITE_OK) {
		snprintf(errmsg, errlen, "kopiëren mislukt: %s", sqlite3_errmsg(to));
		err = JR_ERR_STORE;
	}
out:
	if (b)
		sqlite3_backup_finish(b);
	if (!sqlite3_get_autocommit(db->conn)) /* the snapshot's read transaction */
		sqlite3_exec(db->conn, "COMMIT", NULL, NULL, NULL);
	if (to && sqlite3_close(to) != SQLITE_OK && !err) {
		snprintf(errmsg, errlen, "%s: de kopie is niet af te sluiten", dest);
		err = JR_ERR_IO;
	}
	return err;
}

static const char *sq_filename(struct jr_db *db)
{
	const char *f = sqlite3_db_filename(db->conn, "main");
	return f ? f : "";
}

const struct jr_db_driver jr_db_sqlite_driver = {
	.engine = JR_DB_SQLITE,
	.open = sq_open,
	.close = sq_close,
	.errmsg = sq_errmsg,
	.exec = sq_exec,
	.prepare = sq_prepare,
	.bind_int = sq_bind_int,
	.bind_text = sq_bind_text,
	.bind_blob = sq_bind_blob,
	.bind_null = sq_bind_null,
	.step = sq_step,
	.col_null = sq_col_null,
	.col_int = sq_col_int,
	.col_text = sq_col_text,
	.col_blob = sq_col_blob,
	.reset = sq_reset,
	.finalize = sq_finalize,
	.backup = sq_backup,
	.filename = sq_filename,
};
