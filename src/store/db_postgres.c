/* db_postgres: the PostgreSQL driver of the database interface (see db.h), on libpq.
 *
 * Statements keep their SQL and run when first stepped (the $N placeholders are PostgreSQL's
 * own); results come back as text, bytea decoded from its hex form. Integers are sent as decimal
 * text and blobs in binary, so no value is ever spliced into SQL.
 *
 * The store runs the same few dozen statements over and over, so the connection prepares each
 * SQL text once on the server (PQprepare, named jr1, jr2, …) and from then on only binds and
 * executes it (PQexecPrepared): the server no longer parses and plans every call. Named
 * statements live as long as the connection and are not undone by a rollback.
 *
 * A connection that breaks (the primary died, a failover moved it) is not mended under a
 * transaction: every statement of that transaction fails, so that no request reports a write that
 * went nowhere, and the caller's rollback ends it. The next transaction — or the next statement
 * outside one — connects again with the URL as given: with several hosts and
 * target_session_attrs=read-write libpq finds the new primary. Session settings made with SET are
 * made again there, and the named statements prepared again on first use. While no server can
 * be reached, a new attempt is made at most once per RECONNECT_PAUSE_MS; in between, statements
 * fail at once. Connecting is never left to hang: connect_timeout and TCP keepalives have
 * defaults the URL can override.
 *
 * Writes may be deferred (jr_db_defer_writes): inside a transaction, a statement that returns
 * no rows (INSERT, UPDATE or DELETE without RETURNING) is then sent in libpq's pipeline mode
 * without waiting for its answer, and the answers are read all at once when a statement that
 * does wait comes (a query, COMMIT, RELEASE SAVEPOINT), sent behind them in the same round
 * trip (any other exec waits for them first); a SAVEPOINT is deferred like a write. A
 * loopback round trip costs more than most of these statements: the demo writes hundreds of
 * thousands of them, and every transaction ends with its audit entries, the end of the chain
 * and the COMMIT, one round trip for the three. An error of a deferred statement is reported by
 * that next statement (or jr_db_flush). */
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/alloc.h"
#include "store/db.h"

/* Parameters of one statement: the audit log writes up to 64 entries of 11 to one insert. The
 * arrays grow to what a statement binds, so that the common statement of a few parameters does
 * not carry room for a thousand. */
#define PARAMS_MAX 1024
/* Named statements per connection; SQL beyond this runs unnamed, as before. */
#define PREPARED_MAX 256
/* Session settings (SET name …) made again on a new connection; one per name. */
#define SESSION_SETS_MAX 8
/* The shortest time between two attempts to connect again after the connection broke. */
#define RECONNECT_PAUSE_MS 500
/* Deferred statements sent before their answers are read: the answers wait in the socket's
 * buffers, which must not fill up while the client is still writing. */
#define DEFERRED_MAX 256

struct jr_db {
	struct jr_db_base base;
	PGconn *conn;
	char *url; /* as given, to connect again */
	char errmsg[JR_DB_ERRMSG_MAX];
	char *prepared[PREPARED_MAX]; /* SQL of the named statement jr<i+1>; NULL if free */
	size_t prepared_count;
	char *session_sets[SESSION_SETS_MAX];
	bool lost;  /* the connection broke (or reached a read-only server): connect again */
	bool in_tx; /* a transaction is open: a lost connection is not replaced under it */
	bool defer_writes;  /* send writes in a transaction without waiting for them (above) */
	int in_pipeline;    /* statements sent in pipeline mode whose answers are not read yet */
	struct timespec next_attempt; /* no new connection before this (CLOCK_MONOTONIC) */
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
	bool sent; /* deferred: sent, its answer read later; no row will come */
	unsigned char *blob; /* the last decoded bytea, freed on the next one */
};

static const char *pg_errmsg(const struct jr_db *db)
{
	return db->errmsg[0] ? db->errmsg : PQerrorMessage(db->conn);
}

/* libpq's message as one line: a multi-host attempt says one line per host, joined here with
 * "; " (libpq never puts bound values in a message). */
