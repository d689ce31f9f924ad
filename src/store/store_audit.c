/* store_audit: the append-only audit log (NEN 7513 in spirit), chained with a keyed MAC and
 * attested by signed checkpoints.
 *
 * Entry n holds seq = n and hash = keyed BLAKE2b-256 (the MAC key of the audit key file, outside
 * the database: audit_key.h) over the MAC of entry n-1 and its own fields, each field
 * length-prefixed so that no two different entries MAC alike. audit_head holds the last seq, MAC
 * and the id of the key in use: it lets a removed last entry show, and its row, locked when a
 * transaction first chains entries, orders concurrent writers (a row lock on PostgreSQL; SQLite
 * has one writer anyway). A transaction keeps the end of the chain in memory from then on and
 * writes it back to audit_head just before commit. Inside a bulk transaction the entries wait
 * and are chained (numbered, stamped and MACed) and inserted when they are written, up to 64 to
 * a statement (jr_store_audit_write_pending): a request that reads and writes its entries at
 * the end holds the lock only for its last round trips, not while it reads — else every
 * reader of every server would wait for the others' reads in turn. A rotation is an entry
 * naming the new key, MACed with the old; the entries after it use the new one. Checkpoints
 * (the end signed with Ed25519, appended to the checkpoint file) show entries cut off the end;
 * verify compares them with the chain. */
#include <errno.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/alloc.h"
#include "store/audit_key.h"
#include "store/store_internal.h"

/* One entry's fields, as MACed and stored. */
struct entry {
	int64_t seq;
	const char *at, *actor, *role;
	int64_t organisation_id;
	const char *action;
	int64_t person_id;
	const char *object, *origin, *reason;
};

/* The audit keys and files of a store, and what its last checkpoint attested. */
struct jr_store_audit_keys {
	struct jr_audit_ring ring;
	char key_path[JR_AUDIT_PATH_MAX];
	char checkpoint_path[JR_AUDIT_PATH_MAX];
	int64_t checkpoint_seq; /* the seq of this store's last checkpoint; -1 none yet */
};

/* The action of the entry that switches the chain to another key; its object is the key's id.
 * The entry itself is MACed with the key before, every entry after it with the new one. */
#define ROTATE_ACTION "audit.key_rotate"

/* hex = MAC(prev, fields of e) with `key` (NULL: unkeyed, the chain before the key). */
static void entry_hash(const unsigned char *key, const char *prev, const struct entry *e,
		       char hex[65])
{
	struct jr_audit_mac m;

	jr_audit_mac_init(&m, key);
	jr_audit_mac_text(&m, prev);
	jr_audit_mac_number(&m, e->seq);
	jr_audit_mac_text(&m, e->at);
	jr_audit_mac_text(&m, e->actor);
	jr_audit_mac_text(&m, e->role);
	jr_audit_mac_number(&m, e->organisation_id);
	jr_audit_mac_text(&m, e->action);
	jr_audit_mac_number(&m, e->person_id);
	jr_audit_mac_text(&m, e->object);
	jr_audit_mac_text(&m, e->origin);
	jr_audit_mac_text(&m, e->reason);
	jr_audit_mac_final(&m, hex);
}

/* The MAC key of the chain's end in this transaction, or NULL before the chain has one. */
static const unsigned char *chain_key(const struct jr_store *s)
{
	return s->chain_key >= 0 ? s->audit->ring.keys[s->chain_key].mac : NULL;
}

/* The index of key `id` in the store's ring, reading the key file again when it is not there
 * (another process rotated the key); -1 when it is not in the file either. */
static int find_key(struct jr_store *s, const char *id)
{
	struct jr_audit_ring again;
	char msg[JR_AUDIT_MSG_MAX];
	int k = s->audit ? jr_audit_ring_find(&s->audit->ring, id) : -1;

	if (!s->audit || k >= 0 || jr_audit_ring_load(s->audit->key_path, &again, msg) != JR_OK)
		return k;
	k = jr_audit_ring_find(&again, id);
	if (k >= 0 && again.count >= s->audit->ring.count)
		s->audit->ring = again; /* a rotation only ever adds keys */
	else
		k = -1;
	jr_audit_ring_wipe(&again);
	return k;
}

/* Loads the end of the chain and locks it for this transaction. A chain without a key (made
 * before the key, not yet upgraded by init) loads with chain_key -1; only the upgrade writes to
 * it. */
static enum jr_err load_chain(struct jr_store *s)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row = false;

	TRY(jr_db_prepare(s->db,
			  "UPDATE audit_head SET seq = seq WHERE id = 1 RETURNING seq, hash, key_id",
			  &st));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_STORE; /* migration 6 made the row; nobody deletes it */
		goto out;
	}
	s->chain_seq = jr_db_col_int(st, 0);
	snprintf(s->chain_hash, sizeof(s->chain_hash), "%s", jr_db_col_text(st, 1));
	s->chain_key = jr_db_col_null(st, 2) ? -1 : find_key(s, jr_db_col_text(st, 2));
	if (!jr_db_col_null(st, 2) && s->chain_key < 0) {
		err = JR_ERR_STORE; /* the key of the chain is not in the key file */
		goto out;
	}
	s->chain_loaded = true;
out:
	jr_db_finalize(st);
	return err;
}

/* A pending entry: its numbers, where its strings begin in pending_text (actor, role, action,
 * object, origin, reason, in that order), and — once chained — its seq, time and MAC (hash ""
 * until then). */
struct jr_audit_pending {
	int64_t seq, organisation_id, person_id;
	size_t text;
	char at[21];
	char hash[65];
};

