/* views: list answers, pages and the child in a list (views.h). */
#include "http/views.h"

#include "http/fields.h"

int jr_page_read(struct jr_http_request *r, struct jr_page *p)
{
	char text[16];
	long long n;

	*p = (struct jr_page){.page = 1, .per_page = 50};
	if (jr_http_query(r, "page", text, sizeof(text))) {
		if (jr_http_number(text, 1, 1000000, &n))
			return jr_reply_error(r, 422, "invalid", "page",
					      "verwacht een paginanummer vanaf 1");
		p->page = n;
	}
	if (jr_http_query(r, "per_page", text, sizeof(text))) {
		if (jr_http_number(text, 1, JR_PAGE_MAX, &n))
			return jr_reply_error(r, 422, "invalid", "per_page",
					      "verwacht een aantal van 1 tot en met 200");
		p->per_page = n;
	}
	return 0;
}

int64_t jr_page_offset(const struct jr_page *p)
{
	return (p->page - 1) * p->per_page;
}

enum jr_err jr_view_item(struct jr_list_writer *w)
{
	return w->count++ ? jr_buf_putc(w->out, ',') : JR_OK;
}

void jr_list_open(struct jr_json_writer *jw, struct jr_buf *out)
{
	jr_buf_reset(out);
	jr_jw_init(jw, out);
	jr_jw_object(jw);
	jr_jw_key(jw, "items");
	jr_jw_array(jw);
}

void jr_list_close_items(struct jr_json_writer *jw, const struct jr_list_writer *w)
{
	jr_jw_end(jw);
	jr_jw_kint(jw, "count", (int64_t)w->count);
}

/* The end of a list answer: its object closed, a newline; the first error on the way. */
static enum jr_err list_end(struct jr_json_writer *jw, enum jr_err err)
{
	jr_jw_end(jw);
	if (!err)
		err = jr_jw_finish(jw);
	return err ? err : jr_buf_putc(jw->out, '\n');
}

int jr_reply_list(struct jr_http_request *r, enum jr_err (*fill)(struct jr_list_writer *w),
		  void *ctx)
{
	struct jr_list_writer w = {.out = &r->out, .ctx = ctx};
	struct jr_json_writer jw;
	enum jr_err err;

	jr_list_open(&jw, &r->out);
	err = fill(&w);
	jr_list_close_items(&jw, &w);
	err = list_end(&jw, err);
	return err ? jr_reply_err(r, err, NULL) : jr_reply_json(r, 200);
}

int jr_reply_page(struct jr_http_request *r, enum jr_err (*fill)(struct jr_list_writer *w),
		  void *ctx)
{
	struct jr_page page;
	struct jr_list_writer w = {.out = &r->out, .ctx = ctx, .page = &page};
	struct jr_json_writer jw;
	enum jr_err err;
	int status;

	if ((status = jr_page_read(r, &page)))
		return status;
	jr_list_open(&jw, &r->out);
	err = fill(&w);
	jr_list_close_items(&jw, &w);
	jr_list_page(&jw, &page);
	err = list_end(&jw, err);
	return err ? jr_reply_err(r, err, NULL) : jr_reply_json(r, 200);
}

void jr_list_page(struct jr_json_writer *jw, const struct jr_page *p)
{
	jr_jw_kint(jw, "page", p->page);
	jr_jw_kint(jw, "per_page", p->per_page);
	jr_jw_kint(jw, "total", p->total);
}
