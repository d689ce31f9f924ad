/* api_route: POST /api/v1/route — the routing engine over HTTP, with the request and answer
 * contract of docs/routing.md. Nothing is stored: the advice for a help request is recorded
 * with the help request (later endpoints); this asks "what fits?" only. */
#include <stdio.h>
#include <string.h>

#include "app/access.h"
#include "app/route.h"
#include "core/alloc.h"
#include "http/api.h"
#include "http/fields.h"
#include "json/answer_json.h"

int jr_api_route(struct jr_http_request *r)
{
	struct jr_request *req = NULL;
	struct jr_answer *ans = NULL;
	const char *type = jr_http_header(r, "Content-Type");
	struct jr_diag diag;
	struct jr_buf scratch;
	enum jr_err err;
	int status;

	jr_buf_init(&scratch, JR_HTTP_REPLY_MAX);
	if ((status = jr_api_require(r, JR_CAP_ROUTE)))
		goto out;
	if (!type || strncmp(type, "application/json", 16) != 0) {
		status = jr_reply_error(r, 415, "unsupported_media_type", NULL,
					"stuur het verzoek als JSON (Content-Type: application/json)");
		goto out;
	}
	req = jr_calloc(1, sizeof(*req));
	ans = jr_calloc(1, sizeof(*ans));
	if (!req || !ans) {
		status = jr_reply_err(r, JR_ERR_NOMEM, NULL);
		goto out;
	}
	err = jr_app_route(r->policies, r->body, r->body_len, jr_http_today(), req, ans, &diag);
	if (err == JR_ERR_INPUT || err == JR_ERR_TOO_BIG || err == JR_ERR_NOT_FOUND) {
		/* a municipality in no policy is the request's mistake: 422 like any bad field */
		status = jr_reply_error(r, err == JR_ERR_TOO_BIG ? 413 : 422,
					err == JR_ERR_TOO_BIG ? "too_large" : "invalid", diag.path,
					diag.message);
		goto out;
	}
	if (err) {
		status = jr_reply_err(r, err, NULL);
		goto out;
	}
	jr_buf_reset(&r->out);
	if ((err = jr_answer_write_json(&r->out, &scratch, ans))) {
		status = jr_reply_err(r, err, NULL);
		goto out;
	}
	status = jr_reply_json(r, 200);
out:
	jr_buf_release(&scratch);
	jr_free(req);
	jr_free(ans);
	return status;
}