static void one_line(const char *msg, char *out, size_t cap)
{
	size_t n = 0;

	if (cap == 0)
		return;
	while (*msg && n + 1 < cap) {
		size_t len = strcspn(msg, "\n");
		if (n && len && n + 3 < cap) {
			memcpy(out + n, "; ", 2);
			n += 2;
		}
		if (len > cap - 1 - n)
			len = cap - 1 - n;
		memcpy(out + n, msg, len);
		n += len;
		msg += len;
		msg += strspn(msg, "\n\t ");
	}
	out[n] = '\0';
}

static void remember(struct jr_db *db, const char *msg)
{
	one_line(msg, db->errmsg, sizeof(db->errmsg));
}

/* Whether the server's error means this connection can no longer write: the connection broke,
 * the server is shutting down, or it has become a read-only standby. */
static bool connection_unusable(struct jr_db *db, const char *state)
{
	return PQstatus(db->conn) != CONNECTION_OK ||
	       (state && (strcmp(state, "25006") == 0 || /* read_only_sql_transaction */
			  strncmp(state, "57P", 3) == 0)); /* admin_shutdown, crash_shutdown, … */
}

static enum jr_err map_result(struct jr_db *db, PGresult *res)
{
	const char *state;
	ExecStatusType status = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;

	if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
		return JR_OK;
	remember(db, res ? PQresultErrorMessage(res) : PQerrorMessage(db->conn));
	state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	if (connection_unusable(db, state)) {
		db->lost = true;
		return JR_ERR_STORE;
	}
	if (state && strcmp(state, "23505") == 0)
		return JR_ERR_CONFLICT; /* unique_violation */
	if (state && strncmp(state, "23", 2) == 0)
		return JR_ERR_REFUSED; /* other integrity constraints */
	return JR_ERR_STORE;
}

/* Runs SQL without parameters on the connection as it is (no reconnecting). */
static enum jr_err exec_now(struct jr_db *db, const char *sql)
{
	PGresult *res = PQexec(db->conn, sql);
	enum jr_err err = map_result(db, res);
	PQclear(res);
	return err;
}

/* Ends pipeline mode: a sync, then the answers of the statements sent since it began. Returns the
 * first error among them (the server skips the statements after a failed one until the sync,
 * and the transaction is then aborted, so the caller's rollback follows). With `last`, the
 * answer of the last statement sent is kept there: a query sent behind the deferred writes, so
 * that it shares their round trip. */
static enum jr_err drain(struct jr_db *db, PGresult **last)
{
	enum jr_err err = JR_OK;
	int sent = db->in_pipeline, ended = 0; /* libpq gives a NULL after each one's answer */

	if (PQpipelineStatus(db->conn) == PQ_PIPELINE_OFF)
		return JR_OK;
	db->in_pipeline = 0;
	if (!PQpipelineSync(db->conn)) {
		remember(db, PQerrorMessage(db->conn));
		db->lost = true;
		return JR_ERR_STORE;
	}
	for (;;) {
		PGresult *res = PQgetResult(db->conn);
		ExecStatusType status;
		if (!res) {
			if (PQstatus(db->conn) == CONNECTION_OK && ++ended <= sent)
				continue;
			if (!err)
				err = map_result(db, NULL);
			db->lost = true; /* the pipeline did not end as sent: the connection is unusable */
			break;
		}
		status = PQresultStatus(res);
		if (status == PGRES_PIPELINE_SYNC) {
			PQclear(res);
			break;
		}
		if (status != PGRES_PIPELINE_ABORTED && !err)
			err = map_result(db, res);
		if (last && !*last && ended == sent - 1)
			*last = res;
		else
			PQclear(res);
	}
	if (!db->lost && !PQexitPipelineMode(db->conn)) {
		remember(db, PQerrorMessage(db->conn));
		db->lost = true;
		err = err ? err : JR_ERR_STORE;
	}
	if (err && last) {
		PQclear(*last);
		*last = NULL;
	}
	return err;
}

/* Sends a statement in pipeline mode (entered if need be): the named statement `name`, or `sql`
 * unnamed when name is "". Its answer is read by drain(). */