#define PENDING_STRINGS 6
/* Entries to one INSERT (11 parameters each; db_postgres.c binds up to 1024), and how many a
 * bulk transaction keeps pending before it writes them. */
#define ROWS_PER_INSERT 64
#define PENDING_WRITE_AT 256

/* The strings of pending entry p, in order. */
static void pending_strings(const struct jr_store *s, const struct jr_audit_pending *p,
			    const char *out[PENDING_STRINGS])
{
	const char *t = s->pending_text.data + p->text;

	for (int i = 0; i < PENDING_STRINGS; i++) {
		out[i] = t;
		t += strlen(t) + 1;
	}
}

/* Inserts pending entries [first, first + n) with one statement. */
static enum jr_err insert_rows(struct jr_store *s, size_t first, size_t n)
{
	struct jr_db_stmt *st = NULL;
	struct jr_buf sql;
	enum jr_err err;
	bool row;

	jr_buf_init(&sql, 64 * 1024);
	TRY(jr_buf_puts(&sql, "INSERT INTO audit_log (seq, at, actor, role, organisation_id, action,"
			      " person_id, object, origin, reason, hash) VALUES "));
	for (size_t i = 0; i < n; i++) {
		int k = (int)(11 * i);
		TRY(jr_buf_printf(&sql,
				  "%s($%d, $%d, $%d, $%d, $%d, $%d, $%d, $%d, $%d, $%d, $%d)",
				  i ? ", " : "", k + 1, k + 2, k + 3, k + 4, k + 5, k + 6, k + 7,
				  k + 8, k + 9, k + 10, k + 11));
	}
	TRY(jr_db_prepare(s->db, jr_buf_str(&sql), &st));
	for (size_t i = 0; i < n; i++) {
		const struct jr_audit_pending *p = &s->pending[first + i];
		const char *t[PENDING_STRINGS]; /* actor, role, action, object, origin, reason */
		int k = (int)(11 * i);
		pending_strings(s, p, t);
		TRY(jr_db_bind_int(st, k + 1, p->seq));
		TRY(jr_db_bind_text(st, k + 2, p->at));
		TRY(jr_db_bind_text(st, k + 3, t[0]));
		TRY(jr_db_bind_text(st, k + 4, t[1]));
		TRY(p->organisation_id ? jr_db_bind_int(st, k + 5, p->organisation_id)
				       : jr_db_bind_null(st, k + 5));
		TRY(jr_db_bind_text(st, k + 6, t[2]));
		TRY(p->person_id ? jr_db_bind_int(st, k + 7, p->person_id)
				 : jr_db_bind_null(st, k + 7));
		TRY(jr_db_bind_text(st, k + 8, t[3]));
		TRY(jr_db_bind_text(st, k + 9, t[4]));
		TRY(jr_db_bind_text(st, k + 10, t[5]));
		TRY(jr_db_bind_text(st, k + 11, p->hash));
	}
	TRY(jr_db_step(st, &row));
out:
	jr_db_finalize(st);
	jr_buf_release(&sql);
	return err;
}

/* Chains the pending entries not yet chained, in order: the end of the chain loaded (and
 * locked) first when this transaction has not yet, each entry numbered after it, stamped now
 * and MACed with the chain's key. */
static enum jr_err chain_pending(struct jr_store *s)
{
	char now[21];
	enum jr_err err = JR_OK;

	if (s->pending_count == 0 || s->pending[s->pending_count - 1].hash[0])
		return JR_OK; /* nothing waits: the last is chained, so all before it are */
	if (!s->chain_loaded)
		TRY(load_chain(s));
	if (s->chain_key < 0) {
		err = JR_ERR_STORE; /* a chain without a key: jeugdroute init upgrades it first */
		goto out;
	}
	jr_store_now(now);
	for (size_t i = 0; i < s->pending_count; i++) {
		struct jr_audit_pending *p = &s->pending[i];
		const char *t[PENDING_STRINGS];
		struct entry e;

		if (p->hash[0])
			continue;
		pending_strings(s, p, t);
		p->seq = s->chain_seq + 1;
		memcpy(p->at, now, sizeof(p->at));
		e = (struct entry){.seq = p->seq, .at = p->at, .actor = t[0], .role = t[1],
				   .organisation_id = p->organisation_id, .action = t[2],
				   .person_id = p->person_id, .object = t[3], .origin = t[4],
				   .reason = t[5]};
		entry_hash(s->audit->ring.keys[s->chain_key].mac, s->chain_hash, &e, p->hash);
		s->chain_seq = p->seq;
		memcpy(s->chain_hash, p->hash, sizeof(p->hash));
	}
out:
	return err;
}

enum jr_err jr_store_audit_write_pending(struct jr_store *s)
{
	enum jr_err err = chain_pending(s);

	for (size_t at = 0; at < s->pending_count && !err; at += ROWS_PER_INSERT)
		err = insert_rows(s, at, s->pending_count - at < ROWS_PER_INSERT
						 ? s->pending_count - at
						 : ROWS_PER_INSERT);
	/* written or not, they are no longer pending: a failure fails the transaction */
	jr_store_audit_drop_pending(s);
	return err;
}

void jr_store_audit_drop_pending(struct jr_store *s)
{
	s->pending_count = 0;
	jr_buf_reset(&s->pending_text);
}

void jr_store_audit_release(struct jr_store *s)
{
	jr_free(s->pending);
	s->pending = NULL;
	s->pending_count = s->pending_cap = 0;
	jr_buf_release(&s->pending_text);
}

/* Keeps entry e for chaining and writing (its seq and time are given then). */
static enum jr_err pend(struct jr_store *s, const struct entry *e)
{
	const char *t[PENDING_STRINGS] = {e->actor,  e->role,   e->action,
					  e->object, e->origin, e->reason};
	size_t text = s->pending_text.len;
	enum jr_err err = JR_OK;

