/* server: libmicrohttpd underneath the handlers (server.h).
 *
 * One request's life: the first callback only makes its state (answering there would close
 * every keep-alive connection); the next ones collect the body, refusing it past the limit;
 * the last one authenticates, routes, runs the handler and queues the answer. The store is
 * per worker thread, opened on first use and closed when the thread ends. */
#include "http/server.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <pthread.h>
#include <signal.h>
#include <sodium.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/audit.h"
#include "app/login.h"
#include "app/second_factor.h"
#include "core/alloc.h"
#include "core/text.h"
#include "http/api.h"
#include "http/checkpointer.h"
#include "http/connections.h"
#include "http/router.h"
#include "http/use_case.h"
#include "http/slow.h"

#define HEADERS_MAX 64
#define HEAD_BYTES_MAX (32 * 1024)
#define IDLE_SECONDS 30
#define DRAIN_SECONDS 10
#define CONNECTIONS_MAX 2048u
#define PER_ADDRESS 256u /* connections from one client address, by default */
#define SLOW_QUEUE 64 /* password checks waiting for a thread; past this: 503 at once */

/* Sent with every answer: only this site's own files run in the page (no inline script or
 * style, no plug-ins), it is never shown in another site's frame, types are never sniffed and
 * no address leaks to other sites. The NL Design System's CSS draws some icons as data: URLs. */
static const char content_security_policy[] =
	"default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
	"form-action 'self'; frame-ancestors 'none'";

/* Latency buckets of /metrics, in seconds. */
static const double buckets[] = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};
#define BUCKETS (sizeof(buckets) / sizeof(buckets[0]))

struct metrics {
	atomic_ullong requests[6]; /* by status class: [1] 1xx … [5] 5xx */
	atomic_ullong latency[BUCKETS + 1];
	atomic_ullong latency_us_sum;
	atomic_ullong store_opens_failed;
	atomic_ullong store_us_sum;   /* time inside the request's database transaction */
	atomic_ullong store_us_max;   /* the longest such transaction since the start */
	atomic_ullong lock_wait_us_sum; /* SQLite: time waiting for the one connection */
	atomic_ullong store_count;
	atomic_ullong store_failures; /* transactions that did not commit */
	atomic_ullong slow_busy;      /* slow work refused: its queue was full */
};

struct server {
	const struct jr_server_config *cfg;
	struct MHD_Daemon *daemon;
	pthread_key_t store_key;
	/* SQLite has one writer at a time, and every request writes (at least its audit entries).
	 * Waiting on this lock hands the database from one worker to the next at once, where
	 * SQLite's own busy handler would sleep and poll (milliseconds of latency under load). */
	pthread_mutex_t sqlite_writer;
	bool sqlite;
	struct jr_store *shared; /* SQLite: the one connection of all workers */
	struct jr_store_files files;          /* the key files and the checkpoint file */
	struct jr_checkpointer *checkpointer; /* signs the end of the audit chain */
	atomic_int in_flight;
	struct metrics m;
	struct jr_login_guard *login_guard;
	struct jr_slow *slow;               /* password checks, off the workers */
	struct jr_connections *connections; /* limits per address, deadlines per request */
	struct MHD_Daemon *metrics_daemon;  /* /metrics on an address of its own, or NULL */
};

/* One request, from its first callback to its completion. */
struct exchange {
	struct jr_http_request req;
	struct jr_buf body;
	bool too_big;
	bool too_many_headers;
	bool dispatched;   /* its first step ran */
	bool suspended;    /* waiting for slow work; resumed by it */
	bool slow_refused; /* the slow work's queue was full */
	struct timespec start;
	struct server *sv;
	struct MHD_Connection *conn;
	struct jr_connection *tracked; /* connections.h */
};

static double seconds_since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

static void close_store(void *store)
{
	jr_store_close(store);
}

/* This worker thread's store, opened on first use. On SQLite every worker shares one
 * connection, used only under the writer lock: the requests take turns anyway, and one
 * connection keeps its page cache, where each worker's own would reread the pages the others
 * changed. */
static struct jr_store *worker_store(struct server *sv)
{
	struct jr_store *s = sv->shared ? sv->shared : pthread_getspecific(sv->store_key);
	struct jr_diag diag;

	if (s)
		return s;
	if (jr_store_open_files(sv->cfg->db_url, &sv->files, false, &s, &diag)) {
		atomic_fetch_add(&sv->m.store_opens_failed, 1);
		fprintf(stderr, "jeugdroute: serve: database: %s\n", diag.message);
		return NULL;
	}
	if (pthread_setspecific(sv->store_key, s)) {
		jr_store_close(s);
		return NULL;
	}
	return s;
}

static const char *lookup_header(void *conn, const char *name)
{
	return MHD_lookup_connection_value(conn, MHD_HEADER_KIND, name);
}

static const char *lookup_argument(void *conn, const char *name)
{
	return MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, name);
}

