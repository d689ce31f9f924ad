/* store_internal: what the files of the record store share and nobody else sees: the store's
 * state, the clock, the audit entry and the end of a transaction. */
#ifndef JR_STORE_STORE_INTERNAL_H
#define JR_STORE_STORE_INTERNAL_H

#include "core/buf.h"
#include "store/db.h"
#include "store/store.h"
#include "store/vault.h"

struct jr_store {
	struct jr_db *db;
	struct jr_vault vault;
	char key_path[1024]; /* the BSN key file the vault was loaded from (jr_store_backup) */
	int version_found;
	int version_now;
	bool bulk;        /* inside jr_store_bulk_begin: operations share one transaction */
	bool bulk_failed; /* an operation failed inside the bulk transaction */
	bool defer_writes; /* jr_store_bulk_defer_writes is on */
	/* jr_store_part_begin: inside a part, and what to go back to when it is undone */
	bool part;
	bool part_was_failed, part_chain_loaded;
	int64_t part_chain_seq;
	char part_chain_hash[65];
	/* The end of the audit chain as this transaction sees it: loaded (and locked) when the
	 * transaction first chains entries, written back to audit_head just before commit. */
	bool chain_loaded;
	int64_t chain_seq;
	char chain_hash[65]; /* hex; "" before the first entry */
	int chain_key;       /* the ring's key that MACs the chain's end; -1: none yet (init) */
	bool audit_unsealed; /* entries committed since this store's last checkpoint */
	struct jr_store_audit_keys *audit; /* the audit keys and files (store_audit.c) */
	/* A bulk transaction's audit entries not yet inserted: chained and inserted, many rows to a
	 * statement, when there are enough, before a part begins, before the commit and before the
	 * log is read (store_audit.c). */
	struct jr_audit_pending *pending;
	size_t pending_count, pending_cap;
	struct jr_buf pending_text; /* each entry's strings, NUL-terminated, one after another */
	/* jr_store_keep_audit: the audit entries of this bulk transaction, noted so that they are
	 * written again when it is undone (store_keep.c) */
	bool keep_on;
	struct jr_audit_kept *kept;
	size_t kept_count, kept_cap, part_kept_count;
	struct jr_buf kept_text;
	/* jr_store_password_prepare: a password's hash made beforehand, and a check of one made
	 * beforehand, each known by a hash of the password (the password itself is not kept) */
	bool prepared_hash, prepared_check, prepared_check_ok;
	unsigned char prepared_hash_of[32], prepared_check_of[32];
	char prepared_hash_value[128], prepared_check_against[128];
	jr_day record_day;   /* jr_store_set_record_day; 0 = the clock */
	bool durable, durable_known; /* jr_store_set_durable, to skip setting it again */
};

/* The current time, UTC, as "YYYY-MM-DDTHH:MM:SSZ" (the audit log's clock). */
void jr_store_now(char out[21]);
/* The time a record is stamped with (created_at, given_at, …): the clock, or the day set with
 * jr_store_set_record_day at noon. */
void jr_store_stamp(const struct jr_store *s, char out[21]);

/* Writes one audit entry (who, what, which person or 0, from where, why) inside the caller's
 * transaction, chained to the one before (store_audit.c). */
enum jr_err jr_store_audit(struct jr_store *s, const struct jr_actor *a, const char *action,
			   int64_t person_id);
/* The same with the object acted on, e.g. "help_request:12" ("" for none). */
enum jr_err jr_store_audit_object(struct jr_store *s, const struct jr_actor *a, const char *action,
				  int64_t person_id, const char *object);
/* Writes the end of the audit chain back to audit_head when this transaction added entries,
 * after the entries still pending; called just before commit. jr_store_audit_forget drops it
 * and any pending entries (after commit or rollback). */
enum jr_err jr_store_audit_flush(struct jr_store *s);
void jr_store_audit_forget(struct jr_store *s);
/* Inserts the pending entries of a bulk transaction (a no-op when there are none): before any
 * read of audit_log, and before a part begins, so that undoing a part drops its own entries
 * only (jr_store_audit_drop_pending). */
enum jr_err jr_store_audit_write_pending(struct jr_store *s);
void jr_store_audit_drop_pending(struct jr_store *s);
/* Frees the buffer of pending entries (jr_store_close). */
void jr_store_audit_release(struct jr_store *s);
/* Chains the entries written before the log was a chain (schema v6), oldest first; on init. */
enum jr_err jr_store_audit_chain_old(struct jr_store *s);
/* Loads the audit keys of the store (`audit_key`, or beside `key_file` when NULL) and names its
 * checkpoint file (`checkpoints`, or beside `key_file`). With `init`, creates the key file when
 * it is missing and gives a chain without a key (a new database, or one made before the key)
 * its key: the old chain is verified, re-chained with the key once and the upgrade recorded in
 * the chain. msg says what went wrong and how to fix it. */
