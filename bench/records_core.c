/* records_core: the record store benchmark of issue 3 §6 (bench/records.sh, docs/BENCHMARKS.md).
 *
 * Usage: bench_records DB KEY N [CSV]
 *
 * On an existing store (jeugdroute init, usually followed by jeugdroute demo):
 *   1. bulk insert: N fictitious persons (marked demo) with the first N valid BSNs (eleven-test)
 *      from BSN_START upwards, far below the demo's range at the top of the number space, through
 *      jr_store_person_add in jr_store_bulk_begin/end batches of BATCH; reports rows/s. Each add
 *      hashes and seals the BSN and writes an audit row, as in real use. With CSV, afterwards
 *      (not timed) writes the same rows in the column order of the persons table as CSV for the
 *      baseline import (bench/records.sh): the id the store gave, the BSN hash as hex (BLAKE2b,
 *      not the store's keyed hash), a 64-character hex stand-in for the sealed BSN, the names,
 *      birth date, municipality, demo, version, created_at, updated_at;
 *   2. look-ups: LOOKUPS jr_store_person_find_bsn of random BSNs inserted in step 1, each its
 *      own transaction with its audit write; p50/p99/max latency in microseconds;
 *   3. course reads, when the store holds help requests (the demo's): COURSES random help
 *      requests, each read as jr_store_help_request_get, jr_store_household_get of its household
 *      (when it has one) and jr_store_course_facts; p50/p99/max of the whole read and of each
 *      of the three calls.
 *
 * Latencies with CLOCK_MONOTONIC around each call. The random choices come from a splitmix64
 * generator with a fixed seed, so two runs on the same data make the same calls. Exits 2 on bad
 * arguments, 1 when the store fails (a BSN known already: use a fresh database). */
#include <errno.h>
#include <inttypes.h>
#include <sodium.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/course.h"
#include "core/date.h"
#include "core/err.h"
#include "core/ident.h"
#include "core/person.h"
#include "store/store.h"

#define BSN_START   100000000L /* the crash test's range starts here too */
#define BSN_LIMIT   1000000000L
#define N_MAX       5000000UL
#define BATCH       1000
#define LOOKUPS     10000
#define COURSES     2000
#define SEED        UINT64_C(20261123)

static const struct jr_actor actor = {
	.who = "bench_records",
	.origin = "bench",
	.reason = "benchmark (bench/records.sh)",
};