static enum MHD_Result count_header(void *cls, enum MHD_ValueKind kind, const char *key,
				    const char *value)
{
	(void)kind;
	(void)key;
	(void)value;
	return ++*(int *)cls > HEADERS_MAX ? MHD_NO : MHD_YES;
}

/* The peer's address of a connection as text ("?" when unknown). */
static void peer_address(struct MHD_Connection *c, char *out, size_t cap)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	const struct sockaddr *sa = ci ? ci->client_addr : NULL;

	snprintf(out, cap, "?");
	if (sa && sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, out,
			  (socklen_t)cap);
	else if (sa && sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, out,
			  (socklen_t)cap);
}

/* The client of a request: the peer, or — when the peer is the trusted reverse proxy — the
 * address it names last in X-Forwarded-For (the one it saw; earlier ones are the client's own
 * say); and whether it came over HTTPS. */
static void client_of(const struct server *sv, struct MHD_Connection *c, struct jr_http_request *r)
{
	const char *proxy = sv->cfg->trusted_proxy;
	const char *forwarded, *last, *proto;
	char candidate[64];
	unsigned char bin[sizeof(struct in6_addr)];
	size_t n;

	peer_address(c, r->remote, sizeof(r->remote));
	r->secure = sv->cfg->secure_cookies;
	r->second_factor_required = sv->cfg->second_factor_required;
	if (!proxy || strcmp(proxy, r->remote) != 0)
		return;
	proto = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Forwarded-Proto");
	if (proto && strcmp(proto, "https") == 0)
		r->secure = true;
	forwarded = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Forwarded-For");
	if (!forwarded)
		return;
	last = strrchr(forwarded, ',');
	last = last ? last + 1 : forwarded;
	last += strspn(last, " ");
	n = strcspn(last, " ");
	if (n == 0 || n >= sizeof(candidate))
		return;
	memcpy(candidate, last, n);
	candidate[n] = '\0';
	if (inet_pton(AF_INET, candidate, bin) == 1 || inet_pton(AF_INET6, candidate, bin) == 1)
		memcpy(r->remote, candidate, n + 1);
}

/* Who is asking: a session cookie, or an API token as "Authorization: Bearer …". A browser
 * session that writes must also send its CSRF token (X-CSRF-Token). 0, or the status after
 * answering. A cookie that names no session is cleared in the answer (stale_cookie). */
static int authenticate(struct jr_http_request *r, struct MHD_Connection *c, bool required)
{
	const char *cookie = MHD_lookup_connection_value(c, MHD_COOKIE_KIND, "jr_session");
	const char *auth = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Authorization");
	const char *token = NULL;
	struct jr_diag diag;
	struct jr_app app;
	enum jr_err err;

	if (auth && strncmp(auth, "Bearer ", 7) == 0)
		token = auth + 7;
	else if (cookie)
		token = cookie;
	if (!token) {
		if (!required)
			return 0;
		return jr_reply_error(r, 401, "login_required", NULL,
				      "log eerst in (sessie of API-token ontbreekt)");
	}
	/* not found is an answer, not a failure: the transaction goes on (a login with a stale
	 * cookie must count its failures and open its session) */
	jr_http_app(r, &app, &diag);
	err = jr_app_session_find(&app, token, (int64_t)time(NULL), &r->who);
	if (err == JR_ERR_NOT_FOUND) {
		r->stale_cookie = token == cookie;
		if (!required)
			return 0;
		return jr_reply_error(r, 401, "login_required", NULL,
				      "de sessie is verlopen of onbekend; log opnieuw in");
	}
	if (err)
		return jr_reply_err(r, err, NULL);
	r->logged_in = true;
	if (!r->who.api && strcmp(r->method, "GET") != 0 && strcmp(r->method, "HEAD") != 0) {
		const char *csrf = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-CSRF-Token");
		if (!csrf || strlen(csrf) != strlen(r->who.csrf) ||
		    sodium_memcmp(csrf, r->who.csrf, strlen(csrf)) != 0)
			return jr_reply_error(r, 403, "csrf", "X-CSRF-Token",
					      "de CSRF-sleutel ontbreekt of klopt niet; herlaad de "
					      "pagina");
	}
	snprintf(r->actor_who, sizeof(r->actor_who), "user:%s", r->who.username);
	r->actor.who = r->actor_who;
	r->actor.role = r->who.role;
	r->actor.organisation_id = r->who.organisation_id;
	return 0;
}

/* A browser session waiting for its second factor may only say who it is, log out and give its
 * code; one whose password was reset may only do that, and choose a new password; one of a user
 * who must have a second factor and has none (the server's --second-factor required) may only
 * do that and enrol. 0, or the status after answering 403. */