static enum jr_err send_in_pipeline(struct jr_db *db, const char *name, const char *sql,
				    int nparams, const char *const *values, const int *lengths,
				    const int *formats)
{
	int sent;

	if (PQpipelineStatus(db->conn) == PQ_PIPELINE_OFF && !PQenterPipelineMode(db->conn)) {
		remember(db, PQerrorMessage(db->conn));
		return JR_ERR_STORE;
	}
	if (name[0])
		sent = PQsendQueryPrepared(db->conn, name, nparams, values, lengths, formats, 0);
	else
		sent = PQsendQueryParams(db->conn, sql, nparams, NULL, values, lengths, formats, 0);
	if (!sent) {
		remember(db, PQerrorMessage(db->conn));
		if (PQstatus(db->conn) != CONNECTION_OK)
			db->lost = true;
		return JR_ERR_STORE;
	}
	db->in_pipeline++;
	return JR_OK;
}

/* Reads the deferred answers once DEFERRED_MAX are waiting, before the socket's buffers fill. */
static enum jr_err drain_if_full(struct jr_db *db)
{
	return db->in_pipeline >= DEFERRED_MAX ? drain(db, NULL) : JR_OK;
}

static void forget_prepared(struct jr_db *db)
{
	for (size_t i = 0; i < db->prepared_count; i++)
		JR_FREE(db->prepared[i]);
	db->prepared_count = 0;
}

static void pg_close(struct jr_db *db)
{
	PQfinish(db->conn);
	forget_prepared(db);
	for (size_t i = 0; i < SESSION_SETS_MAX; i++)
		jr_free(db->session_sets[i]);
	jr_free(db->url);
	jr_free(db);
}

/* Connects with `url` (a URL or key=value conninfo, one host or several) and the defaults that
 * keep a dead or unreachable server from hanging the caller; the URL's own values win. */
static PGconn *connect_url(const char *url)
{
	static const char *const keys[] = {
	    "connect_timeout", "keepalives", "keepalives_idle", "keepalives_interval",
	    "keepalives_count", "tcp_user_timeout", "fallback_application_name", "dbname", NULL};
	const char *values[] = {"5", "1", "10", "5", "3", "15000", "jeugdroute", url, NULL};

	return PQconnectdbParams(keys, values, 1);
}

/* Makes a new connection ready: refuses a standby (it cannot write; with several hosts,
 * target_session_attrs=read-write makes libpq pass it by) and sets the session up. */
static enum jr_err session_start(struct jr_db *db)
{
	const char *standby = PQparameterStatus(db->conn, "in_hot_standby");
	enum jr_err err;

	if (PQstatus(db->conn) != CONNECTION_OK) {
		remember(db, PQerrorMessage(db->conn));
		return JR_ERR_STORE;
	}
	if (standby && strcmp(standby, "on") == 0) {
		snprintf(db->errmsg, sizeof(db->errmsg),
			 "de server op %s poort %s is een standby en kan niet schrijven; geef de"
			 " primaire, of alle servers met target_session_attrs=read-write",
			 PQhost(db->conn), PQport(db->conn));
		return JR_ERR_STORE;
	}
	/* Quiet notices (e.g. "table exists, skipping") and a fixed, unambiguous date style. */
	err = exec_now(db, "SET client_min_messages = warning; SET DateStyle = ISO");
	for (size_t i = 0; i < SESSION_SETS_MAX && !err; i++)
		if (db->session_sets[i])
			err = exec_now(db, db->session_sets[i]);
	return err;
}

static void pause_from_now(struct timespec *t, long ms)
{
	clock_gettime(CLOCK_MONOTONIC, t);
	t->tv_sec += ms / 1000;
	t->tv_nsec += (ms % 1000) * 1000000L;
	if (t->tv_nsec >= 1000000000L) {
		t->tv_sec++;
		t->tv_nsec -= 1000000000L;
	}
}

/* Connects again after the connection was lost, unless a transaction was open on it (its
 * statements must fail until the caller rolls it back) or the last attempt was too recent. */
static enum jr_err reconnect(struct jr_db *db)
{
	struct timespec now;

