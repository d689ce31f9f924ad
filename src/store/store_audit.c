/* store_audit: the append-only, hash-chained audit log (NEN 7513 in spirit).
 *
 * Entry n holds seq = n and hash = BLAKE2b-256 over the hash of entry n-1 and its own fields,
 * each field length-prefixed so that no two different entries hash alike. audit_head holds the
 * last seq and hash: it lets a removed last entry show, and its row, updated by the first entry
 * of every transaction, orders concurrent writers (a row lock on PostgreSQL; SQLite has one
 * writer anyway). A transaction keeps the end of the chain in memory after that first entry and
 * writes it back to audit_head just before commit; inside a bulk transaction the entries are
 * chained at once and inserted up to 64 to a statement (jr_store_audit_write_pending). */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "store/store_internal.h"

#define HASH_BYTES 32

/* One entry's fields, as hashed and stored. */
struct entry {
	int64_t seq;
	const char *at, *actor, *role;
	int64_t organisation_id;
	const char *action;
	int64_t person_id;
	const char *object, *origin, *reason;
};

static void put_field(crypto_generichash_state *h, const char *s)
{
	unsigned char len[8];
	size_t n = strlen(s);

	for (int i = 0; i < 8; i++)
		len[i] = (unsigned char)(n >> (8 * i));
	crypto_generichash_update(h, len, sizeof(len));
	crypto_generichash_update(h, (const unsigned char *)s, n);
}

static void put_number(crypto_generichash_state *h, int64_t v)
{
	char text[24];
	snprintf(text, sizeof(text), "%lld", (long long)v);
	put_field(h, text);
}

/* hex = BLAKE2b-256(prev, fields of e), as 64 lower-case hex digits. */
static void entry_hash(const char *prev, const struct entry *e, char hex[65])
{
	crypto_generichash_state h;
	unsigned char out[HASH_BYTES];

	crypto_generichash_init(&h, NULL, 0, sizeof(out));
	put_field(&h, prev);
	put_number(&h, e->seq);
	put_field(&h, e->at);
	put_field(&h, e->actor);
	put_field(&h, e->role);
	put_number(&h, e->organisation_id);
	put_field(&h, e->action);
	put_number(&h, e->person_id);
	put_field(&h, e->object);
	put_field(&h, e->origin);
	put_field(&h, e->reason);
	crypto_generichash_final(&h, out, sizeof(out));
	sodium_bin2hex(hex, 65, out, sizeof(out));
}

/* Loads the end of the chain and locks it for this transaction. */
static enum jr_err load_chain(struct jr_store *s)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row = false;

	TRY(jr_db_prepare(s->db, "UPDATE audit_head SET seq = seq WHERE id = 1 RETURNING seq, hash",
			  &st));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_STORE; /* migration 6 made the row; nobody deletes it */
		goto out;
	}
	s->chain_seq = jr_db_col_int(st, 0);
	snprintf(s->chain_hash, sizeof(s->chain_hash), "%s", jr_db_col_text(st, 1));
	s->chain_loaded = true;
out:
	jr_db_finalize(st);
	return err;
}

/* A pending entry: its numbers, and where its strings begin in pending_text (at, actor, role,
 * action, object, origin, reason, hash, in that order). */
struct jr_audit_pending {
	int64_t seq, organisation_id, person_id;
	size_t text;
};

#define PENDING_STRINGS 8
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
		const char *t[PENDING_STRINGS]; /* at, actor, role, action, object, origin, reason,
						 * hash */
		int k = (int)(11 * i);
		pending_strings(s, p, t);
		TRY(jr_db_bind_int(st, k + 1, p->seq));
		TRY(jr_db_bind_text(st, k + 2, t[0]));
		TRY(jr_db_bind_text(st, k + 3, t[1]));
		TRY(jr_db_bind_text(st, k + 4, t[2]));
		TRY(p->organisation_id ? jr_db_bind_int(st, k + 5, p->organisation_id)
				       : jr_db_bind_null(st, k + 5));
		TRY(jr_db_bind_text(st, k + 6, t[3]));
		TRY(p->person_id ? jr_db_bind_int(st, k + 7, p->person_id)
				 : jr_db_bind_null(st, k + 7));
		TRY(jr_db_bind_text(st, k + 8, t[4]));
		TRY(jr_db_bind_text(st, k + 9, t[5]));
		TRY(jr_db_bind_text(st, k + 10, t[6]));
		TRY(jr_db_bind_text(st, k + 11, t[7]));
	}
	TRY(jr_db_step(st, &row));
out:
	jr_db_finalize(st);
	jr_buf_release(&sql);
	return err;
}

