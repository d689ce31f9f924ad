/* checkpointer: a thread that signs the end of the audit chain now and then (checkpointer.h). */
#include "http/checkpointer.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <time.h>

#include "app/audit.h"
#include "core/alloc.h"

struct jr_checkpointer {
	struct jr_store *store;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	bool stop;
};

/* Signs the end of the chain when it moved (or `always`); says on stderr why not. */
static void checkpoint(struct jr_checkpointer *c, bool always)
{
	struct jr_diag diag = {0};
	struct jr_app app = {.store = c->store, .diag = &diag};

	if (jr_app_audit_checkpoint(&app, always))
		fprintf(stderr, "jeugdroute: serve: auditlog: controlepunt niet geschreven: %s\n",
			diag.message);
}

static void *run(void *arg)
{
	struct jr_checkpointer *c = arg;
	struct timespec until;
	unsigned second = 0;

	pthread_mutex_lock(&c->lock);
	while (!c->stop) {
		clock_gettime(CLOCK_MONOTONIC, &until);
		until.tv_sec += 1;
		while (!c->stop && pthread_cond_timedwait(&c->wake, &c->lock, &until) != ETIMEDOUT)
			;
		if (c->stop)
			break;
		pthread_mutex_unlock(&c->lock);
		/* every second SQLite's log into the database file, which the requests' connection
		 * leaves to this thread (server.c); a failure only leaves the log longer */
		(void)jr_store_wal_checkpoint(c->store);
		if (++second % JR_CHECKPOINT_SECONDS == 0)
			checkpoint(c, false);
		pthread_mutex_lock(&c->lock);
	}
	pthread_mutex_unlock(&c->lock);
	return NULL;
}

enum jr_err jr_checkpointer_start(const char *db_url, const struct jr_store_files *files,
				  struct jr_checkpointer **out, char *msg, size_t cap)
{
	struct jr_checkpointer *c = jr_calloc(1, sizeof(*c));
	pthread_condattr_t attr;
	struct jr_diag diag = {0};
	struct jr_app app = {.diag = &diag};
	enum jr_err err = JR_OK;

	*out = NULL;
	if (!c)
		return JR_ERR_NOMEM;
	if ((err = jr_store_open_files(db_url, files, false, &c->store, &diag))) {
		snprintf(msg, cap, "%s", diag.message);
		jr_free(c);
		return err;
	}
	/* the end as the server found it: what came before this server is attested too */
	app.store = c->store;
	if ((err = jr_app_audit_checkpoint(&app, true))) {
		snprintf(msg, cap, "auditlog: controlepunt: %s", diag.message);
		goto fail;
	}
	pthread_mutex_init(&c->lock, NULL);
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&c->wake, &attr);
	pthread_condattr_destroy(&attr);
	if (pthread_create(&c->thread, NULL, run, c)) {
		pthread_cond_destroy(&c->wake);
		pthread_mutex_destroy(&c->lock);
		snprintf(msg, cap, "auditlog: de draad voor controlepunten start niet");
		err = JR_ERR_NOMEM;
		goto fail;
	}
	*out = c;
	return JR_OK;
fail:
	jr_store_close(c->store);
	jr_free(c);
	return err;
}

void jr_checkpointer_stop(struct jr_checkpointer *c)
{
	if (!c)
		return;
	pthread_mutex_lock(&c->lock);
	c->stop = true;
	pthread_cond_signal(&c->wake);
	pthread_mutex_unlock(&c->lock);
	pthread_join(c->thread, NULL);
	checkpoint(c, true);
	jr_store_close(c->store);
	pthread_cond_destroy(&c->wake);
	pthread_mutex_destroy(&c->lock);
	jr_free(c);
}
