/* letter: the decision letters (beschikkingen) of allocations (store_letter.c). Append-only: a
 * letter is added and read, never changed or removed here (migration 22: the engine refuses an
 * UPDATE, and a DELETE while the allocation exists). Only erasure at the end of the retention
 * period removes letters, with the child's other records (store_retention.c). */
#ifndef JR_STORE_LETTER_H
#define JR_STORE_LETTER_H

#include <stdbool.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/err.h"
#include "core/person.h"

#include "store/care.h"
#include "store/store_types.h"

#define JR_LETTER_PARENT_ROWS 4

/* What the records say that a letter of allocation `id` needs (the app adds the policy's words).
 * Read without an audit entry: the letter.issue entry that follows covers it. */
struct jr_letter_source {
	struct jr_allocation al;
	char municipality[5]; /* the help request's */
	int64_t child_id;
	bool changed;          /* the allocation was changed after it was made */
	char change_reason[3]; /* its latest reason of change (JZ002); "" */
	char provider[JR_PERSON_NAME_MAX + 60];
	char child_given[JR_PERSON_NAME_MAX], child_family[JR_PERSON_NAME_MAX];
	jr_day child_birth;
	struct jr_address address; /* the child's; house_number 0 when none is recorded */
	struct {
		char given[JR_PERSON_NAME_MAX], family[JR_PERSON_NAME_MAX];
		char role[16];
	} parents[JR_LETTER_PARENT_ROWS];
	size_t parent_count;
	/* the referral it rests on (al.referral_id), when there is one */
	int referrer_type; /* COD327 number; 0 */
	char referrer_name[JR_PERSON_NAME_MAX];
	jr_day referred_on;
	/* the help request's latest broad analysis and route advice (0: none) */
	jr_day analysis_on, advice_on;
	jr_day raised_on;
};
/* JR_ERR_NOT_FOUND when there is no allocation `id`. */
enum jr_err jr_store_letter_source(struct jr_store *s, int64_t id, struct jr_letter_source *out);

/* The sequence number for the next letter of allocation `allocation_id` (1 for the first). */
enum jr_err jr_store_letter_next(struct jr_store *s, int64_t allocation_id, int *sequence);

/* A letter as listed. */
struct jr_letter_row {
	int64_t allocation_id;
	int sequence;
	jr_day issued_on;
	char kind[12];   /* "allocation" or "change" */
	char sha256[65]; /* hex, of the HTML as kept */
	char created_at[21];
};

/* Keeps the next letter of allocation `allocation_id` (sequence = the last + 1) for child
 * `child_id`: `facts` (JSON the app made) and `html` (the document), its SHA-256 computed here.
 * One audit entry "letter.issue" on the child with object "letter:<id>/<n> sha256:<hex>".
 * `out` filled. */
enum jr_err jr_store_letter_add(struct jr_store *s, const struct jr_actor *a, int64_t allocation_id,
                                int64_t child_id, jr_day issued_on, bool change, const char *facts,
                                const char *html, struct jr_letter_row *out);

/* The letters of allocation `allocation_id`, by sequence, each to `fn`. One audit entry
 * "letter.list" on the child (when there are letters). */
typedef enum jr_err (*jr_letter_fn)(void *ctx, const struct jr_letter_row *l);
enum jr_err jr_store_letters_list(struct jr_store *s, const struct jr_actor *a,
                                  int64_t allocation_id, jr_letter_fn fn, void *ctx);

/* Letter `sequence` (0: the latest) of allocation `allocation_id`: its row and its HTML as kept
 * (into `html`), and whether the HTML's SHA-256 is still the one kept (*intact). One audit entry
 * "letter.read" with the hash. JR_ERR_NOT_FOUND when there is no such letter. */
enum jr_err jr_store_letter_get(struct jr_store *s, const struct jr_actor *a, int64_t allocation_id,
                                int sequence, struct jr_letter_row *out, struct jr_buf *html,
                                bool *intact);

/* The SHA-256 of `data` (len bytes) in hex. */
void jr_store_sha256_hex(const void *data, size_t len, char out[65]);

#endif