enum jr_err jr_store_audit_write_pending(struct jr_store *s)
{
	enum jr_err err = JR_OK;

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

/* Keeps entry e with its hash for writing. */
static enum jr_err pend(struct jr_store *s, const struct entry *e, const char *hash)
{
	const char *t[PENDING_STRINGS] = {e->at,     e->actor,  e->role,   e->action,
					  e->object, e->origin, e->reason, hash};
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
	    .seq = e->seq, .organisation_id = e->organisation_id, .person_id = e->person_id,
	    .text = text};
	return JR_OK;
}

/* An entry is chained at once and inserted with the others of its transaction: at once outside
 * a bulk transaction; inside one, many to a statement (jr_store_audit_write_pending). */
enum jr_err jr_store_audit_object(struct jr_store *s, const struct jr_actor *a, const char *action,
				  int64_t person_id, const char *object)
{
	char at[21], hash[65];
	struct entry e;
	enum jr_err err;

	if (!s->chain_loaded)
		TRY(load_chain(s));
	TRY(jr_store_keep_note(s, a, action, person_id, object));
	jr_store_now(at);
	e = (struct entry){.seq = s->chain_seq + 1, .at = at, .actor = a->who,
			   .role = a->role ? a->role : "", .organisation_id = a->organisation_id,
			   .action = action, .person_id = person_id, .object = object,
			   .origin = a->origin, .reason = a->reason};
	entry_hash(s->chain_hash, &e, hash);
	TRY(pend(s, &e, hash));
	s->chain_seq = e.seq;
	memcpy(s->chain_hash, hash, sizeof(hash));
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

	if (!s->chain_loaded)
		return JR_OK;
	TRY(jr_store_audit_write_pending(s));
	TRY(jr_db_prepare(s->db, "UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1", &st));
	TRY(jr_db_bind_int(st, 1, s->chain_seq));
	TRY(jr_db_bind_text(st, 2, s->chain_hash));
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
			entry_hash(s->chain_hash, &e, hashes[n]);
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

enum jr_err jr_store_audit_verify(struct jr_store *s, const struct jr_actor *a,
				  struct jr_audit_verdict *v)
{
	struct jr_db_stmt *st = NULL;
	char prev[65] = "", hash[65];
	int64_t head_seq = 0, unchained = 0;
	enum jr_err err;
	bool row;

	memset(v, 0, sizeof(*v));
	TRY(jr_store_begin(s));
	TRY(jr_store_audit_write_pending(s)); /* this transaction's entries too */
	TRY(jr_db_prepare(s->db, "SELECT COUNT(*) FROM audit_log WHERE seq IS NULL", &st));
	TRY(jr_db_step(st, &row));
	unchained = row ? jr_db_col_int(st, 0) : 0;
	jr_db_finalize(st);
	st = NULL;
	TRY(jr_db_prepare(s->db, "SELECT seq, hash FROM audit_head WHERE id = 1", &st));
	TRY(jr_db_step(st, &row));
	if (!row) {
		snprintf(v->problem, sizeof(v->problem), "het einde van de keten (audit_head) ontbreekt");
		v->bad_seq = 1;
		goto audit;
	}
	head_seq = jr_db_col_int(st, 0);
	snprintf(hash, sizeof(hash), "%s", jr_db_col_text(st, 1));
	jr_db_finalize(st);
	st = NULL;
	if (unchained) {
		snprintf(v->problem, sizeof(v->problem),
			 "%lld regel(s) zonder plaats in de keten: ingevoegd buiten jeugdroute om",
			 (long long)unchained);
		v->bad_seq = head_seq + 1;
		goto audit;
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
			v->bad_seq = v->entries + 1;
			snprintf(v->problem, sizeof(v->problem),
				 e.seq > v->entries + 1 ? "regel %lld ontbreekt" : "regel %lld dubbel",
				 (long long)(v->entries + 1));
			goto audit;
		}
		entry_hash(prev, &e, want);
		if (strcmp(want, jr_db_col_text(st, 10)) != 0) {
			v->bad_seq = e.seq;
			snprintf(v->problem, sizeof(v->problem),
				 "regel %lld is gewijzigd: de hash klopt niet met de inhoud en de regel "
				 "ervoor",
				 (long long)e.seq);
			goto audit;
		}
		memcpy(prev, want, sizeof(want));
		v->entries++;
	}
	if (v->entries != head_seq || strcmp(prev, hash) != 0) {
		v->bad_seq = v->entries < head_seq ? v->entries + 1 : head_seq;
		snprintf(v->problem, sizeof(v->problem),
			 "het einde van de keten klopt niet: %lld regels, audit_head noemt er %lld "
			 "(regels aan het eind verwijderd?)",
			 (long long)v->entries, (long long)head_seq);
	}
audit:
	jr_db_finalize(st);
	st = NULL;
	TRY(jr_store_audit_object(s, a, "audit.verify", 0, v->bad_seq ? "broken" : "intact"));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
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
