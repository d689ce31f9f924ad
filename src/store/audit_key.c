/* audit_key: the audit key ring, the chain's MAC and the signed checkpoints (see audit_key.h). */
#include "store/audit_key.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

/* The file: this magic, then per key its MAC key and its Ed25519 seed. */
static const char magic[8] = {'J', 'R', 'A', 'U', 'D', 'I', 'T', '1'};
#define RECORD_BYTES 64
#define FILE_MAX (sizeof(magic) + JR_AUDIT_KEYS_MAX * RECORD_BYTES)

/* A checkpoint line: this prefix, the fields, and the signature over everything before " sig=". */
#define LINE_PREFIX "jeugdroute-audit-checkpoint v1 "
#define LINE_MAX_BYTES 400

static enum jr_err beside(const char *key_file, const char *suffix, char out[JR_AUDIT_PATH_MAX])
{
	size_t len = strlen(key_file);
	int n;

	if (len >= 4 && strcmp(key_file + len - 4, ".key") == 0)
		len -= 4;
	n = snprintf(out, JR_AUDIT_PATH_MAX, "%.*s%s", (int)len, key_file, suffix);
	return n < 0 || n >= JR_AUDIT_PATH_MAX ? JR_ERR_TOO_BIG : JR_OK;
}

enum jr_err jr_audit_default_paths(const char *key_file, char audit_key[JR_AUDIT_PATH_MAX],
				   char checkpoints[JR_AUDIT_PATH_MAX])
{
	enum jr_err err = beside(key_file, ".audit.key", audit_key);

	return err ? err : beside(key_file, ".checkpoints", checkpoints);
}

/* Fills in key k's signing keys and id from its seed. */
static void derive(struct jr_audit_key *k, const unsigned char seed[32])
{
	unsigned char h[32];

	crypto_sign_seed_keypair(k->sign_pk, k->sign_sk, seed);
	crypto_generichash(h, sizeof(h), k->sign_pk, sizeof(k->sign_pk), NULL, 0);
	sodium_bin2hex(k->id, sizeof(k->id), h, JR_AUDIT_KEY_ID_LEN / 2);
}

enum jr_err jr_audit_ring_load(const char *path, struct jr_audit_ring *r,
			       char msg[JR_AUDIT_MSG_MAX])
{
	unsigned char buf[FILE_MAX + 1];
	struct stat st;
	enum jr_err err = JR_OK;
	ssize_t n;
	int fd;

	memset(r, 0, sizeof(*r));
	msg[0] = '\0';
	if (sodium_init() < 0) {
		snprintf(msg, JR_AUDIT_MSG_MAX, "libsodium kan niet starten");
		return JR_ERR_INTERNAL;
	}
	fd = open(path, O_RDONLY);
	if (fd < 0) {
		snprintf(msg, JR_AUDIT_MSG_MAX,
			 "%s: auditsleutelbestand niet te openen: %s (maak het met jeugdroute init, "
			 "of noem het met --audit-key)",
			 path, strerror(errno));
		return JR_ERR_IO;
	}
	if (fstat(fd, &st) != 0 || (st.st_mode & 077)) {
		snprintf(msg, JR_AUDIT_MSG_MAX,
			 "%s: het auditsleutelbestand is leesbaar voor anderen; zet het op chmod 600",
			 path);
		err = JR_ERR_REFUSED;
		goto out;
	}
	n = read(fd, buf, sizeof(buf));
	if (n < (ssize_t)(sizeof(magic) + RECORD_BYTES) || n > (ssize_t)FILE_MAX ||
	    (n - (ssize_t)sizeof(magic)) % RECORD_BYTES != 0 || memcmp(buf, magic, sizeof(magic))) {
		snprintf(msg, JR_AUDIT_MSG_MAX, "%s: geen geldig auditsleutelbestand", path);
		err = JR_ERR_STORE;
		goto out;
	}
	r->count = (int)((n - (ssize_t)sizeof(magic)) / RECORD_BYTES);
	for (int i = 0; i < r->count; i++) {
		const unsigned char *rec = buf + sizeof(magic) + (size_t)i * RECORD_BYTES;
		memcpy(r->keys[i].mac, rec, 32);
		derive(&r->keys[i], rec + 32);
	}
out:
	sodium_memzero(buf, sizeof(buf));
	close(fd);
	if (err)
		jr_audit_ring_wipe(r);
	return err;
}

