/* views: the JSON pieces the handlers share — a list answer ({"items":[…],"count":N}) filled
 * item by item, and the child as a list shows it (names and birth date, never the BSN). */
#ifndef JR_HTTP_VIEWS_H
#define JR_HTTP_VIEWS_H

#include <stddef.h>

#include "core/buf.h"
#include "core/date.h"
#include "http/request.h"

/* Where a list's items go; jr_view_item starts each one (a comma after the first). */
struct jr_list_writer {
	struct jr_buf *out;
	size_t count;
	void *ctx; /* the handler's own */
};
enum jr_err jr_view_item(struct jr_list_writer *w);

/* Answers 200 with {"items":[…],"count":N}: `fill` writes the items through jr_view_item. */
int jr_reply_list(struct jr_http_request *r, enum jr_err (*fill)(struct jr_list_writer *w),
		  void *ctx);

/* Appends "child":{"given_names":…,"family_name":…,"birth_date":…} (no braces around). */
enum jr_err jr_view_child(struct jr_buf *b, const char *given_names, const char *family_name,
			  jr_day birth_date);

#endif
