/* namekey: names folded for search — lower case, accents off, punctuation as a space — and the
 * keys under which a person's name is indexed (docs/security.md, "Names in the search index").
 * Pure: the store keeps the keys, the use case folds what is searched. */
#ifndef JR_CORE_NAMEKEY_H
#define JR_CORE_NAMEKEY_H

#include <stdbool.h>
#include <stddef.h>

/* The longest folded name or key, with its NUL. */
#define JR_NAME_KEY_MAX 256
/* At most this many keys per person (two per word, words counted over both names). */
#define JR_NAME_KEYS_MAX 32

/* Folds UTF-8 `in` into out[cap]: ASCII letters lower case; the Latin letters with diacritics
 * of U+00C0–U+017F to their base letters (ß ss, æ ae, œ oe, ĳ ij, þ th); combining marks
 * (U+0300–U+036F) dropped; anything else that is not a letter or digit in ASCII (spaces,
 * hyphens, apostrophes, dots) one space between words, none at either end; other characters
 * kept as they are. Stops at a word boundary before out would overflow. Returns the length. */
size_t jr_name_fold(const char *in, char *out, size_t cap);

/* Whether every word of folded `query` occurs in folded `text` (as a word or inside one: "steun"
 * finds "opvoedingsondersteuning"); true for a query without words. For a text search over a few
 * short texts, such as the social map's names and descriptions. */
bool jr_name_fold_has_words(const char *text, const char *query);

/* The number of characters (code points) of folded `s`. */
size_t jr_name_chars(const char *s);

/* The index keys of a person named `given` `family`: the words in both orders (family name
 * first, given names first), each order cut at every word, so that a prefix of the family name
 * ("de vries", "vries"), of the given names ("jan", "pieter") or of both in either order ("jan
 * de v", "de vries jan") is a prefix of a key. Writes up to JR_NAME_KEYS_MAX distinct keys of
 * JR_NAME_KEY_MAX bytes into keys; returns how many. */
size_t jr_name_keys(const char *given, const char *family, char keys[][JR_NAME_KEY_MAX]);

/* The sort key of a name, family name first: what search results are ordered by. */
void jr_name_sort_key(const char *given, const char *family, char out[JR_NAME_KEY_MAX]);

#endif
