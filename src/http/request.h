/* request: one HTTP request as the handlers see it, and how they answer.
 *
 * The server (server.c) fills in the method, path, body, client address, the matched {id}s
 * (router.c) and who is logged in; a handler writes its answer with the jr_reply_* functions,
 * which set the status, the content type and the body. Handlers never see libmicrohttpd. */
#ifndef JR_HTTP_REQUEST_H
#define JR_HTTP_REQUEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"
#include "app/app.h" /* struct jr_principal, jr_actor, jr_store */

struct jr_policy_set;
struct json_t;

#define JR_HTTP_BODY_MAX (1u << 20)  /* 1 MiB of request body */
#define JR_HTTP_JSON_DEPTH_MAX 32    /* nesting of a JSON body */
#define JR_HTTP_REPLY_MAX (64u << 20) /* an answer never grows beyond this */
#define JR_HTTP_IDS_MAX 4
#define JR_HTTP_HEADERS_OUT_MAX 6

/* A header the server looks up for the handler (set by server.c). */
typedef const char *(*jr_http_header_fn)(void *conn, const char *name);

struct jr_http_request;
/* A handler, or a later step of one (jr_http_request.next). Returns the status it answered, or
 * 0 when it answered nothing yet (it set `next`). */
typedef int (*jr_http_step)(struct jr_http_request *r);
/* Work between two steps, outside the database lock and every transaction. */
typedef void (*jr_http_work)(struct jr_http_request *r);
struct jr_login_guard;

struct jr_http_request {
	const char *method; /* "GET", "POST", … */
	const char *path;   /* the URL path, without the query */
	const char *body;   /* NUL-terminated; "" when there is none */
	size_t body_len;
	int64_t ids[JR_HTTP_IDS_MAX]; /* the {id} segments of the route, in order */
	size_t id_count;
	char remote[64]; /* the client's address, for the audit log */

	/* Authentication (server.c): `who` is valid when `logged_in`. */
	bool logged_in;
	struct jr_principal who;
	struct jr_actor actor; /* who/role/organisation/remote address, for the store */
	char actor_who[48];

	struct jr_store *store; /* this worker thread's connection */
	const struct jr_policy_set *policies;
	const char *web_dir; /* the browser UI's files (and openapi.json) */

	struct jr_login_guard *login_guard; /* the server's memory of failed logins */
	bool second_factor_required; /* the roles of app/second_factor.h must have one */
	bool secure; /* reached over HTTPS (--secure-cookies, or a trusted proxy says so): the
		      * session cookie is marked Secure */

	/* A handler may go on in steps (server.c): it sets `next` (and `work`, to run before it
	 * outside the database lock and every transaction; with `work_slow`, on a thread of its
	 * own while the worker serves other connections) and returns 0. Each step is a
	 * transaction of its own. `state` is the handler's, freed with `state_free` at the end. */
	jr_http_work work;
	bool work_slow;
	jr_http_step next;
	void *state;
	void (*state_free)(void *state);
	/* A refusal (4xx) undoes what the request wrote, keeping only its audit entries; with
	 * this, what this refusal wrote is kept (a failed login's count). */
	bool keep_refusal;
	bool stale_cookie; /* it came with a session cookie that is no (longer a) session */

	jr_http_header_fn header;   /* a request header */
	jr_http_header_fn argument; /* a query parameter, already percent-decoded */
	void *conn;

	/* The answer. */
	int status;
	char refused_field[48]; /* the field an error answer named, for the audit log */
	const char *content_type;
	struct jr_buf out;
	const char *header_names[JR_HTTP_HEADERS_OUT_MAX];
	char header_values[JR_HTTP_HEADERS_OUT_MAX][256];
	size_t header_count;
};

/* A request header, or NULL. */
const char *jr_http_header(const struct jr_http_request *r, const char *name);
/* The value of query parameter `name` into out; false when absent or too long. */
bool jr_http_query(const struct jr_http_request *r, const char *name, char *out, size_t cap);
/* Adds a response header (name must be a string literal); false when there is no room. */
bool jr_reply_header(struct jr_http_request *r, const char *name, const char *value);

/* The Set-Cookie value for the session cookie with `token` ("" ends it: Max-Age=0): HttpOnly,
 * SameSite=Strict, Path=/, Secure when r->secure. */
void jr_http_session_cookie(const struct jr_http_request *r, const char *token, char *out,
			    size_t cap);

/* Answers `status` with the JSON already in r->out (the handler wrote it). */
int jr_reply_json(struct jr_http_request *r, int status);
/* Answers 200 with the CSV already in r->out, as a download named `filename`. */
int jr_reply_csv(struct jr_http_request *r, const char *filename);
/* Answers with an error object: {"error":{"status":…,"code":…,"message":…,"field":…}}; `field` may
 * be NULL. The message is Dutch, for people; code is stable, for programs. Returns status. */
int jr_reply_error(struct jr_http_request *r, int status, const char *code, const char *field,
		   const char *message);
/* The HTTP status of a program error: the one table from enum jr_err to statuses (4xx for the
 * client's mistakes, 503 for a database that cannot be used). */
int jr_http_status_of(enum jr_err err);
/* The error for a store or engine failure, by that table. */
int jr_reply_err(struct jr_http_request *r, enum jr_err err, const char *message);

/* Parses the body as one JSON object, no deeper than JR_HTTP_JSON_DEPTH_MAX; on failure answers
 * 400/415 and returns NULL (the caller returns r->status). The caller json_decref()s. */
struct json_t *jr_http_json_body(struct jr_http_request *r);

#endif