static const char *const given[] = {
	"Sanne", "Daan", "Lotte", "Bram", "Noor", "Sem", "Julia", "Luuk", "Fenna", "Thijs",
	"Mila", "Jesse", "Evi", "Ruben", "Tess", "Milan", "Zoë", "Stijn", "Lieke", "Niels",
};
static const char *const family[] = {
	"Jansen", "de Vries", "Bosman", "Wolters", "Kamphuis", "Nijhuis", "Oude Egbrink", "Smit",
	"ter Horst", "Brinkman", "Lammers", "Hofstede", "Groothuis", "Meijer", "Scholten", "Visser",
};
static const char *const municipalities[] = {
	"0141", "0147", "0153", "0158", "0163", "0164", "0168", "0173", "1735", "1742",
};
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static uint64_t splitmix64(uint64_t *state)
{
	uint64_t z = (*state += UINT64_C(0x9E3779B97F4A7C15));

	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

/* A uniform number in [0, n). */
static uint64_t below(uint64_t *state, uint64_t n)
{
	return splitmix64(state) % n;
}

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The p-th percentile (nearest rank) of n sorted values. */
static double percentile(const double *v, size_t n, double p)
{
	size_t rank = (size_t)((p / 100.0) * (double)n + 0.999999);

	if (rank < 1)
		rank = 1;
	if (rank > n)
		rank = n;
	return v[rank - 1];
}

/* Sorts the latencies and prints "label: n calls, p50 …, p99 …, max …, mean … us". */
static void report(const char *label, double *v, size_t n)
{
	double sum = 0;

	if (n == 0) {
		printf("%s: no calls\n", label);
		return;
	}
	for (size_t i = 0; i < n; i++)
		sum += v[i];
	qsort(v, n, sizeof(*v), cmp_double);
	printf("%s: %zu calls, p50 %.0f us, p99 %.0f us, max %.0f us, mean %.0f us\n", label, n,
	       percentile(v, n, 50), percentile(v, n, 99), v[n - 1], sum / (double)n);
}

/* Sets bsn to the first valid BSN at or after *next and moves *next past it. */
static bool next_bsn(long *next, char bsn[10])
{
	while (*next < BSN_LIMIT) {
		snprintf(bsn, 10, "%09ld", *next);
		(*next)++;
		if (jr_bsn_valid(bsn, 9))
			return true;
	}
	return false;
}

/* Row i's fields other than the BSN; the same for the same i in every run. */
static void make_person(size_t i, const char *bsn, struct jr_person *p)
{
	uint64_t r = SEED ^ ((uint64_t)i * UINT64_C(0x2545F4914F6CDD1D));

	memset(p, 0, sizeof(*p));
	memcpy(p->bsn, bsn, sizeof(p->bsn));
	snprintf(p->given_names, sizeof(p->given_names), "%s", given[below(&r, COUNT(given))]);
	snprintf(p->family_name, sizeof(p->family_name), "%s", family[below(&r, COUNT(family))]);
	p->birth_date = jr_date_from_ymd(2008 + (int)below(&r, 18), 1 + (int)below(&r, 12),
					 1 + (int)below(&r, 28));
	snprintf(p->municipality, sizeof(p->municipality), "%s",
		 municipalities[below(&r, COUNT(municipalities))]);
	p->demo = true;
}

static int fail(const char *what, enum jr_err err)
{
	fprintf(stderr, "bench_records: %s: %s\n", what, jr_err_name(err));
	return 1;
}

/* Step 1: the timed bulk insert; ids[i] gets row i's id. */
static int insert_persons(struct jr_store *s, size_t n, char (*bsns)[10], int64_t *ids)
{
	struct jr_person p;
	enum jr_err err;
	double start = now_us(), secs;

	for (size_t i = 0; i < n; i += BATCH) {
		size_t end = i + BATCH < n ? i + BATCH : n;

		if ((err = jr_store_bulk_begin(s)))
			return fail("bulk begin", err);
		for (size_t j = i; j < end; j++) {
			make_person(j, bsns[j], &p);
			if ((err = jr_store_person_add(s, &actor, &p))) {
				jr_store_bulk_end(s, false);
				return fail(err == JR_ERR_CONFLICT ? "person add (BSN known: fresh database?)"
								   : "person add",
					    err);
			}
			ids[j] = p.id;
		}
		if ((err = jr_store_bulk_end(s, true)))
			return fail("bulk end", err);
	}
	secs = (now_us() - start) / 1e6;
	printf("insert: %zu persons in %.3f s = %.0f rows/s (bulk batches of %d; each sealed, "
	       "hashed and audited)\n",
	       n, secs, (double)n / secs, BATCH);
	return 0;
}

/* Writes the rows of step 1 as CSV in the persons table's column order. */
static int write_csv(const char *path, size_t n, char (*bsns)[10], const int64_t *ids)
{
	FILE *f = fopen(path, "w");
	struct jr_person p;
	unsigned char hash[32], sealed[32];
	char hash_hex[65], sealed_hex[65], birth[JR_DATE_STRLEN], now[21];
	uint64_t r = SEED;
	time_t t = time(NULL);
	struct tm tm;
	long size;

	if (!f) {
		fprintf(stderr, "bench_records: %s: %s\n", path, strerror(errno));
		return 1;
	}
	gmtime_r(&t, &tm);
	strftime(now, sizeof(now), "%Y-%m-%dT%H:%M:%SZ", &tm);
	for (size_t i = 0; i < n; i++) {
		make_person(i, bsns[i], &p);
		crypto_generichash(hash, sizeof(hash), (const unsigned char *)p.bsn, 9, NULL, 0);
		for (size_t k = 0; k < sizeof(sealed); k += 8) {
			uint64_t x = splitmix64(&r);

			memcpy(sealed + k, &x, 8);
		}
		sodium_bin2hex(hash_hex, sizeof(hash_hex), hash, sizeof(hash));
		sodium_bin2hex(sealed_hex, sizeof(sealed_hex), sealed, sizeof(sealed));
		jr_date_format(p.birth_date, birth);
		fprintf(f, "%" PRId64 ",%s,%s,%s,%s,%s,%s,1,1,%s,%s\n", ids[i], hash_hex, sealed_hex,
			p.given_names, p.family_name, birth, p.municipality, now, now);
	}
	size = ftell(f);
	if (fclose(f) != 0) {
		fprintf(stderr, "bench_records: %s: %s\n", path, strerror(errno));
		return 1;
	}
	printf("csv: %s, %zu rows, %.1f MB\n", path, n, (double)size / 1e6);
	return 0;
}

/* Step 2: random look-ups by BSN. */
static int lookups(struct jr_store *s, size_t n, char (*bsns)[10], const int64_t *ids)
{
	double *lat = calloc(LOOKUPS, sizeof(*lat));
	uint64_t r = SEED + 1;
	struct jr_person p;
	enum jr_err err;

	if (!lat)
		return fail("look-ups", JR_ERR_NOMEM);
	for (size_t k = 0; k < LOOKUPS; k++) {
		size_t i = (size_t)below(&r, n);
		double t0 = now_us();

		err = jr_store_person_find_bsn(s, &actor, bsns[i], &p);
		lat[k] = now_us() - t0;
		if (err || p.id != ids[i]) {
			free(lat);
			return fail("find by BSN", err ? err : JR_ERR_STORE);
		}
	}
	report("find_bsn", lat, LOOKUPS);
	free(lat);
	return 0;
}

/* The highest help request id, assuming ids 1..max without gaps (a fresh demo); 0 when none. */
static enum jr_err help_request_max(struct jr_store *s, int64_t *max)
{
	struct jr_course_facts f;
	int64_t lo = 0, hi = 1; /* lo exists (or is 0), hi is to be tried */
	enum jr_err err;

	for (;;) {
		err = jr_store_course_facts(s, hi, &f);
		if (err == JR_ERR_NOT_FOUND)
			break;
		if (err)
			return err;
		lo = hi;
		hi *= 2;
	}
	while (hi - lo > 1) {
		int64_t mid = lo + (hi - lo) / 2;

		err = jr_store_course_facts(s, mid, &f);
		if (err == JR_ERR_NOT_FOUND) {
			hi = mid;
		} else if (err) {
			return err;
		} else {
			lo = mid;
		}
	}
	*max = lo;
	return JR_OK;
}

/* Step 3: random course reads of help requests (request, household, course facts). */
static int courses(struct jr_store *s)
{
	struct jr_help_request *h = calloc(1, sizeof(*h));
	struct jr_household_member *members = calloc(JR_HOUSEHOLD_MEMBERS_MAX, sizeof(*members));
	double *lat = calloc(4 * COURSES, sizeof(*lat)); /* whole read, request, household, facts */
	double *lat_req = lat + COURSES, *lat_hh = lat + 2 * COURSES, *lat_facts = lat + 3 * COURSES;
	struct jr_course_facts f;
	struct jr_household hh;
	uint64_t r = SEED + 2;
	int64_t max = 0;
	size_t done = 0, missing = 0, with_household = 0, members_seen = 0, n_facts = 0;
	enum jr_err err = JR_ERR_NOMEM;
	int rc = 1;

	if (!h || !members || !lat)
		goto out;
	if ((err = help_request_max(s, &max)))
		goto out;
	if (max == 0) {
		printf("course: no help requests in the store (run jeugdroute demo first)\n");
		rc = 0;
		goto out;
	}
	for (size_t k = 0; k < COURSES; k++) {
		int64_t id = 1 + (int64_t)below(&r, (uint64_t)max);
		double t0 = now_us(), t1, t2;

		err = jr_store_help_request_get(s, &actor, id, h);
		t1 = now_us();
		if (err == JR_ERR_NOT_FOUND) {
			missing++;
			continue;
		}
		if (err)
			goto out;
		if (h->household_id) {
			size_t count = JR_HOUSEHOLD_MEMBERS_MAX;

			err = jr_store_household_get(s, &actor, h->household_id, &hh, members, &count);
			if (err)
				goto out;
			lat_hh[with_household++] = now_us() - t1;
			members_seen += count;
		}
		t2 = now_us();
		if ((err = jr_store_course_facts(s, id, &f)))
			goto out;
		lat_facts[n_facts++] = now_us() - t2;
		lat_req[done] = t1 - t0;
		lat[done++] = now_us() - t0;
	}
	printf("course: %zu reads of %" PRId64 " help requests (%zu with a household, %.1f members "
	       "each; %zu ids not found)\n",
	       done, max, with_household,
	       with_household ? (double)members_seen / (double)with_household : 0.0, missing);
	report("course", lat, done);
	report("  help_request_get", lat_req, done);
	report("  household_get", lat_hh, with_household);
	report("  course_facts", lat_facts, n_facts);
	rc = 0;
out:
	if (rc)
		fail("course read", err);
	free(lat);
	free(members);
	free(h);
	return rc;
}

static void usage(void)
{
	fputs("usage: bench_records DB KEY N [CSV]   (N: 1..5000000)\n", stderr);
}

int main(int argc, char **argv)
{
	struct jr_store *s = NULL;
	struct jr_diag diag;
	enum jr_err err;
	char (*bsns)[10] = NULL;
	int64_t *ids = NULL;
	unsigned long n;
	char *end;
	long next = BSN_START;
	int rc = 1;

	if (argc < 4 || argc > 5 || argv[1][0] == '\0' || argv[2][0] == '\0') {
		usage();
		return 2;
	}
	errno = 0;
	n = strtoul(argv[3], &end, 10);
	if (errno || end == argv[3] || *end != '\0' || argv[3][0] == '-' || n == 0 || n > N_MAX) {
		usage();
		return 2;
	}
	if (sodium_init() < 0)
		return fail("sodium_init", JR_ERR_STORE);
	bsns = calloc(n, sizeof(*bsns));
	ids = calloc(n, sizeof(*ids));
	if (!bsns || !ids) {
		fail("allocation", JR_ERR_NOMEM);
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		if (!next_bsn(&next, bsns[i])) {
			fputs("bench_records: not enough BSNs\n", stderr);
			goto out;
		}
	}
	err = jr_store_open(argv[1], argv[2], false, &s, &diag);
	if (err) {
		fprintf(stderr, "bench_records: %s: %s\n", diag.path, diag.message);
		goto out;
	}
	printf("bench_records: %s store, %lu persons with BSNs %s..%s, seed %" PRIu64 "\n",
	       strstr(argv[1], "://") ? "PostgreSQL" : "SQLite", n, bsns[0], bsns[n - 1], SEED);
	fflush(stdout);
	if (insert_persons(s, n, bsns, ids))
		goto out;
	fflush(stdout);
	if (argc == 5 && write_csv(argv[4], n, bsns, ids))
		goto out;
	fflush(stdout);
	if (lookups(s, n, bsns, ids))
		goto out;
	fflush(stdout);
	if (courses(s))
		goto out;
	rc = 0;
out:
	if (s)
		jr_store_close(s);
	free(ids);
	free(bsns);
	return rc;
}
