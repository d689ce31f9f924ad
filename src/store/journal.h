/* journal: the notes kept on a help request (store_journal.c). Append-only: a note is added and
 * read, never changed or removed here (a correction is a new note that names the one it
 * corrects; the table refuses an UPDATE, migration 20). Only erasure at the end of the retention
 * period removes notes, with the child's other records (store_retention.c). */
#ifndef JR_STORE_JOURNAL_H
#define JR_STORE_JOURNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "core/err.h"

#include "store/store_types.h"

#define JR_NOTE_TEXT_MAX   4000 /* bytes of a note's text, without the NUL */
#define JR_NOTE_KIND_MAX   24
#define JR_NOTE_AUTHOR_MAX 128

/* One note. corrects: the note this one corrects (0: none); corrected_by: the latest note that
 * corrects this one (0: none), filled when read. */
struct jr_note {
	int64_t id;
	int64_t help_request_id;
	jr_day date; /* the day the consulent states it happened */
	char kind[JR_NOTE_KIND_MAX];
	char text[JR_NOTE_TEXT_MAX + 1];
	char author[JR_NOTE_AUTHOR_MAX];
	int64_t corrects;
	int64_t corrected_by;
	char created_at[21];
};

/* Adds note `n` (help_request_id, date, kind, text, corrects) as written by a->who; sets n->id,
 * n->author and n->created_at. When n->corrects is set it must be a note of the same help
 * request (JR_ERR_NOT_FOUND otherwise); JR_ERR_NOT_FOUND too when there is no such help request.
 * One audit entry "journal.add" for the child, in the same transaction. */
enum jr_err jr_store_note_add(struct jr_store *s, const struct jr_actor *a, struct jr_note *n);

/* The notes of help request `help_request_id`, newest first (by date, then by when written),
 * each to `fn` (which may stop the walk by returning an error). One audit entry
 * "journal.read" for the child. JR_ERR_NOT_FOUND when there is no such help request. */
typedef enum jr_err (*jr_note_fn)(void *ctx, const struct jr_note *n);
enum jr_err jr_store_notes_list(struct jr_store *s, const struct jr_actor *a,
                                int64_t help_request_id, jr_note_fn fn, void *ctx);

#endif
