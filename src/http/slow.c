/* slow: a bounded queue and a few threads for work off the server's workers (slow.h). */
#include "http/slow.h"

#include <pthread.h>

#include "core/alloc.h"

#define THREADS_MAX 16

struct job {
	jr_slow_fn fn;
	void *arg;
};

struct jr_slow {
	pthread_mutex_t lock;
	pthread_cond_t ready;
	pthread_t threads[THREADS_MAX];
	unsigned started;
	struct job *queue; /* a ring of `cap` jobs */
	size_t cap, head, count;
	bool stop;
};

static void *run(void *arg)
{
	struct jr_slow *p = arg;

	pthread_mutex_lock(&p->lock);
	for (;;) {
		struct job j;
		while (!p->count && !p->stop)
			pthread_cond_wait(&p->ready, &p->lock);
		if (!p->count)
			break; /* stopping, and nothing left */
		j = p->queue[p->head];
		p->head = (p->head + 1) % p->cap;
		p->count--;
		pthread_mutex_unlock(&p->lock);
		j.fn(j.arg);
		pthread_mutex_lock(&p->lock);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

enum jr_err jr_slow_start(unsigned threads, size_t queue, struct jr_slow **out)
{
	struct jr_slow *p = jr_calloc(1, sizeof(*p));

	*out = NULL;
	if (!p)
		return JR_ERR_NOMEM;
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->ready, NULL);
	p->cap = queue ? queue : 1;
	p->queue = jr_calloc(p->cap, sizeof(*p->queue));
	if (!p->queue) {
		jr_slow_stop(p);
		return JR_ERR_NOMEM;
	}
	threads = threads < 1 ? 1 : threads > THREADS_MAX ? THREADS_MAX : threads;
	for (; p->started < threads; p->started++)
		if (pthread_create(&p->threads[p->started], NULL, run, p)) {
			jr_slow_stop(p);
			return JR_ERR_NOMEM;
		}
	*out = p;
	return JR_OK;
}

bool jr_slow_submit(struct jr_slow *p, jr_slow_fn fn, void *arg)
{
	bool ok;

	pthread_mutex_lock(&p->lock);
	ok = !p->stop && p->count < p->cap;
	if (ok) {
		p->queue[(p->head + p->count) % p->cap] = (struct job){fn, arg};
		p->count++;
		pthread_cond_signal(&p->ready);
	}
	pthread_mutex_unlock(&p->lock);
	return ok;
}

void jr_slow_stop(struct jr_slow *p)
{
	if (!p)
		return;
	pthread_mutex_lock(&p->lock);
	p->stop = true;
	pthread_cond_broadcast(&p->ready);
	pthread_mutex_unlock(&p->lock);
	for (unsigned i = 0; i < p->started; i++)
		pthread_join(p->threads[i], NULL);
	pthread_cond_destroy(&p->ready);
	pthread_mutex_destroy(&p->lock);
	jr_free(p->queue);
	jr_free(p);
}
