/* api_vocabulary: GET /api/v1/vocabulary[?municipality=CODE | ?region=ID] — the words the
 * screens show, each with its code and its Dutch label: the region's (from its policy), the iJw
 * standard's and the records' own. Gathered by app/vocabulary.c, rendered by
 * view/view_vocabulary.c. Any logged-in role may read them: they hold no client data. */
#include <string.h>

#include "app/vocabulary.h"
#include "core/alloc.h"
#include "http/api.h"
#include "http/fields.h"
#include "view/view_vocabulary.h"

/* A query parameter as sent (NULL when absent); longer than 64 bytes counts as present and is
 * refused by the app as unknown. */
static const char *argument(const struct jr_http_request *r, const char *name)
{
	const char *v = r->argument ? r->argument(r->conn, name) : NULL;
	return v && strlen(v) > 64 ? "" : v;
}

int jr_api_vocabulary(struct jr_http_request *r)
{
	struct jr_vocabulary *v = jr_calloc(1, sizeof(*v));
	const char *bad = NULL;
	enum jr_err err;
	int status;

	if (!v)
		return jr_reply_err(r, JR_ERR_NOMEM, NULL);
	err = jr_app_vocabulary(r->policies, &r->who, argument(r, "municipality"),
				argument(r, "region"), jr_http_today(), v, &bad);
	if (err == JR_ERR_NOT_FOUND && bad) {
		status = jr_reply_error(r, 422, "invalid", bad,
					strcmp(bad, "region") == 0
						? "geen regio met deze naam; zie regions"
						: "verwacht de CBS-code van een gemeente van een regio");
		goto out;
	}
	jr_buf_reset(&r->out);
	if (!err) {
		struct jr_json_writer w;
		jr_jw_init(&w, &r->out);
		jr_view_vocabulary(&w, v);
		if (!(err = jr_jw_finish(&w)))
			err = jr_buf_putc(&r->out, '\n');
	}
	status = err ? jr_reply_err(r, err, NULL) : jr_reply_json(r, 200);
out:
	jr_free(v);
	return status;
}
