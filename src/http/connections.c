/* connections: limits per client address and deadlines per request (connections.h). */
#include "http/connections.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "core/alloc.h"

#define ADDRESS_SLOTS 4096 /* addresses with open connections (open addressing) */

enum phase { HEAD, BODY, ANSWERING };

struct jr_connection {
	int fd;
	enum phase phase;
	time_t since; /* when the current phase began (CLOCK_MONOTONIC seconds) */
	bool expired; /* shut down already */
	bool counted; /* in its address's count (jr_connections_admit) */
	char address[64];
	struct jr_connection *prev, *next;
};

struct address_count {
	char address[64]; /* "" = empty */
	unsigned count;
};

struct jr_connections {
	pthread_mutex_t lock;
	pthread_cond_t wake;
	pthread_t thread;
	bool stop, started;
	unsigned per_address;
	time_t head_seconds, body_seconds;
	char exempt[64];
	struct jr_connection *head;
	struct address_count addresses[ADDRESS_SLOTS];
	atomic_ullong expired, refused;
};

static time_t now_seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec;
}

/* The slot of `address` (found or, with `add`, claimed); NULL when absent. A slot whose count
 * fell to 0 keeps its address (so that probing goes on past it) and is reused by the next new
 * address; the table has more slots than the server has connections, so it never fills with
 * live ones. */
static struct address_count *slot_of(struct jr_connections *cs, const char *address, bool add)
{
	struct address_count *reusable = NULL;
	unsigned h = 2166136261u;

	for (const char *p = address; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	for (size_t i = 0; i < ADDRESS_SLOTS; i++) {
		struct address_count *a = &cs->addresses[(h + i) % ADDRESS_SLOTS];
		if (!a->address[0]) {
			if (!add)
				return NULL;
			if (!reusable)
				reusable = a;
			break;
		}
		if (strcmp(a->address, address) == 0)
			return a;
		if (!a->count && !reusable)
			reusable = a;
	}
	if (!add || !reusable)
		return NULL;
	snprintf(reusable->address, sizeof(reusable->address), "%s", address);
	reusable->count = 0;
	return reusable;
}

/* Shuts down the sockets past their deadline. */
static void *watch(void *arg)
{
	struct jr_connections *cs = arg;

	pthread_mutex_lock(&cs->lock);
	while (!cs->stop) {
		struct timespec until;
		time_t now = now_seconds();
		for (struct jr_connection *c = cs->head; c; c = c->next) {
			time_t limit = c->phase == HEAD   ? cs->head_seconds
				       : c->phase == BODY ? cs->body_seconds
							  : 0;
			if (!limit || c->expired || now - c->since < limit)
				continue;
			/* libmicrohttpd sees the end of the stream and closes the connection; the
			 * socket stays open (and this fd valid) until it reports it closed, which
			 * takes this lock */
			shutdown(c->fd, SHUT_RDWR);
			c->expired = true;
			atomic_fetch_add(&cs->expired, 1);
		}
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += 1;
		pthread_cond_timedwait(&cs->wake, &cs->lock, &until);
	}
	pthread_mutex_unlock(&cs->lock);
	return NULL;
}

enum jr_err jr_connections_start(unsigned per_address, const char *exempt, unsigned head_seconds,
				 unsigned body_seconds, struct jr_connections **out)
{
	struct jr_connections *cs = jr_calloc(1, sizeof(*cs));

	*out = NULL;
	if (!cs)
		return JR_ERR_NOMEM;
	cs->per_address = per_address;
	cs->head_seconds = head_seconds ? head_seconds : JR_HTTP_HEAD_SECONDS;
	cs->body_seconds = body_seconds ? body_seconds : JR_HTTP_BODY_SECONDS;
	snprintf(cs->exempt, sizeof(cs->exempt), "%s", exempt ? exempt : "");
	pthread_mutex_init(&cs->lock, NULL);
	pthread_cond_init(&cs->wake, NULL);
	if (pthread_create(&cs->thread, NULL, watch, cs)) {
		jr_connections_stop(cs);
		return JR_ERR_NOMEM;
	}
	cs->started = true;
	*out = cs;
	return JR_OK;
}

void jr_connections_stop(struct jr_connections *cs)
{
	if (!cs)
		return;
	if (cs->started) {
		pthread_mutex_lock(&cs->lock);
		cs->stop = true;
		pthread_cond_signal(&cs->wake);
		pthread_mutex_unlock(&cs->lock);
		pthread_join(cs->thread, NULL);
	}
	while (cs->head) {
		struct jr_connection *c = cs->head;
		cs->head = c->next;
		jr_free(c);
	}
	pthread_cond_destroy(&cs->wake);
	pthread_mutex_destroy(&cs->lock);
	jr_free(cs);
}

bool jr_connections_admit(struct jr_connections *cs, const char *address)
{
	struct address_count *a;
	bool ok;

	if (cs->exempt[0] && strcmp(address, cs->exempt) == 0)
		return true;
	/* counted here, under the lock, not when the connection is reported opened: the worker
	 * threads accept at the same time, and two of them must not both see room for one */
	pthread_mutex_lock(&cs->lock);
	a = slot_of(cs, address, true);
	ok = !a || a->count < cs->per_address;
	if (ok && a)
		a->count++;
	pthread_mutex_unlock(&cs->lock);
	if (!ok)
		atomic_fetch_add(&cs->refused, 1);
	return ok;
}

struct jr_connection *jr_connections_opened(struct jr_connections *cs, int fd,
					    const char *address)
{
	struct jr_connection *c = jr_calloc(1, sizeof(*c));

	if (!c)
		return NULL;
	c->fd = fd;
	c->phase = HEAD;
	c->since = now_seconds();
	snprintf(c->address, sizeof(c->address), "%s", address);
	pthread_mutex_lock(&cs->lock);
	c->next = cs->head;
	if (cs->head)
		cs->head->prev = c;
	cs->head = c;
	/* counted by jr_connections_admit; the exempt address is not counted at all */
	c->counted = !(cs->exempt[0] && strcmp(address, cs->exempt) == 0);
	pthread_mutex_unlock(&cs->lock);
	return c;
}

static void enter(struct jr_connections *cs, struct jr_connection *c, enum phase phase)
{
	if (!c)
		return;
	pthread_mutex_lock(&cs->lock);
	c->phase = phase;
	c->since = now_seconds();
	pthread_mutex_unlock(&cs->lock);
}

void jr_connections_head(struct jr_connections *cs, struct jr_connection *c)
{
	enter(cs, c, BODY);
}

void jr_connections_body(struct jr_connections *cs, struct jr_connection *c)
{
	enter(cs, c, ANSWERING);
}

void jr_connections_answered(struct jr_connections *cs, struct jr_connection *c)
{
	enter(cs, c, HEAD);
}

void jr_connections_closed(struct jr_connections *cs, struct jr_connection *c)
{
	struct address_count *a;

	if (!c)
		return;
	pthread_mutex_lock(&cs->lock);
	if (c->prev)
		c->prev->next = c->next;
	else
		cs->head = c->next;
	if (c->next)
		c->next->prev = c->prev;
	if (c->counted && (a = slot_of(cs, c->address, false)) && a->count)
		a->count--;
	pthread_mutex_unlock(&cs->lock);
	jr_free(c);
}

unsigned long long jr_connections_expired(const struct jr_connections *cs)
{
	return cs ? atomic_load(&cs->expired) : 0;
}

unsigned long long jr_connections_refused(const struct jr_connections *cs)
{
	return cs ? atomic_load(&cs->refused) : 0;
}