	if (s->pending_count == s->pending_cap) {
		size_t cap = s->pending_cap ? 2 * s->pending_cap : 64;
		struct jr_audit_pending *more = jr_realloc(s->pending, cap * sizeof(*more));
		if (!more)
			return JR_ERR_NOMEM;
		s->pending = more;
		s->pending_cap = cap;
	}
	for (int i = 0; i < PENDING_STRINGS && !err; i++)
		err = jr_buf_append(&s->pending_text, t[i], strlen(t[i]) + 1);
	if (err) {
		s->pending_text.len = text; /* as it was */
		if (s->pending_text.data)
			s->pending_text.data[text] = '\0';
		return err;
	}
	s->pending[s->pending_count++] = (struct jr_audit_pending){
	    .organisation_id = e->organisation_id, .person_id = e->person_id, .text = text};
	return JR_OK;
}

/* An entry is chained and inserted with the others of its transaction: at once outside a bulk
 * transaction; inside one when they are written, many to a statement
 * (jr_store_audit_write_pending). */
enum jr_err jr_store_audit_object(struct jr_store *s, const struct jr_actor *a, const char *action,
				  int64_t person_id, const char *object)
{
	struct entry e;
	enum jr_err err;

	TRY(jr_store_keep_note(s, a, action, person_id, object));
	e = (struct entry){.actor = a->who, .role = a->role ? a->role : "",
			   .organisation_id = a->organisation_id, .action = action,
			   .person_id = person_id, .object = object, .origin = a->origin,
			   .reason = a->reason};
	TRY(pend(s, &e));
	if (!s->bulk || (!s->part && s->pending_count >= PENDING_WRITE_AT))
		err = jr_store_audit_write_pending(s);
out:
	return err;
}

enum jr_err jr_store_audit(struct jr_store *s, const struct jr_actor *a, const char *action,
			   int64_t person_id)
{
	return jr_store_audit_object(s, a, action, person_id, "");
}

enum jr_err jr_store_audit_flush(struct jr_store *s)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row;

	TRY(jr_store_audit_write_pending(s));
	if (!s->chain_loaded)
		return JR_OK; /* no entries in this transaction */
	TRY(jr_db_prepare(s->db, "UPDATE audit_head SET seq = $1, hash = $2, key_id = $3 WHERE id = 1",
			  &st));
	TRY(jr_db_bind_int(st, 1, s->chain_seq));
	TRY(jr_db_bind_text(st, 2, s->chain_hash));
	TRY(jr_db_bind_text(st, 3, s->chain_key >= 0 ? s->audit->ring.keys[s->chain_key].id : NULL));
	TRY(jr_db_step(st, &row));
out:
	jr_db_finalize(st);
	return err;
}

void jr_store_audit_forget(struct jr_store *s)
{
	s->chain_loaded = false;
	jr_store_audit_drop_pending(s);
}

/* The columns of an entry, in struct entry's order, then the stored hash. */
#define ENTRY_COLUMNS                                                                              \
	"seq, at, actor, role, COALESCE(organisation_id, 0), action, COALESCE(person_id, 0),"     \
	" object, origin, reason, hash"

static struct entry read_entry(struct jr_db_stmt *st)
{
	return (struct entry){.seq = jr_db_col_int(st, 0), .at = jr_db_col_text(st, 1),
			      .actor = jr_db_col_text(st, 2), .role = jr_db_col_text(st, 3),
			      .organisation_id = jr_db_col_int(st, 4),
			      .action = jr_db_col_text(st, 5), .person_id = jr_db_col_int(st, 6),
			      .object = jr_db_col_text(st, 7), .origin = jr_db_col_text(st, 8),
			      .reason = jr_db_col_text(st, 9)};
}

#define OLD_BATCH 512

enum jr_err jr_store_audit_chain_old(struct jr_store *s)
{
	struct jr_db_stmt *st = NULL, *up = NULL;
	int64_t *ids = jr_malloc(OLD_BATCH * sizeof(*ids));
	char (*hashes)[65] = jr_malloc(OLD_BATCH * sizeof(*hashes));
	enum jr_err err = JR_ERR_NOMEM;
	bool row;

	if (!ids || !hashes)
		goto out;
	TRY(jr_store_begin(s));
	TRY(load_chain(s));
	for (;;) {
		size_t n = 0;
		/* a batch at a time: the updates below change what this query selects */
		TRY(jr_db_prepare(s->db,
				  "SELECT id, at, actor, role, COALESCE(organisation_id, 0), action,"
				  " COALESCE(person_id, 0), object, origin, reason FROM audit_log"
				  " WHERE seq IS NULL ORDER BY id LIMIT $1",
				  &st));
		TRY(jr_db_bind_int(st, 1, OLD_BATCH));
		for (;;) {
			struct entry e;
			TRY(jr_db_step(st, &row));
			if (!row)
				break;
			e = (struct entry){.seq = s->chain_seq + 1, .at = jr_db_col_text(st, 1),
					   .actor = jr_db_col_text(st, 2),
					   .role = jr_db_col_text(st, 3),
					   .organisation_id = jr_db_col_int(st, 4),
					   .action = jr_db_col_text(st, 5),
					   .person_id = jr_db_col_int(st, 6),
					   .object = jr_db_col_text(st, 7),
					   .origin = jr_db_col_text(st, 8),
					   .reason = jr_db_col_text(st, 9)};
			ids[n] = jr_db_col_int(st, 0);
			entry_hash(NULL, s->chain_hash, &e, hashes[n]);
			memcpy(s->chain_hash, hashes[n], sizeof(hashes[n]));
			s->chain_seq++;
			n++;
		}
		jr_db_finalize(st);
		st = NULL;
		if (n == 0)
			break;
		for (size_t i = 0; i < n; i++) {
			TRY(jr_db_prepare(s->db, "UPDATE audit_log SET seq = $1, hash = $2 WHERE id = $3",
					  &up));
			TRY(jr_db_bind_int(up, 1, s->chain_seq - (int64_t)(n - i) + 1));
			TRY(jr_db_bind_text(up, 2, hashes[i]));
			TRY(jr_db_bind_int(up, 3, ids[i]));
			TRY(jr_db_step(up, &row));
			jr_db_finalize(up);
			up = NULL;
		}
	}
out:
	jr_db_finalize(st);
	jr_db_finalize(up);
	jr_free(ids);
	jr_free(hashes);
	return jr_store_finish(s, err);
}

