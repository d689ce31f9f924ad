/* alloc: libc allocation behind a failure-injection counter (see alloc.h). */
#include "core/alloc.h"

#include <stdlib.h>

static long fail_after = -1; /* < 0: never fail */

static int should_fail(void)
{
	if (fail_after < 0)
		return 0;
	if (fail_after == 0)
		return 1;
	fail_after--;
	return 0;
}

void jr_alloc_fail_after(long n)
{
	fail_after = n;
}

void *jr_malloc(size_t size)
{
	if (should_fail())
		return NULL;
	return malloc(size ? size : 1);
}

void *jr_calloc(size_t count, size_t size)
{
	if (should_fail())
		return NULL;
	return calloc(count ? count : 1, size ? size : 1);
}

void *jr_realloc(void *ptr, size_t size)
{
	if (should_fail())
		return NULL;
	return realloc(ptr, size ? size : 1);
}

void jr_free(void *ptr)
{
	free(ptr);
}
