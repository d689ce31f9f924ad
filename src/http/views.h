/* views: the JSON pieces the handlers share — a list answer ({"items":[…],"count":N}) filled
 * item by item, a page of a longer list, and the child as a list shows it (names and birth date,
 * never the BSN). */
#ifndef JR_HTTP_VIEWS_H
#define JR_HTTP_VIEWS_H

#include <stddef.h>

#include "core/buf.h"
#include "core/date.h"
#include "http/request.h"
#include "json/json_writer.h"
#include "view/view_record.h"

/* A page of a list that can be long: ?page (from 1) and ?per_page (1 to JR_PAGE_MAX, 50 when
 * not given); total is filled in by the list's reader. */
#define JR_PAGE_MAX 200
struct jr_page {
	int64_t page, per_page, total;
};
/* Reads ?page and ?per_page into *p: 0, or the status after answering 422 naming the
 * parameter. */
int jr_page_read(struct jr_http_request *r, struct jr_page *p);
/* How many items come before the page. */
int64_t jr_page_offset(const struct jr_page *p);

/* Where a list's items go; jr_view_item starts each one (a comma after the first). */
struct jr_list_writer {
	struct jr_buf *out;
	size_t count;
	void *ctx;            /* the handler's own */
	struct jr_page *page; /* jr_reply_page: the page to read */
};
enum jr_err jr_view_item(struct jr_list_writer *w);

/* A list answer's frame, written through the JSON writer `jw`: jr_list_open starts
 * {"items":[ in `out` (emptied first); the items follow, each written into `out` after
 * jr_view_item (the writer keeps only the frame's nesting, so items appended in between do not
 * disturb it); jr_list_close_items ends the items and adds "count"; jr_list_page adds the
 * page's "page", "per_page" and "total"; the caller adds what else belongs to its answer and
 * closes the object (jr_jw_end, jr_jw_finish). */
void jr_list_open(struct jr_json_writer *jw, struct jr_buf *out);
void jr_list_close_items(struct jr_json_writer *jw, const struct jr_list_writer *w);
void jr_list_page(struct jr_json_writer *jw, const struct jr_page *p);

/* Answers 200 with {"items":[…],"count":N}: `fill` writes the items through jr_view_item. */
int jr_reply_list(struct jr_http_request *r, enum jr_err (*fill)(struct jr_list_writer *w),
		  void *ctx);

/* Answers 200 with {"items":[…],"count":N,"page":…,"per_page":…,"total":…}: the page is read
 * from the query first (422 for a bad one); `fill` writes that page's items through
 * jr_view_item and sets w->page->total. */
int jr_reply_page(struct jr_http_request *r, enum jr_err (*fill)(struct jr_list_writer *w),
		  void *ctx);


#endif
