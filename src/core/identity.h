/* identity: whether what someone says about a child fits the child the records hold under that
 * BSN — the check before a referrer may refer a child the records know.
 *
 * A BSN alone proves nothing (it is printed on a health-insurance card and in every letter), so
 * a referral must also give the birth date and the family name, and they must fit. The birth
 * date must be the same day. The family name is compared as people write it, not byte for byte:
 * case, spaces (around, repeated), punctuation between parts (hyphens, apostrophes, full stops)
 * and diacritics (é, ë, ç, ø, ß, ĳ …) do not count, and neither do the name's prefixes
 * (tussenvoegsels: "van der", "de", "'t", …) at its start nor whether they are written after the
 * name with a comma ("Berg, van der") — systems write them each in their own way. What remains
 * (the core of the name, in order) must be the same. */
#ifndef JR_CORE_IDENTITY_H
#define JR_CORE_IDENTITY_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/person.h"

#define JR_IDENTITY_BIRTH_DATE  1u /* the birth date does not fit */
#define JR_IDENTITY_FAMILY_NAME 2u /* the family name does not fit */
#define JR_IDENTITY_GIVEN_NAMES 4u /* the given names do not fit */

/* The comparison key of a family name (see the top of this file): lowercase letters and digits
 * without diacritics, its parts separated by one space, the leading prefixes left out (never the
 * last part). False when `name` is not valid UTF-8 or the key does not fit in `cap`; out is then
 * "". */
bool jr_family_name_key(const char *name, char *out, size_t cap);

/* Whether two family names are the same name by jr_family_name_key (false when either is not
 * valid UTF-8 or has no letters or digits at all). */
bool jr_family_name_same(const char *a, const char *b);

/* Whether the given names someone states fit the given names the records hold. Both are folded
 * as family names are (case, diacritics and punctuation do not count) into words. Every word
 * stated must be one of the recorded words, in the recorded order (a referrer may give only the
 * first name, or the name the child goes by when it is one of its given names); an initial (one
 * letter) fits a recorded word that starts with it, but at least one word stated must be a whole
 * name: twins share a birth date and a family name, and often an initial, so a mistyped BSN of
 * the brother or sister must not fit. False when either is not valid UTF-8 or has no word. */
bool jr_given_names_fit(const char *recorded, const char *stated);

/* What does not fit between the child the records hold and what is said about it: 0, or
 * JR_IDENTITY_BIRTH_DATE, JR_IDENTITY_FAMILY_NAME and/or JR_IDENTITY_GIVEN_NAMES. */
unsigned jr_identity_mismatch(const struct jr_person *known, jr_day birth_date,
                              const char *family_name, const char *given_names);

/* The parts of `mismatch` in Dutch words, for a message: "De geboortedatum en de achternaam"
 * (capitalised); `*plural` tells whether the verb that follows is plural ("passen" rather than
 * "past": given names are plural by themselves). Returns the API field of the first part
 * ("birth_date", "family_name" or "given_names"), or NULL when `mismatch` is 0. */
const char *jr_identity_mismatch_words(unsigned mismatch, char *out, size_t cap, bool *plural);

#endif