static int password_first(struct jr_http_request *r, const struct jr_http_route *route)
{
	if (!r->logged_in || r->who.api || route->need == JR_HTTP_ROUTE_PENDING)
		return 0;
	if (r->who.second_factor_pending)
		return jr_reply_error(r, 403, "second_factor_required", "code",
				      "geef eerst de code van uw tweede factor "
				      "(POST /api/v1/login/second-factor)");
	if (route->need == JR_HTTP_ROUTE_SELF)
		return 0;
	if (r->who.must_change_password)
		return jr_reply_error(r, 403, "password_change_required", "new_password",
				      "kies eerst een nieuw wachtwoord (POST /api/v1/me/password)");
	if (r->second_factor_required && !r->who.second_factor &&
	    jr_app_second_factor_role(r->who.role))
		return jr_reply_error(r, 403, "second_factor_enrolment_required", "code",
				      "stel eerst een tweede factor in (POST /api/v1/me/second-factor)");
	return 0;
}

/* A request's transaction of `us` microseconds, in the sum, the count and the longest. A stall
 * of the database (a slow disk sync, say) shows as a long longest, and on SQLite in the time
 * the other requests waited for the connection. */
static void record_transaction(struct server *sv, unsigned long long us)
{
	unsigned long long max = atomic_load(&sv->m.store_us_max);

	atomic_fetch_add(&sv->m.store_us_sum, us);
	atomic_fetch_add(&sv->m.store_count, 1);
	while (us > max && !atomic_compare_exchange_weak(&sv->m.store_us_max, &max, us))
		;
}

/* Writes the refusal of a logged-in principal's request to the audit log: what was asked and
 * how it was answered (the path holds ids only; the query, which may hold a BSN, is left out). */
static void audit_refusal(struct jr_http_request *r)
{
	char object[240];
	const char *field = NULL;
	struct jr_diag diag;
	struct jr_app app;

	if (!r->logged_in || r->status < 400 || r->status >= 500)
		return;
	field = r->refused_field[0] ? r->refused_field : NULL;
	snprintf(object, sizeof(object), "%s %.160s %d%s%s", r->method, r->path, r->status,
		 field ? " " : "", field ? field : "");
	jr_http_app(r, &app, &diag);
	jr_app_audit_event(&app, "request.refused", 0, object);
}

/* Runs one step of a request — its handler, or a later step — as one transaction under the
 * database lock: what it reads and writes, and the audit entries of its reads, commit together
 * (one disk flush) or not at all. A refusal (4xx) rolls back what the step wrote but keeps its
 * audit entries and adds one of its own (jr_store_keep_audit), unless the handler keeps what
 * the refusal wrote (keep_refusal). The first step (with its `route`) authenticates the request
 * first; a route whose first step writes nothing but audit entries need not wait for the disk.
 * A later step (route NULL) goes on as the principal the first one found. */
