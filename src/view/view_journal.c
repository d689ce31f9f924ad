/* view_journal: the journal as JSON (view_journal.h). */
#include "view/view_journal.h"

static void opt_id(struct jr_json_writer *w, const char *key, int64_t id)
{
	jr_jw_key(w, key);
	if (id)
		jr_jw_int(w, id);
	else
		jr_jw_null(w);
}

void jr_view_note(struct jr_json_writer *w, const struct jr_note *n)
{
	const struct jr_note_kind *k = jr_app_journal_kind_find(n->kind);

	jr_jw_object(w);
	jr_jw_kint(w, "id", n->id);
	jr_jw_kint(w, "help_request_id", n->help_request_id);
	jr_jw_kdate(w, "date", n->date, true);
	jr_jw_kstring(w, "kind", n->kind);
	jr_jw_kstring(w, "kind_label", k ? k->label : n->kind);
	jr_jw_kstring(w, "text", n->text);
	jr_jw_kstring(w, "author", n->author);
	opt_id(w, "corrects", n->corrects);
	opt_id(w, "corrected_by", n->corrected_by);
	jr_jw_kstring(w, "created_at", n->created_at);
	jr_jw_end(w);
}

void jr_view_note_kinds(struct jr_json_writer *w)
{
	size_t count;
	const struct jr_note_kind *k = jr_app_journal_kinds(&count);

	jr_jw_array(w);
	for (size_t i = 0; i < count; i++) {
		jr_jw_object(w);
		jr_jw_kstring(w, "code", k[i].code);
		jr_jw_kstring(w, "label", k[i].label);
		jr_jw_end(w);
	}
	jr_jw_end(w);
}

enum jr_err jr_view_note_each(void *ctx, const struct jr_note *n)
{
	jr_view_note(ctx, n);
	return JR_OK;
}

void jr_view_journal_begin(struct jr_json_writer *w, int64_t help_request_id)
{
	jr_jw_object(w);
	jr_jw_kint(w, "help_request_id", help_request_id);
	jr_jw_key(w, "kinds");
	jr_view_note_kinds(w);
	jr_jw_key(w, "notes");
	jr_jw_array(w);
}

void jr_view_journal_end(struct jr_json_writer *w)
{
	jr_jw_end(w);
	jr_jw_end(w);
}
