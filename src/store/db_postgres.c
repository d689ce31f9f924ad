/* db_postgres: the PostgreSQL driver of the database interface (see db.h), on libpq.
 *
 * Statements keep their SQL and run when first stepped (the $N placeholders are PostgreSQL's
 * own); results come back as text, bytea decoded from its hex form. Integers are sent as decimal
 * text and blobs in binary, so no value is ever spliced into SQL.
 *
 * The store runs the same few dozen statements over and over, so the connection prepares each
 * SQL text once on the server (PQprepare, named jr1, jr2, …) and from then on only binds and
 * executes it (PQexecPrepared): the server no longer parses and plans every call. Named
 * statements live as long as the connection and are not undone by a rollback. */
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "store/db.h"

/* Parameters of one statement: the audit log writes up to 64 entries of 11 to one insert. The
 * arrays grow to what a statement binds, so that the common statement of a few parameters does
 * not carry room for a thousand. */
#define PARAMS_MAX 1024
/* Named statements per connection; SQL beyond this runs unnamed, as before. */
#define PREPARED_MAX 256

struct jr_db {
	struct jr_db_base base;
	PGconn *conn;
	char errmsg[JR_DB_ERRMSG_MAX];
	char *prepared[PREPARED_MAX]; /* SQL of the named statement jr<i+1>; NULL if free */
	size_t prepared_count;
};

struct jr_db_stmt {
	struct jr_db_base base;
	struct jr_db *db;
	char *sql;
	int nparams;
	int cap;      /* of the three arrays below, each indexed by idx (0 unused) */
	char **values; /* owned copies; NULL = SQL NULL */
	int *lengths;
	int *formats;
	PGresult *res;
	int row; /* the current row, -1 before the first step */
	unsigned char *blob; /* the last decoded bytea, freed on the next one */
};

static const char *pg_errmsg(const struct jr_db *db)
{
	return db->errmsg[0] ? db->errmsg : PQerrorMessage(db->conn);
}

/* Keeps the first line of libpq's message (it never contains bound values). */
static void remember(struct jr_db *db, const char *msg)
{
	size_t n = strcspn(msg, "\n");
	snprintf(db->errmsg, sizeof(db->errmsg), "%.*s", (int)n, msg);
}

static enum jr_err map_result(struct jr_db *db, PGresult *res)
{
	const char *state;
	ExecStatusType status = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;

	if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
		return JR_OK;
	remember(db, res ? PQresultErrorMessage(res) : PQerrorMessage(db->conn));
	state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	if (state && strcmp(state, "23505") == 0)
		return JR_ERR_CONFLICT; /* unique_violation */
	if (state && strncmp(state, "23", 2) == 0)
		return JR_ERR_REFUSED; /* other integrity constraints */
	return JR_ERR_STORE;
}

static void pg_close(struct jr_db *db)
{
	PQfinish(db->conn);
	for (size_t i = 0; i < db->prepared_count; i++)
		jr_free(db->prepared[i]);
	jr_free(db);
}

static enum jr_err pg_open(const char *url, bool create, struct jr_db **out, char *errmsg,
			   size_t errlen)
{
	struct jr_db *db = jr_calloc(1, sizeof(*db));
	PGresult *res;
	enum jr_err err;

	(void)create; /* a PostgreSQL database is created by its administrator */
	*out = NULL;
	if (!db)
		return JR_ERR_NOMEM;
	db->base.driver = &jr_db_postgres_driver;
	db->conn = PQconnectdb(url);
	if (PQstatus(db->conn) != CONNECTION_OK) {
		size_t n = strcspn(PQerrorMessage(db->conn), "\n");
		snprintf(errmsg, errlen, "PostgreSQL: %.*s", (int)n, PQerrorMessage(db->conn));
		pg_close(db);
		return JR_ERR_STORE;
	}
	/* Quiet notices (e.g. "table exists, skipping") and a fixed, unambiguous date style. */
	res = PQexec(db->conn, "SET client_min_messages = warning; SET DateStyle = ISO");
	err = map_result(db, res);
	PQclear(res);
	if (err) {
		snprintf(errmsg, errlen, "PostgreSQL: %s", db->errmsg);
		pg_close(db);
		return err;
	}
	*out = db;
	return JR_OK;
}

static enum jr_err pg_exec(struct jr_db *db, const char *sql)
{
	PGresult *res = PQexec(db->conn, sql);
	enum jr_err err = map_result(db, res);
	PQclear(res);
	return err;
}

static enum jr_err pg_prepare(struct jr_db *db, const char *sql, struct jr_db_stmt **out)
{
	struct jr_db_stmt *st = jr_calloc(1, sizeof(*st));
	size_t len = strlen(sql);

	*out = NULL;
	if (!st || !(st->sql = jr_malloc(len + 1))) {
		jr_free(st);
		return JR_ERR_NOMEM;
	}
	memcpy(st->sql, sql, len + 1);
	st->base.driver = &jr_db_postgres_driver;
	st->db = db;
	st->row = -1;
	*out = st;
	return JR_OK;
}

