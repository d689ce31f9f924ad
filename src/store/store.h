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
#include <stdint.h>

#include "core/course.h"
#include "core/err.h"
#include "core/person.h"
#include "core/policy.h"
#include "core/signals.h"
#include "core/diag.h"

struct jr_store;

#define JR_TEXT_FIELD_MAX 2001 /* free text fields: 2000 bytes of UTF-8 */
#define JR_ORG_KIND_MAX 24

/* Who acts, from where, and why: the audit log's columns. who, origin and reason are required;
 * role and organisation_id say in which capacity (NULL and 0 on the command line). */
struct jr_actor {
	const char *who;
	const char *origin;
	const char *reason;
	const char *role;
	int64_t organisation_id;
};

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

/* Whether the database answers (a trivial query): for the server's health check. */
enum jr_err jr_store_ping(struct jr_store *s);

/* The schema version found when the store was opened, and the one it has now. */
void jr_store_versions(const struct jr_store *s, int *found, int *now);

/* Persons. add: sets p->id and p->version (1); JR_ERR_CONFLICT when the BSN is known already.
 * get / find: JR_ERR_NOT_FOUND when there is no such person. update: p->version must be the
 * stored version (else JR_ERR_CONFLICT); on success p->version is the new one. */
/* Appends an address as JSON ({"street":…,"house_number":…,"house_letter":…,"house_addition":…,
 * "postcode":…,"place":…}), or null when it is not known: the one shape the store's history,
 * the command line and the API show. */
enum jr_err jr_store_address_json(const struct jr_address *a, struct jr_buf *b);
enum jr_err jr_store_person_add(struct jr_store *s, const struct jr_actor *a, struct jr_person *p);
enum jr_err jr_store_person_get(struct jr_store *s, const struct jr_actor *a, int64_t id,
				struct jr_person *out);
enum jr_err jr_store_person_find_bsn(struct jr_store *s, const struct jr_actor *a, const char *bsn,
				     struct jr_person *out);
enum jr_err jr_store_person_update(struct jr_store *s, const struct jr_actor *a,
				   struct jr_person *p);

/* Users. The password is hashed with Argon2id; JR_ERR_CONFLICT when the name is taken. */
enum jr_err jr_store_user_add(struct jr_store *s, const struct jr_actor *a, const char *username,
			      const char *role, const char *password);
/* Whether a user with this name exists. */
enum jr_err jr_store_user_exists(struct jr_store *s, const char *username, bool *exists);

/* Records a policy file's content under its region and SHA-256, once per distinct content.
 * *added tells whether it was new. */
enum jr_err jr_store_policy_record(struct jr_store *s, const struct jr_actor *a, const char *region,
				   const char *content, bool *added);

/* The audit log (store_audit.c) is append-only and chained with a keyed MAC: entry n carries
 * keyed BLAKE2b-256 (its key in the audit key file, outside the database) of the MAC of entry
 * n-1 and its own fields, and audit_head holds the last number, MAC and key, so a changed,
 * removed, inserted or reordered entry breaks the chain, and without the key it cannot be
 * recomputed. Signed checkpoints of the chain's end (Ed25519, in the checkpoint file, outside
 * the database) show entries cut off the end. Verify walks the chain whole and compares every
 * checkpoint. */
#define JR_STORE_AUDIT_MSG_MAX 512
struct jr_audit_verdict {
	int64_t entries;  /* entries checked */
	int64_t bad_seq;  /* the first entry that does not fit, 0 when the chain holds */
	char problem[JR_STORE_AUDIT_MSG_MAX]; /* what is wrong there, in Dutch; "" when it holds */
	bool checkpoint_file;        /* whether the checkpoint file exists */
	int64_t checkpoints;         /* checkpoints whose signature holds, compared with the chain */
	int64_t last_checkpoint_seq; /* the highest entry a checkpoint attests; 0 none */
	char last_checkpoint_at[21];
	int64_t bad_checkpoint_line; /* the first line of the checkpoint file that is not a
				      * validly signed checkpoint; 0 when all are */
	char checkpoint_problem[JR_STORE_AUDIT_MSG_MAX]; /* why, in Dutch */
};
/* JR_OK with v->bad_seq and v->bad_checkpoint_line 0 when the chain and the checkpoints hold;
 * JR_OK with those and the problems set when they do not (the caller decides what that means);
 * another error when the log could not be read. Writes an audit entry of its own after
 * checking. */
enum jr_err jr_store_audit_verify(struct jr_store *s, const struct jr_actor *a,
				  struct jr_audit_verdict *v);
/* Signs the end of the chain as committed now (seq, MAC, time, key) and appends it to the
 * checkpoint file: when `always`, or when it moved since this store's last checkpoint; an empty
 * chain is not signed. Outside a transaction; reads audit_head on the store's own connection.
 * *out (when not NULL) is what was signed (seq 0 when nothing was). JR_ERR_REFUSED when the end
 * went back since this store's last checkpoint (not signed: entries were removed), JR_ERR_IO
 * when the file cannot be written; msg says which. */
struct jr_audit_checkpoint;
enum jr_err jr_store_audit_checkpoint(struct jr_store *s, bool always,
				      struct jr_audit_checkpoint *out,
				      char msg[JR_STORE_AUDIT_MSG_MAX]);
/* Adds a new key to the audit key file (the old ones stay, retired, for verifying) and
 * switches the chain to it with an entry "audit.key_rotate" naming the new key, MACed with the
 * old one; every later entry and checkpoint uses the new key. new_id is its id. */
enum jr_err jr_store_audit_rotate_key(struct jr_store *s, const struct jr_actor *a,
				      char new_id[17], char msg[JR_STORE_AUDIT_MSG_MAX]);
/* Key i (0 the oldest) of the audit key ring: its id and Ed25519 public key (hex), whether the
 * chain's end uses it, and the files. JR_ERR_NOT_FOUND past the last. */
struct jr_audit_key_info {
	char id[17];
	char public_key[65];
	bool in_use;
	char id_in_use[17];
	char key_file[1024];
	char checkpoint_file[1024];
};
enum jr_err jr_store_audit_key_info(struct jr_store *s, int i, struct jr_audit_key_info *out);

/* Login, sessions and API tokens (store_session.c). A token is 32 random bytes in base64url
 * (43 characters); the store keeps only its BLAKE2b hash, so a copy of the database opens no
 * session. */
#define JR_TOKEN_LEN 43
#define JR_SESSION_SECONDS (8 * 3600) /* a working day */

/* Who is logged in, with what the authorisation needs of their organisation. */
struct jr_principal {
	int64_t user_id;
	char username[33];
	char role[24];
	int64_t organisation_id; /* 0 = none */
	char org_kind[JR_ORG_KIND_MAX];
	char municipality[5]; /* of the organisation; "" for regional ones */
	char agb[9];          /* of the organisation; "" when none */
	char csrf[JR_TOKEN_LEN + 1]; /* a browser session's CSRF token; "" for an API token */
	bool api;                    /* authenticated by an API token (no cookie, no CSRF) */
	bool must_change_password;   /* after a reset: choose a new password before anything else */
};

/* A login, in three steps around the password check, which runs outside every transaction and
 * lock (app/login.c). The account as the attempt needs it: */
