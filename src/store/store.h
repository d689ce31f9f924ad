/* store: the records of the youth-care chain, kept safely. The one interface the rest of the
 * program uses to read and write records; it never shows SQL.
 *
 * Every operation is one transaction and writes its audit entry (who, which person, what, when,
 * from where, why) in that same transaction, so a change and its audit trail stand or fall
 * together. Every change to a record keeps what was there before (record_history) and carries
 * the version the writer read: an update of an older version is refused with JR_ERR_CONFLICT,
 * never silently applied. */
#ifndef JR_STORE_STORE_H
#define JR_STORE_STORE_H

#include <stdbool.h>

#include "core/date.h"
#include "core/diag.h"
#include "core/err.h"

/* The interface, one header per resource; store.h opens and closes the store. */
#include "store/store_types.h"
#include "store/audit.h"
#include "store/backup.h"
#include "store/care.h"
#include "store/casefile.h"
#include "store/contract.h"
#include "store/course.h"
#include "store/figures.h"
#include "store/household.h"
#include "store/ijw.h"
#include "store/involvement.h"
#include "store/journal.h"
#include "store/letter.h"
#include "store/person.h"
#include "store/policy_record.h"
#include "store/portal.h"
#include "store/provider_worklist.h"
#include "store/provider.h"
#include "store/retention.h"
#include "store/signals.h"
#include "store/social.h"
#include "store/timeline.h"
#include "store/user.h"

/* Opens the database at `url` with the BSN key file `key_file`. With `init`, creates what is
 * missing (database, key file) and migrates; without it, the database must exist at the
 * program's schema version. On failure diag.message says what and how to fix it. */
enum jr_err jr_store_open(const char *url, const char *key_file, bool init,
			  struct jr_store **out, struct jr_diag *diag);
/* The files a store keeps outside the database: the BSN key file, the audit key file and the
 * audit checkpoint file. NULL for the last two means beside the BSN key file
 * (jr_audit_default_paths: "x.key" gives "x.audit.key" and "x.checkpoints"). */
struct jr_store_files {
	const char *key_file;
	const char *audit_key_file;
	const char *checkpoint_file;
};
/* Whether `url` names a PostgreSQL database (a postgres:// URL with one host or several, or
 * libpq's key=value form) rather than a SQLite file. */
bool jr_store_url_is_postgres(const char *url);

/* jr_store_open with the audit files named (jr_store_open is this with both NULL). With
 * `init` the audit key file is created when missing, and a database whose audit chain has no
 * key yet (new, or made by a jeugdroute before the key) gets it: its old chain is verified and
 * re-chained with the key once. diag.path is "--audit-key" when the audit files are the
 * problem. */
enum jr_err jr_store_open_files(const char *url, const struct jr_store_files *files, bool init,
				struct jr_store **out, struct jr_diag *diag);
/* Closes the store (NULL is a no-op). When it committed audit entries since its last checkpoint
 * it first signs one of the chain's end (jr_store_audit_checkpoint), so that every command that
 * added entries leaves one; a failure to do so is said on stderr. */
void jr_store_close(struct jr_store *s);

/* A part of a bulk transaction that can be undone on its own (an SQL savepoint): everything
 * between begin and end(…, true) stays; end(…, false), or a failure inside the part, undoes
 * the part only, and the bulk transaction goes on as before it. end returns JR_ERR_REFUSED when
 * an operation inside failed. Only inside jr_store_bulk_begin; parts do not nest. */
enum jr_err jr_store_part_begin(struct jr_store *s);
enum jr_err jr_store_part_end(struct jr_store *s, bool keep);
/* Whether a bulk transaction is open. */
bool jr_store_in_bulk(const struct jr_store *s);
/* Whether a part of one is open. */
bool jr_store_in_part(const struct jr_store *s);

/* One transaction for many operations — a bulk load (the demo region, imports), or all that one
 * HTTP request does: every operation between begin and end shares it instead of committing
 * each, which is what makes loading thousands of records fast and a request all-or-nothing.
 * Any failure inside marks the whole bulk transaction as failed: end then rolls everything back
 * and returns JR_ERR_REFUSED (the failing operation returned its own error when it failed).
 * end(…, false) rolls back on purpose. */
enum jr_err jr_store_bulk_begin(struct jr_store *s);
enum jr_err jr_store_bulk_end(struct jr_store *s, bool commit);

/* For a bulk load in which any failure ends the load (the demo region): with `on`, writes
 * that return nothing are sent without waiting for each other's results (jr_db_defer_writes;
 * on PostgreSQL a round trip saved per write, on SQLite no change). A write that fails is then
 * reported by an operation after it — at the latest by jr_store_bulk_end or jr_store_part_end —
 * and the bulk transaction (or part) is undone as always. Off again flushes. */
enum jr_err jr_store_bulk_defer_writes(struct jr_store *s, bool on);

/* With `on`, the audit entries of a bulk transaction that ends undone (jr_store_bulk_end without
 * commit, or after an operation inside failed) are written again in a transaction of their own
 * right after the rollback, so that a refused request stays on record (the server turns this
 * on; a bulk load leaves it off). Entries of a part undone on purpose are not. */
void jr_store_keep_audit(struct jr_store *s, bool on);

/* Whether commits wait until they are on disk (the default: yes). The server turns it off for
 * requests that only read (their audit entries survive a crash of the program, and are lost only
 * when the machine itself fails before the next checkpoint) and keeps it for every write.
 * SQLite: PRAGMA synchronous FULL or NORMAL; PostgreSQL: synchronous_commit on or off. Call
 * outside a transaction. */
enum jr_err jr_store_set_durable(struct jr_store *s, bool durable);

/* For loading history (the demo region): records are stamped with this day (created_at,
 * given_at, … at noon UTC) instead of the clock, so that a course told in the past reads in
 * order; 0 goes back to the clock. The audit log always keeps the real time. */
void jr_store_set_record_day(struct jr_store *s, jr_day day);

/* Whether the engine takes one writer at a time (SQLite), so that a server should hand the
 * database from one request to the next itself rather than let them wait and poll. */
bool jr_store_single_writer(const struct jr_store *s);

/* A server leaves copying SQLite's write-ahead log into the database file (a checkpoint, with
 * its disk syncs: tens of milliseconds on a large file) to a thread of its own, off the path of
 * the requests: jr_store_defer_wal_checkpoints on the connection the requests use, and
 * jr_store_wal_checkpoint now and then on that thread's (a passive one, which waits for no one).
 * Both do nothing on PostgreSQL. */
enum jr_err jr_store_defer_wal_checkpoints(struct jr_store *s);
enum jr_err jr_store_wal_checkpoint(struct jr_store *s);

/* After a bulk load, outside a transaction: on PostgreSQL VACUUM ANALYZE — fresh rows have no
 * visibility hints and the planner no statistics yet, and every reader pays for that until
 * autovacuum comes (a family page at about half its rate). Nothing on SQLite. */
enum jr_err jr_store_after_bulk_load(struct jr_store *s);

/* Whether the database answers (a trivial query): for the server's health check. */
enum jr_err jr_store_ping(struct jr_store *s);

/* The schema version found when the store was opened, and the one it has now. */
void jr_store_versions(const struct jr_store *s, int *found, int *now);

#endif
