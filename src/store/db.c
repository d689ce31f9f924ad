/* db: dispatch from the engine-neutral database functions to the connection's driver. */
#include "store/db.h"

#include <stdio.h>
#include <string.h>

#define DRIVER(x) (((const struct jr_db_base *)(const void *)(x))->driver)

bool jr_db_url_is_postgres(const char *url)
{
	/* the key=value form begins with one of libpq's connection keywords */
	static const char *const keywords[] = {"host",     "hostaddr", "port",	  "dbname",
					       "user",     "password", "service", "sslmode",
					       "options", "connect_timeout", "target_session_attrs"};
	size_t word = strspn(url, "abcdefghijklmnopqrstuvwxyz_");

	if (strncmp(url, "postgres://", 11) == 0 || strncmp(url, "postgresql://", 13) == 0)
		return true;
	if (url[word] != '=')
		return false;
	for (size_t i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++)
		if (strlen(keywords[i]) == word && strncmp(url, keywords[i], word) == 0)
			return true;
	return false;
}

enum jr_err jr_db_open(const char *url, bool create, struct jr_db **out,
		       char errmsg[JR_DB_ERRMSG_MAX])
{
	errmsg[0] = '\0';
	if (jr_db_url_is_postgres(url))
		return jr_db_postgres_driver.open(url, create, out, errmsg, JR_DB_ERRMSG_MAX);
	return jr_db_sqlite_driver.open(url, create, out, errmsg, JR_DB_ERRMSG_MAX);
}

void jr_db_close(struct jr_db *db)
{
	if (db)
		DRIVER(db)->close(db);
}

enum jr_db_engine jr_db_engine(const struct jr_db *db)
{
	return DRIVER(db)->engine;
}

const char *jr_db_errmsg(const struct jr_db *db)
{
	return DRIVER(db)->errmsg(db);
}

enum jr_err jr_db_exec(struct jr_db *db, const char *sql)
{
	return DRIVER(db)->exec(db, sql);
}

enum jr_err jr_db_begin(struct jr_db *db)
{
	/* SQLite: take the write lock up front, so two writers never deadlock upgrading. */
	return DRIVER(db)->exec(db, DRIVER(db)->engine == JR_DB_SQLITE ? "BEGIN IMMEDIATE" : "BEGIN");
}

enum jr_err jr_db_commit(struct jr_db *db)
{
	return DRIVER(db)->exec(db, "COMMIT");
}

enum jr_err jr_db_rollback(struct jr_db *db)
{
	return DRIVER(db)->exec(db, "ROLLBACK");
}

enum jr_err jr_db_prepare(struct jr_db *db, const char *sql, struct jr_db_stmt **out)
{
	return DRIVER(db)->prepare(db, sql, out);
}

enum jr_err jr_db_bind_int(struct jr_db_stmt *st, int idx, int64_t v)
{
	return DRIVER(st)->bind_int(st, idx, v);
}

enum jr_err jr_db_bind_text(struct jr_db_stmt *st, int idx, const char *s)
{
	return s ? DRIVER(st)->bind_text(st, idx, s) : DRIVER(st)->bind_null(st, idx);
}

enum jr_err jr_db_bind_blob(struct jr_db_stmt *st, int idx, const void *data, size_t len)
{
	return DRIVER(st)->bind_blob(st, idx, data, len);
}

enum jr_err jr_db_bind_null(struct jr_db_stmt *st, int idx)
{
	return DRIVER(st)->bind_null(st, idx);
}

enum jr_err jr_db_step(struct jr_db_stmt *st, bool *row)
{
	return DRIVER(st)->step(st, row);
}

bool jr_db_col_null(struct jr_db_stmt *st, int col)
{
	return DRIVER(st)->col_null(st, col);
}

int64_t jr_db_col_int(struct jr_db_stmt *st, int col)
{
	return DRIVER(st)->col_int(st, col);
}

const char *jr_db_col_text(struct jr_db_stmt *st, int col)
{
	return DRIVER(st)->col_text(st, col);
}

const void *jr_db_col_blob(struct jr_db_stmt *st, int col, size_t *len)
{
	return DRIVER(st)->col_blob(st, col, len);
}

enum jr_err jr_db_reset(struct jr_db_stmt *st)
{
	return DRIVER(st)->reset(st);
}

void jr_db_finalize(struct jr_db_stmt *st)
{
	if (st)
		DRIVER(st)->finalize(st);
}

enum jr_err jr_db_defer_writes(struct jr_db *db, bool on)
{
	return DRIVER(db)->defer_writes ? DRIVER(db)->defer_writes(db, on) : JR_OK;
}

enum jr_err jr_db_flush(struct jr_db *db)
{
	return DRIVER(db)->flush ? DRIVER(db)->flush(db) : JR_OK;
}

enum jr_err jr_db_backup(struct jr_db *db, const char *dest, int pages_per_step,
			 jr_db_progress_fn progress, void *ctx, int64_t *pages,
			 char errmsg[JR_DB_ERRMSG_MAX])
{
	errmsg[0] = '\0';
	*pages = 0;
	if (!DRIVER(db)->backup) {
		snprintf(errmsg, JR_DB_ERRMSG_MAX,
			 "gebruik pg_basebackup voor PostgreSQL; zie docs/deploy.md");
		return JR_ERR_REFUSED;
	}
	return DRIVER(db)->backup(db, dest, pages_per_step, progress, ctx, pages, errmsg,
				  JR_DB_ERRMSG_MAX);
}

const char *jr_db_filename(struct jr_db *db)
{
	return DRIVER(db)->filename ? DRIVER(db)->filename(db) : "";
}
