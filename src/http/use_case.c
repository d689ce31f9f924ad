/* use_case: a use case's context from a request, and its errors as answers. */
#include "http/use_case.h"

#include <string.h>

#include "http/fields.h"

void jr_http_app(struct jr_http_request *r, struct jr_app *app, struct jr_diag *diag)
{
	memset(diag, 0, sizeof(*diag));
	memset(app, 0, sizeof(*app));
	app->store = r->store;
	app->actor = &r->actor;
	app->principal = r->logged_in ? &r->who : NULL;
	app->policies = r->policies;
	app->today = jr_http_today();
	app->diag = diag;
}

int jr_http_app_fail(struct jr_http_request *r, enum jr_err err, const struct jr_diag *diag)
{
	int status = jr_http_status_of(err);
	static const struct {
		enum jr_err err;
		const char *code;
	} codes[] = {
		{JR_ERR_INPUT, "invalid"},       {JR_ERR_TOO_BIG, "too_large"},
		{JR_ERR_NOT_FOUND, "not_found"}, {JR_ERR_USAGE, "bad_request"},
		{JR_ERR_CONFLICT, "conflict"},   {JR_ERR_REFUSED, "refused"},
		{JR_ERR_FORBIDDEN, "forbidden"}, {JR_ERR_STORE, "unavailable"},
		{JR_ERR_NOMEM, "unavailable"},
	};
	const char *code = "internal";

	if (!diag || !diag->message[0] || status >= 500)
		/* a failure of the server or database: the status's own words, never a detail */
		return jr_reply_err(r, err, NULL);
	for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
		if (codes[i].err == err)
			code = codes[i].code;
	return jr_reply_error(r, status, code, diag->path[0] ? diag->path : NULL, diag->message);
}