/* The checkpoints of the file, as verify compares them with the chain. */
struct attested {
	int64_t seq, line;
	char mac[65];
	char at[21];
};
struct attestations {
	struct attested *v;
	size_t n, cap;
};

static enum jr_err collect(void *ctx, const struct jr_audit_checkpoint *c, int64_t line)
{
	struct attestations *a = ctx;

	if (a->n == a->cap) {
		size_t cap = a->cap ? 2 * a->cap : 256;
		struct attested *more = jr_realloc(a->v, cap * sizeof(*more));
		if (!more)
			return JR_ERR_NOMEM;
		a->v = more;
		a->cap = cap;
	}
	a->v[a->n] = (struct attested){.seq = c->seq, .line = line};
	memcpy(a->v[a->n].mac, c->mac, sizeof(c->mac));
	memcpy(a->v[a->n].at, c->at, sizeof(c->at));
	a->n++;
	return JR_OK;
}

static int by_seq(const void *x, const void *y)
{
	const struct attested *a = x, *b = y;

	return a->seq < b->seq ? -1 : a->seq > b->seq ? 1 : a->line < b->line ? -1 : 1;
}

/* Sets the verdict's first bad entry and what is wrong with it. */
static void broken(struct jr_audit_verdict *v, int64_t seq, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void broken(struct jr_audit_verdict *v, int64_t seq, const char *fmt, ...)
{
	va_list ap;

	v->bad_seq = seq;
	va_start(ap, fmt);
	vsnprintf(v->problem, sizeof(v->problem), fmt, ap);
	va_end(ap);
}

/* Walks the chain in order of seq and stops at the first entry that does not fit. With `ring`,
 * each entry's MAC is checked under the key in force: the first entry's is whichever key of the
 * ring fits it (a chain begins with the newest key of its day), a rotation entry switches to the
 * key it names. Without a ring, the unkeyed hash of the chain before the key (the upgrade).
 * Each checkpoint of `cps` (sorted by seq) must name an entry of the chain with the same MAC.
 * Inside the caller's transaction. */
static enum jr_err walk(struct jr_store *s, const struct jr_audit_ring *ring,
			const struct attestations *cps, struct jr_audit_verdict *v)
{
	struct jr_db_stmt *st = NULL;
	char prev[65] = "", head_hash[65], head_key[JR_AUDIT_KEY_ID_LEN + 1];
	int64_t head_seq, unchained;
	size_t ci = 0;
	int key = -1;
	enum jr_err err;
	bool row;

	TRY(jr_db_prepare(s->db, "SELECT COUNT(*) FROM audit_log WHERE seq IS NULL", &st));
	TRY(jr_db_step(st, &row));
	unchained = row ? jr_db_col_int(st, 0) : 0;
	jr_db_finalize(st);
	st = NULL;
	TRY(jr_db_prepare(s->db, "SELECT seq, hash, key_id FROM audit_head WHERE id = 1", &st));
	TRY(jr_db_step(st, &row));
	if (!row) {
		broken(v, 1, "het einde van de keten (audit_head) ontbreekt");
		goto out;
	}
	head_seq = jr_db_col_int(st, 0);
	snprintf(head_hash, sizeof(head_hash), "%s", jr_db_col_text(st, 1));
	snprintf(head_key, sizeof(head_key), "%s", jr_db_col_text(st, 2));
	jr_db_finalize(st);
	st = NULL;
	if (unchained) {
		broken(v, head_seq + 1,
		       "%lld regel(s) zonder plaats in de keten: ingevoegd buiten jeugdroute om",
		       (long long)unchained);
		goto out;
	}
	TRY(jr_db_prepare(s->db, "SELECT " ENTRY_COLUMNS " FROM audit_log ORDER BY seq", &st));
	for (;;) {
		struct entry e;
		char want[65];
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		e = read_entry(st);
		if (e.seq != v->entries + 1) {
			broken(v, v->entries + 1,
			       e.seq > v->entries + 1 ? "regel %lld ontbreekt" : "regel %lld dubbel",
			       (long long)(v->entries + 1));
			goto out;
		}
		if (ring && key < 0) {
			for (int k = 0; k < ring->count && key < 0; k++) {
				entry_hash(ring->keys[k].mac, prev, &e, want);
				if (strcmp(want, jr_db_col_text(st, 10)) == 0)
					key = k;
			}
			if (key < 0)
				key = ring->count - 1; /* none fits: reported below */
		}
		entry_hash(ring ? ring->keys[key].mac : NULL, prev, &e, want);
		if (strcmp(want, jr_db_col_text(st, 10)) != 0) {
			broken(v, e.seq,
			       ring ? "regel %lld is gewijzigd: de MAC klopt niet met de inhoud, de "
				      "regel ervoor en de sleutel (gewijzigd, ingevoegd, verwisseld of "
				      "zonder de sleutel herberekend)"
				    : "regel %lld is gewijzigd: de hash klopt niet met de inhoud en de "
				      "regel ervoor",
			       (long long)e.seq);
			goto out;
		}
		for (; ci < cps->n && cps->v[ci].seq <= e.seq; ci++)
			if (strcmp(cps->v[ci].mac, want) != 0) {
				broken(v, e.seq,
				       "regel %lld wijkt af van het ondertekende controlepunt van %s "
				       "(regel %lld van het controlepuntenbestand): de keten is daarna "
				       "herschreven",
				       (long long)e.seq, cps->v[ci].at, (long long)cps->v[ci].line);
				goto out;
			}
		if (ring && strcmp(e.action, ROTATE_ACTION) == 0) {
			int next = jr_audit_ring_find(ring, e.object);
			if (next < 0) {
				broken(v, e.seq,
				       "regel %lld wisselt naar auditsleutel %.20s, die niet in het "
				       "auditsleutelbestand staat",
				       (long long)e.seq, e.object);
				goto out;
			}
			key = next;
		}
		memcpy(prev, want, sizeof(want));
		v->entries++;
	}
	if (v->entries != head_seq || strcmp(prev, head_hash) != 0) {
		broken(v, v->entries < head_seq ? v->entries + 1 : head_seq,
		       "het einde van de keten klopt niet: %lld regels, audit_head noemt er %lld "
		       "(regels aan het eind verwijderd?)",
		       (long long)v->entries, (long long)head_seq);
	} else if (ci < cps->n) {
		const struct attested *last = &cps->v[cps->n - 1];
		broken(v, v->entries + 1,
		       "de keten is afgekapt: het ondertekende controlepunt van %s (regel %lld van "
		       "het controlepuntenbestand) noemt regel %lld, de database houdt op bij regel "
		       "%lld",
		       last->at, (long long)last->line, (long long)last->seq,
		       (long long)v->entries);
	} else if (ring && v->entries && strcmp(head_key, ring->keys[key].id) != 0) {
		broken(v, head_seq,
		       "het einde van de keten klopt niet: audit_head noemt auditsleutel %s, de keten "
		       "eindigt met sleutel %s",
		       head_key, ring->keys[key].id);
	}
out:
	jr_db_finalize(st);
	return err;
}

/* Reads the checkpoint file into `cps`, sorted by seq, and notes in the verdict what it found. */
static enum jr_err read_checkpoints(struct jr_store *s, struct attestations *cps,
				    struct jr_audit_verdict *v)
{
	enum jr_err err;

	err = jr_audit_checkpoints_read(s->audit->checkpoint_path, &s->audit->ring, collect, cps,
					&v->checkpoint_file, &v->bad_checkpoint_line,
					v->checkpoint_problem, sizeof(v->checkpoint_problem));
	if (err)
		return err;
	if (cps->n)
		qsort(cps->v, cps->n, sizeof(*cps->v), by_seq);
	v->checkpoints = (int64_t)cps->n;
	if (cps->n) {
		v->last_checkpoint_seq = cps->v[cps->n - 1].seq;
		memcpy(v->last_checkpoint_at, cps->v[cps->n - 1].at, sizeof(v->last_checkpoint_at));
	}
	return JR_OK;
}

enum jr_err jr_store_audit_verify(struct jr_store *s, const struct jr_actor *a,
				  struct jr_audit_verdict *v)
{
	struct attestations cps = {0};
	enum jr_err err;

	memset(v, 0, sizeof(*v));
	/* the file before the database: a checkpoint written meanwhile attests an end this
	 * transaction sees (a checkpoint is only made of a committed end) */
	if ((err = read_checkpoints(s, &cps, v)))
		goto done;
	TRY(jr_store_begin(s));
	TRY(jr_store_audit_write_pending(s)); /* this transaction's entries too */
	TRY(walk(s, &s->audit->ring, &cps, v));
	TRY(jr_store_audit_object(s, a, "audit.verify", 0,
				  v->bad_seq || v->bad_checkpoint_line ? "broken" : "intact"));
out:
	err = jr_store_finish(s, err);
done:
	jr_free(cps.v);
	return err;
}

/* Reads the end of the chain outside any transaction of the store's own. */
static enum jr_err read_head(struct jr_store *s, int64_t *seq, char hash[65],
			     char key_id[JR_AUDIT_KEY_ID_LEN + 1], bool *keyed)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row = false;

	TRY(jr_db_prepare(s->db, "SELECT seq, hash, key_id FROM audit_head WHERE id = 1", &st));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_STORE;
		goto out;
	}
	*seq = jr_db_col_int(st, 0);
	snprintf(hash, 65, "%s", jr_db_col_text(st, 1));
	*keyed = !jr_db_col_null(st, 2);
	snprintf(key_id, JR_AUDIT_KEY_ID_LEN + 1, "%s", jr_db_col_text(st, 2));