enum jr_err jr_audit_ring_add(struct jr_audit_ring *r)
{
	unsigned char seed[32];
	struct jr_audit_key *k;

	if (sodium_init() < 0)
		return JR_ERR_INTERNAL;
	if (r->count >= JR_AUDIT_KEYS_MAX)
		return JR_ERR_TOO_BIG;
	k = &r->keys[r->count];
	randombytes_buf(k->mac, sizeof(k->mac));
	randombytes_buf(seed, sizeof(seed));
	derive(k, seed);
	sodium_memzero(seed, sizeof(seed));
	r->count++;
	return JR_OK;
}

enum jr_err jr_audit_ring_save(const char *path, const struct jr_audit_ring *r, bool replace,
			       char msg[JR_AUDIT_MSG_MAX])
{
	unsigned char buf[FILE_MAX];
	size_t len = sizeof(magic) + (size_t)r->count * RECORD_BYTES;
	char tmp[JR_AUDIT_PATH_MAX + 8];
	int fd, n = snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	enum jr_err err = JR_OK;

	msg[0] = '\0';
	if (n < 0 || (size_t)n >= sizeof(tmp) || r->count < 1 || r->count > JR_AUDIT_KEYS_MAX) {
		snprintf(msg, JR_AUDIT_MSG_MAX, "pad van het auditsleutelbestand is te lang");
		return JR_ERR_INPUT;
	}
	memcpy(buf, magic, sizeof(magic));
	for (int i = 0; i < r->count; i++) {
		unsigned char *rec = buf + sizeof(magic) + (size_t)i * RECORD_BYTES;
		memcpy(rec, r->keys[i].mac, 32);
		memcpy(rec + 32, r->keys[i].sign_sk, 32); /* libsodium keeps the seed first */
	}
	unlink(tmp); /* a leftover of an earlier crash */
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0) {
		snprintf(msg, JR_AUDIT_MSG_MAX, "%s: auditsleutelbestand maken mislukt: %s", path,
			 strerror(errno));
		err = JR_ERR_IO;
		goto out;
	}
	if (write(fd, buf, len) != (ssize_t)len || fsync(fd) != 0) {
		snprintf(msg, JR_AUDIT_MSG_MAX, "%s: auditsleutelbestand schrijven mislukt: %s", path,
			 strerror(errno));
		err = JR_ERR_IO;
	}
	close(fd);
	/* link() fails when a file appeared meanwhile: a key is never replaced by accident;
	 * rename() replaces on purpose, at once. */
	if (!err && (replace ? rename(tmp, path) : link(tmp, path)) != 0) {
		snprintf(msg, JR_AUDIT_MSG_MAX, "%s: auditsleutelbestand plaatsen mislukt: %s", path,
			 strerror(errno));
		err = JR_ERR_IO;
	}
	unlink(tmp);
out:
	sodium_memzero(buf, sizeof(buf));
	return err;
}

int jr_audit_ring_find(const struct jr_audit_ring *r, const char *id)
{
	for (int i = 0; i < r->count; i++)
		if (strcmp(r->keys[i].id, id) == 0)
			return i;
	return -1;
}

void jr_audit_ring_wipe(struct jr_audit_ring *r)
{
	sodium_memzero(r, sizeof(*r));
}

void jr_audit_mac_init(struct jr_audit_mac *m, const unsigned char *key)
{
	crypto_generichash_init(&m->state, key, key ? 32 : 0, 32);
}

void jr_audit_mac_text(struct jr_audit_mac *m, const char *s)
{
	unsigned char len[8];
	size_t n = strlen(s);

	for (int i = 0; i < 8; i++)
		len[i] = (unsigned char)(n >> (8 * i));
	crypto_generichash_update(&m->state, len, sizeof(len));
	crypto_generichash_update(&m->state, (const unsigned char *)s, n);
}

