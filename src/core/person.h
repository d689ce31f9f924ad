/* person: a child or a parent/carer as the records know them, and the checks on their fields.
 *
 * Personal data: the BSN and the names are never logged or put in error messages; the store keeps
 * the BSN sealed (store/vault.h). */
#ifndef JR_CORE_PERSON_H
#define JR_CORE_PERSON_H

#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "core/err.h"

#define JR_PERSON_NAME_MAX 101 /* 100 bytes of UTF-8 and a NUL */

struct jr_person {
	int64_t id; /* 0 until stored */
	char bsn[10];
	char given_names[JR_PERSON_NAME_MAX];
	char family_name[JR_PERSON_NAME_MAX];
	jr_day birth_date;
	char municipality[5]; /* CBS code of residence: the responsible municipality */
	bool demo;            /* synthetic demo data */
	int version;          /* the version read; the store refuses an update of an older one */
};

/* Checks every field (BSN eleven-test, names present and printable, birth date not after
 * `today`, municipality a CBS code). On failure *field names the field and *message says what is
 * wrong, in Dutch, without repeating the value. */
enum jr_err jr_person_check(const struct jr_person *p, jr_day today, const char **field,
			    const char **message);

/* True when `s` is non-empty, at most JR_PERSON_NAME_MAX - 1 bytes, valid UTF-8 and without
 * control characters. */
bool jr_name_valid(const char *s);

#endif