struct jr_login_account {
	bool found;             /* a user of that name */
	bool usable;            /* active, with a role that fits its organisation (core/roles.h):
				 * else refused as a wrong password is (audited login.refused) */
	struct jr_principal p;  /* its principal (no CSRF token yet) */
	char hash[128];         /* its Argon2id hash (libsodium's crypto_pwhash_STRBYTES) */
	int failures;           /* failed attempts in a row, from anywhere, since its last login */
	bool known_address;     /* it logged in from this client address before */
};
/* Passwords checked and hashed beforehand, outside every transaction and lock (the server does
 * the slow Argon2id work on a thread of its own between the steps of a request): the next
 * operations of this store that would hash `password` (adding a user, setting a password) take
 * `hash` instead, and those that would check `password` against `against` (changing one's own
 * password) take `ok`. Either may be NULL. Only a hash of the password is kept, to recognise
 * it; a different password, or a stored hash that changed since, is hashed or checked anew. */
void jr_store_password_prepare(struct jr_store *s, const char *password, const char *hash,
			       const char *checked, const char *against, bool ok);
/* The stored Argon2id hash of user `id` and whether it must wait before its password may be
 * tried again (after failed attempts), for a check made beforehand; *found false when there is
 * no such user. */
enum jr_err jr_store_user_password_hash(struct jr_store *s, int64_t id, int64_t now,
					char hash[128], bool *must_wait, bool *found);

/* An Argon2id hash of a random password nobody knows (libsodium's interactive limits, as
 * every user's): checked against when there is no such user, so that the time taken does not
 * tell. */
extern const char jr_store_decoy_hash[];
/* Reads the account named `username` and whether it logged in from `address` before; found is
 * false (JR_OK) when there is no such user. */
enum jr_err jr_store_login_account(struct jr_store *s, const char *username, const char *address,
				   struct jr_login_account *out);
/* A wrong password (or an unknown name): the account's count of failures in a row goes up by
 * one in a single statement (acc->failures is the new count) and the attempt is audited
 * (login.failed; the name only when it is a user's). */
enum jr_err jr_store_login_failed(struct jr_store *s, const struct jr_actor *a,
				  struct jr_login_account *acc);
/* An attempt refused unchecked because it came too soon: audited (login.wait). */
enum jr_err jr_store_login_waited(struct jr_store *s, const struct jr_actor *a,
				  const struct jr_login_account *acc);
/* The right password: the count of failures starts again, the client address (a->origin) is
 * remembered, a browser session is opened (its token in token_out, the principal with its CSRF
 * token in *p) and the login audited. */
enum jr_err jr_store_login_open(struct jr_store *s, const struct jr_actor *a,
				const struct jr_login_account *acc, int64_t now,
				char token_out[JR_TOKEN_LEN + 1], struct jr_principal *p);
/* The principal of a live session or API token; JR_ERR_NOT_FOUND when unknown or expired, and
 * also when its user has been deactivated or has a role that does not fit its organisation's
 * kind (core/roles.h) — that refusal alone is audited (session.refused, as `a`) and committed.
 * Otherwise no audit entry: it is done for every request, and the request's own access is
 * audited. An API token's last use is recorded, at most once a minute. */
enum jr_err jr_store_session_find(struct jr_store *s, const struct jr_actor *a, const char *token,
				  int64_t now, struct jr_principal *p);
/* Ends a session (logout); JR_OK also when it was gone already. */
enum jr_err jr_store_session_end(struct jr_store *s, const struct jr_actor *a, const char *token);
/* Makes an API token for a user, valid `days` days (1 to 3660), named `name` (1 to 100 bytes);
 * the token is shown once (token_out), its number goes to *id. JR_ERR_INPUT for a bad name or
 * lifetime, JR_ERR_NOT_FOUND for an unknown user, JR_ERR_REFUSED for a user who is inactive or
 * whose role does not fit its organisation (that refusal is audited and committed). */
enum jr_err jr_store_api_token_add(struct jr_store *s, const struct jr_actor *a, int64_t user_id,
				   const char *name, int days, int64_t now,
				   char token_out[JR_TOKEN_LEN + 1], int64_t *id);

/* Account administration (store_session.c, its last part). Each operation is audited on the
 * object "user:ID"; a refusal that depends on what is stored (an unknown user, the last active
 * administrator, a role that does not fit, an inactive user) is audited as "<action>.refused"
 * and committed — nothing else is written — and returned as the error. */
/* An API token as its list shows it: never the token or its hash. */
struct jr_api_token {
	int64_t id;
	char name[101];
	char created_at[21];  /* UTC, "YYYY-MM-DDTHH:MM:SSZ" */
	int64_t expires_at;   /* Unix seconds */
	int64_t last_used_at; /* Unix seconds, to the minute; 0 = never used */
};
typedef enum jr_err (*jr_api_token_fn)(void *ctx, const struct jr_api_token *t);
/* The API tokens of user `user_id` still valid at `now`, oldest first; stops at the first error
 * `fn` returns. JR_ERR_NOT_FOUND when there is no such user. */
enum jr_err jr_store_api_token_each(struct jr_store *s, int64_t user_id, int64_t now,
				    jr_api_token_fn fn, void *ctx);
/* Ends API token `token_id` of user `user_id` at once (api_token.revoke). JR_ERR_NOT_FOUND
 * when that user has no such token. */
enum jr_err jr_store_api_token_revoke(struct jr_store *s, const struct jr_actor *a,
				      int64_t user_id, int64_t token_id);
/* Deactivates (active false: user.deactivate) or reactivates (user.activate) user `id`.
 * Deactivation ends every browser session and API token of the user at once (*ended: how
 * many); reactivation brings none back and clears the failed-login count. JR_ERR_NOT_FOUND:
 * no such user; JR_ERR_CONFLICT: deactivating the last active administrator; JR_ERR_REFUSED:
 * reactivating a user whose role does not fit its organisation (change that first). */
enum jr_err jr_store_user_set_active(struct jr_store *s, const struct jr_actor *a, int64_t id,
				     bool active, int64_t *ended);
/* Gives user `id` role `role` at organisation `organisation_id` (0 = none) (user.role). When
 * either changes, every session and API token of the user ends (*ended): what it may see
 * changes with them. JR_ERR_INPUT: unknown role; JR_ERR_NOT_FOUND: no such user or
 * organisation; JR_ERR_REFUSED: the role does not fit the organisation's kind; JR_ERR_CONFLICT:
 * it would leave no active administrator. */
enum jr_err jr_store_user_set_role(struct jr_store *s, const struct jr_actor *a, int64_t id,
				   const char *role, int64_t organisation_id, int64_t *ended);
/* An administrator sets user `id`'s password (Argon2id; user.password_reset): the user's
 * browser sessions end (*ended), its API tokens stay, the failed-login count starts again, and
 * with `must_change` the user must choose a password of its own before anything else.
 * JR_ERR_INPUT: an empty password; JR_ERR_NOT_FOUND: no such user. */
enum jr_err jr_store_user_reset_password(struct jr_store *s, const struct jr_actor *a, int64_t id,
					 const char *password, bool must_change, int64_t *ended);
/* User `id` changes its own password (user.password_change). `old` is checked as a login
 * checks it: a wrong one counts as a failed login (user.password_change.refused) and the same
 * rising delay applies — JR_ERR_REFUSED with *retry_after 0 for a wrong password, with the
 * seconds left when the user must wait first (unchecked). On success the must-change mark
 * goes and every other browser session of the user ends: all but the one whose CSRF token is
 * `keep_csrf` ("" = none kept). The rules for the new password are the caller's
 * (app/accounts.h). JR_ERR_NOT_FOUND: no such user; JR_ERR_REFUSED also for an inactive one. */
enum jr_err jr_store_user_change_password(struct jr_store *s, const struct jr_actor *a, int64_t id,
					  const char *old, const char *new_password, int64_t now,
					  const char *keep_csrf, int *retry_after);
