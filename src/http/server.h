/* server: `jeugdroute serve` — the HTTP server on libmicrohttpd.
 *
 * A thread pool answers requests; every worker thread opens its own store connection on first
 * use (one database connection per worker). A request is answered on a later callback than the
 * first, after its whole body has arrived, so keep-alive works. Limits: body JR_HTTP_BODY_MAX,
 * 64 headers, 32 KiB of request head, 30 s of idleness per connection, a deadline for a
 * request's head and one for its body, and a number of connections per client address
 * (connections.h). SIGTERM or SIGINT stops
 * taking new connections, lets the requests in flight finish (at most 10 s) and then stops. A
 * checkpointer thread signs the end of the audit chain at the start, every few seconds while it
 * moves, and at the stop (checkpointer.h). */
#ifndef JR_HTTP_SERVER_H
#define JR_HTTP_SERVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

struct jr_policy_set;

struct jr_server_config {
	const char *listen_host; /* "127.0.0.1" */
	uint16_t port;           /* 0 = any free port (the tests) */
	const char *db_url;
	const char *key_file;
	const char *audit_key_file;  /* NULL: beside key_file (store.h, jr_store_files) */
	const char *checkpoint_file; /* NULL: beside key_file */
	const struct jr_policy_set *policies;
	const char *web_dir;   /* the browser UI's files, or NULL */
	unsigned threads;      /* worker threads, at least 2 */
	const char *ready_file; /* when set, the URL is written there once listening (the tests) */
	const char *metrics_host; /* /metrics on a listener of its own (host, port); NULL: none */
	uint16_t metrics_port;
	bool secure_cookies;       /* the session cookie is Secure (served behind HTTPS) */
	bool second_factor_required; /* --second-factor required: the roles that see personal data
				      * (app/second_factor.h) must enrol before anything else */
	const char *trusted_proxy; /* a reverse proxy's address whose X-Forwarded-For/-Proto count */
	unsigned per_address;      /* connections at most from one client address (0: 256) */
	unsigned request_timeout;  /* seconds for a request's head, twice that for its body (0:
				    * JR_HTTP_HEAD_SECONDS and JR_HTTP_BODY_SECONDS) */
};

struct jr_buf;
/* Appends the server's counters in the Prometheus text format (for GET /metrics). */
void jr_server_metrics(struct jr_buf *out);

/* Runs until SIGTERM or SIGINT. Prints "luistert op http://host:port" on stdout when ready.
 * JR_ERR_IO when the address cannot be bound, JR_ERR_STORE when the database cannot be used. */
enum jr_err jr_server_run(const struct jr_server_config *cfg, char *errmsg, size_t errlen);

#endif
