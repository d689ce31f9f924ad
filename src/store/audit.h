/* audit: the audit log (store_audit.c): its chain, checkpoints and keys, the entries written
 * outside the store's operations, and who looked at a person's records. */
#ifndef JR_STORE_AUDIT_H
#define JR_STORE_AUDIT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"

#include "store/store_types.h"

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

#endif
