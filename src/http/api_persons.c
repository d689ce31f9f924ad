/* api_persons: GET /api/v1/persons?bsn=, /api/v1/persons/{id}, …/involvement and …/access-log.
 *
 * Each is one use case of app/person.c, which first asks whether the role may read persons at
 * all (403 when not), then whether this person is within the principal's reach (app/access.c).
 * A person out of reach and one that does not exist are answered alike — 404 with the same body
 * — and both are audited, so that no number or BSN tells whether the records hold someone. A
 * person is rendered by view/view_person.c, as `jeugdroute person` prints it; the answer carries
 * the record's version as ETag. */
#include <stdio.h>
#include <string.h>

#include "app/person.h"
#include "http/api.h"
#include "http/fields.h"
#include "http/use_case.h"
#include "view/view_person.h"

/* Answers 200 with person *p and its version as ETag. */
static int reply_person(struct jr_http_request *r, const struct jr_person *p)
{
	struct jr_json_writer w;
	char etag[32];
	enum jr_err err;

	jr_buf_reset(&r->out);
	jr_jw_init(&w, &r->out);
	jr_view_person(&w, p);
	if ((err = jr_jw_finish(&w)) || (err = jr_buf_putc(&r->out, '\n')))
		return jr_reply_err(r, err, NULL);
	snprintf(etag, sizeof(etag), "\"%d\"", p->version);
	jr_reply_header(r, "ETag", etag);
	return jr_reply_json(r, 200);
}

int jr_api_person_get(struct jr_http_request *r)
{
	struct jr_person p;
	struct jr_app app;
	struct jr_diag diag;
	enum jr_err err;

	jr_http_app(r, &app, &diag);
	if ((err = jr_app_person_get(&app, r->ids[0], &p)))
		return jr_http_app_fail(r, err, &diag);
	return reply_person(r, &p);
}

#define INVOLVED_MAX 64

int jr_api_person_involvement(struct jr_http_request *r)
{
	struct jr_involvement inv[INVOLVED_MAX];
	struct jr_json_writer w;
	struct jr_app app;
	struct jr_diag diag;
	size_t count;
	enum jr_err err;

	jr_http_app(r, &app, &diag);
	err = jr_app_person_involvement(&app, r->ids[0], app.today, inv, INVOLVED_MAX, &count);
	if (err)
		return jr_http_app_fail(r, err, &diag);
	jr_buf_reset(&r->out);
	jr_jw_init(&w, &r->out);
	jr_view_involvement(&w, r->ids[0], app.today, inv, count, INVOLVED_MAX);
	if ((err = jr_jw_finish(&w)) || (err = jr_buf_putc(&r->out, '\n')))
		return jr_reply_err(r, err, NULL);
	return jr_reply_json(r, 200);
}

static enum jr_err write_entry(void *ctx, const struct jr_audit_entry *e)
{
	struct jr_json_writer *w = ctx;

	jr_view_access_entry(w, e);
	return w->err;
}

int jr_api_person_access_log(struct jr_http_request *r)
{
	struct jr_json_writer w;
	struct jr_app app;
	struct jr_diag diag;
	enum jr_err err;

	jr_http_app(r, &app, &diag);
	jr_buf_reset(&r->out);
	jr_jw_init(&w, &r->out);
	jr_jw_object(&w);
	jr_jw_kint(&w, "person_id", r->ids[0]);
	jr_jw_key(&w, "entries");
	jr_jw_array(&w);
	if ((err = jr_app_person_access_log(&app, r->ids[0], 1000, write_entry, &w)))
		return jr_http_app_fail(r, err, &diag);
	jr_jw_end(&w);
	jr_jw_end(&w);
	if ((err = jr_jw_finish(&w)) || (err = jr_buf_putc(&r->out, '\n')))
		return jr_reply_err(r, err, NULL);
	return jr_reply_json(r, 200);
}

/* GET /api/v1/persons?bsn=… — find a child by BSN, within the principal's reach. Nobody with
 * this BSN and somebody out of reach get the same 404, naming the field bsn. */
int jr_api_person_find(struct jr_http_request *r)
{
	struct jr_person p;
	struct jr_app app;
	struct jr_diag diag;
	char bsn[16];
	enum jr_err err;

	jr_http_app(r, &app, &diag);
	if (!jr_http_query(r, "bsn", bsn, sizeof(bsn)))
		bsn[0] = '\0';
	if ((err = jr_app_person_find_bsn(&app, bsn, &p)))
		return jr_http_app_fail(r, err, &diag);
	return reply_person(r, &p);
}