/* The kind of organisation `id` into `kind`; *found false (and JR_OK) when there is none. */
enum jr_err jr_store_organisation_kind(struct jr_store *s, int64_t id,
				       char kind[JR_ORG_KIND_MAX], bool *found);

/* Writes one audit entry in a transaction of its own, for what happens outside the store's
 * operations (e.g. a refused access). person_id 0 = none; object may be "". */
enum jr_err jr_store_audit_event(struct jr_store *s, const struct jr_actor *a, const char *action,
				 int64_t person_id, const char *object);

/* Who looked at or changed a person's records (the family's right of access): the audit entries
 * about the person, newest first, at most `limit`. The reading is itself audited. */
struct jr_audit_entry {
	int64_t seq;
	char at[21];
	char actor[96];
	char role[24];
	int64_t organisation_id;
	char action[48];
	char object[64];
	char origin[64];
	char reason[208];
};
typedef enum jr_err (*jr_audit_fn)(void *ctx, const struct jr_audit_entry *e);
enum jr_err jr_store_audit_of_person(struct jr_store *s, const struct jr_actor *a,
				     int64_t person_id, int limit, jr_audit_fn fn, void *ctx);

/* Providers (zorgaanbieders) and their contracts (store_provider.c). */
struct jr_provider {
	int64_t id;
	char agb[9];  /* AGB code, 8 digits: the provider's identity in iJw */
	char kvk[9];  /* KvK number, 8 digits, or "" */
	char name[JR_PERSON_NAME_MAX];
	enum jr_provider_status status;
	char quality[256]; /* quality marks, free text */
	bool demo;
	int version;
};

/* add: sets id and version (1); JR_ERR_CONFLICT when the AGB code is known already. */
enum jr_err jr_store_provider_add(struct jr_store *s, const struct jr_actor *a,
				  struct jr_provider *p);
enum jr_err jr_store_provider_get(struct jr_store *s, int64_t id, struct jr_provider *out);
/* Changes the status from the version read (JR_ERR_CONFLICT when stale), keeping history. */
enum jr_err jr_store_provider_set_status(struct jr_store *s, const struct jr_actor *a,
					 struct jr_provider *p, enum jr_provider_status status);

typedef enum jr_err (*jr_provider_fn)(void *ctx, const struct jr_provider *p);
/* Every provider, by name. */
enum jr_err jr_store_provider_each(struct jr_store *s, jr_provider_fn fn, void *ctx);

/* A contract: one provider, the whole region (municipality "") or one municipality, a set of
 * forms, a period, a tariff and a capacity. */
struct jr_contract {
	int64_t id;
	int64_t provider_id;
	char region[JR_ID_MAX];   /* policy region id, e.g. "twente" */
	char municipality[5];     /* CBS code, or "" for every municipality of the region */
	unsigned forms;           /* 1u << form */
	char product_codes[256];  /* comma-separated, for product-regime municipalities */
	int64_t tariff_cents;     /* per unit; 0 = not given */
	char unit[16];            /* e.g. "uur", "dag", "week" */
	jr_day start;
	bool has_end;
	jr_day end;
	int capacity;             /* 0 = not given */
};

/* add: sets id; JR_ERR_NOT_FOUND when the provider does not exist. */
enum jr_err jr_store_contract_add(struct jr_store *s, const struct jr_actor *a,
				  struct jr_contract *c);
typedef enum jr_err (*jr_contract_fn)(void *ctx, const struct jr_contract *c);
/* A provider's contracts, oldest first; JR_ERR_NOT_FOUND when the provider does not exist. */
enum jr_err jr_store_contract_each(struct jr_store *s, int64_t provider_id, jr_contract_fn fn,
				   void *ctx);
/* Whether some contract covers this provider, form and date, for `municipality` itself or its
 * whole `region`. */
enum jr_err jr_store_contract_covers(struct jr_store *s, int64_t provider_id, int form,
				     const char *region, const char *municipality, jr_day date,
				     bool *covers);

/* Referrals, allocations and care (store_care.c). */
#define JR_IDEMPOTENCY_KEY_MAX 64 /* characters of an Idempotency-Key: visible ASCII */
#define JR_FINGERPRINT_HEX 64     /* a request's keyed fingerprint, hex */
struct jr_referral {
	int64_t id;
	int64_t help_request_id;
	int referrer_type;        /* COD327 number */
	char agb[9];              /* "" when the referrer type carries none */
	char referrer_name[JR_PERSON_NAME_MAX]; /* the referring professional or organisation */
	jr_day referred_on;
	int form;
	bool valid;               /* judged by rule 7 when recorded */
	/* How it came in: "api" (a referrer's own request), "cli", "ijw" (named in a provider's
	 * JW315: the referrer did not make it here), "demo", "migrated" (recorded before v13). */
	char source[12];
	int64_t organisation_id;  /* the referring organisation that made it; 0 = none */
	/* API referrals only: the client's Idempotency-Key ("" = none), the keyed fingerprint of
	 * the request that made it (jr_store_fingerprint), and whether it is the one referral of
	 * its organisation for this child and form on referred_on. */
	char idempotency_key[JR_IDEMPOTENCY_KEY_MAX + 1];
	char fingerprint[JR_FINGERPRINT_HEX + 1];
	bool once_a_day;
};
/* Records a referral; `valid` is the caller's judgement with jr_rule_referral_check; `source`
 * must be set. JR_ERR_CONFLICT when the organisation has a referral with this idempotency key,
 * or (once_a_day) one for the child and form that day already. */
enum jr_err jr_store_referral_add(struct jr_store *s, const struct jr_actor *a,
				  struct jr_referral *r);
/* A keyed fingerprint (BLAKE2b with the store's own hashing key, hex) of `text`, so that a
 * request holding a BSN can be recognised again without keeping anything that reveals it. */
void jr_store_fingerprint(const struct jr_store *s, const char *text,
			  char out[JR_FINGERPRINT_HEX + 1]);
/* The referral organisation `org` made with this Idempotency-Key: *found tells whether there is
 * one; then *out holds it (with its fingerprint). Not audited: nothing of a person is read. */
enum jr_err jr_store_referral_by_key(struct jr_store *s, int64_t org, const char *key,
				     struct jr_referral *out, bool *found);
/* The referral organisation `org` made through the API for this child and form on `day`, if
 * any (*found). Not audited: the caller has the child's identity and audits what it answers. */
enum jr_err jr_store_referral_same_day(struct jr_store *s, int64_t org, int64_t child_id, int form,
				       jr_day day, struct jr_referral *out, bool *found);
/* How many times, since `since` (UTC, "YYYY-MM-DDTHH:MM:SSZ"), organisation `org` was refused
 * a referral of this person because the birth date or family name did not fit (audit action
 * referral.mismatch). */
enum jr_err jr_store_referral_mismatches(struct jr_store *s, int64_t org, int64_t person_id,
					 const char *since, int64_t *count);

struct jr_allocation {
	int64_t id;
	int64_t help_request_id;
	char number[21];          /* ToewijzingNummer, assigned by the store: "<municipality>-<id>" */
	int64_t provider_id;
	int64_t referral_id;      /* 0 = municipal decision */
	int form;
	char jz020[3];
	enum jr_regime regime;
	char result_description[JR_TEXT_FIELD_MAX];
	int intensity;            /* OB1..OB4 as 1..4, 0 = none */
	char product_code[17];
	int volume;
	char unit[16];
	char frequency[24];
	jr_day start;
	bool has_end;
	jr_day end;
	int64_t gi_organisation_id; /* the GI whose decision it is, within its measure; 0 = the
				       municipality's */
};
/* What the allocation rules (jr_allocation_check, checked by app/care.c) need from the records
 * for allocation `al` (its help request, provider, referral, form and start) under the policy
 * of region `region`: sets f->measure (the child's on the start day), broad_analysis,
 * provider_known, provider_status, referral_valid (for this help request and form, valid) and
 * contract_covers; leaves the rest of *f. JR_ERR_NOT_FOUND when the help request does not
 * exist. Not audited: nothing of a person is shown. */