void jr_audit_mac_number(struct jr_audit_mac *m, int64_t v)
{
	char text[24];

	snprintf(text, sizeof(text), "%lld", (long long)v);
	jr_audit_mac_text(m, text);
}

void jr_audit_mac_final(struct jr_audit_mac *m, char hex[65])
{
	unsigned char out[32];

	crypto_generichash_final(&m->state, out, sizeof(out));
	sodium_bin2hex(hex, 65, out, sizeof(out));
}

/* The signed part of a checkpoint's line. */
static int checkpoint_body(const struct jr_audit_checkpoint *c, char *out, size_t cap)
{
	return snprintf(out, cap, LINE_PREFIX "seq=%lld mac=%s at=%s key=%s", (long long)c->seq,
			c->mac, c->at, c->key_id);
}

enum jr_err jr_audit_checkpoint_append(const char *path, const struct jr_audit_key *k,
				       struct jr_audit_checkpoint *c, char msg[JR_AUDIT_MSG_MAX])
{
	unsigned char sig[crypto_sign_BYTES];
	char line[LINE_MAX_BYTES], last = '\n';
	struct stat st;
	enum jr_err err = JR_OK;
	int fd, n;

	msg[0] = '\0';
	snprintf(c->key_id, sizeof(c->key_id), "%s", k->id);
	n = checkpoint_body(c, line, sizeof(line));
	if (n < 0 || (size_t)n + 6 + 2 * sizeof(sig) + 2 > sizeof(line)) {
		snprintf(msg, JR_AUDIT_MSG_MAX, "controlepunt te lang");
		return JR_ERR_INTERNAL;
	}
	crypto_sign_detached(sig, NULL, (const unsigned char *)line, (unsigned long long)n,
			     k->sign_sk);
	memcpy(line + n, " sig=", 5);
	sodium_bin2hex(line + n + 5, 2 * sizeof(sig) + 1, sig, sizeof(sig));
	n += 5 + 2 * (int)sizeof(sig);
	line[n++] = '\n';
	fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0600);
	if (fd < 0) {
		snprintf(msg, JR_AUDIT_MSG_MAX, "%s: controlepuntenbestand niet te openen: %s", path,
			 strerror(errno));
		return JR_ERR_IO;
	}
	/* one writer at a time, across processes: a line is never interleaved with another */
	if (flock(fd, LOCK_EX) != 0 || fstat(fd, &st) != 0) {
		err = JR_ERR_IO;
		goto fail;
	}
	/* a line cut off by an earlier failure (a full disk) stays a line of its own */
	if (st.st_size > 0 && pread(fd, &last, 1, st.st_size - 1) != 1)
		last = '\n';
	if ((last != '\n' && write(fd, "\n", 1) != 1) || write(fd, line, (size_t)n) != n ||
	    fsync(fd) != 0) {
		err = JR_ERR_IO;
		goto fail;
	}
	goto out;
fail:
	snprintf(msg, JR_AUDIT_MSG_MAX, "%s: controlepunt schrijven mislukt: %s", path,
		 strerror(errno));
out:
	close(fd); /* releases the lock */
	return err;
}

/* Reads the digits of a non-negative number at *p, moving past them; -1 when there are none. */
static int64_t read_number(const char **p)
{
	int64_t v = 0;
	const char *s = *p;

	if (*s < '0' || *s > '9' || (*s == '0' && s[1] >= '0' && s[1] <= '9'))
		return -1;
	for (; *s >= '0' && *s <= '9'; s++) {
		if (v > (INT64_MAX - 9) / 10)
			return -1;
		v = v * 10 + (*s - '0');
	}
	*p = s;
	return v;
}

/* Copies exactly `len` characters of the set allowed by `hex` (lower-case hex digits) or of a
 * time stamp at *p into out, moving past them; false when they are not there. */
