/* store_search: the name keys and the person search (search.h). */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "core/date.h"
#include "store/search.h"
#include "store/store_internal.h"
#include "store/vault.h"

enum jr_err jr_store_person_name_index(struct jr_store *s, int64_t id, const char *given,
				       const char *family)
{
	char keys[JR_NAME_KEYS_MAX][JR_NAME_KEY_MAX], sort[JR_NAME_KEY_MAX];
	struct jr_db_stmt *st = NULL;
	size_t n = jr_name_keys(given, family, keys);
	struct jr_buf sql = {0};
	enum jr_err err;
	bool row;

	jr_name_sort_key(given, family, sort);
	TRY(jr_db_prepare(s->db, "DELETE FROM person_name_keys WHERE person_id = $1", &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_step(st, &row));
	jr_db_finalize(st);
	st = NULL;
	TRY(jr_db_prepare(s->db, "UPDATE persons SET name_sort = $1 WHERE id = $2", &st));
	TRY(jr_db_bind_text(st, 1, sort));
	TRY(jr_db_bind_int(st, 2, id));
	TRY(jr_db_step(st, &row));
	jr_db_finalize(st);
	st = NULL;
	if (n == 0)
		goto out;
	/* each key with its person's municipality and sort key (migration 25), read from the row;
	 * all keys in one statement (a list of n values): every person added or renamed has its
	 * keys written, and on PostgreSQL each statement costs the server a turn. A VALUES list's
	 * column is column1 in both engines. */
	jr_buf_init(&sql, 512);
	TRY(jr_buf_printf(&sql, "INSERT INTO person_name_keys (person_id, name_key, municipality,"
				" name_sort) SELECT p.id, k.column1, p.municipality, p.name_sort"
				" FROM persons p, (VALUES ($2)"));
	for (size_t i = 1; i < n; i++)
		TRY(jr_buf_printf(&sql, ", ($%zu)", i + 2));
	TRY(jr_buf_printf(&sql, ") AS k WHERE p.id = $1"));
	TRY(jr_db_prepare(s->db, jr_buf_str(&sql), &st));
	TRY(jr_db_bind_int(st, 1, id));
	for (size_t i = 0; i < n; i++)
		TRY(jr_db_bind_text(st, (int)i + 2, keys[i]));
	TRY(jr_db_step(st, &row));
out:
	jr_db_finalize(st);
	jr_buf_release(&sql);
	return err;
}

enum jr_err jr_store_person_name_backfill(struct jr_store *s)
{
	struct jr_db_stmt *st = NULL;
	int64_t last = 0;
	enum jr_err err;
	bool row = true;

	/* in batches by id, each its own transaction, so that a large register does not hold one
	 * long transaction; a person already done is done again harmlessly */
	while (row) {
		int64_t ids[256];
		char given[256][JR_PERSON_NAME_MAX], family[256][JR_PERSON_NAME_MAX];
		size_t n = 0;

		TRY(jr_db_prepare(s->db,
				  "SELECT id, given_names, family_name FROM persons WHERE id > $1"
				  " ORDER BY id LIMIT 256",
				  &st));
		TRY(jr_db_bind_int(st, 1, last));
		while (!(err = jr_db_step(st, &row)) && row && n < 256) {
			ids[n] = jr_db_col_int(st, 0);
			snprintf(given[n], sizeof(given[n]), "%s", jr_db_col_text(st, 1));
			snprintf(family[n], sizeof(family[n]), "%s", jr_db_col_text(st, 2));
			n++;
		}
		jr_db_finalize(st);
		st = NULL;
		if (err)
			goto out;
		row = n == 256;
		if (!n)
			break;
		TRY(jr_db_begin(s->db));
		for (size_t i = 0; i < n && !err; i++)
			err = jr_store_person_name_index(s, ids[i], given[i], family[i]);
		if (err) {
			jr_db_rollback(s->db);
			goto out;
		}
		TRY(jr_db_commit(s->db));
		last = ids[n - 1];
	}
out:
	jr_db_finalize(st);
	return err;
}

/* The least string above every string that starts with `prefix` in byte order: the prefix with
 * U+10FFFF, the highest code point (no folded name holds it), so that the range stays UTF-8. */
static void upper_bound(const char *prefix, char out[JR_NAME_KEY_MAX + 4])
{
	snprintf(out, JR_NAME_KEY_MAX + 4, "%s\xF4\x8F\xBF\xBF", prefix);
}

/* Reads the rows of a candidates query (id, given names, family name, birth date,
 * municipality, sort key) into out, at most `max`; *count how many. */
static enum jr_err read_hits(struct jr_db_stmt *st, struct jr_person_hit *out, size_t max,
			     size_t *count)
{
	enum jr_err err;
	bool row;

	*count = 0;
	while (!(err = jr_db_step(st, &row)) && row && *count < max) {
		struct jr_person_hit *h = &out[(*count)++];
		const char *b = jr_db_col_text(st, 3);

		memset(h, 0, sizeof(*h));
		h->id = jr_db_col_int(st, 0);
		snprintf(h->given_names, sizeof(h->given_names), "%s", jr_db_col_text(st, 1));
		snprintf(h->family_name, sizeof(h->family_name), "%s", jr_db_col_text(st, 2));
		if (jr_date_parse(b, strlen(b), &h->birth_date))
			return JR_ERR_STORE; /* the store writes only valid dates */
		snprintf(h->municipality, sizeof(h->municipality), "%s", jr_db_col_text(st, 4));
		snprintf(h->sort, sizeof(h->sort), "%s", jr_db_col_text(st, 5));
	}
	return err;
}

/* A consulent's search by name alone (the common one) reads its municipality's part of the
 * register only: the keys of its residents that match the prefix are one range of the
 * covering index (municipality, name_key, name_sort, person_id), read in key order. Of that
 * range the first WINDOW_KEYS are sorted by name and paged, so that a common prefix ("de",
 * "van") costs a bounded sort rather than one of a hundred thousand keys at a million persons
 * (docs/BENCHMARKS.md, "Search"). When a prefix matches fewer keys (nearly every search of
 * three letters or more) the order is exact; when it matches more, the answer is the first by
 * name among the first WINDOW_KEYS names in alphabetical order — thousands of residents, so the
 * answer says that there are more, and the consulent refines it. (4,000: the sort of a window
 * costs about a millisecond per thousand keys; at 10,000 the search of a common prefix missed
 * its 20 ms.)
 * The persons linked to the principal without living in its municipality — a help request or
 * responsible care there (person_outside_links), a measure with its organisation as GI — come
 * in by a second, small query; the two sorted lists are merged. Together they are the link
 * any_candidates filters on. */
#define WINDOW_KEYS 4000

#define HIT_COLUMNS "p.id, p.given_names, p.family_name, p.birth_date, p.municipality, p.name_sort"
#define AFTER(sort, id) " AND (" sort " > $4 OR (" sort " = $4 AND " id " > $5))"

static const char residents_sql[] =
	"SELECT " HIT_COLUMNS " FROM (SELECT DISTINCT w.s, w.i FROM (SELECT k.name_sort AS s,"
	" k.person_id AS i FROM person_name_keys k WHERE k.municipality = $1 AND k.name_key >= $2"
	" AND k.name_key < $3 ORDER BY k.name_key LIMIT $7) w WHERE 1 = 1" AFTER("w.s", "w.i")
	" ORDER BY 1, 2 LIMIT $6) m JOIN persons p ON p.id = m.i ORDER BY m.s, m.i";
static const char outside_sql[] =
	"SELECT " HIT_COLUMNS " FROM persons p WHERE p.municipality <> $1"
	" AND (p.id IN (SELECT l.person_id FROM person_outside_links l WHERE l.municipality = $1)"
	" OR p.id IN (SELECT m.child_id FROM measures m WHERE m.gi_organisation_id = $7))"
	AFTER("p.name_sort", "p.id")
	" AND EXISTS (SELECT 1 FROM person_name_keys k WHERE k.person_id = p.id"
	" AND k.name_key >= $2 AND k.name_key < $3) ORDER BY p.name_sort, p.id LIMIT $6";

static bool by_municipality(const struct jr_person_query *q)
{
	return q->name && !q->bsn && !q->has_birth_date && q->linked &&
	       q->linked->municipality[0] && !q->linked->agb[0];
}

/* Runs one of the two queries above; `seventh` is the window of residents_sql, the
 * organisation of outside_sql (the link of a GI's measure, as the prefilter of any_candidates). */
static enum jr_err municipality_query(struct jr_store *s, const char *sql,
				      const struct jr_person_query *q, const char *upper,
				      const char *after_sort, int64_t after_id, int64_t seventh,
				      struct jr_person_hit *out, size_t max, size_t *count)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;

	*count = 0;
	TRY(jr_db_prepare(s->db, sql, &st));
	TRY(jr_db_bind_text(st, 1, q->linked->municipality));
	TRY(jr_db_bind_text(st, 2, q->name));
	TRY(jr_db_bind_text(st, 3, upper));
	TRY(jr_db_bind_text(st, 4, after_sort ? after_sort : ""));
	TRY(jr_db_bind_int(st, 5, after_id));
	TRY(jr_db_bind_int(st, 6, (int64_t)max));
	TRY(jr_db_bind_int(st, 7, seventh));
	err = read_hits(st, out, max, count);
out:
	jr_db_finalize(st);
	return err;
}

