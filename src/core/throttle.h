/* throttle: failures counted per key, and the wait they impose before the next attempt — the
 * arithmetic of login throttling (app/login.c), without I/O, clocks or locks: the caller passes
 * the time and holds the lock.
 *
 * A key is a 64-bit number the caller derives (a keyed hash of a login name, a client address,
 * or both); 0 is never a key. The table has a fixed size: a key is kept in one of a few slots
 * near its hash, and when they are all taken the one whose last failure is oldest makes room, so
 * memory stays bounded whatever an attacker sends. A key whose last failure is older than its
 * rule's `forget_after` counts as new. */
#ifndef JR_CORE_THROTTLE_H
#define JR_CORE_THROTTLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

/* How failures turn into waits. */
struct jr_throttle_rule {
	unsigned free;        /* failures before the first wait */
	int64_t first_delay;  /* seconds of the first wait; every further failure doubles it */
	int64_t max_delay;    /* … up to this */
	int64_t forget_after; /* seconds after the last failure when the key starts afresh */
};

struct jr_throttle_slot {
	uint64_t key; /* 0 = empty */
	uint32_t failures;
	int64_t last;  /* the time of the last failure */
	int64_t until; /* no attempt before this time */
	int64_t noted; /* when a refusal of this key was last noted (jr_throttle_note) */
};

struct jr_throttle {
	struct jr_throttle_slot *slots;
	size_t cap; /* a power of two */
};

/* Makes a table of `cap` slots (rounded up to a power of two, at least 64). */
enum jr_err jr_throttle_init(struct jr_throttle *t, size_t cap);
void jr_throttle_release(struct jr_throttle *t);

/* Seconds before `key` may try again at time `now`; 0 when it may try now. */
int64_t jr_throttle_wait(const struct jr_throttle *t, const struct jr_throttle_rule *rule,
			 uint64_t key, int64_t now);
/* The failures of `key` counted and not yet forgotten at `now`. */
unsigned jr_throttle_failures(const struct jr_throttle *t, const struct jr_throttle_rule *rule,
			      uint64_t key, int64_t now);
/* Counts one failure of `key` at `now` and sets its wait by `rule`; returns the failures so
 * far. */
unsigned jr_throttle_fail(struct jr_throttle *t, const struct jr_throttle_rule *rule, uint64_t key,
			  int64_t now);
/* Whether a refusal of `key` at `now` should be noted (written down): the first, and then at
 * most one every `every` seconds, so that a stream of refused attempts writes little. False for
 * a key that has no failures. */
bool jr_throttle_note(struct jr_throttle *t, uint64_t key, int64_t now, int64_t every);
/* Forgets `key` (after a successful attempt). */
void jr_throttle_forget(struct jr_throttle *t, uint64_t key);

#endif
