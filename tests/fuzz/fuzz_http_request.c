/* libFuzzer target: the server's request path short of the database — the router over the real
 * route table, the JSON body reader (media type, depth limit, parser, object check), and the
 * field readers every handler uses. The input is "METHOD PATH\n" and then the body. Any input
 * must end in a match or a clean 4xx answer with a JSON error; never a crash, leak or UB. */
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "http/api.h"
#include "http/fields.h"
#include "http/router.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *content_type(void *conn, const char *name)
{
	(void)conn;
	return strcmp(name, "Content-Type") == 0 ? "application/json" : NULL;
}

/* An answer must be a JSON object with an "error" object when its status is 4xx. */
static void check_answer(struct jr_http_request *r)
{
	json_t *v;
	if (r->status < 400)
		return;
	if (r->status >= 500)
		abort(); /* a client's input is never a server error */
	v = json_loads(jr_buf_str(&r->out), 0, NULL);
	if (!v || !json_is_object(json_object_get(v, "error")))
		abort();
	json_decref(v);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const words[] = {"yes", "partly", "no", NULL};
	struct jr_http_request r;
	const struct jr_http_route *route;
	char *text, *nl, *sp, allow[64], word[8], buf[64];
	int64_t n;
	jr_day day;
	bool b;
	json_t *body;

	if (size > JR_HTTP_BODY_MAX)
		return 0;
	text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	memset(&r, 0, sizeof(r));
	jr_buf_init(&r.out, 1 << 20);
	r.header = content_type;
	nl = memchr(text, '\n', size);
	if (nl)
		*nl = '\0';
	sp = strchr(text, ' ');
	r.method = sp ? (*sp = '\0', text) : "GET";
	r.path = sp ? sp + 1 : text;
	r.body = nl ? nl + 1 : "";
	r.body_len = nl ? size - (size_t)(nl + 1 - text) : 0;
	(void)jr_http_route_find(jr_api_routes, jr_api_route_count, &r, &route, allow, sizeof(allow));
	body = jr_http_json_body(&r);
	if (!body) {
		check_answer(&r);
		goto out;
	}
	/* the field readers on whatever the object holds */
	jr_buf_reset(&r.out);
	r.status = 0;
	if (jr_field_text(&r, body, "question", false, buf, sizeof(buf)) ||
	    jr_field_int(&r, body, "form", false, 1, 10, 0, &n) ||
	    jr_field_date(&r, body, "start", false, 0, &day) ||
	    jr_field_bool(&r, body, "tried", false, false, &b) ||
	    jr_field_word(&r, body, "goals_reached", words, "yes, partly of no", word,
			  sizeof(word)))
		check_answer(&r);
	json_decref(body);
out:
	jr_buf_release(&r.out);
	free(text);
	return 0;
}
