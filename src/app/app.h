/* app: the context every use case runs in, and the one transaction a use case makes.
 *
 * src/app/ is the only road from an adapter (the command line, the server) to the records: an
 * adapter parses its input, calls one jr_app_* function and renders what it returns (src/view/).
 * A use case checks reach (app/access.c) and the rules, calls the store and returns plain
 * structs; it never writes JSON or text for a user, and knows no HTTP status or exit code. */
#ifndef JR_APP_APP_H
#define JR_APP_APP_H

#include "core/date.h"
#include "core/diag.h"
#include "core/err.h"
#include "store/store.h"

struct jr_policy_set;

/* Who asks, on what, with which records. */
struct jr_app {
	struct jr_store *store;
	const struct jr_actor *actor; /* who acts, for the audit log */
	/* the logged-in user whose reach limits what is read and changed; NULL at the command line,
	 * where the operator of the machine (who holds the database and its keys) may do all that
	 * the records' rules allow */
	const struct jr_principal *principal;
	const struct jr_policy_set *policies; /* NULL for a use case that needs none */
	jr_day today;                         /* the day the use case counts from */
	struct jr_diag *diag; /* a refusal or a failure explained (field and Dutch message); may be NULL */
};

/* How a use case's transaction sits in what was open when it began. */
enum jr_app_tx {
	JR_APP_TX_OWN,    /* none was open: a transaction of its own */
	JR_APP_TX_PART,   /* inside a bulk transaction (a server request, a bulk load): a savepoint */
	JR_APP_TX_JOINED, /* inside another use case's part: one with it */
};
/* Starts the one transaction of a use case that writes more than once, so that it is kept or
 * undone whole; *tx says how, for jr_app_tx_end. */
enum jr_err jr_app_tx_begin(struct jr_app *app, enum jr_app_tx *tx);
/* Ends it: kept when `err` is JR_OK, undone otherwise (a joined one is the outer use case's to
 * end). Returns `err`, or the failure of ending (JR_ERR_STORE when the database refused to keep
 * it). */
enum jr_err jr_app_tx_end(struct jr_app *app, enum jr_app_tx tx, enum jr_err err);

/* Stamps the records written from now on with `day` instead of the clock's date (0: the clock
 * again): for a loader that writes a past, as the demo writes each family's history on the days
 * it happened. Not for a logged-in user (principal), whose records are always of today. */
void jr_app_stamp_day(struct jr_app *app, jr_day day);

/* Whether --db names a PostgreSQL database (a postgres:// URL, one host or several, or libpq's
 * key=value form) rather than a SQLite file: asked before connecting. */
bool jr_app_db_is_postgres(const char *db_url);
/* `db_url` as it may be shown or logged: a password in it (postgres://user:PASSWORD@…,
 * password=… in the query or the key=value form) replaced by "***". */
void jr_app_db_shown(const char *db_url, char *out, size_t cap);

/* Explains a refusal or failure in app->diag (when there is one) and returns `err`: the
 * one-line way for a use case to say what was wrong and how to fix it. */
enum jr_err jr_app_fail(struct jr_app *app, enum jr_err err, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* The policy in force on `day` (the day of the act: the help request's, the allocation's, or
 * today) for municipality `code` (issue 13, principle 11), into *p. When a version holds the
 * municipality but none is in force on `day`, fails with `err` explained on field "date" ("geen
 * beleid voor deze gemeente (CODE) op DATUM"); when none holds it at all, sets *p to NULL and
 * returns JR_OK, so that the caller says so in its own words. */
struct jr_policy;
enum jr_err jr_app_region(struct jr_app *app, enum jr_err err, const char *code, jr_day day,
			  const struct jr_policy **p);

#endif
