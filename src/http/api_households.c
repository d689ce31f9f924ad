/* api_households: GET /api/v1/households — the families one coordinates (regisseur), in pages;
 * GET /api/v1/households/{id} — a family's page: the household, its members and one timeline of
 * every child's course; and GET /api/v1/persons/{id}/timeline.
 *
 * Only the children the principal may see (app/access.c) are shown, with the parents of a
 * household in which it sees at least one child; a household without such a child is answered
 * as one that does not exist (404, the same body, both audited). */
#include <stdio.h>
#include <string.h>

#include "app/access.h"
#include "http/api.h"
#include "http/fields.h"
#include "http/views.h"

static enum jr_err write_event(void *ctx, const struct jr_timeline_event *e)
{
	struct jr_list_writer *w = ctx;
	enum jr_err err = jr_view_item(w);

	if (!err)
		err = jr_buf_printf(w->out,
				    "{\"day\":\"%s\",\"kind\":\"%s\",\"child_id\":%lld,"
				    "\"help_request_id\":%lld,\"object_id\":%lld,\"text\":",
				    e->day, e->kind, (long long)e->child_id,
				    (long long)e->help_request_id, (long long)e->object_id);
	if (!err)
		err = jr_buf_json_string(w->out, e->text);
	if (!err)
		err = jr_buf_printf(w->out, ",\"number\":%d,\"extra\":", e->number);
	if (!err)
		err = jr_buf_json_string(w->out, e->extra);
	if (!err)
		err = jr_buf_putc(w->out, '}');
	return err;
}

static enum jr_err write_household(void *ctx, const struct jr_household_row *h)
{
	struct jr_list_writer *w = ctx;
	enum jr_err err = jr_view_item(w);

	if (!err)
		err = jr_buf_printf(w->out,
				    "{\"id\":%lld,\"municipality\":\"%s\",\"version\":%d,"
				    "\"first_child_id\":%lld,\"family_name\":",
				    (long long)h->id, h->municipality, h->version,
				    (long long)h->first_child_id);
	if (!err)
		err = jr_buf_json_string(w->out, h->family_name);
	if (!err)
		err = jr_buf_printf(w->out, ",\"children\":%d,\"open_help_requests\":%d}",
				    h->children, h->open_help_requests);
	return err;
}

static enum jr_err fill_households(struct jr_list_writer *w)
{
	struct jr_http_request *r = w->ctx;
	return jr_store_households_coordinated(r->store, &r->actor, r->who.user_id,
					       jr_page_offset(w->page), w->page->per_page,
					       write_household, w, &w->page->total);
}

/* Only one's own: the list is of the households with the principal as coordinator, so it
 * shows no family the principal does not already hold. */
int jr_api_households_mine(struct jr_http_request *r)
{
	int status = jr_api_require(r, JR_CAP_PERSON_READ);
	return status ? status : jr_reply_page(r, fill_households, r);
}

int jr_api_household_get(struct jr_http_request *r)
{
	struct jr_household h;
	struct jr_household_member m[JR_HOUSEHOLD_MEMBERS_MAX];
	bool visible[JR_HOUSEHOLD_MEMBERS_MAX] = {0};
	int64_t seen[JR_HOUSEHOLD_MEMBERS_MAX];
	struct jr_list_writer w = {.out = &r->out};
	enum jr_access_verdict v;
	char etag[32];
	size_t count, seen_count;
	enum jr_err err;
	int status;

	if ((status = jr_api_require(r, JR_CAP_PERSON_READ)))
		return status;
	err = jr_app_access_household(r->store, &r->actor, &r->who, r->policies, r->ids[0],
				      jr_http_today(), seen, &seen_count, &v);
	if (err)
		return jr_reply_err(r, err, NULL);
	if (v != JR_ACCESS_ALLOWED)
		return jr_api_unseen(r, "huishouden", NULL);
	if ((err = jr_store_household_get(r->store, &r->actor, r->ids[0], &h, m, &count)))
		return jr_reply_err(r, err, NULL);
	for (size_t i = 0; i < count; i++)
		for (size_t k = 0; k < seen_count; k++)
			visible[i] |= strcmp(m[i].role, "child") == 0 && m[i].person_id == seen[k];
	jr_buf_reset(&r->out);
	err = jr_buf_printf(&r->out, "{\"id\":%lld,\"municipality\":\"%s\",\"coordinator_user_id\":",
			    (long long)h.id, h.municipality);
	if (!err)
		err = h.coordinator_user_id
			      ? jr_buf_printf(&r->out, "%lld", (long long)h.coordinator_user_id)
			      : jr_buf_puts(&r->out, "null");
	if (!err)
		err = jr_buf_printf(&r->out, ",\"version\":%d,\"members\":[", h.version);
	for (size_t i = 0, shown = 0; !err && i < count; i++) {
		struct jr_person p;
		char birth[JR_DATE_STRLEN];
		if (strcmp(m[i].role, "child") == 0 && !visible[i])
			continue;
		if ((err = jr_store_person_get(r->store, &r->actor, m[i].person_id, &p)))
			break;
		jr_date_format(p.birth_date, birth);
		err = jr_buf_printf(&r->out, "%s{\"person_id\":%lld,\"role\":\"%s\",\"given_names\":",
				    shown++ ? "," : "", (long long)p.id, m[i].role);
		if (!err)
			err = jr_buf_json_string(&r->out, p.given_names);
		if (!err)
			err = jr_buf_puts(&r->out, ",\"family_name\":");
		if (!err)
			err = jr_buf_json_string(&r->out, p.family_name);
		if (!err)
			err = jr_buf_printf(&r->out, ",\"birth_date\":\"%s\"}", birth);
	}
	if (!err)
		err = jr_buf_puts(&r->out, "],\"timeline\":[");
	for (size_t i = 0; !err && i < count; i++)
		if (visible[i])
			err = jr_store_timeline(r->store, &r->actor, m[i].person_id, write_event, &w);
	if (!err)
		err = jr_buf_puts(&r->out, "]}\n");
	if (err)
		return jr_reply_err(r, err, NULL);
	snprintf(etag, sizeof(etag), "\"%d\"", h.version);
	jr_reply_header(r, "ETag", etag);
	return jr_reply_json(r, 200);
}

int jr_api_person_timeline(struct jr_http_request *r)
{
	struct jr_list_writer w = {.out = &r->out};
	enum jr_err err;
	int status;

	if ((status = jr_api_person_scope(r, r->ids[0])))
		return status;
	jr_buf_reset(&r->out);
	err = jr_buf_printf(&r->out, "{\"person_id\":%lld,\"timeline\":[", (long long)r->ids[0]);
	if (!err)
		err = jr_store_timeline(r->store, &r->actor, r->ids[0], write_event, &w);
	if (!err)
		err = jr_buf_puts(&r->out, "]}\n");
	return err ? jr_reply_err(r, err, NULL) : jr_reply_json(r, 200);
}
