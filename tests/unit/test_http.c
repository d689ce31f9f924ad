/* Unit tests for src/http without a server: the router (paths, ids, 405 with Allow) and the
 * OpenAPI document in web/openapi.json against the route table (every route documented, nothing
 * documented that is not routed). Who may see what is app/access.c (test_app_access.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>
#include <jansson.h>

#include "http/api.h"
#include "http/router.h"

static int dummy(struct jr_http_request *r)
{
	(void)r;
	return 200;
}

static const struct jr_http_route routes[] = {
	{"GET", "/api/v1/persons/{id}", dummy, JR_HTTP_ROUTE_LOGIN},
	{"PUT", "/api/v1/persons/{id}", dummy, JR_HTTP_ROUTE_LOGIN},
	{"GET", "/api/v1/persons/{id}/goals/{id}", dummy, JR_HTTP_ROUTE_LOGIN},
	{"GET", "/healthz", dummy, JR_HTTP_ROUTE_PUBLIC},
};

static enum jr_http_route_match find(const char *method, const char *path, struct jr_http_request *r,
				char *allow)
{
	const struct jr_http_route *found;
	memset(r, 0, sizeof(*r));
	r->method = method;
	r->path = path;
	return jr_http_route_find(routes, sizeof(routes) / sizeof(routes[0]), r, &found, allow, 64);
}

static void test_router(void **state)
{
	(void)state;
	struct jr_http_request r;
	char allow[64];
	assert_int_equal(find("GET", "/api/v1/persons/12", &r, allow), JR_HTTP_ROUTE_FOUND);
	assert_int_equal(r.id_count, 1);
	assert_int_equal(r.ids[0], 12);
	assert_int_equal(find("GET", "/api/v1/persons/12/goals/3", &r, allow), JR_HTTP_ROUTE_FOUND);
	assert_int_equal(r.id_count, 2);
	assert_int_equal(r.ids[1], 3);
	assert_int_equal(find("HEAD", "/healthz", &r, allow), JR_HTTP_ROUTE_FOUND);
	assert_int_equal(find("DELETE", "/api/v1/persons/12", &r, allow), JR_HTTP_ROUTE_NO_METHOD);
	assert_string_equal(allow, "GET, PUT");
	/* not ids: zero, letters, signs, too large; a trailing slash; a longer path */
	assert_int_equal(find("GET", "/api/v1/persons/0", &r, allow), JR_HTTP_ROUTE_NO_PATH);
	assert_int_equal(find("GET", "/api/v1/persons/12a", &r, allow), JR_HTTP_ROUTE_NO_PATH);
	assert_int_equal(find("GET", "/api/v1/persons/-1", &r, allow), JR_HTTP_ROUTE_NO_PATH);
	assert_int_equal(find("GET", "/api/v1/persons/99999999999999999999", &r, allow),
			 JR_HTTP_ROUTE_NO_PATH);
	assert_int_equal(find("GET", "/api/v1/persons/", &r, allow), JR_HTTP_ROUTE_NO_PATH);
	assert_int_equal(find("GET", "/api/v1/persons/12/", &r, allow), JR_HTTP_ROUTE_NO_PATH);
	assert_int_equal(find("GET", "/api/v1/persons", &r, allow), JR_HTTP_ROUTE_NO_PATH);
	assert_int_equal(find("GET", "/healthz/x", &r, allow), JR_HTTP_ROUTE_NO_PATH);
	assert_int_equal(find("GET", "", &r, allow), JR_HTTP_ROUTE_NO_PATH);
}

