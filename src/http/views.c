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

int jr_reply_list(struct jr_http_request *r, enum jr_err (*fill)(struct jr_list_writer *w),
		  void *ctx)
{
	struct jr_list_writer w = {.out = &r->out, .ctx = ctx};
	enum jr_err err;

	jr_buf_reset(&r->out);
	err = jr_buf_puts(&r->out, "{\"items\":[");
	if (!err)
		err = fill(&w);
	if (!err)
		err = jr_buf_printf(&r->out, "],\"count\":%zu}\n", w.count);
	return err ? jr_reply_err(r, err, NULL) : jr_reply_json(r, 200);
}

int jr_reply_page(struct jr_http_request *r, enum jr_err (*fill)(struct jr_list_writer *w),
		  void *ctx)
{
	struct jr_page page;
	struct jr_list_writer w = {.out = &r->out, .ctx = ctx, .page = &page};
	enum jr_err err;
	int status;

	if ((status = jr_page_read(r, &page)))
		return status;
	jr_buf_reset(&r->out);
	err = jr_buf_puts(&r->out, "{\"items\":[");
	if (!err)
		err = fill(&w);
	if (!err)
		err = jr_buf_printf(&r->out,
				    "],\"count\":%zu,\"page\":%lld,\"per_page\":%lld,\"total\":%lld}\n",
				    w.count, (long long)page.page, (long long)page.per_page,
				    (long long)page.total);
	return err ? jr_reply_err(r, err, NULL) : jr_reply_json(r, 200);
}
