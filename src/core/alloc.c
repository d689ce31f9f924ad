/* alloc: libc allocation behind a failure-injection counter (see alloc.h). */
#include "core/alloc.h"

#include <stdlib.h>

static long fail_after = -1; /* < 0: never fail */
static _Thread_local unsigned long failures;

unsigned long jr_alloc_failure_count(void)
{
	return failures;
}

static void *counted(void *p)
{
	if (!p)
		failures++;
	return p;
}

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
		return counted(NULL);
	return counted(malloc(size ? size : 1));
}

void *jr_calloc(size_t count, size_t size)
{
	if (should_fail())
		return counted(NULL);
	return counted(calloc(count ? count : 1, size ? size : 1));
}

void *jr_realloc(void *ptr, size_t size)
{
	if (should_fail())
		return counted(NULL);
	return counted(realloc(ptr, size ? size : 1));
}

void jr_free(void *ptr)
{
	free(ptr);
}
