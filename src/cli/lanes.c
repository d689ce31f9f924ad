/* lanes: see lanes.h. */
#include "cli/lanes.h"

#include <pthread.h>
#include <string.h>

void jr_cli_lanes_cut(const char *data, size_t len, int count, size_t *at)
{
	size_t start = 0;

	for (int i = 0; i < count; i++) {
		size_t cut = start + (len - start) / (size_t)(count - i), stop = len;
		const char *nl = cut < len && i < count - 1 ? memchr(data + cut, '\n', len - cut) : NULL;
		if (i < count - 1)
			stop = nl ? (size_t)(nl - data) + 1 : len;
		at[i] = start;
		start = stop;
	}
	at[count] = len;
}

void jr_cli_lanes_run(void *(*run)(void *), void *const *arg, const bool *busy, int count)
{
	pthread_t tids[JR_CLI_LANES_MAX];
	bool started[JR_CLI_LANES_MAX] = {false};

	for (int i = 1; i < count; i++)
		if (busy[i])
			started[i] = pthread_create(&tids[i], NULL, run, arg[i]) == 0;
	run(arg[0]);
	for (int i = 1; i < count; i++) {
		if (started[i])
			pthread_join(tids[i], NULL);
		else if (busy[i])
			run(arg[i]); /* no thread to be had: worked here */
	}
}