enum jr_err jr_store_allocation_facts(struct jr_store *s, const struct jr_allocation *al,
				      const char *region, struct jr_allocation_facts *f);
/* Records allocation `al` as the app decided it (regime and jz020 filled in; no rule checked
 * here): sets id and number. JR_ERR_NOT_FOUND when the help request does not exist. */
enum jr_err jr_store_allocation_add(struct jr_store *s, const struct jr_actor *a,
				    struct jr_allocation *al);

/* What a change of an allocation is checked against (app/care.c). */
struct jr_allocation_state {
	jr_day start;
	bool has_end;
	jr_day end;
	bool has_volume;
	int volume;
};
/* JR_ERR_NOT_FOUND when there is no allocation `id`. Not audited. */
enum jr_err jr_store_allocation_state(struct jr_store *s, int64_t id,
				      struct jr_allocation_state *out);

/* A change of an allocation's end or extent, with its reason (iJw JZ002: 02 to 14; 01 is
 * withdrawn, CS336), as the municipality decides it, often to honour a provider's request for
 * change (JW317). What is not set stays. */
struct jr_allocation_change {
	char reason[3];
	bool has_end;
	jr_day end;
	bool has_volume;
	int volume;
};
/* Changes allocation `id` as the app decided (with its history, audited) and marks the requests
 * for change of it that wait for the municipality as honoured (*honoured: how many). The next
 * `ijw export` sends it again, with its RedenWijziging. JR_ERR_NOT_FOUND. */
enum jr_err jr_store_allocation_change(struct jr_store *s, const struct jr_actor *a, int64_t id,
				       const struct jr_allocation_change *c, int *honoured);

/* The portals' lists (store_portal.c). A referral as its referrer sees it: the child by name
 * and birth date, its own question, and how far the local team got: received, accepted (the help
 * request left "registered" other than by withdrawal), allocated (the latest allocation on the
 * help request: provider, from when, care started or stopped), closed (closed or withdrawn, on
 * which day). Nothing else of the child's file. */
struct jr_referral_row {
	struct jr_referral r;
	int64_t child_id; /* for the audit entry; not for showing */
	char given_names[JR_PERSON_NAME_MAX];
	char family_name[JR_PERSON_NAME_MAX];
	jr_day birth_date;
	char question[JR_TEXT_FIELD_MAX];
	char state[16]; /* of the help request */
	bool accepted;
	bool allocated;
	char provider_name[JR_PERSON_NAME_MAX];
	jr_day allocated_from;
	jr_day care_started, care_stopped; /* 0 = not (yet) */
	jr_day closed_on;                  /* when state is closed or withdrawn; else 0 */
};
typedef enum jr_err (*jr_referral_row_fn)(void *ctx, const struct jr_referral_row *r);
/* The referrals organisation `org` made itself (not those a provider's message names it in),
 * newest first: a page of `limit` after `offset`; *total is how many there are in all. Each
 * child listed is audited (referral.list). */
enum jr_err jr_store_referrals_of_organisation(struct jr_store *s, const struct jr_actor *a,
					       int64_t org, int64_t offset, int64_t limit,
					       jr_referral_row_fn fn, void *ctx, int64_t *total);
/* Referral `id` when organisation `org` made it (*found; audited referral.read). Another's
 * referral and one that does not exist are alike to the caller (*found false), and both are
 * audited: access.denied with the child, or referral.read.none. */
enum jr_err jr_store_referral_of_organisation(struct jr_store *s, const struct jr_actor *a,
					      int64_t org, int64_t id, struct jr_referral_row *out,
					      bool *found);

/* An allocation as its provider sees it: with the child and the state of care. */
struct jr_allocation_row {
	int64_t id;
	char number[21];
	int64_t help_request_id;
	int form;
	jr_day start, end; /* end 0 = none */
	char regime[12];
	char result_description[JR_TEXT_FIELD_MAX];
	char product_code[17];
	int64_t child_id;
	char given_names[JR_PERSON_NAME_MAX];
	char family_name[JR_PERSON_NAME_MAX];
	jr_day birth_date;
	jr_day care_started, care_stopped; /* the latest start and stop, 0 = none */
	bool care_running;
	char provider_agb[9];
	char provider_name[JR_PERSON_NAME_MAX];
};
typedef enum jr_err (*jr_allocation_row_fn)(void *ctx, const struct jr_allocation_row *r);
/* The allocations to the provider with this AGB, newest first: a page of `limit` after `offset`;
 * *total is how many there are in all. Each child listed is audited. */
enum jr_err jr_store_allocations_by_agb(struct jr_store *s, const struct jr_actor *a,
					const char *agb, int64_t offset, int64_t limit,
					jr_allocation_row_fn fn, void *ctx, int64_t *total);
/* One allocation (audited); JR_ERR_NOT_FOUND when there is none. */
enum jr_err jr_store_allocation_get(struct jr_store *s, const struct jr_actor *a, int64_t id,
				    struct jr_allocation_row *out);

/* A measure as its GI sees it: with the child. */
struct jr_measure_row {
	int64_t id;
	int64_t child_id;
	char kind[32];
	jr_day start, end; /* end 0 = none */
	char given_names[JR_PERSON_NAME_MAX];
	char family_name[JR_PERSON_NAME_MAX];
	jr_day birth_date;
	char municipality[5];
};
typedef enum jr_err (*jr_measure_row_fn)(void *ctx, const struct jr_measure_row *m);
/* The measures with this organisation as GI, newest first: a page of `limit` after `offset`;
 * *total is how many there are in all. Each child listed is audited. */
enum jr_err jr_store_measures_by_gi(struct jr_store *s, const struct jr_actor *a,
				    int64_t gi_organisation_id, int64_t offset, int64_t limit,
				    jr_measure_row_fn fn, void *ctx, int64_t *total);

/* A court measure (OTS, voogdij, jeugdreclassering, machtiging gesloten jeugdhulp) for a child:
 * the compulsory framework. gi_organisation_id 0 = not recorded. */
struct jr_measure_record {
	int64_t id;
	int64_t child_id;
	enum jr_measure kind;
	jr_day court_date;
	int64_t gi_organisation_id;
	jr_day start;
	bool has_end;
	jr_day end;
};
/* JR_ERR_NOT_FOUND when the child (or the GI organisation) does not exist; the end before the
 * start is the app's to refuse. */
enum jr_err jr_store_measure_add(struct jr_store *s, const struct jr_actor *a,
				 struct jr_measure_record *m);
/* The measure in force for a child on a date (JR_MEASURE_NONE when none). */
enum jr_err jr_store_measure_on(struct jr_store *s, int64_t child_id, jr_day day,
				enum jr_measure *kind);

/* The outcome of care on ending (the national outcome indicators). */
struct jr_care_outcome {
	char goals_reached[8];      /* yes, partly, no */
	bool continues_without_help;
	int satisfaction;           /* 1..10 */
	char end_reason[3];         /* iJw JZ588 code, two digits */
};
/* The running care of an allocation: *delivery_id 0 when none runs, else its id and *started.
 * JR_ERR_NOT_FOUND when there is no such allocation. Not audited. */
enum jr_err jr_store_care_running(struct jr_store *s, int64_t allocation_id, int64_t *delivery_id,
				  jr_day *started);