out:
	jr_db_finalize(st);
	return err;
}

/* Re-chains every entry with the newest key of the ring (the upgrade of a chain without a
 * key, which was verified first), inside the caller's transaction; leaves the chain's end
 * loaded with that key. */
#define RECHAIN_BATCH 512
static enum jr_err rechain(struct jr_store *s)
{
	struct jr_db_stmt *st = NULL, *up = NULL;
	int64_t *seqs = jr_malloc(RECHAIN_BATCH * sizeof(*seqs));
	char (*macs)[65] = jr_malloc(RECHAIN_BATCH * sizeof(*macs));
	char prev[65] = "";
	int64_t last = 0;
	enum jr_err err = JR_ERR_NOMEM;
	bool row;

	if (!seqs || !macs)
		goto out;
	TRY(load_chain(s));
	s->chain_key = s->audit->ring.count - 1;
	TRY(jr_db_prepare(s->db, "UPDATE audit_log SET hash = $1 WHERE seq = $2", &up));
	for (;;) {
		size_t n = 0;
		TRY(jr_db_prepare(s->db,
				  "SELECT " ENTRY_COLUMNS " FROM audit_log WHERE seq > $1"
				  " ORDER BY seq LIMIT $2",
				  &st));
		TRY(jr_db_bind_int(st, 1, last));
		TRY(jr_db_bind_int(st, 2, RECHAIN_BATCH));
		for (;;) {
			struct entry e;
			TRY(jr_db_step(st, &row));
			if (!row)
				break;
			e = read_entry(st);
			entry_hash(chain_key(s), prev, &e, macs[n]);
			memcpy(prev, macs[n], sizeof(prev));
			seqs[n++] = last = e.seq;
		}
		jr_db_finalize(st);
		st = NULL;
		if (n == 0)
			break;
		for (size_t i = 0; i < n; i++) {
			TRY(jr_db_reset(up));
			TRY(jr_db_bind_text(up, 1, macs[i]));
			TRY(jr_db_bind_int(up, 2, seqs[i]));
			TRY(jr_db_step(up, &row));
		}
	}
	s->chain_seq = last;
	memcpy(s->chain_hash, prev, sizeof(prev));
out:
	jr_db_finalize(st);
	jr_db_finalize(up);
	jr_free(seqs);
	jr_free(macs);
	return err;
}

