/* api_scenario: POST /api/v1/scenarios — a scenario over the region's help requests in the
 * records (app/scenario.c, docs/scenario.md): body {"policy": {…}, "region": ID, "resamples": N,
 * "seed": N}, answer the same JSON as `jeugdroute scenario`. For the policy role, for its own
 * region only (403 for another); 422 naming the field of a bad body or policy. */
#include <string.h>

#include "app/access.h"
#include "app/scenario.h"
#include "http/api.h"
#include "http/fields.h"
#include "http/use_case.h"

int jr_api_scenario(struct jr_http_request *r)
{
	const char *type = jr_http_header(r, "Content-Type");
	struct jr_app app;
	struct jr_diag diag;
	enum jr_err err;
	int status;

	if ((status = jr_api_require(r, JR_CAP_SCENARIOS)))
		return status;
	if (!type || strncmp(type, "application/json", 16) != 0)
		return jr_reply_error(r, 415, "unsupported_media_type", NULL,
				      "stuur het verzoek als JSON (Content-Type: application/json)");
	jr_http_app(r, &app, &diag);
	jr_buf_reset(&r->out);
	err = jr_app_scenario_body(&app, r->body, r->body_len, &r->out);
	if (err == JR_ERR_INPUT)
		return jr_reply_error(r, 422, "invalid", diag.path, diag.message);
	if (err)
		return jr_http_app_fail(r, err, &diag);
	return jr_reply_json(r, 200);
}