/* Starts care on an allocation (whether it may, is the app's: app/care.c). */
enum jr_err jr_store_care_start(struct jr_store *s, const struct jr_actor *a, int64_t allocation_id,
				jr_day on, int64_t *delivery_id);
/* Stops the running care of an allocation, with its outcome (JR_ERR_NOT_FOUND when none runs;
 * a stop before the start is the app's to refuse). */
enum jr_err jr_store_care_stop(struct jr_store *s, const struct jr_actor *a, int64_t allocation_id,
			       jr_day on, const struct jr_care_outcome *o);

/* Record signals (store_signals.c): calls `fn` for every help request that is neither closed
 * nor withdrawn, with its case gathered from the records (core/signals.h); stops at the first
 * error `fn` returns. One read transaction and one audit entry for the whole scan. */
typedef enum jr_err (*jr_case_fn)(void *ctx, const struct jr_case *c);
enum jr_err jr_store_each_case(struct jr_store *s, const struct jr_actor *a, jr_case_fn fn,
			       void *ctx);

/* The social map (store_social.c): local provisions in the shape of the Open Referral HSDS idea
 * (organisation, service, location, municipality, categories and needs served, age range, cost,
 * no referral needed, contact) with the date each entry was last verified, so that stale entries
 * can be flagged instead of silently shown. */
struct jr_social_entry {
	int64_t id;
	char organisation[JR_PERSON_NAME_MAX];
	char service[JR_PERSON_NAME_MAX];
	char location[JR_PERSON_NAME_MAX]; /* "" = not given */
	char municipality[5];
	char categories[256]; /* comma-separated social-base categories or no-referral kinds */
	unsigned needs;       /* 1u << enum jr_need */
	int age_min, age_max; /* -1 = not given */
	char cost[64];        /* "" = not given, e.g. "gratis" */
	bool no_referral;
	char contact[JR_PERSON_NAME_MAX];
	jr_day verified_on;
	bool demo;
};
enum jr_err jr_store_social_add(struct jr_store *s, const struct jr_actor *a,
				struct jr_social_entry *e);
typedef enum jr_err (*jr_social_fn)(void *ctx, const struct jr_social_entry *e);
/* Every entry, or those of one municipality ("" = all), oldest id first. */
enum jr_err jr_store_social_each(struct jr_store *s, const char *municipality, jr_social_fn fn,
				 void *ctx);

/* Retention (store_retention.c): records are kept 20 years after care ends (Jeugdwet). */
#define JR_RETENTION_YEARS 20
typedef enum jr_err (*jr_retention_fn)(void *ctx, int64_t child_id, jr_day last_activity);
/* Calls `fn` for every child without an open help request whose last activity lies before
 * `cutoff` (callers pass the date minus JR_RETENTION_YEARS). */
enum jr_err jr_store_retention_candidates(struct jr_store *s, const struct jr_actor *a,
					  jr_day cutoff, jr_retention_fn fn, void *ctx);
/* Erases a child's records (help requests and all that hangs on them, measures, memberships,
 * history, the person). JR_ERR_REFUSED when the child is unknown or has an open help request. */
enum jr_err jr_store_erase_child(struct jr_store *s, const struct jr_actor *a, int64_t child_id);

/* Organisations, users and households (store_household.c). */
struct jr_organisation {
	int64_t id;
	char kind[JR_ORG_KIND_MAX]; /* local_team, gp_practice, youth_health, hospital, gi, provider,
				       regional_office, expert_team */
	char name[JR_PERSON_NAME_MAX];
	char municipality[5]; /* CBS code, or "" for regional organisations */
	char agb[9];          /* "" when none */
};
enum jr_err jr_store_organisation_add(struct jr_store *s, const struct jr_actor *a,
				      struct jr_organisation *o);
enum jr_err jr_store_organisation_get(struct jr_store *s, int64_t id, struct jr_organisation *out);
typedef enum jr_err (*jr_organisation_fn)(void *ctx, const struct jr_organisation *o);
/* Every organisation, oldest first, of one kind and/or municipality ("" = any); stops at the
 * first error `fn` returns. */
enum jr_err jr_store_organisation_each(struct jr_store *s, const char *kind,
				       const char *municipality, jr_organisation_fn fn, void *ctx);

/* Users beyond the first administrator: a role of DESIGN.md §4 (consulent, verwijzer, gi,
 * provider, contract_manager, policy, admin) and the organisation they work for (0 = none),
 * which must be of a kind the role belongs to (core/roles.h). add_in: JR_ERR_INPUT for a bad
 * name, role or password; JR_ERR_NOT_FOUND for an unknown organisation; JR_ERR_REFUSED when the
 * role does not fit the organisation's kind; JR_ERR_CONFLICT when the name is taken. */
/* A user as others may see it: never the password hash. */
struct jr_user {
	int64_t id;
	char username[33];
	char role[24];
	int64_t organisation_id; /* 0 = none */
	char created_at[21];
	char org_kind[JR_ORG_KIND_MAX]; /* the organisation's kind; "" when none */
	bool active;                    /* false after deactivation: no login, no session, no token */
	bool must_change_password;      /* after a reset, until the user chose its own */
};
enum jr_err jr_store_user_get(struct jr_store *s, int64_t id, struct jr_user *out);
typedef enum jr_err (*jr_user_fn)(void *ctx, const struct jr_user *u);
enum jr_err jr_store_user_each(struct jr_store *s, jr_user_fn fn, void *ctx);
enum jr_err jr_store_user_add_in(struct jr_store *s, const struct jr_actor *a, const char *username,
				 const char *role, int64_t organisation_id, const char *password,
				 int64_t *id);

struct jr_household {
	int64_t id;
	char municipality[5];
	int64_t coordinator_user_id; /* 0 = no coordinator (regisseur) yet */
	int version;
};
#define JR_HOUSEHOLD_MEMBERS_MAX 32
struct jr_household_member {
	int64_t person_id;
	char role[16]; /* child, parent, carer */
};
enum jr_err jr_store_household_add(struct jr_store *s, const struct jr_actor *a,
				   struct jr_household *h);
/* JR_ERR_NOT_FOUND when household or person is unknown; JR_ERR_CONFLICT when already a member. */
enum jr_err jr_store_household_add_member(struct jr_store *s, const struct jr_actor *a,
					  int64_t household_id, int64_t person_id, const char *role);
/* The household and its members (at most JR_HOUSEHOLD_MEMBERS_MAX; *count set). */
enum jr_err jr_store_household_get(struct jr_store *s, const struct jr_actor *a, int64_t id,
				   struct jr_household *out, struct jr_household_member *members,
				   size_t *count);
/* Sets the coordinator from the version read (JR_ERR_CONFLICT when stale); the user must exist
 * (JR_ERR_NOT_FOUND). History and audit as for every change. */
enum jr_err jr_store_household_set_coordinator(struct jr_store *s, const struct jr_actor *a,
					       struct jr_household *h, int64_t user_id);

/* A household in a coordinator's list: the family name of its first child (what a consulent
 * calls the family by), how many children and how many open help requests it has. */
struct jr_household_row {
	int64_t id;
	char municipality[5];
	int version;
	int64_t first_child_id; /* 0 when the household has no child */
	char family_name[JR_PERSON_NAME_MAX];
	int children;
	int open_help_requests;
};
typedef enum jr_err (*jr_household_row_fn)(void *ctx, const struct jr_household_row *h);
/* The households with this user as coordinator (regisseur), by family name: a page of `limit`
 * after `offset`; *total is how many there are in all. The child whose name is shown is
 * audited. */
