/* checkpointer: the server's signed checkpoints of the audit chain (store/audit_key.h).
 *
 * A thread with its own store connection (the workers' connections are busy, and on SQLite the
 * one shared connection is theirs): it signs the end of the chain when the server starts, every
 * JR_CHECKPOINT_SECONDS while the end moves, and once more when the server stops. A failure is
 * said on stderr and tried again at the next tick: the server keeps serving. On SQLite it also
 * copies the write-ahead log into the database file every second, which the requests'
 * connection leaves to it (store.h, jr_store_defer_wal_checkpoints). */
#ifndef JR_HTTP_CHECKPOINTER_H
#define JR_HTTP_CHECKPOINTER_H

#include <stddef.h>

#include "core/err.h"

struct jr_store_files;
struct jr_checkpointer;

#define JR_CHECKPOINT_SECONDS 5

/* Opens a store on `db_url` with `files`, signs a first checkpoint and starts the thread.
 * JR_ERR_STORE (with msg) when the store does not open or the checkpoint cannot be written. */
enum jr_err jr_checkpointer_start(const char *db_url, const struct jr_store_files *files,
				  struct jr_checkpointer **out, char *msg, size_t cap);
/* Stops the thread, signs a last checkpoint (after the workers stopped) and frees it all;
 * NULL is a no-op. */
void jr_checkpointer_stop(struct jr_checkpointer *c);

#endif
