/* api_persons: GET /api/v1/persons?bsn=, /api/v1/persons/{id}, …/involvement and …/access-log.
 *
 * Each first asks whether the role may read persons at all (403 when not), then whether this
 * person is within the principal's reach (app/access.c). A person out of reach and one that does
 * not exist are answered alike — 404 with the same body — and both are audited, so that no
 * number or BSN tells whether the records hold someone. The answer carries the record's version
 * as ETag. */
#include <stdio.h>
#include <string.h>

#include "app/access.h"
#include "core/ident.h"
#include "http/api.h"
#include "http/fields.h"
#include "http/views.h"

int jr_api_unseen(struct jr_http_request *r, const char *what, const char *field)
{
	char message[96];

	snprintf(message, sizeof(message), "geen %s met dit nummer binnen uw bereik", what);
	return jr_reply_error(r, 404, "not_found", field, message);
}

int jr_api_person_scope(struct jr_http_request *r, int64_t id)
{
	struct jr_person_links links;
	enum jr_access_verdict v;
	enum jr_err err;
	int status;

	if ((status = jr_api_require(r, JR_CAP_PERSON_READ)))
		return status;
	err = jr_app_access_person(r->store, &r->actor, &r->who, r->policies, id, jr_http_today(),
				   &links, &v);
	if (err)
		return jr_reply_err(r, err, NULL);
	return v == JR_ACCESS_ALLOWED ? 0 : jr_api_unseen(r, "persoon", NULL);
}

int jr_api_person_get(struct jr_http_request *r)
{
	struct jr_person p;
	char birth[JR_DATE_STRLEN], etag[32];
	enum jr_err err;
	int status;

	if ((status = jr_api_person_scope(r, r->ids[0])))
		return status;
	if ((err = jr_store_person_get(r->store, &r->actor, r->ids[0], &p)))
		return jr_reply_err(r, err, NULL);
	jr_date_format(p.birth_date, birth);
	jr_buf_reset(&r->out);
	if (jr_buf_printf(&r->out, "{\"id\":%lld,\"bsn\":\"%s\",\"given_names\":", (long long)p.id,
			  p.bsn) ||
	    jr_buf_json_string(&r->out, p.given_names) || jr_buf_puts(&r->out, ",\"family_name\":") ||
	    jr_buf_json_string(&r->out, p.family_name) ||
	    jr_buf_printf(&r->out,
			  ",\"birth_date\":\"%s\",\"municipality\":\"%s\",\"sex\":\"%c\","
			  "\"address\":",
			  birth, p.municipality, p.sex ? p.sex : '0') ||
	    jr_store_address_json(&p.address, &r->out) ||
	    jr_buf_printf(&r->out, ",\"demo\":%s,\"version\":%d}\n", p.demo ? "true" : "false",
			  p.version))
		return jr_reply_err(r, JR_ERR_NOMEM, NULL);
	snprintf(etag, sizeof(etag), "\"%d\"", p.version);
	jr_reply_header(r, "ETag", etag);
	return jr_reply_json(r, 200);
}

int jr_api_person_involvement(struct jr_http_request *r)
{
	struct jr_involvement inv[64];
	char day[JR_DATE_STRLEN], since[JR_DATE_STRLEN];
	jr_day on = jr_http_today();
	size_t count;
	enum jr_err err;
	int status;

	if ((status = jr_api_person_scope(r, r->ids[0])))
		return status;
	if ((err = jr_store_involvement(r->store, &r->actor, r->ids[0], on, inv, 64, &count)))
		return jr_reply_err(r, err, NULL);
	jr_date_format(on, day);
	jr_buf_reset(&r->out);
	err = jr_buf_printf(&r->out, "{\"person_id\":%lld,\"date\":\"%s\",\"count\":%zu,\"involved\":[",
			    (long long)r->ids[0], day, count);
	for (size_t i = 0; !err && i < count && i < 64; i++) {
		jr_date_format(inv[i].since, since);
		err = jr_buf_printf(&r->out, "%s{\"via\":\"%s\",\"kind\":\"%s\",\"name\":",
				    i ? "," : "", inv[i].via, inv[i].kind);
		if (!err)
			err = jr_buf_json_string(&r->out, inv[i].name);
		if (!err)
			err = jr_buf_printf(&r->out, ",\"since\":\"%s\"}", since);
	}
	if (!err)
		err = jr_buf_puts(&r->out, "]}\n");
	return err ? jr_reply_err(r, err, NULL) : jr_reply_json(r, 200);
}

static enum jr_err write_entry(void *ctx, const struct jr_audit_entry *e)
{
	struct jr_list_writer *w = ctx;
	enum jr_err err = jr_view_item(w);

	if (!err)
		err = jr_buf_printf(w->out, "{\"at\":\"%s\",\"who\":", e->at);
	if (!err)
		err = jr_buf_json_string(w->out, e->actor);
	if (!err)
		err = jr_buf_printf(w->out, ",\"role\":\"%s\",\"organisation_id\":", e->role);
	if (!err)
		err = e->organisation_id
			      ? jr_buf_printf(w->out, "%lld", (long long)e->organisation_id)
			      : jr_buf_puts(w->out, "null");
	if (!err)
		err = jr_buf_printf(w->out, ",\"action\":\"%s\",\"reason\":", e->action);
	if (!err)
		err = jr_buf_json_string(w->out, e->reason);
	if (!err)
		err = jr_buf_putc(w->out, '}');
	return err;
}

int jr_api_person_access_log(struct jr_http_request *r)
{
	struct jr_list_writer w = {.out = &r->out};
	enum jr_err err;
	int status;

	if ((status = jr_api_person_scope(r, r->ids[0])))
		return status;
	jr_buf_reset(&r->out);
	err = jr_buf_printf(&r->out, "{\"person_id\":%lld,\"entries\":[", (long long)r->ids[0]);
	if (!err)
		err = jr_store_audit_of_person(r->store, &r->actor, r->ids[0], 1000, write_entry, &w);
	if (!err)
		err = jr_buf_puts(&r->out, "]}\n");
	return err ? jr_reply_err(r, err, NULL) : jr_reply_json(r, 200);
}

/* GET /api/v1/persons?bsn=… — find a child by BSN, within the principal's reach. Nobody with
 * this BSN and somebody out of reach get the same 404 (the store audits the search that finds
 * nobody, app/access.c the refusal). */
int jr_api_person_find(struct jr_http_request *r)
{
	struct jr_person p;
	enum jr_access_verdict v;
	char bsn[16];
	enum jr_err err;
	int status;

	if ((status = jr_api_require(r, JR_CAP_PERSON_READ)))
		return status;
	if (!jr_http_query(r, "bsn", bsn, sizeof(bsn)) || !jr_bsn_valid(bsn, strlen(bsn)))
		return jr_reply_error(r, 422, "invalid", "bsn",
				      "verwacht een geldig BSN (9 cijfers, elfproef)");
	err = jr_app_access_person_bsn(r->store, &r->actor, &r->who, r->policies, bsn,
				       jr_http_today(), &p, &v);
	if (err)
		return jr_reply_err(r, err, NULL);
	if (v != JR_ACCESS_ALLOWED)
		return jr_reply_error(r, 404, "not_found", "bsn", "niemand met dit BSN binnen uw bereik");
	r->ids[0] = p.id;
	return jr_api_person_get(r);
}