enum jr_err jr_store_households_coordinated(struct jr_store *s, const struct jr_actor *a,
					    int64_t user_id, int64_t offset, int64_t limit,
					    jr_household_row_fn fn, void *ctx, int64_t *total);
/* Hands every household coordinated by user `from` over to user `to` (a consulent leaves, a
 * colleague takes her families), each with its history and audit entry as for one change;
 * *moved says how many. JR_ERR_NOT_FOUND when `to` is no user. */
enum jr_err jr_store_households_hand_over(struct jr_store *s, const struct jr_actor *a,
					  int64_t from, int64_t to, int64_t *moved);

/* Involvement (store_involvement.c): which organisations are involved with a child on a date,
 * derived from the records, never typed in. `via` says from what: help_request (the local team
 * of the municipality responsible, kind local_team), referral (the referrer, kind referrer;
 * referrals by the municipality itself or by no one are left out), allocation (the provider,
 * while care has not stopped) or measure (the GI, while the measure is in force). Only open
 * help requests count. */
struct jr_involvement {
	char via[16];
	int64_t object_id;       /* the help request, referral, allocation or measure */
	int64_t organisation_id; /* organisations.id, providers.id for a provider; 0 = not on record */
	char kind[JR_ORG_KIND_MAX];
	char name[JR_PERSON_NAME_MAX]; /* "" when the records name no organisation */
	char agb[9];
	int referrer_type; /* COD327 number for a referral, else 0 */
	jr_day since;
};
/* Fills `out` with up to `max` entries, oldest first; *count is how many there are (it may exceed
 * max). JR_ERR_NOT_FOUND when the child is unknown. One audit entry. */
enum jr_err jr_store_involvement(struct jr_store *s, const struct jr_actor *a, int64_t child_id,
				 jr_day on, struct jr_involvement *out, size_t max, size_t *count);

/* How a principal's organisation is linked to a person, for the authorisation (app/access.c,
 * whose pure rules decide on it with the day and the region's policy): the person's municipality
 * of residence; the help requests of the principal's municipality for the person (one open, and
 * the day the latest was closed or withdrawn); the allocations to the provider with the
 * principal's AGB (one without an end, and the latest end of those that have one: the end date,
 * or the day its care stopped for good when that came first — it may lie ahead); the measures
 * with the principal's organisation as GI (one without an end, and the latest end). A link of a
 * kind the principal has no identifier for (no municipality, AGB or organisation) is left out.
 * out->found false when there is no such person: not an error, so that a lookup that finds
 * nothing never fails the request's transaction. Not audited: the access it decides on is. */
struct jr_person_links {
	bool found;
	char municipality[5];
	bool case_open;
	jr_day case_closed_on;      /* 0 = none closed or withdrawn */
	bool allocation_open;
	jr_day allocation_ended_on; /* 0 = none with an end */
	bool measure_open;
	jr_day measure_ended_on;    /* 0 = none with an end */
};
enum jr_err jr_store_person_links(struct jr_store *s, int64_t person_id,
				  const struct jr_principal *p, struct jr_person_links *out);

/* For the authorisation, before anything is read (not audited): the child and the responsible
 * municipality of help request `id`. *found false when there is none — not an error, so that
 * the request's transaction goes on to audit the refusal. */
enum jr_err jr_store_help_request_owner(struct jr_store *s, int64_t id, int64_t *child_id,
					char municipality[5], bool *found);

/* For the authorisation of an allocation, before anything is read (not audited): its help
 * request, child and municipality, the provider's AGB, and the GI whose decision it was.
 * *found false when there is none (not an error, as above). */
struct jr_allocation_owner {
	int64_t help_request_id;
	int64_t child_id;
	char municipality[5];     /* of the help request */
	char provider_agb[9];
	int64_t gi_organisation_id; /* 0 = the municipality's decision */
};
enum jr_err jr_store_allocation_owner(struct jr_store *s, int64_t id,
				      struct jr_allocation_owner *out, bool *found);

/* For the authorisation of a family's page (not audited): the children of household `id` (at
 * most JR_HOUSEHOLD_MEMBERS_MAX; *count set). *found false when there is no such household (not
 * an error, as above). */
enum jr_err jr_store_household_children(struct jr_store *s, int64_t id, int64_t *children,
					size_t *count, bool *found);

/* A child's course as one timeline, oldest first (store_timeline.c). kind is help_request,
 * analysis, goal, advice, light_option, referral, measure, allocation, care_start or care_stop;
 * text, number and extra depend on it: the question and state of a help request; the
 * explanation of an analysis; a goal and its review date; the region of an advice; the offer,
 * whether tried (1/0) and why it does not suffice; the referrer, form and status of a referral;
 * the kind and end of a measure; the provider, form and number of an allocation; the provider,
 * form (and for a stop the goals reached) of care. Audited once for the child. */
struct jr_timeline_event {
	char day[11];
	char kind[16];
	int64_t child_id;
	int64_t help_request_id; /* 0 for a measure */
	int64_t object_id;
	char text[JR_TEXT_FIELD_MAX];
	int number;
	char extra[JR_TEXT_FIELD_MAX];
};
typedef enum jr_err (*jr_timeline_fn)(void *ctx, const struct jr_timeline_event *e);
enum jr_err jr_store_timeline(struct jr_store *s, const struct jr_actor *a, int64_t child_id,
			      jr_timeline_fn fn, void *ctx);

/* A member of a family's page: who, in which role, by name and birth date (never the BSN). */
struct jr_family_member {
	int64_t person_id;
	char role[16]; /* child, parent, carer */
	char given_names[JR_PERSON_NAME_MAX];
	char family_name[JR_PERSON_NAME_MAX];
	jr_day birth_date;
};
/* A family's page in one read (store_timeline.c): household `id` into *h, its parents and
 * carers and those of its children that are among `children` (the `n` the reader may see; NULL
 * for all) into `members` by person id (at most JR_HOUSEHOLD_MEMBERS_MAX; *count set), and then
 * one timeline of those children's courses, merged oldest first (a day's events by child), each
 * event to `fn`. One audit entry per person shown (family.read, object "household:<id>"), or one without
 * a person when nobody is. JR_ERR_NOT_FOUND when there is no such household. */
enum jr_err jr_store_family_read(struct jr_store *s, const struct jr_actor *a, int64_t id,
				 const int64_t *children, size_t n, struct jr_household *h,
				 struct jr_family_member *members, size_t *count,
				 jr_timeline_fn fn, void *ctx);

/* The raw counts of the regional figures for one municipality and period (store_figures.c);
 * report/figures.c turns them into the published figures. Counts of children are distinct
 * children; the waiting times are lists of days (owned; jr_store_figures_release). */
struct jr_figures_raw {
	char municipality[5];
	int64_t help_requests;
	int64_t settled_without_youth_care; /* closed without any allocation */
	int64_t children_by_form[JR_FORM_COUNT + 1];
	int64_t children_in_care;
	int64_t children_away_from_home; /* forms 5-8 */
	int64_t allocations_compulsory, allocations_voluntary;
	int64_t referrals_by_type[9]; /* by COD327 number */
	int64_t care_ended;
	int64_t goals[3]; /* reached, partly, not */
	int64_t continued_without_help;
	int64_t children_with_request, children_with_repeat_request;
	int *wait_allocation_days; /* referral → allocation */
	size_t wait_allocation_count, wait_allocation_cap;
	int *wait_start_days; /* allocation → start of care */
	size_t wait_start_count, wait_start_cap;
};
/* Fills rows (at most max municipalities; *count set) for the period from..to (inclusive). One
 * audit entry. */
