/* journal: the notes a consulent (or the GI under a measure) keeps on a help request — a
 * conversation, a phone call, a home visit, a consultation — for the command line and the API.
 *
 * Who may: the consulents of the help request's municipality, and the GI whose measure on the
 * child runs (or ended within the region's reach period: it reads, it no longer writes). Nobody
 * else: a provider, a referrer and the roles without client data get JR_ERR_NOT_FOUND exactly as
 * for a help request that does not exist, so that not even the existence of notes is told. The
 * command line (app->principal NULL) is the operator's, who holds the records.
 *
 * Every read and every write is audited (the store's "journal.read" / "journal.add"; a refusal
 * as "access.denied"). Notes are never changed or removed: a correction is a new note naming the
 * note it corrects, and the original stays, shown as corrected. */
#ifndef JR_APP_JOURNAL_H
#define JR_APP_JOURNAL_H

#include <stddef.h>

#include "app/app.h"

/* The kinds of note: a code the records keep and its Dutch label the screens show. */
struct jr_note_kind {
	const char *code;
	const char *label;
};

/* The kinds, in the order a form offers them; *count set. */
const struct jr_note_kind *jr_app_journal_kinds(size_t *count);

/* The kind whose code or Dutch label (any case) is `s`, or NULL. */
const struct jr_note_kind *jr_app_journal_kind_find(const char *s);

/* Whether the principal reads (with `write`: adds to) the journal of help request `id`: JR_OK,
 * or the refusal explained (JR_ERR_NOT_FOUND out of reach, JR_ERR_FORBIDDEN for a GI whose
 * measure ended), audited as "access.denied". For an adapter that must know before it reads
 * its input; the use cases below ask it themselves. */
enum jr_err jr_app_journal_reach(struct jr_app *app, int64_t id, bool write);

/* Adds note `in` (in->help_request_id, date — 0: today —, kind by code or label, text,
 * corrects 0 or a note of the same help request) written by app->actor; `out` is the note as
 * kept. Refused with JR_ERR_INPUT on the field when: the kind is unknown ("kind"), the text is
 * empty, longer than JR_NOTE_TEXT_MAX bytes or not clean UTF-8 ("text"), the date lies after
 * today ("date"), the corrected note is not one of this help request ("corrects"). */
enum jr_err jr_app_journal_add(struct jr_app *app, const struct jr_note *in, struct jr_note *out);

/* The notes of help request `id`, newest first, each to `fn`. */
enum jr_err jr_app_journal_list(struct jr_app *app, int64_t id, jr_note_fn fn, void *ctx);

#endif