static void test_openapi_matches_routes(void **state)
{
	(void)state;
	json_error_t e;
	json_t *doc = json_load_file(JR_TEST_WEB_DIR "/openapi.json", JSON_REJECT_DUPLICATES, &e);
	json_t *paths, *item;
	const char *path;
	size_t documented = 0;
	if (!doc)
		fail_msg("openapi.json: %s (line %d)", e.text, e.line);
	assert_string_equal(json_string_value(json_object_get(doc, "openapi")), "3.1.0");
	paths = json_object_get(doc, "paths");
	for (size_t i = 0; i < jr_api_route_count; i++) {
		char method[8];
		size_t k;
		for (k = 0; jr_api_routes[i].method[k] && k < sizeof(method) - 1; k++)
			method[k] = (char)(jr_api_routes[i].method[k] | 0x20);
		method[k] = '\0';
		if (!json_object_get(json_object_get(paths, jr_api_routes[i].pattern), method))
			fail_msg("%s %s is routed but not documented", jr_api_routes[i].method,
				 jr_api_routes[i].pattern);
	}
	json_object_foreach(paths, path, item)
	{
		const char *method;
		json_t *op;
		json_object_foreach(item, method, op)
		{
			bool routed = false;
			for (size_t i = 0; i < jr_api_route_count; i++)
				routed |= strcmp(jr_api_routes[i].pattern, path) == 0 &&
					  strcasecmp(jr_api_routes[i].method, method) == 0;
			if (!routed)
				fail_msg("%s %s is documented but not routed", method, path);
			if (!json_object_size(json_object_get(op, "responses")))
				fail_msg("%s %s documents no responses", method, path);
			documented++;
		}
	}
	assert_int_equal(documented, jr_api_route_count);
	json_decref(doc);
}

/* An error answer is valid JSON whatever the request held: bad UTF-8 and control characters in
 * a message or field (a parser's quote of the input, a name cut in a character) become '?'. */
static void test_error_answer_is_valid_json(void **state)
{
	(void)state;
	struct jr_http_request r = {0};
	json_t *v;
	jr_buf_init(&r.out, 4096);
	assert_int_equal(jr_reply_error(&r, 422, "invalid", "needs.sch\xc3", "bad \xff\x01 byte, ë ok"),
			 422);
	v = json_loads(jr_buf_str(&r.out), 0, NULL);
	assert_non_null(v);
	assert_string_equal(json_string_value(json_object_get(json_object_get(v, "error"), "message")),
			    "bad ?? byte, ë ok");
	assert_string_equal(json_string_value(json_object_get(json_object_get(v, "error"), "field")),
			    "needs.sch?");
	json_decref(v);
	jr_buf_release(&r.out);
}

/* The error body byte for byte, with a quote and a backslash in the message escaped. */
static void test_error_answer_escapes(void **state)
{
	(void)state;
	struct jr_http_request r = {0};
	jr_buf_init(&r.out, 4096);
	assert_int_equal(jr_reply_error(&r, 404, "not_found", NULL, "geen \"x\" in a\\b"), 404);
	assert_string_equal(jr_buf_str(&r.out),
			    "{\"error\":{\"status\":404,\"code\":\"not_found\","
			    "\"message\":\"geen \\\"x\\\" in a\\\\b\",\"field\":null}}\n");
	jr_buf_release(&r.out);
}

/* Every 503 says when to try again — a database away, a failover, a full queue — once, and the
 * caller's own Retry-After wins; other statuses carry none. */
static void test_unavailable_says_retry_after(void **state)
{
	(void)state;
	struct jr_http_request r = {0};
	jr_buf_init(&r.out, 4096);
	assert_int_equal(jr_reply_err(&r, JR_ERR_STORE, NULL), 503);
	assert_int_equal(r.header_count, 1);
	assert_string_equal(r.header_names[0], "Retry-After");
	assert_string_equal(r.header_values[0], "2");

	r.header_count = 0;
	assert_true(jr_reply_header(&r, "Retry-After", "1"));
	assert_int_equal(jr_reply_error(&r, 503, "busy", NULL, "druk"), 503);
	assert_int_equal(r.header_count, 1);
	assert_string_equal(r.header_values[0], "1");

	r.header_count = 0;
	assert_int_equal(jr_reply_json(&r, 503), 503); /* GET /healthz with the database away */
	assert_int_equal(r.header_count, 1);

	r.header_count = 0;
	assert_int_equal(jr_reply_err(&r, JR_ERR_CONFLICT, NULL), 409);
	assert_int_equal(r.header_count, 0);
	jr_buf_release(&r.out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_router),
		cmocka_unit_test(test_openapi_matches_routes),
		cmocka_unit_test(test_error_answer_is_valid_json),
		cmocka_unit_test(test_error_answer_escapes),
		cmocka_unit_test(test_unavailable_says_retry_after),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