static int hit_order(const struct jr_person_hit *a, const struct jr_person_hit *b)
{
	int c = strcmp(a->sort, b->sort); /* byte order, as the columns' collation */

	return c ? c : (a->id > b->id) - (a->id < b->id);
}

static enum jr_err municipality_candidates(struct jr_store *s, const struct jr_person_query *q,
					   const char *after_sort, int64_t after_id,
					   struct jr_person_hit *out, size_t max, size_t *count)
{
	struct jr_person_hit *residents = NULL, *outside = NULL;
	char upper[JR_NAME_KEY_MAX + 4];
	size_t nr = 0, no = 0, r = 0, o = 0;
	enum jr_err err;

	*count = 0;
	residents = jr_calloc(max ? max : 1, sizeof(*residents));
	outside = jr_calloc(max ? max : 1, sizeof(*outside));
	if (!residents || !outside) {
		err = JR_ERR_NOMEM;
		goto out;
	}
	upper_bound(q->name, upper);
	TRY(municipality_query(s, residents_sql, q, upper, after_sort, after_id, WINDOW_KEYS,
			       residents, max, &nr));
	TRY(municipality_query(s, outside_sql, q, upper, after_sort, after_id,
			       q->linked->organisation_id > 0 ? q->linked->organisation_id : 0,
			       outside, max, &no));
	/* both lists are in name order; the first `max` of their union */
	while (*count < max && (r < nr || o < no))
		out[(*count)++] = o == no || (r < nr && hit_order(&residents[r], &outside[o]) < 0)
					  ? residents[r++]
					  : outside[o++];
out:
	jr_free(residents);
	jr_free(outside);
	if (err)
		*count = 0;
	return err;
}