	if (!db->lost)
		return JR_OK;
	if (db->in_tx) {
		snprintf(db->errmsg, sizeof(db->errmsg),
			 "de verbinding met PostgreSQL viel weg tijdens de transactie; niets ervan is"
			 " vastgelegd");
		return JR_ERR_STORE;
	}
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (now.tv_sec < db->next_attempt.tv_sec ||
	    (now.tv_sec == db->next_attempt.tv_sec && now.tv_nsec < db->next_attempt.tv_nsec))
		return JR_ERR_STORE; /* errmsg still says why the last attempt failed */
	PQfinish(db->conn);
	forget_prepared(db);
	db->conn = connect_url(db->url);
	if (!db->conn || session_start(db)) {
		if (!db->conn)
			snprintf(db->errmsg, sizeof(db->errmsg), "geen geheugen om te verbinden");
		db->lost = true;
		pause_from_now(&db->next_attempt, RECONNECT_PAUSE_MS);
		return JR_ERR_STORE;
	}
	db->lost = false;
	db->errmsg[0] = '\0';
	return JR_OK;
}

/* After a command that reached the server: whether a transaction is open now. */
static void note_transaction(struct jr_db *db)
{
	if (!db->lost)
		db->in_tx = PQtransactionStatus(db->conn) != PQTRANS_IDLE;
}

/* Keeps a session setting (SET name …, not SET LOCAL) to make again on a new connection. */
static enum jr_err keep_session_set(struct jr_db *db, const char *sql)
{
	size_t name = strcspn(sql + 4, " =");
	size_t free_slot = SESSION_SETS_MAX, len = strlen(sql) + 1;

	for (size_t i = 0; i < SESSION_SETS_MAX; i++) {
		if (!db->session_sets[i]) {
			if (free_slot == SESSION_SETS_MAX)
				free_slot = i;
		} else if (strncmp(db->session_sets[i], sql, 4 + name + 1) == 0) {
			free_slot = i;
			break;
		}
	}
	if (free_slot == SESSION_SETS_MAX)
		return JR_ERR_INTERNAL; /* more settings than the driver keeps: raise the bound */
	jr_free(db->session_sets[free_slot]);
	if (!(db->session_sets[free_slot] = jr_malloc(len)))
		return JR_ERR_NOMEM;
	memcpy(db->session_sets[free_slot], sql, len);
	return JR_OK;
}

static enum jr_err pg_open(const char *url, bool create, struct jr_db **out, char *errmsg,
			   size_t errlen)
{
	struct jr_db *db = jr_calloc(1, sizeof(*db));
	size_t len = strlen(url) + 1;
	enum jr_err err;

	(void)create; /* a PostgreSQL database is created by its administrator */
	*out = NULL;
	if (!db || !(db->url = jr_malloc(len))) {
		jr_free(db);
		return JR_ERR_NOMEM;
	}
	memcpy(db->url, url, len);
	db->base.driver = &jr_db_postgres_driver;
	db->conn = connect_url(url);
	if (!db->conn) {
		pg_close(db);
		return JR_ERR_NOMEM;
	}
	if ((err = session_start(db))) {
		snprintf(errmsg, errlen, "PostgreSQL: %s", db->errmsg);
		pg_close(db);
		return err;
	}
	*out = db;
	return JR_OK;
}

/* COMMIT or RELEASE SAVEPOINT behind deferred writes: sent with them, one round trip for all.
 * If one of them failed the server skips this one, and the error is the first write's. */
static enum jr_err exec_behind(struct jr_db *db, const char *sql)
{
	PGresult *res = NULL;
	enum jr_err err = send_in_pipeline(db, "", sql, 0, NULL, NULL, NULL);

	if (!err)
		err = drain(db, &res);
	PQclear(res);
	note_transaction(db);
	return err;
}

static enum jr_err pg_exec(struct jr_db *db, const char *sql)
{
	enum jr_err err;