static enum jr_err set_param(struct jr_db_stmt *st, int idx, const void *data, size_t len,
			     int format)
{
	char *copy = NULL;

	if (idx < 1 || idx > PARAMS_MAX || len > (size_t)1 << 30)
		return JR_ERR_INTERNAL;
	if (idx >= st->cap) {
		int cap = idx + 1 > 2 * st->cap ? idx + 1 : 2 * st->cap;
		char **values = jr_realloc(st->values, (size_t)cap * sizeof(*values));
		int *lengths = values ? jr_realloc(st->lengths, (size_t)cap * sizeof(*lengths)) : NULL;
		int *formats = lengths ? jr_realloc(st->formats, (size_t)cap * sizeof(*formats)) : NULL;
		if (values)
			st->values = values;
		if (lengths)
			st->lengths = lengths;
		if (!formats)
			return JR_ERR_NOMEM;
		st->formats = formats;
		for (int i = st->cap; i < cap; i++) {
			st->values[i] = NULL;
			st->lengths[i] = 0;
			st->formats[i] = 0;
		}
		st->cap = cap;
	}
	if (data) {
		copy = jr_malloc(len + 1);
		if (!copy)
			return JR_ERR_NOMEM;
		memcpy(copy, data, len);
		copy[len] = '\0';
	}
	jr_free(st->values[idx]);
	st->values[idx] = copy;
	st->lengths[idx] = (int)len;
	st->formats[idx] = format;
	if (idx > st->nparams)
		st->nparams = idx;
	return JR_OK;
}

static enum jr_err pg_bind_int(struct jr_db_stmt *st, int idx, int64_t v)
{
	char text[24];
	int n = snprintf(text, sizeof(text), "%lld", (long long)v);
	return set_param(st, idx, text, (size_t)n, 0);
}

static enum jr_err pg_bind_text(struct jr_db_stmt *st, int idx, const char *s)
{
	return set_param(st, idx, s, strlen(s), 0);
}

static enum jr_err pg_bind_blob(struct jr_db_stmt *st, int idx, const void *data, size_t len)
{
	return set_param(st, idx, data ? data : "", len, 1);
}

static enum jr_err pg_bind_null(struct jr_db_stmt *st, int idx)
{
	return set_param(st, idx, NULL, 0, 0);
}

/* Finds or makes the server-side statement for `sql`: its name in `name`, or "" when every
 * slot is taken (the caller then runs the SQL unnamed). */
static enum jr_err named_statement(struct jr_db *db, const char *sql, char name[16])
{
	size_t i, len;
	PGresult *res;
	enum jr_err err;

	name[0] = '\0';
	for (i = 0; i < db->prepared_count; i++)
		if (strcmp(db->prepared[i], sql) == 0)
			break;
	if (i == PREPARED_MAX)
		return JR_OK;
	snprintf(name, 16, "jr%zu", i + 1);
	if (i < db->prepared_count)
		return JR_OK;
	len = strlen(sql) + 1;
	if (!(db->prepared[i] = jr_malloc(len)))
		return JR_ERR_NOMEM;
	memcpy(db->prepared[i], sql, len);
	res = PQprepare(db->conn, name, sql, 0, NULL);
	err = map_result(db, res);
	PQclear(res);
	if (err) {
		JR_FREE(db->prepared[i]);
		return err;
	}
	db->prepared_count++;
	return JR_OK;
}

static enum jr_err pg_step(struct jr_db_stmt *st, bool *row)
{
	*row = false;
	if (!st->res) {
		/* the arrays from index 1, or none when nothing is bound */
		const char *const *values =
			st->nparams ? (const char *const *)(st->values + 1) : NULL;
		const int *lengths = st->nparams ? st->lengths + 1 : NULL,
			  *formats = st->nparams ? st->formats + 1 : NULL;
		char name[16];
		enum jr_err err = named_statement(st->db, st->sql, name);
		if (err)
			return err;
		if (name[0])
			st->res = PQexecPrepared(st->db->conn, name, st->nparams, values, lengths,
						 formats, 0);
		else
			st->res = PQexecParams(st->db->conn, st->sql, st->nparams, NULL, values,
					       lengths, formats, 0);
		err = map_result(st->db, st->res);
		if (err) {
			PQclear(st->res);
			st->res = NULL;
			return err;
		}
	}
	st->row++;
	*row = st->row < PQntuples(st->res);
	return JR_OK;
}

static bool pg_col_null(struct jr_db_stmt *st, int col)
{
	return !st->res || PQgetisnull(st->res, st->row, col);
}

static const char *pg_col_text(struct jr_db_stmt *st, int col)
{
	return pg_col_null(st, col) ? "" : PQgetvalue(st->res, st->row, col);
}

static int64_t pg_col_int(struct jr_db_stmt *st, int col)
{
	return strtoll(pg_col_text(st, col), NULL, 10);
}

static const void *pg_col_blob(struct jr_db_stmt *st, int col, size_t *len)
{
	*len = 0;
	PQfreemem(st->blob);
	st->blob = NULL;
	if (pg_col_null(st, col))
		return NULL;
	st->blob = PQunescapeBytea((const unsigned char *)PQgetvalue(st->res, st->row, col), len);
	return st->blob;
}

static enum jr_err pg_reset(struct jr_db_stmt *st)
{
	PQclear(st->res);
	st->res = NULL;
	st->row = -1;
	for (int i = 1; i <= st->nparams; i++)
		JR_FREE(st->values[i]);
	st->nparams = 0;
	return JR_OK;
}

static void pg_finalize(struct jr_db_stmt *st)
{
	pg_reset(st);
	PQfreemem(st->blob);
	jr_free(st->values);
	jr_free(st->lengths);
	jr_free(st->formats);
	jr_free(st->sql);
	jr_free(st);
}

const struct jr_db_driver jr_db_postgres_driver = {
	.engine = JR_DB_POSTGRES,
	.open = pg_open,
	.close = pg_close,
	.errmsg = pg_errmsg,
	.exec = pg_exec,
	.prepare = pg_prepare,
	.bind_int = pg_bind_int,
	.bind_text = pg_bind_text,
	.bind_blob = pg_bind_blob,
	.bind_null = pg_bind_null,
	.step = pg_step,
	.col_null = pg_col_null,
	.col_int = pg_col_int,
	.col_text = pg_col_text,
	.col_blob = pg_col_blob,
	.reset = pg_reset,
	.finalize = pg_finalize,
};
