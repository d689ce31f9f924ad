/* gen_requests: writes N deterministic, varied, valid routing requests as JSON Lines, for
 * bench/route.sh. Usage: bench_gen_requests N OUT.jsonl (OUT "-" = stdout). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

int main(int argc, char **argv)
{
	struct jr_bench_gen g;
	char line[JR_BENCH_LINE_MAX];
	unsigned long n;
	char *end;
	FILE *out;

	if (argc != 3) {
		fputs("usage: bench_gen_requests N OUT.jsonl\n", stderr);
		return 2;
	}
	errno = 0;
	n = strtoul(argv[1], &end, 10);
	if (errno || end == argv[1] || *end || argv[1][0] == '-') {
		fprintf(stderr, "bench_gen_requests: N \"%s\" is not a count\n", argv[1]);
		return 2;
	}
	out = strcmp(argv[2], "-") == 0 ? stdout : fopen(argv[2], "wb");
	if (!out) {
		fprintf(stderr, "bench_gen_requests: %s: %s\n", argv[2], strerror(errno));
		return 1;
	}
	jr_bench_gen_init(&g);
	for (unsigned long i = 0; i < n; i++) {
		size_t len = jr_bench_gen_line(&g, i, line, sizeof(line));
		if (fwrite(line, 1, len, out) != len)
			break;
	}
	if (ferror(out) | (out != stdout ? fclose(out) : fflush(out))) {
		fprintf(stderr, "bench_gen_requests: writing %s failed\n", argv[2]);
		return 1;
	}
	return 0;
}
