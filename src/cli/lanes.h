/* lanes: a block of JSON Lines cut at line ends into parts of about equal size, and the parts
 * worked at once, each on a thread of its own (`jeugdroute route --batch` and `jeugdroute
 * scenario --requests`; the work per line is the caller's). */
#ifndef JR_CLI_LANES_H
#define JR_CLI_LANES_H

#include <stdbool.h>
#include <stddef.h>

#define JR_CLI_LANES_MAX 64

/* Cuts data[0..len) into `count` (1..JR_CLI_LANES_MAX) parts that end at a line end (the last
 * takes what is left): part i is data[at[i] .. at[i + 1]); `at` holds count + 1 offsets. */
void jr_cli_lanes_cut(const char *data, size_t len, int count, size_t *at);

/* Calls run(arg[0]) here, and run(arg[i]) for every other i < count with busy[i] on a thread
 * of its own, or here when no thread is to be had; returns when every call has returned. */
void jr_cli_lanes_run(void *(*run)(void *), void *const *arg, const bool *busy, int count);

#endif
