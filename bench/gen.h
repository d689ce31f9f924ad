/* gen: the benchmark's request generator, shared by gen_requests (JSON Lines on disk for
 * bench/route.sh) and bench_route_core (the same requests parsed in memory).
 *
 * Deterministic: a fixed seed and one PRNG stream, so line n is the same in every run and in both
 * programs. Every generated request is valid under docs/routing.md for the date 2026-11-23. */
#ifndef JR_BENCH_GEN_H
#define JR_BENCH_GEN_H

#include <stddef.h>
#include <stdint.h>

#define JR_BENCH_TODAY "2026-11-23"
#define JR_BENCH_SEED UINT64_C(0x6a65756764726f75) /* "jeugdrou" */
#define JR_BENCH_LINE_MAX 4096 /* a generated line is well under 2 KiB */

struct jr_bench_gen {
	uint64_t state;
	int32_t today; /* jr_day of JR_BENCH_TODAY */
};

void jr_bench_gen_init(struct jr_bench_gen *g);

/* Writes request number `index` (its id) as one JSON line, '\n' included and NUL-terminated,
 * into buf (at least JR_BENCH_LINE_MAX bytes). Returns the length without the NUL. Call with
 * index 0, 1, 2, ... in order: the PRNG stream advances with each call. */
size_t jr_bench_gen_line(struct jr_bench_gen *g, unsigned long index, char *buf, size_t cap);

#endif
