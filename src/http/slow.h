/* slow: a few threads for work that must not hold a server worker — a password check costs
 * tens of milliseconds of processor time and 64 MiB, and a libmicrohttpd worker thread serves
 * many connections: while it hashed, every other request on it would wait. The worker hands the
 * work over, suspends the connection and goes on with the others; the work, once done, resumes
 * the connection (server.c). The queue is bounded: when it is full, the request is answered at
 * once (503) instead of waiting. */
#ifndef JR_HTTP_SLOW_H
#define JR_HTTP_SLOW_H

#include <stdbool.h>
#include <stddef.h>

#include "core/err.h"

struct jr_slow;

/* The work: runs on one of the pool's threads. */
typedef void (*jr_slow_fn)(void *arg);

/* Starts `threads` threads (at least 1) with room for `queue` waiting jobs. */
enum jr_err jr_slow_start(unsigned threads, size_t queue, struct jr_slow **out);
/* Queues fn(arg); false when the queue is full or the pool stops (fn is then not called). */
bool jr_slow_submit(struct jr_slow *p, jr_slow_fn fn, void *arg);
/* Runs what is queued, stops the threads and frees the pool. */
void jr_slow_stop(struct jr_slow *p);

#endif
