/* api_search: POST /api/v1/persons/search {"bsn","name","birth_date"} — a person search within
 * the principal's reach (app/search.c), answered by view/view_search.c as `jeugdroute person
 * search` prints it.
 *
 * POST with a JSON body, not GET with a query: a BSN or a name must never land in a URL, where
 * access logs, proxies and browser history keep it (docs/server.md). Nobody found and somebody
 * out of reach are alike: 200 without them. */
#include <jansson.h>
#include <stdlib.h>

#include "app/access.h"
#include "app/search.h"
#include "http/api.h"
#include "http/fields.h"
#include "http/use_case.h"
#include "view/view_search.h"

int jr_api_person_search(struct jr_http_request *r)
{
	static const char *const known[] = {"bsn", "name", "birth_date", NULL};
	json_t *body = jr_http_json_body(r);
	struct jr_search_answer *ans = NULL;
	struct jr_json_writer w;
	struct jr_diag diag;
	struct jr_app app;
	char bsn[16], name[JR_NAME_KEY_MAX], birth[16];
	enum jr_err err;
	int status;

	if (!body)
		return r->status;
	jr_http_app(r, &app, &diag);
	/* the role first, so that a role that reads no persons learns nothing from a 422 */
	if ((status = jr_api_require(r, JR_CAP_PERSON_READ)) ||
	    (status = jr_field_only(r, body, known)) ||
	    (status = jr_field_text(r, body, "bsn", false, bsn, sizeof(bsn))) ||
	    (status = jr_field_text(r, body, "name", false, name, sizeof(name))) ||
	    (status = jr_field_text(r, body, "birth_date", false, birth, sizeof(birth))))
		goto out;
	if (!(ans = calloc(1, sizeof(*ans)))) {
		status = jr_reply_err(r, JR_ERR_NOMEM, NULL);
		goto out;
	}
	{
		const struct jr_search_input in = {.bsn = bsn, .name = name, .birth_date = birth};
		if ((err = jr_app_person_search(&app, &in, ans))) {
			status = jr_http_app_fail(r, err, &diag);
			goto out;
		}
	}
	jr_buf_reset(&r->out);
	jr_jw_init(&w, &r->out);
	jr_view_person_search(&w, ans);
	if ((err = jr_jw_finish(&w)) || (err = jr_buf_putc(&r->out, '\n')))
		status = jr_reply_err(r, err, NULL);
	else
		status = jr_reply_json(r, 200);
out:
	free(ans);
	json_decref(body);
	return status;
}