enum jr_err jr_store_figures(struct jr_store *s, const struct jr_actor *a, jr_day from, jr_day to,
			     struct jr_figures_raw *rows, size_t max, size_t *count);
void jr_store_figures_release(struct jr_figures_raw *rows, size_t count);

/* Help requests and their course (store_course.c). */

struct jr_help_request {
	int64_t id;
	int64_t child_id;
	int64_t household_id; /* 0 = none */
	char raised_by[64];   /* who raised it: family, school, gp, police, veilig_thuis, … */
	jr_day raised_on;
	char question[JR_TEXT_FIELD_MAX]; /* in the family's words */
	char municipality[5];             /* responsible municipality (residence principle) */
	enum jr_hr_state state;
	int version;
};

/* add: state registered, version 1; JR_ERR_NOT_FOUND when the child does not exist;
 * JR_ERR_INPUT when h->household_id is set and the child is not a member of that household
 * (also when there is no such household: the answer tells nothing about other families). */
enum jr_err jr_store_help_request_add(struct jr_store *s, const struct jr_actor *a,
				      struct jr_help_request *h);
enum jr_err jr_store_help_request_get(struct jr_store *s, const struct jr_actor *a, int64_t id,
				      struct jr_help_request *out);
/* The child of a help request (for the authorisation, before anything is read); not audited.
 * JR_ERR_NOT_FOUND when there is no such help request. */
enum jr_err jr_store_help_request_child(struct jr_store *s, int64_t id, int64_t *child_id);
/* What the records hold about a help request's course (for jr_course_can_move). */
enum jr_err jr_store_course_facts(struct jr_store *s, int64_t id, struct jr_course_facts *f);
/* Moves the help request to `to` from the version read (h->version): JR_ERR_CONFLICT when
 * stale. Whether the course allows the step is the app's (app/course.c). */
enum jr_err jr_store_help_request_move(struct jr_store *s, const struct jr_actor *a,
				       struct jr_help_request *h, enum jr_hr_state to);

/* A help request as a work list shows it: with the child's name and birth date. */
struct jr_help_request_row {
	struct jr_help_request h;
	char given_names[JR_PERSON_NAME_MAX];
	char family_name[JR_PERSON_NAME_MAX];
	jr_day birth_date;
};
typedef enum jr_err (*jr_help_request_row_fn)(void *ctx, const struct jr_help_request_row *r);
/* Which help requests a work list shows. */
enum jr_help_request_filter {
	JR_HELP_REQUESTS_ALL,
	JR_HELP_REQUESTS_OPEN,       /* neither closed nor withdrawn */
	JR_HELP_REQUESTS_REVIEW_DUE, /* open, with a goal whose review date lies before `today` */
};
/* The help requests of a municipality (the consulent's work list) that pass `filter`, newest
 * first: a page of `limit` after `offset`; *total is how many there are in all. Every child
 * listed is audited. */
enum jr_err jr_store_help_requests_of(struct jr_store *s, const struct jr_actor *a,
				      const char *municipality, enum jr_help_request_filter filter,
				      jr_day today, int64_t offset, int64_t limit,
				      jr_help_request_row_fn fn, void *ctx, int64_t *total);

struct jr_broad_analysis {
	int64_t help_request_id;
	jr_day made_on;
	unsigned char needs[JR_NEED_COUNT]; /* 0..4 per life domain */
	char explanation[JR_TEXT_FIELD_MAX];
	char participants[256];             /* e.g. "gezin, kind, school" */
	char hypotheses[JR_TEXT_FIELD_MAX];
};
enum jr_err jr_store_analysis_add(struct jr_store *s, const struct jr_actor *a,
				  const struct jr_broad_analysis *b);
/* The most recent broad analysis of a help request; JR_ERR_NOT_FOUND when there is none. */
enum jr_err jr_store_analysis_latest(struct jr_store *s, int64_t help_request_id,
				     struct jr_broad_analysis *out);
enum jr_err jr_store_goal_add(struct jr_store *s, const struct jr_actor *a, int64_t help_request_id,
			      const char *text, bool has_review, jr_day review_on);
/* A light option weighed: an offer id from the policy (social base or no referral), whether it
 * was tried, and if it does not suffice, why. */
enum jr_err jr_store_light_option_add(struct jr_store *s, const struct jr_actor *a,
				      int64_t help_request_id, const char *kind,
				      const char *option_id, bool tried, const char *why_not_enough);
/* The routing answer as given (JSON), with the policy region it came from. */
enum jr_err jr_store_route_advice_add(struct jr_store *s, const struct jr_actor *a,
				      int64_t help_request_id, const char *region,
				      const char *answer_json);

/* iJw exchange (store_ijw.c). Each call works inside the caller's transaction when there is one
 * (jr_store_bulk_begin): an incoming message is taken in whole or not at all. */

/* A message exchanged, without its content: direction "in" or "out", its kind ("JW305"), its
 * identification, day and parties, and "accepted", "rejected" or "sent"; `answers` is the
 * message a return message answers (0 for none). */
struct jr_ijw_message_rec {
	int64_t id;
	char direction[4];
	char code[6];
	char identification[12 * 4 + 1]; /* up to 12 characters */
	jr_day dagtekening;
	char sender[9];
	char receiver[9];
	char status[10];
	int64_t answers;
};
/* Whether a message of this direction, kind, sender and identification is on record (TR056). */
enum jr_err jr_store_ijw_message_known(struct jr_store *s, const char *direction,
				       const char *code, const char *sender,
				       const char *identification, bool *known);
/* Records a message; sets m->id. An outgoing message without identification gets one
 * ("JR" and a number), unique for jeugdroute as sender. JR_ERR_CONFLICT when known. */
enum jr_err jr_store_ijw_message_add(struct jr_store *s, const struct jr_actor *a,
				     struct jr_ijw_message_rec *m);

/* The provider's return message to one of jeugdroute's messages (a JW302 to a JW301, a JW320
 * to a JW319): the message sent of kind `code` by `sender` with `identification` becomes
 * "acknowledged", or "rejected" with the return codes (comma-separated) when there are any but
 * 0200. *found false when no such message was sent. */
enum jr_err jr_store_ijw_message_answered(struct jr_store *s, const struct jr_actor *a,
					  const char *code, const char *sender,
					  const char *identification, const char *codes,
					  bool *found);

/* The provider with this AGB code; JR_ERR_NOT_FOUND when there is none. */
enum jr_err jr_store_provider_find_agb(struct jr_store *s, const char *agb,
				       struct jr_provider *out);

/* An allocation as the exchange needs it (the iJw ToewijzingNummer is its id). */
struct jr_ijw_allocation {
	int64_t id;
	int64_t provider_id;
	char provider_agb[9];
	int64_t child_id;
	char municipality[5]; /* of the help request */
	int form;
	char jz020[3];
	char regime[12];
	char product_code[17];
	int intensity;
	int64_t volume;
	char unit[16];
	char frequency[24];
	jr_day start;
	bool has_end;
	jr_day end;
	char change_reason[3];
	jr_day decided;      /* Toewijzingsdatum: when made, or last changed (a JW301 with the
			      * same ToewijzingNummer and a later date and time replaces one) */
	char decided_at[9];  /* Toewijzingstijd */
	int64_t referral_id;
	int64_t help_request_id;
};
/* The allocation with this id; *found false when there is none (not an error: a message may
 * name any number, and a lookup inside a bulk transaction must not fail it). */
enum jr_err jr_store_ijw_allocation(struct jr_store *s, int64_t id, struct jr_ijw_allocation *out,
				    bool *found);