static void run_step(struct server *sv, struct exchange *x, jr_http_step step,
		     const struct jr_http_route *route)
{
	bool reads = route && (route->need == JR_HTTP_ROUTE_PUBLIC_FIRST_READS ||
			       route->need == JR_HTTP_ROUTE_LOGIN_READS);
	bool required = route && (route->need == JR_HTTP_ROUTE_LOGIN ||
				  route->need == JR_HTTP_ROUTE_SELF ||
				  route->need == JR_HTTP_ROUTE_PENDING ||
				  route->need == JR_HTTP_ROUTE_LOGIN_READS);
	struct jr_http_request *r = &x->req;
	struct timespec t0;
	enum jr_err err;
	bool writes, commit;

	r->store = worker_store(sv);
	if (!r->store) {
		r->next = NULL;
		jr_reply_error(r, 503, "unavailable", NULL,
			       "de database is niet bereikbaar; probeer het zo opnieuw");
		return;
	}
	/* A GET only reads: its commit need not wait for the disk (jr_store_set_durable). */
	writes = !reads && strcmp(r->method, "GET") != 0 && strcmp(r->method, "HEAD") != 0;
	if (sv->sqlite) {
		clock_gettime(CLOCK_MONOTONIC, &t0);
		pthread_mutex_lock(&sv->sqlite_writer);
		atomic_fetch_add(&sv->m.lock_wait_us_sum,
				 (unsigned long long)(seconds_since(&t0) * 1e6));
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	jr_store_keep_audit(r->store, true);
	if ((err = jr_store_set_durable(r->store, writes)) || (err = jr_store_bulk_begin(r->store))) {
		if (sv->sqlite)
			pthread_mutex_unlock(&sv->sqlite_writer);
		r->next = NULL;
		jr_reply_err(r, err, NULL);
		return;
	}
	if (!route || (!authenticate(r, x->conn, required) && !password_first(r, route)))
		step(r);
	commit = r->status < 400 || r->keep_refusal;
	audit_refusal(r);
	err = jr_store_bulk_end(r->store, commit);
	record_transaction(sv, (unsigned long long)(seconds_since(&t0) * 1e6));
	if (err || !commit)
		atomic_fetch_add(&sv->m.store_failures, 1);
	if (sv->sqlite)
		pthread_mutex_unlock(&sv->sqlite_writer);
	/* an operation that failed inside makes the whole step roll back; an answer that said it
	 * was done, or a request that would go on, must then say it was not */
	if (err && (r->status < 400 || err != JR_ERR_REFUSED)) {
		r->next = NULL;
		r->work = NULL;
		jr_buf_reset(&r->out);
		r->header_count = 0;
		jr_reply_err(r, err == JR_ERR_REFUSED ? JR_ERR_STORE : err,
			     "de wijziging kon niet worden vastgelegd; probeer het opnieuw");
	}
}

/* The first step of a request: the limits, the route, the handler. */
static void dispatch(struct server *sv, struct exchange *x)
{
	struct jr_http_request *r = &x->req;
	const struct jr_http_route *route;
	char allow[64];
	const char *reason = MHD_lookup_connection_value(x->conn, MHD_HEADER_KIND, "X-Reason");

	r->actor.who = "anonymous";
	r->actor.origin = r->remote;
	/* why, for the audit log: the client's own words when they are plain text */
	r->actor.reason = reason && jr_text_valid(reason, 201, false) ? reason
								       : "via de webtoepassing of API";
	if (x->too_many_headers) {
		jr_reply_error(r, 431, "too_many_headers", NULL, "te veel kopregels in de aanvraag");
		return;
	}
	if (x->too_big) {
		jr_reply_error(r, 413, "too_large", NULL,
			       "de aanvraag is groter dan 1 MiB; stuur minder tegelijk");
		return;
	}
	switch (jr_http_route_find(jr_api_routes, jr_api_route_count, r, &route, allow, sizeof(allow))) {
	case JR_HTTP_ROUTE_NO_PATH:
		if (jr_api_static(r))
			return;
		jr_reply_error(r, 404, "not_found", NULL, "deze pagina of dit adres bestaat niet");
		return;
	case JR_HTTP_ROUTE_NO_METHOD:
		jr_reply_header(r, "Allow", allow);
		jr_reply_error(r, 405, "method_not_allowed", NULL,
			       "deze methode kan hier niet; zie de kopregel Allow");
		return;
	case JR_HTTP_ROUTE_FOUND:
		break;
	}
	run_step(sv, x, route->handler, route);
}

/* On a thread of the slow pool: the request's work, then back to libmicrohttpd, which calls
 * on_request again for the next step. */
static void slow_work(void *arg)
{
	struct exchange *x = arg;

	x->req.work(&x->req);
	x->req.work = NULL;
	MHD_resume_connection(x->conn);
}

/* Runs the steps a handler set, each after its work, until one answers; false when the request
 * waits for slow work (the connection suspended: on_request is called again when it is done). */
static bool proceed(struct server *sv, struct exchange *x)
{
	struct jr_http_request *r = &x->req;

	while (!r->status && r->next) {
		jr_http_step step;
		if (r->work && r->work_slow) {
			/* suspended first: the work may resume it before submit returns */
			x->suspended = true;
			MHD_suspend_connection(x->conn);
			if (jr_slow_submit(sv->slow, slow_work, x))
				return false;
			x->slow_refused = true;
			atomic_fetch_add(&sv->m.slow_busy, 1);
			MHD_resume_connection(x->conn);
			return false;
		}
		if (r->work) {
			r->work(r);
			r->work = NULL;
		}
		step = r->next;
		r->next = NULL;
		run_step(sv, x, step, NULL);
	}
	return true;
}

static void record(struct server *sv, int status, double secs)
{
	size_t b = 0;
	int cls = status / 100;

	if (cls >= 1 && cls <= 5)
		atomic_fetch_add(&sv->m.requests[cls], 1);
	while (b < BUCKETS && secs > buckets[b])
		b++;
	atomic_fetch_add(&sv->m.latency[b], 1);
	atomic_fetch_add(&sv->m.latency_us_sum, (unsigned long long)(secs * 1e6));
}

static enum MHD_Result send_answer(struct server *sv, struct exchange *x, struct MHD_Connection *c)
{
	struct jr_http_request *r = &x->req;
	struct MHD_Response *resp;
	enum MHD_Result ok;
	bool cookie_set = false;

	if (!r->status)
		jr_reply_error(r, 500, "internal", NULL, "er ging iets mis in de server");
	resp = MHD_create_response_from_buffer(r->out.len, (void *)jr_buf_str(&r->out),
					       MHD_RESPMEM_MUST_COPY);
	if (!resp)
		return MHD_NO;
	MHD_add_response_header(resp, "Content-Type",
				r->content_type ? r->content_type : "application/json");
	MHD_add_response_header(resp, "Content-Security-Policy", content_security_policy);
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(resp, "Cross-Origin-Opener-Policy", "same-origin");
	MHD_add_response_header(resp, "Cross-Origin-Resource-Policy", "same-origin");
	if (r->secure)
		MHD_add_response_header(resp, "Strict-Transport-Security", "max-age=31536000");
	if (strncmp(r->path, "/api/", 5) == 0)
		MHD_add_response_header(resp, "Cache-Control", "no-store");
	for (size_t i = 0; i < r->header_count; i++) {
		MHD_add_response_header(resp, r->header_names[i], r->header_values[i]);
		cookie_set = cookie_set || strcmp(r->header_names[i], "Set-Cookie") == 0;
	}
	if (r->stale_cookie && !cookie_set) {
		/* the browser forgets a session that is gone, instead of sending it on */
		char clear[200];
		jr_http_session_cookie(r, "", clear, sizeof(clear));
		MHD_add_response_header(resp, "Set-Cookie", clear);
	}
	ok = MHD_queue_response(c, (unsigned)r->status, resp);
	MHD_destroy_response(resp);
	record(sv, r->status, seconds_since(&x->start));
	return ok;
}

/* The connection's watch (connections.h), kept as libmicrohttpd's socket context. */
static struct jr_connection *tracked(struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	return ci ? ci->socket_context : NULL;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
				  const char *method, const char *version,
				  const char *upload_data, size_t *upload_data_size, void **state)
{
	struct server *sv = cls;
	struct exchange *x = *state;

	(void)version;
	if (!x) {
		/* The first callback: only the headers are here. */
		const char *length = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
								 "Content-Length");
		int headers = 0;
		x = jr_calloc(1, sizeof(*x));
		if (!x)
			return MHD_NO;
		clock_gettime(CLOCK_MONOTONIC, &x->start);
		x->sv = sv;
		x->conn = c;
		x->tracked = tracked(c);
		jr_connections_head(sv->connections, x->tracked);
		jr_buf_init(&x->body, JR_HTTP_BODY_MAX + 1);
		jr_buf_init(&x->req.out, JR_HTTP_REPLY_MAX);
		x->req.method = method;
		x->req.path = url;
		x->req.header = lookup_header;
		x->req.argument = lookup_argument;
		x->req.conn = c;
		x->req.policies = sv->cfg->policies;
		x->req.web_dir = sv->cfg->web_dir;
		x->req.login_guard = sv->login_guard;
		client_of(sv, c, &x->req);
		MHD_get_connection_values(c, MHD_HEADER_KIND, count_header, &headers);
		x->too_many_headers = headers > HEADERS_MAX;
		x->too_big = length && strtoull(length, NULL, 10) > JR_HTTP_BODY_MAX;
		atomic_fetch_add(&sv->in_flight, 1);
		*state = x;
		return MHD_YES;
	}
	if (*upload_data_size) {
		if (!x->too_big && jr_buf_append(&x->body, upload_data, *upload_data_size))
			x->too_big = true;
		*upload_data_size = 0; /* taken (or dropped, past the limit) */
		return MHD_YES;
	}
	if (!x->dispatched) {
		x->dispatched = true;
		jr_connections_body(sv->connections, x->tracked);
		x->req.body = x->body.len ? jr_buf_str(&x->body) : "";
		x->req.body_len = x->body.len;
		dispatch(sv, x);
	} else if (x->suspended) {
		/* resumed: the slow work is done, or could not be queued */
		x->suspended = false;
		if (x->slow_refused) {
			x->req.next = NULL;
			jr_reply_header(&x->req, "Retry-After", "1");
			jr_reply_error(&x->req, 503, "busy", NULL,
				       "de server is even te druk; probeer het over een seconde "
				       "opnieuw");
		}
	} else {
		return MHD_YES; /* answered already */
	}
	if (!proceed(sv, x))
		return MHD_YES;
	return send_answer(sv, x, c);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **state,
			 enum MHD_RequestTerminationCode code)
{
	struct server *sv = cls;
	struct exchange *x = *state;

