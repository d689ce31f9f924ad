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

/* Where a person lives, as the municipality's records (BRP) have it; what an iJw allocation
 * message (JW301) must carry. An empty street means the address is not known. Limits in
 * characters as iJw has them; the buffers hold that many characters of UTF-8. */
#define JR_STREET_CHARS 24
#define JR_PLACE_CHARS 80
struct jr_address {
	char street[4 * JR_STREET_CHARS + 1];
	int house_number;      /* 1 to 99999 */
	char house_letter[2];  /* one letter, or "" */
	char house_addition[17]; /* at most 4 characters, or "" */
	char postcode[7];      /* Dutch, without a space: 1234AB */
	char place[4 * JR_PLACE_CHARS + 1];
};

struct jr_person {
	int64_t id; /* 0 until stored */
	char bsn[10];
	char given_names[JR_PERSON_NAME_MAX];
	char family_name[JR_PERSON_NAME_MAX];
	jr_day birth_date;
	char municipality[5]; /* CBS code of residence: the responsible municipality */
	char sex;             /* iJw COD046: '0' not known (the default), '1' male, '2' female */
	struct jr_address address;
	bool demo;            /* synthetic demo data */
	int version;          /* the version read; the store refuses an update of an older one */
	/* Principle 13, filled by the app when it shows the person (not stored): the municipality
	 * responsible for the child ("" = not worked out) and whether it is the residence before
	 * a running stay; after a move, a notice (Dutch, "" = none) that running care stays with
	 * the municipality responsible for it. */
	char responsible[5];
	bool responsible_before_stay;
	char notice[320];
};

/* Checks every field (BSN eleven-test, names present and printable, birth date not after
 * `today`, municipality a CBS code, sex a COD046 code, the address when there is one). A sex of
 * '\0' counts as '0'. On failure *field names the field and *message says what is
 * wrong, in Dutch, without repeating the value. */
enum jr_err jr_person_check(const struct jr_person *p, jr_day today, const char **field,
			    const char **message);

/* Checks an address that is given: a street of 1 to 24 characters, a house number of 1 to
 * 99999, at most one letter and a 1 to 4 character addition, a Dutch postcode (1234AB) and a
 * place of 1 to 80 characters. *field and *message as for jr_person_check. */
enum jr_err jr_address_check(const struct jr_address *a, const char **field,
			     const char **message);

/* True when `s` is non-empty, at most JR_PERSON_NAME_MAX - 1 bytes, valid UTF-8 and without
 * control characters. */
bool jr_name_valid(const char *s);

/* A person's role in a household as the records name it ("child", "parent", "carer";
 * NULL-terminated), and its Dutch label ("kind"; NULL for a name not in the list). */
extern const char *const jr_household_roles[];
const char *jr_household_role_label(const char *name);

#endif
