/* store_journal: the notes of a help request, append-only (see journal.h). There is no UPDATE
 * and no DELETE of journal_notes here; the table's trigger refuses an UPDATE from anywhere. */
#include <stdio.h>
#include <string.h>

#include "store/store_internal.h"

/* The child of help request `id` (JR_ERR_NOT_FOUND when there is none). */
static enum jr_err child_of(struct jr_store *s, int64_t id, int64_t *child)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row;

	TRY(jr_db_prepare(s->db, "SELECT child_id FROM help_requests WHERE id = $1", &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_step(st, &row));
	if (!row)
		err = JR_ERR_NOT_FOUND;
	else
		*child = jr_db_col_int(st, 0);
out:
	jr_db_finalize(st);
	return err;
}

enum jr_err jr_store_note_add(struct jr_store *s, const struct jr_actor *a, struct jr_note *n)
{
	struct jr_db_stmt *st = NULL;
	char date[JR_DATE_STRLEN], object[48];
	int64_t child = 0;
	enum jr_err err;
	bool row;

	jr_date_format(n->date, date);
	jr_store_stamp(s, n->created_at);
	snprintf(n->author, sizeof(n->author), "%s", a->who ? a->who : "");
	TRY(jr_store_begin(s));
	TRY(child_of(s, n->help_request_id, &child));
	if (n->corrects) {
		TRY(jr_db_prepare(s->db,
		                  "SELECT 1 FROM journal_notes WHERE id = $1"
		                  " AND help_request_id = $2",
		                  &st));
		TRY(jr_db_bind_int(st, 1, n->corrects));
		TRY(jr_db_bind_int(st, 2, n->help_request_id));
		TRY(jr_db_step(st, &row));
		jr_db_finalize(st);
		st = NULL;
		if (!row) {
			err = JR_ERR_NOT_FOUND;
			goto out;
		}
	}
	TRY(jr_db_prepare(
	    s->db,
	    "INSERT INTO journal_notes (help_request_id, note_date, kind, text, author,"
	    " corrects, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
	    &st));
	TRY(jr_db_bind_int(st, 1, n->help_request_id));
	TRY(jr_db_bind_text(st, 2, date));
	TRY(jr_db_bind_text(st, 3, n->kind));
	TRY(jr_db_bind_text(st, 4, n->text));
	TRY(jr_db_bind_text(st, 5, n->author));
	TRY(n->corrects ? jr_db_bind_int(st, 6, n->corrects) : jr_db_bind_null(st, 6));
	TRY(jr_db_bind_text(st, 7, n->created_at));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_STORE;
		goto out;
	}
	n->id = jr_db_col_int(st, 0);
	snprintf(object, sizeof(object), "help_request:%lld", (long long)n->help_request_id);
	TRY(jr_store_audit_object(s, a, "journal.add", child, object));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_notes_list(struct jr_store *s, const struct jr_actor *a,
                                int64_t help_request_id, jr_note_fn fn, void *ctx)
{
	struct jr_db_stmt *st = NULL;
	struct jr_note n;
	char object[48];
	int64_t child = 0;
	enum jr_err err;
	bool row;

	TRY(jr_store_begin(s));
	TRY(child_of(s, help_request_id, &child));
	/* the audit entry before the walk: a read that fails half-way was still a read */
	snprintf(object, sizeof(object), "help_request:%lld", (long long)help_request_id);
	TRY(jr_store_audit_object(s, a, "journal.read", child, object));
	TRY(jr_db_prepare(
	    s->db,
	    "SELECT n.id, n.note_date, n.kind, n.text, n.author, n.corrects,"
	    " n.created_at, (SELECT MAX(c.id) FROM journal_notes c WHERE c.corrects = n.id)"
	    " FROM journal_notes n WHERE n.help_request_id = $1"
	    " ORDER BY n.note_date DESC, n.id DESC",
	    &st));
	TRY(jr_db_bind_int(st, 1, help_request_id));
	for (;;) {
		const char *day;
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		memset(&n, 0, sizeof(n));
		n.id = jr_db_col_int(st, 0);
		n.help_request_id = help_request_id;
		day = jr_db_col_text(st, 1);
		if (jr_date_parse(day, strlen(day), &n.date)) {
			err = JR_ERR_STORE;
			goto out;
		}
		snprintf(n.kind, sizeof(n.kind), "%s", jr_db_col_text(st, 2));
		snprintf(n.text, sizeof(n.text), "%s", jr_db_col_text(st, 3));
		snprintf(n.author, sizeof(n.author), "%s", jr_db_col_text(st, 4));
		n.corrects = jr_db_col_null(st, 5) ? 0 : jr_db_col_int(st, 5);
		snprintf(n.created_at, sizeof(n.created_at), "%s", jr_db_col_text(st, 6));
		n.corrected_by = jr_db_col_null(st, 7) ? 0 : jr_db_col_int(st, 7);
		TRY(fn(ctx, &n));
	}
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}