	(void)code;
	jr_connections_answered(sv->connections, tracked(c));
	if (!x)
		return;
	if (x->req.state_free)
		x->req.state_free(x->req.state);
	jr_buf_release(&x->body);
	jr_buf_release(&x->req.out);
	jr_free(x);
	*state = NULL;
	atomic_fetch_sub(&sv->in_flight, 1);
}

/* A connection opened or closed: watched from opening to closing (connections.h). */
static void on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
			  enum MHD_ConnectionNotificationCode code)
{
	struct server *sv = cls;

	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		const union MHD_ConnectionInfo *fd =
			MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
		char address[64];
		peer_address(c, address, sizeof(address));
		*socket_context = fd ? jr_connections_opened(sv->connections, fd->connect_fd, address)
				     : NULL;
	} else if (code == MHD_CONNECTION_NOTIFY_CLOSED && *socket_context) {
		jr_connections_closed(sv->connections, *socket_context);
		*socket_context = NULL;
	}
}

/* Whether to accept a connection: not past the limit per client address. */
static enum MHD_Result on_accept(void *cls, const struct sockaddr *sa, socklen_t len)
{
	struct server *sv = cls;
	char address[64] = "?";

	(void)len;
	if (sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, address,
			  sizeof(address));
	else if (sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr,
			  address, sizeof(address));
	return jr_connections_admit(sv->connections, address) ? MHD_YES : MHD_NO;
}

static struct server *the_server; /* for /metrics; one server per process */

