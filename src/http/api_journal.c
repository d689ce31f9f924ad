/* api_journal: the journal of a help request (app/journal.h).
 *
 *   GET  /api/v1/help-requests/{id}/notes   {"help_request_id","kinds":[{"code","label"}],
 *                                            "notes":[…]} newest first
 *   POST /api/v1/help-requests/{id}/notes   {"kind","text","date"?,"corrects"?} → 201 the note
 *
 * Only the consulents of the help request's municipality and the GI of the child's measure; any
 * other principal, and a help request that does not exist, get 404 alike. Reach is asked before
 * the body is read, so that a body's errors tell nothing about a help request out of reach.
 * There is no PUT, PATCH or DELETE: a note is corrected by a new note ("corrects"). */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "app/journal.h"
#include "core/alloc.h"
#include "http/api.h"
#include "http/fields.h"
#include "http/use_case.h"
#include "view/view_journal.h"

int jr_api_help_request_notes(struct jr_http_request *r)
{
	struct jr_json_writer w;
	struct jr_diag diag;
	struct jr_app app;
	enum jr_err err;

	jr_http_app(r, &app, &diag);
	if ((err = jr_app_journal_reach(&app, r->ids[0], false)))
		return jr_http_app_fail(r, err, &diag);
	jr_buf_reset(&r->out);
	jr_jw_init(&w, &r->out);
	jr_view_journal_begin(&w, r->ids[0]);
	err = jr_app_journal_list(&app, r->ids[0], jr_view_note_each, &w);
	if (err)
		return jr_http_app_fail(r, err, &diag);
	jr_view_journal_end(&w);
	if ((err = jr_jw_finish(&w)) || (err = jr_buf_putc(&r->out, '\n')))
		return jr_reply_err(r, err, NULL);
	return jr_reply_json(r, 200);
}

int jr_api_help_request_note_add(struct jr_http_request *r)
{
	static const char *const known[] = {"kind", "text", "date", "corrects", NULL};
	json_t *body = jr_http_json_body(r);
	struct jr_note *in = NULL, *out = NULL;
	struct jr_json_writer w;
	struct jr_diag diag;
	struct jr_app app;
	enum jr_err err;
	int status;

	if (!body)
		return r->status;
	jr_http_app(r, &app, &diag);
	if ((err = jr_app_journal_reach(&app, r->ids[0], true))) {
		status = jr_http_app_fail(r, err, &diag);
		goto out;
	}
	if (!(in = jr_calloc(1, sizeof(*in))) || !(out = jr_calloc(1, sizeof(*out)))) {
		status = jr_reply_err(r, JR_ERR_NOMEM, NULL);
		goto out;
	}
	if ((status = jr_field_only(r, body, known)) ||
	    (status = jr_field_text(r, body, "kind", true, in->kind, sizeof(in->kind))) ||
	    (status = jr_field_text(r, body, "text", true, in->text, sizeof(in->text))) ||
	    (status = jr_field_date(r, body, "date", false, 0, &in->date)) ||
	    (status = jr_field_int(r, body, "corrects", false, 1, INT64_MAX, 0, &in->corrects)))
		goto out;
	in->help_request_id = r->ids[0];
	if ((err = jr_app_journal_add(&app, in, out))) {
		status = jr_http_app_fail(r, err, &diag);
		goto out;
	}
	jr_buf_reset(&r->out);
	jr_jw_init(&w, &r->out);
	jr_view_note(&w, out);
	if ((err = jr_jw_finish(&w)) || (err = jr_buf_putc(&r->out, '\n')))
		status = jr_reply_err(r, err, NULL);
	else
		status = jr_reply_json(r, 201);
out:
	jr_free(in);
	jr_free(out);
	json_decref(body);
	return status;
}