enum jr_err jr_store_audit_open(struct jr_store *s, const char *key_file, const char *audit_key,
				const char *checkpoints, bool init, char *msg, size_t cap);
/* On jr_store_close: a checkpoint when this store committed entries since its last one (a
 * failure is said on stderr: close has nobody to return it to), then the keys are wiped. */
void jr_store_audit_close(struct jr_store *s);

/* store_keep.c: notes an audit entry of the bulk transaction (when keeping is on); forgets the
 * notes after `count` (a part undone on purpose) or all of them (after a commit); writes the
 * notes again in a transaction of their own (after a rollback, outside any transaction); frees
 * them (jr_store_close). */
enum jr_err jr_store_keep_note(struct jr_store *s, const struct jr_actor *a, const char *action,
			       int64_t person_id, const char *object);
void jr_store_keep_truncate(struct jr_store *s, size_t count);
void jr_store_keep_reset(struct jr_store *s);
enum jr_err jr_store_keep_replay(struct jr_store *s);
void jr_store_keep_release(struct jr_store *s);

/* The Argon2id hash of `password` into `out` (128 bytes): the one made beforehand when it is of
 * this password (jr_store_password_prepare), else made now. JR_ERR_NOMEM. */
enum jr_err jr_store_password_hash(struct jr_store *s, const char *password, char out[128]);
/* Whether `password` is the one `hash` was made of: the check made beforehand when it is of this
 * password against this hash, else checked now. */
bool jr_store_password_check(struct jr_store *s, const char *hash, const char *password);

/* Keeps what a record was before a change (record_history), inside the caller's transaction:
 * the table, the record's id, the version that is replaced and the record as JSON. */
enum jr_err jr_store_history(struct jr_store *s, const struct jr_actor *a, const char *table,
			     int64_t id, int version, const char *before_json);

/* A user as jr_store_user_get shows it (never the password hash): JR_USER_SELECT, then a WHERE
 * or ORDER BY on u.*, read with jr_store_read_user (store_household.c). */
#define JR_USER_SELECT                                                                             \
	"SELECT u.id, u.username, u.role, COALESCE(u.organisation_id, 0), u.created_at,"           \
	" COALESCE(o.kind, ''), u.active, u.must_change_password,"                                  \
	" COALESCE(u.full_name, ''), COALESCE(u.email, ''),"                                        \
	" CASE WHEN EXISTS (SELECT 1 FROM second_factors f"                                         \
	"  WHERE f.user_id = u.id AND f.confirmed = 1) THEN 1 ELSE 0 END"                          \
	" FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id"
void jr_store_read_user(struct jr_db_stmt *st, struct jr_user *out);
/* The kind of organisation `id` into `kind` ("" and *found false when there is none), inside
 * the caller's transaction (store_household.c). */
enum jr_err jr_store_org_kind(struct jr_store *s, int64_t id, char kind[JR_ORG_KIND_MAX],
			      bool *found);

/* JR_ERR_NOT_FOUND when `sql` (a SELECT by $1) finds no row for `id`, inside the caller's
 * transaction: the check that a referenced record exists before a write names it. */
enum jr_err jr_store_must_exist(struct jr_store *s, const char *sql, int64_t id);

/* *total = the count `sql` (a SELECT COUNT(*) with one parameter $1) gives for the text `key`,
 * or for the id `id` when key is NULL; inside the caller's transaction, so that a list's count
 * and its page agree. */
enum jr_err jr_store_count(struct jr_store *s, const char *sql, const char *key, int64_t id,
			   int64_t *total);

/* A nullable date column (YYYY-MM-DD, or a timestamp cut to its day) into *out, and into *has
 * whether there is one (has may be NULL); JR_ERR_STORE for a malformed one. */
enum jr_err jr_store_day_col(struct jr_db_stmt *st, int col, jr_day *out, bool *has);

/* Begins an operation's transaction (a no-op inside a bulk transaction). */
enum jr_err jr_store_begin(struct jr_store *s);

/* Ends the operation's transaction: commit when err is JR_OK, else roll back. Inside a bulk
 * transaction nothing is committed yet; a failure marks the bulk transaction as failed.
 * Returns err, or the commit's failure. */
enum jr_err jr_store_finish(struct jr_store *s, enum jr_err err);

/* jr_store_contract_covers inside the caller's transaction; with `listed` (may be NULL) also
 * whether a covering contract lists `product_code` or lists no codes at all (true when no code
 * is given). */
enum jr_err jr_store_contract_covers_in(struct jr_store *s, int64_t provider_id, int form,
					const char *region, const char *municipality, jr_day date,
					const char *product_code, bool *covers, bool *listed);

/* Search (store_search.c): the name keys and sort key of person `id`, written anew inside the
 * caller's transaction (on add, and on a change of name); and, once after migration 19, those of
 * every person on record. */
enum jr_err jr_store_person_name_index(struct jr_store *s, int64_t id, const char *given,
				       const char *family);
enum jr_err jr_store_person_name_backfill(struct jr_store *s);

#endif