void jr_server_metrics(struct jr_buf *out)
{
	struct server *sv = the_server;
	unsigned long long cumulative = 0, total = 0;

	if (!sv)
		return;
	jr_buf_puts(out, "# HELP jeugdroute_http_requests_total Answered requests by status class.\n"
			 "# TYPE jeugdroute_http_requests_total counter\n");
	for (int cls = 1; cls <= 5; cls++)
		jr_buf_printf(out, "jeugdroute_http_requests_total{class=\"%dxx\"} %zu\n", cls,
			      (size_t)atomic_load(&sv->m.requests[cls]));
	jr_buf_puts(out, "# HELP jeugdroute_http_request_duration_seconds Time from the first "
			 "byte to the queued answer.\n"
			 "# TYPE jeugdroute_http_request_duration_seconds histogram\n");
	for (size_t b = 0; b <= BUCKETS; b++) {
		char le[16];
		cumulative += atomic_load(&sv->m.latency[b]);
		if (b < BUCKETS)
			snprintf(le, sizeof(le), "%g", buckets[b]);
		else
			snprintf(le, sizeof(le), "+Inf");
		jr_buf_printf(out, "jeugdroute_http_request_duration_seconds_bucket{le=\"%s\"} %zu\n",
			      le, (size_t)cumulative);
	}
	total = cumulative;
	jr_buf_printf(out, "jeugdroute_http_request_duration_seconds_sum %zu.%06zu\n",
		      (size_t)(atomic_load(&sv->m.latency_us_sum) / 1000000),
		      (size_t)(atomic_load(&sv->m.latency_us_sum) % 1000000));
	jr_buf_printf(out, "jeugdroute_http_request_duration_seconds_count %zu\n", (size_t)total);
	jr_buf_printf(out,
		      "# HELP jeugdroute_http_in_flight Requests being answered now.\n"
		      "# TYPE jeugdroute_http_in_flight gauge\n"
		      "jeugdroute_http_in_flight %d\n"
		      "# HELP jeugdroute_store_open_failures_total Worker database connections that "
		      "could not be opened.\n"
		      "# TYPE jeugdroute_store_open_failures_total counter\n"
		      "jeugdroute_store_open_failures_total %zu\n",
		      atomic_load(&sv->in_flight), (size_t)atomic_load(&sv->m.store_opens_failed));
	jr_buf_printf(out,
		      "# HELP jeugdroute_store_transaction_seconds Time inside each request's database "
		      "transaction (its reads, writes and audit entries, and the commit).\n"
		      "# TYPE jeugdroute_store_transaction_seconds summary\n"
		      "jeugdroute_store_transaction_seconds_sum %zu.%06zu\n"
		      "jeugdroute_store_transaction_seconds_count %zu\n"
		      "# HELP jeugdroute_store_transaction_failures_total Request transactions rolled "
		      "back.\n"
		      "# TYPE jeugdroute_store_transaction_failures_total counter\n"
		      "jeugdroute_store_transaction_failures_total %zu\n",
		      (size_t)(atomic_load(&sv->m.store_us_sum) / 1000000),
		      (size_t)(atomic_load(&sv->m.store_us_sum) % 1000000),
		      (size_t)atomic_load(&sv->m.store_count),
		      (size_t)atomic_load(&sv->m.store_failures));
	jr_buf_printf(out,
		      "# HELP jeugdroute_store_transaction_seconds_max The longest request "
		      "transaction since the server started.\n"
		      "# TYPE jeugdroute_store_transaction_seconds_max gauge\n"
		      "jeugdroute_store_transaction_seconds_max %zu.%06zu\n"
		      "# HELP jeugdroute_store_lock_wait_seconds_total Time requests waited for the "
		      "database connection (SQLite, one writer at a time).\n"
		      "# TYPE jeugdroute_store_lock_wait_seconds_total counter\n"
		      "jeugdroute_store_lock_wait_seconds_total %zu.%06zu\n",
		      (size_t)(atomic_load(&sv->m.store_us_max) / 1000000),
		      (size_t)(atomic_load(&sv->m.store_us_max) % 1000000),
		      (size_t)(atomic_load(&sv->m.lock_wait_us_sum) / 1000000),
		      (size_t)(atomic_load(&sv->m.lock_wait_us_sum) % 1000000));
	jr_buf_printf(out,
		      "# HELP jeugdroute_http_busy_total Requests answered 503 because the queue of "
		      "password checks was full.\n"
		      "# TYPE jeugdroute_http_busy_total counter\n"
		      "jeugdroute_http_busy_total %zu\n"
		      "# HELP jeugdroute_http_connections_expired_total Connections closed because a "
		      "request's head or body did not arrive in time.\n"
		      "# TYPE jeugdroute_http_connections_expired_total counter\n"
		      "jeugdroute_http_connections_expired_total %zu\n"
		      "# HELP jeugdroute_http_connections_refused_total Connections refused at the "
		      "limit per client address.\n"
		      "# TYPE jeugdroute_http_connections_refused_total counter\n"
		      "jeugdroute_http_connections_refused_total %zu\n",
		      (size_t)atomic_load(&sv->m.slow_busy),
		      (size_t)jr_connections_expired(sv->connections),
		      (size_t)jr_connections_refused(sv->connections));
}

