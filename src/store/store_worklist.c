/* store_worklist: assignment of help requests to consulents (see worklist.h). */
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "store/store_internal.h"
#include "store/worklist.h"

/* The users a help request of municipality $1 may be assigned to. */
#define ASSIGNEES                                                                                  \
	" FROM users u JOIN organisations o ON o.id = u.organisation_id"                           \
	" WHERE u.role = 'consulent' AND u.active = 1 AND o.kind = 'local_team'"                    \
	" AND o.municipality = $1"

enum jr_err jr_store_assignees(struct jr_store *s, const char *municipality, jr_assignee_fn fn,
			       void *ctx)
{
	struct jr_db_stmt *st = NULL;
	struct jr_assignee u;
	enum jr_err err;
	bool more;

	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db, "SELECT u.id, u.username" ASSIGNEES " ORDER BY u.username, u.id",
			  &st));
	TRY(jr_db_bind_text(st, 1, municipality));
	for (;;) {
		TRY(jr_db_step(st, &more));
		if (!more)
			break;
		memset(&u, 0, sizeof u);
		u.user_id = jr_db_col_int(st, 0);
		snprintf(u.username, sizeof u.username, "%s", jr_db_col_text(st, 1));
		TRY(fn(ctx, &u));
	}
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_assignee_fits(struct jr_store *s, const char *municipality, int64_t user_id,
				   bool *fits, char username[33])
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row;

	*fits = false;
	username[0] = '\0';
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "SELECT u.username, (SELECT COUNT(*)" ASSIGNEES " AND u.id = $2)"
			  " FROM users u WHERE u.id = $2",
			  &st));
	TRY(jr_db_bind_text(st, 1, municipality));
	TRY(jr_db_bind_int(st, 2, user_id));
	TRY(jr_db_step(st, &row));
	if (row) {
		snprintf(username, 33, "%s", jr_db_col_text(st, 0));
		*fits = jr_db_col_int(st, 1) > 0;
	}
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

/* Binds `id` to `idx`, or NULL when it is 0. */
static enum jr_err bind_user(struct jr_db_stmt *st, int idx, int64_t id)
{
	return id ? jr_db_bind_int(st, idx, id) : jr_db_bind_null(st, idx);
}

enum jr_err jr_store_help_request_assign(struct jr_store *s, const struct jr_actor *a,
					 struct jr_help_request *h, int64_t user_id)
{
	struct jr_db_stmt *st = NULL;
	struct jr_buf before;
	int64_t child, was;
	char now[21];
	enum jr_err err;
	bool row;
	int version;

	jr_buf_init(&before, 128);
	jr_store_stamp(s, now);
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "SELECT child_id, version, COALESCE(assignee_user_id, 0) FROM help_requests"
			  " WHERE id = $1",
			  &st));
	TRY(jr_db_bind_int(st, 1, h->id));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	child = jr_db_col_int(st, 0);
	version = (int)jr_db_col_int(st, 1);
	was = jr_db_col_int(st, 2);
	jr_db_finalize(st);
	st = NULL;
	if (version != h->version) {
		err = JR_ERR_CONFLICT; /* someone changed it since this writer read it */
		goto out;
	}
	TRY(was ? jr_buf_printf(&before, "{\"assignee_user_id\":%lld,\"version\":%d}",
				(long long)was, version)
		: jr_buf_printf(&before, "{\"assignee_user_id\":null,\"version\":%d}", version));
	TRY(jr_store_history(s, a, "help_requests", h->id, version, jr_buf_str(&before)));
	TRY(jr_db_prepare(s->db,
			  "UPDATE help_requests SET assignee_user_id = $1, version = version + 1,"
			  " updated_at = $2 WHERE id = $3 AND version = $4",
			  &st));
	TRY(bind_user(st, 1, user_id));
	TRY(jr_db_bind_text(st, 2, now));
	TRY(jr_db_bind_int(st, 3, h->id));
	TRY(jr_db_bind_int(st, 4, version));
	TRY(jr_db_step(st, &row));
	jr_db_finalize(st);
	st = NULL;
	TRY(jr_db_prepare(s->db,
			  "INSERT INTO help_request_assignments (help_request_id, assignee_user_id,"
			  " assigned_by, created_at) VALUES ($1, $2, $3, $4)",
			  &st));
	TRY(jr_db_bind_int(st, 1, h->id));
	TRY(bind_user(st, 2, user_id));
	TRY(jr_db_bind_text(st, 3, a->who ? a->who : ""));
	TRY(jr_db_bind_text(st, 4, now));
	TRY(jr_db_step(st, &row));
	TRY(jr_store_audit(s, a, "help_request.assign", child));
	h->version = version + 1;
	h->assignee_id = user_id;
out:
	jr_db_finalize(st);
	jr_buf_release(&before);
	return jr_store_finish(s, err);
}