/* Gives a chain without a key (a new database, or one of a jeugdroute before the key) its key:
 * the old chain is verified and re-chained with the newest key of the ring, once, and that is
 * recorded in the chain itself (trust on upgrade). `created`: the key file is new, still in
 * memory only; it is written just before the commit, so that a failure leaves neither. */
static enum jr_err upgrade(struct jr_store *s, int64_t seq, bool created, char *msg, size_t cap)
{
	static const struct jr_actor init_actor = {
	    .who = "jeugdroute", .origin = "init", .role = "cli",
	    .reason = "auditlog met een sleutel beveiligd (jeugdroute init)"};
	struct jr_audit_verdict old;
	struct attestations none = {0};
	char object[160], fmsg[JR_AUDIT_MSG_MAX];
	enum jr_err err;

	memset(&old, 0, sizeof(old));
	TRY(jr_store_begin(s));
	if (seq > 0) {
		TRY(walk(s, NULL, &none, &old));
		if (old.bad_seq) {
			snprintf(msg, cap,
				 "het auditlog van vóór de auditsleutel is niet heel (%s); jeugdroute "
				 "beveiligt het niet met een sleutel: bewaar de database als bewijs en "
				 "zet een reservekopie terug",
				 old.problem);
			err = JR_ERR_REFUSED;
			goto out;
		}
		TRY(rechain(s));
		snprintf(object, sizeof(object),
			 "%lld regels zonder sleutel gecontroleerd (heel) en met auditsleutel %s "
			 "opnieuw geketend",
			 (long long)old.entries, s->audit->ring.keys[s->chain_key].id);
		TRY(jr_store_audit_object(s, &init_actor, "audit.upgrade", 0, object));
	} else {
		TRY(load_chain(s));
		s->chain_key = s->audit->ring.count - 1;
	}
	if (created && (err = jr_audit_ring_save(s->audit->key_path, &s->audit->ring, false, fmsg))) {
		snprintf(msg, cap, "%s", fmsg);
		goto out;
	}
out:
	err = jr_store_finish(s, err);
	if (err && !msg[0])
		snprintf(msg, cap, "het auditlog kon niet met een sleutel worden beveiligd: %s",
			 jr_db_errmsg(s->db));
	return err;
}

/* Whether the checkpoint file holds anything. */
static bool has_checkpoints(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && st.st_size > 0;
}

