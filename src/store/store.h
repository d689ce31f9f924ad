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

#include "core/err.h"
#include "core/person.h"
#include "json/diag.h"

struct jr_store;

/* Who acts, from where, and why: the audit log's columns. All three are required. */
struct jr_actor {
	const char *who;
	const char *origin;
	const char *reason;
};

/* Opens the database at `url` with the BSN key file `key_file`. With `init`, creates what is
 * missing (database, key file) and migrates; without it, the database must exist at the
 * program's schema version. On failure diag.message says what and how to fix it. */
enum jr_err jr_store_open(const char *url, const char *key_file, bool init,
			  struct jr_store **out, struct jr_diag *diag);
void jr_store_close(struct jr_store *s);

/* The schema version found when the store was opened, and the one it has now. */
void jr_store_versions(const struct jr_store *s, int *found, int *now);

/* Persons. add: sets p->id and p->version (1); JR_ERR_CONFLICT when the BSN is known already.
 * get / find: JR_ERR_NOT_FOUND when there is no such person. update: p->version must be the
 * stored version (else JR_ERR_CONFLICT); on success p->version is the new one. */
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

#endif