/* The listener of /metrics, apart from the API's (--metrics-listen): for a monitoring system on
 * an internal address; everything else there is 404. Answered at once (no keep-alive needed). */
static enum MHD_Result on_metrics_request(void *cls, struct MHD_Connection *c, const char *url,
					  const char *method, const char *version,
					  const char *upload_data, size_t *upload_data_size,
					  void **state)
{
	struct jr_buf out;
	struct MHD_Response *resp;
	enum MHD_Result ok;
	bool found = strcmp(method, "GET") == 0 && strcmp(url, "/metrics") == 0;

	(void)cls;
	(void)version;
	(void)upload_data;
	(void)state;
	if (*upload_data_size) {
		*upload_data_size = 0;
		return MHD_YES;
	}
	jr_buf_init(&out, 1 << 20);
	if (found)
		jr_server_metrics(&out);
	else
		jr_buf_puts(&out, "niet gevonden: hier is alleen GET /metrics\n");
	resp = MHD_create_response_from_buffer(out.len, (void *)jr_buf_str(&out),
					       MHD_RESPMEM_MUST_COPY);
	jr_buf_release(&out);
	if (!resp)
		return MHD_NO;
	MHD_add_response_header(resp, "Content-Type",
				found ? "text/plain; version=0.0.4; charset=utf-8"
				      : "text/plain; charset=utf-8");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	ok = MHD_queue_response(c, found ? 200 : 404, resp);
	MHD_destroy_response(resp);
	return ok;
}

/* An IPv4 socket address for host:port; false when host is no IPv4 address. */
static bool ipv4_address(const char *host, uint16_t port, struct sockaddr_in *addr)
{
	memset(addr, 0, sizeof(*addr));
	addr->sin_family = AF_INET;
	addr->sin_port = htons(port);
	return inet_pton(AF_INET, host, &addr->sin_addr) == 1;
}

static unsigned bound_port(struct MHD_Daemon *d, unsigned fallback)
{
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	return info ? (unsigned)info->port : fallback;
}

/* Writes the ready file whole (a temporary file renamed): the API's URL, and the metrics' URL
 * on a second line when it has a listener of its own. */
static void write_ready_file(const struct server *sv, unsigned port, unsigned metrics_port)
{
	const struct jr_server_config *cfg = sv->cfg;
	char tmp[1024];
	FILE *f;

	if (!cfg->ready_file ||
	    (size_t)snprintf(tmp, sizeof(tmp), "%s.tmp", cfg->ready_file) >= sizeof(tmp))
		return;
	if (!(f = fopen(tmp, "w")))
		return;
	fprintf(f, "http://%s:%u\n", cfg->listen_host, port);
	if (sv->metrics_daemon)
		fprintf(f, "http://%s:%u/metrics\n", cfg->metrics_host, metrics_port);
	if (fclose(f) == 0)
		rename(tmp, cfg->ready_file);
}

enum jr_err jr_server_run(const struct jr_server_config *cfg, char *errmsg, size_t errlen)
{
	struct server *sv = jr_calloc(1, sizeof(*sv));
	struct sockaddr_in addr, metrics_addr;
	struct jr_store *probe = NULL;
	struct jr_diag diag;
	sigset_t stop;
	int sig = 0;
	unsigned port, metrics_port = 0, slow_threads;
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	enum jr_err err = JR_OK;

