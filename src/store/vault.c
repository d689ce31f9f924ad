/* vault: BSN sealing and keyed hashing with libsodium (see vault.h). */
#include "store/vault.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define KEY_FILE_BYTES 64

/* Writes the keys to a temporary file and renames it into place, so that a crash during `init`
 * never leaves a half-written key file behind. */
static enum jr_err create_key_file(const char *path, char *msg)
{
	unsigned char keys[KEY_FILE_BYTES];
	char tmp[4096];
	int fd, n = snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	enum jr_err err = JR_OK;

	if (n < 0 || (size_t)n >= sizeof(tmp)) {
		snprintf(msg, JR_VAULT_MSG_MAX, "pad van het sleutelbestand is te lang");
		return JR_ERR_INPUT;
	}
	unlink(tmp); /* a leftover of an earlier crash */
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0) {
		snprintf(msg, JR_VAULT_MSG_MAX, "%s: sleutelbestand maken mislukt: %s", path,
			 strerror(errno));
		return JR_ERR_IO;
	}
	randombytes_buf(keys, sizeof(keys));
	if (write(fd, keys, sizeof(keys)) != (ssize_t)sizeof(keys) || fsync(fd) != 0) {
		snprintf(msg, JR_VAULT_MSG_MAX, "%s: sleutelbestand schrijven mislukt: %s", path,
			 strerror(errno));
		err = JR_ERR_IO;
	}
	sodium_memzero(keys, sizeof(keys));
	close(fd);
	/* link() fails if a key appeared meanwhile: an existing key is never replaced. */
	if (!err && link(tmp, path) != 0) {
		snprintf(msg, JR_VAULT_MSG_MAX, "%s: sleutelbestand plaatsen mislukt: %s", path,
			 strerror(errno));
		err = JR_ERR_IO;
	}
	unlink(tmp);
	return err;
}

enum jr_err jr_vault_load(const char *path, bool create, struct jr_vault *v,
			  char msg[JR_VAULT_MSG_MAX])
{
	unsigned char keys[KEY_FILE_BYTES + 1];
	struct stat st;
	enum jr_err err = JR_OK;
	ssize_t n;
	int fd;

	msg[0] = '\0';
	if (sodium_init() < 0) {
		snprintf(msg, JR_VAULT_MSG_MAX, "libsodium kan niet starten");
		return JR_ERR_INTERNAL;
	}
	if (create && access(path, F_OK) != 0 && (err = create_key_file(path, msg)))
		return err;
	fd = open(path, O_RDONLY);
	if (fd < 0) {
		snprintf(msg, JR_VAULT_MSG_MAX,
			 "%s: sleutelbestand niet te openen: %s (maak het met jeugdroute init)", path,
			 strerror(errno));
		return JR_ERR_IO;
	}
	if (fstat(fd, &st) != 0 || (st.st_mode & 077)) {
		snprintf(msg, JR_VAULT_MSG_MAX,
			 "%s: het sleutelbestand is leesbaar voor anderen; zet het op chmod 600", path);
		err = JR_ERR_REFUSED;
		goto out;
	}
	n = read(fd, keys, sizeof(keys));
	if (n != KEY_FILE_BYTES) {
		snprintf(msg, JR_VAULT_MSG_MAX, "%s: geen geldig sleutelbestand (%d bytes verwacht)",
			 path, KEY_FILE_BYTES);
		err = JR_ERR_STORE;
		goto out;
	}
	memcpy(v->seal_key, keys, sizeof(v->seal_key));
	memcpy(v->hash_key, keys + sizeof(v->seal_key), sizeof(v->hash_key));
out:
	sodium_memzero(keys, sizeof(keys));
	close(fd);
	return err;
}

void jr_vault_wipe(struct jr_vault *v)
{
	sodium_memzero(v, sizeof(*v));
}

void jr_vault_hash(const struct jr_vault *v, const char bsn[9], unsigned char out[JR_VAULT_HASH_BYTES])
{
	crypto_generichash(out, JR_VAULT_HASH_BYTES, (const unsigned char *)bsn, 9, v->hash_key,
			   sizeof(v->hash_key));
}

void jr_vault_seal(const struct jr_vault *v, const char bsn[9],
		   unsigned char out[JR_VAULT_SEALED_BYTES])
{
	randombytes_buf(out, crypto_secretbox_NONCEBYTES);
	crypto_secretbox_easy(out + crypto_secretbox_NONCEBYTES, (const unsigned char *)bsn, 9, out,
			      v->seal_key);
}

enum jr_err jr_vault_open(const struct jr_vault *v, const unsigned char *sealed, size_t len,
			  char bsn[10])
{
	if (len != JR_VAULT_SEALED_BYTES ||
	    crypto_secretbox_open_easy((unsigned char *)bsn, sealed + crypto_secretbox_NONCEBYTES,
				       len - crypto_secretbox_NONCEBYTES, sealed, v->seal_key) != 0)
		return JR_ERR_STORE;
	bsn[9] = '\0';
	return JR_OK;
}

void jr_vault_seal_secret(const struct jr_vault *v, const unsigned char *secret, size_t len,
			  unsigned char *out)
{
	randombytes_buf(out, crypto_secretbox_NONCEBYTES);
	crypto_secretbox_easy(out + crypto_secretbox_NONCEBYTES, secret, len, out, v->seal_key);
}

enum jr_err jr_vault_open_secret(const struct jr_vault *v, const unsigned char *sealed,
				 size_t sealed_len, unsigned char out[JR_VAULT_SECRET_MAX],
				 size_t *len)
{
	*len = 0;
	if (sealed_len <= JR_VAULT_SEAL_OVERHEAD ||
	    sealed_len - JR_VAULT_SEAL_OVERHEAD > JR_VAULT_SECRET_MAX ||
	    crypto_secretbox_open_easy(out, sealed + crypto_secretbox_NONCEBYTES,
				       sealed_len - crypto_secretbox_NONCEBYTES, sealed,
				       v->seal_key) != 0)
		return JR_ERR_STORE;
	*len = sealed_len - JR_VAULT_SEAL_OVERHEAD;
	return JR_OK;
}
