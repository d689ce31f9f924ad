/* route_core: in-process routing decisions per second on one core, without JSON.
 *
 * Generates the same requests as bench_gen_requests (bench/gen.c), parses them once with
 * jr_request_parse, then times only jr_route calls: repeated passes over the request array for
 * at least SECONDS per round, three rounds, with CLOCK_MONOTONIC. A checksum over the answers
 * keeps the compiler from dropping the work.
 *
 * Usage: bench_route_core [COUNT [SECONDS]]   (defaults 100000 requests, 2 seconds per round) */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/date.h"
#include "core/policy.h"
#include "core/route.h"
#include "gen.h"
#include "json/policy_json.h"
#include "json/request_json.h"

#define ROUNDS 3

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static unsigned long parse_count(const char *s, const char *what)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || end == s || *end || s[0] == '-' || v == 0) {
		fprintf(stderr, "bench_route_core: %s \"%s\" is not a positive number\n", what, s);
		exit(2);
	}
	return v;
}

static struct jr_policy *load_policy(const char *name)
{
	char path[1024];
	struct jr_policy *p = calloc(1, sizeof(*p));
	struct jr_diag diag;

	snprintf(path, sizeof(path), "%s/%s", JR_DEFAULT_POLICY_DIR, name);
	if (!p || jr_policy_load_file(path, p, &diag)) {
		fprintf(stderr, "bench_route_core: %s: %s: %s\n", path, p ? diag.path : "",
			p ? diag.message : "out of memory");
		exit(1);
	}
	return p;
}

/* One pass of jr_route over every request; returns the checksum of the answers. */
static unsigned long long pass(const struct jr_policy *const *pol, const struct jr_request *reqs,
			       size_t n, struct jr_answer *ans, size_t *errors)
{
	unsigned long long sum = 0;

	for (size_t i = 0; i < n; i++) {
		if (jr_route(pol[i], &reqs[i], ans) != JR_OK) {
			(*errors)++;
			continue;
		}
		sum += ans->option_count * 131u + ans->signal_count * 7u + ans->warning_count +
		       (unsigned)ans->eligible + (unsigned)ans->framework * 3u;
		if (ans->option_count)
			sum += (unsigned)ans->options[0].form * 17u + (unsigned)ans->options[0].kind;
	}
	return sum;
}

int main(int argc, char **argv)
{
	unsigned long count = argc > 1 ? parse_count(argv[1], "COUNT") : 100000;
	double min_seconds = argc > 2 ? (double)parse_count(argv[2], "SECONDS") : 2.0;
	struct jr_policy *twente, *amersfoort;
	struct jr_request *reqs;
	const struct jr_policy **pol;
	struct jr_answer *ans;
	struct jr_bench_gen g;
	char line[JR_BENCH_LINE_MAX];
	double rates[ROUNDS];
	size_t errors = 0, ineligible = 0, first_kind[JR_OPTION_KIND_COUNT] = {0}, with_care = 0;
	size_t total_options = 0;
	unsigned long long checksum = 0;

	if (argc > 3) {
		fputs("usage: bench_route_core [COUNT [SECONDS]]\n", stderr);
		return 2;
	}
	twente = load_policy("twente.json");
	amersfoort = load_policy("amersfoort.json");
	reqs = calloc(count, sizeof(*reqs));
	pol = calloc(count, sizeof(*pol));
	ans = calloc(1, sizeof(*ans));
	if (!reqs || !pol || !ans) {
		fputs("bench_route_core: out of memory\n", stderr);
		return 1;
	}

	/* Setup, not timed: generate, parse and pick the region of every request. */
	jr_bench_gen_init(&g);
	for (unsigned long i = 0; i < count; i++) {
		size_t len = jr_bench_gen_line(&g, i, line, sizeof(line));
		struct jr_diag diag;
		if (jr_request_parse(line, len, g.today, &reqs[i], &diag) != JR_OK) {
			fprintf(stderr, "bench_route_core: request %lu: %s: %s\n", i, diag.path,
				diag.message);
			return 1;
		}
		pol[i] = jr_policy_municipality(twente, reqs[i].municipality) ? twente : amersfoort;
	}

	/* The answer mix (also the warm-up pass). */
	for (unsigned long i = 0; i < count; i++) {
		const struct jr_option *care;
		if (jr_route(pol[i], &reqs[i], ans) != JR_OK) {
			errors++;
			continue;
		}
		if (!ans->eligible) {
			ineligible++;
			continue;
		}
		total_options += ans->option_count;
		if (ans->option_count)
			first_kind[ans->options[0].kind]++;
		care = jr_answer_first_youth_care(ans);
		with_care += care != NULL;
	}
	printf("bench_route_core: %lu requests (struct jr_request %zu B, jr_answer %zu B, "
	       "jr_policy %zu B), regions Twente and Amersfoort\n",
	       count, sizeof(struct jr_request), sizeof(struct jr_answer), sizeof(struct jr_policy));
	printf("answer mix: %.1f%% not eligible; of the eligible, first option social_base "
	       "%.1f%%, no_referral %.1f%%, coordination %.1f%%, youth_care %.1f%%, "
	       "other_domain %.1f%%; "
	       "%.1f%% with a youth-care option; %.1f options on average; %zu routing errors\n",
	       100.0 * (double)ineligible / (double)count,
	       100.0 * (double)first_kind[JR_OPTION_SOCIAL_BASE] / (double)(count - ineligible),
	       100.0 * (double)first_kind[JR_OPTION_NO_REFERRAL] / (double)(count - ineligible),
	       100.0 * (double)first_kind[JR_OPTION_COORDINATION] / (double)(count - ineligible),
	       100.0 * (double)first_kind[JR_OPTION_YOUTH_CARE] / (double)(count - ineligible),
	       100.0 * (double)first_kind[JR_OPTION_OTHER_DOMAIN] / (double)(count - ineligible),
	       100.0 * (double)with_care / (double)(count - ineligible),
	       (double)total_options / (double)(count - ineligible), errors);

	/* Timed: only jr_route. */
	for (int r = 0; r < ROUNDS; r++) {
		unsigned long long decisions = 0;
		double start = now_seconds(), elapsed;
		do {
			checksum += pass(pol, reqs, count, ans, &errors);
			decisions += count;
			elapsed = now_seconds() - start;
		} while (elapsed < min_seconds);
		rates[r] = (double)decisions / elapsed;
		printf("round %d: %llu decisions in %.3f s = %.0f decisions/s (%.0f ns each)\n",
		       r + 1, decisions, elapsed, rates[r], 1e9 * elapsed / (double)decisions);
	}
	qsort(rates, ROUNDS, sizeof(rates[0]), cmp_double);
	printf("decisions/s on one core: best %.0f, median %.0f\n", rates[ROUNDS - 1],
	       rates[ROUNDS / 2]);
	printf("checksum %llu, errors %zu\n", checksum, errors);
	free(ans);
	free(pol);
	free(reqs);
	free(amersfoort);
	free(twente);
	return errors ? 1 : 0;
}