enum jr_err jr_store_audit_open(struct jr_store *s, const char *key_file, const char *audit_key,
				const char *checkpoints, bool init, char *msg, size_t cap)
{
	char head_hash[65], head_key[JR_AUDIT_KEY_ID_LEN + 1], rmsg[JR_AUDIT_MSG_MAX];
	int64_t head_seq;
	bool keyed, created = false;
	enum jr_err err;

	msg[0] = '\0';
	s->audit = jr_calloc(1, sizeof(*s->audit));
	if (!s->audit)
		return JR_ERR_NOMEM;
	s->audit->checkpoint_seq = -1;
	if (jr_audit_default_paths(key_file, s->audit->key_path, s->audit->checkpoint_path) ||
	    (audit_key && snprintf(s->audit->key_path, JR_AUDIT_PATH_MAX, "%s", audit_key) >=
				  JR_AUDIT_PATH_MAX) ||
	    (checkpoints && snprintf(s->audit->checkpoint_path, JR_AUDIT_PATH_MAX, "%s",
				     checkpoints) >= JR_AUDIT_PATH_MAX)) {
		snprintf(msg, cap, "pad van het auditsleutel- of controlepuntenbestand is te lang");
		return JR_ERR_TOO_BIG;
	}
	if (init && access(s->audit->key_path, F_OK) != 0 && errno == ENOENT) {
		if ((err = jr_audit_ring_add(&s->audit->ring)))
			return err;
		created = true;
	} else if ((err = jr_audit_ring_load(s->audit->key_path, &s->audit->ring, rmsg))) {
		snprintf(msg, cap, "%s", rmsg);
		return err;
	}
	if ((err = read_head(s, &head_seq, head_hash, head_key, &keyed))) {
		snprintf(msg, cap, "het einde van het auditlog is niet te lezen: %s",
			 jr_db_errmsg(s->db));
		return err;
	}
	if (keyed) {
		if (created) {
			snprintf(msg, cap,
				 "%s ontbreekt, maar het auditlog is geketend met auditsleutel %s: zet "
				 "het auditsleutelbestand terug (of noem het met --audit-key)",
				 s->audit->key_path, head_key);
			return JR_ERR_STORE;
		}
		if (jr_audit_ring_find(&s->audit->ring, head_key) < 0) {
			snprintf(msg, cap,
				 "%s hoort niet bij deze database: het auditlog is geketend met "
				 "auditsleutel %s, die er niet in staat",
				 s->audit->key_path, head_key);
			return JR_ERR_STORE;
		}
		return JR_OK;
	}
	/* A chain without a key: a new database, or one made before the key. */
	if (!init) {
		snprintf(msg, cap, "het auditlog is nog niet met een sleutel beveiligd; werk de "
				   "database bij met jeugdroute init");
		return JR_ERR_STORE;
	}
	if (has_checkpoints(s->audit->checkpoint_path)) {
		snprintf(msg, cap,
			 "het auditlog heeft geen sleutel, maar %s bevat al ondertekende "
			 "controlepunten: de database is vervangen of teruggezet; verplaats het "
			 "controlepuntenbestand alleen als dat zo hoort (zie docs/security.md)",
			 s->audit->checkpoint_path);
		return JR_ERR_REFUSED;
	}
	if (head_seq > 0 && !created) {
		snprintf(msg, cap,
			 "het auditlog heeft nog geen sleutel maar %s bestaat al; alleen een nieuw "
			 "auditsleutelbestand beveiligt een bestaand auditlog (is het nieuw en "
			 "ongebruikt, verwijder het dan en draai jeugdroute init opnieuw)",
			 s->audit->key_path);
		return JR_ERR_REFUSED;
	}
	return upgrade(s, head_seq, created, msg, cap);
}

/* read_head, of an end that a failover cannot take back. On PostgreSQL a commit is visible to
 * others before the synchronous standby holds it; a checkpoint of such an end would attest
 * entries a failover loses. So the end is read in a transaction that takes a transaction id:
 * its commit waits, synchronous_commit on, until the standby holds all written before it. */
static enum jr_err read_head_durable(struct jr_store *s, int64_t *seq, char mac[65],
				     char key_id[JR_AUDIT_KEY_ID_LEN + 1], bool *keyed)
{
	enum jr_err err;

	if (jr_db_engine(s->db) != JR_DB_POSTGRES)
		return read_head(s, seq, mac, key_id, keyed);
	TRY(jr_db_begin(s->db));
	if ((err = jr_db_exec(s->db, "SET LOCAL synchronous_commit TO on")) ||
	    (err = jr_db_exec(s->db, "SELECT txid_current()")) ||
	    (err = read_head(s, seq, mac, key_id, keyed)) || (err = jr_db_commit(s->db)))
		jr_db_rollback(s->db);
out:
	return err;
}

enum jr_err jr_store_audit_checkpoint(struct jr_store *s, bool always,
				      struct jr_audit_checkpoint *out, char msg[JR_AUDIT_MSG_MAX])
{
	struct jr_audit_checkpoint c;
	bool keyed = false;
	int k;
	enum jr_err err;

	msg[0] = '\0';
	memset(&c, 0, sizeof(c));
	if (out)
		memset(out, 0, sizeof(*out));
	if (s->bulk || !s->audit)
		return JR_ERR_INTERNAL;
	/* on SQLite one statement, no transaction of its own: a transaction would wait for the
	 * writer's lock, where a read does not; on PostgreSQL a short one that waits for the
	 * standby (read_head_durable) */
	TRY(read_head_durable(s, &c.seq, c.mac, c.key_id, &keyed));
	if (c.seq == 0 || !keyed || (!always && c.seq == s->audit->checkpoint_seq))
		goto out; /* nothing (new) to attest */
	if (c.seq < s->audit->checkpoint_seq) {
		snprintf(msg, JR_AUDIT_MSG_MAX,
			 "het einde van het auditlog ging terug van regel %lld naar %lld: niet "
			 "ondertekend (audit verify zoekt uit wat er gebeurde)",
			 (long long)s->audit->checkpoint_seq, (long long)c.seq);
		err = JR_ERR_REFUSED;
		goto out;
	}
	k = find_key(s, c.key_id);
	if (k < 0) {
		snprintf(msg, JR_AUDIT_MSG_MAX, "auditsleutel %s staat niet in %.300s", c.key_id,
			 s->audit->key_path);
		err = JR_ERR_STORE;
		goto out;
	}
	jr_store_now(c.at);
	TRY(jr_audit_checkpoint_append(s->audit->checkpoint_path, &s->audit->ring.keys[k], &c,
				       msg));
	s->audit->checkpoint_seq = c.seq;
	s->audit_unsealed = false;
	if (out)
		*out = c;
out:
	if (err && !msg[0])
		snprintf(msg, JR_AUDIT_MSG_MAX, "het einde van het auditlog is niet te lezen: %s",
			 jr_db_errmsg(s->db));
	return err;
}

