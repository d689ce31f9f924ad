/* alloc: the allocation wrappers every module uses, so that tests can make the n-th allocation fail.
 *
 * jr_malloc/jr_calloc/jr_realloc behave like their libc twins but fail on purpose when a failure has
 * been armed with jr_alloc_fail_after(). jr_free accepts NULL. JR_FREE(p) frees and sets p to NULL. */
#ifndef JR_CORE_ALLOC_H
#define JR_CORE_ALLOC_H

#include <stddef.h>

void *jr_malloc(size_t size);
void *jr_calloc(size_t count, size_t size);
void *jr_realloc(void *ptr, size_t size);
void jr_free(void *ptr);

#define JR_FREE(p)                                                                                 \
	do {                                                                                       \
		jr_free(p);                                                                        \
		(p) = NULL;                                                                        \
	} while (0)

/* The number of allocations that have failed in this thread. A caller that hands allocation to a
 * library which reports failures as something else (jansson reports some as syntax errors)
 * compares this before and after the call. */
unsigned long jr_alloc_failure_count(void);

/* Test hook: after `n` more successful allocations, every allocation fails until reset with a
 * negative n (the default). Not thread-safe; meant for single-threaded unit tests only. */
void jr_alloc_fail_after(long n);

#endif
