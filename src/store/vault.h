/* vault: keeps BSNs unreadable at rest.
 *
 * A BSN is stored twice, never in the clear: sealed (XSalsa20-Poly1305, libsodium secretbox, a
 * fresh nonce each time) so that an authorised read can recover it, and as a keyed hash
 * (BLAKE2b with its own key) so that a person can be found by BSN without decrypting every row.
 * Both keys live in one key file, created by `jeugdroute init` with mode 0600; a key file that
 * others can read is refused. Keys are never logged or printed. */
#ifndef JR_STORE_VAULT_H
#define JR_STORE_VAULT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/err.h"

#define JR_VAULT_HASH_BYTES 32
#define JR_VAULT_SEALED_BYTES (24 + 16 + 9) /* nonce, MAC, nine digits */
#define JR_VAULT_MSG_MAX 256

struct jr_vault {
	unsigned char seal_key[32];
	unsigned char hash_key[32];
};

/* Loads the key file at `path`; with `create`, makes a new one when it does not exist. */
enum jr_err jr_vault_load(const char *path, bool create, struct jr_vault *v,
			  char msg[JR_VAULT_MSG_MAX]);
/* Overwrites the keys in memory. */
void jr_vault_wipe(struct jr_vault *v);

void jr_vault_hash(const struct jr_vault *v, const char bsn[9], unsigned char out[JR_VAULT_HASH_BYTES]);
void jr_vault_seal(const struct jr_vault *v, const char bsn[9],
		   unsigned char out[JR_VAULT_SEALED_BYTES]);
/* JR_ERR_STORE when the sealed value does not open with this key (wrong key, tampered row). */
enum jr_err jr_vault_open(const struct jr_vault *v, const unsigned char *sealed, size_t len,
			  char bsn[10]);

/* Any short secret (a TOTP key, at most JR_VAULT_SECRET_MAX bytes) sealed as a BSN is: `out`
 * holds len + JR_VAULT_SEAL_OVERHEAD bytes. */
#define JR_VAULT_SEAL_OVERHEAD (24 + 16)
#define JR_VAULT_SECRET_MAX 64
void jr_vault_seal_secret(const struct jr_vault *v, const unsigned char *secret, size_t len,
			  unsigned char *out);
/* Opens a sealed secret into `out` (JR_VAULT_SECRET_MAX bytes), its length in *len;
 * JR_ERR_STORE when it does not open with this key. */
enum jr_err jr_vault_open_secret(const struct jr_vault *v, const unsigned char *sealed,
				 size_t sealed_len, unsigned char out[JR_VAULT_SECRET_MAX],
				 size_t *len);

#endif
