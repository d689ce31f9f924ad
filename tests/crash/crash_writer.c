/* crash_writer: the writer of the SIGKILL crash test (tests/crash/run.sh).
 *
 * Usage: crash_writer DB KEYFILE START
 *
 * Opens the store (creating and migrating it on first use) and then adds fictitious demo persons
 * forever, one transaction each, with the valid BSNs (eleven-test) from the 9-digit number START
 * upwards. After an add has returned JR_OK it prints "ack <id> <n>" (n counts this run's adds);
 * every fourth add it also updates this run's first person from the version read and, once that
 * returned JR_OK, prints "ack-update <id> <version>". Each line is flushed at once, so what the
 * log holds is exactly what was acknowledged when the process is killed. A BSN that is known
 * already (a START used before) is skipped. Exits 2 on bad arguments, 1 when the store fails. */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/err.h"
#include "core/ident.h"
#include "core/person.h"
#include "store/store.h"

#define BSN_LIMIT 1000000000L /* 9 digits */

static const struct jr_actor actor = {
	.who = "crash_writer",
	.origin = "tests/crash",
	.reason = "crash test",
};

/* Sets bsn to the first valid BSN at or after *next and moves *next past it; false when the
 * 9-digit numbers are used up. */
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

static void usage(void)
{
	fputs("gebruik: crash_writer DB KEYFILE START (START: 0..999999999)\n", stderr);
}

static int fail(const char *what, enum jr_err err)
{
	fprintf(stderr, "crash_writer: %s: %s\n", what, jr_err_name(err));
	return 1;
}

/* Updates person `id` from the version read, alternating its given names. */
static enum jr_err update_person(struct jr_store *s, int64_t id, int *version)
{
	struct jr_person p;
	enum jr_err err = jr_store_person_get(s, &actor, id, &p);

	if (err)
		return err;
	snprintf(p.given_names, sizeof(p.given_names), "%s",
	         p.version % 2 ? "Testkind Crash" : "Testkind");
	err = jr_store_person_update(s, &actor, &p);
	if (!err)
		*version = p.version;
	return err;
}

int main(int argc, char **argv)
{
	struct jr_store *s;
	struct jr_diag diag;
	struct jr_person p;
	enum jr_err err;
	char *end;
	long next;
	long n = 0;
	int64_t first = 0;

	if (argc != 4 || argv[1][0] == '\0' || argv[2][0] == '\0') {
		usage();
		return 2;
	}
	errno = 0;
	next = strtol(argv[3], &end, 10);
	if (errno || end == argv[3] || *end != '\0' || next < 0 || next >= BSN_LIMIT) {
		usage();
		return 2;
	}

	err = jr_store_open(argv[1], argv[2], true, &s, &diag);
	if (err) {
		fprintf(stderr, "crash_writer: %s: %s\n", diag.path, diag.message);
		return 1;
	}

	for (;;) {
		memset(&p, 0, sizeof(p));
		if (!next_bsn(&next, p.bsn)) {
			jr_store_close(s);
			fputs("crash_writer: geen BSN's meer na START\n", stderr);
			return 1;
		}
		snprintf(p.given_names, sizeof(p.given_names), "Testkind");
		snprintf(p.family_name, sizeof(p.family_name), "Crashtest");
		snprintf(p.municipality, sizeof(p.municipality), "0153");
		p.birth_date = jr_date_from_ymd(2015, 1, 1);
		p.demo = true;
		err = jr_store_person_add(s, &actor, &p);
		if (err == JR_ERR_CONFLICT)
			continue; /* this BSN was stored by an earlier run */
		if (err)
			return fail("person add", err);
		n++;
		printf("ack %lld %ld\n", (long long)p.id, n);
		fflush(stdout);
		if (!first)
			first = p.id;

		if (n % 4 == 0) {
			int version = 0;

			err = update_person(s, first, &version);
			if (err)
				return fail("person update", err);
			printf("ack-update %lld %d\n", (long long)first, version);
			fflush(stdout);
		}
	}
}
