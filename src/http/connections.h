/* connections: the server's watch over its connections — at most so many per client address,
 * and deadlines that a slow client cannot stretch (a request's head must arrive whole within
 * JR_HTTP_HEAD_SECONDS of the connection opening or of the previous answer, its body within
 * JR_HTTP_BODY_SECONDS of the head). libmicrohttpd's own timeout counts idleness only: a client
 * that sends a byte every few seconds would keep a connection, and a worker's slot, for ever.
 *
 * server.c reports each connection's life (opened, head complete, body complete, answered,
 * closed); a thread looks every second and shuts down the sockets past their deadline, after
 * which libmicrohttpd closes them as if the client had left. The deadlines are the defaults
 * below unless the server is given others (--request-timeout). */
#ifndef JR_HTTP_CONNECTIONS_H
#define JR_HTTP_CONNECTIONS_H

#include <stdbool.h>

#include "core/err.h"

#define JR_HTTP_HEAD_SECONDS 30
#define JR_HTTP_BODY_SECONDS 60

struct jr_connections;
struct jr_connection; /* one tracked connection (libmicrohttpd's socket context) */

/* Starts the watch: `per_address` connections at most from one address (but `exempt`, a trusted
 * proxy's address, or NULL); a head must arrive within `head_seconds`, a body within
 * `body_seconds`. */
enum jr_err jr_connections_start(unsigned per_address, const char *exempt, unsigned head_seconds,
				 unsigned body_seconds, struct jr_connections **out);
/* Stops the watching thread and frees everything; the connections must all be closed. */
void jr_connections_stop(struct jr_connections *cs);

/* Whether a new connection from `address` may be accepted (below the limit per address); when
 * it may, it is counted at once (jr_connections_closed uncounts it). A connection that
 * libmicrohttpd then fails to set up before reporting it opened stays counted: only when memory
 * runs out. */
bool jr_connections_admit(struct jr_connections *cs, const char *address);
/* A connection was opened on socket `fd` from `address` (admitted before); NULL when out of
 * memory (then it is not watched, and its count stays). */
struct jr_connection *jr_connections_opened(struct jr_connections *cs, int fd,
					    const char *address);
/* The request's head arrived whole (its body's deadline starts). */
void jr_connections_head(struct jr_connections *cs, struct jr_connection *c);
/* The request's body arrived whole: no deadline while it is being answered. */
void jr_connections_body(struct jr_connections *cs, struct jr_connection *c);
/* The answer was sent: the next request's head has its deadline from now. */
void jr_connections_answered(struct jr_connections *cs, struct jr_connection *c);
/* The connection was closed (frees c). */
void jr_connections_closed(struct jr_connections *cs, struct jr_connection *c);
/* Connections shut down for a missed deadline, and refused for the limit per address, since
 * the start (for /metrics). */
unsigned long long jr_connections_expired(const struct jr_connections *cs);
unsigned long long jr_connections_refused(const struct jr_connections *cs);

#endif