void jr_store_audit_close(struct jr_store *s)
{
	char msg[JR_AUDIT_MSG_MAX];

	if (!s->audit)
		return;
	/* a command that added entries leaves a checkpoint of the end it made */
	if (s->audit_unsealed && !s->bulk && jr_store_audit_checkpoint(s, false, NULL, msg))
		fprintf(stderr, "jeugdroute: auditlog: controlepunt niet geschreven: %s\n", msg);
	jr_audit_ring_wipe(&s->audit->ring);
	jr_free(s->audit);
	s->audit = NULL;
}

enum jr_err jr_store_audit_rotate_key(struct jr_store *s, const struct jr_actor *a,
				      char new_id[JR_AUDIT_KEY_ID_LEN + 1],
				      char msg[JR_AUDIT_MSG_MAX])
{
	struct jr_audit_ring ring;
	enum jr_err err;

	msg[0] = '\0';
	new_id[0] = '\0';
	if (s->bulk)
		return JR_ERR_INTERNAL;
	/* the file as it is now (another process may have added a key), plus a new key, written
	 * before the chain switches to it: every process that meets the new key finds it there */
	if ((err = jr_audit_ring_load(s->audit->key_path, &ring, msg)))
		return err;
	if ((err = jr_audit_ring_add(&ring))) {
		snprintf(msg, JR_AUDIT_MSG_MAX, "%.300s houdt al %d sleutels; meer kunnen er niet in",
			 s->audit->key_path, JR_AUDIT_KEYS_MAX);
		goto wipe;
	}
	if ((err = jr_audit_ring_save(s->audit->key_path, &ring, true, msg)))
		goto wipe;
	jr_audit_ring_wipe(&s->audit->ring);
	s->audit->ring = ring;
	snprintf(new_id, JR_AUDIT_KEY_ID_LEN + 1, "%s", ring.keys[ring.count - 1].id);
	TRY(jr_store_begin(s));
	/* the switch is an entry MACed with the key before; every entry after it with the new */
	TRY(jr_store_audit_object(s, a, ROTATE_ACTION, 0, new_id));
	TRY(jr_store_audit_write_pending(s)); /* chained with the key before, then the switch */
	s->chain_key = s->audit->ring.count - 1;
out:
	err = jr_store_finish(s, err);
	if (err && !msg[0])
		snprintf(msg, JR_AUDIT_MSG_MAX, "de sleutelwissel vastleggen mislukt: %s",
			 jr_db_errmsg(s->db));
wipe:
	jr_audit_ring_wipe(&ring);
	return err;
}

enum jr_err jr_store_audit_key_info(struct jr_store *s, int i, struct jr_audit_key_info *out)
{
	char hash[65];
	int64_t seq;
	bool keyed = false;

	memset(out, 0, sizeof(*out));
	if (!s->audit || i < 0 || i >= s->audit->ring.count)
		return JR_ERR_NOT_FOUND;
	snprintf(out->id, sizeof(out->id), "%s", s->audit->ring.keys[i].id);
	sodium_bin2hex(out->public_key, sizeof(out->public_key), s->audit->ring.keys[i].sign_pk,
		       sizeof(s->audit->ring.keys[i].sign_pk));
	if (read_head(s, &seq, hash, out->id_in_use, &keyed) == JR_OK && keyed)
		out->in_use = strcmp(out->id_in_use, out->id) == 0;
	snprintf(out->key_file, sizeof(out->key_file), "%s", s->audit->key_path);
	snprintf(out->checkpoint_file, sizeof(out->checkpoint_file), "%s",
		 s->audit->checkpoint_path);
	return JR_OK;
}

enum jr_err jr_store_audit_of_person(struct jr_store *s, const struct jr_actor *a,
				     int64_t person_id, int limit, jr_audit_fn fn, void *ctx)
{
	struct jr_db_stmt *st = NULL;
	struct jr_audit_entry e;
	enum jr_err err;
	bool row;

	TRY(jr_store_begin(s));
	TRY(jr_store_audit_write_pending(s)); /* this transaction's entries too */
	TRY(jr_store_must_exist(s, "SELECT 1 FROM persons WHERE id = $1", person_id));
	TRY(jr_db_prepare(s->db,
			  "SELECT seq, at, actor, role, COALESCE(organisation_id, 0), action, object,"
			  " origin, reason FROM audit_log WHERE person_id = $1"
			  " ORDER BY seq DESC LIMIT $2",
			  &st));
	TRY(jr_db_bind_int(st, 1, person_id));
	TRY(jr_db_bind_int(st, 2, limit));
	for (;;) {
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		memset(&e, 0, sizeof(e));
		e.seq = jr_db_col_int(st, 0);
		snprintf(e.at, sizeof(e.at), "%s", jr_db_col_text(st, 1));
		snprintf(e.actor, sizeof(e.actor), "%s", jr_db_col_text(st, 2));
		snprintf(e.role, sizeof(e.role), "%s", jr_db_col_text(st, 3));
		e.organisation_id = jr_db_col_int(st, 4);
		snprintf(e.action, sizeof(e.action), "%s", jr_db_col_text(st, 5));
		snprintf(e.object, sizeof(e.object), "%s", jr_db_col_text(st, 6));
		snprintf(e.origin, sizeof(e.origin), "%s", jr_db_col_text(st, 7));
		snprintf(e.reason, sizeof(e.reason), "%s", jr_db_col_text(st, 8));
		TRY(fn(ctx, &e));
	}
	jr_db_finalize(st);
	st = NULL;
	TRY(jr_store_audit(s, a, "person.access_log", person_id));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_audit_event(struct jr_store *s, const struct jr_actor *a, const char *action,
				 int64_t person_id, const char *object)
{
	enum jr_err err;

	TRY(jr_store_begin(s));
	TRY(jr_store_audit_object(s, a, action, person_id, object));
out:
	return jr_store_finish(s, err);
}