	if (!sv)
		return JR_ERR_NOMEM;
	sv->cfg = cfg;
	sv->files = (struct jr_store_files){.key_file = cfg->key_file,
					    .audit_key_file = cfg->audit_key_file,
					    .checkpoint_file = cfg->checkpoint_file};
	pthread_mutex_init(&sv->sqlite_writer, NULL);
	if (!ipv4_address(cfg->listen_host, cfg->port, &addr)) {
		snprintf(errmsg, errlen, "--listen: \"%s\" is geen IPv4-adres", cfg->listen_host);
		err = JR_ERR_INPUT;
		goto out;
	}
	if (cfg->metrics_host && !ipv4_address(cfg->metrics_host, cfg->metrics_port, &metrics_addr)) {
		snprintf(errmsg, errlen, "--metrics-listen: \"%s\" is geen IPv4-adres",
			 cfg->metrics_host);
		err = JR_ERR_INPUT;
		goto out;
	}
	/* Opened once here so that a bad database or key fails at once, not on the first request. */
	if (jr_store_open_files(cfg->db_url, &sv->files, false, &probe, &diag)) {
		char shown[512];
		jr_app_db_shown(cfg->db_url, shown, sizeof(shown));
		snprintf(errmsg, errlen, "%s: %s", shown, diag.message);
		err = JR_ERR_STORE;
		goto out;
	}
	sv->sqlite = jr_store_single_writer(probe);
	if (sv->sqlite)
		sv->shared = probe;
	else
		jr_store_close(probe);
	probe = NULL;
	/* the requests' connection never stops to copy the log into the database: the
	 * checkpointer's thread does (http/checkpointer.c) */
	if (sv->shared && (err = jr_store_defer_wal_checkpoints(sv->shared))) {
		snprintf(errmsg, errlen, "%s: het schrijflogboek kon niet worden ingesteld",
			 cfg->db_url);
		goto out;
	}
	/* Password checks on a thread of their own (two from four cores on): the workers keep
	 * answering while guessers are checked. */
	slow_threads = cores >= 4 ? (unsigned)(cores / 2) : 1;
	if ((err = jr_login_guard_new(&sv->login_guard)) ||
	    (err = jr_slow_start(slow_threads, SLOW_QUEUE, &sv->slow)) ||
	    (err = jr_connections_start(cfg->per_address ? cfg->per_address : PER_ADDRESS,
					cfg->trusted_proxy, cfg->request_timeout,
					2 * cfg->request_timeout, &sv->connections))) {
		snprintf(errmsg, errlen, "geen geheugen of threads voor de server");
		goto out;
	}
	if (pthread_key_create(&sv->store_key, close_store)) {
		err = JR_ERR_NOMEM;
		goto out;
	}
	/* The workers inherit this mask: only this thread takes the stop signals. */
	sigemptyset(&stop);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGPIPE);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	the_server = sv;
	sv->daemon = MHD_start_daemon(
	    MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_ALLOW_SUSPEND_RESUME, 0, on_accept,
	    sv, on_request, sv, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
	    MHD_OPTION_THREAD_POOL_SIZE, cfg->threads < 2 ? 2u : cfg->threads,
	    MHD_OPTION_NOTIFY_COMPLETED, on_completed, sv, MHD_OPTION_NOTIFY_CONNECTION,
	    on_connection, sv, MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)IDLE_SECONDS,
	    MHD_OPTION_CONNECTION_LIMIT, CONNECTIONS_MAX, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
	    (size_t)HEAD_BYTES_MAX, MHD_OPTION_END);
	if (!sv->daemon) {
		snprintf(errmsg, errlen, "kan niet luisteren op %s:%u (in gebruik of geen recht)",
			 cfg->listen_host, (unsigned)cfg->port);
		err = JR_ERR_IO;
		goto out_key;
	}
	if (jr_checkpointer_start(cfg->db_url, &sv->files, &sv->checkpointer, errmsg, errlen)) {
		err = JR_ERR_STORE;
		goto out_daemon;
	}
	if (cfg->metrics_host) {
		sv->metrics_daemon = MHD_start_daemon(
		    MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL, 0, NULL, NULL,
		    on_metrics_request, sv, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&metrics_addr,
		    MHD_OPTION_CONNECTION_TIMEOUT, 10u, MHD_OPTION_CONNECTION_LIMIT, 16u,
		    MHD_OPTION_END);
		if (!sv->metrics_daemon) {
			snprintf(errmsg, errlen,
				 "kan niet luisteren op %s:%u voor /metrics (in gebruik of geen recht)",
				 cfg->metrics_host, (unsigned)cfg->metrics_port);
			err = JR_ERR_IO;
			goto out_daemon;
		}
		metrics_port = bound_port(sv->metrics_daemon, cfg->metrics_port);
	}
	port = bound_port(sv->daemon, cfg->port);
	printf("jeugdroute: luistert op http://%s:%u\n", cfg->listen_host, port);
	if (sv->metrics_daemon)
		printf("jeugdroute: /metrics op http://%s:%u/metrics\n", cfg->metrics_host,
		       metrics_port);
	fflush(stdout);
	write_ready_file(sv, port, metrics_port);
	do {
		if (sigwait(&stop, &sig))
			break;
	} while (sig == SIGPIPE);
	/* Graceful: take no new connections, let the requests in flight finish (a suspended one
	 * is in flight until its password check is done and it is answered). */
	fprintf(stderr, "jeugdroute: serve: stoppen (%s); lopende aanvragen maken af\n",
		sig == SIGINT ? "SIGINT" : "SIGTERM");
	MHD_quiesce_daemon(sv->daemon);
	for (int i = 0; i < DRAIN_SECONDS * 100 && atomic_load(&sv->in_flight) > 0; i++) {
		struct timespec ten_ms = {0, 10 * 1000 * 1000};
		nanosleep(&ten_ms, NULL);
	}
out_daemon:
	/* what is still queued runs (and resumes its connection) before the daemon stops */
	jr_slow_stop(sv->slow);
	sv->slow = NULL;
	if (sv->metrics_daemon)
		MHD_stop_daemon(sv->metrics_daemon);
	MHD_stop_daemon(sv->daemon);
	jr_checkpointer_stop(sv->checkpointer); /* after the last request's entries */
	the_server = NULL;
out_key:
	pthread_key_delete(sv->store_key);
out:
	jr_slow_stop(sv->slow);
	jr_connections_stop(sv->connections);
	jr_login_guard_free(sv->login_guard);
	jr_store_close(sv->shared);
	pthread_mutex_destroy(&sv->sqlite_writer);
	jr_free(sv);
	return err;
}
