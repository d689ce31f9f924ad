/* api_ijw: iJw messages over the API, for a provider's own system (docs/ijw.md):
 *
 *   POST /api/v1/ijw/messages     one message — JW305, JW307, JW315, JW317 or JW323, or the
 *                                 answers JW302, JW320 to jeugdroute's messages — as XML
 *                                 (Content-Type application/xml), sent by the provider the login
 *                                 belongs to; answered with the verdict and the return message
 *   GET  /api/v1/ijw/allocations  the allocation messages (JW301) to that provider for the
 *                                 allocations made since ?since= (default today)
 *
 * The checks and the records' side are app/ijw/ (app/ijw.h), as for `jeugdroute ijw import`
 * and `export`; the answers are rendered by view/view_ijw.c, as the command line's lines are.
 * A message whose Afzender (an answer's Ontvanger) is not the provider's own AGB code is refused
 * (403) untouched. A JW315 to a municipality that is not the child's is answered with the JW319s
 * that refuse it (reason 8, woonplaatsbeginsel) in "refusals". */
#include <stdio.h>
#include <string.h>

#include "app/access.h"
#include "app/ijw.h"
#include "core/alloc.h"
#include "http/api.h"
#include "http/fields.h"
#include "http/use_case.h"
#include "view/view_ijw.h"

/* 0 when the principal is a provider's (care delivery, with an AGB code); else 403 answered. */
static int require_provider(struct jr_http_request *r)
{
	int status = jr_api_require(r, JR_CAP_CARE_DELIVERY);

	if (status || r->who.agb[0])
		return status;
	return jr_reply_error(r, 403, "forbidden", NULL,
			      "iJw-berichten horen bij een organisatie met een AGB-code");
}

/* A message between the steps of its request: read outside the database lock, then taken in. */
struct message_state {
	struct jr_ijw_outcome o;
	struct jr_ijw_incoming *in;
	enum jr_err read_err;
};

static void message_state_free(void *state)
{
	struct message_state *st = state;

	jr_app_ijw_incoming_free(st->in);
	jr_app_ijw_outcome_release(&st->o);
	jr_free(st);
}

/* Outside the database lock: libxml2 and the checks within the message (levels 1 and 2). */
static void message_read(struct jr_http_request *r)
{
	struct message_state *st = r->state;
	struct jr_ijw_parser *parser = NULL;

	st->read_err = jr_app_ijw_parser_new(&parser);
	if (!st->read_err)
		st->read_err = jr_app_ijw_read(parser, r->body, r->body_len, jr_http_today(),
					       &st->in, &st->o);
	jr_app_ijw_parser_free(parser);
}

/* Under the lock: the checks against the records, and the message taken in. */
static int message_take_in(struct jr_http_request *r)
{
	struct message_state *st = r->state;
	struct jr_ijw_outcome *o = &st->o;
	struct jr_app app;
	struct jr_diag diag;
	enum jr_err err = st->read_err;

	jr_http_app(r, &app, &diag);
	if (!err)
		err = jr_app_ijw_take_in(&app, st->in, r->who.agb, o);
	if (err == JR_ERR_INPUT)
		return jr_http_app_fail(r, err, &diag);
	if (err == JR_ERR_TOO_BIG)
		return jr_reply_error(r, 413, "too_large", NULL,
				      o->problem.message[0] ? o->problem.message
							    : "het bericht is te groot");
	if (err)
		return jr_http_app_fail(r, err, &diag);
	if (o->not_sender)
		return jr_reply_error(r, 403, "forbidden", NULL, o->problem.message);
	jr_buf_reset(&r->out);
	err = jr_view_ijw_message(&r->out, o);
	/* a message the structure check refuses gets no answer: the client must fix it (422);
	 * a rejected message is an answer (its JW316, JW306, …), kept in the audit log */
	if (err)
		return jr_reply_err(r, err, NULL);
	r->keep_refusal = true;
	return jr_reply_json(r, o->problem.rule[0] ? 422 : 200);
}

int jr_api_ijw_message(struct jr_http_request *r)
{
	const char *type = jr_http_header(r, "Content-Type");
	struct message_state *st;
	int status;

	if ((status = require_provider(r)))
		return status;
	if (!type || (strncmp(type, "application/xml", 15) != 0 && strncmp(type, "text/xml", 8) != 0))
		return jr_reply_error(r, 415, "unsupported_media_type", NULL,
				      "stuur het bericht als XML (Content-Type: application/xml)");
	if (!(st = jr_calloc(1, sizeof(*st))))
		return jr_reply_err(r, JR_ERR_NOMEM, NULL);
	jr_app_ijw_outcome_init(&st->o);
	r->state = st;
	r->state_free = message_state_free;
	/* libxml2 and the message's own checks run outside the database lock (server.c) */
	r->work = message_read;
	r->next = message_take_in;
	return 0;
}

/* The response being written while the export runs. */
struct download {
	struct jr_json_writer w;
};

static enum jr_err add_message(void *ctx, const char *name, const char *xml, size_t len)
{
	struct download *d = ctx;

	(void)len;
	jr_view_ijw_download_item(&d->w, name, xml);
	return d->w.err;
}

int jr_api_ijw_allocations(struct jr_http_request *r)
{
	struct download d;
	struct jr_app app;
	struct jr_diag diag;
	struct jr_buf why;
	char text[16];
	jr_day since = jr_http_today();
	size_t written = 0, skipped = 0;
	enum jr_err err;
	int status;

	if ((status = require_provider(r)))
		return status;
	if (jr_http_query(r, "since", text, sizeof(text)) &&
	    jr_date_parse(text, strlen(text), &since))
		return jr_reply_error(r, 422, "invalid", "since", "verwacht een datum JJJJ-MM-DD");
	jr_http_app(r, &app, &diag);
	jr_buf_init(&why, 1 << 16);
	jr_buf_reset(&r->out);
	jr_view_ijw_download_begin(&d.w, &r->out);
	err = jr_app_ijw_export_download(&app, since, r->who.agb, add_message, &d, &written,
					 &skipped, &why);
	if (!err)
		err = jr_view_ijw_download_end(&d.w, written, skipped, jr_buf_str(&why));
	jr_buf_release(&why);
	return err ? jr_http_app_fail(r, err, &diag) : jr_reply_json(r, 200);
}
