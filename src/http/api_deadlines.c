/* api_deadlines: the terms that run on a help request (app/deadlines.h, docs/deadlines.md).
 *
 *   GET /api/v1/help-requests/{id}/deadlines   its deadlines, nearest first, with their state
 *
 * Who may read them: whoever sees the help request (404 alike for one that does not exist and
 * one out of reach); the read is audited on the child. */
#include "app/deadlines.h"
#include "core/alloc.h"
#include "http/api.h"
#include "http/use_case.h"
#include "view/view_deadline.h"

int jr_api_help_request_deadlines(struct jr_http_request *r)
{
	struct jr_deadlines *d = jr_calloc(1, sizeof(*d));
	struct jr_json_writer w;
	struct jr_diag diag;
	struct jr_app app;
	enum jr_err err;
	int status;

	if (!d)
		return jr_reply_err(r, JR_ERR_NOMEM, NULL);
	jr_http_app(r, &app, &diag);
	err = jr_app_help_request_deadlines(&app, r->ids[0], d);
	if (err) {
		status = jr_http_app_fail(r, err, &diag);
		goto out;
	}
	jr_buf_reset(&r->out);
	jr_jw_init(&w, &r->out);
	jr_view_deadlines(&w, r->ids[0], app.today, d);
	if ((err = jr_jw_finish(&w)) || (err = jr_buf_putc(&r->out, '\n')))
		status = jr_reply_err(r, err, NULL);
	else
		status = jr_reply_json(r, 200);
out:
	jr_free(d);
	return status;
}
