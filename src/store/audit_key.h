/* audit_key: the keys that make the audit log tamper-evident, and the signed checkpoints of the
 * end of its chain.
 *
 * The audit key file (mode 0600, beside the BSN key file, never in the database) holds a ring of
 * keys, oldest first: each is a 32-byte key for the keyed BLAKE2b MAC that chains the entries
 * and a 32-byte Ed25519 seed that signs the checkpoints. The newest key is the one a rotation
 * switches to; the older ones stay, retired, so that what they MACed and signed can still be
 * verified. A key is named by its id: the first 8 bytes, in hex, of the BLAKE2b hash of its
 * Ed25519 public key.
 *
 * A checkpoint is one self-contained line appended to the checkpoint file (beside the key
 * files): the last number and MAC of the chain, when, and which key signed it, with an Ed25519
 * signature over the rest of the line. Several processes may append to one file: each line is
 * written with one write() under an exclusive lock, on a file opened with O_APPEND. Keys are
 * never logged or printed (the public keys and ids may be). */
#ifndef JR_STORE_AUDIT_KEY_H
#define JR_STORE_AUDIT_KEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <sodium.h>

#include "core/err.h"

#define JR_AUDIT_KEYS_MAX 32 /* keys in one ring: 31 rotations */
#define JR_AUDIT_KEY_ID_LEN 16
#define JR_AUDIT_MSG_MAX 512
#define JR_AUDIT_PATH_MAX 1024

struct jr_audit_key {
	unsigned char mac[32];     /* the key of the chain's keyed BLAKE2b */
	unsigned char sign_sk[64]; /* Ed25519 secret key (libsodium's seed + public key) */
	unsigned char sign_pk[32]; /* Ed25519 public key */
	char id[JR_AUDIT_KEY_ID_LEN + 1];
};

struct jr_audit_ring {
	int count; /* oldest first; keys[count - 1] is the newest */
	struct jr_audit_key keys[JR_AUDIT_KEYS_MAX];
};

/* The default audit key file and checkpoint file beside the BSN key file `key_file`: its name
 * with ".key" at the end replaced by ".audit.key" and ".checkpoints" ("var/jeugdroute.db.key"
 * gives "var/jeugdroute.db.audit.key" and "var/jeugdroute.db.checkpoints"), or with those
 * appended when it does not end in ".key". JR_ERR_TOO_BIG when a path does not fit. */
enum jr_err jr_audit_default_paths(const char *key_file, char audit_key[JR_AUDIT_PATH_MAX],
				   char checkpoints[JR_AUDIT_PATH_MAX]);

/* Loads the ring of the audit key file at `path`. JR_ERR_IO when it cannot be read,
 * JR_ERR_REFUSED when others may read it, JR_ERR_STORE when it is not an audit key file; msg
 * says which, in Dutch, naming the file. */
enum jr_err jr_audit_ring_load(const char *path, struct jr_audit_ring *r,
			       char msg[JR_AUDIT_MSG_MAX]);
/* Adds a new random key at the end of the ring (in memory). JR_ERR_TOO_BIG when it is full. */
enum jr_err jr_audit_ring_add(struct jr_audit_ring *r);
/* Writes the ring to `path` (mode 0600) through a temporary file: with `replace` it takes the
 * place of the file there (a rotation); without, it is created and an existing file is never
 * replaced (JR_ERR_IO). */
enum jr_err jr_audit_ring_save(const char *path, const struct jr_audit_ring *r, bool replace,
			       char msg[JR_AUDIT_MSG_MAX]);
/* The index of the key with this id in the ring, or -1. */
int jr_audit_ring_find(const struct jr_audit_ring *r, const char *id);
/* Overwrites the keys in memory. */
void jr_audit_ring_wipe(struct jr_audit_ring *r);

/* The MAC of one chain entry: keyed BLAKE2b-256 (unkeyed when `key` is NULL: the chain of the
 * jeugdroute versions before the key) over the fields, each length-prefixed. */
struct jr_audit_mac {
	crypto_generichash_state state;
};
void jr_audit_mac_init(struct jr_audit_mac *m, const unsigned char *key);
void jr_audit_mac_text(struct jr_audit_mac *m, const char *s);
void jr_audit_mac_number(struct jr_audit_mac *m, int64_t v);
/* Ends the MAC: 64 lower-case hex digits and a NUL. */
void jr_audit_mac_final(struct jr_audit_mac *m, char hex[65]);

/* One checkpoint: the end of the chain as it was at `at`, signed by key `key_id`. */
struct jr_audit_checkpoint {
	int64_t seq;
	char mac[65];
	char at[21];
	char key_id[JR_AUDIT_KEY_ID_LEN + 1];
};

/* Signs `c` with key `k` (c->key_id is set to its id) and appends it as one line to the
 * checkpoint file at `path`, creating it (mode 0600) when missing; fsyncs it. JR_ERR_IO with
 * msg when that fails. */
enum jr_err jr_audit_checkpoint_append(const char *path, const struct jr_audit_key *k,
				       struct jr_audit_checkpoint *c, char msg[JR_AUDIT_MSG_MAX]);

/* Called for each checkpoint line whose signature holds, with its line number. */
typedef enum jr_err (*jr_audit_checkpoint_fn)(void *ctx, const struct jr_audit_checkpoint *c,
					      int64_t line);
/* Reads the checkpoint file at `path`, checking every line's form and signature against the
 * public keys of ring `r`. A missing file is no checkpoints (*found false). *bad_line is the
 * first line that is not a validly signed checkpoint (0 when all are), and problem says why, in
 * Dutch; the lines after it are still read. JR_ERR_IO when the file cannot be read, or what
 * `fn` returned. */
enum jr_err jr_audit_checkpoints_read(const char *path, const struct jr_audit_ring *r,
				      jr_audit_checkpoint_fn fn, void *ctx, bool *found,
				      int64_t *bad_line, char *problem, size_t problem_cap);

#endif