static bool read_fixed(const char **p, size_t len, bool hex, char *out)
{
	const char *s = *p;

	for (size_t i = 0; i < len; i++) {
		char ch = s[i];
		bool fits = hex ? (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f')
				: (ch >= '0' && ch <= '9') || ch == '-' || ch == ':' || ch == 'T' ||
					  ch == 'Z';
		if (!fits)
			return false;
		out[i] = ch;
	}
	out[len] = '\0';
	*p = s + len;
	return true;
}

static bool expect(const char **p, const char *word)
{
	size_t n = strlen(word);

	if (strncmp(*p, word, n) != 0)
		return false;
	*p += n;
	return true;
}

/* Parses and checks one line (without its newline). NULL when it holds, else why not. */
static const char *check_line(const char *line, const struct jr_audit_ring *r,
			      struct jr_audit_checkpoint *c)
{
	const char *p = line, *sig_at;
	char sig_hex[2 * crypto_sign_BYTES + 1];
	unsigned char sig[crypto_sign_BYTES];
	int k;

	memset(c, 0, sizeof(*c));
	if (!expect(&p, LINE_PREFIX "seq=") || (c->seq = read_number(&p)) < 1 ||
	    !expect(&p, " mac=") || !read_fixed(&p, 64, true, c->mac) || !expect(&p, " at=") ||
	    !read_fixed(&p, 20, false, c->at) || !expect(&p, " key=") ||
	    !read_fixed(&p, JR_AUDIT_KEY_ID_LEN, true, c->key_id))
		return "geen controlepunt (onleesbaar of afgebroken)";
	sig_at = p;
	if (!expect(&p, " sig=") || !read_fixed(&p, sizeof(sig_hex) - 1, true, sig_hex) || *p)
		return "geen controlepunt (onleesbaar of afgebroken)";
	k = jr_audit_ring_find(r, c->key_id);
	if (k < 0)
		return "ondertekend met een sleutel die niet in het auditsleutelbestand staat";
	if (sodium_hex2bin(sig, sizeof(sig), sig_hex, sizeof(sig_hex) - 1, NULL, NULL, NULL) != 0 ||
	    crypto_sign_verify_detached(sig, (const unsigned char *)line,
					(unsigned long long)(sig_at - line),
					r->keys[k].sign_pk) != 0)
		return "de handtekening klopt niet (vervalst of gewijzigd)";
	return NULL;
}

enum jr_err jr_audit_checkpoints_read(const char *path, const struct jr_audit_ring *r,
				      jr_audit_checkpoint_fn fn, void *ctx, bool *found,
				      int64_t *bad_line, char *problem, size_t problem_cap)
{
	char line[LINE_MAX_BYTES + 2];
	struct jr_audit_checkpoint c;
	enum jr_err err = JR_OK;
	int64_t number = 0;
	bool skipping = false; /* inside a line too long to be a checkpoint */
	FILE *f;

	*found = false;
	*bad_line = 0;
	problem[0] = '\0';
	f = fopen(path, "r");
	if (!f) {
		if (errno == ENOENT)
			return JR_OK;
		snprintf(problem, problem_cap, "%s: controlepuntenbestand niet te lezen: %s", path,
			 strerror(errno));
		return JR_ERR_IO;
	}
	*found = true;
	while (fgets(line, sizeof(line), f)) {
		size_t len = strlen(line);
		bool whole = len > 0 && line[len - 1] == '\n';
		const char *why;
		if (skipping) {
			skipping = !whole;
			continue;
		}
		number++;
		if (whole)
			line[--len] = '\0';
		else if (!feof(f))
			skipping = true; /* the rest of this line comes in the next reads */
		why = skipping ? "geen controlepunt (te lange regel)" : check_line(line, r, &c);
		if (why) {
			if (!*bad_line) {
				*bad_line = number;
				snprintf(problem, problem_cap, "%s, regel %lld: %s", path,
					 (long long)number, why);
			}
			continue;
		}
		if ((err = fn(ctx, &c, number)))
			break;
	}
	if (!err && ferror(f)) {
		snprintf(problem, problem_cap, "%s: controlepuntenbestand niet te lezen", path);
		err = JR_ERR_IO;
	}
	fclose(f);
	return err;
}