	if (!db->lost && db->defer_writes && db->in_tx && strncmp(sql, "SAVEPOINT ", 10) == 0) {
		/* a savepoint returns nothing either: deferred like a write */
		err = send_in_pipeline(db, "", sql, 0, NULL, NULL, NULL);
		return err ? err : drain_if_full(db);
	}
	if (!db->lost && PQpipelineStatus(db->conn) != PQ_PIPELINE_OFF) {
		if (strcmp(sql, "COMMIT") == 0 || strncmp(sql, "RELEASE SAVEPOINT ", 18) == 0)
			return exec_behind(db, sql);
		/* the deferred writes' answers first; a rollback goes on after their error */
		err = drain(db, NULL);
		if (err && strncmp(sql, "ROLLBACK", 8) != 0)
			return err;
	}
	if (db->lost && strcmp(sql, "ROLLBACK") == 0) {
		db->in_tx = false; /* the server ended the transaction with the connection */
		return JR_OK;
	}
	if ((err = reconnect(db)))
		return err;
	err = exec_now(db, sql);
	if (err && db->lost && strcmp(sql, "BEGIN") == 0) {
		/* The connection died while idle (the old primary is gone): nothing was done on it,
		 * so the transaction may begin on a new one, and the request need not fail. */
		if ((err = reconnect(db)))
			return err;
		err = exec_now(db, sql);
	}
	note_transaction(db);
	if (!err && strncmp(sql, "SET ", 4) == 0 && strncmp(sql, "SET LOCAL ", 10) != 0 &&
	    !strchr(sql, ';'))
		err = keep_session_set(db, sql);
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
	if ((err = drain(db, NULL))) /* PQprepare waits for its answer: not in pipeline mode */
		return err;
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

/* Whether `sql` is a write that returns no rows (INSERT, UPDATE or DELETE without RETURNING),
 * which may be deferred. */
static bool returns_nothing(const char *sql)
{
	sql += strspn(sql, " \t\n");
	if (strncasecmp(sql, "INSERT", 6) != 0 && strncasecmp(sql, "UPDATE", 6) != 0 &&
	    strncasecmp(sql, "DELETE", 6) != 0)
		return false;
	for (; *sql; sql++)
		if (strncasecmp(sql, "RETURNING", 9) == 0)
			return false;
	return true;
}

static enum jr_err pg_step(struct jr_db_stmt *st, bool *row)
{
	*row = false;
	if (st->sent)
		return JR_OK; /* deferred: no rows */
	if (!st->res) {
		/* the arrays from index 1, or none when nothing is bound */
		const char *const *values =
			st->nparams ? (const char *const *)(st->values + 1) : NULL;
		const int *lengths = st->nparams ? st->lengths + 1 : NULL,
			  *formats = st->nparams ? st->formats + 1 : NULL;
		struct jr_db *db = st->db;
		char name[16];
		enum jr_err err = reconnect(db);
		if (!err)
			err = named_statement(db, st->sql, name);
		if (err)
			return err;
		if (db->defer_writes && db->in_tx && returns_nothing(st->sql)) {
			/* sent now; its answer is read with a later statement's */
			err = send_in_pipeline(db, name, st->sql, st->nparams, values, lengths,
					       formats);
			st->sent = !err;
			return err ? err : drain_if_full(db);
		}
		if (PQpipelineStatus(db->conn) != PQ_PIPELINE_OFF) {
			/* behind the deferred writes, their answers and its own in one round trip */
			err = send_in_pipeline(db, name, st->sql, st->nparams, values, lengths,
					       formats);
			if (!err && !(err = drain(db, &st->res)) && !st->res)
				err = JR_ERR_STORE; /* no answer came for it: not expected of libpq */
		} else {
			if (name[0])
				st->res = PQexecPrepared(db->conn, name, st->nparams, values,
							 lengths, formats, 0);
			else
				st->res = PQexecParams(db->conn, st->sql, st->nparams, NULL, values,
						       lengths, formats, 0);
			err = map_result(db, st->res);
		}
		note_transaction(db);
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
	st->sent = false;
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

static enum jr_err pg_defer_writes(struct jr_db *db, bool on)
{
	enum jr_err err = on || db->lost ? JR_OK : drain(db, NULL);

	db->defer_writes = on;
	return err;
}

static enum jr_err pg_flush(struct jr_db *db)
{
	return db->lost ? JR_OK : drain(db, NULL);
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
	.defer_writes = pg_defer_writes,
	.flush = pg_flush,
};
