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

#include "core/alloc.h"
#include "core/text.h"
#include "http/api.h"
#include "http/router.h"

#define HEADERS_MAX 64
#define HEAD_BYTES_MAX (32 * 1024)
#define IDLE_SECONDS 30
#define DRAIN_SECONDS 10

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
	atomic_int in_flight;
	struct metrics m;
};

/* One request, from its first callback to its completion. */
struct exchange {
	struct jr_http_request req;
	struct jr_buf body;
	bool too_big;
	bool too_many_headers;
	struct timespec start;
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
	if (jr_store_open(sv->cfg->db_url, sv->cfg->key_file, false, &s, &diag)) {
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

static void remote_address(struct MHD_Connection *c, char *out, size_t cap)
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

/* Who is asking: a session cookie, or an API token as "Authorization: Bearer …". A browser
 * session that writes must also send its CSRF token (X-CSRF-Token). 0, or the status after
 * answering. */
static int authenticate(struct jr_http_request *r, struct MHD_Connection *c, bool required)
{
	const char *cookie = MHD_lookup_connection_value(c, MHD_COOKIE_KIND, "jr_session");
	const char *auth = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Authorization");
	const char *token = NULL;
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
	err = jr_store_session_find(r->store, &r->actor, token, (int64_t)time(NULL), &r->who);
	if (err == JR_ERR_NOT_FOUND) {
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

/* A browser session whose password was reset may only say who it is, log out and choose a new
 * password; 0, or the status after answering 403. */
static int password_first(struct jr_http_request *r, const struct jr_route *route)
{
	if (!r->logged_in || r->who.api || !r->who.must_change_password ||
	    route->need == JR_ROUTE_SELF)
		return 0;
	return jr_reply_error(r, 403, "password_change_required", "new_password",
			      "kies eerst een nieuw wachtwoord (POST /api/v1/me/password)");
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

static void dispatch(struct server *sv, struct exchange *x, struct MHD_Connection *c)
{
	struct jr_http_request *r = &x->req;
	const struct jr_route *route;
	char allow[64];
	const char *reason = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Reason");
	struct timespec t0;
	enum jr_err err;
	bool writes;

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
	switch (jr_route_find(jr_api_routes, jr_api_route_count, r, &route, allow, sizeof(allow))) {
	case JR_ROUTE_NO_PATH:
		if (jr_api_static(r))
			return;
		jr_reply_error(r, 404, "not_found", NULL, "deze pagina of dit adres bestaat niet");
		return;
	case JR_ROUTE_NO_METHOD:
		jr_reply_header(r, "Allow", allow);
		jr_reply_error(r, 405, "method_not_allowed", NULL,
			       "deze methode kan hier niet; zie de kopregel Allow");
		return;
	case JR_ROUTE_FOUND:
		break;
	}
	r->store = worker_store(sv);
	if (!r->store) {
		jr_reply_error(r, 503, "unavailable", NULL,
			       "de database is niet bereikbaar; probeer het zo opnieuw");
		return;
	}
	/* One request, one transaction: whatever it reads and writes, and the audit entries of its
	 * reads, commit together (one disk flush) or not at all. A GET only reads: its commit need
	 * not wait for the disk (jr_store_set_durable). */
	writes = strcmp(r->method, "GET") != 0 && strcmp(r->method, "HEAD") != 0;
	if (sv->sqlite) {
		clock_gettime(CLOCK_MONOTONIC, &t0);
		pthread_mutex_lock(&sv->sqlite_writer);
		atomic_fetch_add(&sv->m.lock_wait_us_sum,
				 (unsigned long long)(seconds_since(&t0) * 1e6));
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((err = jr_store_set_durable(r->store, writes)) || (err = jr_store_bulk_begin(r->store))) {
		if (sv->sqlite)
			pthread_mutex_unlock(&sv->sqlite_writer);
		jr_reply_err(r, err, NULL);
		return;
	}
	if (!authenticate(r, c, route->need != JR_ROUTE_PUBLIC) && !password_first(r, route))
		route->handler(r);
	err = jr_store_bulk_end(r->store, true);
	record_transaction(sv, (unsigned long long)(seconds_since(&t0) * 1e6));
	if (err)
		atomic_fetch_add(&sv->m.store_failures, 1);
	if (sv->sqlite)
		pthread_mutex_unlock(&sv->sqlite_writer);
	/* an operation that failed inside makes the whole request roll back; an answer that said
	 * it was done must then say it was not */
	if (err && r->status < 400)
		jr_reply_err(r, err == JR_ERR_REFUSED ? JR_ERR_STORE : err,
			     "de wijziging kon niet worden vastgelegd; probeer het opnieuw");
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

	if (!r->status)
		jr_reply_error(r, 500, "internal", NULL, "er ging iets mis in de server");
	resp = MHD_create_response_from_buffer(r->out.len, (void *)jr_buf_str(&r->out),
					       MHD_RESPMEM_MUST_COPY);
	if (!resp)
		return MHD_NO;
	MHD_add_response_header(resp, "Content-Type",
				r->content_type ? r->content_type : "application/json");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	if (strncmp(r->path, "/api/", 5) == 0)
		MHD_add_response_header(resp, "Cache-Control", "no-store");
	for (size_t i = 0; i < r->header_count; i++)
		MHD_add_response_header(resp, r->header_names[i], r->header_values[i]);
	ok = MHD_queue_response(c, (unsigned)r->status, resp);
	MHD_destroy_response(resp);
	record(sv, r->status, seconds_since(&x->start));
	return ok;
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
		jr_buf_init(&x->body, JR_HTTP_BODY_MAX + 1);
		jr_buf_init(&x->req.out, JR_HTTP_REPLY_MAX);
		x->req.method = method;
		x->req.path = url;
		x->req.header = lookup_header;
		x->req.argument = lookup_argument;
		x->req.conn = c;
		x->req.policies = sv->cfg->policies;
		x->req.web_dir = sv->cfg->web_dir;
		remote_address(c, x->req.remote, sizeof(x->req.remote));
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
	x->req.body = x->body.len ? jr_buf_str(&x->body) : "";
	x->req.body_len = x->body.len;
	dispatch(sv, x, c);
	return send_answer(sv, x, c);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **state,
			 enum MHD_RequestTerminationCode code)
{
	struct server *sv = cls;
	struct exchange *x = *state;

	(void)c;
	(void)code;
	if (!x)
		return;
	jr_buf_release(&x->body);
	jr_buf_release(&x->req.out);
	jr_free(x);
	*state = NULL;
	atomic_fetch_sub(&sv->in_flight, 1);
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
}

enum jr_err jr_server_run(const struct jr_server_config *cfg, char *errmsg, size_t errlen)
{
	struct server *sv = jr_calloc(1, sizeof(*sv));
	struct sockaddr_in addr;
	struct jr_store *probe = NULL;
	struct jr_diag diag;
	sigset_t stop;
	int sig = 0;
	enum jr_err err = JR_OK;
	const union MHD_DaemonInfo *info;

	if (!sv)
		return JR_ERR_NOMEM;
	sv->cfg = cfg;
	pthread_mutex_init(&sv->sqlite_writer, NULL);
	/* Opened once here so that a bad database or key fails at once, not on the first request. */
	if (jr_store_open(cfg->db_url, cfg->key_file, false, &probe, &diag)) {
		snprintf(errmsg, errlen, "%s: %s", cfg->db_url, diag.message);
		err = JR_ERR_STORE;
		goto out;
	}
	sv->sqlite = jr_store_single_writer(probe);
	if (sv->sqlite)
		sv->shared = probe;
	else
		jr_store_close(probe);
	probe = NULL;
	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_port = htons(cfg->port);
	if (inet_pton(AF_INET, cfg->listen_host, &addr.sin_addr) != 1) {
		snprintf(errmsg, errlen, "--listen: \"%s\" is geen IPv4-adres", cfg->listen_host);
		err = JR_ERR_INPUT;
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
	    MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC, 0, NULL, NULL,
	    on_request, sv, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
	    MHD_OPTION_THREAD_POOL_SIZE, cfg->threads < 2 ? 2u : cfg->threads,
	    MHD_OPTION_NOTIFY_COMPLETED, on_completed, sv, MHD_OPTION_CONNECTION_TIMEOUT,
	    (unsigned)IDLE_SECONDS, MHD_OPTION_CONNECTION_LIMIT, 2048u,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)HEAD_BYTES_MAX, MHD_OPTION_END);
	if (!sv->daemon) {
		snprintf(errmsg, errlen, "kan niet luisteren op %s:%u (in gebruik of geen recht)",
			 cfg->listen_host, (unsigned)cfg->port);
		err = JR_ERR_IO;
		goto out_key;
	}
	info = MHD_get_daemon_info(sv->daemon, MHD_DAEMON_INFO_BIND_PORT);
	printf("jeugdroute: luistert op http://%s:%u\n", cfg->listen_host,
	       info ? (unsigned)info->port : (unsigned)cfg->port);
	fflush(stdout);
	if (cfg->ready_file) {
		FILE *f = fopen(cfg->ready_file, "w");
		if (f) {
			fprintf(f, "http://%s:%u\n", cfg->listen_host,
				info ? (unsigned)info->port : (unsigned)cfg->port);
			fclose(f);
		}
	}
	do {
		if (sigwait(&stop, &sig))
			break;
	} while (sig == SIGPIPE);
	/* Graceful: take no new connections, let the requests in flight finish. */
	fprintf(stderr, "jeugdroute: serve: stoppen (%s); lopende aanvragen maken af\n",
		sig == SIGINT ? "SIGINT" : "SIGTERM");
	MHD_quiesce_daemon(sv->daemon);
	for (int i = 0; i < DRAIN_SECONDS * 100 && atomic_load(&sv->in_flight) > 0; i++) {
		struct timespec ten_ms = {0, 10 * 1000 * 1000};
		nanosleep(&ten_ms, NULL);
	}
	MHD_stop_daemon(sv->daemon);
	the_server = NULL;
out_key:
	pthread_key_delete(sv->store_key);
out:
	jr_store_close(sv->shared);
	pthread_mutex_destroy(&sv->sqlite_writer);
	jr_free(sv);
	return err;
}
