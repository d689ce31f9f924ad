/* migrate: the database schema as numbered, forward-only migrations compiled into the program.
 *
 * Each migration runs in its own transaction and is recorded in schema_migrations (and, on SQLite,
 * in PRAGMA user_version). A database whose version is newer than the program's is refused, so an
 * old binary never writes into a schema it does not know. */
#ifndef JR_STORE_MIGRATE_H
#define JR_STORE_MIGRATE_H

#include "core/err.h"
#include "store/db.h"

/* The schema version this program writes. */
int jr_schema_version(void);

/* Brings `db` up to jr_schema_version(). *from receives the version found. JR_ERR_STORE with
 * `msg` filled when the database is newer than the program or a migration fails. */
enum jr_err jr_migrate(struct jr_db *db, int *from, char msg[JR_DB_ERRMSG_MAX]);

/* The version of an existing database without changing it (0 for an empty one). */
enum jr_err jr_schema_version_of(struct jr_db *db, int *version);

#endif