static enum jr_err any_candidates(struct jr_store *s, const struct jr_person_query *q,
				  const char *after_sort, int64_t after_id,
				  struct jr_person_hit *out, size_t max, size_t *count);

enum jr_err jr_store_person_candidates(struct jr_store *s, const struct jr_person_query *q,
				       const char *after_sort, int64_t after_id,
				       struct jr_person_hit *out, size_t max, size_t *count)
{
	if (by_municipality(q))
		return municipality_candidates(s, q, after_sort, after_id, out, max, count);
	return any_candidates(s, q, after_sort, after_id, out, max, count);
}

/* Any other search: every criterion in one query, the link to the principal as a filter. */
static enum jr_err any_candidates(struct jr_store *s, const struct jr_person_query *q,
				  const char *after_sort, int64_t after_id,
				  struct jr_person_hit *out, size_t max, size_t *count)
{
	unsigned char hash[JR_VAULT_HASH_BYTES];
	char sql[2048], birth[JR_DATE_STRLEN], upper[JR_NAME_KEY_MAX + 4];
	struct jr_db_stmt *st = NULL;
	int n = 0, at = 0, bsn_at = 0, name_at = 0, birth_at = 0, muni_at = 0, agb_at = 0, org_at = 0;
	enum jr_err err;

	*count = 0;
	at = snprintf(sql, sizeof(sql),
		      "SELECT p.id, p.given_names, p.family_name, p.birth_date, p.municipality,"
		      " p.name_sort FROM persons p WHERE 1 = 1");
	if (q->bsn) {
		bsn_at = ++n;
		at += snprintf(sql + at, sizeof(sql) - (size_t)at, " AND p.bsn_hash = $%d", bsn_at);
	}
	if (q->has_birth_date) {
		birth_at = ++n;
		at += snprintf(sql + at, sizeof(sql) - (size_t)at, " AND p.birth_date = $%d",
			       birth_at);
	}
	if (q->name) {
		name_at = ++n;
		n++;
		/* with a BSN or birth date those lead (a handful of persons, each with its keys
		 * checked); alone, the name's key range leads */
		at += snprintf(sql + at, sizeof(sql) - (size_t)at,
			       q->bsn || q->has_birth_date
				       ? " AND EXISTS (SELECT 1 FROM person_name_keys k WHERE"
					 " k.person_id = p.id AND k.name_key >= $%d AND k.name_key < $%d)"
				       : " AND p.id IN (SELECT k.person_id FROM person_name_keys k"
					 " WHERE k.name_key >= $%d AND k.name_key < $%d)",
			       name_at, name_at + 1);
	}
	if (q->linked) {
		/* mirrors the facts jr_store_person_links reads (store_involvement.c) */
		const struct jr_principal *pr = q->linked;
		bool any = false;
		at += snprintf(sql + at, sizeof(sql) - (size_t)at, " AND (");
		if (pr->municipality[0]) {
			muni_at = ++n;
			/* a resident, or linked from outside: a help request or responsible
			 * care in the municipality (person_outside_links, kept by triggers; one
			 * lookup of its key, where an EXISTS over help_requests would read the
			 * municipality's whole work list for every candidate) */
			at += snprintf(sql + at, sizeof(sql) - (size_t)at,
				       "p.municipality = $%d"
				       " OR EXISTS (SELECT 1 FROM person_outside_links l"
				       "  WHERE l.municipality = $%d AND l.person_id = p.id)",
				       muni_at, muni_at);
			any = true;
		}
		if (pr->agb[0]) {
			agb_at = ++n;
			at += snprintf(sql + at, sizeof(sql) - (size_t)at,
				       "%sEXISTS (SELECT 1 FROM allocations a JOIN help_requests h"
				       "  ON a.help_request_id = h.id JOIN providers pr"
				       "  ON pr.id = a.provider_id WHERE h.child_id = p.id"
				       "  AND pr.agb = $%d)",
				       any ? " OR " : "", agb_at);
			any = true;
		}
		if (pr->organisation_id > 0) {
			org_at = ++n;
			at += snprintf(sql + at, sizeof(sql) - (size_t)at,
				       "%sEXISTS (SELECT 1 FROM measures m WHERE m.child_id = p.id"
				       "  AND m.gi_organisation_id = $%d)",
				       any ? " OR " : "", org_at);
			any = true;
		}
		at += snprintf(sql + at, sizeof(sql) - (size_t)at, "%s)", any ? "" : "1 = 0");
	}
	if (at >= (int)sizeof(sql)) {
		err = JR_ERR_STORE;
		goto out;
	}
	snprintf(sql + at, sizeof(sql) - (size_t)at,
		 " AND (p.name_sort > $%d OR (p.name_sort = $%d"
		 " AND p.id > $%d)) ORDER BY p.name_sort, p.id LIMIT $%d",
		 n + 1, n + 1, n + 2, n + 3);
	TRY(jr_db_prepare(s->db, sql, &st));
	if (bsn_at) {
		jr_vault_hash(&s->vault, q->bsn, hash);
		TRY(jr_db_bind_blob(st, bsn_at, hash, sizeof(hash)));
	}
	if (birth_at) {
		jr_date_format(q->birth_date, birth);
		TRY(jr_db_bind_text(st, birth_at, birth));
	}
	if (name_at) {
		upper_bound(q->name, upper);
		TRY(jr_db_bind_text(st, name_at, q->name));
		TRY(jr_db_bind_text(st, name_at + 1, upper));
	}
	if (muni_at)
		TRY(jr_db_bind_text(st, muni_at, q->linked->municipality));
	if (agb_at)
		TRY(jr_db_bind_text(st, agb_at, q->linked->agb));
	if (org_at)
		TRY(jr_db_bind_int(st, org_at, q->linked->organisation_id));
	TRY(jr_db_bind_text(st, n + 1, after_sort ? after_sort : ""));
	TRY(jr_db_bind_int(st, n + 2, after_id));
	TRY(jr_db_bind_int(st, n + 3, (int64_t)max));
	err = read_hits(st, out, max, count);
out:
	sodium_memzero(hash, sizeof(hash));
	jr_db_finalize(st);
	return err;
}

