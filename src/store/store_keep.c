/* store_keep: the audit entries of a bulk transaction that is undone, written again on their
 * own (jr_store_keep_audit in store.h).
 *
 * A request of the server is one bulk transaction; when it is refused or an operation inside
 * fails, everything it wrote is rolled back — its audit entries too. But a refusal must stay on
 * record (who tried to read whose file): so, when keeping is on, every entry made inside the
 * transaction is also noted here (without its place in the chain), and after the rollback the
 * notes are written again in a transaction of their own, chained anew. Entries of a part that
 * was undone on purpose (jr_store_part_end without keep) are forgotten with it: the caller
 * records what became of that part itself. */
#include <string.h>

#include "core/alloc.h"
#include "store/store_internal.h"

/* A noted entry: its numbers, and where its strings begin in kept_text (actor, role, action,
 * object, origin, reason, in that order). */
struct jr_audit_kept {
	int64_t organisation_id, person_id;
	size_t text;
};

#define KEPT_STRINGS 6
#define KEPT_MAX 65536 /* a request makes a handful; past this, entries are not noted */

void jr_store_keep_audit(struct jr_store *s, bool on)
{
	s->keep_on = on;
	jr_store_keep_reset(s);
}

enum jr_err jr_store_keep_note(struct jr_store *s, const struct jr_actor *a, const char *action,
			       int64_t person_id, const char *object)
{
	const char *t[KEPT_STRINGS] = {a->who, a->role ? a->role : "", action,
				       object, a->origin ? a->origin : "", a->reason ? a->reason : ""};
	size_t text = s->kept_text.len;
	enum jr_err err = JR_OK;

	if (!s->keep_on || !s->bulk)
		return JR_OK;
	if (s->kept_count == KEPT_MAX)
		return JR_OK;
	if (s->kept_count == s->kept_cap) {
		size_t cap = s->kept_cap ? 2 * s->kept_cap : 16;
		struct jr_audit_kept *more = jr_realloc(s->kept, cap * sizeof(*more));
		if (!more)
			return JR_ERR_NOMEM;
		s->kept = more;
		s->kept_cap = cap;
	}
	for (int i = 0; i < KEPT_STRINGS && !err; i++)
		err = jr_buf_append(&s->kept_text, t[i], strlen(t[i]) + 1);
	if (err) {
		s->kept_text.len = text;
		return err;
	}
	s->kept[s->kept_count++] = (struct jr_audit_kept){
	    .organisation_id = a->organisation_id, .person_id = person_id, .text = text};
	return JR_OK;
}

void jr_store_keep_truncate(struct jr_store *s, size_t count)
{
	if (count >= s->kept_count)
		return;
	s->kept_text.len = s->kept[count].text;
	s->kept_count = count;
}

void jr_store_keep_reset(struct jr_store *s)
{
	s->kept_count = 0;
	jr_buf_reset(&s->kept_text);
}

enum jr_err jr_store_keep_replay(struct jr_store *s)
{
	enum jr_err err = JR_OK;
	size_t n = s->kept_count;

	if (!s->keep_on || n == 0)
		return JR_OK;
	/* noted no more while they are written again (this is no bulk transaction) */
	s->kept_count = 0;
	TRY(jr_db_begin(s->db));
	for (size_t i = 0; i < n; i++) {
		const struct jr_audit_kept *k = &s->kept[i];
		const char *t = s->kept_text.data + k->text, *str[KEPT_STRINGS];
		struct jr_actor a;
		for (int j = 0; j < KEPT_STRINGS; j++) {
			str[j] = t;
			t += strlen(t) + 1;
		}
		a = (struct jr_actor){.who = str[0], .role = str[1], .organisation_id =
					  k->organisation_id, .origin = str[4], .reason = str[5]};
		TRY(jr_store_audit_object(s, &a, str[2], k->person_id, str[3]));
	}
	TRY(jr_store_audit_flush(s));
	TRY(jr_db_commit(s->db));
	jr_store_audit_forget(s);
out:
	if (err) {
		jr_db_rollback(s->db);
		jr_store_audit_forget(s);
	}
	jr_store_keep_reset(s);
	return err;
}

void jr_store_keep_release(struct jr_store *s)
{
	JR_FREE(s->kept);
	s->kept_count = s->kept_cap = 0;
	jr_buf_release(&s->kept_text);
}