/* In the generic regime (taakgericht) no allocation message is sent, and a start or stop names
 * no ToewijzingNummer: the provider's allocation for this child with this product category
 * that runs on `on` is the one meant; *found false when there is none. */
enum jr_err jr_store_ijw_allocation_generic(struct jr_store *s, int64_t provider_id,
					    int64_t child_id, const char *jz020, jr_day on,
					    struct jr_ijw_allocation *out, bool *found);
/* The provider's current allocations for this child on `on` (not ended before it, not deleted
 * with reason 13), at most `max`: what a request for change (JW317) must name (TR349). */
enum jr_err jr_store_ijw_allocations_current(struct jr_store *s, int64_t provider_id,
					     int64_t child_id, jr_day on,
					     struct jr_ijw_allocation *out, size_t max, size_t *count);
typedef enum jr_err (*jr_ijw_allocation_fn)(void *ctx, const struct jr_ijw_allocation *al);
/* The allocations made or changed on or after `since`, oldest first, for an export. */
enum jr_err jr_store_ijw_allocations_since(struct jr_store *s, jr_day since,
					   jr_ijw_allocation_fn fn, void *ctx);

/* A start of care (delivery) of an allocation, with its stop if any. */
struct jr_delivery_rec {
	int64_t id;
	jr_day started;
	bool stopped;
	jr_day stopped_on;
	char end_reason[3];
};
#define JR_DELIVERIES_MAX 64
/* The deliveries of an allocation, by start (at most JR_DELIVERIES_MAX). */
enum jr_err jr_store_deliveries_of(struct jr_store *s, int64_t allocation_id,
				   struct jr_delivery_rec *out, size_t *count);
/* A start, a stop (with its JZ588 reason, no outcome), the removal of a stop, the removal of a
 * start: each audited on the child as care.start, care.stop, care.unstop, care.unstart. */
enum jr_err jr_store_delivery_start(struct jr_store *s, const struct jr_actor *a,
				    int64_t allocation_id, jr_day on, int64_t *id);
enum jr_err jr_store_delivery_stop(struct jr_store *s, const struct jr_actor *a,
				   int64_t allocation_id, int64_t delivery_id, jr_day on,
				   const char *reason);
enum jr_err jr_store_delivery_unstop(struct jr_store *s, const struct jr_actor *a,
				     int64_t allocation_id, int64_t delivery_id);
enum jr_err jr_store_delivery_remove(struct jr_store *s, const struct jr_actor *a,
				     int64_t allocation_id, int64_t delivery_id);

/* JW315, JW317: a request for allocation or change, open until the municipality allocates or
 * answers (JW319). */
struct jr_ijw_request_rec {
	int64_t id;
	char kind[6];      /* "JW315" or "JW317" */
	int64_t change_of; /* JW317: the allocation to change; 0 for a new product */
	int64_t message_id;
	int64_t provider_id;
	int64_t help_request_id;
	int64_t referral_id;
	char reference[36 * 4 + 1]; /* ReferentieAanbieder: up to 36 characters */
	char jz020[3];
	char product_code[5 * 4 + 1];
	jr_day start;
	bool has_end;
	jr_day end;
	bool has_volume;
	int64_t volume;
	char unit[3];
	char frequency[2];
	bool has_budget;
	int64_t budget_cents;
	char status[14]; /* open, allocated, refused, investigating */
};
enum jr_err jr_store_ijw_request_add(struct jr_store *s, const struct jr_actor *a, int64_t child_id,
				     struct jr_ijw_request_rec *r);
/* Whether this provider used this reference before (TR347), and whether it has a request open
 * for this child (TR374). */
enum jr_err jr_store_ijw_request_seen(struct jr_store *s, int64_t provider_id,
				      const char *reference, int64_t child_id, bool *reference_used,
				      bool *open_for_child);
/* The request an allocation honours (by its referral), if any: "" in reference otherwise. */
enum jr_err jr_store_ijw_request_of_referral(struct jr_store *s, int64_t referral_id,
					     struct jr_ijw_request_rec *out);
/* The request for change (JW317) an allocation's last change honoured, if any: "" in reference
 * otherwise. */
enum jr_err jr_store_ijw_request_of_change(struct jr_store *s, int64_t allocation_id,
					   struct jr_ijw_request_rec *out);
/* The state of this provider's request (all its rows) with this reference: *found, its status
 * (of the first row), the municipality of its help request and its child. */
enum jr_err jr_store_ijw_request_state(struct jr_store *s, int64_t provider_id,
				       const char *reference, bool *found, char status[14],
				       char municipality[5], int64_t *child_id);
/* Sets the status of every row of this provider's request with this reference (audited on the
 * child as ijw.answer). */
enum jr_err jr_store_ijw_request_set_status(struct jr_store *s, const struct jr_actor *a,
					    int64_t provider_id, const char *reference,
					    const char *status);
/* Marks the request allocated with this allocation. */
enum jr_err jr_store_ijw_request_allocated(struct jr_store *s, int64_t request_id,
					   int64_t allocation_id);

/* JW323: a claim and its lines. */
struct jr_claim_rec {
	int64_t id;
	int64_t message_id;
	int64_t provider_id;
	char number[13]; /* DeclaratieNummer: up to 12 letters and digits */
	jr_day start, end;
	int64_t submitted_cents, granted_cents;
};
struct jr_claim_line_rec {
	int64_t claim_id;
	int64_t provider_id;
	int64_t allocation_id; /* 0 when it names none that exists */
	int64_t child_id;      /* for the audit log; 0 when unknown */
	char reference[20 * 4 + 1]; /* ReferentieNummer: up to 20 characters */
	char previous_reference[20 * 4 + 1];
	char jz020[3];
	char product_code[5 * 4 + 1];
	jr_day start, end;
	int64_t volume;
	char unit[3];
	bool has_tariff;
	int64_t tariff_cents;
	int64_t amount_cents;
	bool debit;
	bool accepted;
	char codes[64]; /* the return codes of a rejected line, comma-separated */
};
enum jr_err jr_store_claim_add(struct jr_store *s, const struct jr_actor *a, struct jr_claim_rec *c);
enum jr_err jr_store_claim_line_add(struct jr_store *s, const struct jr_actor *a,
				    const struct jr_claim_line_rec *l);
/* Whether the provider used this claim number before (TR333). */
enum jr_err jr_store_claim_known(struct jr_store *s, int64_t provider_id, const char *number,
				 bool *known);
/* TR318: the end of the provider's last claim period to this municipality before `begin`
 * (*has_previous), and whether care of the provider for a child of the municipality ran on a
 * day after it and before `begin` (*delivered_between). */
enum jr_err jr_store_claim_previous(struct jr_store *s, int64_t provider_id,
				    const char *municipality, jr_day begin, bool *has_previous,
				    jr_day *previous_end, bool *delivered_between);
/* What is on record for a line reference of this provider: *debit_accepted when an accepted
 * debit line has it (what a credit must refer to, TR323), *credited when a credit line refers
 * to it already (TR390), *used when any line has it (TR314). */
enum jr_err jr_store_claim_reference(struct jr_store *s, int64_t provider_id,
				     const char *reference, bool *used, bool *debit_accepted,
				     bool *credited);
/* The volume accepted so far on an allocation: debit minus credit (TR322, TR369). */
enum jr_err jr_store_claimed_volume(struct jr_store *s, int64_t allocation_id, int64_t *volume);
/* Whether an accepted debit line covers this allocation, product and period already (TR389). */
enum jr_err jr_store_claim_period_debited(struct jr_store *s, int64_t allocation_id,
					  const char *product_code, jr_day start, jr_day end,
					  bool *debited);

#endif