enum jr_err jr_store_open_help_requests(struct jr_store *s, const int64_t *child_ids, size_t n,
					struct jr_open_request *out, size_t max, size_t *counts)
{
	struct jr_db_stmt *st = NULL;
	struct jr_buf sql;
	enum jr_err err;
	bool row;

	memset(counts, 0, n * sizeof(*counts));
	if (!n)
		return JR_OK;
	/* of all the children at once: one statement, whose plan reads each child's requests by
	 * the index on child_id */
	jr_buf_init(&sql, 2048);
	TRY(jr_buf_printf(&sql, "SELECT child_id, id, state, municipality, raised_on"
				" FROM help_requests WHERE child_id IN ("));
	for (size_t i = 0; i < n; i++)
		TRY(jr_buf_printf(&sql, "%s$%zu", i ? ", " : "", i + 1));
	TRY(jr_buf_printf(&sql, ") AND state <> 'closed' AND state <> 'withdrawn'"
				" ORDER BY child_id, raised_on, id"));
	TRY(jr_db_prepare(s->db, jr_buf_str(&sql), &st));
	for (size_t i = 0; i < n; i++)
		TRY(jr_db_bind_int(st, (int)i + 1, child_ids[i]));
	while (!(err = jr_db_step(st, &row)) && row) {
		int64_t child = jr_db_col_int(st, 0);
		const char *raised = jr_db_col_text(st, 4);
		size_t i = 0;
		while (i < n && child_ids[i] != child)
			i++;
		if (i == n)
			continue;
		if (counts[i] < max) {
			struct jr_open_request *o = &out[i * max + counts[i]];
			memset(o, 0, sizeof(*o));
			o->id = jr_db_col_int(st, 1);
			snprintf(o->state, sizeof(o->state), "%s", jr_db_col_text(st, 2));
			snprintf(o->municipality, sizeof(o->municipality), "%s",
				 jr_db_col_text(st, 3));
			if (jr_date_parse(raised, strlen(raised), &o->raised_on))
				o->raised_on = 0;
		}
		counts[i]++;
	}
out:
	jr_db_finalize(st);
	jr_buf_release(&sql);
	return err;
}

enum jr_err jr_store_person_search_audit(struct jr_store *s, const struct jr_actor *a,
					 const char *kinds, const int64_t *ids, size_t n)
{
	char object[64];
	enum jr_err err;

	snprintf(object, sizeof(object), "criteria:%s", kinds);
	TRY(jr_store_begin(s));
	if (!n)
		TRY(jr_store_audit_object(s, a, "person.search.none", 0, object));
	for (size_t i = 0; i < n; i++)
		TRY(jr_store_audit_object(s, a, "person.search", ids[i], object));
out:
	return jr_store_finish(s, err);
}
